/* Text in terminal columns: measuring, cutting and fitting UTF-8. */
#include "config.h"
#include "text.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "translit.h"
#include "xmalloc.h"

/* One character as the terminal shows it (text_next). */
struct text_char {
	size_t		 n;		/* the bytes of the text it takes */
	const char	*out;		/* what to write, len bytes */
	size_t		 len;
	int		 width;		/* in columns */
	char		 buf[32];	/* a transliteration or an escape */
};

/* The bytes of the UTF-8 character that starts with byte lead, or 0 if
 * no character starts with it. */
size_t
text_utf8_lead(unsigned char lead)
{
	return lead < 0x80 ? 1 : lead < 0xc2 ? 0 : lead < 0xe0 ? 2 :
	    lead < 0xf0 ? 3 : lead < 0xf5 ? 4 : 0;
}

/* The length of the valid UTF-8 sequence s starts with, or 0 if invalid
 * (overlong, a surrogate, beyond U+10FFFF, or cut short). */
size_t
text_utf8_length(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = u[0] == 0xe0 ? 0xa0 : u[0] == 0xf0 ? 0x90 : 0x80;
	unsigned char hi = u[0] == 0xed ? 0x9f : u[0] == 0xf4 ? 0x8f : 0xbf;
	size_t n = text_utf8_lead(u[0]), i;

	if (n > 1 && (u[1] < lo || u[1] > hi))
		return 0;
	for (i = 2; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
	}
	return n;
}

/* The character the valid UTF-8 sequence s starts with, in *c; its
 * length, or 0 if s does not start with one (text_utf8_length()). */
size_t
text_utf8_get(const char *s, unsigned long *c)
{
	static const unsigned char lead_bits[] = { 0, 0x7f, 0x1f, 0x0f, 0x07 };
	const unsigned char *u = (const unsigned char *)s;
	size_t n = text_utf8_length(s), i;

	if (n == 0)
		return 0;
	*c = u[0] & lead_bits[n];
	for (i = 1; i < n; i++)
		*c = *c << 6 | (u[i] & 0x3f);
	return n;
}

/* Write character c in UTF-8 to out (4 bytes at most, no NUL); its
 * length, or 0 for a surrogate or past U+10FFFF. */
size_t
text_utf8_put(unsigned long c, char *out)
{
	unsigned char *u = (unsigned char *)out;

	if (c < 0x80) {
		u[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		u[0] = (unsigned char)(0xc0 | c >> 6);
		u[1] = (unsigned char)(0x80 | (c & 0x3f));
		return 2;
	}
	if ((c >= 0xd800 && c < 0xe000) || c > 0x10ffff)
		return 0;
	if (c < 0x10000) {
		u[0] = (unsigned char)(0xe0 | c >> 12);
		u[1] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		u[2] = (unsigned char)(0x80 | (c & 0x3f));
		return 3;
	}
	u[0] = (unsigned char)(0xf0 | c >> 18);
	u[1] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
	u[2] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
	u[3] = (unsigned char)(0x80 | (c & 0x3f));
	return 4;
}

/* How the control character wc is spelled when shown (\x1b, or \u009b
 * for one of C1, which some terminals obey in UTF-8 too), in buf; NULL if
 * wc is not one. */
static const char *
text_control(wchar_t wc, char *buf, size_t size)
{
	if (wc < 0x20 || wc == 0x7f)
		snprintf(buf, size, "\\x%02x", (unsigned int)wc);
	else if (wc >= 0x80 && wc < 0xa0)
		snprintf(buf, size, "\\u%04x", (unsigned int)wc);
	else
		return NULL;
	return buf;
}

/* Write n bytes of s to fp with every control character, and every byte
 * that is not UTF-8, spelled as an escape (\x1b, \u009b, \xff): so no
 * escape sequence in data or arguments reaches a terminal. The control
 * characters in keep are written as they are; with local, the other
 * characters as the locale can spell them (translit.c). */
static void
text_escape_as(FILE *fp, const char *s, size_t n, const char *keep, int local)
{
	const unsigned char *u = (const unsigned char *)s;
	char buf[8], spelled[16];
	size_t i, len;

	for (i = 0; i < n; i += len) {
		len = u[i] < 0x80 ? 1 : text_utf8_length(s + i);
		if (len == 0 || len > n - i) {
			fprintf(fp, "\\x%02x", u[i]);
			len = 1;
		} else if (len == 2 && u[i] == 0xc2 && u[i + 1] < 0xa0)
			fputs(text_control(u[i + 1], buf, sizeof buf), fp);
		else if (len == 1 && (u[i] == '\0' || strchr(keep, u[i]) == NULL) &&
		    text_control(u[i], buf, sizeof buf) != NULL)
			fputs(buf, fp);
		else if (len > 1 && local && !translit_utf8())
			fputs(translit_char(s + i, len, spelled, sizeof spelled), fp);
		else
			fwrite(s + i, 1, len, fp);
	}
}

/* Write n bytes of s to fp with control characters escaped (see
 * text_escape_as()), the others as they are. */
void
text_escape(FILE *fp, const char *s, size_t n, const char *keep)
{
	text_escape_as(fp, s, n, keep, 0);
}

/* Write a message to a terminal: escaped as text_escape() does, in the
 * locale's characters. */
void
text_escape_local(FILE *fp, const char *s, size_t n)
{
	text_escape_as(fp, s, n, "", 1);
}

/* The columns of s, in the locale's character set; -1 if a character of it
 * is not printable. */
static int
text_local_width(const char *s)
{
	size_t left = strlen(s), n;
	mbstate_t ps;
	wchar_t wc;
	int w, total = 0;

	memset(&ps, 0, sizeof ps);
	for (; left > 0; s += n, left -= n) {
		n = mbrtowc(&wc, s, left, &ps);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0 || (w = wcwidth(wc)) < 0)
			return -1;
		total += w;
	}
	return total;
}

