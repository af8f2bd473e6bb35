/* The timeline: events and funding announcements in date order, for the
 * timeline command and the explorer's Timeline tab. */
#include "config.h"
#include "timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "i18n.h"
#include "merge.h"
#include "record.h"
#include "xmalloc.h"

/* The first parameter of the filters. */
#define TIMELINE_FILTER_PARAM 10

/* The dates of the days around the event ?8 (three either side of its
 * dates), as "BETWEEN a AND b": what happened about an event is also what
 * happened beside it. */
#define TIMELINE_NEAR_EVENT \
	" BETWEEN (SELECT date(e.date, '-3 days') FROM event AS e WHERE e.id = ?8)" \
	"  AND (SELECT date(coalesce(e.end_date, e.date), '+3 days') FROM event AS e" \
	"   WHERE e.id = ?8)"

/* A funding announcement's amount in euros (a range's high end). */
#define TIMELINE_EUR \
	"eur(coalesce(funding.amount, funding.amount_high), funding.currency, funding.announced_on)"

/* An item's columns (timeline.h), of an event and of funding; ?3 is the
 * language. */
static const char *const timeline_columns[] = {
	"event.date AS date, event.date_precision AS precision, 'event' AS type,"
	" event.kind AS kind, event.id AS id,"
	" CASE ?3 WHEN 'fr' THEN event.title_fr ELSE event.title_en END AS title,"
	" NULL AS amount, NULL AS eur, coalesce(event.country, event.bloc_id) AS place,"
	" coalesce(event.bloc_id, (SELECT min(m.bloc_id) FROM bloc_member AS m"
	"  WHERE m.iso3 = event.country AND m.until IS NULL)) AS bloc,"
	" " RECORD_DISPUTED("event.id") " AS disputed",
	"funding.announced_on, funding.announced_precision, 'funding', funding.kind, funding.id,"
	" CASE ?3 WHEN 'fr' THEN funding.title_fr ELSE funding.title_en END,"
	" coalesce(money(funding.amount, funding.currency),"
	"  money_range(funding.amount_low, funding.amount_high, funding.currency)),"
	" " TIMELINE_EUR ", coalesce(funding.country, funding.bloc_id),"
	" coalesce(funding.bloc_id, (SELECT min(m.bloc_id) FROM bloc_member AS m"
	"  WHERE m.iso3 = funding.country AND m.until IS NULL)),"
	" " RECORD_DISPUTED("funding.id")
};

/* What the SQL date must be to fall between ?1 and ?2 (either NULL): a
 * range the date's index is read by ("~" sorts after any character of a
 * date, so ?2 || "~" after every date that starts with ?2). */
#define TIMELINE_BETWEEN(date) \
	" AND " date " >= coalesce(?1, '') AND " date " < coalesce(?2 || '~', '~')"
/* The same, and in the period from ?7 to before ?9, as one range. */
#define TIMELINE_WITHIN(date) \
	" AND " date " >= max(coalesce(?1, ''), ?7)" \
	" AND " date " < min(coalesce(?2 || '~', '~'), ?9)"

/* The countries of the bloc ?4's members, each once. */
#define TIMELINE_MEMBERS "SELECT DISTINCT iso3 FROM bloc_member WHERE bloc_id = ?4"

/*
 * The two kinds of item: their table, their date, what they must meet
 * (TIMELINE_BETWEEN, or TIMELINE_WITHIN a period), and what those that
 * relate to the record ?4 or fall in the days around the event ?8 meet:
 * tests joined by OR, each of a column that has an index, which SQLite
 * reads each index for and visits each row found once. The sets of keys
 * they test against read one table each, narrowed by constants: with
 * records of the user's own, the tables are merged views (merge.c), which
 * SQLite reads whole when they are joined on a column. Over all their dates
 * (between_about: the same range, the date's index not to be read), those
 * items are found through those indexes, not by testing every item in
 * date order; within a period, so are a record's few items (within_about),
 * and the items of the period are tested for a record of many. The items
 * of a country are those it is the country of (about_place): an id is
 * unique across the tables, so no other test holds for it, and the index
 * of the country and the date gives them in date order. For the same
 * reason, those of a bloc are its own and its members' countries'
 * (about_bloc).
 */
