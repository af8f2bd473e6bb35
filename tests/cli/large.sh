#!/bin/sh
# A record whose text is very long (a hostile or careless import): search
# shows the start of its text instead of a snippet, whose cost grows with
# the square of the matches, and every view of it still works.
. "$top_srcdir/tests/cli/lib.sh"

cp -R "$top_srcdir/tests/fixtures" "$scratch/data"
chmod -R u+w "$scratch/data"
# 100,000 times "word" in Alpha Labs' summary.
awk '/^alpha-labs,/ { s = ""; for (i = 0; i < 100000; i++) s = s "word "
	sub(/"A test company that builds models, in Testonia."/, "\"" s "end\"") } { print }' \
    "$scratch/data/actors.csv" >"$scratch/actors.csv" &&
    mv "$scratch/actors.csv" "$scratch/data/actors.csv"
"$MKDB" -o "$scratch/big.db" "$scratch/data" >"$scratch/mkdb.out" 2>&1
ok $? "a database with a 500 kB summary builds"
A="--db $scratch/big.db --no-user-db"

run $A search word --format tsv
expect_status 0 "search a word found 100,000 times in one record"
[ "$(cut -f1,4 "$scratch/out" | sed -n 2p)" = "alpha-labs	Alpha Labs Alpha word word word word word word word word wor…" ]
ok $? "its match is the start of its text"
run $A show alpha-labs --format tsv
expect_status 0 "show the record"
run $A list actors --filter word --format tsv
expect_status 0 "filter on the word"
printf '/\nword\n<Enter>\n<Enter>\n:dump %s\n' "$scratch/big.txt" >"$scratch/big.keys"
run $A --script "$scratch/big.keys" --size 80x24
expect_status 0 "the explorer searches it and opens it"
grep -q "Alpha Labs" "$scratch/big.txt"
ok $? "and shows the record"

done_testing
