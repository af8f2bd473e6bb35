list actors --format json
