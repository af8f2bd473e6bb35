/* A short document in Markdown, plain text or HTML, for the briefing sheet:
 * each block is gathered, escaped for its format, then written whole (plain
 * text wrapped to its width). */
#include "config.h"
#include "sheet.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmalloc.h"

/* What was written last, to know what goes between it and what follows. */
enum sheet_last {
	SHEET_LAST_NONE,
	SHEET_LAST_BLOCK,	/* a block, of the kind in s->kind */
	SHEET_LAST_HEADING,	/* a heading of level 1 or 2 */
	SHEET_LAST_SUBHEADING,	/* a heading of level 3 */
	SHEET_LAST_RULE
};

struct sheet {
	FILE			*fp;
	enum sheet_format	 fmt;
	enum sheet_last		 last;
	enum sheet_block	 kind;		/* of the block open or last written */
	int			 note;		/* its footnote number */
	int			 open;		/* a block is being gathered */
	char			*buf;		/* its text, escaped */
	size_t			 len, size;
};

/* The style of the HTML sheet: readable on a screen and printed on a page. */
static const char sheet_css[] =
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#222;"
	"max-width:46em;margin:2em auto;padding:0 1em}\n"
	"h1{font-size:1.5em;margin:0 0 .5em}\n"
	"h2{font-size:1.2em;border-bottom:1px solid #ccc;margin:1.6em 0 .4em}\n"
	"h3{font-size:1em;margin:1em 0 .2em}\n"
	"p{margin:.3em 0}ul,ol{margin:.2em 0;padding-left:1.6em}\n"
	"code{font-size:.9em;background:#f3f3f3;padding:0 .2em}\n"
	"sup a{text-decoration:none}a{color:#0645ad;overflow-wrap:anywhere}\n"
	"hr{border:0;border-top:1px solid #ccc;margin:2em 0 .5em}hr~p{color:#555;font-size:.9em}\n"
	"@media print{body{max-width:none;margin:0}a{color:inherit}}\n";

/* Parse a format's name. */
int
sheet_format_parse(const char *name, enum sheet_format *fmt)
{
	static const char *const names[] = { "md", "txt", "html" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(name, names[i]) == 0) {
			*fmt = (enum sheet_format)i;
			return 0;
		}
	}
	return -1;
}

/* Add n bytes to the block being gathered. */
static void
sheet_add(struct sheet *s, const char *bytes, size_t n)
{
	if (s->len + n + 1 > s->size) {
		s->size = (s->len + n + 1) * 2;
		s->buf = xrealloc(s->buf, s->size);
	}
	memcpy(s->buf + s->len, bytes, n);
	s->len += n;
	s->buf[s->len] = '\0';
}

/* Add a string as it is. */
static void
sheet_raw(struct sheet *s, const char *text)
{
	sheet_add(s, text, strlen(text));
}

/* Whether the character at p in text is an underscore inside a word,
 * which Markdown takes as it is. */
static int
sheet_intraword(const char *text, const char *p)
{
	return *p == '_' && p > text && isalnum((unsigned char)p[-1]) &&
	    isalnum((unsigned char)p[1]);
}

/* Add text escaped for the format: line breaks and tabs as spaces, other
 * control characters dropped; Markdown's marks behind a backslash (but in
 * code); HTML's special characters as entities. */
static void
sheet_escape(struct sheet *s, const char *text)
{
	const char *p;

	for (p = text; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\t')
			sheet_add(s, " ", 1);
		else if ((unsigned char)*p < 0x20 || *p == 0x7f)
			continue;
		else if (s->fmt == SHEET_MD && strchr("\\`*_[]<>|", *p) != NULL &&
		    !sheet_intraword(text, p) && !(s->open && s->kind == SHEET_PRE)) {
			sheet_add(s, "\\", 1);
			sheet_add(s, p, 1);
		} else if (s->fmt == SHEET_HTML && *p == '&')
			sheet_raw(s, "&amp;");
		else if (s->fmt == SHEET_HTML && *p == '<')
			sheet_raw(s, "&lt;");
		else if (s->fmt == SHEET_HTML && *p == '>')
			sheet_raw(s, "&gt;");
		else if (s->fmt == SHEET_HTML && *p == '"')
			sheet_raw(s, "&quot;");
		else if (s->fmt == SHEET_HTML && *p == '\'')
			sheet_raw(s, "&#39;");
		else
			sheet_add(s, p, 1);
	}
}

/* Write a piece of wrapped text to the sheet's stream (text_wrap's put). */
static void
sheet_piece(void *arg, const char *piece)
{
	fputs(piece, arg);
}

