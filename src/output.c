/* Result sets written as table, CSV, TSV, JSON or Markdown. */
#include "config.h"
#include "output.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "strbuf.h"
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
	size_t			*lens;		/* md: the bytes of each cell, NULs within */
	size_t			 nrows;
	size_t			 alloc;		/* rows cells has room for */
	int			 spaces;	/* held back by output_put */
	int			 raw;		/* CSV, TSV: formulas left as they are */
	int			 terminal;	/* CSV, TSV: control characters escaped */
	const struct output_fit	*fit;		/* table: how each column fits, or NULL */
	int			 nfit;
	int			*pick;		/* the columns written, of those given, or NULL */
	int			 npick;
	struct output_value	*picked;	/* a row's picked values (pick) */
	size_t			*picked_lens;
	const char		*(*label)(const char *);	/* table, md: a header */
	struct strbuf		 line;		/* CSV, TSV: the line being written */
};

/* The widest a column that may be cut is kept before columns are left
 * out (less only when all that is left does not fit). */
#define OUTPUT_CUT_MIN	16

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

/* Write the len bytes of s as a JSON string: control characters (NUL and
 * C1 too) as \u001b, invalid UTF-8 as U+FFFD. */
static void
output_json_bytes(FILE *fp, const char *s, size_t len)
{
	static const char from[] = "\"\\\n\r\t\b\f", to[] = "\"\\nrtbf";
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	const char *e;
	size_t n;

	fputc('"', fp);
	for (; p < end; p += n) {
		n = 1;
		if (*p != '\0' && (e = strchr(from, *p)) != NULL)
			fprintf(fp, "\\%c", to[e - from]);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(fp, "\\u%04x", *p);
		else if (*p == 0xc2 && p + 1 < end && p[1] >= 0x80 && p[1] < 0xa0) {
			fprintf(fp, "\\u%04x", p[1]);	/* C1, which terminals may obey */
			n = 2;
		} else if ((n = text_utf8_length((const char *)p)) != 0 && n <= (size_t)(end - p))
			fwrite(p, 1, n, fp);
		else {
			fputs("\xef\xbf\xbd", fp);
			n = 1;
		}
	}
	fputc('"', fp);
}

