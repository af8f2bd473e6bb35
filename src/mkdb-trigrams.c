/* aiatlas-mkdb's trigram index, made in a second thread beside the word
 * index: its text copied into a file of its own, the index made there,
 * then its tables copied into the database being built. */
#include "config.h"
#include "mkdb-trigrams.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "fts.h"
#include "i18n.h"
#include "xmalloc.h"

struct mkdb_trigrams {
	pthread_t	 thread;
	char		*path;		/* the file the index is made in */
	char		*cause;		/* why the thread failed, or NULL */
};

/* The schema name the file is attached as, in the builder's connection. */
#define MKDB_TRIGRAMS_SCHEMA	"mkdb_trigrams"

/* The text of the records, by rowid, into the attached file; and the
 * statement that makes record_tri there, as the builder's schema has it. */
static const char mkdb_trigrams_text_sql[] =
	"PRAGMA " MKDB_TRIGRAMS_SCHEMA ".journal_mode = OFF;"
	"PRAGMA " MKDB_TRIGRAMS_SCHEMA ".synchronous = OFF;"
	"CREATE TABLE " MKDB_TRIGRAMS_SCHEMA ".record_text (text TEXT NOT NULL);"
	"INSERT INTO " MKDB_TRIGRAMS_SCHEMA ".record_text (rowid, text)"
	" SELECT rowid, text FROM main.record_text ORDER BY rowid";
static const char mkdb_trigrams_table_sql[] =
	"SELECT sql FROM main.sqlite_schema WHERE name = 'record_tri'";
/* The tables of the index made in the attached file: record_tri's own. */
static const char mkdb_trigrams_tables_sql[] =
	"SELECT name FROM " MKDB_TRIGRAMS_SCHEMA ".sqlite_schema"
	" WHERE type = 'table' AND name LIKE 'record\\_tri\\_%' ESCAPE '\\'";

/* Attach the file at path to db as MKDB_TRIGRAMS_SCHEMA. */
static int
mkdb_trigrams_attach(sqlite3 *db, const char *path, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (db_prepare(db, "ATTACH ?1 AS " MKDB_TRIGRAMS_SCHEMA, &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, path, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = xasprintf("%s: %s", path, sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* Copy the text of db's records into the file at path, with a record_tri
 * made as db's. */
static int
mkdb_trigrams_copy_text(sqlite3 *db, const char *path, char **cause)
{
	sqlite3_stmt *stmt;
	char *make = NULL;
	int r;

	if (mkdb_trigrams_attach(db, path, cause) != 0)
		return -1;
	if (db_prepare(db, mkdb_trigrams_table_sql, &stmt, cause) != 0) {
		db_exec(db, "DETACH " MKDB_TRIGRAMS_SCHEMA, NULL);
		return -1;
	}
	if (sqlite3_step(stmt) == SQLITE_ROW)
		make = db_schema_statement(MKDB_TRIGRAMS_SCHEMA, "record_tri", db_text(stmt, 0));
	sqlite3_finalize(stmt);
	if (make == NULL) {
		*cause = xstrdup(_("the schema has no trigram index (record_tri)"));
		r = -1;
	} else
		r = db_exec(db, mkdb_trigrams_text_sql, cause) != 0 ||
		    db_exec(db, make, cause) != 0 ? -1 : 0;
	free(make);
	if (db_exec(db, "DETACH " MKDB_TRIGRAMS_SCHEMA, r == 0 ? cause : NULL) != 0)
		r = -1;
	return r;
}

/* The second thread: make the index in the file, in a connection of its
 * own. */
static void *
mkdb_trigrams_run(void *arg)
{
	struct mkdb_trigrams *t = arg;
	sqlite3 *db;

	if (sqlite3_open_v2(t->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		t->cause = xasprintf("%s: %s", t->path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	if (db_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	    " PRAGMA temp_store = FILE", &t->cause) == 0)
		fts_build_parts(db, FTS_PART_TRIGRAMS, &t->cause);
	if (sqlite3_close(db) != SQLITE_OK && t->cause == NULL)
		t->cause = xasprintf("%s: %s", t->path, strerror(errno));
	return NULL;
}

/* Start making db's trigram index in a file at path (see the header). */
struct mkdb_trigrams *
mkdb_trigrams_start(sqlite3 *db, const char *path, char **cause)
{
	struct mkdb_trigrams *t;
	int err;

	unlink(path);
	if (mkdb_trigrams_copy_text(db, path, cause) != 0) {
		unlink(path);
		return NULL;
	}
	t = xcalloc(1, sizeof *t);
	t->path = xstrdup(path);
	if ((err = pthread_create(&t->thread, NULL, mkdb_trigrams_run, t)) != 0) {
		*cause = xasprintf(_("cannot start a thread: %s"), strerror(err));
		unlink(path);
		free(t->path);
		free(t);
		return NULL;
	}
	return t;
}

/* Copy each of the index's tables from the attached file into db's. */
static int
mkdb_trigrams_copy_index(sqlite3 *db, char **cause)
{
	sqlite3_stmt *stmt;
	char *sql;
	int r = 0, rc;

	if (db_prepare(db, mkdb_trigrams_tables_sql, &stmt, cause) != 0)
		return -1;
	while (r == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		sql = xasprintf("DELETE FROM main.\"%1$s\";"
		    "INSERT INTO main.\"%1$s\" SELECT * FROM " MKDB_TRIGRAMS_SCHEMA ".\"%1$s\"",
		    db_text(stmt, 0));
		r = db_exec(db, sql, cause);
		free(sql);
	}
	sqlite3_finalize(stmt);
	return r;
}

/* Wait for the index, copy it into db's record_tri (see the header). */
int
mkdb_trigrams_finish(struct mkdb_trigrams *t, sqlite3 *db, char **cause)
{
	int r = -1;

	pthread_join(t->thread, NULL);
	if (db == NULL)
		free(t->cause);
	else if (t->cause != NULL)
		*cause = t->cause;
	else if (mkdb_trigrams_attach(db, t->path, cause) == 0) {
		/* record_tri's tables are written as tables: SQLite refuses it
		 * to a defensive connection, which the build's is otherwise. */
		sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
		r = mkdb_trigrams_copy_index(db, cause);
		sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
		if (db_exec(db, "DETACH " MKDB_TRIGRAMS_SCHEMA, r == 0 ? cause : NULL) != 0)
			r = -1;
	}
	unlink(t->path);
	free(t->path);
	free(t);
	return r;
}
