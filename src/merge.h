/* The merged views: the bundled records and the user's read as one. */
#ifndef AIATLAS_MERGE_H
#define AIATLAS_MERGE_H

#include <sqlite3.h>

/* Make the TEMP table of the ids of the user's records, empty: lists
 * read it for their marks (merge_tables() makes it a view of the user's
 * records). 0, or -1 with *cause. */
int	 merge_open(sqlite3 *db, char **cause);
/* Whether the merged views are made (by merge_tables(), when the user has
 * records): search then reads the user's full-text tables beside main's
 * (fts.h). */
int	 merge_mine(sqlite3 *db);
/* Make the full-text tables of the user's records in schema user (user_fts
 * and the tables beside it) with main's definitions, empty: a step of the
 * user database's schema (userdb-schema.c); fts_build_user() fills them.
 * 0, or -1 with *cause. */
int	 merge_search_tables(sqlite3 *db, char **cause);
/* If the user has records (schema user, attached) or always, make a TEMP
 * view of main's and the user's rows for each record table, named like
 * it, main's views again over them, and temp.mine a view of the ids of
 * the user's records; once: a second call finds them made. 0, or -1 with
 * *cause. */
int	 merge_tables(sqlite3 *db, int always, char **cause);

#endif
