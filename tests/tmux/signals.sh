#!/bin/sh
# Signals in a real terminal (tmux): Ctrl-\ (SIGQUIT) ends the explorer as
# q does, and a fatal signal (SIGSEGV, SIGABRT) gives the terminal back
# before the default action: the settings are what they were, no
# alternate screen, no mouse reports, the cursor shows, and typing echoes.
. "$top_srcdir/tests/cli/lib.sh"

. "$top_srcdir/tests/tmux/lib.sh"

cp "$FIXTURE" "$scratch/fx.db"

run_in_pane() { T send-keys -t t "$1" Enter; }

# The explorer runs from a shell that leaves its pid in a file, so that
# the test can signal it without pkill (procps is not always installed).
# Like an interactive shell, the script outlives the Ctrl-\ of its job.
cat >"$scratch/run.sh" <<RUN
trap : QUIT
ulimit -c 0
stty -a > "$scratch/before"
sh -c 'echo \$\$ > "$scratch/pid"; exec "$AIATLAS" --db "$scratch/fx.db"'
echo \$? > "$scratch/status"
stty -a > "$scratch/after"
RUN

# flags: the pane's terminal modes the explorer turns on.
flags() {
	T display-message -p -t t \
	    'alternate=#{alternate_on} mouse=#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag} cursor=#{cursor_flag} keypad=#{keypad_flag}'
}

# start: in a new terminal, run the explorer and wait for its first screen
# (in a sanitizer build, the program's own handlers take the fatal signals).
start() {
	rm -f "$scratch/pid" "$scratch/status" "$scratch/after"
	T -f /dev/null new-session -d -s next -x 80 -y 24 \
	    "env -i PATH=\"$PATH\" HOME=\"$scratch\" TERM=screen LC_ALL=C.UTF-8 \
	    ASAN_OPTIONS=handle_segv=0:handle_sigbus=0:handle_abort=0 sh"
	T kill-session -t t 2>/dev/null
	T rename-session -t next t
	T set-option -t t status off >/dev/null
	run_in_pane "sh $scratch/run.sh"
	wait_for " 1 Actors" && wait_file "$scratch/pid"
}

# ended SIGNAL STATUS: the explorer ended with STATUS, and the terminal is
# the shell's again.
ended() {
	wait_file "$scratch/after"
	[ "$(cat "$scratch/status" 2>/dev/null)" = "$2" ]
	ok $? "$1: it ends with status $2"
	cmp -s "$scratch/before" "$scratch/after"
	ok $? "$1: stty -a is what it was before"
	cmp -s "$scratch/before" "$scratch/after" ||
	    diag "$(diff "$scratch/before" "$scratch/after")"
	[ "$(flags)" = "alternate=0 mouse=000 cursor=1 keypad=0" ]
	ok $? "$1: no alternate screen, mouse reports or keypad mode, and a cursor"
	[ "$(flags)" = "alternate=0 mouse=000 cursor=1 keypad=0" ] || diag "$1: $(flags)"
	run_in_pane 'echo typed-$((6 * 7))'
	wait_for 'echo typed-$((6 * 7))' && wait_for "typed-42"
	ok $? "$1: what is typed in the shell echoes"
}

start
ok $? "the explorer starts"
[ "$(flags)" != "alternate=0 mouse=000 cursor=1 keypad=0" ]
ok $? "it turns on terminal modes (so what follows can fail)" || diag "running: $(flags)"
T send-keys -t t 'C-\'
ended "Ctrl-\\" 131

start
kill -SEGV "$(cat "$scratch/pid")"
ended "SIGSEGV" 139

start
kill -ABRT "$(cat "$scratch/pid")"
ended "SIGABRT" 134

T kill-server
done_testing
