/* The list view: one tab's records as a sortable table, fetched a window
 * at a time so that no list is ever read whole. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "explorer.h"
#include "filter.h"
#include "fts.h"
#include "i18n.h"
#include "label.h"
#include "kind.h"
#include "lists.h"
#include "merge.h"
#include "output.h"
#include "text.h"
#include "xmalloc.h"

struct list_view {
	const struct kind		*kind;
	const struct list_column	*cols[LIST_MAX_COLUMNS];
	int				 ncols;
	int				 sort_col;	/* -1: the list's own order */
	int				 sort_desc;
	sqlite3_stmt			*select;	/* rows in the order */
	sqlite3_stmt			*reverse;	/* and in reverse, for the end */
	sqlite3_stmt			*walk[2];	/* the same, walking (or NULL) */
	long				 count;
	long				 total;		/* the rows without the filter */
	long				 cur;		/* the selected row */
	long				 top;		/* the first row shown */
	long				 win_off;	/* the rows fetched: from */
	int				 win_n;		/* how many */
	char				**cells;	/* win_n × ncols, NULL for none */
	int				*numeric;	/* per cell: right-aligned */
	int				 col_x[LIST_MAX_COLUMNS + 1]; /* where columns start */
	int				 mark;		/* the marker column, or -1 */
	struct filter			*filter;
	char				*filter_text;
	struct list_order		 order;
	int				 parent;	/* the parent column, or -1:
							 * then a tree (list_tree_select()) */
	sqlite3_stmt			*nest;		/* a row's depth, its parent's title */
	char				 title[512];
};

/*
 * A filtered window is read one of two ways. SQLite looks the filter up in
 * its own index and sorts every row that passes (about count rows read);
 * or, walking, it reads the rows in the order's index and tests each,
 * until the window is full (about (offset + rows) * total / count, from
 * the nearer end). It walks when that is at most LIST_WALK_COST times
 * fewer: near the ends of a list that many rows pass, such as kind:company
 * (a tenth of a second sorted at 400,000 actors, a millisecond walked).
 */
#define LIST_WALK_COST	4

/* Forget the fetched rows. */
static void
list_forget(struct list_view *l)
{
	int i;

	for (i = 0; i < l->win_n * l->ncols; i++)
		free(l->cells[i]);
	free(l->cells);
	free(l->numeric);
	l->cells = NULL;
	l->numeric = NULL;
	l->win_n = 0;
}

/* Whether the list is shown as a tree: its records nest (parent_id). */
static int
list_is_tree(const struct list_view *l)
{
	return l->parent >= 0 && l->order.n > 0;
}

/*
 * The window of a list shown as a tree, or its reverse, of the rows filter
 * keeps (NULL: all): each record under its parent, brothers in the order
 * asked, read through the order's index. The records outside any tree (no
 * parent in the table, no child: nearly all) come in the order asked, and
 * SQLite merges them with the few of the trees, each placed by its top
 * record's value and id and by its path below it (its rank among its
 * brothers at each level). Each row is the SELECT list columns (ncols of
 * them), then the three terms of the order, which the list does not show.
 * A parent is looked for as "> ''" (any id), which the index of parents
 * reads; IS NOT NULL would read every row. ?1 is the limit, ?3 the
 * offset.
 */
