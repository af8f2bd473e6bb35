compare alpha-series-b-2025 testonia-plan-2025 --format json
