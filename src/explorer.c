/* The full-screen explorer: its loop, its screen, and what views use. */
#include "config.h"
#include "explorer.h"
#include "explorer-int.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "cli.h"
#include "db.h"
#include "fts.h"
#include "i18n.h"
#include "lang.h"
#include "kind.h"
#include "match.h"
#include "prompt.h"
#include "script.h"
#include "text.h"
#include "translit.h"
#include "userdb.h"
#include "xmalloc.h"

/* The view each kind's tab starts with, by the registry's kind_view. */
static const struct view_ops *const explorer_tab_views[] = {
	[KIND_VIEW_LIST] = &view_list_ops,
	[KIND_VIEW_TIMELINE] = &view_timeline_ops,
};

/* The label of tab i: a kind's, or the user's marks after them. */
static const char *
explorer_tab_label(int i)
{
	return i < KIND_NTABS ? _(kind_tab(i)->tab_label) : _("Marks");
}

/* The view tab i starts with. */
static const struct view_ops *
explorer_tab_view(int i)
{
	return i < KIND_NTABS ? explorer_tab_views[kind_tab(i)->view] : &view_marks_ops;
}

/* For the fatal hook and the glyphs, which have no explorer at hand. */
static struct explorer		*explorer_active;
static volatile sig_atomic_t	 explorer_signal;

/* The signals that end the explorer through its loop, and those that kill
 * it at once (see explorer_on_fatal). */
static const int explorer_quit_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
static const int explorer_fatal_signals[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL };
#define EXPLORER_NFATAL (sizeof explorer_fatal_signals / sizeof explorer_fatal_signals[0])

/* What a fatal signal's handler needs to give the terminal back, made
 * before: the settings from before curses, and the sequence that resets
 * what the explorer turned on. */
static struct termios		 explorer_termios;
static char			 explorer_reset[512];
static size_t			 explorer_reset_len;
static struct sigaction		 explorer_fatal_old[EXPLORER_NFATAL];
static int			 explorer_fatal_caught;

/* Colour pairs of the styles. */
enum { PAIR_HEADER = 1, PAIR_SELECTED, PAIR_LINK, PAIR_TITLE, PAIR_DIM, PAIR_ALERT, PAIR_MATCH,
    PAIR_BLOC_1, PAIR_BLOC_2, PAIR_BLOC_3, PAIR_BLOC_4 };

/* The attributes of a style, in colour or not. */
static attr_t
explorer_attr(enum explorer_style style)
{
	int color = explorer_active != NULL && explorer_active->color;

	switch (style) {
	case STYLE_HEADER:
		return A_BOLD | (color ? COLOR_PAIR(PAIR_HEADER) : A_UNDERLINE);
	case STYLE_SELECTED:
		return A_REVERSE | (color ? COLOR_PAIR(PAIR_SELECTED) : A_BOLD);
	case STYLE_LINK:
		return color ? COLOR_PAIR(PAIR_LINK) : A_UNDERLINE;
	case STYLE_TITLE:
		return A_BOLD | (color ? COLOR_PAIR(PAIR_TITLE) : 0);
	case STYLE_DIM:
		return color ? COLOR_PAIR(PAIR_DIM) : A_DIM;
	case STYLE_ALERT:
		return A_BOLD | (color ? COLOR_PAIR(PAIR_ALERT) : A_STANDOUT);
	case STYLE_MATCH:
		return A_BOLD | A_UNDERLINE | (color ? COLOR_PAIR(PAIR_MATCH) : 0);
	case STYLE_BLOC_1:
	case STYLE_BLOC_2:
	case STYLE_BLOC_3:
	case STYLE_BLOC_4:
		return color ? COLOR_PAIR(PAIR_BLOC_1 + (style - STYLE_BLOC_1)) | A_BOLD : A_BOLD;
	default:
		return A_NORMAL;
	}
}

/* A glyph, or its ASCII stand-in outside UTF-8. */
const char *
explorer_glyph(const char *utf8, const char *ascii)
{
	return explorer_active == NULL || explorer_active->utf8 ? utf8 : ascii;
}

/* Give one character's bytes to the screen (text_walk's put). */
static void
explorer_put(void *arg, const char *bytes, size_t n)
{
	addnstr(bytes, (int)n);
}

/* Draw text at (y, x), cut to width with an ellipsis. */
int
explorer_text(int y, int x, const char *s, int width, enum explorer_style style)
{
	const char *bad = explorer_glyph("\xef\xbf\xbd", "?");
	int w;

	if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	move(y, x);
	attrset(explorer_attr(style));
	/* Whether it fits, read no further than the width: a field may be long. */
	if (s[text_span(s, width)] == '\0')
		w = text_walk(s, width, bad, explorer_put, NULL);
	else {
		w = text_walk(s, width - 1, bad, explorer_put, NULL);
		addstr(explorer_glyph("…", "~"));
		w++;
	}
	attrset(A_NORMAL);
	return w;
}

