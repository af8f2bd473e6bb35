list actors --filter "kind:company' OR 1=1 --"
