list actors --filter "id:x' OR '1'='1" --format tsv
