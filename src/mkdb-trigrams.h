/* aiatlas-mkdb's trigram index, made in a second process beside the word
 * index. */
#ifndef AIATLAS_MKDB_TRIGRAMS_H
#define AIATLAS_MKDB_TRIGRAMS_H

#include <sqlite3.h>

struct mkdb_trigrams;

/* Copy the text of db's records (record_text, filled) into a new file at
 * path and start making the trigram index there in a process of its own,
 * which never touches db's file: db may go on writing meanwhile. NULL with
 * *cause if it could not start (the file is removed). */
struct mkdb_trigrams	*mkdb_trigrams_start(sqlite3 *db, const char *path, char **cause);
/* Wait for that index and copy its tables into db's record_tri, whose own
 * statement made it (with db NULL, stop it); the file is removed. 0, or
 * -1 with *cause (with db NULL, cause may be NULL). */
int			 mkdb_trigrams_finish(struct mkdb_trigrams *t, sqlite3 *db,
			     char **cause);

#endif
