/* The full-screen explorer: its loop, its screen, and what views use. */
#ifndef AIATLAS_EXPLORER_H
#define AIATLAS_EXPLORER_H

#include <sqlite3.h>
#include <time.h>

#include "fts.h"
#include "keys.h"

struct explorer;
struct output;
struct view;
struct userdb;

/*
 * What a kind of view does. The loop knows only this table. Handlers never
 * draw: they change the view's state and call explorer_dirty(); the loop
 * then redraws everything once with draw().
 *
 * open		set up data (may be NULL)
 * close	free data
 * draw		draw rows [top, top + rows) of the screen, cols wide
 * action	do an action; returns 1 if the view handled it
 * click	a mouse click at row (from the view's top) and column
 * position	write where the view is ("12/87") for the status line
 * title	the view's title for the status line
 * filter	the view's filter (NULL: none, or the view takes none)
 * set_filter	filter the view (NULL or "" clears); -1 with *cause
 * filter_kind	the list kind its filter is written for, for completion
 * export	write the rows it lists, with its filter and order (not what
 *		fits the screen), to o; human: the columns of the table and
 *		Markdown formats, not the data formats'. The number of rows, or
 *		-1 with *cause. NULL: the view has nothing to export.
 * current	the id of the record it is on (the selected row, the record
 *		shown), for b and a; NULL: none
 * key		a key typed, for a view that takes text (the note editor),
 *		before any binding; NULL: keys are looked up as actions
 */
struct view_ops {
	const char	*name;
	enum keys_scope	 scope;
	void		(*open)(struct view *);
	void		(*close)(struct view *);
	void		(*draw)(struct view *, int top, int rows, int cols);
	int		(*action)(struct view *, enum keys_action);
	void		(*click)(struct view *, int row, int col);
	void		(*position)(struct view *, char *buf, size_t size);
	const char	*(*title)(struct view *);
	const char	*(*filter)(struct view *);
	int		(*set_filter)(struct view *, const char *, char **);
	const char	*(*filter_kind)(struct view *);
	long		(*export)(struct view *, struct output *o, int human, char **cause);
	const char	*(*current)(struct view *);
	void		(*key)(struct view *, keys_key);
};

/* An open view: its kind, the explorer it is in, and its own data. */
struct view {
	const struct view_ops	*ops;
	struct explorer		*ex;
	void			*data;
	int			 rows;	/* rows it had at the last draw */
};

/* The kinds of view. */
extern const struct view_ops view_list_ops;
extern const struct view_ops view_record_ops;
extern const struct view_ops view_help_ops;
extern const struct view_ops view_search_ops;
extern const struct view_ops view_compare_ops;
extern const struct view_ops view_timeline_ops;
extern const struct view_ops view_marks_ops;
extern const struct view_ops view_note_ops;

/* What the note editor opens with (its data, taken over): the record, the
 * note it changes (0: a new one) and the note's text. */
struct note_draft {
	char		*id;
	long long	 n;
	char		*text;
};

/* What the explorer asks of particular views. */
/* The list view: move to the next (or previous) row matching a full-text
 * query. */
void		 view_list_next_match(struct view *v, const char *query, int backward);
/* The search view: search again; why it failed and where (NULL: it did not). */
void		 view_search_update(struct view *v, const char *typed, enum fts_mode mode);
const char	*view_search_error(struct view *v, size_t *offset);
/* Rank the search's results whole when they are a first page, or run a
 * search a key stopped again (stopped again by a key typed meanwhile);
 * 1 if it ran, 0 if there was nothing to do. */
int		 view_search_rank(struct view *v);
/* Whether the search's results are not yet its whole ranked answer. */
int		 view_search_partial(struct view *v);

/* Options of a run. */
struct explorer_options {
	const char	*lang;		/* "en" or "fr" */
	int		 color;		/* -1: auto (terminal and NO_COLOR), 0, 1 */
	const char	*script;	/* headless: a key script, "-" for stdin */
	int		 cols, rows;	/* headless: the screen size */
	const char	*timings;	/* the first screen's time, and each key's of a script */
	struct timespec	 start;		/* when the program started, for timings */
	struct userdb	*user;		/* where saved filters go */
	int		 csv_raw;	/* exports: CSV and TSV formulas left as they are */
};

