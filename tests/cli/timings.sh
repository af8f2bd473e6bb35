#!/bin/sh
# --timings: the headless explorer writes how long each key of its script
# took, from reading it to the end of the redraw, one line per key after
# a first line for the first screen; what each key was typed to is named.
# Without a script, in a terminal, it times the first screen only
# (tests/tmux/timings.sh).
. "$top_srcdir/tests/cli/lib.sh"

A="--db $FIXTURE --no-user-db"
printf '/alp<Esc>\nG\n:dump %s\n' "$scratch/screen.txt" >"$scratch/keys"
run $A --script "$scratch/keys" --timings "$scratch/t"
expect_status 0 "a script with --timings"
[ "$(cut -f2,3 "$scratch/t" | tr '\t\n' ' /')" = \
    "start -/key //search a/search l/search p/search Esc/key G/command dump $scratch/screen.txt/" ]
ok $? "one line for the first screen, then one per key and command, named"
[ "$(awk -F '\t' '$1 ~ /^[0-9]+\.[0-9][0-9][0-9]$/ && $1 + 0 < 60000' "$scratch/t" | wc -l)" -eq 8 ]
ok $? "each line starts with milliseconds"
[ -s "$scratch/screen.txt" ]
ok $? "the script runs as without --timings"

run $A --timings "$scratch/t2" </dev/null
expect_status 2 "--timings without --script and without a terminal"
expect_err "aiatlas: the explorer needs a terminal; use the commands instead (aiatlas --help)" \
    "--timings without --script: the explorer, which needs a terminal (tests/tmux/timings.sh)"
[ ! -e "$scratch/t2" ]
ok $? "--timings without a terminal: no file is made"

run $A list actors --timings "$scratch/t2"
expect_status 2 "--timings with a command"
expect_err "aiatlas: --timings is an option of the explorer, not of 'list'" "--timings with a command"

run $A --script "$scratch/keys" --timings "$scratch/none/t"
expect_status 2 "--timings into a directory that does not exist"
expect_err "aiatlas: $scratch/none/t: No such file or directory" "--timings into a missing directory"

done_testing
