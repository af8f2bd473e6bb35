/* The trigram prefilter of regex search against the pattern alone: for
 * each pattern, the records the regex matches with the prefilter are the
 * records it matches without it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "fts.h"
#include "tap.h"
#include "fixture.h"
#include "xmalloc.h"

/* Patterns whose prefilter once dropped real matches, and ordinary ones. */
static const char *const test_patterns[] = {
	"[]abc]", "[^]xyz]", "[[:digit:]]", "[[:digit:]abc]", "[[:alpha:]]est", "[]a]bc", "[\\]]?est",
	"(*ACCEPT)xyz", "(*UTF)Test", "(?i)TESTONIA", "Testonia", "Test(onia)?",
	"Tes?tonia", "Alpha Labs", "gigafact(ory|ories)", "[a-z]+ Labs", "Al{0}pha",
	"Union\\b", "\\QTest\\E", "T[e]st", "[\\c]UaE]", "[\\Q]\\E]abc", "[\\Qa]\\E]Test",
	"(a{(}b)Testonia)?", "Te{1}stonia", "Tes{1,}tonia", "Test{0,2}onia",
	"[[:alpha-]t(x[]Alpha Labs])?", "[[:alpha:]]lpha Labs", NULL
};

/* How many records regex matches, through the prefilter query q or none. */
static int
test_count(sqlite3 *db, const char *regex, const char *q)
{
	sqlite3_stmt *stmt;
	int n = -1;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM record_text AS t WHERE"
	    " (?2 IS NULL OR t.rowid IN (SELECT rowid FROM record_tri WHERE record_tri MATCH ?2))"
	    " AND regexp(?1, t.text)", -1, &stmt, NULL) != SQLITE_OK)
		bail_out("prepare: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(stmt, 1, regex, -1, SQLITE_STATIC);
	if (q != NULL)
		sqlite3_bind_text(stmt, 2, q, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

/* Run every pattern both ways. */
int
main(void)
{
	sqlite3 *db = fixture_open();
	int i, with, without;
	char *q, *cause = NULL;

	if (fts_build(db, &cause) != 0)
		bail_out("cannot index the fixture: %s", cause);

	for (i = 0; test_patterns[i] != NULL; i++) {
		q = fts_literal_query(test_patterns[i]);
		without = test_count(db, test_patterns[i], NULL);
		with = test_count(db, test_patterns[i], q);
		ok(without >= 0 && with == without, "%s: %d records with the prefilter %s, %d without",
		    test_patterns[i], with, q != NULL ? q : "(none)", without);
		free(q);
	}
	ok(test_count(db, "[]abc]", NULL) > 0, "the fixture has text that []abc] matches");
	sqlite3_close(db);
	return exit_status();
}
