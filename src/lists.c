/* The lists of records: their order and SQL, for the list command and the
 * explorer alike. */
#include "config.h"
#include "lists.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "kind.h"
#include "match.h"
#include "xmalloc.h"

/* Append text to a growing string. */
static void
lists_append(char **s, const char *text)
{
	char *t = xasprintf("%s%s", *s, text);

	free(*s);
	*s = t;
}

/* The columns shown in a place. */
int
lists_columns(const struct kind *k, int where, const struct list_column **cols, int max)
{
	const struct list_column *col;
	int n = 0;

	for (col = k->columns; col->name != NULL; col++) {
		if ((col->where & where) && n < max)
			cols[n++] = col;
	}
	return n;
}

/* The shown column named name, or NULL. */
static const struct list_column *
lists_column(const struct kind *k, int where, const char *name)
{
	const struct list_column *col;

	for (col = k->columns; col->name != NULL; col++) {
		if ((col->where & where) && strcmp(col->name, name) == 0)
			return col;
	}
	return NULL;
}

/* The order for --sort's FIELD[,-FIELD] (NULL: the list's own). */
int
lists_parse_sort(const struct kind *k, const char *sort, int where, struct list_order *o,
    char **cause)
{
	const struct list_column *col;
	char *copy, *field, *next, *names;
	int desc;

	o->n = 0;
	if (sort == NULL) {
		o->col[0] = lists_column(k, where, k->sort);
		o->desc[0] = 0;
		o->n = o->col[0] != NULL;
		return 0;
	}
	copy = xstrdup(sort);
	for (field = copy; field != NULL; field = next) {
		if ((next = strchr(field, ',')) != NULL)
			*next++ = '\0';
		desc = *field == '-';
		field += desc;
		if ((col = lists_column(k, where, field)) == NULL || o->n == LIST_MAX_ORDER) {
			names = xstrdup("");
			for (col = k->columns; col->name != NULL; col++) {
				if (col->where & where) {
					lists_append(&names, *names ? ", " : "");
					lists_append(&names, col->name);
				}
			}
			*cause = o->n == LIST_MAX_ORDER ?
			    xasprintf(_("--sort: at most %d fields"), LIST_MAX_ORDER) :
			    xasprintf(_("--sort: %s have no field '%s'; fields: %s"), k->plural,
			    field, names);
			free(names);
			free(copy);
			return -1;
		}
		o->col[o->n] = col;
		o->desc[o->n++] = desc;
	}
	free(copy);
	return 0;
}

/* The order by one shown column. */
void
lists_sort_by(const struct kind *k, int where, int col, int desc, struct list_order *o)
{
	const struct list_column *cols[LIST_MAX_COLUMNS];
	int n = lists_columns(k, where, cols, LIST_MAX_COLUMNS);

	o->col[0] = cols[col >= 0 && col < n ? col : 0];
	o->desc[0] = desc;
	o->n = 1;
}

/* The name of a column lists_select_rows() puts first, and its number. */
#define LISTS_LEAD "lists_order_"

static char *lists_order_terms(const struct kind *, const char *, const struct list_order *,
    int, char **);

/* The characters of a bare column name. */
#define LISTS_IDENT "abcdefghijklmnopqrstuvwxyz_0123456789"

/* Whether a column's SQL is a bare column name, not an expression. */
static int
lists_bare(const char *e)
{
	return e[strspn(e, LISTS_IDENT)] == '\0';
}

/* A column's SQL in a language. */
static const char *
lists_expr(const struct list_column *col, const char *lang)
{
	return col->expr_fr != NULL && strcmp(lang, "fr") == 0 ? col->expr_fr : col->expr;
}

