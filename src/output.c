/* Result sets written as table, CSV, TSV, JSON or Markdown. */
#include "config.h"
#include "output.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "translit.h"
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
	int			 spaces;	/* held back by output_put */
	int			 raw;		/* CSV, TSV: formulas left as they are */
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

/* Parse the name of a file's format, where the table is "txt". */
int
output_file_format_parse(const char *name, enum output_format *fmt)
{
	if (strcmp(name, "txt") == 0) {
		*fmt = OUTPUT_TABLE;
		return 0;
	}
	return strcmp(name, "table") == 0 ? -1 : output_format_parse(name, fmt);
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

/* Write s as a JSON string (NULL as null); invalid UTF-8 becomes U+FFFD. */
void
output_json_string(FILE *fp, const char *s)
{
	static const char from[] = "\"\\\n\r\t\b\f", to[] = "\"\\nrtbf";
	const unsigned char *p = (const unsigned char *)s;
	const char *e;
	size_t n;

	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	fputc('"', fp);
	for (; *p != '\0'; p += n) {
		n = 1;
		if ((e = strchr(from, *p)) != NULL)
			fprintf(fp, "\\%c", to[e - from]);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(fp, "\\u%04x", *p);
		else if ((n = text_utf8_length((const char *)p)) != 0)
			fwrite(p, 1, n, fp);
		else {
			fputs("\xef\xbf\xbd", fp);
			n = 1;
		}
	}
	fputc('"', fp);
}

/* Skip the digits s starts with; how many there were. */
static size_t
output_digits(const char **s)
{
	size_t n = strspn(*s, "0123456789");

	*s += n;
	return n;
}

/* Whether s is a number in JSON's grammar (SQLite may give Inf or NaN). */
static int
output_json_number(const char *s)
{
	s += *s == '-';
	if (*s == '0')
		s++;
	else if (output_digits(&s) == 0)
		return 0;
	if (*s == '.' && (s++, output_digits(&s) == 0))
		return 0;
	if (*s == 'e' || *s == 'E') {
		s += 1 + (s[1] == '+' || s[1] == '-');
		if (output_digits(&s) == 0)
			return 0;
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
	static const char from[] = "\\\t\n\r", to[] = "\\tnr";
	const char *e;

	for (; s != NULL && *s != '\0'; s++) {
		if ((e = strchr(from, *s)) != NULL)
			fprintf(fp, "\\%c", to[e - from]);
		else
			fputc(*s, fp);
	}
}

/* Write one Markdown table cell's text, escaping | \ and line breaks. */
void
output_md_cell(FILE *fp, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '|' || *s == '\\')
			fprintf(fp, "\\%c", *s);
		else if (*s == '\n' || *s == '\r') {
			fputs("<br>", fp);
			s += s[0] == '\r' && s[1] == '\n';
		} else
			fputc(*s, fp);
	}
}

/* Write table text; spaces wait for text to follow so no line ends in one. */
static void
output_put(struct output *o, const char *s, size_t n)
{
	if (n == 1 && *s == ' ') {
		o->spaces++;
		return;
	}
	for (; o->spaces > 0; o->spaces--)
		fputc(' ', o->fp);
	fwrite(s, 1, n, o->fp);
}

/* End a table line, dropping the spaces held back. */
static void
output_line_end(struct output *o, const char *end)
{
	o->spaces = 0;
	fputs(end, o->fp);
}

/* Give one character's bytes to the table (text_walk's put). */
static void
output_put_text(void *arg, const char *bytes, size_t n)
{
	output_put(arg, bytes, n);
}

/* Write s to the table, at most max columns of it; returns the width. */
static int
output_text(struct output *o, const char *s, int max)
{
	return text_walk(s, max, o->bad, output_put_text, o);
}

