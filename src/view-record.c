/* The record view: one record's fields, its related records as links to
 * follow, and its sources with their stances. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "explorer.h"
#include "i18n.h"
#include "label.h"
#include "number.h"
#include "record.h"
#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

/* The most links shown under a heading: a source cited by every record, or
 * a country of a million actors, would be read and held whole. */
#define RECORD_VIEW_LINKS 500

/* A line of the record: its text, where it links, its style, and its
 * indents (first row, and rows it wraps onto). */
struct record_line {
	char			*text;
	char			*link;
	enum explorer_style	 style;
	int			 indent;
	int			 hang;
};

/* A screen row: a part of a line. */
struct record_row {
	int	line;
	size_t	off;
	size_t	len;
	int	indent;
};

struct record_view {
	char			*id;
	char			*kind;
	struct record_line	*lines;
	int			 nlines;
	struct record_row	*rows;
	int			 nrows;
	int			 width;		/* the width rows were wrapped to */
	int			*links;		/* lines that link, in order */
	int			 nlinks;
	int			 sel;		/* the selected link, or -1 */
	int			 top;		/* the first row shown */
	int			 found;		/* the record exists */
	unsigned int		 generation;	/* of the notes read */
	char			 title[256];
};

/* Add a line; text is taken over. */
static void
record_add(struct record_view *r, char *text, const char *link, enum explorer_style style,
    int indent, int hang)
{
	struct record_line *l;

	r->lines = xreallocarray(r->lines, r->nlines + 1, sizeof *r->lines);
	l = &r->lines[r->nlines];
	l->text = text;
	l->link = link == NULL ? NULL : xstrdup(link);
	l->style = style;
	l->indent = indent;
	l->hang = hang;
	if (link != NULL) {
		r->links = xreallocarray(r->links, r->nlinks + 1, sizeof *r->links);
		r->links[r->nlinks++] = r->nlines;
	}
	r->nlines++;
}

/* Add a field's line; a disputed field carries the marker, and under it
 * what each source says: the preferred value first, those shown wrong
 * dim on a line of their own. */
static void
record_add_field(struct record_view *r, const struct record *rec, const struct record_field *f)
{
	const char *flag = explorer_glyph("⚑", "!"), *sep = explorer_glyph(" · ", " - ");
	const char *name = label_field(f->name);
	char *alternatives, *wrong;

	if (f->disputed == NULL) {
		record_add(r, xasprintf("%-*s %s", text_pad(name, 20), name, f->text), NULL,
		    STYLE_NORMAL, 2, 23);
		return;
	}
	record_add(r, xasprintf("%-*s %s  %s", text_pad(name, 20), name, f->text, flag), NULL,
	    STYLE_NORMAL, 2, 23);
	if ((alternatives = record_claims_line(rec, f->disputed, 0, sep)) != NULL) {
		record_add(r, xasprintf("%s %s", flag, alternatives), NULL, STYLE_ALERT, 23, 25);
		free(alternatives);
	}
	if ((wrong = record_claims_line(rec, f->disputed, 1, sep)) != NULL) {
		record_add(r, xasprintf(_("shown wrong: %s"), wrong), NULL, STYLE_DIM, 25, 27);
		free(wrong);
	}
}

/* Add the record's own fields and aliases. */
static void
record_add_fields(struct record_view *r, const struct record *rec)
{
	const struct record_field *f;
	struct strbuf aliases = { 0 };
	int i;

	for (f = rec->fields; f < rec->fields + rec->nfields; f++) {
		if (f->text != NULL)
			record_add_field(r, rec, f);
	}
	if (rec->naliases == 0)
		return;
	strbuf_addf(&aliases, "%-*s ", text_pad(_("aliases"), 20), _("aliases"));
	for (i = 0; i < rec->naliases; i++) {
		strbuf_add(&aliases, i > 0 ? ", " : "");
		strbuf_add(&aliases, rec->aliases[i]);
	}
	record_add(r, strbuf_finish(&aliases), NULL, STYLE_NORMAL, 2, 23);
}

