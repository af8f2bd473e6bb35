#!/bin/sh
# Picking a search result while typing, in tmux at 80x24 on the bundled
# data: / mistral, Down twice, Enter opens the third result; Esc and h
# come back.
. "$top_srcdir/tests/cli/lib.sh"

. "$top_srcdir/tests/tmux/lib.sh"

T -f /dev/null new-session -d -s t -x 80 -y 24 \
    "env -i PATH=\"$PATH\" HOME=\"$scratch\" TERM=screen LC_ALL=C.UTF-8 \"$AIATLAS\" --user-db \"$scratch/user.db\"; echo \$? > \"$scratch/status\"; sleep 30"
T set-option -t t status off >/dev/null

wait_for " 1 Actors"
ok $? "the explorer opens on the bundled data"
T send-keys -t t / m i s t r a l
wait_for " search mistral "
ok $? "/mistral shows its results as it is typed"
wait_line 5 "Mistral AI data centre in"
ok $? "the third result is the Mistral AI data centre"
T send-keys -t t Down
wait_line 4 "▸  actor   Mistral AI models"
ok $? "Down selects the second result"
screen | sed -n 24p | grep -q "^/mistral"
ok $? "the prompt stays open with what was typed"
T send-keys -t t Down
wait_line 5 "▸"
ok $? "Down again selects the third"
T send-keys -t t Enter
wait_for "actor · mistral-saclay-data-centre"
ok $? "Enter opens the third result: the Mistral AI data centre in Essonne"
screen | sed -n 2p | grep -q "Mistral AI data centre in Essonne"
ok $? "its name heads the record"
T send-keys -t t h
wait_for " search mistral "
ok $? "h comes back to the results"
T send-keys -t t Q
wait_file "$scratch/status" && [ "$(cat "$scratch/status")" = 0 ]
ok $? "Q quits, with status 0"

T kill-server
done_testing