/* The shown columns of a place in lang, as a SELECT list. */
char *
lists_columns_sql(const struct kind *k, int where, const char *lang)
{
	const struct list_column *cols[LIST_MAX_COLUMNS];
	char *columns = xstrdup(""), *item;
	int i, n = lists_columns(k, where, cols, LIST_MAX_COLUMNS);

	for (i = 0; i < n; i++) {
		item = xasprintf("%s%s AS \"%s\"", i == 0 ? "" : ", ",
		    where == LIST_HUMAN && cols[i]->human != NULL ? cols[i]->human :
		    lists_expr(cols[i], lang), cols[i]->name);
		lists_append(&columns, item);
		free(item);
	}
	return columns;
}

/* SELECT of the shown columns in an order, or its reverse. */
char *
lists_select(const struct kind *k, int where, const char *lang,
    const struct list_order *o, int reverse, const char *filter, int merged)
{
	char *columns = lists_columns_sql(k, where, lang), *sql;

	sql = lists_select_columns(k, columns, lang, o, reverse, filter, merged);
	free(columns);
	return sql;
}

/* A SELECT in an order, or its reverse, of the rows filter keeps, as the
 * SELECT list columns. With lead, for a SELECT around it that reads its
 * columns by name: each name or title the order sorts by, and each
 * expression, comes first, as LISTS_LEAD followed by its number, and is
 * sorted by its place (1 COLLATE fold, 2). With the user's records the
 * table is a view of main's rows and the user's (merge.c), which SQLite
 * reads in order through both indexes only when each term of the order
 * is one of its columns: a collation on a column makes the term an
 * expression, and every row would be sorted. */
static char *
lists_select_rows(const struct kind *k, const char *columns, const char *lang,
    const struct list_order *o, int reverse, const char *filter, int lead_first)
{
	char *lead = xstrdup(""), *sql, *order;

	order = lists_order_terms(k, lang, o, reverse, lead_first ? &lead : NULL);
	sql = xasprintf("SELECT %s%s FROM %s%s%s%s ORDER BY %s LIMIT ?1 OFFSET ?3", lead,
	    columns, k->table, filter != NULL ? " WHERE (" : "", filter != NULL ? filter : "",
	    filter != NULL ? ")" : "", order);
	free(order);
	free(lead);
	return sql;
}

/* SELECT of the columns asked (SQL on the table's name), made of the
 * rows lists_select_rows() reads as the SELECT list table_columns ("*",
 * or fewer that an index holds): with the user's records, SQLite then
 * reads the merged view in order through both indexes when nothing but
 * its columns is selected (with a million records of the user's own, a
 * sort by kind in the explorer: 340 ms, then 1 ms; list actors --limit
 * 5: 280 ms, then 10 ms). */
char *
lists_select_from(const struct kind *k, const char *table_columns, const char *columns,
    const char *lang, const struct list_order *o, int reverse, const char *filter)
{
	char *rows = lists_select_rows(k, table_columns, lang, o, reverse, filter, 1), *sql;

	sql = xasprintf("SELECT %s FROM (%s) AS %s", columns, rows, k->table);
	free(rows);
	return sql;
}

/* SELECT of the given columns in an order, or its reverse; with the
 * user's records (merged), made of the table's own columns as
 * lists_select_from() reads them. Without, the columns are selected from
 * the table itself: a SELECT around it copies each row whole (every
 * actor at a million: 0.84 s from the table, 1.14 s around it). */
char *
lists_select_columns(const struct kind *k, const char *columns, const char *lang,
    const struct list_order *o, int reverse, const char *filter, int merged)
{
	if (merged)
		return lists_select_from(k, "*", columns, lang, o, reverse, filter);
	return lists_select_rows(k, columns, lang, o, reverse, filter, 0);
}

/* A column's SQL in a language, a bare column by its table's name, as
 * ORDER BY would take a bare name for the shown column of that name (9
 * Feb 2025, not 2025-02-09); freed by the caller. */
static char *
lists_column_ref(const struct kind *k, const struct list_column *col, const char *lang)
{
	const char *e = lists_expr(col, lang);
	int bare = lists_bare(e);

	return xasprintf("%s%s%s", bare ? k->table : "", bare ? "." : "", e);
}

/* The SQL a column is sorted by in a language (freed by the caller): its
 * own (lists_column_ref()); names and titles in the collation of their
 * indexes, as people read them. */
