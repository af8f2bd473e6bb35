/* Unit tests of the lists' SQL with records of the user's own: each list
 * the bundled data alone reads in order through an index is read so
 * through both schemas' indexes, every row left unsorted, and --wide's
 * sources come from the citations' indexes (EXPLAIN QUERY PLAN). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "fixture.h"
#include "kind.h"
#include "lists.h"
#include "userdb.h"

/* The details of EXPLAIN QUERY PLAN of sql, joined by "; ", or stop. */
static char *
query_plan(sqlite3 *db, const char *sql)
{
	char *explain = xasprintf("EXPLAIN QUERY PLAN %s", sql), *out = xstrdup(""), *t;
	sqlite3_stmt *stmt;

	if (sqlite3_prepare_v2(db, explain, -1, &stmt, NULL) != SQLITE_OK)
		bail_out("%s: %s", sql, sqlite3_errmsg(db));
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		t = xasprintf("%s%s; ", out, (const char *)sqlite3_column_text(stmt, 3));
		free(out);
		out = t;
	}
	sqlite3_finalize(stmt);
	free(explain);
	return out;
}

/* Whether SQLite sorts the rows of sql for its ORDER BY. */
static int
sorts(sqlite3 *db, const char *sql)
{
	char *plan = query_plan(db, sql);
	int r = strstr(plan, "FOR ORDER BY") != NULL;

	free(plan);
	return r;
}

/* The list of k by its column col (-1: its own order), in a place and a
 * language, is sorted with the user's records (db, its merged views
 * made) only where it is without them (bundled). */
static void
test_order(sqlite3 *bundled, sqlite3 *db, const struct kind *k, int where, const char *lang,
    int col, int desc)
{
	const struct list_column *cols[LIST_MAX_COLUMNS];
	struct list_order o;
	char *sql, *alone, *cause = NULL;
	int sorted;

	if (col < 0 && lists_parse_sort(k, NULL, where, &o, &cause) != 0)
		bail_out("%s: %s", k->plural, cause);
	if (col >= 0)
		lists_sort_by(k, where, col, desc, &o);
	lists_columns(k, where, cols, LIST_MAX_COLUMNS);
	sql = lists_select(k, where, lang, &o, 0, NULL, 1);
	alone = lists_select(k, where, lang, &o, 0, NULL, 0);
	sorted = sorts(bundled, alone);
	is_int(sorts(db, sql), sorted, "list %s%s --sort %s%s (%s): %s", k->plural,
	    where == LIST_HUMAN ? "" : " --format tsv", desc ? "-" : "",
	    col < 0 ? "(its own)" : cols[col]->name, lang,
	    sorted ? "every row sorted, as without them" : "read in order");
	free(alone);
	free(sql);
}

/* list KIND --wide with the user's records: sorted only where it is
 * without them (bundled), each row's sources looked up, not every
 * citation copied first. */
static void
test_wide(sqlite3 *bundled, sqlite3 *db, const struct kind *k)
{
	struct list_order o;
	char *columns, *sql, *alone, *plan, *cause = NULL;
	int sorted;

	if (lists_parse_sort(k, NULL, LIST_DATA, &o, &cause) != 0 ||
	    (columns = load_export_columns(db, k, &cause)) == NULL)
		bail_out("%s: %s", k->plural, cause);
	sql = lists_select_columns(k, columns, "en", &o, 0, NULL, 1);
	alone = lists_select_columns(k, columns, "en", &o, 0, NULL, 0);
	sorted = sorts(bundled, alone);
	plan = query_plan(db, sql);
	ok(strstr(plan, "AUTOMATIC") == NULL && sorts(db, sql) == sorted,
	    "list %s --wide: each row's sources through an index, %s", k->plural,
	    sorted ? "every row sorted, as without them" : "read in order");
	if (strstr(plan, "AUTOMATIC") != NULL)
		diag("%s", plan);
	free(plan);
	free(alone);
	free(sql);
	free(columns);
}

int
main(void)
{
	static const char *const langs[] = { "en", "fr" };
	static const int places[] = { LIST_HUMAN, LIST_DATA };
	const struct list_column *cols[LIST_MAX_COLUMNS];
	sqlite3 *bundled = fixture_open(), *db = fixture_open();
	const struct kind *k;
	struct userdb *u;
	char *cause = NULL;
	int i, p, l, c, n;

	if ((u = userdb_open(db, NULL, "none", &cause)) == NULL ||
	    db_exec(db, "INSERT INTO user.actor (id, name, name_fr, kind, country, sector,"
	    " summary_en, summary_fr) VALUES ('my-lab', 'My Lab', 'Mon labo', 'company', 'FRA',"
	    " 'private', 'A lab.', 'Un labo.')", &cause) != 0 ||
	    merge_tables(db, 0, &cause) != 0)
		bail_out("cannot add a record of the user's own: %s", cause);
	ok(merge_mine(db), "the user's record makes the merged views");
	for (i = 0; (k = kind_listed(i)) != NULL; i++) {
		if (k->bundled)
			continue;
		for (p = 0; p < 2; p++) {
			n = lists_columns(k, places[p], cols, LIST_MAX_COLUMNS);
			for (l = 0; l < 2; l++) {
				test_order(bundled, db, k, places[p], langs[l], -1, 0);
				for (c = 0; c < n; c++) {
					test_order(bundled, db, k, places[p], langs[l], c, 0);
					test_order(bundled, db, k, places[p], langs[l], c, 1);
				}
			}
		}
		test_wide(bundled, db, k);
	}
	userdb_free(u);
	db_close(db);
	db_close(bundled);
	done_testing();
	return exit_status();
}
