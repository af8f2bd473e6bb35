/* The timeline: events and funding announcements in date order, for the
 * timeline command and the explorer's Timeline tab. */
#ifndef AIATLAS_TIMELINE_H
#define AIATLAS_TIMELINE_H

#include <stddef.h>
#include <sqlite3.h>

/* How dates are grouped. */
enum timeline_zoom {
	ZOOM_YEAR,
	ZOOM_QUARTER,
	ZOOM_MONTH
};

struct filter;

/* What the timeline shows: a filter, dates, and the record it is about. */
struct timeline {
	struct filter	*events;	/* the filter, compiled for events */
	struct filter	*funding;	/* and for funding */
	int		 no_events;	/* the filter applies to funding only */
	int		 no_funding;	/* or to events only */
	int		 about;		/* only the items that relate to the
					 * record ?4, or around the event ?8 */
	int		 mine;		/* the user has records (merge_mine()):
					 * about's items read per schema */
	int		 few;		/* about at most TIMELINE_FEW items: those
					 * of a period found as those of all */
	int		 place;		/* about a country (TIMELINE_COUNTRY):
					 * its items are those it is the country
					 * of; or a bloc (TIMELINE_BLOC): those
					 * of its members' countries or its own
					 * (timeline_about()) */
};

/* What struct timeline's place says the record is. */
#define TIMELINE_COUNTRY	1
#define TIMELINE_BLOC		2

/* The most items of a record whose periods are read through the indexes
 * of what relates them to it, not through the date's. */
#define TIMELINE_FEW 4096

/* Make t about the record id, or about none (NULL): whether the user has
 * records, and whether id is a country or a bloc. */
void	 timeline_about(sqlite3 *db, const char *id, struct timeline *t);
/* Compile a filter for both kinds of item (NULL expr: none); -1 with
 * *cause if it fits neither. */
int	 timeline_filter(sqlite3 *db, const char *expr, struct timeline *t, char **cause);
/*
 * The statements' parameters: ?1 from, ?2 to (dates, or NULL), ?3 the
 * language, ?4 a record the items must relate to (or NULL), ?5 limit, ?6
 * offset, ?7 and ?9 a period's dates (timeline_period_range()), ?8 an
 * event: items in the days around it (three either side of its dates) are
 * kept too, or NULL; the filters' from ?10.
 *
 * An item's columns: date, precision, type (event or funding), kind, id,
 * title, amount (short, in its currency), eur, place, bloc, disputed (1
 * when the record has a disputed field, else 0).
 */

/* The items of a period, ?7 to ?9, in order, as date, type and id; ?5
 * and ?6 take a window of them. */
char	*timeline_keys_sql(const struct timeline *t);
/* One item of a kind (1: funding) by its id, ?1: its columns, then parent
 * (the funding it is part of) and parent_title; ?3 the language. */
char	*timeline_item_sql(int funding);
/* Items per month, in order: month (YYYY-MM, or YYYY for the dates
 * that say only their year), count. */
char	*timeline_months_sql(const struct timeline *t);
/* The period (YYYY, YYYY-Qn, YYYY-MM) a month of timeline_months_sql()
 * falls in at a zoom; months in order give periods in order. */
void	 timeline_period(enum timeline_zoom zoom, const char *month, char *period,
	     size_t size);
/* The euros announced in a period, ?7 to ?9 (a part of a pledge that is
 * on the timeline too counts in it only). */
char	*timeline_sum_sql(const struct timeline *t);
/* A period's first date (lo) and what sorts after its last (hi), as ?7
 * and ?9; each of size bytes. */
void	 timeline_period_range(enum timeline_zoom zoom, const char *period, char *lo,
	     char *hi, size_t size);
/* The SELECT of the items as the timeline command writes them: date,
 * precision, type, kind, title, amount (human: short, in its currency;
 * otherwise amount_eur and amount), place, id, disputed (human: a marker;
 * otherwise yes or no); ?5 limit and ?6 offset. */
char	*timeline_export_sql(const struct timeline *t, int human);
/* Bind the filters. */
void	 timeline_bind(const struct timeline *t, sqlite3_stmt *stmt);
void	 timeline_clear(struct timeline *t);

#endif
