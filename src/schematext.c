/* aiatlas-schematext: the schema of a database as db_schema_text() writes
 * it, made at build time for the bundled database and the empty user
 * database, so that a database given with the same schema is taken as
 * checked without a reference to compare it with. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"

/* Write the schema of FILE, with its settings for "main" (the bundled
 * database's kind) or without for "user". */
int
main(int argc, char **argv)
{
	sqlite3 *db;
	char *text, *cause = NULL;

	if (argc != 3 || (strcmp(argv[2], "main") != 0 && strcmp(argv[2], "user") != 0)) {
		fprintf(stderr, "usage: aiatlas-schematext FILE.db main|user\n");
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "aiatlas-schematext: %s: %s\n", argv[1], sqlite3_errmsg(db));
		return 1;
	}
	if ((text = db_schema_text(db, "main", strcmp(argv[2], "main") == 0, &cause)) == NULL) {
		fprintf(stderr, "aiatlas-schematext: %s: %s\n", argv[1], cause);
		return 1;
	}
	fputs(text, stdout);
	free(text);
	sqlite3_close(db);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("aiatlas-schematext: stdout");
		return 1;
	}
	return 0;
}
