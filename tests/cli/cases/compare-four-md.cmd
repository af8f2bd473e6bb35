compare XTA test-union gamma-fund alpha-labs --format md
