/* Unit tests of the user database: made on the first write and never on a
 * read, its versions and the migration of today's files, what it refuses
 * untouched, its journal, and writes kept whole or not at all. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "match.h"
#include "saved-filter.h"
#include "strbuf.h"
#include "tap.h"
#include "userdb.h"
#include "userdb-schema.h"
#include "xmalloc.h"

/* USERDB_SCHEMA_VERSION as PRAGMA user_version reads it. */
#define USERDB_VERSION_STR(v)	#v
#define USERDB_VERSION_OF(v)	USERDB_VERSION_STR(v)
#define USERDB_VERSION_TEXT	USERDB_VERSION_OF(USERDB_SCHEMA_VERSION)

static char *dir;

/* A path in the scratch directory. */
static char *
path_of(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* A main connection as the program has one: in memory, taking file: URIs,
 * with fold(), which the index of the user's records is made with. */
static sqlite3 *
main_open(void)
{
	sqlite3 *db;

	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI,
	    NULL) != SQLITE_OK)
		bail_out("cannot open a database in memory");
	match_register(db);
	return db;
}

/* Run SQL on a file through a connection of its own, with the collation
 * of the schema's indexes of names, or stop. */
static void
file_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	char *cause = NULL;

	if (sqlite3_open(path, &db) == SQLITE_OK)
		match_register(db);
	if (db_exec(db, sql, &cause) != 0)
		bail_out("%s: %s", path, cause != NULL ? cause : sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* The first column of the first row of sql, as text ("" if none). */
static char *
query(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt;
	char *s;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return xasprintf("error: %s", sqlite3_errmsg(db));
	s = xstrdup(sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != NULL ?
	    (const char *)sqlite3_column_text(stmt, 0) : "");
	sqlite3_finalize(stmt);
	return s;
}

/* The steps of sql's plan, as EXPLAIN QUERY PLAN words them, one a line. */
static char *
query_plan(sqlite3 *db, const char *sql)
{
	struct strbuf sb = { 0 };
	sqlite3_stmt *stmt;
	char *explain = xasprintf("EXPLAIN QUERY PLAN %s", sql);

	if (sqlite3_prepare_v2(db, explain, -1, &stmt, NULL) != SQLITE_OK) {
		free(explain);
		return xasprintf("error: %s", sqlite3_errmsg(db));
	}
	while (sqlite3_step(stmt) == SQLITE_ROW)
		strbuf_addf(&sb, "%s%s", sb.len > 0 ? "\n" : "",
		    (const char *)sqlite3_column_text(stmt, 3));
	sqlite3_finalize(stmt);
	free(explain);
	return strbuf_finish(&sb);
}

/* Whether the query's text is want. */
static void
is_query(sqlite3 *db, const char *sql, const char *want, const char *what)
{
	char *got = query(db, sql);

	is_str(got, want, "%s", what);
	free(got);
}

/* The whole content of a file, for comparisons; *size gets its length. */
static char *
slurp(const char *path, long *size)
{
	FILE *fp = fopen(path, "rb");
	char *buf;

	if (fp == NULL)
		bail_out("%s: cannot read", path);
	fseek(fp, 0, SEEK_END);
	*size = ftell(fp);
	rewind(fp);
	buf = xmalloc(*size + 1);
	if (fread(buf, 1, *size, fp) != (size_t)*size)
		bail_out("%s: short read", path);
	fclose(fp);
	return buf;
}

/* A file of today's format, as the program before versions wrote it,
 * opens with its saved filters, at the current version. */
static void
test_migration(void)
{
	char *path = path_of("old.db"), *cause = NULL, *kind = NULL, *expr = NULL, *want;
	sqlite3 *db = main_open();
	struct userdb *u;

	/* The statements of the program before versions, word for word. */
	file_exec(path, "CREATE TABLE IF NOT EXISTS saved_filter ("
	    " name TEXT NOT NULL PRIMARY KEY,"
	    " kind TEXT NOT NULL,"
	    " expr TEXT NOT NULL,"
	    " saved_on TEXT NOT NULL);"
	    "INSERT OR REPLACE INTO saved_filter (name, kind, expr, saved_on)"
	    " VALUES ('big', 'funding', 'amount>=1bn', '2026-01-02T03:04:05Z')");
	u = userdb_open(db, path, NULL, &cause);
	ok(u != NULL, "a user database of today's format opens%s%s", cause ? ": " : "",
	    cause ? cause : "");
	if (u == NULL)
		bail_out("cannot go on");
	is_int(saved_filter_load(u, "big", &kind, &expr, &cause), 1,
	    "its saved filter is still there");
	is_str(expr, "amount>=1bn", "with its expression");
	is_str(kind, "funding", "and its kind");
	want = xasprintf("%d", USERDB_SCHEMA_VERSION);
	is_query(db, "PRAGMA user.user_version", want, "it is now at the current version");
	is_query(db, "SELECT group_concat(name, ' ') FROM (SELECT name FROM user.sqlite_schema"
	    " WHERE name IN ('note', 'bookmark', 'actor', 'funding', 'citation') ORDER BY name)",
	    "actor bookmark citation funding note", "with the tables of notes, bookmarks and records");
	is_query(db, "PRAGMA user.journal_mode", "wal", "in WAL mode");
	userdb_free(u);
	sqlite3_close(db);
	free(want);
	free(kind);
	free(expr);
	free(path);
}

/* The indexes of a schema table (sqlite_schema, user.sqlite_schema) that
 * cond keeps, by name, each as "name: CREATE INDEX ...". */
#define INDEXES_WHERE(table, cond) \
	"SELECT group_concat(name || ': ' || sql, '; ') FROM (SELECT name, sql" \
	" FROM " table " WHERE type = 'index' AND " cond " ORDER BY name)"

/* Open the user database at path, of version from, and a database with
 * the bundled schema in *bundled: it is brought to the current version. */
static sqlite3 *
migrated_open(const char *path, int from, sqlite3 **bundled, struct userdb **u)
{
	char *cause = NULL, *what;
	sqlite3 *db = main_open();

	if ((*bundled = db_create(":memory:", &cause)) == NULL ||
	    (*u = userdb_open(db, path, NULL, &cause)) == NULL)
		bail_out("%s", cause);
	what = xasprintf("a user database of version %d is brought to the current version", from);
	is_query(db, "PRAGMA user.user_version", USERDB_VERSION_TEXT, what);
	free(what);
	return db;
}

/* Close a connection, the one with the bundled schema beside it, and the
 * user database. */
static void
close_opened(sqlite3 *db, sqlite3 *bundled, struct userdb *u)
{
	userdb_free(u);
	sqlite3_close(db);
	sqlite3_close(bundled);
}

/* Check that the tables of schema user named in tables (an SQL list),
 * their indexes and triggers, are made by the same statements as those of
 * the bundled schema (in bundled). */
static void
is_bundled_objects(sqlite3 *db, sqlite3 *bundled, const char *tables, const char *what)
{
	static const char tmpl[] = "SELECT group_concat(type || ' ' || sql, '; ') FROM"
	    " (SELECT * FROM %ssqlite_schema WHERE tbl_name IN (%s) ORDER BY type, name)";
	char *sql, *mine, *theirs;

	sql = xasprintf(tmpl, "", tables);
	theirs = query(bundled, sql);
	free(sql);
	sql = xasprintf(tmpl, "user.", tables);
	mine = query(db, sql);
	free(sql);
	is_str(mine, theirs, "%s", what);
	free(mine);
	free(theirs);
}

/* The record tables of the user database are those of the bundled schema,
 * with their triggers. */
static void
test_records(void)
{
	sqlite3 *db = main_open(), *bundled;
	struct userdb *u;
	char *cause = NULL, *mine, *theirs;

	if ((bundled = db_create(":memory:", &cause)) == NULL ||
	    (u = userdb_open(db, NULL, "none", &cause)) == NULL)
		bail_out("%s", cause);
	theirs = query(bundled, "SELECT group_concat(name || ' ' || type, ', ')"
	    " FROM pragma_table_xinfo('funding')");
	mine = query(db, "SELECT group_concat(name || ' ' || type, ', ')"
	    " FROM pragma_table_xinfo('funding', 'user')");
	is_str(mine, theirs, "user.funding has the columns of the bundled funding table");
	ok(db_exec(db, "INSERT INTO user.source (id, title, lang, kind)"
	    " VALUES ('my-notes', 'My notes', 'en', 'report')", &cause) == 0,
	    "a source goes into the user's tables");
	is_query(db, "SELECT kind FROM user.record WHERE id = 'my-notes'", "source",
	    "and is a record there, as in the bundled database");
	ok(db_exec(db, "INSERT INTO user.source (id, title, lang, kind)"
	    " VALUES ('Bad Id', 'x', 'en', 'report')", NULL) != 0,
	    "the bundled schema's rules hold (a bad id is refused)");
	close_opened(db, bundled, u);
	free(mine);
	free(theirs);
}

/* A user database file named name made by today's program, with a saved
 * filter ("firms": kind:company); its path. */
static char *
saved_file(const char *name)
{
	char *path = path_of(name), *cause = NULL;
	sqlite3 *db = main_open();
	struct userdb *u;

	if ((u = userdb_open(db, path, NULL, &cause)) == NULL ||
	    saved_filter_save(u, "firms", "actors", "kind:company", &cause) != 0)
		bail_out("%s", cause);
	userdb_free(u);
	sqlite3_close(db);
	return path;
}

/* A user database of version 2 gains actors' place and region, and the
 * new kinds: its actors are kept, and user.actor is then as the bundled
 * schema makes it, with its indexes and triggers. */
static void
test_actor_places(void)
{
	char *path = saved_file("v2.db"), *cause = NULL;
	sqlite3 *db, *bundled;
	struct userdb *u;

	/* user.actor as version 2 made it, data/schema.sql's of that time, and
	 * its row in the table of records, as its trigger wrote it. */
	file_exec(path, "DROP TABLE actor;"
	    "CREATE TABLE actor (\n"
	    "  id          TEXT NOT NULL PRIMARY KEY\n"
	    "    CONSTRAINT \"id: lowercase letters, digits and hyphens\"\n"
	    "    CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),\n"
	    "  name        TEXT NOT NULL CONSTRAINT \"name: not empty\" CHECK (length(trim(name)) > 0),\n"
	    "  name_fr     TEXT NOT NULL CONSTRAINT \"name_fr: not empty\" CHECK (length(trim(name_fr)) > 0),\n"
	    "  kind        TEXT NOT NULL\n"
	    "    CONSTRAINT \"kind: one of company, state, public_body, fund, person, infrastructure, model, regulation, initiative\"\n"
	    "    CHECK (kind IN ('company', 'state', 'public_body', 'fund', 'person',\n"
	    "                    'infrastructure', 'model', 'regulation', 'initiative')),\n"
	    "  country     TEXT REFERENCES country(iso3),\n"
	    "  -- for an actor that belongs to a bloc rather than to one country\n"
	    "  -- (the European Commission, the AI Act)\n"
	    "  bloc_id     TEXT REFERENCES bloc(id),\n"
	    "  sector      TEXT\n"
	    "    CONSTRAINT \"sector: one of private, public, public_private, academic, nonprofit\"\n"
	    "    CHECK (sector IS NULL OR sector IN ('private', 'public', 'public_private', 'academic', 'nonprofit')),\n"
	    "  parent_id   TEXT REFERENCES actor(id)\n"
	    "    CONSTRAINT \"parent_id: not the actor itself\" CHECK (parent_id IS NULL OR parent_id <> id),\n"
	    "  founded_on  TEXT\n"
	    "    CONSTRAINT \"founded_on: a date YYYY, YYYY-MM or YYYY-MM-DD\"\n"
	    "    CHECK (founded_on IS NULL\n"
	    "           OR (length(founded_on) = 4 AND founded_on GLOB '[0-9][0-9][0-9][0-9]')\n"
	    "           OR (length(founded_on) = 7 AND date(founded_on || '-01', '+0 days') IS founded_on || '-01')\n"
	    "           OR (length(founded_on) = 10 AND date(founded_on, '+0 days') IS founded_on)),\n"
	    "  founded_precision TEXT GENERATED ALWAYS AS\n"
	    "    (CASE length(founded_on) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day' END) VIRTUAL,\n"
	    "  summary_en  TEXT NOT NULL CONSTRAINT \"summary_en: not empty\" CHECK (length(trim(summary_en)) > 0),\n"
	    "  summary_fr  TEXT NOT NULL CONSTRAINT \"summary_fr: not empty\" CHECK (length(trim(summary_fr)) > 0)\n"
	    ");"
	    "INSERT INTO actor (id, name, name_fr, kind, country, founded_on, summary_en,"
	    " summary_fr) VALUES ('my-hpc', 'My HPC', 'Mon HPC', 'infrastructure', 'FRA',"
	    " '2024-05', 'A machine.', 'Une machine.');"
	    "INSERT INTO record (id, kind) VALUES ('my-hpc', 'actor');"
	    "PRAGMA user_version = 2");

	db = migrated_open(path, 2, &bundled, &u);
	is_query(db, "SELECT name || ' ' || kind || ' ' || founded_on || ' ' || founded_precision"
	    " || ' ' || coalesce(place, 'no place') FROM user.actor",
	    "My HPC infrastructure 2024-05 month no place", "its actor is kept, with no place yet");
	is_bundled_objects(db, bundled, "'actor'",
	    "user.actor, its indexes and triggers are the bundled schema's");
	ok(db_exec(db, "UPDATE user.actor SET kind = 'supercomputer', place = 'Orléans',"
	    " region = 'Centre-Val de Loire' WHERE id = 'my-hpc'", &cause) == 0,
	    "the actor can be a supercomputer with a place");
	is_query(db, "SELECT count(*) FROM user.record WHERE id = 'my-hpc'", "1",
	    "and it is still listed once among the records");
	close_opened(db, bundled, u);
	free(cause);
	free(path);
}

/* A user database of version 3, with record_text as id and text, opens
 * with its records kept and record_text as the bundled schema makes it. */
static void
test_text_columns(void)
{
	char *path = saved_file("v3.db"), *mine, *theirs;
	sqlite3 *db, *bundled;
	struct userdb *u;

	/* record_text as version 3 made it, data/schema.sql's of that time. */
	file_exec(path, "DROP TABLE record_text;"
	    "CREATE TABLE record_text (\n"
	    "  id   TEXT NOT NULL PRIMARY KEY,\n"
	    "  text TEXT NOT NULL\n"
	    ");"
	    "PRAGMA user_version = 3");

	db = migrated_open(path, 3, &bundled, &u);
	is_query(db, "SELECT expr FROM user.saved_filter WHERE name = 'firms'", "kind:company",
	    "its saved filter is kept");
	theirs = query(bundled, "SELECT sql FROM sqlite_schema WHERE name = 'record_text'");
	mine = query(db, "SELECT sql FROM user.sqlite_schema WHERE name = 'record_text'");
	is_str(mine, theirs, "user.record_text is the bundled schema's");
	close_opened(db, bundled, u);
	free(mine);
	free(theirs);
	free(path);
}

/* The indexes of actors, funding and events in a schema table. */
#define PLACE_INDEXES(table) INDEXES_WHERE(table, "tbl_name IN ('actor', 'funding', 'event')" \
	" AND sql IS NOT NULL")

