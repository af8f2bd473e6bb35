list funding --filter 'amount>=10billion'
