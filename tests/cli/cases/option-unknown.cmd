list actors --colour
