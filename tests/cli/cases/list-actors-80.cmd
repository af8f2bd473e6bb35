COLUMNS=80 list actors --format table