/* A user database of version 4, whose actors, funding and events had
 * indexes of their place alone and of a column the lists sort by alone,
 * opens with its records kept, and the indexes of those tables as the
 * bundled schema makes them. */
static void
test_place_orders(void)
{
	char *path = saved_file("v4.db"), *mine, *theirs;
	sqlite3 *db, *bundled;
	struct userdb *u;

	/* The indexes as version 4 made them. */
	file_exec(path, "DROP INDEX actor_country_name; DROP INDEX actor_country_name_fr;"
	    "DROP INDEX funding_country_date; DROP INDEX funding_bloc_date;"
	    "DROP INDEX event_country_date; DROP INDEX event_bloc_date;"
	    "CREATE INDEX actor_country ON actor (country);"
	    "CREATE INDEX funding_country ON funding (country);"
	    "CREATE INDEX funding_bloc ON funding (bloc_id);"
	    "CREATE INDEX event_country ON event (country);"
	    "CREATE INDEX event_bloc ON event (bloc_id);"
	    "DROP INDEX actor_kind; CREATE INDEX actor_kind ON actor (kind);"
	    "DROP INDEX funding_kind; CREATE INDEX funding_kind ON funding (kind);"
	    "DROP INDEX actor_parent; CREATE INDEX actor_parent ON actor (parent_id);"
	    "DROP INDEX funding_recipient; CREATE INDEX funding_recipient ON funding (recipient_id);"
	    "DROP INDEX funding_parent; CREATE INDEX funding_parent ON funding (parent_id);"
	    "INSERT INTO actor (id, name, name_fr, kind, country, summary_en, summary_fr)"
	    " VALUES ('my-lab', 'My Lab', 'Mon labo', 'company', 'FRA', 'A lab.', 'Un labo.');"
	    "PRAGMA user_version = 4");

	db = migrated_open(path, 4, &bundled, &u);
	is_query(db, "SELECT name_fr FROM user.actor WHERE country = 'FRA'", "Mon labo",
	    "its actor is kept");
	theirs = query(bundled, PLACE_INDEXES("sqlite_schema"));
	mine = query(db, PLACE_INDEXES("user.sqlite_schema"));
	ok(strstr(theirs, "actor_country_name_fr: ") != NULL,
	    "the bundled schema has an index of a country's actors by French name");
	is_str(mine, theirs, "the indexes of its actors, funding and events are the bundled"
	    " schema's");
	is_query(db, "SELECT count(*) FROM user.sqlite_schema WHERE name IN ('actor_country',"
	    " 'funding_country', 'funding_bloc', 'event_country', 'event_bloc')", "0",
	    "the indexes of a place alone are gone");
	is_query(db, "SELECT sql FROM user.sqlite_schema WHERE name = 'funding_recipient'",
	    "CREATE INDEX funding_recipient ON funding (recipient_id, id)",
	    "the index of a column the lists sort by is on the column and the id");
	close_opened(db, bundled, u);
	free(mine);
	free(theirs);
	free(path);
}

