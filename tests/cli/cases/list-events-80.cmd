COLUMNS=80 list events --format table
