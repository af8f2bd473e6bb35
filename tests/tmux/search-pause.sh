#!/bin/sh
# In a terminal, search as you type shows a first page of matches at once,
# and ranks them all when typing pauses, the prompt still open: in tmux,
# '/datahub' over 303 matches ends on the 303 ranked, the names first.
. "$top_srcdir/tests/cli/lib.sh"

. "$top_srcdir/tests/tmux/lib.sh"
. "$top_srcdir/tests/cli/datahub.sh"

T -f /dev/null new-session -d -s t -x 80 -y 24 \
    "env -i PATH=\"$PATH\" HOME=\"$scratch\" TERM=screen LC_ALL=C.UTF-8 \"$AIATLAS\" --db \"$scratch/many.db\" --no-user-db; echo \$? > \"$scratch/status\"; sleep 30"
T set-option -t t status off >/dev/null

wait_for " 1 Actors"
ok $? "the explorer opens on the database"
T send-keys -t t / d a t a h u b
wait_line 23 " 1/303"
ok $? "when typing pauses, all 303 matches are ranked"
screen | sed -n 24p | grep -q "^/datahub"
ok $? "the prompt stays open with what was typed"
wait_line 3 "▸  actor   Datahub "
ok $? "the name that is the word comes first"
wait_line 4 "actor   Datahub Works"
ok $? "then the name that starts with it"
T send-keys -t t Escape
sleep 0.5
T send-keys -t t Q
wait_file "$scratch/status" && [ "$(cat "$scratch/status")" = 0 ]
ok $? "Esc and Q quit, with status 0"

T kill-server
done_testing