/* Draw text with the words of the last search highlighted. */
int
explorer_text_marked(int y, int x, const char *s, int width, enum explorer_style style)
{
	char *const *words = explorer_active != NULL ? explorer_active->highlight : NULL;
	size_t from = 0, start, end;
	char *part;
	int w = 0;

	if (words == NULL || !match_find(s, words, 0, &start, &end))
		return explorer_text(y, x, s, width, style);
	while (w < width && match_find(s, words, from, &start, &end)) {
		part = xstrndup(s + from, start - from);
		w += explorer_text(y, x + w, part, width - w, style);
		free(part);
		part = xstrndup(s + start, end - start);
		w += explorer_text(y, x + w, part, width - w, STYLE_MATCH);
		free(part);
		from = end;
	}
	if (w < width && s[from] != '\0')
		w += explorer_text(y, x + w, s + from, width - w, style);
	return w;
}

/* Fill width columns with spaces in a style. */
void
explorer_fill(int y, int x, int width, enum explorer_style style)
{
	if (y < 0 || y >= LINES || x >= COLS || width <= 0)
		return;
	if (x + width > COLS)
		width = COLS - x;
	attrset(explorer_attr(style));
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

/* Move a list's selection by a movement action. */
int
explorer_move(enum keys_action a, long *cur, long *top, long count, long page)
{
	switch (a) {
	case ACTION_DOWN:	(*cur)++; break;
	case ACTION_UP:		(*cur)--; break;
	case ACTION_HALF_DOWN:	*cur += page / 2; *top += page / 2; break;
	case ACTION_HALF_UP:	*cur -= page / 2; *top -= page / 2; break;
	case ACTION_PAGE_DOWN:	*cur += page; *top += page; break;
	case ACTION_PAGE_UP:	*cur -= page; *top -= page; break;
	case ACTION_FIRST:	*cur = 0; break;
	case ACTION_LAST:	*cur = count - 1; break;
	default:
		return 0;
	}
	if (*cur >= count)
		*cur = count - 1;
	if (*cur < 0)
		*cur = 0;
	if (*top > count - 1)
		*top = count - 1;
	if (*top < 0)
		*top = 0;
	return 1;
}

/* The database. */
sqlite3 *
explorer_db(struct explorer *ex)
{
	return ex->db;
}

/* The language of names. */
const char *
explorer_lang(struct explorer *ex)
{
	return ex->lang;
}

/* Redraw before the next key. */
void
explorer_dirty(struct explorer *ex)
{
	ex->dirty = 1;
}

/* Show a message until the next key. */
void
explorer_message(struct explorer *ex, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ex->message, sizeof ex->message, fmt, ap);
	va_end(ap);
	ex->dirty = 1;
}

/* The list kind of the current tab. */
const char *
explorer_tab_kind(struct explorer *ex)
{
	return kind_tab(ex->current)->plural;
}

/* Make a view of a kind; its data comes from open. */
struct view *
explorer_view_new(struct explorer *ex, const struct view_ops *ops, void *data)
{
	struct view *v = xcalloc(1, sizeof *v);

	v->ops = ops;
	v->ex = ex;
	v->data = data;
	if (ops->open != NULL)
		ops->open(v);
	return v;
}

/* Close and free a view. */
void
explorer_view_free(struct view *v)
{
	if (v->ops->close != NULL)
		v->ops->close(v);
	free(v);
}

/* The view on top of the current tab, making the tab's list if needed. */
struct view *
explorer_top(struct explorer *ex)
{
	struct explorer_history *h = &ex->history[ex->current];

	if (h->depth == 0) {
		h->views = xreallocarray(h->views, 1, sizeof *h->views);
		h->views[h->depth++] = explorer_view_new(ex, explorer_tab_view(ex->current), NULL);
	}
	return h->views[h->depth - 1];
}

/* Push a view on the current tab: a new step of its history. */
void
explorer_push(struct explorer *ex, struct view *v)
{
	struct explorer_history *h = &ex->history[ex->current];

	explorer_top(ex);
	while (h->nforward > 0)
		explorer_view_free(h->forward[--h->nforward]);
	h->views = xreallocarray(h->views, h->depth + 1, sizeof *h->views);
	h->views[h->depth++] = v;
	ex->dirty = 1;
}

/* Open a view of a kind with data for its open. */
void
explorer_open_view(struct explorer *ex, const struct view_ops *ops, void *data)
{
	explorer_push(ex, explorer_view_new(ex, ops, data));
}

/* Close the view on top, with no way forward to it. */
void
explorer_close_top(struct explorer *ex)
{
	struct explorer_history *h = &ex->history[ex->current];

	if (explorer_back(ex))
		explorer_view_free(h->forward[--h->nforward]);
}

/* How many times notes and bookmarks changed. */
unsigned int
explorer_user_generation(struct explorer *ex)
{
	return ex->user_generation;
}

/* Mark or unmark a record to compare. */
void
explorer_mark(struct explorer *ex, const char *id)
{
	int i;

	for (i = 0; i < ex->nmarks; i++) {
		if (strcmp(ex->marks[i], id) == 0) {
			free(ex->marks[i]);
			memmove(ex->marks + i, ex->marks + i + 1,
			    (size_t)(--ex->nmarks - i) * sizeof *ex->marks);
			explorer_message(ex, ngettext("Unmarked %s (%d marked).",
			    "Unmarked %s (%d marked).", ex->nmarks), id, ex->nmarks);
			return;
		}
	}
	if (ex->nmarks == EXPLORER_MAX_MARKS) {
		explorer_message(ex, _("%d records are marked already: c compares them."),
		    EXPLORER_MAX_MARKS);
		return;
	}
	ex->marks[ex->nmarks++] = xstrdup(id);
	if (ex->nmarks >= 2)
		explorer_message(ex, _("Marked %s (%d marked); c compares them."), id, ex->nmarks);
	else
		explorer_message(ex, _("Marked %s (%d marked)."), id, ex->nmarks);
}

