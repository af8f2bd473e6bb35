#!/bin/sh
# Screen tests: key scripts drive the explorer headless over the fixture
# database, the way tig tests its views. Each tests/screen/NAME.keys runs
# with the size of its "# size: COLSxROWS" line (80x24 if none) and the
# locale of its "# locale: NAME" line (C.UTF-8 if none); every screen it
# dumps (:dump NAME-what.txt), and every file it exports (e, to NAME-what.csv
# in its directory, which is also its HOME), is compared with
# tests/screen/expected/; a file the explorer names itself (y's
# aiatlas-record.md, B's aiatlas-brief.md) with expected/NAME-FILE. VISUAL and EDITOR are unset, so a writes notes in
# the explorer's own editor, unless an "# editor: SCRIPT" line names a
# script of tests/screen to run as EDITOR. The time a note was written
# (2026-01-31T12:00:00Z) is compared as DATE.
# UPDATE_GOLDEN=1 rewrites the expected screens.
. "$top_srcdir/tests/cli/lib.sh"

dir=$(cd "$top_srcdir/tests/screen" && pwd)
for keys in "$dir"/*.keys; do
	name=$(basename "$keys" .keys)
	size=$(sed -n 's/^# size: //p' "$keys")
	locale=$(sed -n 's/^# locale: //p' "$keys")
	editor=$(sed -n 's/^# editor: //p' "$keys")
	# A locale the system lacks (fr_FR.UTF-8 without Debian's locales): skipped.
	case $locale in
	"" | C | C.UTF-8 | POSIX) ;;
	*)
		if ! locale -a 2>/dev/null | sed 's/utf8$/UTF-8/I' | grep -qix "$locale"; then
			skip "$name" "the $locale locale is not available"
			continue
		fi
		;;
	esac
	mkdir "$scratch/$name"
	(cd "$scratch/$name" && HOME="$scratch/$name" LC_ALL="${locale:-C.UTF-8}" VISUAL= \
	    EDITOR="${editor:+$dir/$editor}" "$AIATLAS" --db "$FIXTURE" \
	    --user-db "$scratch/$name.user.db" --script "$keys" --size "${size:-80x24}" \
	    >"$scratch/$name.out" 2>&1)
	ok $? "$name: the script runs"
	[ -s "$scratch/$name.out" ] && diag "$(cat "$scratch/$name.out")"
	for got in "$scratch/$name"/*; do
		[ -e "$got" ] || continue
		screen=$(basename "$got")
		case $screen in
		"$name"-*) ;;
		*) screen=$name-$screen ;;
		esac
		sed 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z/DATE/g' \
		    "$got" >"$got.tmp" && mv "$got.tmp" "$got"
		if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
			cp "$got" "$dir/expected/$screen"
		fi
		cmp -s "$dir/expected/$screen" "$got"
		ok $? "$name: $screen"
		cmp -s "$dir/expected/$screen" "$got" ||
			diag "$(diff -u "$dir/expected/$screen" "$got" | head -n 40)"
	done
	for want in "$dir/expected/$name"-*; do
		[ -e "$want" ] || continue
		screen=$(basename "$want")
		[ -e "$scratch/$name/$screen" ] || [ -e "$scratch/$name/${screen#"$name"-}" ]
		ok $? "$name: $(basename "$want") was dumped"
	done
done
done_testing
