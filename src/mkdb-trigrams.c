/* aiatlas-mkdb's trigram index, made in a second process beside the word
 * index: its text copied into a file of its own, the index made there,
 * then its tables copied into the database being built. */
#include "config.h"
#include "mkdb-trigrams.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db.h"
#include "fts.h"
#include "i18n.h"
#include "strbuf.h"
#include "xmalloc.h"

struct mkdb_trigrams {
	pid_t		 pid;		/* the process making the index */
	int		 fd;		/* what it says when it fails, read here */
	char		*path;		/* the file the index is made in */
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
		make = db_schema_statement(MKDB_TRIGRAMS_SCHEMA, "record_tri", NULL,
		    db_text(stmt, 0));
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

/* The second process: make the index in the file, in a connection of its
 * own, and write why it failed, if it did, to fd. It never returns. */
static void
mkdb_trigrams_run(const char *path, int fd)
{
	sqlite3 *db;
	char *cause = NULL;
	size_t len, done;
	ssize_t n;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		cause = xasprintf("%s: %s", path, sqlite3_errmsg(db));
	else if (db_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	    " PRAGMA temp_store = FILE", &cause) == 0)
		fts_build_parts(db, FTS_PART_TRIGRAMS, &cause);
	if (sqlite3_close(db) != SQLITE_OK && cause == NULL)
		cause = xasprintf("%s: %s", path, strerror(errno));
	len = cause == NULL ? 0 : strlen(cause);
	for (done = 0; done < len; done += (size_t)n)
		if ((n = write(fd, cause + done, len - done)) < 0) {
			if (errno != EINTR)
				break;
			n = 0;
		}
	_exit(cause == NULL ? 0 : 1);
}

/* Start making db's trigram index in a file at path (see the header). */
struct mkdb_trigrams *
mkdb_trigrams_start(sqlite3 *db, const char *path, char **cause)
{
	struct mkdb_trigrams *t;
	int fds[2] = { -1, -1 };
	pid_t pid;

	unlink(path);
	if (mkdb_trigrams_copy_text(db, path, cause) != 0) {
		unlink(path);
		return NULL;
	}
	/* The second process starts with SQLite's count of the memory held
	 * here, which its heap limit applies to: db's cache is given back
	 * first. */
	sqlite3_db_release_memory(db);
	if (pipe(fds) != 0 || (pid = fork()) == -1) {
		*cause = xasprintf(_("cannot start a process: %s"), strerror(errno));
		if (fds[0] >= 0) {
			close(fds[0]);
			close(fds[1]);
		}
		unlink(path);
		return NULL;
	}
	if (pid == 0) {
		close(fds[0]);
		mkdb_trigrams_run(path, fds[1]);
	}
	close(fds[1]);
	t = xcalloc(1, sizeof *t);
	t->pid = pid;
	t->fd = fds[0];
	t->path = xstrdup(path);
	return t;
}

/* Wait for t's process: 0 if it made the index, else -1 with *cause (what
 * it said, or how it ended). */
static int
mkdb_trigrams_wait(struct mkdb_trigrams *t, char **cause)
{
	struct strbuf said = { 0 };
	char buf[512];
	ssize_t n;
	int status;

	while ((n = read(t->fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0)
			strbuf_addn(&said, buf, (size_t)n);
	close(t->fd);
	while (waitpid(t->pid, &status, 0) == -1)
		if (errno != EINTR) {
			*cause = xasprintf(_("cannot wait for the trigram index: %s"), strerror(errno));
			free(said.s);
			return -1;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		free(said.s);
		return 0;
	}
	if (said.len > 0)
		*cause = strbuf_finish(&said);
	else if (WIFSIGNALED(status))
		*cause = xasprintf(_("the trigram index's process was killed by signal %d"),
		    WTERMSIG(status));
	else
		*cause = xasprintf(_("the trigram index's process failed (status %d)"),
		    WEXITSTATUS(status));
	return -1;
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
	char *why = NULL;
	int r = -1;

	/* Given up on: it is stopped, not waited for to the end. */
	if (db == NULL)
		kill(t->pid, SIGTERM);
	if (mkdb_trigrams_wait(t, &why) != 0) {
		if (db != NULL)
			*cause = why;
		else
			free(why);
	} else if (db != NULL && mkdb_trigrams_attach(db, t->path, cause) == 0) {
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
