list actors --filter '/banque b.ta/i' --format tsv
