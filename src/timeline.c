/* The timeline: events and funding announcements in date order, for the
 * timeline command and the explorer's Timeline tab. */
#include "config.h"
#include "timeline.h"

#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "i18n.h"
#include "record.h"
#include "xmalloc.h"

/* The first parameter of the filters. */
#define TIMELINE_FILTER_PARAM 10

/* The period a date falls in, at each zoom. */
static const char *const timeline_periods[] = {
	"substr(date, 1, 4)",
	"CASE WHEN length(date) >= 7 THEN substr(date, 1, 4) || '-Q' ||"
	" ((CAST(substr(date, 6, 2) AS INTEGER) + 2) / 3) ELSE substr(date, 1, 4) END",
	"substr(date, 1, 7)"
};

/* Whether the SQL date falls in the days around the event ?8 (three either
 * side of its dates): what happened about an event is also what happened
 * beside it. */
#define TIMELINE_NEAR_EVENT(date) \
	" OR " date " BETWEEN (SELECT date(e.date, '-3 days') FROM event AS e WHERE e.id = ?8)" \
	"  AND (SELECT date(coalesce(e.end_date, e.date), '+3 days') FROM event AS e" \
	"   WHERE e.id = ?8)"

/* Events and funding as items: ?3 is the language, ?4 a related record, ?8
 * an event whose days around keep items too. */
static const char timeline_items_sql[] =
	"SELECT event.date AS date, event.date_precision AS precision, 'event' AS type, event.kind AS kind,"
	" event.id AS id, CASE ?3 WHEN 'fr' THEN event.title_fr ELSE event.title_en END AS title,"
	" NULL AS amount, NULL AS eur, NULL AS parent, coalesce(event.country, event.bloc_id) AS place,"
	" coalesce(event.bloc_id, (SELECT min(m.bloc_id) FROM bloc_member AS m"
	"  WHERE m.iso3 = event.country AND m.until IS NULL)) AS bloc,"
	" " RECORD_DISPUTED("event.id") " AS disputed"
	" FROM event WHERE %s AND (?4 IS NULL OR event.id = ?4 OR event.funding_id = ?4"
	"  OR event.country = ?4 OR event.bloc_id = ?4"
	"  OR event.country IN (SELECT iso3 FROM bloc_member WHERE bloc_id = ?4)"
	"  OR EXISTS (SELECT 1 FROM event_actor AS ea WHERE ea.event_id = event.id AND ea.actor_id = ?4)"
	"  OR EXISTS (SELECT 1 FROM citation AS c WHERE c.subject_id = event.id AND c.source_id = ?4)"
	"  OR event.funding_id IN (SELECT id FROM funding WHERE recipient_id = ?4 OR parent_id = ?4)"
	TIMELINE_NEAR_EVENT("event.date") ")"
	" UNION ALL "
	"SELECT funding.announced_on, funding.announced_precision, 'funding', funding.kind, funding.id,"
	" CASE ?3 WHEN 'fr' THEN funding.title_fr ELSE funding.title_en END,"
	" coalesce(money(funding.amount, funding.currency), money_range(funding.amount_low, funding.amount_high, funding.currency)),"
	" eur(coalesce(funding.amount, funding.amount_high), funding.currency, funding.announced_on),"
	" funding.parent_id, coalesce(funding.country, funding.bloc_id),"
	" coalesce(funding.bloc_id, (SELECT min(m.bloc_id) FROM bloc_member AS m"
	"  WHERE m.iso3 = funding.country AND m.until IS NULL)),"
	" " RECORD_DISPUTED("funding.id")
	" FROM funding WHERE %s AND (?4 IS NULL OR funding.id = ?4 OR funding.parent_id = ?4"
	"  OR funding.recipient_id = ?4 OR funding.country = ?4 OR funding.bloc_id = ?4"
	"  OR funding.country IN (SELECT iso3 FROM bloc_member WHERE bloc_id = ?4)"
	"  OR EXISTS (SELECT 1 FROM funding_party AS p WHERE p.funding_id = funding.id AND p.actor_id = ?4)"
	"  OR EXISTS (SELECT 1 FROM citation AS c WHERE c.subject_id = funding.id AND c.source_id = ?4)"
	TIMELINE_NEAR_EVENT("funding.announced_on") ")";

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

