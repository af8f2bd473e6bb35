sql "SELECT '=1+1' AS formula, -5 AS amount, '@cmd' AS at" --format tsv --csv-raw
