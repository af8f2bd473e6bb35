/* One record as people read it, for the show command and the explorer's
 * record view: its fields, claims, aliases, relations, sources and notes. */
#include "config.h"
#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "label.h"
#include "lang.h"
#include "match.h"
#include "money.h"
#include "number.h"
#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

/* The note of c in the language ?2, else in the other with a marker of
 * its language: "… [en]". */
#define RECORD_NOTE(c) \
	"CASE ?2 WHEN 'fr' THEN coalesce(" c ".note_fr, " c ".note_en || ' [en]')" \
	" ELSE coalesce(" c ".note_en, " c ".note_fr || ' [fr]') END"
/* The name in the language ?2 of the record of id x, of a kind, read from
 * its table (column key, names en and fr) in main, else in the user's
 * database, by its key. */
#define RECORD_LABEL_OF(x, table, key, en, fr) \
	" WHEN '" table "' THEN coalesce(" \
	"(SELECT CASE ?2 WHEN 'fr' THEN x." fr " ELSE x." en " END FROM main." table " AS x" \
	" WHERE x." key " = " x "), " \
	"(SELECT CASE ?2 WHEN 'fr' THEN x." fr " ELSE x." en " END FROM user." table " AS x" \
	" WHERE x." key " = " x "))"
/* The name in the language ?2 of the record of id x and kind k, as the
 * view record_label has it. That view, joined on a column, is read whole:
 * a second for each relation at a million records. */
#define RECORD_LABEL(k, x) \
	"CASE " k \
	RECORD_LABEL_OF(x, "source", "id", "title", "title") \
	RECORD_LABEL_OF(x, "country", "iso3", "name_en", "name_fr") \
	RECORD_LABEL_OF(x, "bloc", "id", "name_en", "name_fr") \
	RECORD_LABEL_OF(x, "actor", "id", "name", "name_fr") \
	RECORD_LABEL_OF(x, "funding", "id", "title_en", "title_fr") \
	RECORD_LABEL_OF(x, "event", "id", "title_en", "title_fr") \
	RECORD_LABEL_OF(x, "figure", "id", "label_en", "label_fr") " END"
/*
 * The kind of the record of id x, or NULL if there is none. A lookup by
 * key, in main and in the user's database: with records of the user's own,
 * the record table is a view of both, which SQLite reads whole when a
 * statement joins it on a column (seconds at a million records). For the
 * same reason each relation below reads one table (a view too), narrowed
 * by constants; what it needs of another is read by key in a subquery.
 */
#define RECORD_KIND(x) "(SELECT r.kind FROM record AS r WHERE r.id = " x ")"
/* The record of id x exists: what a join with the record table kept. */
#define RECORD_LINKED(x) RECORD_KIND(x) " IS NOT NULL"
/* A related record, of id x: (id, kind, name, detail). */
#define RECORD_LINK(x, detail) \
	"SELECT " x ", " RECORD_KIND(x) ", " RECORD_LABEL(RECORD_KIND(x), x) ", " detail
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

/* The figures of a record, a relation of every kind. */
#define RECORD_FIGURES \
	{ N_("Figures"), RECORD_LINK("g.id", RECORD_QUANTITY("g")) " FROM figure AS g" \
	  " WHERE g.subject_id = ?1 ORDER BY g.measure, g.id", NULL }
/* The country and the bloc of the record ?1 of table t. */
#define RECORD_PLACE(t) \
	{ N_("Country and bloc"), RECORD_LINK("l.id", "NULL") " FROM record AS l" \
	  " WHERE l.id IN (SELECT country FROM " t " WHERE id = ?1" \
	  " UNION ALL SELECT bloc_id FROM " t " WHERE id = ?1)", NULL }
/* A funding's date, from the row of funding f_id. */
#define RECORD_FUNDING_DATE(f_id) \
	"(SELECT f.announced_on FROM funding AS f WHERE f.id = " f_id ")"
