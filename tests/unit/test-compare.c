/* Unit tests of comparisons over the fixture: the scope (period, domains,
 * top-level items, members apart), the rows that answer "how much, per
 * head, per year", one place whatever stands for it, and funding items.
 * Every figure below is worked out by hand from the CSV files of
 * tests/fixtures: Testonia (XTA, 10M people, $500bn GDP) has a €50bn plan
 * (mixed, compute, 2025 to 2030) holding a $10bn pledge and a €20–30bn
 * campus, Alpha Labs' €1bn round (mixed, ai, 2025, no horizon) and €2bn of
 * grants (public, ai, 2024 to 2027); the Test Union (XTU's 60M people,
 * its one present member Testonia) has €8bn of its own for chips
 * (semiconductors, 2025); the United States of Test (XTB, 50M people, $2T)
 * has none; the dollar is 1.13 per euro in 2025, 1.0824 in 2024. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "db.h"
#include "load.h"
#include "tap.h"
#include "fixture.h"
#include "xmalloc.h"

/* Run SQL that changes the fixture in memory, or stop. */
static void
change(sqlite3 *db, const char *sql)
{
	char *cause = NULL;

	if (db_exec(db, sql, &cause) != 0)
		bail_out("%s: %s", sql, cause);
}

/* Add a top-level funding item in memory: id, nature, domain, amount in
 * euros, announced, horizon (or NULL), country (or NULL), bloc (or NULL). */
static void
add_item(sqlite3 *db, const char *id, const char *nature, const char *domain, double amount,
    const char *announced, const char *horizon, const char *country, const char *bloc)
{
	char *sql = xasprintf("INSERT INTO funding (id, title_en, title_fr, kind, nature, domain,"
	    " status, currency, amount, announced_on, horizon_end, country, bloc_id, summary_en,"
	    " summary_fr) VALUES ('%s', '%s', '%s', 'grant', '%s', '%s', 'announced', 'EUR', %.0f,"
	    " '%s', %s%s%s, %s%s%s, %s%s%s, 'A test item.', 'Un essai.')", id, id, id, nature,
	    domain, amount, announced, horizon ? "'" : "", horizon ? horizon : "NULL",
	    horizon ? "'" : "", country ? "'" : "", country ? country : "NULL", country ? "'" : "",
	    bloc ? "'" : "", bloc ? bloc : "NULL", bloc ? "'" : "");

	change(db, sql);
	free(sql);
}

/* The row of a comparison with that label, or NULL. */
static const struct compare_row *
row_of(const struct compare *c, const char *label)
{
	int i;

	for (i = 0; i < c->nrows; i++) {
		if (strcmp(c->rows[i].label, label) == 0)
			return &c->rows[i];
	}
	return NULL;
}

/* Expect the text of a cell. */
static void
cell_is(const struct compare *c, const char *label, int i, const char *want)
{
	const struct compare_row *r = row_of(c, label);

	is_str(r != NULL ? r->text[i] : NULL, want, "%s: %s reads %s", c->id[i], label, want);
}

/* Expect the text and number of a cell (to the cent). */
static void
cell_value(const struct compare *c, const char *label, int i, const char *want, double value)
{
	const struct compare_row *r = row_of(c, label);
	int pass = r != NULL && r->has_value[i] && fabs(r->value[i] - value) < 0.005;

	cell_is(c, label, i, want);
	ok(pass, "%s: %s is %.2f", c->id[i], label, value);
	if (!pass && r != NULL)
		diag("got %.4f", r->value[i]);
}

/* Expect a cell without a number (shown as a dash). */
static void
cell_none(const struct compare *c, const char *label, int i)
{
	const struct compare_row *r = row_of(c, label);

	cell_is(c, label, i, "–");
	ok(r != NULL && !r->has_value[i], "%s: %s has no number", c->id[i], label);
}

