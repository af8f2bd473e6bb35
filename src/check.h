/* Integrity checks of a database: the rules every record follows. */
#ifndef AIATLAS_CHECK_H
#define AIATLAS_CHECK_H

#include <sqlite3.h>

/* Called with each problem found, as one line of text, and whether it is
 * only a warning. */
typedef void (*check_report_fn)(void *arg, int warning, const char *problem);

/* The problems of the rules about claims fail the check too (aiatlas
 * check); without it they are warnings (a dataset whose claims are being
 * written still builds). */
#define CHECK_SOFT_FATAL 0x1

/* Run every check on db's main schema. Returns the number of problems
 * (warnings not counted), or -1 with *cause if a check could not run. */
int	 check_database(sqlite3 *db, int flags, check_report_fn report, void *arg,
	     char **cause);

#endif
