#!/bin/sh
# make bench: aiatlas's speed on a large database, each figure the median of
# several runs, side by side with a reference tool doing the same work in
# the same run (the sqlite3 shell on the same database).
# Usage: run.sh AIATLAS MKDB FIXTURES-DIR [ROWS]
set -eu

aiatlas=$1 mkdb=$2 fixtures=$3 rows=${4:-200000}
runs=11
work=$(mktemp -d "${TMPDIR:-/tmp}/aiatlas-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

command -v sqlite3 >/dev/null || { echo "bench: sqlite3 (the reference) is not installed" >&2; exit 2; }

# A dataset of the fixture plus ROWS generated actors, built by aiatlas-mkdb
# as the bundled one is (full-text and trigram indexes included).
cp "$fixtures"/*.csv "$work/"
awk -v n="$rows" 'BEGIN {
	srand(42)
	for (i = 1; i <= n; i++)
		printf "bench-%d,Actor %08x,Acteur %d,company,XTA,,private,,,Generated actor %d for the benchmark.,Acteur %d produit pour le banc d essai.,fixture-news\n", i, int(rand() * 4294967295), i, i, i
}' >>"$work/actors.csv"
start=$(date +%s%N)
"$mkdb" -o "$work/big.db" "$work" >/dev/null
built=$(( ($(date +%s%N) - start) / 1000000 ))

# median_ms CMD...: run CMD $runs times, print the median wall time in ms.
median_ms() {
	i=0
	: >"$work/times"
	while [ $i -lt $runs ]; do
		s=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true
		e=$(date +%s%N)
		echo $(( (e - s) / 1000 )) >>"$work/times"
		i=$((i + 1))
	done
	sort -n "$work/times" | awk -v m=$(( (runs + 1) / 2 )) 'NR == m { printf "%.1f", $1 / 1000 }'
}

# row WHAT A-CMD -- REF-CMD: one line of the table.
row() {
	what=$1
	shift
	a=""
	while [ "$1" != "--" ]; do a="$a $(printf '%s' "$1" | sed "s/'/'\\\\''/g; s/^/'/; s/\$/'/")"; shift; done
	shift
	ta=$(eval "median_ms $a")
	tr=$(median_ms "$@")
	printf '%-44s %10s %10s %8s\n' "$what" "$ta" "$tr" \
	    "$(awk -v a="$ta" -v r="$tr" 'BEGIN { printf "%.2f", (r > 0 ? a / r : 0) }')"
}

printf ':dump %s\n' "$work/d.txt" >"$work/open.keys"
printf 'G\n:dump %s\n' "$work/d.txt" >"$work/last.keys"
printf 'ss\n:dump %s\n' "$work/d.txt" >"$work/sort.keys"
printf '/actor 0000\n:dump %s\n<Esc>\n' "$work/d.txt" >"$work/search.keys"

echo "aiatlas bench: $rows generated actors (+ the fixture), built by aiatlas-mkdb in $built ms;"
echo "median of $runs runs in ms, next to the sqlite3 shell doing the same query on the same file."
printf '%-44s %10s %10s %8s\n' "what" "aiatlas" "sqlite3" "ratio"
row "start, one row of a list" "$aiatlas" --db "$work/big.db" list actors --limit 1 -- \
    sqlite3 "$work/big.db" "SELECT id, name FROM actor ORDER BY name, id LIMIT 1"
row "explorer: open the Actors tab (headless)" "$aiatlas" --db "$work/big.db" --script "$work/open.keys" -- \
    sqlite3 "$work/big.db" "SELECT count(*) FROM actor; SELECT id, name FROM actor ORDER BY name, id LIMIT 21"
row "explorer: open, then G (the last row)" "$aiatlas" --db "$work/big.db" --script "$work/last.keys" -- \
    sqlite3 "$work/big.db" "SELECT count(*) FROM actor; SELECT id, name FROM actor ORDER BY name DESC, id DESC LIMIT 21"
row "explorer: open, then sort by kind (no index)" "$aiatlas" --db "$work/big.db" --script "$work/sort.keys" -- \
    sqlite3 "$work/big.db" "SELECT id, kind FROM actor ORDER BY kind, id LIMIT 21"
row "explorer: search as you type, 11 keys" "$aiatlas" --db "$work/big.db" --script "$work/search.keys" -- \
    sqlite3 "$work/big.db" "SELECT id FROM record_fts WHERE record_fts MATCH '\"actor\"* \"0000\"*' ORDER BY rank LIMIT 500"
row "search: full text, ranked" "$aiatlas" --db "$work/big.db" search actor 0000 --limit 20 -- \
    sqlite3 "$work/big.db" "SELECT id FROM record_fts WHERE record_fts MATCH '\"actor\"* \"0000\"*' ORDER BY rank LIMIT 20"
row "search --regex (trigram prefilter)" "$aiatlas" --db "$work/big.db" search --regex 'Actor 0000[0-9a-f]{4}' -- \
    sqlite3 "$work/big.db" "SELECT id FROM record_text WHERE text GLOB '*Actor 0000[0-9a-f][0-9a-f][0-9a-f][0-9a-f]*'"
row "list --filter 'kind:company year:2023'" "$aiatlas" --db "$work/big.db" list actors --filter 'kind:company year:2023' -- \
    sqlite3 "$work/big.db" "SELECT id FROM actor WHERE kind = 'company' AND substr(founded_on, 1, 4) = '2023'"
row "compare two places" "$aiatlas" --db "$work/big.db" compare XTA XTB -- \
    sqlite3 "$work/big.db" "SELECT count(*), sum(amount) FROM funding WHERE country IN ('XTA', 'XTB')"
