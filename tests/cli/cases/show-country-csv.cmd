show xtb --format csv
