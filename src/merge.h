/* The merged views: the bundled records and the user's read as one. */
#ifndef AIATLAS_MERGE_H
#define AIATLAS_MERGE_H

#include <sqlite3.h>

/* Make the TEMP table of the ids of the user's records, empty: lists
 * read it for their marks. 0, or -1 with *cause. */
int	 merge_open(sqlite3 *db, char **cause);
/* Whether the TEMP full-text tables of the user's records are made (with
 * main's definitions, by merge_views() or merge_tables() when the user
 * has records): search then reads them beside main's (fts.h). */
int	 merge_mine(sqlite3 *db);
/* If the user has records (schema user, attached) or always, make the
 * full-text tables of the user's records, a TEMP view of main's and the
 * user's rows for each record table, named like it, main's views again
 * over them, and fill the full-text index of the user's records; again,
 * it makes what is missing and refills the index.
 * 0, or -1 with *cause. */
int	 merge_views(sqlite3 *db, int always, char **cause);
/* The same views without the full-text index of the user's records, for
 * what reads no full text (an import: the index takes seconds to fill
 * from a hundred thousand records). */
int	 merge_tables(sqlite3 *db, int always, char **cause);

#endif
