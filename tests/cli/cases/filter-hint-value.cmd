list actors --filter 'compnay'
