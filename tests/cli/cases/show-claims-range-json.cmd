show delta-range-2025 --format json
