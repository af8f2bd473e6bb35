list actors --format table
