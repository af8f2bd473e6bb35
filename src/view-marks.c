/* The marks view, the last tab: the records the user bookmarked or wrote
 * notes on, with the first line of the last note; Enter opens one, and B
 * writes the briefing sheet of the bookmarked ones. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "explorer.h"
#include "i18n.h"
#include "match.h"
#include "output.h"
#include "xmalloc.h"

/* The marked records: id, kind (NULL when the record is gone), title,
 * bookmarked (yes or no), note (the first line of the last one). ?1 is
 * the language. */
static const char marks_sql[] =
	"SELECT m.id AS id, l.kind AS kind,"
	" coalesce(CASE ?1 WHEN 'fr' THEN l.name_fr ELSE l.name_en END, m.id) AS title,"
	" CASE WHEN b.subject_id IS NULL THEN 'no' ELSE 'yes' END AS bookmarked,"
	" (SELECT substr(n.body, 1, instr(n.body || char(10), char(10)) - 1) FROM user.note AS n"
	"  WHERE n.subject_id = m.id ORDER BY n.created_at DESC, n.id DESC LIMIT 1) AS note"
	" FROM (SELECT subject_id AS id FROM user.bookmark"
	"  UNION SELECT subject_id FROM user.note) AS m"
	" LEFT JOIN record_label AS l ON l.id = m.id"
	" LEFT JOIN user.bookmark AS b ON b.subject_id = m.id"
	" ORDER BY l.kind IS NULL, l.kind, title COLLATE " MATCH_COLLATION ", m.id";

/* One marked record, its columns as marks_sql gives them. */
struct marks_row {
	char	*col[5];
};

struct marks_view {
	struct marks_row	*rows;
	long			 n;
	long			 cur;
	long			 top;
	unsigned int		 generation;	/* of the notes and bookmarks read */
};

/* Forget the rows. */
static void
marks_clear(struct marks_view *m)
{
	long i;
	int j;

	for (i = 0; i < m->n; i++)
		for (j = 0; j < 5; j++)
			free(m->rows[i].col[j]);
	free(m->rows);
	m->rows = NULL;
	m->n = 0;
}

/* Read the marked records again. */
static void
marks_read(struct view *v, struct marks_view *m)
{
	sqlite3 *db = explorer_db(v->ex);
	sqlite3_stmt *stmt;
	const char *text;
	int j;

	marks_clear(m);
	m->generation = explorer_user_generation(v->ex);
	if (sqlite3_prepare_v2(db, marks_sql, -1, &stmt, NULL) != SQLITE_OK) {
		explorer_message(v->ex, _("Cannot read the marks: %s"), sqlite3_errmsg(db));
		return;
	}
	sqlite3_bind_text(stmt, 1, explorer_lang(v->ex), -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		m->rows = xreallocarray(m->rows, m->n + 1, sizeof *m->rows);
		for (j = 0; j < 5; j++) {
			text = (const char *)sqlite3_column_text(stmt, j);
			m->rows[m->n].col[j] = text != NULL ? xstrdup(text) : NULL;
		}
		m->n++;
	}
	sqlite3_finalize(stmt);
	if (m->cur >= m->n)
		m->cur = m->n > 0 ? m->n - 1 : 0;
}

/* Read the marks. */
static void
marks_open(struct view *v)
{
	struct marks_view *m = xcalloc(1, sizeof *m);

	v->data = m;
	marks_read(v, m);
}

/* Free the marks. */
static void
marks_close(struct view *v)
{
	marks_clear(v->data);
	free(v->data);
}

