search alpha --kind funding --format table
