show alpha-labs --sort name
