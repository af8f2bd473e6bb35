/*
 * The fixture for C unit tests: tests/fixtures loaded into a new database
 * in memory, as aiatlas-mkdb loads a data directory. Include after tap.h.
 */
#ifndef AIATLAS_FIXTURE_H
#define AIATLAS_FIXTURE_H

#include <stdlib.h>

#include "db.h"
#include "load.h"
#include "merge.h"
#include "xmalloc.h"

/* Load the fixture's CSV files into a new database in memory, or stop. */
static inline sqlite3 *
fixture_open(void)
{
	const char *top = getenv("top_srcdir");
	sqlite3 *db;
	char *cause = NULL, *dir;

	dir = xasprintf("%s/tests/fixtures", top == NULL ? "." : top);
	/* The tables the program makes when it opens a database (merge.c). */
	if ((db = db_create(":memory:", &cause)) == NULL || load_dir(db, dir, NULL, NULL, &cause) != 0 ||
	    merge_open(db, &cause) != 0)
		bail_out("cannot load the fixture: %s", cause);
	free(dir);
	return db;
}

#endif