/* An event's date, from the row of event e_id. */
#define RECORD_EVENT_DATE(e_id) "(SELECT e.date FROM event AS e WHERE e.id = " e_id ")"

/* The actors whose column col is the record ?1, by their name in the
 * language of column name (name, name_fr), as people read it: ordered by a
 * column, not by an expression of the language, for an index on (col,
 * name COLLATE fold) to give the first of many in order. */
#define RECORD_ACTORS(heading, col) \
	{ heading, RECORD_ACTORS_BY(col, "name"), RECORD_ACTORS_BY(col, "name_fr") }
#define RECORD_ACTORS_BY(col, name) \
	"SELECT a.id, 'actor', a." name ", label(a.kind) FROM actor AS a" \
	" WHERE a." col " = ?1 ORDER BY a." name " COLLATE " MATCH_COLLATION

/* The most relations of a kind, and one for the end. */
#define RECORD_RELATIONS 8

/* Each kind of record: the query of its own fields (?1 is its id), and its
 * relations in the order shown, each a heading and a query of links (id,
 * kind, name, detail), with ?1 the record's id, ?2 the language and ?3
 * one more than the most links shown (-1: all); and, when French orders
 * them otherwise, the query for French. A query orders
 * by columns it returns (a date after those four, when it orders by date):
 * with records of the user's own its table is a view, which SQLite reads
 * whole for an order by anything else, where it reads each schema's rows
 * in the order of an index. */
