/* Marking and translation of user-visible strings (gettext). */
#ifndef AIATLAS_I18N_H
#define AIATLAS_I18N_H

/*
 * Every string a user reads goes through _(); N_() marks a string in a
 * static table, translated where it is used with _(); a sentence with a
 * number in it is chosen with ngettext(). Keys, SQL, and what the machine
 * formats (CSV, TSV, JSON) print are never translated. Built without NLS
 * (configure --disable-nls), the English strings stand as they are.
 */
#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
