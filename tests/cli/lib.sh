# Shared by the command-line tests: TAP output and a scratch directory.
# The test environment (Makefile.am) sets AIATLAS, MKDB, top_srcdir and
# top_builddir.

set -u
tap_n=0
tap_failed=0
FIXTURE="$(cd "$top_builddir" && pwd)/tests/fixture.db"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/aiatlas-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# ok CONDITION-STATUS DESCRIPTION: print one TAP line.
ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# skip DESCRIPTION REASON: one TAP line that counts as skipped.
skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# have TOOL: whether TOOL is installed (./bootstrap installs sqlite3 and
# tmux, but a test must not fail for want of them).
have() {
	command -v "$1" >/dev/null 2>&1
}

# diag TEXT: a TAP diagnostic, one "# " per line.
diag() {
	printf '%s\n' "$1" | sed 's/^/# /'
}

# run ARGS...: run aiatlas, keeping stdout, stderr and the status.
run() {
	"$AIATLAS" "$@" >"$scratch/out" 2>"$scratch/err"
	status=$?
}

# expect_status N DESCRIPTION: the last run exited N.
expect_status() {
	[ "$status" -eq "$1" ]
	ok $? "$2 (exit $1)"
	[ "$status" -eq "$1" ] || diag "exit $status; stderr: $(cat "$scratch/err")"
}

# expect_err TEXT DESCRIPTION: the last run's stderr is exactly TEXT.
expect_err() {
	printf '%s\n' "$1" | cmp -s - "$scratch/err"
	ok $? "$2: message"
	printf '%s\n' "$1" | cmp -s - "$scratch/err" || diag "stderr: $(cat "$scratch/err")"
}

# expect_out_has TEXT DESCRIPTION: the last run's stdout contains TEXT.
expect_out_has() {
	grep -qF -- "$1" "$scratch/out"
	ok $? "$2"
}

# no_process TEXT DESCRIPTION: no process is left whose command line
# holds TEXT (a file of a test's, which only its processes name).
no_process() {
	if have pgrep; then
		! pgrep -f "$1" >/dev/null
		ok $? "$2"
	else
		skip "$2" "no pgrep"
	fi
}

# many_actors PREFIX N: a CSV of N actors PREFIX-1..., one in a thousand
# about quartzite, the others about granite.
many_actors() {
	awk -v p="$1" -v n="$2" 'BEGIN {
		print "id,name,name_fr,kind,summary_en,summary_fr,sources"
		for (i = 1; i <= n; i++) {
			w = i % 1000 == 0 ? "quartzite" : "granite"
			printf "%s-%d,%s %d,%s %d,company,A firm of %s number %d.," \
			    "Une firme du %s numéro %d.,fixture-news\n", p, i, p, i, p, i, w, i, w, i
		}
	}'
}

# done_testing: the plan, and the exit status.
done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
