/* aiatlas import: the user's own records, added from a CSV file or removed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "csv.h"
#include "db.h"
#include "fts.h"
#include "i18n.h"
#include "text.h"
#include "kind.h"
#include "load.h"
#include "merge.h"
#include "userdb.h"
#include "xmalloc.h"

/* When the import started, for the rate progress shows. */
struct import_clock {
	struct timespec	 start;
};

/* Show rows read and rows per second on the terminal's last line. */
static void
import_progress(void *arg, unsigned long rows)
{
	struct import_clock *clock = arg;
	struct timespec now;
	double s;

	clock_gettime(CLOCK_MONOTONIC, &now);
	s = (double)(now.tv_sec - clock->start.tv_sec) +
	    (double)(now.tv_nsec - clock->start.tv_nsec) / 1e9;
	fputc('\r', stderr);
	fprintf(stderr, ngettext("%lu row, %.0f rows/s", "%lu rows, %.0f rows/s", rows), rows,
	    s > 0 ? (double)rows / s : 0.0);
	fflush(stderr);
}

/* One file of an import: its path, the kind of its records, the highest
 * rowid of that kind's table before the import, and the rows it gave. */
struct import_item {
	const char		*path;
	const struct kind	*k;
	sqlite3_int64		 after;
	long			 rows;
};

/* The statement that notes the records an import into k may add or give
 * other aliases, from the rows of its table past rowid after: those the
 * load appended (freed by the caller). NULL for a kind whose rows are no
 * record's text (citations, claims, links). */
static char *
import_changed_sql(const struct kind *k, sqlite3_int64 after)
{
	if (k->name != NULL)
		return xasprintf("INSERT OR IGNORE INTO temp.fts_changed SELECT \"%s\""
		    " FROM user.\"%s\" WHERE rowid > %lld", k->id, k->table, (long long)after);
	if (strcmp(k->table, "alias") == 0)
		return xasprintf("INSERT OR IGNORE INTO temp.fts_changed SELECT subject_id"
		    " FROM user.alias WHERE rowid > %lld", (long long)after);
	return NULL;
}

/* The highest rowid of k's table of schema user (0 for none), or -1 with
 * *cause. */
static sqlite3_int64
import_last_rowid(sqlite3 *db, const struct kind *k, char **cause)
{
	sqlite3_stmt *stmt;
	sqlite3_int64 last = -1;
	char *sql = xasprintf("SELECT coalesce(max(rowid), 0) FROM user.\"%s\"", k->table);

	if (db_prepare(db, sql, &stmt, cause) == 0) {
		if (sqlite3_step(stmt) == SQLITE_ROW)
			last = sqlite3_column_int64(stmt, 0);
		else
			*cause = xstrdup(sqlite3_errmsg(db));
		sqlite3_finalize(stmt);
	}
	free(sql);
	return last;
}

/* Note the records an import of the n files may add or give other
 * aliases, whose tables' rows past each one's after are the load's: the
 * search index is brought in step for those alone, and once for all the
 * files. 0, or -1 with *cause. */
static int
import_note(sqlite3 *db, const struct import_item *items, int n, char **cause)
{
	char *changed;
	int i, j, rc;

	if (fts_note_changes(db, cause) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		/* Files of one kind share its rows past the same rowid: noted once. */
		for (j = 0; j < i && items[j].k != items[i].k; j++)
			;
		if (j < i)
			continue;
		changed = import_changed_sql(items[i].k, items[i].after);
		rc = changed != NULL && db_exec(db, changed, cause) != 0;
		free(changed);
		if (rc)
			return -1;
	}
	return 0;
}

/* What an import does once every row is in (import_loaded()): its files,
 * and the search index's refresh it begins. */
struct import_refresh {
	const struct import_item	*items;
	int				 n;
	struct fts_refresh		*r;
};

/* Once every row is in (load_when_loaded()): note the records the files
 * may add, and begin bringing the search index in step, so that its
 * trigram index is made while the load's indexes are made and its rows
 * checked (200,000 records into a new user database, in turn: 13.9 to
 * 14.0 -> 11.8 to 12.0 s; the bench's million, 74.0 -> 70.5 s). */
static int
import_loaded(sqlite3 *db, void *arg, char **cause)
{
	struct import_refresh *a = arg;

	if (import_note(db, a->items, a->n, cause) != 0)
		return -1;
	return (a->r = fts_refresh_begin(db, cause)) != NULL ? 0 : -1;
}

/* Load each of the n files into its kind's table of schema user, within
 * the transaction begun, noting the rows each gave: 0, or -1 with *cause
 * (the first error and how many others). Unless refresh is NULL (a dry
 * run), the search index's refresh is begun once the rows are in, and
 * *refresh is what fts_refresh_end() ends. */