static const struct record_kind {
	const char	*kind;
	const char	*fields;
	struct {
		const char	*heading;
		const char	*sql;
		const char	*sql_fr;
	} relations[RECORD_RELATIONS];
} record_kinds[] = {
	{ "source", "SELECT * FROM source WHERE id = ?1", {
	RECORD_FIGURES,
	/* Of a source cited by more records than are shown (?3), those
	 * first in its citations' index, then sorted: all of them are
	 * not given a kind and a name to be sorted (3 s for a million). */
	{ N_("Cited by"),
	  RECORD_LINK("c.subject_id",
	  "label(c.stance) || CASE c.field WHEN '*' THEN '' ELSE ' · ' || c.field END")
	  " FROM (SELECT * FROM citation WHERE source_id = ?1 LIMIT ?3) AS c"
	  " WHERE " RECORD_LINKED("c.subject_id") " ORDER BY 2, 3 COLLATE " MATCH_COLLATION, NULL } } },

	{ "country", "SELECT * FROM country WHERE iso3 = ?1", {
	{ N_("Blocs"),
	  RECORD_LINK("m.bloc_id",
	  "label(m.role) || coalesce(' ' || phrase('since', date_text(m.since)), '')"
	  " || coalesce(' ' || phrase('until', date_text(m.until)), '')")
	  " FROM bloc_member AS m WHERE m.iso3 = ?1 AND " RECORD_LINKED("m.bloc_id")
	  " ORDER BY 3 COLLATE " MATCH_COLLATION, NULL },
	RECORD_ACTORS(N_("Actors"), "country"),
	{ N_("Funding"),
	  RECORD_LINK("f.id", RECORD_AMOUNT("f") " || ' · ' || date_text(f.announced_on)")
	  ", f.announced_on FROM funding AS f WHERE f.country = ?1"
	  " ORDER BY f.announced_on, f.id", NULL },
	{ N_("Events"),
	  RECORD_LINK("e.id", "date_text(e.date)") ", e.date FROM event AS e"
	  " WHERE e.country = ?1 ORDER BY e.date, e.id", NULL },
	RECORD_FIGURES } },

	{ "bloc", "SELECT * FROM bloc WHERE id = ?1", {
	{ N_("Members"),
	  RECORD_LINK("m.iso3",
	  "label(m.role) || coalesce(' ' || phrase('since', date_text(m.since)), '')"
	  " || coalesce(' ' || phrase('until', date_text(m.until)), '')")
	  " FROM bloc_member AS m WHERE m.bloc_id = ?1 AND " RECORD_LINKED("m.iso3")
	  " ORDER BY 3 COLLATE " MATCH_COLLATION, NULL },
	{ N_("Statistics from"),
	  RECORD_LINK("b.stats_iso3", "NULL") " FROM bloc AS b"
	  " WHERE b.id = ?1 AND " RECORD_LINKED("b.stats_iso3"), NULL },
	RECORD_ACTORS(N_("Actors"), "bloc_id"),
	{ N_("Funding"),
	  RECORD_LINK("f.id", RECORD_AMOUNT("f") " || ' · ' || date_text(f.announced_on)")
	  ", f.announced_on FROM funding AS f WHERE f.bloc_id = ?1"
	  " ORDER BY f.announced_on, f.id", NULL },
	{ N_("Events"),
	  RECORD_LINK("e.id", "date_text(e.date)") ", e.date FROM event AS e"
	  " WHERE e.bloc_id = ?1 ORDER BY e.date, e.id", NULL },
	RECORD_FIGURES } },

	{ "actor", "SELECT * FROM actor WHERE id = ?1", {
	{ N_("Part of"),
	  RECORD_LINK("a.parent_id", "NULL") " FROM actor AS a"
	  " WHERE a.id = ?1 AND " RECORD_LINKED("a.parent_id"), NULL },
	RECORD_ACTORS(N_("Parts"), "parent_id"),
	RECORD_PLACE("actor"),
	{ N_("Funding received"),
	  RECORD_LINK("f.id", RECORD_AMOUNT("f") " || ' · ' || date_text(f.announced_on)"
	  " || ' · ' || label(f.status)") ", f.announced_on FROM funding AS f"
	  " WHERE f.id IN (SELECT id FROM funding WHERE recipient_id = ?1"
	  " UNION ALL SELECT funding_id FROM funding_party"
	  "  WHERE actor_id = ?1 AND role = 'recipient')"
	  " ORDER BY f.announced_on, f.id", NULL },
	{ N_("Funding given"),
	  RECORD_LINK("p.funding_id",
	  "label(p.role) || coalesce(', ' || money(p.amount, p.currency), '')"
	  " || (SELECT coalesce(' · ' || phrase('total', " RECORD_AMOUNT("f") "), '')"
	  " || ' · ' || date_text(f.announced_on) FROM funding AS f WHERE f.id = p.funding_id)")
	  " FROM funding_party AS p WHERE p.actor_id = ?1 AND p.role <> 'recipient'"
	  " AND " RECORD_LINKED("p.funding_id")
	  " ORDER BY " RECORD_FUNDING_DATE("p.funding_id") ", p.funding_id", NULL },
	{ N_("Events"),
	  RECORD_LINK("ea.event_id",
	  "(SELECT date_text(e.date) FROM event AS e WHERE e.id = ea.event_id)"
	  " || ' · ' || label(ea.role)") " FROM event_actor AS ea"
	  " WHERE ea.actor_id = ?1 AND " RECORD_LINKED("ea.event_id")
	  " ORDER BY " RECORD_EVENT_DATE("ea.event_id") ", ea.event_id", NULL },
	RECORD_FIGURES } },

	{ "funding", "SELECT * FROM funding WHERE id = ?1", {
	{ N_("Recipient"),
	  RECORD_LINK("f.recipient_id", "NULL") " FROM funding AS f"
	  " WHERE f.id = ?1 AND " RECORD_LINKED("f.recipient_id"), NULL },
	{ N_("Part of"),
	  RECORD_LINK("p.id", RECORD_AMOUNT("p")) " FROM funding AS p"
	  " WHERE p.id = (SELECT f.parent_id FROM funding AS f WHERE f.id = ?1)", NULL },
	{ N_("Parts"),
	  RECORD_LINK("f.id", RECORD_AMOUNT("f") " || ' · ' || label(f.status)")
	  " FROM funding AS f WHERE f.parent_id = ?1"
	  " ORDER BY coalesce(f.amount, f.amount_high) DESC, f.id", NULL },
	{ N_("Parties"),
	  RECORD_LINK("p.actor_id",
	  "label(p.role) || coalesce(', ' || money(p.amount, p.currency), '')")
	  " FROM funding_party AS p WHERE p.funding_id = ?1 AND " RECORD_LINKED("p.actor_id")
	  " ORDER BY CASE p.role WHEN 'lead' THEN 0 WHEN 'recipient' THEN 1 ELSE 2 END, 3 COLLATE " MATCH_COLLATION, NULL },
	{ N_("Events"),
	  RECORD_LINK("e.id", "date_text(e.date)") " FROM event AS e"
	  " WHERE e.funding_id = ?1 ORDER BY e.date", NULL },
	RECORD_PLACE("funding"),
	RECORD_FIGURES } },

	{ "event", "SELECT * FROM event WHERE id = ?1", {
	{ N_("Actors"),
	  RECORD_LINK("ea.actor_id", "label(ea.role)") " FROM event_actor AS ea"
	  " WHERE ea.event_id = ?1 AND " RECORD_LINKED("ea.actor_id")
	  " ORDER BY CASE ea.role WHEN 'host' THEN 0 WHEN 'announcer' THEN 1 ELSE 2 END, 3 COLLATE " MATCH_COLLATION, NULL },
	{ N_("Funding"),
	  RECORD_LINK("f.id", RECORD_AMOUNT("f")) " FROM funding AS f"
	  " WHERE f.id = (SELECT e.funding_id FROM event AS e WHERE e.id = ?1)", NULL },
	RECORD_PLACE("event"),
	RECORD_FIGURES } },

	{ "figure", "SELECT * FROM figure WHERE id = ?1", {
	{ N_("Figure of"),
	  RECORD_LINK("g.subject_id", "NULL") " FROM figure AS g"
	  " WHERE g.id = ?1 AND " RECORD_LINKED("g.subject_id"), NULL },
	RECORD_FIGURES } },
	{ NULL, NULL, { { NULL, NULL, NULL } } }
};

