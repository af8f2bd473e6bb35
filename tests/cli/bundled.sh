#!/bin/sh
# The bundled database, as a new user meets it: no --db, no file read.
. "$top_srcdir/tests/cli/lib.sh"

# The binary carries its data: run it from an empty directory.
cd "$scratch" || exit 99

run check --format tsv
expect_status 0 "the bundled data passes every check"

run list actors --format json
expect_status 0 "list actors --format json"
if have sqlite3; then
	[ "$(sqlite3 :memory: "SELECT json_valid(readfile('$scratch/out')) AND json_type(readfile('$scratch/out')) = 'array'")" = 1 ]
	ok $? "list actors --format json is a JSON array"
else
	skip "list actors --format json is a JSON array" "sqlite3 is not installed"
fi
for kind in actors funding events blocs sources countries; do
	run list "$kind" --format json
	if have sqlite3; then
		[ "$status" -eq 0 ] &&
		[ "$(sqlite3 :memory: "SELECT json_array_length(readfile('$scratch/out')) > 0")" = 1 ]
		ok $? "list $kind: a non-empty JSON array"
	else
		skip "list $kind: a non-empty JSON array" "sqlite3 is not installed"
	fi
done

run search etats --format tsv
expect_status 0 "search etats"
grep -q 'États' "$scratch/out"
ok $? "search etats finds a record written with États"

run search ÉTATS-UNIS --format tsv
expect_status 0 "search ÉTATS-UNIS"
cut -f1 "$scratch/out" >"$scratch/ids"
run search etats-unis --format tsv
cut -f1 "$scratch/out" | cmp -s - "$scratch/ids"
ok $? "accents and case do not change what search finds"

run show france-ai-109bn-2025 --format table
expect_status 0 "show the France €109bn plan"
expect_out_has "€109bn" "its amount shows in euros"
expect_out_has "Parts" "its pledges show"
expect_out_has "Sources" "its sources show"

# Texts name a source as a reader cites it, never by the seed's number.
run sql "SELECT id FROM (
  SELECT id, summary_en || ' ' || summary_fr AS t FROM actor
  UNION ALL SELECT id, summary_en || ' ' || summary_fr FROM bloc
  UNION ALL SELECT id, title_en || ' ' || title_fr || ' ' || summary_en || ' ' || summary_fr FROM funding
  UNION ALL SELECT id, title_en || ' ' || title_fr || ' ' || summary_en || ' ' || summary_fr FROM event
  UNION ALL SELECT id, label_en || ' ' || label_fr FROM figure
  UNION ALL SELECT id, coalesce(note_en, '') || ' ' || coalesce(note_fr, '') FROM source
  UNION ALL SELECT subject_id, coalesce(note_en, '') || ' ' || coalesce(note_fr, '') FROM citation
  UNION ALL SELECT subject_id, note_en || ' ' || note_fr FROM claim)
  WHERE t LIKE '%article 0%'" --format tsv
[ "$status" -eq 1 ]
ok $? "no summary, title or note says 'article 0NN' (nothing found)"
[ "$status" -eq 1 ] || diag "$(cat "$scratch/out" "$scratch/err")"

# The French texts cite their sources in French: none says "the article"
# or "MaCertif's article" as the English ones do.
run sql "SELECT id FROM (
  SELECT id, summary_fr AS t FROM actor
  UNION ALL SELECT id, summary_fr FROM bloc
  UNION ALL SELECT id, title_fr || ' ' || summary_fr FROM funding
  UNION ALL SELECT id, title_fr || ' ' || summary_fr FROM event
  UNION ALL SELECT id, label_fr FROM figure
  UNION ALL SELECT id, coalesce(note_fr, '') FROM source
  UNION ALL SELECT subject_id, coalesce(note_fr, '') FROM citation
  UNION ALL SELECT subject_id, note_fr FROM claim)
  WHERE t LIKE '%the article%' OR t LIKE '%’s article%' OR t LIKE '%les l’article%'" --format tsv
[ "$status" -eq 1 ]
ok $? "no French text cites an article in English (nothing found)"
[ "$status" -eq 1 ] || diag "$(cat "$scratch/out" "$scratch/err")"

# A compare pane's cells wrap at spaces; a word wider than its column, as
# the id current-ai-nations among France's blocs at 80x24, is cut after a
# hyphen (current-ai- / nations), not where the width ends.
printf '/\nfrance us eu<Enter>\n:dump %s\n' "$scratch/cmp.txt" >"$scratch/cmp.keys"
run --script "$scratch/cmp.keys" --size 80x24
grep -q '^  *current-ai-$' "$scratch/cmp.txt" && grep -q '^  *nations$' "$scratch/cmp.txt"
ok $? "compare cuts an id wider than its column after a hyphen" ||
    diag "$(head -n 8 "$scratch/cmp.txt")"

