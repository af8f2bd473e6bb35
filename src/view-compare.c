/* The compare view: 2 to 4 marked actors, countries or blocs in panes side
 * by side (stacked when the screen is narrow), rows aligned, the larger
 * figure emphasised, bar charts of the totals. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "explorer.h"
#include "i18n.h"
#include "output.h"
#include "text.h"
#include "xmalloc.h"

/* The label column, and the narrowest pane side by side. */
#define CMP_LABEL	24
#define CMP_MIN_PANE	18

struct cmp_view {
	struct compare	*cmp;
	struct compare_scope scope;	/* as the keys set it; 0: the default */
	int		 focus;		/* the focused pane */
	int		 row;		/* the focused row */
	int		 top;		/* the first line shown */
	int		 lines;		/* lines at the last draw */
	int		 cols;		/* columns at the last draw */
	char		 title[256];
};

/* The cells that wrap to more than CMP_MEMO_LINES lines (a place's years
 * used, an item each: thousands of lines at a million records), with their
 * count of lines at a width, so that a draw does not wrap them again for
 * each line it draws. Cleared whenever a comparison is freed, as the
 * cells' text is known by its address. */
#define CMP_MEMO	16
#define CMP_MEMO_LINES	16
static struct {
	const char	*text;
	int		 width;
	int		 lines;
} cmp_memo[CMP_MEMO];
static int cmp_nmemo;

/* Free a comparison, and forget the lines of its cells. */
static void
cmp_free(struct compare *cmp)
{
	compare_free(cmp);
	cmp_nmemo = 0;
}

/* Compare the marked records. */
static void
cmp_open(struct view *v)
{
	struct cmp_view *c = xcalloc(1, sizeof *c);
	char *cause = NULL;
	char *const *marks;
	int n;

	v->data = c;
	marks = explorer_marks(v->ex, &n);
	if ((c->cmp = compare_build(explorer_db(v->ex), explorer_lang(v->ex), marks, n,
	    &c->scope, &cause)) == NULL) {
		explorer_message(v->ex, "%s", cause);
		free(cause);
	}
}

/* Free the comparison. */
static void
cmp_close(struct view *v)
{
	struct cmp_view *c = v->data;

	cmp_free(c->cmp);
	free(c);
}

/* The pane whose value is the largest of a row, or -1. */
static int
cmp_largest(const struct compare *cmp, const struct compare_row *r)
{
	int i, best = -1, n = 0;

	for (i = 0; i < cmp->n; i++) {
		if (!r->has_value[i])
			continue;
		n++;
		if (best < 0 || r->value[i] > r->value[best])
			best = i;
	}
	return n >= 2 ? best : -1;
}

/* A bar of value against max in width columns, in eighths of a block
 * (whole blocks and # outside UTF-8). */
