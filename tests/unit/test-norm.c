/* Unit tests of normalisation and comparison over the fixture: euros and
 * dollars at each year's rate, the nearest year, the SQL functions, and
 * compare rows (nesting, ranges, status, per head, share of GDP). Every
 * figure below is worked out by hand from the CSV files of tests/fixtures. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "db.h"
#include "load.h"
#include "money.h"
#include "norm.h"
#include "tap.h"
#include "xmalloc.h"

/* Load the fixture's CSV files into a new database in memory. */
static sqlite3 *
open_fixture(void)
{
	const struct load_kind *k;
	const char *top = getenv("top_srcdir");
	struct load *l;
	sqlite3 *db;
	char *cause = NULL, *path;

	if (top == NULL)
		top = ".";
	if ((db = db_create(":memory:", &cause)) == NULL || (l = load_begin(db, &cause)) == NULL)
		bail_out("cannot create the database: %s", cause);
	for (k = load_kinds; k->kind != NULL; k++) {
		path = xasprintf("%s/tests/fixtures/%s", top, k->file);
		if (load_file(l, path, k, &cause) != 0) {
			load_abort(l);
			bail_out("cannot load %s: %s", path, cause);
		}
		free(path);
	}
	if (load_finish(l, &cause) != 0)
		bail_out("cannot load the fixture: %s", cause);
	return db;
}

/* Run SQL that changes the fixture in memory, or stop. */
static void
change(sqlite3 *db, const char *sql)
{
	char *cause = NULL;

	if (db_exec(db, sql, &cause) != 0)
		bail_out("%s: %s", sql, cause);
}

/* A test that two amounts are equal to the cent. */
static int
is_money(double got, double want, const char *what)
{
	int pass = fabs(got - want) < 0.005;

	ok(pass, "%s", what);
	if (!pass)
		diag("got %.4f, expected %.4f", got, want);
	return pass;
}

/* A number from a one-row query; has is 0 for NULL. */
static double
sql_number(sqlite3 *db, const char *sql, int *has)
{
	sqlite3_stmt *stmt;
	double v = 0;

	*has = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		bail_out("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
		v = sqlite3_column_double(stmt, 0);
		*has = 1;
	}
	sqlite3_finalize(stmt);
	return v;
}

/* Expect a query to give an amount. */
static void
sql_is(sqlite3 *db, const char *sql, double want)
{
	int has;
	double got = sql_number(db, sql, &has);

	ok(has, "%s is not NULL", sql);
	is_money(got, want, sql);
}

