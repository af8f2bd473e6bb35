brief alpha-series-b-2025 gamma-pledge-2025 --format html
