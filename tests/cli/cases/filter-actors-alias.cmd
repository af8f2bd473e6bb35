list actors --filter 'country:usot or bloc:TU kind:public_body' --format tsv
