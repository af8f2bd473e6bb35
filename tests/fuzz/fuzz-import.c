/* Fuzzing the CSV importer: the first byte picks a kind, the rest is the
 * file given to 'aiatlas import FILE --into KIND --dry-run' against the
 * fixture; after it the user's schema holds no row. */
#include "config.h"

#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "kind.h"
#include "../unit/tap.h"
#include "fuzz.h"

/* Where the input is written for the importer to read it. */
static pid_t fuzz_import_pid;
static char fuzz_import_dir[] = "/tmp/aiatlas-fuzz-import-XXXXXX";
static char *fuzz_import_path;

/* Remove the file and its directory at exit, in the process that made
 * them (not in a child of replay.c). */
static void
fuzz_import_clean(void)
{
	if (getpid() == fuzz_import_pid) {
		unlink(fuzz_import_path);
		rmdir(fuzz_import_dir);
	}
	free(fuzz_import_path);
}

/* Load the fixture and make the directory before the first input. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_fixture(NULL);
	if (mkdtemp(fuzz_import_dir) == NULL)
		bail_out("%s: cannot make it", fuzz_import_dir);
	fuzz_import_path = xasprintf("%s/fuzz.csv", fuzz_import_dir);
	fuzz_import_pid = getpid();
	atexit(fuzz_import_clean);
	return 0;
}

/* The i-th kind that a file can be imported into, counting round. */
static const struct kind *
fuzz_import_kind(unsigned int i)
{
	unsigned int n = 0, j;

	for (j = 0; kinds[j].table != NULL; j++)
		n += kinds[j].file != NULL;
	i %= n;
	for (j = 0; kinds[j].table != NULL; j++)
		if (kinds[j].file != NULL && i-- == 0)
			break;
	return &kinds[j];
}

/* Import the input as a trial, then check nothing stayed. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cli c = { .lang = "en", .limit = -1, .dry_run = 1 };
	sqlite3_stmt *stmt;
	FILE *fp;
	char *argv[] = { fuzz_import_path, NULL };

	if (size < 1)
		return 0;
	c.db = fuzz_fixture(&c.user);
	c.into = fuzz_import_kind(data[0])->plural;
	if ((fp = fopen(fuzz_import_path, "wb")) == NULL ||
	    fwrite(data + 1, 1, size - 1, fp) != size - 1 || fclose(fp) != 0)
		bail_out("%s: cannot write it", fuzz_import_path);
	cmd_import(&c, 1, argv);
	if (sqlite3_get_autocommit(c.db) == 0)
		fuzz_wrong("a transaction is left open after importing into %s", c.into);
	if (sqlite3_prepare_v2(c.db, "SELECT count(*) FROM user.record", -1, &stmt,
	    NULL) != SQLITE_OK)
		fuzz_wrong("the user's records cannot be read: %s", sqlite3_errmsg(c.db));
	if (sqlite3_step(stmt) != SQLITE_ROW || sqlite3_column_int(stmt, 0) != 0)
		fuzz_wrong("a trial import into %s left records", c.into);
	sqlite3_finalize(stmt);
	return 0;
}
