timeline --from 2025-09 --format table
