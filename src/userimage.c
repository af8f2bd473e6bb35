/* aiatlas-userimage: an empty user database for the bundled one, made at
 * build time so that the program attaches a copy of it rather than
 * running its schema's statements at every start. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "userdb.h"
#include "xmalloc.h"

/* The whole of path in memory (*size bytes); NULL if it cannot be read. */
static unsigned char *
userimage_read(const char *path, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t n = 0, got;

	if (fp == NULL)
		return NULL;
	do {
		data = xrealloc(data, n + 65536);
		got = fread(data + n, 1, 65536, fp);
		n += got;
	} while (got == 65536);
	if (ferror(fp)) {
		free(data);
		data = NULL;
	}
	fclose(fp);
	*size = n;
	return data;
}

/* Write OUT, the empty user database of the bundled database BUNDLED. */
int
main(int argc, char **argv)
{
	unsigned char *image;
	struct userdb *u;
	sqlite3_stmt *stmt;
	sqlite3 *db;
	char *cause = NULL;
	size_t size;

	if (argc != 3) {
		fprintf(stderr, "usage: aiatlas-userimage BUNDLED.db OUT.db\n");
		return 2;
	}
	if ((image = userimage_read(argv[1], &size)) == NULL) {
		perror(argv[1]);
		return 1;
	}
	remove(argv[2]);
	if ((db = db_open_image(image, size, &cause)) == NULL ||
	    (u = userdb_open(db, NULL, NULL, &cause)) == NULL ||
	    db_prepare(db, "VACUUM user INTO ?1", &stmt, &cause) != 0) {
		fprintf(stderr, "aiatlas-userimage: %s\n", cause);
		return 1;
	}
	sqlite3_bind_text(stmt, 1, argv[2], -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		fprintf(stderr, "aiatlas-userimage: %s: %s\n", argv[2], sqlite3_errmsg(db));
		return 1;
	}
	sqlite3_finalize(stmt);
	userdb_free(u);
	db_close(db);
	free(image);
	return 0;
}
