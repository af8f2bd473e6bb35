/* The user's own database, attached as schema "user" on the main connection. */
#ifndef AIATLAS_USERDB_H
#define AIATLAS_USERDB_H

#include <stddef.h>

#include <sqlite3.h>

#include "check.h"

/* The user database of a connection. Reads go to schema user (its tables
 * are there, empty, even before the file exists); a write goes between
 * userdb_begin() and userdb_commit() or userdb_rollback(). */
struct userdb {
	sqlite3		*db;	/* the main connection, where it is attached */
	char		*path;	/* its file; NULL: none, and nothing can be saved */
	const char	*why;	/* why there is no file, when path is NULL */
	char		*readonly;	/* why the file cannot be written, or NULL */
	char		*notice;	/* to say once: a damaged file was moved aside */
	int		 file;	/* the file is attached (else an empty schema in memory) */
	int		 image;	/* that empty schema is the image, read-only */
	int		 writing;	/* between userdb_begin() and its end */
	int		 committing;	/* in userdb_commit() */
	int		 made;	/* the file was made by this write, not yet committed */
	char		*made_dir;	/* the first directory above it made then, or NULL */
};

/* Where the user database is by default: $XDG_DATA_HOME/aiatlas/user.db,
 * or ~/.local/share/aiatlas/user.db; NULL with *why if neither can be
 * known. */
char	*userdb_default_path(const char **why);
/* Start every empty user database as a copy of image (size bytes): the
 * one aiatlas-userimage made for the bundled database's schema, so that
 * its statements are not run at each start. Without it they are. */
void	 userdb_set_image(const unsigned char *image, size_t size);
/* Read an absent file as the reading copy of that image (size bytes;
 * aiatlas-userimage --read): its tables and columns alone, quicker to
 * read at start. Without it, as the image. */
void	 userdb_set_read_image(const unsigned char *image, size_t size);
/* Attach the user database at path (NULL: none, for the reason why) to db
 * as schema user, bringing an older one to the current version; a file
 * that does not exist is not made. A file that cannot be written (or its
 * directory) is read, and writes say why they cannot be saved. A damaged
 * file is moved aside, never deleted, and an empty one takes its place:
 * u->notice says where it went. NULL with *cause (naming the file) if it
 * is not a user database, is from a newer aiatlas, or is damaged and
 * cannot be moved; it is then left as it was. */
struct userdb *userdb_open(sqlite3 *db, const char *path, const char *why, char **cause);
/* Forget the user database (the connection closes it). */
void	 userdb_free(struct userdb *u);
/* Why nothing can be saved (--no-user-db, no HOME, a read-only file or
 * directory), or NULL. */
const char *userdb_unavailable(const struct userdb *u);
/* Why nothing can be read (--no-user-db, no HOME), or NULL. */
const char *userdb_unreadable(const struct userdb *u);
/* Run SQLite's integrity check on the file, if there is one, giving each
 * problem to report(arg, problem). The number of problems, or -1 with
 * *cause. */
int	 userdb_check(struct userdb *u, check_report_fn report, void *arg, char **cause);
/* Begin a write, holding the file's write lock; the file and its
 * directories are made first if needed. 0, or -1 with *cause. */
int	 userdb_begin(struct userdb *u, char **cause);
/* Begin a write to try what it would do, in the file or in the empty
 * schema in memory, never making the file: it ends with
 * userdb_rollback(). 0, or -1 with *cause. */
int	 userdb_begin_trial(struct userdb *u, char **cause);
/* After a write that failed, remove the file that userdb_begin() made for
 * it, with its journal and the directories made for it: nothing but the
 * empty image was kept in it (the write began as it was made), and schema
 * user is the empty one in memory again. Nothing is done for a file that
 * was there before. */
void	 userdb_unmake(struct userdb *u);
/* End a write: all of it is kept, or (-1 with *cause) none of it. */
int	 userdb_commit(struct userdb *u, char **cause);
/* End a write, keeping none of it. */
void	 userdb_rollback(struct userdb *u);

#endif
