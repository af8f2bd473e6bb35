/* The timeline view: events and funding announcements in date order,
 * grouped by year, quarter or month, under a histogram strip; of all the
 * data (the Timeline tab) or of one record (t in a record). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "explorer.h"
#include "filter.h"
#include "i18n.h"
#include "money.h"
#include "number.h"
#include "output.h"
#include "text.h"
#include "timeline.h"
#include "xmalloc.h"

/* The columns of a row: its period, an item's columns (timeline.h) with
 * parent and parent_title; a heading has its period, type "period", the
 * count of its items as title, and the euros announced in it. */
enum { TL_PERIOD, TL_DATE, TL_PRECISION, TL_TYPE, TL_KIND, TL_ID, TL_TITLE, TL_AMOUNT,
    TL_EUR, TL_PLACE, TL_BLOC, TL_DISPUTED, TL_PARENT, TL_PARENT_TITLE, TL_NCOLS };

struct tl_view {
	char			*subject;	/* the record it is about, or NULL */
	struct timeline		 t;
	char			*filter_text;
	enum timeline_zoom	 zoom;
	char			*folded;	/* ",2025-02,": periods folded, or NULL */
	sqlite3_stmt		*keys;		/* timeline_keys_sql() */
	sqlite3_stmt		*item[2];	/* timeline_item_sql(): event, funding */
	sqlite3_stmt		*sum;		/* timeline_sum_sql() */
	long			 count, cur, top;
	long			 win_off;
	int			 win_n;
	char			**cells;	/* win_n × TL_NCOLS */
	char			**months;	/* items per month, as read */
	long			*month_counts;
	int			 nmonths;
	char			**periods;	/* the histogram: items per period */
	long			*counts;
	char			**sums;		/* each period's euros, once read */
	char			*summed;	/* whether sums[i] was read */
	int			 nbins;
	char			 title[512];
};

