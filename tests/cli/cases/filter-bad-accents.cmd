list funding --filter 'données colour:x'
