/* Comparisons of 2 to 4 places, actors or funding items, row by row, within
 * an explicit scope, for the compare command and the explorer's compare
 * view. */
#include "config.h"
#include "compare.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "kind.h"
#include "label.h"
#include "lang.h"
#include "money.h"
#include "norm.h"
#include "number.h"
#include "record.h"
#include "strbuf.h"
#include "xmalloc.h"

/* The domains, in the order of their bits. */
static const char *const compare_domains[] = { "ai", "compute", "semiconductors", "general" };

/* The natures and statuses a total is split by. */
static const char *const compare_natures[] = { N_("public"), N_("private"), N_("mixed") };
static const char *const compare_statuses[] = { N_("announced"), N_("committed"),
	N_("disbursed") };

/* Why a top-level item is left out: cancelled, each domain, the period. */
enum { COMPARE_WHY_CANCELLED, COMPARE_WHY_DOMAIN, COMPARE_WHY_BEFORE = COMPARE_WHY_DOMAIN + 4,
	COMPARE_WHY_AFTER, COMPARE_WHY_N };

/* The funding of a place (?1): a country's (with a bloc of that one state),
 * a bloc's own, its present members', an actor's as recipient, a funding
 * item itself; and what an actor, a country's state or a bloc's bodies
 * give. */
static const char compare_country_sql[] =
	"SELECT id FROM funding WHERE country = ?1"
	" OR bloc_id IN (SELECT id FROM bloc WHERE kind = 'state' AND stats_iso3 = ?1)";
static const char compare_bloc_sql[] =
	"SELECT id FROM funding WHERE bloc_id = ?1";
static const char compare_members_sql[] =
	"SELECT id FROM funding WHERE bloc_id IS NOT ?1 AND country IN"
	" (SELECT iso3 FROM bloc_member WHERE bloc_id = ?1 AND until IS NULL)";
static const char compare_actor_sql[] =
	"SELECT id FROM funding WHERE recipient_id = ?1"
	" UNION SELECT funding_id FROM funding_party WHERE actor_id = ?1 AND role = 'recipient'";
static const char compare_item_sql[] =
	"SELECT ?1";
/* (The state actor of a country is found through the country's index: the
 * kind's, which SQLite may take for it, holds the states of every
 * country.) */
static const char compare_given_sql[] =
	"SELECT funding_id FROM funding_party WHERE role <> 'recipient' AND actor_id IN"
	" (SELECT ?1 UNION SELECT id FROM actor WHERE +kind = 'state' AND country = ?1"
	"  UNION SELECT id FROM actor WHERE bloc_id = ?1)";

/*
 * The items of a set of funding (%s, with ?1), largest first, each with
 * why it is not added, or NULL: ?2 and ?3 the years, ?4 the domains as
 * ",ai,compute,", ?5 true to add every item of the set (funding items
 * compared), ?6 true to add whole items (a part whose parent is in the set
 * is not added) rather than top-level items only.
 */
static const char compare_items_sql[] =
	"WITH RECURSIVE s(id) AS (%s),"
	" up(id, anc) AS (SELECT f.id, f.parent_id FROM funding AS f JOIN s ON s.id = f.id"
	"  WHERE f.parent_id IS NOT NULL"
	"  UNION ALL SELECT up.id, p.parent_id FROM up JOIN funding AS p ON p.id = up.anc"
	"  WHERE p.parent_id IS NOT NULL),"
	" items AS (SELECT f.*, CAST(substr(f.announced_on, 1, 4) AS INTEGER) AS y,"
	"  eur(coalesce(f.amount, f.amount_high), f.currency, f.announced_on) AS eur_hi,"
	"  CASE WHEN ?6 THEN f.id NOT IN (SELECT up.id FROM up JOIN s ON s.id = up.anc)"
	"  ELSE f.parent_id IS NULL END AS whole"
	"  FROM funding AS f JOIN s ON s.id = f.id)"
	" SELECT id, nature, status, currency, coalesce(amount, amount_low),"
	"  coalesce(amount, amount_high),"
	"  eur(coalesce(amount, amount_low), currency, announced_on), eur_hi,"
	"  usd(coalesce(amount, amount_low), currency, announced_on),"
	"  usd(coalesce(amount, amount_high), currency, announced_on),"
	"  y, CAST(substr(horizon_end, 1, 4) AS INTEGER), domain,"
	"  EXISTS (SELECT 1 FROM disputed AS d WHERE d.subject_id = items.id"
	"   AND (d.field GLOB 'amount*' OR d.field = 'currency')),"
	"  EXISTS (SELECT 1 FROM disputed AS d WHERE d.subject_id = items.id),"
	"  CASE WHEN ?5 THEN NULL WHEN NOT whole THEN 'part'"
	"   WHEN status = 'cancelled' THEN 'cancelled'"
	"   WHEN instr(?4, ',' || domain || ',') = 0 THEN domain"
	"   WHEN y < ?2 THEN 'before' WHEN y > ?3 THEN 'after' END"
	" FROM items ORDER BY eur_hi DESC NULLS LAST, id";

/* A place's population, GDP, their year and source (?1 a country); GDP as
 * the sum of a bloc's present members' (?2) for when its own row has none
 * (NULL unless every one of them has a GDP); the GDP's own source where it
 * has one. */
