/* Result sets written as table, CSV, TSV, JSON or Markdown. */
#include "config.h"
#include "output.h"

#include <langinfo.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "i18n.h"
#include "xmalloc.h"

struct output {
	FILE			*fp;
	enum output_format	 fmt;
	int			 color;
	int			 width;
	const char		*ellipsis;	/* "…", or "~" outside UTF-8 */
	const char		*rule;		/* "─", or "-" */
	const char		*bad;		/* U+FFFD, or "?" */
	int			 ncols;
	char			**names;
	struct output_value	*cells;		/* table, md: nrows × ncols, owned */
	size_t			 nrows;
	size_t			 alloc;		/* rows cells has room for */
	char			*line;		/* the table line being built */
	size_t			 len;
	size_t			 size;
};

/* The format names, in the order of enum output_format. */
static const char *const output_names[] = {
	[OUTPUT_TABLE] = "table",
	[OUTPUT_CSV] = "csv",
	[OUTPUT_TSV] = "tsv",
	[OUTPUT_JSON] = "json",
	[OUTPUT_MD] = "md"
};

/* Parse a --format name. */
int
output_format_parse(const char *name, enum output_format *fmt)
{
	size_t i;

	for (i = 0; i < sizeof output_names / sizeof output_names[0]; i++) {
		if (strcmp(name, output_names[i]) == 0) {
			*fmt = i;
			return 0;
		}
	}
	return -1;
}

/* The list of format names (keep in step with output_names). */
const char *
output_format_names(void)
{
	return "table, csv, tsv, json, md";
}

/* Whether a value is SQL NULL (a non-NULL type with no text counts too). */
static int
output_is_null(const struct output_value *v)
{
	return v->type == SQLITE_NULL || v->text == NULL;
}

/* Whether a value is a number. */
static int
output_is_number(const struct output_value *v)
{
	return !output_is_null(v) &&
	    (v->type == SQLITE_INTEGER || v->type == SQLITE_FLOAT);
}

/* The length of the valid UTF-8 sequence s starts with, or 0 if invalid. */
static size_t
output_utf8_length(const unsigned char *s)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (s[0] == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		if (s[0] == 0xf0)
			lo = 0x90;	/* overlong */
		else if (s[0] == 0xf4)
			hi = 0x8f;	/* beyond U+10FFFF */
	} else
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++) {
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	}
	return n;
}

/* Write s as a JSON string (NULL as null); invalid UTF-8 becomes U+FFFD. */
void
output_json_string(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	fputc('"', fp);
	for (; *p != '\0'; p += n) {
		n = 1;
		switch (*p) {
		case '"':  fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\t': fputs("\\t", fp); break;
		case '\b': fputs("\\b", fp); break;
		case '\f': fputs("\\f", fp); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(fp, "\\u%04x", *p);
			else if ((n = output_utf8_length(p)) == 0) {
				fputs("\xef\xbf\xbd", fp);
				n = 1;
			} else
				fwrite(p, 1, n, fp);
			break;
		}
	}
	fputc('"', fp);
}

/* Whether s is a number in JSON's grammar (SQLite may give Inf or NaN). */
static int
output_json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		s += strspn(s, "0123456789");
	else
		return 0;
	if (*s == '.') {
		if (s[1] < '0' || s[1] > '9')
			return 0;
		s += 1 + strspn(s + 1, "0123456789");
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (*s < '0' || *s > '9')
			return 0;
		s += strspn(s, "0123456789");
	}
	return *s == '\0';
}

/* Write one value as JSON: numbers bare, text and blobs as strings. */
static void
output_json_value(FILE *fp, const struct output_value *v)
{
	if (output_is_null(v))
		fputs("null", fp);
	else if (output_is_number(v))
		fputs(output_json_number(v->text) ? v->text : "null", fp);
	else
		output_json_string(fp, v->text);
}

/* Write one CSV field, quoted when it holds , " CR LF or edge spaces. */
void
output_csv_field(FILE *fp, const char *s)
{
	size_t len = s == NULL ? 0 : strlen(s);

	if (len == 0)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL && strchr(" \t", s[0]) == NULL &&
	    strchr(" \t", s[len - 1]) == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

/* Write one TSV field, escaping \ tab LF and CR. */
void
output_tsv_field(FILE *fp, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '\\': fputs("\\\\", fp); break;
		case '\t': fputs("\\t", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		default:   fputc(*s, fp); break;
		}
	}
}

