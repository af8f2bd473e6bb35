list figures --filter '(measure:chips or measure:capacity) year:2025' --format tsv
