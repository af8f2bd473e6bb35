sql "SELECT '=1+1' AS formula, -5 AS amount, '-5' AS text, '@cmd' AS at, '+33 1' AS phone, '-' AS dash" --format csv
