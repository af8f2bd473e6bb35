/* Unit tests of the registry of record kinds, against the schema of the
 * bundled data (data/schema.sql) loaded with the fixture: every table,
 * column and piece of SQL of a row exists; every table that holds records
 * has a row; the lookups find what list, search and the loader ask for. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kind.h"
#include "lists.h"
#include "tap.h"
#include "fixture.h"

/* Whether SQL over a table prepares: its columns exist. */
static int
test_sql_ok(sqlite3 *db, const char *what, const char *table)
{
	sqlite3_stmt *stmt;
	char *sql = xasprintf("SELECT %s FROM \"%s\"", what, table);
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

	if (rc != SQLITE_OK)
		diag("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	free(sql);
	return rc == SQLITE_OK;
}

/* One number that a query gives. */
static long long
test_count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt;
	long long n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	else
		diag("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	return n;
}

/* Every row's table, id, titles, text and list columns are in the schema. */
static void
test_rows_in_schema(sqlite3 *db)
{
	const struct kind *k;
	const struct list_column *col;
	int sorted;

	for (k = kinds; k->table != NULL; k++) {
		ok(test_sql_ok(db, k->id, k->table), "%s: the id %s is SQL over the table",
		    k->plural, k->id);
		ok(k->file != NULL && strstr(k->file, ".csv") != NULL, "%s: a CSV file", k->plural);
		if (k->name == NULL) {
			ok(k->list == 0 && k->tab_label == NULL && k->compare == KIND_COMPARE_NONE,
			    "%s: not a record kind, so neither listed nor compared", k->plural);
			continue;
		}
		ok(strcmp(k->name, k->table) == 0, "%s: the kind is its table", k->plural);
		ok(test_sql_ok(db, k->title_en, k->table) && test_sql_ok(db, k->title_fr, k->table),
		    "%s: the title columns %s and %s", k->plural, k->title_en, k->title_fr);
		if (k->text != NULL)
			ok(test_sql_ok(db, k->text, k->table), "%s: the text search indexes",
			    k->plural);
		if (k->list == 0)
			continue;
		sorted = 0;
		for (col = k->columns; col->name != NULL; col++) {
			ok(test_sql_ok(db, col->expr, k->table) &&
			    (col->expr_fr == NULL || test_sql_ok(db, col->expr_fr, k->table)) &&
			    (col->human == NULL || test_sql_ok(db, col->human, k->table)),
			    "%s: the list column %s", k->plural, col->name);
			sorted |= strcmp(col->name, k->sort) == 0;
		}
		ok(strcmp(k->columns[0].expr, k->id) == 0, "%s: the list's first column is the id",
		    k->plural);
		ok(sorted, "%s: sorted by its column %s", k->plural, k->sort);
	}
}

/* Every table of the schema that holds data has a row; every record kind
 * the schema knows is a record kind of the registry, with its titles. */
static void
test_schema_in_rows(sqlite3 *db)
{
	sqlite3_stmt *stmt;
	const struct kind *k;
	const char *name;
	char *sql, *all;
	int n = 0;

	/* record* are the registry of ids and the search index, not data. */
	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
	    " AND name NOT LIKE 'record%' AND name NOT LIKE 'sqlite%' ORDER BY name", -1,
	    &stmt, NULL) != SQLITE_OK)
		bail_out("cannot read the schema: %s", sqlite3_errmsg(db));
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(stmt, 0);
		ok(kind_find(name) != NULL, "the table %s has a row in the registry", name);
		n++;
	}
	sqlite3_finalize(stmt);
	for (k = kinds; k->table != NULL; k++)
		n--;
	is_int(n, 0, "as many rows as tables of data");

	/* The schema's record_label view and triggers know the record kinds. */
	is_int(test_count(db, "SELECT count(DISTINCT kind) FROM record_label"),
	    test_count(db, "SELECT count(*) FROM (SELECT 1 FROM sqlite_schema"
	    " WHERE type = 'trigger' AND name LIKE '%_record_insert')"),
	    "a trigger registers the ids of each kind of record_label");
	if (sqlite3_prepare_v2(db, "SELECT DISTINCT kind FROM record_label", -1, &stmt,
	    NULL) != SQLITE_OK)
		bail_out("cannot read record_label: %s", sqlite3_errmsg(db));
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(stmt, 0);
		k = kind_find(name);
		ok(k != NULL && k->name != NULL && strcmp(k->name, name) == 0,
		    "record_label's kind %s is a record kind of the registry", name);
		if (k == NULL)
			continue;
		sql = xasprintf("SELECT count(*) FROM \"%s\" AS t JOIN record_label AS l"
		    " ON l.id = t.%s AND l.kind = '%s' WHERE l.name_en IS t.%s"
		    " AND l.name_fr IS t.%s", k->table, k->id, k->name, k->title_en, k->title_fr);
		all = xasprintf("SELECT count(*) FROM record WHERE kind = '%s'", k->name);
		ok(test_count(db, sql) > 0 && test_count(db, sql) == test_count(db, all),
		    "%s: record_label names each record by the registry's titles", name);
		free(all);
		free(sql);
	}
	sqlite3_finalize(stmt);
	for (k = kinds; k->table != NULL; k++) {
		if (k->name == NULL)
			continue;
		sql = xasprintf("SELECT count(*) FROM record_label WHERE kind = '%s'", k->name);
		ok(test_count(db, sql) > 0, "the record kind %s is in record_label", k->name);
		free(sql);
	}
}