/* Write text from column indent on, wrapped at spaces to SHEET_WIDTH
 * columns; a word wider than that stands alone on its line. */
static void
sheet_wrap(struct sheet *s, const char *text, int indent)
{
	text_wrap(text, indent, SHEET_WIDTH, sheet_piece, s->fp);
	fputc('\n', s->fp);
}

/* Close the HTML list a block of kind leaves, if it leaves one. */
static void
sheet_close_list(struct sheet *s, int next_kind)
{
	if (s->fmt != SHEET_HTML || s->last != SHEET_LAST_BLOCK || (int)s->kind == next_kind)
		return;
	if (s->kind == SHEET_ITEM)
		fputs("</ul>\n", s->fp);
	else if (s->kind == SHEET_NOTE)
		fputs("</ol>\n", s->fp);
}

/* Write the block gathered, if any. */
static void
sheet_flush(struct sheet *s)
{
	char prefix[32];

	if (!s->open)
		return;
	s->open = 0;
	switch (s->fmt) {
	case SHEET_MD:
		if (s->kind == SHEET_ITEM)
			fputs("- ", s->fp);
		else if (s->kind == SHEET_NOTE)
			fprintf(s->fp, "[^%d]: ", s->note);
		fprintf(s->fp, s->kind == SHEET_PRE ? "```\n%s\n```\n" : "%s\n", s->buf);
		break;
	case SHEET_TXT:
		prefix[0] = '\0';
		if (s->kind == SHEET_ITEM)
			snprintf(prefix, sizeof prefix, "- ");
		else if (s->kind == SHEET_NOTE)
			snprintf(prefix, sizeof prefix, "[%d] ", s->note);
		if (s->kind == SHEET_PRE) {
			fprintf(s->fp, "    %s\n", s->buf);
			break;
		}
		fputs(prefix, s->fp);
		sheet_wrap(s, s->buf, (int)strlen(prefix));
		break;
	case SHEET_HTML:
		if (s->kind == SHEET_ITEM)
			fprintf(s->fp, "<li>%s</li>\n", s->buf);
		else if (s->kind == SHEET_NOTE)
			fprintf(s->fp, "<li id=\"fn-%d\" value=\"%d\">%s</li>\n", s->note, s->note,
			    s->buf);
		else if (s->kind == SHEET_PRE)
			fprintf(s->fp, "<pre><code>%s</code></pre>\n", s->buf);
		else
			fprintf(s->fp, "<p>%s</p>\n", s->buf);
		break;
	}
	s->len = 0;
	if (s->buf != NULL)
		s->buf[0] = '\0';
}

/* Start a sheet: the HTML head, and the title. */
struct sheet *
sheet_open(FILE *fp, enum sheet_format fmt, const char *lang, const char *title)
{
	struct sheet *s = xcalloc(1, sizeof *s);
	int i, w;

	s->fp = fp;
	s->fmt = fmt;
	sheet_add(s, "", 0);
	switch (fmt) {
	case SHEET_MD:
		sheet_escape(s, title);
		fprintf(fp, "# %s\n", s->buf);
		break;
	case SHEET_TXT:
		fprintf(fp, "%s\n", title);
		for (i = 0, w = text_width(title); i < w && i < SHEET_WIDTH; i++)
			fputc('=', fp);
		fputc('\n', fp);
		break;
	case SHEET_HTML:
		sheet_escape(s, title);
		fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>%s</h1>\n",
		    strcmp(lang, "fr") == 0 ? "fr" : "en", s->buf, sheet_css, s->buf);
		break;
	}
	s->len = 0;
	s->last = SHEET_LAST_HEADING;
	return s;
}

/* Write a heading. */
void
sheet_heading(struct sheet *s, int level, const char *text)
{
	int i, w;

	sheet_flush(s);
	sheet_close_list(s, -1);
	if (s->fmt != SHEET_HTML)
		fputc('\n', s->fp);
	sheet_escape(s, text);
	switch (s->fmt) {
	case SHEET_MD:
		fprintf(s->fp, "%s %s\n", level <= 2 ? "##" : "###", s->buf);
		break;
	case SHEET_TXT:
		fprintf(s->fp, "%s\n", s->buf);
		for (i = 0, w = text_width(s->buf); level <= 2 && i < w && i < SHEET_WIDTH; i++)
			fputc('-', s->fp);
		if (level <= 2)
			fputc('\n', s->fp);
		break;
	case SHEET_HTML:
		fprintf(s->fp, "<h%d>%s</h%d>\n", level <= 2 ? 2 : 3, s->buf, level <= 2 ? 2 : 3);
		break;
	}
	s->len = 0;
	s->last = level <= 2 ? SHEET_LAST_HEADING : SHEET_LAST_SUBHEADING;
}

