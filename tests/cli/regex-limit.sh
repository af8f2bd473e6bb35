#!/bin/sh
# A regular expression with --limit: the rows are the first of the whole
# answer, in its order (kind, then name), whichever way they are found
# (through the trigram index, or each kind's records in name order when
# what the pattern holds is in many records); a user's own records and
# notes among them.
. "$top_srcdir/tests/cli/lib.sh"

. "$top_srcdir/tests/cli/datahub.sh"
A="--db $scratch/many.db --user-db $scratch/user.db"

# same ARGS...: whether search --limit N ARGS is the first N rows of
# search ARGS, for N of 1, 3 and 40.
same() {
	"$AIATLAS" $A search "$@" --format tsv >"$scratch/whole" 2>&1 || return 1
	for n in 1 3 40; do
		"$AIATLAS" $A search "$@" --limit $n --format tsv >"$scratch/first" 2>&1 || return 1
		head -n $((n + 1)) "$scratch/whole" | cmp -s - "$scratch/first" || return 1
	done
}

printf 'id,name,name_fr,kind,country,bloc_id,sector,parent_id,founded_on,summary_en,summary_fr,place,region,sources\n%s\n' \
    'aardvark-data,Aardvark,Oryctérope,company,XTA,,private,,,A datahub of its own.,Un datahub à soi.,,,fixture-news' \
    >"$scratch/mine.csv"
"$AIATLAS" $A import "$scratch/mine.csv" --into actors >/dev/null 2>&1 &&
    "$AIATLAS" $A note add filler-300 "a datahub with zebras" >/dev/null 2>&1
ok $? "an actor of the user's and a note are added"

for args in "--regex datahub" "--regex-fold DATAHUB" "--regex datahub --lang fr" \
    "--regex [Dd]atahub --kind actors" "--regex uses.the" "--regex data.*zebra" \
    "--regex Filler.0[0-4]" "--regex-fold entreprise --lang fr"; do
	same $args
	ok $? "search $args: --limit gives the first rows of the whole answer"
done

run $A search --regex 'datahub' --limit 2 --format tsv
[ "$(cut -f1 "$scratch/out" | sed 1d | tr '\n' ' ')" = "aardvark-data filler-001 " ]
ok $? "the user's actor named first comes first, then the bundled ones by name"
run $A search --regex 'data.*zebra' --limit 5 --format tsv
[ "$(cut -f1 "$scratch/out" | sed 1d | tr '\n' ' ')" = "filler-300 " ]
ok $? "a record whose note matches is found"

echo "1..$tap_n"
[ "$tap_failed" -eq 0 ]
