/* The prompt line: a small line editor with a history. */
#include "config.h"
#include "prompt.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmalloc.h"

/* Start editing. */
void
prompt_start(struct prompt *p, const char *initial)
{
	prompt_set(p, initial != NULL ? initial : "");
	p->recall = p->nhistory;
}

/* Replace the text. */
void
prompt_set(struct prompt *p, const char *text)
{
	size_t n = strlen(text);

	if (n + 1 > p->alloc) {
		p->alloc = n + 64;
		p->text = xrealloc(p->text, p->alloc);
	}
	memcpy(p->text, text, n + 1);
	p->len = p->cursor = n;
}

/* Insert bytes at the cursor. */
static void
prompt_insert(struct prompt *p, const char *bytes, size_t n)
{
	if (p->len + n + 1 > p->alloc) {
		p->alloc = (p->len + n + 1) * 2;
		p->text = xrealloc(p->text, p->alloc);
	}
	memmove(p->text + p->cursor + n, p->text + p->cursor, p->len - p->cursor + 1);
	memcpy(p->text + p->cursor, bytes, n);
	p->len += n;
	p->cursor += n;
}

/* Delete the bytes [from, p->cursor). */
static void
prompt_delete_to_cursor(struct prompt *p, size_t from)
{
	memmove(p->text + from, p->text + p->cursor, p->len - p->cursor + 1);
	p->len -= p->cursor - from;
	p->cursor = from;
}

/* The start of the character before byte offset at. */
static size_t
prompt_previous(const struct prompt *p, size_t at)
{
	if (at == 0)
		return 0;
	do
		at--;
	while (at > 0 && ((unsigned char)p->text[at] & 0xc0) == 0x80);
	return at;
}

/* The start of the character after byte offset at. */
static size_t
prompt_next(const struct prompt *p, size_t at)
{
	if (at >= p->len)
		return p->len;
	do
		at++;
	while (at < p->len && ((unsigned char)p->text[at] & 0xc0) == 0x80);
	return at;
}

/* Show history entry i (nhistory: what was being typed, here empty). */
static void
prompt_recall(struct prompt *p, int i)
{
	if (i < 0 || i > p->nhistory)
		return;
	p->recall = i;
	prompt_set(p, i == p->nhistory ? "" : p->history[i]);
}

/* Do an action or type a key. */
enum prompt_result
prompt_key(struct prompt *p, enum keys_action a, keys_key key)
{
	char bytes[4];
	size_t n, at;

	switch (a) {
	case ACTION_DELETE_BACK:
		if (p->cursor == 0)
			return PROMPT_UNCHANGED;
		prompt_delete_to_cursor(p, prompt_previous(p, p->cursor));
		return PROMPT_CHANGED;
	case ACTION_CURSOR_LEFT:
		p->cursor = prompt_previous(p, p->cursor);
		return PROMPT_UNCHANGED;
	case ACTION_CURSOR_RIGHT:
		p->cursor = prompt_next(p, p->cursor);
		return PROMPT_UNCHANGED;
	case ACTION_CURSOR_HOME:
		p->cursor = 0;
		return PROMPT_UNCHANGED;
	case ACTION_CURSOR_END:
		p->cursor = p->len;
		return PROMPT_UNCHANGED;
	case ACTION_KILL_LINE:
		prompt_delete_to_cursor(p, 0);
		return PROMPT_CHANGED;
	case ACTION_KILL_WORD:
		at = p->cursor;
		while (at > 0 && p->text[at - 1] == ' ')
			at--;
		while (at > 0 && p->text[at - 1] != ' ')
			at--;
		prompt_delete_to_cursor(p, at);
		return PROMPT_CHANGED;
	case ACTION_HISTORY_UP:
		prompt_recall(p, p->recall - 1);
		return PROMPT_CHANGED;
	case ACTION_HISTORY_DOWN:
		prompt_recall(p, p->recall + 1);
		return PROMPT_CHANGED;
	case ACTION_NONE:
		break;
	default:
		return PROMPT_OTHER;
	}
	/* Any other key is typed, if it is a printable character: in UTF-8,
	 * as all text is, whatever the locale's character set. */
	if (key < 32 || key == 127)
		return PROMPT_UNCHANGED;
	if ((n = text_utf8_put((unsigned long)key, bytes)) == 0)
		return PROMPT_UNCHANGED;
	prompt_insert(p, bytes, n);
	return PROMPT_CHANGED;
}

/* Remember the text in the history. */
void
prompt_remember(struct prompt *p)
{
	if (p->len == 0 || (p->nhistory > 0 && strcmp(p->history[p->nhistory - 1], p->text) == 0))
		return;
	p->history = xreallocarray(p->history, p->nhistory + 1, sizeof *p->history);
	p->history[p->nhistory++] = xstrdup(p->text);
	p->recall = p->nhistory;
}

/* The display columns before the cursor. */
int
prompt_cursor_column(const struct prompt *p)
{
	char *before = xstrndup(p->text, p->cursor);
	int w = text_width(before);

	free(before);
	return w;
}

/* Free the text and the history. */
void
prompt_free(struct prompt *p)
{
	int i;

	for (i = 0; i < p->nhistory; i++)
		free(p->history[i]);
	free(p->history);
	free(p->text);
	memset(p, 0, sizeof *p);
}