/* Start writing one result set to fp. */
struct output *
output_open(FILE *fp, enum output_format fmt, int color, int width)
{
	struct output *o = xcalloc(1, sizeof *o);
	int utf8 = translit_utf8();

	o->fp = fp;
	o->fmt = fmt;
	o->color = color;
	o->width = width;
	o->ellipsis = utf8 ? "…" : "~";
	o->rule = utf8 ? "─" : "-";
	o->bad = utf8 ? "\xef\xbf\xbd" : "?";
	return o;
}

/*
 * Whether a CSV or TSV cell needs a ' in front: a spreadsheet would run it
 * as a formula (it starts with = + - @ tab or CR and is not a number as
 * -5), or it starts with ' itself, so that dropping one leading ' from
 * every cell that has one gives back what was written.
 */
static int
output_formula(const char *s)
{
	return s != NULL && (*s == '\'' ||
	    (*s != '\0' && strchr("=+-@\t\r", *s) != NULL && !output_json_number(s)));
}

/*
 * Write field i of a CSV, TSV or Markdown line and what follows it. CSV
 * lines end with "\n", not RFC 4180's "\r\n", as sqlite3 and most Unix tools
 * write them; readers accept both.
 */
static void
output_field(struct output *o, int i, const char *s)
{
	int last = i == o->ncols - 1;
	char *inert = NULL;

	if ((o->fmt == OUTPUT_CSV || o->fmt == OUTPUT_TSV) && !o->raw && output_formula(s))
		s = inert = xasprintf("'%s", s);
	if (o->fmt == OUTPUT_CSV) {
		output_csv_field(o->fp, s);
		fputs(last ? "\n" : ",", o->fp);
	} else if (o->fmt == OUTPUT_TSV) {
		output_tsv_field(o->fp, s);
		fputs(last ? "\n" : "\t", o->fp);
	} else {
		fputs(i == 0 ? "| " : " ", o->fp);
		output_md_cell(o->fp, s);
		fputs(last ? " |\n" : " |", o->fp);
	}
	free(inert);
}

/* Write CSV and TSV cells as they are, formulas too (raw), or not. */
void
output_set_raw(struct output *o, int raw)
{
	o->raw = raw;
}

/* Declare the columns; CSV and TSV write the header now. */
void
output_columns(struct output *o, int ncols, const char *const *names)
{
	int i;

	o->ncols = ncols;
	o->names = xreallocarray(NULL, ncols, sizeof *o->names);
	for (i = 0; i < ncols; i++) {
		o->names[i] = xstrdup(names[i] != NULL ? names[i] : "");
		if (o->fmt == OUTPUT_CSV || o->fmt == OUTPUT_TSV)
			output_field(o, i, o->names[i]);
	}
}

