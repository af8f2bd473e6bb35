#!/bin/sh
# A damaged user database is moved aside, never deleted, with a message
# naming where, and a new one is started; a file that is not a SQLite
# database, another program's database or one from a newer aiatlas is
# refused and left as it is (userdb-file.sh).
. "$top_srcdir/tests/cli/lib.sh"

A="--db $FIXTURE"

# stamped: stderr with the time of the new name as YYYYmmdd-HHMMSS.
stamped() {
	sed 's/corrupt-[0-9]\{8\}-[0-9]\{6\}/corrupt-YYYYmmdd-HHMMSS/g' "$scratch/err"
}

# A user database with a note and a source.
run $A --user-db "$scratch/good.db" note add XTA "a note that was there"
expect_status 0 "a note"
printf 'id,title,lang,kind\nmine,Mine,en,news\n' >"$scratch/source.csv"
run $A --user-db "$scratch/good.db" import "$scratch/source.csv" --into sources
expect_status 0 "an import"

# Cut short: SQLite finds it damaged as soon as it reads it.
f="$scratch/cut.db"
head -c 8192 "$scratch/good.db" >"$f"
sum=$(cksum <"$f")
run $A --user-db "$f" list actors
expect_status 0 "a user database cut short: the command runs"
stamped >"$scratch/err.stamped"
printf 'aiatlas: %s: not a SQLite database, or damaged: database disk image is malformed; it was moved to %s.corrupt-YYYYmmdd-HHMMSS and a new user database is started\n' \
    "$f" "$f" | cmp -s - "$scratch/err.stamped"