static int
import_load(sqlite3 *db, struct import_item *items, int n, struct fts_refresh **refresh,
    char **cause)
{
	struct import_refresh a = { items, n, NULL };
	struct import_clock clock;
	struct load *l;
	unsigned long others = 0, before = 0;
	int i, rc = 0;
	char *first;

	if ((l = load_begin_user(db, &others, cause)) == NULL)
		return -1;
	if (refresh != NULL)
		load_when_loaded(l, import_loaded, &a);
	if (isatty(STDERR_FILENO)) {
		clock_gettime(CLOCK_MONOTONIC, &clock.start);
		load_progress(l, import_progress, &clock);
	}
	for (i = 0; i < n && rc == 0; i++) {
		rc = load_file(l, items[i].path, items[i].k, cause);
		items[i].rows = (long)(load_rows(l) - before);
		before = load_rows(l);
	}
	if (rc != 0) {
		load_count_rest(l);
		load_abort(l);
	} else
		rc = load_finish(l, cause);
	if (rc != 0 && a.r != NULL)
		fts_refresh_stop(a.r);
	else if (refresh != NULL)
		*refresh = a.r;
	if (isatty(STDERR_FILENO))
		fputs("\r\033[K", stderr);
	if (rc != 0 && others > 0) {
		first = *cause;
		*cause = others == 1 ?
		    xasprintf(_("%s (and 1 more error)"), first) :
		    xasprintf(_("%s (and %lu more errors)"), first, others);
		free(first);
	}
	return rc;
}

/* Print what the import did with each file: "FILE: 2 actors imported",
 * or checked with --dry-run. */
static void
import_say(const struct import_item *items, int n, int dry_run)
{
	char *count;
	int i;

	for (i = 0; i < n; i++) {
		text_escape(stdout, items[i].path, strlen(items[i].path), "");
		count = kind_count(items[i].k, items[i].rows);
		if (dry_run)
			printf(_(": %s checked; nothing imported (--dry-run)\n"), count);
		else
			printf(_(": %s imported\n"), count);
		free(count);
	}
}

/* Import the n files, each into its kind, in one transaction with the
 * user's search index: all of them or none; with --dry-run, where nothing
 * is kept. A file of the user database made for it is removed again if
 * it fails. Each file is read once (tried in memory first, then read
 * again into the file, 400,000 records took 18 s more, and their
 * memory). */
static int
import_files(struct cli *c, struct import_item *items, int n)
{
	struct fts_refresh *refresh = NULL;
	const char *why;
	char *cause = NULL;
	int i;

	if (!c->dry_run && (why = userdb_unavailable(c->user)) != NULL) {
		cli_error(_("import: nothing can be saved: %s"), why);
		return CLI_USAGE;
	}
	if (merge_tables(c->db, 1, &cause) != 0 ||
	    (c->dry_run ? userdb_begin_trial(c->user, &cause) :
	    userdb_begin(c->user, &cause)) != 0)
		goto fail;
	for (i = 0; i < n && !c->dry_run; i++) {
		if ((items[i].after = import_last_rowid(c->db, items[i].k, &cause)) < 0)
			goto undo;
	}
	if (import_load(c->db, items, n, c->dry_run ? NULL : &refresh, &cause) != 0)
		goto undo;
	if (c->dry_run) {
		userdb_rollback(c->user);
		import_say(items, n, 1);
		return CLI_OK;
	}
	if (fts_refresh_end(c->db, refresh, &cause) != 0)
		goto undo;
	if (userdb_commit(c->user, &cause) != 0)
		goto fail;
	import_say(items, n, 0);
	return CLI_OK;

undo:
	userdb_rollback(c->user);
fail:
	userdb_unmake(c->user);
	cli_error("%s", cause);
	free(cause);
	return CLI_USAGE;
}

/* The user's rows about a record, removed with it: its claims,
 * citations and aliases, and its own links (a bloc's members, a funding's
 * parties, an event's actors). A link of another record that names it
 * keeps it (import_referrer()). */
static const char import_rm_tmpl[] =
	"INSERT OR IGNORE INTO temp.fts_changed VALUES (?1);"
	"DELETE FROM user.citation WHERE subject_id = ?1;"
	"DELETE FROM user.claim WHERE subject_id = ?1;"
	"DELETE FROM user.alias WHERE subject_id = ?1;"
	"DELETE FROM user.bloc_member WHERE bloc_id = ?1;"
	"DELETE FROM user.funding_party WHERE funding_id = ?1;"
	"DELETE FROM user.event_actor WHERE event_id = ?1;"
	"DELETE FROM user.\"%s\" WHERE \"%s\" = ?1;";

/* The references of a table of schema user: its column, and the table
 * it names. */