/* Compare the n records ids at once: they become the marks. */
void
explorer_compare_these(struct explorer *ex, char *const *ids, int n)
{
	int i;

	while (ex->nmarks > 0)
		free(ex->marks[--ex->nmarks]);
	for (i = 0; i < n && i < EXPLORER_MAX_MARKS; i++)
		ex->marks[ex->nmarks++] = xstrdup(ids[i]);
	explorer_open_view(ex, &view_compare_ops, NULL);
}

/* Mark or unmark a record of a kind to compare, or say why it cannot be;
 * 1 if it was marked or unmarked. */
int
explorer_mark_kind(struct explorer *ex, const char *kind, const char *id)
{
	const struct kind *k = kind_find(kind);

	if (k == NULL || k->compare == KIND_COMPARE_NONE) {
		explorer_message(ex, _("This %s cannot be compared (only actors, places, "
		    "funding and events)."), kind);
		return 0;
	}
	explorer_mark(ex, id);
	return 1;
}

/* The marked records. */
char *const *
explorer_marks(struct explorer *ex, int *n)
{
	*n = ex->nmarks;
	return ex->marks;
}

/* Whether a record is marked. */
int
explorer_marked(struct explorer *ex, const char *id)
{
	int i;

	for (i = 0; id != NULL && i < ex->nmarks; i++) {
		if (strcmp(ex->marks[i], id) == 0)
			return 1;
	}
	return 0;
}

/* Open a record in a new view of the current tab. */
void
explorer_open_record(struct explorer *ex, const char *id)
{
	explorer_push(ex, explorer_view_new(ex, &view_record_ops, xstrdup(id)));
}

/* Show the tab whose list is of a kind, at its list; -1 if no tab is. */
int
explorer_go_tab(struct explorer *ex, const char *kind)
{
	struct explorer_history *h;
	int i;

	for (i = 0; i < KIND_NTABS; i++) {
		if (strcmp(kind_tab(i)->plural, kind) == 0)
			break;
	}
	if (i == KIND_NTABS)
		return -1;
	ex->current = i;
	h = &ex->history[i];
	while (h->depth > 1)
		explorer_back(ex);
	ex->dirty = 1;
	return 0;
}

/* Show everything again in the language now spoken (lang_get()): every
 * tab back at its list, each list with the filter it had. */
void
explorer_relang(struct explorer *ex)
{
	struct explorer_history *h;
	struct view *v;
	char *filters[EXPLORER_NTABS] = { NULL }, *cause = NULL;
	int i, current = ex->current;

	ex->lang = lang_get();
	for (i = 0; i < EXPLORER_NTABS; i++) {
		h = &ex->history[i];
		if (h->depth > 0 && h->views[0]->ops->filter != NULL &&
		    h->views[0]->ops->filter(h->views[0]) != NULL)
			filters[i] = xstrdup(h->views[0]->ops->filter(h->views[0]));
		while (h->depth > 0)
			explorer_view_free(h->views[--h->depth]);
		while (h->nforward > 0)
			explorer_view_free(h->forward[--h->nforward]);
	}
	for (i = 0; i < EXPLORER_NTABS; i++) {
		if (filters[i] == NULL)
			continue;
		ex->current = i;
		v = explorer_top(ex);
		if (v->ops->set_filter != NULL && v->ops->set_filter(v, filters[i], &cause) != 0)
			free(cause);
		cause = NULL;
		free(filters[i]);
	}
	ex->current = current;
	ex->dirty = 1;
}

/* Go back one step; 0 if the tab is at its list. */
int
explorer_back(struct explorer *ex)
{
	struct explorer_history *h = &ex->history[ex->current];

	if (h->depth <= 1)
		return 0;
	h->forward = xreallocarray(h->forward, h->nforward + 1, sizeof *h->forward);
	h->forward[h->nforward++] = h->views[--h->depth];
	ex->dirty = 1;
	return 1;
}

/* Go forward one step again. */
static void
explorer_forward(struct explorer *ex)
{
	struct explorer_history *h = &ex->history[ex->current];

	if (h->nforward == 0) {
		explorer_message(ex, _("Nothing to go forward to."));
		return;
	}
	h->views = xreallocarray(h->views, h->depth + 1, sizeof *h->views);
	h->views[h->depth++] = h->forward[--h->nforward];
	ex->dirty = 1;
}

/* Do what an action means for the whole explorer; 0 if it means nothing
 * where it is asked. */
