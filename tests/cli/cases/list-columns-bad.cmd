list actors --columns id,nope --format json