/* The indexes of actors' names in a schema table. */
#define NAME_INDEXES(table) INDEXES_WHERE(table, "name IN ('actor_name', 'actor_name_fr'," \
	" 'actor_country_name', 'actor_country_name_fr')")

/* A user database of version 6, whose actors' names were indexed byte
 * by byte, opens with those indexes in the collation of names, as the
 * bundled schema makes them, and its actors in the order people read
 * them ("Émile" among the e, "ASML" after "Apple"). */
static void
test_name_collation(void)
{
	char *path = saved_file("v6.db"), *mine, *theirs;
	struct userdb *u;
	sqlite3 *db, *bundled;

	file_exec(path, "DROP INDEX actor_name; DROP INDEX actor_name_fr;"
	    "DROP INDEX actor_country_name; DROP INDEX actor_country_name_fr;"
	    "CREATE INDEX actor_name ON actor (name, id);"
	    "CREATE INDEX actor_name_fr ON actor (name_fr, id);"
	    "CREATE INDEX actor_country_name ON actor (country, name);"
	    "CREATE INDEX actor_country_name_fr ON actor (country, name_fr);"
	    "INSERT INTO actor (id, name, name_fr, kind, country, summary_en, summary_fr) VALUES"
	    " ('asml-x', 'ASML', 'ASML', 'company', 'NLD', 'A firm.', 'Une firme.'),"
	    " ('emile-x', 'Émile', 'Émile', 'person', 'FRA', 'A man.', 'Un homme.'),"
	    " ('apple-x', 'Apple', 'Apple', 'company', 'USA', 'A firm.', 'Une firme.'),"
	    " ('zeta-x', 'Zeta', 'Zeta', 'company', 'FRA', 'A firm.', 'Une firme.');"
	    "PRAGMA user_version = 6");

	db = migrated_open(path, 6, &bundled, &u);
	theirs = query(bundled, NAME_INDEXES("sqlite_schema"));
	mine = query(db, NAME_INDEXES("user.sqlite_schema"));
	ok(strstr(theirs, "actor_name: CREATE INDEX actor_name ON actor (name COLLATE fold, id,")
	    != NULL, "the bundled schema indexes actors' names in the collation fold");
	is_str(mine, theirs, "the indexes of its actors' names are the bundled schema's");
	is_query(db, "SELECT group_concat(name, ', ') FROM (SELECT name FROM user.actor"
	    " INDEXED BY actor_name ORDER BY name COLLATE fold, id)",
	    "Apple, ASML, Émile, Zeta", "its actors in the order people read them, by that index");
	close_opened(db, bundled, u);
	free(mine);
	free(theirs);
	free(path);
}