ok $? "a user database cut short: one line says where it went"
set -- "$f".corrupt-*
[ $# -eq 1 ] && [ "$(cksum <"$1")" = "$sum" ]
ok $? "a user database cut short is moved aside as it was"
grep -qF "$1" "$scratch/err"
ok $? "the message names the file it was moved to"
[ ! -e "$f" ]
ok $? "nothing is made in its place before a write"
run $A --user-db "$f" note add XTA "a new start"
expect_status 0 "a note after the move"
[ ! -s "$scratch/err" ]
ok $? "the move is said once"
run $A --user-db "$f" --format tsv sql "SELECT body FROM user.note"
[ "$(cat "$scratch/out")" = "$(printf 'body\na new start')" ]
ok $? "the new user database has the new note only"
run $A --user-db "$f" check
expect_status 0 "aiatlas check passes on the new user database"

# Moved again within the second: never over the first one.
head -c 8192 "$scratch/good.db" >"$f"
run $A --user-db "$f" list actors
expect_status 0 "damaged again: the command runs"
set -- "$f".corrupt-*
[ $# -eq 2 ] && [ "$(cksum <"$1")" = "$sum" ] && [ "$(cksum <"$2")" = "$sum" ]
ok $? "damaged again: both damaged files are kept"

# A page of the notes overwritten: the file opens, SQLite's quick check
# finds the damage.
f="$scratch/page.db"
cp "$scratch/good.db" "$f"
run $A --user-db "$f" --format tsv sql "SELECT rootpage FROM user.sqlite_schema WHERE name = 'note'"
page=$(sed -n 2p "$scratch/out")
# The page size is the big-endian number at byte 16 of the file.
size=$(od -An -tu1 -j16 -N2 "$f" | awk '{ print $1 * 256 + $2 }')
awk 'BEGIN { for (i = 0; i < 64; i++) printf "\377" }' |
    dd of="$f" bs=1 seek=$(( (page - 1) * size + 8 )) conv=notrunc 2>/dev/null
sum=$(cksum <"$f")
run $A --user-db "$f" note list
expect_status 1 "a damaged page: note list runs, and lists no note"
stamped >"$scratch/err.stamped"
grep -q "^aiatlas: $f: damaged: .*; it was moved to $f.corrupt-YYYYmmdd-HHMMSS and a new user database is started\$" \
    "$scratch/err.stamped" && [ "$(wc -l <"$scratch/err")" -eq 1 ]
ok $? "a damaged page: one line says what and where"
set -- "$f".corrupt-*
[ $# -eq 1 ] && [ "$(cksum <"$1")" = "$sum" ]
ok $? "a damaged page: the file is moved aside as it was"

# The explorer says it on its status line.
f="$scratch/explorer.db"
head -c 8192 "$scratch/good.db" >"$f"
printf ':dump %s\n' "$scratch/screen.txt" >"$scratch/dump.keys"
run $A --user-db "$f" --script "$scratch/dump.keys" --size 300x12
expect_status 0 "the explorer over a damaged user database"
tail -n 1 "$scratch/screen.txt" | grep -q "^$f: not a SQLite database, or damaged: .*; it was moved to $f.corrupt-"
ok $? "the explorer's status line says where it went"

# An index that misses a row: the quick check at the start does not look
# at what indexes hold, so the file is used; aiatlas check finds it.
if have sqlite3; then
	f="$scratch/index.db"
	cp "$scratch/good.db" "$f"
	root=$(sqlite3 "$f" "SELECT rootpage FROM sqlite_schema WHERE name = 'note_subject'")
	sqlite3 "$f" "PRAGMA writable_schema = ON;
	    DELETE FROM sqlite_schema WHERE name = 'note_subject'" &&
	sqlite3 "$f" "INSERT INTO note (subject_id, body, created_at, updated_at)
	    VALUES ('XTB', 'not in the index', '2026', '2026')" &&
	sqlite3 "$f" "PRAGMA writable_schema = ON;
	    INSERT INTO sqlite_schema VALUES ('index', 'note_subject', 'note', $root,
	    'CREATE INDEX note_subject ON note (subject_id)')"
	run $A --user-db "$f" check
	expect_status 2 "aiatlas check of a user database with a damaged index"
	grep -qx "aiatlas: check: $f: integrity: row 2 missing from index note_subject" \
	    "$scratch/err" && grep -qx "aiatlas: check: 2 problems in $f" "$scratch/err"
	ok $? "aiatlas check names the user database and its problems"
else
	skip "aiatlas check of a user database with a damaged index" "sqlite3 is not installed"
	skip "aiatlas check names the user database and its problems" "sqlite3 is not installed"
fi

# A row of the text of the user's records gone behind its search index's
# back: aiatlas check runs FTS5's integrity check on that index too.
if have sqlite3; then
	f="$scratch/search.db"
	imports="$top_srcdir/tests/cli/import"
	run $A --user-db "$f" import "$imports/sources.csv" --into sources
	run $A --user-db "$f" import "$imports/actors.csv" --into actors
	run $A --user-db "$f" check
	expect_status 0 "aiatlas check passes on a user database with records"
	sqlite3 "$f" "DELETE FROM user_text WHERE id = 'zeta-ia'"
	run $A --user-db "$f" check
	expect_status 2 "aiatlas check of a user database whose search index is not its text's"
	grep -q "^aiatlas: check: $f: user_fts: the full-text index is damaged, or not made from the records: " \
	    "$scratch/err" && grep -qx "aiatlas: check: 2 problems in $f" "$scratch/err"
	ok $? "aiatlas check names the user's search indexes"
else
	skip "aiatlas check passes on a user database with records" "sqlite3 is not installed"
	skip "aiatlas check of a user database whose search index is not its text's" "sqlite3 is not installed"
	skip "aiatlas check names the user's search indexes" "sqlite3 is not installed"
fi

# A healthy user database is left where it is.
run $A --user-db "$scratch/good.db" note list
expect_status 0 "a sound user database"
set -- "$scratch"/good.db.corrupt-*
[ ! -e "$1" ] && [ ! -s "$scratch/err" ]
ok $? "a sound user database is not moved"

done_testing
