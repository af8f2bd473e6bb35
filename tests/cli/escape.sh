#!/bin/sh
# No text reaches the terminal raw: escape sequences in data and arguments
# are spelled (\x1b) in the formats meant for a terminal (table, md, the
# explorer, messages) and as JSON does in JSON; CSV and TSV are data, spelled
# on a terminal only. A blob is hex; a text with a NUL is shown whole.
. "$top_srcdir/tests/cli/lib.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')

# expect_out FILE DESCRIPTION: the last run's stdout is exactly FILE.
expect_out() {
	cmp -s "$1" "$scratch/out"
	ok $? "$2"
	cmp -s "$1" "$scratch/out" || diag "stdout: $(od -c "$scratch/out" | head -n 12)"
}

# A summary that sets the terminal's title and clears its screen.
cp -R "$top_srcdir/tests/fixtures" "$scratch/data"
chmod -R u+w "$scratch/data"
awk '/^alpha-labs,/ { sub(/A test company that builds/, "A test\033]0;pwned\007 company\033[2J that builds") }
	{ print }' "$scratch/data/actors.csv" >"$scratch/actors.csv" &&
    mv "$scratch/actors.csv" "$scratch/data/actors.csv"
"$MKDB" -o "$scratch/esc.db" "$scratch/data" >"$scratch/mkdb.out" 2>&1
ok $? "a database whose summary holds escape sequences builds"
A="--db $scratch/esc.db --no-user-db"
spelled='A test\x1b]0;pwned\x07 company\x1b[2J that builds models, in Testonia.'

run $A show alpha-labs --format table
expect_status 0 "show: table"
grep -qF "  summary_en           $spelled" "$scratch/out" && ! grep -q "$ESC" "$scratch/out"
ok $? "show: table: the escapes are spelled, none is written"
run $A show alpha-labs --format md
grep -qF -- "- **summary_en**: $spelled" "$scratch/out" && ! grep -q "$ESC" "$scratch/out"
ok $? "show: md: the escapes are spelled, none is written"
run $A show alpha-labs --format json
grep -qF '"summary_en": "A test\u001b]0;pwned\u0007 company\u001b[2J that builds' "$scratch/out"
ok $? "show: json: the escapes as JSON spells them"
run $A show alpha-labs --format tsv
grep -qF "A test$ESC]0;pwned$BEL company$ESC[2J that builds" "$scratch/out"
ok $? "show: tsv piped: data as it is"
printf '/\npwned\n<Esc>\n:dump %s\n<Enter>\n:dump %s\n' "$scratch/results.txt" \
    "$scratch/record.txt" >"$scratch/esc.keys"
run $A --script "$scratch/esc.keys" --size 100x30
expect_status 0 "the explorer searches and opens the record"
grep -qF 'A test\x1b]0;' "$scratch/results.txt" && grep -qF "$spelled" "$scratch/record.txt" &&
    ! grep -q "$ESC" "$scratch/results.txt" "$scratch/record.txt"
ok $? "the explorer: search results and record view spell the escapes"

# sql: ESC, BEL, a NUL within a text, a blob, a C1 control, in each format.
Q="SELECT 'a'||char(27)||']0;x'||char(7) AS t, 'x'||char(0)||'y' AS nul, x'00ff41' AS b, 'c'||char(155) AS c1"
printf '%s\n' 't              nul     b          c1' \
    '─────────────  ──────  ─────────  ───────' \
    'a\x1b]0;x\x07  x\x00y  x'"'"'00ff41'"'"'  c\u009b' >"$scratch/want.table"
printf '%s\n' '| t | nul | b | c1 |' '| --- | --- | --- | --- |' \
    '| a\x1b]0;x\x07 | x\x00y | x'"'"'00ff41'"'"' | c\u009b |' >"$scratch/want.md"
printf '%s\n' '[' '{"t":"a\u001b]0;x\u0007","nul":"x\u0000y","b":"x'"'"'00ff41'"'"'","c1":"c\u009b"}' \
    ']' >"$scratch/want.json"
printf 't,nul,b,c1\na\033]0;x\007,x\000y,x'"'"'00ff41'"'"',c\302\233\n' >"$scratch/want.csv"
printf 't\tnul\tb\tc1\na\033]0;x\007\tx\000y\tx'"'"'00ff41'"'"'\tc\302\233\n' >"$scratch/want.tsv"
for format in table md json csv tsv; do
	run $A sql --format "$format" "$Q"
	expect_status 0 "sql: $format"
	expect_out "$scratch/want.$format" "sql: $format: the bytes expected"
done

# CSV and TSV on a terminal: spelled as the table spells them.
if have script && script -qec true /dev/null >/dev/null 2>&1; then
	for format in csv tsv; do
		script -qec "\"$AIATLAS\" $A sql --format $format \"$Q\"" /dev/null \
		    >"$scratch/tty.$format" 2>&1
		grep -qF 'a\x1b]0;x\x07' "$scratch/tty.$format" &&
		    grep -qF 'x\x00y' "$scratch/tty.$format" &&
		    grep -qF 'c\u009b' "$scratch/tty.$format" &&
		    ! grep -q "$ESC" "$scratch/tty.$format"
		ok $? "sql: $format on a terminal: control characters spelled"
	done
else
	skip "sql: csv on a terminal" "script(1) is not installed"
	skip "sql: tsv on a terminal" "script(1) is not installed"
fi

# An argument with an escape sequence in an error message.
run $A show "$ESC]0;x$BEL"
expect_status 1 "show: an id with an escape sequence"
expect_err "aiatlas: show: no record '\\x1b]0;x\\x07'; try: aiatlas search \\x1b]0;x\\x07" \
    "show: the id is spelled in the message"
run $A sql "SELECT $ESC[2J"
expect_status 2 "sql: a statement with an escape sequence"
expect_err 'aiatlas: sql: unrecognized token: "\x1b"' "sql: the token is spelled in the message"
run $A list "actors$ESC[31m"
expect_status 2 "list: a kind with an escape sequence"
! grep -q "$ESC" "$scratch/err" && grep -qF 'actors\x1b[31m' "$scratch/err"
ok $? "list: the kind is spelled in the message"
run $A "--x$ESC[2J"
expect_status 2 "an unknown option with an escape sequence"
! grep -q "$ESC" "$scratch/err" && grep -qF -- '--x\x1b[2J' "$scratch/err"
ok $? "the option is spelled in the message"

# A file imported under a name with an escape sequence: the name is spelled.
cp "$top_srcdir/tests/cli/import/sources.csv" "$scratch/s${ESC}[2J.csv"
run --db "$FIXTURE" --user-db "$scratch/esc-user.db" import "$scratch/s${ESC}[2J.csv" --into sources
expect_status 0 "import a file whose name holds an escape sequence"
! grep -q "$ESC" "$scratch/out" && grep -qF 's\x1b[2J.csv: 1 source imported' "$scratch/out"
ok $? "import: the file name is spelled in what it says"

done_testing
