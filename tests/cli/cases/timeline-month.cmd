timeline --from 2025-02 --to 2025-02 --format tsv
