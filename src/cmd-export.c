/* aiatlas export-db: the database as a SQLite file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "db.h"
#include "i18n.h"
#include "xmalloc.h"

/* Write all of buf to fd. */
static int
cmd_export_write(int fd, const unsigned char *buf, size_t size)
{
	ssize_t n;

	while (size > 0) {
		if ((n = write(fd, buf, size)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		size -= (size_t)n;
	}
	return 0;
}

/* Write the open database to a new file, all or nothing: the data goes to
 * a temporary file, and link() gives it its name only if none exists. */
int
cmd_export_db(struct cli *c, int argc, char **argv)
{
	const char *path = argv[0];
	unsigned char *image;
	sqlite3_int64 size;
	char *tmp;
	int fd, saved;

	if (access(path, F_OK) == 0) {
		cli_error(_("export-db: %s already exists; remove it or choose another name"), path);
		return CLI_USAGE;
	}
	if ((image = sqlite3_serialize(c->db, "main", &size, 0)) == NULL) {
		cli_error(_("export-db: cannot read %s: %s"), c->db_name, db_error(c->db));
		return CLI_USAGE;
	}
	tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0 || cmd_export_write(fd, image, (size_t)size) != 0 || fsync(fd) != 0 ||
	    close(fd) != 0 || (fd = -1, link(tmp, path) != 0)) {
		saved = errno;
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		cli_error(_("export-db: cannot write %s: %s"), path, strerror(saved));
		free(tmp);
		sqlite3_free(image);
		return CLI_USAGE;
	}
	unlink(tmp);
	free(tmp);
	sqlite3_free(image);
	return CLI_OK;
}
