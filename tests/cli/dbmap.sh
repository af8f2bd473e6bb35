#!/bin/sh
# A whole kind listed from a --db file is read through a memory map. When
# a page of it cannot be read (here: the file is cut short by another
# program while the list reads it), the program says so, naming the file,
# and exits 2, leaving no output file, whole or half-written.
. "$top_srcdir/tests/cli/lib.sh"

# 100,000 actors more than the fixture's, listed in an order (their names)
# that is not the file's: the list takes a while, and reads pages all
# over the file until its end.
cp -R "$top_srcdir/tests/fixtures" "$scratch/data"
chmod -R u+w "$scratch/data"
awk 'BEGIN { for (i = 0; i < 100000; i++)
	printf "gen-%d,Actor %d,Acteur %d,company,XTA,,private,,,Made for the test.,Fait pour le test.,,,fixture-news\n",
	    i, (i * 7919) % 100000, i }' >>"$scratch/data/actors.csv"
"$MKDB" -o "$scratch/big.db" "$scratch/data" >"$scratch/mkdb.out" 2>&1
ok $? "a database of 100,006 actors builds"

# cut_short FILE ARG...: aiatlas ARG... run in the scratch directory
# writes a list to a pipe that is not read: it stops once the pipe is
# full, in the middle of the table. FILE is then cut short, and the pipe
# read; status is the program's.
cut_short() {
	file=$1
	shift
	{ (cd "$scratch" && "$AIATLAS" "$@" 2>"$scratch/err"); echo $? >"$scratch/status"; } |
	    { sleep 1; : >"$scratch/$file"; cat >/dev/null; }
	status=$(cat "$scratch/status")
}

cp "$scratch/big.db" "$scratch/atlas.db"
cut_short atlas.db --db atlas.db --no-user-db list actors --format tsv
expect_status 2 "the database is cut short while a list reads it"
expect_err "aiatlas: atlas.db: cannot read the database: the file was cut short, or could not be read, while it was being read" \
    "a page of the map that cannot be read"

# The same into a file (-o): stopped as soon as it writes, the file cut
# short, then let go on.
cp "$scratch/big.db" "$scratch/atlas.db"
(cd "$scratch" && exec "$AIATLAS" --db atlas.db --no-user-db list actors --format tsv \
    -o out.txt 2>"$scratch/err") &
pid=$!
i=0
while [ $i -lt 2000 ] && ! ls "$scratch"/.out.txt.* >/dev/null 2>&1; do
	sleep 0.005
	i=$((i + 1))
done
kill -STOP $pid 2>/dev/null
: >"$scratch/atlas.db"
kill -CONT $pid 2>/dev/null
wait $pid
status=$?
expect_status 2 "the database is cut short while a list writes a file"
[ ! -e "$scratch/out.txt" ] && ! ls "$scratch"/.out.txt.* >/dev/null 2>&1
ok $? "no output file is left, whole or temporary"

# The user's file, when it holds records, is read through a map too: cut
# short while a list reads it, the message names both files mapped (it
# cannot know which one failed).
awk 'BEGIN { print "id,name,name_fr,kind,country,summary_en,summary_fr,sources"
	for (i = 0; i < 20000; i++)
	printf "mine-%d,Mine %d,Mien %d,company,XTA,Made for the test.,Fait pour le test.,fixture-news\n",
	    i, (i * 7919) % 20000, i }' >"$scratch/mine.csv"
"$AIATLAS" --db "$scratch/big.db" --user-db "$scratch/user.db" import "$scratch/mine.csv" \
    --into actors >"$scratch/import.out" 2>&1
ok $? "20,000 actors of the user's own are imported"
cp "$scratch/big.db" "$scratch/atlas.db"
cp "$scratch/user.db" "$scratch/mine.db"
cut_short mine.db --db atlas.db --user-db mine.db list actors --format tsv
expect_status 2 "the user's file is cut short while a list reads it"
expect_err "aiatlas: atlas.db or mine.db: cannot read the databases: one of the files was cut short, or could not be read, while it was being read" \
    "a page of either map that cannot be read"
run --db "$scratch/big.db" --user-db "$scratch/user.db" list actors --format tsv
expect_status 0 "list actors with the user's records, both files mapped"
[ "$(wc -l <"$scratch/out")" -eq 120007 ] && grep -q '^mine-19999	Mine 12081	' "$scratch/out"
ok $? "every row of both files, the header first"

# The map changes nothing a list gives: the bundled database, which is
# held in memory, and its own file, read through the map, give the same.
run --db "$top_builddir/src/atlas.db" --no-user-db list actors --format tsv
expect_status 0 "list actors from a mapped --db file"
"$AIATLAS" --no-user-db list actors --format tsv | cmp -s - "$scratch/out"
ok $? "the same rows as from the bundled database"

done_testing
