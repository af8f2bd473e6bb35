/* One record and what relates to it: the queries the show command and the
 * explorer's record view share. */
#include "config.h"
#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "money.h"
#include "number.h"
#include "text.h"
#include "xmalloc.h"

/* The display name of record alias r in the language ?2. */
#define RECORD_NAME(r) "CASE ?2 WHEN 'fr' THEN " r ".name_fr ELSE " r ".name_en END"
/* A related record: (id, kind, name, detail) joined from record_label l. */
#define RECORD_LINK(detail) "SELECT l.id, l.kind, " RECORD_NAME("l") ", " detail
/* The amount of funding f, shortly. */
/* The euro rate of funding f's currency in the year it was announced. */
#define RECORD_RATE(f) \
	"(SELECT r.per_eur FROM fx_rate AS r WHERE r.currency = " f ".currency" \
	" AND r.year = CAST(substr(" f ".announced_on, 1, 4) AS INTEGER))"
/* The amount of funding f in its currency and, for another currency, in
 * euros at the year's rate. */
#define RECORD_AMOUNT(f) \
	"(coalesce(money(" f ".amount, " f ".currency)," \
	"  money_range(" f ".amount_low, " f ".amount_high, " f ".currency))" \
	" || CASE WHEN " f ".currency <> 'EUR' THEN coalesce(' ≈ ' ||" \
	"  coalesce(money(" f ".amount / " RECORD_RATE(f) ", 'EUR')," \
	"  money_range(" f ".amount_low / " RECORD_RATE(f) ", " f ".amount_high / " \
	   RECORD_RATE(f) ", 'EUR')), '') ELSE '' END)"

/* A figure's value with its unit, its bound, its date and its target. */
#define RECORD_QUANTITY(g) \
	"CASE " g ".bound WHEN 'at_least' THEN '≥ ' WHEN 'at_most' THEN '≤ '" \
	" WHEN 'about' THEN '≈ ' ELSE '' END" \
	" || coalesce(quantity(" g ".value, " g ".unit)," \
	"  quantity_range(" g ".value_low, " g ".value_high, " g ".unit))" \
	" || coalesce(' by ' || " g ".target_date, '') || coalesce(' · ' || " g ".as_of, '')"

/* The records related to one, by kind (* for every kind): a heading and a query of links
 * (?1 is the record's id, ?2 the language). */
