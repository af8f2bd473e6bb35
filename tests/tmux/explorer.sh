#!/bin/sh
# The explorer in a real terminal (tmux): start, open a record, resize,
# suspend and resume, quit, a signal; the terminal settings afterwards are
# what they were before. And the terminals it refuses.
. "$top_srcdir/tests/cli/lib.sh"

. "$top_srcdir/tests/tmux/lib.sh"

cp "$FIXTURE" "$scratch/fx.db"

T -f /dev/null new-session -d -s t -x 80 -y 24 "env -i PATH=\"$PATH\" HOME=\"$scratch\" TERM=screen LC_ALL=C.UTF-8 sh"
T set-option -t t status off >/dev/null
run_in_pane() { T send-keys -t t "$1" Enter; }

# One job, so that Ctrl-Z stops and fg resumes the whole of it. The
# explorer's pid goes to a file, for the signal below (no pkill: procps
# is not always installed).
cat >"$scratch/run.sh" <<RUN
stty -a > "$scratch/before"
sh -c 'echo \$\$ > "$scratch/pid"; exec "$AIATLAS" --db "$scratch/fx.db"'
echo \$? > "$scratch/status"
stty -a > "$scratch/after"
RUN
run_in_pane "sh $scratch/run.sh"
wait_for " 1 Actors"
ok $? "the explorer starts at 80x24"
screen | grep -q "Gamma Fund"
ok $? "the Actors list shows"
[ "$(screen | wc -l)" -eq 24 ]
ok $? "it fills 24 rows"

T send-keys -t t j j Enter
wait_for "actor · gamma-fund"
ok $? "Enter opens the selected record"

T resize-window -t t -x 100 -y 30
# The screen is redrawn top to bottom: wait for the status line itself.
wait_line 29 "link 1/5"
ok $? "after a resize to 100x30 the status line moves to row 29"

T resize-window -t t -x 30 -y 8
wait_for "Terminal too small: 30×8"
ok $? "below its minimum it says so"
T resize-window -t t -x 80 -y 24
wait_for "actor · gamma-fund"
ok $? "and comes back when the terminal grows"

T send-keys -t t C-z
wait_gone "actor · gamma-fund"
ok $? "Ctrl-Z suspends it and gives the screen back"
run_in_pane "fg"
wait_for "actor · gamma-fund"
ok $? "fg brings it back, redrawn"

T send-keys -t t q q
wait_file "$scratch/after"
ok $? "q q goes back then quits"
[ "$(cat "$scratch/status" 2>/dev/null)" = 0 ]
ok $? "it exits with status 0"
cmp -s "$scratch/before" "$scratch/after"
ok $? "the terminal settings are what they were before"
cmp -s "$scratch/before" "$scratch/after" || diag "$(diff "$scratch/before" "$scratch/after")"
screen | grep -q "1 Actors"
[ $? -ne 0 ]
ok $? "the screen is the shell's again"

# A signal ends it cleanly too.
rm -f "$scratch/after" "$scratch/status" "$scratch/pid"
run_in_pane "sh $scratch/run.sh"
wait_for " 1 Actors" && wait_file "$scratch/pid"
kill -TERM "$(cat "$scratch/pid")"
wait_file "$scratch/after"
[ "$(cat "$scratch/status")" = 143 ]
ok $? "SIGTERM ends it with status 143"
cmp -s "$scratch/before" "$scratch/after"
ok $? "and the terminal settings are restored"

# C-s saves a note in the built-in editor: it reaches the explorer, not
# the terminal's flow control (which would freeze the screen), and the
# terminal's own setting is back afterwards.
rm -f "$scratch/after" "$scratch/status" "$scratch/pid"
run_in_pane "sh $scratch/run.sh"
wait_for " 1 Actors"
T send-keys -t t a
wait_for "new note on"
T send-keys -t t -l "Call the ministry"
T send-keys -t t C-s
wait_for "Saved the note on"
ok $? "C-s saves the note"
T send-keys -t t Q
wait_file "$scratch/after"
cmp -s "$scratch/before" "$scratch/after"
ok $? "and the terminal settings (ixon included) are restored"
"$AIATLAS" --db "$scratch/fx.db" --user-db "$scratch/.local/share/aiatlas/user.db" note list --format tsv | grep -q "Call the ministry"
ok $? "the note is in the user database"

# Terminals it refuses, leaving them untouched.
for term in dumb unknown-terminal-type ""; do
	rm -f "$scratch/status" "$scratch/err"
	if [ -n "$term" ]; then setterm="TERM=$term"; else setterm="unset TERM;"; fi
	run_in_pane "( $setterm $AIATLAS --db $scratch/fx.db 2> $scratch/err; echo \$? > $scratch/status )"
	wait_file "$scratch/status"
	[ "$(cat "$scratch/status")" = 2 ] && [ "$(wc -l <"$scratch/err")" -eq 1 ] &&
	    grep -q "use the commands instead (aiatlas --help)" "$scratch/err"
	ok $? "TERM=${term:-(unset)}: one line pointing to the commands, exit 2"
done

T kill-server
done_testing