static const char compare_place_sql[] =
	"SELECT c.population, c.gdp_usd, c.stats_year, s.title,"
	" (SELECT sum(m.gdp_usd) FROM bloc_member AS b JOIN country AS m ON m.iso3 = b.iso3"
	"  WHERE b.bloc_id = ?2 AND b.until IS NULL HAVING count(*) = count(m.gdp_usd)),"
	" g.title FROM country AS c LEFT JOIN source AS s ON s.id = c.source_id"
	" LEFT JOIN source AS g ON g.id = c.gdp_source_id WHERE c.iso3 = ?1";
/* The country or bloc of a funding item. */
static const char compare_item_place_sql[] =
	"SELECT coalesce(country, (SELECT stats_iso3 FROM bloc WHERE id = bloc_id)),"
	" coalesce(country, bloc_id) FROM funding WHERE id = ?1";
/* The events of a place (?2 its kind), each counted once: those of the
 * other kinds not read at all (the same tests joined by OR were tested on
 * every event), each count made in an index. */
static const char compare_events_sql[] =
	"SELECT CASE ?2"
	" WHEN 'actor' THEN (SELECT count(DISTINCT event_id) FROM event_actor WHERE actor_id = ?1)"
	" WHEN 'country' THEN (SELECT count(*) FROM event WHERE country = ?1)"
	"  + (SELECT count(*) FROM event WHERE country IS NOT ?1 AND bloc_id IN"
	"   (SELECT id FROM bloc WHERE kind = 'state' AND stats_iso3 = ?1))"
	" WHEN 'bloc' THEN (SELECT count(*) FROM event WHERE bloc_id = ?1)"
	"  + (SELECT count(*) FROM event WHERE bloc_id IS NOT ?1 AND country IN"
	"   (SELECT iso3 FROM bloc_member WHERE bloc_id = ?1 AND until IS NULL))"
	" WHEN 'funding' THEN (SELECT count(*) FROM event WHERE funding_id = ?1) END";
/* What a record is part of or holds. */
static const char compare_membership_sql[] =
	"SELECT CASE ?2"
	" WHEN 'bloc' THEN (SELECT count(*) FROM bloc_member WHERE bloc_id = ?1"
	"  AND until IS NULL)"
	" WHEN 'country' THEN (SELECT group_concat(bloc_id, ', ') FROM bloc_member"
	"  WHERE iso3 = ?1 AND until IS NULL)"
	" WHEN 'funding' THEN (SELECT label(nature) || ' · ' || label(domain) || ' · ' || label(status)"
	"  || coalesce(' · ' || coalesce(country, bloc_id), '') FROM funding WHERE id = ?1)"
	" ELSE (SELECT label(kind) || coalesce(' · ' || country, '') || coalesce(' · ' || bloc_id, '')"
	"  FROM actor WHERE id = ?1) END";
/* An event's funding item. */
static const char compare_event_funding_sql[] =
	"SELECT funding_id FROM event WHERE id = ?1 AND funding_id IS NOT NULL";
/* A state actor's country, or a bloc of one state's. */
static const char compare_stands_for_sql[] =
	"SELECT country FROM actor WHERE ?2 = 'actor' AND id = ?1 AND kind = 'state'"
	"  AND country IS NOT NULL"
	" UNION ALL SELECT stats_iso3 FROM bloc WHERE ?2 = 'bloc' AND id = ?1 AND kind = 'state'"
	"  AND stats_iso3 IS NOT NULL LIMIT 1";

/* What a set of funding adds up to within a scope. */
struct compare_sum {
	int	 n;			/* items added */
	int	 has;			/* an amount among them */
	double	 eur_lo, eur_hi, usd_lo, usd_hi;
	double	 eur_year, usd_year;	/* per year, over each item's horizon */
	double	 nature[3], status[3];
	int	 has_nature[3], has_status[3];
	int	 disputed;		/* a disputed amount is added */
	int	 disputed_nature[3], disputed_status[3];
	int	 disputed_items;	/* items added with any disputed field */
	int	 left[COMPARE_WHY_N];
	int	 nleft;
	char	*head_id;		/* the largest item added */
	double	 head_lo, head_hi, head_eur, head_usd;
	char	 head_currency[4];
	int	 head_disputed;
	struct strbuf years;		/* the years used, item by item */
	struct strbuf rates;		/* "USD 2025,..." of the items added */
	int	 latest;		/* the latest year of an item in the domains */
};

/* The bloc whose statistics a country row holds (EUU for the EU), when
 * that bloc is more than one state. */
static const char compare_aggregate_sql[] =
	"SELECT id FROM bloc WHERE ?2 = 'country' AND stats_iso3 = ?1 AND kind <> 'state'"
	" ORDER BY id LIMIT 1";

/* The place a column stands for: a country, a bloc, an actor, an item. */
struct compare_place {
	char		*id;		/* iso3, bloc, actor or funding id */
	char		*kind;		/* country, bloc, actor, funding */
	char		*stats;		/* the country whose figures it takes */
	char		*stats_bloc;	/* a bloc whose members' GDP may add up */
};

/* The scope's domains as ",ai,compute," for SQL. */
static void
compare_domain_list(unsigned int domains, char *buf, size_t size)
{
	size_t i;

	snprintf(buf, size, ",");
	for (i = 0; i < sizeof compare_domains / sizeof compare_domains[0]; i++) {
		if (domains & (1u << i)) {
			strncat(buf, compare_domains[i], size - strlen(buf) - 1);
			strncat(buf, ",", size - strlen(buf) - 1);
		}
	}
}

