show alpha-chips --format table