/* Add each relation that has records, as links. */
static void
record_add_related(struct record_view *r, const struct record *rec)
{
	const struct record_relation *rel;
	const struct record_link *l;

	for (rel = rec->relations; rel < rec->relations + rec->nrelations; rel++) {
		record_add(r, xstrdup(""), NULL, STYLE_NORMAL, 0, 0);
		record_add(r, xstrdup(_(rel->heading)), NULL, STYLE_TITLE, 0, 0);
		for (l = rel->links; l < rel->links + rel->nlinks; l++)
			record_add(r, xasprintf("%s%s%s%s", l->name,
			    l->detail != NULL ? "  (" : "", l->detail != NULL ? l->detail : "",
			    l->detail != NULL ? ")" : ""), l->id, STYLE_LINK, 2, 4);
		if (rel->more)
			record_add(r, xasprintf(_("… only the first %d are shown: aiatlas show"
			    " %s lists them all"), rel->nlinks, rec->id), NULL, STYLE_NORMAL, 2, 4);
	}
}

/* Add the sources, each a link, with what they say; flag a disagreement. */
static void
record_add_sources(struct record_view *r, const struct record *rec)
{
	const struct record_source *s;
	char date[64];
	int disagree = 0;

	if (rec->nsources > 0) {
		record_add(r, xstrdup(""), NULL, STYLE_NORMAL, 0, 0);
		record_add(r, xstrdup(_("Sources")), NULL, STYLE_TITLE, 0, 0);
	}
	for (s = rec->sources; s < rec->sources + rec->nsources; s++) {
		if (s->contradicts && !disagree) {
			disagree = 1;
			record_add(r, xstrdup(_("! Sources disagree on this record: the "
			    "contradicting ones come first.")), NULL, STYLE_ALERT, 2, 4);
		}
		record_add(r, xasprintf("[%s] %s%s%s%s%s%s", label_of(s->stance), s->title,
		    s->publisher != NULL || s->published_on != NULL ? " (" : "",
		    s->publisher != NULL ? s->publisher : "",
		    s->publisher != NULL && s->published_on != NULL ? ", " : "",
		    s->published_on != NULL ? number_date(s->published_on, date, sizeof date) : "",
		    s->publisher != NULL || s->published_on != NULL ? ")" : ""), s->source_id,
		    s->contradicts ? STYLE_ALERT : STYLE_LINK, 2, 4);
		if (strcmp(s->field, "*") != 0)
			record_add(r, xasprintf(_("on: %s"), label_field(s->field)), NULL, STYLE_DIM,
			    6, 10);
		if (s->locator != NULL)
			record_add(r, xasprintf(_("at: %s"), s->locator), NULL, STYLE_DIM, 6, 10);
		if (s->note != NULL)
			record_add(r, xasprintf(_("says: %s"), s->note), NULL, STYLE_NORMAL, 6, 12);
		if (s->url != NULL)
			record_add(r, xstrdup(s->url), NULL, STYLE_DIM, 6, 6);
	}
}

/* Add the user's notes on the record, each its date, then its lines. */
static void
record_add_notes(struct record_view *r, const struct record *rec)
{
	const struct record_note *n;
	const char *p, *eol;

	if (rec->nnotes == 0)
		return;
	record_add(r, xstrdup(""), NULL, STYLE_NORMAL, 0, 0);
	record_add(r, xstrdup(_("Your notes")), NULL, STYLE_TITLE, 0, 0);
	for (n = rec->notes; n < rec->notes + rec->nnotes; n++) {
		record_add(r, xasprintf(_("note %lld %s %s"), n->n, explorer_glyph("·", "-"),
		    n->date), NULL, STYLE_DIM, 2, 2);
		for (p = n->text; *p != '\0'; p = *eol != '\0' ? eol + 1 : eol) {
			eol = p + strcspn(p, "\n");
			record_add(r, xstrndup(p, eol - p), NULL, STYLE_NORMAL, 4, 4);
		}
	}
}

/* Forget the lines laid out. */
static void
record_clear(struct record_view *r)
{
	int i;

	for (i = 0; i < r->nlines; i++) {
		free(r->lines[i].text);
		free(r->lines[i].link);
	}
	free(r->lines);
	free(r->rows);
	free(r->links);
	r->lines = NULL;
	r->rows = NULL;
	r->links = NULL;
	r->nlines = r->nrows = r->nlinks = 0;
	r->width = 0;
}

/* Read the record (again: its notes may have changed) and lay it out as
 * lines, keeping the scroll and the selected link. */
