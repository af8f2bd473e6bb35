/* Unit tests of the filter language and of regexp(): what each construct
 * selects in the fixture, each error with its column, SQL built from the
 * templates only, and a pathological pattern that stops with a message. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "filter.h"
#include "fts.h"
#include "load.h"
#include "tap.h"
#include "fixture.h"
#include "xmalloc.h"

/* The list kinds, with the table and the id column a filter is over. */
static const struct {
	const char	*kind;
	const char	*table;
	const char	*id;
} test_kinds[] = {
	{ "actors", "actor", "id" }, { "funding", "funding", "id" }, { "events", "event", "id" },
	{ "blocs", "bloc", "id" }, { "sources", "source", "id" },
	{ "countries", "country", "iso3" }, { "figures", "figure", "id" }, { NULL, NULL, NULL }
};

static sqlite3 *db;

/* The message of the limit regexp() stops at. */
#define LIMIT_ERROR "regex: the pattern hit its matching limit (it backtracks too much); simplify it"
/* Every field that applies to funding, as error messages list them. */
#define FUNDING_FIELDS "fields: kind, bloc, country, status, nature, domain, role, currency, " \
	"confidence, actor, source, stance, disputed, note, bookmarked, id, date, year, amount, mine"
#define ACTOR_FIELDS "fields: kind, bloc, country, role, sector, place, source, stance, " \
	"disputed, note, bookmarked, id, date, year, mine"

/* Load the fixture CSV files and index them, as aiatlas-mkdb does. */
static void
test_load_fixture(void)
{
	char *cause = NULL;

	db = fixture_open();
	if (fts_build(db, &cause) != 0)
		bail_out("%s", cause);
}

/* The table and id column of a list kind. */
static void
test_kind(const char *kind, const char **table, const char **id)
{
	int i;

	for (i = 0; test_kinds[i].kind != NULL; i++) {
		if (strcmp(test_kinds[i].kind, kind) == 0) {
			*table = test_kinds[i].table;
			*id = test_kinds[i].id;
			return;
		}
	}
	bail_out("no kind %s", kind);
}

/* The ids a filter selects, in order and separated by spaces; or the
 * compile error; or "SQL error: ..." if the SQL does not run. */
static char *
test_select(const char *kind, const char *expr)
{
	struct filter *f;
	sqlite3_stmt *stmt;
	const char *table, *id, *tail;
	char *cause = NULL, *sql, *ids = xstrdup(""), *t;
	int rc;

	test_kind(kind, &table, &id);
	if ((f = filter_compile(db, kind, expr, 1, &cause)) == NULL) {
		free(ids);
		return cause;
	}
	sql = xasprintf("SELECT %s FROM %s WHERE %s ORDER BY 1", id, table, filter_sql(f));
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, &tail) != SQLITE_OK) {
		free(ids);
		ids = xasprintf("SQL error: %s", sqlite3_errmsg(db));
		goto out;
	}
	filter_bind(f, stmt);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		t = xasprintf("%s%s%s", ids, *ids ? " " : "", sqlite3_column_text(stmt, 0));
		free(ids);
		ids = t;
	}
	if (rc != SQLITE_DONE) {
		free(ids);
		ids = xasprintf("SQL error: %s", sqlite3_errmsg(db));
	}
	sqlite3_finalize(stmt);
out:
	free(sql);
	filter_free(f);
	return ids;
}

/* Expect a filter to select exactly these ids. */
static void
selects(const char *kind, const char *expr, const char *want)
{
	char *got = test_select(kind, expr);

	is_str(got, want, "%s: %s", kind, expr);
	free(got);
}

/* Expect a filter to be refused with this message. */
static void
rejects(const char *kind, const char *expr, const char *want)
{
	struct filter *f;
	char *cause = NULL;

	if ((f = filter_compile(db, kind, expr, 1, &cause)) != NULL) {
		is_str(filter_sql(f), want, "%s: %s is refused", kind, expr);
		filter_free(f);
		return;
	}
	is_str(cause, want, "%s: %s is refused", kind, expr);
	free(cause);
}

/* The SQL a filter compiles to from parameter first, or its error. */
static char *
test_sql(const char *kind, const char *expr, int first)
{
	struct filter *f;
	char *cause = NULL, *sql;

	if ((f = filter_compile(db, kind, expr, first, &cause)) == NULL)
		return cause;
	sql = xstrdup(filter_sql(f));
	filter_free(f);
	return sql;
}

/* The number parameter 1 of a one-parameter filter is bound to, or -1. */
static double
test_bound_number(const char *kind, const char *expr)
{
	struct filter *f;
	sqlite3_stmt *stmt;
	char *cause = NULL;
	double d = -1;

	if ((f = filter_compile(db, kind, expr, 1, &cause)) == NULL) {
		diag("%s", cause);
		free(cause);
		return -1;
	}
	if (sqlite3_prepare_v2(db, "SELECT ?1", -1, &stmt, NULL) == SQLITE_OK) {
		filter_bind(f, stmt);
		if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) == SQLITE_FLOAT)
			d = sqlite3_column_double(stmt, 0);
		sqlite3_finalize(stmt);
	}
	filter_free(f);
	return d;
}

