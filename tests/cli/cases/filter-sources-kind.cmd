list sources --filter 'kind:news or kind:dataset' --format tsv
