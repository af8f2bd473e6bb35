list sources --format csv
