/* Marking of user-visible strings for translation. */
#ifndef AIATLAS_I18N_H
#define AIATLAS_I18N_H

/* Every string a user reads goes through _(); N_() marks a string in a
 * static table that is translated where it is used. Both are no-ops until
 * the translations land. */
#define _(s) (s)
#define N_(s) (s)

#endif
