/* Comparisons of 2 to 4 actors, countries or blocs, row by row, for the
 * compare command and the explorer's compare view. */
#include "config.h"
#include "compare.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "money.h"
#include "norm.h"
#include "number.h"
#include "record.h"
#include "xmalloc.h"

/* The funding a record receives or that goes to its place (?1 its id): a
 * country's, a bloc's (its own and its present members'), an actor's (as
 * recipient). A state stands for its country. */
static const char compare_received_sql[] =
	"SELECT id FROM funding WHERE ?2 = 'country' AND country = ?1"
	" UNION SELECT id FROM funding WHERE ?2 = 'bloc' AND (bloc_id = ?1 OR country IN"
	"  (SELECT iso3 FROM bloc_member WHERE bloc_id = ?1 AND until IS NULL))"
	" UNION SELECT id FROM funding WHERE ?2 = 'actor' AND recipient_id = ?1"
	" UNION SELECT funding_id FROM funding_party WHERE ?2 = 'actor' AND actor_id = ?1"
	"  AND role = 'recipient'"
	" UNION SELECT id FROM funding WHERE ?2 = 'actor' AND country ="
	"  (SELECT country FROM actor WHERE id = ?1 AND kind = 'state')";

/* The funding a record gives: its parties' roles other than recipient. */
static const char compare_given_sql[] =
	"SELECT funding_id FROM funding_party WHERE actor_id = ?1 AND role <> 'recipient'";

/* Whether the amount of a funding counted in a total (top.id) is disputed:
 * its amount, range or currency. */
#define COMPARE_DISPUTED \
	"EXISTS (SELECT 1 FROM disputed AS d WHERE d.subject_id = top.id" \
	" AND (d.field GLOB 'amount*' OR d.field = 'currency'))"

/* The largest item counted in a total, first. */
#define COMPARE_LARGEST_FIRST \
	" ORDER BY eur(coalesce(amount, amount_high), currency, announced_on) DESC NULLS LAST"

/*
 * Totals of a set of funding (%s), each pledge counted once: a part whose
 * parent is in the set too is left out. Low and high ends of ranges in
 * euros and dollars at each year's rate; cancelled funding does not count.
 * Then whether a disputed amount is in the total, in each status's, and
 * is the largest item.
 */
static const char compare_totals_sql[] =
	"WITH RECURSIVE s(id) AS (%s),"
	" up(id, anc) AS (SELECT f.id, f.parent_id FROM funding AS f JOIN s ON s.id = f.id"
	"  WHERE f.parent_id IS NOT NULL"
	"  UNION ALL SELECT up.id, p.parent_id FROM up JOIN funding AS p ON p.id = up.anc"
	"  WHERE p.parent_id IS NOT NULL),"
	" top AS (SELECT f.* FROM funding AS f JOIN s ON s.id = f.id WHERE f.status <> 'cancelled'"
	"  AND f.id NOT IN (SELECT up.id FROM up JOIN s ON s.id = up.anc))"
	" SELECT (SELECT count(*) FROM s),"
	"  sum(eur(coalesce(amount, amount_low), currency, announced_on)),"
	"  sum(eur(coalesce(amount, amount_high), currency, announced_on)),"
	"  sum(usd(coalesce(amount, amount_low), currency, announced_on)),"
	"  sum(usd(coalesce(amount, amount_high), currency, announced_on)),"
	"  sum(CASE status WHEN 'announced' THEN eur(coalesce(amount, amount_high), currency, announced_on) END),"
	"  sum(CASE status WHEN 'committed' THEN eur(coalesce(amount, amount_high), currency, announced_on) END),"
	"  sum(CASE status WHEN 'disbursed' THEN eur(coalesce(amount, amount_high), currency, announced_on) END),"
	"  (SELECT id FROM top" COMPARE_LARGEST_FIRST " LIMIT 1),"
	"  (SELECT max(eur(coalesce(amount, amount_high), currency, announced_on)) FROM top),"
	/* The rates used: of each currency and year, and of the dollar for
	 * each year, which the dollar total takes. */
	"  (SELECT group_concat(c) FROM (SELECT currency || ' ' || substr(announced_on, 1, 4) AS c"
	"   FROM top WHERE currency IS NOT NULL AND currency <> 'EUR'"
	"   UNION SELECT 'USD ' || substr(announced_on, 1, 4) FROM top WHERE currency IS NOT NULL)),"
	"  max(" COMPARE_DISPUTED "),"
	"  max(CASE status WHEN 'announced' THEN " COMPARE_DISPUTED " END),"
	"  max(CASE status WHEN 'committed' THEN " COMPARE_DISPUTED " END),"
	"  max(CASE status WHEN 'disbursed' THEN " COMPARE_DISPUTED " END),"
	"  (SELECT " COMPARE_DISPUTED " FROM top" COMPARE_LARGEST_FIRST " LIMIT 1)"
	" FROM top";

