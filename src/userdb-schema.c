/* The versions of the user database's schema and the steps between them. */
#include "config.h"
#include "userdb-schema.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "fts.h"
#include "i18n.h"
#include "merge.h"
#include "strbuf.h"
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
 * ALTER TABLE user.x ...) for the user databases made before it. Such a
 * step finds the table already changed when step 2 has just made it.
 */

/* The record tables of the bundled schema, their indexes and triggers, as
 * data/schema.sql makes them; the full-text index is left out (virtual
 * tables and their shadow tables), and so are the indexes of the lists'
 * orders (named *_order) unless named, which step 8 makes. ?1 keeps one
 * table's statements (NULL: every table's), ?2 its CREATE TABLE (1) or
 * the rest (0) (NULL: both), ?3 the object of that name (NULL: any). */
static const char userdb_schema_records_sql[] =
	"SELECT s.name, s.sql FROM sqlite_schema AS s"
	" WHERE s.sql IS NOT NULL AND s.type IN ('table', 'index', 'trigger')"
	"   AND (s.type <> 'index' OR s.name NOT LIKE '%\\_order' ESCAPE '\\' OR s.name = ?3)"
	"   AND s.tbl_name IN (SELECT name FROM pragma_table_list"
	"     WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\')"
	"   AND (?1 IS NULL OR s.tbl_name = ?1) AND (?2 IS NULL OR (s.type = 'table') = ?2)"
	"   AND (?3 IS NULL OR s.name = ?3)"
	" ORDER BY s.rowid";

/* Step 3: whether user.actor has its place (made by step 2 from today's
 * schema). */
static const char userdb_schema_has_place_sql[] =
	"SELECT 1 FROM pragma_table_info('actor', 'user') WHERE name = 'place'";
/* The columns a table's rows keep as it is made again (?1): the new
 * table's written columns (not computed) that the copy of its rows has. */
static const char userdb_schema_kept_columns_sql[] =
	"SELECT group_concat('\"' || name || '\"', ', ') FROM pragma_table_xinfo(?1, 'user')"
	" WHERE hidden = 0 AND name IN (SELECT name FROM pragma_table_info('userdb_copy', 'temp'))";

/* Run one statement of the bundled schema in schema user: "CREATE TABLE
 * x" becomes "CREATE TABLE user.x" (the rest of it, ON x and a trigger's
 * body, then names tables of schema user too). */
static int
userdb_schema_copy(sqlite3 *db, const char *name, const char *sql, char **cause)
{
	char *copy;
	int r;

	if ((copy = db_schema_statement("user", name, NULL, sql)) == NULL) {
		*cause = xasprintf(_("cannot copy '%s' of the bundled schema"), name);
		return -1;
	}
	r = db_exec(db, copy, cause);
	free(copy);
	return r;
}

/* Run in schema user the statements of data/schema.sql's record tables,
 * read from a new database made with it: table's (NULL: every table's),
 * and of those its CREATE TABLE (which 1), the rest (0) or both (-1);
 * with name, only the object of that name. */
static int
userdb_schema_replay(sqlite3 *db, const char *table, int which, const char *name,
    char **cause)
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
	if (table != NULL)
		sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	if (which >= 0)
		sqlite3_bind_int(stmt, 2, which);
	if (name != NULL)
		sqlite3_bind_text(stmt, 3, name, -1, SQLITE_STATIC);
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

/* Step 2's record tables: those of data/schema.sql, for the records a
 * user imports. */
static int
userdb_schema_records(sqlite3 *db, char **cause)
{
	return userdb_schema_replay(db, NULL, -1, NULL, cause);
}

/* The first column of the first row of sql with ?1 bound to table and ?2
 * to schema, as a string to free; NULL for none or on error (*cause set
 * then). */
static char *
userdb_schema_text(sqlite3 *db, const char *sql, const char *table, const char *schema,
    char **cause)
{
	sqlite3_stmt *stmt;
	char *text = NULL;
	int rc;

	if (db_prepare(db, sql, &stmt, cause) != 0)
		return NULL;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, schema, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != NULL)
		text = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*cause = xstrdup(sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	return text;
}

