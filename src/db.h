/* Opening databases, running statements, and the read-only guard. */
#ifndef AIATLAS_DB_H
#define AIATLAS_DB_H

#include <stddef.h>
#include <sqlite3.h>

/* The schema text, generated from data/schema.sql. */
extern const unsigned char schema_sql[];
extern const size_t schema_sql_size;

/* Set up SQLite for the program, before any connection is opened. */
void	 db_init(void);
/* Open a database image held in memory, read-only, without copying it. */
sqlite3	*db_open_image(const unsigned char *data, size_t size, char **cause);
/* Check the databases given (--db, the user's) against image, the bundled
 * database as aiatlas-mkdb made it, rather than against one made again
 * from the schema each time (what happens without it). */
void	 db_set_reference(const unsigned char *image, size_t size);
/* The schema of schema as text to compare whole: each object's type,
 * name, table and statement, by name; with settings, then its version
 * and the settings of its full-text tables. NULL with *cause if it
 * cannot be read. */
char	*db_schema_text(sqlite3 *db, const char *schema, int settings, char **cause);
/* Take a database whose schema, as db_schema_text() writes it, is
 * main_text (for --db, settings included) or user_text (for the user's)
 * as checked without comparing it object by object with the bundled
 * one: the texts of the bundled database and of an empty user database,
 * made at build time (aiatlas-schematext). NULL: compare always. */
void	 db_set_schema_texts(const char *main_text, const char *user_text);
/* Open a database file read-only and check it is an aiatlas database. */
sqlite3	*db_open_readonly(const char *path, char **cause);
/* Create a new database file with the schema (it must not exist). */
sqlite3	*db_create(const char *path, char **cause);
/* A file: URI for path, to open in mode "ro" or "rw" (the
 * connection needs SQLITE_OPEN_URI); freed by the caller. */
char	*db_uri(const char *path, const char *mode);
/* A statement of sqlite_schema (object name, its sql) made to run in
 * schema: "CREATE TABLE x ..." becomes "CREATE TABLE schema.x ..." (the
 * tables it names are then schema's too), or "CREATE TABLE schema.as ..."
 * when as is not NULL; NULL if sql does not begin so. */
char	*db_schema_statement(const char *schema, const char *name, const char *as,
	    const char *sql);
/* A copy of schema of db in a new temporary file that can be written
 * (closed by db_copy_close(), which removes it), or NULL with *cause. */
sqlite3	*db_copy(sqlite3 *db, const char *schema, char **cause);
void	 db_copy_close(sqlite3 *copy);
/* Close, ignoring errors. */
void	 db_close(sqlite3 *db);
/* The file a schema was read from; NULL for the bundled image in memory. */
const char *db_file(sqlite3 *db, const char *schema);

/* Check a database that may come from anyone, attached to db as schema
 * ("main" for --db, "user" for the user's), before anything reads it: up
 * to 1 MB it is sound (PRAGMA quick_check: no damage, no NULL in a NOT
 * NULL column; a larger one is not read whole, and damage stops the
 * statement that meets it), and each table, full-text table, view, index
 * and trigger named as one of the bundled schema (data/schema.sql) is made
 * by the same statement, so has the same columns, constraints, tokenizer
 * and settings; no other index or trigger is on those tables. For "main",
 * every table and view of it must be there and PRAGMA user_version be the
 * bundled one's; for "user", the tables of the search index of the user's
 * records (user_*) must be made as an empty user database's are. 0, or -1 with *cause, one line naming the database as
 * name. */
int	 db_check_untrusted(sqlite3 *db, const char *schema, const char *name,
	    char **cause);
/* The same but the quick check: for a file whose soundness was checked
 * already (userdb.c). */
int	 db_check_made(sqlite3 *db, const char *schema, const char *name, char **cause);
/* Whether schema's file is small enough to be checked whole when opened:
 * up to 1 MB. */
int	 db_checked_whole(sqlite3 *db, const char *schema);

/*
 * What stops a running statement, checked every few thousand steps of
 * SQLite: a signal noted by db_signal() (safe in a handler), more than
 * db_set_timeout()'s seconds of processor time since the statement began
 * (0: no limit), or the test given to db_cancel_when(). The statement
 * fails with SQLITE_INTERRUPT; db_error() then says what stopped it.
 */
void	 db_signal(int sig);
int	 db_signalled(void);
/* What stopped the program, as its messages say it ("interrupted by
 * SIGINT"); NULL if no signal was noted. */
const char *db_interrupted(void);
void	 db_set_timeout(double seconds);
void	 db_cancel_when(int (*fn)(void *), void *arg);
/* Whether db's last failure is a statement that db_cancel_when() stopped. */
int	 db_cancelled(sqlite3 *db);
/* The message of db's last error, or what stopped the statement. */
const char *db_error(sqlite3 *db);
/* A column's text, "" for NULL (never NULL). */
const char *db_text(sqlite3_stmt *stmt, int col);

/* Run SQL without results; cause may be NULL. */
int	 db_exec(sqlite3 *db, const char *sql, char **cause);
/* The same with sql made for the purpose, freed after. */
int	 db_exec_free(sqlite3 *db, char *sql, char **cause);
/* Prepare one statement; cause gets the message. */
int	 db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **stmt, char **cause);

/* Refuse everything but reading from now on: writes, ATTACH, state-changing
 * PRAGMAs, transactions and load_extension. The reason for the last refusal
 * is given by db_guard_reason(). */
void	 db_guard_readonly(sqlite3 *db);
const char *db_guard_reason(void);

#endif
