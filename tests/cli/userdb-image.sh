#!/bin/sh
# The empty user database a run starts with when there is no file (a copy
# of the one aiatlas-userimage made at build time) is the one a first
# save makes from the schema's statements: the same objects, the same
# version, and it takes a write as a file does.
. "$top_srcdir/tests/cli/lib.sh"

schema="SELECT type, name, tbl_name, sql FROM user.sqlite_schema ORDER BY name"

run --no-user-db sql "$schema"
expect_status 0 "the empty user database's schema, without a file"
cp "$scratch/out" "$scratch/image.txt"
[ "$(wc -l <"$scratch/image.txt")" -gt 50 ]
ok $? "it holds the user database's tables, views and triggers"

run --user-db "$scratch/user.db" bookmark add mistral-ai
expect_status 0 "a first save"
[ -f "$scratch/user.db" ]
ok $? "it makes the file"
run --user-db "$scratch/user.db" sql "$schema"
cmp -s "$scratch/out" "$scratch/image.txt"
ok $? "the file has the same schema as the copy"
cmp -s "$scratch/out" "$scratch/image.txt" || diag "$(diff "$scratch/image.txt" "$scratch/out" | head -20)"

run --no-user-db sql "SELECT count(*) FROM user.bookmark"
expect_status 0 "the copy can be read"
expect_out_has "0" "and is empty"

done_testing
