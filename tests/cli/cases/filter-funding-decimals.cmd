list funding --filter 'amount>=1.5bn amount<10.5bn' --format table
