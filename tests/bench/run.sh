#!/bin/sh
# make bench: aiatlas's speed at scale, as one table. Each figure is the
# median and the 95th percentile of BENCH_RUNS runs (7 at least), with the
# peak memory; each comparison runs aiatlas and the other tool in turn in
# the same loop, and gives the ratio of their medians (under 1: aiatlas is
# faster). The explorer's figures are its own (--timings): from reading a
# key to the end of its redraw; its first screen is also timed in a real
# terminal, an 80x24 pane of a private tmux server.
# Usage: run.sh AIATLAS MKDB MEASURE FIXTURES SCHEMA CACHE SIZE [CC]
# SIZE: 100k or 1M (or any number of records); the databases are kept in
# CACHE (cache.sh). BENCH_BUILD_SIZE: the size whose build and import are
# timed BENCH_RUNS times, and whose search path callgrind counts (2k: at
# 1M, a search under callgrind takes hours today); BENCH_IMPORT_SIZE: the largest size
# imported with aiatlas import (by default SIZE: a million in about 100 s);
# BENCH_INSTALL=no: never install the tools compared or used (VisiData,
# lnav, fzf, valgrind, tmux) with apt-get.
set -eu

aiatlas=$1 mkdb=$2 measure=$3 fixtures=$4 schema=$5 cache=$6 size=$7 cc=${8:-cc}
here=$(cd "$(dirname "$0")" && pwd)
runs=${BENCH_RUNS:-7}
[ "$runs" -ge 7 ] || { echo "bench: BENCH_RUNS must be 7 or more" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/aiatlas-bench.XXXXXX")
have() { command -v "$1" >/dev/null 2>&1; }
# The private tmux server of the first screen in a terminal (its socket
# in the bench's directory), killed at the end however the bench ends.
unset TMUX
trap 'tmux -S "$work/tmux" kill-server >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
trap 'exit 2' HUP INT TERM
say() { echo "bench: $*" >&2; }

have sqlite3 || { say "sqlite3 (the reference) is not installed"; exit 2; }

# The tools compared, installed when this runs as root with apt-get.
missing=""
for t in vd:visidata lnav:lnav fzf:fzf valgrind:valgrind tmux:tmux; do
	have "${t%%:*}" || missing="$missing ${t#*:}"
done
if [ -n "$missing" ] && [ "${BENCH_INSTALL:-yes}" != no ] && [ "$(id -u)" -eq 0 ] && have apt-get; then
	say "installing:$missing"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >"$work/apt.log" 2>&1 ||
	    { DEBIAN_FRONTEND=noninteractive apt-get update -qq >>"$work/apt.log" 2>&1 &&
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >>"$work/apt.log" 2>&1; } ||
	    say "apt-get could not install:$missing (those rows are skipped)"
fi

case $size in
*k) n=$((${size%k} * 1000)) ;;
*M) n=$((${size%M} * 1000000)) ;;
*) n=$size ;;
esac
build_size=${BENCH_BUILD_SIZE:-2k}
import_size=${BENCH_IMPORT_SIZE:-$size}
case $import_size in
*k) import_n=$((${import_size%k} * 1000)) ;;
*M) import_n=$((${import_size%M} * 1000000)) ;;
*) import_n=$import_size ;;
esac
[ "$n" -le "$import_n" ] && import_size=$size
cache_sh() { "$here/cache.sh" "$aiatlas" "$mkdb" "$measure" "$fixtures" "$schema" "$cache" "$@" "$cc"; }
sum=$(cksum <"$schema" | cut -d' ' -f1)
dir=$(cache_sh "$size" mkdb)
idir=$(cache_sh "$import_size" import)
bdir=$(cache_sh "$build_size" all)
# The measures start with what the cache's builds wrote on the disk: its
# writeback slowed the first of them (the bundled first screen 11.5 ms
# from exec right after the databases were made again, 7.5 ms by perf
# stat just after that run).
sync
db=$dir/mkdb-$sum.db
ref=$dir/ref-$sum.db
common=$(sed -n 's/^common //p' "$dir/csv/words")
rare=$(sed -n 's/^rare //p' "$dir/csv/words")
letter=$(sed -n 's/^letter //p' "$dir/csv/words")
A="--db $db --no-user-db"

