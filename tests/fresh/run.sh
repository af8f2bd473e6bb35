#!/bin/sh
# The first ten minutes on a bare machine. Builds a minimal Debian 12 root
# with debootstrap (once, then cached), and in a fresh copy of it for each
# case copies a clone of the project, installs only git, and runs the README's
# two commands: as root, as a user without sudo (after running, as root, the
# one line ./bootstrap asks for) and as a user with sudo.
# It needs root and the Debian archive, so make check does not run it.
#
# Usage: tests/fresh/run.sh [REPOSITORY]
#   REPOSITORY: what to clone (default: the tree this script is in; its
#   committed HEAD, not the working files).
# Environment: AIATLAS_FRESH_CACHE, where the roots and logs go
#   (default /var/cache/aiatlas-fresh); AIATLAS_FRESH_MIRROR, the Debian
#   mirror (default: the one this machine's apt uses).
set -eu

me=tests/fresh/run.sh
suite=bookworm
user=newcomer
# A terminal emulator's TERM, as a newcomer would have it.
term=xterm-256color

if [ "$(id -u)" -ne 0 ]; then
	echo "$me: run it as root: it builds a Debian root with debootstrap and runs commands inside it" >&2
	exit 1
fi
for tool in debootstrap git chroot flock; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "$me: $tool is missing (Debian: apt-get install -y $tool)" >&2
		exit 1
	fi
done

repo=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cache=${AIATLAS_FRESH_CACHE:-/var/cache/aiatlas-fresh}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd -P)
logs=$cache/logs
# The root and the project's tree of the case running.
r=""
tree=""

# The first Debian mirror this machine's apt uses for a release's main suite
# (not -security, -updates or -backports), from deb822 or one-line sources.
host_mirror() {
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk 'BEGIN { RS = "" }
		     {
			uri = ""; deb = 0; main = 0
			n = split($0, line, "\n")
			for (i = 1; i <= n; i++) {
				if (line[i] ~ /^Types:/ && line[i] ~ /[ \t]deb([ \t]|$)/) deb = 1
				if (line[i] ~ /^URIs:/) { split(line[i], w, /[ \t]+/); uri = w[2] }
				if (line[i] ~ /^Suites:/) {
					m = split(line[i], w, /[ \t]+/)
					for (j = 2; j <= m; j++) if (w[j] !~ /-/) main = 1
				}
			}
			if (deb && main && uri != "") { print uri; exit }
		     }' "$f"
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		awk '$1 == "deb" {
			i = 2
			if ($i ~ /^\[/) while ($i !~ /\]$/) i++
			if ($i ~ /^\[/ || $i ~ /\]$/) i++
			if ($(i + 1) !~ /-/) { print $i; exit }
		     }' "$f"
	done
}

# The log file of a step, from its name.
step_log() {
	echo "$logs/$(printf '%s' "$1" | tr -cs 'A-Za-z0-9' '-').log"
}

# Show the end of each failed test's log in the tree of the current case.
failed_tests() {
	[ -n "$tree" ] && [ -d "$tree" ] || return 0
	find "$tree" -name '*.trs' -exec grep -l '^:global-test-result: \(FAIL\|ERROR\)' {} + 2>/dev/null |
	while read -r trs; do
		echo "--- ${trs%.trs}.log (end):"
		tail -n 40 "${trs%.trs}.log"
	done
}

# step NAME COMMAND...: run COMMAND with its output in NAME's log, and print
# how long it took; on failure print the log's end and stop.
step() {
	name=$1
	shift
	log=$(step_log "$name")
	printf '%s: %s ... ' "$me" "$name"
	start=$(date +%s)
	# A subshell outside any || or if, so that set -e holds in the step.
	set +e
	(
		set -e
		"$@"
	) >"$log" 2>&1 </dev/null
	status=$?
	set -e
	took=$(($(date +%s) - start))
	if [ $status -eq 0 ]; then
		echo "ok (${took}s)"
		return 0
	fi
	echo "FAILED (exit status $status, ${took}s); the end of $log:"
	tail -n 40 "$log" | sed 's/^/    /'
	failed_tests
	[ -z "$r" ] || echo "$me: $r stays as it is until the next run"
	exit 1
}

