/* aiatlas: a terminal explorer of the AI-sovereignty landscape. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "db.h"
#include "heap.h"
#include "i18n.h"
#include "lang.h"
#include "userdb.h"

extern const unsigned char atlas_image[];
extern const size_t atlas_image_size;
extern const unsigned char userdb_image[];
extern const size_t userdb_image_size;
extern const unsigned char userdb_read_image[];
extern const size_t userdb_read_image_size;
/* The heap a start takes (the schemas read, the first screen drawn: 1.1
 * MB with the bundled data), made present at once (heap.c). */
#define MAIN_HEAP_AT_START	(1536 * 1024)

extern const unsigned char atlas_schema_text[];
extern const unsigned char userdb_schema_text[];

#ifdef ENABLE_NLS
/*
 * Where the message catalogues are: $AIATLAS_LOCALEDIR when set; the build
 * tree's po/locale when the program running is the build tree's own
 * src/aiatlas (as /proc/self/exe tells, so an uninstalled build speaks the
 * reader's language wherever it is run from); else the installed ones.
 */
static const char *
main_localedir(void)
{
	const char *dir;
	char *self, *built;
	int same;

	dir = getenv("AIATLAS_LOCALEDIR");
	if (dir != NULL && *dir != '\0')
		return dir;
	self = realpath("/proc/self/exe", NULL);
	built = realpath(BUILD_PROGRAM, NULL);
	same = self != NULL && built != NULL && strcmp(self, built) == 0;
	free(self);
	free(built);
	return same ? BUILD_LOCALEDIR : LOCALEDIR;
}
#endif

/* Run the command line over the bundled database. */
int
main(int argc, char **argv)
{
	int status;

	setlocale(LC_ALL, "");
	/* Numbers are read and written by the program's own code (number.c,
	 * money.c): for data the same under every locale, for people in the
	 * conventions of the reader's language (lang.c), never LC_NUMERIC's. */
	setlocale(LC_NUMERIC, "C");
	/* A file past the size limit (ulimit -f) fails as a full disk does,
	 * with an error the program reports and cleans up after, rather than
	 * killing it halfway through a file. */
	signal(SIGXFSZ, SIG_IGN);
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, main_localedir());
	/* The program's text is UTF-8 inside, whatever the locale: it is
	 * turned into the terminal's characters when written (translit.c). */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
	lang_init();
	db_init();
	heap_prefault(MAIN_HEAP_AT_START);
	db_set_reference(atlas_image, atlas_image_size);
	userdb_set_image(userdb_image, userdb_image_size);
	userdb_set_read_image(userdb_read_image, userdb_read_image_size);
	db_set_schema_texts((const char *)atlas_schema_text, (const char *)userdb_schema_text);
	status = cli_main(argc, argv, atlas_image, atlas_image_size);
	/* What is still buffered (--help, --version) fails here, if it does. */
	if ((fflush(stdout) != 0 || ferror(stdout)) && status == CLI_OK) {
		cli_error(_("cannot write the output: %s"), strerror(errno));
		status = CLI_USAGE;
	}
	return status;
}