/* A user database of version 8, whose index of actors' names held the
 * names and ids alone, opens with that index as the bundled schema makes
 * it, and the list of its actors is read from the index alone. */
static void
test_list_names(void)
{
	char *path = saved_file("v8.db"), *mine, *theirs, *plan;
	struct userdb *u;
	sqlite3 *db, *bundled;

	file_exec(path, "DROP INDEX actor_name;"
	    "CREATE INDEX actor_name ON actor (name COLLATE fold, id);"
	    "PRAGMA user_version = 8");
	db = migrated_open(path, 8, &bundled, &u);
	theirs = query(bundled, INDEXES_WHERE("sqlite_schema", "name = 'actor_name'"));
	mine = query(db, INDEXES_WHERE("user.sqlite_schema", "name = 'actor_name'"));
	is_str(mine, theirs, "its index of actors' names is the bundled schema's");
	plan = query_plan(db, "SELECT id, name, kind, country, sector, place, region,"
	    " founded_on, parent_id FROM user.actor ORDER BY name COLLATE fold, id");
	is_str(plan, "SCAN user.actor USING COVERING INDEX actor_name",
	    "the list of its actors is read from that index alone");
	free(plan);
	close_opened(db, bundled, u);
	free(mine);
	free(theirs);
	free(path);
}

