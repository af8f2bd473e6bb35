#!/bin/sh
# Disputed values as show writes them outside UTF-8: the marker and the
# alternatives in ASCII.
. "$top_srcdir/tests/cli/lib.sh"

for setting in "LANG=C" "LC_ALL=C"; do
	env -u LC_ALL -u LC_CTYPE $setting "$AIATLAS" --db "$FIXTURE" show alpha-series-b-2025 \
	    --format table >"$scratch/out" 2>&1
	grep -q "^  amount  *1000000000 (EUR1bn)  !$" "$scratch/out"
	ok $? "$setting: a disputed amount carries ! after its value"
	grep -q "^  *! Alpha Labs, 9 Sep 2025: EUR1bn - Test Daily, 10 Feb 2025: \$1\.2bn$" "$scratch/out"
	ok $? "$setting: its sources' values follow on the next line, in ASCII"
	! LC_ALL=C grep -q "$(printf '[\200-\377]')" "$scratch/out"
	ok $? "$setting: nothing but ASCII"
done

run --db "$FIXTURE" show gamma-pledge-2025 --format table
expect_status 0 "show an undisputed record"
! grep -q "⚑" "$scratch/out"
ok $? "an undisputed record carries no marker"
done_testing
