/* Key scripts: the explorer driven headless, one action per line. */
#include "config.h"
#include "script.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "text.h"
#include "xmalloc.h"

struct script {
	FILE		*fp;
	const char	*name;
	char		*line;		/* the line being typed */
	size_t		 line_alloc;
	size_t		 pos;		/* where typing is in it */
	unsigned long	 lineno;
	int		 typing;	/* keys of line are left to type */
	char		 where[512];
};

/* Open a script. */
struct script *
script_open(const char *path, char **cause)
{
	struct script *s;
	struct stat st;
	FILE *fp;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "r")) == NULL) {
		*cause = xasprintf(_("%s: cannot open: %s"), path, strerror(errno));
		return NULL;
	} else if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		*cause = xasprintf(_("%s: cannot read: it is a directory"), path);
		fclose(fp);
		return NULL;
	}
	s = xcalloc(1, sizeof *s);
	s->fp = fp;
	s->name = strcmp(path, "-") == 0 ? "stdin" : path;
	return s;
}

/* Close a script. */
void
script_close(struct script *s)
{
	if (s == NULL)
		return;
	if (s->fp != stdin)
		fclose(s->fp);
	free(s->line);
	free(s);
}

/* Parse "COLSxROWS". */
int
script_parse_size(const char *s, int *cols, int *rows)
{
	char *end;
	long c, r;

	c = strtol(s, &end, 10);
	if (end == s || *end != 'x')
		return -1;
	s = end + 1;
	r = strtol(s, &end, 10);
	if (end == s || *end != '\0' || c < 1 || r < 1 || c > 1000 || r > 1000)
		return -1;
	*cols = (int)c;
	*rows = (int)r;
	return 0;
}

/* "file:line" of the last event. */
const char *
script_where(struct script *s)
{
	snprintf(s->where, sizeof s->where, "%s:%lu", s->name, s->lineno);
	return s->where;
}

/* Type the next key of the current line into ev; 0 when it is all typed. */
static int
script_key(struct script *s, struct script_event *ev, char **cause)
{
	const char *p = s->line + s->pos, *end;
	unsigned long code;
	size_t n;

	if (*p == '\0')
		return 0;
	ev->kind = SCRIPT_KEY;
	if (*p == '<' && (end = strchr(p, '>')) != NULL && end > p + 1) {
		n = (size_t)(end - p - 1);
		if (sscanf(p, "<Click-%d-%d>", &ev->x, &ev->y) == 2)
			ev->kind = SCRIPT_CLICK;
		else if (strncmp(p, "<WheelUp>", 9) == 0)
			ev->kind = SCRIPT_WHEEL_UP;
		else if (strncmp(p, "<WheelDown>", 11) == 0)
			ev->kind = SCRIPT_WHEEL_DOWN;
		else if ((ev->key = keys_parse(p + 1, n)) == 0) {
			*cause = xasprintf(_("%s:%lu: unknown key name '%.*s'"), s->name,
			    s->lineno, (int)n + 2, p);
			return -1;
		}
		s->pos += n + 2;
		return 1;
	}
	/* UTF-8, as all text is, whatever the locale's character set: a
	 * script typed under the C locale types what it says. */
	if ((n = text_utf8_get(p, &code)) == 0) {
		*cause = xasprintf(_("%s:%lu: invalid UTF-8 (byte 0x%02x)"), s->name, s->lineno,
		    (unsigned int)(unsigned char)*p);
		return -1;
	}
	ev->key = (keys_key)code;
	s->pos += n;
	return 1;
}

/* The next event of the script. */
int
script_next(struct script *s, struct script_event *ev, char **cause)
{
	ssize_t len;
	int r;

	memset(ev, 0, sizeof *ev);
	for (;;) {
		if (s->typing) {
			if ((r = script_key(s, ev, cause)) != 0)
				return r;
			s->typing = 0;
		}
		errno = 0;
		if ((len = getline(&s->line, &s->line_alloc, s->fp)) < 0) {
			if (!ferror(s->fp))
				return 0;
			*cause = xasprintf(_("%s: cannot read: %s"), s->name,
			    strerror(errno != 0 ? errno : EIO));
			return -1;
		}
		s->lineno++;
		while (len > 0 && (s->line[len - 1] == '\n' || s->line[len - 1] == '\r'))
			s->line[--len] = '\0';
		if (s->line[0] == '#' || s->line[0] == '\0')
			continue;
		if (s->line[0] == ':') {
			ev->kind = SCRIPT_COMMAND;
			ev->arg = s->line + 1;
			return 1;
		}
		s->pos = 0;
		s->typing = 1;
	}
}
