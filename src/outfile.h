/* Files written whole or not at all: to a temporary name beside the
 * target, synced, then renamed over it. */
#ifndef AIATLAS_OUTFILE_H
#define AIATLAS_OUTFILE_H

#include <stdio.h>

struct outfile;

/* Start writing path: a temporary file in its directory (or path itself
 * when it exists and is not a regular file, as /dev/null). NULL with
 * *cause ("cannot write PATH: reason"). */
struct outfile	*outfile_open(const char *path, char **cause);
/* The stream to write to. */
FILE		*outfile_stream(struct outfile *f);
/* The temporary file written to, or NULL when path itself is. */
const char	*outfile_temporary(const struct outfile *f);
/* Flush, sync and give the file its name, then free f; -1 with *cause,
 * in which case nothing is left behind and an older file is as it was. */
int		 outfile_commit(struct outfile *f, char **cause);
/* Remove the temporary file and free f. */
void		 outfile_abort(struct outfile *f);
/* The directory that holds path ("." for a bare name), allocated. */
char		*outfile_dir(const char *path);
/* Whether path names an existing file or directory. */
int		 outfile_exists(const char *path);
/* The temporary directory: TMPDIR when it is an absolute path, else
 * /tmp. */
const char	*outfile_temp_dir(void);
/* A new empty file named prefix-XXXXXX (made unique) in the temporary
 * directory, that only its owner can read: its path (freed by the
 * caller), open as *fd; NULL with errno set. */
char		*outfile_temp(const char *prefix, int *fd);

#endif
