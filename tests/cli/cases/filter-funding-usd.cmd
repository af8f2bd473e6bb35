list funding --filter 'amount:8bn..9bn' --format tsv