/*
 * The character s starts with (left bytes remain) as the terminal shows it:
 * the bytes it takes, what to write and its columns. Outside UTF-8 a UTF-8
 * character is written as translit_char() spells it, so every width is
 * measured on the text as shown.
 */
static void
text_next(const char *s, size_t left, const char *bad, int utf8, mbstate_t *ps,
    struct text_char *c)
{
	wchar_t wc;

	c->out = s;
	/* A printable ASCII character, most of any text, is itself: one
	 * byte, one column, in every character set a terminal uses. */
	if (*s >= 0x20 && *s < 0x7f) {
		c->n = c->len = 1;
		c->width = 1;
		return;
	}
	if (!utf8 && (unsigned char)*s >= 0x80) {
		if ((c->n = text_utf8_length(s)) == 0 || c->n > left)
			c->n = 0;
		else {
			c->out = translit_char(s, c->n, c->buf, sizeof c->buf);
			c->len = strlen(c->out);
			if ((c->width = text_local_width(c->out)) >= 0)
				return;
		}
	} else {
		c->n = mbrtowc(&wc, s, left, ps);
		c->len = c->n;
		if (c->n == (size_t)-1 || c->n == (size_t)-2 || c->n == 0)
			c->n = 0;
		else if (wcschr(L" \t\n\r", wc) != NULL) {
			c->out = " ";
			c->len = c->width = 1;
			return;
		} else if (text_control(wc, c->buf, sizeof c->buf) != NULL) {
			c->out = c->buf;
			c->len = strlen(c->buf);
			c->width = (int)c->len;
			return;
		} else if ((c->width = wcwidth(wc)) >= 0)
			return;
	}
	if (c->n == 0) {
		memset(ps, 0, sizeof *ps);
		c->n = 1;
	}
	c->out = bad;
	c->len = strlen(bad);
	c->width = 1;
}

/* Take the characters of s while they fit in max columns; the bytes of s
 * taken in *used. Each character is read once, its end never searched
 * past, so taking a row of a long text costs the row only. */
static int
text_take(const char *s, int max, const char *bad, text_put_fn put, void *arg, size_t *used)
{
	const char *start = s;
	struct text_char c;
	mbstate_t ps;
	int utf8 = translit_utf8(), total = 0;

	memset(&ps, 0, sizeof ps);
	for (; *s != '\0'; s += c.n) {
		text_next(s, strnlen(s, MB_LEN_MAX), bad, utf8, &ps, &c);
		if (total + c.width > max)
			break;
		if (put != NULL)
			put(arg, c.out, c.len);
		total += c.width;
	}
	if (used != NULL)
		*used = (size_t)(s - start);
	return total;
}

/* Take the characters of s while they fit in max columns. */
int
text_walk(const char *s, int max, const char *bad, text_put_fn put, void *arg)
{
	return text_take(s, max, bad, put, arg, NULL);
}

/* Give one character's bytes to a stream (text_walk's put). */
static void
text_put_stream(void *arg, const char *bytes, size_t n)
{
	fwrite(bytes, 1, n, arg);
}

