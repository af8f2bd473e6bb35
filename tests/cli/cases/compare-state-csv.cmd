compare testonia XTA --format csv
