/* Files written whole or not at all: to a temporary name beside the
 * target, synced, then renamed over it. */
#include "config.h"
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "xmalloc.h"

struct outfile {
	char	*path;		/* as given, for messages */
	char	*target;	/* what the file is renamed to: path, or where its link points */
	char	*tmp;		/* the temporary file; NULL when path is written directly */
	FILE	*fp;
};

/* Set *cause to "cannot write PATH: reason" for errno err. */
static void
outfile_error(const char *path, int err, char **cause)
{
	*cause = xasprintf(_("cannot write %s: %s"), path, strerror(err));
}

/* Free f, closing its stream if still open. */
static void
outfile_free(struct outfile *f)
{
	if (f->fp != NULL)
		fclose(f->fp);
	free(f->path);
	free(f->target);
	free(f->tmp);
	free(f);
}

/* The mode a new file gets: 0666 less the umask. */
static mode_t
outfile_new_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* The directory that holds path: "." for a bare name. */
char *
outfile_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? xstrdup(".") :
	    xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* Sync the directory that holds path, so that the rename lasts; a file
 * system that cannot is no reason to fail. */
static void
outfile_sync_dir(const char *path)
{
	char *dir = outfile_dir(path);
	int fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Start writing path, through a temporary file beside it. */
struct outfile *
outfile_open(const char *path, char **cause)
{
	struct outfile *f = xcalloc(1, sizeof *f);
	struct stat st;
	const char *slash;
	char *real;
	mode_t mode;
	int fd, err, exists;

	f->path = xstrdup(path);
	exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		outfile_error(path, EISDIR, cause);
		outfile_free(f);
		return NULL;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		/* A device or a pipe cannot be renamed over: write it as it is. */
		if ((fd = open(path, O_WRONLY | O_TRUNC | O_NOCTTY)) < 0)
			goto fail;
	} else {
		/* Replace what a link points to, not the link. */
		real = exists && lstat(path, &st) == 0 && S_ISLNK(st.st_mode) ?
		    realpath(path, NULL) : NULL;
		f->target = real != NULL ? real : xstrdup(path);
		slash = strrchr(f->target, '/');
		f->tmp = xasprintf("%.*s.%s.XXXXXX", slash == NULL ? 0 :
		    (int)(slash - f->target + 1), f->target, slash == NULL ? f->target : slash + 1);
		mode = exists && stat(f->target, &st) == 0 ? st.st_mode & 07777 : outfile_new_mode();
		if ((fd = mkstemp(f->tmp)) < 0) {
			free(f->tmp);
			f->tmp = NULL;
			goto fail;
		}
		if (fchmod(fd, mode) != 0)
			goto fail_fd;
	}
	if ((f->fp = fdopen(fd, "w")) == NULL)
		goto fail_fd;
	return f;

fail_fd:
	err = errno;
	close(fd);
	if (f->tmp != NULL)
		unlink(f->tmp);
	errno = err;
fail:
	outfile_error(path, errno, cause);
	outfile_free(f);
	return NULL;
}

/* The stream to write to. */
FILE *
outfile_stream(struct outfile *f)
{
	return f->fp;
}

/* The temporary file written to, or NULL when the file itself is. */
const char *
outfile_temporary(const struct outfile *f)
{
	return f->tmp;
}

/* Flush, sync, close and rename; -1 with *cause, leaving nothing behind. */
int
outfile_commit(struct outfile *f, char **cause)
{
	int err = 0;

	errno = 0;
	if (fflush(f->fp) != 0 || ferror(f->fp))
		err = errno != 0 ? errno : EIO;
	else if (f->tmp != NULL && fsync(fileno(f->fp)) != 0)
		err = errno;
	if (fclose(f->fp) != 0 && err == 0)
		err = errno;
	f->fp = NULL;
	if (err == 0 && f->tmp != NULL && rename(f->tmp, f->target) != 0)
		err = errno;
	if (err != 0) {
		outfile_error(f->path, err, cause);
		outfile_abort(f);
		return -1;
	}
	if (f->tmp != NULL)
		outfile_sync_dir(f->target);
	outfile_free(f);
	return 0;
}

/* Remove the temporary file and free f. */
void
outfile_abort(struct outfile *f)
{
	if (f->fp != NULL) {
		fclose(f->fp);
		f->fp = NULL;
	}
	if (f->tmp != NULL)
		unlink(f->tmp);
	outfile_free(f);
}

/* Whether path names an existing file or directory. */
int
outfile_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* The temporary directory (see outfile.h). */
const char *
outfile_temp_dir(void)
{
	const char *tmp = getenv("TMPDIR");

	return tmp != NULL && *tmp == '/' ? tmp : "/tmp";
}

/* A new empty file named prefix-XXXXXX in the temporary directory (see
 * outfile.h). */
char *
outfile_temp(const char *prefix, int *fd)
{
	char *path = xasprintf("%s/%s-XXXXXX", outfile_temp_dir(), prefix);
	int saved;

	if ((*fd = mkstemp(path)) == -1) {
		saved = errno;
		free(path);
		errno = saved;
		return NULL;
	}
	return path;
}
