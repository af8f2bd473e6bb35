#!/bin/sh
# An import of many records into a user database that has none makes its
# trigram index in a second process beside the word index, in a file
# beside the user database, then copies it in: --regex finds the records
# as it would, FTS5's integrity check passes, the file is gone; records
# imported after, beside those, are added to the index in place. A file
# left by an import that was killed goes with the next write. One that
# fails leaves no file and no process.
. "$top_srcdir/tests/cli/lib.sh"

udb="$scratch/user.db"
A="--db $FIXTURE --user-db $udb"

many_actors many 20000 >"$scratch/many.csv"
run $A import "$scratch/many.csv" --into actors
expect_status 0 "20,000 actors imported into a new user database"
expect_out_has "20000 actors imported" "all of them"
[ ! -e "$udb-trigrams" ]
ok $? "the file the trigram index was made in is gone"
run $A search --regex 'quartz[a-z]+' --format tsv
expect_status 0 "--regex over them"
[ "$(grep -c '^many-[0-9]*000	' "$scratch/out")" -eq 20 ] && [ "$(wc -l <"$scratch/out")" -eq 21 ]
ok $? "finds the 20 about quartzite, and them alone" || diag "$(head -5 "$scratch/out")"
run $A search --regex 'many 19999\b' --format tsv
expect_status 0 "--regex on a name"
expect_out_has "many-19999	" "finds the last record"
run $A check
expect_status 0 "aiatlas check, FTS5's integrity check of the user's indexes among its checks"
# One left by an import that was killed goes with the next write.
echo "left" >"$udb-trigrams"
run $A bookmark add many-1
expect_status 0 "a bookmark"
[ ! -e "$udb-trigrams" ]
ok $? "a write removes the file a killed import left"

# A reference to nothing among many: found by the load's checks, while
# the trigram index is being made in its process; the import fails as a
# whole, and leaves no file and no process.
udb2="$scratch/user2.db"
many_actors bad 20000 | awk -F, 'NR == 1 { sub(/,kind,/, ",kind,country,") }
    NR > 1 { sub(/,company,/, NR == 15000 ? ",company,XZZ," : ",company,,") } { print }' \
    >"$scratch/bad.csv"
run --db "$FIXTURE" --user-db "$udb2" import "$scratch/bad.csv" --into actors
expect_status 2 "20,000 actors, one of a country that does not exist: refused"
grep -q "bad.csv:15000: country: no country with iso3 'XZZ'" "$scratch/err"
ok $? "the file and the line" || diag "$(cat "$scratch/err")"
[ ! -e "$udb2" ] && [ ! -e "$udb2-trigrams" ]
ok $? "no user database made, no file of the trigram index left"
no_process "$udb2" "no process left"

many_actors more 20000 >"$scratch/more.csv"
run $A import "$scratch/more.csv" --into actors
expect_status 0 "20,000 more beside them"
run $A search --regex 'quartz[a-z]+' --format tsv
[ "$(grep -c '^many-[0-9]*000	' "$scratch/out")" -eq 20 ] &&
    [ "$(grep -c '^more-[0-9]*000	' "$scratch/out")" -eq 20 ]
ok $? "--regex finds the 40 about quartzite" || diag "$(head -5 "$scratch/out")"
run $A check
expect_status 0 "aiatlas check after"

done_testing
