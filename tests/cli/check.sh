#!/bin/sh
# aiatlas check on damaged copies of the fixture: each rule finds its
# problem, names the record, and the check fails with exit 2.
. "$top_srcdir/tests/cli/lib.sh"

# The tables of the schema, as "actor|funding|...".
tables=$(have sqlite3 &&
    sqlite3 "$FIXTURE" "SELECT group_concat(name, '|') FROM sqlite_master WHERE type = 'table'")

# broken NAME SQL EXPECTED DESCRIPTION: damage a copy with SQL (constraints
# off, as a database made elsewhere might be), then expect the problem, and
# every problem to read "TABLE ROW: COLUMN: what is wrong".
broken() {
	if ! have sqlite3; then
		skip "$4: the check fails" "sqlite3 is not installed"
		skip "$4: it says '$3'" "sqlite3 is not installed"
		skip "$4: each problem names its table, row and column" "sqlite3 is not installed"
		return
	fi
	cp "$FIXTURE" "$scratch/$1.db"
	"$DBEDIT" "$scratch/$1.db" "PRAGMA ignore_check_constraints = 1; $2" || exit 99
	run --db "$scratch/$1.db" check --format tsv
	[ "$status" -eq 2 ]
	ok $? "$4: the check fails"
	grep -qF -- "$3" "$scratch/err"
	ok $? "$4: it says '$3'"
	grep -qF -- "$3" "$scratch/err" || diag "$(cat "$scratch/err")"
	sed -n "s|^aiatlas: check: $scratch/$1.db: ||p" "$scratch/err" >"$scratch/problems"
	[ -s "$scratch/problems" ] && ! grep -vE "^($tables) [^ ]+: [a-z_0-9]+: " "$scratch/problems"
	ok $? "$4: each problem names its table, row and column"
}

run --db "$FIXTURE" check --format tsv
expect_status 0 "the fixture passes every check"
expect_out_has "records cited by a primary source" "the counts include primary-source citations"
expect_out_has "disagreements (contradicting citations)	2" "and disagreements"

broken uncited "DELETE FROM citation WHERE subject_id = 'beta-bank'" \
    "actor beta-bank: id: no citation names it" "a record without citation"
broken nosource "PRAGMA foreign_keys = OFF; UPDATE citation SET source_id = 'nowhere' WHERE subject_id = 'beta-bank'" \
    "citation beta-bank/nowhere/*: source_id: points to no source" "a citation of a missing source"
broken norecord "PRAGMA foreign_keys = OFF; INSERT INTO citation (subject_id, source_id) VALUES ('ghost', 'fixture-news')" \
    "citation ghost/fixture-news/*: subject_id: points to no record" "a citation of a missing record"
broken nocountry "PRAGMA foreign_keys = OFF; UPDATE actor SET country = 'FRA' WHERE id = 'beta-bank'" \
    "actor beta-bank: country: points to no country" "a record's reference to nothing"
broken noactor "PRAGMA foreign_keys = OFF; UPDATE funding_party SET actor_id = 'nobody' WHERE funding_id = 'alpha-series-b-2025' AND role = 'lead'" \
    "funding_party alpha-series-b-2025/nobody/lead: actor_id: points to no actor" "a funding party that is no actor"
broken field "INSERT INTO citation (subject_id, source_id, field) VALUES ('beta-bank', 'fixture-stats', 'colour')" \
    "citation beta-bank/fixture-stats/colour: field: 'colour' is not a column of actor" "a citation of no column"
broken claimfield "INSERT INTO claim (subject_id, field, value, source_id, note_en, note_fr) VALUES ('beta-bank', 'colour', 'red', 'fixture-news', 'Red.', 'Rouge.')" \
    "claim beta-bank/colour/fixture-news: field: 'colour' is not a column of actor" "a claim of no column"
broken claimsource "PRAGMA foreign_keys = OFF; UPDATE claim SET source_id = 'nowhere' WHERE subject_id = 'delta-range-2025' AND rank = 'normal'" \
    "claim delta-range-2025/amount/nowhere: source_id: points to no source" "a claim of a missing source"
