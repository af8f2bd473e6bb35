show gamma-fund --format md
