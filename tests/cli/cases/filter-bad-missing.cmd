list funding --filter 'kind:'
