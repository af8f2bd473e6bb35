list funding --filter 'bloc:test-union amount>=10bn year:2025' --format csv
