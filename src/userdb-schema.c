/* The versions of the user database's schema and the steps between them. */
#include "config.h"
#include "userdb-schema.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "xmalloc.h"

/*
 * Version n is reached by running step n on version n-1, in order; a
 * database records its version in PRAGMA user_version. A step is never
 * changed once released: a new need is a new step, and
 * USERDB_SCHEMA_VERSION goes up with it.
 *
 * Version 0 is what programs before versioning left: at most the table of
 * saved filters, made by the statement of step 1, and user_version 0.
 *
 * Step 2 copies the record tables of data/schema.sql, so a change to one
 * of those tables in data/schema.sql needs a step of its own here (an
 * ALTER TABLE user.x ...) for the user databases made before it.
 */

/* The record tables of the bundled schema, their indexes and triggers, as
 * data/schema.sql makes them; the full-text index is left out (virtual
 * tables and their shadow tables). */
static const char userdb_schema_records_sql[] =
	"SELECT s.name, s.sql FROM sqlite_schema AS s"
	" WHERE s.sql IS NOT NULL AND s.type IN ('table', 'index', 'trigger')"
	"   AND s.tbl_name IN (SELECT name FROM pragma_table_list"
	"     WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\')"
	" ORDER BY s.rowid";

/* How SQLite keeps the statements it copies: the first words, then the
 * name (it stores them with these words in capitals). */
static const char *const userdb_schema_prefixes[] = {
	"CREATE TABLE ", "CREATE INDEX ", "CREATE UNIQUE INDEX ", "CREATE TRIGGER ", NULL
};

/* Run one statement of the bundled schema in schema user: "CREATE TABLE
 * x" becomes "CREATE TABLE user.x" (the rest of it, ON x and a trigger's
 * body, then names tables of schema user too). */
static int
userdb_schema_copy(sqlite3 *db, const char *name, const char *sql, char **cause)
{
	const char *const *p;
	size_t len;
	char *copy;
	int r;

	for (p = userdb_schema_prefixes; *p != NULL; p++) {
		len = strlen(*p);
		if (strncmp(sql, *p, len) == 0 && strncmp(sql + len, name, strlen(name)) == 0)
			break;
	}
	if (*p == NULL) {
		*cause = xasprintf(_("cannot copy '%s' of the bundled schema"), name);
		return -1;
	}
	copy = xasprintf("%suser.%s", *p, sql + len);
	r = db_exec(db, copy, cause);
	free(copy);
	return r;
}

/* Step 2's record tables: those of data/schema.sql, read from a new
 * database made with it, for the records a user imports. */
static int
userdb_schema_records(sqlite3 *db, char **cause)
{
	sqlite3 *bundled;
	sqlite3_stmt *stmt;
	int rc = SQLITE_DONE;

	if ((bundled = db_create(":memory:", cause)) == NULL)
		return -1;
	if (db_prepare(bundled, userdb_schema_records_sql, &stmt, cause) != 0) {
		db_close(bundled);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (userdb_schema_copy(db, (const char *)sqlite3_column_text(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 1), cause) != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*cause = xstrdup(sqlite3_errmsg(bundled));
	sqlite3_finalize(stmt);
	db_close(bundled);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The steps: the SQL each runs in schema user, then what it makes in code. */
static const struct userdb_schema_step {
	const char	*sql;
	int		(*make)(sqlite3 *, char **);
} userdb_schema_steps[USERDB_SCHEMA_VERSION] = {
	/* 1: saved filters, as the first programs made them. */
	{ "CREATE TABLE IF NOT EXISTS user.saved_filter ("
	  " name TEXT NOT NULL PRIMARY KEY,"
	  " kind TEXT NOT NULL,"
	  " expr TEXT NOT NULL,"
	  " saved_on TEXT NOT NULL)", NULL },
	/* 2: notes and bookmarks on records (by id, bundled or imported),
	 * and the record tables for imported records. */
	{ "CREATE TABLE user.note ("
	  " id INTEGER PRIMARY KEY,"
	  " subject_id TEXT NOT NULL,"
	  " body TEXT NOT NULL,"
	  " created_at TEXT NOT NULL,"
	  " updated_at TEXT NOT NULL);"
	  "CREATE INDEX user.note_subject ON note (subject_id);"
	  "CREATE TABLE user.bookmark ("
	  " subject_id TEXT NOT NULL PRIMARY KEY,"
	  " created_at TEXT NOT NULL)", userdb_schema_records },
};

/* Bring schema user from version `from` to USERDB_SCHEMA_VERSION. */
int
userdb_schema_migrate(sqlite3 *db, int from, char **cause)
{
	const struct userdb_schema_step *step;
	char *sql;
	int r;

	for (step = userdb_schema_steps + from; step < userdb_schema_steps +
	    USERDB_SCHEMA_VERSION; step++) {
		if (db_exec(db, step->sql, cause) != 0 ||
		    (step->make != NULL && step->make(db, cause) != 0))
			return -1;
	}
	sql = xasprintf("PRAGMA user.user_version = %d", USERDB_SCHEMA_VERSION);
	r = db_exec(db, sql, cause);
	free(sql);
	return r;
}
