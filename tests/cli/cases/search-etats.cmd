search etats --format tsv
