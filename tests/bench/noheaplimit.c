/* Preloaded into aiatlas-mkdb by the benchmark when the build fails for
 * want of memory: SQLite's hard heap limit (512 MB, db.c) stops the
 * build's checks past about 100,000 records, so the benchmark says so and
 * then builds without the limit to measure the rest. */
#include <sqlite3.h>

sqlite3_int64 sqlite3_hard_heap_limit64(sqlite3_int64 n);

/* Leave the limit unset: what the limit was, 0 (none). */
sqlite3_int64
sqlite3_hard_heap_limit64(sqlite3_int64 n)
{
	(void)n;
	return 0;
}
