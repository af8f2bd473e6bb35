/* Unit tests of numbers under a French locale (a comma before decimals):
 * filters, the loader and the short amounts read and write them exactly as
 * under the C locale. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "filter.h"
#include "kind.h"
#include "load.h"
#include "money.h"
#include "norm.h"
#include "number.h"
#include "tap.h"
#include "xmalloc.h"

#define TESTS 16

static char tmpdir[] = "/tmp/aiatlas-test-locale-XXXXXX";

/* The number a one-parameter filter over funding binds, or -1. */
static double
test_filter_number(sqlite3 *db, const char *expr)
{
	struct filter *f;
	sqlite3_stmt *stmt;
	char *cause = NULL;
	double d = -1;

	if ((f = filter_compile(db, "funding", expr, 1, &cause)) == NULL) {
		diag("%s", cause);
		free(cause);
		return -1;
	}
	if (sqlite3_prepare_v2(db, "SELECT ?1", -1, &stmt, NULL) == SQLITE_OK) {
		filter_bind(f, stmt);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			d = sqlite3_column_double(stmt, 0);
		sqlite3_finalize(stmt);
	}
	filter_free(f);
	return d;
}

/* Write text to the file name in the scratch directory; its path. */
static char *
test_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *fp = fopen(path, "w");

	if (fp == NULL)
		bail_out("%s: cannot write", path);
	fputs(text, fp);
	fclose(fp);
	return path;
}

/* Load a country whose GDP is written gdp in its file, as a data file does;
 * the GDP read back, or -1. */
static double
test_load_gdp(sqlite3 *db, const char *gdp)
{
	struct load *l;
	sqlite3_stmt *stmt;
	char *cause = NULL, *sources, *countries, *text;
	double d = -1;

	sources = test_file("sources.csv", "id,title,lang,kind\nsrc-a,Article A,fr,news\n");
	text = xasprintf("iso3,name_en,name_fr,population,gdp_usd,stats_year,source_id,sources\n"
	    "XTA,Testonia,Testonie,10000000,%s,2024,src-a,src-a\n", gdp);
	countries = test_file("countries.csv", text);
	if ((l = load_begin(db, &cause)) == NULL ||
	    load_file(l, sources, kind_find("sources"), &cause) != 0 ||
	    load_file(l, countries, kind_find("countries"), &cause) != 0 ||
	    load_finish(l, &cause) != 0) {
		diag("%s", cause);
		free(cause);
	} else if (sqlite3_prepare_v2(db, "SELECT gdp_usd FROM country WHERE iso3 = 'XTA'", -1,
	    &stmt, NULL) == SQLITE_OK) {
		if (sqlite3_step(stmt) == SQLITE_ROW)
			d = sqlite3_column_double(stmt, 0);
		sqlite3_finalize(stmt);
	}
	unlink(sources);
	unlink(countries);
	free(sources);
	free(countries);
	free(text);
	return d;
}

int
main(void)
{
	struct norm_rate rate = { "USD", 1.08241, 2024, 2024, 0 };
	sqlite3 *db;
	char buf[128], *cause = NULL, *end, *s;
	double d;

	plan(TESTS);
	if (setlocale(LC_ALL, "fr_FR.UTF-8") == NULL) {
		skip(TESTS, "fr_FR.UTF-8 locale is not available");
		return exit_status();
	}
	if (mkdtemp(tmpdir) == NULL)
		bail_out("mkdtemp: cannot make %s", tmpdir);
	if ((db = db_create(":memory:", &cause)) == NULL)
		bail_out("db_create: %s", cause);

	/* The locale is really in effect: the C library reads 1,5 here. */
	snprintf(buf, sizeof buf, "%.1f", 1.5);
	is_str(buf, "1,5", "fr_FR.UTF-8 writes a comma before the decimals");

	ok(number_parse("1.5bn", &d, &end) == 0 && d == 1.5 && strcmp(end, "bn") == 0,
	    "1.5bn starts with 1.5, read with a point");
	ok(number_parse("3e9", &d, &end) == 0 && d == 3e9 && *end == '\0', "3e9 is read");
	ok(number_parse("0x10", &d, &end) != 0, "0x10 is not a decimal number");
	ok(number_parse("inf", &d, &end) != 0, "inf is not a number");

	is_int(test_filter_number(db, "amount>=1.5bn"), 1.5e9, "amount>=1.5bn is 1.5e9");
	is_int(test_filter_number(db, "amount<.25M"), 250000, "amount<.25M is 250000");
	is_int(test_filter_number(db, "amount>2.5e9"), 2.5e9, "amount>2.5e9 is 2.5e9");
	ok(test_load_gdp(db, "1.5e12") == 1.5e12, "the loader reads 1.5e12");

	is_str(money_format(1.5e9, "EUR", buf, sizeof buf), "€1.5bn", "€1.5bn");
	is_str(money_format(1e10, "EUR", buf, sizeof buf), "€10bn", "€10bn");
	is_str(money_format(4e8, "EUR", buf, sizeof buf), "€400M", "€400M");
	is_str(money_format_range(2.5e9, 4.75e9, "USD", buf, sizeof buf), "$2.5–4.75bn",
	    "a range");
	is_str(money_quantity(13, "AI factories", buf, sizeof buf), "13 AI factories",
	    "a count with its unit");
	is_str(s = norm_explain(&rate), "USD 1.08241 per € (2024)", "a rate");
	free(s);

	/* What the program writes is C's; the caller's locale is left as it was. */
	snprintf(buf, sizeof buf, "%.1f", 2.5);
	is_str(buf, "2,5", "number_format leaves the caller's locale in place");

	sqlite3_close(db);
	rmdir(tmpdir);
	return exit_status();
}