/* What separates the parts of a list whose parts hold commas. */
static const char *
compare_sep(void)
{
	/* TRANSLATORS: between the parts of a list whose parts hold commas
	 * ("€109bn: 2025–2031, 6 years; €10bn: …"). */
	return _("; ");
}

/* Append text to a list, after sep if it has a part already; in time
 * linear in the list's length (a place's years used: an item each). */
static void
compare_append(struct strbuf *list, const char *sep, const char *text)
{
	if (list->s != NULL)
		strbuf_add(list, sep);
	strbuf_add(list, text);
}

/* The index of a value in a list of names, or -1. */
static int
compare_index(const char *const *names, int n, const char *value)
{
	int i;

	for (i = 0; value != NULL && i < n; i++) {
		if (strcmp(names[i], value) == 0)
			return i;
	}
	return -1;
}

/* Add one item (a row of compare_items_sql) to a sum. */
static void
compare_add(struct compare_sum *sum, sqlite3_stmt *stmt)
{
	const char *currency = (const char *)sqlite3_column_text(stmt, 3);
	double lo = sqlite3_column_double(stmt, 6), hi = sqlite3_column_double(stmt, 7);
	double usd_lo = sqlite3_column_double(stmt, 8), usd_hi = sqlite3_column_double(stmt, 9);
	int y = sqlite3_column_int(stmt, 10), end = sqlite3_column_int(stmt, 11);
	int years = end > y ? end - y : 1, k;
	int disputed = sqlite3_column_int(stmt, 13);
	char buf[64], *text, cy[16];

	sum->n++;
	sum->disputed_items += sqlite3_column_int(stmt, 14);
	if (sqlite3_column_type(stmt, 7) == SQLITE_NULL)
		return;
	sum->has = 1;
	sum->eur_lo += lo;
	sum->eur_hi += hi;
	sum->usd_lo += usd_lo;
	sum->usd_hi += usd_hi;
	sum->eur_year += hi / years;
	sum->usd_year += usd_hi / years;
	sum->disputed |= disputed;
	if ((k = compare_index(compare_natures, 3, db_text(stmt, 1))) >= 0) {
		sum->nature[k] += hi;
		sum->has_nature[k] = 1;
		sum->disputed_nature[k] |= disputed;
	}
	if ((k = compare_index(compare_statuses, 3, db_text(stmt, 2))) >= 0) {
		sum->status[k] += hi;
		sum->has_status[k] = 1;
		sum->disputed_status[k] |= disputed;
	}
	if (sum->head_id == NULL) {
		sum->head_id = xstrdup(db_text(stmt, 0));
		sum->head_lo = sqlite3_column_double(stmt, 4);
		sum->head_hi = sqlite3_column_double(stmt, 5);
		sum->head_eur = hi;
		sum->head_usd = usd_hi;
		snprintf(sum->head_currency, sizeof sum->head_currency, "%s", currency);
		sum->head_disputed = disputed;
	}
	money_format(sqlite3_column_double(stmt, 5), currency, buf, sizeof buf);
	if (sqlite3_column_type(stmt, 11) == SQLITE_NULL)
		text = xasprintf(_("%s: no horizon, counted as 1 year"), buf);
	else
		text = xasprintf(ngettext("%s: %d–%d, %d year", "%s: %d–%d, %d years", years),
		    buf, y, years == 1 && end < y ? y : end, years);
	compare_append(&sum->years, compare_sep(), text);
	free(text);
	/* The rates the sums take: the currency's of the year, and the
	 * dollar's of the year for the total in dollars. */
	for (k = 0; k < 2; k++) {
		snprintf(cy, sizeof cy, "%s %d", k == 0 ? currency : "USD", y);
		if ((k == 0 && strcmp(currency, "EUR") == 0) ||
		    (sum->rates.s != NULL && strstr(sum->rates.s, cy) != NULL))
			continue;
		compare_append(&sum->rates, ",", cy);
	}
}

/* Sum a set of funding (sql, with ?1 = id) within a scope; every item when
 * all, whole items rather than top-level ones when whole. */
static void
compare_sum(sqlite3 *db, const char *sql, const char *id, const struct compare_scope *s,
    int all, int whole, struct compare_sum *sum)
{
	sqlite3_stmt *stmt;
	const char *why;
	char *query, domains[64];
	int k;

	memset(sum, 0, sizeof *sum);
	compare_domain_list(s->domains, domains, sizeof domains);
	query = xasprintf(compare_items_sql, sql);
	if (sqlite3_prepare_v2(db, query, -1, &stmt, NULL) != SQLITE_OK) {
		free(query);
		return;
	}
	free(query);
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, s->from);
	sqlite3_bind_int(stmt, 3, s->to);
	sqlite3_bind_text(stmt, 4, domains, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 5, all);
	sqlite3_bind_int(stmt, 6, whole);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		why = (const char *)sqlite3_column_text(stmt, 15);
		if (why == NULL || strcmp(why, "before") == 0 || strcmp(why, "after") == 0) {
			if (sqlite3_column_int(stmt, 10) > sum->latest)
				sum->latest = sqlite3_column_int(stmt, 10);
		}
		if (why == NULL)
			compare_add(sum, stmt);
		else if (strcmp(why, "part") == 0)
			continue;
		else {
			sum->nleft++;
			if (strcmp(why, "cancelled") == 0)
				sum->left[COMPARE_WHY_CANCELLED]++;
			else if (strcmp(why, "before") == 0)
				sum->left[COMPARE_WHY_BEFORE]++;
			else if (strcmp(why, "after") == 0)
				sum->left[COMPARE_WHY_AFTER]++;
			else if ((k = compare_index(compare_domains, 4, why)) >= 0)
				sum->left[COMPARE_WHY_DOMAIN + k]++;
		}
	}
	sqlite3_finalize(stmt);
}