/* user.table's CHECK of its kind as version 9 wrote it, an IN list of
 * the kinds (first to last), in place of today's comparisons. */
#define V9_KIND_CHECK(table, first, last, list) \
	"UPDATE sqlite_schema SET sql = substr(sql, 1, instr(sql, 'CHECK (kind = ''" first "''') - 1)" \
	" || 'CHECK (kind IN (" list "))'" \
	" || substr(sql, instr(sql, 'kind = ''" last "'')') + length('kind = ''" last "'')'))" \
	" WHERE type = 'table' AND name = '" table "';"

/* A user database of version 9, whose tables check a column's values
 * against an IN list, has them made again as the bundled schema makes
 * them: its records kept, with their indexes (the lists' orders among
 * them) and triggers, and the checks still holding. */
static void
test_checks(void)
{
	char *path = saved_file("v9.db"), *cause = NULL;
	sqlite3 *db = main_open(), *bundled;
	struct userdb *u;

	if ((u = userdb_open(db, path, NULL, &cause)) == NULL ||
	    db_exec(db, "INSERT INTO user.actor (id, name, name_fr, kind, country, sector,"
	    " summary_en, summary_fr) VALUES ('my-lab', 'My Lab', 'Mon labo', 'company', 'FRA',"
	    " 'academic', 'A lab.', 'Un labo.')", &cause) != 0)
		bail_out("%s", cause);
	userdb_free(u);
	sqlite3_close(db);
	file_exec(path, "PRAGMA writable_schema = ON;"
	    V9_KIND_CHECK("actor", "company", "initiative", "''company'', ''state'', ''public_body'',"
	    " ''fund'', ''person'', ''infrastructure'', ''supercomputer'', ''data_centre'', ''model'',"
	    " ''regulation'', ''initiative''")
	    V9_KIND_CHECK("record", "source", "figure", "''source'', ''country'', ''bloc'', ''actor'',"
	    " ''funding'', ''event'', ''figure''")
	    "PRAGMA writable_schema = OFF; PRAGMA user_version = 9");
	if (sqlite3_open(path, &db) != SQLITE_OK)
		bail_out("%s: cannot open", path);
	is_query(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('actor', 'record')"
	    " AND sql LIKE '%CHECK (kind IN (%'", "2", "a file whose actor and record tables"
	    " check their kinds as version 9 did");
	sqlite3_close(db);

	db = migrated_open(path, 9, &bundled, &u);
	is_query(db, "SELECT name || ' ' || kind || ' ' || sector FROM user.actor",
	    "My Lab company academic", "its actor is kept");
	is_query(db, "SELECT kind FROM user.record WHERE id = 'my-lab'", "actor",
	    "and listed once among its records");
	is_bundled_objects(db, bundled, "'actor', 'record'", "user.actor and user.record, their"
	    " indexes (the lists' orders among them) and triggers are the bundled schema's");
	ok(db_exec(db, "INSERT INTO user.actor (id, name, name_fr, kind, summary_en,"
	    " summary_fr) VALUES ('my-bakery', 'B', 'B', 'bakery', 'x', 'x')", NULL) != 0,
	    "a kind no actor has is still refused");
	ok(db_exec(db, "INSERT INTO user.actor (id, name, name_fr, kind, summary_en,"
	    " summary_fr) VALUES ('my-fund', 'F', 'F', 'fund', 'x', 'x')", &cause) == 0,
	    "a kind that is one is taken");
	is_query(db, "SELECT kind FROM user.record WHERE id = 'my-fund'", "actor",
	    "and its trigger lists it among the records");
	close_opened(db, bundled, u);
	free(cause);
	free(path);
}

