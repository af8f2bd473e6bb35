list funding --format md
