/* A growing string, built in time linear in its length. */
#include "config.h"
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xmalloc.h"

/* Make room for n more bytes and the NUL. */
static void
strbuf_grow(struct strbuf *sb, size_t n)
{
	if (n + 1 > sb->size - sb->len || sb->s == NULL) {
		if (n + 1 > ((size_t)-1) / 2 - sb->len)
			fatal(_("out of memory (%zu bytes)"), n);
		sb->size = (sb->len + n + 1) * 2;
		sb->s = xrealloc(sb->s, sb->size);
	}
}

/* Append n bytes of text. */
void
strbuf_addn(struct strbuf *sb, const char *text, size_t n)
{
	strbuf_grow(sb, n);
	memcpy(sb->s + sb->len, text, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

/* Append a string. */
void
strbuf_add(struct strbuf *sb, const char *text)
{
	strbuf_addn(sb, text, strlen(text));
}

/* Append printf-style text. */
void
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_add(sb, text);
	free(text);
}

/* The string built, for the caller to free; sb is empty again. */
char *
strbuf_finish(struct strbuf *sb)
{
	char *s = sb->s != NULL ? sb->s : xstrdup("");

	sb->s = NULL;
	sb->len = sb->size = 0;
	return s;
}
