/* Numbers read and written the same way under every locale. */
#ifndef AIATLAS_NUMBER_H
#define AIATLAS_NUMBER_H

#include <stddef.h>

/* Read a decimal number at the start of s (digits, a point, an exponent:
 * 1.5, 3e9; never 0x10, inf or nan) with a point before the decimals,
 * whatever LC_NUMERIC says. 0 with *d and *end just after it, or -1. */
int	 number_parse(const char *s, double *d, char **end);
/* snprintf, with a point before the decimals whatever LC_NUMERIC says. */
int	 number_format(char *buf, size_t size, const char *fmt, ...)
	     __attribute__((format(printf, 3, 4)));

#endif
