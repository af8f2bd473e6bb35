/* The CSV loader: one for the bundled dataset and for user imports. */
#ifndef AIATLAS_LOAD_H
#define AIATLAS_LOAD_H

#include <sqlite3.h>

struct kind;
struct load;

/* Start loading into db, in one transaction; NULL with *cause on error. */
struct load	*load_begin(sqlite3 *db, char **cause);
/* Start loading into schema user, within the caller's transaction (which
 * the caller ends): ids, references and citations are checked across main
 * and user (the merged views), and after the first error the others are
 * counted in *others rather than stopping. NULL with *cause on error. */
struct load	*load_begin_user(sqlite3 *db, unsigned long *others, char **cause);
/* The rows of data read so far (blank lines left out). */
unsigned long	 load_rows(const struct load *l);
/* Have fn called with the rows read so far, every thousand rows. */
void		 load_progress(struct load *l, void (*fn)(void *, unsigned long), void *arg);
/* Have fn(db, arg, cause) called by load_finish() once every row is in,
 * in the load's transaction, before the indexes the load left out are
 * made and the rows checked: what it starts may run meanwhile. If it
 * fails (-1 with *cause), so does load_finish(). */
void		 load_when_loaded(struct load *l,
		     int (*fn)(sqlite3 *, void *, char **), void *arg);
/* Load one CSV file into a kind's table (kind_find()). On error *cause is
 * "file:line: column: reason" and the caller must call load_abort(). */
int		 load_file(struct load *l, const char *path, const struct kind *k,
		     char **cause);
/* Check ids, references, citations and claims, compute each funding's
 * confidence, then commit (the loader's own transaction); frees l. On
 * error the loader's transaction is rolled back and *cause names the
 * first bad row. */
int		 load_finish(struct load *l, char **cause);
/* Load a data directory's files, every kind in order (an optional kind's
 * file may be missing), and finish, with loaded (or NULL) as
 * load_when_loaded() says; -1 with *cause naming the first bad row. */
int		 load_dir(sqlite3 *db, const char *dir,
		     int (*loaded)(sqlite3 *, void *, char **), void *arg, char **cause);
/* After load_file() failed with the others counted (load_begin_user()),
 * count what load_finish() would find wrong as well. */
void		 load_count_rest(struct load *l);
/* The SELECT list of every column the loader takes for k, from its table
 * (the computed ones left out) and, for a kind that takes sources, its
 * whole-record citations as the sources column does ("id#locator;id"):
 * what list --wide writes so that it imports again. NULL with *cause. */
char		*load_export_columns(sqlite3 *db, const struct kind *k, char **cause);
/* Roll back and free. */
void		 load_abort(struct load *l);

#endif
