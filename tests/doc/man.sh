#!/bin/sh
# The English and French manuals in step: as made (doc/aiatlas.1 and
# doc/aiatlas.fr.1), they name the same options, and list the same
# commands, options, fields, keys, variables and exit statuses (the tags
# of their .TP entries, which stay as typed); the French key section
# speaks French; groff renders both without a warning.
. "$top_srcdir/tests/cli/lib.sh"

en=$top_builddir/doc/aiatlas.1
fr=$top_builddir/doc/aiatlas.fr.1

# options PAGE: every long option the page names, one a line.
options() {
	grep -o '\\-\\-[a-z][a-z0-9]*\(\\-[a-z0-9][a-z0-9]*\)*' "$1" | sort -u
}

# tags PAGE: the tag line of every .TP entry that is typed (.B, .BI,
# .BR, .I), one a line.
tags() {
	sed -n '/^\.TP/{n;/^\.[BI]/p;}' "$1" | sort -u
}

# keysection PAGE: the lines of the key section (from the key table).
keysection() {
	sed -n '/^\.SS \(Keys\|Touches\)$/,/^\.PP/p' "$1" | sed '1d;$d'
}

# same WHAT EXTRACT: the two pages give the same lines, both ways, and
# not a few of them (so the extraction cannot have missed them all).
same() {
	"$2" "$en" >"$scratch/en.$1"
	"$2" "$fr" >"$scratch/fr.$1"
	comm -23 "$scratch/en.$1" "$scratch/fr.$1" >"$scratch/only-en"
	comm -13 "$scratch/en.$1" "$scratch/fr.$1" >"$scratch/only-fr"
	[ "$(wc -l <"$scratch/en.$1")" -ge 10 ]
	ok $? "the English page lists $1 ($(wc -l <"$scratch/en.$1") found)"
	[ ! -s "$scratch/only-en" ]
	ok $? "every one of the English page's $1 is in the French page"
	[ -s "$scratch/only-en" ] && diag "only in English: $(cat "$scratch/only-en")"
	[ ! -s "$scratch/only-fr" ]
	ok $? "every one of the French page's $1 is in the English page"
	[ -s "$scratch/only-fr" ] && diag "only in French: $(cat "$scratch/only-fr")"
}

same "options" options
same "entries (commands, options, fields, keys)" tags

# The key section: the same keys, described in French (no description
# left as the English one, and the French words of the catalogue).
keysection "$en" >"$scratch/en.keys"
keysection "$fr" >"$scratch/fr.keys"
grep '^\.B ' "$scratch/en.keys" >"$scratch/en.keynames"
grep '^\.B ' "$scratch/fr.keys" >"$scratch/fr.keynames"
[ -s "$scratch/en.keynames" ] && cmp -s "$scratch/en.keynames" "$scratch/fr.keynames"
ok $? "the French key section has the English one's keys, in its order"
grep -v '^\.' "$scratch/en.keys" | sort >"$scratch/en.keytext"
grep -v '^\.' "$scratch/fr.keys" | sort >"$scratch/fr.keytext"
comm -12 "$scratch/en.keytext" "$scratch/fr.keytext" >"$scratch/both"
[ ! -s "$scratch/both" ] && grep -q "^Montrer l'onglet Chronologie\.$" "$scratch/fr.keytext"
ok $? "the French key section describes every key in French"
[ -s "$scratch/both" ] && diag "still in English: $(cat "$scratch/both")"

# groff renders each page without a warning (-ww), UTF-8 read by preconv.
for page in "$en" "$fr"; do
	if have groff; then
		groff -man -Tutf8 -ww -k -z "$page" >"$scratch/groff.err" 2>&1
		[ $? -eq 0 ] && [ ! -s "$scratch/groff.err" ]
		ok $? "groff renders $(basename "$page") without a warning"
		[ -s "$scratch/groff.err" ] && diag "$(head -5 "$scratch/groff.err")"
	else
		skip "groff renders $(basename "$page") without a warning" "groff is missing"
	fi
done

echo "1..$tap_n"
[ "$tap_failed" -eq 0 ]