/* Free what a sum holds. */
static void
compare_sum_free(struct compare_sum *sum)
{
	free(sum->head_id);
	free(sum->years.s);
	free(sum->rates.s);
}

/* What was left out and why: "2 left out: 1 semiconductors, 1 before
 * 2025", or "none left out". */
static char *
compare_left(const struct compare_sum *sum, const struct compare_scope *s)
{
	struct strbuf text = { 0 };
	char *part, *t;
	int k;

	if (sum->nleft == 0)
		return xstrdup(_("none left out"));
	for (k = 0; k < COMPARE_WHY_N; k++) {
		if (sum->left[k] == 0)
			continue;
		if (k == COMPARE_WHY_CANCELLED)
			part = xasprintf(_("%d cancelled"), sum->left[k]);
		else if (k == COMPARE_WHY_BEFORE)
			part = xasprintf(_("%d before %d"), sum->left[k], s->from);
		else if (k == COMPARE_WHY_AFTER)
			part = xasprintf(_("%d after %d"), sum->left[k], s->to);
		else
			part = xasprintf("%d %s", sum->left[k],
			    label_of(compare_domains[k - COMPARE_WHY_DOMAIN]));
		compare_append(&text, ", ", part);
		free(part);
	}
	t = xasprintf(ngettext("%d left out: %s", "%d left out: %s", sum->nleft),
	    sum->nleft, text.s);
	free(text.s);
	return t;
}

/* Read a list of domains. */
int
compare_domains_parse(const char *list, unsigned int *domains, char **bad)
{
	const char *p = list;
	size_t n, i;

	*domains = 0;
	if (strcmp(list, "all") == 0) {
		*domains = COMPARE_DOMAINS_ALL;
		return 0;
	}
	for (;;) {
		n = strcspn(p, ",");
		for (i = 0; i < sizeof compare_domains / sizeof compare_domains[0]; i++) {
			if (strlen(compare_domains[i]) == n && strncmp(p, compare_domains[i], n) == 0)
				break;
		}
		if (i == sizeof compare_domains / sizeof compare_domains[0]) {
			*bad = xstrndup(p, n);
			return -1;
		}
		*domains |= 1u << i;
		if (p[n] == '\0')
			return 0;
		p += n + 1;
	}
}

/* The scope as people read it. */
char *
compare_scope_format(const struct compare_scope *s)
{
	struct strbuf domains = { 0 };
	char years[32], *text;
	size_t i;

	if (s->from <= 0 && s->to >= 9999)
		snprintf(years, sizeof years, "%s", _("all years"));
	else if (s->from <= 0)
		snprintf(years, sizeof years, _("to %d"), s->to);
	else if (s->to >= 9999)
		snprintf(years, sizeof years, _("from %d"), s->from);
	else if (s->from == s->to)
		snprintf(years, sizeof years, "%d", s->from);
	else
		snprintf(years, sizeof years, "%d–%d", s->from, s->to);
	for (i = 0; i < sizeof compare_domains / sizeof compare_domains[0]; i++) {
		if (s->domains & (1u << i))
			compare_append(&domains, ", ", label_of(compare_domains[i]));
	}
	text = xasprintf(_("scope: %s · %s · top-level items only · %s"), years,
	    domains.s != NULL ? domains.s : "–",
	    s->members_out ? _("members left out") : _("members apart"));
	free(domains.s);
	return text;
}

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

/* The next row of record i: a new one for the first record, else the
 * first's row at *r. */
