/* Reading a database file through a memory map (see dbmap.h). */
#include "config.h"
#include "dbmap.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "db.h"
#include "i18n.h"
#include "text.h"
#include "xmalloc.h"

/* How much of the file SQLite may map: all of it, up to the most its
 * build allows (2 GiB by default); past that, pages are read as before. */
#define DBMAP_SIZE	"1099511627776"

/* The files mapped, and what the handler writes, made beforehand: a
 * signal handler may call nothing that allocates or formats. */
static char		*dbmap_paths[2];
static char		*dbmap_message;
static size_t		 dbmap_message_len;
static const char	*volatile dbmap_tmp;

/* SIGBUS: a page of the map could not be read. SQLite cannot go on past
 * it, so the program ends here, saying why. */
static void
dbmap_on_bus(int sig)
{
	ssize_t w;

	(void)sig;
	w = write(STDERR_FILENO, dbmap_message, dbmap_message_len);
	(void)w;
	if (dbmap_tmp != NULL)
		unlink(dbmap_tmp);
	_exit(CLI_USAGE);
}

/* The message for the files mapped (one or two), escaped as every
 * message naming a file is: SIGBUS does not say which file failed. */
static char *
dbmap_make_message(size_t *len)
{
	char *what, *buf = NULL;
	FILE *fp;

	if (dbmap_paths[1] == NULL)
		what = xasprintf(_("%s: cannot read the database: the file was cut short, or"
		    " could not be read, while it was being read"), dbmap_paths[0]);
	else
		what = xasprintf(_("%s or %s: cannot read the databases: one of the files was cut"
		    " short, or could not be read, while it was being read"), dbmap_paths[0],
		    dbmap_paths[1]);
	if ((fp = open_memstream(&buf, len)) == NULL) {
		free(what);
		return NULL;
	}
	fputs("aiatlas: ", fp);
	text_escape_local(fp, what, strlen(what));
	fputc('\n', fp);
	free(what);
	if (fclose(fp) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Map the file path of schema of db, once SIGBUS is caught (see dbmap.h). */
void
dbmap_open(sqlite3 *db, const char *schema, const char *path)
{
	struct sigaction sa;
	char *message, *sql;
	size_t len;
	int i = dbmap_paths[0] == NULL ? 0 : 1;

	if (dbmap_paths[1] != NULL)
		return;
	dbmap_paths[i] = xstrdup(path);
	if ((message = dbmap_make_message(&len)) == NULL) {
		free(dbmap_paths[i]);
		dbmap_paths[i] = NULL;
		return;
	}
	free(dbmap_message);
	dbmap_message = message;
	dbmap_message_len = len;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = dbmap_on_bus;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGBUS, &sa, NULL) != 0)
		return;
	sql = xasprintf("PRAGMA \"%s\".mmap_size = " DBMAP_SIZE, schema);
	db_exec(db, sql, NULL);
	free(sql);
}

/* Note the temporary output file (see dbmap.h). */
void
dbmap_output(const char *tmp)
{
	dbmap_tmp = tmp;
}