/* Compare ids within a scope (NULL: the default), or stop. */
static struct compare *
compare(sqlite3 *db, const struct compare_scope *s, int n, ...)
{
	char *ids[COMPARE_MAX], *cause = NULL;
	struct compare *c;
	va_list ap;
	int i;

	va_start(ap, n);
	for (i = 0; i < n; i++)
		ids[i] = va_arg(ap, char *);
	va_end(ap);
	if ((c = compare_build(db, "en", ids, n, s, &cause)) == NULL)
		bail_out("compare: %s", cause);
	return c;
}

/* The default scope: 2025, the latest year with funding; ai and compute;
 * the plan and the round added, the pledge and campus inside the plan
 * not, the 2024 grants left out. */
static void
test_default(sqlite3 *db)
{
	struct compare *c = compare(db, NULL, 2, "XTA", "USoT");

	is_int(c->n, 2, "two records");
	is_str(c->id[1], "XTB", "an alias finds its record");
	is_str(c->name[1], "United States of Test", "XTB's name");
	ok(c->scope.from == 2025 && c->scope.to == 2025, "the period is 2025, the latest year");
	ok(c->scope.domains == (COMPARE_AI | COMPARE_COMPUTE), "the domains are ai and compute");
	is_str(c->scope_text, "scope: 2025 · ai, compute · top-level items only · members apart",
	    "the scope as people read it");
	cell_is(c, "kind", 0, "country");
	cell_value(c, "items added", 0, "2", 2);
	cell_is(c, "left out", 0, "1 left out: 1 before 2025");
	cell_is(c, "headline item", 0, "Testonia's €50bn plan");
	is_str(row_of(c, "headline item")->link[0], "testonia-plan-2025", "the headline's link");
	cell_is(c, "headline amount", 0, "€50bn");
	is_str(row_of(c, "headline amount")->plain[0], "50000000000 EUR",
	    "the headline amount for data: a plain number and its currency");
	cell_value(c, "headline, €", 0, "€50bn", 50e9);
	/* 50e9 × 1.13 */
	cell_value(c, "headline, $", 0, "$56.5bn", 56.5e9);
	/* 50e9 / 10e6 and 56.5e9 / 10e6 */
	cell_value(c, "headline/head, €", 0, "€5,000", 5000);
	cell_value(c, "headline/head, $", 0, "$5,650", 5650);
	/* €50bn + €1bn; 50e9 × 1.13 + 1e9 × 1.13 */
	cell_value(c, "total, €", 0, "€51bn", 51e9);
	cell_value(c, "total, $", 0, "$57.63bn", 57.63e9);
	cell_none(c, "of which public", 0);
	cell_none(c, "of which private", 0);
	cell_value(c, "of which mixed", 0, "€51bn", 51e9);
	cell_value(c, "of which announced", 0, "€50bn", 50e9);
	cell_value(c, "of which committed", 0, "€1bn", 1e9);
	cell_none(c, "of which disbursed", 0);
	/* 51e9 / 10e6; 57.63e9 / 10e6 */
	cell_value(c, "per head, €", 0, "€5,100", 5100);
	cell_value(c, "per head, $", 0, "$5,763", 5763);
	/* The plan over 2025–2030, 5 years: 10e9 a year; the round without
	 * horizon, one year: 1e9. 11e9 / 10e6 = €1,100. In dollars
	 * 11.3e9 + 1.13e9 = 12.43e9, of $500bn: 2.486%. */
	cell_value(c, "per head/year, €", 0, "€1,100", 1100);
	cell_value(c, "GDP share/year", 0, "2.5%", 2.486);
	cell_is(c, "years used", 0, "€50bn: 2025–2030, 5 years; €1bn: no horizon, counted as 1 year");
	cell_is(c, "rates used", 0, "USD 1.13 per € (2025)");
	cell_value(c, "population", 0, "10M people", 10e6);
	cell_value(c, "GDP", 0, "$500bn", 500e9);
	/* Testonia's GDP has its own source: both are named. */
	cell_is(c, "pop. and GDP from", 0,
	    "population: Test statistics, 2024; GDP: Testonia Official Gazette, 2024");
	ok(row_of(c, "members: items") == NULL, "no bloc compared: no members' rows");

	cell_value(c, "items added", 1, "0", 0);
	cell_none(c, "total, €", 1);
	cell_none(c, "per head/year, €", 1);
	cell_none(c, "GDP share/year", 1);
	cell_is(c, "headline item", 1, "–");
	cell_is(c, "rates used", 1, "–");
	cell_value(c, "population", 1, "50M people", 50e6);
	compare_free(c);
}

