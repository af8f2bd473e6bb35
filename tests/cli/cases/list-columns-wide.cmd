COLUMNS=40 list funding --wide --columns id,title_en --format table --limit 3
