search ÉTATS --format tsv