/* Periods and domains: the fixture's 2024 grants, and a 2025
 * semiconductors item of Testonia in memory. */
static void
test_period_domains(sqlite3 *db)
{
	struct compare_scope s = { 0 };
	struct compare *c;

	add_item(db, "xta-chips-2025", "mixed", "semiconductors", 5e9, "2025-03", NULL, "XTA", NULL);

	c = compare(db, NULL, 2, "XTA", "XTB");
	is_str(c->scope_text, "scope: 2025 · ai, compute · top-level items only · members apart",
	    "still 2025");
	cell_value(c, "items added", 0, "2", 2);
	cell_is(c, "left out", 0, "2 left out: 1 semiconductors, 1 before 2025");
	cell_value(c, "total, €", 0, "€51bn", 51e9);
	compare_free(c);

	/* Every domain: the chips too, €5bn, one year. */
	s.domains = COMPARE_DOMAINS_ALL;
	c = compare(db, &s, 2, "XTA", "XTB");
	is_str(c->scope_text, "scope: 2025 · ai, compute, semiconductors, general · top-level items"
	    " only · members apart", "every domain");
	cell_value(c, "items added", 0, "3", 3);
	cell_is(c, "left out", 0, "1 left out: 1 before 2025");
	cell_value(c, "total, €", 0, "€56bn", 56e9);
	/* 10e9 + 5e9 + 1e9 a year: 16e9 / 10e6 */
	cell_value(c, "per head/year, €", 0, "€1,600", 1600);
	compare_free(c);

	/* 2024 to 2025, ai and compute: the grants too, €2bn over 2024–2027,
	 * 3 years. Dollars: 2e9 × 1.0824 = 2.1648e9, + 57.63e9 = 59.7948e9.
	 * A year: 10e9 + 2e9 / 3 + 1e9 = 11.667e9, €1,166.67 a head. */
	s.domains = 0;
	s.from = 2024;
	s.to = 2025;
	c = compare(db, &s, 2, "XTA", "XTB");
	is_str(c->scope_text, "scope: 2024–2025 · ai, compute · top-level items only · members apart",
	    "a period of two years");
	cell_value(c, "items added", 0, "3", 3);
	cell_is(c, "left out", 0, "1 left out: 1 semiconductors");
	cell_value(c, "total, €", 0, "€53bn", 53e9);
	cell_value(c, "total, $", 0, "$59.79bn", 59.7948e9);
	cell_value(c, "of which public", 0, "€2bn", 2e9);
	cell_value(c, "of which disbursed", 0, "€2bn", 2e9);
	cell_value(c, "per head/year, €", 0, "€1,167", 1166.67);
	cell_is(c, "years used", 0, "€50bn: 2025–2030, 5 years; €2bn: 2024–2027, 3 years; "
	    "€1bn: no horizon, counted as 1 year");
	cell_is(c, "rates used", 0, "USD 1.13 per € (2025); USD 1.0824 per € (2024)");
	compare_free(c);

	/* 2024 alone. */
	s.from = s.to = 2024;
	c = compare(db, &s, 2, "XTA", "XTB");
	cell_value(c, "items added", 0, "1", 1);
	cell_is(c, "left out", 0, "3 left out: 1 semiconductors, 2 after 2024");
	cell_value(c, "total, €", 0, "€2bn", 2e9);
	cell_is(c, "rates used", 0, "USD 1.0824 per € (2024)");
	compare_free(c);

	/* The latest year of any place compared: XTB's 2026 item makes the
	 * period 2026, when Testonia has nothing. */
	add_item(db, "xtb-later-2026", "private", "ai", 3e9, "2026", NULL, "XTB", NULL);
	c = compare(db, NULL, 2, "XTA", "XTB");
	ok(c->scope.from == 2026 && c->scope.to == 2026, "the latest year of either place");
	cell_value(c, "items added", 0, "0", 0);
	cell_none(c, "total, €", 0);
	cell_value(c, "items added", 1, "1", 1);
	/* 3e9 / 50e6 */
	cell_value(c, "per head, €", 1, "€60", 60);
	compare_free(c);
	change(db, "DELETE FROM funding WHERE id IN ('xta-chips-2025', 'xtb-later-2026')");
}