/* Write one Markdown table cell's text, escaping | \ and line breaks. */
void
output_md_cell(FILE *fp, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '|':  fputs("\\|", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\r':
			if (s[1] == '\n')
				s++;
			/* FALLTHROUGH */
		case '\n': fputs("<br>", fp); break;
		default:   fputc(*s, fp); break;
		}
	}
}

/* Append n bytes to the table line. */
static void
output_line_add(struct output *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->size) {
		o->size = (o->len + n + 1) * 2;
		o->line = xrealloc(o->line, o->size);
	}
	memcpy(o->line + o->len, s, n);
	o->len += n;
}

/* Append n spaces to the table line. */
static void
output_line_pad(struct output *o, int n)
{
	for (; n > 0; n--)
		output_line_add(o, " ", 1);
}

/* Write the table line without its trailing spaces, maybe in bold. */
static void
output_line_end(struct output *o, int bold)
{
	while (o->len > 0 && o->line[o->len - 1] == ' ')
		o->len--;
	if (bold)
		fputs("\033[1m", o->fp);
	fwrite(o->line, 1, o->len, o->fp);
	fputs(bold ? "\033[0m\n" : "\n", o->fp);
	o->len = 0;
}

/*
 * Measure s in terminal columns, taking characters while they fit in max
 * columns, and append them to o's line if o is not NULL. Line breaks and tabs
 * show as a space; invalid bytes and control characters as one U+FFFD (or ?
 * outside UTF-8), which is also what keeps escape sequences off the terminal.
 */
static int
output_text(struct output *o, const char *s, int max)
{
	const char *put;
	size_t left = strlen(s), n;
	mbstate_t ps;
	wchar_t wc;
	int w, total = 0;

	memset(&ps, 0, sizeof ps);
	while (left > 0) {
		put = NULL;
		n = mbrtowc(&wc, s, left, &ps);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&ps, 0, sizeof ps);
			n = w = 1;
			put = o != NULL ? o->bad : NULL;
		} else if (wc == L'\n' || wc == L'\t' || wc == L'\r') {
			w = 1;
			put = " ";
		} else if ((w = wcwidth(wc)) < 0) {
			w = 1;
			put = o != NULL ? o->bad : NULL;
		}
		if (total + w > max)
			break;
		if (o != NULL && put != NULL)
			output_line_add(o, put, strlen(put));
		else if (o != NULL)
			output_line_add(o, s, n);
		total += w;
		s += n;
		left -= n;
	}
	return total;
}

/* Display width of a UTF-8 string in terminal columns (wcwidth). */
int
output_text_width(const char *s)
{
	return output_text(NULL, s, INT_MAX);
}

/* Start writing one result set to fp. */
struct output *
output_open(FILE *fp, enum output_format fmt, int color, int width)
{
	struct output *o = xmalloc(sizeof *o);
	const char *codeset = nl_langinfo(CODESET);

	memset(o, 0, sizeof *o);
	o->fp = fp;
	o->fmt = fmt;
	o->color = color;
	o->width = width;
	if (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0) {
		o->ellipsis = "…";
		o->rule = "─";
		o->bad = "\xef\xbf\xbd";
	} else {
		o->ellipsis = "~";
		o->rule = "-";
		o->bad = "?";
	}
	return o;
}

/* Write a header or a row of a CSV or TSV result. */
static void
output_delimited(struct output *o, const char *const *texts)
{
	int i;

	for (i = 0; i < o->ncols; i++) {
		if (i > 0)
			fputc(o->fmt == OUTPUT_CSV ? ',' : '\t', o->fp);
		if (o->fmt == OUTPUT_CSV)
			output_csv_field(o->fp, texts[i]);
		else
			output_tsv_field(o->fp, texts[i]);
	}
	fputc('\n', o->fp);
}

/*
 * Declare the columns. CSV lines end with "\n", not RFC 4180's "\r\n", as
 * sqlite3 and most Unix tools write them; readers accept both.
 */