static int
explorer_action(struct explorer *ex, enum keys_action a)
{
	struct view *v = explorer_top(ex);

	if (a == ACTION_QUIT_ALL) {
		ex->quit = 1;
		return 1;
	}
	if (COLS < EXPLORER_MIN_COLS || LINES < EXPLORER_MIN_ROWS) {
		if (a == ACTION_QUIT)
			ex->quit = 1;
		return 1;
	}
	if (v->ops->action != NULL && v->ops->action(v, a))
		return 1;
	switch (a) {
	case ACTION_BACK:
		if (!explorer_back(ex))
			explorer_message(ex, _("This is the start of the tab; q quits."));
		break;
	case ACTION_QUIT:
		if (!explorer_back(ex))
			ex->quit = 1;
		break;
	case ACTION_FORWARD:
		explorer_forward(ex);
		break;
	case ACTION_NEXT_TAB:
	case ACTION_PREV_TAB:
		ex->current = (ex->current + (a == ACTION_NEXT_TAB ? 1 : EXPLORER_NTABS - 1)) %
		    EXPLORER_NTABS;
		ex->dirty = 1;
		break;
	case ACTION_TAB_ACTORS:
	case ACTION_TAB_FUNDING:
	case ACTION_TAB_TIMELINE:
	case ACTION_TAB_BLOCS:
	case ACTION_TAB_SOURCES:
	case ACTION_TAB_MARKS:
		ex->current = a - ACTION_TAB_ACTORS;
		ex->dirty = 1;
		break;
	case ACTION_BOOKMARK:
		explorer_bookmark(ex);
		break;
	case ACTION_NOTE:
		explorer_note(ex);
		break;
	case ACTION_HELP:
		if (v->ops != &view_help_ops)
			explorer_push(ex, explorer_view_new(ex, &view_help_ops, NULL));
		break;
	case ACTION_SEARCH:
	case ACTION_SEARCH_REGEX:
		explorer_prompt_open(ex, PROMPT_SEARCH, a == ACTION_SEARCH_REGEX);
		break;
	case ACTION_FILTER:
		if (v->ops->set_filter == NULL)
			explorer_message(ex, _("Filters apply to a tab's list or timeline: "
			    "h goes back to it."));
		else
			explorer_prompt_open(ex, PROMPT_FILTER, 0);
		break;
	case ACTION_FILTER_CLEAR:
		if (v->ops->filter != NULL && v->ops->filter(v) != NULL) {
			v->ops->set_filter(v, NULL, NULL);
			explorer_message(ex, _("Filter cleared."));
		} else
			explorer_message(ex, _("No filter to clear here: f filters a tab's list "
			    "or timeline."));
		break;
	case ACTION_COMPARE:
		if (ex->nmarks < 2)
			explorer_message(ex, _("Mark 2 to 4 actors, countries or blocs with m "
			    "(or Space in a list), then c compares them."));
		else
			explorer_open_view(ex, &view_compare_ops, NULL);
		break;
	case ACTION_COMMAND:
		explorer_prompt_open(ex, PROMPT_COMMAND, 0);
		break;
	case ACTION_EXPORT:
		explorer_export_start(ex);
		break;
	case ACTION_BRIEF:
		explorer_brief(ex, NULL);
		break;
	case ACTION_COPY:
		explorer_copy_record(ex);
		break;
	case ACTION_NEXT_MATCH:
	case ACTION_PREV_MATCH:
		explorer_next_match(ex, a == ACTION_PREV_MATCH);
		break;
	case ACTION_REDRAW:
		clearok(curscr, TRUE);
		ex->dirty = 1;
		break;
	default:
		return 0;
	}
	return 1;
}

/* Say why a key did nothing where it was pressed: what it does elsewhere. */
static void
explorer_unused(struct explorer *ex, keys_key key, enum keys_action a)
{
	char label[16];

	keys_label(key, label, sizeof label);
	if (a == ACTION_NONE)
		a = keys_lookup_elsewhere(key);
	switch (a) {
	case ACTION_NONE:
		explorer_message(ex, _("%s does nothing; ? lists the keys."), label);
		break;
	case ACTION_TIMELINE:
		explorer_message(ex, _("%s shows a record's timeline: open a record first, "
		    "or 3 shows the Timeline tab."), label);
		break;
	case ACTION_ZOOM_IN:
	case ACTION_ZOOM_OUT:
		explorer_message(ex, _("%s groups a timeline by year, quarter or month: "
		    "3 shows the Timeline tab."), label);
		break;
	case ACTION_SORT_NEXT:
	case ACTION_SORT_PREV:
	case ACTION_SORT_REVERSE:
		explorer_message(ex, _("%s sorts a tab's list: h goes back to it."), label);
		break;
	case ACTION_SWAP:
	case ACTION_NEXT_PANE:
	case ACTION_PERIOD_PREV:
	case ACTION_PERIOD_NEXT:
	case ACTION_DOMAINS:
	case ACTION_MEMBERS:
		explorer_message(ex, _("%s works in a comparison: mark 2 to 4 records with m, "
		    "then c."), label);
		break;
	case ACTION_OPEN:
		explorer_message(ex, _("Nothing to open here."));
		break;
	case ACTION_MARK:
		explorer_message(ex, _("Nothing to mark here: m marks a record, a list's row "
		    "or a timeline's item."));
		break;
	default:
		explorer_message(ex, _("%s does nothing here (%s)."), label,
		    keys_action_text(a));
		break;
	}
}

/* Do what a key means in the view on top, or say why it does nothing. */
static void
explorer_key(struct explorer *ex, keys_key key)
{
	struct view *v = explorer_top(ex);
	enum keys_action a;

	if (v->ops->key != NULL) {
		v->ops->key(v, key);
		return;
	}
	a = keys_lookup(v->ops->scope, key);
	if ((a == ACTION_NONE || !explorer_action(ex, a)) && key != KEYS_CODE(KEY_RESIZE))
		explorer_unused(ex, key, a);
}

