#!/bin/sh
# The translations: every source file with messages is in po/POTFILES.in,
# and each catalogue of po/LINGUAS, brought up to date with the messages
# the sources have now (xgettext, msgmerge), has every one translated, none
# fuzzy, and passes msgfmt --check (format directives, plural forms,
# header). Skipped, with the reason, without the gettext tools.
. "$top_srcdir/tests/cli/lib.sh"

for tool in xgettext msgmerge msgfmt; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is missing (Debian: apt-get install gettext; ./bootstrap does it)"
		exit 0
	fi
done

po=$top_srcdir/po
# Every source file that marks a message is listed.
missing=$(cd "$top_srcdir" && grep -l '\<_("\|\<N_("\|\<ngettext(' src/*.c src/*.h |
	grep -v '^src/i18n\.h$' | while read -r f; do
		grep -qx "$f" po/POTFILES.in || echo "$f"
	done)
ok "$([ -z "$missing" ]; echo $?)" "po/POTFILES.in lists every source file with messages"
[ -z "$missing" ] || diag "not listed: $missing"

# The messages the sources have now.
sed -e 's/#.*//' -e '/^[ 	]*$/d' "$po/POTFILES.in" >"$scratch/files"
(cd "$top_srcdir" && xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 \
	--add-comments=TRANSLATORS: --files-from="$scratch/files" -o "$scratch/aiatlas.pot") \
	2>"$scratch/xgettext.err"
ok $? "xgettext reads the sources"

for lang in $(sed -e 's/#.*//' "$po/LINGUAS"); do
	msgmerge --quiet --no-fuzzy-matching -o "$scratch/$lang.po" "$po/$lang.po" \
	    "$scratch/aiatlas.pot" 2>"$scratch/msgmerge.err"
	ok $? "$lang.po merges with the sources' messages"
	status=0
	LC_ALL=C msgfmt --check --statistics -o /dev/null "$po/$lang.po" \
	    >"$scratch/msgfmt.out" 2>&1 || status=1
	ok $status "msgfmt --check accepts $lang.po"
	[ $status -eq 0 ] || diag "$(cat "$scratch/msgfmt.out")"
	LC_ALL=C msgfmt --statistics -o /dev/null "$scratch/$lang.po" >"$scratch/stats" 2>&1
	stats=$(cat "$scratch/stats")
	case $stats in
	*untranslated* | *fuzzy*) status=1 ;;
	*" translated message"*) status=0 ;;
	*) status=1 ;;
	esac
	ok $status "$lang.po translates every message of the sources, none fuzzy"
	if [ $status -ne 0 ]; then
		diag "$stats"
		diag "$(msgattrib --untranslated "$scratch/$lang.po" 2>/dev/null | grep '^msgid' | head -n 20)"
		diag "$(msgattrib --only-fuzzy "$scratch/$lang.po" 2>/dev/null | grep '^msgid' | head -n 20)"
	fi
done
done_testing
