brief alpha-labs --format csv
