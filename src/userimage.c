/* aiatlas-userimage: an empty user database for the bundled one, made at
 * build time so that the program attaches a copy of it rather than
 * running its schema's statements at every start; and its reading copy,
 * what is attached when there is no file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The objects of the user database attached as "full" that its reading
 * copy makes again, in the order they were made: its tables and views,
 * and its virtual tables (the full-text indexes), which make their own
 * shadow tables. */
static const char userimage_objects_sql[] =
	"SELECT l.type, s.name, s.sql FROM full.sqlite_schema AS s"
	" JOIN pragma_table_list AS l ON l.schema = 'full' AND l.name = s.name"
	" WHERE l.type IN ('table', 'view', 'virtual')"
	"   AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY s.rowid";

/* Make the statement of the reading copy's object of that type, name and
 * statement in full: a table as its columns alone (no constraint, index
 * or trigger: the copy is empty and never written, and SQLite reads each
 * of those at every start), the others as they are. */
static char *
userimage_read_statement(const char *type, const char *name, const char *sql)
{
	char *q, *made;

	if (strcmp(type, "table") != 0)
		return xstrdup(sql);
	q = sqlite3_mprintf("CREATE TABLE main.\"%w\" AS SELECT * FROM full.\"%w\" WHERE 0",
	    name, name);
	made = xstrdup(q);
	sqlite3_free(q);
	return made;
}

/* The integer that "PRAGMA full.NAME" gives in db into *value: 0, or -1
 * with *cause. */
static int
userimage_pragma(sqlite3 *db, const char *name, int *value, char **cause)
{
	sqlite3_stmt *stmt;
	char *sql = xasprintf("PRAGMA full.%s", name);
	int r = db_prepare(db, sql, &stmt, cause);

	free(sql);
	if (r != 0)
		return -1;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		*cause = xstrdup(sqlite3_errmsg(db));
		r = -1;
	} else
		*value = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return r;
}

/* Make in db the reading copy's objects, from the user database attached
 * as "full", and its version: 0, or -1 with *cause. */
static int
userimage_fill_read(sqlite3 *db, char **cause)
{
	sqlite3_stmt *stmt;
	char *make;
	int rc, version, app;

	if (db_prepare(db, userimage_objects_sql, &stmt, cause) != 0)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		make = userimage_read_statement(db_text(stmt, 0), db_text(stmt, 1),
		    db_text(stmt, 2));
		rc = db_exec(db, make, cause);
		free(make);
		if (rc != 0) {
			sqlite3_finalize(stmt);
			return -1;
		}
	}
	if (rc != SQLITE_DONE)
		*cause = xstrdup(sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE ||
	    userimage_pragma(db, "user_version", &version, cause) != 0 ||
	    userimage_pragma(db, "application_id", &app, cause) != 0)
		return -1;
	make = xasprintf("PRAGMA main.user_version = %d; PRAGMA main.application_id = %d",
	    version, app);
	rc = db_exec(db, make, cause);
	free(make);
	return rc;
}

/* Write READ, the reading copy of the empty user database FULL: the same
 * tables with the same columns and version, and nothing else. 0, or -1
 * with a message. */
static int
userimage_write_read(const char *full, const char *read)
{
	sqlite3 *db;
	char *cause = NULL, *sql;
	int r;

	remove(read);
	if (sqlite3_open_v2(read, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	    NULL) != SQLITE_OK) {
		fprintf(stderr, "aiatlas-userimage: %s: %s\n", read, sqlite3_errmsg(db));
		sqlite3_close(db);
		return -1;
	}
	/* Small pages: the copy holds little more than its schema. */
	sql = sqlite3_mprintf("PRAGMA page_size = 1024; ATTACH %Q AS full; BEGIN", full);
	r = db_exec(db, sql, &cause) != 0 || userimage_fill_read(db, &cause) != 0 ||
	    db_exec(db, "COMMIT; DETACH full", &cause) != 0 ? -1 : 0;
	sqlite3_free(sql);
	if (sqlite3_close(db) != SQLITE_OK && r == 0) {
		cause = xasprintf("%s", sqlite3_errmsg(db));
		r = -1;
	}
	if (r != 0) {
		fprintf(stderr, "aiatlas-userimage: %s: %s\n", read, cause);
		free(cause);
		remove(read);
	}
	return r;
}

/* Write OUT, the empty user database of the bundled database BUNDLED; or
 * with --read, the reading copy of the empty user database USERDB. */
int
main(int argc, char **argv)
{
	unsigned char *image;
	struct userdb *u;
	sqlite3_stmt *stmt;
	sqlite3 *db;
	char *cause = NULL;
	size_t size;

	if (argc == 4 && strcmp(argv[1], "--read") == 0)
		return userimage_write_read(argv[2], argv[3]) == 0 ? 0 : 1;
	if (argc != 3) {
		fprintf(stderr, "usage: aiatlas-userimage BUNDLED.db OUT.db\n"
		    "       aiatlas-userimage --read USERDB.db OUT.db\n");
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
