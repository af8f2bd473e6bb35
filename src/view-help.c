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

/* The filter language (f, and --filter on the command line). */
static const char help_filters[] = N_(
	"Filters (f)\n"
	"\n"
	"  field:value      kind:company  country:FRA  bloc:eu  status:committed\n"
	"  comparisons      amount>=10bn  date>=2025-02  year:2025\n"
	"  ranges           date:2025-01..2025-06  amount:1bn..20bn\n"
	"  words            mistral  \"data centre\"  /gigafact(ory|ories)/i\n"
	"  and, or, not     -kind:person  not bloc:us  (bloc:eu or bloc:uk)\n"
	"\n"
	"Amounts are in euros and take k, M, bn, T or a word: 10bn, 10billion,\n"
	"300million. Spaces around an operator are fine (amount >= 10bn).\n"
	"Tab completes a field or a value. When nothing matches, a hint says\n"
	"what was likely meant.\n"
	"\n"
	"Examples\n"
	"\n"
	"  disputed:yes                   records whose sources disagree\n"
	"  amount>=10bn bloc:eu           EU funding of €10bn or more\n"
	"  kind:public_body country:FRA   French public bodies\n"
	"  date:2025-02 kind:summit       the summits of February 2025\n"
	"  status:committed -kind:loan    money committed, loans left out");

/* Make the help text and split it into lines. */
static void
help_open(struct view *v)
{
	struct help_view *h = xcalloc(1, sizeof *h);
	char *keys = keys_help(), *p;

	v->data = h;
	h->text = xasprintf("%s\n\n%s\n%s\n\n%s", _("Keys"), keys,
	    _("Each tab lists records; Enter opens one. In a record, Tab selects\n"
	    "a link and Enter follows it; h goes back and L forward, as in a\n"
	    "browser. Every figure shows its sources, and a disagreement\n"
	    "between sources is flagged. A record part of a larger one (a\n"
	    "pledge within a plan) is shown under it, marked \u21b3; Enter on a\n"
	    "timeline's heading folds or unfolds its period."), _(help_filters));
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
