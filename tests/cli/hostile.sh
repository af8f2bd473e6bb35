#!/bin/sh
# Databases from anyone: a --db or a user database made or edited by a
# hostile hand is refused with one line naming it, never crashes or hangs
# the program; a query that would run for ever or build a huge string is
# stopped with a message; a signal stops a running query. The databases
# are edited by tests/cli/dbedit (schema included), not the sqlite3 shell.
. "$top_srcdir/tests/cli/lib.sh"

# hostile NAME SQL: a copy of the fixture, edited by SQL.
hostile() {
	cp "$FIXTURE" "$scratch/$1.db" && "$DBEDIT" "$scratch/$1.db" "$2"
}

# refused NAME MESSAGE DESCRIPTION: --db NAME.db is refused with MESSAGE.
refused() {
	run --db "$scratch/$1.db" --no-user-db list actors
	expect_status 2 "$3: refused"
	expect_err "aiatlas: $scratch/$1.db: $2" "$3"
}

# Not a regular file: one line, at once (a FIFO would block open()).
mkfifo "$scratch/fifo"
run --db "$scratch/fifo" --no-user-db list actors
expect_status 2 "a FIFO as --db"
expect_err "aiatlas: $scratch/fifo: not a regular file" "a FIFO as --db"
run --db "$scratch" --no-user-db list actors
expect_status 2 "a directory as --db"
expect_err "aiatlas: $scratch: not a regular file" "a directory as --db"

# NULL in a NOT NULL column, the constraint put back in the schema after.
hostile null "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'name        TEXT NOT NULL', 'name        TEXT') WHERE name = 'actor';"
"$DBEDIT" "$scratch/null.db" "UPDATE actor SET name = NULL WHERE id = 'alpha-labs'"
"$DBEDIT" "$scratch/null.db" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'name        TEXT CONSTRAINT', 'name        TEXT NOT NULL CONSTRAINT') WHERE name = 'actor';"
refused null "damaged: NULL value in actor.name" "NULL in a NOT NULL column"
run --db "$scratch/null.db" --no-user-db show alpha-labs
expect_status 2 "show on NULL in a NOT NULL column"

# A table whose constraints differ from the bundled schema's.
hostile notnull "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'name        TEXT NOT NULL', 'name        TEXT') WHERE name = 'actor';"
refused notnull "its table 'actor' is not the one aiatlas makes (another version, or changed); refused" \
    "a table without its NOT NULL"

# A full-text table that is a plain table, or has another tokenizer, or
# other settings.
hostile fakefts "DROP TABLE record_fts; CREATE TABLE record_fts (id, kind, name, alias, body)"
refused fakefts "its table 'record_fts' is not the one aiatlas makes (another version, or changed); refused" \
    "a plain table in place of the full-text one"
hostile tokenizer "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'trigram', 'ascii') WHERE name = 'record_tri';"
refused tokenizer "its table 'record_tri' is not the one aiatlas makes (another version, or changed); refused" \
    "a full-text table with another tokenizer"
hostile rank "UPDATE record_fts_config SET v = 'bm25(1.0, 1.0, 1.0, 1.0, 1.0)' WHERE k = 'rank'"
refused rank "the settings of its full-text table 'record_fts' are not the ones aiatlas makes; refused" \
    "a full-text table with another rank"

# A view that recurses for ever, or builds a string of a gigabyte.
hostile loop "DROP VIEW disputed; CREATE VIEW disputed (subject_id, field) AS
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i, i FROM n"
refused loop "its view 'disputed' is not the one aiatlas makes (another version, or changed); refused" \
    "a view that recurses for ever"
hostile huge "DROP VIEW disputed; CREATE VIEW disputed (subject_id, field) AS
SELECT printf('%.*c', 1000000000, 'x'), 'x'"
refused huge "its view 'disputed' is not the one aiatlas makes (another version, or changed); refused" \
    "a view that builds a string of a gigabyte"