/* A record's place: population, GDP, their year and source; its events and
 * sources; its blocs or members. ?1 is the id, ?2 its kind. */
static const char compare_place_sql[] =
	"SELECT c.population, c.gdp_usd, c.stats_year, s.title"
	" FROM country AS c LEFT JOIN source AS s ON s.id = c.source_id"
	" WHERE c.iso3 = CASE ?2 WHEN 'country' THEN ?1"
	"  WHEN 'bloc' THEN (SELECT stats_iso3 FROM bloc WHERE id = ?1)"
	"  ELSE (SELECT country FROM actor WHERE id = ?1 AND kind = 'state') END";
static const char compare_events_sql[] =
	"SELECT count(*), min(date), max(date) FROM event WHERE"
	" (?2 = 'actor' AND id IN (SELECT event_id FROM event_actor WHERE actor_id = ?1))"
	" OR (?2 = 'country' AND country = ?1)"
	" OR (?2 = 'bloc' AND (bloc_id = ?1 OR country IN"
	"  (SELECT iso3 FROM bloc_member WHERE bloc_id = ?1 AND until IS NULL)))";
static const char compare_sources_sql[] =
	"SELECT count(DISTINCT source_id) FROM citation WHERE subject_id = ?1";
static const char compare_membership_sql[] =
	"SELECT CASE ?2"
	" WHEN 'bloc' THEN (SELECT 'members: ' || count(*) FROM bloc_member WHERE bloc_id = ?1"
	"  AND until IS NULL)"
	" WHEN 'country' THEN (SELECT group_concat(bloc_id, ', ') FROM bloc_member"
	"  WHERE iso3 = ?1 AND until IS NULL)"
	" ELSE (SELECT kind || coalesce(' · ' || country, '') || coalesce(' · ' || bloc_id, '')"
	"  FROM actor WHERE id = ?1) END";

/* Add a row; its cells come with compare_cell(). */
static struct compare_row *
compare_row(struct compare *c, const char *label, int chart)
{
	struct compare_row *r;

	c->rows = xreallocarray(c->rows, c->nrows + 1, sizeof *c->rows);
	r = &c->rows[c->nrows++];
	memset(r, 0, sizeof *r);
	r->label = xstrdup(label);
	r->chart = chart;
	return r;
}

/* Set cell i of a row: text, and a number if has. */
static void __attribute__((format(printf, 5, 6)))
compare_cell(struct compare_row *r, int i, int has, double value, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	r->text[i] = xvasprintf(fmt, ap);
	va_end(ap);
	r->has_value[i] = has;
	r->value[i] = value;
}

/* Run a one-row query with ?1 = id and ?2 = kind; the statement, stepped. */
static sqlite3_stmt *
compare_query(sqlite3 *db, const char *sql, const char *id, const char *kind)
{
	sqlite3_stmt *stmt;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, kind, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return NULL;
	}
	return stmt;
}

/* A sum in euros as people read it: "€1.2bn", "€30–50bn", "–". */
static char *
compare_money(double low, double high, int has, const char *currency)
{
	char buf[64];

	if (!has)
		return xstrdup("–");
	if (high > low * 1.0001)
		return xstrdup(money_format_range(low, high, currency, buf, sizeof buf));
	return xstrdup(money_format(high, currency, buf, sizeof buf));
}

/* The rates behind a total: "USD 1.13 per € (2025)", from the list of
 * "CUR YEAR" the totals query gives. */
static char *
compare_rates(sqlite3 *db, const char *list)
{
	char *copy, *item, *next, *text, *t, *e, cur[8];
	struct norm_rate r;
	int year;

	if (list == NULL)
		return xstrdup("–");
	text = xstrdup("");
	copy = xstrdup(list);
	for (item = copy; item != NULL; item = next) {
		if ((next = strchr(item, ',')) != NULL)
			*next++ = '\0';
		if (sscanf(item, "%7s %d", cur, &year) != 2 || norm_rate(db, cur, year, &r) != 0)
			continue;
		e = norm_explain(&r);
		t = xasprintf("%s%s%s", text, *text ? "; " : "", e);
		free(e);
		free(text);
		text = t;
	}
	free(copy);
	return text;
}

