timeline --filter 'status:announced amount >= 10 bn'