/* Add one row: written now, or kept for close by the table and md formats. */
void
output_row(struct output *o, const struct output_value *values)
{
	const struct output_value *v;
	struct output_value *copy;
	int i;

	if (o->fmt == OUTPUT_JSON)
		fputs(o->nrows == 0 ? "[\n{" : ",\n{", o->fp);
	else if ((o->fmt == OUTPUT_TABLE || o->fmt == OUTPUT_MD) &&
	    o->nrows == o->alloc) {
		o->alloc = o->alloc == 0 ? 64 : o->alloc * 2;
		o->cells = xreallocarray(o->cells, o->alloc * o->ncols,
		    sizeof *o->cells);
	}
	for (i = 0; i < o->ncols; i++) {
		v = &values[i];
		switch (o->fmt) {
		case OUTPUT_CSV:
		case OUTPUT_TSV:
			output_field(o, i, output_is_null(v) ? NULL : v->text);
			break;
		case OUTPUT_JSON:
			fputs(i == 0 ? "" : ",", o->fp);
			output_json_string(o->fp, o->names[i]);
			fputc(':', o->fp);
			output_json_value(o->fp, v);
			break;
		case OUTPUT_TABLE:
		case OUTPUT_MD:
			copy = &o->cells[o->nrows * o->ncols + i];
			copy->type = output_is_null(v) ? SQLITE_NULL : v->type;
			copy->text = output_is_null(v) ? NULL : xstrdup(v->text);
			break;
		}
	}
	if (o->fmt == OUTPUT_JSON)
		fputc('}', o->fp);
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

/* Whether a kept column has numbers and nothing else but NULLs. */
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

/* Write the Markdown table, numeric columns aligned right. */
static void
output_md(struct output *o)
{
	size_t r;
	int i;

	for (i = 0; i < o->ncols; i++)
		output_field(o, i, o->names[i]);
	for (i = 0; i < o->ncols; i++)
		output_field(o, i, output_column_numeric(o, i) ? "---:" : "---");
	for (r = 0; r < o->nrows; r++) {
		for (i = 0; i < o->ncols; i++)
			output_field(o, i, o->cells[r * o->ncols + i].text);
	}
}

/* Write one table cell padded to cw columns, cut with an ellipsis if wider. */
static void
output_table_cell(struct output *o, int i, const char *s, int cw, int right)
{
	int w = text_width(s), cut = w > cw;

	o->spaces += i > 0 ? 2 : 0;
	if (cut)
		w = text_walk(s, cw - 1, o->bad, NULL, NULL) + 1;
	if (right)
		o->spaces += cw - w;
	output_text(o, s, cut ? cw - 1 : INT_MAX);
	if (cut)
		output_put(o, o->ellipsis, strlen(o->ellipsis));
	if (!right)
		o->spaces += cw - w;
}

/*
 * Shrink the widest columns until a line fits in o->width, but none below
 * 6 columns, or the header's width if narrower (and at least 1).
 */
static void
output_table_fit(struct output *o, int *cw)
{
	int *min = xreallocarray(NULL, o->ncols, sizeof *min);
	int i;

	for (i = 0; i < o->ncols; i++) {
		min[i] = text_width(o->names[i]);
		min[i] = min[i] < 1 ? 1 : (min[i] > 6 ? 6 : min[i]);
	}
	text_fit(o->ncols, cw, min, o->width, 2);
	free(min);
}

/* Write the aligned table: header, rule and rows. */
static void
output_table(struct output *o)
{
	const struct output_value *v;
	size_t r;
	int *cw, i, j, w;

	if (o->ncols == 0)
		return;
	cw = xreallocarray(NULL, o->ncols, sizeof *cw);
	for (i = 0; i < o->ncols; i++) {
		cw[i] = text_width(o->names[i]);
		for (r = 0; r < o->nrows; r++) {
			v = &o->cells[r * o->ncols + i];
			w = output_is_null(v) ? 0 : text_width(v->text);
			cw[i] = w > cw[i] ? w : cw[i];
		}
	}
	if (o->width > 0)
		output_table_fit(o, cw);
	fputs(o->color ? "\033[1m" : "", o->fp);
	for (i = 0; i < o->ncols; i++)
		output_table_cell(o, i, o->names[i], cw[i],
		    output_column_numeric(o, i));
	output_line_end(o, o->color ? "\033[0m\n" : "\n");
	for (i = 0; i < o->ncols; i++) {
		o->spaces += i > 0 ? 2 : 0;
		for (j = 0; j < cw[i]; j++)
			output_put(o, o->rule, strlen(o->rule));
	}
	output_line_end(o, "\n");
	for (r = 0; r < o->nrows; r++) {
		for (i = 0; i < o->ncols; i++) {
			v = &o->cells[r * o->ncols + i];
			output_table_cell(o, i, output_is_null(v) ? "" : v->text,
			    cw[i], output_is_number(v));
		}
		output_line_end(o, "\n");
	}
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
	status = fflush(o->fp) != 0 || ferror(o->fp) ? -1 : 0;
	for (i = 0; o->cells != NULL && i < o->nrows * o->ncols; i++)
		free((char *)o->cells[i].text);
	for (i = 0; i < (size_t)o->ncols; i++)
		free(o->names[i]);
	free(o->names);
	free(o->cells);
	free(o);
	return status;
}
