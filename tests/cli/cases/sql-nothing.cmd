sql 'SELECT id FROM actor WHERE 0'