static const char import_fks_sql[] =
	"SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1, 'user')";

/* A row of table %2$s (of kind %1$s, its key %3$s) whose column %4$s still
 * names ?1. */
static const char import_referrer_tmpl[] =
	"SELECT '%s', %s FROM user.\"%s\" WHERE \"%s\" = ?1 LIMIT 1";

/* Whether an imported row still names id, a record of k removed in the
 * transaction: 1 with *who ("actor 'x' (parent_id)"), 0, or -1 with
 * *cause. */
static int
import_referrer(sqlite3 *db, const char *id, const struct kind *k, char **who, char **cause)
{
	const struct kind *r;
	sqlite3_stmt *fks, *stmt;
	const char *col, *table;
	char *sql;
	int found = 0;

	if (db_prepare(db, import_fks_sql, &fks, cause) != 0)
		return -1;
	for (r = kinds; r->table != NULL && found == 0; r++) {
		sqlite3_reset(fks);
		sqlite3_bind_text(fks, 1, r->table, -1, SQLITE_STATIC);
		while (found == 0 && sqlite3_step(fks) == SQLITE_ROW) {
			col = (const char *)sqlite3_column_text(fks, 0);
			table = (const char *)sqlite3_column_text(fks, 1);
			if (strcmp(table, k->table) != 0 && strcmp(table, "record") != 0)
				continue;
			sql = xasprintf(import_referrer_tmpl, r->name != NULL ? r->name :
			    r->plural, r->id, r->table, col);
			if (db_prepare(db, sql, &stmt, cause) != 0) {
				free(sql);
				found = -1;
				break;
			}
			free(sql);
			sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
			if (sqlite3_step(stmt) == SQLITE_ROW) {
				*who = xasprintf("%s '%s' (%s)", db_text(stmt, 0), db_text(stmt, 1),
				    col);
				found = 1;
			}
			sqlite3_finalize(stmt);
		}
	}
	sqlite3_finalize(fks);
	return found;
}

/* Run each statement of sql with ?1 bound to id. */
static int
import_exec_id(sqlite3 *db, const char *sql, const char *id, char **cause)
{
	sqlite3_stmt *stmt;
	const char *tail = sql;
	int rc = 0;

	while (rc == 0 && *tail != '\0') {
		if (sqlite3_prepare_v2(db, tail, -1, &stmt, &tail) != SQLITE_OK) {
			*cause = xstrdup(sqlite3_errmsg(db));
			return -1;
		}
		if (stmt == NULL)
			break;
		sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			*cause = xstrdup(sqlite3_errmsg(db));
			rc = -1;
		}
		sqlite3_finalize(stmt);
	}
	return rc;
}

/* Where record id is: 2 imported (its kind in *k), 1 bundled, 0 nowhere,
 * -1 on error. */
