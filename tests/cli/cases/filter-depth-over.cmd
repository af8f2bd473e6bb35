list actors --filter '(((((((((((((((((((((not not not not not not not not not not not not not not not not not not not -bloc:test-union)))))))))))))))))))))' --format tsv