void
output_columns(struct output *o, int ncols, const char *const *names)
{
	int i;

	o->ncols = ncols;
	o->names = xreallocarray(NULL, ncols, sizeof *o->names);
	for (i = 0; i < ncols; i++)
		o->names[i] = xstrdup(names[i] != NULL ? names[i] : "");
	if (ncols > 0 && (o->fmt == OUTPUT_CSV || o->fmt == OUTPUT_TSV))
		output_delimited(o, (const char *const *)o->names);
}

/* Add one row: written now, or kept for close by the table and md formats. */
void
output_row(struct output *o, const struct output_value *values)
{
	const char **texts;
	struct output_value *v;
	int i;

	switch (o->fmt) {
	case OUTPUT_CSV:
	case OUTPUT_TSV:
		texts = xreallocarray(NULL, o->ncols, sizeof *texts);
		for (i = 0; i < o->ncols; i++)
			texts[i] = output_is_null(&values[i]) ? NULL : values[i].text;
		output_delimited(o, texts);
		free(texts);
		break;
	case OUTPUT_JSON:
		fputs(o->nrows == 0 ? "[\n{" : ",\n{", o->fp);
		for (i = 0; i < o->ncols; i++) {
			if (i > 0)
				fputc(',', o->fp);
			output_json_string(o->fp, o->names[i]);
			fputc(':', o->fp);
			output_json_value(o->fp, &values[i]);
		}
		fputc('}', o->fp);
		break;
	case OUTPUT_TABLE:
	case OUTPUT_MD:
		if (o->nrows == o->alloc) {
			o->alloc = o->alloc == 0 ? 64 : o->alloc * 2;
			o->cells = xreallocarray(o->cells, o->alloc * o->ncols,
			    sizeof *o->cells);
		}
		v = o->cells + o->nrows * o->ncols;
		for (i = 0; i < o->ncols; i++) {
			v[i].type = output_is_null(&values[i]) ?
			    SQLITE_NULL : values[i].type;
			v[i].text = v[i].type == SQLITE_NULL ?
			    NULL : xstrdup(values[i].text);
		}
		break;
	}
	o->nrows++;
}

/* Write every row of a prepared statement; -1 on a SQLite error. */
long
output_statement(struct output *o, sqlite3_stmt *stmt)
{
	int ncols = sqlite3_column_count(stmt), i, rc;
	const char **names = xreallocarray(NULL, ncols, sizeof *names);
	struct output_value *v = xreallocarray(NULL, ncols, sizeof *v);
	long rows = 0;

	for (i = 0; i < ncols; i++)
		names[i] = sqlite3_column_name(stmt, i);
	output_columns(o, ncols, names);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (i = 0; i < ncols; i++) {
			/* The type first: reading the text may convert it. */
			v[i].type = sqlite3_column_type(stmt, i);
			v[i].text = (const char *)sqlite3_column_text(stmt, i);
			if (v[i].text == NULL && v[i].type != SQLITE_NULL)
				v[i].text = "";	/* an empty blob */
		}
		output_row(o, v);
		rows++;
	}
	free(v);
	free(names);
	return rc == SQLITE_DONE ? rows : -1;
}

/* Whether a buffered column has numbers and nothing else but NULLs. */
static int
output_column_numeric(struct output *o, int col)
{
	const struct output_value *v;
	size_t r;
	int numbers = 0;

	for (r = 0; r < o->nrows; r++) {
		v = &o->cells[r * o->ncols + col];
		if (output_is_number(v))
			numbers = 1;
		else if (!output_is_null(v))
			return 0;
	}
	return numbers;
}

/* Write the Markdown table. */
static void
output_md(struct output *o)
{
	size_t r;
	int i;

	if (o->ncols == 0)
		return;
	for (i = 0; i < o->ncols; i++) {
		fputs(i == 0 ? "| " : " | ", o->fp);
		output_md_cell(o->fp, o->names[i]);
	}
	fputs(" |\n", o->fp);
	for (i = 0; i < o->ncols; i++) {
		fputs(i == 0 ? "| " : " | ", o->fp);
		fputs(output_column_numeric(o, i) ? "---:" : "---", o->fp);
	}
	fputs(" |\n", o->fp);
	for (r = 0; r < o->nrows; r++) {
		for (i = 0; i < o->ncols; i++) {
			fputs(i == 0 ? "| " : " | ", o->fp);
			output_md_cell(o->fp, o->cells[r * o->ncols + i].text);
		}
		fputs(" |\n", o->fp);
	}
}

