/* The merged views: the bundled records and the user's read as one. */
#include "config.h"
#include "merge.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "kind.h"
#include "xmalloc.h"

/*
 * Every module reads the record tables by their bare names. A TEMP view
 * named like a table comes first when SQLite looks a bare name up (schema
 * temp is searched before main), so each record table gets one that is
 * main's rows then user's, and lists, search, filters, compare, timeline
 * and show read both without knowing it. main's own views (record_label,
 * disputed) read main's tables only, whatever the temp schema holds: they
 * are made again in temp, where their bare names find the merged views.
 * Writes name their schema (user.actor), so they never reach a view.
 *
 * The views are made only when the user has records of their own: without
 * any, the bare names find main's tables, as fast as before, and nothing
 * reads schema user, which can then be swapped for the file on the first
 * save (userdb.c) even while a list is open.
 *
 * The full-text index of the user's records is kept in the user's file
 * (user.user_fts and the tables beside it), made by a step of its schema
 * (userdb-schema.c) with the bundled schema's definitions (same
 * tokenizers, merge_search_tables()) and brought in step with the records
 * by each import and removal, in its transaction (fts_refresh_user()):
 * opening a file of many records reads no more of it than opening one of
 * few. Search reads both indexes when the merged views are made
 * (merge_mine(), fts.h).
 */

/* The table of record ids, which no kind's row names. */
static const char merge_record_sql[] =
	"CREATE TEMP VIEW IF NOT EXISTS record AS SELECT * FROM main.record UNION ALL SELECT * FROM user.record";

/* A kind's table, main's rows then the user's. */
static const char merge_kind_tmpl[] =
	"CREATE TEMP VIEW IF NOT EXISTS $t AS SELECT * FROM main.$t UNION ALL SELECT * FROM user.$t;";

/* The text regular expressions are matched against, main's and the
 * user's. */
static const char merge_text_sql[] =
	"CREATE TEMP VIEW IF NOT EXISTS record_text AS"
	" SELECT * FROM main.record_text UNION ALL SELECT * FROM user.user_text";

/* The search tables of a database made from data/schema.sql, and main's
 * views, as main made them. */
static const char merge_search_sql[] =
	"SELECT name, sql FROM main.sqlite_schema"
	" WHERE name IN ('record_fts', 'record_text', 'record_tri', 'record_word', 'record_name')"
	" ORDER BY rowid";
static const char merge_schema_sql[] =
	"SELECT name, sql FROM main.sqlite_schema WHERE type = 'view' ORDER BY rowid";

/* Whether the user has records of their own. */
static const char merge_mine_sql[] = "SELECT 1 FROM user.record LIMIT 1";

/* What a search table of main is called in schema user, for the user's
 * records. */
static const struct {
	const char	*main;
	const char	*user;
} merge_search_names[] = {
	{ "record_fts", "user_fts" },
	{ "record_text", "user_text" },
	{ "record_tri", "user_tri" },
	{ "record_word", "user_word" },
	{ "record_name", "user_name" },
	{ NULL, NULL }
};

/* sql with every whole-word from replaced by to; freed by the caller. */
static char *
merge_replace(const char *sql, const char *from, const char *to)
{
	size_t n = strlen(from), out = 0;
	const char *p, *hit;
	char *copy = xmalloc(strlen(sql) * (strlen(to) + 1) + 1);

	for (p = sql; (hit = strstr(p, from)) != NULL; p = hit + n) {
		memcpy(copy + out, p, (size_t)(hit - p));
		out += (size_t)(hit - p);
		if ((hit > sql && (hit[-1] == '_' || (hit[-1] >= 'a' && hit[-1] <= 'z'))) ||
		    hit[n] == '_' || (hit[n] >= 'a' && hit[n] <= 'z')) {
			memcpy(copy + out, hit, n);
			out += n;
		} else {
			memcpy(copy + out, to, strlen(to));
			out += strlen(to);
		}
	}
	strcpy(copy + out, p);
	return copy;
}

/* Make one of main's views again in schema (temp), or one of its search
 * tables there (user) under its name for the user's records. */