# stats FILE: the median and the 95th percentile (nearest rank) of the
# first column of FILE, and the largest second column (peak memory, kB).
stats() {
	sort -n "$1" | awk '{ v[NR] = $1; if ($2 > m) m = $2 }
	    END { p = int(NR * 0.95); if (p < NR * 0.95) p++
		printf "%s %s %s\n", v[int((NR + 1) / 2)], v[p], (m == "" ? "-" : m) }'
}

# timed FILE CMD...: run CMD under the stopwatch, its output dropped (its
# input is the caller's); the
# line appended to FILE names a failure (a status over 1: 1 is "nothing
# found") in its third column, and what a failed run said is kept.
timed() {
	f=$1
	shift
	"$measure" "$f" "$@" >/dev/null 2>"$work/stderr" ||
	    sed 's/^/'"$(basename "$1")"': /' "$work/stderr" >>"$work/errors"
}

# ms X: X milliseconds, to 3 significant digits.
ms() {
	awk -v x="$1" 'BEGIN { if (x == "-" || x == "") print "-"
	    else if (x < 10) printf "%.2f\n", x; else if (x < 100) printf "%.1f\n", x
	    else printf "%.0f\n", x }'
}

# mb KB: kilobytes as megabytes.
mb() {
	awk -v x="$1" 'BEGIN { if (x == "-" || x == "") print "-"; else printf "%.0f\n", x / 1024 }'
}

# failed FILE: "!" when a run in FILE failed (status over 1).
failed() {
	awk '$3 > 1 { bad = 1 } END { if (bad) print " (!)" }' "$1"
}

# line WHAT A-STATS [R-STATS]: one line of the table, from stats' output
# (median p95 kB) of aiatlas and of the reference.
line() {
	set -- "$1" $2 ${3:-- - -}
	printf '%-54s %8s %8s %6s  %8s %8s %6s  %6s\n' "$1" "$(ms "$2")" "$(ms "$3")" "$(mb "$4")" \
	    "$(ms "$5")" "$(ms "$6")" "$(mb "$7")" \
	    "$(awk -v a="$2" -v r="$5" 'BEGIN { if (r == "-" || r <= 0) print "-"; else printf "%.2f\n", a / r }')"
}

# pair WHAT A-CMD -- R-CMD: run aiatlas and the reference in turn, runs
# times each, and print their line. The commands are words; '<FILE' as the
# last word of R-CMD is its standard input.
pair() {
	what=$1
	shift
	: >"$work/a"; : >"$work/r"
	i=0
	while [ $i -lt "$runs" ]; do
		# shellcheck disable=SC2294
		eval "timed \"\$work/a\" $(pair_words a "$@")"
		eval "timed \"\$work/r\" $(pair_words r "$@")"
		i=$((i + 1))
	done
	line "$what$(failed "$work/a")$(failed "$work/r")" "$(stats "$work/a")" "$(stats "$work/r")"
}

# pair_words a|r WORDS: the words of one side of pair's arguments, quoted
# for eval; the reference's '<FILE' is kept as a redirection.
pair_words() {
	side=$1
	shift
	cur=a input=' </dev/null'
	for w; do
		if [ "$w" = -- ]; then cur=r; continue; fi
		[ "$cur" = "$side" ] || continue
		case $w in
		'<'*) input=" <$(quote "${w#<}")" ;;
		*) printf ' %s' "$(quote "$w")" ;;
		esac
	done
	printf '%s' "$input"
}

# same_name T: SQL of the English name of the record of each row of T
# (its id and kind), read from its kind's table.
same_name() {
	printf "CASE %s.kind" "$1"
	for k in 'actor name id' 'funding title_en id' 'event title_en id' \
	    'country name_en iso3' 'bloc name_en id' 'source title id' 'figure label_en id'; do
		# shellcheck disable=SC2086
		set -- "$1" $k
		printf " WHEN '%s' THEN (SELECT %s FROM %s WHERE %s = %s.id)" "$2" "$3" "$2" "$4" "$1"
	done
	printf ' END'
}

