COLUMNS=80 list funding --sort -amount --format table