static char *
list_tree_select(struct view *v, struct list_view *l, const char *columns, int ncols,
    int reverse, const char *filter)
{
	const struct kind *k = l->kind;
	const char *t = k->table, *id = k->columns[0].expr;
	const char *parent = l->cols[l->parent]->expr;
	char *e = lists_order_term(k, l->order.col[0], explorer_lang(v->ex)), *sql;
	int desc = l->order.desc[0];

	sql = xasprintf("WITH RECURSIVE"
	    " tree_up(tree_child, tree_parent) AS (SELECT %2$s, %3$s FROM %1$s"
	    "  WHERE %3$s > '' AND EXISTS (SELECT 1 FROM %1$s AS tree_q"
	    "  WHERE tree_q.%2$s = %1$s.%3$s)),"
	    " tree_n(tree_child, tree_parent, tree_rank) AS (SELECT tree_child, tree_parent,"
	    "  row_number() OVER (PARTITION BY tree_parent ORDER BY %4$s%5$s, %1$s.%2$s%5$s)"
	    "  FROM tree_up JOIN %1$s ON %1$s.%2$s = tree_child),"
	    " tree_p(tree_id, tree_root, tree_path) AS (SELECT %2$s, %2$s, '' FROM %1$s"
	    "  WHERE %2$s IN (SELECT tree_parent FROM tree_up) AND NOT EXISTS"
	    "  (SELECT 1 FROM %1$s AS tree_q WHERE tree_q.%2$s = %1$s.%3$s)"
	    "  UNION ALL SELECT tree_child, tree_root, tree_path || '.' || printf('%%06d', tree_rank)"
	    "  FROM tree_n JOIN tree_p ON tree_parent = tree_id WHERE length(tree_path) < 700)"
	    " SELECT %6$s, %4$s, %1$s.%2$s, '' FROM %1$s"
	    "  WHERE %1$s.%2$s NOT IN (SELECT tree_id FROM tree_p)%7$s%8$s%9$s"
	    " UNION ALL SELECT %6$s, (SELECT %4$s FROM %1$s WHERE %1$s.%2$s = tree_root),"
	    "  tree_root, tree_path FROM tree_p JOIN %1$s ON %1$s.%2$s = tree_id%10$s%8$s%9$s"
	    " ORDER BY %11$d%12$s, %13$d%12$s, %14$d%15$s LIMIT ?1 OFFSET ?3",
	    t, id, parent, e, desc ? " DESC" : "", columns,
	    filter != NULL ? " AND (" : "", filter != NULL ? filter : "",
	    filter != NULL ? ")" : "", filter != NULL ? " WHERE (" : "",
	    ncols + 1, desc != reverse ? " DESC" : "", ncols + 2, ncols + 3,
	    reverse ? " DESC" : "");
	free(e);
	return sql;
}

/*
 * The rows of the list in its order, or in reverse, of those the filter's
 * SQL keeps (NULL: all), as the SELECT list columns (ncols of them) says;
 * ?1 is the limit, ?3 the offset. A flat list's rows are taken as the
 * table's columns (those of the SELECT list table_columns: "*", or fewer
 * that its index holds), and the columns asked made of those alone
 * (lists_select_from()).
 */
static char *
list_rows_select(struct view *v, struct list_view *l, const char *table_columns,
    const char *columns, int ncols, int reverse, const char *filter)
{
	if (list_is_tree(l))
		return list_tree_select(v, l, columns, ncols, reverse, filter);
	return lists_select_from(l->kind, table_columns, columns, explorer_lang(v->ex),
	    &l->order, reverse, filter);
}

/* Prepare the statement that tells how deep a row nests and under what. */
static void
list_prepare_nest(struct view *v, struct list_view *l)
{
	const struct kind *k = l->kind;
	const char *id = k->columns[0].expr, *parent = l->cols[l->parent]->expr;
	char *sql;

	sql = xasprintf("WITH RECURSIVE up(id, n) AS (SELECT %s, 1 FROM %s WHERE %s = ?1"
	    " UNION ALL SELECT t.%s, up.n + 1 FROM %s AS t JOIN up ON t.%s = up.id"
	    "  WHERE t.%s IS NOT NULL AND up.n < 32)"
	    " SELECT count(*), (SELECT %s FROM %s WHERE %s = (SELECT %s FROM %s WHERE %s = ?1))"
	    " FROM up WHERE id IN (SELECT %s FROM %s)",
	    parent, k->table, id, parent, k->table, id, parent,
	    strcmp(explorer_lang(v->ex), "fr") == 0 ? k->title_fr : k->title_en, k->table, id,
	    parent, k->table, id, id, k->table);
	if (sqlite3_prepare_v2(explorer_db(v->ex), sql, -1, &l->nest, NULL) != SQLITE_OK)
		l->nest = NULL;
	free(sql);
}