static int
import_where(sqlite3 *db, const char *id, const struct kind **k)
{
	sqlite3_stmt *stmt;
	int r = -1;

	if (sqlite3_prepare_v2(db, "SELECT 2, kind FROM user.record WHERE id = ?1"
	    " UNION ALL SELECT 1, kind FROM main.record WHERE id = ?1", -1, &stmt,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	switch (sqlite3_step(stmt)) {
	case SQLITE_ROW:
		r = sqlite3_column_int(stmt, 0);
		*k = kind_find((const char *)sqlite3_column_text(stmt, 1));
		break;
	case SQLITE_DONE:
		r = 0;
		break;
	}
	sqlite3_finalize(stmt);
	return r;
}

/* Read the ids of path, one a line (blank lines left out), after ids. */
static int
import_read_ids(const char *path, char ***ids, int *n, char **cause)
{
	struct csv *csv;
	char **fields;
	size_t nfields;
	int r;

	if ((csv = csv_open(path, cause)) == NULL)
		return -1;
	while ((r = csv_read(csv, &fields, &nfields, cause)) == 1) {
		if (nfields == 1 && fields[0][0] == '\0')
			continue;
		*ids = xreallocarray(*ids, (size_t)*n + 1, sizeof **ids);
		(*ids)[(*n)++] = xstrdup(fields[0]);
	}
	csv_close(csv);
	return r;
}

/* Remove imported records, all of them or (with a message) none. */
static int
import_remove(struct cli *c, int argc, char **argv)
{
	const struct kind **of = NULL;
	char **ids = NULL, *cause = NULL, *sql, *who;
	int n = 0, i, where, status = CLI_OK;

	for (i = 0; i < argc; i++) {
		ids = xreallocarray(ids, (size_t)n + 1, sizeof *ids);
		ids[n++] = xstrdup(argv[i]);
	}
	if (c->rm_file != NULL && import_read_ids(c->rm_file, &ids, &n, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		status = CLI_USAGE;
		goto out;
	}
	if (n == 0) {
		cli_error(_("import --rm: no id given"));
		status = CLI_USAGE;
		goto out;
	}
	of = xcalloc((size_t)n, sizeof *of);
	for (i = 0; i < n; i++) {
		where = import_where(c->db, ids[i], &of[i]);
		if (where == 2 && of[i] != NULL)
			continue;
		if (where == 1)
			cli_error(_("import --rm: %s is a bundled record; only the records you "
			    "imported can be removed"), ids[i]);
		else if (where == 0)
			cli_error(_("import --rm: no record you imported has the id %s"), ids[i]);
		else
			cli_error(_("import --rm: %s"), sqlite3_errmsg(c->db));
		status = CLI_USAGE;
	}
	if (status != CLI_OK || userdb_begin(c->user, &cause) != 0)
		goto fail;
	if (fts_note_changes(c->db, &cause) != 0) {
		userdb_rollback(c->user);
		goto fail;
	}
	for (i = 0; i < n; i++) {
		sql = xasprintf(import_rm_tmpl, of[i]->table, of[i]->id);
		if (import_exec_id(c->db, sql, ids[i], &cause) != 0) {
			free(sql);
			userdb_rollback(c->user);
			goto fail;
		}
		free(sql);
	}
	/* All gone, what is left must not name one: else none is removed. */
	for (i = 0; i < n && status == CLI_OK; i++) {
		switch (import_referrer(c->db, ids[i], of[i], &who, &cause)) {
		case 1:
			cli_error(_("import --rm: %s is still named by %s: remove that first, "
			    "or both at once"), ids[i], who);
			free(who);
			status = CLI_USAGE;
			break;
		case -1:
			status = CLI_USAGE;
			break;
		}
	}
	if (status != CLI_OK || fts_refresh_user(c->db, &cause) != 0) {
		userdb_rollback(c->user);
		goto fail;
	}
	if (userdb_commit(c->user, &cause) != 0)
		goto fail;
	printf(ngettext("%d record removed\n", "%d records removed\n", n), n);
	goto out;

fail:
	if (cause != NULL) {
		cli_error("%s", cause);
		free(cause);
	}
	status = CLI_USAGE;
out:
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	free(of);
	return status;
}

/* The kind a file's name says: a data directory's name for it
 * (bloc_members.csv), or without .csv or .json a kind as list's KIND or a
 * table of links names it (actors, funding.json, bloc-members.csv); NULL
 * if none may be imported. */
static const struct kind *
import_kind_of_name(const char *path)
{
	const struct kind *k;
	const char *base = strrchr(path, '/');
	char *name, *dot;

	base = base != NULL ? base + 1 : path;
	for (k = kinds; k->table != NULL; k++) {
		if (k->file != NULL && strcmp(k->file, base) == 0)
			break;
	}
	if (k->table == NULL) {
		name = xstrdup(base);
		if ((dot = strrchr(name, '.')) != NULL &&
		    (strcmp(dot, ".csv") == 0 || strcmp(dot, ".json") == 0))
			*dot = '\0';
		k = kind_find(name);
		free(name);
	}
	return k != NULL && k->table != NULL && k->file != NULL && !k->bundled ? k : NULL;
}

/* Import files of records, or remove imported ones. */
int
cmd_import(struct cli *c, int argc, char **argv)
{
	struct import_item *items;
	const struct kind *k = NULL;
	int i, status;

	if (c->rm || c->rm_file != NULL) {
		if (c->into != NULL || c->dry_run || (!c->rm && argc > 0)) {
			cli_error(_("usage: aiatlas import --rm ID... | import --rm-file FILE"));
			return CLI_USAGE;
		}
		return import_remove(c, argc, argv);
	}
	if (argc < 1) {
		cli_error(_("usage: aiatlas import FILE... [--into KIND] [--dry-run]"));
		return CLI_USAGE;
	}
	if (c->into != NULL &&
	    ((k = kind_find(c->into)) == NULL || k->file == NULL || k->bundled)) {
		cli_error(_("import: unknown kind '%s'; kinds: %s"), c->into, kind_list_names());
		return CLI_USAGE;
	}
	items = xcalloc((size_t)argc, sizeof *items);
	for (i = 0; i < argc; i++) {
		items[i].path = argv[i];
		if ((items[i].k = k != NULL ? k : import_kind_of_name(argv[i])) == NULL) {
			cli_error(_("import: %s: its name says no kind: name it after one"
			    " (actors.csv) or give --into KIND; kinds: %s"), argv[i],
			    kind_list_names());
			free(items);
			return CLI_USAGE;
		}
	}
	status = import_files(c, items, argc);
	free(items);
	return status;
}
