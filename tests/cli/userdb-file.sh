#!/bin/sh
# The user database's file: where it is, that reading never makes it and
# the first save does, --user-db and --no-user-db, the migration of
# today's files, and the files refused and left as they were.
. "$top_srcdir/tests/cli/lib.sh"

printf 'f\nkind:company\n<Enter>\n:save-filter companies\n' >"$scratch/save.keys"
printf ':filter companies\n:dump %s\n' "$scratch/restored.txt" >"$scratch/restore.keys"
printf ':filter nope\n' >"$scratch/nope.keys"

# in_home ARGS...: run aiatlas with HOME and XDG_DATA_HOME in the scratch
# directory.
in_home() {
	HOME="$scratch/home" XDG_DATA_HOME="$scratch/xdg" run --db "$FIXTURE" "$@"
}

mkdir "$scratch/home" "$scratch/xdg"
in_home list actors
expect_status 0 "list actors with a home and no user database"
in_home search gamma
expect_status 0 "search with a home and no user database"
in_home --script "$scratch/nope.keys"
expect_status 2 "looking up a saved filter that does not exist"
[ -z "$(find "$scratch/home" "$scratch/xdg" -mindepth 1)" ]
ok $? "reading makes no user database and no directory"

in_home --script "$scratch/save.keys"
expect_status 0 "the first save"
[ -f "$scratch/xdg/aiatlas/user.db" ] && [ -z "$(find "$scratch/home" -mindepth 1)" ]
ok $? "the first save makes XDG_DATA_HOME/aiatlas/user.db"
case $(ls -l "$scratch/xdg/aiatlas/user.db") in
-rw-------*) ok 0 "only its owner can read it" ;;
*) ok 1 "only its owner can read it" ;;
esac
in_home --format tsv sql "SELECT name, kind, expr FROM user.saved_filter"
expect_status 0 "sql reads schema user"
printf 'name\tkind\texpr\ncompanies\tactors\tkind:company\n' | cmp -s - "$scratch/out"
ok $? "the saved filter is in schema user"

# --user-db FILE and --no-user-db.
udb="$scratch/mine.db"
run --db "$FIXTURE" --user-db "$udb" --script "$scratch/save.keys"
in_home --user-db "$udb" --format tsv sql "SELECT count(*) FROM user.saved_filter"
expect_out_has 1 "--user-db FILE reads FILE"
in_home --no-user-db --format tsv sql "SELECT count(*) FROM user.saved_filter"
expect_status 0 "--no-user-db: schema user is there"
expect_out_has 0 "--no-user-db: and empty"
in_home --user-db "$udb" --no-user-db --format tsv sql "SELECT count(*) FROM user.saved_filter"
expect_out_has 0 "--no-user-db after --user-db FILE reads nothing"
run --db "$FIXTURE" --user-db '' list actors
expect_status 2 "--user-db ''"
expect_err "aiatlas: --user-db needs a file name; --no-user-db keeps nothing" "--user-db ''"

# refused FILE MESSAGE DESCRIPTION: every command refuses FILE with
# MESSAGE, and leaves it byte for byte as it was.
refused() {
	before=$(cksum <"$1")
	run --db "$FIXTURE" --user-db "$1" list actors
	expect_status 2 "$3"
	expect_err "aiatlas: $1: $2" "$3"
	run --db "$FIXTURE" --user-db "$1" --script "$scratch/save.keys"
	expect_status 2 "$3, in the explorer"
	[ "$(cksum <"$1")" = "$before" ]
	ok $? "$3: the file is unchanged"
}

cp "$udb" "$scratch/newer.db"
# PRAGMA user_version is the big-endian number at byte 60 of the file.
printf '\000\000\003\347' | dd of="$scratch/newer.db" bs=1 seek=60 conv=notrunc 2>/dev/null
refused "$scratch/newer.db" \
    "made by a newer aiatlas (user database version 999; this one knows up to 10); it is left as it is" \
    "a user database from a newer aiatlas"
printf 'name,kind\ncompanies,actors\n' >"$scratch/text.db"
refused "$scratch/text.db" "not a SQLite database, or damaged: file is not a database" \
    "a file that is not a database"
# A damaged user database is moved aside instead: userdb-corrupt.sh.
cp "$FIXTURE" "$scratch/atlas.db"
refused "$scratch/atlas.db" "not an aiatlas user database" "another kind of SQLite database"

# A user database of today's format (saved filters, no version), made
# with the statements of the program before versions.
if have sqlite3; then
	sqlite3 "$scratch/old.db" "CREATE TABLE IF NOT EXISTS saved_filter (
	    name TEXT NOT NULL PRIMARY KEY, kind TEXT NOT NULL, expr TEXT NOT NULL,
	    saved_on TEXT NOT NULL);
	INSERT OR REPLACE INTO saved_filter (name, kind, expr, saved_on)
	    VALUES ('companies', 'actors', 'kind:company', '2026-01-02T03:04:05Z')"
	run --db "$FIXTURE" --user-db "$scratch/old.db" --script "$scratch/restore.keys"
	expect_status 0 "a user database of today's format opens"
	grep -q "filter: kind:company" "$scratch/restored.txt"
	ok $? "its saved filter applies"
	[ "$(sqlite3 "$scratch/old.db" "PRAGMA user_version; PRAGMA journal_mode")" = "10
wal" ]
	ok $? "it is now at version 10, in WAL mode"
else
	skip "a user database of today's format opens" "sqlite3 is not installed"
	skip "its saved filter applies" "sqlite3 is not installed"
	skip "it is now at version 10, in WAL mode" "sqlite3 is not installed"
fi

# A user database of version 5 holding records (made here as this version
# makes one, less the search index version 6 adds): opened, its records'
# search index is made once, and they are found.
if have sqlite3; then
	imports="$top_srcdir/tests/cli/import"
	run --db "$FIXTURE" --user-db "$scratch/v5.db" import "$imports/sources.csv" --into sources
	run --db "$FIXTURE" --user-db "$scratch/v5.db" import "$imports/actors.csv" --into actors
	sqlite3 "$scratch/v5.db" "DROP TABLE user_fts; DROP TABLE user_tri; DROP TABLE user_text;
	    DROP TABLE user_word; DROP TABLE user_name; PRAGMA user_version = 5"
	run --db "$FIXTURE" --user-db "$scratch/v5.db" search zeta
	expect_out_has "Zêta IA" "the records of a user database of version 5 are found"
	[ "$(sqlite3 "$scratch/v5.db" "PRAGMA user_version; SELECT count(*) FROM user_text")" = "10
3" ]
	ok $? "it is now at version 10, with its records' search index"
else
	skip "the records of a user database of version 5 are found" "sqlite3 is not installed"
	skip "it is now at version 10, with its records' search index" "sqlite3 is not installed"
fi

done_testing
