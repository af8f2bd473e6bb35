COLUMNS=80 timeline --format table
