COLUMNS=60 show alpha-series-b-2025
