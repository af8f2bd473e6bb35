#!/bin/sh
# make bench's databases: SIZE generated records (gen.awk) with the
# fixture, built by aiatlas-mkdb and loaded by aiatlas import, kept in
# CACHE between runs, keyed by the generator's version, the size and the
# schema. Each build is timed once, when it is made, next to the sqlite3
# shell doing the same (.import and an FTS5 table).
# Usage: cache.sh AIATLAS MKDB MEASURE FIXTURES SCHEMA CACHE SIZE WHAT [CC]
# SIZE: a number of records, or with k or M (100k, 1M). WHAT: mkdb (its
# database and the sqlite3 shell's), import (the user database) or both.
# CC compiles the library that lifts SQLite's heap limit if aiatlas-mkdb
# runs out of it; BENCH_NOLIMIT=1 lifts it at once, for sizes where it is
# known to fail (the table says so).
# Prints the directory made, which holds:
#   csv/actors.csv, funding.csv, events.csv  the generated records
#   csv/words       a common, a rare and a one-letter word to search for
#   data/           the fixture and them, as aiatlas-mkdb reads a dataset
#   mkdb-S.db       what aiatlas-mkdb made (S: the schema's checksum)
#   fixture-S.db, user-S.db  the fixture, and the user database that
#                   aiatlas import filled with the generated records
#   ref-S.db        the same records by the sqlite3 shell
#   built-S.tsv     what each took: WHAT MS KB STATUS, one a line
set -eu

aiatlas=$1 mkdb=$2 measure=$3 fixtures=$4 schema=$5 cache=$6 size=$7 what=$8 cc=${9:-cc}
here=$(cd "$(dirname "$0")" && pwd)

case $size in
*k) n=$((${size%k} * 1000)) ;;
*M) n=$((${size%M} * 1000000)) ;;
*) n=$size ;;
esac
version=$(sed -n 's/^[ 	]*version = \([0-9]*\)$/\1/p' "$here/gen.awk")
sum=$(cksum <"$schema" | cut -d' ' -f1)
dir=$cache/gen$version-$n
mkdir -p "$dir"
say() { echo "bench: $*" >&2; }

if [ ! -f "$dir/csv/words" ]; then
	say "generating $n records in $dir/csv"
	rm -rf "$dir/csv" "$dir/csv.tmp" "$dir/data"
	mkdir "$dir/csv.tmp"
	LC_ALL=C awk -v n="$n" -v dir="$dir/csv.tmp" -f "$here/gen.awk"
	mv "$dir/csv.tmp" "$dir/csv"