/* Start a block: a blank line between it and what came before, except
 * between items of one list (and after a plain text subheading). */
void
sheet_block(struct sheet *s, enum sheet_block kind, int n)
{
	int same;

	sheet_flush(s);
	same = s->last == SHEET_LAST_BLOCK && s->kind == kind && kind != SHEET_PARA;
	sheet_close_list(s, kind);
	if (s->fmt == SHEET_HTML && !same && kind == SHEET_ITEM)
		fputs("<ul>\n", s->fp);
	else if (s->fmt == SHEET_HTML && !same && kind == SHEET_NOTE)
		fputs("<ol class=\"notes\">\n", s->fp);
	else if (s->fmt != SHEET_HTML && !same && s->last != SHEET_LAST_NONE &&
	    !(s->fmt == SHEET_TXT && s->last == SHEET_LAST_SUBHEADING))
		fputc('\n', s->fp);
	s->kind = kind;
	s->note = n;
	s->open = 1;
	s->last = SHEET_LAST_BLOCK;
}

/* Add text. */
void
sheet_text(struct sheet *s, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	sheet_escape(s, text);
	free(text);
}

/* Add emphasised text. */
void
sheet_strong(struct sheet *s, const char *text)
{
	sheet_raw(s, s->fmt == SHEET_MD ? "**" : s->fmt == SHEET_HTML ? "<strong>" : "");
	sheet_escape(s, text);
	sheet_raw(s, s->fmt == SHEET_MD ? "**" : s->fmt == SHEET_HTML ? "</strong>" : "");
}

/* Whether text holds a control character (which sheet_escape drops). */
static int
sheet_has_control(const char *text)
{
	for (; *text != '\0'; text++) {
		if ((unsigned char)*text < 0x20 || *text == 0x7f)
			return 1;
	}
	return 0;
}

/* Add code: an id, as it is typed. */
void
sheet_code(struct sheet *s, const char *text)
{
	if (s->fmt == SHEET_MD && strchr(text, '`') == NULL && !sheet_has_control(text)) {
		sheet_raw(s, "`");
		sheet_raw(s, text);
		sheet_raw(s, "`");
		return;
	}
	sheet_raw(s, s->fmt == SHEET_HTML ? "<code>" : "");
	sheet_escape(s, text);
	sheet_raw(s, s->fmt == SHEET_HTML ? "</code>" : "");
}

/* Add a reference to footnote n. */
void
sheet_ref(struct sheet *s, int n)
{
	char ref[64];

	if (s->fmt == SHEET_MD)
		snprintf(ref, sizeof ref, "[^%d]", n);
	else if (s->fmt == SHEET_TXT)
		snprintf(ref, sizeof ref, "[%d]", n);
	else
		snprintf(ref, sizeof ref, "<sup><a href=\"#fn-%d\">%d</a></sup>", n, n);
	sheet_raw(s, ref);
}

/* Add an address: a link in Markdown and HTML when it is a web address
 * (never javascript: or the like), else text. */
void
sheet_url(struct sheet *s, const char *url)
{
	int web = (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0) &&
	    strcspn(url, " <>\"'\n") == strlen(url);

	if (s->fmt == SHEET_MD && web) {
		sheet_raw(s, "<");
		sheet_raw(s, url);
		sheet_raw(s, ">");
	} else if (s->fmt == SHEET_HTML && web) {
		sheet_raw(s, "<a href=\"");
		sheet_escape(s, url);
		sheet_raw(s, "\">");
		sheet_escape(s, url);
		sheet_raw(s, "</a>");
	} else
		sheet_escape(s, url);
}

/* A line across. */
void
sheet_rule(struct sheet *s)
{
	sheet_flush(s);
	sheet_close_list(s, -1);
	fputs(s->fmt == SHEET_MD ? "\n---\n" : s->fmt == SHEET_TXT ? "\n----\n" : "<hr>\n",
	    s->fp);
	s->last = SHEET_LAST_RULE;
}

/* End the sheet. */
int
sheet_close(struct sheet *s)
{
	int status;

	sheet_flush(s);
	sheet_close_list(s, -1);
	if (s->fmt == SHEET_HTML)
		fputs("</body>\n</html>\n", s->fp);
	status = ferror(s->fp) ? -1 : 0;
	free(s->buf);
	free(s);
	return status;
}
