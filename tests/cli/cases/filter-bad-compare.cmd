list funding --filter 'status>committed'
