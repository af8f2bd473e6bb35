/* Key scripts: the explorer driven headless, one action per line. */
#ifndef AIATLAS_SCRIPT_H
#define AIATLAS_SCRIPT_H

#include "keys.h"

/* What a script asks for next. */
enum script_kind {
	SCRIPT_KEY,		/* a key: key */
	SCRIPT_CLICK,		/* a mouse click at (x, y) */
	SCRIPT_WHEEL_UP,	/* the mouse wheel, at (x, y) */
	SCRIPT_WHEEL_DOWN,
	SCRIPT_COMMAND		/* an explorer command: arg, without its ':' */
};

struct script_event {
	enum script_kind	 kind;
	keys_key		 key;
	int			 x, y;
	const char		*arg;	/* valid until the next event */
};

struct script;

/* Read a script from path ("-": standard input); NULL with *cause. */
struct script	*script_open(const char *path, char **cause);
/* The next event: 1, or 0 at the end, or -1 with *cause naming the line. */
int		 script_next(struct script *s, struct script_event *ev, char **cause);
/* "file:line" of the last event, for messages. */
const char	*script_where(struct script *s);
void		 script_close(struct script *s);
/* Parse "COLSxROWS"; 0 on success. */
int		 script_parse_size(const char *s, int *cols, int *rows);

#endif