/* Prepare the window queries for the current order. */
static void
list_prepare(struct view *v, struct list_view *l)
{
	sqlite3 *db = explorer_db(v->ex);
	char *sql, *cause = NULL, *walk = NULL, *columns;
	int reverse, i;

	sqlite3_finalize(l->select);
	sqlite3_finalize(l->reverse);
	l->select = l->reverse = NULL;
	for (i = 0; i < 2; i++) {
		sqlite3_finalize(l->walk[i]);
		l->walk[i] = NULL;
	}
	list_forget(l);
	sqlite3_stmt **stmt;

	if (l->sort_col < 0)
		lists_parse_sort(l->kind, NULL, LIST_HUMAN, &l->order, &cause);
	else
		lists_sort_by(l->kind, LIST_HUMAN, l->sort_col, l->sort_desc, &l->order);
	/* Unary + keeps SQLite from looking the filter up in an index. */
	if (l->filter != NULL && !list_is_tree(l) && lists_order_walks(l->kind,
	    explorer_lang(v->ex), &l->order, filter_sql(l->filter)))
		walk = xasprintf("+(%s)", filter_sql(l->filter));
	columns = lists_columns_sql(l->kind, LIST_HUMAN, explorer_lang(v->ex));
	for (i = 0; i < 4; i++) {
		reverse = i % 2;
		stmt = i < 2 ? (reverse ? &l->reverse : &l->select) : &l->walk[reverse];
		if (i >= 2 && walk == NULL)
			break;
		sql = list_rows_select(v, l, "*", columns, l->ncols, reverse, i < 2 ?
		    (l->filter != NULL ? filter_sql(l->filter) : NULL) : walk);
		if (sqlite3_prepare_v2(db, sql, -1, stmt, NULL) != SQLITE_OK)
			explorer_message(v->ex, _("Cannot read the %s: %s"), l->kind->plural,
			    sqlite3_errmsg(db));
		else if (l->filter != NULL)
			filter_bind(l->filter, *stmt);
		free(sql);
	}
	free(columns);
	free(walk);
}

/* Count the rows the list has, with its filter. */
static void
list_count(struct view *v, struct list_view *l)
{
	sqlite3_stmt *stmt;
	char *sql = lists_count(l->kind, l->filter != NULL ? filter_sql(l->filter) : NULL);

	l->count = 0;
	if (sqlite3_prepare_v2(explorer_db(v->ex), sql, -1, &stmt, NULL) == SQLITE_OK) {
		if (l->filter != NULL)
			filter_bind(l->filter, stmt);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			l->count = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
	}
	free(sql);
}

/* Open the current tab's list. */
static void
list_open(struct view *v)
{
	struct list_view *l = xcalloc(1, sizeof *l);

	v->data = l;
	l->kind = kind_list(explorer_tab_kind(v->ex));
	l->ncols = lists_columns(l->kind, LIST_HUMAN, l->cols, LIST_MAX_COLUMNS);
	l->sort_col = -1;
	for (l->mark = l->ncols - 1; l->mark > 0 && !(l->cols[l->mark]->where & LIST_MARK);
	    l->mark--)
		;
	if (l->mark == 0)
		l->mark = -1;
	/* Funding nests (a pledge within a plan, counted once); an actor's
	 * parent owns it, and the list of actors stays flat. */
	for (l->parent = l->ncols - 1; l->parent > 0 && (strcmp(l->cols[l->parent]->name,
	    "parent") != 0 || strcmp(l->kind->table, "funding") != 0); l->parent--)
		;
	if (l->parent == 0)
		l->parent = -1;
	else
		list_prepare_nest(v, l);
	list_count(v, l);
	l->total = l->count;
	list_prepare(v, l);
}

/* Free the list. */
static void
list_close(struct view *v)
{
	struct list_view *l = v->data;

	list_forget(l);
	sqlite3_finalize(l->select);
	sqlite3_finalize(l->reverse);
	sqlite3_finalize(l->walk[0]);
	sqlite3_finalize(l->walk[1]);
	sqlite3_finalize(l->nest);
	filter_free(l->filter);
	free(l->filter_text);
	free(l);
}

/* Copy the current row of stmt into window row r. */
static void
list_keep(struct list_view *l, sqlite3_stmt *stmt, int r)
{
	const char *text;
	int i, type;

	for (i = 0; i < l->ncols; i++) {
		type = sqlite3_column_type(stmt, i);
		text = (const char *)sqlite3_column_text(stmt, i);
		l->cells[r * l->ncols + i] = text == NULL ? NULL : xstrdup(text);
		l->numeric[r * l->ncols + i] = type == SQLITE_INTEGER || type == SQLITE_FLOAT;
	}
}

/* The column that names the record (name, title or label), which takes
 * the room the others leave. */
