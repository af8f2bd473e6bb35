/* The briefing sheet: records on one page, with their headline figures,
 * disputed values, timelines, related actors, the user's notes and their
 * sources as footnotes shared across the sheet. For the brief command and
 * the explorer's B. */
#ifndef AIATLAS_BRIEF_H
#define AIATLAS_BRIEF_H

#include <stdio.h>
#include <sqlite3.h>

#include "sheet.h"

/* Write the sheet of the n records wanted (ids or aliases; a record named
 * twice shows once) in lang to fp, ending with the data's version and date
 * and with command, the command line that wrote it. Every record is read
 * before anything is written: 0, or -1 with *cause (no such record, a
 * database error) and nothing written. */
int	 brief_write(sqlite3 *db, const char *lang, char *const *wanted, int n,
	     enum sheet_format fmt, const char *command, FILE *fp, char **cause);
/* The command "aiatlas WORD...", each word quoted for a POSIX shell when it
 * needs it (freed by the caller). */
char	*brief_command(char *const *words, int n);

#endif
