#!/bin/sh
# -o FILE: every command's output written to a file whole or not at all,
# the same bytes as on stdout; an older file survives every failure.
. "$top_srcdir/tests/cli/lib.sh"

# same_as_stdout DESCRIPTION ARGS...: -o FILE holds what stdout gets.
same_as_stdout() {
	desc=$1
	shift
	"$AIATLAS" --db "$FIXTURE" "$@" >"$scratch/stdout" 2>/dev/null
	want=$?
	rm -f "$scratch/file"
	"$AIATLAS" --db "$FIXTURE" "$@" -o "$scratch/file" >"$scratch/out" 2>"$scratch/err"
	status=$?
	[ "$status" -eq "$want" ] && [ ! -s "$scratch/out" ] && [ ! -s "$scratch/err" ] &&
	    cmp -s "$scratch/stdout" "$scratch/file"
	ok $? "-o: $desc: the file holds what stdout gets"
	cmp -s "$scratch/stdout" "$scratch/file" ||
		diag "$(diff -u "$scratch/stdout" "$scratch/file" | head -n 20)"
}

for format in table csv tsv json md; do
	same_as_stdout "list ($format)" list funding --filter 'amount>=1bn' --sort -amount --format "$format"
	same_as_stdout "show ($format)" show alpha-labs --format "$format"
	same_as_stdout "compare ($format)" compare XTA XTB --format "$format"
	same_as_stdout "timeline ($format)" timeline --from 2024 --format "$format"
	same_as_stdout "search ($format)" search alpha --format "$format"
done
same_as_stdout "sql" sql "SELECT id FROM actor ORDER BY id"
same_as_stdout "check" check --format csv
same_as_stdout "a list with no rows (exit 1)" list actors --filter id:nosuch --format csv

# The explorer's e writes what the list command writes (tests/screen/export.keys).
"$AIATLAS" --db "$FIXTURE" list funding --filter 'amount>=1bn' --sort=-title --format csv \
    >"$scratch/stdout"
cmp -s "$scratch/stdout" "$top_srcdir/tests/screen/expected/export-funding.csv"
ok $? "the explorer's export of a filtered, sorted list is the list command's"
"$AIATLAS" --db "$FIXTURE" timeline --filter kind:grant --format md >"$scratch/stdout"
cmp -s "$scratch/stdout" "$top_srcdir/tests/screen/expected/export-timeline.md"
ok $? "the explorer's export of a filtered timeline is the timeline command's"

# only_files: the names in the scratch directory, to see what is left over.
only_files() {
	ls -A "$scratch/dir"
}

# The extension gives the format when --format is not given.
mkdir "$scratch/dir"
"$AIATLAS" --db "$FIXTURE" list actors --format json >"$scratch/stdout"
run --db "$FIXTURE" list actors -o "$scratch/dir/actors.json"
cmp -s "$scratch/stdout" "$scratch/dir/actors.json"
ok $? "-o actors.json writes JSON"
"$AIATLAS" --db "$FIXTURE" list actors --format table --color never >"$scratch/stdout"
run --db "$FIXTURE" --color auto --output "$scratch/dir/actors.txt" list actors
cmp -s "$scratch/stdout" "$scratch/dir/actors.txt"
ok $? "--output actors.txt writes the table, without colour"

# Failures: a message naming the file, exit 2, nothing left, the old file kept.
echo "the old content" >"$scratch/dir/keep.csv"
expect_kept() {
	[ "$(cat "$scratch/dir/keep.csv")" = "the old content" ]
	ok $? "$1: the older file is unchanged"
	[ "$(only_files | tr '\n' ' ')" = "actors.json actors.txt keep.csv " ]
	ok $? "$1: no temporary file is left"
	[ "$(only_files | tr '\n' ' ')" = "actors.json actors.txt keep.csv " ] ||
		diag "files: $(only_files | tr '\n' ' ')"
}

run --db "$FIXTURE" show nosuch -o "$scratch/dir/keep.csv"
expect_status 1 "show of an unknown id"
expect_kept "show of an unknown id"
run --db "$FIXTURE" sql "SELECT nosuch FROM actor" -o "$scratch/dir/keep.csv"
expect_status 2 "a bad query"
expect_kept "a bad query"

big="WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
SELECT i, 'row number ' || i AS label FROM n"
(trap '' XFSZ; ulimit -f 8 &&
    "$AIATLAS" --db "$FIXTURE" sql "$big" -o "$scratch/dir/keep.csv" >"$scratch/out" 2>"$scratch/err"
    echo $? >"$scratch/status")
status=$(cat "$scratch/status")
expect_status 2 "a file that cannot grow (as a full disk)"
expect_err "aiatlas: cannot write $scratch/dir/keep.csv: File too large" "a file that cannot grow"
expect_kept "a file that cannot grow"

if [ -w /dev/full ]; then
	run --db "$FIXTURE" list actors -o /dev/full
	expect_status 2 "/dev/full"
	expect_err "aiatlas: cannot write /dev/full: No space left on device" "/dev/full"
else
	skip "/dev/full" "no /dev/full"
fi

run --db "$FIXTURE" list actors -o "$scratch/none/actors.csv"
expect_status 2 "a directory that does not exist"
expect_err "aiatlas: cannot write $scratch/none/actors.csv: No such file or directory" \
    "a directory that does not exist"
[ ! -e "$scratch/none" ]
ok $? "a missing directory is not made"

mkdir "$scratch/ro"
chmod 555 "$scratch/ro"
if [ -w "$scratch/ro" ]; then
	skip "a directory that is not writable" "running as root"
else
	run --db "$FIXTURE" list actors -o "$scratch/ro/actors.csv"
	expect_status 2 "a directory that is not writable"
	expect_err "aiatlas: cannot write $scratch/ro/actors.csv: Permission denied" \
	    "a directory that is not writable"
	[ -z "$(ls -A "$scratch/ro")" ]
	ok $? "nothing is left in a directory that is not writable"
fi
chmod 755 "$scratch/ro"

run --db "$FIXTURE" -o "$scratch/dir/x.csv"
expect_status 2 "-o without a command"
expect_err "aiatlas: -o needs a command; in the explorer, e exports a list" "-o without a command"
run --db "$FIXTURE" export-db "$scratch/dir/x.db" -o "$scratch/dir/x.csv"
expect_status 2 "-o with export-db"
[ ! -e "$scratch/dir/x.csv" ] && [ ! -e "$scratch/dir/x.db" ]
ok $? "-o with export-db writes nothing"

# brief: the extension of -o's file gives the sheet's format (md, txt, html,
# htm); an unknown id writes no file.
"$AIATLAS" --db "$FIXTURE" brief alpha-labs -o "$scratch/sheet.htm" &&
    head -n 1 "$scratch/sheet.htm" | grep -qx '<!DOCTYPE html>'
ok $? "brief -o FILE.htm writes the HTML sheet"
"$AIATLAS" --db "$FIXTURE" brief alpha-labs -o "$scratch/sheet.txt" &&
    sed -n 2p "$scratch/sheet.txt" | grep -qx '==*'
ok $? "brief -o FILE.txt writes the plain text sheet"
"$AIATLAS" --db "$FIXTURE" brief alpha-labs nosuch -o "$scratch/none.md" 2>/dev/null
[ $? -eq 2 ] && [ ! -e "$scratch/none.md" ]
ok $? "brief with an unknown id writes no file and exits 2"
done_testing
