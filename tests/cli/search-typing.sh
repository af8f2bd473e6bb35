#!/bin/sh
# Search as you type over many matches: each key shows a first page at
# once, names first, the position marked with "+" while more may follow;
# closing the prompt (Esc, Enter) ranks every match, in the order of the
# search command. A word of one letter is searched in names only, as the
# title says.
. "$top_srcdir/tests/cli/lib.sh"

. "$top_srcdir/tests/cli/datahub.sh"
A="--db $scratch/many.db --no-user-db"

# The ids of the rows of a dumped search, in order.
ids() {
	sed -n 's/^.  actor   \(.*\)$/\1/p' "$1" | while read -r name rest; do
		case $name in
		Datahub) [ "${rest#Works}" = "$rest" ] && echo hub-exact || echo hub-first ;;
		Quiet) echo hub-inner ;;
		Filler) echo "filler-${rest%% *}" ;;
		esac
	done
}

printf '/datahub\n:dump %s\n<Esc>\n:dump %s\n' "$scratch/typed.txt" "$scratch/ranked.txt" \
    >"$scratch/keys"
run $A --script "$scratch/keys" --size 100x30 --timings "$scratch/t"
expect_status 0 "typing 'datahub' then Esc"
[ "$(ids "$scratch/typed.txt" | head -n 3 | tr '\n' ' ')" = "hub-exact hub-first hub-inner " ]
ok $? "while typing, the name that is the word, then the one starting with it, then the one holding it come first"
grep -q ' 1/100+ *$' "$scratch/typed.txt"
ok $? "while typing, the position says a first page of 100 is shown and more may follow"
grep -q ' 1/303 *$' "$scratch/ranked.txt"
ok $? "after Esc, every match is counted"
shown=$(ids "$scratch/ranked.txt" | wc -l)
run $A search datahub --limit "$shown" --format tsv
expect_status 0 "the search command"
[ "$shown" -gt 20 ] &&
    [ "$(ids "$scratch/ranked.txt" | tr '\n' ' ')" = "$(cut -f1 "$scratch/out" | sed 1d | tr '\n' ' ')" ]
ok $? "after Esc, the rows shown are the search command's, in its order"
[ "$(awk -F '\t' '$2 == "search" { print $3 }' "$scratch/t" | tr '\n' ' ')" = "d a t a h u b Esc " ]
ok $? "--timings has a line for each key typed, and for Esc, which ranks"

printf '/f\n:dump %s\n' "$scratch/letter.txt" >"$scratch/keys"
run $A --script "$scratch/keys" --size 100x30
expect_status 0 "typing one letter"
grep -q 'search f (names only: a word of one letter) .* 1/100+ *$' "$scratch/letter.txt"
ok $? "one letter: the title says only names are searched, the position that more may follow"
# The names column: 33 columns from the 12th, of the rows below the header.
[ "$(sed 1,2d "$scratch/letter.txt" | grep '^.  [a-z]' | cut -c 12-44 | grep -Eivc '(^| )f')" -eq 0 ] &&
    [ "$(ids "$scratch/letter.txt" | grep -c '^filler-')" -gt 20 ]
ok $? "one letter: every row shown is a name with a word that starts with it"

# A limit takes the first rows of the whole search, with the same snippets.
run $A search datahub --format tsv
expect_status 0 "every match of 'datahub' (303)"
head -n 151 "$scratch/out" >"$scratch/all150"
[ "$(wc -l <"$scratch/out")" -eq 304 ]
ok $? "303 rows"
run $A search datahub --limit 150 --format tsv
cmp -s "$scratch/out" "$scratch/all150"
ok $? "--limit 150 gives the first 150, with the same snippets"

# A word of four letters or more being typed is searched as the words that
# start with it, the user's own included: "datah" is "datahub" in the
# bundled records and "datahubzone" in the name of an actor of the user's.
U="--db $scratch/many.db --user-db $scratch/user.db"
printf 'id,name,name_fr,kind,country,bloc_id,sector,parent_id,founded_on,summary_en,summary_fr,place,region,sources\n%s\n' \
    'zone-labs,Datahubzone Labs,Datahubzone Labs,company,XTA,,private,,,A company.,Une entreprise.,,,fixture-news' \
    >"$scratch/mine.csv"
run $U import "$scratch/mine.csv" --into actors
expect_status 0 "an actor of the user's named 'Datahubzone Labs'"
printf '/datah\n:dump %s\n' "$scratch/mine.txt" >"$scratch/keys"
run $U --script "$scratch/keys" --size 100x30
expect_status 0 "typing 'datah' with the user's records"
[ "$(sed 1,2d "$scratch/mine.txt" | head -n 4 | sed 's/^.*actor   //; s/  .*//' | tr '\n' ',')" = \
    "Datahub,Datahub Works,Datahubzone Labs,Quiet Datahub," ]
ok $? "while typing, the user's record whose name starts with the word is among the names that do"

done_testing
