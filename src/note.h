/* The user's notes on records, kept in schema user by record id, so a note
 * stays on its record when the bundled data is rebuilt. */
#ifndef AIATLAS_NOTE_H
#define AIATLAS_NOTE_H

#include <sqlite3.h>

struct userdb;

/* SQL true when a record with id (an SQL expression) exists, bundled or
 * the user's own. */
#define NOTE_RECORD_EXISTS(id) \
	"(EXISTS (SELECT 1 FROM main.record WHERE id = " id ")" \
	" OR EXISTS (SELECT 1 FROM user.record WHERE id = " id "))"

/* The user's notes, oldest first, as note list prints them: note (its
 * number), record, kind, title, updated, text, orphaned (yes when the
 * record no longer exists). ?1 a record id, or NULL for every note; ?2
 * the language of titles. */
extern const char note_list_sql[];

/* The record id wanted names (an id in any case or an alias of a bundled
 * record, or an id of the user's own): 1 and *id (freed by the caller), 0
 * if there is none, -1 on a database error. */
int	 note_subject(sqlite3 *db, const char *wanted, char **id);
/* Add a note on record id, in one write; its number, or -1 with *cause. */
long long note_add(struct userdb *u, const char *id, const char *text, char **cause);
/* Replace the text of note number n, in one write: 1, 0 if there is no
 * such note, -1 with *cause. */
int	 note_edit(struct userdb *u, long long n, const char *text, char **cause);
/* Remove note number n, in one write: 1, 0 if there is no such note, -1
 * with *cause. */
int	 note_rm(struct userdb *u, long long n, char **cause);
/* The number and text of the last note on record id: 1 and *n, *text
 * (freed by the caller), 0 if it has none, -1 on a database error. */
int	 note_last(sqlite3 *db, const char *id, long long *n, char **text);

#endif