/* The lookups by list name, name, table, position and id. */
static void
test_lookups(sqlite3 *db)
{
	const struct kind *k = NULL;
	const char *tabs[] = { "Actors", "Funding", "Timeline", "Blocs", "Sources" };
	char *s;
	int i;

	is_str(kind_list_names(), "actors, funding, events, blocs, sources, countries, figures",
	    "the lists, in their order");
	ok(kind_list("actors") != NULL && strcmp(kind_list("actors")->table, "actor") == 0,
	    "list actors reads the table actor");
	ok(kind_list("countries") != NULL && strcmp(kind_list("countries")->id, "iso3") == 0,
	    "a country's id is its iso3");
	ok(kind_list("actor") == NULL, "list takes the plural only");
	ok(kind_list("bloc-members") == NULL, "bloc members are not a list");
	ok(kind_find("actor") == kind_find("actors"), "a kind by its name or its plural");
	ok(kind_find("bloc_member") != NULL && kind_find("bloc_member") == kind_find("bloc-members"),
	    "a table without records by its table or its plural");
	ok(kind_find("record") == NULL && kind_find("nope") == NULL, "no row for other names");
	for (i = 0; i < KIND_NLISTED; i++)
		ok(kind_listed(i) != NULL && kind_listed(i)->list == i + 1, "list %d", i + 1);
	ok(kind_listed(KIND_NLISTED) == NULL, "KIND_NLISTED lists");
	for (i = 0; i < KIND_NTABS; i++)
		ok(kind_tab(i) != NULL && strcmp(kind_tab(i)->tab_label, tabs[i]) == 0,
		    "tab %d: %s", i + 1, tabs[i]);
	ok(kind_tab(KIND_NTABS) == NULL, "KIND_NTABS tabs");
	ok(kind_tab(2)->view == KIND_VIEW_TIMELINE, "the events' tab is a timeline");

	is_int(kind_of_id(db, "XTA", &k), 1, "the id XTA is a record");
	ok(k != NULL && strcmp(k->table, "country") == 0, "XTA is held by the table country");
	is_int(kind_of_id(db, "alpha-labs", &k), 1, "the id alpha-labs is a record");
	ok(k != NULL && strcmp(k->table, "actor") == 0, "alpha-labs is held by the table actor");
	is_int(kind_of_id(db, "no-such-record", &k), 0, "no record has the id no-such-record");

	s = kind_each("$t", ",", KIND_RECORD);
	is_str(s, "source,country,bloc,actor,funding,event,figure", "the record tables in order");
	free(s);
	s = kind_each("$k:$x", " ", KIND_ALL);
	ok(strncmp(s, "source:coalesce(publisher", 25) == 0 && strstr(s, " NULL:NULL ") != NULL,
	    "a template names what a row has, and NULL for what it has not: %.40s", s);
	free(s);
	s = kind_each("$p", ",", KIND_RECORD | KIND_TEXT);
	is_str(s, "sources,blocs,actors,funding,events,figures", "the kinds search has text of");
	free(s);
	s = kind_each("$k", ",", KIND_RECORD | KIND_NAMED);
	is_str(s, "source,country,bloc,actor,funding,event", "a figure's label is not a name");
	free(s);
}

int
main(void)
{
	sqlite3 *db = fixture_open();

	test_rows_in_schema(db);
	test_schema_in_rows(db);
	test_lookups(db);
	sqlite3_close(db);
	return exit_status();
}
