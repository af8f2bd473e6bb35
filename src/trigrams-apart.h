/* A trigram index made in a second process beside the word index. */
#ifndef AIATLAS_TRIGRAMS_APART_H
#define AIATLAS_TRIGRAMS_APART_H

#include <sqlite3.h>

struct trigrams_apart;

/* Copy the text of schema's records (name_text, filled) into a new file
 * at path and start making the trigram index of all of them (name_tri)
 * there, in a process of its own, which never touches db's files: db may
 * go on writing meanwhile. NULL with *cause if it could not start (the
 * file is removed). */
struct trigrams_apart	*trigrams_apart_start(sqlite3 *db, const char *schema,
			     const char *name, const char *path, char **cause);
/* Wait for that index and copy its tables into the schema's name_tri,
 * whose own statement made it, in place of what it held (with db NULL,
 * stop it); the file is removed. 0, or -1 with *cause (with db NULL,
 * cause may be NULL). */
int			 trigrams_apart_finish(struct trigrams_apart *t, sqlite3 *db,
			     char **cause);

#endif