/* Fill the rows of record i. */
static void
compare_fill(struct compare *c, sqlite3 *db, int i, int first)
{
	const char *id = c->id[i], *kind = c->kind[i];
	const char *place_kind = strcmp(kind, "actor") == 0 ? "actor" : kind;
	sqlite3_stmt *stmt, *place;
	double lo, hi, usd_lo, usd_hi, pop = 0, gdp = 0, largest;
	int has, r = 0, count, disputed, largest_disputed;
	char *sql, *text;
	const char *largest_id, *rates;
	struct compare_row *row;
	char buf[64];

#define ROW(label, chart) (first ? compare_row(c, label, chart) : &c->rows[r++])
	if (!first)
		r = 0;
	stmt = compare_query(db, compare_membership_sql, id, kind);
	row = ROW(_("kind"), 0);
	compare_cell(row, i, 0, 0, "%s", kind);
	row = ROW(_("blocs and members"), 0);
	compare_cell(row, i, 0, 0, "%s", stmt != NULL && sqlite3_column_text(stmt, 0) != NULL ?
	    (const char *)sqlite3_column_text(stmt, 0) : "–");
	sqlite3_finalize(stmt);

	place = compare_query(db, compare_place_sql, id, place_kind);
	if (place != NULL) {
		pop = sqlite3_column_double(place, 0);
		gdp = sqlite3_column_double(place, 1);
	}
	sql = xasprintf(compare_totals_sql, compare_received_sql);
	stmt = compare_query(db, sql, id, place_kind);
	free(sql);
	count = stmt != NULL ? sqlite3_column_int(stmt, 0) : 0;
	has = stmt != NULL && sqlite3_column_type(stmt, 2) != SQLITE_NULL;
	lo = has ? sqlite3_column_double(stmt, 1) : 0;
	hi = has ? sqlite3_column_double(stmt, 2) : 0;
	usd_lo = has ? sqlite3_column_double(stmt, 3) : 0;
	usd_hi = has ? sqlite3_column_double(stmt, 4) : 0;
	disputed = stmt != NULL && sqlite3_column_int(stmt, 11);
	largest_disputed = stmt != NULL && sqlite3_column_int(stmt, 15);
	row = ROW(strcmp(kind, "actor") == 0 ? _("funding received") : _("funding to it"), 0);
	compare_cell(row, i, 1, count, "%d", count);
	row = ROW(_("total, in euros"), 1);
	text = compare_money(lo, hi, has, "EUR");
	compare_cell(row, i, has, hi, "%s", text);
	row->disputed[i] = disputed;
	free(text);
	row = ROW(_("total, in dollars"), 1);
	text = compare_money(usd_lo, usd_hi, has, "USD");
	compare_cell(row, i, has, usd_hi, "%s", text);
	row->disputed[i] = disputed;
	free(text);
	for (int s = 0; s < 3; s++) {
		static const char *const status[] = { N_("announced"), N_("committed"), N_("disbursed") };
		int has_s = stmt != NULL && sqlite3_column_type(stmt, 5 + s) != SQLITE_NULL;
		double v = has_s ? sqlite3_column_double(stmt, 5 + s) : 0;

		text = xasprintf(_("of which %s"), _(status[s]));
		row = ROW(text, 0);
		free(text);
		compare_cell(row, i, has_s, v, "%s", has_s ?
		    money_format(v, "EUR", buf, sizeof buf) : "–");
		row->disputed[i] = stmt != NULL && sqlite3_column_int(stmt, 12 + s);
	}
	largest_id = stmt != NULL ? (const char *)sqlite3_column_text(stmt, 8) : NULL;
	largest = stmt != NULL ? sqlite3_column_double(stmt, 9) : 0;
	row = ROW(_("largest item"), 0);
	if (largest_id != NULL) {
		text = record_name(db, largest_id, "en");
		compare_cell(row, i, 1, largest, "%s (%s)", text != NULL ? text : largest_id,
		    money_format(largest, "EUR", buf, sizeof buf));
		row->link[i] = xstrdup(largest_id);
		row->disputed[i] = largest_disputed;
		free(text);
	} else
		compare_cell(row, i, 0, 0, "–");
	rates = stmt != NULL ? (const char *)sqlite3_column_text(stmt, 10) : NULL;
	text = has ? compare_rates(db, rates) : xstrdup("–");
	row = ROW(_("rates used"), 0);
	compare_cell(row, i, 0, 0, "%s", text);
	free(text);
	sqlite3_finalize(stmt);

	row = ROW(_("population"), 0);
	compare_cell(row, i, pop > 0, pop, "%s", pop > 0 ?
	    money_quantity(pop, "people", buf, sizeof buf) : "–");
	row = ROW(_("GDP"), 0);
	compare_cell(row, i, gdp > 0, gdp, "%s", gdp > 0 ?
	    money_format(gdp, "USD", buf, sizeof buf) : "–");
	/* Per head in whole euros: €1301, not €1.3k. */
	row = ROW(_("total per head"), 1);
	compare_cell(row, i, pop > 0 && has, pop > 0 ? hi / pop : 0, "%s",
	    pop > 0 && has ? (snprintf(buf, sizeof buf, "€%.0f", hi / pop), buf) : "–");
	row->disputed[i] = pop > 0 && disputed;
	row = ROW(_("largest item per head"), 1);
	compare_cell(row, i, pop > 0 && largest_id != NULL, pop > 0 ? largest / pop : 0, "%s",
	    pop > 0 && largest_id != NULL ? (snprintf(buf, sizeof buf, "€%.0f", largest / pop),
	    buf) : "–");
	row->disputed[i] = pop > 0 && largest_disputed;
	row = ROW(_("total, share of GDP"), 1);
	compare_cell(row, i, gdp > 0 && has, gdp > 0 ? usd_hi / gdp * 100 : 0, "%s",
	    gdp > 0 && has ? (number_format(buf, sizeof buf, "%.2f%%", usd_hi / gdp * 100), buf) :
	    "–");
	row->disputed[i] = gdp > 0 && disputed;
	row = ROW(_("population and GDP from"), 0);
	compare_cell(row, i, 0, 0, "%s", place != NULL && sqlite3_column_text(place, 3) != NULL ?
	    (snprintf(buf, sizeof buf, "%d", sqlite3_column_int(place, 2)), buf) : "–");
	if (place != NULL && sqlite3_column_text(place, 3) != NULL) {
		free(row->text[i]);
		row->text[i] = xasprintf("%s, %d", sqlite3_column_text(place, 3),
		    sqlite3_column_int(place, 2));
	}
	sqlite3_finalize(place);

	sql = xasprintf(compare_totals_sql, compare_given_sql);
	stmt = compare_query(db, sql, id, place_kind);
	free(sql);
	row = ROW(_("funding given"), 0);
	count = stmt != NULL ? sqlite3_column_int(stmt, 0) : 0;
	compare_cell(row, i, 1, count, "%d", count);
	has = stmt != NULL && sqlite3_column_type(stmt, 2) != SQLITE_NULL;
	row = ROW(_("given, in euros (whole items)"), 1);
	text = compare_money(has ? sqlite3_column_double(stmt, 1) : 0,
	    has ? sqlite3_column_double(stmt, 2) : 0, has, "EUR");
	compare_cell(row, i, has, has ? sqlite3_column_double(stmt, 2) : 0, "%s", text);
	row->disputed[i] = stmt != NULL && sqlite3_column_int(stmt, 11);
	free(text);
	sqlite3_finalize(stmt);

	stmt = compare_query(db, compare_events_sql, id, place_kind);
	row = ROW(_("events"), 0);
	count = stmt != NULL ? sqlite3_column_int(stmt, 0) : 0;
	compare_cell(row, i, 1, count, "%d", count);
	row = ROW(_("first and last event"), 0);
	compare_cell(row, i, 0, 0, "%s", count > 0 ? "" : "–");
	if (count > 0) {
		free(row->text[i]);
		row->text[i] = xasprintf("%s … %s", sqlite3_column_text(stmt, 1),
		    sqlite3_column_text(stmt, 2));
	}
	sqlite3_finalize(stmt);
	stmt = compare_query(db, compare_sources_sql, id, kind);
	row = ROW(_("sources"), 0);
	count = stmt != NULL ? sqlite3_column_int(stmt, 0) : 0;
	compare_cell(row, i, 1, count, "%d", count);
	sqlite3_finalize(stmt);
#undef ROW
}