/* An older user database whose tables were changed is refused once
 * migrated, and the migration is rolled back: the file is as it was. */
static void
test_migrated_refused(void)
{
	char *path = path_of("changed-v2.db"), *cause = NULL, *before, *after, *want;
	sqlite3 *db = main_open();
	long size_before, size_after;
	struct userdb *u;

	if ((u = userdb_open(db, path, NULL, &cause)) == NULL ||
	    saved_filter_save(u, "firms", "actors", "kind:company", &cause) != 0)
		bail_out("%s", cause);
	userdb_free(u);
	sqlite3_close(db);
	file_exec(path, "DROP TABLE funding_party; CREATE TABLE funding_party (funding_id TEXT);"
	    "PRAGMA user_version = 2");
	before = slurp(path, &size_before);
	db = main_open();
	u = userdb_open(db, path, NULL, &cause);
	ok(u == NULL, "a changed user database of version 2: refused after its migration");
	want = xasprintf("%s: its table 'funding_party' is not the one aiatlas makes"
	    " (another version, or changed); refused", path);
	is_str(cause, want, "the message names the file and the table");
	after = slurp(path, &size_after);
	ok(size_before == size_after && memcmp(before, after, size_before) == 0,
	    "the migration is rolled back: the file is unchanged");
	sqlite3_close(db);
	free(before);
	free(after);
	free(want);
	free(cause);
	free(path);
}

