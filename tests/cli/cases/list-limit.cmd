list events --limit 1 --format tsv
