#!/bin/sh
# The test driver: automake's TAP driver, then, when a test fails, its cause
# on the terminal too, not only in test-suite.log: each failed line with the
# diagnostics under it, or the end of the log when the test broke off.
# Usage: driver.sh TAP-DRIVER-COMMAND... (automake's driver arguments).
log= trs= prev=
for arg; do
	case $prev in
	--log-file) log=$arg ;;
	--trs-file) trs=$arg ;;
	esac
	prev=$arg
done

"$@"
status=$?

if [ -n "$trs" ] && [ -f "$trs" ] && [ -f "$log" ] &&
    grep -q '^:global-test-result: \(FAIL\|ERROR\)' "$trs"; then
	name=${log%.log}
	if grep -q '^not ok' "$log"; then
		# A failed line, and the diagnostics that follow it (40 lines at most).
		awk -v name="$name" '
			/^(PASS|FAIL|ERROR|SKIP|XFAIL|XPASS): / { next }
			/^not ok/ && !/# TODO/ { show = 1; n = 0; print name ": " $0; next }
			/^#/ && show && n < 40 { print name ": " $0; n++; next }
			{ show = 0 }' "$log"
	else
		echo "$name: the test broke off; the end of $log:"
		tail -n 20 "$log" | sed "s|^|$name: |"
	fi
fi
exit $status
