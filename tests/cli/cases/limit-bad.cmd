list actors --limit -3
