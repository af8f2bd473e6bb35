#!/bin/sh
# A new user's first briefing, in tmux at 80x24 on the bundled data: find
# Mistral AI, open its Series C, read the lead investor, the amounts and the
# sources, jump to the investor, come back, quit.
. "$top_srcdir/tests/cli/lib.sh"

. "$top_srcdir/tests/tmux/lib.sh"

T -f /dev/null new-session -d -s t -x 80 -y 24 \
    "env -i PATH=\"$PATH\" TERM=screen LC_ALL=C.UTF-8 \"$AIATLAS\"; echo \$? > \"$scratch/status\"; sleep 30"
T set-option -t t status off >/dev/null

wait_for " 1 Actors"
ok $? "the explorer opens on the Actors tab"
press_until j "▸  Mistral AI "
ok $? "j walks down the list to Mistral AI"
T send-keys -t t Enter
wait_for "actor · mistral-ai"
ok $? "Enter opens Mistral AI"
press_until Tab "▸ Mistral AI Series C"
ok $? "Tab reaches its Series C among the funding it received"
T send-keys -t t Enter
wait_for "funding · mistral-series-c-2025"
ok $? "Enter opens the Series C"
press_until j "ASML  (lead"
ok $? "its parties show ASML as lead investor, with its amount"
screen | grep -q "€1.7bn"
ok $? "the round's amount shows"
press_until j "[supports]"
ok $? "its sources show, with their stance"
press_until Tab "▸ ASML  (lead"
T send-keys -t t Enter
wait_for "actor · asml"
ok $? "Enter jumps to the investor"
T send-keys -t t h
wait_for " funding mistral-series-c-2025 "
ok $? "h comes back to the Series C"
T send-keys -t t Q
wait_file "$scratch/status" && [ "$(cat "$scratch/status")" = 0 ]
ok $? "Q quits, with status 0"

T kill-server
done_testing
