#!/bin/sh
# Typing accented letters in the C locale, whose character set is ASCII (a
# server's default over SSH), in tmux at 80x24 on the bundled data: the
# terminal's UTF-8 is read as UTF-8, a byte that starts no UTF-8
# character as Latin-1, and nothing typed after them is lost.
. "$top_srcdir/tests/cli/lib.sh"

. "$top_srcdir/tests/tmux/lib.sh"

T -f /dev/null new-session -d -s t -x 80 -y 24 \
    "env -i PATH=\"$PATH\" HOME=\"$scratch\" TERM=screen LC_ALL=C \"$AIATLAS\" --user-db \"$scratch/user.db\"; echo \$? > \"$scratch/status\"; sleep 30"
T set-option -t t status off >/dev/null

wait_for " 1 Actors"
ok $? "the explorer opens in the C locale"
T send-keys -t t /
T send-keys -t t -l "aéb"
wait_for " search aeb "
ok $? "a, é in UTF-8, b: all three are typed (é shown as e)"
T send-keys -t t C-u
T send-keys -t t -l "état"
wait_for " search etat "
ok $? "état is typed whole"
wait_for "Etats-Unis"
ok $? "and finds the États-Unis of the French summaries"
T send-keys -t t C-u
T send-keys -t t -H e9 74 61 74
wait_for " search etat "
ok $? "é as one Latin-1 byte, then tat: taken as é, nothing after it lost"
T send-keys -t t Escape
wait_gone " search etat "
T send-keys -t t Q
wait_file "$scratch/status" && [ "$(cat "$scratch/status")" = 0 ]
ok $? "Q quits, with status 0"

T kill-server
done_testing
