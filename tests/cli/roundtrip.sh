#!/bin/sh
# Exports that import again: list --wide written as CSV (cells made inert
# for spreadsheets, or raw) and as JSON, imported into a fresh user
# database, written again byte for byte the same; JSON import and its
# mistakes; a field over 1 MB; --rm refused while a record is still named.
. "$top_srcdir/tests/cli/lib.sh"

files="$top_srcdir/tests/cli/import"
A="--db $FIXTURE --user-db $scratch/first.db"

# Records with accents, quotes, commas, newlines and cells a spreadsheet
# would run as formulas, or that start with ' themselves.
cat >"$scratch/actors.csv" <<'EOF'
id,name,name_fr,kind,country,sector,founded_on,summary_en,summary_fr,sources
zeta-ia,Zêta IA,'t Zêta,company,XTA,private,2024,"=1+1, with ""quotes""","-5 % sur
deux lignes",my-notes#p. 2;fixture-news
omega-state,Omegaland,Omégaland,state,XTB,public,,"@SUM(A1)",'=déjà inerte,fixture-news
EOF
run $A import "$files/sources.csv" --into sources
expect_status 0 "import a source"
run $A import "$scratch/actors.csv" --into actors
expect_status 0 "import actors with accents, quotes, commas, newlines and formulas"
run $A --format tsv --csv-raw sql "SELECT name_fr, summary_en, summary_fr FROM user.actor ORDER BY id"
printf '%s\n' "name_fr	summary_en	summary_fr" "Omégaland	@SUM(A1)	=déjà inerte" \
    "'t Zêta	=1+1, with \"quotes\"	-5 % sur\\ndeux lignes" | cmp -s - "$scratch/out"
ok $? "one leading ' is dropped before = and ', and only there"

# roundtrip NAME EXPORT-OPTIONS...: export the imported sources and actors,
# import them into a fresh user database, export again: the same bytes.
roundtrip() {
	name=$1
	shift
	B="--db $FIXTURE --user-db $scratch/$name.db"
	for kind in sources actors; do
		run $A list $kind --filter mine:yes --wide "$@" -o "$scratch/$name-$kind.1"
		expect_status 0 "$name: export $kind"
	done
	for kind in sources actors; do
		run $B import "$scratch/$name-$kind.1" --into $kind
		expect_status 0 "$name: import the exported $kind into another user database"
	done
	for kind in sources actors; do
		run $B list $kind --filter mine:yes --wide "$@" -o "$scratch/$name-$kind.2"
		cmp -s "$scratch/$name-$kind.1" "$scratch/$name-$kind.2"
		ok $? "$name: $kind exported again are the same, byte for byte"
	done
}

roundtrip csv --format csv
grep -q "^zeta-ia,Zêta IA,''t Zêta,.*,\"'=1+1, with \"\"quotes\"\"\",\"'-5 % sur$" \
    "$scratch/csv-actors.1"
ok $? "csv: formula-like cells and cells starting with ' are written with a '"
grep -q ',fixture-news;my-notes#p. 2$' "$scratch/csv-actors.1"
ok $? "csv: the sources column lists the whole-record citations as import reads them"
roundtrip raw --format csv --csv-raw
grep -q "^zeta-ia,Zêta IA,'t Zêta,.*,\"=1+1, with" "$scratch/raw-actors.1"
ok $? "raw: the cells are as they are"
roundtrip json --format json
grep -q '"summary_en":"=1+1, with \\"quotes\\"","summary_fr":"-5 % sur\\ndeux lignes"' \
    "$scratch/json-actors.1"
ok $? "json: the text is as it is"

run --db "$FIXTURE" --user-db "$scratch/json.db" --format tsv --csv-raw sql \
    "SELECT name_fr, summary_en, summary_fr FROM user.actor ORDER BY id"
cp "$scratch/out" "$scratch/json.records"
run $A --format tsv --csv-raw sql "SELECT name_fr, summary_en, summary_fr FROM user.actor ORDER BY id"
cmp -s "$scratch/out" "$scratch/json.records"
ok $? "json: the records imported are those exported"

# JSON written by hand: sources as an array, members left out or null.
C="--db $FIXTURE --user-db $scratch/json-hand.db"
cat >"$scratch/hand.json" <<'EOF'
[
  {"id": "my-notes", "title": "Mes notes", "lang": "fr", "kind": "report"}
]
EOF
run $C import "$scratch/hand.json" --into sources
expect_status 0 "a JSON file of sources"
printf '%s\n' '[{"id": "hand-made", "name": "Fait main", "name_fr": "Fait main",' \
    ' "kind": "company", "country": null, "summary_en": "By hand.",' \
    ' "summary_fr": "À la main.", "sources": ["my-notes#p. 1", "fixture-news"]}]' \
    >"$scratch/hand"
