#!/bin/sh
# A record whose text is very long (a hostile or careless import): search
# shows the start of its text instead of a snippet, whose cost grows with
# the square of the matches, and every view of it still works; a 1 MB text
# without a space, a match every 5 bytes, is shown whole, wrapped and
# highlighted (in time linear in its length).
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
printf '/\nword\n<Enter>\n:dump %s\n' "$scratch/big.txt" >"$scratch/big.keys"
run $A --script "$scratch/big.keys" --size 80x24
expect_status 0 "the explorer searches it and opens it"
grep -q "Alpha Labs" "$scratch/big.txt"
ok $? "and shows the record"

# 200,000 times "word," and no space: 1 MB in Alpha Labs' summary.
cp -R "$top_srcdir/tests/fixtures" "$scratch/data1"
chmod -R u+w "$scratch/data1"
awk '/^alpha-labs,/ { s = ""; for (i = 0; i < 200000; i++) s = s "word,"
	sub(/"A test company that builds models, in Testonia."/, "\"" s "end\"") } { print }' \
    "$scratch/data1/actors.csv" >"$scratch/actors.csv" &&
    mv "$scratch/actors.csv" "$scratch/data1/actors.csv"
"$MKDB" -o "$scratch/long.db" "$scratch/data1" >"$scratch/mkdb.out" 2>&1
ok $? "a database with a 1 MB summary without a space builds"
A="--db $scratch/long.db --no-user-db"

run $A show alpha-labs --format table
expect_status 0 "show the record with the 1 MB summary"
[ "$(grep -o 'word,' "$scratch/out" | wc -l)" -eq 200000 ] && grep -q 'word,end$' "$scratch/out"
ok $? "show prints the summary whole"
run $A search word --format tsv
expect_status 0 "search a word found 200,000 times in a text without a space"
[ "$(cut -f1 "$scratch/out" | sed -n 2p)" = "alpha-labs" ]
ok $? "the record is the first result"
printf '/\nword\n<Esc>\n:dump %s\n<Enter>\n:dump %s\nG\n:dump %s\n' \
    "$scratch/results.txt" "$scratch/top.txt" "$scratch/end.txt" >"$scratch/long.keys"
run $A --script "$scratch/long.keys" --size 80x40
expect_status 0 "the explorer searches it, opens it and scrolls to its end"
grep -q 'Alpha Labs  *Alpha Labs Alpha word,word,word,.*…$' "$scratch/results.txt"
ok $? "the search result shows the start of the text, cut to the screen"
grep -q '^ *word,word,word,word,word,word,word,word,word,word,word,wo$' "$scratch/top.txt"
ok $? "the record view wraps the text at the width of the screen"
grep -q '^  *[a-z,]*,word,end$' "$scratch/end.txt" &&
    grep -q 'summary_fr' "$scratch/end.txt"
ok $? "and shows its last row, then the next field"

done_testing
