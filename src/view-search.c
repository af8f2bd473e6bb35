/* The search view: records of every kind that match what is typed, updated
 * at each key, the matched words highlighted. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "explorer.h"
#include "fts.h"
#include "i18n.h"
#include "label.h"
#include "named.h"
#include "output.h"
#include "regex.h"
#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

/* Results beyond this many are not worth a screen. */
#define SEARCH_MAX_RESULTS 500
/* How many modes a search has (enum fts_mode), each with its statement. */
#define SEARCH_MODES (FTS_REGEX_FOLD + 1)
/* The results shown while words are typed, before they are ranked: a few
 * screens. */
#define SEARCH_PAGE 100

/* One result: its record, and the text that matched (with \001 and \002
 * around matched words). */
struct search_result {
	char	*id;
	char	*kind;
	char	*name;
	char	*match;
	int	 disputed;	/* the record has a disputed field */
	int	 compare;	/* the row that compares the places typed */
};

struct search_view {
	struct search_result	*results;
	long			 n;
	long			 cur;
	long			 top;
	char			*error;		/* a regex that does not compile */
	size_t			 error_offset;
	enum fts_mode		 mode;		/* words, or a regex (folded or not) */
	int			 partial;	/* a first page, or stopped: not the whole answer */
	int			 more;		/* a first page, full: more may follow */
	char			*typed;		/* what was searched for */
	sqlite3_stmt		*prepared[SEARCH_MODES];	/* by mode, made once */
	struct named		 named;		/* the places typed, if any */
	char			 title[256];
};

/* What the screen needs: matched words between \001 and \002, a
 * disputed record 1. */
static const struct fts_marks search_marks = { "\001", "\002", "1", "0" };

/* Free n results. */
static void
search_free(struct search_result *results, long n)
{
	long i;

	for (i = 0; i < n; i++) {
		free(results[i].id);
		free(results[i].kind);
		free(results[i].name);
		free(results[i].match);
	}
	free(results);
}

/* Forget the results. */
static void
search_clear(struct search_view *s)
{
	search_free(s->results, s->n);
	s->results = NULL;
	s->n = s->cur = s->top = 0;
	free(s->error);
	s->error = NULL;
	free(s->typed);
	s->typed = NULL;
	s->partial = s->more = 0;
	named_free(&s->named);
}

/* When what was typed names places ("france us eu"), put first among the
 * results (of at most limit) a row that compares them. */
static void
search_add_named(struct search_view *s, long limit)
{
	struct strbuf sb = { 0 };
	struct search_result *r;
	char *names;
	int i;

	if (s->named.n == 0)
		return;
	if (s->n == limit) {
		s->n--;
		free(s->results[s->n].id);
		free(s->results[s->n].kind);
		free(s->results[s->n].name);
		free(s->results[s->n].match);
	}
	memmove(s->results + 1, s->results, (size_t)s->n * sizeof *s->results);
	s->n++;
	r = &s->results[0];
	memset(r, 0, sizeof *r);
	for (i = 0; i < s->named.n; i++) {
		strbuf_add(&sb, i > 0 ? " · " : "");
		strbuf_add(&sb, s->named.names[i]);
	}
	names = strbuf_finish(&sb);
	r->id = xstrdup("");
	r->kind = xstrdup("");
	r->name = xasprintf(_("compare: %s"), names);
	r->match = xstrdup("");
	r->compare = 1;
	free(names);
}

/* Make an empty search. */
static void
search_open(struct view *v)
{
	v->data = xcalloc(1, sizeof(struct search_view));
}

/* Free the search. */
static void
search_close(struct view *v)
{
	struct search_view *s = v->data;
	int i;

	search_clear(s);
	for (i = 0; i < SEARCH_MODES; i++)
		sqlite3_finalize(s->prepared[i]);
	free(s);
}

/*
 * Run the search of s->typed taken as mode says, at most limit rows, and
 * put its rows in place of the results, the selected record kept
 * selected. A key typed meanwhile stops it (the results stay as they
 * were): 1; 0 when it ran whole; -1 on an error, in s->error.
 */