static int
list_name_column(const struct list_view *l)
{
	int i;

	for (i = 1; i < l->ncols; i++) {
		if (strcmp(l->cols[i]->name, "name") == 0 || strcmp(l->cols[i]->name, "title") == 0 ||
		    strcmp(l->cols[i]->name, "label") == 0)
			return i;
	}
	return 1;
}

/*
 * Show in window row r's name that it nests in another record: indented
 * under its parent, "↳ name", when the parent is a row above it in the
 * window, and else "↳ name (in PARENT)".
 */
static void
list_nest(struct list_view *l, int r)
{
	const char *parent = l->parent >= 0 ? l->cells[r * l->ncols + l->parent] : NULL;
	char **name = &l->cells[r * l->ncols + list_name_column(l)], *t, *in = NULL;
	int depth = 0, above;

	if (parent == NULL || l->nest == NULL || *name == NULL)
		return;
	sqlite3_reset(l->nest);
	sqlite3_bind_text(l->nest, 1, l->cells[r * l->ncols], -1, SQLITE_TRANSIENT);
	if (sqlite3_step(l->nest) == SQLITE_ROW) {
		depth = sqlite3_column_int(l->nest, 0);
		if (sqlite3_column_type(l->nest, 1) != SQLITE_NULL)
			in = xstrdup((const char *)sqlite3_column_text(l->nest, 1));
	}
	sqlite3_reset(l->nest);
	for (above = r - 1; above >= 0 && strcmp(l->cells[above * l->ncols], parent) != 0; above--)
		;
	if (depth > 0 && above >= 0)
		t = xasprintf("%*s%s %s", 2 * (depth - 1), "", explorer_glyph("↳", "`-"), *name);
	else if (depth > 0 && in != NULL)
		t = xasprintf(_("%s %s (in %s)"), explorer_glyph("↳", "`-"), *name, in);
	else
		t = NULL;
	if (t != NULL) {
		free(*name);
		*name = t;
	}
	free(in);
}

/*
 * Fetch rows [off, off + n) unless they are already there. Rows in the
 * second half of the list are read from its end, in reverse, so that the
 * database walks at most half of the list whatever the position.
 */
static void
list_fetch(struct view *v, struct list_view *l, long off, int n)
{
	sqlite3_stmt *stmt;
	long from_end;
	int r, reverse;

	if (l->select == NULL || l->reverse == NULL ||
	    (off >= l->win_off && off + n <= l->win_off + l->win_n))
		return;
	list_forget(l);
	if (off + n > l->count)
		n = (int)(l->count - off);
	if (n <= 0)
		return;
	l->win_off = off;
	l->cells = xcalloc((size_t)n * l->ncols, sizeof *l->cells);
	l->numeric = xcalloc((size_t)n * l->ncols, sizeof *l->numeric);
	from_end = l->count - off - n;
	reverse = from_end < off;
	stmt = reverse ? l->reverse : l->select;
	if (l->walk[reverse] != NULL && ((double)(reverse ? from_end : off) + n) *
	    (double)l->total <= (double)LIST_WALK_COST * (double)l->count * (double)l->count)
		stmt = l->walk[reverse];
	sqlite3_reset(stmt);
	sqlite3_bind_int(stmt, 1, n);
	sqlite3_bind_int64(stmt, 3, reverse ? from_end : off);
	for (r = 0; r < n && sqlite3_step(stmt) == SQLITE_ROW; r++)
		list_keep(l, stmt, reverse ? n - 1 - r : r);
	/* Done with it: a statement left open would keep the user database
	 * from being made by a first write (b, a). */
	sqlite3_reset(stmt);
	l->win_n = r;
	if (reverse && r < n) {
		/* The list shrank under us: keep what came, in order. */
		memmove(l->cells, l->cells + (n - r) * l->ncols, (size_t)r * l->ncols * sizeof *l->cells);
		memmove(l->numeric, l->numeric + (n - r) * l->ncols,
		    (size_t)r * l->ncols * sizeof *l->numeric);
	}
	for (r = 0; r < l->win_n; r++)
		list_nest(l, r);
}

/* Keep the selection on the screen, rows tall. */
static void
list_follow(struct list_view *l, int rows)
{
	if (l->cur >= l->count)
		l->cur = l->count - 1;
	if (l->cur < 0)
		l->cur = 0;
	if (l->cur < l->top)
		l->top = l->cur;
	if (rows > 0 && l->cur >= l->top + rows)
		l->top = l->cur - rows + 1;
	if (l->top < 0)
		l->top = 0;
}