static char *
cmp_bar(double value, double max, int width)
{
	static const char *const eighths[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	const char *full = explorer_glyph("█", "#");
	long units = max > 0 ? (long)(value / max * width * 8 + 0.5) : 0;
	char *bar = xstrdup(""), *t;
	long i;

	if (units < 1 && value > 0)
		units = 1;
	for (i = 0; i < units / 8; i++) {
		t = xasprintf("%s%s", bar, full);
		free(bar);
		bar = t;
	}
	if (units % 8 != 0 && strcmp(full, "█") == 0) {
		t = xasprintf("%s%s", bar, eighths[units % 8]);
		free(bar);
		bar = t;
	}
	return bar;
}

/* Where a line of the span bytes at s that fit breaks: after the last
 * byte that is c, or 0 if none is. */
static size_t
cmp_break_after(const char *s, size_t span, char c)
{
	while (span > 0 && s[span - 1] != c)
		span--;
	return span;
}

/* The line of text s that starts at byte off, wrapped at spaces to width
 * columns: its length in bytes, and in *next where the line after it
 * starts. A word wider than that is cut after its last hyphen that fits
 * (not a first one), as an id like current-ai-nations; else where the
 * width ends. */
static size_t
cmp_wrap_line(const char *s, size_t off, int width, size_t *next)
{
	size_t span = text_span(s + off, width > 1 ? width : 1), cut = span;

	if (s[off + span] != '\0' && s[off + span] != ' ' &&
	    (cut = cmp_break_after(s + off, span, ' ')) == 0 &&
	    (cut = cmp_break_after(s + off, span, '-')) <= 1)
		cut = span;
	*next = off + cut + strspn(s + off + cut, " ");
	return cut;
}

/* Line k of text s wrapped at spaces to width columns: its start and
 * length in bytes; 0 when s has no line k. */
static int
cmp_wrap(const char *s, int width, int k, size_t *start, size_t *len)
{
	size_t off = 0, next, cut;
	int line;

	for (line = 0;; line++) {
		cut = cmp_wrap_line(s, off, width, &next);
		if (line == k) {
			*start = off;
			*len = cut;
			while (*len > 0 && s[off + *len - 1] == ' ')
				(*len)--;
			return 1;
		}
		if (s[next] == '\0' || cut == 0)
			return 0;
		off = next;
	}
}

/* The width a cell's text has: width, less the marker of a dispute. */
static int
cmp_text_width(const struct compare_row *r, int i, int width)
{
	return r->disputed[i] ? width - 2 : width;
}

/* How many lines cell i of a row takes, wrapped in width: counted in one
 * pass, and kept for a cell of many lines. */
static int
cmp_cell_lines(const struct compare_row *r, int i, int width)
{
	const char *s = r->text[i];
	size_t off = 0, next;
	int k, w = cmp_text_width(r, i, width);

	for (k = 0; s != NULL && k < cmp_nmemo && k < CMP_MEMO; k++) {
		if (cmp_memo[k].text == s && cmp_memo[k].width == w)
			return cmp_memo[k].lines;
	}
	for (k = 1; s != NULL; k++) {
		if (cmp_wrap_line(s, off, w, &next) == 0 || s[next] == '\0')
			break;
		off = next;
	}
	if (k > CMP_MEMO_LINES) {
		cmp_memo[cmp_nmemo % CMP_MEMO].text = s;
		cmp_memo[cmp_nmemo % CMP_MEMO].width = w;
		cmp_memo[cmp_nmemo++ % CMP_MEMO].lines = k;
	}
	return k;
}

/* Draw line k of cell i of a row at (y, x) in width, and after its last
 * line the marker of a sum that holds a disputed amount. */
static void
cmp_cell_line(int y, int x, const struct compare_row *r, int i, int width, int k,
    enum explorer_style style)
{
	size_t start, len;
	char *part;
	int w = 0, tw = cmp_text_width(r, i, width);

	if (r->text[i] == NULL || !cmp_wrap(r->text[i], tw, k, &start, &len))
		return;
	part = xstrndup(r->text[i] + start, len);
	w = explorer_text(y, x, part, tw, style);
	free(part);
	if (r->disputed[i] && k == cmp_cell_lines(r, i, width) - 1)
		explorer_text(y, x + w + 1, explorer_glyph("⚑", "!"), 1,
		    style == STYLE_SELECTED ? style : STYLE_ALERT);
}

/* Draw cell i of a row at (y, x) in width, on one line. */
static void
cmp_cell(int y, int x, const struct compare_row *r, int i, int width, enum explorer_style style)
{
	int w;

	w = explorer_text(y, x, r->text[i] ? r->text[i] : "", cmp_text_width(r, i, width), style);
	if (r->disputed[i])
		explorer_text(y, x + w + 1, explorer_glyph("⚑", "!"), 1,
		    style == STYLE_SELECTED ? style : STYLE_ALERT);
}

/* The panes' width side by side in cols, or 0 when they stack. */
static int
cmp_pane(const struct compare *cmp, int cols)
{
	int pane = cmp->n > 0 ? (cols - CMP_LABEL) / cmp->n : cols;

	return pane >= CMP_MIN_PANE ? pane : 0;
}

/* How many lines row j takes side by side: its tallest cell's. */
static int
cmp_row_lines(const struct compare *cmp, int j, int pane)
{
	int i, h, most = 1;

	for (i = 0; i < cmp->n; i++) {
		if ((h = cmp_cell_lines(&cmp->rows[j], i, pane - 2)) > most)
			most = h;
	}
	return most;
}

/* How many lines the scope takes, wrapped in cols. */
static int
cmp_scope_lines(const struct compare *cmp, int cols)
{
	size_t start, len;
	int k = 0;

	while (cmp_wrap(cmp->scope_text, cols - 2, k, &start, &len))
		k++;
	return k;
}

/* The line of the layout row j starts on side by side: after the scope,
 * the headings and the rows above. */
static int
cmp_row_line(const struct compare *cmp, int j, int cols)
{
	int k, line = cmp_scope_lines(cmp, cols) + 1, pane = cmp_pane(cmp, cols);

	for (k = 0; k < j; k++)
		line += pane > 0 ? cmp_row_lines(cmp, k, pane) : 1;
	return line;
}

/* Draw one line of content at screen row y: line number n of the layout
 * (side by side if wide, else stacked); returns the number of lines. */
static int
cmp_line(struct view *v, int y, int n, int cols, int draw)
{
	struct cmp_view *c = v->data;
	const struct compare *cmp = c->cmp;
	const struct compare_row *r;
	int i, j, k, h, line = 0, pane, x, best, wide;
	enum explorer_style style;
	size_t start, len;
	double max;
	char *bar, *part;

	pane = cmp_pane(cmp, cols);
	wide = pane > 0;
	/* What the figures add, above them. */
	for (k = 0; cmp_wrap(cmp->scope_text, cols - 2, k, &start, &len); k++) {
		if (line++ == n && draw) {
			part = xstrndup(cmp->scope_text + start, len);
			explorer_text(y, 1, part, cols - 2, STYLE_DIM);
			free(part);
		}
	}
	if (wide) {
		/* Headings, then the rows. */
		if (line++ == n && draw) {
			explorer_fill(y, 0, cols, STYLE_HEADER);
			for (i = 0; i < cmp->n; i++)
				explorer_text(y, CMP_LABEL + i * pane, cmp->name[i] ? cmp->name[i] :
				    cmp->id[i], pane - 2, i == c->focus ? STYLE_SELECTED : STYLE_HEADER);
		}
		/* Each row on as many lines as its longest cell wraps to. */
		for (j = 0; j < cmp->nrows; j++) {
			h = cmp_row_lines(cmp, j, pane);
			if (!draw || n < line || n >= line + h) {
				line += h;
				continue;
			}
			k = n - line;
			line += h;
			r = &cmp->rows[j];
			best = cmp_largest(cmp, r);
			if (j == c->row)
				explorer_fill(y, 0, cols, STYLE_DIM);
			if (k == 0)
				explorer_text(y, 1, r->label, CMP_LABEL - 2, j == c->row ? STYLE_TITLE :
				    STYLE_DIM);
			for (i = 0; i < cmp->n; i++) {
				style = i == best ? STYLE_TITLE : STYLE_NORMAL;
				if (j == c->row && i == c->focus)
					style = STYLE_SELECTED;
				cmp_cell_line(y, CMP_LABEL + i * pane, r, i, pane - 2, k, style);
			}
		}
	} else {
		/* Each record in turn, its rows under it. */
		for (i = 0; i < cmp->n; i++) {
			if (line++ == n && draw)
				explorer_text(y, 0, cmp->name[i] ? cmp->name[i] : cmp->id[i], cols,
				    i == c->focus ? STYLE_SELECTED : STYLE_HEADER);
			for (j = 0; j < cmp->nrows; j++) {
				r = &cmp->rows[j];
				h = cmp_cell_lines(r, i, cols - CMP_LABEL);
				if (!draw || n < line || n >= line + h) {
					line += h;
					continue;
				}
				k = n - line;
				line += h;
				best = cmp_largest(cmp, r);
				if (k == 0)
					explorer_text(y, 1, r->label, CMP_LABEL - 2, STYLE_DIM);
				style = i == best ? STYLE_TITLE : STYLE_NORMAL;
				if (j == c->row && i == c->focus)
					style = STYLE_SELECTED;
				cmp_cell_line(y, CMP_LABEL, r, i, cols - CMP_LABEL, k, style);
			}
		}
	}
	/* Then a bar chart of each row that is worth one. */
	for (j = 0; j < cmp->nrows; j++) {
		r = &cmp->rows[j];
		if (!r->chart)
			continue;
		for (i = 0, max = 0; i < cmp->n; i++) {
			if (r->has_value[i] && r->value[i] > max)
				max = r->value[i];
		}
		if (max <= 0)
			continue;
		if (line++ == n && draw)
			explorer_text(y, 1, r->label, cols - 2, STYLE_TITLE);
		for (i = 0; i < cmp->n; i++, line++) {
			if (line != n || !draw)
				continue;
			explorer_text(y, 2, cmp->name[i] ? cmp->name[i] : cmp->id[i], CMP_LABEL - 3,
			    STYLE_DIM);
			x = CMP_LABEL;
			bar = cmp_bar(r->has_value[i] ? r->value[i] : 0, max, cols - x - 14);
			x += explorer_text(y, x, bar, cols - x, STYLE_LINK);
			cmp_cell(y, x + 1, r, i, cols - x - 1, STYLE_NORMAL);
			free(bar);
		}
	}
	return line;
}

/* Draw the lines that fit, all panes scrolled together. */
static void
cmp_draw(struct view *v, int top, int rows, int cols)
{
	struct cmp_view *c = v->data;
	int i;

	if (c->cmp == NULL) {
		explorer_text(top + 1, 1, _("Nothing to compare: mark 2 to 4 records with m."),
		    cols - 2, STYLE_DIM);
		return;
	}
	c->cols = cols;
	c->lines = cmp_line(v, 0, -1, cols, 0);
	if (c->top > c->lines - rows)
		c->top = c->lines - rows;
	if (c->top < 0)
		c->top = 0;
	for (i = 0; i < rows && c->top + i < c->lines; i++)
		cmp_line(v, top + i, c->top + i, cols, 1);
}

/* Swap pane i with the next: the records and every row's cells. */
static void
cmp_swap(struct compare *cmp, int i)
{
	int j = (i + 1) % cmp->n, k;
	char *t;
	double d;
	int h;

#define CMP_SWAP(a, b, tmp) do { tmp = a; a = b; b = tmp; } while (0)
	CMP_SWAP(cmp->id[i], cmp->id[j], t);
	CMP_SWAP(cmp->kind[i], cmp->kind[j], t);
	CMP_SWAP(cmp->name[i], cmp->name[j], t);
	for (k = 0; k < cmp->nrows; k++) {
		CMP_SWAP(cmp->rows[k].text[i], cmp->rows[k].text[j], t);
		CMP_SWAP(cmp->rows[k].plain[i], cmp->rows[k].plain[j], t);
		CMP_SWAP(cmp->rows[k].link[i], cmp->rows[k].link[j], t);
		CMP_SWAP(cmp->rows[k].value[i], cmp->rows[k].value[j], d);
		CMP_SWAP(cmp->rows[k].has_value[i], cmp->rows[k].has_value[j], h);
		CMP_SWAP(cmp->rows[k].disputed[i], cmp->rows[k].disputed[j], h);
	}
#undef CMP_SWAP
}

/* The file the comparison is copied to, in the current directory. */
#define CMP_COPY_FILE	"aiatlas-compare.md"

/* Compare the same records again within c->scope; the old comparison stays
 * if the new one fails. */
static void
cmp_rebuild(struct view *v)
{
	struct cmp_view *c = v->data;
	struct compare *cmp;
	char *cause = NULL;

	if ((cmp = compare_build(explorer_db(v->ex), explorer_lang(v->ex), c->cmp->id, c->cmp->n,
	    &c->scope, &cause)) == NULL) {
		explorer_message(v->ex, "%s", cause);
		free(cause);
		return;
	}
	cmp_free(c->cmp);
	c->cmp = cmp;
	explorer_message(v->ex, "%s", cmp->scope_text);
}

/* Copy the comparison as Markdown, its scope first (explorer_copy). */
static void
cmp_copy(struct view *v)
{
	struct cmp_view *c = v->data;
	struct output *o;
	char *text = NULL;
	size_t len = 0;
	FILE *fp;

	if ((fp = open_memstream(&text, &len)) == NULL) {
		explorer_message(v->ex, _("Cannot copy the comparison: out of memory."));
		return;
	}
	fprintf(fp, "%s\n\n", c->cmp->scope_text);
	o = output_open(fp, OUTPUT_MD, 0, 0);
	compare_write(c->cmp, o, 1);
	output_close(o);
	fclose(fp);
	explorer_copy(v->ex, text, len, CMP_COPY_FILE, _("the comparison"));
	free(text);
}

/* Scroll, move between rows and panes, swap, open; change the scope; copy. */
static int
cmp_action(struct view *v, enum keys_action a)
{
	struct cmp_view *c = v->data;
	struct compare *cmp = c->cmp;
	int page = v->rows > 1 ? v->rows : 1;

	if (cmp == NULL)
		return 0;
	switch (a) {
	case ACTION_DOWN:	c->row++; break;
	case ACTION_UP:		c->row--; break;
	case ACTION_PAGE_DOWN:
	case ACTION_HALF_DOWN:	c->top += page / (a == ACTION_HALF_DOWN ? 2 : 1); break;
	case ACTION_PAGE_UP:
	case ACTION_HALF_UP:	c->top -= page / (a == ACTION_HALF_UP ? 2 : 1); break;
	case ACTION_FIRST:	c->row = 0; c->top = 0; break;
	case ACTION_LAST:	c->row = cmp->nrows - 1; c->top = c->lines; break;
	case ACTION_NEXT_PANE:	c->focus = (c->focus + 1) % cmp->n; break;
	case ACTION_SWAP:
		cmp_swap(cmp, c->focus);
		c->focus = (c->focus + 1) % cmp->n;
		break;
	case ACTION_OPEN:
		explorer_open_record(v->ex, cmp->rows[c->row].link[c->focus] != NULL ?
		    cmp->rows[c->row].link[c->focus] : cmp->id[c->focus]);
		return 1;
	case ACTION_PERIOD_PREV:
	case ACTION_PERIOD_NEXT:
		/* One year, the one before or after the first shown. */
		c->scope = cmp->scope;
		c->scope.from = (cmp->scope.from > 0 ? cmp->scope.from : cmp->scope.to) +
		    (a == ACTION_PERIOD_NEXT ? 1 : -1);
		c->scope.to = c->scope.from;
		cmp_rebuild(v);
		break;
	case ACTION_DOMAINS:
		c->scope = cmp->scope;
		c->scope.domains = cmp->scope.domains == COMPARE_DOMAINS_ALL ?
		    COMPARE_DOMAINS_DEFAULT : COMPARE_DOMAINS_ALL;
		cmp_rebuild(v);
		break;
	case ACTION_MEMBERS:
		c->scope = cmp->scope;
		c->scope.members_out = !cmp->scope.members_out;
		cmp_rebuild(v);
		break;
	case ACTION_COPY:
		cmp_copy(v);
		return 1;
	default:
		return 0;
	}
	cmp = c->cmp;
	if (c->row >= cmp->nrows)
		c->row = cmp->nrows - 1;
	if (c->row < 0)
		c->row = 0;
	/* Keep the focused row on screen, side by side (scope, heading,
	 * rows as they wrap). */
	if (a == ACTION_DOWN || a == ACTION_UP) {
		int first = cmp_row_line(cmp, c->row, c->cols);
		int last = cmp_row_line(cmp, c->row + 1, c->cols) - 1;

		if (first < c->top)
			c->top = first;
		if (last >= c->top + v->rows)
			c->top = last + 1 - v->rows;
	}
	explorer_dirty(v->ex);
	return 1;
}

/* "row 3/20 · pane 2/3" */
static void
cmp_position(struct view *v, char *buf, size_t size)
{
	struct cmp_view *c = v->data;

	if (c->cmp == NULL)
		snprintf(buf, size, "0/0");
	else
		snprintf(buf, size, _("row %d/%d %s pane %d/%d"), c->row + 1, c->cmp->nrows,
		    explorer_glyph("·", "-"), c->focus + 1, c->cmp->n);
}

/* "compare: a, b, c" */
static const char *
cmp_title(struct view *v)
{
	struct cmp_view *c = v->data;
	int i, n = 0;

	n = snprintf(c->title, sizeof c->title, "%s", _("compare:"));
	for (i = 0; c->cmp != NULL && i < c->cmp->n && n > 0 && (size_t)n < sizeof c->title; i++)
		n += snprintf(c->title + n, sizeof c->title - n, "%s %s", i > 0 ? "," : "",
		    c->cmp->id[i]);
	return c->title;
}

const struct view_ops view_compare_ops = {
	.name = "compare",
	.scope = SCOPE_COMPARE,
	.open = cmp_open,
	.close = cmp_close,
	.draw = cmp_draw,
	.action = cmp_action,
	.position = cmp_position,
	.title = cmp_title,
};
