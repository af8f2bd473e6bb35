/* aiatlas-mkdb: build the bundled database from a directory of CSV files. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "db.h"
#include "fts.h"
#include "i18n.h"
#include "load.h"
#include "trigrams-apart.h"
#include "xmalloc.h"

/* Print one problem found by the checks. */
static void
mkdb_report(void *arg, const char *problem)
{
	fprintf(stderr, "aiatlas-mkdb: %s: %s\n", (const char *)arg, problem);
}

/* What the build starts once the rows are in: the trigram index, made in
 * the file at tri by a process of its own. */
struct mkdb_apart {
	const char		*tri;
	struct trigrams_apart	*t;
};

/* Once every row is in (load_dir()'s loaded): fill the table of text and
 * start the trigram index from it, so that it is made while the load's
 * indexes are made and its rows checked, then the word index. */
static int
mkdb_loaded(sqlite3 *db, void *arg, char **cause)
{
	struct mkdb_apart *a = arg;

	if (fts_build_parts(db, FTS_PART_TEXT, cause) != 0)
		return -1;
	a->t = trigrams_apart_start(db, "main", "record", a->tri, cause);
	return a->t != NULL ? 0 : -1;
}

/* Load every kind's file from dir into db, index and check it; the
 * trigram index is made in a file at tri meanwhile. */
static int
mkdb_build(sqlite3 *db, const char *dir, const char *tri, char **cause)
{
	struct mkdb_apart a = { tri, NULL };
	int problems;

	/* A new file renamed into place at the end: no journal is needed, and
	 * a large cache keeps a big dataset off the disk until it is done.
	 * Sorts for indexes spill to temporary files rather than memory. */
	if (db_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	    " PRAGMA cache_size = -262144; PRAGMA temp_store = FILE", cause) != 0)
		return -1;
	/* The two full-text indexes are made at once, each on a core: the
	 * trigram index in a file of its own, started before the load's
	 * indexes and checks, which run beside it; the word index in db's
	 * after them, with SQLite's own cache size, which the large one only
	 * slowed (a million records: its rebuild 26.5 -> 21.0 s, its merge
	 * 9.0 -> 8.0 s). The whole build 78.4 and 78.4 -> 73.8 and 75.7 s,
	 * in turn. */
	if (load_dir(db, dir, mkdb_loaded, &a, cause) != 0 ||
	    db_exec(db, "PRAGMA cache_size = -2000", cause) != 0 ||
	    fts_build_parts(db, FTS_PART_WORDS, cause) != 0) {
		if (a.t != NULL)
			trigrams_apart_finish(a.t, NULL, NULL);
		return -1;
	}
	if (trigrams_apart_finish(a.t, db, cause) != 0)
		return -1;
	/* The file's storage is checked by aiatlas check, not here: SQLite
	 * has just written it, and made the indexes from the text. Nor is
	 * what the schema and the load have held for each row. */
	problems = check_loaded(db, mkdb_report, (void *)dir, cause);
	if (problems != 0) {
		if (problems > 0)
			*cause = xasprintf(ngettext("%s: %d problem found by the checks",
			    "%s: %d problems found by the checks", problems), dir, problems);
		return -1;
	}
	/* No VACUUM: the tables were filled once, so it would free about 3%
	 * of the pages (89 MB of 2.8 GB at a million records, left by the
	 * merges of the full-text indexes), for twice the time and a whole
	 * copy of the database in temporary storage. */
	return 0;
}

/* aiatlas-mkdb -o OUT DATADIR. It never calls setlocale: it runs in the C
 * locale, so the database is the same whatever the builder's locale. */
int
main(int argc, char **argv)
{
	sqlite3 *db;
	char *tmp, *tri, *cause = NULL;
	const char *out = NULL;
	int opt, status = 0;

	while ((opt = getopt(argc, argv, "o:")) != -1) {
		if (opt != 'o')
			goto usage;
		out = optarg;
	}
	if (out == NULL || optind != argc - 1)
		goto usage;

	db_init();
	tmp = xasprintf("%s.tmp", out);
	tri = xasprintf("%s.trigrams.tmp", out);
	unlink(tmp);
	if ((db = db_create(tmp, &cause)) == NULL ||
	    mkdb_build(db, argv[optind], tri, &cause) != 0) {
		fprintf(stderr, "aiatlas-mkdb: %s\n", cause);
		db_close(db);
		status = 2;
	} else if (sqlite3_close(db) != SQLITE_OK || rename(tmp, out) != 0) {
		fprintf(stderr, "aiatlas-mkdb: cannot write %s: %s\n", out, strerror(errno));
		status = 2;
	}
	if (status != 0)
		unlink(tmp);
	free(cause);
	free(tmp);
	free(tri);
	return status;

usage:
	fprintf(stderr, "usage: aiatlas-mkdb -o OUT.db DATADIR\n");
	return 2;
}
