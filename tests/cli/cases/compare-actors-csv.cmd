compare alpha-labs gamma-fund --format csv