/* The width columns 1 to last take, with the gaps between those shown. */
static int
list_total(const int *cw, int last)
{
	int i, total = -2;

	for (i = 1; i <= last; i++) {
		if (cw[i] > 0)
			total += cw[i] + 2;
	}
	return total;
}

/* The column to hide next when the list is too wide: of those shown, the
 * least useful (the highest rank the kind gives it, the rightmost of a
 * rank, as the command line leaves columns out), but never the name nor
 * the one sorted on; 0 if none is left. */
static int
list_droppable(const struct list_view *l, const int *cw, int name)
{
	int i, drop = 0;

	for (i = l->ncols - 1; i > 0; i--) {
		if (cw[i] > 0 && i != name && i != l->sort_col && l->cols[i]->rank > 0 &&
		    (drop == 0 || l->cols[i]->rank > l->cols[drop]->rank))
			drop = i;
	}
	return drop;
}

/*
 * Lay the columns out in width: the id (column 0) and the marker column
 * are not shown, the name takes what it needs, the others at most 24; when
 * that is too wide the name gives up to its first 24, then columns go from
 * the right (the one sorted on stays), then the name shrinks. A width of 0
 * hides a column.
 */
static void
list_layout(struct list_view *l, int width, int *cw)
{
	int i, r, w, drop, total, natural, name = list_name_column(l);
	const char *cell;

	cw[0] = 0;
	for (i = 1; i < l->ncols; i++) {
		if (i == l->mark) {
			cw[i] = 0;
			continue;
		}
		cw[i] = text_width(_(l->cols[i]->label)) + (i == l->sort_col ? 2 : 0);
		for (r = 0; r < l->win_n; r++) {
			cell = l->cells[r * l->ncols + i];
			if (cell != NULL && (w = text_width(cell)) > cw[i])
				cw[i] = w;
		}
		if (i != name && cw[i] > 24)
			cw[i] = 24;
	}
	natural = cw[name];
	for (;;) {
		total = list_total(cw, l->ncols - 1);
		if (total <= width)
			break;
		if (cw[name] > 24)
			cw[name] = total - width < cw[name] - 24 ? cw[name] - (total - width) : 24;
		else if ((drop = list_droppable(l, cw, name)) > 0)
			cw[drop] = 0;
		else {
			cw[name] -= total - width;
			if (cw[name] < 6)
				cw[name] = 6;
			break;
		}
	}
	/* What is left goes back to the name. */
	total = list_total(cw, l->ncols - 1);
	if (total < width && cw[name] < natural)
		cw[name] += natural - cw[name] < width - total ? natural - cw[name] : width - total;
}

/* Draw the header and the rows that fit: the selection or the mark to
 * compare in the first column, the marker of a disputed row in the next
 * (when the list has one) and a space, then the columns. */