static const struct timeline_kind {
	const char	*table;
	const char	*date;
	const char	*between;
	const char	*within;
	const char	*about;
	const char	*about_place;
	const char	*about_bloc;
	const char	*between_about;
	const char	*within_about;
} timeline_kinds[] = {
	{ "event", "event.date", TIMELINE_BETWEEN("event.date"), TIMELINE_WITHIN("event.date"),
	  "event.id = ?4 OR event.funding_id = ?4 OR event.country = ?4 OR event.bloc_id = ?4"
	  " OR event.country IN (SELECT iso3 FROM bloc_member WHERE bloc_id = ?4)"
	  " OR event.id IN (SELECT event_id FROM event_actor WHERE actor_id = ?4)"
	  " OR event.id IN (SELECT subject_id FROM citation WHERE source_id = ?4)"
	  " OR event.funding_id IN (SELECT id FROM funding WHERE recipient_id = ?4)"
	  " OR event.funding_id IN (SELECT id FROM funding WHERE parent_id = ?4)"
	  " OR event.date" TIMELINE_NEAR_EVENT, "event.country = ?4",
	  "event.bloc_id = ?4 OR event.country IN (" TIMELINE_MEMBERS ")",
	  TIMELINE_BETWEEN("+event.date"), TIMELINE_WITHIN("+event.date") },
	{ "funding", "funding.announced_on", TIMELINE_BETWEEN("funding.announced_on"),
	  TIMELINE_WITHIN("funding.announced_on"),
	  "funding.id = ?4 OR funding.parent_id = ?4 OR funding.recipient_id = ?4"
	  " OR funding.country = ?4 OR funding.bloc_id = ?4"
	  " OR funding.country IN (SELECT iso3 FROM bloc_member WHERE bloc_id = ?4)"
	  " OR funding.id IN (SELECT funding_id FROM funding_party WHERE actor_id = ?4)"
	  " OR funding.id IN (SELECT subject_id FROM citation WHERE source_id = ?4)"
	  " OR funding.announced_on" TIMELINE_NEAR_EVENT, "funding.country = ?4",
	  "funding.bloc_id = ?4 OR funding.country IN (" TIMELINE_MEMBERS ")",
	  TIMELINE_BETWEEN("+funding.announced_on"), TIMELINE_WITHIN("+funding.announced_on") }
};

/* The fields of events and of funding, each once, as "a, b, c". */
static char *
timeline_both_fields(void)
{
	char *all, *funding, *field, *next, *padded, *t;

	all = filter_fields("events");
	funding = filter_fields("funding");
	for (field = funding; field != NULL && *field != '\0'; field = next) {
		if ((next = strstr(field, ", ")) != NULL) {
			*next = '\0';
			next += 2;
		}
		padded = xasprintf(", %s, ", all);
		t = xasprintf(", %s, ", field);
		if (strstr(padded, t) == NULL) {
			free(padded);
			padded = xasprintf("%s, %s", all, field);
			free(all);
			all = padded;
			padded = NULL;
		}
		free(padded);
		free(t);
	}
	free(funding);
	return all;
}

/* Compile a filter for both kinds of item. */
int
timeline_filter(sqlite3 *db, const char *expr, struct timeline *t, char **cause)
{
	struct filter_error events, funding, *why;

	memset(t, 0, sizeof *t);
	if (expr == NULL)
		return 0;
	t->events = filter_compile_error(db, "events", expr, TIMELINE_FILTER_PARAM, &events);
	t->funding = filter_compile_error(db, "funding", expr, TIMELINE_FILTER_PARAM +
	    (t->events != NULL ? filter_nparams(t->events) : 0), &funding);
	if (t->events == NULL && t->funding == NULL) {
		/* Name the mistake, not that a field fits only the other kind,
		 * and offer the fields of both. */
		why = events.code == FILTER_ERR_OTHER_KIND ? &funding : &events;
		if (why->expect == FILTER_EXPECTED_FIELDS) {
			free(why->expected);
			why->expected = timeline_both_fields();
		}
		*cause = filter_error_message(why);
		filter_error_free(&events);
		filter_error_free(&funding);
		return -1;
	}
	t->no_events = t->events == NULL;
	t->no_funding = t->funding == NULL;
	filter_error_free(&events);
	filter_error_free(&funding);
	return 0;
}

