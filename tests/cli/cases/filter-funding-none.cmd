list funding --filter 'amount>=1T'
