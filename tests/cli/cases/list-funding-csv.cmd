list funding --format csv
