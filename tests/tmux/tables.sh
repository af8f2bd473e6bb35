#!/bin/sh
# The command line in a real terminal of 80 columns, as tmux gives it: a
# list fits by leaving columns out, its ids and dates whole; a record piped
# to a pager keeps the layout the terminal shows, at the terminal's width.
. "$top_srcdir/tests/cli/lib.sh"

. "$top_srcdir/tests/tmux/lib.sh"

# No COLUMNS: the width is the terminal's own.
T -f /dev/null new-session -d -s t -x 80 -y 24 \
    "env -i PATH=\"$PATH\" TERM=screen LC_ALL=C.UTF-8 NO_COLOR=1 \"$AIATLAS\" list funding --sort -amount --limit 8; \
    env -i PATH=\"$PATH\" TERM=screen LC_ALL=C.UTF-8 \"$AIATLAS\" show france-ai-109bn-2025 | cat >\"$scratch/piped\"; \
    echo done; sleep 30"
T set-option -t t status off >/dev/null

wait_for "done"
ok $? "list and show run in the terminal"
screen >"$scratch/screen"
# Columns, not bytes (mawk's length counts bytes): wc -L in a UTF-8 locale.
[ "$(LC_ALL=C.UTF-8 wc -L <"$scratch/screen")" -le 80 ]
ok $? "no line of the list is wider than the terminal"
"$AIATLAS" --format tsv list funding --sort -amount --limit 8 | sed 1d | cut -f 1,9 >"$scratch/rows"
whole=0
[ "$(wc -l <"$scratch/rows")" -eq 8 ] || whole=1
while IFS="	" read -r id date; do
	# The table writes the ISO date for people: 9 Feb 2025, Feb 2025, 2025.
	case ${#date} in
	10) date=$(LC_ALL=C date -d "$date" '+%-d %b %Y') ;;
	7) date=$(LC_ALL=C date -d "$date-01" '+%b %Y') ;;
	esac
	grep -q -- "^$id  .*  $date" "$scratch/screen" || { diag "no whole '$id' and '$date'"; whole=1; }
done <"$scratch/rows"
ok $whole "each row shows its whole id and its whole date"
grep -q "^Left out: .*(see --wide or --columns)$" "$scratch/screen"
ok $? "a last line names the columns left out and how to see them"
grep -q "…" "$scratch/screen"
ok $? "titles are cut to fit"

# What the pager gets: the record's layout, at the terminal's width (that
# of standard error), the same as COLUMNS=80 gives a table written to a file.
COLUMNS=80 "$AIATLAS" show france-ai-109bn-2025 --format table >"$scratch/at80"
cmp -s "$scratch/piped" "$scratch/at80"
ok $? "show piped writes the record's layout at the terminal's 80 columns"
grep -q "^Sources" "$scratch/piped" && ! grep -q "	" "$scratch/piped"
ok $? "the piped record has its sections, no tab-separated rows"

T kill-server
done_testing