/* A mouse click: on a tab, or in the view. An open prompt is closed first,
 * as Esc closes it, so no view changes under it. */
static void
explorer_click(struct explorer *ex, int y, int x)
{
	struct view *v = explorer_top(ex);
	int i, col = 0;

	if (ex->prompting != PROMPT_NONE) {
		explorer_prompt_cancel(ex);
		if (y != 0 && explorer_top(ex) != v)
			return;		/* what was clicked went with the prompt */
		v = explorer_top(ex);
	}
	if (y == 0) {
		for (i = 0; i < EXPLORER_NTABS; i++) {
			col += text_width(explorer_tab_label(i)) + 5;
			if (x < col) {
				ex->current = i;
				ex->dirty = 1;
				return;
			}
		}
		return;
	}
	if (y >= 1 && y < LINES - 2 && v->ops->click != NULL) {
		v->ops->click(v, y - 1, x);
		ex->dirty = 1;
	}
}

/* Draw the tab bar on the first line. */
static void
explorer_draw_tabs(struct explorer *ex)
{
	char label[64];
	int i, x = 0;

	explorer_fill(0, 0, COLS, STYLE_NORMAL);
	for (i = 0; i < EXPLORER_NTABS && x < COLS; i++) {
		snprintf(label, sizeof label, " %d %s ", i + 1, explorer_tab_label(i));
		x += explorer_text(0, x, label, COLS - x, i == ex->current ? STYLE_SELECTED : STYLE_NORMAL);
		x += explorer_text(0, x, " ", COLS - x, STYLE_NORMAL);
	}
	if (COLS - x > 9)
		explorer_text(0, COLS - 8, "aiatlas", 7, STYLE_DIM);
}

/* Draw the status line: the view's title and where it is. */
static void
explorer_draw_status(struct explorer *ex, struct view *v)
{
	char where[64] = "";
	const char *title = v->ops->title != NULL ? v->ops->title(v) : "";
	int w;

	attrset(A_REVERSE);
	mvhline(LINES - 2, 0, ' ', COLS);
	attrset(A_NORMAL);
	if (v->ops->position != NULL)
		v->ops->position(v, where, sizeof where);
	w = text_width(where);
	move(LINES - 2, 1);
	attrset(A_REVERSE);
	text_walk(title, COLS - w - 4, "?", explorer_put, NULL);
	move(LINES - 2, COLS - w - 1);
	text_walk(where, w, "?", explorer_put, NULL);
	attrset(A_NORMAL);
}

/* Draw what a too small screen can show. */
static void
explorer_draw_too_small(void)
{
	char line[128];
	int y = LINES / 2 - 1;

	snprintf(line, sizeof line, _("Terminal too small: %d%s%d"), COLS,
	    explorer_glyph("×", "x"), LINES);
	explorer_text(y < 0 ? 0 : y, 0, line, COLS, STYLE_ALERT);
	snprintf(line, sizeof line, _("Needs %d%s%d; q quits."),
	    EXPLORER_MIN_COLS, explorer_glyph("×", "x"), EXPLORER_MIN_ROWS);
	explorer_text(y + 1, 0, line, COLS, STYLE_NORMAL);
}

/* The last line's hint of the main keys, named from the binding table. */
static void
explorer_draw_hint(void)
{
	char help[16], open[16], back[16], next[16], quit[16], line[256];

	keys_hint(ACTION_HELP, help, sizeof help);
	keys_hint(ACTION_OPEN, open, sizeof open);
	keys_hint(ACTION_BACK, back, sizeof back);
	keys_hint(ACTION_NEXT_TAB, next, sizeof next);
	keys_hint(ACTION_QUIT, quit, sizeof quit);
	/* TRANSLATORS: each %s is a key (?, Enter, h, Tab, q), then what it does. */
	snprintf(line, sizeof line, _("%s help  %s open  %s back  %s next  %s quit"), help, open,
	    back, next, quit);
	explorer_text(LINES - 1, 0, line, COLS, STYLE_DIM);
}

/* Redraw the whole screen once. */
static void
explorer_draw(struct explorer *ex)
{
	struct view *v;

	erase();
	if (COLS < EXPLORER_MIN_COLS || LINES < EXPLORER_MIN_ROWS)
		explorer_draw_too_small();
	else {
		v = explorer_top(ex);
		explorer_draw_tabs(ex);
		v->rows = LINES - 3;
		v->ops->draw(v, 1, LINES - 3, COLS);
		explorer_draw_status(ex, v);
		if (ex->prompting != PROMPT_NONE)
			explorer_prompt_draw(ex);
		else if (ex->message[0] != '\0')
			explorer_text(LINES - 1, 0, ex->message, COLS, STYLE_NORMAL);
		else
			explorer_draw_hint();
	}
	if (ex->prompting == PROMPT_NONE)
		curs_set(0);
	wnoutrefresh(stdscr);
	doupdate();
	ex->dirty = 0;
}

