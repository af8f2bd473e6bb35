show alpha-series-b-2025
