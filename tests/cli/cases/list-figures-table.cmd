list figures --format table
