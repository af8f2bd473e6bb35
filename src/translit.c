/* Characters the locale's character set lacks, spelled as iconv's
 * //TRANSLIT spells them: the one fallback of the tables and the explorer
 * outside UTF-8. */
#include "config.h"
#include "translit.h"

#include <iconv.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xmalloc.h"

/* Symbols the data and the explorer write, looked up before iconv: spelled
 * as iconv spells them (so the same without C.UTF-8), those it spells as ?
 * (▸ ✓ ● ◐ ○ ⚑ ≈), and the · that separates parts of a line as the - that
 * explorer_glyph() makes of it. */
static const struct {
	const char	*utf8;
	const char	*ascii;
} translit_symbols[] = {
	{ "€", "EUR" }, { "£", "GBP" }, { "¥", "JPY" }, { "–", "-" }, { "—", "--" },
	{ "·", "-" }, { "…", "..." }, { "≈", "~" }, { "≥", ">=" }, { "≤", "<=" },
	{ "’", "'" }, { "‘", "'" }, { "“", "\"" }, { "”", "\"" }, { "«", "<<" },
	{ "»", ">>" }, { "×", "x" }, { "▸", ">" }, { "✓", "*" }, { "●", "*" },
	{ "◐", "+" }, { "○", "o" }, { "⚑", "!" }, { NULL, NULL }
};

/* Whether the locale's character set is UTF-8. */
int
translit_utf8(void)
{
	const char *codeset = nl_langinfo(CODESET);

	return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0;
}

/*
 * Convert the character s (n bytes) with iconv to the locale's character
 * set, transliterating; 0 on success. glibc takes its transliterations from
 * the thread's LC_CTYPE, and the C locale has none, so the conversion runs
 * under C.UTF-8 (uselocale: this thread only, the program's locale stays).
 * Without C.UTF-8 or the converter, -1.
 */
static int
translit_iconv(const char *s, size_t n, char *buf, size_t size)
{
	static iconv_t cd = (iconv_t)-1;
	static char codeset[64];
	static locale_t c_utf8;
	static int tried;
	const char *cs = nl_langinfo(CODESET);
	char *in = (char *)s, *out = buf, *target;
	size_t inleft = n, outleft = size - 1, r;
	locale_t old;

	if (!tried) {
		c_utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
		tried = 1;
	}
	if (strcmp(cs, codeset) != 0) {		/* the first call, or a new locale */
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		snprintf(codeset, sizeof codeset, "%s", cs);
		target = xasprintf("%s//TRANSLIT", cs);
		cd = iconv_open(target, "UTF-8");
		free(target);
	}
	if (cd == (iconv_t)-1 || c_utf8 == (locale_t)0)
		return -1;
	old = uselocale(c_utf8);
	r = iconv(cd, &in, &inleft, &out, &outleft);
	if (r != (size_t)-1)
		r = iconv(cd, NULL, NULL, &out, &outleft);
	uselocale(old);
	iconv(cd, NULL, NULL, NULL, NULL);
	if (r == (size_t)-1 || inleft != 0)
		return -1;
	*out = '\0';
	return 0;
}

/* The character s in the locale's character set. */
const char *
translit_char(const char *s, size_t n, char *buf, size_t size)
{
	size_t i;

	for (i = 0; translit_symbols[i].utf8 != NULL; i++) {
		if (strlen(translit_symbols[i].utf8) == n &&
		    memcmp(translit_symbols[i].utf8, s, n) == 0)
			return translit_symbols[i].ascii;
	}
	if (translit_iconv(s, n, buf, size) == 0 && strcmp(buf, "?") != 0)
		return buf;
	return "?";
}