# More than the bundled schema on its tables, and another version.
hostile trigger "CREATE TRIGGER wipe AFTER INSERT ON claim BEGIN DELETE FROM claim; END"
refused trigger "its trigger 'wipe' on 'claim' is not one aiatlas makes; refused" \
    "a trigger of its own on a bundled table"
hostile version "PRAGMA user_version = 7"
refused version "made for another version of aiatlas (schema version 7; this one reads 0); refused" \
    "another schema version"
hostile mine "CREATE TABLE mine (x); CREATE INDEX mine_x ON mine (x)"
run --db "$scratch/mine.db" --no-user-db list actors
expect_status 0 "a table of its own beside the bundled ones is left alone"

# A database of more than 1 MB is not read whole when opened: damage is
# met where a command reads, and said on one line; check reads it whole.
hostile large "CREATE TABLE mine (x); INSERT INTO mine VALUES (zeroblob(1048576))"
run --db "$scratch/large.db" --no-user-db list actors --limit 1
expect_status 0 "a sound database of more than 1 MB"
# The list of actors reads the index of their names alone.
run --db "$scratch/large.db" --no-user-db --format tsv sql \
    "SELECT rootpage FROM sqlite_schema WHERE name = 'actor_name'"
root=$(tail -n 1 "$scratch/out")
# The page size: 2 bytes at offset 16 of the header, big-endian.
size=$(od -An -j16 -N2 -tu1 "$scratch/large.db" | awk '{ print $1 * 256 + $2 }')
printf '\377\377\377\377\377\377\377\377' |
    dd of="$scratch/large.db" bs=1 seek=$(( (root - 1) * size )) conv=notrunc 2>/dev/null
run --db "$scratch/large.db" --no-user-db list actors --limit 1
expect_status 2 "damage met in a database of more than 1 MB"
expect_err "aiatlas: list: $scratch/large.db: database disk image is malformed" \
    "damage met in a database of more than 1 MB"
run --db "$scratch/large.db" --no-user-db check
expect_status 2 "check a damaged database of more than 1 MB"
grep -qF "Page $root: btreeInitPage() returns error code 11" "$scratch/err"
ok $? "check names the damaged page of a database of more than 1 MB"
rm -f "$scratch/large.db"

# check: the full-text indexes are those of the records.
# Both are made from record_text: a text changed after them is in neither.
hostile stale "UPDATE record_text SET body = 'nothing like it' WHERE rowid = (SELECT min(rowid) FROM record_text)"
run --db "$scratch/stale.db" --no-user-db check
expect_status 2 "check full-text indexes that are not made from their text"
grep -qF "aiatlas: check: $scratch/stale.db: record_tri: the full-text index is damaged, or not made from the records" "$scratch/err"
ok $? "check names the damaged trigram index"
grep -qF "aiatlas: check: $scratch/stale.db: record_fts: the full-text index is damaged, or not made from the records" "$scratch/err"
ok $? "check names the damaged word index"
# It checks them on a copy in a temporary file (FTS5's check needs a
# database it could write; --db is read-only), removed after; one that
# cannot be made is said.
mkdir "$scratch/tmp"
env TMPDIR="$scratch/tmp" "$AIATLAS" --db "$scratch/stale.db" --no-user-db check \
    >"$scratch/out" 2>"$scratch/err"
status=$?
[ "$status" -eq 2 ] && [ -z "$(ls "$scratch/tmp")" ]
ok $? "check leaves no copy in the temporary directory"
env TMPDIR="$scratch/none" "$AIATLAS" --db "$FIXTURE" --no-user-db check \
    >"$scratch/out" 2>"$scratch/err"
status=$?
[ "$status" -eq 2 ] &&
    grep -q "^aiatlas: check: .*cannot copy the database: $scratch/none: No such file or directory$" "$scratch/err"
ok $? "a temporary directory that does not exist: one line naming it, exit 2" ||
    diag "$(cat "$scratch/err")"

# Queries that would not end: the time a statement may take, the length
# of a string.
endless="WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
run sql "$endless" --timeout 0.2 --no-user-db
expect_status 2 "a query that runs for ever"
expect_err "aiatlas: sql: stopped after 0.2 seconds (--timeout SECONDS gives it more)" \
    "a query that runs for ever"
