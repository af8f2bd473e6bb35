/* Opening databases, running statements, and the read-only guard. */
#ifndef AIATLAS_DB_H
#define AIATLAS_DB_H

#include <stddef.h>
#include <sqlite3.h>

/* The schema text, generated from data/schema.sql. */
extern const unsigned char schema_sql[];
extern const size_t schema_sql_size;

/* Open a database image held in memory, read-only, without copying it. */
sqlite3	*db_open_image(const unsigned char *data, size_t size, char **cause);
/* Open a database file read-only and check it is an aiatlas database. */
sqlite3	*db_open_readonly(const char *path, char **cause);
/* Create a new database file with the schema (it must not exist). */
sqlite3	*db_create(const char *path, char **cause);
/* A file: URI for path, to open in mode "ro" or "rw" (the
 * connection needs SQLITE_OPEN_URI); freed by the caller. */
char	*db_uri(const char *path, const char *mode);
/* Close, ignoring errors. */
void	 db_close(sqlite3 *db);
/* The file a schema was read from; NULL for the bundled image in memory. */
const char *db_file(sqlite3 *db, const char *schema);

/* Run SQL without results; cause may be NULL. */
int	 db_exec(sqlite3 *db, const char *sql, char **cause);
/* Prepare one statement; cause gets the message. */
int	 db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **stmt, char **cause);

/* Refuse everything but reading from now on: writes, ATTACH, state-changing
 * PRAGMAs, transactions and load_extension. The reason for the last refusal
 * is given by db_guard_reason(). */
void	 db_guard_readonly(sqlite3 *db);
const char *db_guard_reason(void);

#endif
