/* The lists of records: their columns, order and SQL, for the list
 * command and the explorer alike. */
#ifndef AIATLAS_LISTS_H
#define AIATLAS_LISTS_H

/* Where a column is shown: in tables for people, in data formats, or both. */
#define LIST_HUMAN	1
#define LIST_DATA	2
#define LIST_BOTH	(LIST_HUMAN | LIST_DATA)

/* One column: its name, the SQL that sorts and exports it, the SQL that
 * shows it to people (NULL: the same), and where it appears. ?2 is the
 * language. */
struct list_column {
	const char	*name;
	const char	*expr;
	const char	*human;
	int		 where;
};

/* One kind of list: what it is called, its FROM clause, its columns (the
 * first is the record's id) and its default order. */
struct list_kind {
	const char			*kind;
	const char			*from;
	const struct list_column	*columns;
	const char			*sort;
};

/* The kinds of list, ending with a NULL kind. */
extern const struct list_kind lists_kinds[];

/* The list kind named name ("actors"), or NULL. */
const struct list_kind	*lists_find(const char *name);
/* "actors, funding, ..." */
const char		*lists_names(void);
/* The ORDER BY clause for --sort's FIELD[,-FIELD] (NULL: the default
 * order); NULL with *cause naming a bad field. */
char			*lists_order(const struct list_kind *k, const char *sort, int where,
			     char **cause);
/* The ORDER BY clause for column col (counted among those shown). */
char			*lists_order_by_column(const struct list_kind *k, int where, int col,
			     int desc);
/* The columns shown in a place, and how many. */
int			 lists_columns(const struct list_kind *k, int where,
			     const struct list_column **cols, int max);
/* SELECT of the shown columns with an order; ?1 is the limit (-1: none),
 * ?2 the language, ?3 the offset. */
char			*lists_select(const struct list_kind *k, int where, const char *order);
/* SELECT count(*) of the list. */
char			*lists_count(const struct list_kind *k);

#endif
