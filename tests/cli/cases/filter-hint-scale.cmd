list funding --filter 'amount>=10 billion'
