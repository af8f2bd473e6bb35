/* The lists of records: their order and SQL, for the list command and the
 * explorer alike; each kind's columns are in its row of the registry
 * (kind.c). */
#ifndef AIATLAS_LISTS_H
#define AIATLAS_LISTS_H

struct kind;

/* Where a column is shown: in tables for people, in data formats, or both. */
#define LIST_HUMAN	1
#define LIST_DATA	2
#define LIST_BOTH	(LIST_HUMAN | LIST_DATA)
/* A column that marks rows (disputed ones): the explorer shows it as one
 * column in the margin, not as a column of the table. */
#define LIST_MARK	4

/* The title column: cut with "…" in a table too wide for the terminal,
 * where the others are shown whole or left out. */
#define LIST_CUT	8
/* A column of names or titles, sorted as people read them: case and
 * accents aside (the collation MATCH_COLLATION, which the schema's
 * indexes of those columns use too). */
#define LIST_ALPHA	16

/* One column: its name (its key in --sort, CSV, TSV and JSON), the SQL
 * that sorts and exports it (and its French form, NULL if the same), the
 * SQL that shows it to people (NULL: the same), where it appears, its rank
 * in a table too wide for the terminal (0 is always shown: the id, the
 * title; the others are left out from the highest rank down until the
 * table fits), and its label, the header people read, marked N_() and
 * shown through _(). */
struct list_column {
	const char	*name;
	const char	*expr;
	const char	*expr_fr;
	const char	*human;
	int		 where;
	int		 rank;
	const char	*label;
};

#define LIST_MAX_COLUMNS	32
#define LIST_MAX_ORDER		8

/* An order: columns, each ascending or descending. */
struct list_order {
	const struct list_column	*col[LIST_MAX_ORDER];
	int				 desc[LIST_MAX_ORDER];
	int				 n;
};

/* The order of --sort's FIELD[,-FIELD] (NULL: the list's own); -1 with
 * *cause naming a bad field. */
int			 lists_parse_sort(const struct kind *k, const char *sort, int where,
			     struct list_order *o, char **cause);
/* The order by one shown column. */
void			 lists_sort_by(const struct kind *k, int where, int col, int desc,
			     struct list_order *o);
/* The columns shown in a place, and how many. */
int			 lists_columns(const struct kind *k, int where,
			     const struct list_column **cols, int max);
/* The shown columns of a place in lang, as a SELECT list ("expr AS
 * \"name\", ..."). */
char			*lists_columns_sql(const struct kind *k, int where, const char *lang);
/* SELECT of the shown columns in lang ("en" or "fr"), in an order or its
 * reverse, of the rows a filter's SQL keeps (NULL: all); ?1 is the limit
 * (-1: none), ?3 the offset, and the filter's parameters start at ?4.
 * merged: the user has records of their own (merge_mine()). */
char			*lists_select(const struct kind *k, int where, const char *lang,
			     const struct list_order *o, int reverse, const char *filter,
			     int merged);
/* The same with the SELECT list columns (SQL) in place of the shown
 * columns. */
char			*lists_select_columns(const struct kind *k, const char *columns,
			     const char *lang, const struct list_order *o, int reverse,
			     const char *filter, int merged);
/* The same, the columns asked made of the rows read as the SELECT list
 * table_columns ("*", or fewer that an index holds): each name or title
 * of the order is sorted by its place among them (SQLite then reads a
 * merged view of main's rows and the user's through both indexes). */
char			*lists_select_from(const struct kind *k, const char *table_columns,
			     const char *columns, const char *lang, const struct list_order *o,
			     int reverse, const char *filter);
/* The SQL a column is sorted by in lang (freed by the caller). */
char			*lists_order_term(const struct kind *k, const struct list_column *col,
			     const char *lang);
/* Whether reading the rows in the order's index, testing the filter's SQL
 * on each, can find a window of them (see view-list.c): the order begins
 * with a column of the table that the filter does not test. */
int			 lists_order_walks(const struct kind *k, const char *lang,
			     const struct list_order *o, const char *filter);
/* SELECT count(*) of the list, of the rows a filter keeps (NULL: all). */
char			*lists_count(const struct kind *k, const char *filter);
/* The first parameter a filter of a list may use. */
#define LIST_FILTER_PARAM	4

#endif
