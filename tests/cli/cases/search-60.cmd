COLUMNS=60 search alpha --format table
