list funding --filter 'date:2025-01..2025-06 -status:committed' --format tsv
