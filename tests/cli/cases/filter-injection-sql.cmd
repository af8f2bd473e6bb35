list funding --filter 'amount>1); DROP TABLE actor; --'