/* Write s to fp as a terminal shows it, line breaks kept. */
void
text_print(FILE *fp, const char *s)
{
	const char *bad = translit_utf8() ? "\xef\xbf\xbd" : "?";
	char *line;
	size_t n;

	for (;;) {
		n = strcspn(s, "\n");
		line = xstrndup(s, n);
		text_walk(line, INT_MAX, bad, text_put_stream, fp);
		free(line);
		if (s[n] == '\0')
			break;
		fputc('\n', fp);
		s += n + 1;
	}
}

/* The bytes of s whose characters fit in max columns. */
size_t
text_span(const char *s, int max)
{
	size_t used;

	text_take(s, max, "?", NULL, NULL, &used);
	return used;
}

/* Display width of a UTF-8 string in terminal columns. */
int
text_width(const char *s)
{
	return text_walk(s, INT_MAX, "?", NULL, NULL);
}

/* The bytes printf's %-*s needs to pad s to cols columns (its width in
 * columns, not in bytes). */
int
text_pad(const char *s, int cols)
{
	return cols + (int)strlen(s) - text_width(s);
}

/* The column, in characters from 1, of a byte offset: a continuation
 * byte of UTF-8 starts no character. */
int
text_column(const char *s, size_t offset)
{
	size_t i;
	int col = 1;

	for (i = 0; i < offset && s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			col++;
	}
	return col;
}

/* The edit distance between a and b, letters compared without case: how
 * many characters to insert, delete or change, or pairs to swap, to make
 * one the other (knid is one from kind). */
int
text_distance(const char *a, const char *b)
{
	size_t i, j, m = strlen(a), n = strlen(b);
	int *d = xcalloc((m + 1) * (n + 1), sizeof *d), best;

#define TEXT_D(i, j)	d[(i) * (n + 1) + (j)]
#define TEXT_EQ(x, y)	(tolower((unsigned char)(x)) == tolower((unsigned char)(y)))
	for (i = 0; i <= m; i++)
		TEXT_D(i, 0) = (int)i;
	for (j = 0; j <= n; j++)
		TEXT_D(0, j) = (int)j;
	for (i = 1; i <= m; i++) {
		for (j = 1; j <= n; j++) {
			best = TEXT_D(i - 1, j - 1) + !TEXT_EQ(a[i - 1], b[j - 1]);
			if (TEXT_D(i - 1, j) + 1 < best)
				best = TEXT_D(i - 1, j) + 1;
			if (TEXT_D(i, j - 1) + 1 < best)
				best = TEXT_D(i, j - 1) + 1;
			if (i > 1 && j > 1 && TEXT_EQ(a[i - 1], b[j - 2]) &&
			    TEXT_EQ(a[i - 2], b[j - 1]) && TEXT_D(i - 2, j - 2) + 1 < best)
				best = TEXT_D(i - 2, j - 2) + 1;
			TEXT_D(i, j) = best;
		}
	}
	best = TEXT_D(m, n);
#undef TEXT_D
#undef TEXT_EQ
	free(d);
	return best;
}

/* Shrink the widest columns until they fit. */
void
text_fit(int n, int *cw, const int *min, int width, int gap)
{
	int i, best, total = gap * (n > 0 ? n - 1 : 0);

	for (i = 0; i < n; i++)
		total += cw[i];
	while (total > width) {
		best = -1;
		for (i = 0; i < n; i++) {
			if (cw[i] > min[i] && (best == -1 || cw[i] > cw[best]))
				best = i;
		}
		if (best == -1)
			break;
		cw[best]--;
		total--;
	}
}

/* Give text to put in pieces (words, the spaces between them, and a line
 * break with indent spaces), wrapped at spaces to width columns from
 * column indent on (no wrapping when width is 0 or less); a word wider
 * than that stands alone on its line. */
void
text_wrap(const char *text, int indent, int width, text_wrap_fn put, void *arg)
{
	const char *p = text;
	char *word, *pad;
	size_t n;
	int col = indent, w;

	pad = xmalloc((size_t)indent + 2);
	pad[0] = '\n';
	memset(pad + 1, ' ', (size_t)indent);
	pad[indent + 1] = '\0';
	while (*p != '\0') {
		n = strcspn(p, " ");
		word = xstrndup(p, n);
		w = text_width(word);
		if (col > indent && width > 0 && col + 1 + w > width) {
			put(arg, pad);
			col = indent;
		} else if (col > indent) {
			put(arg, " ");
			col++;
		}
		put(arg, word);
		col += w;
		free(word);
		p += n;
		p += strspn(p, " ");
	}
	free(pad);
}

