/* Fuzzing regexp(): the input is a pattern, then a NUL byte and the text
 * it is matched against (without one, a sample of the fixture's text).
 * A pattern regex_check() refuses ends the statement with a message. */
#include "config.h"

#include "regex.h"
#include "../unit/tap.h"
#include "fuzz.h"

/* Text for patterns that come without any. */
static const char fuzz_regex_sample[] =
	"Testonia Alpha Labs \xe2\x80\x94 gigafactory 2024: 1.5 bn \xe2\x82\xac, "
	"d\xc3\xa9veloppement [ouvert] (*mod\xc3\xa8le*)\nUnion";

static sqlite3 *fuzz_regex_db;

/* Close the connection at exit. */
static void
fuzz_regex_close(void)
{
	sqlite3_close(fuzz_regex_db);
}

/* Open a connection with regexp() before the first input. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (sqlite3_open(":memory:", &fuzz_regex_db) != SQLITE_OK)
		bail_out("cannot open a database in memory");
	regex_register(fuzz_regex_db);
	atexit(fuzz_regex_close);
	return 0;
}

/* Match the pattern against the text. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	sqlite3_stmt *stmt;
	char *pattern, *cause = NULL;
	size_t offset;
	int checked, rc;

	pattern = fuzz_string(data, nul != NULL ? (size_t)(nul - data) : size);
	checked = regex_check(pattern, &cause, &offset) == 0;
	if (!checked && (cause == NULL || offset > strlen(pattern)))
		fuzz_wrong("'%s' refused without a message or past its end", pattern);
	free(cause);
	if (sqlite3_prepare_v2(fuzz_regex_db, "SELECT regexp(?1, ?2)", -1, &stmt,
	    NULL) != SQLITE_OK)
		bail_out("prepare: %s", sqlite3_errmsg(fuzz_regex_db));
	sqlite3_bind_text(stmt, 1, pattern, -1, SQLITE_STATIC);
	if (nul != NULL)
		sqlite3_bind_text(stmt, 2, (const char *)nul + 1, (int)(size - (size_t)(nul - data) - 1),
		    SQLITE_STATIC);
	else
		sqlite3_bind_text(stmt, 2, fuzz_regex_sample, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (!checked && rc == SQLITE_ROW)
		fuzz_wrong("'%s' is refused by regex_check() but matches", pattern);
	if (rc != SQLITE_ROW && strncmp(sqlite3_errmsg(fuzz_regex_db), "regex: ", 7) != 0)
		fuzz_wrong("'%s' fails without a regex message: %s", pattern,
		    sqlite3_errmsg(fuzz_regex_db));
	sqlite3_finalize(stmt);
	free(pattern);
	return 0;
}