/* Make user.table again, its rows kept: copied aside, the table dropped
 * and made from make (its statement in the bundled schema; NULL: read
 * from a bundled schema made for it), the rows put back in the columns
 * both have. A CHECK cannot be altered. Dropping the table drops its
 * indexes and triggers, which the caller makes again (after the rows,
 * which the record table already lists). */
static int
userdb_schema_refill(sqlite3 *db, const char *table, const char *make, char **cause)
{
	char *sql, *columns;
	int r;

	sql = xasprintf("CREATE TEMP TABLE userdb_copy AS SELECT * FROM user.\"%s\";"
	    "DROP TABLE user.\"%s\"", table, table);
	r = db_exec(db, sql, cause);
	free(sql);
	if (r != 0 || (make != NULL ? userdb_schema_copy(db, table, make, cause) :
	    userdb_schema_replay(db, table, 1, NULL, cause)) != 0)
		return -1;
	if ((columns = userdb_schema_text(db, userdb_schema_kept_columns_sql, table, NULL,
	    cause)) == NULL) {
		if (*cause == NULL)
			*cause = xasprintf(_("cannot read the columns of the user's table '%s'"),
			    table);
		return -1;
	}
	sql = xasprintf("INSERT INTO user.\"%s\" (%s) SELECT %s FROM temp.userdb_copy;"
	    "DROP TABLE temp.userdb_copy", table, columns, columns);
	r = db_exec(db, sql, cause);
	free(sql);
	free(columns);
	return r;
}

/* Step 3: actors gain a place and a region, and the kinds supercomputer
 * and data_centre: user.actor is made again from today's schema, its rows
 * kept, then its indexes and triggers. */
static int
userdb_schema_actor_places(sqlite3 *db, char **cause)
{
	sqlite3_stmt *stmt;
	int r;

	if (db_prepare(db, userdb_schema_has_place_sql, &stmt, cause) != 0)
		return -1;
	r = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (r == SQLITE_ROW)
		return 0;
	if (userdb_schema_refill(db, "actor", NULL, cause) != 0)
		return -1;
	return userdb_schema_replay(db, "actor", 0, NULL, cause);
}

/* Step 4: record_text holds each record's names, aliases and text in
 * columns, which the full-text index reads (it was id and text). The
 * user's is never filled (the index of the user's records is made in
 * temp, from their tables), so it is made again from today's schema. */
static int
userdb_schema_text_columns(sqlite3 *db, char **cause)
{
	if (db_exec(db, "DROP TABLE IF EXISTS user.record_text", cause) != 0)
		return -1;
	return userdb_schema_replay(db, "record_text", -1, NULL, cause);
}

/* Drop index name of schema user, if it has one. */
static int
userdb_schema_drop_index(sqlite3 *db, const char *name, char **cause)
{
	char *sql = xasprintf("DROP INDEX IF EXISTS user.\"%s\"", name);
	int r = db_exec(db, sql, cause);

	free(sql);
	return r;
}

/* Make each index of names again as data/schema.sql makes it, dropping
 * the one schema user has (old, or just made by step 2). */
static int
userdb_schema_remake_indexes(sqlite3 *db, const char *const *names, char **cause)
{
	const char *const *name;

	for (name = names; *name != NULL; name++) {
		if (userdb_schema_drop_index(db, *name, cause) != 0 ||
		    userdb_schema_replay(db, NULL, 0, *name, cause) != 0)
			return -1;
	}
	return 0;
}

/* Step 5: a place's actors, funding and events are indexed in the order
 * its record shows them (data/schema.sql), in place of the indexes of the
 * place alone, which were their first columns; the indexes of a column
 * the lists sort by are on (column, id). Each is dropped, the old or the
 * one step 2 has just made, then made as data/schema.sql makes it. */