char *
lists_order_term(const struct kind *k, const struct list_column *col, const char *lang)
{
	char *ref = lists_column_ref(k, col, lang), *term;

	if (!(col->where & LIST_ALPHA))
		return ref;
	term = xasprintf("%s COLLATE " MATCH_COLLATION, ref);
	free(ref);
	return term;
}

/* The terms of an order, or of its reverse, as SQL; with lead (a string
 * to append to), each name or title, and each column that is an
 * expression (a funding's amount), as its place among the columns
 * appended there instead (lists_select_rows()). */
static char *
lists_order_terms(const struct kind *k, const char *lang, const struct list_order *o,
    int reverse, char **lead)
{
	char *sql = xstrdup(""), *term, *item;
	const char *e;
	int i, n = 0;

	for (i = 0; i < o->n; i++) {
		e = lists_expr(o->col[i], lang);
		if (lead != NULL &&
		    ((o->col[i]->where & LIST_ALPHA) || !lists_bare(e))) {
			/* The column itself first, any collation on its place. */
			term = lists_column_ref(k, o->col[i], lang);
			item = xasprintf("%s AS " LISTS_LEAD "%d, ", term, ++n);
			lists_append(lead, item);
			free(item);
			free(term);
			term = xasprintf("%d%s", n, (o->col[i]->where & LIST_ALPHA) ?
			    " COLLATE " MATCH_COLLATION : "");
		} else
			term = lists_order_term(k, o->col[i], lang);
		item = xasprintf("%s%s, ", term, o->desc[i] != reverse ? " DESC" : "");
		lists_append(&sql, item);
		free(item);
		free(term);
	}
	/* The id last, so that the order is total and can be reversed; in
	 * the first term's direction, so that a descending order is its
	 * (column, id) index read from the end, not every row sorted. */
	lists_append(&sql, k->table);
	lists_append(&sql, ".");
	lists_append(&sql, k->columns[0].expr);
	lists_append(&sql, (o->n > 0 && o->desc[0]) != reverse ? " DESC" : "");
	return sql;
}

/* Whether the rows a filter keeps can be found by reading the order's
 * index: the order begins with a column of the table (which the schema
 * indexes with the id) that the filter does not test; on that column,
 * the filter's own lookup already gives its rows in order. */
int
lists_order_walks(const struct kind *k, const char *lang, const struct list_order *o,
    const char *filter)
{
	const char *e = o->n > 0 ? lists_expr(o->col[0], lang) : NULL, *p;
	char *name;
	size_t len;
	int tested = 0;

	if (e == NULL || !lists_bare(e))
		return 0;
	name = xasprintf("%s.%s", k->table, e);
	len = strlen(name);
	for (p = filter; !tested && (p = strstr(p, name)) != NULL; p += len)
		tested = p[len] == '\0' || strchr(LISTS_IDENT, p[len]) == NULL;
	free(name);
	return !tested;
}

/* SELECT count(*) of the list. */
char *
lists_count(const struct kind *k, const char *filter)
{
	/* main's rows and the user's are counted apart, each table by its
	 * own name with the filter on each: a merged view (merge.c) is read
	 * row by row, each row whole, where a table is counted from its
	 * smallest index, or the filter's (kind:company over a million
	 * records of the user's own: the key 89 ms, then 3.3 ms). */
	if (!k->bundled)
		return xasprintf("SELECT (SELECT count(*) FROM main.%1$s AS %1$s%2$s%3$s%4$s) +"
		    " (SELECT count(*) FROM user.%1$s AS %1$s%2$s%3$s%4$s)", k->table,
		    filter != NULL ? " WHERE (" : "", filter != NULL ? filter : "",
		    filter != NULL ? ")" : "");
	return xasprintf("SELECT count(*) FROM %s%s%s%s", k->table, filter != NULL ? " WHERE (" : "",
	    filter != NULL ? filter : "", filter != NULL ? ")" : "");
}
