#!/bin/sh
# The read-only guard of 'aiatlas sql', and databases that are not ours.
. "$top_srcdir/tests/cli/lib.sh"

cp "$FIXTURE" "$scratch/copy.db"
before=$(cksum <"$scratch/copy.db")

# refused SQL DESCRIPTION MESSAGE: the statement exits 2 with the message.
refused() {
	run --db "$scratch/copy.db" sql "$1"
	expect_status 2 "$2"
	expect_err "aiatlas: sql: refused: $3" "$2"
}

writes="the statement would change the database; only reading is allowed"
refused "DELETE FROM actor" "DELETE" "$writes"
refused "delete from actor where 1" "lower-case delete" "$writes"
refused "INSERT INTO source (id, title, lang, kind) VALUES ('x', 'x', 'fr', 'news')" "INSERT" "$writes"
refused "UPDATE actor SET name = 'x'" "UPDATE" "$writes"
refused "DROP TABLE actor" "DROP TABLE" "$writes"
refused "CREATE TEMP TABLE t (x)" "CREATE TEMP TABLE" "$writes"
refused "CREATE TEMP VIEW v AS SELECT 1" "CREATE TEMP VIEW" "$writes"
refused "ALTER TABLE actor ADD COLUMN x" "ALTER TABLE" "$writes"
refused "WITH x AS (SELECT 1) DELETE FROM actor" "a DELETE behind a WITH" "$writes"
refused "BEGIN" "BEGIN" "$writes"
refused "ATTACH '$scratch/other.db' AS other" "ATTACH" "ATTACH and DETACH are not allowed"
refused "PRAGMA writable_schema = 1" "PRAGMA writable_schema" "PRAGMA writable_schema is not allowed"
refused "PRAGMA journal_mode = WAL" "PRAGMA journal_mode" "PRAGMA journal_mode is not allowed"
refused "SELECT load_extension('/lib/x')" "load_extension" "load_extension is not allowed"
[ ! -e "$scratch/other.db" ]
ok $? "ATTACH created no file"

run --db "$scratch/copy.db" sql "UPDATE sqlite_master SET sql = ''"
expect_status 2 "UPDATE sqlite_master"
run --db "$scratch/copy.db" sql "SELECT count(*) FROM record_fts WHERE record_fts MATCH 'alpha'"
expect_status 0 "reading the full-text index is allowed"
run --db "$scratch/copy.db" sql "VACUUM"
expect_status 2 "VACUUM"
run --db "$scratch/copy.db" sql "SELECT 1; DELETE FROM actor"
expect_status 2 "a second statement"
expect_err "aiatlas: sql: one statement at a time (text follows the first ';')" "a second statement"
run --db "$scratch/copy.db" sql "PRAGMA table_info(actor)"
expect_status 0 "PRAGMA table_info reads"
run --db "$scratch/copy.db" sql "SELECT count(*) FROM citation"
expect_status 0 "SELECT reads"

[ "$(cksum <"$scratch/copy.db")" = "$before" ]
ok $? "the database file is unchanged"

# Databases that are not aiatlas databases.
run --db "$scratch/none.db" list actors
expect_status 2 "a missing database file"
expect_err "aiatlas: $scratch/none.db: cannot read: No such file or directory" "a missing database file"
[ ! -e "$scratch/none.db" ]
ok $? "a missing database is not created"

printf 'not a database at all\n' >"$scratch/text.db"
run --db "$scratch/text.db" list actors
expect_status 2 "a text file as database"
expect_err "aiatlas: $scratch/text.db: not a SQLite database, or damaged: file is not a database" "a text file as database"

# Databases made with the sqlite3 shell.
if have sqlite3; then
	sqlite3 "$scratch/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
	run --db "$scratch/other.db" list actors
	expect_status 2 "another SQLite database"
	expect_err "aiatlas: $scratch/other.db: not an aiatlas database (no table 'record')" "another SQLite database"

	# A hostile database: our tables, with a view that calls a function.
	cp "$FIXTURE" "$scratch/hostile.db"
	sqlite3 "$scratch/hostile.db" "DROP VIEW record_label;
	  CREATE VIEW record_label (id, kind, name_en, name_fr, date) AS
	  SELECT id, kind, load_extension('/nonexistent'), '', '' FROM record;"
	run --db "$scratch/hostile.db" search test
	[ "$status" -eq 2 ]
	ok $? "a view calling load_extension fails instead of loading"
else
	for what in "another SQLite database (exit 2)" "another SQLite database: message" \
	    "a view calling load_extension fails instead of loading"; do
		skip "$what" "sqlite3 is not installed"
	done
fi

head -c 4096 "$FIXTURE" >"$scratch/truncated.db"
run --db "$scratch/truncated.db" check
[ "$status" -eq 2 ]
ok $? "a truncated database fails the check"

done_testing
