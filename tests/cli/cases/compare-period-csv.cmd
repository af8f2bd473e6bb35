compare XTA XTB --from 2024 --to 2025 --format csv