/* Append one table cell padded to cw columns, cut with an ellipsis if wider. */
static void
output_table_cell(struct output *o, const char *s, int cw, int right)
{
	int w = output_text_width(s), cut = w > cw;

	if (cut)
		w = output_text(NULL, s, cw - 1) + 1;
	if (right)
		output_line_pad(o, cw - w);
	output_text(o, s, cut ? cw - 1 : INT_MAX);
	if (cut)
		output_line_add(o, o->ellipsis, strlen(o->ellipsis));
	if (!right)
		output_line_pad(o, cw - w);
}

/*
 * Shrink the widest columns until a line fits in o->width, but none below
 * min (6 columns, or the header's width if narrower, and at least 1).
 */
static void
output_table_fit(struct output *o, int *cw)
{
	int *min = xreallocarray(NULL, o->ncols, sizeof *min);
	int i, best, total = 2 * (o->ncols - 1);

	for (i = 0; i < o->ncols; i++) {
		total += cw[i];
		min[i] = output_text_width(o->names[i]);
		min[i] = min[i] < 1 ? 1 : (min[i] > 6 ? 6 : min[i]);
	}
	while (total > o->width) {
		best = -1;
		for (i = 0; i < o->ncols; i++) {
			if (cw[i] > min[i] && (best == -1 || cw[i] > cw[best]))
				best = i;
		}
		if (best == -1)
			break;
		cw[best]--;
		total--;
	}
	free(min);
}

/* Write the aligned table: header, rule and rows. */
static void
output_table(struct output *o)
{
	int *cw = xreallocarray(NULL, o->ncols, sizeof *cw);
	int *right = xreallocarray(NULL, o->ncols, sizeof *right);
	const struct output_value *v;
	size_t r;
	int i, j, w;

	for (i = 0; i < o->ncols; i++) {
		cw[i] = output_text_width(o->names[i]);
		right[i] = output_column_numeric(o, i);
		for (r = 0; r < o->nrows; r++) {
			v = &o->cells[r * o->ncols + i];
			w = output_is_null(v) ? 0 : output_text_width(v->text);
			if (w > cw[i])
				cw[i] = w;
		}
	}
	if (o->width > 0)
		output_table_fit(o, cw);
	if (o->ncols > 0) {
		for (i = 0; i < o->ncols; i++) {
			output_line_pad(o, i > 0 ? 2 : 0);
			output_table_cell(o, o->names[i], cw[i], right[i]);
		}
		output_line_end(o, o->color);
		for (i = 0; i < o->ncols; i++) {
			output_line_pad(o, i > 0 ? 2 : 0);
			for (j = 0; j < cw[i]; j++)
				output_line_add(o, o->rule, strlen(o->rule));
		}
		output_line_end(o, 0);
	}
	for (r = 0; r < o->nrows && o->ncols > 0; r++) {
		for (i = 0; i < o->ncols; i++) {
			v = &o->cells[r * o->ncols + i];
			output_line_pad(o, i > 0 ? 2 : 0);
			output_table_cell(o, output_is_null(v) ? "" : v->text,
			    cw[i], output_is_number(v));
		}
		output_line_end(o, 0);
	}
	free(right);
	free(cw);
}

/* Finish the result set, flush, and free o; -1 if writing failed. */
int
output_close(struct output *o)
{
	size_t i;
	int status;

	if (o->fmt == OUTPUT_TABLE)
		output_table(o);
	else if (o->fmt == OUTPUT_MD)
		output_md(o);
	else if (o->fmt == OUTPUT_JSON)
		fputs(o->nrows == 0 ? "[]\n" : "\n]\n", o->fp);
	status = (fflush(o->fp) != 0 || ferror(o->fp)) ? -1 : 0;
	for (i = 0; i < o->nrows * o->ncols && o->cells != NULL; i++)
		free((char *)o->cells[i].text);
	for (i = 0; i < (size_t)o->ncols; i++)
		free(o->names[i]);
	free(o->names);
	free(o->cells);
	free(o->line);
	free(o);
	return status;
}
