/* Integrity checks of a database: the rules every record follows. */
#ifndef AIATLAS_CHECK_H
#define AIATLAS_CHECK_H

#include <sqlite3.h>

/* Called with each problem found, as one line of text. */
typedef void (*check_report_fn)(void *arg, const char *problem);

/* Run every check on db's main schema. Returns the number of problems, or
 * -1 with *cause if a check could not run. */
int	 check_database(sqlite3 *db, check_report_fn report, void *arg, char **cause);
/* The same checks but those of how the file keeps the records (SQLite's
 * quick_check of its pages, FTS5's integrity-check of the full-text
 * indexes), and those the schema and the load hold (references, ids,
 * citations' fields, dates, texts): for a database load_dir() has just
 * filled, where they would check SQLite and the load again. */
int	 check_loaded(sqlite3 *db, check_report_fn report, void *arg, char **cause);
/* FTS5's integrity-check of the full-text indexes of the user's records
 * (schema user): the number of problems, or -1 with *cause. */
int	 check_user_fts(sqlite3 *db, check_report_fn report, void *arg, char **cause);

#endif
