/* Fuzzing the search query builder: the first byte picks a kind, a
 * language and a limit, the rest is what a person typed; what fts_query()
 * makes of it is prepared and run over the fixture to its last row. */
#include "config.h"

#include "kind.h"
#include "../unit/tap.h"
#include "fuzz.h"

/* Load the fixture before the first input. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_fixture(NULL);
	return 0;
}

/* The record kind numbered i, or NULL (every kind) past the last. */
static const char *
fuzz_fts_kind(unsigned int i)
{
	unsigned int j;

	for (j = 0; kinds[j].table != NULL; j++)
		if (kinds[j].name != NULL && i-- == 0)
			return kinds[j].name;
	return NULL;
}

/* Search for the typed text as the search command and view do. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sqlite3 *db = fuzz_fixture(NULL);
	sqlite3_stmt *stmt;
	char *typed, *query, *cause = NULL;
	int rc, i, n;

	if (size < 1)
		return 0;
	typed = fuzz_string(data + 1, size - 1);
	if ((query = fts_query(typed, &cause)) == NULL) {
		if (cause == NULL || *cause == '\0')
			fuzz_wrong("'%s' refused without a message", typed);
		free(cause);
		free(typed);
		return 0;
	}
	stmt = fts_prepare(db, query, 0, fuzz_fts_kind(data[0] & 15), data[0] & 16 ? "fr" : "en",
	    data[0] & 32 ? 5 : -1, data[0] & 64 ? &fts_marks_data : &fts_marks_human, &cause);
	if (stmt == NULL)
		fuzz_wrong("'%s' made '%s', which does not prepare: %s", typed, query, cause);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		for (i = 0, n = sqlite3_column_count(stmt); i < n; i++)
			(void)sqlite3_column_text(stmt, i);
	if (rc != SQLITE_DONE)
		fuzz_wrong("'%s' made '%s', which fails: %s", typed, query, sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	free(query);
	free(typed);
	return 0;
}
