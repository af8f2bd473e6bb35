#!/bin/sh
# aiatlas check on damaged copies of the fixture: each rule finds its
# problem, names the record, and the check fails with exit 2.
. "$top_srcdir/tests/cli/lib.sh"

# broken NAME SQL EXPECTED DESCRIPTION: damage a copy with SQL (constraints
# off, as a database made elsewhere might be), then expect the problem.
broken() {
	if ! have sqlite3; then
		skip "$4: the check fails" "sqlite3 is not installed"
		skip "$4: it says '$3'" "sqlite3 is not installed"
		return
	fi
	cp "$FIXTURE" "$scratch/$1.db"
	sqlite3 "$scratch/$1.db" "PRAGMA ignore_check_constraints = 1; $2" || exit 99
	run --db "$scratch/$1.db" check --format tsv
	[ "$status" -eq 2 ]
	ok $? "$4: the check fails"
	grep -qF -- "$3" "$scratch/err"
	ok $? "$4: it says '$3'"
	grep -qF -- "$3" "$scratch/err" || diag "$(cat "$scratch/err")"
}

run --db "$FIXTURE" check --format tsv
expect_status 0 "the fixture passes every check"
expect_out_has "records cited by a primary source" "the counts include primary-source citations"
expect_out_has "disagreements (contradicting citations)	1" "and disagreements"

broken uncited "DELETE FROM citation WHERE subject_id = 'beta-bank'" \
    "beta-bank: the actor has no citation" "a record without citation"
broken nosource "PRAGMA foreign_keys = OFF; UPDATE citation SET source_id = 'nowhere' WHERE subject_id = 'beta-bank'" \
    "citation: a row's source_id points to no source" "a citation of a missing source"
broken norecord "PRAGMA foreign_keys = OFF; INSERT INTO citation (subject_id, source_id) VALUES ('ghost', 'fixture-news')" \
    "citation: a row's subject_id points to no record" "a citation of a missing record"
broken field "INSERT INTO citation (subject_id, source_id, field) VALUES ('beta-bank', 'fixture-stats', 'colour')" \
    "beta-bank: cited for 'colour', which is not a column of actor" "a citation of no column"
broken duplicate "DROP TRIGGER actor_record_insert; INSERT INTO actor (id, name, name_fr, kind, summary_en, summary_fr) VALUES ('fixture-news', 'X', 'X', 'company', 'x', 'x')" \
    "fixture-news: the id is used by 2 records" "an id used twice"
broken date "UPDATE event SET date = '2025-02-30' WHERE id = 'ev-2025-02-10-test-summit'" \
    "ev-2025-02-10-test-summit: date '2025-02-30' is not a date" "an impossible date"
broken amount "UPDATE funding SET amount = -5 WHERE id = 'alpha-series-b-2025'" \
    "alpha-series-b-2025: an amount of -5.0 is not above zero" "a negative amount"
broken currency "UPDATE funding SET currency = 'CHF' WHERE id = 'alpha-series-b-2025'" \
    "alpha-series-b-2025: no fx_rate for CHF in 2025" "a currency without a rate"
broken nesting "UPDATE funding SET amount = 90e9 WHERE id = 'gamma-pledge-2025'" \
    "testonia-plan-2025: its parts add up to EUR" "parts above their whole"
broken language "UPDATE actor SET summary_fr = '' WHERE id = 'gamma-fund'" \
    "gamma-fund: summary_fr is empty" "a missing French summary"
broken loop "UPDATE funding SET parent_id = 'gamma-pledge-2025' WHERE id = 'testonia-plan-2025'" \
    "its parent_id chain loops back to it" "a loop of parents"

done_testing
