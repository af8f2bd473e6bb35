brief alpha-series-b-2025 no-such-record
