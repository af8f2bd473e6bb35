list funding --filter 'disputed:yes' --format tsv
