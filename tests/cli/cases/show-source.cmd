show fixture-news --format table