# quote WORD: WORD in single quotes for the shell.
quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# session NAME SCRIPT-FILE ARGS...: run the explorer's script runs times
# with --timings, keeping the timings and the sessions' peak memory.
session() {
	name=$1 script=$2
	shift 2
	: >"$work/$name.s"
	i=0
	while [ $i -lt "$runs" ]; do
		rm -f "$work/$name.t$i"
		timed "$work/$name.s" "$aiatlas" "$@" --script "$script" --size 100x30 \
		    --timings "$work/$name.t$i" </dev/null
		i=$((i + 1))
	done
}

# keys WHAT NAME WHICH: the line of the keys of session NAME whose timing
# lines meet the awk condition WHICH, all runs together, with the peak
# memory of the sessions.
keys() {
	: >"$work/k"
	i=0
	while [ $i -lt "$runs" ]; do
		[ -f "$work/$2.t$i" ] &&
		    awk -F '\t' "$3 { print \$1, 0, 0 }" "$work/$2.t$i" >>"$work/k"
		i=$((i + 1))
	done
	if [ -s "$work/k" ]; then
		line "$1$(failed "$work/$2.s")" "$(stats "$work/k" | cut -d' ' -f1,2) $(stats "$work/$2.s" | cut -d' ' -f3)"
	else
		line "$1 (!)" "- - -"
	fi
}

# tm ARGS...: tmux on the bench's own server.
tm() { tmux -S "$work/tmux" "$@"; }

# tm_wait CONDITION...: poll until the command CONDITION succeeds (10 s at
# most); 1 if it never did.
tm_wait() {
	j=0
	while [ $j -lt 200 ]; do
		"$@" && return 0
		sleep 0.05
		j=$((j + 1))
	done
	return 1
}

# tm_shows: the pane shows the explorer's tab bar (its first line ends
# with the program's name).
tm_shows() {
	tm capture-pane -p -t bench | head -n 1 | grep -q 'aiatlas *$'
}

# has_lines FILE N: FILE has N lines.
has_lines() {
	[ "$(wc -l <"$1")" -eq "$2" ]
}

# terminal NAME ARGS...: start the explorer in the tmux pane with
# --timings runs times, each quit with q once it shows, keeping its
# timings (NAME.tI, as session does), its peak memory and status (NAME.s)
# and the time from launching it to its first screen (NAME.l: from the
# fork of the tmux command that starts it until its start line is in the
# file, written when the screen has been sent to the terminal). A run
# without a first screen ends them.
terminal() {
	name=$1
	shift
	: >"$work/$name.s"; : >"$work/$name.l"
	i=0
	while [ $i -lt "$runs" ]; do
		t=$work/$name.t$i
		rm -f "$t"
		if ! "$measure" -u "$t" "$work/$name.l" tmux -S "$work/tmux" respawn-pane -k -t bench \
		    "$measure" "$work/$name.s" "$aiatlas" "$@" --timings "$t" 2>>"$work/errors" ||
		    ! tm_wait tm_shows; then
			echo "tmux: $name: no first screen; the pane shows: $(tm capture-pane -p -t bench |
			    sed -n '/./p' | head -n 3 | tr '\n' ' ')" >>"$work/errors"
			tm respawn-pane -k -t bench true || true
			break
		fi
		tm send-keys -t bench q || true
		tm_wait has_lines "$work/$name.s" $((i + 1)) ||
		    { echo "tmux: $name: q did not quit within 10 s" >>"$work/errors"
		      tm respawn-pane -k -t bench true || true
		      echo "- 0 124" >>"$work/$name.s"; }
		i=$((i + 1))
	done
}

# launched WHAT NAME: the line of the times from launch to the first
# screen of terminal NAME, with the explorer's peak memory.
launched() {
	line "$1$(failed "$work/$2.l")$(failed "$work/$2.s")" \
	    "$(stats "$work/$2.l" | cut -d' ' -f1,2) $(stats "$work/$2.s" | cut -d' ' -f3)"
}

# once WHAT TSV LABEL [REF-LABEL]: a line from the figures cache.sh kept
# of the build that made the cache (one run each).
once() {
	a=$(awk -v l="$3" '$1 == l { print $2, $2, $3 }' "$2")
	r=$(awk -v l="${4:-none}" '$1 == l { print $2, $2, $3 }' "$2")
	[ -n "$a" ] || a="- - -"
	line "$1" "$a" "${r:-- - -}"
}

