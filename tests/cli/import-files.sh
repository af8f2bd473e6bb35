#!/bin/sh
# aiatlas import of several files at once: each file's kind from its name
# (or --into for all), in one transaction: a record may cite what another
# file of the same import gives, and a bad file keeps every other out.
. "$top_srcdir/tests/cli/lib.sh"

files="$top_srcdir/tests/cli/import"
udb="$scratch/user.db"
A="--db $FIXTURE --user-db $udb"

# A name that says no kind, with no --into: nothing is read, nothing made.
cp "$files/sources.csv" "$scratch/my-sources.csv"
run $A import "$files/actors.csv" "$scratch/my-sources.csv"
expect_status 2 "a file named as no kind"
expect_err "aiatlas: import: $scratch/my-sources.csv: its name says no kind: name it after one (actors.csv) or give --into KIND; kinds: actors, funding, events, blocs, sources, countries, figures" "the message names the file"
[ ! -e "$udb" ]
ok $? "no user database is made for it"
# A data directory's name for a table of links, and a JSON file's kind.
mkdir "$scratch/names"
printf 'bloc_id,iso3,colour\n' >"$scratch/names/bloc_members.csv"
run $A import "$scratch/names/bloc_members.csv" --dry-run
expect_err "aiatlas: $scratch/names/bloc_members.csv:1: header: unknown column 'colour' for bloc-members" "bloc_members.csv is read as bloc members"
printf '[{"id": "json-notes", "title": "Notes", "publisher": "Moi", "published_on": "2026", "lang": "fr", "kind": "report"}]\n' \
    >"$scratch/names/sources.json"
run $A import "$scratch/names/sources.json" --dry-run
expect_status 0 "sources.json, --dry-run"
expect_out_has "sources.json: 1 source checked; nothing imported (--dry-run)" "sources.json is read as sources"
run $A import
expect_status 2 "import without a file"
expect_err "aiatlas: usage: aiatlas import FILE... [--into KIND] [--dry-run]" "the usage"

# The actors cite a source of the second file: alone they are refused
# (import.sh); read with it, in one import, both go in.
run $A import "$files/actors.csv" "$files/sources.csv" --dry-run
expect_status 0 "--dry-run of two files"
expect_out_has "actors.csv: 2 actors checked; nothing imported (--dry-run)" "--dry-run counts the actors"
expect_out_has "sources.csv: 1 source checked; nothing imported (--dry-run)" "and the source"
[ ! -e "$udb" ]
ok $? "--dry-run makes no user database"

# A bad file after a good one: neither is imported.
mkdir "$scratch/bad"
cp "$files/bad-rows.csv" "$scratch/bad/actors.csv"
run $A import "$files/sources.csv" "$scratch/bad/actors.csv"
expect_status 2 "a bad file after a good one"
expect_err "aiatlas: $scratch/bad/actors.csv:3: kind: one of company, state, public_body, fund, person, infrastructure, supercomputer, data_centre, model, regulation, initiative (got 'spaceship') (and 2 more errors)" "the bad file's first error, and the count of the others"
[ ! -e "$udb" ]
ok $? "nothing is imported: no user database"

run $A import "$files/actors.csv" "$files/sources.csv"
expect_status 0 "actors citing a source of the same import"
[ "$(sed 's|.*/||' "$scratch/out" | tr '\n' '|')" = "actors.csv: 2 actors imported|sources.csv: 1 source imported|" ]
ok $? "each file's count, in the order given" || diag "$(cat "$scratch/out")"
[ "$(sqlite3 "$udb" 'PRAGMA journal_mode')" = wal ] && [ ! -e "$udb-journal" ]
ok $? "the file made by the import is left in WAL mode, its rollback journal gone"
run $A show zeta-ia
expect_out_has "My notes, with \"quotes\"" "the actor cites the source imported with it"
# The subject of a citation is looked up, but for those a sources cell
# made (the record of that row).
printf 'subject_id,source_id,field,stance\nghost-record,fixture-news,*,supports\n' \
    >"$scratch/names/citations.csv"
run $A import "$scratch/names/citations.csv"
expect_status 2 "a citation of no record"
expect_err "aiatlas: $scratch/names/citations.csv:2: subject_id: no record with id 'ghost-record'" "the citation's subject is looked up"
run $A search zeta
expect_out_has "Zêta IA" "search finds the actor"

# --into gives every file its kind; 20,000 records in two files are the
# many whose trigram index is made beside the word index (fts.c).
many_actors one 10000 >"$scratch/one.csv"
many_actors two 10000 >"$scratch/two.csv"
rm -f "$udb"
run $A import "$scratch/one.csv" "$scratch/two.csv" --into actors
expect_status 0 "two files of actors with --into"
[ "$(grep -c ': 10000 actors imported$' "$scratch/out")" -eq 2 ]
ok $? "10,000 actors from each" || diag "$(cat "$scratch/out")"
[ ! -e "$udb-trigrams" ]
ok $? "the file the trigram index was made in is gone"
run $A search --regex 'quartz[a-z]+' --format tsv
[ "$(grep -c '^one-[0-9]*000	' "$scratch/out")" -eq 10 ] &&
    [ "$(grep -c '^two-[0-9]*000	' "$scratch/out")" -eq 10 ]
ok $? "--regex finds the 10 of each file about quartzite" || diag "$(head -5 "$scratch/out")"
run $A search granite --limit 1 --format tsv
expect_status 0 "a word of both files"
run $A check
expect_status 0 "aiatlas check: FTS5's integrity check of the user's indexes"

done_testing