/* Write s as a JSON string (NULL as null); invalid UTF-8 becomes U+FFFD. */
void
output_json_string(FILE *fp, const char *s)
{
	if (s == NULL)
		fputs("null", fp);
	else
		output_json_bytes(fp, s, strlen(s));
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

/* Write one value of len bytes as JSON: numbers bare, text and blobs as
 * strings. */
static void
output_json_value(FILE *fp, const struct output_value *v, size_t len)
{
	if (output_is_null(v))
		fputs("null", fp);
	else if (output_is_number(v))
		fputs(output_json_number(v->text) ? v->text : "null", fp);
	else
		output_json_bytes(fp, v->text, len);
}

/* Add n bytes to a CSV or TSV line: kept until it ends (a write for each
 * piece costs more than the piece), or written at once on a terminal,
 * where cells are escaped as they are written. */
static void
output_line_bytes(struct output *o, const char *s, size_t n)
{
	if (o->terminal)
		fwrite(s, 1, n, o->fp);
	else
		strbuf_addn(&o->line, s, n);
}

/* Write the CSV or TSV line kept so far. */
static void
output_line_flush(struct output *o)
{
	if (o->line.len > 0)
		fwrite(o->line.s, 1, o->line.len, o->fp);
	o->line.len = 0;
}

/* Write n bytes of a CSV or TSV cell: as they are, or on a terminal with
 * control characters escaped (those of keep aside), as a table is. */
static void
output_cell_bytes(struct output *o, const char *s, size_t n, const char *keep)
{
	if (o->terminal)
		text_escape(o->fp, s, n, keep);
	else
		output_line_bytes(o, s, n);
}

/* Write one CSV field of len bytes, quoted when it holds , " CR LF or edge
 * spaces. */
static void
output_csv_field(struct output *o, const char *s, size_t len)
{
	const char *end = s + len, *q;

	if (len == 0)
		return;
	if (memchr(s, ',', len) == NULL && memchr(s, '"', len) == NULL &&
	    memchr(s, '\r', len) == NULL && memchr(s, '\n', len) == NULL &&
	    strchr(" \t", s[0]) == NULL && strchr(" \t", s[len - 1]) == NULL) {
		output_cell_bytes(o, s, len, "\t");
		return;
	}
	output_line_bytes(o, "\"", 1);
	for (; (q = memchr(s, '"', (size_t)(end - s))) != NULL; s = q + 1) {
		output_cell_bytes(o, s, (size_t)(q - s), "\t\r\n");
		output_line_bytes(o, "\"\"", 2);
	}
	output_cell_bytes(o, s, (size_t)(end - s), "\t\r\n");
	output_line_bytes(o, "\"", 1);
}

/* Write one TSV field of len bytes, escaping \ tab LF and CR. */
static void
output_tsv_field(struct output *o, const char *s, size_t len)
{
	static const char from[] = "\\\t\n\r", to[] = "\\tnr";
	const char *end = s + len, *e;
	char escape[2] = { '\\', 0 };
	size_t run;

	while (s < end) {
		for (run = 0; s + run < end && s[run] != '\\' && s[run] != '\t' &&
		    s[run] != '\n' && s[run] != '\r'; run++)
			;
		output_cell_bytes(o, s, run, "");
		s += run;
		if (s < end && (e = strchr(from, *s)) != NULL) {
			escape[1] = to[e - from];
			output_line_bytes(o, escape, 2);
			s++;
		}
	}
}

/* Write len bytes of a Markdown table cell, escaping | \ and line breaks,
 * and control characters as a table does (\x1b): Markdown is read in
 * terminals too. */
static void
output_md_bytes(FILE *fp, const char *s, size_t len)
{
	const char *end = s + len;
	size_t run;

	while (s < end) {
		for (run = 0; s + run < end && (s[run] == '\0' || strchr("|\\\r\n", s[run]) == NULL);
		    run++)
			;
		text_escape(fp, s, run, "\t");
		s += run;
		if (s == end)
			break;
		if (*s == '|' || *s == '\\')
			fprintf(fp, "\\%c", *s);
		else {
			fputs("<br>", fp);
			s += s[0] == '\r' && s + 1 < end && s[1] == '\n';
		}
		s++;
	}
}

/* Write one Markdown table cell's text, escaping | \ line breaks and
 * control characters. */
void
output_md_cell(FILE *fp, const char *s)
{
	if (s != NULL)
		output_md_bytes(fp, s, strlen(s));
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
 * Write field i of a CSV, TSV or Markdown line, len bytes of s (NULL: SQL
 * NULL), and what follows it. CSV lines end with "\n", not RFC 4180's
 * "\r\n", as sqlite3 and most Unix tools write them; readers accept both.
 */
static void
output_field(struct output *o, int i, const char *s, size_t len)
{
	int last = i == o->ncols - 1;
	char *inert = NULL;

	if (s == NULL)
		s = "", len = 0;
	if ((o->fmt == OUTPUT_CSV || o->fmt == OUTPUT_TSV) && !o->raw && output_formula(s)) {
		inert = xmalloc(len + 2);
		inert[0] = '\'';
		memcpy(inert + 1, s, len + 1);
		s = inert;
		len++;
	}
	if (o->fmt == OUTPUT_CSV || o->fmt == OUTPUT_TSV) {
		if (o->fmt == OUTPUT_CSV)
			output_csv_field(o, s, len);
		else
			output_tsv_field(o, s, len);
		output_line_bytes(o, last ? "\n" : o->fmt == OUTPUT_CSV ? "," : "\t", 1);
		if (last)
			output_line_flush(o);
	} else {
		fputs(i == 0 ? "| " : " ", o->fp);
		output_md_bytes(o->fp, s, len);
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

/* Escape the control characters of CSV and TSV cells (on a terminal). */
void
output_set_terminal(struct output *o, int terminal)
{
	o->terminal = terminal;
}

/* Fit the table column by column, as fit says. */
void
output_set_fit(struct output *o, const struct output_fit *fit, int n)
{
	o->fit = fit;
	o->nfit = n;
}

/* The index of the column called name among ncols names, or -1. */
static int
output_find(const char *name, size_t len, int ncols, const char *const *names)
{
	int i;

	for (i = 0; i < ncols; i++) {
		if (names[i] != NULL && strlen(names[i]) == len &&
		    strncmp(names[i], name, len) == 0)
			return i;
	}
	return -1;
}

/* Write only the columns that list names, in its order. */
int
output_pick(struct output *o, const char *list, int ncols, const char *const *names,
    char **cause)
{
	struct strbuf all = { 0 };
	const char *p = list, *end;
	size_t len;
	int i;

	free(o->pick);
	o->pick = NULL;
	o->npick = 0;
	for (;;) {
		end = strchr(p, ',');
		len = end != NULL ? (size_t)(end - p) : strlen(p);
		o->pick = xreallocarray(o->pick, o->npick + 1, sizeof *o->pick);
		if ((o->pick[o->npick++] = output_find(p, len, ncols, names)) < 0) {
			for (i = 0; i < ncols; i++)
				strbuf_addf(&all, "%s%s", i > 0 ? ", " : "", names[i]);
			*cause = xasprintf(_("no column '%.*s'; columns: %s"), (int)len, p,
			    all.s != NULL ? all.s : "");
			free(strbuf_finish(&all));
			free(o->pick);
			o->pick = NULL;
			o->npick = 0;
			return -1;
		}
		if (end == NULL)
			return 0;
		p = end + 1;
	}
}

/* Show the table's and Markdown's headers as labels of the names. */
void
output_set_labels(struct output *o, const char *(*label)(const char *name))
{
	o->label = label;
}

/* The header of column i as people read it: its label, or its name (a
 * key, which --sort, --columns and the data formats use). */
static const char *
output_head(const struct output *o, int i)
{
	return o->label != NULL && (o->fmt == OUTPUT_TABLE || o->fmt == OUTPUT_MD) ?
	    o->label(o->names[i]) : o->names[i];
}

/* Declare the columns; CSV and TSV write the header now. */
void
output_columns(struct output *o, int ncols, const char *const *names)
{
	const char *name;
	int i;

	if (o->pick != NULL) {
		o->picked = xreallocarray(NULL, o->npick, sizeof *o->picked);
		o->picked_lens = xreallocarray(NULL, o->npick, sizeof *o->picked_lens);
		ncols = o->npick;
	}
	o->ncols = ncols;
	o->names = xreallocarray(NULL, ncols, sizeof *o->names);
	for (i = 0; i < ncols; i++) {
		name = names[o->pick != NULL ? o->pick[i] : i];
		o->names[i] = xstrdup(name != NULL ? name : "");
		if (o->fmt == OUTPUT_CSV || o->fmt == OUTPUT_TSV)
			output_field(o, i, o->names[i], strlen(o->names[i]));
	}
}

/* A copy of a table cell's len bytes, each NUL spelled \x00 as the table
 * spells other control characters (text_walk stops at a NUL). */
static char *
output_table_copy(const char *s, size_t len)
{
	char *copy, *p;
	size_t i, nuls = 0;

	for (i = 0; i < len; i++)
		nuls += s[i] == '\0';
	p = copy = xmalloc(len + 3 * nuls + 1);
	for (i = 0; i < len; i++) {
		if (s[i] != '\0')
			*p++ = s[i];
		else {
			memcpy(p, "\\x00", 4);
			p += 4;
		}
	}
	*p = '\0';
	return copy;
}

/* Add one row, the bytes of each value in lens (NULs within), or up to
 * their first NUL if lens is NULL, the values picked from those given:
 * written now, or kept for close by the table and md formats. */
static void
output_row_bytes(struct output *o, const struct output_value *values, const size_t *lens)
{
	const struct output_value *v;
	struct output_value *copy;
	size_t len, k;
	int i;

	if (o->pick != NULL) {
		for (i = 0; i < o->ncols; i++) {
			o->picked[i] = values[o->pick[i]];
			o->picked_lens[i] = lens != NULL ? lens[o->pick[i]] : 0;
		}
		values = o->picked;
		lens = lens != NULL ? o->picked_lens : NULL;
	}
	if (o->fmt == OUTPUT_JSON)
		fputs(o->nrows == 0 ? "[\n{" : ",\n{", o->fp);
	else if ((o->fmt == OUTPUT_TABLE || o->fmt == OUTPUT_MD) &&
	    o->nrows == o->alloc) {
		o->alloc = o->alloc == 0 ? 64 : o->alloc * 2;
		o->cells = xreallocarray(o->cells, o->alloc * o->ncols,
		    sizeof *o->cells);
		o->lens = xreallocarray(o->lens, o->alloc * o->ncols, sizeof *o->lens);
	}
	for (i = 0; i < o->ncols; i++) {
		v = &values[i];
		len = output_is_null(v) ? 0 : lens != NULL ? lens[i] : strlen(v->text);
		switch (o->fmt) {
		case OUTPUT_CSV:
		case OUTPUT_TSV:
			output_field(o, i, output_is_null(v) ? NULL : v->text, len);
			break;
		case OUTPUT_JSON:
			fputs(i == 0 ? "" : ",", o->fp);
			output_json_string(o->fp, o->names[i]);
			fputc(':', o->fp);
			output_json_value(o->fp, v, len);
			break;
		case OUTPUT_TABLE:
		case OUTPUT_MD:
			k = o->nrows * o->ncols + i;
			copy = &o->cells[k];
			copy->type = output_is_null(v) ? SQLITE_NULL : v->type;
			copy->text = NULL;
			o->lens[k] = len;
			if (output_is_null(v))
				break;
			if (o->fmt == OUTPUT_TABLE)
				copy->text = output_table_copy(v->text, len);
			else
				copy->text = memcpy(xmalloc(len + 1), v->text, len + 1);
			break;
		}
	}
	if (o->fmt == OUTPUT_JSON)
		fputc('}', o->fp);
	o->nrows++;
}

/* Add one row of the values declared. */
void
output_row(struct output *o, const struct output_value *values)
{
	output_row_bytes(o, values, NULL);
}

/* A blob spelled as SQL writes it, x'0102', in *hex (reused). */
static const char *
output_hex(const unsigned char *blob, size_t n, char **hex)
{
	static const char digits[] = "0123456789abcdef";
	char *p;
	size_t i;

	p = *hex = xrealloc(*hex, 2 * n + 4);
	*p++ = 'x';
	*p++ = '\'';
	for (i = 0; i < n; i++) {
		*p++ = digits[blob[i] >> 4];
		*p++ = digits[blob[i] & 0xf];
	}
	*p++ = '\'';
	*p = '\0';
	return *hex;
}

/* Write every row of a prepared statement; -1 on a SQLite error. A blob
 * is shown in hex (x'0102'), a text whole, NULs within too. */
long
output_statement(struct output *o, sqlite3_stmt *stmt)
{
	int ncols = sqlite3_column_count(stmt), i, rc;
	const char **names = xreallocarray(NULL, ncols, sizeof *names);
	struct output_value *v = xreallocarray(NULL, ncols, sizeof *v);
	size_t *lens = xreallocarray(NULL, ncols, sizeof *lens);
	char **hex = xcalloc(ncols > 0 ? ncols : 1, sizeof *hex);
	long rows = 0;

	for (i = 0; i < ncols; i++)
		names[i] = sqlite3_column_name(stmt, i);
	output_columns(o, ncols, names);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (i = 0; i < ncols; i++) {
			/* The type first: reading the text may convert it. */
			v[i].type = sqlite3_column_type(stmt, i);
			if (v[i].type == SQLITE_BLOB) {
				v[i].text = output_hex(sqlite3_column_blob(stmt, i),
				    (size_t)sqlite3_column_bytes(stmt, i), &hex[i]);
				lens[i] = strlen(v[i].text);
				continue;
			}
			/* The length after the text: the bytes of that text. */
			v[i].text = (const char *)sqlite3_column_text(stmt, i);
			lens[i] = (size_t)sqlite3_column_bytes(stmt, i);
		}
		output_row_bytes(o, v, lens);
		rows++;
	}
	for (i = 0; i < ncols; i++)
		free(hex[i]);
	free(hex);
	free(lens);
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
	const struct output_value *v;
	const char *rule;
	size_t r;
	int i;

	for (i = 0; i < o->ncols; i++)
		output_field(o, i, output_head(o, i), strlen(output_head(o, i)));
	for (i = 0; i < o->ncols; i++) {
		rule = output_column_numeric(o, i) ? "---:" : "---";
		output_field(o, i, rule, strlen(rule));
	}
	for (r = 0; r < o->nrows; r++) {
		for (i = 0; i < o->ncols; i++) {
			v = &o->cells[r * o->ncols + i];
			output_field(o, i, v->text, o->lens[r * o->ncols + i]);
		}
	}
}

/* Write one table cell padded to cw columns, cut with an ellipsis if wider,
 * after the gap between columns unless it is the first. */
static void
output_table_cell(struct output *o, int first, const char *s, int cw, int right)
{
	int w = text_width(s), cut = w > cw;

	o->spaces += first ? 0 : 2;
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
		min[i] = text_width(output_head(o, i));
		min[i] = min[i] < 1 ? 1 : (min[i] > 6 ? 6 : min[i]);
	}
	text_fit(o->ncols, cw, min, o->width, 2);
	free(min);
}

/* How column i fits, as output_set_fit says; NULL if it names none. */
static const struct output_fit *
output_fit_of(const struct output *o, int i)
{
	int f;

	for (f = 0; f < o->nfit; f++) {
		if (strcmp(o->fit[f].name, o->names[i]) == 0)
			return &o->fit[f];
	}
	return NULL;
}

/*
 * Fit the table column by column: leave out columns, the highest rank
 * first and the rightmost of a rank (a column the fit does not name before
 * any), until the rest fits o->width with the columns that may be cut no
 * wider than OUTPUT_CUT_MIN (picked columns stay); then cut those to the
 * width left. Clears shown[i] of a column left out; how many were.
 */
static int
output_table_fit_columns(struct output *o, int *cw, int *shown)
{
	const struct output_fit *f;
	int *w = xreallocarray(NULL, o->ncols, sizeof *w);
	int *min = xreallocarray(NULL, o->ncols, sizeof *min);
	int i, n, need, drop, rank, drop_rank = 0, dropped = 0;

	for (;;) {
		need = -2;
		drop = -1;
		for (i = 0; i < o->ncols; i++) {
			if (!shown[i])
				continue;
			f = output_fit_of(o, i);
			need += 2 + (f != NULL && f->cut && cw[i] > OUTPUT_CUT_MIN ?
			    OUTPUT_CUT_MIN : cw[i]);
			rank = f != NULL ? f->rank : INT_MAX;
			if (o->pick == NULL && rank > 0 && (drop < 0 || rank >= drop_rank)) {
				drop = i;
				drop_rank = rank;
			}
		}
		if (need <= o->width || drop < 0)
			break;
		shown[drop] = 0;
		dropped++;
	}
	/* Then take back what fits in the room left, the lowest rank first:
	 * leaving out a wide column may make room for a narrow one left out
	 * before it. */
	for (rank = 1; dropped > 0 && need <= o->width && rank < INT_MAX; rank = drop_rank) {
		drop_rank = INT_MAX;
		for (i = 0; i < o->ncols; i++) {
			if (shown[i] || (f = output_fit_of(o, i)) == NULL)
				continue;
			if (f->rank == rank && need + 2 + (f->cut && cw[i] > OUTPUT_CUT_MIN ?
			    OUTPUT_CUT_MIN : cw[i]) <= o->width) {
				need += 2 + (f->cut && cw[i] > OUTPUT_CUT_MIN ? OUTPUT_CUT_MIN : cw[i]);
				shown[i] = 1;
				dropped--;
			} else if (f->rank > rank && f->rank < drop_rank)
				drop_rank = f->rank;
		}
	}
	for (i = n = 0; i < o->ncols; i++) {
		if (!shown[i])
			continue;
		f = output_fit_of(o, i);
		w[n] = cw[i];
		min[n++] = f != NULL && f->cut && cw[i] > 1 ? 1 : cw[i];
	}
	text_fit(n, w, min, o->width, 2);
	for (i = n = 0; i < o->ncols; i++) {
		if (shown[i])
			cw[i] = w[n++];
	}
	free(min);
	free(w);
	return dropped;
}

/* Write the line under a table that names the columns left out. */
static void
output_table_note(struct output *o, const int *shown)
{
	struct strbuf names = { 0 };
	char *list;
	int i;

	for (i = 0; i < o->ncols; i++) {
		if (!shown[i])
			strbuf_addf(&names, "%s%s", names.s != NULL ? ", " : "", o->names[i]);
	}
	list = strbuf_finish(&names);
	fputs(o->color ? "\033[2m" : "", o->fp);
	fprintf(o->fp, _("Left out: %s (see --wide or --columns)"), list);
	fputs(o->color ? "\033[0m\n" : "\n", o->fp);
	free(list);
}

/* Write the aligned table: header, rule and rows, and under them the
 * columns left out to fit, if any. */
static void
output_table(struct output *o)
{
	const struct output_value *v;
	size_t r;
	int *cw, *shown, i, j, w, first, dropped = 0;

	if (o->ncols == 0)
		return;
	cw = xreallocarray(NULL, o->ncols, sizeof *cw);
	shown = xreallocarray(NULL, o->ncols, sizeof *shown);
	for (i = 0; i < o->ncols; i++) {
		shown[i] = 1;
		cw[i] = text_width(output_head(o, i));
		for (r = 0; r < o->nrows; r++) {
			v = &o->cells[r * o->ncols + i];
			w = output_is_null(v) ? 0 : text_width(v->text);
			cw[i] = w > cw[i] ? w : cw[i];
		}
	}
	if (o->width > 0 && o->fit != NULL)
		dropped = output_table_fit_columns(o, cw, shown);
	else if (o->width > 0)
		output_table_fit(o, cw);
	fputs(o->color ? "\033[1m" : "", o->fp);
	for (i = 0, first = 1; i < o->ncols; i++) {
		if (shown[i]) {
			output_table_cell(o, first, output_head(o, i), cw[i],
			    output_column_numeric(o, i));
			first = 0;
		}
	}
	output_line_end(o, o->color ? "\033[0m\n" : "\n");
	for (i = 0, first = 1; i < o->ncols; i++) {
		if (!shown[i])
			continue;
		o->spaces += first ? 0 : 2;
		first = 0;
		for (j = 0; j < cw[i]; j++)
			output_put(o, o->rule, strlen(o->rule));
	}
	output_line_end(o, "\n");
	for (r = 0; r < o->nrows; r++) {
		for (i = 0, first = 1; i < o->ncols; i++) {
			if (!shown[i])
				continue;
			v = &o->cells[r * o->ncols + i];
			output_table_cell(o, first, output_is_null(v) ? "" : v->text,
			    cw[i], output_is_number(v));
			first = 0;
		}
		output_line_end(o, "\n");
	}
	if (dropped > 0)
		output_table_note(o, shown);
	free(shown);
	free(cw);
}

/* Finish the result set (none if no column was declared), flush, and free
 * o; -1 if writing failed. */
int
output_close(struct output *o)
{
	size_t i;
	int status;

	if (o->fmt == OUTPUT_TABLE)
		output_table(o);
	else if (o->fmt == OUTPUT_MD)
		output_md(o);
	else if (o->fmt == OUTPUT_JSON && o->names != NULL)
		fputs(o->nrows == 0 ? "[]\n" : "\n]\n", o->fp);
	status = fflush(o->fp) != 0 || ferror(o->fp) ? -1 : 0;
	for (i = 0; o->cells != NULL && i < o->nrows * o->ncols; i++)
		free((char *)o->cells[i].text);
	for (i = 0; i < (size_t)o->ncols; i++)
		free(o->names[i]);
	free(o->names);
	free(o->cells);
	free(o->lens);
	free(o->pick);
	free(o->picked);
	free(o->picked_lens);
	free(strbuf_finish(&o->line));
	free(o);
	return status;
}
