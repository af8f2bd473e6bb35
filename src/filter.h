/* The filter language, compiled to SQL with bound parameters only. */
#ifndef AIATLAS_FILTER_H
#define AIATLAS_FILTER_H

#include <sqlite3.h>

struct filter;

/* What a filter's mistake is, for the callers that act on it: they test
 * the code, never the words of the message. */
enum filter_code {
	FILTER_ERR_SYNTAX,	/* the text does not parse */
	FILTER_ERR_EMPTY,	/* no term at all */
	FILTER_ERR_KIND,	/* the kind cannot be filtered */
	FILTER_ERR_FIELD,	/* a field no kind has */
	FILTER_ERR_OTHER_KIND,	/* a field of other kinds, not of this one */
	FILTER_ERR_VALUE	/* a value the data or the field does not take */
};

/* What the items listed after a mistake are. */
enum filter_expected {
	FILTER_EXPECTED_NONE,
	FILTER_EXPECTED_FIELDS,	/* the kind's fields */
	FILTER_EXPECTED_VALUES	/* the values the data has for the field */
};

/* A filter's mistake: filter_error_message() makes its message. */
struct filter_error {
	enum filter_code	 code;
	int			 column;	/* in characters, from 1; 0: none */
	char			*what;		/* the mistake, in the reader's language */
	enum filter_expected	 expect;
	char			*expected;	/* the items, as "a, b, c"; or NULL */
	char			*near;		/* what was likely meant ("kind",
						 * "status:committed"), or NULL */
};

/*
 * Compile a filter for a list kind ("actors", "funding", ...). The SQL is a
 * boolean expression over the list's table whose parameters are numbered
 * from first_param; values are checked against the data (an unknown kind
 * or status is an error, not an empty result). On error, NULL and *cause:
 * "filter: what at column N; what was expected".
 */
struct filter	*filter_compile(sqlite3 *db, const char *kind, const char *expr,
		     int first_param, char **cause);
/* The same, the mistake in *err (freed with filter_error_free()). */
struct filter	*filter_compile_error(sqlite3 *db, const char *kind, const char *expr,
		     int first_param, struct filter_error *err);
/* The message of a mistake: "filter: what at column N; fields: ...". */
char		*filter_error_message(const struct filter_error *err);
void		 filter_error_free(struct filter_error *err);
/* The SQL expression, and how many parameters it has. */
const char	*filter_sql(const struct filter *f);
int		 filter_nparams(const struct filter *f);
/* Bind the values to a statement prepared with the SQL. */
void		 filter_bind(const struct filter *f, sqlite3_stmt *stmt);
void		 filter_free(struct filter *f);

/* Whether s is a date as YYYY, YYYY-MM or YYYY-MM-DD. */
int		 filter_is_date(const char *s);
/* The fields that apply to a kind, as "kind, bloc, ...". */
char		*filter_fields(const char *kind);
/* Why a filter of a kind that compiled may have matched nothing: "did
 * you mean" the filter mended, for a word near a value of a field
 * (compnay: kind:company) or a number whose scale stands apart (10
 * billion); NULL if nothing looks amiss. Freed by the caller. */
char		*filter_hint(sqlite3 *db, const char *kind, const char *expr);
/* Completions of the word that ends expr at its end, NULL-terminated and
 * freed with filter_free_completions(): field names, or the values a field
 * takes in the data. */
char		**filter_complete(sqlite3 *db, const char *kind, const char *expr);
void		 filter_free_completions(char **list);

#endif
