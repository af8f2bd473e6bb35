/* Fuzzing the trigram prefilter of regex search differentially: a
 * pattern finds the same records over the fixture with the trigram query
 * fts_literal_query() makes of it as without it. */
#include "config.h"

#include "regex.h"
#include "../unit/tap.h"
#include "fuzz.h"

/* Load the fixture before the first input. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_fixture(NULL);
	return 0;
}

/* The ids search --regex finds, one a line, through the prefilter or
 * not; NULL if the statement stops with an error (a matching limit). */
static char *
fuzz_prefilter_ids(sqlite3 *db, const char *pattern, int prefilter)
{
	sqlite3_stmt *stmt;
	char *ids = xstrdup(""), *t, *cause = NULL;
	int rc;

	if ((stmt = fts_prepare(db, pattern, 1, NULL, "en", -1, &fts_marks_data, &cause)) == NULL)
		fuzz_wrong("'%s' does not prepare: %s", pattern, cause);
	if (!prefilter)
		sqlite3_bind_null(stmt, 5);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		t = xasprintf("%s%s\n", ids, (const char *)sqlite3_column_text(stmt, 0));
		free(ids);
		ids = t;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		free(ids);
		return NULL;
	}
	return ids;
}

/* Search for the pattern both ways and compare. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sqlite3 *db = fuzz_fixture(NULL);
	char *pattern = fuzz_string(data, size), *with, *without, *literal, *cause = NULL;
	size_t offset;

	if (regex_check(pattern, &cause, &offset) != 0) {
		free(cause);
		free(pattern);
		return 0;
	}
	with = fuzz_prefilter_ids(db, pattern, 1);
	without = fuzz_prefilter_ids(db, pattern, 0);
	if (with != NULL && without != NULL && strcmp(with, without) != 0) {
		literal = fts_literal_query(pattern);
		fuzz_wrong("'%s' through the prefilter %s finds\n%swithout it\n%s", pattern,
		    literal != NULL ? literal : "(none)", with, without);
	}
	free(with);
	free(without);
	free(pattern);
	return 0;
}
