search test --kind blocs --format tsv
