/* The reader's language: one choice for the messages, the data and the
 * numbers, from the locale or --lang and :lang. */
#include "config.h"
#include "lang.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#ifdef ENABLE_NLS
/* GNU gettext's count of catalogue changes: raised, it forgets the
 * translations it found, so a new LANGUAGE takes effect at once. */
extern int _nl_msg_cat_cntr;
#endif

/* The language shown, and whether for machines. */
static const char *lang_current = "en";
static int lang_for_machines;

/* Take the language gettext resolved. */
void
lang_init(void)
{
	/* TRANSLATORS: the code of the language of this catalogue, "fr" in
	 * French: the language the data is shown in (names, summaries). */
	lang_set_data(C_("language code", "en"));
}

/* The language shown. */
const char *
lang_get(void)
{
	return lang_current;
}

/* Whether the language shown is French. */
int
lang_fr(void)
{
	return strcmp(lang_current, "fr") == 0;
}

/* Whether the program speaks lang. */
int
lang_known(const char *lang)
{
	return strcmp(lang, "en") == 0 || strcmp(lang, "fr") == 0;
}

/* Speak lang, messages and data. */
void
lang_set(const char *lang)
{
	lang_set_data(lang);
	lang_messages(lang_current);
}

/* Messages in the languages of LANGUAGE. */
void
lang_messages(const char *language)
{
#ifdef ENABLE_NLS
	const char *now = setlocale(LC_MESSAGES, NULL);

	if (language != NULL)
		setenv("LANGUAGE", language, 1);
	else
		unsetenv("LANGUAGE");
	/* gettext ignores LANGUAGE under the C locale; C.UTF-8 is the same
	 * locale but for that (the text is turned into the terminal's
	 * characters when written, as the data is). */
	if (language != NULL && now != NULL &&
	    (strcmp(now, "C") == 0 || strcmp(now, "POSIX") == 0) &&
	    setlocale(LC_MESSAGES, "C.UTF-8") == NULL)
		setlocale(LC_MESSAGES, "C.utf8");
	++_nl_msg_cat_cntr;
#else
	(void)language;
#endif
}

/* Show the data in lang. */
void
lang_set_data(const char *lang)
{
	lang_current = strcmp(lang, "fr") == 0 ? "fr" : "en";
	lang_for_machines = 0;
}

/* Write for machines. */
void
lang_set_machine(void)
{
	lang_set_data("en");
	lang_for_machines = 1;
}

/* Whether the output is for machines. */
int
lang_machine(void)
{
	return lang_for_machines;
}
