/* Build tool: the manual's key section, from the explorer's binding table. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "keys.h"

/*
 * Speak lang ("fr"): the message catalogue of $AIATLAS_LOCALEDIR (the build
 * tree's, when the manual is made) or the installed one, read in UTF-8
 * whatever the build machine's locale. Returns 0, or -1 when no locale
 * lets gettext follow LANGUAGE.
 */
static int
keydoc_speak(const char *lang)
{
#ifdef ENABLE_NLS
	const char *dir;

	if (setenv("LANGUAGE", lang, 1) != 0)
		return -1;
	/* gettext ignores LANGUAGE under the "C" locale, not under C.UTF-8. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL && setlocale(LC_ALL, "C.utf8") == NULL &&
	    setlocale(LC_ALL, "") == NULL)
		return -1;
	dir = getenv("AIATLAS_LOCALEDIR");
	bindtextdomain(PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#else
	(void)lang;
#endif
	return 0;
}

/* Write the key section in roff on standard output, in English or, with
 * --lang LANG, in that language. */
int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--lang") == 0) {
		if (keydoc_speak(argv[2]) != 0) {
			fprintf(stderr, "aiatlas-keydoc: no locale to speak %s in\n", argv[2]);
			return 2;
		}
	} else if (argc != 1) {
		fputs("usage: aiatlas-keydoc [--lang LANG]\n", stderr);
		return 2;
	}
	keys_write_man(stdout);
	return fflush(stdout) == 0 ? 0 : 2;
}
