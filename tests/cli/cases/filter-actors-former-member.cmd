list actors --filter 'bloc:test-union country:XTB' --format tsv