static void
list_draw(struct view *v, int top, int rows, int cols)
{
	struct list_view *l = v->data;
	int cw[LIST_MAX_COLUMNS], i, r, x, w, n = rows - 1, left = l->mark >= 0 ? 3 : 1;
	enum explorer_style style;
	const char *cell;
	char heading[64];

	list_follow(l, n);
	list_fetch(v, l, l->top, n);
	/* The marker and its space take the column otherwise left free on the right. */
	list_layout(l, cols - left - (l->mark >= 0 ? 0 : 1), cw);
	explorer_fill(top, 0, cols, STYLE_HEADER);
	for (i = 0, x = left; i < l->ncols; i++) {
		l->col_x[i] = x;
		if (cw[i] == 0)
			continue;
		snprintf(heading, sizeof heading, "%s%s", _(l->cols[i]->label), i != l->sort_col ? "" :
		    l->sort_desc ? explorer_glyph(" ▼", " v") : explorer_glyph(" ▲", " ^"));
		explorer_text(top, x, heading, cw[i], STYLE_HEADER);
		x += cw[i] + 2;
	}
	l->col_x[l->ncols] = x;
	if (l->count == 0)
		explorer_text(top + 2, 1, l->filter != NULL ? _("No record passes the filter; "
		    "F clears it.") : _("No records."), cols - 2, STYLE_DIM);
	for (r = 0; r < l->win_n && r < n; r++) {
		style = l->top + r == l->cur ? STYLE_SELECTED : STYLE_NORMAL;
		explorer_fill(top + 1 + r, 0, cols, style);
		if (explorer_marked(v->ex, l->cells[r * l->ncols]))
			explorer_text(top + 1 + r, 0, explorer_glyph("✓", "*"), 1, style);
		else if (style == STYLE_SELECTED)
			explorer_text(top + 1 + r, 0, explorer_glyph("▸", ">"), 1, style);
		/* The marker column: ⚑ a disputed record, • one of the user's own. */
		if (l->mark >= 0 && (cell = l->cells[r * l->ncols + l->mark]) != NULL &&
		    strcmp(cell, "•") == 0)
			explorer_text(top + 1 + r, 1, explorer_glyph("•", "+"), 1, style);
		else if (l->mark >= 0 && cell != NULL && *cell != '\0')
			explorer_text(top + 1 + r, 1, explorer_glyph("⚑", "!"), 1,
			    style == STYLE_SELECTED ? style : STYLE_ALERT);
		for (i = 1; i < l->ncols; i++) {
			cell = l->cells[r * l->ncols + i];
			if (cell == NULL || cw[i] == 0)
				continue;
			x = l->col_x[i];
			if (l->numeric[r * l->ncols + i]) {
				w = text_width(cell);
				explorer_text(top + 1 + r, w < cw[i] ? x + cw[i] - w : x, cell,
				    cw[i], style);
			} else
				explorer_text_marked(top + 1 + r, x, cell, cw[i], style);
		}
	}
}

/* The id of the selected row, or NULL. */
static const char *
list_selected(struct view *v, struct list_view *l)
{
	if (l->count == 0)
		return NULL;
	list_fetch(v, l, l->cur, 1);
	if (l->cur < l->win_off || l->cur >= l->win_off + l->win_n)
		return NULL;
	return l->cells[(l->cur - l->win_off) * l->ncols];
}

/* The selected record. */
static const char *
list_current(struct view *v)
{
	return list_selected(v, v->data);
}

/* Sort by the next (step 1) or previous (-1) column shown, ascending:
 * not by the id, which is not shown, nor by the marker column. */
static void
list_sort_step(struct view *v, struct list_view *l, int step)
{
	int i, col = l->sort_col < 1 ? (step > 0 ? 0 : l->ncols) : l->sort_col;

	for (i = 0; i < l->ncols; i++) {
		col = (col + step + l->ncols) % l->ncols;
		if (col != 0 && col != l->mark)
			break;
	}
	l->sort_col = col;
	l->sort_desc = 0;
	l->cur = l->top = 0;
	list_prepare(v, l);
	explorer_message(v->ex, _("Sorted by %s; < and > choose another column, o reverses."),
	    _(l->cols[l->sort_col]->label));
}

/* Move, sort, open, or write the selected record's brief. */
static int
list_action(struct view *v, enum keys_action a)
{
	struct list_view *l = v->data;
	long page = v->rows > 2 ? v->rows - 1 : 1;
	const char *id;
	int i;

	if (explorer_move(a, &l->cur, &l->top, l->count, page)) {
		list_follow(l, v->rows - 1);
		explorer_dirty(v->ex);
		return 1;
	}
	switch (a) {
	case ACTION_SORT_NEXT:
	case ACTION_SORT_PREV:
		list_sort_step(v, l, a == ACTION_SORT_NEXT ? 1 : -1);
		break;
	case ACTION_SORT_REVERSE:
		/* The list's own order is by its sort column. */
		for (i = 1; l->sort_col < 0 && i < l->ncols; i++) {
			if (strcmp(l->cols[i]->name, l->kind->sort) == 0)
				l->sort_col = i;
		}
		if (l->sort_col < 0)
			l->sort_col = 1;
		l->sort_desc = !l->sort_desc;
		l->cur = l->top = 0;
		list_prepare(v, l);
		explorer_message(v->ex, l->sort_desc ? _("Sorted by %s, descending.") :
		    _("Sorted by %s, ascending."), _(l->cols[l->sort_col]->label));
		break;
	case ACTION_MARK:
	case ACTION_OPEN:
		if ((id = list_selected(v, l)) == NULL) {
			explorer_message(v->ex, l->filter != NULL ? _("No record passes the filter; "
			    "F clears it.") : _("No records."));
			return 1;
		}
		{
			char *copy = xstrdup(id);

			if (a == ACTION_OPEN)
				explorer_open_record(v->ex, copy);
			else if (explorer_mark_kind(v->ex, l->kind->name, copy))
				l->cur++;
			free(copy);
		}
		break;
	case ACTION_BRIEF:
		explorer_brief(v->ex, list_selected(v, l));
		return 1;
	default:
		return 0;
	}
	if (l->top > l->count - 1)
		l->top = l->count - 1;
	if (l->top < 0)
		l->top = 0;
	list_follow(l, v->rows - 1);
	explorer_dirty(v->ex);
	return 1;
}