static int
userdb_schema_place_orders(sqlite3 *db, char **cause)
{
	static const char *const gone[] = {
		"actor_country", "funding_country", "funding_bloc", "event_country",
		"event_bloc", NULL
	};
	static const char *const made[] = {
		"actor_country_name", "actor_country_name_fr", "funding_country_date",
		"funding_bloc_date", "event_country_date", "event_bloc_date", "actor_kind",
		"funding_kind", "actor_parent", "funding_recipient", "funding_parent", NULL
	};
	const char *const *name;

	for (name = gone; *name != NULL; name++) {
		if (userdb_schema_drop_index(db, *name, cause) != 0)
			return -1;
	}
	return userdb_schema_remake_indexes(db, made, cause);
}

/* Step 6: the full-text index of the user's records is kept in the file,
 * made as main's is and filled from the records there (it was made in
 * temp at each start, which took as long as the records were many). */
static int
userdb_schema_search(sqlite3 *db, char **cause)
{
	if (merge_search_tables(db, cause) != 0)
		return -1;
	return fts_build_user(db, cause);
}

/* Step 7: actors' names are indexed in the collation fold, case and
 * accents aside, the order the lists show them in (data/schema.sql). */
static int
userdb_schema_name_collation(sqlite3 *db, char **cause)
{
	static const char *const made[] = {
		"actor_name", "actor_name_fr", "actor_country_name", "actor_country_name_fr",
		NULL
	};

	return userdb_schema_remake_indexes(db, made, cause);
}

/* Step 8: the indexes of the lists' orders, (column, id) for each column
 * the actors' and funding lists sort by (data/schema.sql, *_order): with
 * many records of the user's own, a sort by one of those columns read
 * every row and sorted it (a million: 140 to 290 ms a key). */
static int
userdb_schema_list_orders(sqlite3 *db, char **cause)
{
	static const char *const made[] = {
		"actor_country_order", "actor_sector_order", "actor_place_order",
		"actor_founded_order", "funding_title_order", "funding_title_fr_order",
		"funding_status_order", "funding_amount_order", NULL
	};

	return userdb_schema_remake_indexes(db, made, cause);
}

/* Step 9: the index of actors' names holds the other columns of their
 * list (data/schema.sql), which is then read from the index alone. */
static int
userdb_schema_list_names(sqlite3 *db, char **cause)
{
	static const char *const made[] = { "actor_name", NULL };

	return userdb_schema_remake_indexes(db, made, cause);
}

/* Step 10: the record tables' statements in schema user and in the
 * bundled schema (?1: a table), its indexes and triggers in schema user,
 * and its columns (in schema ?2). */
static const char userdb_schema_table_sql[] =
	"SELECT sql FROM user.sqlite_schema WHERE type = 'table' AND name = ?1";
static const char userdb_schema_on_table_sql[] =
	"SELECT name, sql FROM user.sqlite_schema"
	" WHERE type IN ('index', 'trigger') AND tbl_name = ?1 AND sql IS NOT NULL"
	" ORDER BY rowid";
static const char userdb_schema_columns_sql[] =
	"SELECT group_concat(name || ' ' || type || ' ' || \"notnull\" || ' '"
	" || coalesce(dflt_value, '') || ' ' || pk || ' ' || hidden, ', ')"
	" FROM pragma_table_xinfo(?1, ?2)";
/* Make user.table again from its statement in the bundled schema (make),
 * its rows kept, then its indexes and triggers as it had them. */
