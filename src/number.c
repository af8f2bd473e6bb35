/* Numbers read and written the same way under every locale: data files,
 * filters and figures for people all write 1.5, never 1,5. */
#include "config.h"
#include "number.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* The C locale's numbers, made once. */
static locale_t
number_c_locale(void)
{
	static locale_t c = (locale_t)0;

	if (c == (locale_t)0 &&
	    (c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0)) == (locale_t)0)
		fatal("cannot make the C locale: %s", strerror(errno));
	return c;
}

/* Read a decimal number at the start of s, whatever the locale. */
int
number_parse(const char *s, double *d, char **end)
{
	errno = 0;
	*d = strtod_l(s, end, number_c_locale());
	/* Decimal only: strtod would read 0x10, inf and nan too. */
	if (*end == s || errno != 0 || !isfinite(*d) ||
	    *end != s + strspn(s, "0123456789.eE+-"))
		return -1;
	return 0;
}

/* snprintf in the C locale's numbers. */
int
number_format(char *buf, size_t size, const char *fmt, ...)
{
	locale_t old = uselocale(number_c_locale());
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	uselocale(old);
	return n;
}
