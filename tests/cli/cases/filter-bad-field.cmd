list funding --filter 'colour:red'