/* A single number from SQL. */
static long long
test_count(const char *sql)
{
	sqlite3_stmt *stmt;
	long long n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

/* Whether the SQL holds a quote other than those of the templates
 * (' ', '' and 'EUR'), or anything an injection would need. */
static int
test_sql_clean(const char *sql)
{
	static const char *const bad[] = { "DROP", "drop", "1=1", "--", ";", "\"", "/*", NULL };
	const char *const *b;
	const char *p;

	for (b = bad; *b != NULL; b++) {
		if (strstr(sql, *b) != NULL)
			return 0;
	}
	for (p = sql; (p = strchr(p, '\'')) != NULL; p++) {
		if (strncmp(p, "' '", 3) == 0 || strncmp(p, "'EUR'", 5) == 0)
			p += p[1] == ' ' ? 2 : 4;
		else if (strncmp(p, "''", 2) == 0)
			p++;
		else
			return 0;
	}
	return 1;
}

/*
 * A hostile filter: either refused with the message want_error, or compiled
 * to the very SQL of a harmless twin of the same shape, holding nothing of
 * the input, one read-only statement, selecting exactly want_ids.
 */
static void
hostile(const char *kind, const char *expr, const char *want_error, const char *twin,
    const char *want_ids)
{
	struct filter *f;
	sqlite3_stmt *stmt;
	const char *table, *id, *tail = NULL;
	char *cause = NULL, *sql, *twin_sql, *got;
	char label[80];

	snprintf(label, sizeof label, "%.60s", expr);
	test_kind(kind, &table, &id);
	f = filter_compile(db, kind, expr, 1, &cause);
	if (want_error != NULL) {
		is_str(f == NULL ? cause : filter_sql(f), want_error, "hostile %s: refused", label);
		filter_free(f);
		free(cause);
		return;
	}
	if (!ok(f != NULL, "hostile %s: compiles as a harmless filter", label)) {
		diag("%s", cause);
		free(cause);
		return;
	}
	twin_sql = test_sql(kind, twin, 1);
	is_str(filter_sql(f), twin_sql, "hostile %s: the same SQL as %s", label, twin);
	ok(test_sql_clean(filter_sql(f)), "hostile %s: no quote, comment or keyword of the input",
	    label);
	sql = xasprintf("SELECT %s FROM %s WHERE %s ORDER BY 1", id, table, filter_sql(f));
	if (!ok(sqlite3_prepare_v2(db, sql, -1, &stmt, &tail) == SQLITE_OK,
	    "hostile %s: prepares", label))
		diag("%s", sqlite3_errmsg(db));
	else {
		ok(sqlite3_stmt_readonly(stmt) && *tail == '\0',
		    "hostile %s: one read-only statement", label);
		sqlite3_finalize(stmt);
	}
	got = test_select(kind, expr);
	is_str(got, want_ids, "hostile %s: no extra rows", label);
	free(got);
	free(sql);
	free(twin_sql);
	filter_free(f);
}

/* Every field on every kind it applies to. */
static void
test_fields(void)
{
	char *s;

	s = filter_fields("funding");
	is_str(s, "kind, bloc, country, status, nature, domain, role, currency, confidence, "
	    "actor, source, stance, disputed, note, bookmarked, id, date, year, amount, mine",
	    "the fields of funding");
	free(s);
	s = filter_fields("countries");
	is_str(s, "bloc, country, source, stance, disputed, note, bookmarked, id, year, population, "
	    "mine",
	    "the fields of countries");
	free(s);
	s = filter_fields("records");
	is_str(s, "", "no fields for an unknown kind");
	free(s);

	selects("actors", "kind:company", "alpha-labs gamma-holding");
	selects("funding", "kind:equity_round", "alpha-series-b-2025");
	selects("events", "kind:summit", "ev-2025-02-10-test-summit");
	selects("blocs", "kind:state", "test-states");
	selects("sources", "kind:dataset", "fixture-stats");

	selects("actors", "bloc:test-union", "alpha-labs beta-bank test-commission testonia");
	selects("actors", "bloc:test-states", "gamma-fund gamma-holding");
	selects("funding", "bloc:test-union",
	    "alpha-series-b-2025 delta-range-2025 gamma-pledge-2025 test-union-chips-2025 "
	    "testonia-ai-grants-2024 testonia-plan-2025");
	selects("funding", "bloc:test-states", "");
	selects("events", "bloc:test-union", "ev-2025-02-09-testonia-plan "
	    "ev-2025-02-10-test-summit ev-2025-09-09-alpha-series-b");
	selects("blocs", "bloc:test-states", "test-states");
	selects("countries", "bloc:test-union", "XTA");

	selects("actors", "country:XTB", "gamma-fund gamma-holding");
	selects("funding", "country:XTA",
	    "alpha-series-b-2025 delta-range-2025 gamma-pledge-2025 "
	    "testonia-ai-grants-2024 testonia-plan-2025");
	selects("events", "country:XTB", "");
	selects("blocs", "country:XTA", "test-union");
	selects("countries", "country:XTB", "XTB");

	selects("funding", "nature:mixed", "alpha-series-b-2025 testonia-plan-2025");
	selects("funding", "nature:public", "test-union-chips-2025 testonia-ai-grants-2024");
	selects("funding", "domain:ai", "alpha-series-b-2025 testonia-ai-grants-2024");
	selects("funding", "domain:compute -nature:mixed",
	    "delta-range-2025 gamma-pledge-2025");
	selects("funding", "-domain:semiconductors year:2025",
	    "alpha-series-b-2025 delta-range-2025 gamma-pledge-2025 testonia-plan-2025");
	rejects("funding", "domain:general", "filter: no funding has domain 'general' at "
	    "column 8; values: ai, compute, semiconductors");
	selects("funding", "status:committed", "alpha-series-b-2025 gamma-pledge-2025 "
	    "test-union-chips-2025");
	selects("funding", "status:announced", "delta-range-2025 testonia-plan-2025");

	selects("actors", "role:sponsor", "gamma-fund testonia");
	selects("actors", "role:participant", "alpha-labs beta-bank");
	selects("actors", "role:lead", "beta-bank");
	selects("funding", "role:lead", "alpha-series-b-2025");
	selects("funding", "role:sponsor", "gamma-pledge-2025 testonia-plan-2025");
	selects("events", "role:participant",
	    "ev-2025-02-10-test-summit ev-2025-09-09-alpha-series-b");

	selects("funding", "currency:USD", "gamma-pledge-2025");
	selects("funding", "currency:usd", "gamma-pledge-2025");
	selects("figures", "currency:GW", "testonia-plan-capacity");

	selects("funding", "confidence:likely", "alpha-series-b-2025 gamma-pledge-2025 "
	    "test-union-chips-2025");
	selects("actors", "sector:public", "beta-bank test-commission testonia");
	selects("actors", "place:etienne", "beta-bank");
	selects("actors", "place:SAINT-ÉTIENNE-SUR-TEST", "beta-bank");
	selects("actors", "place:haute-testonie", "beta-bank");
	selects("actors", "sector:public -place:testonie", "test-commission testonia");
	selects("figures", "measure:chips", "alpha-chips");

	selects("funding", "actor:beta-bank", "alpha-series-b-2025");
	selects("funding", "actor:alpha-labs", "alpha-series-b-2025");
	selects("funding", "actor:testonia", "testonia-plan-2025");
	selects("events", "actor:alpha-labs",
	    "ev-2025-02-10-test-summit ev-2025-09-09-alpha-series-b");
	selects("figures", "actor:alpha-labs", "alpha-chips");

	selects("actors", "source:fixture-release", "alpha-labs");
	selects("funding", "source:fixture-release", "alpha-series-b-2025 gamma-pledge-2025");
	selects("events", "source:fixture-release", "ev-2025-09-09-alpha-series-b");
	selects("blocs", "source:fixture-news", "test-states test-union");
	selects("sources", "source:fixture-news", "fixture-news");
	selects("countries", "source:fixture-stats", "XTA XTB XTU");
	selects("figures", "source:fixture-news", "test-summit-participants testonia-plan-capacity");

	selects("funding", "stance:contradicts", "alpha-series-b-2025 delta-range-2025");
	selects("funding", "stance:context", "gamma-pledge-2025");
	selects("actors", "stance:supports", "alpha-labs beta-bank gamma-fund gamma-holding "
	    "test-commission testonia");
	selects("events", "stance:context", "");
	selects("blocs", "stance:supports", "test-states test-union");
	selects("countries", "stance:supports", "XTA XTB XTU");
	selects("figures", "stance:supports",
	    "alpha-chips test-summit-participants testonia-plan-capacity");

	selects("actors", "id:beta-bank", "beta-bank");
	selects("funding", "id:delta-range-2025", "delta-range-2025");
	selects("events", "id:ev-2025-02-10-test-summit", "ev-2025-02-10-test-summit");
	selects("blocs", "id:test-union", "test-union");
	selects("sources", "id:fixture-stats", "fixture-stats");
	selects("countries", "id:xtb", "XTB");
	selects("figures", "id:alpha-chips", "alpha-chips");
	selects("funding", "id:nothing-like-this", "");

	selects("actors", "date>=2023", "alpha-labs");
	selects("events", "date:2025-02", "ev-2025-02-09-testonia-plan ev-2025-02-10-test-summit");
	selects("sources", "date:2025-02", "fixture-gazette fixture-news seed-test-article");
	selects("figures", "date:2025", "alpha-chips test-summit-participants testonia-plan-capacity");

	selects("actors", "year:2023", "alpha-labs");
	selects("actors", "year:2024", "");
	selects("funding", "year:2025",
	    "alpha-series-b-2025 delta-range-2025 gamma-pledge-2025 test-union-chips-2025 "
	    "testonia-plan-2025");
	selects("events", "year<2025", "");
	selects("sources", "year:2025",
	    "fixture-gazette fixture-news fixture-release fixture-stats seed-test-article");
	selects("countries", "year:2024", "XTA XTB XTU");
	selects("figures", "year>=2025", "alpha-chips test-summit-participants testonia-plan-capacity");

	selects("figures", "value>=1000", "alpha-chips test-summit-participants");
	selects("figures", "value<10", "testonia-plan-capacity");
	selects("countries", "population>=50000000", "XTB XTU");
	selects("countries", "population<1e8", "XTA XTB XTU");
}

/* Comparisons of amounts and dates, and ranges. */
static void
test_comparisons(void)
{
	/* gamma-pledge-2025 is USD 10bn in 2025: EUR 8.85bn at 1.13. */
	selects("funding", "amount>=1bn",
	    "alpha-series-b-2025 delta-range-2025 gamma-pledge-2025 test-union-chips-2025 "
	    "testonia-ai-grants-2024 testonia-plan-2025");
	selects("funding", "amount>=10bn", "delta-range-2025 testonia-plan-2025");
	selects("funding", "amount<5e9", "alpha-series-b-2025 testonia-ai-grants-2024");
	selects("funding", "amount:1bn..20bn", "alpha-series-b-2025 gamma-pledge-2025 "
	    "test-union-chips-2025 testonia-ai-grants-2024");
	selects("funding", "amount:8.8bn..8.9bn", "gamma-pledge-2025");
	selects("funding", "amount>8.86bn", "delta-range-2025 testonia-plan-2025");
	selects("funding", "amount=1bn", "alpha-series-b-2025");
	selects("funding", "amount:1000M", "alpha-series-b-2025");
	/* A range of amounts compares by its upper end (30bn). */
	selects("funding", "amount>25bn", "delta-range-2025 testonia-plan-2025");

	is_int(test_bound_number("funding", "amount>1.5bn"), 1.5e9, "1.5bn");
	is_int(test_bound_number("funding", "amount>200M"), 2e8, "200M");
	is_int(test_bound_number("funding", "amount>400m"), 4e8, "400m is millions");
	is_int(test_bound_number("funding", "amount>10Md"), 1e10, "10Md");
	is_int(test_bound_number("funding", "amount>2B"), 2e9, "2B");
	is_int(test_bound_number("funding", "amount>3e9"), 3e9, "3e9");
	is_int(test_bound_number("funding", "amount>12k"), 12000, "12k");
	is_int(test_bound_number("funding", "amount>1T"), 1e12, "1T");
	is_int(test_bound_number("funding", "amount>.5bn"), 5e8, ".5bn");
	is_int(test_bound_number("countries", "population>12345"), 12345, "a plain number");

	/* Dates compare by prefix: a day is within its month. */
	selects("funding", "date>=2025-02",
	    "alpha-series-b-2025 delta-range-2025 gamma-pledge-2025 test-union-chips-2025 "
	    "testonia-plan-2025");
	selects("funding", "date>2025-02", "alpha-series-b-2025 test-union-chips-2025");
	selects("funding", "date<2025-02", "testonia-ai-grants-2024");
	selects("funding", "date<=2025-02", "delta-range-2025 gamma-pledge-2025 "
	    "testonia-ai-grants-2024 testonia-plan-2025");
	selects("funding", "date:2025-02", "delta-range-2025 gamma-pledge-2025 testonia-plan-2025");
	selects("funding", "date:2025-01..2025-06",
	    "delta-range-2025 gamma-pledge-2025 test-union-chips-2025 testonia-plan-2025");
	selects("funding", "date:2025-01..2025-02",
	    "delta-range-2025 gamma-pledge-2025 testonia-plan-2025");
	selects("funding", "date:2025-03..2025-12", "alpha-series-b-2025 "
	    "test-union-chips-2025");
	selects("events", "date<=2025-02-09", "ev-2025-02-09-testonia-plan");
	selects("events", "date>2025-02-09", "ev-2025-02-10-test-summit ev-2025-09-09-alpha-series-b");
	selects("events", "date:2025-02-10", "ev-2025-02-10-test-summit");
	selects("events", "date=2025-02-10", "ev-2025-02-10-test-summit");
	selects("funding", "year:2025..2025",
	    "alpha-series-b-2025 delta-range-2025 gamma-pledge-2025 test-union-chips-2025 "
	    "testonia-plan-2025");
	selects("funding", "year>2025", "");
}

/* Filters forgive spaces around operators and scales written as words. */
static void
test_forgiving(void)
{
	selects("funding", "amount >= 10bn", "delta-range-2025 testonia-plan-2025");
	selects("funding", "amount>= 10bn", "delta-range-2025 testonia-plan-2025");
	selects("funding", "amount\t>=\t10bn and status : announced",
	    "delta-range-2025 testonia-plan-2025");
	selects("funding", "kind : grant", "testonia-ai-grants-2024");
	selects("funding", "date >= 2025-09", "alpha-series-b-2025");
	selects("funding", "amount>=10billion", "delta-range-2025 testonia-plan-2025");
	is_int(test_bound_number("funding", "amount>2billion"), 2e9, "billion");
	is_int(test_bound_number("funding", "amount>2Billion"), 2e9, "Billion, in any case");
	is_int(test_bound_number("funding", "amount>300million"), 3e8, "million");
	is_int(test_bound_number("funding", "amount>5thousand"), 5000, "thousand");
	/* A word that is no field stays a word, spaces or not. */
	selects("actors", "alpha", "alpha-labs");
	rejects("funding", "amount >= ", "filter: expected a value after 'amount>=' at column 11");
	rejects("funding", "amount>=10gazillion", "filter: expected an amount in euros as 1.5bn, "
	    "200M, 10Md or 3e9, not '10gazillion' at column 9");
}

/* What is said when a filter matches nothing, and in its errors. */
static void
test_hints(void)
{
	char *hint;

	hint = filter_hint(db, "funding", "amount>=10 billion");
	is_str(hint, "did you mean 'amount>=10billion'? A number and its scale go together, "
	    "as 10bn or 10billion", "a scale apart from its number gets a hint");
	free(hint);
	hint = filter_hint(db, "funding", "amount >= 10 bn and status:announced");
	is_str(hint, "did you mean 'amount >= 10bn and status:announced'? A number and its "
	    "scale go together, as 10bn or 10billion", "so does bn, the rest kept");
	free(hint);
	hint = filter_hint(db, "actors", "compnay");
	is_str(hint, "did you mean 'kind:company'?", "a word near a value of a field");
	free(hint);
	hint = filter_hint(db, "actors", "(Company or person) bloc:eu");
	is_str(hint, "did you mean '(kind:company or person) bloc:eu'?",
	    "a value in another case, in parentheses");
	free(hint);
	hint = filter_hint(db, "funding", "anounced");
	is_str(hint, "did you mean 'status:announced'?", "a status misspelt");
	free(hint);
	hint = filter_hint(db, "actors", "zzzz");
	ok(hint == NULL, "no hint for a word near nothing");
	free(hint);
	hint = filter_hint(db, "actors", "no");
	ok(hint == NULL, "no hint of yes or no values");
	free(hint);
	rejects("actors", "knid:company", "filter: unknown field 'knid' at column 1; "
	    "did you mean kind? " ACTOR_FIELDS);
	rejects("actors", "kind:compnay", "filter: no actor has kind 'compnay' at column 6; "
	    "did you mean kind:company? values: company, fund, public_body, state");
	rejects("funding", "sector:public", "filter: 'sector' does not apply to funding at "
	    "column 1; " FUNDING_FIELDS);
}

/* Disputed fields, and membership of a bloc in time: XTB left the test
 * union on 2020-01-31. */
static void
test_claims_and_membership(void)
{
	selects("funding", "disputed:yes", "alpha-series-b-2025 delta-range-2025");
	selects("funding", "disputed:YES", "alpha-series-b-2025 delta-range-2025");
	selects("funding", "disputed:no", "gamma-pledge-2025 test-union-chips-2025 "
	    "testonia-ai-grants-2024 testonia-plan-2025");
	selects("funding", "-disputed:yes", "gamma-pledge-2025 test-union-chips-2025 "
	    "testonia-ai-grants-2024 testonia-plan-2025");
	selects("funding", "disputed:amount", "alpha-series-b-2025 delta-range-2025");
	selects("funding", "disputed:currency", "");
	selects("funding", "disputed:yes amount>=10bn", "delta-range-2025");
	selects("actors", "disputed:yes", "");
	selects("actors", "disputed:no",
	    "alpha-labs beta-bank gamma-fund gamma-holding test-commission testonia");
	rejects("funding", "disputed:colour",
	    "filter: no funding has disputed 'colour' at column 10; values: amount, amount_high, "
	    "amount_low, announced_on, bloc_id, confidence, country, currency, domain, horizon_end, "
	    "id, kind");
	rejects("sources", "disputed:yes", "filter: 'disputed' does not apply to sources at "
	    "column 1; fields: kind, source, note, bookmarked, id, date, year, mine");

	selects("actors", "bloc:test-union country:XTB", "");
	selects("actors", "bloc:test-union", "alpha-labs beta-bank test-commission testonia");
	selects("countries", "bloc:test-union", "XTA");
	selects("blocs", "country:XTB", "test-states");
	if (db_exec(db, "INSERT INTO event (id, date, kind, title_en, title_fr, summary_en,"
	    " summary_fr, country) VALUES"
	    " ('ev-2019-xtb', '2019-06-01', 'summit', 'A', 'A', 'A', 'A', 'XTB'),"
	    " ('ev-2020-xtb', '2020', 'summit', 'B', 'B', 'B', 'B', 'XTB'),"
	    " ('ev-2020-02-xtb', '2020-02', 'summit', 'C', 'C', 'C', 'C', 'XTB'),"
	    " ('ev-2023-xtb', '2023-11-01', 'summit', 'D', 'D', 'D', 'D', 'XTB')", NULL) != 0)
		bail_out("cannot add the events of XTB");
	selects("events", "bloc:test-union country:XTB", "ev-2019-xtb ev-2020-xtb");
	selects("events", "bloc:test-states country:XTB",
	    "ev-2019-xtb ev-2020-02-xtb ev-2020-xtb ev-2023-xtb");
	db_exec(db, "DELETE FROM event WHERE id GLOB 'ev-20*-xtb'", NULL);
}

/* Words, phrases, regular expressions, and the ways terms combine. */
static void
test_terms(void)
{
	selects("funding", "plan", "gamma-pledge-2025 testonia-ai-grants-2024 "
	    "testonia-plan-2025");
	selects("funding", "PLEDGE", "gamma-pledge-2025");
	selects("funding", "pled", "gamma-pledge-2025");
	selects("actors", "etats", "gamma-fund");
	selects("blocs", "ÉTATS", "test-states test-union");
	selects("actors", "\"test company\"", "alpha-labs");
	selects("actors", "\"company test\"", "");
	selects("actors", "\"test comp\"", "");
	selects("actors", "alpha", "alpha-labs");

	selects("funding", "/test/", "test-union-chips-2025 testonia-plan-2025");
	selects("funding", "/TEST/i", "gamma-pledge-2025 test-union-chips-2025 "
	    "testonia-ai-grants-2024 testonia-plan-2025");
	selects("funding", "/gamma's pledge/", "");
	selects("funding", "/Gamma's pledge/", "gamma-pledge-2025");
	selects("funding", "/Series [AB]/", "alpha-series-b-2025");
	selects("actors", "/Banque B.ta/", "beta-bank");
	selects("actors", "/BANQUE BÊTA/i", "beta-bank");
	selects("actors", "/en Testonie\\.$/", "alpha-labs");
	selects("blocs", "/\\bUT\\b/", "test-union");
	selects("countries", "/USoT/", "XTB");
	selects("funding", "/a\\/b/", "");
	selects("actors", "/Alpha/", "alpha-labs");
	selects("actors", "/(?i)ALPHA LABS/", "alpha-labs");
	selects("actors", "/Testoni[ae]\\./", "alpha-labs beta-bank testonia");
	selects("blocs", "/\\x{c9}tats/", "test-states test-union");
	selects("funding", "/Series B?/", "alpha-series-b-2025");
	selects("funding", "/plan.*test/", "testonia-plan-2025");

	/* The trigram prefilter only ever keeps more records than the pattern
	 * matches, never fewer: quantifiers in braces and escapes are not
	 * taken for literal text. */
	selects("funding", "/plan.{0,100}test/", "testonia-plan-2025");
	selects("actors", "/\\x41lpha/", "alpha-labs");
	selects("blocs", "/\\x{00C9}tats/", "test-states test-union");
	/* A regex reads the record's text as search --regex does: its names
	 * (the French one when it differs), its aliases, then its summaries. */
	selects("actors", "/Labs Alpha A test/", "alpha-labs");
	selects("blocs", "/Union de test TU UT A union/", "test-union");

	selects("funding", "not status:committed", "delta-range-2025 "
	    "testonia-ai-grants-2024 testonia-plan-2025");
	selects("funding", "NOT status:committed", "delta-range-2025 "
	    "testonia-ai-grants-2024 testonia-plan-2025");
	selects("funding", "-status:committed", "delta-range-2025 testonia-ai-grants-2024 "
	    "testonia-plan-2025");
	selects("funding", "not -status:committed", "alpha-series-b-2025 "
	    "gamma-pledge-2025 test-union-chips-2025");
	selects("funding", "status:announced and confidence:speculative", "delta-range-2025");
	selects("funding", "status:announced AND confidence:speculative", "delta-range-2025");
	selects("funding", "status:announced confidence:speculative", "delta-range-2025");
	selects("funding", "confidence:likely or confidence:speculative",
	    "alpha-series-b-2025 delta-range-2025 gamma-pledge-2025 test-union-chips-2025");
	selects("funding", "confidence:likely OR confidence:speculative",
	    "alpha-series-b-2025 delta-range-2025 gamma-pledge-2025 test-union-chips-2025");
	selects("funding", "status:announced or status:committed confidence:likely",
	    "alpha-series-b-2025 delta-range-2025 gamma-pledge-2025 test-union-chips-2025 "
	    "testonia-plan-2025");
	selects("funding", "(status:announced or status:committed) confidence:likely",
	    "alpha-series-b-2025 gamma-pledge-2025 test-union-chips-2025");
	selects("funding", "-(confidence:likely or confidence:speculative)",
	    "testonia-ai-grants-2024 testonia-plan-2025");
	selects("funding", "not(confidence:likely or confidence:speculative)",
	    "testonia-ai-grants-2024 testonia-plan-2025");
	selects("funding", "((kind:equity_round))", "alpha-series-b-2025");
	selects("funding", "plan -pledge", "testonia-ai-grants-2024 testonia-plan-2025");
	selects("funding", "(status:committed or kind:public_programme) and amount>1e9",
	    "gamma-pledge-2025 test-union-chips-2025 testonia-plan-2025");
	selects("funding", "bloc:test-union amount>=10bn year:2025",
	    "delta-range-2025 testonia-plan-2025");
	selects("actors", "kind:company or kind:fund -country:XTB", "alpha-labs gamma-holding");
	selects("actors", "\tkind:company\n", "alpha-labs gamma-holding");

	/* Countries and blocs by code, name or alias, in any case. */
	selects("actors", "bloc:TU", "alpha-labs beta-bank test-commission testonia");
	selects("actors", "bloc:tu", "alpha-labs beta-bank test-commission testonia");
	selects("actors", "bloc:ut", "alpha-labs beta-bank test-commission testonia");
	selects("actors", "bloc:TEST-UNION", "alpha-labs beta-bank test-commission testonia");
	selects("actors", "bloc:\"test union\"", "alpha-labs beta-bank test-commission testonia");
	selects("actors", "bloc:\"Union de test\"", "alpha-labs beta-bank test-commission testonia");
	selects("actors", "country:USoT", "gamma-fund gamma-holding");
	selects("actors", "country:usot", "gamma-fund gamma-holding");
	selects("actors", "country:xtb", "gamma-fund gamma-holding");
	selects("actors", "country:testonia", "alpha-labs beta-bank testonia");
	selects("actors", "country:Testonie", "alpha-labs beta-bank testonia");
	selects("actors", "country:\"united states of test\"", "gamma-fund gamma-holding");
	selects("countries", "country:USOT", "XTB");
	selects("blocs", "country:usot", "test-states");

	/* The SQL, numbered from the first parameter asked for. */
	{
		char *s = test_sql("funding", "status:committed or not confidence:likely", 4);
		is_str(s, "funding.status = ?4 OR (funding.confidence = ?5) IS NOT 1",
		    "parameters numbered from 4");
		free(s);
		s = test_sql("funding", "(kind:loan or -kind:fund) year:2025", 7);
		ok(s != NULL && strncmp(s, "filter: no funding has kind 'loan'", 34) == 0,
		    "values are checked inside parentheses");
		free(s);
		s = test_sql("events", "(kind:summit or -kind:funding) year:2025", 7);
		is_str(s, "(event.kind = ?7 OR (event.kind = ?8) IS NOT 1) AND "
		    "substr(substr(event.date, 1, 4), 1, length(?9)) = ?10",
		    "parentheses, not, or, implicit and");
		free(s);
	}
}

/* Each mistake, with its message and column. */
static void
test_errors(void)
{
	rejects("funding", "colour:red", "filter: unknown field 'colour' at column 1; "
	    FUNDING_FIELDS);
	rejects("funding", "kind:loan colour:red", "filter: no funding has kind 'loan' at "
	    "column 6; values: equity_round, grant, private_commitment, public_programme");
	rejects("funding", "plan colour:red", "filter: unknown field 'colour' at column 6; "
	    FUNDING_FIELDS);
	rejects("actors", "amount>1bn", "filter: 'amount' does not apply to actors at column 1; "
	    ACTOR_FIELDS);
	rejects("funding", "sector:public", "filter: 'sector' does not apply to funding at column 1; "
	    FUNDING_FIELDS);
	rejects("funding", "place:test", "filter: 'place' does not apply to funding at column 1; "
	    FUNDING_FIELDS);
	rejects("actors", "place:nowhere", "filter: no actor has place 'nowhere' at column 7; "
	    "values: Haute-Testonie, Saint-Étienne-sur-Test");
	rejects("sources", "country:XTA", "filter: 'country' does not apply to sources at column 1; "
	    "fields: kind, source, note, bookmarked, id, date, year, mine");
	rejects("records", "kind:company", "filter: records cannot be filtered");

	rejects("funding", "kind:", "filter: expected a value after 'kind:' at column 6");
	/* A space after the operator is forgiven: the value is still checked. */
	rejects("funding", "kind: company", "filter: no funding has kind 'company' at column 7; "
	    "values: equity_round, grant, private_commitment, public_programme");
	rejects("funding", "(kind:)", "filter: expected a value after 'kind:' at column 7");

	rejects("funding", "amount=>1bn",
	    "filter: expected ':', '=', '<', '<=', '>' or '>=' after 'amount' at column 7");
	rejects("funding", "amount<>1bn",
	    "filter: expected ':', '=', '<', '<=', '>' or '>=' after 'amount' at column 7");
	rejects("funding", "kind::loan",
	    "filter: expected ':', '=', '<', '<=', '>' or '>=' after 'kind' at column 5");
	rejects("funding", "amount>=<1",
	    "filter: expected ':', '=', '<', '<=', '>' or '>=' after 'amount' at column 7");
	rejects("funding", "kind!=loan",
	    "filter: expected ':', '=', '<', '<=', '>' or '>=' after 'kind' at column 5");

	rejects("funding", "status>committed",
	    "filter: 'status' takes ':' and a value, not a comparison at column 7");
	rejects("actors", "kind<=company",
	    "filter: 'kind' takes ':' and a value, not a comparison at column 5");

	rejects("funding", "date>=2025-2",
	    "filter: expected a date as 2025, 2025-02 or 2025-02-10, not '2025-2' at column 7");
	rejects("funding", "date:feb",
	    "filter: expected a date as 2025, 2025-02 or 2025-02-10, not 'feb' at column 6");
	rejects("funding", "date:2025-01..2025-6",
	    "filter: expected a date as 2025, 2025-02 or 2025-02-10, not '2025-6' at column 15");
	rejects("funding", "date:..2025",
	    "filter: expected a date as 2025, 2025-02 or 2025-02-10, not '' at column 6");
	rejects("funding", "year:25", "filter: expected a year as 2025, not '25' at column 6");
	rejects("funding", "year:2025-02", "filter: expected a year as 2025, not '2025-02' at column 6");

	rejects("funding", "amount>1.5bnn", "filter: expected an amount in euros as 1.5bn, 200M, "
	    "10Md or 3e9, not '1.5bnn' at column 8");
	rejects("funding", "amount>lots", "filter: expected an amount in euros as 1.5bn, 200M, "
	    "10Md or 3e9, not 'lots' at column 8");
	rejects("funding", "amount>-5", "filter: expected an amount in euros as 1.5bn, 200M, "
	    "10Md or 3e9, not '-5' at column 8");
	rejects("funding", "amount>1e999", "filter: expected an amount in euros as 1.5bn, 200M, "
	    "10Md or 3e9, not '1e999' at column 8");
	rejects("funding", "amount:1bn..", "filter: expected an amount in euros as 1.5bn, 200M, "
	    "10Md or 3e9, not '' at column 13");
	rejects("countries", "population>10M",
	    "filter: expected a number, not '10M' at column 12");

	rejects("funding", "status:comitted",
	    "filter: no funding has status 'comitted' at column 8; did you mean "
	    "status:committed? values: announced, "
	    "committed, disbursed");
	rejects("actors", "role:operator", "filter: no actor has role 'operator' at column 6; values: "
	    "announcer, host, investor, lead, participant, recipient, sponsor, subject");
	rejects("funding", "actor:nobody", "filter: no funding has actor 'nobody' at column 7; "
	    "values: alpha-labs, beta-bank, gamma-fund, gamma-holding, test-commission, testonia");
	rejects("actors", "bloc:Alpha", "filter: no actor has bloc 'Alpha' at column 6; "
	    "values: test-states, test-union");
	rejects("countries", "country:FRA", "filter: no country has country 'FRA' at column 9; "
	    "values: XTA, XTB, XTU");

	rejects("funding", "\"data centre", "filter: a quote is not closed at column 1");
	rejects("actors", "country:\"Testonia", "filter: a quote is not closed at column 9");
	rejects("funding", "(status:committed or confidence:likely",
	    "filter: this parenthesis is not closed at column 1");
	rejects("funding", "plan ((status:committed)", "filter: this parenthesis is not closed at column 6");
	rejects("funding", ")", "filter: unexpected ')' at column 1");
	rejects("funding", "status:committed)", "filter: unexpected ')' at column 17");
	rejects("funding", "plan ( )", "filter: unexpected ')' at column 8");
	rejects("funding", "/gigafact(ory|ories)", "filter: a /regex/ is not closed with '/' at column 1");
	rejects("funding", "plan /a\\/", "filter: a /regex/ is not closed with '/' at column 6");
	rejects("funding", "/plan/x", "filter: unknown regex flag 'x' (only i is known) at column 7");
	rejects("funding", "/plan/ix", "filter: unknown regex flag 'x' (only i is known) at column 8");
	rejects("funding", "/gigafact(ory/", "filter: regex: missing closing parenthesis at column 14");
	rejects("funding", "/gigafact(ory/i", "filter: regex: missing closing parenthesis at column 14");
	rejects("funding", "/a)b/", "filter: regex: unmatched closing parenthesis at column 3");
	rejects("funding", "/a)b/i", "filter: regex: unmatched closing parenthesis at column 3");
	rejects("funding", "/*a/", "filter: regex: quantifier does not follow a repeatable item "
	    "at column 2");
	rejects("funding", "", "filter: empty; write terms such as kind:company or mistral");
	rejects("funding", " \t ", "filter: empty; write terms such as kind:company or mistral");
	rejects("funding", "status:committed and", "filter: expected a term at the end at column 21");
	rejects("funding", "not", "filter: expected a term at the end at column 4");
	rejects("funding", "plan or", "filter: expected a term at the end at column 8");
	rejects("funding", "status:committed ) plan", "filter: unexpected ')' at column 18");

	/* Columns count characters, not bytes. */
	rejects("funding", "données colour:x", "filter: unknown field 'colour' at column 9; "
	    FUNDING_FIELDS);
	rejects("funding", "\"États-Unis\" status:x", "filter: no funding has status 'x' "
	    "at column 21; values: announced, committed, disbursed");
	rejects("funding", "/é(/", "filter: regex: missing closing parenthesis at column 4");
	rejects("funding", "/€€€)/", "filter: regex: unmatched closing parenthesis at column 5");
	rejects("funding", "/Ü(/i", "filter: regex: missing closing parenthesis at column 4");

	/* Known bugs: each should be a filter error, not broken SQL or
	 * nothing found. */
	{
		char *got = test_select("funding", "amount!5");
		ok(strncmp(got, "filter: ", 8) == 0, "%s", "amount!5 is refused by the filter");
		free(got);
		got = test_select("funding", "date!2025");
		ok(strncmp(got, "filter: ", 8) == 0, "%s", "date!2025 is refused by the filter");
		free(got);
		got = test_select("funding", "plan \"\"");
		ok(strncmp(got, "filter: ", 8) == 0, "%s", "an empty phrase is refused by the filter");
		free(got);
		got = test_select("funding", "status:COMMITTED");
		ok(strncmp(got, "filter: ", 8) == 0 ||
		    strcmp(got, "alpha-series-b-2025 gamma-pledge-2025 test-union-chips-2025") == 0,
		    "%s", "status:COMMITTED is an error or finds the committed funding");
		free(got);
		got = test_select("actors", "kind:Company");
		ok(strncmp(got, "filter: ", 8) == 0 ||
		    strcmp(got, "alpha-labs gamma-holding") == 0, "%s", "kind:Company is an error or finds the companies");
		free(got);
		got = test_select("figures", "currency:people");
		ok(strcmp(got, "test-summit-participants") == 0, "%s", "currency:people finds the figure in people");
		free(got);
	}
}

/* Hostile input in every place, and the database afterwards. */
/* A mistake's code, column and expected items, as callers read them. */
static void
test_error_fields(void)
{
	struct filter_error err;
	char *msg;

	ok(filter_compile_error(db, "actors", "kind:company amount>1bn", 1, &err) == NULL &&
	    err.code == FILTER_ERR_OTHER_KIND && err.column == 14 &&
	    err.expect == FILTER_EXPECTED_FIELDS && strstr(err.expected, "sector") != NULL &&
	    strstr(err.expected, "amount") == NULL,
	    "%s", "a field of another kind: its code, its column and the kind's fields");
	msg = filter_error_message(&err);
	is_str(msg, "filter: 'amount' does not apply to actors at column 14; " ACTOR_FIELDS,
	    "%s", "its message says the same");
	free(msg);
	filter_error_free(&err);
	ok(filter_compile_error(db, "funding", "status:comitted", 1, &err) == NULL &&
	    err.code == FILTER_ERR_VALUE && err.column == 8 &&
	    err.expect == FILTER_EXPECTED_VALUES && strstr(err.expected, "committed") != NULL,
	    "%s", "a value the data lacks: its code, its column and the values");
	filter_error_free(&err);
	ok(filter_compile_error(db, "funding", "blok:x", 1, &err) == NULL &&
	    err.code == FILTER_ERR_FIELD && err.column == 1, "%s", "an unknown field: its code");
	filter_error_free(&err);
	ok(filter_compile_error(db, "funding", "  ", 1, &err) == NULL &&
	    err.code == FILTER_ERR_EMPTY && err.column == 0, "%s", "an empty filter: its code");
	filter_error_free(&err);
	ok(filter_compile_error(db, "funding", "(mistral", 1, &err) == NULL &&
	    err.code == FILTER_ERR_SYNTAX && err.column == 1 && err.expected == NULL,
	    "%s", "a parenthesis not closed: a syntax error at its column");
	filter_error_free(&err);
}

static void
test_injection(void)
{
	long long actors = test_count("SELECT count(*) FROM actor");
	long long objects = test_count("SELECT count(*) FROM sqlite_master");
	char *longword = xmalloc(100001), *longexpr;

	hostile("actors", "kind:company' OR 1=1 --", "filter: no actor has kind 'company'' at "
	    "column 6; did you mean kind:company? values: company, fund, public_body, state", NULL, NULL);
	hostile("funding", "amount>1); DROP TABLE actor; --", "filter: unexpected ')' at column 9",
	    NULL, NULL);
	hostile("actors", "\"a\\\" OR 1=1", NULL, "\"b\" OR x", "alpha-labs beta-bank gamma-fund");
	hostile("funding", "/x/ ) OR (1=1", "filter: unexpected ')' at column 5", NULL, NULL);
	hostile("actors", "country:FRA'--", "filter: no actor has country 'FRA'--' at column 9; "
	    "values: XTA, XTB, XTU", NULL, NULL);
	hostile("actors", "bloc:eu\" OR \"1\"=\"1", "filter: no actor has bloc 'eu\"' at column 6; "
	    "values: test-states, test-union", NULL, NULL);
	hostile("funding", "date:2025'", "filter: expected a date as 2025, 2025-02 or 2025-02-10, "
	    "not '2025'' at column 6", NULL, NULL);
	hostile("funding", "date:2025'..2026", "filter: expected a date as 2025, 2025-02 or "
	    "2025-02-10, not '2025'' at column 6", NULL, NULL);
	hostile("funding", "status:\"committed' --\"", "filter: no funding has status "
	    "'committed' --' at column 8; values: announced, committed, disbursed", NULL, NULL);
	hostile("funding", "amount>1e9--", "filter: expected an amount in euros as 1.5bn, 200M, "
	    "10Md or 3e9, not '1e9--' at column 8", NULL, NULL);
	hostile("actors", "id:x' OR '1'='1", NULL, "id:y OR z", "");
	hostile("actors", "id:\"x' OR '1'='1\"", NULL, "id:y", "");
	hostile("actors", "'; DROP TABLE actor; --", NULL, "a b c d --", "");
	hostile("actors", "\"'); DROP TABLE actor; --\"", NULL, "\"x\"", "");
	hostile("actors", "/'); DROP TABLE actor; --/", "filter: regex: unmatched closing "
	    "parenthesis at column 3", NULL, NULL);
	/* Escapes leave the regex without a prefilter: compare with one that
	 * has an escape too. */
	hostile("actors", "/'\\); DROP TABLE actor; --/", NULL, "/x\\)yz/", "");
	hostile("actors", "/\"\\); DROP TABLE actor; --/i", NULL, "/x\\)yz/i", "");
	hostile("actors", "/'\\)/", NULL, "/x/", "");
	hostile("actors", "not (id:x' or id:y\")", NULL, "not (id:a or id:b)",
	    "alpha-labs beta-bank gamma-fund gamma-holding test-commission testonia");
	hostile("actors", "kind;DROP:x", NULL, "x", "");
	hostile("funding", "date>=2025 OR 1=1", NULL, "date>=2025 OR x",
	    "alpha-series-b-2025 delta-range-2025 gamma-pledge-2025 test-union-chips-2025 "
	    "testonia-plan-2025");

	/* A very long value, as a word, an id and a country. */
	memset(longword, 'q', 100000);
	longword[100000] = '\0';
	hostile("actors", longword, NULL, "x", "");
	longexpr = xasprintf("id:%s", longword);
	hostile("actors", longexpr, NULL, "id:x", "");
	free(longexpr);
	longexpr = xasprintf("/%s/", longword);
	hostile("actors", longexpr, "filter: regex: regular expression is too large at column "
	    "100002", NULL, NULL);
	free(longexpr);
	longexpr = xasprintf("country:%s", longword);
	{
		char *got = test_select("actors", longexpr);
		ok(strncmp(got, "filter: no actor has country 'qqqq", 34) == 0 &&
		    strstr(got, "' at column 9; values: XTA, XTB, XTU") != NULL,
		    "a very long country is refused");
		free(got);
	}
	free(longexpr);
	free(longword);

	is_int(test_count("SELECT count(*) FROM actor"), actors, "the actors are all there");
	is_int(test_count("SELECT count(*) FROM sqlite_master"), objects,
	    "the schema is as it was");
}

/* Whether compiling expr in a child process ends without a crash. */
static int
test_survives(const char *expr)
{
	pid_t pid;
	int status;

	fflush(stdout);
	if ((pid = fork()) == -1)
		return 0;
	if (pid == 0) {
		char *cause = NULL;
		struct filter *f;

		/* A crash report is not the test's output. */
		if (freopen("/dev/null", "w", stderr) == NULL)
			_exit(3);
		f = filter_compile(db, "funding", expr, 1, &cause);
		filter_free(f);
		free(cause);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Run one statement of one text parameter; its error message, or the
 * integer it gives as text ("NULL" for NULL). */
static char *
test_regexp(const char *sql, const char *text, int len)
{
	sqlite3_stmt *stmt;
	char *r;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return xasprintf("prepare: %s", sqlite3_errmsg(db));
	if (text != NULL)
		sqlite3_bind_text(stmt, 1, text, len, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW)
		r = xstrdup(sqlite3_errmsg(db));
	else if (sqlite3_column_type(stmt, 0) == SQLITE_NULL)
		r = xstrdup("NULL");
	else
		r = xasprintf("%lld", (long long)sqlite3_column_int64(stmt, 0));
	sqlite3_finalize(stmt);
	return r;
}

/* regexp(): matches, limits, text that is not UTF-8. */
static void
test_regex(void)
{
	struct timespec t0, t1;
	double elapsed;
	char *text, *got;

	got = test_regexp("SELECT regexp('^.$', ?1)", "é", -1);
	is_str(got, "1", "regexp: UTF-8 mode, é is one character");
	free(got);
	got = test_regexp("SELECT ?1 REGEXP 'b+'", "abbc", -1);
	is_str(got, "1", "X REGEXP Y calls regexp(Y, X)");
	free(got);
	got = test_regexp("SELECT regexp('x', ?1)", "abc", -1);
	is_str(got, "0", "regexp: no match is 0");
	free(got);
	got = test_regexp("SELECT regexp('x', NULL)", NULL, 0);
	is_str(got, "NULL", "regexp: NULL text gives NULL");
	free(got);
	got = test_regexp("SELECT regexp('a(', ?1)", "a", -1);
	is_str(got, "regex: missing closing parenthesis at offset 2", "regexp: a bad pattern");
	free(got);

	/* Text that is not UTF-8 does not match, and is not an error. */
	got = test_regexp("SELECT regexp('a', ?1)", "a\xff", 2);
	is_str(got, "0", "regexp: invalid UTF-8 does not match");
	free(got);
	got = test_regexp("SELECT regexp('.', ?1)", "\xc3", 1);
	is_str(got, "0", "regexp: a truncated sequence does not match");
	free(got);
	got = test_regexp("SELECT regexp('.', CAST(X'EDA080' AS TEXT))", NULL, 0);
	is_str(got, "0", "regexp: an encoded surrogate does not match");
	free(got);

	/* A pattern that backtracks without end stops with the limit error. */
	text = xmalloc(100002);
	memset(text, 'a', 100000);
	text[100000] = 'b';
	text[100001] = '\0';
	clock_gettime(CLOCK_MONOTONIC, &t0);
	got = test_regexp("SELECT regexp('(a+)+$', ?1)", text, -1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	elapsed = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	is_str(got, LIMIT_ERROR, "(a+)+$ over 100,000 a and a b: the limit error");
	ok(elapsed < 1.0, "(a+)+$ over 100,000 a and a b: under a second (%.3fs)", elapsed);
	free(got);
	got = test_regexp("SELECT regexp('(x+x+)+$', ?1)", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy",
	    -1);
	is_str(got, LIMIT_ERROR, "(x+x+)+$ over 40 x and a y: the limit error");
	free(got);
	got = test_regexp("SELECT count(*) FROM (SELECT 1 UNION ALL SELECT 2) WHERE "
	    "regexp('(a+)+$', ?1)", text, -1);
	is_str(got, LIMIT_ERROR, "the limit ends the statement, not one row");
	free(got);
	free(text);
	got = test_select("actors", "/(.*)*x$/");
	is_str(got, "SQL error: " LIMIT_ERROR, "a /regex/ filter stops at the limit too");
	free(got);
}

/* Completions of fields and of values. */
static void
test_complete(void)
{
	struct {
		const char	*kind;
		const char	*expr;
		const char	*want;
	} cases[] = {
		{ "funding", "st", "status: stance:" },
		{ "funding", "a", "actor: amount" },
		{ "funding", "kind:company d", "domain: disputed: date" },
		{ "funding", "disputed:y", "disputed:yes" },
		{ "actors", "s", "sector: source: stance:" },
		{ "actors", "p", "place:" },
		{ "actors", "place:s", "place:Saint-Étienne-sur-Test" },
		{ "actors", "place:h", "place:Haute-Testonie" },
		{ "funding", "", "kind: bloc: country: status: nature: domain: role: currency: "
		  "confidence: actor: source: stance: disputed: note: bookmarked: id: date year amount "
		  "mine:" },
		{ "funding", "status:c", "status:committed" },
		{ "funding", "status:", "status:announced status:committed status:disbursed" },
		{ "funding", "nature:", "nature:mixed nature:private nature:public" },
		{ "funding", "domain:s", "domain:semiconductors" },
		{ "funding", "-kind:p", "kind:private_commitment kind:public_programme" },
		{ "actors", "(role:s", "role:sponsor role:subject" },
		{ "countries", "country:X", "country:XTA country:XTB country:XTU" },
		{ "actors", "plan bloc:test-", "bloc:test-states bloc:test-union" },
		{ "figures", "currency:", "currency:GW currency:chips currency:people" },
		{ "funding", "zz", "(none)" },
		{ "funding", "status:x", "(none)" },
		{ "funding", "sector:", "(none)" },
		{ "funding", "date:", "(none)" },
		{ "records", "k", "(none)" },
		{ NULL, NULL, NULL }
	};
	char **list, **p, *got, *t;
	int i;

	for (i = 0; cases[i].kind != NULL; i++) {
		list = filter_complete(db, cases[i].kind, cases[i].expr);
		got = xstrdup(list == NULL || *list == NULL ? "(none)" : "");
		for (p = list; p != NULL && *p != NULL; p++) {
			t = xasprintf("%s%s%s", got, *got ? " " : "", *p);
			free(got);
			got = t;
		}
		is_str(got, cases[i].want, "complete %s: '%s'", cases[i].kind, cases[i].expr);
		free(got);
		filter_free_completions(list);
	}
}

int
main(void)
{
	char *deep;

	test_load_fixture();
	test_fields();
	test_comparisons();
	test_forgiving();
	test_hints();
	test_terms();
	test_claims_and_membership();
	test_errors();
	test_error_fields();
	test_injection();
	test_regex();
	test_complete();

	/* A filter nested deeper than the stack must not crash. */
	deep = xmalloc(200002);
	memset(deep, '(', 100000);
	deep[100000] = 'x';
	memset(deep + 100001, ')', 100000);
	deep[200001] = '\0';
	ok(test_survives(deep), "%s", "100,000 nested parentheses do not crash");
	free(deep);

	sqlite3_close(db);
	done_testing();
	return exit_status();
}
