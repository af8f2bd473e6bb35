/* The note editor: a few lines of text typed into the explorer when no
 * $VISUAL or $EDITOR is set. Typing adds at the end, Enter starts a new
 * line, Backspace deletes; C-s saves, Esc asks whether to save. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "explorer.h"
#include "i18n.h"
#include "text.h"
#include "xmalloc.h"

struct note_view {
	struct note_draft	*draft;
	char			*text;
	size_t			 len;
	int			 asking;	/* after Esc: y saves, n discards */
	char			 title[256];
};

/* Start from the draft's text. */
static void
note_open(struct view *v)
{
	struct note_view *n = xcalloc(1, sizeof *n);

	n->draft = v->data;
	n->text = xstrdup(n->draft->text);
	n->len = strlen(n->text);
	v->data = n;
}

/* Free the editor and its draft. */
static void
note_close(struct view *v)
{
	struct note_view *n = v->data;

	free(n->draft->id);
	free(n->draft->text);
	free(n->draft);
	free(n->text);
	free(n);
}

/* Add bytes at the end. */
static void
note_append(struct note_view *n, const char *bytes, size_t len)
{
	n->text = xrealloc(n->text, n->len + len + 1);
	memcpy(n->text + n->len, bytes, len);
	n->len += len;
	n->text[n->len] = '\0';
}

/* Close the editor, saving what is written or not. */
static void
note_done(struct view *v, int save)
{
	struct note_view *n = v->data;
	struct explorer *ex = v->ex;

	if (save)
		explorer_note_save(ex, n->draft, n->text);
	else
		explorer_message(ex, _("The note is not saved."));
	explorer_close_top(ex);
}

/* A key: an editing key of the binding table, or a character typed. */
static void
note_key(struct view *v, keys_key key)
{
	struct note_view *n = v->data;
	enum keys_action a = keys_lookup(SCOPE_EDITOR, key);
	char bytes[4];
	size_t len;

	explorer_dirty(v->ex);
	if (n->asking) {
		n->asking = 0;
		if (key == 'y' || key == 'Y')
			note_done(v, 1);
		else if (key == 'n' || key == 'N' || a == ACTION_CANCEL)
			note_done(v, 0);
		return;
	}
	switch (a) {
	case ACTION_SAVE:
		note_done(v, 1);
		return;
	case ACTION_CANCEL:
		n->asking = 1;
		return;
	case ACTION_NEWLINE:
		note_append(n, "\n", 1);
		return;
	case ACTION_DELETE_BACK:
		while (n->len > 0 && ((unsigned char)n->text[n->len - 1] & 0xc0) == 0x80)
			n->len--;
		if (n->len > 0)
			n->len--;
		n->text[n->len] = '\0';
		return;
	default:
		break;
	}
	if (key == '\t')
		key = ' ';
	if (key < 32 || key == 127)
		return;		/* a control or a curses key: nothing to type */
	/* In UTF-8, as all text is, whatever the locale's character set. */
	if ((len = text_utf8_put((unsigned long)key, bytes)) > 0)
		note_append(n, bytes, len);
}

/* Draw what to press, then the text wrapped to the width, the cursor after
 * its end; the last rows shown when it is longer than the screen. */
static void
note_draw(struct view *v, int top, int rows, int cols)
{
	struct note_view *n = v->data;
	const char *p = n->text, *eol;
	int y = 0, nrows = 0, first, pass, row;
	size_t span;

	explorer_text(top, 0, n->asking ? _("Save this note? y saves, n discards, "
	    "another key goes on writing.") : _("Type; Enter new line, Backspace deletes, "
	    "C-s saves, Esc asks to save or discard."), cols, n->asking ? STYLE_ALERT :
	    STYLE_DIM);
	/* Count the rows first, to show the end of a long note. */
	for (pass = 0; pass < 2; pass++) {
		first = nrows - (rows - 2) > 0 ? nrows - (rows - 2) : 0;
		row = 0;
		p = n->text;
		do {
			eol = p + strcspn(p, "\n");
			do {
				span = text_span(p, cols - 2 > 1 ? cols - 2 : 1);
				if (span == 0 || p + span > eol)
					span = eol - p;
				if (pass == 1 && row >= first && (y = row - first + 2) < rows) {
					char *part = xstrndup(p, span);
					int w = explorer_text(top + y, 1, part, cols - 2, STYLE_NORMAL);

					free(part);
					if (p + span == eol && *eol == '\0')
						explorer_text(top + y, 1 + w, explorer_glyph("▏", "_"),
						    1, STYLE_SELECTED);
				}
				row++;
				p += span;
			} while (p < eol);
			p = *eol == '\n' ? eol + 1 : eol;
		} while (*eol == '\n');
		nrows = row;
	}
}

/* "note on alpha-labs" */
static const char *
note_title(struct view *v)
{
	struct note_view *n = v->data;

	if (n->draft->n > 0)
		snprintf(n->title, sizeof n->title, _("note %lld on %s"), n->draft->n,
		    n->draft->id);
	else
		snprintf(n->title, sizeof n->title, _("new note on %s"), n->draft->id);
	return n->title;
}

const struct view_ops view_note_ops = {
	.name = "note",
	.scope = SCOPE_EDITOR,
	.open = note_open,
	.close = note_close,
	.draw = note_draw,
	.title = note_title,
	.key = note_key,
};
