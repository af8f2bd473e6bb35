list funding --sort -amount,id --format tsv