# sorted_filtered NAME: the lines of session NAME (of browse.keys) for
# each sort, the filter, and G on the filtered list.
sorted_filtered() {
	k=0
	for c in name kind country sector place founded parent; do
		k=$((k + 1))
		keys "sort by $c (s)" "$1" "\$3 == \"s\" && ++s == $k"
	done
	keys "filter kind:company (Enter)" "$1" '$2 == "filter" && $3 == "Enter"'
	keys "G on the filtered list" "$1" '$3 == "G" && ++g == 2'
}

# The scripts of the explorer.
quit=$work/quit.keys
: >"$quit"
printf '/%s<Esc>\n' "$common" >"$work/common.keys"
printf '/%s<Esc>\n' "$rare" >"$work/rare.keys"
printf '/%s<Esc>\n' "$letter" >"$work/letter.keys"
{
	echo G
	echo g
	i=0
	while [ $i -lt 100 ]; do printf '<PgDn>'; i=$((i + 1)); done
	echo
	echo g
	echo s; echo s; echo s; echo s; echo s; echo s; echo s
	echo 'fkind:company<Enter>'
	echo G
} >"$work/browse.keys"
printf '2\nG\ng\n3\nG\n-\n-\nG\n' >"$work/tabs.keys"
printf '<Enter>\nt\n' >"$work/record.keys"
# The places: the first actor's country (its first link) and its
# timeline, the first bloc and its timeline, two actors compared.
printf '<Enter>\n<Enter>\nt\n4\n<Enter>\nt\n1\nh\nh\nh\ng\nm\nj\nm\nc\n' >"$work/places.keys"

# matches WORD: how many records the full-text index finds for the prefix.
matches() {
	sqlite3 "$db" "SELECT count(*) FROM record_fts WHERE record_fts MATCH '\"$1\"*'"
}

