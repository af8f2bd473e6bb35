#!/bin/sh
# Golden tests of the command line over the fixture database.
# Each case in tests/cli/cases/NAME.cmd is one line of arguments; its
# expected stdout is NAME.out, its expected stderr NAME.err (empty if
# there is none), its expected exit status NAME.status (0 if none).
# UPDATE_GOLDEN=1 rewrites the expected files from what the program does.
. "$top_srcdir/tests/cli/lib.sh"

cases="$top_srcdir/tests/cli/cases"
for cmd in "$cases"/*.cmd; do
	name=$(basename "$cmd" .cmd)
	args=$(cat "$cmd")
	eval "set -- $args"
	"$AIATLAS" --db "$FIXTURE" "$@" >"$scratch/out" 2>"$scratch/err"
	status=$?
	sed "s|$scratch|SCRATCH|g" "$scratch/err" >"$scratch/err.clean"
	if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
		cp "$scratch/out" "$cases/$name.out"
		if [ -s "$scratch/err.clean" ]; then cp "$scratch/err.clean" "$cases/$name.err"; else rm -f "$cases/$name.err"; fi
		if [ "$status" -ne 0 ]; then echo "$status" >"$cases/$name.status"; else rm -f "$cases/$name.status"; fi
	fi
	want_status=0
	[ -f "$cases/$name.status" ] && want_status=$(cat "$cases/$name.status")
	[ -f "$cases/$name.err" ] && want_err="$cases/$name.err" || want_err=/dev/null
	if cmp -s "$cases/$name.out" "$scratch/out" && cmp -s "$want_err" "$scratch/err.clean" &&
	    [ "$status" -eq "$want_status" ]; then
		ok 0 "$name: aiatlas $args"
	else
		ok 1 "$name: aiatlas $args"
		diag "exit $status, expected $want_status"
		diag "$(diff -u "$cases/$name.out" "$scratch/out" | head -n 30)"
		diag "$(diff -u "$want_err" "$scratch/err.clean" | head -n 10)"
	fi
done
done_testing