/* Forget the fetched rows. */
static void
tl_forget(struct tl_view *t)
{
	int i;

	for (i = 0; i < t->win_n * TL_NCOLS; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
	t->win_n = 0;
}

/* Forget the histogram. */
static void
tl_forget_histogram(struct tl_view *t)
{
	int i;

	for (i = 0; i < t->nbins; i++) {
		free(t->periods[i]);
		free(t->sums[i]);
	}
	free(t->periods);
	free(t->counts);
	free(t->sums);
	free(t->summed);
	t->periods = NULL;
	t->counts = NULL;
	t->sums = NULL;
	t->summed = NULL;
	t->nbins = 0;
}

/* Finalize the statements. */
static void
tl_finalize(struct tl_view *t)
{
	sqlite3_finalize(t->keys);
	sqlite3_finalize(t->item[0]);
	sqlite3_finalize(t->item[1]);
	sqlite3_finalize(t->sum);
	t->keys = t->item[0] = t->item[1] = t->sum = NULL;
}

/* Bind what every timeline query takes. */
static void
tl_bind(struct view *v, struct tl_view *t, sqlite3_stmt *stmt)
{
	sqlite3_bind_text(stmt, 3, explorer_lang(v->ex), -1, SQLITE_TRANSIENT);
	if (t->subject != NULL) {
		sqlite3_bind_text(stmt, 4, t->subject, -1, SQLITE_STATIC);
		/* An event's timeline: what happened the days around it too. */
		sqlite3_bind_text(stmt, 8, t->subject, -1, SQLITE_STATIC);
	}
	timeline_bind(&t->t, stmt);
}

/* Prepare sql into *stmt and bind what every query takes. */
static void
tl_prepare_one(struct view *v, struct tl_view *t, char *sql, sqlite3_stmt **stmt)
{
	if (sqlite3_prepare_v2(explorer_db(v->ex), sql, -1, stmt, NULL) == SQLITE_OK)
		tl_bind(v, t, *stmt);
	free(sql);
}

/* Whether a period is folded. */
static int
tl_folded(const struct tl_view *t, const char *period)
{
	char *key;
	int folded;

	if (t->folded == NULL || period == NULL)
		return 0;
	key = xasprintf(",%s,", period);
	folded = strstr(t->folded, key) != NULL;
	free(key);
	return folded;
}

/* Forget the months read. */
static void
tl_forget_months(struct tl_view *t)
{
	int i;

	for (i = 0; i < t->nmonths; i++)
		free(t->months[i]);
	free(t->months);
	free(t->month_counts);
	t->months = NULL;
	t->month_counts = NULL;
	t->nmonths = 0;
}

/*
 * Group the months into periods at the zoom, and count the rows: each
 * period's heading, then its items unless it is folded. The histogram
 * says where each period's rows are, so a window of rows reads only its
 * own items, through the dates' indexes.
 */
static void
tl_group(struct tl_view *t)
{
	char period[16];
	int i;

	tl_forget(t);
	tl_forget_histogram(t);
	for (i = 0; i < t->nmonths; i++) {
		timeline_period(t->zoom, t->months[i], period, sizeof period);
		if (t->nbins == 0 || strcmp(t->periods[t->nbins - 1], period) != 0) {
			t->periods = xreallocarray(t->periods, t->nbins + 1, sizeof *t->periods);
			t->counts = xreallocarray(t->counts, t->nbins + 1, sizeof *t->counts);
			t->periods[t->nbins] = xstrdup(period);
			t->counts[t->nbins++] = 0;
		}
		t->counts[t->nbins - 1] += t->month_counts[i];
	}
	t->sums = xcalloc(t->nbins + 1, sizeof *t->sums);
	t->summed = xcalloc(t->nbins + 1, 1);
	t->count = t->nbins;
	for (i = 0; i < t->nbins; i++) {
		if (!tl_folded(t, t->periods[i]))
			t->count += t->counts[i];
	}
}

/* Read the items per month that pass the filter, prepare the statements,
 * and group the months. */
static void
tl_load(struct view *v, struct tl_view *t)
{
	sqlite3_stmt *stmt = NULL;
	long total;
	int i;

	tl_finalize(t);
	tl_forget_months(t);
	tl_prepare_one(v, t, timeline_months_sql(&t->t), &stmt);
	while (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW) {
		t->months = xreallocarray(t->months, t->nmonths + 1, sizeof *t->months);
		t->month_counts = xreallocarray(t->month_counts, t->nmonths + 1,
		    sizeof *t->month_counts);
		t->months[t->nmonths] = xstrdup(db_text(stmt, 0));
		t->month_counts[t->nmonths++] = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_finalize(stmt);
	for (i = 0, total = 0; i < t->nmonths; i++)
		total += t->month_counts[i];
	t->t.few = t->t.about && total <= TIMELINE_FEW;
	tl_prepare_one(v, t, timeline_keys_sql(&t->t), &t->keys);
	tl_prepare_one(v, t, timeline_item_sql(0), &t->item[0]);
	tl_prepare_one(v, t, timeline_item_sql(1), &t->item[1]);
	tl_prepare_one(v, t, timeline_sum_sql(&t->t), &t->sum);
	tl_group(t);
}

/* Open the timeline of everything, or of the record in v->data. */
static void
tl_open(struct view *v)
{
	struct tl_view *t = xcalloc(1, sizeof *t);

	t->subject = v->data;
	timeline_about(explorer_db(v->ex), t->subject, &t->t);
	t->zoom = ZOOM_MONTH;
	v->data = t;
	tl_load(v, t);
}

/* Free the timeline. */
static void
tl_close(struct view *v)
{
	struct tl_view *t = v->data;

	tl_forget(t);
	tl_forget_histogram(t);
	tl_forget_months(t);
	tl_finalize(t);
	timeline_clear(&t->t);
	free(t->filter_text);
	free(t->folded);
	free(t->subject);
	free(t);
}

/* Bind a period's dates, ?7 to ?9, to a statement. */
static void
tl_bind_period(struct tl_view *t, sqlite3_stmt *stmt, int bin)
{
	char lo[16], hi[16];

	timeline_period_range(t->zoom, t->periods[bin], lo, hi, sizeof lo);
	sqlite3_reset(stmt);
	sqlite3_bind_text(stmt, 7, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 9, hi, -1, SQLITE_TRANSIENT);
}

/* The euros announced in a period, read the first time it is shown. */
static const char *
tl_sum(struct tl_view *t, int bin)
{
	const char *text;

	if (!t->summed[bin] && t->sum != NULL) {
		tl_bind_period(t, t->sum, bin);
		if (sqlite3_step(t->sum) == SQLITE_ROW &&
		    (text = (const char *)sqlite3_column_text(t->sum, 0)) != NULL)
			t->sums[bin] = xstrdup(text);
		sqlite3_reset(t->sum);
	}
	t->summed[bin] = 1;
	return t->sums[bin];
}

/* Put the heading of a period in window row r. */
static void
tl_fetch_heading(struct tl_view *t, int r, int bin)
{
	char **c = &t->cells[r * TL_NCOLS];
	const char *sum = tl_sum(t, bin);

	c[TL_PERIOD] = xstrdup(t->periods[bin]);
	c[TL_TYPE] = xstrdup("period");
	c[TL_TITLE] = xasprintf("%ld", t->counts[bin]);
	c[TL_EUR] = sum != NULL ? xstrdup(sum) : NULL;
}

/* Put the items of a period, from its skip-th, in window rows r up to
 * at most n; the rows filled. */
static int
tl_fetch_items(struct tl_view *t, int r, int n, int bin, long skip)
{
	sqlite3_stmt *item;
	const char *text;
	int filled = 0, i;

	if (t->keys == NULL)
		return 0;
	tl_bind_period(t, t->keys, bin);
	sqlite3_bind_int(t->keys, 5, n - r);
	sqlite3_bind_int64(t->keys, 6, skip);
	while (r + filled < n && sqlite3_step(t->keys) == SQLITE_ROW) {
		item = t->item[strcmp(db_text(t->keys, 1), "funding") == 0];
		if (item == NULL)
			break;
		sqlite3_reset(item);
		sqlite3_bind_text(item, 1, db_text(t->keys, 2), -1, SQLITE_TRANSIENT);
		if (sqlite3_step(item) != SQLITE_ROW)
			continue;
		t->cells[(r + filled) * TL_NCOLS + TL_PERIOD] = xstrdup(t->periods[bin]);
		for (i = TL_DATE; i < TL_NCOLS; i++) {
			text = (const char *)sqlite3_column_text(item, i - TL_DATE);
			t->cells[(r + filled) * TL_NCOLS + i] = text != NULL ? xstrdup(text) : NULL;
		}
		filled++;
	}
	sqlite3_reset(t->keys);
	return filled;
}

/* Fetch rows [off, off + n) unless they are there: each period's heading,
 * then its items unless it is folded. */
static void
tl_fetch(struct tl_view *t, long off, int n)
{
	long row = 0, skip;
	int r = 0, bin;

	if (t->keys == NULL || (off >= t->win_off && off + n <= t->win_off + t->win_n))
		return;
	tl_forget(t);
	t->win_off = off;
	t->cells = xcalloc((size_t)n * TL_NCOLS + 1, sizeof *t->cells);
	for (bin = 0; bin < t->nbins && r < n; bin++) {
		if (row >= off)
			tl_fetch_heading(t, r++, bin);
		row++;
		if (tl_folded(t, t->periods[bin]))
			continue;
		if (r < n && row + t->counts[bin] > off) {
			skip = off > row ? off - row : 0;
			r += tl_fetch_items(t, r, n, bin, skip);
		}
		row += t->counts[bin];
	}
	t->win_n = r;
}

/* The colour of a bloc: the first blocs of the data get their own. */
static enum explorer_style
tl_bloc_style(const char *bloc)
{
	static const char *const known[] = { "eu", "us", "cn", "uk" };
	size_t i;

	for (i = 0; bloc != NULL && i < sizeof known / sizeof known[0]; i++) {
		if (strcmp(bloc, known[i]) == 0)
			return STYLE_BLOC_1 + (int)i;
	}
	return STYLE_NORMAL;
}

/* Draw the histogram strip: a column per period, eighth blocks high. */
static void
tl_draw_histogram(struct tl_view *t, int y, int cols)
{
	static const char *const levels[] = { " ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	static const char *const ascii[] = { " ", ".", ".", ":", ":", "|", "|", "#", "#" };
	long max = 1;
	int i, first, width = cols - 2, level;
	char *label, from[64], to[64];

	for (i = 0; i < t->nbins; i++) {
		if (t->counts[i] > max)
			max = t->counts[i];
	}
	first = t->nbins > width ? t->nbins - width : 0;
	for (i = first; i < t->nbins; i++) {
		level = (int)((t->counts[i] * 8 + max - 1) / max);
		explorer_text(y, 1 + i - first, explorer_glyph(levels[level], ascii[level]), 1,
		    STYLE_LINK);
	}
	if (t->nbins > 0) {
		label = xasprintf(_("%s … %s, %ld at most a %s"),
		    number_date(t->periods[first], from, sizeof from),
		    number_date(t->periods[t->nbins - 1], to, sizeof to), max, t->zoom == ZOOM_YEAR ? _("year") :
		    t->zoom == ZOOM_QUARTER ? _("quarter") : _("month"));
		explorer_text(y + 1, 1, label, cols - 2, STYLE_DIM);
		free(label);
	}
}

/* Fold a period's items away, or show them again. */
static void
tl_fold(struct view *v, struct tl_view *t, const char *period)
{
	char *key = xasprintf(",%s,", period), *at, *s, shown[64];

	number_date(period, shown, sizeof shown);
	if (t->folded != NULL && (at = strstr(t->folded, key)) != NULL) {
		memmove(at, at + strlen(key) - 1, strlen(at + strlen(key) - 1) + 1);
		if (strcmp(t->folded, ",") == 0) {
			free(t->folded);
			t->folded = NULL;
		}
		explorer_message(v->ex, _("%s unfolded."), shown);
	} else {
		s = xasprintf("%s%s", t->folded != NULL ? t->folded : ",", key + 1);
		free(t->folded);
		t->folded = s;
		explorer_message(v->ex, _("%s folded; Enter on it unfolds it."), shown);
	}
	free(key);
	tl_group(t);
}

/*
 * An item's title as window row r shows it: $ before funding; a part of a
 * larger pledge indented under it, "↳ title", when that one is a row above
 * in the window, and else "↳ title (in PARENT)".
 */
static char *
tl_item_title(struct tl_view *t, int r)
{
	char **c = &t->cells[r * TL_NCOLS];
	const char *glyph = explorer_glyph("↳", "`-");
	int above;

	if (c[TL_PARENT] == NULL)
		return xasprintf("%s %s", strcmp(c[TL_TYPE], "funding") == 0 ? "$" : " ",
		    c[TL_TITLE]);
	for (above = r - 1; above >= 0; above--) {
		if (t->cells[above * TL_NCOLS + TL_ID] != NULL &&
		    strcmp(t->cells[above * TL_NCOLS + TL_ID], c[TL_PARENT]) == 0)
			return xasprintf("$   %s %s", glyph, c[TL_TITLE]);
	}
	if (c[TL_PARENT_TITLE] == NULL)
		return xasprintf("$ %s %s", glyph, c[TL_TITLE]);
	return xasprintf(_("$ %s %s (in %s)"), glyph, c[TL_TITLE], c[TL_PARENT_TITLE]);
}

/* Draw the strip and the rows that fit. */
static void
tl_draw(struct view *v, int top, int rows, int cols)
{
	struct tl_view *t = v->data;
	int r, n = rows - 3, x, w, has_eur, folded;
	enum explorer_style style;
	char **c, *line, buf[64], date[64], *end;
	const char *marker;
	double eur;

	tl_draw_histogram(t, top, cols);
	if (t->cur >= t->count)
		t->cur = t->count - 1;
	if (t->cur < 0)
		t->cur = 0;
	if (t->cur < t->top)
		t->top = t->cur;
	if (n > 0 && t->cur >= t->top + n)
		t->top = t->cur - n + 1;
	tl_fetch(t, t->top, n);
	if (t->count == 0)
		explorer_text(top + 3, 1, _("Nothing dated here."), cols - 2, STYLE_DIM);
	for (r = 0; r < t->win_n && r < n; r++) {
		c = &t->cells[r * TL_NCOLS];
		style = t->top + r == t->cur ? STYLE_SELECTED : STYLE_NORMAL;
		explorer_fill(top + 3 + r, 0, cols, style);
		if (strcmp(c[TL_TYPE], "period") == 0) {
			/* A period's heading, with the money announced in it;
			 * ▾ open, ▸ folded (Enter toggles). */
			folded = tl_folded(t, c[TL_PERIOD]);
			has_eur = c[TL_EUR] != NULL && number_parse(c[TL_EUR], &eur, &end) == 0;
			line = xasprintf(_("%s %s%s%s%s"), folded ? explorer_glyph("▸", ">") :
			    explorer_glyph("▾", "v"), number_date(c[TL_PERIOD], date, sizeof date),
			    has_eur ? "  " : "",
			    has_eur ? money_format(eur, "EUR", buf, sizeof buf) : "",
			    has_eur ? _(" announced") : "");
			if (folded) {
				char *more = xasprintf(_("%s  (%s folded: Enter unfolds)"), line,
				    c[TL_TITLE]);
				free(line);
				line = more;
			}
			explorer_text(top + 3 + r, 1, line, cols - 2,
			    style == STYLE_SELECTED ? style : STYLE_TITLE);
			free(line);
			continue;
		}
		/* The marker says the date's precision: a day, a month, a year. */
		marker = strcmp(c[TL_PRECISION], "day") == 0 ? explorer_glyph("●", "*") :
		    strcmp(c[TL_PRECISION], "month") == 0 ? explorer_glyph("◐", "+") :
		    explorer_glyph("○", "o");
		/* A record with a disputed field is marked in the first column. */
		if (c[TL_DISPUTED] != NULL && strcmp(c[TL_DISPUTED], "1") == 0)
			explorer_text(top + 3 + r, 0, explorer_glyph("⚑", "!"), 1,
			    style == STYLE_SELECTED ? style : STYLE_ALERT);
		/* The date as the language writes it: "11 sept. 2025" at most. */
		explorer_text(top + 3 + r, 2, number_date(c[TL_DATE], date, sizeof date), 13,
		    style);
		x = 16;
		explorer_text(top + 3 + r, x, marker, 1, style == STYLE_SELECTED ? style :
		    tl_bloc_style(c[TL_BLOC]));
		x = 18;
		w = c[TL_AMOUNT] != NULL ? text_width(c[TL_AMOUNT]) + 2 : 0;
		line = tl_item_title(t, r);
		explorer_text_marked(top + 3 + r, x, line, cols - x - w - 7, style);
		free(line);
		if (c[TL_AMOUNT] != NULL)
			explorer_text(top + 3 + r, cols - w - 6, c[TL_AMOUNT], w, style);
		if (c[TL_PLACE] != NULL)
			explorer_text(top + 3 + r, cols - 5, c[TL_PLACE], 4, style);
	}
}

/* Move, zoom, open, or write the selected item's brief. */
static int
tl_action(struct view *v, enum keys_action a)
{
	struct tl_view *t = v->data;
	long page = v->rows > 4 ? v->rows - 3 : 1;
	const char *id, *type, *period;

	if (explorer_move(a, &t->cur, &t->top, t->count, page)) {
		explorer_dirty(v->ex);
		return 1;
	}
	switch (a) {
	case ACTION_ZOOM_IN:
	case ACTION_ZOOM_OUT:
		if ((a == ACTION_ZOOM_IN && t->zoom == ZOOM_MONTH) ||
		    (a == ACTION_ZOOM_OUT && t->zoom == ZOOM_YEAR)) {
			explorer_message(v->ex, a == ACTION_ZOOM_IN ? _("Grouped by month already, "
			    "the finest; - groups by quarter.") : _("Grouped by year already, the "
			    "widest; + groups by quarter."));
			return 1;
		}
		t->zoom += a == ACTION_ZOOM_IN ? 1 : -1;
		t->cur = t->top = 0;
		/* Other periods: none is folded. */
		free(t->folded);
		t->folded = NULL;
		tl_group(t);
		explorer_message(v->ex, _("Grouped by %s."), t->zoom == ZOOM_YEAR ? _("year") :
		    t->zoom == ZOOM_QUARTER ? _("quarter") : _("month"));
		break;
	case ACTION_OPEN:
	case ACTION_BRIEF:
	case ACTION_MARK:
		tl_fetch(t, t->cur, 1);
		id = type = period = NULL;
		if (t->cur >= t->win_off && t->cur < t->win_off + t->win_n) {
			id = t->cells[(t->cur - t->win_off) * TL_NCOLS + TL_ID];
			type = t->cells[(t->cur - t->win_off) * TL_NCOLS + TL_TYPE];
			period = t->cells[(t->cur - t->win_off) * TL_NCOLS + TL_PERIOD];
		}
		if (a == ACTION_BRIEF)
			explorer_brief(v->ex, id);
		else if (id != NULL) {
			char *copy = xstrdup(id);
			if (a == ACTION_OPEN)
				explorer_open_record(v->ex, copy);
			else
				explorer_mark_kind(v->ex, strcmp(type, "event") == 0 ? "event" :
				    "funding", copy);
			free(copy);
		} else if (a == ACTION_OPEN && period != NULL) {
			char *copy = xstrdup(period);
			tl_fold(v, t, copy);
			free(copy);
		} else
			explorer_message(v->ex, a == ACTION_MARK ? _("A heading cannot be marked: "
			    "m marks an item.") : _("Nothing dated here."));
		explorer_dirty(v->ex);
		return 1;
	default:
		return 0;
	}
	if (t->top < 0)
		t->top = 0;
	explorer_dirty(v->ex);
	return 1;
}

/* A click selects a row. */
static void
tl_click(struct view *v, int row, int col)
{
	struct tl_view *t = v->data;

	if (row >= 3 && t->top + row - 3 < t->count)
		t->cur = t->top + row - 3;
}

/* "12/87" */
static void
tl_position(struct view *v, char *buf, size_t size)
{
	struct tl_view *t = v->data;

	snprintf(buf, size, "%ld/%ld", t->count == 0 ? 0 : t->cur + 1, t->count);
}

/* "timeline of mistral-ai · filter: ..." */
static const char *
tl_title(struct view *v)
{
	struct tl_view *t = v->data;
	int n;

	n = snprintf(t->title, sizeof t->title, "%s%s%s", _("timeline"),
	    t->subject != NULL ? _(" of ") : "", t->subject != NULL ? t->subject : "");
	if (t->filter_text != NULL && n > 0 && (size_t)n < sizeof t->title)
		snprintf(t->title + n, sizeof t->title - n, _(" %s filter: %s"),
		    explorer_glyph("·", "-"), t->filter_text);
	return t->title;
}

/* The filter, or NULL. */
static const char *
tl_filter(struct view *v)
{
	return ((struct tl_view *)v->data)->filter_text;
}

/* Filter the timeline: events and funding, each where the filter applies. */
static int
tl_set_filter(struct view *v, const char *expr, char **cause)
{
	struct tl_view *t = v->data;
	struct timeline nt;
	char *hint;

	if (timeline_filter(explorer_db(v->ex), expr != NULL && *expr != '\0' ? expr : NULL,
	    &nt, cause) != 0)
		return -1;
	timeline_clear(&t->t);
	t->t = nt;
	timeline_about(explorer_db(v->ex), t->subject, &t->t);
	free(t->filter_text);
	t->filter_text = expr != NULL && *expr != '\0' ? xstrdup(expr) : NULL;
	t->cur = t->top = 0;
	tl_load(v, t);
	if (t->filter_text != NULL && t->count == 0 &&
	    ((hint = filter_hint(explorer_db(v->ex), "events", expr)) != NULL ||
	    (hint = filter_hint(explorer_db(v->ex), "funding", expr)) != NULL)) {
		explorer_message(v->ex, _("Nothing passes the filter: %s"), hint);
		free(hint);
	}
	explorer_dirty(v->ex);
	return 0;
}

/* Write the timeline, with its filter, as the timeline command does. */
static long
tl_export(struct view *v, struct output *o, int human, char **cause)
{
	struct tl_view *t = v->data;
	sqlite3 *db = explorer_db(v->ex);
	sqlite3_stmt *stmt;
	char *sql = timeline_export_sql(&t->t, human);
	long rows;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		*cause = xstrdup(sqlite3_errmsg(db));
		free(sql);
		return -1;
	}
	free(sql);
	tl_bind(v, t, stmt);
	sqlite3_bind_int64(stmt, 5, -1);
	sqlite3_bind_int64(stmt, 6, 0);
	if ((rows = output_statement(o, stmt)) < 0)
		*cause = xstrdup(sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	return rows;
}

/* Completion follows the events' fields. */
static const char *
tl_filter_kind(struct view *v)
{
	return "events";
}

const struct view_ops view_timeline_ops = {
	.name = "timeline",
	.scope = SCOPE_GLOBAL,
	.open = tl_open,
	.close = tl_close,
	.draw = tl_draw,
	.action = tl_action,
	.click = tl_click,
	.position = tl_position,
	.title = tl_title,
	.filter = tl_filter,
	.set_filter = tl_set_filter,
	.filter_kind = tl_filter_kind,
	.export = tl_export,
};