broken duplicate "DROP TRIGGER actor_record_insert; INSERT INTO actor (id, name, name_fr, kind, summary_en, summary_fr) VALUES ('fixture-news', 'X', 'X', 'company', 'x', 'x')" \
    "actor fixture-news: id: also the id of a row of source" "an id used twice"
broken unregistered "DELETE FROM record WHERE id = 'beta-bank'" \
    "actor beta-bank: id: missing from the record registry" "a record missing from the registry"
broken registered "INSERT INTO record VALUES ('ghost', 'actor')" \
    "record ghost: kind: no actor has this id" "a registered record that does not exist"
broken date "UPDATE event SET date = '2025-02-30' WHERE id = 'ev-2025-02-10-test-summit'" \
    "event ev-2025-02-10-test-summit: date: '2025-02-30' is not a date" "an impossible date"
broken since "UPDATE bloc_member SET since = '2025-13' WHERE bloc_id = 'test-union' AND iso3 = 'XTA'" \
    "bloc_member test-union/XTA: since: '2025-13' is not a date" "an impossible month"
broken amount "UPDATE funding SET amount = -5 WHERE id = 'alpha-series-b-2025'" \
    "funding alpha-series-b-2025: amount: -5.0 is not above zero" "a negative amount"
broken range "UPDATE funding SET amount_high = 10e9 WHERE id = 'delta-range-2025'" \
    "funding delta-range-2025: amount_high: 10000000000.0 is below amount_low 20000000000.0" \
    "a range upside down"
broken share "UPDATE funding_party SET amount = -1 WHERE funding_id = 'alpha-series-b-2025' AND role = 'lead'" \
    "funding_party alpha-series-b-2025/beta-bank/lead: amount: -1.0 is not above zero" \
    "a negative share"
broken currency "UPDATE funding SET currency = 'CHF' WHERE id = 'alpha-series-b-2025'" \
    "funding alpha-series-b-2025: currency: no fx_rate for CHF in 2025" "a currency without a rate"
broken rates "UPDATE funding SET currency = 'CHF' WHERE id = 'alpha-series-b-2025'" \
    "funding alpha-series-b-2025: currency: CHF is not a currency of the rates" \
    "a currency of none of the rates"
broken nesting "UPDATE funding SET amount = 90e9 WHERE id = 'gamma-pledge-2025'" \
    "funding testonia-plan-2025: amount: its parts add up to EUR" "parts above their whole"
broken sovereign "UPDATE funding SET kind = 'sovereign_investment' WHERE id = 'gamma-pledge-2025'" \
    "funding gamma-pledge-2025: nature: private, but a sovereign investment is a state's money (public)" \
    "a state's investment said to be private"
broken programme "UPDATE funding SET nature = 'private' WHERE id = 'test-union-chips-2025'" \
    "funding test-union-chips-2025: nature: private, but a public programme is a public body's (public or mixed)" \
    "a public programme said to be private"
broken commitment "UPDATE funding SET nature = 'public' WHERE id = 'delta-range-2025'" \
    "funding delta-range-2025: nature: public, but a private commitment is companies' or investors' money (private or mixed)" \
    "a private commitment said to be public"
broken publicparent "UPDATE funding SET nature = 'public' WHERE id = 'testonia-plan-2025'" \
    "funding gamma-pledge-2025: nature: private, but it is part of testonia-plan-2025, which is public money" \
    "private money inside a public whole"
broken badnature "UPDATE funding SET nature = 'state' WHERE id = 'alpha-series-b-2025'" \
    "funding alpha-series-b-2025: nature: 'state' is not public, private or mixed" \
    "a nature the schema does not know"
broken baddomain "UPDATE funding SET domain = 'chips' WHERE id = 'alpha-series-b-2025'" \
    "funding alpha-series-b-2025: domain: 'chips' is not ai, compute, semiconductors or general" \
    "a domain the schema does not know"