static int
search_run(struct view *v, enum fts_mode mode, long limit)
{
	struct search_view *s = v->data;
	sqlite3 *db = explorer_db(v->ex);
	sqlite3_stmt *stmt;
	struct search_result *results, *r;
	const char *selected = s->n > 0 && s->cur > 0 ? s->results[s->cur].id : NULL;
	char *cause = NULL;
	long n = 0, cur = 0;
	int rc, regex = mode == FTS_REGEX || mode == FTS_REGEX_FOLD;

	/* A regular expression's statement depends on the pattern (see
	 * fts_prepare()): made again for each. */
	if (regex && s->prepared[mode] != NULL) {
		sqlite3_finalize(s->prepared[mode]);
		s->prepared[mode] = NULL;
	}
	if ((stmt = s->prepared[mode]) != NULL) {
		if ((rc = fts_rebind(db, stmt, s->typed, mode, NULL, explorer_lang(v->ex),
		    limit, &search_marks, &cause)) < 0) {
			s->error = cause;
			return -1;
		}
		if (rc > 0) {
			sqlite3_finalize(stmt);
			stmt = s->prepared[mode] = NULL;
		}
	}
	if (stmt == NULL && (stmt = s->prepared[mode] = fts_prepare(db, s->typed, mode, NULL,
	    explorer_lang(v->ex), limit, &search_marks, &cause)) == NULL) {
		s->error = cause;
		return -1;
	}
	results = xcalloc((size_t)limit, sizeof *results);
	/* A key typed meanwhile makes this search stale: it stops, and the
	 * key searches again. */
	db_cancel_when(explorer_key_waiting, v->ex);
	while (n < limit && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r = &results[n++];
		r->id = xstrdup(db_text(stmt, 0));
		r->kind = xstrdup(db_text(stmt, 1));
		r->name = xstrdup(db_text(stmt, 2));
		r->match = regex ? xstrdup("") : xstrdup(db_text(stmt, 3));
		r->disputed = sqlite3_column_int(stmt, regex ? 3 : 4);
		if (selected != NULL && strcmp(r->id, selected) == 0)
			cur = n - 1;
	}
	db_cancel_when(NULL, NULL);
	if (n < limit && rc != SQLITE_DONE) {
		/* A regex that hit its limit, or a key typed meanwhile. */
		if (!db_cancelled(db))
			s->error = xstrdup(db_error(db));
		sqlite3_reset(stmt);
		search_free(results, n);
		return s->error != NULL ? -1 : 1;
	}
	/* Kept for the next key; reset, as one that is not keeps reading. */
	sqlite3_reset(stmt);
	search_free(s->results, s->n);
	s->results = results;
	s->n = n;
	s->cur = cur;
	s->top = 0;
	s->more = mode == FTS_TYPING && n == limit;
	if (!regex)
		search_add_named(s, limit);
	return 0;
}

/* Search again for what is typed: a regular expression whole; words, a
 * first page at once (fts_prepare()'s FTS_TYPING), which
 * view_search_rank() ranks whole when typing pauses. */
void
view_search_update(struct view *v, const char *typed, enum fts_mode mode)
{
	struct search_view *s = v->data;
	char *query, *cause = NULL;
	int rc, regex = mode != FTS_WORDS;

	search_clear(s);
	s->mode = mode;
	if (mode == FTS_REGEX_FOLD)
		snprintf(s->title, sizeof s->title, _("search ~%s (case and accents aside)"),
		    typed);
	else if (!regex && fts_typing_names_only(typed))
		snprintf(s->title, sizeof s->title, _("search %s (names only: a word of one"
		    " letter)"), typed);
	else
		snprintf(s->title, sizeof s->title, _("search %s%s"), regex ? "~" : "", typed);
	if (*typed == '\0')
		return;
	if (regex && regex_check(typed, &s->error, &s->error_offset) != 0)
		return;
	if (!regex && (query = fts_query(typed, &cause)) == NULL) {
		s->error = cause;	/* nothing to search for, or too many words */
		return;
	}
	if (!regex)
		free(query);
	s->typed = xstrdup(typed);
	if (regex) {
		s->partial = search_run(v, mode, SEARCH_MAX_RESULTS) == 1;
		return;
	}
	/* Places named together come first, as a row that compares them. */
	named_find(explorer_db(v->ex), typed, explorer_lang(v->ex), &s->named);
	/* A word of one letter stays in names, unranked: the ranking would
	 * read every word that starts with it for each row shown. */
	rc = search_run(v, FTS_TYPING, SEARCH_PAGE);
	s->partial = rc == 1 || (rc == 0 && !fts_typing_names_only(typed));
	/* A page not full holds every match: ranking them costs little. */
	if (rc == 0 && s->partial && !s->more)
		view_search_rank(v);
}

