/* A trigram index made in a second process beside the word index (by
 * aiatlas-mkdb, and by an import that adds every row of the user's): its
 * text copied into a file of its own, the index made there, then its
 * tables copied into the database being written. */
#include "config.h"
#include "trigrams-apart.h"

#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db.h"
#include "fts.h"
#include "i18n.h"
#include "strbuf.h"
#include "xmalloc.h"

struct trigrams_apart {
	pid_t		 pid;		/* the process making the index */
	int		 fd;		/* what it says when it fails, read here */
	char		*path;		/* the file the index is made in */
	char		*schema;	/* where the index goes, */
	char		*name;		/* and its tables' names' start */
};

/* In the file: its settings and its table of text (%s: name_text); a row
 * of that table. */
static const char trigrams_apart_make_sql[] =
	"PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	"CREATE TABLE \"%s_text\" (text TEXT NOT NULL)";
static const char trigrams_apart_put_sql[] =
	"INSERT INTO \"%s_text\" (rowid, text) VALUES (?1, ?2)";
/* The text of schema %1$s's records (%2$s_text) by rowid, read through
 * the writer's connection (the file's cannot see a write not committed);
 * the statement that makes %2$s_tri, as schema %1$s has it. */
static const char trigrams_apart_text_sql[] =
	"SELECT rowid, text FROM %1$s.\"%2$s_text\" ORDER BY rowid";
static const char trigrams_apart_table_sql[] =
	"SELECT sql FROM %1$s.sqlite_schema WHERE name = '%2$s_tri'";
/* The tables of the index made in the file: %s_tri's own. */
static const char trigrams_apart_tables_sql[] =
	"SELECT name FROM sqlite_schema"
	" WHERE type = 'table' AND name LIKE '%s\\_tri\\_%%' ESCAPE '\\'";

/* Step from (of from_db) to its end, inserting each row it gives with to
 * (of to_db), whose parameters are from's columns: 0, or -1 with *cause. */
static int
trigrams_apart_copy_rows(sqlite3 *from_db, sqlite3_stmt *from, sqlite3 *to_db,
    sqlite3_stmt *to, char **cause)
{
	int i, n = sqlite3_column_count(from), rc;

	while ((rc = sqlite3_step(from)) == SQLITE_ROW) {
		sqlite3_reset(to);
		for (i = 0; i < n; i++)
			sqlite3_bind_value(to, i + 1, sqlite3_column_value(from, i));
		if (sqlite3_step(to) != SQLITE_DONE) {
			*cause = xstrdup(sqlite3_errmsg(to_db));
			return -1;
		}
	}
	if (rc != SQLITE_DONE) {
		*cause = xstrdup(sqlite3_errmsg(from_db));
		return -1;
	}
	return 0;
}

/* Prepare sql (freed) on db: the statement, or NULL with *cause. */
static sqlite3_stmt *
trigrams_apart_prepare(sqlite3 *db, char *sql, char **cause)
{
	sqlite3_stmt *stmt = NULL;

	if (db_prepare(db, sql, &stmt, cause) != 0)
		stmt = NULL;
	free(sql);
	return stmt;
}

/* The statement that makes schema's name_tri, made to run in the file's
 * main schema; NULL with *cause. */
static char *
trigrams_apart_index_sql(sqlite3 *db, const char *schema, const char *name, char **cause)
{
	sqlite3_stmt *stmt;
	char *index, *make = NULL;

	if ((stmt = trigrams_apart_prepare(db, xasprintf(trigrams_apart_table_sql, schema,
	    name), cause)) == NULL)
		return NULL;
	index = xasprintf("%s_tri", name);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		make = db_schema_statement("main", index, NULL, db_text(stmt, 0));
	else
		*cause = xasprintf(_("the schema has no trigram index (%s)"), index);
	sqlite3_finalize(stmt);
	free(index);
	return make;
}

/* Copy the text of schema's records (name_text) into the file at path,
 * made, with a name_tri made as schema's. */