/* The sources of a record, disagreements first. */
static const char record_sources_sql[] =
	"SELECT c.source_id, s.title, s.publisher, s.published_on, s.url, c.stance,"
	" c.field, c.locator,"
	" " RECORD_NOTE("c")
	" FROM citation AS c JOIN source AS s ON s.id = c.source_id"
	" WHERE c.subject_id = ?1"
	" ORDER BY c.stance <> 'contradicts', c.field <> '*', c.field, s.published_on, s.id";

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
		*id = xstrdup(db_text(stmt, 0));
		*kind = xstrdup(db_text(stmt, 1));
	}
	sqlite3_finalize(stmt);
	return found;
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
		name = xstrdup(db_text(stmt, 0));
	sqlite3_finalize(stmt);
	return name;
}

/* The claims on a record, each value as people read it: amounts in the
 * currency the same source gives for the record, else in ?3 (the record's
 * currency), figures' values in ?4 (their unit), dates as the language
 * writes them, other values as written, a date range from its start to
 * its end; then the values as stored and
 * the source as its publisher, else its title. */
static const char record_claims_sql[] =
	"SELECT c.field,"
	" CASE WHEN (c.field GLOB 'amount*' OR c.field IN ('valuation_post', 'gdp_usd'))"
	"  AND c.cur IS NOT NULL THEN coalesce(money(c.value, c.cur),"
	"   money_range(c.value_low, c.value_high, c.cur), c.value)"
	"  WHEN c.field GLOB 'value*' AND ?4 IS NOT NULL THEN coalesce(quantity(c.value, ?4),"
	"   quantity_range(c.value_low, c.value_high, ?4), c.value)"
	"  ELSE coalesce(date_text(c.value) || coalesce(' – ' || date_text(c.end_value), ''),"
	"   printf('%.15g', c.value_low) || '–' || printf('%.15g', c.value_high),"
	"   printf('%.15g', coalesce(c.value_low, c.value_high))) END,"
	" c.rank, c.source_id, s.publisher, s.published_on, c.locator,"
	" " RECORD_NOTE("c") ","
	" EXISTS (SELECT 1 FROM disputed AS d WHERE d.subject_id = c.subject_id"
	"  AND d.field = c.field), s.author, s.title,"
	" c.value, c.value_low, c.value_high, c.end_value, coalesce(s.publisher, s.title)"
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