static struct compare_row *
compare_next(struct compare *c, int first, int *r, const char *label, int chart)
{
	if (first)
		return compare_row(c, label, chart);
	return &c->rows[(*r)++];
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

/* A sum as people read it: "€1.2bn", "€30–50bn", "–". */
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

/* A cell of money: the sum for people, its high end as the number. */
static void
compare_money_cell(struct compare_row *r, int i, double low, double high, int has,
    const char *currency, int disputed)
{
	char *text = compare_money(low, high, has, currency);

	compare_cell(r, i, has, high, "%s", text);
	r->disputed[i] = has && disputed;
	free(text);
}

/* A cell of money per head, in full: "€1,590". */
static void
compare_head_cell(struct compare_row *r, int i, double amount, double pop, int has,
    const char *currency, int disputed)
{
	char buf[64];

	has = has && pop > 0;
	compare_cell(r, i, has, has ? amount / pop : 0, "%s", has ?
	    money_format_whole(amount / pop, currency, buf, sizeof buf) : "–");
	r->disputed[i] = has && disputed;
}

/* A cell of a share of GDP: "1.7%", "0.65%" ("1,7 %" in French). */
static void
compare_share_cell(struct compare_row *r, int i, double usd, double gdp, int has, int disputed)
{
	char buf[32];
	double v = has && gdp > 0 ? usd / gdp * 100 : 0;

	has = has && gdp > 0;
	if (has && v < 0.01) {
		buf[0] = '<';
		number_percent(0.01, 2, buf + 1, sizeof buf - 1);
	} else if (has)
		number_percent(v, v >= 10 ? 0 : v >= 1 ? 1 : 2, buf, sizeof buf);
	compare_cell(r, i, has, v, "%s", has ? buf : "–");
	r->disputed[i] = has && disputed;
}

/* The rates behind the sums: "USD 1.13 per € (2025)", from the list of
 * "CUR YEAR" of the items added. */
static char *
compare_rates(sqlite3 *db, const char *list)
{
	struct strbuf text = { 0 };
	char *copy, *item, *next, *e, cur[8];
	struct norm_rate r;
	int year;

	if (list == NULL)
		return xstrdup("–");
	copy = xstrdup(list);
	for (item = copy; item != NULL; item = next) {
		if ((next = strchr(item, ',')) != NULL)
			*next++ = '\0';
		if (sscanf(item, "%7s %d", cur, &year) != 2 || norm_rate(db, cur, year, &r) != 0)
			continue;
		e = norm_explain(&r);
		/* A rate both a bloc and its members use is said once. */
		if (text.s == NULL || strstr(text.s, e) == NULL)
			compare_append(&text, compare_sep(), e);
		free(e);
	}
	free(copy);
	return text.s != NULL ? text.s : xstrdup("–");
}

/* The labels of the rows of a sum: a place's own, a bloc's members'. */
enum { COMPARE_L_ITEMS, COMPARE_L_LEFT, COMPARE_L_EUR, COMPARE_L_USD, COMPARE_L_HEAD,
	COMPARE_L_HEAD_USD, COMPARE_L_HEAD_YEAR, COMPARE_L_GDP_YEAR, COMPARE_L_YEARS,
	COMPARE_L_N };
static const char *const compare_own_labels[COMPARE_L_N] = {
	N_("items added"), N_("left out"), N_("total, €"), N_("total, $"), N_("per head, €"),
	N_("per head, $"), N_("per head/year, €"), N_("GDP share/year"), N_("years used")
};
static const char *const compare_members_labels[COMPARE_L_N] = {
	N_("members: items"), N_("members: left out"), N_("members: total, €"),
	N_("members: total, $"), N_("members: per head"), NULL, N_("members: €/head/yr"),
	N_("members: GDP/year"), N_("members: years")
};
/* Which of them are worth a bar chart. */
static const int compare_charts[COMPARE_L_N] = { 0, 0, 1, 0, 1, 0, 1, 1, 0 };

/* The next row of a sum, label k of labels l. */
static struct compare_row *
compare_sum_next(struct compare *c, int first, int *r, const char *const *l, int k)
{
	return compare_next(c, first, r, _(l[k]), compare_charts[k]);
}

/* The rows of a sum (own: split by nature and status, else a bloc's
 * members'): items added, left out, totals, per head, per year. */
static void
compare_sum_rows(struct compare *c, int i, int first, int *r, const struct compare_sum *sum,
    double pop, double gdp, int own)
{
	const char *const *l = own ? compare_own_labels : compare_members_labels;
	struct compare_row *row;
	char *text;
	int k;

	if (sum == NULL) {
		/* Not a bloc: no members' money. */
		for (k = 0; k < COMPARE_L_N; k++) {
			if (l[k] != NULL)
				compare_cell(compare_sum_next(c, first, r, l, k), i, 0, 0, "–");
		}
		return;
	}

	row = compare_sum_next(c, first, r, l, COMPARE_L_ITEMS);
	compare_cell(row, i, 1, sum->n, "%d", sum->n);
	row = compare_sum_next(c, first, r, l, COMPARE_L_LEFT);
	text = compare_left(sum, &c->scope);
	compare_cell(row, i, 0, 0, "%s", text);
	free(text);
	row = compare_sum_next(c, first, r, l, COMPARE_L_EUR);
	compare_money_cell(row, i, sum->eur_lo, sum->eur_hi, sum->has, "EUR", sum->disputed);
	row = compare_sum_next(c, first, r, l, COMPARE_L_USD);
	compare_money_cell(row, i, sum->usd_lo, sum->usd_hi, sum->has, "USD", sum->disputed);
	for (k = 0; own && k < 3; k++) {
		text = xasprintf(_("of which %s"), _(compare_natures[k]));
		row = compare_next(c, first, r, text, 0);
		free(text);
		compare_money_cell(row, i, sum->nature[k], sum->nature[k], sum->has_nature[k], "EUR",
		    sum->disputed_nature[k]);
	}
	for (k = 0; own && k < 3; k++) {
		text = xasprintf(_("of which %s"), _(compare_statuses[k]));
		row = compare_next(c, first, r, text, 0);
		free(text);
		compare_money_cell(row, i, sum->status[k], sum->status[k], sum->has_status[k], "EUR",
		    sum->disputed_status[k]);
	}
	row = compare_sum_next(c, first, r, l, COMPARE_L_HEAD);
	compare_head_cell(row, i, sum->eur_hi, pop, sum->has, "EUR", sum->disputed);
	if (own) {
		row = compare_sum_next(c, first, r, l, COMPARE_L_HEAD_USD);
		compare_head_cell(row, i, sum->usd_hi, pop, sum->has, "USD", sum->disputed);
	}
	row = compare_sum_next(c, first, r, l, COMPARE_L_HEAD_YEAR);
	compare_head_cell(row, i, sum->eur_year, pop, sum->has, "EUR", sum->disputed);
	row = compare_sum_next(c, first, r, l, COMPARE_L_GDP_YEAR);
	compare_share_cell(row, i, sum->usd_year, gdp, sum->has, sum->disputed);
	row = compare_sum_next(c, first, r, l, COMPARE_L_YEARS);
	compare_cell(row, i, 0, 0, "%s", sum->years.s != NULL ? sum->years.s : "–");
}

/* Fill the rows of record i, a place p. */
static void
compare_fill(struct compare *c, sqlite3 *db, int i, const struct compare_place *p, int first,
    int members)
{
	const char *id = p->id, *kind = p->kind, *set;
	sqlite3_stmt *stmt;
	double pop = 0, gdp = 0;
	struct compare_sum own, mem, given;
	struct compare_row *row;
	struct strbuf rates = { 0 };
	char buf[64], *text;
	int r = 0, count, gdp_sum = 0;

#define ROW(label, chart) compare_next(c, first, &r, label, chart)
	stmt = compare_query(db, compare_membership_sql, id, kind);
	row = ROW(_("kind"), 0);
	compare_cell(row, i, 0, 0, "%s", strcmp(kind, "funding") == 0 ? _("funding item") :
	    label_of(kind));
	row = ROW(_("blocs and members"), 0);
	if (stmt != NULL && strcmp(kind, "bloc") == 0)
		compare_cell(row, i, 0, 0, _("members: %d"), sqlite3_column_int(stmt, 0));
	else
		compare_cell(row, i, 0, 0, "%s", stmt != NULL &&
		    sqlite3_column_text(stmt, 0) != NULL ? db_text(stmt, 0) : "–");
	sqlite3_finalize(stmt);

	stmt = p->stats != NULL ? compare_query(db, compare_place_sql, p->stats,
	    p->stats_bloc != NULL ? p->stats_bloc : "") : NULL;
	if (stmt != NULL) {
		pop = sqlite3_column_double(stmt, 0);
		gdp = sqlite3_column_double(stmt, 1);
		if (gdp <= 0 && sqlite3_column_type(stmt, 4) != SQLITE_NULL) {
			gdp = sqlite3_column_double(stmt, 4);
			gdp_sum = 1;
		}
	}

	set = strcmp(kind, "country") == 0 ? compare_country_sql :
	    strcmp(kind, "bloc") == 0 ? compare_bloc_sql :
	    strcmp(kind, "actor") == 0 ? compare_actor_sql : compare_item_sql;
	compare_sum(db, set, id, &c->scope, strcmp(kind, "funding") == 0, 0, &own);
	if (strcmp(kind, "bloc") == 0 && members)
		compare_sum(db, compare_members_sql, id, &c->scope, 0, 0, &mem);
	else
		memset(&mem, 0, sizeof mem);

	/* The headline: the largest item added, as announced, in euros and
	 * in dollars, and per head. */
	row = ROW(_("headline item"), 0);
	if (own.head_id != NULL) {
		text = record_name(db, own.head_id, lang_get());
		compare_cell(row, i, 0, 0, "%s", text != NULL ? text : own.head_id);
		row->link[i] = xstrdup(own.head_id);
		free(text);
	} else
		compare_cell(row, i, 0, 0, "–");
	row = ROW(_("headline amount"), 0);
	text = compare_money(own.head_lo, own.head_hi, own.head_id != NULL, own.head_currency);
	compare_cell(row, i, 0, 0, "%s", text);
	free(text);
	if (own.head_id != NULL)
		row->plain[i] = own.head_hi > own.head_lo ? xasprintf("%.15g–%.15g %s", own.head_lo,
		    own.head_hi, own.head_currency) : xasprintf("%.15g %s", own.head_hi,
		    own.head_currency);
	row->disputed[i] = own.head_disputed;
	row = ROW(_("headline, €"), 1);
	compare_money_cell(row, i, own.head_eur, own.head_eur, own.head_id != NULL, "EUR",
	    own.head_disputed);
	row = ROW(_("headline, $"), 0);
	compare_money_cell(row, i, own.head_usd, own.head_usd, own.head_id != NULL, "USD",
	    own.head_disputed);
	row = ROW(_("headline/head, €"), 1);
	compare_head_cell(row, i, own.head_eur, pop, own.head_id != NULL, "EUR", own.head_disputed);
	row = ROW(_("headline/head, $"), 0);
	compare_head_cell(row, i, own.head_usd, pop, own.head_id != NULL, "USD", own.head_disputed);

	compare_sum_rows(c, i, first, &r, &own, pop, gdp, 1);
	if (members)
		compare_sum_rows(c, i, first, &r, strcmp(kind, "bloc") == 0 ? &mem : NULL, pop,
		    gdp, 0);

	/* The rates of the items added, own and members', nothing else. */
	if (own.rates.s != NULL)
		compare_append(&rates, ",", own.rates.s);
	if (mem.rates.s != NULL)
		compare_append(&rates, ",", mem.rates.s);
	text = compare_rates(db, rates.s);
	free(rates.s);
	row = ROW(_("rates used"), 0);
	compare_cell(row, i, 0, 0, "%s", text);
	free(text);

	row = ROW(_("population"), 0);
	compare_cell(row, i, pop > 0, pop, "%s", pop > 0 ?
	    money_quantity(pop, _("people"), buf, sizeof buf) : "–");
	row = ROW(_("GDP"), 0);
	compare_cell(row, i, gdp > 0, gdp, "%s", gdp > 0 ?
	    money_format(gdp, "USD", buf, sizeof buf) : "–");
	row = ROW(_("pop. and GDP from"), 0);
	if (stmt != NULL && sqlite3_column_text(stmt, 3) != NULL) {
		text = gdp_sum ? xasprintf(_("%s, %d (GDP: its present members' added up)"),
		    db_text(stmt, 3), sqlite3_column_int(stmt, 2)) :
		    sqlite3_column_text(stmt, 5) != NULL ?
		    xasprintf(_("population: %s, %d; GDP: %s, %d"), db_text(stmt, 3),
		    sqlite3_column_int(stmt, 2), db_text(stmt, 5),
		    sqlite3_column_int(stmt, 2)) :
		    xasprintf("%s, %d", db_text(stmt, 3), sqlite3_column_int(stmt, 2));
		compare_cell(row, i, 0, 0, "%s", text);
		free(text);
	} else
		compare_cell(row, i, 0, 0, "–");
	sqlite3_finalize(stmt);
	row = ROW(_("disputed items"), 0);
	count = own.disputed_items + mem.disputed_items;
	compare_cell(row, i, 1, count, "%d", count);

	/* What it gives, whole items within the scope. */
	if (strcmp(kind, "funding") != 0)
		compare_sum(db, compare_given_sql, id, &c->scope, 0, 1, &given);
	else
		memset(&given, 0, sizeof given);
	row = ROW(_("funding given"), 0);
	compare_cell(row, i, 1, given.n, "%d", given.n);
	row = ROW(_("given, € (whole)"), 1);
	compare_money_cell(row, i, given.eur_lo, given.eur_hi, given.has, "EUR", given.disputed);

	stmt = compare_query(db, compare_events_sql, id, kind);
	row = ROW(_("events"), 0);
	count = stmt != NULL ? sqlite3_column_int(stmt, 0) : 0;
	compare_cell(row, i, 1, count, "%d", count);
	sqlite3_finalize(stmt);
	compare_sum_free(&own);
	compare_sum_free(&mem);
	compare_sum_free(&given);
#undef ROW
}

/* Find what record id of a kind stands for: its place (a state, or a bloc
 * of one state, is its country; an event, the funding it announces), and
 * the country whose figures it takes. 0, or -1 if it cannot be compared. */
static int
compare_place(sqlite3 *db, const char *id, const char *kind, struct compare_place *p)
{
	const struct kind *k = kind_find(kind);
	sqlite3_stmt *stmt;

	memset(p, 0, sizeof *p);
	if (k == NULL || k->compare == KIND_COMPARE_NONE)
		return -1;
	if (k->compare == KIND_COMPARE_ANNOUNCED) {
		if ((stmt = compare_query(db, compare_event_funding_sql, id, kind)) == NULL)
			return -1;
		p->id = xstrdup(db_text(stmt, 0));
		p->kind = xstrdup("funding");
		sqlite3_finalize(stmt);
	} else if ((stmt = compare_query(db, compare_stands_for_sql, id, kind)) != NULL) {
		p->id = xstrdup(db_text(stmt, 0));
		p->kind = xstrdup("country");
		sqlite3_finalize(stmt);
	} else if ((stmt = compare_query(db, compare_aggregate_sql, id, kind)) != NULL) {
		p->id = xstrdup(db_text(stmt, 0));
		p->kind = xstrdup("bloc");
		sqlite3_finalize(stmt);
	} else {
		p->id = xstrdup(id);
		p->kind = xstrdup(kind);
	}
	if (strcmp(p->kind, "country") == 0)
		p->stats = xstrdup(p->id);
	else if (strcmp(p->kind, "bloc") == 0) {
		if ((stmt = compare_query(db, "SELECT stats_iso3 FROM bloc WHERE id = ?1", p->id,
		    "")) != NULL) {
			if (sqlite3_column_text(stmt, 0) != NULL)
				p->stats = xstrdup(db_text(stmt, 0));
			sqlite3_finalize(stmt);
		}
		p->stats_bloc = xstrdup(p->id);
	} else if (strcmp(p->kind, "funding") == 0 &&
	    (stmt = compare_query(db, compare_item_place_sql, p->id, "")) != NULL) {
		if (sqlite3_column_text(stmt, 0) != NULL)
			p->stats = xstrdup(db_text(stmt, 0));
		if (sqlite3_column_text(stmt, 1) != NULL)
			p->stats_bloc = xstrdup(db_text(stmt, 1));
		sqlite3_finalize(stmt);
	}
	return 0;
}

/* Free what a place holds. */
static void
compare_place_free(struct compare_place *p)
{
	free(p->id);
	free(p->kind);
	free(p->stats);
	free(p->stats_bloc);
}

/* The latest year with funding in the scope's domains for any place: the
 * default period. 0 if there is none. */
static int
compare_latest(sqlite3 *db, const struct compare *c, const struct compare_place *p,
    const struct compare_scope *s)
{
	struct compare_scope all = *s;
	struct compare_sum sum;
	const char *set;
	int i, latest = 0;

	all.from = 0;
	all.to = 9999;
	for (i = 0; i < c->n; i++) {
		set = strcmp(p[i].kind, "country") == 0 ? compare_country_sql :
		    strcmp(p[i].kind, "bloc") == 0 ? compare_bloc_sql :
		    strcmp(p[i].kind, "actor") == 0 ? compare_actor_sql : compare_item_sql;
		compare_sum(db, set, p[i].id, &all, 0, 0, &sum);
		if (sum.latest > latest)
			latest = sum.latest;
		compare_sum_free(&sum);
		if (strcmp(p[i].kind, "bloc") == 0 && !s->members_out) {
			compare_sum(db, compare_members_sql, p[i].id, &all, 0, 0, &sum);
			if (sum.latest > latest)
				latest = sum.latest;
			compare_sum_free(&sum);
		}
	}
	return latest;
}

/* Compare records. */
struct compare *
compare_build(sqlite3 *db, const char *lang, char *const *ids, int n,
    const struct compare_scope *scope, char **cause)
{
	struct compare *c = xcalloc(1, sizeof *c);
	struct compare_place p[COMPARE_MAX];
	const struct kind *k;
	char *id, *kind;
	int i, r, members = 0, latest;

	memset(p, 0, sizeof p);
	for (i = 0; i < n && i < COMPARE_MAX; i++) {
		if ((r = record_find(db, ids[i], &id, &kind)) <= 0) {
			*cause = xasprintf(_("compare: no record '%s'"), ids[i]);
			break;
		}
		if (compare_place(db, id, kind, &p[i]) != 0) {
			*cause = (k = kind_find(kind)) != NULL && k->compare == KIND_COMPARE_ANNOUNCED ?
			    xasprintf(_("compare: the event '%s' announces no funding"), ids[i]) :
			    xasprintf(_("compare: '%s' is not an actor, a country, a bloc, a "
			    "funding item or an event announcing one (it is of kind %s)"), ids[i],
			    label_of(kind));
			free(id);
			free(kind);
			break;
		}
		free(kind);
		c->id[i] = id;
		c->kind[i] = xstrdup(p[i].kind);
		c->name[i] = record_name(db, p[i].id, lang);
		c->n++;
	}
	if (i < n && i < COMPARE_MAX) {
		for (i = 0; i < c->n; i++)
			compare_place_free(&p[i]);
		compare_free(c);
		return NULL;
	}
	if (scope != NULL)
		c->scope = *scope;
	if (c->scope.domains == 0)
		c->scope.domains = COMPARE_DOMAINS_DEFAULT;
	if (c->scope.from <= 0 && c->scope.to <= 0) {
		latest = compare_latest(db, c, p, &c->scope);
		c->scope.from = latest > 0 ? latest : 0;
		c->scope.to = latest > 0 ? latest : 9999;
	} else if (c->scope.to <= 0)
		c->scope.to = 9999;
	else if (c->scope.from < 0)
		c->scope.from = 0;
	for (i = 0; i < c->n; i++)
		members |= strcmp(p[i].kind, "bloc") == 0 && !c->scope.members_out;
	c->scope_text = compare_scope_format(&c->scope);
	for (i = 0; i < c->n; i++)
		compare_fill(c, db, i, &p[i], i == 0, members);
	for (i = 0; i < c->n; i++)
		compare_place_free(&p[i]);
	return c;
}

/* Write a comparison's rows to o: for people (human), text with a sum that
 * holds a disputed amount marked; for data, numbers as numbers, the scope
 * as the first row. */
void
compare_write(const struct compare *c, struct output *o, int human)
{
	struct output_value v[COMPARE_MAX + 1];
	const char *names[COMPARE_MAX + 1];
	char numbers[COMPARE_MAX][64], *marked[COMPARE_MAX];
	int i, j;

	names[0] = human ? "" : "row";
	for (i = 0; i < c->n; i++)
		names[i + 1] = human ? (c->name[i] != NULL ? c->name[i] : c->id[i]) : c->id[i];
	output_columns(o, c->n + 1, names);
	if (!human) {
		v[0] = (struct output_value){ SQLITE_TEXT, "scope" };
		for (i = 0; i < c->n; i++)
			v[i + 1] = (struct output_value){ SQLITE_TEXT, c->scope_text };
		output_row(o, v);
	}
	for (j = 0; j < c->nrows; j++) {
		const struct compare_row *r = &c->rows[j];

		v[0] = (struct output_value){ SQLITE_TEXT, r->label };
		for (i = 0; i < c->n; i++) {
			marked[i] = NULL;
			if (human && r->disputed[i]) {
				marked[i] = xasprintf("%s ⚑", r->text[i]);
				v[i + 1] = (struct output_value){ SQLITE_TEXT, marked[i] };
			} else if (!human && r->plain[i] != NULL)
				v[i + 1] = (struct output_value){ SQLITE_TEXT, r->plain[i] };
			else if (!human && r->has_value[i] && r->link[i] == NULL) {
				snprintf(numbers[i], sizeof numbers[i], "%.15g", r->value[i]);
				v[i + 1] = (struct output_value){ SQLITE_FLOAT, numbers[i] };
			} else if (!human && strcmp(r->text[i], "–") == 0)
				v[i + 1] = (struct output_value){ SQLITE_NULL, NULL };
			else
				v[i + 1] = (struct output_value){ SQLITE_TEXT, r->text[i] };
		}
		output_row(o, v);
		for (i = 0; i < c->n; i++)
			free(marked[i]);
	}
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
			free(c->rows[i].plain[j]);
			free(c->rows[i].link[j]);
		}
	}
	free(c->rows);
	for (i = 0; i < c->n; i++) {
		free(c->id[i]);
		free(c->kind[i]);
		free(c->name[i]);
	}
	free(c->scope_text);
	free(c);
}