static int
trigrams_apart_copy_text(sqlite3 *db, const char *schema, const char *name,
    const char *path, char **cause)
{
	sqlite3 *file;
	sqlite3_stmt *from = NULL, *to = NULL;
	char *make;
	int r = -1;

	if ((make = trigrams_apart_index_sql(db, schema, name, cause)) == NULL)
		return -1;
	if (sqlite3_open_v2(path, &file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	    NULL) != SQLITE_OK)
		*cause = xasprintf("%s: %s", path, sqlite3_errmsg(file));
	else if (db_exec_free(file, xasprintf(trigrams_apart_make_sql, name),
	    cause) == 0 && db_exec(file, make, cause) == 0 &&
	    db_exec(file, "BEGIN", cause) == 0 &&
	    (from = trigrams_apart_prepare(db, xasprintf(trigrams_apart_text_sql, schema,
	    name), cause)) != NULL &&
	    (to = trigrams_apart_prepare(file, xasprintf(trigrams_apart_put_sql, name),
	    cause)) != NULL &&
	    trigrams_apart_copy_rows(db, from, file, to, cause) == 0)
		r = db_exec(file, "COMMIT", cause);
	sqlite3_finalize(from);
	sqlite3_finalize(to);
	if (sqlite3_close(file) != SQLITE_OK && r == 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		r = -1;
	}
	free(make);
	return r;
}

/* The second process (parent's): make the index in the file, in a
 * connection of its own, and write why it failed, if it did, to fd. It
 * never returns. */
static void
trigrams_apart_run(const char *path, const char *name, int fd, pid_t parent)
{
	sqlite3 *db;
	char *cause = NULL;
	size_t len, done;
	ssize_t n;

	/* Ended by the signals that stop the program (it caught them), and
	 * with it: what it made is of no use alone. */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
#ifdef PR_SET_PDEATHSIG
	prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
	if (getppid() != parent)
		_exit(1);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		cause = xasprintf("%s: %s", path, sqlite3_errmsg(db));
	else if (db_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	    " PRAGMA temp_store = FILE", &cause) == 0)
		fts_build_trigrams(db, name, &cause);
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

/* Start making schema's trigram index in a file at path (see the header). */
struct trigrams_apart *
trigrams_apart_start(sqlite3 *db, const char *schema, const char *name, const char *path,
    char **cause)
{
	struct trigrams_apart *t;
	int fds[2] = { -1, -1 };
	pid_t pid, parent = getpid();

	unlink(path);
	if (trigrams_apart_copy_text(db, schema, name, path, cause) != 0) {
		unlink(path);
		return NULL;
	}
	/* The second process starts with SQLite's count of the memory held
	 * here, which its heap limit applies to: db's cache is given back
	 * first. */
	sqlite3_db_release_memory(db);
#ifdef M_TRIM_THRESHOLD
	/* And the heap's free pages to the system (db_init() keeps them):
	 * after fork() both processes share them, and each page either
	 * wrote first was copied, a fault and a copy of 4 kB each (200,000
	 * records: the build 23.3 -> 20.4 s, its system time 8.7 -> 4.5 s). */
	malloc_trim(0);
#endif
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
		trigrams_apart_run(path, name, fds[1], parent);
	}
	close(fds[1]);
	t = xcalloc(1, sizeof *t);
	t->pid = pid;
	t->fd = fds[0];
	t->path = xstrdup(path);
	t->schema = xstrdup(schema);
	t->name = xstrdup(name);
	return t;
}

/* Wait for t's process: 0 if it made the index, else -1 with *cause (what
 * it said, or how it ended). */
