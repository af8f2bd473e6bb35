list funding --filter 'status:comitted'
