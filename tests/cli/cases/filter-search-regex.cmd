search --regex 'Test.*Union' --format tsv
