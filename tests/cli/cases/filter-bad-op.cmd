list funding --filter 'amount=>1bn'