const struct record_relation record_relations[] = {
	{ "actor", N_("Part of"),
	  RECORD_LINK("NULL") " FROM actor AS a JOIN record_label AS l ON l.id = a.parent_id"
	  " WHERE a.id = ?1" },
	{ "actor", N_("Parts"),
	  RECORD_LINK("a.kind") " FROM actor AS a JOIN record_label AS l ON l.id = a.id"
	  " WHERE a.parent_id = ?1 ORDER BY 3" },
	{ "actor", N_("Country and bloc"),
	  RECORD_LINK("NULL") " FROM actor AS a JOIN record_label AS l"
	  " ON l.id = a.country OR l.id = a.bloc_id WHERE a.id = ?1" },
	{ "actor", N_("Funding received"),
	  RECORD_LINK("concat_amount") " FROM (SELECT f.id,"
	  "  " RECORD_AMOUNT("f") " || ' · ' || f.announced_on || ' · ' || f.status AS concat_amount,"
	  "  f.announced_on FROM funding AS f WHERE f.recipient_id = ?1"
	  "  OR f.id IN (SELECT funding_id FROM funding_party WHERE actor_id = ?1 AND role = 'recipient'))"
	  " AS x JOIN record_label AS l ON l.id = x.id ORDER BY x.announced_on, l.id" },
	{ "actor", N_("Funding given"),
	  RECORD_LINK("p.role || coalesce(', ' || money(p.amount, p.currency), '')"
	  " || coalesce(' · total ' || " RECORD_AMOUNT("f") ", '') || ' · ' || f.announced_on")
	  " FROM funding_party AS p JOIN funding AS f ON f.id = p.funding_id"
	  " JOIN record_label AS l ON l.id = f.id"
	  " WHERE p.actor_id = ?1 AND p.role <> 'recipient' ORDER BY f.announced_on, l.id" },
	{ "actor", N_("Events"),
	  RECORD_LINK("e.date || ' · ' || ea.role") " FROM event_actor AS ea"
	  " JOIN event AS e ON e.id = ea.event_id JOIN record_label AS l ON l.id = e.id"
	  " WHERE ea.actor_id = ?1 ORDER BY e.date, l.id" },

	{ "funding", N_("Recipient"),
	  RECORD_LINK("NULL") " FROM funding AS f JOIN record_label AS l ON l.id = f.recipient_id"
	  " WHERE f.id = ?1" },
	{ "funding", N_("Part of"),
	  RECORD_LINK(RECORD_AMOUNT("p")) " FROM funding AS f JOIN funding AS p ON p.id = f.parent_id"
	  " JOIN record_label AS l ON l.id = p.id WHERE f.id = ?1" },
	{ "funding", N_("Parts"),
	  RECORD_LINK(RECORD_AMOUNT("f") " || ' · ' || f.status") " FROM funding AS f"
	  " JOIN record_label AS l ON l.id = f.id WHERE f.parent_id = ?1"
	  " ORDER BY coalesce(f.amount, f.amount_high) DESC, l.id" },
	{ "funding", N_("Parties"),
	  RECORD_LINK("p.role || coalesce(', ' || money(p.amount, p.currency), '')")
	  " FROM funding_party AS p JOIN record_label AS l ON l.id = p.actor_id"
	  " WHERE p.funding_id = ?1"
	  " ORDER BY CASE p.role WHEN 'lead' THEN 0 WHEN 'recipient' THEN 1 ELSE 2 END, 3" },
	{ "funding", N_("Events"),
	  RECORD_LINK("e.date") " FROM event AS e JOIN record_label AS l ON l.id = e.id"
	  " WHERE e.funding_id = ?1 ORDER BY e.date" },
	{ "funding", N_("Country and bloc"),
	  RECORD_LINK("NULL") " FROM funding AS f JOIN record_label AS l"
	  " ON l.id = f.country OR l.id = f.bloc_id WHERE f.id = ?1" },

	{ "event", N_("Actors"),
	  RECORD_LINK("ea.role") " FROM event_actor AS ea JOIN record_label AS l ON l.id = ea.actor_id"
	  " WHERE ea.event_id = ?1"
	  " ORDER BY CASE ea.role WHEN 'host' THEN 0 WHEN 'announcer' THEN 1 ELSE 2 END, 3" },
	{ "event", N_("Funding"),
	  RECORD_LINK(RECORD_AMOUNT("f")) " FROM event AS e JOIN funding AS f ON f.id = e.funding_id"
	  " JOIN record_label AS l ON l.id = f.id WHERE e.id = ?1" },
	{ "event", N_("Country and bloc"),
	  RECORD_LINK("NULL") " FROM event AS e JOIN record_label AS l"
	  " ON l.id = e.country OR l.id = e.bloc_id WHERE e.id = ?1" },

	{ "bloc", N_("Members"),
	  RECORD_LINK("m.role || coalesce(' since ' || m.since, '') || coalesce(' until ' || m.until, '')")
	  " FROM bloc_member AS m JOIN record_label AS l ON l.id = m.iso3"
	  " WHERE m.bloc_id = ?1 ORDER BY 3" },
	{ "bloc", N_("Statistics from"),
	  RECORD_LINK("NULL") " FROM bloc AS b JOIN record_label AS l ON l.id = b.stats_iso3"
	  " WHERE b.id = ?1" },
	{ "bloc", N_("Actors"),
	  RECORD_LINK("a.kind") " FROM actor AS a JOIN record_label AS l ON l.id = a.id"
	  " WHERE a.bloc_id = ?1 ORDER BY 3" },
	{ "bloc", N_("Funding"),
	  RECORD_LINK(RECORD_AMOUNT("f") " || ' · ' || f.announced_on") " FROM funding AS f"
	  " JOIN record_label AS l ON l.id = f.id WHERE f.bloc_id = ?1"
	  " ORDER BY f.announced_on, l.id" },
	{ "bloc", N_("Events"),
	  RECORD_LINK("e.date") " FROM event AS e JOIN record_label AS l ON l.id = e.id"
	  " WHERE e.bloc_id = ?1 ORDER BY e.date, l.id" },

	{ "country", N_("Blocs"),
	  RECORD_LINK("m.role || coalesce(' since ' || m.since, '') || coalesce(' until ' || m.until, '')")
	  " FROM bloc_member AS m JOIN record_label AS l ON l.id = m.bloc_id"
	  " WHERE m.iso3 = ?1 ORDER BY 3" },
	{ "country", N_("Actors"),
	  RECORD_LINK("a.kind") " FROM actor AS a JOIN record_label AS l ON l.id = a.id"
	  " WHERE a.country = ?1 ORDER BY 3" },
	{ "country", N_("Funding"),
	  RECORD_LINK(RECORD_AMOUNT("f") " || ' · ' || f.announced_on") " FROM funding AS f"
	  " JOIN record_label AS l ON l.id = f.id WHERE f.country = ?1"
	  " ORDER BY f.announced_on, l.id" },
	{ "country", N_("Events"),
	  RECORD_LINK("e.date") " FROM event AS e JOIN record_label AS l ON l.id = e.id"
	  " WHERE e.country = ?1 ORDER BY e.date, l.id" },

	{ "figure", N_("Figure of"),
	  RECORD_LINK("NULL") " FROM figure AS g JOIN record_label AS l ON l.id = g.subject_id"
	  " WHERE g.id = ?1" },
	{ "*", N_("Figures"),
	  RECORD_LINK(RECORD_QUANTITY("g")) " FROM figure AS g"
	  " JOIN record_label AS l ON l.id = g.id WHERE g.subject_id = ?1"
	  " ORDER BY g.measure, l.id" },

	{ "source", N_("Cited by"),
	  RECORD_LINK("c.stance || CASE c.field WHEN '*' THEN '' ELSE ' · ' || c.field END")
	  " FROM citation AS c JOIN record_label AS l ON l.id = c.subject_id"
	  " WHERE c.source_id = ?1 ORDER BY l.kind, 3" },
	{ NULL, NULL, NULL }
};

