search '"test union"' --format tsv