static int
trigrams_apart_wait(struct trigrams_apart *t, char **cause)
{
	struct strbuf said = { 0 };
	char buf[512];
	ssize_t n;
	int status;

	/* A signal that stops the program stops the index too. */
	while ((n = read(t->fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
		if (n > 0)
			strbuf_addn(&said, buf, (size_t)n);
		else if (db_signalled() != 0)
			kill(t->pid, SIGKILL);
	}
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
	if (db_signalled() != 0) {
		*cause = xstrdup(db_interrupted());
		free(said.s);
	} else if (said.len > 0)
		*cause = strbuf_finish(&said);
	else if (WIFSIGNALED(status))
		*cause = xasprintf(_("the trigram index's process was killed by signal %d"),
		    WTERMSIG(status));
	else
		*cause = xasprintf(_("the trigram index's process failed (status %d)"),
		    WEXITSTATUS(status));
	return -1;
}

/* "INSERT INTO schema.table VALUES (?, ...)" with n parameters. */
static char *
trigrams_apart_insert_sql(const char *schema, const char *table, int n)
{
	struct strbuf put = { 0 };

	strbuf_addf(&put, "INSERT INTO %s.\"%s\" VALUES (?", schema, table);
	while (--n > 0)
		strbuf_addf(&put, ", ?");
	strbuf_addf(&put, ")");
	return strbuf_finish(&put);
}

/* Copy each of the index's tables from the file (opened as file) into
 * t's schema of db, in place of what they held. */
static int
trigrams_apart_copy_index(struct trigrams_apart *t, sqlite3 *file, sqlite3 *db, char **cause)
{
	sqlite3_stmt *tables, *from, *to = NULL;
	const char *table;
	int r = 0, rc;

	if ((tables = trigrams_apart_prepare(file, xasprintf(trigrams_apart_tables_sql,
	    t->name), cause)) == NULL)
		return -1;
	while (r == 0 && (rc = sqlite3_step(tables)) == SQLITE_ROW) {
		table = db_text(tables, 0);
		r = -1;
		if ((from = trigrams_apart_prepare(file, xasprintf("SELECT * FROM \"%s\"", table),
		    cause)) != NULL &&
		    db_exec_free(db, xasprintf("DELETE FROM %s.\"%s\"", t->schema, table),
		    cause) == 0 &&
		    (to = trigrams_apart_prepare(db, trigrams_apart_insert_sql(t->schema, table,
		    sqlite3_column_count(from)), cause)) != NULL)
			r = trigrams_apart_copy_rows(file, from, db, to, cause);
		sqlite3_finalize(from);
		sqlite3_finalize(to);
		to = NULL;
	}
	sqlite3_finalize(tables);
	return r;
}

/* Copy the index from t's file into db, in a transaction of its own when
 * db is not in one (rather than one a row): 0, or -1 with *cause. */
static int
trigrams_apart_copy_file(struct trigrams_apart *t, sqlite3 *db, char **cause)
{
	sqlite3 *file;
	int r = -1, defensive = 1, own = sqlite3_get_autocommit(db);

	if (sqlite3_open_v2(t->path, &file, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		*cause = xasprintf("%s: %s", t->path, sqlite3_errmsg(file));
	else if (!own || db_exec(db, "BEGIN", cause) == 0) {
		/* The index's tables are written as tables: SQLite refuses it
		 * to a defensive connection. */
		sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
		sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
		r = trigrams_apart_copy_index(t, file, db, cause);
		sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, defensive, NULL);
		if (own && db_exec(db, r == 0 ? "COMMIT" : "ROLLBACK", r == 0 ? cause : NULL) != 0)
			r = -1;
	}
	sqlite3_close(file);
	return r;
}

/* Wait for the index, copy it into db's (see the header). */
int
trigrams_apart_finish(struct trigrams_apart *t, sqlite3 *db, char **cause)
{
	char *why = NULL;
	int r = -1;

	/* Given up on: it is stopped, not waited for to the end. */
	if (db == NULL)
		kill(t->pid, SIGKILL);
	if (trigrams_apart_wait(t, &why) != 0) {
		if (db != NULL)
			*cause = why;
		else
			free(why);
	} else if (db != NULL)
		r = trigrams_apart_copy_file(t, db, cause);
	unlink(t->path);
	free(t->path);
	free(t->schema);
	free(t->name);
	free(t);
	return r;
}