/* Rank the results whole when they are a first page, or run again a
 * search that a key stopped; a key typed meanwhile stops it again. 1 if
 * it ran (the screen changes), 0 if there was nothing to do. */
int
view_search_rank(struct view *v)
{
	struct search_view *s = v->data;
	int rc;

	if (!s->partial || s->typed == NULL)
		return 0;
	rc = search_run(v, s->mode, SEARCH_MAX_RESULTS);
	/* Stopped, it runs again when typing pauses; after an error, not. */
	s->partial = rc == 1;
	return 1;
}

/* Whether the results are not yet the whole ranked answer. */
int
view_search_partial(struct view *v)
{
	struct search_view *s = v->data;

	return s->partial;
}

/* Why the search failed, and where in what was typed; NULL if it did not. */
const char *
view_search_error(struct view *v, size_t *offset)
{
	struct search_view *s = v->data;

	*offset = s->error_offset;
	return s->error;
}

/* Draw text whose matched words are between \001 and \002, highlighted. */
static void
search_draw_marked(int y, int x, const char *text, int width, enum explorer_style style)
{
	char *copy = xstrdup(text), *p = copy, *mark;
	int on = 0, w;

	while (*p != '\0' && width > 0) {
		mark = p + strcspn(p, "\001\002");
		w = 0;
		if (mark > p) {
			char c = *mark;
			*mark = '\0';
			w = explorer_text(y, x, p, width, on ? STYLE_MATCH : style);
			*mark = c;
		}
		x += w;
		width -= w;
		if (*mark == '\0')
			break;
		on = *mark == '\001';
		p = mark + 1;
	}
	free(copy);
}

/* Draw the results that fit: the selection, then the marker of a record
 * with a disputed field, in the first two columns; a space, the columns. */
static void
search_draw(struct view *v, int top, int rows, int cols)
{
	struct search_view *s = v->data;
	enum explorer_style style;
	int i, w, namew = cols / 3, kindw = 7, x;

	/* The kinds as the reader's language names them (financement):
	 * their column as wide as the widest, up to 12. */
	for (i = 0; i < s->n; i++) {
		if (!s->results[i].compare &&
		    (w = text_width(label_of(s->results[i].kind))) > kindw)
			kindw = w < 12 ? w : 12;
	}
	x = 4 + kindw;
	explorer_fill(top, 0, cols, STYLE_HEADER);
	explorer_text(top, 3, _("kind"), kindw, STYLE_HEADER);
	explorer_text(top, x, _("name"), namew, STYLE_HEADER);
	explorer_text(top, x + 1 + namew, _("match"), cols - namew - x - 2, STYLE_HEADER);
	/* What is typed, and what Ctrl-R switches to. */
	if (s->n == 0)
		explorer_text(top + 2, 1, s->error != NULL ? s->error :
		    s->partial ? _("Searching…") :
		    s->mode == FTS_REGEX ? _("No record matches (case and accents matter;"
		    " Ctrl-F: aside). Ctrl-R: words.") :
		    s->mode == FTS_REGEX_FOLD ? _("No record matches (case and accents aside;"
		    " Ctrl-F: exact). Ctrl-R: words.") :
		    _("No record matches. Accents and case do not matter; "
		    "Ctrl-R: regular expression."),
		    cols - 2, s->error != NULL ? STYLE_ALERT : STYLE_DIM);
	if (s->cur < s->top)
		s->top = s->cur;
	if (s->cur >= s->top + rows - 1)
		s->top = s->cur - rows + 2;
	for (i = 0; i < rows - 1 && s->top + i < s->n; i++) {
		struct search_result *r = &s->results[s->top + i];

		style = s->top + i == s->cur ? STYLE_SELECTED : STYLE_NORMAL;
		explorer_fill(top + 1 + i, 0, cols, style);
		if (explorer_marked(v->ex, r->id))
			explorer_text(top + 1 + i, 0, explorer_glyph("✓", "*"), 1, style);
		else if (style == STYLE_SELECTED)
			explorer_text(top + 1 + i, 0, explorer_glyph("▸", ">"), 1, style);
		if (r->disputed)
			explorer_text(top + 1 + i, 1, explorer_glyph("⚑", "!"), 1,
			    style == STYLE_SELECTED ? style : STYLE_ALERT);
		if (r->compare) {
			explorer_text(top + 1 + i, 3, r->name, cols - 4, style);
			continue;
		}
		explorer_text(top + 1 + i, 3, label_of(r->kind), kindw, style);
		explorer_text_marked(top + 1 + i, x, r->name, namew, style);
		search_draw_marked(top + 1 + i, x + 1 + namew, r->match, cols - namew - x - 2,
		    style);
	}
}