/* Nesting: a part never adds to its parent's total, and a part whose
 * parent is of another place adds to neither. */
static void
test_nesting(sqlite3 *db)
{
	struct compare *c;

	/* The campus on its own: €50bn + €20–30bn + €1bn. */
	change(db, "UPDATE funding SET parent_id = NULL WHERE id = 'delta-range-2025'");
	c = compare(db, NULL, 2, "XTA", "XTB");
	cell_value(c, "items added", 0, "3", 3);
	cell_value(c, "total, €", 0, "€71–81bn", 81e9);
	cell_value(c, "total, $", 0, "$80.23–91.53bn", 91.53e9);
	compare_free(c);
	change(db, "UPDATE funding SET parent_id = 'testonia-plan-2025'"
	    " WHERE id = 'delta-range-2025'");

	/* The pledge moved to XTB, its parent still Testonia's plan. */
	change(db, "UPDATE funding SET country = 'XTB' WHERE id = 'gamma-pledge-2025'");
	c = compare(db, NULL, 2, "XTA", "XTB");
	cell_value(c, "total, €", 0, "€51bn", 51e9);
	cell_value(c, "items added", 1, "0", 0);
	cell_none(c, "total, €", 1);
	cell_is(c, "left out", 1, "none left out");
	compare_free(c);
	change(db, "UPDATE funding SET country = 'XTA' WHERE id = 'gamma-pledge-2025'");

	/* A cancelled round is left out and says so. */
	change(db, "UPDATE funding SET status = 'cancelled' WHERE id = 'alpha-series-b-2025'");
	c = compare(db, NULL, 2, "XTA", "alpha-labs");
	cell_value(c, "total, €", 0, "€50bn", 50e9);
	cell_is(c, "left out", 0, "2 left out: 1 cancelled, 1 before 2025");
	cell_none(c, "total, €", 1);
	cell_is(c, "headline item", 1, "–");
	compare_free(c);
	change(db, "UPDATE funding SET status = 'committed' WHERE id = 'alpha-series-b-2025'");
}

/* A bloc: its own money and its present members' in separate rows, never
 * one sum; or its members left out. */
