list funding --filter 'amount>1.5bnn'
