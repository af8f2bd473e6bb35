#!/bin/sh
# y in the explorer copies a record exactly as aiatlas show ID --format md
# prints it: the file it writes (aiatlas-record.md) equals show's output,
# the user's note included, in English and in French.
. "$top_srcdir/tests/cli/lib.sh"

user="$scratch/user.db"
run --db "$FIXTURE" --user-db "$user" note add alpha-series-b-2025 \
    'Ask about the «amount» | pipes, *stars* and
a second line'
expect_status 0 "a note on the record copied"
for lang in en fr; do
	mkdir "$scratch/$lang"
	# The Funding tab's last row (by date) is alpha-series-b-2025; y on
	# it, then on the record it opens.
	printf '2\nG\ny\n:dump list.txt\n<Enter>\ny\n:dump record.txt\n' >"$scratch/$lang/keys"
	(cd "$scratch/$lang" && "$AIATLAS" --db "$FIXTURE" --user-db "$user" --lang "$lang" \
	    --script keys --size 80x24 >explorer.out 2>&1)
	ok $? "$lang: the explorer runs"
	run --db "$FIXTURE" --user-db "$user" --lang "$lang" show alpha-series-b-2025 --format md
	expect_status 0 "$lang: show --format md"
	grep -q 'Ask about the' "$scratch/out"
	ok $? "$lang: show prints the note"
	tail -n 1 "$scratch/$lang/list.txt" | grep -q 'alpha-series-b-2025.*aiatlas-record\.md'
	ok $? "$lang: the status line says the list's row was copied"
	tail -n 1 "$scratch/$lang/record.txt" | grep -q 'alpha-series-b-2025.*aiatlas-record\.md'
	ok $? "$lang: the status line says the record was copied"
	cmp -s "$scratch/out" "$scratch/$lang/aiatlas-record.md"
	ok $? "$lang: y wrote what show --format md prints"
	cmp -s "$scratch/out" "$scratch/$lang/aiatlas-record.md" ||
	    diag "$(diff -u "$scratch/out" "$scratch/$lang/aiatlas-record.md" | head -n 20)"
done
done_testing
