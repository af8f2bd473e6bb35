#!/bin/sh
# aiatlas-mkdb on bad data: a bad row, a reference to nothing (found after
# the trigram index's process has started), a problem found by the checks
# at the end, and that process killed. Each gives a one-line message
# naming the file and the line, exit status 2, and leaves no file and no
# process behind.
. "$top_srcdir/tests/cli/lib.sh"

# data NAME: a copy of the fixture in $scratch/NAME, writable.
data() {
	cp -R "$top_srcdir/tests/fixtures" "$scratch/$1"
	chmod -R u+w "$scratch/$1"
}

# edit FILE AWK: rewrite FILE through an awk program.
edit() {
	awk "$2" "$1" >"$1.new" && mv "$1.new" "$1"
}

# build NAME: aiatlas-mkdb on $scratch/NAME into $scratch/NAME.db; its
# status in $status, its messages in $scratch/NAME.err.
build() {
	"$MKDB" -o "$scratch/$1.db" "$scratch/$1" >"$scratch/$1.out" 2>"$scratch/$1.err"
	status=$?
}

# nothing_left NAME WHAT: no file of the build of NAME is left, nor its
# second process.
nothing_left() {
	left=$(ls "$scratch" | grep "^$1\.db" || true)
	[ -z "$left" ]
	ok $? "$2: no file left${left:+ (left: $left)}"
	no_process "$scratch/$1.db" "$2: no process left"
}

data good
build good
[ "$status" -eq 0 ] && [ -s "$scratch/good.db" ] && [ ! -s "$scratch/good.err" ]
ok $? "the fixture builds, silently"
[ "$(ls "$scratch" | grep '^good\.db')" = good.db ]
ok $? "it leaves its database alone"
"$AIATLAS" --db "$scratch/good.db" --no-user-db search --regex 'Test[a-z]+ia' --format tsv \
    >"$scratch/good.tsv" 2>&1 && grep -q '^alpha-labs	actor	Alpha Labs' "$scratch/good.tsv"
ok $? "its trigram index finds a regular expression"

# A kind no actor has: refused as the row is loaded.
data kind
edit "$scratch/kind/actors.csv" 'NR == 3 { sub(/,public_body,/, ",bakery,") } { print }'
build kind
[ "$status" -eq 2 ] &&
    grep -q "^aiatlas-mkdb: $scratch/kind/actors.csv:3: kind: one of company, state" "$scratch/kind.err" &&
    [ "$(wc -l <"$scratch/kind.err")" -eq 1 ]
ok $? "a bad kind: one line naming the file and the line, status 2"
nothing_left kind "a bad kind"

# A country that does not exist: found once every row is in, while the
# trigram index is being made.
data country
edit "$scratch/country/actors.csv" 'NR == 3 { sub(/,XTA,/, ",XZZ,") } { print }'
build country
[ "$status" -eq 2 ] &&
    grep -q "^aiatlas-mkdb: $scratch/country/actors.csv:3: country: no country with iso3 'XZZ'" \
    "$scratch/country.err"
ok $? "a reference to no country: the file and the line, status 2"
nothing_left country "a reference to no country"

# A currency with no exchange rate: found by the checks at the end.
data rate
edit "$scratch/rate/funding.csv" 'NR == 2 { sub(/,EUR,/, ",XAU,") } { print }'
build rate
[ "$status" -eq 2 ] && grep -q "currency: no fx_rate for XAU" "$scratch/rate.err" &&
    grep -q "^aiatlas-mkdb: $scratch/rate: [0-9]* problems* found by the checks$" "$scratch/rate.err"
ok $? "a currency without a rate: found by the checks, status 2"
nothing_left rate "a currency without a rate"

# The trigram index's process killed: the build stops and says so. 20,000
# records keep it running long enough to be found (given up, not failed,
# if the build ends first).
data many
mkdir "$scratch/gen"
LC_ALL=C awk -v n=20000 -v dir="$scratch/gen" -f "$top_srcdir/tests/bench/gen.awk"
for f in actors funding events; do
	tail -n +2 "$scratch/gen/$f.csv" >>"$scratch/many/$f.csv"
done
"$MKDB" -o "$scratch/many.db" "$scratch/many" >"$scratch/many.out" 2>"$scratch/many.err" &
pid=$!
child=
if have pgrep; then
	i=0
	while [ -z "$child" ] && [ $i -lt 3000 ] && kill -0 "$pid" 2>/dev/null; do
		child=$(pgrep -P "$pid" || true)
		[ -n "$child" ] || sleep 0.01
		i=$((i + 1))
	done
fi
if [ -n "$child" ]; then
	kill -9 "$child"
	wait "$pid"
	status=$?
	[ "$status" -eq 2 ] &&
	    grep -qx "aiatlas-mkdb: the trigram index's process was killed by signal 9" "$scratch/many.err"
	ok $? "the trigram index's process killed: said, status 2"
	nothing_left many "that process killed"
else
	wait "$pid"
	skip "the trigram index's process killed" "not seen running (no pgrep, or too quick)"
	skip "that process killed: no file left" "not killed"
	skip "that process killed: no process left" "not killed"
fi

echo "1..$tap_n"
[ "$tap_failed" -eq 0 ]