/* Expect a query to give NULL. */
static void
sql_is_null(sqlite3 *db, const char *sql)
{
	int has;

	sql_number(db, sql, &has);
	ok(!has, "%s is NULL", sql);
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

/* Expect the text and number of a cell. */
static void
cell_value(const struct compare *c, const char *label, int i, const char *want, double value)
{
	const struct compare_row *r = row_of(c, label);
	char *what = xasprintf("%s: %s is %.2f", c->id[i], label, value);

	cell_is(c, label, i, want);
	ok(r != NULL && r->has_value[i], "%s: %s has a number", c->id[i], label);
	is_money(r != NULL ? r->value[i] : -1, value, what);
	free(what);
}

/* Expect a cell without a number (shown as a dash). */
static void
cell_none(const struct compare *c, const char *label, int i)
{
	const struct compare_row *r = row_of(c, label);

	cell_is(c, label, i, "–");
	ok(r != NULL && !r->has_value[i], "%s: %s has no number", c->id[i], label);
}

/* Compare ids, or stop. */
static struct compare *
compare(sqlite3 *db, int n, ...)
{
	char *ids[COMPARE_MAX], *cause = NULL;
	struct compare *c;
	va_list ap;
	int i;

	va_start(ap, n);
	for (i = 0; i < n; i++)
		ids[i] = va_arg(ap, char *);
	va_end(ap);
	if ((c = compare_build(db, "en", ids, n, &cause)) == NULL)
		bail_out("compare: %s", cause);
	return c;
}

/* Expect comparing two ids to fail with a message. */
static void
compare_fails(sqlite3 *db, const char *a, const char *b, const char *want)
{
	char *ids[2] = { (char *)a, (char *)b }, *cause = NULL;
	struct compare *c = compare_build(db, "en", ids, 2, &cause);

	ok(c == NULL, "compare %s %s fails", a, b);
	is_str(cause, want, "compare %s %s: the message", a, b);
	compare_free(c);
	free(cause);
}

/* Rates: the fixture has USD 1.0824 (2024) and 1.13 (2025), no EUR row. */
static void
test_rates(sqlite3 *db)
{
	struct norm_rate r;
	struct norm_value v;
	char *e;

	is_int(norm_rate(db, "USD", 2025, &r), 0, "USD 2025 has a rate");
	ok(r.per_eur == 1.13 && r.year == 2025 && r.asked == 2025 && !r.fallback,
	    "USD 2025: 1.13, its own year");
	e = norm_explain(&r);
	is_str(e, "USD 1.13 per € (2025)", "USD 2025 explained");
	free(e);

	is_int(norm_rate(db, "USD", 2024, &r), 0, "USD 2024 has a rate");
	ok(r.per_eur == 1.0824 && r.year == 2024 && !r.fallback, "USD 2024: 1.0824");
	e = norm_explain(&r);
	is_str(e, "USD 1.0824 per € (2024)", "USD 2024 explained");
	free(e);

	is_int(norm_rate(db, "USD", 2023, &r), 0, "USD 2023 falls back");
	ok(r.per_eur == 1.0824 && r.year == 2024 && r.asked == 2023 && r.fallback,
	    "USD 2023: the rate of 2024, the nearest year, said to be a fallback");
	e = norm_explain(&r);
	is_str(e, "USD 1.0824 per € (2024, the nearest year to 2023)", "a fallback explained");
	free(e);

	is_int(norm_rate(db, "USD", 2030, &r), 0, "USD 2030 falls back");
	ok(r.per_eur == 1.13 && r.year == 2025 && r.asked == 2030 && r.fallback,
	    "USD 2030: the rate of 2025");
	e = norm_explain(&r);
	is_str(e, "USD 1.13 per € (2025, the nearest year to 2030)", "a later fallback explained");
	free(e);

	is_int(norm_rate(db, "EUR", 2019, &r), 0, "EUR needs no row");
	ok(r.per_eur == 1 && r.year == 2019 && !r.fallback, "EUR is 1 in any year, no fallback");
	e = norm_explain(&r);
	is_str(e, "in euros", "EUR explained");
	free(e);

	is_int(norm_rate(db, "CHF", 2025, &r), -1, "a currency with no rate at all has none");
	is_int(norm_rate(db, NULL, 2025, &r), -1, "no currency has no rate");
	is_int(norm_convert(db, 12e6, "CHF", 2025, &v), -1, "a currency with no rate fails");

	/* 10e9 / 1.13 = 8,849,557,522.12; back in dollars at the same rate. */
	is_int(norm_convert(db, 10e9, "USD", 2025, &v), 0, "$10bn in 2025 converts");
	is_money(v.eur, 8849557522.12, "$10bn in 2025 is €8,849,557,522.12");
	is_money(v.usd, 10e9, "$10bn in 2025 is still $10bn");
	ok(v.rate.year == 2025 && v.usd_rate.year == 2025, "$10bn in 2025: the 2025 rates");

	/* 10e9 / 1.0824 = 9,238,728,750.92 */
	is_int(norm_convert(db, 10e9, "USD", 2024, &v), 0, "$10bn in 2024 converts");
	is_money(v.eur, 9238728750.92, "$10bn in 2024 is €9,238,728,750.92");
	norm_convert(db, 10e9, "USD", 2023, &v);
	is_money(v.eur, 9238728750.92, "$10bn in 2023 at the 2024 rate");
	ok(v.rate.fallback && v.usd_rate.fallback, "$10bn in 2023: both rates fall back");

	/* A euro amount in dollars at the USD rate of its year. */
	is_int(norm_convert(db, 1e9, "EUR", 2024, &v), 0, "€1bn in 2024 converts");
	is_money(v.eur, 1e9, "€1bn is €1bn");
	is_money(v.usd, 1082400000, "€1bn in 2024 is $1,082,400,000 (× 1.0824)");
	ok(!v.rate.fallback && v.usd_rate.year == 2024 && !v.usd_rate.fallback,
	    "€1bn in 2024: the 2024 dollar rate");
	norm_convert(db, 1e9, "EUR", 2025, &v);
	is_money(v.usd, 1130000000, "€1bn in 2025 is $1.13bn (× 1.13)");
	norm_convert(db, 50e9, "EUR", 2023, &v);
	is_money(v.usd, 54120000000, "€50bn in 2023 is $54.12bn at the 2024 rate");
	ok(!v.rate.fallback && v.usd_rate.fallback, "€50bn in 2023: only the dollar rate falls back");
}

/* The SQL functions eur() and usd(). */
static void
test_sql(sqlite3 *db)
{
	sql_is(db, "SELECT eur(10e9, 'USD', '2025-02')", 8849557522.12);
	sql_is(db, "SELECT eur(10e9, 'USD', '2024-12-31')", 9238728750.92);
	sql_is(db, "SELECT eur(10e9, 'USD', '2023')", 9238728750.92);
	sql_is(db, "SELECT usd(1e9, 'EUR', '2024-06-30')", 1082400000);
	sql_is(db, "SELECT usd(1e9, 'EUR', '2025-09-09')", 1130000000);
	sql_is(db, "SELECT eur(5e10, 'EUR', '1999')", 5e10);
	sql_is_null(db, "SELECT eur(NULL, 'USD', '2025')");
	sql_is_null(db, "SELECT eur(1, NULL, '2025')");
	sql_is_null(db, "SELECT usd(1, 'EUR', NULL)");
	sql_is_null(db, "SELECT eur(1, 'CHF', '2025')");
	sql_is(db, "SELECT eur(amount, currency, announced_on) FROM funding"
	    " WHERE id = 'gamma-pledge-2025'", 8849557522.12);
	sql_is_null(db, "SELECT eur(amount, currency, announced_on) FROM funding"
	    " WHERE id = 'delta-range-2025'");
	/* 50e9 × 1.13 + 10e9 + 30e9 × 1.13 + 1e9 × 1.13 + 2e9 × 1.0824 + 8e9 × 1.13
	 * = 112.7348e9 */
	sql_is(db, "SELECT sum(usd(coalesce(amount, amount_high), currency, announced_on))"
	    " FROM funding", 112.7348e9);
}

/* Two countries: Testonia has all four funding items, two nested in its
 * plan; the United States of Test has none. */
static void
test_countries(sqlite3 *db)
{
	struct compare *c = compare(db, 2, "XTA", "USoT");

	is_int(c->n, 2, "two records");
	is_str(c->id[1], "XTB", "an alias finds its record");
	is_str(c->kind[0], "country", "XTA is a country");
	is_str(c->name[0], "Testonia", "XTA's name");
	is_str(c->name[1], "United States of Test", "XTB's name");
	cell_is(c, "kind", 0, "country");
	cell_is(c, "blocs and members", 0, "test-union");
	cell_is(c, "blocs and members", 1, "test-states");
	cell_value(c, "funding to it", 0, "5", 5);
	cell_value(c, "funding to it", 1, "0", 0);
	/* €50bn plan + €1bn round + €2bn of 2024 grants; the $10bn pledge and
	 * €20–30bn campus are inside the plan. */
	cell_value(c, "total, in euros", 0, "€53bn", 53e9);
	cell_none(c, "total, in euros", 1);
	/* 51e9 × 1.13 + 2e9 × 1.0824 */
	cell_value(c, "total, in dollars", 0, "$59.79bn", 59.7948e9);
	cell_none(c, "total, in dollars", 1);
	cell_value(c, "of which announced", 0, "€50bn", 50e9);
	cell_value(c, "of which committed", 0, "€1bn", 1e9);
	cell_value(c, "of which disbursed", 0, "€2bn", 2e9);
	cell_is(c, "largest item", 0, "Testonia's €50bn plan (€50bn)");
	is_str(row_of(c, "largest item")->link[0], "testonia-plan-2025", "the largest item's link");
	cell_none(c, "largest item", 1);
	cell_is(c, "rates used", 0, "USD 1.0824 per € (2024); USD 1.13 per € (2025)");
	cell_is(c, "rates used", 1, "–");
	cell_value(c, "population", 0, "10M people", 10e6);
	cell_value(c, "population", 1, "50M people", 50e6);
	cell_value(c, "GDP", 0, "$500bn", 500e9);
	cell_value(c, "GDP", 1, "$2T", 2e12);
	/* 53e9 / 10e6 and 50e9 / 10e6 */
	cell_value(c, "total per head", 0, "€5300", 5300);
	cell_none(c, "total per head", 1);
	cell_value(c, "largest item per head", 0, "€5000", 5000);
	/* $59.7948bn / $500bn */
	cell_value(c, "total, share of GDP", 0, "11.96%", 11.95896);
	cell_none(c, "total, share of GDP", 1);
	cell_is(c, "population and GDP from", 0, "Test statistics, 2024");
	cell_is(c, "population and GDP from", 1, "Test statistics, 2024");
	cell_value(c, "funding given", 0, "0", 0);
	cell_none(c, "given, in euros (whole items)", 0);
	cell_value(c, "events", 0, "3", 3);
	cell_is(c, "first and last event", 0, "2025-02-09 … 2025-09-09");
	cell_value(c, "events", 1, "0", 0);
	cell_is(c, "first and last event", 1, "–");
	cell_value(c, "sources", 0, "1", 1);
	cell_value(c, "sources", 1, "1", 1);
	compare_free(c);
}

/* A bloc and two actors: one receives a round, the other gives it and a
 * pledge whose parent is not among what it gives. */
static void
test_bloc_actors(sqlite3 *db)
{
	struct compare *c = compare(db, 3, "TU", "alpha-labs", "gamma-fund");

	is_int(c->n, 3, "three records");
	is_str(c->id[0], "test-union", "the alias TU is the Test Union");
	is_str(c->kind[0], "bloc", "a bloc");
	is_str(c->kind[1], "actor", "an actor");
	cell_is(c, "blocs and members", 0, "members: 1");
	cell_is(c, "blocs and members", 1, "company · XTA");
	cell_is(c, "blocs and members", 2, "fund · XTB");
	/* Testonia's five items and the union's own €8bn for chips. */
	cell_value(c, "funding to it", 0, "6", 6);
	cell_value(c, "total, in euros", 0, "€61bn", 61e9);
	/* The bloc's figures are XTU's: 60M people, no GDP. */
	cell_value(c, "population", 0, "60M people", 60e6);
	cell_none(c, "GDP", 0);
	cell_value(c, "total per head", 0, "€1017", 1016.67);
	cell_value(c, "largest item per head", 0, "€833", 833.33);
	cell_none(c, "total, share of GDP", 0);
	cell_value(c, "events", 0, "3", 3);
	cell_value(c, "sources", 0, "1", 1);

	cell_value(c, "funding to it", 1, "1", 1);
	cell_value(c, "total, in euros", 1, "€1bn", 1e9);
	cell_value(c, "total, in dollars", 1, "$1.13bn", 1.13e9);
	cell_none(c, "of which announced", 1);
	cell_value(c, "of which committed", 1, "€1bn", 1e9);
	cell_is(c, "largest item", 1, "Alpha Labs Series B (€1bn)");
	cell_is(c, "rates used", 1, "USD 1.13 per € (2025)");
	cell_none(c, "population", 1);
	cell_none(c, "total per head", 1);
	cell_value(c, "funding given", 1, "0", 0);
	cell_value(c, "events", 1, "2", 2);
	cell_is(c, "first and last event", 1, "2025-02-10 … 2025-09-09");
	cell_value(c, "sources", 1, "2", 2);

	cell_value(c, "funding to it", 2, "0", 0);
	cell_none(c, "total, in euros", 2);
	cell_is(c, "rates used", 2, "–");
	/* The €1bn round whole and the $10bn pledge: 1e9 + 10e9 / 1.13. */
	cell_value(c, "funding given", 2, "2", 2);
	cell_value(c, "given, in euros (whole items)", 2, "€9.85bn", 9849557522.12);
	cell_value(c, "events", 2, "0", 0);
	cell_is(c, "first and last event", 2, "–");
	cell_value(c, "sources", 2, "1", 1);
	compare_free(c);
}

/* Four records, rows aligned: a state stands for its country. */
static void
test_four(sqlite3 *db)
{
	struct compare *c = compare(db, 4, "XTA", "test-union", "testonia", "beta-bank");
	struct compare *two = compare(db, 2, "XTA", "XTB");

	is_int(c->n, 4, "four records");
	is_int(c->nrows, two->nrows, "as many rows for four records as for two");
	cell_is(c, "blocs and members", 2, "state · XTA");
	cell_value(c, "funding to it", 2, "5", 5);
	cell_value(c, "total, in euros", 2, "€53bn", 53e9);
	cell_value(c, "total per head", 2, "€5300", 5300);
	cell_value(c, "total, share of GDP", 2, "11.96%", 11.95896);
	cell_value(c, "funding given", 2, "1", 1);
	cell_value(c, "given, in euros (whole items)", 2, "€50bn", 50e9);
	cell_value(c, "events", 2, "2", 2);
	cell_is(c, "first and last event", 2, "2025-02-09 … 2025-02-10");
	cell_is(c, "blocs and members", 3, "public_body · XTA");
	cell_value(c, "funding to it", 3, "0", 0);
	cell_value(c, "funding given", 3, "1", 1);
	cell_value(c, "given, in euros (whole items)", 3, "€1bn", 1e9);
	cell_value(c, "events", 3, "1", 1);
	cell_is(c, "first and last event", 3, "2025-09-09 … 2025-09-09");
	for (int i = 0; i < 4; i++)
		ok(row_of(c, "sources")->text[i] != NULL, "record %d has every row", i);
	compare_free(two);
	compare_free(c);
}

/* Records that cannot be compared. */
static void
test_errors(sqlite3 *db)
{
	compare_fails(db, "XTA", "nothing", "compare: no record 'nothing'");
	compare_fails(db, "XTA", "alpha-series-b-2025",
	    "compare: 'alpha-series-b-2025' is not an actor, a country or a bloc (it is of kind funding)");
	compare_fails(db, "fixture-news", "XTA",
	    "compare: 'fixture-news' is not an actor, a country or a bloc (it is of kind source)");
}

/* Nesting, ranges and rates, with the fixture's items taken out of their
 * parent (in memory only). */
static void
test_nesting(sqlite3 *db)
{
	struct compare *c;

	/* The campus on its own: €50bn + €20–30bn + €1bn + €2bn (2024). */
	change(db, "UPDATE funding SET parent_id = NULL WHERE id = 'delta-range-2025'");
	c = compare(db, 2, "XTA", "XTB");
	cell_value(c, "total, in euros", 0, "€73–83bn", 83e9);
	/* 81e9 × 1.13 + 2e9 × 1.0824 */
	cell_value(c, "total, in dollars", 0, "$82.39–93.69bn", 93.6948e9);
	cell_value(c, "of which announced", 0, "€80bn", 80e9);
	cell_value(c, "of which committed", 0, "€1bn", 1e9);
	cell_value(c, "total per head", 0, "€8300", 8300);
	cell_is(c, "rates used", 0, "USD 1.0824 per € (2024); USD 1.13 per € (2025)");
	compare_free(c);
	change(db, "UPDATE funding SET parent_id = 'testonia-plan-2025'"
	    " WHERE id = 'delta-range-2025'");

	/* The pledge on its own: €50bn + $10bn / 1.13 + €1bn + €2bn (2024). */
	change(db, "UPDATE funding SET parent_id = NULL WHERE id = 'gamma-pledge-2025'");
	c = compare(db, 2, "XTA", "XTB");
	cell_value(c, "total, in euros", 0, "€61.85bn", 61849557522.12);
	/* 50e9 × 1.13 + 10e9 + 1e9 × 1.13 + 2e9 × 1.0824 */
	cell_value(c, "total, in dollars", 0, "$69.79bn", 69.7948e9);
	cell_value(c, "of which committed", 0, "€9.85bn", 9849557522.12);
	cell_is(c, "rates used", 0, "USD 1.0824 per € (2024); USD 1.13 per € (2025)");
	cell_value(c, "total, share of GDP", 0, "13.96%", 13.95896);
	compare_free(c);

	/* Announced in a year with no rate: 2024's, and said so. */
	change(db, "UPDATE funding SET announced_on = '2023-03' WHERE id = 'gamma-pledge-2025'");
	c = compare(db, 2, "XTA", "XTB");
	cell_value(c, "total, in euros", 0, "€62.24bn", 62238728750.92);
	cell_is(c, "rates used", 0, "USD 1.0824 per € (2024, the nearest year to 2023); "
	    "USD 1.0824 per € (2024); USD 1.13 per € (2025)");
	compare_free(c);
	change(db, "UPDATE funding SET announced_on = '2025-02',"
	    " parent_id = 'testonia-plan-2025' WHERE id = 'gamma-pledge-2025'");

	/* Two levels deep: the campus inside the pledge inside the plan. */
	change(db, "UPDATE funding SET parent_id = 'gamma-pledge-2025'"
	    " WHERE id = 'delta-range-2025'");
	c = compare(db, 2, "XTA", "XTB");
	cell_value(c, "total, in euros", 0, "€53bn", 53e9);
	cell_value(c, "of which announced", 0, "€50bn", 50e9);
	compare_free(c);

	/* The same, with the pledge in the other country: the campus is still
	 * inside the plan, through a parent that is not compared. */
	change(db, "UPDATE funding SET country = 'XTB' WHERE id = 'gamma-pledge-2025'");
	c = compare(db, 2, "XTA", "XTB");
	cell_value(c, "funding to it", 0, "4", 4);
	cell_value(c, "total, in euros", 0, "€53bn", 53e9);
	cell_value(c, "funding to it", 1, "1", 1);
	cell_value(c, "total, in euros", 1, "€8.85bn", 8849557522.12);
	cell_is(c, "rates used", 1, "USD 1.13 per € (2025)");
	compare_free(c);
	change(db, "UPDATE funding SET country = 'XTA' WHERE id = 'gamma-pledge-2025'");
	change(db, "UPDATE funding SET parent_id = 'testonia-plan-2025'"
	    " WHERE id = 'delta-range-2025'");

	/* A cancelled round counts as an item but not in the totals. */
	change(db, "UPDATE funding SET status = 'cancelled' WHERE id = 'alpha-series-b-2025'");
	c = compare(db, 2, "XTA", "alpha-labs");
	cell_value(c, "funding to it", 0, "5", 5);
	cell_value(c, "total, in euros", 0, "€52bn", 52e9);
	cell_none(c, "of which committed", 0);
	cell_value(c, "funding to it", 1, "1", 1);
	cell_none(c, "total, in euros", 1);
	cell_none(c, "largest item", 1);
	compare_free(c);
	change(db, "UPDATE funding SET status = 'committed' WHERE id = 'alpha-series-b-2025'");

	/* Back as loaded. */
	c = compare(db, 2, "XTA", "XTB");
	cell_value(c, "total, in euros", 0, "€53bn", 53e9);
	compare_free(c);
}

/* Amounts and quantities written for people. */
static void
test_money(void)
{
	char buf[64];

	is_str(money_format(109e9, "EUR", buf, sizeof buf), "€109bn", "€109bn");
	is_str(money_format(500e9, "USD", buf, sizeof buf), "$500bn", "$500bn");
	is_str(money_format(1.7e9, "EUR", buf, sizeof buf), "€1.7bn", "€1.7bn");
	is_str(money_format(400e6, "EUR", buf, sizeof buf), "€400M", "€400M");
	is_str(money_format(2e12, "USD", buf, sizeof buf), "$2T", "$2T");
	is_str(money_format(8849557522.12, "EUR", buf, sizeof buf), "€8.85bn",
	    "€8,849,557,522.12 is €8.85bn");
	/* XTA's $500bn GDP in euros at 1.13 and XTB's $2T at 1.0824. */
	is_str(money_format(500e9 / 1.13, "EUR", buf, sizeof buf), "€442.5bn",
	    "€442,477,876,106 is €442.5bn");
	is_str(money_format(2e12 / 1.0824, "EUR", buf, sizeof buf), "€1.85T",
	    "€1,847,745,750,185 is €1.85T");
	is_str(money_format(12e6, "CHF", buf, sizeof buf), "CHF 12M", "a currency without a symbol");
	is_str(money_format_range(30e9, 50e9, "EUR", buf, sizeof buf), "€30–50bn", "€30–50bn");
	is_str(money_format_range(20e9, 30e9, "EUR", buf, sizeof buf), "€20–30bn", "€20–30bn");
	is_str(money_format_range(400e6, 1.7e9, "EUR", buf, sizeof buf), "€400M–€1.7bn",
	    "a range across scales");
	is_str(money_quantity(10, "GW", buf, sizeof buf), "10 GW", "10 GW");
	is_str(money_quantity(42, "%", buf, sizeof buf), "42%", "42%%");
	is_str(money_quantity(100000, "chips", buf, sizeof buf), "100k chips", "100k chips");
	is_str(money_quantity(1500, "people", buf, sizeof buf), "1500 people", "1500 people");
	is_str(money_quantity(10e6, "people", buf, sizeof buf), "10M people", "10M people");
	is_str(money_quantity(1e9, "EUR", buf, sizeof buf), "€1bn", "a quantity in a currency");
}

int
main(void)
{
	sqlite3 *db = open_fixture();

	test_rates(db);
	test_sql(db);
	test_countries(db);
	test_bloc_actors(db);
	test_four(db);
	test_errors(db);
	test_nesting(db);
	test_money();
	sqlite3_close(db);
	return exit_status();
}