# Names in the order people read them, case and accents aside: in French,
# Émirats arabes unis among the e (after Danemark, before Espagne) and
# États-Unis after Estonie; in English, ASML after Apple and Aâdel among
# the first a (byte by byte: ASML, Apple, Atos, Aâdel), as the lists and
# their indexes sort them.
run list countries --sort name --lang fr --format table
[ "$(sed -n 's/^[A-Z][A-Z][A-Z]   \(Danemark\|Émirats arabes unis\|Espagne\|Estonie\|États-Unis\|Finlande\)\( .*\)\{0,1\}$/\1/p' "$scratch/out" | tr '\n' '|')" = \
    "Danemark|Émirats arabes unis|Espagne|Estonie|États-Unis|Finlande|" ]
ok $? "countries by their French names: É among the e" || diag "$(head -n 20 "$scratch/out")"
run list actors --format table
[ "$(sed -n 's/^[a-z0-9-]*  *\(Aâdel\|Apple\|ASML\|Atos\) .*/\1/p' "$scratch/out" | tr '\n' '|')" = \
    "Aâdel|Apple|ASML|Atos|" ]
ok $? "actors by their names: case and accents aside" || diag "$(head -n 20 "$scratch/out")"

run export-db "$scratch/x.db"
expect_status 0 "export-db"
if have sqlite3; then
	[ "$(sqlite3 "$scratch/x.db" 'SELECT count(*) > 0 FROM citation')" = 1 ]
	ok $? "the exported database answers sqlite3"
else
	skip "the exported database answers sqlite3" "sqlite3 is not installed"
fi
run export-db "$scratch/x.db"
expect_status 2 "export-db does not overwrite a file"
expect_err "aiatlas: export-db: $scratch/x.db already exists; remove it or choose another name" "export-db does not overwrite a file"
run export-db "$scratch/no/such/dir/x.db"
expect_status 2 "export-db into a missing directory"
ls "$scratch/no" >/dev/null 2>&1
[ $? -ne 0 ]
ok $? "export-db leaves nothing behind when it fails"

run --db "$scratch/x.db" check --format tsv
expect_status 0 "the exported database passes the check"

run sql 'DELETE FROM actor'
expect_status 2 "sql DELETE on the bundled data"

run </dev/null
expect_status 2 "no command and no terminal"
expect_err "aiatlas: the explorer needs a terminal; use the commands instead (aiatlas --help)" "no command and no terminal"
[ ! -s "$scratch/out" ]
ok $? "no command and no terminal: nothing on stdout"

printf '1\n:dump %s\n' "$scratch/first.txt" >"$scratch/first.keys"
run --script "$scratch/first.keys"
expect_status 0 "the explorer runs headless on the bundled data"
grep -q "Actors" "$scratch/first.txt"
ok $? "its first screen shows the Actors tab"

# Outside UTF-8, the table and the explorer spell names as iconv //TRANSLIT.
for setting in "LANG=C" "LC_ALL=C"; do
	env -u LC_ALL -u LC_CTYPE $setting "$AIATLAS" list actors --format table >"$scratch/out" 2>&1
	grep -q "^3ia-cote-d-azur  *3IA Cote d'Azur  " "$scratch/out"
	ok $? "$setting: list actors --format table shows 3IA Cote d'Azur"
	env -u LC_ALL -u LC_CTYPE $setting "$AIATLAS" show 3ia-cote-d-azur --format table >"$scratch/out" 2>&1
	grep -q "^3IA Cote d'Azur -- actor 3ia-cote-d-azur$" "$scratch/out" &&
	    ! LC_ALL=C grep -q "$(printf '[\200-\377]')" "$scratch/out"
	ok $? "$setting: show --format table spells the record in ASCII"
done
printf '/cote d azur\n:dump %s\n' "$scratch/ascii.txt" >"$scratch/ascii.keys"
env -u LC_ALL -u LC_CTYPE LANG=C "$AIATLAS" --script "$scratch/ascii.keys" >/dev/null 2>&1 &&
    grep -q "3IA Cote d'Azur" "$scratch/ascii.txt"
ok $? "LANG=C: the explorer shows 3IA Cote d'Azur"

printf 'x\n:frobnicate\n' >"$scratch/bad.keys"
run --script "$scratch/bad.keys"
expect_status 2 "a bad script line"
expect_err "aiatlas: $scratch/bad.keys:2: unknown command ':frobnicate'; commands: :filter NAME, :save-filter NAME, :lang en|fr, :dump FILE, :q, :resize COLSxROWS, :sleep MS" "a bad script line"
run --script "$scratch/none.keys"
expect_status 2 "a missing script"
run --size 80x24
expect_status 2 "--size without --script"
run --script "$scratch/first.keys" --size 80by24
expect_status 2 "a malformed --size"
run list actors --script "$scratch/first.keys"
expect_status 2 "--script with a command"

# The settings the build leaves to its full-text indexes, which those of a
# --db file are compared with: the same as in files made before the build
# set a hash size for the word index while making it.
for t in record_fts:automerge,rank,version record_tri:automerge,version; do
	run sql "SELECT group_concat(k, ',') FROM (SELECT k FROM ${t%%:*}_config ORDER BY k)" \
	    --format tsv
	expect_status 0 "sql on ${t%%:*}_config"
	expect_out_has "${t#*:}" "${t%%:*}: only the settings of earlier builds (${t#*:})"
