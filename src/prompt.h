/* The prompt line: a small line editor with a history. */
#ifndef AIATLAS_PROMPT_H
#define AIATLAS_PROMPT_H

#include <stddef.h>

#include "keys.h"

struct prompt {
	char	 *text;		/* UTF-8, NUL-terminated */
	size_t	  len;
	size_t	  alloc;
	size_t	  cursor;	/* a byte offset in text */
	char	**history;	/* oldest first */
	int	  nhistory;
	int	  recall;	/* the entry shown, nhistory when none */
};

/* What a key did to the prompt. */
enum prompt_result {
	PROMPT_UNCHANGED,
	PROMPT_CHANGED,	/* the text changed */
	PROMPT_OTHER	/* not an editing key: the caller decides */
};

/* Start editing with initial text (may be NULL). */
void		 prompt_start(struct prompt *p, const char *initial);
/* Replace the text, the cursor at its end. */
void		 prompt_set(struct prompt *p, const char *text);
/* Do an action or type a key. */
enum prompt_result prompt_key(struct prompt *p, enum keys_action a, keys_key key);
/* Remember the text in the history (not twice in a row, not empty). */
void		 prompt_remember(struct prompt *p);
/* The display columns before the cursor. */
int		 prompt_cursor_column(const struct prompt *p);
void		 prompt_free(struct prompt *p);

#endif
