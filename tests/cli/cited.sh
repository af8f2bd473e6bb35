#!/bin/sh
# The record of a source cited by more records than the explorer shows
# under a heading (500): it shows 500 of them, sorted by kind and name,
# and says that there are more; aiatlas show lists them all.
. "$top_srcdir/tests/cli/lib.sh"

udb="$scratch/user.db"
A="--db $FIXTURE --user-db $udb"

# 600 actors of the user's own, each citing the fixture's news article,
# which 18 bundled records cite already.
{
	echo "id,name,name_fr,kind,country,summary_en,summary_fr,sources"
	i=1
	while [ $i -le 600 ]; do
		printf 'lab-%03d,Lab %03d,Labo %03d,company,XTA,A lab.,Un labo.,fixture-news\n' $i $i $i
		i=$((i + 1))
	done
} >"$scratch/labs.csv"
run $A import "$scratch/labs.csv" --into actors
expect_status 0 "import 600 actors citing one source"

run $A show fixture-news
[ "$(grep -c '^  lab-' "$scratch/out")" = 600 ]
ok $? "show lists every record citing the source"

printf '/\nTest article, with a comma\n<Enter>\n:dump %s\n' "$scratch/record.txt" >"$scratch/open.keys"
run $A --script "$scratch/open.keys" --size 100x1000
expect_status 0 "the explorer opens the source's record"
links=$(sed -n '/^ *Cited by/,/^ *… only the first/p' "$scratch/record.txt" | sed '1d;$d')
[ "$(printf '%s\n' "$links" | grep -c .)" = 500 ]
ok $? "its record shows 500 of the records citing it"
grep -q "… only the first 500 are shown: aiatlas show fixture-news lists them all" \
    "$scratch/record.txt"
ok $? "and says that there are more"
labs=$(printf '%s\n' "$links" | sed -n 's/^ *\(Lab [0-9]*\) .*/\1/p')
[ -n "$labs" ] && [ "$labs" = "$(printf '%s\n' "$labs" | LC_ALL=C sort)" ]
ok $? "the actors among them sorted by name"

done_testing
