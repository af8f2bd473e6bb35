show TU --format tsv
