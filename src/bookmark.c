/* The user's bookmarks on records, kept in schema user by record id. */
#include "config.h"
#include "bookmark.h"

#include <stdlib.h>
#include <sqlite3.h>

#include "db.h"
#include "i18n.h"
#include "note.h"
#include "userdb.h"
#include "xmalloc.h"

/* Every bookmark; an orphan's title is its id. */
const char bookmark_list_sql[] =
	"SELECT b.subject_id AS record, l.kind AS kind,"
	" coalesce(CASE ?1 WHEN 'fr' THEN l.name_fr ELSE l.name_en END, b.subject_id) AS title,"
	" b.created_at AS bookmarked,"
	" CASE WHEN " NOTE_RECORD_EXISTS("b.subject_id") " THEN 'no' ELSE 'yes' END AS orphaned"
	" FROM user.bookmark AS b LEFT JOIN record_label AS l ON l.id = b.subject_id"
	" ORDER BY b.created_at, b.subject_id";

/* Bookmark or unbookmark records, all in one write. */
int
bookmark_set(struct userdb *u, char *const *ids, int n, int on, char **cause)
{
	sqlite3_stmt *stmt;
	int i, changed = 0;

	if (userdb_begin(u, cause) != 0)
		return -1;
	if (db_prepare(u->db, on ? "INSERT OR IGNORE INTO user.bookmark (subject_id, created_at)"
	    " VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))" :
	    "DELETE FROM user.bookmark WHERE subject_id = ?1", &stmt, cause) != 0) {
		userdb_rollback(u);
		return -1;
	}
	for (i = 0; i < n; i++) {
		sqlite3_bind_text(stmt, 1, ids[i], -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			*cause = xasprintf(_("%s: cannot save: %s"), u->path,
			    sqlite3_errmsg(u->db));
			sqlite3_finalize(stmt);
			userdb_rollback(u);
			return -1;
		}
		changed += sqlite3_changes(u->db);
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
	if (userdb_commit(u, cause) != 0)
		return -1;
	return changed;
}

/* Whether a record is bookmarked. */
int
bookmark_is(sqlite3 *db, const char *id)
{
	sqlite3_stmt *stmt;
	int rc;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM user.bookmark WHERE subject_id = ?1", -1,
	    &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