/* Mark the selected result to compare, and go to the next. */
static void
search_mark(struct view *v, struct search_view *s)
{
	if (s->n > 0 && s->results[s->cur].compare) {
		explorer_message(v->ex, _("Enter compares these places; m marks one "
		    "record at a time."));
		return;
	}
	if (s->n == 0 || !explorer_mark_kind(v->ex, s->results[s->cur].kind,
	    s->results[s->cur].id))
		return;
	if (s->cur + 1 < s->n)
		s->cur++;
	explorer_dirty(v->ex);
}

static const char *search_current(struct view *v);

/* Move through the results, mark one, or open one. */
static int
search_action(struct view *v, enum keys_action a)
{
	struct search_view *s = v->data;
	long page = v->rows > 2 ? v->rows - 1 : 1;

	/* n and N step through the results as j and k do. */
	if (a == ACTION_NEXT_MATCH || a == ACTION_PREV_MATCH)
		a = a == ACTION_NEXT_MATCH ? ACTION_DOWN : ACTION_UP;
	if (explorer_move(a, &s->cur, &s->top, s->n, page)) {
		explorer_dirty(v->ex);
		return 1;
	}
	if (a == ACTION_MARK) {
		search_mark(v, s);
		return 1;
	}
	if (a == ACTION_BRIEF) {
		explorer_brief(v->ex, search_current(v));
		return 1;
	}
	if (a != ACTION_OPEN)
		return 0;
	if (s->n > 0 && s->results[s->cur].compare)
		explorer_compare_these(v->ex, s->named.ids, s->named.n);
	else if (s->n > 0)
		explorer_open_record(v->ex, s->results[s->cur].id);
	return 1;
}

/* A click selects a result. */
static void
search_click(struct view *v, int row, int col)
{
	struct search_view *s = v->data;

	if (row > 0 && s->top + row - 1 < s->n)
		s->cur = s->top + row - 1;
}

/* Write every result, as the search command does. */
static long
search_export(struct view *v, struct output *o, int human, char **cause)
{
	struct search_view *s = v->data;
	sqlite3 *db = explorer_db(v->ex);
	sqlite3_stmt *stmt;
	long rows;

	if (s->typed == NULL) {
		*cause = xstrdup(_("nothing was searched for"));
		return -1;
	}
	if ((stmt = fts_prepare(db, s->typed, s->mode, NULL, explorer_lang(v->ex), -1,
	    human ? &fts_marks_human : &fts_marks_data, cause)) == NULL)
		return -1;
	if ((rows = output_statement(o, stmt)) < 0)
		*cause = xstrdup(sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	return rows;
}

/* The selected result's record. */
static const char *
search_current(struct view *v)
{
	struct search_view *s = v->data;

	return s->n > 0 && !s->results[s->cur].compare ? s->results[s->cur].id : NULL;
}

/* "3/12" */
static void
search_position(struct view *v, char *buf, size_t size)
{
	struct search_view *s = v->data;

	snprintf(buf, size, "%ld/%ld%s", s->n == 0 ? 0 : s->cur + 1, s->n,
	    s->more ? "+" : "");
}

/* What was searched for. */
static const char *
search_title(struct view *v)
{
	return ((struct search_view *)v->data)->title;
}

const struct view_ops view_search_ops = {
	.name = "search",
	.scope = SCOPE_LIST,
	.open = search_open,
	.close = search_close,
	.draw = search_draw,
	.action = search_action,
	.click = search_click,
	.position = search_position,
	.title = search_title,
	.export = search_export,
	.current = search_current,
};