/* Make t about the record id, or about none (see timeline.h). */
void
timeline_about(sqlite3 *db, const char *id, struct timeline *t)
{
	sqlite3_stmt *stmt;

	t->about = id != NULL;
	t->mine = merge_mine(db);
	t->place = 0;
	if (id == NULL || sqlite3_prepare_v2(db, "SELECT ?2 FROM country WHERE iso3 = ?1"
	    " UNION ALL SELECT ?3 FROM bloc WHERE id = ?1", -1, &stmt, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, TIMELINE_COUNTRY);
	sqlite3_bind_int(stmt, 3, TIMELINE_BLOC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		t->place = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
}

/* The filter of one kind of item: its own, all, or none. */
static const char *
timeline_test(const struct timeline *t, int funding)
{
	if (funding ? t->no_funding : t->no_events)
		return "0";
	if ((funding ? t->funding : t->events) != NULL)
		return filter_sql(funding ? t->funding : t->events);
	return "1";
}

/* "SELECT columns FROM its table WHERE (what its items meet on t) tail"
 * for a kind of item (1: funding); within: only those of the period ?7 to
 * ?9. */
static char *
timeline_select(const struct timeline *t, int funding, int within, const char *columns,
    const char *tail)
{
	const struct timeline_kind *k = &timeline_kinds[funding];
	const char *range = !t->about ? (within ? k->within : k->between) :
	    !within ? k->between_about : t->few ? k->within_about : k->within;
	const char *about = t->place == TIMELINE_COUNTRY ? k->about_place :
	    t->place == TIMELINE_BLOC ? k->about_bloc : k->about;

	/* With records of the user's own, main's items and the user's are
	 * read apart: SQLite reads a merged view whole to test it against a
	 * subquery. */
	if (t->about && !t->mine)
		return xasprintf("SELECT %s FROM %s WHERE %s AND (%s)%s%s", columns,
		    k->table, timeline_test(t, funding), about, range, tail);
	if (t->about)
		return xasprintf("SELECT %1$s FROM main.%2$s AS %2$s"
		    " WHERE %3$s AND (%4$s)%5$s%6$s"
		    " UNION ALL SELECT %1$s FROM user.%2$s AS %2$s"
		    " WHERE %3$s AND (%4$s)%5$s%6$s",
		    columns, k->table, timeline_test(t, funding), about, range, tail);
	return xasprintf("SELECT %s FROM %s WHERE %s%s%s", columns, k->table,
	    timeline_test(t, funding), range, tail);
}

/* The SELECT of both kinds, events then funding, each made by
 * timeline_select() with a column list and tail of its own. */
static char *
timeline_both(const struct timeline *t, int within, char *const columns[2],
    char *const tails[2])
{
	char *arm[2], *sql;
	int i;

	for (i = 0; i < 2; i++)
		arm[i] = timeline_select(t, i, within, columns[i], tails[i]);
	sql = xasprintf("%s UNION ALL %s", arm[0], arm[1]);
	free(arm[0]);
	free(arm[1]);
	return sql;
}

/* Free what timeline_both() was given. */
static void
timeline_free_both(char *columns[2], char *tails[2])
{
	int i;

	for (i = 0; i < 2; i++) {
		free(columns[i]);
		free(tails[i]);
	}
}

/* The items between two dates, in order, as (date, type, id). */
char *
timeline_keys_sql(const struct timeline *t)
{
	char *columns[2], *tails[2], *both, *sql;
	int i;

	for (i = 0; i < 2; i++) {
		columns[i] = xasprintf("%s AS date, '%s' AS type, %s.id AS id",
		    timeline_kinds[i].date, timeline_kinds[i].table, timeline_kinds[i].table);
		tails[i] = xstrdup("");
	}
	/* Each kind in the order of its date's index, the two merged. */
	both = timeline_both(t, 1, columns, tails);
	sql = xasprintf("%s ORDER BY date, type, id LIMIT ?5 OFFSET ?6", both);
	timeline_free_both(columns, tails);
	free(both);
	return sql;
}

/* One item, by its id, with its columns. */
char *
timeline_item_sql(int funding)
{
	if (!funding)
		return xasprintf("SELECT %s, NULL, NULL FROM event WHERE event.id = ?1",
		    timeline_columns[0]);
	return xasprintf("SELECT %s, funding.parent_id,"
	    " (SELECT CASE ?3 WHEN 'fr' THEN f.title_fr ELSE f.title_en END"
	    "  FROM funding AS f WHERE f.id = funding.parent_id)"
	    " FROM funding WHERE funding.id = ?1", timeline_columns[1]);
}

/* What sorts after every date of the month (or year-only date) m of
 * timeline_months_sql(). */
#define TIMELINE_AFTER(m) "CASE WHEN length(" m ") = 4 THEN " m " || '-' ELSE " m " || '~' END"

/* The countries whose items timeline_months_all_sql() counts, as rows of
 * a column c, for each struct timeline's place: none (no test), the
 * country ?4, the bloc ?4's members. */
static const char *const timeline_countries[] = {
	"SELECT NULL AS c", "SELECT ?4 AS c", "SELECT DISTINCT iso3 AS c FROM bloc_member"
	" WHERE bloc_id = ?4"
};

/*
 * Items per month when every item is on the timeline (no filter, no
 * record), or every item of a country or a bloc (place): each kind's
 * months found one after the other (for each of the bloc's members'
 * countries), each a seek in its date's index (or its country and
 * date's), and the items of each counted as a range of it. A count over a
 * range reads fewer steps than a count per date. A bloc's own items are
 * then counted per date, but those of its members' countries, counted
 * already. main's tables and the user's are read apart: a merged view
 * (merge.c) has no index to seek in.
 */
static char *
timeline_months_all_sql(int place)
{
	static const char *const schemas[] = { "main", "user" };
	char *months[4], *counts[4], *own[4], *first, *next, *sql;
	const struct timeline_kind *k;
	int i;

	for (i = 0; i < 4; i++) {
		k = &timeline_kinds[i / 2];
		first = place ? xasprintf("%s.country = s.c AND ", k->table) : xstrdup("");
		next = place ? xasprintf("%s.country = m%d.c AND ", k->table, i) : xstrdup("");
		months[i] = xasprintf("m%1$d(c, lo) AS (SELECT s.c, (SELECT substr(min(%2$s), 1, 7)"
		    " FROM %4$s.%3$s WHERE %5$s%2$s >= coalesce(?1, '')"
		    " AND %2$s < coalesce(?2 || '~', '~')) FROM (%7$s) AS s"
		    " UNION ALL SELECT m%1$d.c, (SELECT substr(min(%2$s), 1, 7) FROM %4$s.%3$s"
		    "  WHERE %6$s%2$s >= max(coalesce(?1, ''), " TIMELINE_AFTER("m%1$d.lo") ")"
		    "  AND %2$s < coalesce(?2 || '~', '~'))"
		    " FROM m%1$d WHERE lo IS NOT NULL)", i, k->date, k->table, schemas[i % 2],
		    first, next, timeline_countries[place]);
		counts[i] = xasprintf(" UNION ALL SELECT lo, (SELECT count(*) FROM %4$s.%3$s"
		    " WHERE %5$s%2$s >= max(coalesce(?1, ''), lo)"
		    " AND %2$s < min(coalesce(?2 || '~', '~'), " TIMELINE_AFTER("lo") "))"
		    " AS n FROM m%1$d WHERE lo IS NOT NULL", i, k->date, k->table, schemas[i % 2],
		    next);
		own[i] = place != TIMELINE_BLOC ? xstrdup("") : xasprintf(" UNION ALL"
		    " SELECT substr(%1$s, 1, 7), count(*) FROM %3$s.%2$s WHERE %2$s.bloc_id = ?4"
		    " AND (%2$s.country IS NULL OR %2$s.country NOT IN (" TIMELINE_MEMBERS "))"
		    " AND %1$s >= coalesce(?1, '') AND %1$s < coalesce(?2 || '~', '~')"
		    " GROUP BY 1", k->date, k->table, schemas[i % 2]);
		free(first);
		free(next);
	}
	sql = xasprintf("WITH RECURSIVE %s, %s, %s, %s SELECT lo, sum(n) FROM"
	    " (SELECT NULL AS lo, 0 AS n WHERE 0%s%s%s%s%s%s%s%s) GROUP BY 1 ORDER BY 1",
	    months[0], months[1], months[2], months[3], counts[0], own[0], counts[1], own[1],
	    counts[2], own[2], counts[3], own[3]);
	for (i = 0; i < 4; i++) {
		free(months[i]);
		free(counts[i]);
		free(own[i]);
	}
	return sql;
}

/* Items per month. */
char *
timeline_months_sql(const struct timeline *t)
{
	char *columns[2], *tails[2], *both, *sql;
	int i;

	if (t->events == NULL && t->funding == NULL && !t->no_events && !t->no_funding &&
	    (!t->about || t->place))
		return timeline_months_all_sql(t->place);
	/* Items per date, read from the dates' indexes, then per month. */
	for (i = 0; i < 2; i++) {
		columns[i] = xasprintf("%s AS date, count(*) AS n", timeline_kinds[i].date);
		tails[i] = xasprintf(" GROUP BY %s", timeline_kinds[i].date);
	}
	both = timeline_both(t, 0, columns, tails);
	sql = xasprintf("SELECT substr(date, 1, 7), sum(n) FROM (%s) GROUP BY 1 ORDER BY 1", both);
	timeline_free_both(columns, tails);
	free(both);
	return sql;
}

/* The period a month of timeline_months_sql() falls in at a zoom. */
void
timeline_period(enum timeline_zoom zoom, const char *month, char *period, size_t size)
{
	/* A date that says only its year is in its year at every zoom. */
	if (zoom == ZOOM_YEAR || strlen(month) < 7)
		snprintf(period, size, "%.4s", month);
	else if (zoom == ZOOM_QUARTER)
		snprintf(period, size, "%.4s-Q%d", month, (atoi(month + 5) + 2) / 3);
	else
		snprintf(period, size, "%s", month);
}

/* The euros announced between two dates. */
char *
timeline_sum_sql(const struct timeline *t)
{
	char *in = timeline_select(t, 1, 1, "funding.parent_id AS parent, " TIMELINE_EUR " AS eur",
	    "");
	char *parents = timeline_select(t, 1, 0, "funding.id",
	    " AND funding.id IN (SELECT parent FROM p)");
	/* A pledge whose parent is on the timeline too counts once. */
	char *sql = xasprintf("WITH p AS (%s) SELECT sum(eur) FROM p"
	    " WHERE parent IS NULL OR parent NOT IN (%s)", in, parents);

	free(in);
	free(parents);
	return sql;
}

/* The range of dates of a period: from lo, before hi. */
void
timeline_period_range(enum timeline_zoom zoom, const char *period, char *lo, char *hi,
    size_t size)
{
	int quarter;

	if (zoom == ZOOM_YEAR || strlen(period) < 5) {
		/* A year: at the year's zoom, every date of it; at another,
		 * the dates that say only the year ("2000" < "2000-"). */
		snprintf(lo, size, "%.4s", period);
		snprintf(hi, size, "%.4s%s", period, zoom == ZOOM_YEAR ? "~" : "-");
	} else if (zoom == ZOOM_QUARTER && period[5] == 'Q') {
		quarter = atoi(period + 6);
		snprintf(lo, size, "%.4s-%02d", period, quarter * 3 - 2);
		snprintf(hi, size, "%.4s-%02d~", period, quarter * 3);
	} else {
		/* A month, and the days in it ("~" sorts after any). */
		snprintf(lo, size, "%.7s", period);
		snprintf(hi, size, "%.7s~", period);
	}
}

/* The SELECT of the items as the timeline command writes them. */
char *
timeline_export_sql(const struct timeline *t, int human)
{
	char *columns[2] = { xstrdup(timeline_columns[0]), xstrdup(timeline_columns[1]) };
	char *tails[2] = { xstrdup(""), xstrdup("") };
	char *both = timeline_both(t, 0, columns, tails), *sql;

	/* Each kind in the order of its date's index, the two merged:
	 * nothing but the items of one day is sorted. */
	sql = xasprintf("SELECT date, precision, type, kind, title, %s AS amount, place, id,"
	    " %s AS disputed FROM (%s ORDER BY date, type, id LIMIT ?5 OFFSET ?6)",
	    human ? "amount" : "eur AS amount_eur, amount",
	    human ? "CASE disputed WHEN 1 THEN '⚑' END" :
	    "CASE disputed WHEN 1 THEN 'yes' ELSE 'no' END", both);
	timeline_free_both(columns, tails);
	free(both);
	return sql;
}

/* Bind the filters. */
void
timeline_bind(const struct timeline *t, sqlite3_stmt *stmt)
{
	if (t->events != NULL)
		filter_bind(t->events, stmt);
	if (t->funding != NULL)
		filter_bind(t->funding, stmt);
}

/* Free the filters. */
void
timeline_clear(struct timeline *t)
{
	filter_free(t->events);
	filter_free(t->funding);
	memset(t, 0, sizeof *t);
}