done

# A briefing sheet on InvestAI: its sources as footnotes, and the data it
# was made from named as the bundled dataset.
run brief investai --format txt
expect_status 0 "brief investai"
expect_out_has "[1] " "brief investai: numbered footnotes"
expect_out_has "https://ec.europa.eu/commission/presscorner/detail/en/ip_25_467" \
    "brief investai: the Commission's announcement among the sources"
expect_out_has "Data: the dataset bundled with aiatlas" "brief investai: names the bundled data"

# Which supercomputers, and where: one filter lists them with their sites.
run list actors --filter kind:supercomputer --format tsv
expect_status 0 "list actors --filter kind:supercomputer"
expect_out_has "$(printf 'jean-zay\tJean Zay\tsupercomputer\tFRA\tpublic\tSaclay plateau\t')" \
    "supercomputers: Jean Zay, on the Saclay plateau"
expect_out_has "$(printf 'lumi\tLUMI\tsupercomputer\tFIN\tpublic\tKajaani\t')" \
    "supercomputers: LUMI, at Kajaani"
expect_out_has "$(printf 'marenostrum-5\tMareNostrum 5\tsupercomputer\tESP\tpublic\tBarcelona\tCatalonia\t')" \
    "supercomputers: MareNostrum 5, at Barcelona in Catalonia"
run list actors --filter 'place:SACLAY' --format tsv
expect_out_has "jean-zay" "place: a part of the place, in any case"
run list actors --filter 'place:bruyeres' --format tsv
expect_out_has "mistral-saclay-data-centre" "place: accents aside"
run list actors --filter 'kind:infrastructure' --format tsv
expect_out_has "microsoft-azure" "clouds stay infrastructure"

# Output that cannot be written is an error, help and version included.
if [ -w /dev/full ]; then
	for args in --help --version "list --help" "list actors"; do
		# shellcheck disable=SC2086
		"$AIATLAS" $args >/dev/full 2>"$scratch/err"
		status=$?
		expect_status 2 "aiatlas $args to a full disk"
		grep -q 'cannot write the output' "$scratch/err"
		ok $? "aiatlas $args to a full disk: says it cannot write"
	done
else
	skip "output to a full disk" "no /dev/full"
fi

# Search lands on the thing: a name typed whole, or an alias, comes first.
run search mistral --limit 1 --format tsv
expect_status 0 "search mistral --limit 1"
[ "$(sed -n 2p "$scratch/out" | cut -f1,2)" = "mistral-ai	actor" ]
ok $? "search mistral --limit 1 prints the actor Mistral AI"
run search openai --limit 1 --format tsv
expect_status 0 "search openai --limit 1"
[ "$(sed -n 2p "$scratch/out" | cut -f1,2)" = "openai	actor" ]
ok $? "search openai --limit 1 prints the actor OpenAI"

# The thesaurus: French and English words find each other.
run search sovereignty --format tsv
expect_status 0 "search sovereignty"
sed 1d "$scratch/out" | cut -f1 | sort >"$scratch/sovereignty"
run search souveraineté --format tsv
expect_status 0 "search souveraineté"
sed 1d "$scratch/out" | cut -f1 | sort | cmp -s - "$scratch/sovereignty"
ok $? "search sovereignty and search souveraineté find the same records"
grep -qx "seed-openai-reshoring" "$scratch/sovereignty" &&
	grep -qx "ev-2026-03-03-numspot-sovereign-ai-stack-oped" "$scratch/sovereignty"
ok $? "both find a record titled in French (Souveraineté) and one in English (sovereign)"
run list actors --filter sovereignty --format tsv
cut -f1 "$scratch/out" >"$scratch/filter-sovereignty"
run list actors --filter souveraineté --format tsv
cut -f1 "$scratch/out" | cmp -s - "$scratch/filter-sovereignty" &&
	[ "$(wc -l <"$scratch/filter-sovereignty")" -gt 3 ]
ok $? "a filter's words use the thesaurus too: sovereignty and souveraineté keep the same actors"
run search GPAI --format tsv
expect_status 0 "search GPAI"
expect_out_has "ev-2025-08-02-ai-act-gpai-obligations-apply" \
    "GPAI finds the obligations for general-purpose AI"
run search gigausine --format tsv
expect_status 0 "search gigausine"
expect_out_has "eu-ai-gigafactories" "gigausine finds the EU AI gigafactories"
# Two words, one with equivalents in the thesaurus (AI: IA), in either order.
for words in "AI Act" "act ai"; do
	run search "$words" --limit 1 --format tsv
	expect_status 0 "search $words"
	[ "$(sed -n 2p "$scratch/out" | cut -f1)" = eu-ai-act ]
	ok $? "search $words --limit 1 prints the AI Act"
done

done_testing
