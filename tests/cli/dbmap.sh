#!/bin/sh
# A command reads a --db file through a memory map. When a page of it
# cannot be read (here: the file is cut short by another program while a
# statement reads it), the program says so, naming the file, and exits 2,
# leaving no output file, whole or half-written.
. "$top_srcdir/tests/cli/lib.sh"

cp "$FIXTURE" "$scratch/atlas.db"
# A statement that reads the actors' index for ten seconds (--timeout's
# default for sql), unless the file goes first.
slow="WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000)
SELECT count(*) FROM c WHERE EXISTS (SELECT 1 FROM actor WHERE id = 'x' || x)"
(cd "$scratch" && "$AIATLAS" --db atlas.db --no-user-db sql "$slow" -o out.txt \
    >"$scratch/out" 2>"$scratch/err"; echo $? >"$scratch/status") &
# The temporary output file is made once the database is open and mapped.
i=0
while [ $i -lt 200 ] && ! ls "$scratch"/.out.txt.* >/dev/null 2>&1; do
	sleep 0.05
	i=$((i + 1))
done
: >"$scratch/atlas.db"
wait
status=$(cat "$scratch/status")
expect_status 2 "the database is cut short while a statement reads it"
expect_err "aiatlas: atlas.db: cannot read the database: the file was cut short, or could not be read, while it was being read" \
    "a page of the map that cannot be read"
[ ! -e "$scratch/out.txt" ] && ! ls "$scratch"/.out.txt.* >/dev/null 2>&1
ok $? "no output file is left, whole or temporary"

# The map changes nothing a command gives: the bundled database, which is
# held in memory, and its own file, read through the map, give the same.
run --db "$top_builddir/src/atlas.db" --no-user-db list actors --format tsv
expect_status 0 "list actors from a mapped --db file"
"$AIATLAS" --no-user-db list actors --format tsv | cmp -s - "$scratch/out"
ok $? "the same rows as from the bundled database"

done_testing
