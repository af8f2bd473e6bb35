timeline --format json --limit 2
