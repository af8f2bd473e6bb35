/* dbedit FILE SQL: run SQL on a database file as a hostile hand could,
 * schema included (writable_schema, no defensive mode), so the tests can
 * make the databases aiatlas must refuse without the sqlite3 shell; with
 * the collation of the schema's indexes of names (match.h), which a
 * program that writes those tables needs. */
#include "config.h"

#include <stdio.h>
#include <sqlite3.h>

#include "match.h"

/* Run argv[2] on the database file argv[1]. */
int
main(int argc, char **argv)
{
	sqlite3 *db;
	char *msg = NULL;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: dbedit FILE SQL\n");
		return 2;
	}
	if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
		fprintf(stderr, "dbedit: %s: %s\n", argv[1], sqlite3_errmsg(db));
		return 2;
	}
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_WRITABLE_SCHEMA, 1, NULL);
	match_register(db);
	rc = sqlite3_exec(db, argv[2], NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fprintf(stderr, "dbedit: %s: %s\n", argv[1], msg != NULL ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : 2;
}
