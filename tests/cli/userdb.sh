#!/bin/sh
# Saved filters in the user database: they survive a restart; a failure
# leaves the user database as it was.
. "$top_srcdir/tests/cli/lib.sh"

udb="$scratch/deep/dir/user.db"
printf 'f\nkind:company\n<Enter>\n:save-filter companies\n' >"$scratch/save.keys"
printf ':filter companies\n:dump %s\n' "$scratch/restored.txt" >"$scratch/restore.keys"

run --db "$FIXTURE" --user-db "$udb" --script "$scratch/save.keys"
expect_status 0 "f then :save-filter saves the tab's filter"
[ -f "$udb" ]
ok $? "the user database is made, with its directories"

run --db "$FIXTURE" --user-db "$udb" --script "$scratch/restore.keys"
expect_status 0 ":filter NAME in a new run"
grep -q "filter: kind:company" "$scratch/restored.txt"
ok $? "the saved filter survives a restart and applies to its tab"
grep -q "Gamma Holding" "$scratch/restored.txt" && ! grep -q "Beta Bank" "$scratch/restored.txt"
ok $? "the list shows what the filter keeps, and only that"

before=$(cksum <"$udb")
printf ':save-filter nothing-here\n' >"$scratch/nofilter.keys"
run --db "$FIXTURE" --user-db "$udb" --script "$scratch/nofilter.keys"
expect_status 2 ":save-filter with no filter"
expect_err "aiatlas: $scratch/nofilter.keys:1: no filter to save here: f filters a tab's list" ":save-filter with no filter"
[ "$(cksum <"$udb")" = "$before" ]
ok $? "a failed save leaves the user database unchanged"

run --db "$FIXTURE" --user-db "$scratch/fresh.db" --script "$scratch/nofilter.keys"
[ ! -e "$scratch/fresh.db" ]
ok $? "a failed save makes no user database"

printf ':filter nope\n' >"$scratch/nope.keys"
run --db "$FIXTURE" --user-db "$udb" --script "$scratch/nope.keys"
expect_status 2 ":filter of an unknown name"
expect_err "aiatlas: $scratch/nope.keys:1: no saved filter 'nope'" ":filter of an unknown name"

printf 'f\nkind:company\n<Enter>\n:save-filter bad name!\n' >"$scratch/badname.keys"
run --db "$FIXTURE" --user-db "$udb" --script "$scratch/badname.keys"
expect_status 2 "a name with spaces"

run --db "$FIXTURE" --no-user-db --script "$scratch/save.keys"
expect_status 2 "--no-user-db keeps nothing"
expect_err "aiatlas: $scratch/save.keys:4: cannot save: --no-user-db was given" "--no-user-db keeps nothing"
run --db "$FIXTURE" --no-user-db --script "$scratch/restore.keys"
expect_status 2 "--no-user-db reads nothing"
expect_err "aiatlas: $scratch/restore.keys:1: cannot read saved filters: --no-user-db was given" "--no-user-db reads nothing"

# Without HOME or XDG_DATA_HOME there is no default place: saying so, and
# what to do instead.
env -u HOME -u XDG_DATA_HOME "$AIATLAS" --db "$FIXTURE" --script "$scratch/save.keys" \
    >"$scratch/out" 2>"$scratch/err"
status=$?
expect_status 2 "no HOME: nowhere to save"
expect_err "aiatlas: $scratch/save.keys:4: cannot save: neither XDG_DATA_HOME nor HOME is set; use --user-db FILE" "no HOME: nowhere to save"
rm -f "$scratch/restored.txt"
env -u HOME -u XDG_DATA_HOME "$AIATLAS" --db "$FIXTURE" --user-db "$udb" \
    --script "$scratch/restore.keys" >"$scratch/out" 2>"$scratch/err"
status=$?
expect_status 0 "no HOME, but --user-db FILE"
grep -q "filter: kind:company" "$scratch/restored.txt"
ok $? "no HOME, but --user-db FILE: the saved filter applies"

XDG_DATA_HOME="$scratch/xdg" run --db "$FIXTURE" --script "$scratch/save.keys"
[ -f "$scratch/xdg/aiatlas/user.db" ]
ok $? "by default the user database is under XDG_DATA_HOME"

done_testing
