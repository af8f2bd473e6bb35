#!/bin/sh
# The user's data survives kill -9: notes and imports are written while
# the program is killed with SIGKILL at random moments, over and over.
# Every write the program acknowledged (it exited 0 before the next kill)
# is there at the end, nothing was taken for damaged and moved aside, and
# SQLite's integrity check of the user database passes.
#
# KILL9_KILLS (default 220) is how many runs must be killed, KILL9_SEED
# the seed of the moments (printed, so a failure can be repeated), and
# KILL9_MAX_DELAY the latest moment, in seconds after the start of a run
# (half as long again as a run that is not killed, when not given).
# tests/soak/kill9.sh runs this longer.
. "$top_srcdir/tests/cli/lib.sh"

kills=${KILL9_KILLS:-220}
seed=${KILL9_SEED:-$(date +%s)}
udb="$scratch/user.db"
diag "seed $seed; KILL9_SEED=$seed repeats these moments"

# Two first notes, not killed: the user database is there, and writes are
# acknowledged. Half as long again as the second (the first also made the
# file, which took most of its time) is how late a kill may come on this
# machine, busy or not: some runs end first, most are killed in the middle.
"$AIATLAS" --db "$FIXTURE" --user-db "$udb" note add XTA "kill9-0" >/dev/null 2>"$scratch/err"
first=$?
start=$(date +%s.%N)
"$AIATLAS" --db "$FIXTURE" --user-db "$udb" note add XTA "kill9-00" >/dev/null 2>>"$scratch/err"
second=$?
end=$(date +%s.%N)
[ "$first" -eq 0 ] && [ "$second" -eq 0 ]
ok $? "two first notes are written, not killed"
max_delay=${KILL9_MAX_DELAY:-$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", 1.5 * (b - a) }')}
diag "kills come within ${max_delay}s of a run's start"

# One line a run, until enough were killed: the write (0: a note, 1: an
# import of two sources) and when the kill comes.
awk -v seed="$seed" -v n=$((kills * 10)) -v max="$max_delay" 'BEGIN {
	srand(seed)
	for (i = 1; i <= n; i++)
		printf "%d %.4f\n", rand() < 0.5, rand() * max
}' >"$scratch/plan"

i=0 killed=0 acked=0 other=0
printf 'note kill9-0\nnote kill9-00\n' >"$scratch/acked"
while read -r what delay; do
	i=$((i + 1))
	if [ "$what" -eq 0 ]; then
		"$AIATLAS" --db "$FIXTURE" --user-db "$udb" note add XTA "kill9-$i" \
		    >/dev/null 2>"$scratch/err" &
	else
		printf 'id,title,lang,kind\nk9-%d-a,Kill %d,en,news\nk9-%d-b,Kill %d,fr,report\n' \
		    "$i" "$i" "$i" "$i" >"$scratch/import.csv"
		"$AIATLAS" --db "$FIXTURE" --user-db "$udb" import "$scratch/import.csv" \
		    --into sources >/dev/null 2>"$scratch/err" &
	fi
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	case $? in
	0)
		acked=$((acked + 1))
		if [ "$what" -eq 0 ]; then
			echo "note kill9-$i" >>"$scratch/acked"
		else
			printf 'source k9-%d-a\nsource k9-%d-b\n' "$i" "$i" >>"$scratch/acked"
		fi ;;
	137)
		killed=$((killed + 1)) ;;
	*)
		other=$((other + 1))
		diag "run $i failed: $(cat "$scratch/err")" ;;
	esac
	[ "$killed" -ge "$kills" ] && break
done <"$scratch/plan"
diag "$i runs: $killed killed, $acked acknowledged"

[ "$killed" -ge "$kills" ]
ok $? "$kills runs were killed in the middle ($killed of $i)"
[ "$acked" -gt 0 ]
ok $? "some runs ended before their kill ($acked)"
[ "$other" -eq 0 ]
ok $? "no run failed of itself, even just after a kill"

run --db "$FIXTURE" --user-db "$udb" --format tsv sql \
    "SELECT 'note ' || body FROM user.note UNION ALL SELECT 'source ' || id FROM user.source"
expect_status 0 "the user database reads after the kills"
sort -u "$scratch/out" >"$scratch/there"
sort -u "$scratch/acked" >"$scratch/acked.sorted"
comm -23 "$scratch/acked.sorted" "$scratch/there" >"$scratch/lost"
[ ! -s "$scratch/lost" ]
ok $? "every acknowledged write is there ($(wc -l <"$scratch/acked.sorted") rows)"
[ -s "$scratch/lost" ] && diag "lost: $(head -n 5 "$scratch/lost")"

set -- "$udb".corrupt-*
[ ! -e "$1" ]
ok $? "no user database was found damaged and moved aside"

run --db "$FIXTURE" --user-db "$udb" check
expect_status 0 "aiatlas check: the integrity check of the user database passes"

done_testing
