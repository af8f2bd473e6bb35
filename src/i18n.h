/* Marking and translation of user-visible strings (gettext). */
#ifndef AIATLAS_I18N_H
#define AIATLAS_I18N_H

/*
 * Every string a user reads goes through _(); N_() marks a string in a
 * static table, translated where it is used with _(); a sentence with a
 * number in it is chosen with ngettext(); C_() and NC_() give a word its
 * context. Keys, SQL, and what the machine
 * formats (CSV, TSV, JSON) print are never translated. Built without NLS
 * (configure --disable-nls), the English strings stand as they are.
 */
#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
/* A word whose translation depends on where it stands ("state", a kind of
 * actor or of bloc): s in context c, as msgctxt c in the catalogue. */
#define C_(c, s) i18n_pgettext(c "\004" s, s)
/* gettext of "context\004msgid", or msgid itself when untranslated. */
static inline const char *
i18n_pgettext(const char *both, const char *msgid)
{
	const char *t = gettext(both);

	return t == both ? msgid : t;
}
#else
#define _(s) (s)
#define C_(c, s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)
/* A word in context marked in a static table (see C_). */
#define NC_(c, s) (s)
/* A number of things said in a static table, singular then plural
 * ({ one, many }), chosen with ngettext() where it is used. */
#define NN_(one, many) { one, many }

#endif
