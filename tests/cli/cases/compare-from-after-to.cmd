compare XTA XTB --from 2025 --to 2024
