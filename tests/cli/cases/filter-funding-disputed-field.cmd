list funding --filter 'disputed:currency' --format tsv
