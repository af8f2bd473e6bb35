#!/bin/sh
# A full disk: an export (-o FILE) leaves no partial file and an older file
# as it was; a note or an import that does not fit leaves the user database
# as it was, sound; each says so in one line and exits 2. The disk is
# filled with a file size limit (ulimit -f), which the program must take as
# an error, not be killed by (SIGXFSZ); and, where a small tmpfs can be
# mounted (as root), with a real full file system.
. "$top_srcdir/tests/cli/lib.sh"

udb="$scratch/user.db"
rows="WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 200000)
    SELECT x, 'a row of the export' FROM c"
# 2 MB of text, for a note and for an import of 2,000 sources.
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "%099d\n", i }' >"$scratch/big.txt"
awk 'BEGIN { print "id,title,lang,kind"
	for (i = 0; i < 2000; i++) printf "big-%d,%01000d,en,news\n", i, i }' >"$scratch/big.csv"

# limited BLOCKS ARGS...: run aiatlas with files limited to BLOCKS of 512
# bytes (POSIX's unit), as run does, standard input from big.txt.
limited() {
	(ulimit -f "$1" && shift && exec "$AIATLAS" "$@") \
	    <"$scratch/big.txt" >"$scratch/out" 2>"$scratch/err"
	status=$?
}

# one_line PREFIX DESCRIPTION: stderr is one line that starts with PREFIX.
one_line() {
	[ "$(wc -l <"$scratch/err")" -eq 1 ] && grep -qF -- "$1" "$scratch/err"
	ok $? "$2: one line"
	[ "$(wc -l <"$scratch/err")" -eq 1 ] || diag "stderr: $(cat "$scratch/err")"
}

# intact DIR DESCRIPTION: the user database in DIR has its first note
# only, passes aiatlas check, and takes a new note.
intact() {
	run --db "$FIXTURE" --user-db "$1/user.db" --format tsv sql "SELECT body FROM user.note"
	[ "$(cat "$scratch/out")" = "$(printf 'body\nbefore')" ]
	ok $? "$2: the user database has what it had, and only that"
	run --db "$FIXTURE" --user-db "$1/user.db" --format tsv sql "SELECT count(*) FROM user.source"
	expect_out_has 0 "$2: no row of the import is there"
	run --db "$FIXTURE" --user-db "$1/user.db" check
	expect_status 0 "$2: aiatlas check passes"
	ls "$1" | grep -q corrupt
	[ $? -ne 0 ]
	ok $? "$2: nothing was taken for damaged"
}

# The file size limit.
printf 'old export\n' >"$scratch/old.tsv"
limited 64 --db "$FIXTURE" -o "$scratch/old.tsv" sql "$rows"
expect_status 2 "an export past the file size limit"
expect_err "aiatlas: cannot write $scratch/old.tsv: File too large" "an export past the limit"
[ "$(cat "$scratch/old.tsv")" = "old export" ]
ok $? "an export past the limit leaves the older file as it was"
limited 64 --db "$FIXTURE" -o "$scratch/new.tsv" sql "$rows"
expect_status 2 "a new export past the limit"
[ ! -e "$scratch/new.tsv" ] && [ -z "$(find "$scratch" -name '.*.tsv.*')" ]
ok $? "an export past the limit leaves no file, and no temporary file"

mkdir "$scratch/limit"
run --db "$FIXTURE" --user-db "$scratch/limit/user.db" note add XTA before
expect_status 0 "a first note"
# Room for the database as it is, not for 2 MB more.
blocks=$(( $(wc -c <"$scratch/limit/user.db") / 512 + 128 ))
limited "$blocks" --db "$FIXTURE" --user-db "$scratch/limit/user.db" note add XTA -
expect_status 2 "a note past the file size limit"
one_line "aiatlas: note: $scratch/limit/user.db: cannot write: " "a note past the limit"
limited "$blocks" --db "$FIXTURE" --user-db "$scratch/limit/user.db" import "$scratch/big.csv" \
    --into sources
expect_status 2 "an import past the file size limit"
one_line "aiatlas: " "an import past the limit"
intact "$scratch/limit" "past the file size limit"

# A full tmpfs, where one can be mounted: room for a user database with a
# note and its write-ahead log (about 620 kB), not for the 2 MB note after.
mkdir "$scratch/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=768k,mode=0755 tmpfs "$scratch/full" 2>/dev/null; then
	trap 'umount "$scratch/full"; rm -rf "$scratch"' EXIT
	run --db "$FIXTURE" --user-db "$scratch/full/user.db" note add XTA before
	expect_status 0 "a first note on a small file system"
	run --db "$FIXTURE" -o "$scratch/full/rows.tsv" sql "$rows"
	expect_status 2 "an export to a full disk"
	expect_err "aiatlas: cannot write $scratch/full/rows.tsv: No space left on device" \
	    "an export to a full disk"
	[ -z "$(find "$scratch/full" -name '*.tsv*')" ]
	ok $? "an export to a full disk leaves no file, and no temporary file"
	"$AIATLAS" --db "$FIXTURE" --user-db "$scratch/full/user.db" note add XTA - \
	    <"$scratch/big.txt" >"$scratch/out" 2>"$scratch/err"
	status=$?
	expect_status 2 "a note on a full disk"
	one_line "aiatlas: note: $scratch/full/user.db: cannot write: " "a note on a full disk"
	run --db "$FIXTURE" --user-db "$scratch/full/user.db" import "$scratch/big.csv" \
	    --into sources
	expect_status 2 "an import on a full disk"
	one_line "aiatlas: " "an import on a full disk"
	intact "$scratch/full" "on a full disk"
else
	for what in "a first note on a small file system" "an export to a full disk" \
	    "an export to a full disk: message" "an export to a full disk leaves no file" \
	    "a note on a full disk" "a note on a full disk: one line" \
	    "an import on a full disk" "an import on a full disk: one line" \
	    "on a full disk: the user database has what it had" \
	    "on a full disk: no row of the import is there" "on a full disk: aiatlas check passes" \
	    "on a full disk: nothing was taken for damaged"; do
		skip "$what" "a tmpfs cannot be mounted here (it needs root)"
	done
fi

done_testing