/* Write the screen as plain UTF-8 text, trailing spaces trimmed. */
int
explorer_dump(const char *path, char **cause)
{
	wchar_t *wline = xcalloc((size_t)COLS + 1, sizeof *wline);
	char *line = xmalloc((size_t)COLS * MB_CUR_MAX + 1);
	FILE *fp;
	size_t n;
	int y;

	if ((fp = fopen(path, "w")) == NULL) {
		*cause = xasprintf(_("%s: cannot write: %s"), path, strerror(errno));
		free(wline);
		free(line);
		return -1;
	}
	for (y = 0; y < LINES; y++) {
		wline[0] = L'\0';
		mvwinnwstr(stdscr, y, 0, wline, COLS);
		n = wcstombs(line, wline, (size_t)COLS * MB_CUR_MAX);
		if (n == (size_t)-1)
			n = 0;
		while (n > 0 && line[n - 1] == ' ')
			n--;
		line[n] = '\0';
		fprintf(fp, "%s\n", line);
	}
	free(wline);
	free(line);
	if (fclose(fp) != 0) {
		*cause = xasprintf(_("%s: cannot write: %s"), path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Restore the terminal: before a fatal message, on a signal, at the end. */
static void
explorer_end(void)
{
	if (explorer_active != NULL && !isendwin())
		endwin();
}

/* Whether a key waits to be read, which makes the search running stale
 * (db_cancel_when()); never in a script, whose keys come one by one. */
int
explorer_key_waiting(void *arg)
{
	struct explorer *ex = arg;
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };

	return ex->script == NULL && poll(&pfd, 1, 0) > 0;
}

/* Note a terminating signal; the running statement stops, and the loop
 * ends the explorer cleanly. */
static void
explorer_on_signal(int sig)
{
	explorer_signal = sig;
	db_signal(sig);
}

/*
 * A fatal signal: give the terminal back with only async-signal-safe calls
 * (write the reset sequence, set the saved settings), then let the signal
 * do what it did before the explorer started (its default: a core dump).
 */
static void
explorer_on_fatal(int sig)
{
	ssize_t written = 0;
	size_t i;

	if (explorer_reset_len > 0)
		written = write(STDOUT_FILENO, explorer_reset, explorer_reset_len);
	(void)written;		/* a dying process can do nothing more */
	tcsetattr(STDOUT_FILENO, TCSANOW, &explorer_termios);
	for (i = 0; i < EXPLORER_NFATAL; i++) {
		if (explorer_fatal_signals[i] == sig)
			sigaction(sig, &explorer_fatal_old[i], NULL);
	}
	raise(sig);
}

/* Add the terminal's string capability cap to the reset sequence. */
static void
explorer_reset_add(const char *cap)
{
	const char *seq = tigetstr(cap);
	size_t n;

	if (seq == NULL || seq == (char *)-1)
		return;
	n = strlen(seq);
	if (explorer_reset_len + n < sizeof explorer_reset) {
		memcpy(explorer_reset + explorer_reset_len, seq, n);
		explorer_reset_len += n;
	}
}

/* Catch the fatal signals, with the reset sequence for what the explorer
 * turned on: mouse reports (when it asked for them), the keypad, the
 * attributes, the hidden cursor and the alternate screen. */
static void
explorer_catch_fatal(int mouse)
{
	static const char mouse_off[] = "\033[?1006l\033[?1002l\033[?1000l";
	struct sigaction sa;
	size_t i;

	explorer_reset_len = 0;
	if (mouse) {
		memcpy(explorer_reset, mouse_off, sizeof mouse_off - 1);
		explorer_reset_len = sizeof mouse_off - 1;
	}
	explorer_reset_add("rmkx");
	explorer_reset_add("sgr0");
	explorer_reset_add("cnorm");
	explorer_reset_add("rmcup");
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = explorer_on_fatal;
	sa.sa_flags = SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < EXPLORER_NFATAL; i++)
		sigaction(explorer_fatal_signals[i], &sa, &explorer_fatal_old[i]);
	explorer_fatal_caught = 1;
}

/* Give the fatal signals back what they did before the explorer. */
static void
explorer_release_fatal(void)
{
	size_t i;

	if (!explorer_fatal_caught)
		return;
	for (i = 0; i < EXPLORER_NFATAL; i++)
		sigaction(explorer_fatal_signals[i], &explorer_fatal_old[i], NULL);
	explorer_fatal_caught = 0;
}

/* Why this terminal cannot run the explorer, or NULL if it can. */
static char *
explorer_terminal_problem(void)
{
	const char *term = getenv("TERM");
	int err;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return xstrdup(_("the explorer needs a terminal; "
		    "use the commands instead (aiatlas --help)"));
	if (term == NULL || *term == '\0')
		return xstrdup(_("TERM is not set, so the terminal is unknown; "
		    "use the commands instead (aiatlas --help)"));
	if (strcmp(term, "dumb") == 0)
		return xstrdup(_("the terminal is dumb (TERM=dumb); "
		    "use the commands instead (aiatlas --help)"));
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return xasprintf(_("unknown terminal type '%s'; "
		    "use the commands instead (aiatlas --help)"), term);
	del_curterm(cur_term);
	return NULL;
}


/* Let C-s and C-q reach the explorer as keys (C-s saves a note) instead
 * of stopping and starting the terminal's output; curses keeps this as
 * its program mode, and endwin() gives the user's settings back. */
static void
explorer_no_flow_control(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		def_prog_mode();
}
/* Start curses on the terminal, or headless on /dev/null. */
static int
explorer_start(struct explorer *ex, const struct explorer_options *opts, char **cause)
{
	static const char *const headless_terms[] = { "xterm", "vt100", "ansi", NULL };
	const char *no_color = getenv("NO_COLOR");
	const char *const *t;
	struct sigaction sa;
	size_t i;

	ex->utf8 = translit_utf8();
	if (opts->script != NULL) {
		ex->tty_out = fopen("/dev/null", "w");
		ex->tty_in = fopen("/dev/null", "r");
		if (ex->tty_out == NULL || ex->tty_in == NULL) {
			*cause = xasprintf(_("/dev/null: %s"), strerror(errno));
			return -1;
		}
		use_env(FALSE);
		for (t = headless_terms; *t != NULL && ex->screen == NULL; t++)
			ex->screen = newterm(*t, ex->tty_out, ex->tty_in);
		if (ex->screen == NULL) {
			*cause = xstrdup(_("no terminal description (xterm, vt100 or ansi) "
			    "for the headless screen"));
			return -1;
		}
		resizeterm(opts->rows, opts->cols);
	} else {
		if ((*cause = explorer_terminal_problem()) != NULL)
			return -1;
		if (tcgetattr(STDOUT_FILENO, &explorer_termios) != 0) {
			*cause = xasprintf(_("cannot read the terminal's settings: %s"),
			    strerror(errno));
			return -1;
		}
		if ((ex->screen = newterm(NULL, stdout, stdin)) == NULL) {
			*cause = xstrdup(_("cannot start the terminal"));
			return -1;
		}
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = explorer_on_signal;
		sigemptyset(&sa.sa_mask);
		for (i = 0; i < sizeof explorer_quit_signals / sizeof explorer_quit_signals[0]; i++)
			sigaction(explorer_quit_signals[i], &sa, NULL);
		explorer_catch_fatal(mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED |
		    BUTTON5_PRESSED, NULL) != 0);
		mouseinterval(0);
		timeout(250);
	}
	explorer_active = ex;
	xmalloc_set_fatal_hook(explorer_end);
	cbreak();
	noecho();
	nonl();
	if (opts->script == NULL)
		explorer_no_flow_control();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	ex->color = opts->color < 0 ? (no_color == NULL || *no_color == '\0') : opts->color;
	if (ex->color && has_colors() && start_color() == OK) {
		use_default_colors();
		init_pair(PAIR_HEADER, COLOR_YELLOW, -1);
		init_pair(PAIR_SELECTED, COLOR_CYAN, -1);
		init_pair(PAIR_LINK, COLOR_CYAN, -1);
		init_pair(PAIR_TITLE, COLOR_GREEN, -1);
		init_pair(PAIR_DIM, COLOR_BLUE, -1);
		init_pair(PAIR_ALERT, COLOR_RED, -1);
		init_pair(PAIR_MATCH, COLOR_MAGENTA, -1);
		init_pair(PAIR_BLOC_1, COLOR_BLUE, -1);		/* the first blocs of a timeline */
		init_pair(PAIR_BLOC_2, COLOR_RED, -1);
		init_pair(PAIR_BLOC_3, COLOR_YELLOW, -1);
		init_pair(PAIR_BLOC_4, COLOR_MAGENTA, -1);
	} else
		ex->color = 0;
	ex->dirty = 1;
	return 0;
}