fi
if [ ! -d "$dir/data" ]; then
	rm -rf "$dir/data.tmp"
	mkdir "$dir/data.tmp"
	cp "$fixtures"/*.csv "$dir/data.tmp/"
	for f in actors funding events; do
		tail -n +2 "$dir/csv/$f.csv" >>"$dir/data.tmp/$f.csv"
	done
	mv "$dir/data.tmp" "$dir/data"
fi

built=$dir/built-$sum.tsv

# The databases of another schema (another checksum) are of no more use,
# and take gigabytes at a million records: removed.
for f in "$dir"/mkdb-*.db "$dir"/ref-*.db "$dir"/fixture-*.db "$dir"/user-*.db \
    "$dir"/built-*.tsv; do
	case $f in
	*"-$sum.db" | *"-$sum.tsv" | *"-*."*) ;;
	*) say "removing $f (another schema)"; rm -f "$f" ;;
	esac
done

# The sqlite3 shell's build: the CSV files imported (DIR: their directory),
# and a full-text index of names and
# texts as aiatlas makes it (unicode61 without accents, 2- and 3-letter
# prefixes).
ref_import=".import --csv DIR/actors.csv actor
.import --csv DIR/funding.csv funding
.import --csv DIR/events.csv event"
ref_fts="CREATE VIRTUAL TABLE record_fts USING fts5(id UNINDEXED, name, body,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
INSERT INTO record_fts SELECT id, name || ' ' || name_fr, summary_en || ' ' || summary_fr FROM actor
UNION ALL SELECT id, title_en || ' ' || title_fr, summary_en || ' ' || summary_fr FROM funding
UNION ALL SELECT id, title_en || ' ' || title_fr, summary_en || ' ' || summary_fr FROM event;"

if [ "$what" != import ] && [ ! -f "$dir/mkdb-$sum.db" ]; then
	say "building $dir/mkdb-$sum.db with aiatlas-mkdb"
	sed -i '/^mkdb\|^ref-build/d' "$built" 2>/dev/null || true
	if [ "${BENCH_NOLIMIT:-0}" = 1 ]; then
		echo 'mkdb - - skipped' >>"$built"
		echo 'out of memory (not tried: BENCH_NOLIMIT=1)' >"$dir/mkdb.log"
	else
		printf 'mkdb ' >>"$built"
	fi
	# Each build starts with the writes of the one before on the disk
	# (sync): the 4.7 GB the build and the shell write were still being
	# written back while the import ran after them, which took half as
	# long again (157 s; 99 s after sync and dropping the page cache).
	sync
	if [ "${BENCH_NOLIMIT:-0}" = 1 ] ||
	    ! "$measure" "$built" "$mkdb" -o "$dir/mkdb.tmp" "$dir/data" >"$dir/mkdb.log" 2>&1; then
		say "aiatlas-mkdb failed: $(tail -n 1 "$dir/mkdb.log")"
		grep -q 'out of memory' "$dir/mkdb.log" || exit 2
		# Past SQLite's heap limit: built again without it, to measure
		# the rest; the table shows both.
		$cc -shared -fPIC -o "$dir/noheaplimit.so" "$here/noheaplimit.c"
		say "building again with SQLite's heap limit lifted"
		printf 'mkdb-nolimit ' >>"$built"
		LD_PRELOAD=$dir/noheaplimit.so "$measure" "$built" \
		    "$mkdb" -o "$dir/mkdb.tmp" "$dir/data" >"$dir/mkdb.log" 2>&1 ||
		    { say "aiatlas-mkdb failed: $(tail -n 1 "$dir/mkdb.log")"; exit 2; }
	fi
	printf 'ref-build ' >>"$built"
	rm -f "$dir/ref.tmp"
	printf '%s\n%s\n' "$ref_import" "$ref_fts" | sed "s|DIR|$dir/data|" >"$dir/ref.sql"
	sync
	"$measure" "$built" sqlite3 "$dir/ref.tmp" <"$dir/ref.sql"
	mv "$dir/ref.tmp" "$dir/ref-$sum.db"
	mv "$dir/mkdb.tmp" "$dir/mkdb-$sum.db"
fi

# A user database made by an aiatlas whose user databases have another
# version (the empty one the build makes beside it, userdb.db, says which)
# is made again: opening it would bring it to that version, not time it.
image=$(dirname "$aiatlas")/userdb.db
if [ "$what" != mkdb ] && [ -f "$dir/user-$sum.db" ] && [ -f "$image" ] &&
    [ "$(sqlite3 "$dir/user-$sum.db" 'PRAGMA user_version')" != \
      "$(sqlite3 "$image" 'PRAGMA user_version')" ]; then
	say "$dir/user-$sum.db is of another version of the user database: imported again"
	rm -f "$dir/user-$sum.db"
fi
if [ "$what" != mkdb ] && [ ! -f "$dir/user-$sum.db" ]; then
	say "importing the records into $dir/user-$sum.db with aiatlas import"
	rm -f "$dir/fixture-$sum.db" "$dir/user.tmp"
	sed -i '/^import-/d' "$built" 2>/dev/null || true
	"$mkdb" -o "$dir/fixture-$sum.db" "$fixtures"
	# One command, as a user with the three files would import them
	# (each file's kind from its name).
	printf 'import-all ' >>"$built"
	sync
	"$measure" "$built" "$aiatlas" --db "$dir/fixture-$sum.db" \
	    --user-db "$dir/user.tmp" import "$dir/csv/actors.csv" \
	    "$dir/csv/funding.csv" "$dir/csv/events.csv" >"$dir/import.log" 2>&1 ||
	    { say "aiatlas import failed: $(tail -n 1 "$dir/import.log")"; exit 2; }
	mv "$dir/user.tmp" "$dir/user-$sum.db"
fi
echo "$dir"