/* A file that is not there is not made by reading; the first save makes
 * it, private to its owner. */
static void
test_first_write(void)
{
	char *path = path_of("deep/er/user.db"), *cause = NULL, *kind = NULL, *expr = NULL;
	sqlite3 *db = main_open();
	struct userdb *u;
	struct stat st;

	if ((u = userdb_open(db, path, NULL, &cause)) == NULL)
		bail_out("%s", cause);
	is_int(saved_filter_load(u, "none", &kind, &expr, &cause), 0, "reading finds nothing");
	is_query(db, "SELECT count(*) FROM user.note", "0", "the tables are there, empty");
	ok(access(path, F_OK) != 0, "and no file was made by reading");
	is_int(saved_filter_save(u, "firms", "actors", "kind:company", &cause), 0,
	    "the first save");
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600,
	    "makes the file and its directories, readable by its owner only");
	userdb_free(u);
	sqlite3_close(db);

	db = main_open();
	if ((u = userdb_open(db, path, NULL, &cause)) == NULL)
		bail_out("%s", cause);
	is_int(saved_filter_load(u, "firms", &kind, &expr, &cause), 1,
	    "the filter is there in a new run");
	is_str(expr, "kind:company", "as it was saved");
	userdb_free(u);
	sqlite3_close(db);
	free(kind);
	free(expr);
	free(path);
}

/* A file that this program cannot use is refused with its name, and left
 * byte for byte as it was. */
static void
test_refused(const char *name, const char *sql, const char *message)
{
	char *path = path_of(name), *cause = NULL, *before, *after, *want;
	sqlite3 *db = main_open();
	long size_before, size_after;
	struct userdb *u;

	if (sql != NULL)
		file_exec(path, sql);
	else {
		FILE *fp = fopen(path, "w");

		fputs("name,kind\nfirms,actors\n", fp);
		fclose(fp);
	}
	before = slurp(path, &size_before);
	u = userdb_open(db, path, NULL, &cause);
	ok(u == NULL, "%s: refused", name);
	want = xasprintf("%s: %s", path, message);
	is_str(cause, want, "%s: the message names the file", name);
	sqlite3_close(db);
	after = slurp(path, &size_after);
	ok(size_before == size_after && memcmp(before, after, size_before) == 0,
	    "%s: the file is unchanged", name);
	free(before);
	free(after);
	free(want);
	free(cause);
	free(path);
}

/* Where WAL cannot work (no shared memory beside the file, as the unix-none
 * file system layer has none), a rollback journal is used, and writes work. */