/* Read the terminal's next key and do it. */
static void
explorer_terminal_event(struct explorer *ex)
{
	MEVENT me;
	keys_key key;
	int i;

	if (explorer_read_key(&key) != 0) {
		if (explorer_signal != 0)
			ex->quit = 1;
		return;
	}
	ex->message[0] = '\0';
	if (key == KEYS_CODE(KEY_RESIZE)) {
		ex->dirty = 1;
		return;
	}
	if (key == KEYS_CODE(KEY_MOUSE)) {
		if (getmouse(&me) != OK)
			return;
		if (me.bstate & BUTTON4_PRESSED)
			for (i = 0; i < 3; i++)
				explorer_action(ex, ACTION_UP);
		else if (me.bstate & BUTTON5_PRESSED)
			for (i = 0; i < 3; i++)
				explorer_action(ex, ACTION_DOWN);
		else if (me.bstate & BUTTON1_PRESSED)
			explorer_click(ex, me.y, me.x);
		ex->dirty = 1;
		return;
	}
	if (ex->prompting != PROMPT_NONE) {
		explorer_prompt_key(ex, key);
		ex->dirty = 1;
		return;
	}
	explorer_key(ex, key);
	ex->dirty = 1;
}

/* Note what the script's next event is and when it was read, for
 * --timings: a key as the help names it, after what it was typed to (the
 * list, a prompt) or a command. */
static void
explorer_timing_start(struct explorer *ex, const struct script_event *ev)
{
	static const char *const prompts[] = { "search", "filter", "command",
	    "export", "export", "export" };
	char label[32];

	clock_gettime(CLOCK_MONOTONIC, &ex->start);
	if (ev->kind == SCRIPT_COMMAND)
		snprintf(ex->timing, sizeof ex->timing, "command\t%s", ev->arg);
	else if (ev->kind != SCRIPT_KEY)
		snprintf(ex->timing, sizeof ex->timing, "mouse\t-");
	else {
		keys_label(ev->key, label, sizeof label);
		snprintf(ex->timing, sizeof ex->timing, "%s\t%s", ex->prompting ==
		    PROMPT_NONE ? "key" : prompts[ex->prompting], label);
	}
}