static void
record_read(struct view *v, struct record_view *r)
{
	struct record *rec;
	int sel = r->sel;

	record_clear(r);
	r->sel = -1;
	r->generation = explorer_user_generation(v->ex);
	if (record_load_some(explorer_db(v->ex), r->id, explorer_lang(v->ex), RECORD_VIEW_LINKS,
	    &rec) <= 0) {
		r->found = 0;
		record_add(r, xasprintf(_("No record '%s'."), r->id), NULL, STYLE_ALERT, 1, 1);
		return;
	}
	r->found = 1;
	free(r->id);
	free(r->kind);
	r->id = xstrdup(rec->id);
	r->kind = xstrdup(rec->kind);
	record_add(r, xstrdup(rec->title), NULL, STYLE_TITLE, 1, 1);
	record_add(r, xasprintf("%s %s %s", label_of(r->kind), explorer_glyph("·", "-"), r->id),
	    NULL, STYLE_DIM, 1, 1);
	record_add(r, xstrdup(""), NULL, STYLE_NORMAL, 0, 0);
	record_add_fields(r, rec);
	record_add_related(r, rec);
	record_add_sources(r, rec);
	record_add_notes(r, rec);
	record_free(rec);
	if (r->nlinks > 0)
		r->sel = sel >= 0 && sel < r->nlinks ? sel : 0;
}

/* Read the record wanted. */
static void
record_open(struct view *v)
{
	struct record_view *r = xcalloc(1, sizeof *r);

	r->id = v->data;
	r->kind = xstrdup("?");
	r->sel = -1;
	v->data = r;
	record_read(v, r);
}

/* Free the record. */
static void
record_close(struct view *v)
{
	struct record_view *r = v->data;

	record_clear(r);
	free(r->id);
	free(r->kind);
	free(r);
}

/* Break the lines into rows of at most width columns, at spaces; widths
 * are those of the text as shown, after any ASCII fallback. */
static void
record_wrap(struct record_view *r, int width)
{
	struct record_line *l;
	size_t off, len, cut, total;
	int i, indent;

	free(r->rows);
	r->rows = NULL;
	r->nrows = 0;
	r->width = width;
	for (i = 0; i < r->nlines; i++) {
		l = &r->lines[i];
		total = strlen(l->text);
		off = 0;
		do {
			indent = off == 0 ? l->indent : l->hang;
			len = text_span(l->text + off, width - indent > 1 ? width - indent : 1);
			if (off + len < total && l->text[off + len] != ' ') {
				for (cut = len; cut > 0 && l->text[off + cut - 1] != ' '; cut--)
					;
				if (cut > 0)
					len = cut;
			}
			if (len == 0)
				len = total - off;
			r->rows = xreallocarray(r->rows, r->nrows + 1, sizeof *r->rows);
			r->rows[r->nrows++] = (struct record_row){ i, off, len, indent };
			off += len;
			while (off < total && l->text[off] == ' ')
				off++;
		} while (off < total);
	}
}

/* The first row of line i. */
static int
record_row_of(struct record_view *r, int line)
{
	int i;

	for (i = 0; i < r->nrows; i++) {
		if (r->rows[i].line == line)
			return i;
	}
	return 0;
}

/* Keep the scroll within the rows, and the selected link on screen. */
static void
record_follow(struct record_view *r, int rows, int to_link)
{
	int row;

	if (to_link && r->sel >= 0) {
		row = record_row_of(r, r->links[r->sel]);
		if (row < r->top)
			r->top = row;
		else if (row >= r->top + rows)
			r->top = row - rows + 1;
	}
	if (r->top > r->nrows - rows)
		r->top = r->nrows - rows;
	if (r->top < 0)
		r->top = 0;
}

/* After scrolling, keep the selected link on screen: if it went off, the
 * first link that shows is selected instead. */
static void
record_select_visible(struct record_view *r, int rows)
{
	int i, row;

	if (r->sel < 0)
		return;
	row = record_row_of(r, r->links[r->sel]);
	if (row >= r->top && row < r->top + rows)
		return;
	for (i = 0; i < r->nlinks; i++) {
		row = record_row_of(r, r->links[i]);
		if (row >= r->top && row < r->top + rows) {
			r->sel = i;
			return;
		}
	}
}

