list funding --filter '"data centre'