static void
test_members(sqlite3 *db)
{
	struct compare_scope s = { 0 };
	struct compare *c;

	add_item(db, "union-fund-2025", "public", "ai", 6e9, "2025-05", "2027", NULL, "test-union");
	c = compare(db, NULL, 2, "TU", "XTA");
	is_str(c->kind[0], "bloc", "the Test Union is a bloc");
	cell_is(c, "blocs and members", 0, "members: 1");
	/* Its own: €6bn over 2025–2027, 2 years, for XTU's 60M people: €100
	 * a head, €50 a head a year; its €8bn for chips left out. XTU has no GDP: its one present member's
	 * stands for it, $500bn; 6e9 × 1.13 / 2 = 3.39e9 a year: 0.678%. */
	cell_value(c, "items added", 0, "1", 1);
	cell_is(c, "left out", 0, "1 left out: 1 semiconductors");
	cell_value(c, "total, €", 0, "€6bn", 6e9);
	cell_value(c, "per head, €", 0, "€100", 100);
	cell_value(c, "per head/year, €", 0, "€50", 50);
	cell_value(c, "GDP share/year", 0, "0.68%", 0.678);
	cell_is(c, "pop. and GDP from", 0, "Test statistics, 2024 (GDP: its present members' added up)");
	cell_is(c, "headline item", 0, "union-fund-2025");
	/* Its members' (Testonia; XTB left in 2020): the plan and the round,
	 * €51bn for 60M people: €850; €11bn a year: €183. */
	cell_value(c, "members: items", 0, "2", 2);
	cell_is(c, "members: left out", 0, "1 left out: 1 before 2025");
	cell_value(c, "members: total, €", 0, "€51bn", 51e9);
	cell_value(c, "members: total, $", 0, "$57.63bn", 57.63e9);
	cell_value(c, "members: per head", 0, "€850", 850);
	cell_value(c, "members: €/head/yr", 0, "€183", 183.33);
	/* The rates of both. */
	cell_is(c, "rates used", 0, "USD 1.13 per € (2025)");
	/* Testonia: its own money only, no members. */
	cell_value(c, "total, €", 1, "€51bn", 51e9);
	cell_none(c, "members: total, €", 1);
	cell_is(c, "members: left out", 1, "–");
	compare_free(c);

	s.members_out = 1;
	c = compare(db, &s, 2, "TU", "XTA");
	is_str(c->scope_text, "scope: 2025 · ai, compute · top-level items only · members left out",
	    "members left out");
	ok(row_of(c, "members: total, €") == NULL, "members left out: no members' rows");
	cell_value(c, "total, €", 0, "€6bn", 6e9);
	compare_free(c);

	/* Every domain: the chips add to the union's own money, €14bn, never
	 * to its members'. */
	s.members_out = 0;
	s.domains = COMPARE_DOMAINS_ALL;
	c = compare(db, &s, 2, "TU", "XTA");
	cell_value(c, "total, €", 0, "€14bn", 14e9);
	cell_value(c, "members: total, €", 0, "€51bn", 51e9);
	compare_free(c);
	change(db, "DELETE FROM funding WHERE id = 'union-fund-2025'");
}

/* One place, one comparison: a country, its state and a bloc of one state
 * give the same rows, label for label, cell for cell. */
static void
test_one_place(sqlite3 *db)
{
	struct compare *c = compare(db, NULL, 4, "XTA", "testonia", "XTB", "test-states");
	int i, same = 1;

	for (i = 0; i < 4; i++)
		is_str(c->kind[i], "country", "%s is a country", c->id[i]);
	is_str(c->name[1], "Testonia", "the state is named as its country");
	is_str(c->name[3], "United States of Test", "the bloc is named as its country");
	for (i = 0; i < c->nrows; i++) {
		if (strcmp(c->rows[i].text[0], c->rows[i].text[1]) != 0 ||
		    strcmp(c->rows[i].text[2], c->rows[i].text[3]) != 0) {
			diag("%s: %s | %s | %s | %s", c->rows[i].label, c->rows[i].text[0],
			    c->rows[i].text[1], c->rows[i].text[2], c->rows[i].text[3]);
			same = 0;
		}
	}
	ok(same, "XTA and testonia, XTB and test-states: the same cells");
	cell_value(c, "total, €", 1, "€51bn", 51e9);
	compare_free(c);

	/* The aggregate row of a union of states stands for the union. */
	c = compare(db, NULL, 2, "XTU", "test-union");
	is_str(c->kind[0], "bloc", "XTU, the union's statistics, is compared as the union");
	is_str(c->name[0], "Test Union", "and named as the union");
	for (i = 0, same = 1; i < c->nrows; i++) {
		if (strcmp(c->rows[i].text[0], c->rows[i].text[1]) != 0) {
			diag("%s: %s | %s", c->rows[i].label, c->rows[i].text[0], c->rows[i].text[1]);
			same = 0;
		}
	}
	ok(same, "XTU and test-union: the same cells");
	compare_free(c);
}

/* Actors: what one receives, what another gives (whole items). */
static void
test_actors(sqlite3 *db)
{
	struct compare *c = compare(db, NULL, 2, "alpha-labs", "gamma-fund");

	is_str(c->kind[0], "actor", "an actor");
	cell_is(c, "blocs and members", 0, "company · XTA");
	cell_value(c, "total, €", 0, "€1bn", 1e9);
	cell_is(c, "headline item", 0, "Alpha Labs Series B");
	cell_none(c, "per head, €", 0);
	cell_none(c, "total, €", 1);
	/* The €1bn round and the $10bn pledge, whole: 1e9 + 10e9 / 1.13. */
	cell_value(c, "funding given", 1, "2", 2);
	cell_value(c, "given, € (whole)", 1, "€9.85bn", 9849557522.12);
	compare_free(c);
}