/* A click selects a row; on the header, it sorts by that column. */
static void
list_click(struct view *v, int row, int col)
{
	struct list_view *l = v->data;

	int i;

	if (row == 0) {
		for (i = 1; i < l->ncols - 1 && col >= l->col_x[i + 1]; i++)
			;
		l->sort_desc = i == l->sort_col ? !l->sort_desc : 0;
		l->sort_col = i;
		l->cur = l->top = 0;
		list_prepare(v, l);
		return;
	}
	if (l->top + row - 1 < l->count)
		l->cur = l->top + row - 1;
}

/* "12/87" */
static void
list_position(struct view *v, char *buf, size_t size)
{
	struct list_view *l = v->data;

	snprintf(buf, size, "%ld/%ld", l->count == 0 ? 0 : l->cur + 1, l->count);
}

/* The list's name and order. */
static const char *
list_title(struct view *v)
{
	struct list_view *l = v->data;

	int n;

	if (l->sort_col < 0)
		n = snprintf(l->title, sizeof l->title, "%s", label_of(l->kind->plural));
	else
		n = snprintf(l->title, sizeof l->title, l->sort_desc ? _("%s by %s, descending") :
		    _("%s by %s"), label_of(l->kind->plural), _(l->cols[l->sort_col]->label));
	if (l->filter_text != NULL && n > 0 && (size_t)n < sizeof l->title)
		snprintf(l->title + n, sizeof l->title - n, _(" %s filter: %s"),
		    explorer_glyph("·", "-"), l->filter_text);
	return l->title;
}

/* The list kind a list view shows. */
static const char *
list_filter_kind(struct view *v)
{
	return ((struct list_view *)v->data)->kind->plural;
}

/* The list's filter, or NULL. */
static const char *
list_filter(struct view *v)
{
	return ((struct list_view *)v->data)->filter_text;
}

/* Filter the list (NULL or "" clears the filter). */
static int
list_set_filter(struct view *v, const char *expr, char **cause)
{
	struct list_view *l = v->data;
	struct filter *f = NULL;
	char *hint;

	if (expr != NULL && *expr != '\0' && (f = filter_compile(explorer_db(v->ex),
	    l->kind->plural, expr, LIST_FILTER_PARAM, cause)) == NULL)
		return -1;
	filter_free(l->filter);
	free(l->filter_text);
	l->filter = f;
	l->filter_text = f != NULL ? xstrdup(expr) : NULL;
	l->cur = l->top = 0;
	list_count(v, l);
	list_prepare(v, l);
	if (f != NULL && l->count == 0 && (hint = filter_hint(explorer_db(v->ex),
	    l->kind->plural, expr)) != NULL) {
		explorer_message(v->ex, _("No record passes the filter: %s"), hint);
		free(hint);
	}
	explorer_dirty(v->ex);
	return 0;
}

/* Write the list, with its filter and order, as the list command does:
 * in the order asked, not as a tree, the parent a column of its own. */
static long
list_export(struct view *v, struct output *o, int human, char **cause)
{
	struct list_view *l = v->data;
	sqlite3 *db = explorer_db(v->ex);
	sqlite3_stmt *stmt;
	char *sql;
	long rows;

	sql = lists_select(l->kind, human ? LIST_HUMAN : LIST_DATA, explorer_lang(v->ex),
	    &l->order, 0, l->filter != NULL ? filter_sql(l->filter) : NULL, merge_mine(db));
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		*cause = xstrdup(sqlite3_errmsg(db));
		free(sql);
		return -1;
	}
	free(sql);
	sqlite3_bind_int64(stmt, 1, -1);
	sqlite3_bind_int64(stmt, 3, 0);
	if (l->filter != NULL)
		filter_bind(l->filter, stmt);
	if ((rows = output_statement(o, stmt)) < 0)
		*cause = xstrdup(sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	return rows;
}

