#!/bin/sh
# A read-only home: when the user database, or its directory, cannot be
# written, reading still works, the explorer runs, and every write says
# why it cannot be saved (exit 2, or the status line) and changes nothing.
# Permissions do not bind root: as root the test runs aiatlas as nobody
# (setpriv), or skips.
. "$top_srcdir/tests/cli/lib.sh"

# as_user ARGS...: run aiatlas as a user whom permissions bind, as run does.
if [ "$(id -u)" -ne 0 ]; then
	as_user() { run "$@"; }
	owner=
elif have setpriv && id nobody >/dev/null 2>&1; then
	as_user() {
		setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups \
		    "$AIATLAS" "$@" >"$scratch/out" 2>"$scratch/err"
		status=$?
	}
	owner=nobody
else
	as_user() { return 1; }
	owner=none
fi

# The user's directories, theirs; the fixture where they can read it.
chmod 755 "$scratch"
mkdir "$scratch/home" "$scratch/own"
cp "$FIXTURE" "$scratch/atlas.db"
chmod 644 "$scratch/atlas.db"
[ -n "$owner" ] && [ "$owner" != none ] && chown "$owner" "$scratch/home" "$scratch/own"
A="--db $scratch/atlas.db"
udb="$scratch/home/user.db"

printf 'f\nkind:company\n<Enter>\n:save-filter companies\n' >"$scratch/save.keys"
if [ "$owner" = none ] || ! as_user $A --version ||
    ! as_user $A --user-db "$udb" note add XTA "written before" ||
    ! as_user $A --user-db "$udb" --script "$scratch/save.keys"; then
	skip "a read-only home" "aiatlas cannot be run as a user whom permissions bind (as root: setpriv and the user nobody)"
	done_testing
	exit
fi
ok 0 "the user database is written while its directory can be"

# reads_and_refuses DESCRIPTION REASON: with the user database read-only
# for REASON, reads work and writes say REASON, leaving the file as it was.
reads_and_refuses() {
	sum=$(cksum <"$udb")
	as_user $A --user-db "$udb" --format tsv note list
	expect_status 0 "$1: note list"
	expect_out_has "written before" "$1: note list shows the note"
	as_user $A --user-db "$udb" list actors
	expect_status 0 "$1: list actors"
	as_user $A --user-db "$udb" note add XTA "not saved"
	expect_status 2 "$1: note add"
	expect_err "aiatlas: note: cannot save: $udb: $2" "$1: note add"
	as_user $A --user-db "$udb" bookmark add XTA
	expect_status 2 "$1: bookmark add"
	expect_err "aiatlas: bookmark: cannot save: $udb: $2" "$1: bookmark add"
	printf 'id,title,lang,kind\nmine,Mine,en,news\n' >"$scratch/source.csv"
	chmod 644 "$scratch/source.csv"
	as_user $A --user-db "$udb" import "$scratch/source.csv" --into sources
	expect_status 2 "$1: import"
	expect_err "aiatlas: import: nothing can be saved: $udb: $2" "$1: import"
	as_user $A --user-db "$udb" check
	expect_status 0 "$1: check"
	# The explorer: a saved filter applies; a note cannot be saved.
	printf ':filter companies\n:dump %s\n' "$scratch/own/filter.txt" >"$scratch/filter.keys"
	as_user $A --user-db "$udb" --script "$scratch/filter.keys"
	expect_status 0 "$1: the explorer runs"
	grep -q "filter: kind:company" "$scratch/own/filter.txt"
	ok $? "$1: the explorer applies a saved filter"
	printf '<Enter>\na\n:dump %s\n' "$scratch/own/note.txt" >"$scratch/note.keys"
	as_user $A --user-db "$udb" --script "$scratch/note.keys" --size 200x24
	expect_status 0 "$1: a in the explorer"
	tail -n 1 "$scratch/own/note.txt" | grep -qx "Cannot save: $udb: $2 *"
	ok $? "$1: the status line says why the note cannot be saved"
	[ "$(cksum <"$udb")" = "$sum" ]
	ok $? "$1: the file is unchanged"
}

chmod 555 "$scratch/home"
reads_and_refuses "a read-only directory" "its directory is read-only: Permission denied"
chmod 755 "$scratch/home"
chmod 444 "$udb"
reads_and_refuses "a read-only file" "read-only: Permission denied"

# No file yet, in a directory that cannot be written: reads work, the first
# write says why it cannot make the file.
chmod 555 "$scratch/home"
as_user $A --user-db "$scratch/home/new.db" list actors
expect_status 0 "no file, a read-only directory: list actors"
as_user $A --user-db "$scratch/home/new.db" note add XTA "not saved"
expect_status 2 "no file, a read-only directory: note add"
expect_err "aiatlas: note: $scratch/home/new.db: cannot make the file: Permission denied" \
    "no file, a read-only directory: note add"

# A damaged file that cannot be moved aside is refused, as it was.
chmod 755 "$scratch/home"
chmod 644 "$udb"
head -c 8192 "$udb" >"$scratch/cut"
cat "$scratch/cut" >"$udb"
chmod 555 "$scratch/home"
sum=$(cksum <"$udb")
as_user $A --user-db "$udb" list actors
expect_status 2 "a damaged file in a read-only directory"
expect_err "aiatlas: $udb: not a SQLite database, or damaged: database disk image is malformed; cannot move it aside: Permission denied" \
    "a damaged file in a read-only directory"
[ "$(cksum <"$udb")" = "$sum" ] && [ -z "$(find "$scratch/home" -name '*corrupt*')" ]
ok $? "a damaged file in a read-only directory is left as it was"
chmod 755 "$scratch/home"

done_testing
