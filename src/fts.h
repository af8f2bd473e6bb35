/* The full-text index: building it and turning typed words into queries. */
#ifndef AIATLAS_FTS_H
#define AIATLAS_FTS_H

#include <sqlite3.h>

/* Fill record_fts from every record table (replacing what it held). */
int	 fts_build(sqlite3 *db, char **cause);
/* Turn what a person typed into an FTS5 query: every word must match, the
 * last ones as prefixes; quotes keep a phrase. NULL with *cause if there
 * is nothing to search for. The result is freed by the caller. */
char	*fts_query(const char *typed, char **cause);

#endif
