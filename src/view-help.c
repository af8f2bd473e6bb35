/* The help view: every key and what it does, from the binding table. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "explorer.h"
#include "i18n.h"
#include "xmalloc.h"

struct help_view {
	char	*text;		/* the help, lines separated by newlines */
	char	**lines;
	int	 nlines;
	int	 top;
};

/* Make the help text and split it into lines. */
static void
help_open(struct view *v)
{
	struct help_view *h = xcalloc(1, sizeof *h);
	char *keys = keys_help(), *p;

	v->data = h;
	h->text = xasprintf("%s\n\n%s\n%s", _("Keys"), keys,
	    _("Each tab lists records; Enter opens one. In a record, Tab selects\n"
	    "a link and Enter follows it; h goes back and L forward, as in a\n"
	    "browser. Every figure shows its sources, and a disagreement\n"
	    "between sources is flagged."));
	free(keys);
	for (p = h->text; p != NULL; ) {
		h->lines = xreallocarray(h->lines, h->nlines + 1, sizeof *h->lines);
		h->lines[h->nlines++] = p;
		if ((p = strchr(p, '\n')) != NULL)
			*p++ = '\0';
	}
}

/* Free the help. */
static void
help_close(struct view *v)
{
	struct help_view *h = v->data;

	free(h->lines);
	free(h->text);
	free(h);
}

/* Draw the lines that fit. */
static void
help_draw(struct view *v, int top, int rows, int cols)
{
	struct help_view *h = v->data;
	int i;

	if (h->top > h->nlines - rows)
		h->top = h->nlines - rows;
	if (h->top < 0)
		h->top = 0;
	for (i = 0; i < rows && h->top + i < h->nlines; i++)
		explorer_text(top + i, 1, h->lines[h->top + i], cols - 2,
		    h->top + i == 0 ? STYLE_TITLE : STYLE_NORMAL);
}

/* Scroll. */
static int
help_action(struct view *v, enum keys_action a)
{
	struct help_view *h = v->data;

	switch (a) {
	case ACTION_DOWN:	h->top++; break;
	case ACTION_UP:		h->top--; break;
	case ACTION_HALF_DOWN:	h->top += v->rows / 2; break;
	case ACTION_HALF_UP:	h->top -= v->rows / 2; break;
	case ACTION_PAGE_DOWN:	h->top += v->rows; break;
	case ACTION_PAGE_UP:	h->top -= v->rows; break;
	case ACTION_FIRST:	h->top = 0; break;
	case ACTION_LAST:	h->top = h->nlines; break;
	default:
		return 0;
	}
	explorer_dirty(v->ex);
	return 1;
}

/* The title. */
static const char *
help_title(struct view *v)
{
	return _("help");
}

const struct view_ops view_help_ops = {
	.name = "help",
	.scope = SCOPE_GLOBAL,
	.draw = help_draw,
	.open = help_open,
	.close = help_close,
	.action = help_action,
	.title = help_title,
};
