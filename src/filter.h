/* The filter language, compiled to SQL with bound parameters only. */
#ifndef AIATLAS_FILTER_H
#define AIATLAS_FILTER_H

#include <sqlite3.h>

struct filter;

/*
 * Compile a filter for a list kind ("actors", "funding", ...). The SQL is a
 * boolean expression over the list's table whose parameters are numbered
 * from first_param; values are checked against the data (an unknown kind
 * or status is an error, not an empty result). On error, NULL and *cause:
 * "filter: what at column N; what was expected".
 */
struct filter	*filter_compile(sqlite3 *db, const char *kind, const char *expr,
		     int first_param, char **cause);
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
