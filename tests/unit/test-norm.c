/* Unit tests of normalisation and comparison over the fixture: euros and
 * dollars at each year's rate, the nearest year, the SQL functions, and
 * amounts written for people. Every figure below is worked out by hand
 * from the CSV files of tests/fixtures. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "load.h"
#include "money.h"
#include "norm.h"
#include "tap.h"
#include "fixture.h"
#include "xmalloc.h"

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
	is_str(money_format_whole(1590.04, "EUR", buf, sizeof buf), "€1,590", "€1,590 per head");
	is_str(money_format_whole(1301, "USD", buf, sizeof buf), "$1,301", "$1,301 per head");
	is_str(money_format_whole(12345678.9, "EUR", buf, sizeof buf), "€12,345,679",
	    "grouped by thousands, rounded to the unit");
	is_str(money_format_whole(850, "EUR", buf, sizeof buf), "€850", "no separator below 1,000");
	is_str(money_format_whole(0.5, "EUR", buf, sizeof buf), "€0.50", "cents below ten");
	is_str(money_quantity(10, "GW", buf, sizeof buf), "10 GW", "10 GW");
	is_str(money_quantity(42, "%", buf, sizeof buf), "42%", "42%%");
	is_str(money_quantity(100000, "chips", buf, sizeof buf), "100k chips", "100k chips");
	is_str(money_quantity(1500, "people", buf, sizeof buf), "1,500 people", "1500 people");
	is_str(money_quantity(10e6, "people", buf, sizeof buf), "10M people", "10M people");
	is_str(money_quantity(1e9, "EUR", buf, sizeof buf), "€1bn", "a quantity in a currency");
}

int
main(void)
{
	sqlite3 *db = fixture_open();

	test_rates(db);
	test_sql(db);
	test_money();
	sqlite3_close(db);
	return exit_status();
}