cat <<EOF
aiatlas bench, $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -sm), $(nproc 2>/dev/null || echo '?') cores,
$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
$n generated records (40% actors, 30% funding, 30% events) with the fixture,
built by aiatlas-mkdb ($(du -k "$db" | cut -f1 | awk '{ printf "%.0f MB", $1 / 1024 }') from $(du -ck "$dir"/csv/*.csv | tail -n 1 | cut -f1 | awk '{ printf "%.0f MB", $1 / 1024 }') of CSV); words searched: '$common' ($(matches "$common") records),
'$rare' ($(matches "$rare")), '$letter' ($(matches "$letter")). Times in ms: median and p95 of $runs runs; RSS: peak, MB;
ratio: aiatlas's median over the reference's, measured in turn in the same loop.

EOF
printf '%-54s %8s %8s %6s  %8s %8s %6s  %6s\n' "" "aiatlas" "p95" "RSS" "ref" "p95" "RSS" "ratio"

echo "First screen (headless): from exec to exit, and --timings' start line"
session bundled "$quit" --no-user-db
line "bundled, from exec to exit$(failed "$work/bundled.s")" "$(stats "$work/bundled.s")"
keys "bundled, from the start to the first redraw" bundled '$2 == "start"'
session big "$quit" $A
line "$size, from exec to exit$(failed "$work/big.s")" "$(stats "$work/big.s")"
keys "$size, from the start to the first redraw" big '$2 == "start"'

echo "First screen in tmux (80x24): --timings' start line, and from launch to the screen"
if ! have tmux; then
	echo "  tmux: not installed, skipped"
elif ! { tm -f /dev/null new-session -d -s bench -x 80 -y 24 &&
    tm set-option -g status off \; set-option -gw remain-on-exit on \; \
	set-option -g default-terminal screen-256color >/dev/null; } 2>>"$work/errors"; then
	echo "  (!) tmux: its server would not start, skipped"
else
	pane=$(tm display-message -p -t bench '#{pane_width}x#{pane_height}')
	[ "$pane" = 80x24 ] || echo "  (!) the pane is $pane, not 80x24"
	terminal tbundled --no-user-db
	keys "bundled, from the start to the first redraw" tbundled '$2 == "start"'
	launched "bundled, from launch to the first screen" tbundled
	terminal tbig $A
	keys "$size, from the start to the first redraw" tbig '$2 == "start"'
	launched "$size, from launch to the first screen" tbig
	tm kill-server
fi

echo "Search as you type at $size, per key (--timings)"
for w in common rare letter; do
	session "$w" "$work/$w.keys" $A
done
keys "'$common' (common), each key" common '$2 == "search" && $3 != "Esc"'
keys "'$rare' (rare), each key" rare '$2 == "search" && $3 != "Esc"'
keys "'$letter' (one letter)" letter '$2 == "search" && $3 != "Esc"'

echo "Browsing the Actors list at $size (--timings)"
session browse "$work/browse.keys" $A
keys "G (the last row)" browse '$3 == "G" && ++g == 1'
keys "g (the first row)" browse '$3 == "g" && ++g == 1'
keys "PgDn, each of 100" browse '$3 == "PgDn"'
sorted_filtered browse

# The other tabs: the funding as a tree, the timeline by months and by
# years; and a record opened from the list, with its timeline.
echo "The Funding and Timeline tabs, and a record, at $size (--timings)"
session tabs "$work/tabs.keys" $A
keys "2 (the Funding tab, as a tree)" tabs '$3 == "2"'
keys "G on it" tabs '$3 == "G" && ++g == 1'
keys "g on it" tabs '$3 == "g"'
keys "3 (the Timeline tab)" tabs '$3 == "3"'
keys "G on it" tabs '$3 == "G" && ++g == 2'
keys "- - (grouped by year)" tabs '$3 == "-" && ++m == 2'
keys "G on it" tabs '$3 == "G" && ++g == 3'
session record "$work/record.keys" $A
keys "Enter (the first actor's record)" record '$3 == "Enter"'
keys "t (its timeline)" record '$3 == "t"'
session places "$work/places.keys" $A
keys "Enter on its country (a quarter of the records)" places '$3 == "Enter" && ++e == 2'
keys "t (the country's timeline)" places '$3 == "t" && ++t == 1'
keys "Enter on the first bloc" places '$3 == "Enter" && ++e == 3'
keys "t (the bloc's timeline)" places '$3 == "t" && ++t == 2'
keys "c (two actors compared)" places '$3 == "c"'

# The same records imported as the user's own (aiatlas import), over the
# fixture: the user database opened, and searched as one types.
echo "Records of the user's own: $import_size imported (--timings)"
U="--db $idir/fixture-$sum.db --user-db $idir/user-$sum.db"
iwords=$idir/csv/words
printf '/%s<Esc>\n' "$(sed -n 's/^common //p' "$iwords")" >"$work/mine-common.keys"
printf '/%s<Esc>\n' "$(sed -n 's/^rare //p' "$iwords")" >"$work/mine-rare.keys"
session mine "$quit" $U
line "first screen, from exec to exit$(failed "$work/mine.s")" "$(stats "$work/mine.s")"
keys "first screen, from the start to the first redraw" mine '$2 == "start"'
session minecommon "$work/mine-common.keys" $U
session minerare "$work/mine-rare.keys" $U
keys "'$(sed -n 's/^common //p' "$iwords")' (common), each key" minecommon '$2 == "search" && $3 != "Esc"'
keys "'$(sed -n 's/^rare //p' "$iwords")' (rare), each key" minerare '$2 == "search" && $3 != "Esc"'
session minebrowse "$work/browse.keys" $U
keys "G on the Actors list" minebrowse '$3 == "G" && ++g == 1'
sorted_filtered minebrowse
: >"$work/minelist"
i=0
while [ $i -lt "$runs" ]; do
	timed "$work/minelist" "$aiatlas" $U list actors --format tsv
	i=$((i + 1))
done
line "list actors (every row, TSV)$(failed "$work/minelist")" "$(stats "$work/minelist")"
# Ten actors imported into them and removed again, in turn, on a copy of
# the user database: ten of the generated rows under new ids.
cp "$idir/user-$sum.db" "$work/user.db"
head -n 1 "$idir/csv/actors.csv" >"$work/ten.csv"
sed -n '2,11p' "$idir/csv/actors.csv" | sed 's/^\([^,]*\),/\1-ten,/' >>"$work/ten.csv"
ten=$(sed -n '2,$p' "$work/ten.csv" | cut -d, -f1 | tr '\n' ' ')
W="--db $idir/fixture-$sum.db --user-db $work/user.db"
: >"$work/ten-import"; : >"$work/ten-rm"
i=0
while [ $i -lt "$runs" ]; do
	timed "$work/ten-import" "$aiatlas" $W import "$work/ten.csv" --into actors
	# shellcheck disable=SC2086
	timed "$work/ten-rm" "$aiatlas" $W import --rm $ten
	i=$((i + 1))
done
rm -f "$work/user.db"*
line "import of 10 actors into them$(failed "$work/ten-import")" "$(stats "$work/ten-import")"
line "import --rm of those 10$(failed "$work/ten-rm")" "$(stats "$work/ten-rm")"

echo "Command line at $size -- reference: the sqlite3 shell on the SQL a user would write"
pair "list actors (every row, TSV)" "$aiatlas" $A list actors --format tsv -- \
    sqlite3 -separator '	' "$db" "SELECT id, name, kind, country, sector, place, founded_on, parent_id FROM actor ORDER BY name"
pair "search '$common' --limit 20" "$aiatlas" $A search "$common" --limit 20 --format tsv -- \
    sqlite3 "$db" "SELECT id, kind, name FROM record_fts WHERE record_fts MATCH '\"$common\"*' ORDER BY rank LIMIT 20"
pair "search '$rare' (every match)" "$aiatlas" $A search "$rare" --format tsv -- \
    sqlite3 "$db" "SELECT id, kind, name, snippet(record_fts, 4, '', '', '...', 8) FROM record_fts WHERE record_fts MATCH '\"$rare\"*' ORDER BY rank"
# The same, the shell printing the same rows: each record's name read
# from its kind's table, the snippet of its best column, whether it is
# disputed.
pair "search '$rare', the same columns" "$aiatlas" $A search "$rare" --format tsv -- \
    sqlite3 -separator '	' "$db" "SELECT id, kind, $(same_name record_fts), snippet(record_fts, -1, '', '', '…', 10), CASE WHEN EXISTS (SELECT 1 FROM disputed WHERE subject_id = record_fts.id) THEN 'yes' ELSE 'no' END FROM record_fts WHERE record_fts MATCH '\"$rare\"*' ORDER BY rank"
pair "search --regex 'mar[a-z]*lo' (every match)" "$aiatlas" $A search --regex 'mar[a-z]*lo' --format tsv -- \
    sqlite3 "$db" "SELECT id FROM record_text WHERE rowid IN (SELECT rowid FROM record_tri WHERE record_tri MATCH 'mar') AND text REGEXP 'mar[a-z]*lo'"
pair "search --regex 'sovereign[a-z]*' --limit 20" "$aiatlas" $A search --regex 'sovereign[a-z]*' --limit 20 --format tsv -- \
    sqlite3 "$db" "SELECT id FROM record_text WHERE rowid IN (SELECT rowid FROM record_tri WHERE record_tri MATCH 'sov AND ove AND ver AND ere AND rei AND eig AND ign') AND text REGEXP 'sovereign[a-z]*' LIMIT 20"
pair "list actors --filter 'kind:company country:XTA'" "$aiatlas" $A list actors --filter 'kind:company country:XTA' --format tsv -- \
    sqlite3 "$db" "SELECT id, name, kind, country, sector, place, founded_on, parent_id FROM actor WHERE kind = 'company' AND country = 'XTA' ORDER BY name"

echo "Build and import -- reference: sqlite3's .import of the CSV and an FTS5 table"
pair "aiatlas-mkdb, $build_size records" "$mkdb" -o "$work/b.db" "$bdir/data" -- \
    sh -c "rm -f '$work/r.db'; sqlite3 '$work/r.db' <'$bdir/ref.sql'"
sed "s|$bdir/data/|$bdir/csv/|" "$bdir/ref.sql" >"$work/ref-import.sql"
pair "aiatlas import, $build_size records" sh -c "rm -f '$work/u.db'; '$aiatlas' --db '$bdir/fixture-$sum.db' --user-db '$work/u.db' import '$bdir/csv/actors.csv' '$bdir/csv/funding.csv' '$bdir/csv/events.csv'" -- \
    sh -c "rm -f '$work/r.db'; sqlite3 '$work/r.db' <'$work/ref-import.sql'"
rm -f "$work/b.db" "$work/r.db" "$work/u.db"
once "aiatlas-mkdb, $size records (1 run, with the cache)" "$dir/built-$sum.tsv" mkdb ref-build
if grep -q '^mkdb-nolimit' "$dir/built-$sum.tsv"; then
	once "  again, SQLite's heap limit lifted (1 run)" "$dir/built-$sum.tsv" mkdb-nolimit ref-build
fi
awk '/^import-/ { n++; ms += $2; if ($3 > kb) kb = $3; if ($4 > 1) bad = 1 }
    END { if (n) print "import", ms, kb, bad + 0 }' "$idir/built-$sum.tsv" >"$work/imp.tsv"
awk '/^ref-build/' "$idir/built-$sum.tsv" >>"$work/imp.tsv"
once "aiatlas import, $import_size records (1 run, with the cache)" "$work/imp.tsv" import ref-build
printf '%-54s %s\n' "database sizes at $size" "aiatlas-mkdb $(du -k "$db" | cut -f1 | awk '{ printf "%.0f MB", $1 / 1024 }'), sqlite3 $(du -k "$ref" | cut -f1 | awk '{ printf "%.0f MB", $1 / 1024 }'), CSV $(du -ck "$dir"/csv/*.csv | tail -n 1 | cut -f1 | awk '{ printf "%.0f MB", $1 / 1024 }')"

# Every match, as those tools give them: at 100k, aiatlas stops at
# --timeout's 10 s (it would take about 70 s), which the line marks (!).
echo "Other tools on the same rows as CSV ($(( n * 4 / 10 )) actors)"
csv=$dir/csv/actors.csv
if have fzf; then
	pair "search '$common' -- fzf --filter" "$aiatlas" $A search "$common" --kind actors --format tsv -- \
	    fzf --filter "$common" "<$csv"
else
	echo "  fzf: not installed, skipped"
fi
if have vd; then
	pair "every row, as TSV -- VisiData (vd -b)" "$aiatlas" $A list actors --format tsv -- \
	    vd -b -f csv "$csv" -o "$work/vd.tsv"
else
	echo "  VisiData: not installed, skipped"
fi
if have lnav; then
	pair "lines with '$common' -- lnav -n (filter-in)" "$aiatlas" $A search "$common" --kind actors --format tsv -- \
	    lnav -n -c ":filter-in $common" "$csv"
else
	echo "  lnav: not installed, skipped"
fi

echo "The binary"
printf '%-54s %s\n' "size of src/aiatlas (with the bundled data)" "$(du -k "$aiatlas" | cut -f1) kB, stripped $(strip -o "$work/stripped" "$aiatlas" 2>/dev/null && du -k "$work/stripped" | cut -f1) kB"

echo "Instructions (valgrind --tool=callgrind, one run: the same on a busy machine)"
if have valgrind; then
	# callgrind WHAT ARGS...: the instructions aiatlas ran.
	callgrind() {
		what=$1
		shift
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$aiatlas" "$@" \
		    >/dev/null 2>"$work/cg" </dev/null || true
		printf '%-54s %s\n' "$what" "$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/cg" |
		    awk '{ printf "%.1f M\n", $1 / 1e6 }')"
	}
	B="--db $bdir/mkdb-$sum.db --no-user-db"
	brare=$(sed -n 's/^rare //p' "$bdir/csv/words")
	callgrind "bundled: first screen" --no-user-db --script "$quit"
	callgrind "search '$brare' at $build_size" $B search "$brare" --format tsv
	callgrind "search '$common' --limit 20 at $build_size" $B search "$common" --limit 20 --format tsv
	callgrind "search --regex 'mar[a-z]*lo' at $build_size" $B search --regex 'mar[a-z]*lo' --format tsv
	printf '/%s<Esc>\n' "$brare" >"$work/brare.keys"
	callgrind "typing '/$brare' in the explorer at $build_size" $B --script "$work/brare.keys"
else
	echo "  valgrind: not installed, skipped"
fi
if [ -s "$work/errors" ]; then
	echo "(!) a run failed; the first messages:"
	sort "$work/errors" | uniq -c | sort -rn | head -n 5
fi
