#!/bin/sh
# --timings in a real terminal (tmux): the first screen's line is in the
# file as soon as the screen shows, while the explorer still runs, and it
# stays the only line whatever keys follow.
. "$top_srcdir/tests/cli/lib.sh"

. "$top_srcdir/tests/tmux/lib.sh"

T -f /dev/null new-session -d -s t -x 80 -y 24 \
    "env -i PATH=\"$PATH\" HOME=\"$scratch\" TERM=screen LC_ALL=C.UTF-8 \"$AIATLAS\" --no-user-db --timings \"$scratch/t\"; echo \$? > \"$scratch/status\"; sleep 30"
T set-option -t t status off >/dev/null

wait_for " 1 Actors"
ok $? "the explorer opens with --timings"
wait_file "$scratch/t" &&
    awk -F '\t' 'NR == 1 && NF == 3 && $1 ~ /^[0-9]+\.[0-9][0-9][0-9]$/ && $1 + 0 < 60000 &&
	$2 == "start" && $3 == "-" { n++ } END { exit !(n == 1 && NR == 1) }' "$scratch/t"
ok $? "while it runs, the file holds the first screen's line: milliseconds, start"
[ ! -e "$scratch/status" ]
ok $? "the explorer is still running"
T send-keys -t t j
wait_line 4 "▸"
ok $? "j moves down a row, redrawn"
T send-keys -t t Q
wait_file "$scratch/status" && [ "$(cat "$scratch/status")" = 0 ]
ok $? "Q quits, with status 0"
[ "$(wc -l <"$scratch/t")" -eq 1 ] && [ "$(cut -f2 "$scratch/t")" = start ]
ok $? "the keys typed add no line"

T kill-server
done_testing
