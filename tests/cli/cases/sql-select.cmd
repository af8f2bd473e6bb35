sql 'SELECT id, name FROM actor ORDER BY id LIMIT 2' --format csv