broken horizon "UPDATE funding SET horizon_end = '2031-06' WHERE id = 'delta-range-2025'" \
    "funding delta-range-2025: horizon_end: 2031-06, after 2030, the horizon of testonia-plan-2025, which it is part of" \
    "a part spent after its whole"
broken language "UPDATE actor SET summary_fr = '' WHERE id = 'gamma-fund'" \
    "actor gamma-fund: summary_fr: empty" "a missing French summary"
broken loop "UPDATE funding SET parent_id = 'gamma-pledge-2025' WHERE id = 'testonia-plan-2025'" \
    "funding testonia-plan-2025: parent_id: its chain of parents loops back to it" "a loop of parents"
broken unclaimed "DELETE FROM claim WHERE subject_id = 'alpha-series-b-2025'" \
    "citation alpha-series-b-2025/fixture-news/amount: stance: contradicts amount, but no claim gives the values of amount" \
    "a disagreement without claims"
broken wholecontra "INSERT INTO citation (subject_id, source_id, field, stance) VALUES ('gamma-pledge-2025', 'fixture-stats', '*', 'contradicts')" \
    "citation gamma-pledge-2025/fixture-stats/*: field: a contradicting citation names the field it disputes, not *" \
    "a disagreement with a whole record"
broken twopreferred "UPDATE claim SET rank = 'preferred' WHERE subject_id = 'alpha-series-b-2025'" \
    "claim alpha-series-b-2025/amount: rank: disputed, with 2 preferred claims (give exactly one)" \
    "two preferred claims"
broken nopreferred "UPDATE claim SET rank = 'normal' WHERE subject_id = 'delta-range-2025'" \
    "claim delta-range-2025/amount: rank: disputed, with 0 preferred claims (give exactly one)" \
    "a disputed field without a preferred claim"
broken notheld "UPDATE funding SET amount = 1.2e9 WHERE id = 'alpha-series-b-2025'" \
    "funding alpha-series-b-2025: amount: holds '1200000000.0', but its preferred claim (fixture-release) gives '1000000000'" \
    "a column that is not its preferred claim"
broken rangenotheld "UPDATE funding SET amount_low = 25e9 WHERE id = 'delta-range-2025'" \
    "funding delta-range-2025: amount: holds '25000000000..30000000000', but its preferred claim (seed-test-article) gives '20000000000..30000000000'" \
    "a range that is not its preferred claim"
broken lowerclass "UPDATE claim SET rank = iif(rank = 'preferred', 'normal', 'preferred') WHERE subject_id = 'alpha-series-b-2025'; UPDATE funding SET amount = 1.2e9 WHERE id = 'alpha-series-b-2025'" \
    "claim alpha-series-b-2025/amount/fixture-news: rank: preferred, but fixture-release is a source of a higher class" \
    "the press preferred over an official source"
broken uncovered "UPDATE claim SET value = '35000000000' WHERE subject_id = 'delta-range-2025' AND rank = 'normal'" \
    "claim delta-range-2025/amount/seed-test-article: rank: preferred, but fixture-news is a source of a higher class (official, then press, then the articles and opinion) and this value is no range covering its 35000000000" \
    "an article's range that does not cover the press"
broken superseded "UPDATE source SET published_on = '2025-10-01' WHERE id = 'fixture-gazette'; INSERT INTO claim (subject_id, field, value, source_id, note_en, note_fr) VALUES ('alpha-series-b-2025', 'amount', '1.1e9', 'fixture-gazette', 'Later.', 'Plus tard.')" \
    "claim alpha-series-b-2025/amount/fixture-release: rank: preferred, but fixture-gazette is a later official source (2025-10-01, after 2025-09-09)" \
    "an official source preferred over a later one"
broken confidence "UPDATE funding SET confidence = 'confirmed' WHERE id = 'delta-range-2025'" \
    "funding delta-range-2025: confidence: 'confirmed', but its citations and claims make it 'speculative'" \
    "a confidence typed by hand"
done_testing
