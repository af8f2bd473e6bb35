compare ev-2025-09-09-alpha-series-b testonia-plan-2025 --format csv
