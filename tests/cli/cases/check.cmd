check --format tsv