/* Column i of stmt as stored: its type, then its text. */
static struct record_value
record_stored(sqlite3_stmt *stmt, int i)
{
	struct record_value v;

	v.type = sqlite3_column_type(stmt, i);
	v.text = record_column(stmt, i);
	return v;
}

/* The claims on the record; 0, or -1 on a database error. */
static int
record_load_claims(sqlite3 *db, struct record *r, const char *lang, const char *currency,
    const char *unit)
{
	sqlite3_stmt *stmt;
	struct record_claim *c;
	int i;

	if (sqlite3_prepare_v2(db, record_claims_sql, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, r->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, currency, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, unit, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		r->claims = xreallocarray(r->claims, r->nclaims + 1, sizeof *r->claims);
		c = &r->claims[r->nclaims++];
		c->field = record_column(stmt, 0);
		c->value = record_column(stmt, 1);
		c->rank = record_column(stmt, 2);
		c->source_id = record_column(stmt, 3);
		c->source = record_source_name((const char *)sqlite3_column_text(stmt, 4),
		    (const char *)sqlite3_column_text(stmt, 9),
		    db_text(stmt, 10));
		c->date = record_column(stmt, 5);
		c->locator = record_column(stmt, 6);
		c->note = record_column(stmt, 7);
		c->disputed = sqlite3_column_int(stmt, 8);
		for (i = 0; i < 4; i++)
			c->stored[i] = record_stored(stmt, 11 + i);
		c->cited = record_column(stmt, 15);
	}
	sqlite3_finalize(stmt);
	return 0;
}

/* The disputed field whose claims show under column name: the column's
 * own, or for the high end of a range (amount_high) the range's (amount).
 * NULL if none. */
static const char *
record_claims_field(const struct record *r, const char *name)
{
	const struct record_claim *c;
	size_t len = strlen(name);

	for (c = r->claims; c < r->claims + r->nclaims; c++) {
		if (!c->disputed)
			continue;
		if (strcmp(c->field, name) == 0)
			return c->field;
		if (len > 5 && strcmp(name + len - 5, "_high") == 0 &&
		    strlen(c->field) == len - 5 && strncmp(c->field, name, len - 5) == 0)
			return c->field;
	}
	return NULL;
}

/* Whether a record's field holds a date (YYYY, YYYY-MM or YYYY-MM-DD). */
static int
record_date_field(const char *name)
{
	static const char *const fields[] = { "founded_on", "published_on", "announced_on",
	    "horizon_end", "date", "end_date", "as_of", "target_date", NULL };
	int i;

	for (i = 0; fields[i] != NULL; i++) {
		if (strcmp(name, fields[i]) == 0)
			return 1;
	}
	return 0;
}

/* Column i of a record's row as people read it: the words of closed lists
 * as labels, dates as the language writes them with their precision (no
 * line of its own for the precision), amounts in currency and values in
 * unit with their short form ("1700000000 (€1.7bn)"), a text the data has
 * only in English marked so in French; NULL when empty. */
static char *
record_field_text(sqlite3_stmt *stmt, int i, const char *currency, const char *unit)
{
	const char *name = sqlite3_column_name(stmt, i);
	const char *value = (const char *)sqlite3_column_text(stmt, i);
	int type = sqlite3_column_type(stmt, i);
	double d = sqlite3_column_double(stmt, i);
	char buf[64], num[32];

	if (value == NULL || (strlen(name) > 10 &&
	    strcmp(name + strlen(name) - 10, "_precision") == 0))
		return NULL;
	if (record_date_field(name))
		return xstrdup(number_date(value, buf, sizeof buf));
	/* A place has no French text in the data. */
	if (strcmp(name, "place") == 0 && lang_fr())
		return xasprintf("%s [en]", value);
	/* The words of the closed lists (kind, status...) in the reader's
	 * language. */
	if (type != SQLITE_FLOAT && type != SQLITE_INTEGER)
		return xstrdup(label_word_field(name) ? label_of(value) : value);
	if (currency != NULL && (strncmp(name, "amount", 6) == 0 ||
	    strcmp(name, "valuation_post") == 0 || strcmp(name, "gdp_usd") == 0))
		return xasprintf("%.0f (%s)", d, money_format(d, currency, buf, sizeof buf));
	if (unit != NULL && strncmp(name, "value", 5) == 0) {
		number_format(num, sizeof num, "%.15g", d);
		return xasprintf("%s (%s)", num, money_quantity(d, unit, buf, sizeof buf));
	}
	return xstrdup(value);
}

/* The record's own fields, and the claims on them in the currency and
 * unit its row gives; 0, or -1 if it has no row or on a database error. */
static int
record_load_fields(sqlite3 *db, struct record *r, const struct record_kind *k,
    const char *lang)
{
	sqlite3_stmt *stmt;
	struct record_field *f;
	const char *name, *currency = NULL, *unit = NULL, *shown = NULL;
	int i;

	if (sqlite3_prepare_v2(db, k->fields, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, r->id, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_finalize(stmt);
		return -1;
	}
	r->nfields = sqlite3_column_count(stmt);
	for (i = 0; i < r->nfields; i++) {
		name = sqlite3_column_name(stmt, i);
		if (strcmp(name, "currency") == 0)
			currency = (const char *)sqlite3_column_text(stmt, i);
		else if (strcmp(name, "unit") == 0)
			unit = (const char *)sqlite3_column_text(stmt, i);
		else if (strcmp(name, "gdp_usd") == 0)
			currency = "USD";
	}
	if (record_load_claims(db, r, lang, currency, unit) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	r->fields = xcalloc(r->nfields, sizeof *r->fields);
	for (i = 0; i < r->nfields; i++) {
		f = &r->fields[i];
		f->name = xstrdup(sqlite3_column_name(stmt, i));
		f->stored = record_stored(stmt, i);
		if ((f->text = record_field_text(stmt, i, currency, unit)) == NULL)
			continue;
		/* A range's claims come once, under its first end shown. */
		f->disputed = record_claims_field(r, f->name);
		if (f->disputed != NULL && shown != NULL && strcmp(shown, f->disputed) == 0)
			f->disputed = NULL;
		else if (f->disputed != NULL)
			shown = f->disputed;
	}
	sqlite3_finalize(stmt);
	return 0;
}

/* The record's aliases, in order; 0, or -1 on a database error. */
static int
record_load_aliases(sqlite3 *db, struct record *r)
{
	sqlite3_stmt *stmt;

	if (sqlite3_prepare_v2(db, "SELECT alias FROM alias WHERE subject_id = ?1"
	    " ORDER BY alias", -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, r->id, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		r->aliases = xreallocarray(r->aliases, r->naliases + 1, sizeof *r->aliases);
		r->aliases[r->naliases++] = record_column(stmt, 0);
	}
	sqlite3_finalize(stmt);
	return 0;
}

/* The relations of the record's kind that link to something, at most most
 * links each (0: all); 0, or -1 on a database error. */
static int
record_load_relations(sqlite3 *db, struct record *r, const struct record_kind *k,
    const char *lang, int most)
{
	sqlite3_stmt *stmt;
	struct record_relation *rel;
	struct record_link *l;
	const char *query;
	char *sql;
	int i, rc;

	for (i = 0; k->relations[i].heading != NULL; i++) {
		query = k->relations[i].sql_fr != NULL && lang != NULL && strcmp(lang, "fr") == 0 ?
		    k->relations[i].sql_fr : k->relations[i].sql;
		/* One more than the most, to know whether there are more. */
		sql = xasprintf("%s LIMIT %d", query, most > 0 ? most + 1 : -1);
		rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
		free(sql);
		if (rc != SQLITE_OK)
			return -1;
		sqlite3_bind_text(stmt, 1, r->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, lang, -1, SQLITE_STATIC);
		/* A relation may read no more rows than that itself. */
		if (sqlite3_bind_parameter_count(stmt) >= 3)
			sqlite3_bind_int(stmt, 3, most > 0 ? most + 1 : -1);
		rel = NULL;
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			if (rel != NULL && most > 0 && rel->nlinks == most) {
				rel->more = 1;
				break;
			}
			if (rel == NULL) {
				r->relations = xreallocarray(r->relations, r->nrelations + 1,
				    sizeof *r->relations);
				rel = &r->relations[r->nrelations++];
				rel->heading = k->relations[i].heading;
				rel->links = NULL;
				rel->nlinks = 0;
				rel->more = 0;
			}
			rel->links = xreallocarray(rel->links, rel->nlinks + 1, sizeof *rel->links);
			l = &rel->links[rel->nlinks++];
			l->id = record_column(stmt, 0);
			l->kind = record_column(stmt, 1);
			l->name = record_column(stmt, 2);
			l->detail = record_column(stmt, 3);
		}
		sqlite3_finalize(stmt);
	}
	return 0;
}

/* The record's sources; 0, or -1 on a database error. */
static int
record_load_sources(sqlite3 *db, struct record *r, const char *lang)
{
	sqlite3_stmt *stmt;
	struct record_source *s;

	if (sqlite3_prepare_v2(db, record_sources_sql, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, r->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, lang, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		r->sources = xreallocarray(r->sources, r->nsources + 1, sizeof *r->sources);
		s = &r->sources[r->nsources++];
		s->source_id = record_column(stmt, 0);
		s->title = record_column(stmt, 1);
		s->publisher = record_column(stmt, 2);
		s->published_on = record_column(stmt, 3);
		s->url = record_column(stmt, 4);
		s->stance = record_column(stmt, 5);
		s->field = record_column(stmt, 6);
		s->locator = record_column(stmt, 7);
		s->note = record_column(stmt, 8);
		s->contradicts = strcmp(s->stance, "contradicts") == 0;
	}
	sqlite3_finalize(stmt);
	return 0;
}

/* The user's notes on the record, oldest first; 0, or -1 on a database
 * error. */
static int
record_load_notes(sqlite3 *db, struct record *r)
{
	sqlite3_stmt *stmt;
	struct record_note *n;

	if (sqlite3_prepare_v2(db, "SELECT id, body, updated_at FROM user.note"
	    " WHERE subject_id = ?1 ORDER BY created_at, id", -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, r->id, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		r->notes = xreallocarray(r->notes, r->nnotes + 1, sizeof *r->notes);
		n = &r->notes[r->nnotes++];
		n->n = sqlite3_column_int64(stmt, 0);
		n->text = record_column(stmt, 1);
		n->date = record_column(stmt, 2);
	}
	sqlite3_finalize(stmt);
	return 0;
}

/* Read a record. */
int
record_load(sqlite3 *db, const char *wanted, const char *lang, struct record **rp)
{
	return record_load_some(db, wanted, lang, 0, rp);
}

/* Read the record wanted, at most most links under each heading. */
int
record_load_some(sqlite3 *db, const char *wanted, const char *lang, int most,
    struct record **rp)
{
	const struct record_kind *k;
	struct record *r;
	int found;

	*rp = NULL;
	r = xcalloc(1, sizeof *r);
	if ((found = record_find(db, wanted, &r->id, &r->kind)) <= 0) {
		free(r);
		return found;
	}
	if ((r->title = record_name(db, r->id, lang)) == NULL)
		r->title = xstrdup(r->id);
	/* The arrays exist even empty (the loads grow them): a loop to
	 * claims + nclaims would add 0 to NULL, which C leaves undefined. */
	r->claims = xcalloc(1, sizeof *r->claims);
	r->relations = xcalloc(1, sizeof *r->relations);
	r->sources = xcalloc(1, sizeof *r->sources);
	r->notes = xcalloc(1, sizeof *r->notes);
	for (k = record_kinds; k->kind != NULL; k++) {
		if (strcmp(k->kind, r->kind) == 0)
			break;
	}
	if (k->kind == NULL || record_load_fields(db, r, k, lang) != 0 ||
	    record_load_aliases(db, r) != 0 || record_load_relations(db, r, k, lang, most) != 0 ||
	    record_load_sources(db, r, lang) != 0 || record_load_notes(db, r) != 0) {
		record_free(r);
		return -1;
	}
	*rp = r;
	return 1;
}

/* Free a claim's strings. */
static void
record_free_claim(struct record_claim *c)
{
	int i;

	free(c->field);
	free(c->value);
	free(c->rank);
	free(c->source_id);
	free(c->source);
	free(c->date);
	free(c->locator);
	free(c->note);
	for (i = 0; i < 4; i++)
		free(c->stored[i].text);
	free(c->cited);
}

/* Free a source's strings. */
static void
record_free_source(struct record_source *s)
{
	free(s->source_id);
	free(s->title);
	free(s->publisher);
	free(s->published_on);
	free(s->url);
	free(s->stance);
	free(s->field);
	free(s->locator);
	free(s->note);
}

/* Free what record_load() read. */
void
record_free(struct record *r)
{
	struct record_link *l;
	int i, j;

	if (r == NULL)
		return;
	for (i = 0; i < r->nfields; i++) {
		free(r->fields[i].name);
		free(r->fields[i].stored.text);
		free(r->fields[i].text);
	}
	free(r->fields);
	for (i = 0; i < r->nclaims; i++)
		record_free_claim(&r->claims[i]);
	free(r->claims);
	for (i = 0; i < r->naliases; i++)
		free(r->aliases[i]);
	free(r->aliases);
	for (i = 0; i < r->nrelations; i++) {
		for (j = 0; j < r->relations[i].nlinks; j++) {
			l = &r->relations[i].links[j];
			free(l->id);
			free(l->kind);
			free(l->name);
			free(l->detail);
		}
		free(r->relations[i].links);
	}
	free(r->relations);
	for (i = 0; i < r->nsources; i++)
		record_free_source(&r->sources[i]);
	free(r->sources);
	for (i = 0; i < r->nnotes; i++) {
		free(r->notes[i].text);
		free(r->notes[i].date);
	}
	free(r->notes);
	free(r->id);
	free(r->kind);
	free(r->title);
	free(r);
}

/* The claims on a field in one line, as "Élysée, 6 Feb 2025: €30–50bn ·
 * Reuters, ...": those shown wrong (deprecated) or the others, joined by
 * sep. NULL if none. */
char *
record_claims_line(const struct record *r, const char *field, int deprecated, const char *sep)
{
	const struct record_claim *c;
	struct strbuf sb = { 0 };
	char date[64];

	for (c = r->claims; c < r->claims + r->nclaims; c++) {
		if (strcmp(c->field, field) != 0 || (strcmp(c->rank, "deprecated") == 0) != deprecated)
			continue;
		strbuf_addf(&sb, "%s%s%s%s: %s", sb.s != NULL ? sep : "",
		    c->source, c->date != NULL ? ", " : "",
		    c->date != NULL ? number_date(c->date, date, sizeof date) : "",
		    c->value != NULL ? c->value : "");
	}
	return sb.s != NULL ? strbuf_finish(&sb) : NULL;
}
