#!/bin/sh
# fx-rates.sh -- derive data/fx_rates.csv from the ECB's daily euro reference rates.
#
# Usage: sh data/fx-rates.sh path/to/eurofxref-hist.csv > data/fx_rates.csv
#
# Input: the ECB's eurofxref-hist.csv (a Date column, then one column per
# currency in units of that currency for one euro, "N/A" where none).
# Output (stdout): currency,year,per_eur,source_id -- for each currency of
# CURRENCIES and each year FIRST_YEAR..LAST_YEAR, the arithmetic mean of that
# year's daily reference rates, "N/A" and empty cells skipped. A year with no
# rate at all gives no row.
#
# Precision: the mean is printed with printf "%.6g", six significant digits:
# 1.08241 for USD, 163.852 for JPY, 90.5612 for INR -- at least as fine as the
# ECB's own daily quotes (five significant digits) for every listed currency.
#
# POSIX sh and awk only.

# The ECB writes 1.0824 and so must we: under a locale with a decimal comma,
# some awks (mawk; gawk --posix) would read it as 1.
LC_ALL=C
export LC_ALL

CURRENCIES="USD GBP JPY CNY CAD SEK INR"
# Currencies the ECB does not publish, through their official peg to one it
# does: CODE:BASE:UNITS-PER-BASE:SOURCE-ID. The UAE dirham is pegged at 3.6725
# per US dollar (the source row says where that is stated).
PEGS="AED:USD:3.6725:alarabiya-reuters-2014-12-01-aed-peg"
FIRST_YEAR=2015
LAST_YEAR=2025
SOURCE_ID=ecb-eurofxref

if [ $# -ne 1 ]; then
	echo "usage: $0 eurofxref-hist.csv" >&2
	exit 2
fi
if [ ! -r "$1" ]; then
	echo "$0: $1: cannot read" >&2
	exit 2
fi

awk -F, -v currencies="$CURRENCIES" -v first="$FIRST_YEAR" -v last="$LAST_YEAR" \
    -v source_id="$SOURCE_ID" -v pegs="$PEGS" '
function trim(s) { gsub(/^[ \t\r]+|[ \t\r]+$/, "", s); return s }
NR == 1 {
	ncur = split(currencies, cur, " ")
	for (i = 1; i <= NF; i++) col[trim($i)] = i
	for (c = 1; c <= ncur; c++)
		if (!(cur[c] in col)) {
			printf "fx-rates.sh: no column %s in the header\n", cur[c] > "/dev/stderr"
			bad = 1
		}
	if (bad) exit 2
	next
}
{
	y = substr(trim($1), 1, 4) + 0
	if (y < first || y > last) next
	for (c = 1; c <= ncur; c++) {
		v = trim($(col[cur[c]]))
		if (v != "" && v != "N/A") { sum[cur[c], y] += v; n[cur[c], y]++ }
	}
}
END {
	if (bad) exit 2
	print "currency,year,per_eur,source_id"
	for (c = 1; c <= ncur; c++)
		for (y = first; y <= last; y++)
			if (n[cur[c], y] > 0)
				printf "%s,%d,%.6g,%s\n", cur[c], y, sum[cur[c], y] / n[cur[c], y], source_id
	# A pegged currency: the yearly mean of its base times the peg.
	npegs = split(pegs, peg, " ")
	for (g = 1; g <= npegs; g++) {
		split(peg[g], part, ":")
		for (y = first; y <= last; y++)
			if (n[part[2], y] > 0)
				printf "%s,%d,%.6g,%s\n", part[1], y,
				    sum[part[2], y] / n[part[2], y] * part[3], part[4]
	}
}
' "$1"
