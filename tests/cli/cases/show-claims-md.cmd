show alpha-series-b-2025 --format md
