/* A growing string, built in time linear in its length. */
#ifndef AIATLAS_STRBUF_H
#define AIATLAS_STRBUF_H

#include <stddef.h>

/* Start one as { 0 }; s is NULL until text is added. */
struct strbuf {
	char	*s;
	size_t	 len;
	size_t	 size;
};

/* Append n bytes of text. */
void	 strbuf_addn(struct strbuf *sb, const char *text, size_t n);
/* Append a string. */
void	 strbuf_add(struct strbuf *sb, const char *text);
/* Append printf-style text. */
void	 strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	     __attribute__((format(printf, 2, 3)));
/* The string built ("" if nothing was added), for the caller to free;
 * sb is empty again. */
char	*strbuf_finish(struct strbuf *sb);

#endif
