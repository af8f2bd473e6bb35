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

/* The narrow no-break space (U+202F) of French numbers: 1 590 €, 4,7 %. */
#define NUMBER_NNBSP	"\xe2\x80\xaf"

/* Rewrite in place the number in buf (as number_format() writes it:
 * -1234.5) in the reader's conventions: a comma before the decimals in
 * French; thousands grouped when group is set, by "," in English and by
 * a narrow no-break space in French. Returns buf. */
char	*number_localize(char *buf, size_t size, int group);
/* Write a percentage with decimals decimals in the reader's conventions:
 * "4.7%", "4,7 %". Returns buf. */
char	*number_percent(double value, int decimals, char *buf, size_t size);
/* Write an ISO date (2025-02-09, 2025-02, 2025) as people read it: "9 Feb
 * 2025", "Feb 2025", "2025"; in French "9 févr. 2025", "févr. 2025". What
 * is not such a date, or any date for machines (lang_machine()), is
 * copied as it is. Returns buf. */
char	*number_date(const char *iso, char *buf, size_t size);

#endif