/* Draw the rows that fit. */
static void
record_draw(struct view *v, int top, int rows, int cols)
{
	struct record_view *r = v->data;
	struct record_row *row;
	struct record_line *l;
	enum explorer_style style;
	char *text;
	int i;

	if (r->generation != explorer_user_generation(v->ex))
		record_read(v, r);
	if (r->width != cols)
		record_wrap(r, cols);
	record_follow(r, rows, 0);
	for (i = 0; i < rows && r->top + i < r->nrows; i++) {
		row = &r->rows[r->top + i];
		l = &r->lines[row->line];
		style = l->style;
		if (r->sel >= 0 && r->links[r->sel] == row->line)
			style = STYLE_SELECTED;
		text = xstrndup(l->text + row->off, row->len);
		if (style == STYLE_SELECTED) {
			explorer_fill(top + i, row->indent, cols - row->indent, style);
			if (row->off == 0)
				explorer_text(top + i, 0, explorer_glyph("▸", ">"), 1, STYLE_SELECTED);
		}
		explorer_text(top + i, row->indent, text, cols - row->indent, style);
		free(text);
	}
}

/* Scroll, select links, follow one. */
static int
record_action(struct view *v, enum keys_action a)
{
	struct record_view *r = v->data;
	int page = v->rows > 1 ? v->rows : 1;

	switch (a) {
	case ACTION_DOWN:	r->top++; break;
	case ACTION_UP:		r->top--; break;
	case ACTION_HALF_DOWN:	r->top += page / 2; break;
	case ACTION_HALF_UP:	r->top -= page / 2; break;
	case ACTION_PAGE_DOWN:	r->top += page; break;
	case ACTION_PAGE_UP:	r->top -= page; break;
	case ACTION_FIRST:	r->top = 0; break;
	case ACTION_LAST:	r->top = r->nrows; break;
	case ACTION_NEXT_LINK:
	case ACTION_PREV_LINK:
		if (r->nlinks == 0) {
			explorer_message(v->ex, _("This record links to nothing."));
			return 1;
		}
		r->sel = (r->sel + (a == ACTION_NEXT_LINK ? 1 : r->nlinks - 1)) % r->nlinks;
		record_follow(r, v->rows, 1);
		explorer_dirty(v->ex);
		return 1;
	case ACTION_MARK:
		explorer_mark_kind(v->ex, r->kind, r->id);
		return 1;
	case ACTION_TIMELINE:
		explorer_open_view(v->ex, &view_timeline_ops, xstrdup(r->id));
		return 1;
	case ACTION_BRIEF:
		explorer_brief(v->ex, r->id);
		return 1;
	case ACTION_OPEN:
		if (r->sel < 0)
			explorer_message(v->ex, _("This record links to nothing."));
		else
			explorer_open_record(v->ex, r->lines[r->links[r->sel]].link);
		return 1;
	default:
		return 0;
	}
	record_follow(r, v->rows, 0);
	record_select_visible(r, v->rows);
	explorer_dirty(v->ex);
	return 1;
}

/* A click on a link selects it. */
static void
record_click(struct view *v, int row, int col)
{
	struct record_view *r = v->data;
	int i, line;

	if (r->top + row >= r->nrows)
		return;
	line = r->rows[r->top + row].line;
	for (i = 0; i < r->nlinks; i++) {
		if (r->links[i] == line)
			r->sel = i;
	}
}

/* "link 2/7" */
static void
record_position(struct view *v, char *buf, size_t size)
{
	struct record_view *r = v->data;

	if (r->sel >= 0)
		snprintf(buf, size, _("link %d/%d"), r->sel + 1, r->nlinks);
	else
		snprintf(buf, size, "%d/%d", r->nrows == 0 ? 0 : r->top + 1, r->nrows);
}

/* The record shown, if it exists. */
static const char *
record_current(struct view *v)
{
	struct record_view *r = v->data;

	return r->found ? r->id : NULL;
}

/* "actor mistral-ai", the kind in the reader's language ("acteur"). */
static const char *
record_title(struct view *v)
{
	struct record_view *r = v->data;

	snprintf(r->title, sizeof r->title, "%s %s", label_of(r->kind), r->id);
	return r->title;
}

const struct view_ops view_record_ops = {
	.name = "record",
	.scope = SCOPE_RECORD,
	.open = record_open,
	.close = record_close,
	.draw = record_draw,
	.action = record_action,
	.click = record_click,
	.position = record_position,
	.title = record_title,
	.current = record_current,
};
