list events --filter 'year:25'
