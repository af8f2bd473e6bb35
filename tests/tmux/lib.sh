# Shared by the tmux tests: a private tmux server and ways to wait for what
# its pane shows. Sourced after tests/cli/lib.sh.

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi

sock="$scratch/tmux.sock"

# T ARGS...: tmux on the test's own server.
T() { tmux -S "$sock" "$@"; }

# screen: the pane's text now.
screen() { T capture-pane -p -t t; }

# wait_for TEXT: poll the pane until it shows TEXT (10 s at most).
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	diag "waited for '$1'; the pane shows:"
	diag "$(screen)"
	return 1
}

# wait_line N TEXT: poll the pane until its line N shows TEXT (10 s at most).
wait_line() {
	i=0
	while [ $i -lt 100 ]; do
		screen | sed -n "$1p" | grep -qF -- "$2" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	diag "waited for '$2' on line $1; the pane shows:"
	diag "$(screen)"
	return 1
}

# wait_gone TEXT: poll the pane until it no longer shows TEXT (10 s at most).
wait_gone() {
	i=0
	while [ $i -lt 100 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# wait_file FILE: poll until FILE exists and is not empty (10 s at most).
wait_file() {
	i=0
	while [ $i -lt 100 ]; do
		[ -s "$1" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# press_until KEY TEXT: press KEY until the pane shows TEXT (200 times at most).
press_until() {
	i=0
	while [ $i -lt 200 ]; do
		screen | grep -qF -- "$2" && return 0
		T send-keys -t t "$1"
		sleep 0.05
		i=$((i + 1))
	done
	diag "pressed $1 200 times waiting for '$2'; the pane shows:"
	diag "$(screen)"
	return 1
}
