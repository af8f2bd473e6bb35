timeline --format tsv
