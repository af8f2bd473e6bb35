/* A short document written in Markdown, plain text or HTML: headings,
 * paragraphs, list items, footnotes and their references, for the
 * briefing sheet. */
#ifndef AIATLAS_SHEET_H
#define AIATLAS_SHEET_H

#include <stdio.h>

/* The formats a sheet is written in. */
enum sheet_format {
	SHEET_MD,	/* Markdown, footnotes as [^1] */
	SHEET_TXT,	/* plain text wrapped at SHEET_WIDTH columns, footnotes as [1] */
	SHEET_HTML	/* one self-contained HTML file: inline CSS, no script */
};

/* The plain text's width in columns. */
#define SHEET_WIDTH	72

/* What a block of text is. */
enum sheet_block {
	SHEET_PARA,	/* a paragraph */
	SHEET_ITEM,	/* an item of a list */
	SHEET_NOTE,	/* a footnote, with its number */
	SHEET_PRE	/* a line of code (a command), never wrapped */
};

struct sheet;

/* Parse a format's name (md, txt, html); 0, or -1 if unknown. */
int		 sheet_format_parse(const char *name, enum sheet_format *fmt);
/* Start a sheet on fp with its title (the top heading); lang is the
 * language of its text ("en", "fr"). */
struct sheet	*sheet_open(FILE *fp, enum sheet_format fmt, const char *lang,
		     const char *title);
/* A heading of level 2 (a record) or 3 (a part of it). */
void		 sheet_heading(struct sheet *s, int level, const char *text);
/* Start a block; n is a footnote's number. The block before ends. */
void		 sheet_block(struct sheet *s, enum sheet_block kind, int n);
/* Add to the current block: text, emphasised text, code (an id), a
 * reference to footnote n, an address (URL). */
void		 sheet_text(struct sheet *s, const char *fmt, ...)
		     __attribute__((format(printf, 2, 3)));
void		 sheet_strong(struct sheet *s, const char *text);
void		 sheet_code(struct sheet *s, const char *text);
void		 sheet_ref(struct sheet *s, int n);
void		 sheet_url(struct sheet *s, const char *url);
/* A line across, before the sheet's colophon. */
void		 sheet_rule(struct sheet *s);
/* End the sheet and free it; 0, or -1 if fp has a write error. */
int		 sheet_close(struct sheet *s);

#endif
