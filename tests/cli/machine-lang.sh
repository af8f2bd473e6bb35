#!/bin/sh
# The machine formats (CSV, TSV, JSON) are the same bytes in every language:
# under the C locale, under fr_FR.UTF-8 (French messages, data and numbers
# for people) and with --lang fr: English names and keys, plain numbers, ISO
# dates. And the tables for people do change: French amounts under French.
. "$top_srcdir/tests/cli/lib.sh"

french=fr_FR.UTF-8
locale -a 2>/dev/null | grep -qix 'fr_FR\.utf-\{0,1\}8' || french=""

# same_bytes DESCRIPTION ARGS...: the output is the same in the three.
same_bytes() {
	desc=$1
	shift
	LC_ALL=C "$AIATLAS" --db "$FIXTURE" "$@" >"$scratch/c" 2>/dev/null
	LC_ALL=C "$AIATLAS" --db "$FIXTURE" --lang fr "$@" >"$scratch/lang" 2>/dev/null
	if [ -n "$french" ]; then
		LC_ALL=$french "$AIATLAS" --db "$FIXTURE" "$@" >"$scratch/fr" 2>/dev/null
	else
		cp "$scratch/c" "$scratch/fr"
	fi
	[ -s "$scratch/c" ] && cmp -s "$scratch/c" "$scratch/lang" && cmp -s "$scratch/c" "$scratch/fr"
	ok $? "$desc: the same bytes under C, --lang fr and fr_FR.UTF-8"
	cmp -s "$scratch/c" "$scratch/fr" || diag "$(diff -u "$scratch/c" "$scratch/fr" | head -n 20)"
	cmp -s "$scratch/c" "$scratch/lang" || diag "$(diff -u "$scratch/c" "$scratch/lang" | head -n 20)"
}

for fmt in csv tsv json; do
	same_bytes "list funding --format $fmt" list funding --format $fmt
	same_bytes "list actors --format $fmt" list actors --format $fmt
	same_bytes "list events --format $fmt" list events --format $fmt
	same_bytes "search test --format $fmt" search test --format $fmt
	same_bytes "show testonia-plan-2025 --format $fmt" show testonia-plan-2025 --format $fmt
	same_bytes "compare XTA XTB --format $fmt" compare XTA XTB --format $fmt
	same_bytes "timeline --format $fmt" timeline --format $fmt
done

# For people, the language shows: French amounts and words with --lang fr.
LC_ALL=C.UTF-8 "$AIATLAS" --db "$FIXTURE" --lang fr list funding --format table \
    >"$scratch/table" 2>&1
grep -q "50 Md€" "$scratch/table" && grep -q "programme public" "$scratch/table"
ok $? "--lang fr: French amounts and labels in a table"
LC_ALL=C.UTF-8 "$AIATLAS" --db "$FIXTURE" list funding --format table >"$scratch/table" 2>&1
grep -q "€50bn" "$scratch/table" && grep -q "public_programme" "$scratch/table"
ok $? "English amounts and words in a table under C.UTF-8"

if [ -n "$french" ]; then
	LC_ALL=$french "$AIATLAS" --db "$FIXTURE" list funding --filter 'amount>=1,5Md' \
	    --format csv >"$scratch/fr" 2>"$scratch/err"
	LC_ALL=C "$AIATLAS" --db "$FIXTURE" list funding --filter 'amount>=1.5bn' \
	    --format csv >"$scratch/c" 2>&1
	[ -s "$scratch/fr" ] && [ ! -s "$scratch/err" ] && cmp -s "$scratch/c" "$scratch/fr"
	ok $? "under fr_FR.UTF-8, amount>=1,5Md keeps what amount>=1.5bn keeps"
	LC_ALL=$french "$AIATLAS" --db "$FIXTURE" --lang en list funding --format table \
	    >"$scratch/table" 2>&1
	grep -q "€50bn" "$scratch/table" && grep -q "title" "$scratch/table" &&
	    ! grep -q "titre" "$scratch/table"
	ok $? "--lang en under fr_FR.UTF-8: English headers and amounts"
else
	skip "amount>=1,5Md under fr_FR.UTF-8" "the fr_FR.UTF-8 locale is not available"
	skip "--lang en under fr_FR.UTF-8" "the fr_FR.UTF-8 locale is not available"
fi
done_testing
