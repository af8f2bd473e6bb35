/* Regular expressions: PCRE2 behind the REGEXP SQL function. */
#ifndef AIATLAS_REGEX_H
#define AIATLAS_REGEX_H

#include <stddef.h>
#include <sqlite3.h>

/* Check that a pattern compiles. On error, *cause says why and *offset is
 * where in the pattern (in bytes); returns -1. */
int	 regex_check(const char *pattern, char **cause, size_t *offset);
/* Register regexp(pattern, text), which X REGEXP Y calls: UTF-8, patterns
 * compiled once per statement, JIT where there is one, and limits on
 * matching time, depth and memory that end the statement with an error
 * ("regex: ... limit") rather than a hang or a silent no-match. Text that
 * is not valid UTF-8 does not match. */
void	 regex_register(sqlite3 *db);

#endif