static int
merge_copy(sqlite3 *db, const char *schema, const char *name, const char *sql, char **cause)
{
	static const char *const prefixes[] = {
		"CREATE VIEW ", "CREATE TABLE ", "CREATE VIRTUAL TABLE ", NULL
	};
	const char *const *p;
	char *copy, *t;
	int i, r;

	for (p = prefixes; *p != NULL && strncmp(sql, *p, strlen(*p)) != 0; p++)
		;
	if (*p == NULL) {
		*cause = xasprintf("cannot copy '%s' of the database's schema", name);
		return -1;
	}
	copy = xasprintf("%.*sIF NOT EXISTS %s.%s", (int)strlen(*p), sql, schema,
	    sql + strlen(*p));
	/* The search tables' names, and the one naming another as content. */
	for (i = 0; merge_search_names[i].main != NULL; i++) {
		t = merge_replace(copy, merge_search_names[i].main, merge_search_names[i].user);
		free(copy);
		copy = t;
	}
	r = db_exec(db, copy, cause);
	free(copy);
	return r;
}

/* Copy each statement of from's main schema that sql selects (name, sql)
 * into db's schema. */
static int
merge_copy_all(sqlite3 *db, sqlite3 *from, const char *schema, const char *sql,
    char **cause)
{
	sqlite3_stmt *stmt;
	int r = 0, rc;

	if (db_prepare(from, sql, &stmt, cause) != 0)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && r == 0)
		r = merge_copy(db, schema, db_text(stmt, 0), db_text(stmt, 1), cause);
	if (r == 0 && rc != SQLITE_DONE) {
		*cause = xstrdup(sqlite3_errmsg(from));
		r = -1;
	}
	sqlite3_finalize(stmt);
	return r;
}

/* The ids of the user's records, which lists mark and mine:yes keeps
 * (RECORD_MINE()): without any, an empty table of its own, so that
 * nothing reads schema user; with some, a view of the user's table of
 * records, whose key each lookup seeks in. */
static const char merge_mine_table_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS mine (id TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID";
static const char merge_mine_view_sql[] =
	"DROP TABLE temp.mine; CREATE TEMP VIEW mine AS SELECT id FROM user.record";

/* Make the table of the ids of the user's records, empty. */
int
merge_open(sqlite3 *db, char **cause)
{
	return db_exec(db, merge_mine_table_sql, cause);
}

/* Make the full-text tables of the user's records in schema user, as
 * data/schema.sql makes main's (whatever main is), empty. */
int
merge_search_tables(sqlite3 *db, char **cause)
{
	sqlite3 *bundled;
	int r;

	if ((bundled = db_create(":memory:", cause)) == NULL)
		return -1;
	r = merge_copy_all(db, bundled, "user", merge_search_sql, cause);
	db_close(bundled);
	return r;
}

/* Whether the merged views are made. */
int
merge_mine(sqlite3 *db)
{
	sqlite3_stmt *stmt;
	int made;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM temp.sqlite_schema WHERE type = 'view'"
	    " AND name = 'record'", -1, &stmt, NULL) != SQLITE_OK)
		return 0;
	made = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return made;
}

/* Make the merged views, if the user has records or always. */
int
merge_tables(sqlite3 *db, int always, char **cause)
{
	sqlite3_stmt *stmt;
	char *sql;
	int r, mine;

	if (db_prepare(db, merge_mine_sql, &stmt, cause) != 0)
		return -1;
	mine = always || sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	if (!mine)
		return 0;
	/* Made already (an import makes them before and after its trial). */
	if (merge_mine(db))
		return 0;
	sql = kind_each(merge_kind_tmpl, "", KIND_MERGED);
	r = db_exec(db, merge_mine_view_sql, cause) == 0 &&
	    db_exec(db, merge_record_sql, cause) == 0 && db_exec(db, sql, cause) == 0 &&
	    merge_copy_all(db, db, "temp", merge_schema_sql, cause) == 0 &&
	    db_exec(db, merge_text_sql, cause) == 0 ? 0 : -1;
	free(sql);
	return r;
}
