/* RFC 4180 CSV reading, with the line each record starts on. */
#include "config.h"
#include "csv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xmalloc.h"

struct csv {
	char		 *name;
	char		 *data;		/* the whole input, NUL-terminated */
	size_t		  size;
	size_t		  pos;
	unsigned long	  line;		/* line at pos */
	unsigned long	  record_line;	/* line the last record started on */
	char		**fields;
	size_t		  nfields;
	size_t		  fields_alloc;
	char		 *buf;		/* the current field's text */
	size_t		  buf_len;
	size_t		  buf_alloc;
};

/* Take ownership of data and check it is text: UTF-8 without NUL bytes. */
static struct csv *
csv_create(const char *name, char *data, size_t size)
{
	struct csv *c = xcalloc(1, sizeof *c);

	c->name = xstrdup(name);
	c->data = data;
	c->size = size;
	c->line = 1;
	if (size >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		c->pos = 3;	/* a byte-order mark is not data */
	return c;
}

/* Read a whole file into memory. */
struct csv *
csv_open(const char *path, char **cause)
{
	FILE *fp;
	char *data = NULL;
	size_t size = 0, alloc = 0, n;

	if ((fp = fopen(path, "rb")) == NULL) {
		*cause = xasprintf(_("%s: cannot open: %s"), path, strerror(errno));
		return NULL;
	}
	do {
		if (alloc - size < 65536) {
			alloc = alloc == 0 ? 65536 : alloc * 2;
			data = xrealloc(data, alloc + 1);
		}
		n = fread(data + size, 1, alloc - size, fp);
		size += n;
	} while (n > 0);
	if (ferror(fp)) {
		*cause = xasprintf(_("%s: cannot read: %s"), path, strerror(errno));
		fclose(fp);
		free(data);
		return NULL;
	}
	fclose(fp);
	data[size] = '\0';
	return csv_create(path, data, size);
}

/* Parse a copy of a buffer. */
struct csv *
csv_open_buffer(const char *name, const char *data, size_t size)
{
	char *copy = xmalloc(size + 1);

	memcpy(copy, data, size);
	copy[size] = '\0';
	return csv_create(name, copy, size);
}

/* Append one byte to the current field. */
static void
csv_putc(struct csv *c, char ch)
{
	if (c->buf_len + 1 >= c->buf_alloc) {
		c->buf_alloc = c->buf_alloc == 0 ? 256 : c->buf_alloc * 2;
		c->buf = xrealloc(c->buf, c->buf_alloc);
	}
	c->buf[c->buf_len++] = ch;
}

/* End the current field and add it to the record. */
static void
csv_end_field(struct csv *c)
{
	if (c->nfields == c->fields_alloc) {
		c->fields_alloc = c->fields_alloc == 0 ? 16 : c->fields_alloc * 2;
		c->fields = xreallocarray(c->fields, c->fields_alloc, sizeof *c->fields);
	}
	c->fields[c->nfields++] = xstrndup(c->buf == NULL ? "" : c->buf, c->buf_len);
	c->buf_len = 0;
}

/* Free the fields of the previous record. */
static void
csv_clear(struct csv *c)
{
	size_t i;

	for (i = 0; i < c->nfields; i++)
		free(c->fields[i]);
	c->nfields = 0;
	c->buf_len = 0;
}

/* Length of the valid UTF-8 sequence at s, or 0 if it is not valid. */
static size_t
csv_utf8_length(const unsigned char *s, size_t left)
{
	size_t len, i;
	unsigned int cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len > left)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

/* Read the next record into c->fields. */
int
csv_read(struct csv *c, char ***fields, size_t *nfields, char **cause)
{
	const unsigned char *p = (const unsigned char *)c->data;
	size_t len;
	int quoted = 0, in_quotes = 0, field_started = 0;

	csv_clear(c);
	if (c->pos >= c->size)
		return 0;
	c->record_line = c->line;
	for (;;) {
		if (c->pos >= c->size) {
			if (in_quotes) {
				*cause = xasprintf(_("%s:%lu: a quoted field is not closed"),
				    c->name, c->record_line);
				return -1;
			}
			csv_end_field(c);
			break;
		}
		if (p[c->pos] == '\0') {
			*cause = xasprintf(_("%s:%lu: a NUL byte: not a text file"),
			    c->name, c->line);
			return -1;
		}
		if ((len = csv_utf8_length(p + c->pos, c->size - c->pos)) == 0) {
			*cause = xasprintf(_("%s:%lu: invalid UTF-8 (byte 0x%02x)"),
			    c->name, c->line, p[c->pos]);
			return -1;
		}
		if (in_quotes) {
			if (p[c->pos] == '"') {
				if (c->pos + 1 < c->size && p[c->pos + 1] == '"') {
					csv_putc(c, '"');
					c->pos += 2;
					continue;
				}
				in_quotes = 0;
				c->pos++;
				continue;
			}
			if (p[c->pos] == '\n')
				c->line++;
			for (; len > 0; len--)
				csv_putc(c, (char)p[c->pos++]);
			continue;
		}
		if (p[c->pos] == ',') {
			csv_end_field(c);
			quoted = field_started = 0;
			c->pos++;
			continue;
		}
		if (p[c->pos] == '\r' && c->pos + 1 < c->size && p[c->pos + 1] == '\n')
			c->pos++;
		if (p[c->pos] == '\n') {
			c->pos++;
			c->line++;
			csv_end_field(c);
			break;
		}
		if (p[c->pos] == '"') {
			if (field_started) {
				*cause = xasprintf(_("%s:%lu: a quote inside an unquoted "
				    "field (quote the whole field and double the quote)"),
				    c->name, c->line);
				return -1;
			}
			quoted = in_quotes = field_started = 1;
			c->pos++;
			continue;
		}
		if (quoted) {
			*cause = xasprintf(_("%s:%lu: text after the closing quote of a field"),
			    c->name, c->line);
			return -1;
		}
		field_started = 1;
		for (; len > 0; len--)
			csv_putc(c, (char)p[c->pos++]);
	}
	*fields = c->fields;
	*nfields = c->nfields;
	return 1;
}

/* The text read, after its byte-order mark. */
const char *
csv_text(const struct csv *c, size_t *size)
{
	size_t bom = c->size >= 3 && memcmp(c->data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

	*size = c->size - bom;
	return c->data + bom;
}

/* The line the last record read starts on. */
unsigned long
csv_line(const struct csv *c)
{
	return c->record_line;
}

/* Free everything. */
void
csv_close(struct csv *c)
{
	if (c == NULL)
		return;
	csv_clear(c);
	free(c->fields);
	free(c->buf);
	free(c->data);
	free(c->name);
	free(c);
}
