list figures --format json