run $C import "$scratch/hand" --into actors
expect_status 0 "a JSON file named without .json, sources as an array"
run $C --format tsv sql "SELECT source_id, locator FROM user.citation ORDER BY source_id"
printf '%s\n' "source_id	locator" "fixture-news	" "my-notes	p. 1" | cmp -s - "$scratch/out"
ok $? "each string of the array is a citation, with its locator"

# JSON's mistakes, each with the line its object starts on.
base='"name": "N", "name_fr": "N", "summary_en": "x", "summary_fr": "y"'
row="$base, \"kind\": \"company\", \"sources\": \"fixture-news\""
bad_json() {
	printf '%s\n' "$2" >"$scratch/$1.json"
	before=$(cksum <"$scratch/json-hand.db")
	run $C import "$scratch/$1.json" --into actors
	expect_status 2 "$1"
	[ "$(cksum <"$scratch/json-hand.db")" = "$before" ]
	ok $? "$1: the user database is unchanged"
	expect_err "aiatlas: $scratch/$1.json$3" "$1"
}
bad_json not-object "[
{\"id\": \"a1\", $row},
3]" ":3: item 2 is integer, not an object"
bad_json twice "[
{\"id\": \"a1\", $row},

{\"id\": \"a2\",
 \"id\": \"a3\", $row}]" ":4: id: the member appears twice"
bad_json boolean "[{\"id\": \"a1\", $row, \"parent_id\": true}]" \
    ":1: parent_id: true is not a value here (write a string or a number)"
bad_json sources-not-text "[{\"id\": \"a1\", $row},
{\"id\": \"a2\", $base, \"kind\": \"company\", \"sources\": [\"fixture-news\", 2]}]" \
    ":2: sources: a list of sources holds strings only"
bad_json nul "[{\"id\": \"a1\", $row},
{\"id\": \"a2\\u0000\", $row}]" ":2: a NUL character (\\u0000): not text"
bad_json unknown "[{\"id\": \"a1\", $row},
{\"id\": \"a2\", $row, \"colour\": \"red\"}]" ":2: header: unknown column 'colour' for actors"
bad_json bad-row "[{\"id\": \"a1\", $row},
{\"id\": \"a2\", $base, \"kind\": \"spaceship\", \"sources\": \"fixture-news\"}]" \
    ":2: kind: one of company, state, public_body, fund, person, infrastructure, supercomputer, data_centre, model, regulation, initiative (got 'spaceship')"
bad_json empty "[]" ":1: no records: the array is empty"
printf '[{"id": "a1",\n' >"$scratch/invalid.json"
run $C import "$scratch/invalid.json" --into actors
expect_status 2 "invalid JSON"
grep -q "^aiatlas: $scratch/invalid.json:*[0-9]*: not a JSON array of objects" "$scratch/err"
ok $? "invalid JSON: one message"

# A field over 1 MB.
{
	echo "id,name,name_fr,kind,summary_en,summary_fr,sources"
	echo "fine,F,F,company,x,y,fixture-news"
	printf 'long,L,L,company,'
	head -c 1048577 /dev/zero | tr '\0' a
	echo ",y,fixture-news"
} >"$scratch/long.csv"
run $C import "$scratch/long.csv" --into actors
expect_status 2 "a field over 1 MB"
expect_err "aiatlas: $scratch/long.csv:3: summary_en: longer than 1 MB" "a field over 1 MB"

# --rm refuses while another imported record names the id.
cat >"$scratch/child.csv" <<'EOF'
id,name,name_fr,kind,parent_id,summary_en,summary_fr,sources
zeta-child,Zêta Child,Zêta Enfant,company,zeta-ia,A subsidiary.,Une filiale.,fixture-news
EOF
run $A import "$scratch/child.csv" --into actors
expect_status 0 "import an actor whose parent is an imported one"
before=$(cksum <"$scratch/first.db")
run $A import --rm zeta-ia
expect_status 2 "--rm of a parent"
expect_err "aiatlas: import --rm: zeta-ia is still named by actor 'zeta-child' (parent_id): remove that first, or both at once" "--rm of a parent"
[ "$(cksum <"$scratch/first.db")" = "$before" ]
ok $? "--rm of a parent: the user database is unchanged"
run $A import --rm my-notes
expect_status 2 "--rm of a cited source"
expect_err "aiatlas: import --rm: my-notes is still named by citations 'zeta-ia/my-notes/*' (source_id): remove that first, or both at once" "--rm of a cited source"
run $A import --rm zeta-ia zeta-child my-notes
expect_status 0 "--rm of a record with what names it"
expect_out_has "3 records removed" "--rm of a record with what names it"

done_testing