/* Run the explorer on db; returns an exit status. */
int		 explorer_run(sqlite3 *db, const struct explorer_options *opts);

/* What views use. */
sqlite3		*explorer_db(struct explorer *ex);
const char	*explorer_lang(struct explorer *ex);
/* Whether a key waits to be read (never in a script); ex is the explorer. */
int		 explorer_key_waiting(void *ex);
/* Redraw before the next key. */
void		 explorer_dirty(struct explorer *ex);
/* Show a message on the prompt line until the next key. */
void		 explorer_message(struct explorer *ex, const char *fmt, ...)
		     __attribute__((format(printf, 2, 3)));
/* Open a record in a new view of the current tab (a history step). */
void		 explorer_open_record(struct explorer *ex, const char *id);
/* The list kind a list view shows: the current tab's. */
const char	*explorer_tab_kind(struct explorer *ex);
/* Mark or unmark a record to compare; whether a record is marked. */
void		 explorer_mark(struct explorer *ex, const char *id);
int		 explorer_mark_kind(struct explorer *ex, const char *kind, const char *id);
/* Compare n records at once, marked instead of the marks. */
void		 explorer_compare_these(struct explorer *ex, char *const *ids, int n);
/* Copy Markdown to the clipboard (OSC 52) and to file, and say so
 * (explorer-copy.c). */
void		 explorer_copy(struct explorer *ex, const char *text, size_t len,
		    const char *file, const char *what);
int		 explorer_marked(struct explorer *ex, const char *id);
/* The marked records, and how many. */
char *const	*explorer_marks(struct explorer *ex, int *n);
/* Write the briefing sheet of the marked records, else of record id (the
 * one shown or selected; NULL: none), to EXPLORER_BRIEF_FILE, and say so. */
#define EXPLORER_BRIEF_FILE	"aiatlas-brief.md"
void		 explorer_brief(struct explorer *ex, const char *id);
/* The same, of the n bookmarked records ids (the Marks tab's B), else
 * when there are none of record id. */
void		 explorer_brief_bookmarked(struct explorer *ex, char *const *ids, int n,
		     const char *id);
/* Open a view of a kind with data for its open (a history step). */
void		 explorer_open_view(struct explorer *ex, const struct view_ops *ops, void *data);
/* Close the view on top, with no way forward to it again. */
void		 explorer_close_top(struct explorer *ex);
/* Save the note the editor wrote (text) as draft says, and say so. */
void		 explorer_note_save(struct explorer *ex, const struct note_draft *draft,
		     const char *text);
/* How many times the user's notes and bookmarks changed: a view showing
 * them reads them again when this moves. */
unsigned int	 explorer_user_generation(struct explorer *ex);

/* Move a list's selection cur (and its first row shown, top) by a
 * movement action, page rows a screen; 1 if a was one. */
int		 explorer_move(enum keys_action a, long *cur, long *top, long count, long page);

/* Drawing, for views: UTF-8 text at (y, x) cut to width with an ellipsis,
 * in a style; returns the columns drawn. */
enum explorer_style {
	STYLE_NORMAL,
	STYLE_HEADER,		/* column headings */
	STYLE_SELECTED,		/* the current row or link */
	STYLE_LINK,		/* a link to another record */
	STYLE_TITLE,		/* a record's name, a section heading */
	STYLE_DIM,		/* secondary text */
	STYLE_ALERT,		/* a disagreement between sources */
	STYLE_MATCH,		/* words that match the search */
	STYLE_BLOC_1,		/* the colours of blocs on a timeline */
	STYLE_BLOC_2,
	STYLE_BLOC_3,
	STYLE_BLOC_4
};
int		 explorer_text(int y, int x, const char *s, int width, enum explorer_style style);
/* The same, with the words of the last search highlighted. */
int		 explorer_text_marked(int y, int x, const char *s, int width,
		     enum explorer_style style);
/* Fill width columns at (y, x) with spaces in a style. */
void		 explorer_fill(int y, int x, int width, enum explorer_style style);
/* A glyph, with an ASCII stand-in outside UTF-8 locales. */
const char	*explorer_glyph(const char *utf8, const char *ascii);

#endif
