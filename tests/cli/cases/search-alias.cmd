search usot --format tsv
