/* The timeline: events and funding announcements in date order, for the
 * timeline command and the explorer's Timeline tab. */
#ifndef AIATLAS_TIMELINE_H
#define AIATLAS_TIMELINE_H

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
};

/* Compile a filter for both kinds of item (NULL expr: none); -1 with
 * *cause if it fits neither. */
int	 timeline_filter(sqlite3 *db, const char *expr, struct timeline *t, char **cause);
/*
 * The SELECT of the items, and with headings a row per period first:
 * period, date, precision, type (event, funding, or period), kind, id,
 * title (a period's: how many items it has), amount (short, in its
 * currency), eur, place, bloc, disputed (1 when the record has a disputed
 * field, 0; NULL for a period), and with headings parent (the funding it
 * is part of) and parent_title. Parameters: ?1 from, ?2 to (dates or
 * NULL), ?3 language, ?4 a record the items must relate to (or NULL), ?5
 * limit, ?6 offset, with headings ?7 the periods folded (their items left
 * out) as ",2025-02,2025-03," or NULL; ?8 an event: items in the days
 * around it (three either side of its dates) are kept too, or NULL; the
 * filters' from ?10.
 */
char	*timeline_sql(const struct timeline *t, enum timeline_zoom zoom, int headings);
/* The SELECT of the items as the timeline command writes them: date,
 * precision, type, kind, title, amount (human: short, in its currency;
 * otherwise amount_eur and amount), place, id, disputed (human: a marker;
 * otherwise yes or no). The parameters of timeline_sql(). */
char	*timeline_export_sql(const struct timeline *t, int human);
/* Count per period: period, count; same parameters but ?5 and ?6. */
char	*timeline_histogram_sql(const struct timeline *t, enum timeline_zoom zoom);
/* Bind the filters. */
void	 timeline_bind(const struct timeline *t, sqlite3_stmt *stmt);
void	 timeline_clear(struct timeline *t);

#endif
