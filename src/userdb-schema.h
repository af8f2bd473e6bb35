/* The versions of the user database's schema and the steps between them. */
#ifndef AIATLAS_USERDB_SCHEMA_H
#define AIATLAS_USERDB_SCHEMA_H

#include <sqlite3.h>

/* The version this program writes, kept in PRAGMA user_version. */
#define USERDB_SCHEMA_VERSION	10

/* Bring schema "user" of db from version `from` (0: as old programs left
 * it, or empty) to USERDB_SCHEMA_VERSION, inside the caller's transaction,
 * user_version included. 0, or -1 with *cause. */
int	 userdb_schema_migrate(sqlite3 *db, int from, char **cause);

#endif
