list events --filter 'role:participant date<=2025-02' --format tsv