/* Write the time from the pending event (or the program's start) to the
 * end of the redraw, in milliseconds, and what it was of, once. In a
 * terminal only the first screen is timed, and its line is written at
 * once: whoever waits for the first screen can read it while the
 * explorer runs. */
static void
explorer_timing_end(struct explorer *ex)
{
	struct timespec now;

	if (ex->timing[0] == '\0')
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	fprintf(ex->timings, "%.3f\t%s\n", (double)(now.tv_sec - ex->start.tv_sec) * 1e3 +
	    (double)(now.tv_nsec - ex->start.tv_nsec) / 1e6, ex->timing);
	ex->timing[0] = '\0';
	if (ex->script == NULL)
		fflush(ex->timings);
}

/* Do the script's next event; 0 at its end, -1 on an error. */
static int
explorer_script_event(struct explorer *ex, char **cause)
{
	struct script_event ev;
	char *why;
	int r, i;

	if ((r = script_next(ex->script, &ev, cause)) <= 0)
		return r;
	if (ex->timings != NULL)
		explorer_timing_start(ex, &ev);
	ex->dirty = 1;
	switch (ev.kind) {
	case SCRIPT_KEY:
		ex->message[0] = '\0';
		if (ev.key == KEYS_CODE(KEY_RESIZE))
			break;
		if (ex->prompting != PROMPT_NONE) {
			explorer_prompt_key(ex, ev.key);
			break;
		}
		explorer_key(ex, ev.key);
		break;
	case SCRIPT_CLICK:
		explorer_click(ex, ev.y, ev.x);
		break;
	case SCRIPT_WHEEL_UP:
	case SCRIPT_WHEEL_DOWN:
		for (i = 0; i < 3; i++)
			explorer_action(ex, ev.kind == SCRIPT_WHEEL_UP ? ACTION_UP : ACTION_DOWN);
		break;
	case SCRIPT_COMMAND:
		/* A script's commands run as typed after ':', and stop it on error. */
		if (explorer_command(ex, ev.arg, &why) != 0) {
			*cause = xasprintf("%s: %s", script_where(ex->script), why);
			free(why);
			return -1;
		}
		break;
	}
	return 1;
}

/* Free every view and end curses; status, or 2 if the timings could not
 * be written. */
static int
explorer_stop(struct explorer *ex, int status)
{
	struct explorer_history *h;
	int i;

	for (i = 0; i < EXPLORER_NTABS; i++) {
		h = &ex->history[i];
		while (h->depth > 0)
			explorer_view_free(h->views[--h->depth]);
		while (h->nforward > 0)
			explorer_view_free(h->forward[--h->nforward]);
		free(h->views);
		free(h->forward);
	}
	if (ex->screen != NULL) {
		endwin();
		delscreen(ex->screen);
	}
	explorer_release_fatal();
	xmalloc_set_fatal_hook(NULL);
	explorer_active = NULL;
	explorer_prompt_free(ex);
	for (i = 0; i < ex->nmarks; i++)
		free(ex->marks[i]);
	if (ex->tty_out != NULL)
		fclose(ex->tty_out);
	if (ex->tty_in != NULL)
		fclose(ex->tty_in);
	script_close(ex->script);
	if (ex->timings != NULL && (ferror(ex->timings) | fclose(ex->timings)) != 0 &&
	    status == 0) {
		cli_error(_("cannot write the timings: %s"), strerror(errno));
		status = 2;
	}
	return status;
}

/* Run the explorer on db. */
int
explorer_run(sqlite3 *db, const struct explorer_options *opts)
{
	struct explorer ex = { .db = db, .lang = opts->lang, .user = opts->user,
	    .prompting = PROMPT_NONE, .csv_raw = opts->csv_raw, .start = opts->start,
	    .timing = "start\t-" };
	char *cause = NULL;
	int status = 0, r;

	if (opts->script != NULL && (ex.script = script_open(opts->script, &cause)) == NULL) {
		cli_error("%s", cause);
		free(cause);
		return 2;
	}
	if (explorer_start(&ex, opts, &cause) != 0) {
		explorer_stop(&ex, 2);
		cli_error("%s", cause);
		free(cause);
		return 2;
	}
	/* Made once the explorer runs: without a terminal, no file. */
	if (opts->timings != NULL && (ex.timings = fopen(opts->timings, "w")) == NULL) {
		r = errno;
		explorer_stop(&ex, 2);
		cli_error("%s: %s", opts->timings, strerror(r));
		return 2;
	}
	if (ex.user->notice != NULL)
		explorer_message(&ex, "%s", ex.user->notice);
	while (!ex.quit) {
		if (ex.dirty) {
			explorer_draw(&ex);
			if (ex.timings != NULL)
				explorer_timing_end(&ex);
		}
		if (ex.script == NULL) {
			/* A script types without pausing: its search is
			 * ranked whole when it closes the prompt. */
			if (explorer_prompt_idle(&ex))
				ex.dirty = 1;
			else
				explorer_terminal_event(&ex);
			continue;
		}
		if ((r = explorer_script_event(&ex, &cause)) <= 0) {
			status = r < 0 ? 2 : 0;
			break;
		}
	}
	status = explorer_stop(&ex, status);
	if (cause != NULL) {
		cli_error("%s", cause);
		free(cause);
	}
	if (explorer_signal != 0) {
		signal(explorer_signal, SIG_DFL);
		raise(explorer_signal);
	}
	return status;
}
