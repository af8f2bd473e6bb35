/* Characters the locale's character set lacks, spelled as iconv's
 * //TRANSLIT spells them. */
#ifndef AIATLAS_TRANSLIT_H
#define AIATLAS_TRANSLIT_H

#include <stddef.h>

/* Whether the locale's character set is UTF-8, so text needs no fallback. */
int		 translit_utf8(void);
/* The UTF-8 character s (n bytes, valid) in the locale's character set, in
 * buf of size bytes: as glibc's iconv //TRANSLIT spells it under C.UTF-8
 * (ô is o, ’ is ', € is EUR), the symbols of the project as their ASCII
 * stand-ins (▸ is >, · is -), or else "?". Returns buf or a constant
 * string. */
const char	*translit_char(const char *s, size_t n, char *buf, size_t size);

#endif
