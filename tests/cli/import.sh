#!/bin/sh
# aiatlas import: the user's own records from CSV, checked as the bundled
# data is, seen by lists, search, show and compare; a bad file changes
# nothing; --rm removes what was imported.
. "$top_srcdir/tests/cli/lib.sh"

files="$top_srcdir/tests/cli/import"
udb="$scratch/user.db"
A="--db $FIXTURE --user-db $udb"

# A failed import of a new user database makes no file.
run $A import "$files/actors.csv" --into actors
expect_status 2 "an actor citing a source not imported yet"
expect_err "aiatlas: $files/actors.csv:2: sources: no source with id 'my-notes'" "an actor citing a source not imported yet"
[ ! -e "$udb" ] && [ -z "$(find "$scratch" -name 'user.db*')" ]
ok $? "a failed import makes no user database, nor a journal of one"
# Nor the directories made for it; one that was there stays.
mkdir "$scratch/xdg"
XDG_DATA_HOME="$scratch/xdg/data/new" "$AIATLAS" --db "$FIXTURE" import "$files/actors.csv" \
    --into actors >/dev/null 2>&1
[ -d "$scratch/xdg" ] && [ -z "$(ls -A "$scratch/xdg")" ]
ok $? "a failed import leaves no directory made for the user database" ||
    diag "$(find "$scratch/xdg")"

run $A import "$files/sources.csv" --into sources --dry-run
expect_status 0 "--dry-run"
expect_out_has "sources.csv: 1 source checked; nothing imported (--dry-run)" "--dry-run counts one source"
[ ! -e "$udb" ]
ok $? "--dry-run makes no user database"

run $A import "$files/sources.csv" --into sources
expect_status 0 "import a source (CRLF, quotes, commas)"
expect_out_has "sources.csv: 1 source imported" "import counts one source"

# In French, the kinds are counted in French, one and many.
french=fr_FR.UTF-8
locale -a 2>/dev/null | grep -qix 'fr_FR\.utf-\{0,1\}8' || french=""
if [ -n "$french" ]; then
	LC_ALL=$french "$AIATLAS" $A import "$files/actors.csv" --into actors --dry-run \
	    >"$scratch/fr" 2>&1
	grep -qF "actors.csv : vérification réussie, 2 acteurs ; rien n'est importé (--dry-run)" \
	    "$scratch/fr"
	ok $? "--dry-run in French counts two actors" || diag "$(cat "$scratch/fr")"
	# A rule of the schema, broken, is said in French too.
	LC_ALL=$french "$AIATLAS" $A import "$files/bad-rows.csv" --into actors >"$scratch/fr" 2>&1
	# (French puts a no-break space before ':' and inside « ».)
	grep -q "bad-rows.csv:3: kind.\{1,2\}: l’une des valeurs company, state," "$scratch/fr" &&
	    grep -q "(reçu .\{2,4\}spaceship.\{2,4\}) (et 2 autres erreurs)" "$scratch/fr"
	ok $? "a broken rule of the schema in French" || diag "$(cat "$scratch/fr")"
else
	skip "--dry-run in French counts two actors" "no fr_FR.UTF-8 locale"
	skip "a broken rule of the schema in French" "no fr_FR.UTF-8 locale"
fi
run $A import "$files/actors.csv" --into actors
expect_status 0 "import actors (BOM, CRLF, accents, a newline in a field)"
expect_out_has "2 actors imported" "import actors"

run $A list actors --filter mine:yes
expect_status 0 "list actors --filter mine:yes"
[ "$(cut -f1 "$scratch/out" | tr '\n' ' ')" = "id omega-state zeta-ia " ]
ok $? "mine:yes keeps the imported actors only"
run $A list actors --format table --color never
grep -q "^zeta-ia .*Zêta IA.*•" "$scratch/out"
ok $? "lists mark an imported record with •"
printf '1\nf\nmine:yes\n<Enter>\n:dump %s\n' "$scratch/mine.txt" >"$scratch/mine.keys"
run $A --script "$scratch/mine.keys" --size 80x24
grep -q "^ • Zêta IA" "$scratch/mine.txt"
ok $? "the explorer marks an imported record with •, not as disputed"
run $A search zeta
expect_out_has "Zêta IA" "search finds an imported actor"
run $A show zeta-ia
expect_out_has "My notes, with \"quotes\"" "show names the imported source"
run $A compare omega-state XTA
expect_status 0 "compare an imported state actor with a country"
# The search index of the user's records is kept in the file, and each
# import brings it in step: an alias imported later is searched too.
printf 'subject_id,alias,lang\nomega-state,Zorblandia,en\n' >"$scratch/aliases.csv"
run $A import "$scratch/aliases.csv" --into aliases
expect_status 0 "import an alias of an imported actor"
expect_out_has "aliases.csv: 1 alias imported" "import counts one alias"
printf 'subject_id,alias,lang\nomega-state,Zorbland,fr\n' >"$scratch/aliases-fr.csv"
if [ -n "$french" ]; then
	LC_ALL=$french "$AIATLAS" $A import "$scratch/aliases-fr.csv" --into aliases >"$scratch/fr" 2>&1
	grep -qxF "$scratch/aliases-fr.csv : import réussi, 1 alias" "$scratch/fr"
	ok $? "import in French counts one alias" || diag "$(cat "$scratch/fr")"
else
	skip "import in French counts one alias" "no fr_FR.UTF-8 locale"
fi
run $A search zorbl
expect_out_has "Omegaland" "search finds an imported actor by an alias imported after it"
run $A search --regex 'Zorbland[a-z]+'
expect_out_has "Omegaland" "a regular expression finds it too (the trigram index)"

