#!/bin/sh
# Golden tests of the command line over the fixture database.
# Each case in tests/cli/cases/NAME.cmd is one line of arguments; its
# expected stdout is NAME.out, its expected stderr NAME.err (empty if
# there is none), its expected exit status NAME.status (0 if none).
# A case that starts with COLUMNS=N runs with that width, as a terminal of
# N columns would give it (the table format fits it); the others with none.
# Every case runs twice: in the test locale, then under fr_FR.UTF-8 (a comma
# before decimals, and the French catalogue). The second run checks what
# must not change with the language: the exit status, and stdout to the
# byte when it is data (CSV, TSV, JSON: English keys, plain numbers), not
# when it is for people (--format table, md, txt or html, brief, show
# without --format, --help, --version) nor stderr, whose messages are
# French. A case with French
# goldens, NAME.fr.out and NAME.fr.err (empty if absent), is compared
# whole with them instead: the French tables and messages.
# UPDATE_GOLDEN=1 rewrites the expected files from what the program does
# (the French ones of the cases that have them).
. "$top_srcdir/tests/cli/lib.sh"

cases="$top_srcdir/tests/cli/cases"
french=fr_FR.UTF-8
locale -a 2>/dev/null | grep -qix 'fr_FR\.utf-\{0,1\}8' || french=""

# golden NAME [LOCALE]: run case NAME (under LOCALE if given) and compare.
golden() {
	name=$1 lc=${2:-${LC_ALL-}} label=${2:+ ($2)}
	args=$(cat "$cases/$name.cmd")
	width=
	case $args in
	COLUMNS=*)
		width=${args%% *}
		width=${width#COLUMNS=}
		args=${args#* }
		;;
	esac
	eval "set -- $args"
	COLUMNS=$width LC_ALL=$lc "$AIATLAS" --db "$FIXTURE" "$@" >"$scratch/out" 2>"$scratch/err"
	status=$?
	sed "s|$scratch|SCRATCH|g" "$scratch/err" >"$scratch/err.clean"
	# A briefing sheet ends with its command line, --db "$FIXTURE" in it.
	sed "s|$FIXTURE|FIXTURE|g" "$scratch/out" >"$scratch/out.clean"
	if [ "${UPDATE_GOLDEN:-0}" = 1 ] && [ -z "$label" ]; then
		cp "$scratch/out.clean" "$cases/$name.out"
		if [ -s "$scratch/err.clean" ]; then cp "$scratch/err.clean" "$cases/$name.err"; else rm -f "$cases/$name.err"; fi
		if [ "$status" -ne 0 ]; then echo "$status" >"$cases/$name.status"; else rm -f "$cases/$name.status"; fi
	elif [ "${UPDATE_GOLDEN:-0}" = 1 ] && [ -f "$cases/$name.fr.out" ]; then
		cp "$scratch/out.clean" "$cases/$name.fr.out"
		if [ -s "$scratch/err.clean" ]; then cp "$scratch/err.clean" "$cases/$name.fr.err"; else rm -f "$cases/$name.fr.err"; fi
	fi
	want_status=0
	[ -f "$cases/$name.status" ] && want_status=$(cat "$cases/$name.status")
	want_out=$cases/$name.out
	[ -f "$cases/$name.err" ] && want_err="$cases/$name.err" || want_err=/dev/null
	if [ -n "$label" ] && [ -f "$cases/$name.fr.out" ]; then
		want_out=$cases/$name.fr.out
		[ -f "$cases/$name.fr.err" ] && want_err="$cases/$name.fr.err" || want_err=/dev/null
	elif [ -n "$label" ]; then
		want_err=$scratch/err.clean
		case " $args " in
		*" --format table "* | *" --format md "* | *" --format txt "* | *" --format html "* | \
		    " brief "* | *" --help "* | *" -h "* | *" --version "*)
			want_out=$scratch/out.clean ;;
		# show keeps its human layout when piped, unless a format is given.
		" show "*)
			case " $args " in *" --format "*) ;; *) want_out=$scratch/out.clean ;; esac ;;
		esac
	fi
	if cmp -s "$want_out" "$scratch/out.clean" && cmp -s "$want_err" "$scratch/err.clean" &&
	    [ "$status" -eq "$want_status" ]; then
		ok 0 "$name$label: ${width:+COLUMNS=$width }aiatlas $args"
	else
		ok 1 "$name$label: ${width:+COLUMNS=$width }aiatlas $args"
		diag "exit $status, expected $want_status"
		diag "$(diff -u "$want_out" "$scratch/out.clean" | head -n 30)"
		diag "$(diff -u "$want_err" "$scratch/err.clean" | head -n 10)"
	fi
}

for cmd in "$cases"/*.cmd; do
	name=$(basename "$cmd" .cmd)
	golden "$name"
	if [ -n "$french" ]; then
		golden "$name" "$french"
	else
		skip "$name (fr_FR.UTF-8)" "fr_FR.UTF-8 locale is not available"
	fi
done
done_testing
