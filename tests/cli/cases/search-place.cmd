search testonia --format tsv
