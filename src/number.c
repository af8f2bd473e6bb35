/* Numbers read and written the same way under every locale (data files
 * and filters write 1.5, never 1,5), and written for people in the
 * conventions of the reader's language, whatever LC_NUMERIC says. */
#include "config.h"
#include "number.h"

#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
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

/* Rewrite a number in the reader's conventions. */
char *
number_localize(char *buf, size_t size, int group)
{
	char out[128];
	const char *sep = lang_fr() ? NUMBER_NNBSP : ",";
	size_t i, j = 0, len = strlen(buf), digits, start;

	start = buf[0] == '-' ? 1 : 0;
	digits = strspn(buf + start, "0123456789");
	for (i = 0; i < len && j + 4 < sizeof out; i++) {
		if (group && i > start && i < start + digits && (start + digits - i) % 3 == 0) {
			memcpy(out + j, sep, strlen(sep));
			j += strlen(sep);
		}
		out[j++] = buf[i] == '.' && lang_fr() ? ',' : buf[i];
	}
	out[j] = '\0';
	snprintf(buf, size, "%s", out);
	return buf;
}

/* Write a percentage in the reader's conventions. */
char *
number_percent(double value, int decimals, char *buf, size_t size)
{
	char number[64];

	number_format(number, sizeof number, "%.*f", decimals, value);
	number_localize(number, sizeof number, 1);
	snprintf(buf, size, "%s%s%%", number, lang_fr() ? NUMBER_NNBSP : "");
	return buf;
}

/* The months, short, as people read them in a date. */
static const char *const number_months[] = {
	N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
	N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec")
};

/* Month m (1 to 12) shortly, in the language of the data. */
static const char *
number_month(int m)
{
	return lang_fr() ? _(number_months[m - 1]) : number_months[m - 1];
}

/* Write an ISO date as people read it (as it is for machines). */
char *
number_date(const char *iso, char *buf, size_t size)
{
	size_t n = strlen(iso), i;
	int month = n >= 7 ? atoi(iso + 5) : 1;

	/* A quarter, "2025-Q1": "Q1 2025" (T1 2025 in French). */
	if (n == 7 && strncmp(iso + 4, "-Q", 2) == 0 && iso[6] >= '1' && iso[6] <= '4' &&
	    !lang_machine()) {
		/* TRANSLATORS: a quarter of a year: %1$c its number, %2$.4s the
		 * year ("Q1 2025"; in French "T1 2025"). */
		snprintf(buf, size, _("Q%1$c %2$.4s"), iso[6], iso);
		return buf;
	}
	for (i = 0; i < n; i++) {
		if ((i == 4 || i == 7) ? iso[i] != '-' : !isdigit((unsigned char)iso[i]))
			break;
	}
	if ((n != 4 && n != 7 && n != 10) || i < n || month < 1 || month > 12 || lang_machine())
		snprintf(buf, size, "%s", iso);
	else if (n == 10)
		snprintf(buf, size, "%d %s %.4s", atoi(iso + 8), number_month(month), iso);
	else if (n == 7)
		snprintf(buf, size, "%s %.4s", number_month(month), iso);
	else
		snprintf(buf, size, "%s", iso);
	return buf;
}
