/* Fuzzing the filter compiler: the first byte picks a list kind, the rest
 * is the filter; what compiles is prepared against the fixture and run to
 * its last row, and what does not has a message. */
#include "config.h"

#include "filter.h"
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

/* Compile the filter, then select the kind's rows with it. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sqlite3 *db = fuzz_fixture(NULL);
	const struct kind *k;
	struct filter *f;
	sqlite3_stmt *stmt;
	char *expr, *cause = NULL, *sql;
	int rc;

	if (size < 1)
		return 0;
	k = kind_listed(data[0] % KIND_NLISTED);
	expr = fuzz_string(data + 1, size - 1);
	if ((f = filter_compile(db, k->plural, expr, 1, &cause)) == NULL) {
		if (cause == NULL || *cause == '\0')
			fuzz_wrong("%s: '%s' refused without a message", k->plural, expr);
		free(cause);
		free(expr);
		return 0;
	}
	sql = xasprintf("SELECT %s FROM %s WHERE %s", k->id, k->table, filter_sql(f));
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		fuzz_wrong("%s: '%s' compiled to SQL that does not prepare: %s: %s", k->plural,
		    expr, sqlite3_errmsg(db), sql);
	if (sqlite3_bind_parameter_count(stmt) != filter_nparams(f))
		fuzz_wrong("%s: '%s': %d parameters, the filter says %d", k->plural, expr,
		    sqlite3_bind_parameter_count(stmt), filter_nparams(f));
	filter_bind(f, stmt);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		(void)sqlite3_column_text(stmt, 0);
	if (rc != SQLITE_DONE && strncmp(sqlite3_errmsg(db), "regex: ", 7) != 0)
		fuzz_wrong("%s: '%s' fails when it runs: %s", k->plural, expr, sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	free(sql);
	filter_free(f);
	free(expr);
	return 0;
}
