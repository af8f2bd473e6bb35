compare XTA alpha-series-b-2025
