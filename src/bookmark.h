/* The user's bookmarks on records, kept in schema user by record id. */
#ifndef AIATLAS_BOOKMARK_H
#define AIATLAS_BOOKMARK_H

#include <sqlite3.h>

struct userdb;

/* The bookmarks, oldest first, as bookmark list prints them: record, kind,
 * title, bookmarked (when), orphaned (yes when the record no longer
 * exists). ?1 the language of titles. */
extern const char bookmark_list_sql[];

/* Bookmark (on) or unbookmark the n records ids, in one write: how many
 * changed, or -1 with *cause (then none did). */
int	 bookmark_set(struct userdb *u, char *const *ids, int n, int on, char **cause);
/* Whether record id is bookmarked: 1, 0, or -1 on a database error. */
int	 bookmark_is(sqlite3 *db, const char *id);

#endif
