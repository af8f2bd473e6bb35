timeline --filter 'kind:summit'