for bad in bad-column missing-column unclosed bad-utf8 nul duplicate bad-rows; do
	before=$(cksum <"$udb")
	run $A import "$files/$bad.csv" --into actors
	expect_status 2 "$bad"
	[ "$(cksum <"$udb")" = "$before" ]
	ok $? "$bad: the user database is unchanged"
done
run $A import "$files/bad-rows.csv" --into actors
expect_err "aiatlas: $files/bad-rows.csv:3: kind: one of company, state, public_body, fund, person, infrastructure, supercomputer, data_centre, model, regulation, initiative (got 'spaceship') (and 2 more errors)" "the first error and the count of the others"
run $A import "$files/unclosed.csv" --into actors
expect_err "aiatlas: $files/unclosed.csv:2: a quoted field is not closed" "an unclosed quote"
run $A import "$files/bad-utf8.csv" --into actors
expect_err "aiatlas: $files/bad-utf8.csv:2: invalid UTF-8 (byte 0xff)" "invalid UTF-8"
run $A import "$files/nul.csv" --into actors
expect_err "aiatlas: $files/nul.csv:2: a NUL byte: not a text file" "a NUL byte"
run $A import "$files/bad-column.csv" --into actors
expect_err "aiatlas: $files/bad-column.csv:1: header: unknown column 'colour' for actors" "an unknown column"
run $A import "$files/missing-column.csv" --into actors
expect_err "aiatlas: $files/missing-column.csv:1: header: the required column 'name_fr' is missing" "a missing column"
run $A import "$files/duplicate.csv" --into actors
expect_err "aiatlas: $files/duplicate.csv:3: this row repeats the key (actor.id) of an earlier row" "a duplicate id"
run $A import "$files/actors.csv" --into actors
expect_err "aiatlas: $files/actors.csv:2: id: 'zeta-ia' is already imported; import --rm zeta-ia first (and 1 more error)" "an id already imported"

run $A import --rm alpha-labs
expect_status 2 "--rm of a bundled record"
expect_err "aiatlas: import --rm: alpha-labs is a bundled record; only the records you imported can be removed" "--rm of a bundled record"
printf 'zeta-ia\nomega-state\n' >"$scratch/ids"
run $A import --rm-file "$scratch/ids"
expect_status 0 "--rm-file"
run $A list actors --filter mine:yes
expect_status 1 "no imported actor is left"
run $A search zeta
expect_status 1 "search finds no removed actor"
run $A search zorblandia
expect_status 1 "nor by its alias"

# A bloc's timeline counts an item of the bloc in a member's country once:
# the Test Union's 2025 is its own €8bn and Testonia's seven, and the
# union's grant to Testonia.
run $A import "$files/bloc-funding.csv" --into funding
expect_status 0 "import funding of a bloc in a member's country"
printf '4\n/\ntest union\n<Esc>\n<Enter>\nt\n-\n-\n:dump %s\n' "$scratch/bloc.txt" \
    >"$scratch/bloc.keys"
run $A --script "$scratch/bloc.keys" --size 80x24
grep -q "^ 2024 … 2025, 9 at most a year" "$scratch/bloc.txt"
ok $? "the bloc's year counts the bloc's funding in a member's country once"
[ "$(grep -c "The union's grant to Testonia" "$scratch/bloc.txt")" = 1 ]
ok $? "the bloc's timeline shows it once"

# A funding record's confidence follows what is imported about it later:
# a citation of an official source confirms the grant.
run $A sql "SELECT id, confidence FROM funding WHERE id = 'union-grant-xta-2025'"
expect_out_has "union-grant-xta-2025	likely" "an imported grant cited by the press is likely"
run $A import "$files/gazette-citation.csv" --into citations
expect_status 0 "import a citation of an official source"
run $A sql "SELECT id, confidence FROM funding WHERE id = 'union-grant-xta-2025'"
expect_out_has "union-grant-xta-2025	confirmed" "an official source's citation, imported later, confirms it"

# The words of a few records added to many are read from those records
# alone (fts.c, FTS_WORDS_ADDED_SHARE): a prefix being typed is searched as
# the words that start with it (user_word), so a word missing from that
# list would hide its record behind another that starts alike.
{
	echo "id,name,name_fr,kind,country,sector,founded_on,summary_en,summary_fr,sources"
	for i in $(seq 1 30); do
		echo "bulk-$i,Bulk $i,Bulk $i,company,XTA,private,2024,Zyxwvabc tools $i,Outils $i,fixture-news"
	done
} >"$scratch/many.csv"
run $A import "$scratch/many.csv" --into actors
expect_out_has "30 actors imported" "import 30 actors"
printf '%s\n%s\n' "id,name,name_fr,kind,country,sector,founded_on,summary_en,summary_fr,sources" \
    "quillmark,Quillmark,Quillmark,company,XTA,private,2025,Zyxwvutsplan maker,Fabricant,fixture-news" \
    >"$scratch/one.csv"
run $A import "$scratch/one.csv" --into actors
expect_out_has "1 actor imported" "import one actor beside them"
run $A sql "SELECT word FROM user_word WHERE word LIKE 'zyxwv%' ORDER BY word" --format tsv
[ "$(tr '\n' ' ' <"$scratch/out")" = "word zyxwvabc zyxwvutsplan " ]
ok $? "the words a prefix is searched as hold the one record's, and the others'" ||
    diag "$(cat "$scratch/out")"

# After every import and removal above, the user's search index holds what
# the records say: aiatlas check runs FTS5's integrity check on it.
run $A check
expect_status 0 "the user's search index is sound after the imports and removals"

done_testing