/* Funding items side by side, counted whatever the scope, with the
 * figures of their countries. */
static void
test_items(sqlite3 *db)
{
	struct compare *c = compare(db, NULL, 2, "alpha-series-b-2025", "gamma-pledge-2025");

	is_str(c->kind[0], "funding", "a funding item");
	cell_is(c, "kind", 0, "funding item");
	cell_is(c, "blocs and members", 0, "mixed · ai · committed · XTA");
	cell_value(c, "items added", 1, "1", 1);
	cell_is(c, "headline amount", 1, "$10bn");
	/* 10e9 / 1.13 = 8,849,557,522.12; per head of Testonia: €884.96 */
	cell_value(c, "headline, €", 1, "€8.85bn", 8849557522.12);
	cell_value(c, "headline/head, €", 1, "€885", 884.96);
	cell_value(c, "headline/head, €", 0, "€100", 100);
	/* $10bn of $500bn GDP, in one year: 2%. */
	cell_value(c, "GDP share/year", 1, "2.0%", 2);
	compare_free(c);

	/* An event stands for the funding it announces. */
	c = compare(db, NULL, 2, "ev-2025-02-09-testonia-plan", "alpha-series-b-2025");
	is_str(c->kind[0], "funding", "the event is its funding");
	is_str(c->name[0], "Testonia's €50bn plan", "named as its funding");
	cell_value(c, "total, €", 0, "€50bn", 50e9);
	compare_free(c);
}

/* Lists of domains, as --domain reads them. */
static void
test_domains_parse(void)
{
	unsigned int d;
	char *bad = NULL;

	ok(compare_domains_parse("ai,compute", &d, &bad) == 0 && d == COMPARE_DOMAINS_DEFAULT,
	    "ai,compute is the default");
	ok(compare_domains_parse("all", &d, &bad) == 0 && d == COMPARE_DOMAINS_ALL, "all");
	ok(compare_domains_parse("semiconductors", &d, &bad) == 0 && d == COMPARE_SEMICONDUCTORS,
	    "one domain");
	ok(compare_domains_parse("ai,chips", &d, &bad) == -1, "an unknown domain fails");
	is_str(bad, "chips", "and is named");
	free(bad);
	bad = NULL;
	ok(compare_domains_parse("ai,", &d, &bad) == -1, "an empty name fails");
	free(bad);
}

/* Records that cannot be compared. */
static void
test_errors(sqlite3 *db)
{
	char *ids[2] = { "XTA", "nothing" }, *cause = NULL;
	struct compare *c = compare_build(db, "en", ids, 2, NULL, &cause);

	ok(c == NULL, "an unknown id fails");
	is_str(cause, "compare: no record 'nothing'", "the message names it");
	free(cause);
	cause = NULL;
	ids[1] = "fixture-news";
	c = compare_build(db, "en", ids, 2, NULL, &cause);
	ok(c == NULL, "a source fails");
	is_str(cause, "compare: 'fixture-news' is not an actor, a country, a bloc, a funding item"
	    " or an event announcing one (it is of kind source)",
	    "the message says what can be compared");
	free(cause);
	cause = NULL;
	ids[1] = "ev-2025-02-10-test-summit";
	c = compare_build(db, "en", ids, 2, NULL, &cause);
	ok(c == NULL, "an event without funding fails");
	is_str(cause, "compare: the event 'ev-2025-02-10-test-summit' announces no funding",
	    "the message says why");
	free(cause);
}

int
main(void)
{
	sqlite3 *db = fixture_open();

	test_default(db);
	test_period_domains(db);
	test_nesting(db);
	test_members(db);
	test_one_place(db);
	test_actors(db);
	test_items(db);
	test_domains_parse();
	test_errors(db);
	sqlite3_close(db);
	return exit_status();
}