/* Draw the rows that fit: ★ for a bookmark, id, kind, title, note. */
static void
marks_draw(struct view *v, int top, int rows, int cols)
{
	struct marks_view *m = v->data;
	struct marks_row *r;
	enum explorer_style style;
	int i, idw = cols / 4, titlew = cols / 4, notex;

	if (m->generation != explorer_user_generation(v->ex))
		marks_read(v, m);
	notex = 2 + idw + 1 + 8 + titlew + 1;
	explorer_fill(top, 0, cols, STYLE_HEADER);
	explorer_text(top, 2, _("id"), idw, STYLE_HEADER);
	explorer_text(top, 3 + idw, _("kind"), 7, STYLE_HEADER);
	explorer_text(top, 11 + idw, _("title"), titlew, STYLE_HEADER);
	explorer_text(top, notex, _("note"), cols - notex, STYLE_HEADER);
	if (m->n == 0)
		explorer_text(top + 2, 1, _("No bookmarks or notes yet: b bookmarks the current "
		    "record, a writes a note on it."), cols - 2, STYLE_DIM);
	if (m->cur < m->top)
		m->top = m->cur;
	if (m->cur >= m->top + rows - 1)
		m->top = m->cur - rows + 2;
	for (i = 0; i < rows - 1 && m->top + i < m->n; i++) {
		r = &m->rows[m->top + i];
		style = m->top + i == m->cur ? STYLE_SELECTED : STYLE_NORMAL;
		explorer_fill(top + 1 + i, 0, cols, style);
		if (strcmp(r->col[3], "yes") == 0)
			explorer_text(top + 1 + i, 0, explorer_glyph("★", "*"), 1, style);
		explorer_text(top + 1 + i, 2, r->col[0], idw, style);
		explorer_text(top + 1 + i, 3 + idw, r->col[1] != NULL ? r->col[1] : _("gone"), 7,
		    r->col[1] != NULL ? style : STYLE_ALERT);
		explorer_text(top + 1 + i, 11 + idw, r->col[2], titlew, style);
		if (r->col[4] != NULL)
			explorer_text(top + 1 + i, notex, r->col[4], cols - notex, style);
	}
}

/* Write the briefing sheet of every bookmarked record still in the data,
 * in the order shown; with none, of the selected record. */
static void
marks_brief(struct view *v, struct marks_view *m)
{
	char **ids;
	long i;
	int n = 0;

	if (m->generation != explorer_user_generation(v->ex))
		marks_read(v, m);
	ids = xreallocarray(NULL, m->n + 1, sizeof *ids);
	for (i = 0; i < m->n; i++) {
		if (strcmp(m->rows[i].col[3], "yes") == 0 && m->rows[i].col[1] != NULL)
			ids[n++] = m->rows[i].col[0];
	}
	explorer_brief_bookmarked(v->ex, ids, n, m->n > 0 ? m->rows[m->cur].col[0] : NULL);
	free(ids);
}

/* Move, open the selected record, or write the bookmarks' briefing sheet. */
static int
marks_action(struct view *v, enum keys_action a)
{
	struct marks_view *m = v->data;
	long page = v->rows > 2 ? v->rows - 1 : 1;

	if (explorer_move(a, &m->cur, &m->top, m->n, page)) {
		explorer_dirty(v->ex);
		return 1;
	}
	if (a == ACTION_BRIEF) {
		marks_brief(v, m);
		return 1;
	}
	if (a != ACTION_OPEN)
		return 0;
	if (m->n > 0)
		explorer_open_record(v->ex, m->rows[m->cur].col[0]);
	return 1;
}

/* A click selects a row. */
static void
marks_click(struct view *v, int row, int col)
{
	struct marks_view *m = v->data;

	if (row > 0 && m->top + row - 1 < m->n)
		m->cur = m->top + row - 1;
}

/* "3/12" */
static void
marks_position(struct view *v, char *buf, size_t size)
{
	struct marks_view *m = v->data;

	snprintf(buf, size, "%ld/%ld", m->n == 0 ? 0 : m->cur + 1, m->n);
}

/* The view's title. */
static const char *
marks_title(struct view *v)
{
	return _("bookmarks and notes");
}

/* Write every marked record. */
static long
marks_export(struct view *v, struct output *o, int human, char **cause)
{
	sqlite3 *db = explorer_db(v->ex);
	sqlite3_stmt *stmt;
	long rows;

	if (sqlite3_prepare_v2(db, marks_sql, -1, &stmt, NULL) != SQLITE_OK) {
		*cause = xstrdup(sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_text(stmt, 1, explorer_lang(v->ex), -1, SQLITE_STATIC);
	if ((rows = output_statement(o, stmt)) < 0)
		*cause = xstrdup(sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	return rows;
}

/* The selected record. */
static const char *
marks_current(struct view *v)
{
	struct marks_view *m = v->data;

	return m->n > 0 ? m->rows[m->cur].col[0] : NULL;
}

const struct view_ops view_marks_ops = {
	.name = "marks",
	.scope = SCOPE_LIST,
	.open = marks_open,
	.close = marks_close,
	.draw = marks_draw,
	.action = marks_action,
	.click = marks_click,
	.position = marks_position,
	.title = marks_title,
	.export = marks_export,
	.current = marks_current,
};