/* Step a statement of list_rows_select() whose one column says whether
 * the row matches, from offset, n rows at most (-1: all): how many rows
 * after offset the first match is (the last, with last), or -1. */
static long
list_match(sqlite3_stmt *stmt, long offset, long n, int last)
{
	long i, found = -1;

	if (stmt == NULL)
		return -1;
	sqlite3_reset(stmt);
	sqlite3_bind_int64(stmt, 1, n);
	sqlite3_bind_int64(stmt, 3, offset);
	for (i = 0; (last || found < 0) && sqlite3_step(stmt) == SQLITE_ROW; i++) {
		if (sqlite3_column_int(stmt, 0))
			found = i;
	}
	sqlite3_reset(stmt);
	return found;
}

/* The rows of the list in its order (or in reverse), each as whether it
 * matches the full-text query, bound; NULL if it cannot be read. */
static sqlite3_stmt *
list_match_prepare(struct view *v, struct list_view *l, const char *query, int reverse)
{
	sqlite3_stmt *stmt;
	char *id, *match, *table_columns, *sql;

	/* The id alone, which the order's index holds with its column: the
	 * rows between two matches are not read from the table. */
	id = xasprintf("%s.%s", l->kind->table, l->kind->columns[0].expr);
	table_columns = xasprintf("%s AS %s", id, l->kind->columns[0].expr);
	match = fts_matches(explorer_db(v->ex), id, "?2");
	sql = list_rows_select(v, l, table_columns, match, 1, reverse,
	    l->filter != NULL ? filter_sql(l->filter) : NULL);
	free(id);
	free(table_columns);
	free(match);
	if (sqlite3_prepare_v2(explorer_db(v->ex), sql, -1, &stmt, NULL) != SQLITE_OK)
		stmt = NULL;
	free(sql);
	if (stmt != NULL && l->filter != NULL)
		filter_bind(l->filter, stmt);
	if (stmt != NULL)
		sqlite3_bind_text(stmt, 2, query, -1, SQLITE_TRANSIENT);
	return stmt;
}

/*
 * Move to the next (or previous) row matching a full-text query, in the
 * list's order, wrapping around at the end. The rows after the selected
 * one (before it: from the nearer end) are read in order through the
 * order's index, as the list's windows are, until one matches: numbering
 * every row of the list took seconds at a million, and a tree's order is
 * not an index's.
 */
void
view_list_next_match(struct view *v, const char *query, int backward)
{
	struct list_view *l = v->data;
	sqlite3_stmt *fwd = list_match_prepare(v, l, query, 0);
	sqlite3_stmt *rev = backward ? list_match_prepare(v, l, query, 1) : NULL;
	long found, row = -1, cur = l->cur, count = l->count;
	int wrapped = 0;

	if (!backward) {
		if ((found = list_match(fwd, cur + 1, -1, 0)) >= 0)
			row = cur + 1 + found;
		else if ((row = list_match(fwd, 0, cur + 1, 0)) >= 0)
			wrapped = 1;
	} else {
		if (cur <= count - cur)
			row = list_match(fwd, 0, cur, 1);
		else if ((found = list_match(rev, count - cur, -1, 0)) >= 0)
			row = cur - 1 - found;
		if (row < 0 && (found = list_match(rev, 0, count - cur, 0)) >= 0) {
			row = count - 1 - found;
			wrapped = 1;
		}
	}
	if (row >= 0)
		l->cur = row;
	if (wrapped)
		explorer_message(v->ex, backward ? _("Search wrapped to the end.") :
		    _("Search wrapped to the start."));
	else if (row < 0)
		explorer_message(v->ex, _("No row of this list matches the search."));
	sqlite3_finalize(fwd);
	sqlite3_finalize(rev);
	list_follow(l, v->rows - 1);
	explorer_dirty(v->ex);
}

const struct view_ops view_list_ops = {
	.name = "list",
	.scope = SCOPE_LIST,
	.open = list_open,
	.close = list_close,
	.draw = list_draw,
	.action = list_action,
	.click = list_click,
	.position = list_position,
	.title = list_title,
	.filter = list_filter,
	.set_filter = list_set_filter,
	.filter_kind = list_filter_kind,
	.export = list_export,
	.current = list_current,
};
