timeline --filter 'amount>=10bn' --format csv