run --db "$FIXTURE" list actors --filter "$(printf 'x or %.0s' $(seq 1 20))x" --timeout 0.2 --no-user-db
[ "$status" -le 1 ]
ok $? "a short query ends within its time"
run sql "WITH RECURSIVE s(t) AS (SELECT 'x' UNION ALL SELECT t || t FROM s) SELECT max(length(t)) FROM s" \
    --no-user-db
expect_status 2 "a query that builds a string of a gigabyte"
expect_err "aiatlas: sql: string or blob too big" "a query that builds a string of a gigabyte"
run sql "SELECT 1" --timeout soon --no-user-db
expect_status 2 "--timeout that is not a number"
expect_err "aiatlas: --timeout: 'soon' is not a number of seconds of zero or more" \
    "--timeout that is not a number"

# A signal stops the running query, which says so; the program then ends
# by the signal, and -o leaves no file.
"$AIATLAS" sql "$endless" --timeout 0 --no-user-db -o "$scratch/endless.tsv" \
    >"$scratch/out" 2>"$scratch/err" &
pid=$!
sleep 1
kill -TERM $pid
wait $pid
status=$?
expect_status 143 "SIGTERM during a query"
expect_err "aiatlas: sql: interrupted by SIGTERM" "SIGTERM during a query"
[ ! -e "$scratch/endless.tsv" ]
ok $? "SIGTERM during a query: -o made no file"

# The user database: checked as a --db is, and a saved filter of no tab.
U="--db $FIXTURE --user-db $scratch/user.db"
run $U note add alpha-labs "A note."
expect_status 0 "a user database is made"
cp "$scratch/user.db" "$scratch/user-ok.db"
"$DBEDIT" "$scratch/user.db" "INSERT INTO saved_filter VALUES ('odd', 'nonsense', 'x', '2025-01-01')"
printf ':filter odd\n' >"$scratch/odd.keys"
run $U --script "$scratch/odd.keys"
expect_status 2 "a saved filter of no tab"
expect_err "aiatlas: $scratch/odd.keys:1: saved filter 'odd' is of 'nonsense', which is not a tab's list" \
    "a saved filter of no tab"
cp "$scratch/user-ok.db" "$scratch/user.db"
"$DBEDIT" "$scratch/user.db" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'name        TEXT NOT NULL', 'name        TEXT') WHERE name = 'actor';"
run $U note list
expect_status 2 "a user database whose table differs"
expect_err "aiatlas: $scratch/user.db: its table 'actor' is not the one aiatlas makes (another version, or changed); refused" \
    "a user database whose table differs"
cp "$scratch/user-ok.db" "$scratch/user.db"
"$DBEDIT" "$scratch/user.db" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'trigram', 'ascii') WHERE name = 'user_tri';"
run $U note list
expect_status 2 "a user database whose search index has another tokenizer"
expect_err "aiatlas: $scratch/user.db: its table 'user_tri' is not the one aiatlas makes (another version, or changed); refused" \
    "a user database whose search index has another tokenizer"
cp "$scratch/user-ok.db" "$scratch/user.db"
"$DBEDIT" "$scratch/user.db" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'kind TEXT NOT NULL', 'kind TEXT') WHERE name = 'saved_filter';"
"$DBEDIT" "$scratch/user.db" "INSERT INTO saved_filter VALUES ('null', NULL, 'x', '2025-01-01')"
"$DBEDIT" "$scratch/user.db" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'kind TEXT,', 'kind TEXT NOT NULL,') WHERE name = 'saved_filter';"
# Damaged: moved aside, never deleted, and a new one started.
run $U note list
grep -qF "aiatlas: $scratch/user.db: damaged: NULL value in saved_filter.kind; it was moved to $scratch/user.db.corrupt-" "$scratch/err"
ok $? "a user database with NULL in a NOT NULL column: said damaged and moved aside"
ls "$scratch"/user.db.corrupt-* >/dev/null 2>&1
ok $? "the damaged file is kept beside it"

done_testing