/* The sources of a record, disagreements first. */
const char record_sources_sql[] =
	"SELECT c.source_id, s.title, s.publisher, s.published_on, s.url, c.stance,"
	" c.field, c.locator,"
	" CASE ?2 WHEN 'fr' THEN coalesce(c.note_fr, c.note_en)"
	"  ELSE coalesce(c.note_en, c.note_fr) END"
	" FROM citation AS c JOIN source AS s ON s.id = c.source_id"
	" WHERE c.subject_id = ?1"
	" ORDER BY c.stance <> 'contradicts', c.field <> '*', c.field, s.published_on, s.id";

/* The table of each record kind, and the column holding its id. */
static const struct {
	const char	*kind;
	const char	*sql;
} record_fields[] = {
	{ "source", "SELECT * FROM source WHERE id = ?1" },
	{ "country", "SELECT * FROM country WHERE iso3 = ?1" },
	{ "bloc", "SELECT * FROM bloc WHERE id = ?1" },
	{ "actor", "SELECT * FROM actor WHERE id = ?1" },
	{ "funding", "SELECT * FROM funding WHERE id = ?1" },
	{ "event", "SELECT * FROM event WHERE id = ?1" },
	{ "figure", "SELECT * FROM figure WHERE id = ?1" },
	{ NULL, NULL }
};

/* Find the record: by id, by id in any case, or by a unique alias. */
int
record_find(sqlite3 *db, const char *wanted, char **id, char **kind)
{
	static const char sql[] =
		"SELECT id, kind FROM record WHERE id = ?1"
		" UNION ALL SELECT id, kind FROM record WHERE id = ?1 COLLATE NOCASE"
		" UNION ALL SELECT r.id, r.kind FROM alias AS a JOIN record AS r"
		"  ON r.id = a.subject_id WHERE a.alias = ?1 COLLATE NOCASE"
		" LIMIT 1";
	sqlite3_stmt *stmt;
	int found;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, wanted, -1, SQLITE_STATIC);
	found = sqlite3_step(stmt) == SQLITE_ROW;
	if (found) {
		*id = xstrdup((const char *)sqlite3_column_text(stmt, 0));
		*kind = xstrdup((const char *)sqlite3_column_text(stmt, 1));
	}
	sqlite3_finalize(stmt);
	return found;
}

