/* Allocation that never returns NULL, and fatal errors. */
#include "config.h"
#include "xmalloc.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static void (*xmalloc_fatal_hook)(void);

/* Set the function fatal() calls before printing. */
void
xmalloc_set_fatal_hook(void (*hook)(void))
{
	xmalloc_fatal_hook = hook;
}

/* Print "aiatlas: message" and exit with status 2, after the hook. */
void
fatal(const char *fmt, ...)
{
	va_list ap;

	if (xmalloc_fatal_hook != NULL)
		xmalloc_fatal_hook();
	fputs("aiatlas: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

/* malloc() or die. */
void *
xmalloc(size_t size)
{
	void *p = malloc(size == 0 ? 1 : size);

	if (p == NULL)
		fatal(_("out of memory (%zu bytes)"), size);
	return p;
}

/* calloc() or die. */
void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);

	if (p == NULL)
		fatal(_("out of memory (%zu × %zu bytes)"), n, size);
	return p;
}

/* realloc() or die. */
void *
xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size == 0 ? 1 : size);

	if (q == NULL)
		fatal(_("out of memory (%zu bytes)"), size);
	return q;
}

/* realloc() of n elements, checking the multiplication. */
void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		fatal(_("out of memory (%zu × %zu bytes)"), n, size);
	return xrealloc(p, n * size);
}

/* strdup() or die. */
char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* strndup() or die. */
char *
xstrndup(const char *s, size_t n)
{
	char *p;
	size_t len = strnlen(s, n);

	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* vasprintf() or die. */
char *
xvasprintf(const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		fatal(_("out of memory"));
	return s;
}

/* asprintf() or die. */
char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}
