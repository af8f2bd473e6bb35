#!/bin/sh
# Notes and bookmarks from the command line: what each command prints, its
# mistakes (exit 2, the user database untouched or not made), show with
# notes, the note:yes filter, search in notes, orphaned notes, and notes
# surviving a rebuild of the data (ids are stable).
. "$top_srcdir/tests/cli/lib.sh"

udb="$scratch/user.db"
# notes ARGS...: aiatlas over the fixture with the test's user database.
notes() {
	run --db "$FIXTURE" --user-db "$udb" "$@"
}
# expect_out TEXT DESCRIPTION: stdout is TEXT, dates of writes as DATE.
expect_out() {
	sed 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z/DATE/g' "$scratch/out" >"$scratch/out.clean"
	printf '%s\n' "$1" | cmp -s - "$scratch/out.clean"
	ok $? "$2: output"
	printf '%s\n' "$1" | cmp -s - "$scratch/out.clean" ||
		diag "$(printf '%s\n' "$1" | diff -u - "$scratch/out.clean")"
}

notes note add no-such-record Hello
expect_status 2 "note add: an unknown id"
expect_err "aiatlas: note: no record 'no-such-record'; try: aiatlas search no-such-record" \
    "note add: an unknown id"
[ ! -e "$udb" ]
ok $? "a refused note makes no user database"
notes note list
expect_status 1 "note list: none yet"
[ ! -e "$udb" ]
ok $? "reading makes no user database"

notes note add alpha-labs Needs a second look.
expect_status 0 "note add"
expect_out "Added note 1 on alpha-labs." "note add"
printf 'From standard input,\non two lines.\n' >"$scratch/in"
"$AIATLAS" --db "$FIXTURE" --user-db "$udb" note add BETA-BANK - <"$scratch/in" \
    >"$scratch/out" 2>"$scratch/err"
status=$?
expect_status 0 "note add ID -: the text from standard input, the id in any case"
expect_out "Added note 2 on beta-bank." "note add ID -"
notes note add alpha-labs "  "
expect_status 2 "note add: an empty text"
expect_err "aiatlas: note: the text is empty; note rm N removes a note" "note add: an empty text"

notes --format tsv note list
expect_out "note	record	kind	title	updated	text	orphaned
1	alpha-labs	actor	Alpha Labs	DATE	Needs a second look.	no
2	beta-bank	actor	Beta Bank	DATE	From standard input,\\non two lines.	no" "note list"
notes --format csv note list beta-bank
expect_out 'note,record,kind,title,updated,text,orphaned
2,beta-bank,actor,Beta Bank,DATE,"From standard input,
on two lines.",no' "note list ID, --format csv"

notes note edit 1 Checked: fine.
expect_out "Changed note 1." "note edit"
notes note edit 9 Nothing
expect_status 2 "note edit: an unknown number"
expect_err "aiatlas: note: no note 9 (note list shows them)" "note edit: an unknown number"
notes note rm one
expect_status 2 "note rm: not a number"
expect_err "aiatlas: note: 'one' is not a note's number (note list shows them)" "note rm: not a number"
notes note frobnicate
expect_status 2 "note: an unknown action"
expect_err "aiatlas: note: unknown action 'frobnicate'; actions: add, edit, rm, list" \
    "note: an unknown action"
run --db "$FIXTURE" --no-user-db note add alpha-labs Hello
expect_status 2 "note add with --no-user-db"
expect_err "aiatlas: note: cannot save: --no-user-db was given" "note add with --no-user-db"

notes --format md show alpha-labs
expect_out_has "## Your notes" "show --format md: the notes' heading"
expect_out_has "- Checked: fine. *(note 1, " "show --format md: the note, its number and date"
notes --format json show beta-bank
expect_out_has '{"note": 2, "text": "From standard input,\non two lines.", "updated": "' \
    "show --format json: the note whole"
notes --format tsv show beta-bank
expect_out_has "note	2	From standard input,\\non two lines.	" "show --format tsv: a note row"
notes --format table show alpha-labs
expect_out_has "Your notes" "show: the notes' heading"
expect_out_has "       Checked: fine." "show: the note's text"

