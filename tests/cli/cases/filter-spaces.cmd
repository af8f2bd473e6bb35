list funding --filter 'amount >= 10bn'
