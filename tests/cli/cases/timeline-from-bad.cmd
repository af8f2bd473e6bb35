timeline --from 2025-13