# release DIR: stop what still runs with its root inside DIR (tmux servers a
# test left, say), then unmount everything mounted under DIR.
release() {
	for p in /proc/[0-9]*; do
		case $(readlink "$p/root" 2>/dev/null) in
		"$1" | "$1"/*) kill -KILL "${p#/proc/}" 2>/dev/null || : ;;
		esac
	done
	awk -v d="$1/" 'substr($2, 1, length(d)) == d { print $2 }' /proc/self/mounts | sort -r |
	while read -r m; do
		umount "$m" 2>/dev/null || umount -l "$m"
	done
}

# remove DIR: delete DIR, never across a mount point (the host's /dev, say).
remove() {
	[ -e "$1" ] || return 0
	release "$1"
	if awk -v d="$1/" 'substr($2, 1, length(d)) == d { found = 1 } END { exit !found }' /proc/self/mounts; then
		echo "$me: $1 still has mounts under it; not deleting it" >&2
		exit 1
	fi
	rm -rf --one-file-system "$1"
}

# Whatever ends the run: nothing left running or mounted in the roots.
cleanup() {
	for r in "$cache"/runs/*; do
		[ ! -d "$r" ] || release "$r"
	done
	[ ! -d "$cache/pristine.new" ] || release "$cache/pristine.new"
}

# The minimal Debian root every case starts from, made once.
make_pristine() {
	remove "$cache/pristine.new"
	debootstrap --variant=minbase "$suite" "$cache/pristine.new" "$mirror"
	mv "$cache/pristine.new" "$cache/pristine"
}

# fresh_root ROOT: a fresh copy of the pristine root, with /proc, /dev, the
# name server and the shared download cache of .deb files.
fresh_root() {
	remove "$1"
	cp -a "$cache/pristine" "$1"
	mount -t proc proc "$1/proc"
	mount --rbind /dev "$1/dev"
	mount --make-rslave "$1/dev"
	mkdir -p "$cache/archives/partial"
	mount --bind "$cache/archives" "$1/var/cache/apt/archives"
	cp -L /etc/resolv.conf "$1/etc/resolv.conf"
}

# as_root ROOT COMMAND: the shell COMMAND as root inside ROOT.
as_root() {
	chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
	    /bin/sh -c "$2"
}

# in_clone ROOT WHO COMMAND: the shell COMMAND in ROOT as WHO, with a login
# shell's environment, in the clone of the project.
in_clone() {
	chroot "$1" /usr/bin/env -i TERM=$term /usr/sbin/runuser -l "$2" -c "cd aiatlas && $3"
}

# install_git ROOT [PACKAGE...]: git (and PACKAGEs) from the archive.
install_git() {
	root=$1
	shift
	as_root "$root" "apt-get update -qq && apt-get install -y -qq git $*"
}

# copy_clone ROOT WHO: the clone of the project in WHO's home, WHO's own.
copy_clone() {
	if [ "$2" = root ]; then
		home=/root
	else
		as_root "$1" "useradd -m -s /bin/bash $2"
		home=/home/$2
	fi
	cp -a "$cache/clone" "$1$home/aiatlas"
	as_root "$1" "chown -R $2: $home/aiatlas"
}

# readme_explorer ROOT WHO: './bootstrap && src/aiatlas' builds, and without a
# terminal the program says so in one line and exits 2; a command works.
readme_explorer() {
	status=0
	in_clone "$1" "$2" './bootstrap && src/aiatlas' || status=$?
	last=$(tail -n 1 "$log")
	case $status:$last in
	2:aiatlas:*) ;;
	*)
		echo "$me: expected the program's one-line message and exit status 2, got status $status"
		return 1
		;;
	esac
	in_clone "$1" "$2" 'src/aiatlas list actors --limit 3 >/tmp/actors.txt'
	cat "$1/tmp/actors.txt"
	if [ "$(wc -l <"$1/tmp/actors.txt")" -ne 4 ]; then
		echo "$me: expected a heading and 3 actors"
		return 1
	fi
}

# readme_check ROOT WHO: './bootstrap && make check' passes.
readme_check() {
	in_clone "$1" "$2" './bootstrap && make check'
}

# bootstrap_refuses ROOT: for a user without sudo, ./bootstrap prints the one
# line to run as root and exits 1.
bootstrap_refuses() {
	status=0
	in_clone "$1" "$user" './bootstrap' >"$1/tmp/bootstrap.out" 2>&1 || status=$?
	cat "$1/tmp/bootstrap.out"
	if [ $status -ne 1 ] || [ "$(wc -l <"$1/tmp/bootstrap.out")" -ne 1 ] ||
	    ! grep -q '^bootstrap: run as root: .*apt-get install' "$1/tmp/bootstrap.out"; then
		echo "$me: expected one line 'bootstrap: run as root: ... apt-get install ...' and exit status 1, got status $status"
		return 1
	fi
}

# run_printed_line ROOT: run, as root, the line ./bootstrap printed.
run_printed_line() {
	line=$(sed -n 's/^bootstrap: run as root: //p' "$1/tmp/bootstrap.out")
	echo "# $line"
	as_root "$1" "$line"
}

mirror=${AIATLAS_FRESH_MIRROR:-$(host_mirror | head -n 1)}
if [ -z "$mirror" ]; then
	echo "$me: no Debian mirror in /etc/apt/sources.list*; set AIATLAS_FRESH_MIRROR" >&2
	exit 1
fi

exec 9>"$cache/lock"
if ! flock -n 9; then
	echo "$me: another run is using $cache" >&2
	exit 1
fi
trap cleanup EXIT
trap 'echo " interrupted"; exit 129' HUP
trap 'echo " interrupted"; exit 130' INT
trap 'echo " interrupted"; exit 143' TERM
mkdir -p "$logs" "$cache/runs"
rm -f "$logs"/*.log
echo "$me: Debian $suite from $mirror, in $cache (logs in $logs)"
begin=$(date +%s)

if [ ! -d "$cache/pristine" ]; then
	step "debootstrap --variant=minbase $suite" make_pristine
fi
remove "$cache/clone"
step "git clone $repo" git -c safe.directory='*' clone -q --no-hardlinks "$repo" "$cache/clone"
echo "$me: testing $(git -C "$cache/clone" log -1 --format='%h %s')"

r=$cache/runs/root
step "root: a fresh root" fresh_root "$r"
step "root: apt-get install git" install_git "$r"
step "root: copy the clone" copy_clone "$r" root
tree=$r/root/aiatlas
step "root: ./bootstrap && src/aiatlas" readme_explorer "$r" root
step "root: ./bootstrap made the fr_FR.UTF-8 locale" as_root "$r" "locale -a && locale -a | grep -qix 'fr_FR\\.utf-\\{0,1\\}8'"
step "root: ./bootstrap && make check" readme_check "$r" root
remove "$r"

r=$cache/runs/user
step "user without sudo: a fresh root" fresh_root "$r"
step "user without sudo: apt-get install git" install_git "$r"
step "user without sudo: copy the clone" copy_clone "$r" "$user"
tree=$r/home/$user/aiatlas
step "user without sudo: ./bootstrap asks for root" bootstrap_refuses "$r"
step "user without sudo: root runs the line printed" run_printed_line "$r"
step "user without sudo: ./bootstrap && src/aiatlas" readme_explorer "$r" "$user"
step "user without sudo: ./bootstrap && make check" readme_check "$r" "$user"
remove "$r"

r=$cache/runs/sudo
step "user with sudo: a fresh root" fresh_root "$r"
step "user with sudo: apt-get install git sudo" install_git "$r" sudo
step "user with sudo: copy the clone" copy_clone "$r" "$user"
tree=$r/home/$user/aiatlas
step "user with sudo: passwordless sudo" as_root "$r" \
    "echo '$user ALL=(ALL) NOPASSWD: ALL' >/etc/sudoers.d/$user && chmod 440 /etc/sudoers.d/$user"
step "user with sudo: ./bootstrap && src/aiatlas" readme_explorer "$r" "$user"
step "user with sudo: ./bootstrap made the fr_FR.UTF-8 locale" as_root "$r" "locale -a && locale -a | grep -qix 'fr_FR\\.utf-\\{0,1\\}8'"
step "user with sudo: ./bootstrap && make check" readme_check "$r" "$user"
remove "$r"

remove "$cache/clone"
echo "$me: all passed in $(($(date +%s) - begin))s"