static void
test_no_wal(void)
{
	char *path = path_of("nowal.db"), *cause = NULL, *kind = NULL, *expr = NULL;
	sqlite3_vfs *normal = sqlite3_vfs_find(NULL), *none = sqlite3_vfs_find("unix-none");
	sqlite3 *db;
	struct userdb *u;

	if (none == NULL) {
		skip(3, "SQLite has no unix-none file system layer");
		return;
	}
	sqlite3_vfs_register(none, 1);
	db = main_open();
	if ((u = userdb_open(db, path, NULL, &cause)) == NULL)
		bail_out("%s", cause);
	is_int(saved_filter_save(u, "firms", "actors", "kind:company", &cause), 0,
	    "without shared memory, saving works");
	is_query(db, "PRAGMA user.journal_mode", "delete", "with a rollback journal");
	is_int(saved_filter_load(u, "firms", &kind, &expr, &cause), 1, "and what was saved is read");
	userdb_free(u);
	sqlite3_close(db);
	sqlite3_vfs_register(normal, 1);
	free(kind);
	free(expr);
	free(path);
}

/* A write is kept whole or not at all; with no file, nothing is written. */
static void
test_transactions(void)
{
	char *path = path_of("tx.db"), *cause = NULL;
	sqlite3 *db = main_open(), *other;
	struct userdb *u;

	if ((u = userdb_open(db, path, NULL, &cause)) == NULL ||
	    saved_filter_save(u, "kept", "actors", "kind:fund", &cause) != 0)
		bail_out("%s", cause);
	if (userdb_begin(u, &cause) != 0)
		bail_out("%s", cause);
	if (sqlite3_open(path, &other) != SQLITE_OK)
		bail_out("%s: cannot open", path);
	ok(db_exec(other, "BEGIN IMMEDIATE", NULL) != 0 &&
	    sqlite3_errcode(other) == SQLITE_BUSY,
	    "a write holds the file's write lock from its beginning");
	sqlite3_close(other);
	db_exec(db, "INSERT INTO user.saved_filter VALUES ('half', 'actors', 'x', 'now')", NULL);
	ok(db_exec(db, "INSERT INTO user.saved_filter VALUES ('bad', NULL, 'x', 'now')", NULL) != 0,
	    "a write that breaks a rule fails");
	userdb_rollback(u);
	is_query(db, "SELECT group_concat(name) FROM user.saved_filter", "kept",
	    "and the rollback keeps none of its transaction");
	userdb_free(u);

	db_exec(db, "DETACH user", NULL);
	if ((u = userdb_open(db, NULL, "--no-user-db was given", &cause)) == NULL)
		bail_out("%s", cause);
	is_str(userdb_unavailable(u), "--no-user-db was given", "no user database: it says why");
	ok(saved_filter_save(u, "x", "actors", "kind:fund", &cause) != 0 &&
	    strcmp(cause, "--no-user-db was given") == 0, "and nothing can be saved");
	is_query(db, "SELECT count(*) FROM user.saved_filter", "0", "but reads see empty tables");
	userdb_free(u);
	sqlite3_close(db);
	free(cause);
	free(path);
}

int
main(void)
{
	char template[] = "/tmp/aiatlas-userdb.XXXXXX";
	char *cmd, *newer;

	if ((dir = mkdtemp(template)) == NULL)
		bail_out("cannot make a scratch directory");
	test_migration();
	test_records();
	test_first_write();
	test_actor_places();
	test_text_columns();
	test_place_orders();
	test_name_collation();
	test_list_names();
	test_checks();
	test_migrated_refused();
	newer = xasprintf("made by a newer aiatlas (user database version %d; this one knows"
	    " up to %d); it is left as it is", USERDB_SCHEMA_VERSION + 1, USERDB_SCHEMA_VERSION);
	cmd = xasprintf("CREATE TABLE saved_filter (name, kind, expr, saved_on);"
	    " PRAGMA user_version = %d", USERDB_SCHEMA_VERSION + 1);
	test_refused("newer.db", cmd, newer);
	test_refused("other.db", "CREATE TABLE mine (x); INSERT INTO mine VALUES (1)",
	    "not an aiatlas user database");
	test_refused("text.db", NULL, "not a SQLite database, or damaged: file is not a database");
	test_no_wal();
	test_transactions();
	free(cmd);
	free(newer);
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		diag("cannot remove %s", dir);
	free(cmd);
	done_testing();
	return exit_status();
}
