/* Saved filters: a list's filter kept under a name in the user database. */
#include "config.h"
#include "saved-filter.h"

#include <stdlib.h>
#include <sqlite3.h>

#include "db.h"
#include "i18n.h"
#include "userdb.h"
#include "xmalloc.h"

/* Save a named filter, in one write of the user database. */
int
saved_filter_save(struct userdb *u, const char *name, const char *kind, const char *expr,
    char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (userdb_begin(u, cause) != 0)
		return -1;
	if (db_prepare(u->db, "INSERT OR REPLACE INTO user.saved_filter (name, kind, expr,"
	    " saved_on) VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", &stmt,
	    cause) != 0) {
		userdb_rollback(u);
		return -1;
	}
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, expr, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = xasprintf(_("%s: cannot save: %s"), u->path, sqlite3_errmsg(u->db));
		userdb_rollback(u);
		return -1;
	}
	return userdb_commit(u, cause);
}

/* Read a named filter. */
int
saved_filter_load(struct userdb *u, const char *name, char **kind, char **expr, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (db_prepare(u->db, "SELECT kind, expr FROM user.saved_filter WHERE name = ?1", &stmt,
	    cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*kind = xstrdup(db_text(stmt, 0));
		*expr = xstrdup(db_text(stmt, 1));
	} else if (rc != SQLITE_DONE)
		*cause = xasprintf(_("%s: cannot read saved filters: %s"), u->path,
		    sqlite3_errmsg(u->db));
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
