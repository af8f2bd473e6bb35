#!/bin/sh
# Without a file, the user database a run reads is the reading copy that
# aiatlas-userimage made at build time: every table with its columns, and
# none of the constraints, indexes and triggers of a file, which SQLite
# would read at every start. A first save makes the file from the whole
# image, and a trial without a file (--dry-run) checks rows by its rules.
. "$top_srcdir/tests/cli/lib.sh"

columns="SELECT m.name, p.cid, p.name FROM user.sqlite_schema AS m
    JOIN pragma_table_xinfo(m.name, 'user') AS p WHERE m.type = 'table'
    ORDER BY m.name, p.cid"
objects="SELECT type, count(*) FROM user.sqlite_schema WHERE sql IS NOT NULL
    GROUP BY type ORDER BY type"

run --no-user-db sql "$columns"
expect_status 0 "the columns of the user database's tables, without a file"
cp "$scratch/out" "$scratch/copy.txt"
grep -q '^actor	[0-9]*	founded_precision$' "$scratch/copy.txt" &&
    grep -q '^user_fts	[0-9]*	body$' "$scratch/copy.txt"
ok $? "it holds the tables, the computed columns and the full-text index"
run --no-user-db sql "$objects"
[ "$(grep -vc '^table\|^type' "$scratch/out")" -eq 0 ]
ok $? "and no index or trigger" || diag "$(cat "$scratch/out")"

run --user-db "$scratch/user.db" bookmark add mistral-ai
expect_status 0 "a first save"
[ -f "$scratch/user.db" ]
ok $? "it makes the file"
run --user-db "$scratch/user.db" sql "$columns"
cmp -s "$scratch/out" "$scratch/copy.txt"
ok $? "the file has the same tables and columns as the copy" ||
    diag "$(diff "$scratch/copy.txt" "$scratch/out" | head -20)"
run --user-db "$scratch/user.db" sql "$objects"
grep -q '^index	' "$scratch/out" && grep -q '^trigger	' "$scratch/out"
ok $? "and its indexes and triggers" || diag "$(cat "$scratch/out")"

run --no-user-db sql "SELECT count(*) FROM user.bookmark"
expect_status 0 "the copy can be read"
expect_out_has "0" "and is empty"

# A trial import without a file writes to a copy of the whole image.
printf 'id,name,name_fr,kind,summary_en,summary_fr,sources\n%s\n' \
    'zeta-ia,Zeta,Zeta,guild,An actor.,Un acteur.,fixture-news' >"$scratch/bad.csv"
run --db "$FIXTURE" --user-db "$scratch/none.db" import "$scratch/bad.csv" \
    --into actors --dry-run
expect_status 2 "a trial without a file"
grep -q "bad.csv:2: kind: one of company" "$scratch/err"
ok $? "checks the rows by the schema's rules" || diag "$(cat "$scratch/err")"
[ ! -e "$scratch/none.db" ]
ok $? "and makes no file"

done_testing
