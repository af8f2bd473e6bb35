list blocs --filter 'etats -kind:union' --format tsv
