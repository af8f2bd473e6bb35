#!/bin/sh
# The bash completion (completion/aiatlas), driven as bash drives it: the
# words of a command line in COMP_WORDS, then what it offers in COMPREPLY.
# Its lists of commands, options, kinds, formats and filter fields are
# checked against what the built program says.
if ! command -v bash >/dev/null 2>&1; then
	echo "1..0 # SKIP bash is not installed"
	exit 0
fi
. "$top_srcdir/tests/cli/lib.sh"

script="$(cd "$top_srcdir" && pwd)/completion/aiatlas"
# The built program answers as "aiatlas", as the installed one would.
PATH="$(dirname "$AIATLAS"):$PATH"
export PATH

# offers WORD...: what completing the last WORD of "aiatlas WORD..." offers,
# one per line, sorted.
offers() {
	BASH_ENV="" bash -c '
		. "$1" || exit 1
		shift
		COMP_WORDS=(aiatlas "$@")
		COMP_CWORD=$#
		COMP_LINE="${COMP_WORDS[*]}"
		COMP_POINT=${#COMP_LINE}
		_aiatlas aiatlas "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}"' bash "$script" "$@" 2>/dev/null | sed '/^$/d' | sort
}

# lines WORDS: the words, separated by spaces or newlines, one per line, sorted.
lines() {
	printf '%s\n' "$1" | tr ' ' '\n' | sed '/^$/d' | sort -u
}

# same GOT WANT DESCRIPTION: the words GOT are the words WANT.
same() {
	[ "$(lines "$1")" = "$(lines "$2")" ]
	ok $? "$3"
	[ "$(lines "$1")" = "$(lines "$2")" ] ||
		diag "offered: $(lines "$1" | tr '\n' ' '); expected: $(lines "$2" | tr '\n' ' ')"
}

# expect WANT DESCRIPTION WORD...: completing WORD... offers exactly WANT
# (words separated by spaces).
expect() {
	want=$1
	desc=$2
	shift 2
	same "$(offers "$@")" "$want" "$desc"
}

# expect_has WORD DESCRIPTION WORD...: completing WORD... offers WORD, among others.
expect_has() {
	word=$1
	desc=$2
	shift 2
	offers "$@" >"$scratch/offers"
	grep -qx -- "$word" "$scratch/offers"
	ok $? "$desc"
}

# The program's own list after "LABEL: " in the message of a mistake, as words.
said() {
	"$AIATLAS" --db "$FIXTURE" "$@" 2>&1 | sed -n 's/.*; [a-z]*: //p' | tr -d ','
}

expect "list" "aiatlas li<TAB> is list" li
expect_has actors "aiatlas list <TAB> offers actors" list ""
expect_has funding "aiatlas list <TAB> offers funding" list ""
expect_has mistral-ai "aiatlas show mistral<TAB> offers mistral-ai, from the bundled data" show mistral
expect_has json "aiatlas --format <TAB> offers json" --format ""
expect "json" "aiatlas --format=j<TAB> is json" --format = j
expect "kind:" "aiatlas list funding --filter ki<TAB> is kind:" list funding --filter ki
expect "amount: amount>= amount<=" "amount takes comparisons" list funding --filter am
expect "alpha-labs" "--db: ids come from that database" --db "$FIXTURE" show alpha-l
expect "mistral-series-c-2025" "compare offers funding items" compare us mistral-series
expect "" "compare offers no events" compare us ev-2025-01
expect_has mistral-ai "compare offers actors" compare us mistral
expect_has FRA "compare offers countries" compare us FR
expect "fr" "--lang f<TAB> is fr" --lang f
expect "alpha-chips alpha-labs alpha-series-b-2025" "brief offers every record, after one already given" \
    --db "$FIXTURE" brief XTA alpha-
expect "never" "--color n<TAB> is never" list actors --color n
expect "--wide" "list actors --wi<TAB> is --wide" list actors --wi
expect "--columns" "search --colu<TAB> is --columns" search x --colu
expect "id,title" "list funding --columns id,ti<TAB> is id,title" list funding --columns id,ti
expect "id,amount_low id,amount_high" "--columns offers the data formats' columns too" \
    --db "$FIXTURE" list funding --columns id,amount_
expect "title_en title_fr" "with --wide, --columns offers every column of the table" \
    --db "$FIXTURE" list funding --wide --columns title_
expect "amount amount_eur" "timeline's columns" timeline --columns amou
expect "match" "search's columns" search --columns ma
expect "--dry-run" "import --dr<TAB> is --dry-run" import x --dr
expect_has funding-parties "import --into <TAB> offers the tables of links" import x --into ""
expect_has actors "import --into <TAB> offers the kinds of list" import x --into ""
"$AIATLAS" --db "$FIXTURE" --user-db "$scratch/user.db" import \
    "$top_srcdir/tests/cli/import/sources.csv" --into sources >/dev/null
expect "$top_srcdir/tests/cli/import/sources.csv" "import FILE <TAB> offers files: import takes several" \
    import "$top_srcdir/tests/cli/import/actors.csv" "$top_srcdir/tests/cli/import/sour"
expect "my-notes" "import --rm <TAB> offers the ids imported into --user-db" \
    --db "$FIXTURE" --user-db "$scratch/user.db" import --rm ""

# The lists of the script are the program's.
expect "$("$AIATLAS" --help | sed -n 's/^  aiatlas \([a-z-]*\).*/\1/p')" \
    "the commands are those of aiatlas --help" ""
options_of() {
	"$AIATLAS" "$@" --help | grep '^  -' | grep -o -- '--[a-z][a-z-]*' | sort -u
}
global=$(options_of | grep -v -e '^--script$' -e '^--size$' -e '^--timings$')
expect "$(options_of)" "without a command, the options of aiatlas --help" --
for cmd in list timeline show search sql compare brief export-db import check; do
	expect "$global $(options_of "$cmd")" "$cmd's options are those of aiatlas $cmd --help" \
	    "$cmd" x --
done
expect "$(said list nosuch)" "the kinds are those of list" list ""
expect "$(said --format nosuch list actors)" "the formats are those of --format" --format ""
expect "$(said brief x --format nosuch)" "brief's formats are those of its --format" \
    brief x --format ""
for kind in actors funding events blocs sources countries figures timeline; do
	if [ "$kind" = timeline ]; then set -- timeline; else set -- list "$kind"; fi
	same "$(offers "$@" --filter "" | grep ':$')" \
	    "$(said "$@" --filter nosuch:x | sed 's/\([a-z][a-z]*\)/\1:/g')" \
	    "the filter fields of $kind are those the filter language takes"
done
same "$(offers list actors --columns "")" "id name kind country sector place region founded parent disputed" \
    "list actors --columns <TAB> offers the list's columns"
done_testing