/* Read the fields of a record. */
int
record_fields_open(sqlite3 *db, const char *kind, const char *id, struct record_fields *f)
{
	const char *name;
	int i;

	memset(f, 0, sizeof *f);
	for (i = 0; record_fields[i].kind != NULL; i++) {
		if (strcmp(record_fields[i].kind, kind) == 0)
			break;
	}
	if (record_fields[i].kind == NULL ||
	    sqlite3_prepare_v2(db, record_fields[i].sql, -1, &f->stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(f->stmt, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(f->stmt) != SQLITE_ROW) {
		record_fields_close(f);
		return -1;
	}
	f->n = sqlite3_column_count(f->stmt);
	for (i = 0; i < f->n; i++) {
		name = sqlite3_column_name(f->stmt, i);
		if (strcmp(name, "currency") == 0)
			f->currency = (const char *)sqlite3_column_text(f->stmt, i);
		else if (strcmp(name, "unit") == 0)
			f->unit = (const char *)sqlite3_column_text(f->stmt, i);
		else if (strcmp(name, "gdp_usd") == 0)
			f->currency = "USD";
	}
	return 0;
}

/* Field i as people read it. */
char *
record_field_text(const struct record_fields *f, int i)
{
	const char *name = sqlite3_column_name(f->stmt, i);
	const char *value = (const char *)sqlite3_column_text(f->stmt, i);
	int type = sqlite3_column_type(f->stmt, i);
	double d = sqlite3_column_double(f->stmt, i);
	char buf[64], num[32];

	if (value == NULL)
		return NULL;
	if (type != SQLITE_FLOAT && type != SQLITE_INTEGER)
		return xstrdup(value);
	if (f->currency != NULL && (strncmp(name, "amount", 6) == 0 ||
	    strcmp(name, "valuation_post") == 0 || strcmp(name, "gdp_usd") == 0))
		return xasprintf("%.0f (%s)", d, money_format(d, f->currency, buf, sizeof buf));
	if (f->unit != NULL && strncmp(name, "value", 5) == 0) {
		number_format(num, sizeof num, "%.15g", d);
		return xasprintf("%s (%s)", num, money_quantity(d, f->unit, buf, sizeof buf));
	}
	return xstrdup(value);
}

/* Free what record_fields_open() read. */
void
record_fields_close(struct record_fields *f)
{
	sqlite3_finalize(f->stmt);
	f->stmt = NULL;
}

/* The record's display name in lang. */
char *
record_name(sqlite3 *db, const char *id, const char *lang)
{
	sqlite3_stmt *stmt;
	char *name = NULL;

	if (sqlite3_prepare_v2(db, "SELECT CASE ?2 WHEN 'fr' THEN name_fr ELSE name_en END"
	    " FROM record_label WHERE id = ?1", -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, lang, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != NULL)
		name = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return name;
}

/* The claims on a record, each value as people read it: amounts in the
 * currency the same source gives for the record, else in ?3 (the record's
 * currency), figures' values in ?4 (their unit), other values as written,
 * a date range from its start to its end. */
static const char record_claims_sql[] =
	"SELECT c.field,"
	" CASE WHEN (c.field GLOB 'amount*' OR c.field IN ('valuation_post', 'gdp_usd'))"
	"  AND c.cur IS NOT NULL THEN coalesce(money(c.value, c.cur),"
	"   money_range(c.value_low, c.value_high, c.cur), c.value)"
	"  WHEN c.field GLOB 'value*' AND ?4 IS NOT NULL THEN coalesce(quantity(c.value, ?4),"
	"   quantity_range(c.value_low, c.value_high, ?4), c.value)"
	"  ELSE coalesce(c.value || coalesce(' – ' || c.end_value, ''),"
	"   printf('%.15g', c.value_low) || '–' || printf('%.15g', c.value_high),"
	"   printf('%.15g', coalesce(c.value_low, c.value_high))) END,"
	" c.rank, c.source_id, s.publisher, s.published_on, c.locator,"
	" CASE ?2 WHEN 'fr' THEN c.note_fr ELSE c.note_en END,"
	" EXISTS (SELECT 1 FROM disputed AS d WHERE d.subject_id = c.subject_id"
	"  AND d.field = c.field), s.author, s.title"
	" FROM (SELECT claim.*, coalesce((SELECT k.value FROM claim AS k"
	"   WHERE k.subject_id = claim.subject_id AND k.field = 'currency'"
	"   AND k.source_id = claim.source_id LIMIT 1), ?3) AS cur"
	"  FROM claim WHERE subject_id = ?1) AS c"
	" JOIN source AS s ON s.id = c.source_id"
	" ORDER BY c.field, CASE c.rank WHEN 'preferred' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END,"
	" s.published_on, s.id";

/* The longest short title of a source, in characters. */
#define RECORD_SHORT_TITLE 40

/* A source as a reader names it: its publisher, else its author, else its
 * title before any colon, cut at a space to at most RECORD_SHORT_TITLE
 * characters. */
static char *
record_source_name(const char *publisher, const char *author, const char *title)
{
	const char *colon = strchr(title, ':');
	size_t len = colon != NULL && colon > title ? (size_t)(colon - title) : strlen(title);
	size_t n = 0, cut = 0, step;
	int chars;

	if (publisher != NULL)
		return xstrdup(publisher);
	if (author != NULL)
		return xstrdup(author);
	while (len > 0 && title[len - 1] == ' ')
		len--;
	for (chars = 0; n < len && chars < RECORD_SHORT_TITLE; chars++) {
		if (title[n] == ' ')
			cut = n;
		step = text_utf8_length(title + n);
		n += step > 0 ? step : 1;
	}
	if (n >= len)
		return xstrndup(title, len);
	return xasprintf("%.*s…", (int)(cut > 0 ? cut : n), title);
}

/* A copy of column i of stmt, or NULL. */
static char *
record_column(sqlite3_stmt *stmt, int i)
{
	const char *text = (const char *)sqlite3_column_text(stmt, i);

	return text != NULL ? xstrdup(text) : NULL;
}

/* The claims on a record. */
int
record_claims(sqlite3 *db, const char *id, const char *lang, const char *currency,
    const char *unit, struct record_claim **claims)
{
	sqlite3_stmt *stmt;
	struct record_claim *c;
	int n = 0;

	*claims = NULL;
	if (sqlite3_prepare_v2(db, record_claims_sql, -1, &stmt, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, currency, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, unit, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		*claims = xreallocarray(*claims, n + 1, sizeof **claims);
		c = &(*claims)[n++];
		c->field = record_column(stmt, 0);
		c->value = record_column(stmt, 1);
		c->rank = record_column(stmt, 2);
		c->source_id = record_column(stmt, 3);
		c->source = record_source_name((const char *)sqlite3_column_text(stmt, 4),
		    (const char *)sqlite3_column_text(stmt, 9),
		    (const char *)sqlite3_column_text(stmt, 10));
		c->date = record_column(stmt, 5);
		c->locator = record_column(stmt, 6);
		c->note = record_column(stmt, 7);
		c->disputed = sqlite3_column_int(stmt, 8);
	}
	sqlite3_finalize(stmt);
	return n;
}

/* Free what record_claims() gave. */
void
record_claims_free(struct record_claim *claims, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(claims[i].field);
		free(claims[i].value);
		free(claims[i].rank);
		free(claims[i].source_id);
		free(claims[i].source);
		free(claims[i].date);
		free(claims[i].locator);
		free(claims[i].note);
	}
	free(claims);
}

/* The claims on a field in one line, as "Élysée, 2025-02-06: €30–50bn ·
 * Reuters, ...": those shown wrong (deprecated) or the others, joined by
 * sep. NULL if none. */
char *
record_claims_line(const struct record_claim *claims, int n, const char *field,
    int deprecated, const char *sep)
{
	char *text = NULL, *t;
	int i;

	for (i = 0; i < n; i++) {
		if (strcmp(claims[i].field, field) != 0 ||
		    (strcmp(claims[i].rank, "deprecated") == 0) != deprecated)
			continue;
		t = xasprintf("%s%s%s%s%s: %s", text != NULL ? text : "", text != NULL ? sep : "",
		    claims[i].source, claims[i].date != NULL ? ", " : "",
		    claims[i].date != NULL ? claims[i].date : "",
		    claims[i].value != NULL ? claims[i].value : "");
		free(text);
		text = t;
	}
	return text;
}

/* The disputed field whose claims show under column name: the column's
 * own, or for the high end of a range (amount_high) the range's (amount).
 * NULL if none. */
const char *
record_claims_field(const char *name, const struct record_claim *claims, int n)
{
	size_t len = strlen(name);
	int i;

	for (i = 0; i < n; i++) {
		if (!claims[i].disputed)
			continue;
		if (strcmp(claims[i].field, name) == 0)
			return claims[i].field;
		if (len > 5 && strcmp(name + len - 5, "_high") == 0 &&
		    strlen(claims[i].field) == len - 5 &&
		    strncmp(claims[i].field, name, len - 5) == 0)
			return claims[i].field;
	}
	return NULL;
}
