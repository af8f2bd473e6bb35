list actors --sort colour
