list funding --filter ''
