/* The user's notes on records, kept in schema user by record id. */
#include "config.h"
#include "note.h"

#include <stdlib.h>
#include <sqlite3.h>

#include "db.h"
#include "i18n.h"
#include "record.h"
#include "userdb.h"
#include "xmalloc.h"

/* The time of a write, as notes keep it. */
#define NOTE_NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* Every note, or those on one record; an orphan's title is its id. */
const char note_list_sql[] =
	"SELECT n.id AS note, n.subject_id AS record, l.kind AS kind,"
	" coalesce(CASE ?2 WHEN 'fr' THEN l.name_fr ELSE l.name_en END, n.subject_id) AS title,"
	" n.updated_at AS updated, n.body AS text,"
	" CASE WHEN " NOTE_RECORD_EXISTS("n.subject_id") " THEN 'no' ELSE 'yes' END AS orphaned"
	" FROM user.note AS n LEFT JOIN record_label AS l ON l.id = n.subject_id"
	" WHERE ?1 IS NULL OR n.subject_id = ?1"
	" ORDER BY n.created_at, n.id";

/* The record id wanted names. */
int
note_subject(sqlite3 *db, const char *wanted, char **id)
{
	sqlite3_stmt *stmt;
	char *kind = NULL;
	int r;

	if ((r = record_find(db, wanted, id, &kind)) != 0) {
		free(kind);
		return r;
	}
	if (sqlite3_prepare_v2(db, "SELECT id FROM user.record WHERE id = ?1", -1, &stmt,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, wanted, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(stmt)) == SQLITE_ROW)
		*id = xstrdup(db_text(stmt, 0));
	sqlite3_finalize(stmt);
	return r == SQLITE_ROW ? 1 : r == SQLITE_DONE ? 0 : -1;
}

/* Run one statement as one write of the user database, with ?1 and ?2
 * (text) and ?3 (a note's number) bound where it has them; it is kept if
 * it changed something. The rows changed, or -1 with *cause. */
static int
note_write(struct userdb *u, const char *sql, const char *a, const char *b, long long n,
    char **cause)
{
	sqlite3_stmt *stmt;
	int rc, changed;

	if (userdb_begin(u, cause) != 0)
		return -1;
	if (db_prepare(u->db, sql, &stmt, cause) != 0) {
		userdb_rollback(u);
		return -1;
	}
	sqlite3_bind_text(stmt, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, b, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, n);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	changed = sqlite3_changes(u->db);
	if (rc != SQLITE_DONE) {
		*cause = xasprintf(_("%s: cannot save: %s"), u->path, sqlite3_errmsg(u->db));
		userdb_rollback(u);
		return -1;
	}
	if (changed == 0) {
		userdb_rollback(u);
		return 0;
	}
	return userdb_commit(u, cause) == 0 ? changed : -1;
}

/* Add a note. */
long long
note_add(struct userdb *u, const char *id, const char *text, char **cause)
{
	if (note_write(u, "INSERT INTO user.note (subject_id, body, created_at, updated_at)"
	    " VALUES (?1, ?2, " NOTE_NOW ", " NOTE_NOW ")", id, text, 0, cause) < 0)
		return -1;
	return sqlite3_last_insert_rowid(u->db);
}

/* Replace a note's text. */
int
note_edit(struct userdb *u, long long n, const char *text, char **cause)
{
	return note_write(u, "UPDATE user.note SET body = ?2, updated_at = " NOTE_NOW
	    " WHERE id = ?3", NULL, text, n, cause);
}

/* Remove a note. */
int
note_rm(struct userdb *u, long long n, char **cause)
{
	return note_write(u, "DELETE FROM user.note WHERE id = ?3", NULL, NULL, n, cause);
}

/* The last note on a record. */
int
note_last(sqlite3 *db, const char *id, long long *n, char **text)
{
	sqlite3_stmt *stmt;
	int rc;

	if (sqlite3_prepare_v2(db, "SELECT id, body FROM user.note WHERE subject_id = ?1"
	    " ORDER BY created_at DESC, id DESC LIMIT 1", -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*n = sqlite3_column_int64(stmt, 0);
		*text = xstrdup(db_text(stmt, 1));
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