/* The WHERE test of one kind: its filter, all, or none. */
static const char *
timeline_test(const struct filter *f, int none)
{
	return none ? "0" : f != NULL ? filter_sql(f) : "1";
}

/* The items, between ?1 and ?2. */
static char *
timeline_items(const struct timeline *t)
{
	char *items = xasprintf(timeline_items_sql, timeline_test(t->events, t->no_events),
	    timeline_test(t->funding, t->no_funding));
	char *sql = xasprintf("SELECT * FROM (%s) WHERE (?1 IS NULL OR date >= ?1)"
	    " AND (?2 IS NULL OR substr(date, 1, length(?2)) <= ?2)", items);

	free(items);
	return sql;
}

/* The SELECT of the items, with headings if asked. */
char *
timeline_sql(const struct timeline *t, enum timeline_zoom zoom, int headings)
{
	char *items = timeline_items(t), *sql;

	if (headings)
		sql = xasprintf("WITH i AS (%s) SELECT * FROM ("
		    " SELECT %s AS period, date, precision, type, kind, id, title, amount, eur,"
		    "  place, bloc, disputed, parent,"
		    "  (SELECT CASE ?3 WHEN 'fr' THEN f.title_fr ELSE f.title_en END"
		    "   FROM funding AS f WHERE f.id = i.parent) AS parent_title, 1 AS o FROM i"
		    /* The items of a folded period are left out, not its heading. */
		    "  WHERE coalesce(instr(?7, ',' || %s || ','), 0) = 0"
		    /* A heading's title is how many items it has. */
		    " UNION ALL SELECT %s, min(date), NULL, 'period', NULL, NULL, count(*), NULL,"
		    /* A pledge whose parent is on the timeline too counts once. */
		    "  sum(CASE WHEN parent IS NULL OR parent NOT IN (SELECT id FROM i) THEN eur END),"
		    "  NULL, NULL, NULL, NULL, NULL, 0 FROM i GROUP BY 1)"
		    " ORDER BY period, o, date, type, id LIMIT ?5 OFFSET ?6", items,
		    timeline_periods[zoom], timeline_periods[zoom], timeline_periods[zoom]);
	else
		sql = xasprintf("WITH i AS (%s) SELECT %s AS period, date, precision, type, kind,"
		    " id, title, amount, eur, place, bloc, disputed FROM i ORDER BY date, type, id"
		    " LIMIT ?5 OFFSET ?6", items, timeline_periods[zoom]);
	free(items);
	return sql;
}

/* Count per period. */
char *
timeline_histogram_sql(const struct timeline *t, enum timeline_zoom zoom)
{
	char *items = timeline_items(t);
	char *sql = xasprintf("WITH i AS (%s) SELECT %s AS period, count(*) FROM i"
	    " GROUP BY 1 ORDER BY 1", items, timeline_periods[zoom]);

	free(items);
	return sql;
}

/* The SELECT of the items as the timeline command writes them. */
char *
timeline_export_sql(const struct timeline *t, int human)
{
	char *items = timeline_sql(t, ZOOM_MONTH, 0), *sql;

	sql = xasprintf("SELECT date, precision, type, kind, title, %s AS amount, place, id,"
	    " %s AS disputed FROM (%s)", human ? "amount" : "eur AS amount_eur, amount",
	    human ? "CASE disputed WHEN 1 THEN '⚑' END" :
	    "CASE disputed WHEN 1 THEN 'yes' ELSE 'no' END", items);
	free(items);
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
