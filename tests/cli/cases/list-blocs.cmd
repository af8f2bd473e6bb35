list blocs --format table