static int
userdb_schema_remake_table(sqlite3 *db, const char *table, const char *make, char **cause)
{
	struct strbuf after = { 0 };
	sqlite3_stmt *stmt;
	char *copy;
	int r;

	/* What the table has on it, made again as it is. */
	if (db_prepare(db, userdb_schema_on_table_sql, &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		if ((copy = db_schema_statement("user", db_text(stmt, 0), NULL,
		    db_text(stmt, 1))) != NULL) {
			strbuf_addf(&after, "%s;", copy);
			free(copy);
		}
	}
	sqlite3_finalize(stmt);
	r = userdb_schema_refill(db, table, make, cause) != 0 ? -1 :
	    db_exec(db, after.s != NULL ? after.s : "", cause);
	free(after.s);
	return r;
}

/* Whether user.table and the bundled one (main.table of bundled) have
 * the same columns, each of the same type, constraint of NOT NULL,
 * default and place in the key: 1, 0, or -1 with *cause. */
static int
userdb_schema_same_columns(sqlite3 *db, sqlite3 *bundled, const char *table, char **cause)
{
	char *mine, *theirs;
	int same;

	if ((mine = userdb_schema_text(db, userdb_schema_columns_sql, table, "user",
	    cause)) == NULL && *cause != NULL)
		return -1;
	if ((theirs = userdb_schema_text(bundled, userdb_schema_columns_sql, table, "main",
	    cause)) == NULL && *cause != NULL) {
		free(mine);
		return -1;
	}
	same = mine != NULL && theirs != NULL && strcmp(mine, theirs) == 0;
	free(mine);
	free(theirs);
	return same;
}

/* Step 10: the values a column may take are checked as comparisons, not
 * as an IN list (data/schema.sql): each record table of the user's whose
 * statement is not the bundled one, but whose columns are, is made again
 * from it (one changed otherwise is left, and refused once opened). */
static int
userdb_schema_checks(sqlite3 *db, char **cause)
{
	sqlite3 *bundled;
	sqlite3_stmt *stmt;
	const char *table;
	char *mine;
	int r = 0, rc = SQLITE_DONE;

	if ((bundled = db_create(":memory:", cause)) == NULL)
		return -1;
	if (db_prepare(bundled, userdb_schema_records_sql, &stmt, cause) != 0) {
		db_close(bundled);
		return -1;
	}
	sqlite3_bind_int(stmt, 2, 1);
	while (r == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		table = db_text(stmt, 0);
		mine = userdb_schema_text(db, userdb_schema_table_sql, table, NULL, cause);
		if (mine == NULL && *cause != NULL)
			r = -1;
		else if (mine != NULL && strcmp(mine, db_text(stmt, 1)) != 0 &&
		    (r = userdb_schema_same_columns(db, bundled, table, cause)) == 1)
			r = userdb_schema_remake_table(db, table, db_text(stmt, 1), cause);
		free(mine);
		if (r > 0)
			r = 0;
	}
	if (r == 0 && rc != SQLITE_DONE) {
		*cause = xstrdup(sqlite3_errmsg(bundled));
		r = -1;
	}
	sqlite3_finalize(stmt);
	db_close(bundled);
	return r;
}

/* The steps: the SQL each runs in schema user (or NULL), then what it
 * makes in code. */
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
	/* 3: actors' place and region, and two more kinds of actor. */
	{ NULL, userdb_schema_actor_places },
	/* 4: record_text in columns. */
	{ NULL, userdb_schema_text_columns },
	/* 5: indexes in the order records and lists show their rows. */
	{ NULL, userdb_schema_place_orders },
	/* 6: the full-text index of the user's records. */
	{ NULL, userdb_schema_search },
	/* 7: names indexed as people read them. */
	{ NULL, userdb_schema_name_collation },
	/* 8: the indexes of the lists' orders. */
	{ NULL, userdb_schema_list_orders },
	/* 9: the list of actors read from the index of their names. */
	{ NULL, userdb_schema_list_names },
	/* 10: a column's values checked without an IN list. */
	{ NULL, userdb_schema_checks },
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
		if ((step->sql != NULL && db_exec(db, step->sql, cause) != 0) ||
		    (step->make != NULL && step->make(db, cause) != 0))
			return -1;
	}
	sql = xasprintf("PRAGMA user.user_version = %d", USERDB_SCHEMA_VERSION);
	r = db_exec(db, sql, cause);
	free(sql);
	return r;
}
