#!/bin/sh
# Briefing questions answered in a few keys: each tests/tasks/NAME.keys is a
# key script run headless at 80x24 on the bundled data (no --db), with a
# user database of its own. Its "# answer: TEXT" lines name what the last
# screen must show; the keys it types after its first word (see README)
# must be at most 8, unless an "# over: WHY" line says why not yet (then
# the count is a TODO, and a script that comes within 8 must lose the line).
# TASKS_DIR runs the scripts of another directory (as README's "before"
# column was measured).
. "$top_srcdir/tests/cli/lib.sh"

dir=$(cd "${TASKS_DIR:-$top_srcdir/tests/tasks}" && pwd)
budget=8

# keys SCRIPT: how many keys SCRIPT types, and its first word, as
# "COUNT WORD": every character and <Name> of its lines (comments and
# :commands aside) is a key, but the word typed right after the first /
# or f (up to a space or a <Name>).
keys() {
	sed -e '/^#/d' -e '/^:/d' -e '/^$/d' "$1" | awk '
	{
		line = $0
		while (length(line) > 0) {
			if (substr(line, 1, 1) == "<" && (e = index(line, ">")) > 2) {
				key = substr(line, 1, e)
				line = substr(line, e + 1)
			} else {
				key = substr(line, 1, 1)
				line = substr(line, 2)
			}
			n++
			if (state == 1 && length(key) == 1 && key != " ") {
				word = word key
				continue
			}
			if (state == 1)
				state = 2
			if (state == 0 && (key == "/" || key == "f"))
				state = 1
		}
	}
	END { print n - length(word), word }'
}

for script in "$dir"/*.keys; do
	name=$(basename "$script" .keys)
	mkdir "$scratch/$name"
	{ cat "$script"; echo ":dump answer.txt"; } >"$scratch/$name.keys"
	(cd "$scratch/$name" && HOME="$scratch/$name" LC_ALL=C.UTF-8 VISUAL= EDITOR= \
	    "$AIATLAS" --user-db "$scratch/$name.user.db" --script "$scratch/$name.keys" \
	    --size 80x24 >"$scratch/$name.out" 2>&1)
	ok $? "$name: the script runs on the bundled data"
	[ -s "$scratch/$name.out" ] && diag "$(cat "$scratch/$name.out")"
	screen="$scratch/$name/answer.txt"
	sed -n 's/^# answer: //p' "$script" >"$scratch/$name.answers"
	[ -s "$scratch/$name.answers" ]
	ok $? "$name: says what answers it"
	shown=0
	while IFS= read -r answer; do
		grep -qF -- "$answer" "$screen" 2>/dev/null
		ok $? "$name: the screen shows '$answer'"
		grep -qF -- "$answer" "$screen" 2>/dev/null || shown=1
	done <"$scratch/$name.answers"
	[ $shown -eq 0 ] || diag "$(cat "$screen" 2>/dev/null)"
	set -- $(keys "$script")
	over=$(sed -n 's/^# over: //p' "$script")
	tap_n=$((tap_n + 1))
	if [ "$1" -le $budget ]; then
		result="ok"
	else
		result="not ok"
		[ -n "$over" ] || tap_failed=$((tap_failed + 1))
	fi
	echo "$result $tap_n - $name: $1 keys after the first word '${2:-(none)}' (at most $budget)${over:+ # TODO $over}"
done
done_testing