notes --format tsv list actors --filter note:yes
expect_out "id	name	kind	country	sector	place	region	founded	parent	disputed
alpha-labs	Alpha Labs	company	XTA	private			2023-04		no
beta-bank	Beta Bank	public_body	XTA	public	Saint-Étienne-sur-Test	Haute-Testonie			no" "list --filter note:yes"
notes --format tsv search standard input
expect_out "id	kind	name	match	disputed
beta-bank	actor	Beta Bank	note: From standard input,\\non two lines.	no" "search finds a note's words"
notes --format tsv search --regex 'Checked: f'
expect_out "id	kind	name	disputed
alpha-labs	actor	Alpha Labs	no" "search --regex finds a note's text"

before=$(cksum <"$udb")
notes bookmark add gamma-fund nobody alpha-labs
expect_status 2 "bookmark add: one unknown id among others"
expect_err "aiatlas: bookmark: no record 'nobody'; try: aiatlas search nobody" "bookmark add: an unknown id"
[ "$(cksum <"$udb")" = "$before" ]
ok $? "a refused bookmark add writes none of its ids"
notes bookmark add gamma-fund alpha-labs gamma-fund
expect_out "Bookmarked 2 of 3 (the others were already)." "bookmark add"
notes --format tsv bookmark list
expect_out "record	kind	title	bookmarked	orphaned
alpha-labs	actor	Alpha Labs	DATE	no
gamma-fund	actor	Gamma Fund	DATE	no" "bookmark list"
notes --format tsv list actors --filter 'bookmarked:yes -note:yes'
expect_out "id	name	kind	country	sector	place	region	founded	parent	disputed
gamma-fund	Gamma Fund	fund	XTB	private				gamma-holding	no" "list --filter bookmarked:yes"
notes bookmark rm gamma-fund
expect_out "Unbookmarked 1 of 1 (the others were not bookmarked)." "bookmark rm"

# Another database built from the same data (a rebuild): the notes and
# bookmarks are still on their records. Without one of them, its note is
# orphaned, listed as such and kept.
"$MKDB" -o "$scratch/rebuilt.db" "$top_srcdir/tests/fixtures" >/dev/null 2>&1
run --db "$scratch/rebuilt.db" --user-db "$udb" --format tsv note list alpha-labs
expect_out "note	record	kind	title	updated	text	orphaned
1	alpha-labs	actor	Alpha Labs	DATE	Checked: fine.	no" "after a rebuild, the note is on its record"
run --db "$scratch/rebuilt.db" --user-db "$udb" --format tsv list actors --filter bookmarked:yes
expect_out_has "alpha-labs	Alpha Labs" "after a rebuild, the bookmark too"
mkdir "$scratch/data"
cp "$top_srcdir"/tests/fixtures/*.csv "$scratch/data/"
sed '/^gamma-fund,/d' "$top_srcdir/tests/fixtures/actors.csv" >"$scratch/data/actors.csv"
for f in aliases funding_parties event_actors figures citations claims; do
	sed -i '/gamma-fund/d' "$scratch/data/$f.csv"
done
"$MKDB" -o "$scratch/shrunk.db" "$scratch/data" >"$scratch/mkdb.err" 2>&1
ok $? "a database without gamma-fund is built"
[ -s "$scratch/mkdb.err" ] && diag "$(cat "$scratch/mkdb.err")"
notes note add gamma-fund Watch this fund.
run --db "$scratch/shrunk.db" --user-db "$udb" --format tsv note list
expect_out "note	record	kind	title	updated	text	orphaned
1	alpha-labs	actor	Alpha Labs	DATE	Checked: fine.	no
2	beta-bank	actor	Beta Bank	DATE	From standard input,\\non two lines.	no
3	gamma-fund		gamma-fund	DATE	Watch this fund.	yes" "a note whose record is gone is listed as orphaned"
notes --format tsv note list gamma-fund
expect_out_has "Watch this fund.	no" "and is back on its record with the record"
done_testing
