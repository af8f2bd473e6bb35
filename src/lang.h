/* The reader's language: of the messages, of the data shown (names,
 * titles, summaries, notes) and of the numbers, money and dates. */
#ifndef AIATLAS_LANG_H
#define AIATLAS_LANG_H

/* Take the language gettext resolved from LANGUAGE, LC_ALL, LC_MESSAGES and
 * LANG (English when no catalogue answers); after bindtextdomain(). */
void		 lang_init(void);
/* The language shown: "en" or "fr". */
const char	*lang_get(void);
/* Whether the language shown is French. */
int		 lang_fr(void);
/* Whether lang is one the program speaks ("en", "fr"). */
int		 lang_known(const char *lang);
/* Speak lang: the messages (when the locale is not C, which gettext keeps
 * in English) and the data; lang must be known. */
void		 lang_set(const char *lang);
/* Messages in the languages of language, as LANGUAGE gives them ("fr",
 * "fr:en"; NULL: the locale's), the data as it is. */
void		 lang_messages(const char *language);
/* Show the data and the numbers in lang, the messages as they are. */
void		 lang_set_data(const char *lang);
/* Write for machines (CSV, TSV, JSON), the same in every language: the
 * data in English, dates as ISO writes them; the messages as they are. */
void		 lang_set_machine(void);
/* Whether the output is for machines (lang_set_machine()). */
int		 lang_machine(void);

#endif
