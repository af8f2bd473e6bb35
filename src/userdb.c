/* The user's own database: what they keep between runs (saved filters). */
#include "config.h"
#include "userdb.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

#include "db.h"
#include "i18n.h"
#include "xmalloc.h"

/* What the user database holds; made when it is first written. */
static const char userdb_schema[] =
	"CREATE TABLE IF NOT EXISTS saved_filter ("
	" name TEXT NOT NULL PRIMARY KEY,"
	" kind TEXT NOT NULL,"
	" expr TEXT NOT NULL,"
	" saved_on TEXT NOT NULL)";

/* Where the user database is by default, or why there is none. */
char *
userdb_default_path(const char **why)
{
	const char *data = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (data != NULL && *data == '/')
		return xasprintf("%s/aiatlas/user.db", data);
	if (home != NULL && *home != '\0')
		return xasprintf("%s/.local/share/aiatlas/user.db", home);
	*why = _("neither XDG_DATA_HOME nor HOME is set; use --user-db FILE");
	return NULL;
}

/* Make the directories above path, as mkdir -p. */
static int
userdb_mkdirs(const char *path, char **cause)
{
	char *dir = xstrdup(path), *p;

	for (p = dir + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			*cause = xasprintf(_("%s: cannot make the directory: %s"), dir,
			    strerror(errno));
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

/* Open the user database; create it only if create is set. */
static sqlite3 *
userdb_open(const char *path, int create, char **cause)
{
	sqlite3 *db;

	if (!create && access(path, F_OK) != 0)
		return NULL;
	if (create && userdb_mkdirs(path, cause) != 0)
		return NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0),
	    NULL) != SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot open: %s"), path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_busy_timeout(db, 2000);
	if (db_exec(db, userdb_schema, cause) != 0) {
		char *why = *cause;
		*cause = xasprintf(_("%s: %s"), path, why);
		free(why);
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/* Save a named filter. */
int
userdb_save_filter(const char *path, const char *name, const char *kind, const char *expr,
    char **cause)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	int rc;

	if ((db = userdb_open(path, 1, cause)) == NULL)
		return -1;
	if (db_prepare(db, "INSERT OR REPLACE INTO saved_filter (name, kind, expr, saved_on)"
	    " VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", &stmt, cause) != 0) {
		sqlite3_close(db);
		return -1;
	}
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, expr, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = xasprintf(_("%s: cannot save: %s"), path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return -1;
	}
	if (sqlite3_close(db) != SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot close"), path);
		return -1;
	}
	return 0;
}

/* Read a named filter. */
int
userdb_load_filter(const char *path, const char *name, char **kind, char **expr, char **cause)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	int found;

	*cause = NULL;
	if ((db = userdb_open(path, 0, cause)) == NULL)
		return *cause != NULL ? -1 : 0;
	if (db_prepare(db, "SELECT kind, expr FROM saved_filter WHERE name = ?1", &stmt,
	    cause) != 0) {
		sqlite3_close(db);
		return -1;
	}
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	if ((found = sqlite3_step(stmt) == SQLITE_ROW)) {
		*kind = xstrdup((const char *)sqlite3_column_text(stmt, 0));
		*expr = xstrdup((const char *)sqlite3_column_text(stmt, 1));
	}
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return found;
}