/* Compare records. */
struct compare *
compare_build(sqlite3 *db, const char *lang, char *const *ids, int n, char **cause)
{
	struct compare *c = xcalloc(1, sizeof *c);
	char *id, *kind;
	int i, r;

	for (i = 0; i < n && i < COMPARE_MAX; i++) {
		if ((r = record_find(db, ids[i], &id, &kind)) <= 0) {
			*cause = xasprintf(_("compare: no record '%s'"), ids[i]);
			compare_free(c);
			return NULL;
		}
		if (strcmp(kind, "actor") != 0 && strcmp(kind, "bloc") != 0 &&
		    strcmp(kind, "country") != 0) {
			*cause = xasprintf(_("compare: '%s' is not an actor, a country or a bloc "
			    "(it is of kind %s)"), ids[i], kind);
			free(id);
			free(kind);
			compare_free(c);
			return NULL;
		}
		c->id[i] = id;
		c->kind[i] = kind;
		c->name[i] = record_name(db, id, lang);
		c->n++;
	}
	for (i = 0; i < c->n; i++)
		compare_fill(c, db, i, i == 0);
	return c;
}

/* Free a comparison. */
void
compare_free(struct compare *c)
{
	int i, j;

	if (c == NULL)
		return;
	for (i = 0; i < c->nrows; i++) {
		free(c->rows[i].label);
		for (j = 0; j < COMPARE_MAX; j++) {
			free(c->rows[i].text[j]);
			free(c->rows[i].link[j]);
		}
	}
	free(c->rows);
	for (i = 0; i < c->n; i++) {
		free(c->id[i]);
		free(c->kind[i]);
		free(c->name[i]);
	}
	free(c);
}
