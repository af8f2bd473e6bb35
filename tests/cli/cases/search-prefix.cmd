search alph --format table
