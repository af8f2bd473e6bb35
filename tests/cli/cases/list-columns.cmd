COLUMNS=80 list funding --columns id,recipient,amount --format table
