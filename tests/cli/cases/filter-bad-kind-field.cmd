list actors --filter 'amount>1bn'
