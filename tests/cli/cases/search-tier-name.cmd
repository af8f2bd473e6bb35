search alpha labs --format tsv
