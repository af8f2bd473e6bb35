/* The explorer's copies (y): Markdown to the terminal's clipboard with
 * OSC 52, which reaches the user's own machine over SSH, and to a file in
 * the current directory for terminals that do not take it. A record is
 * copied as show --format md writes it; a comparison by its view. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "explorer-int.h"
#include "i18n.h"
#include "outfile.h"
#include "record.h"
#include "record-write.h"
#include "xmalloc.h"

/* Encode len bytes of s in base64 (freed by the caller). */
static char *
explorer_copy_base64(const char *s, size_t len)
{
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char *out = xmalloc((len + 2) / 3 * 4 + 1), *p = out;
	size_t i;
	unsigned long n;

	for (i = 0; i < len; i += 3) {
		n = (unsigned long)(unsigned char)s[i] << 16;
		if (i + 1 < len)
			n |= (unsigned long)(unsigned char)s[i + 1] << 8;
		if (i + 2 < len)
			n |= (unsigned char)s[i + 2];
		*p++ = digits[(n >> 18) & 63];
		*p++ = digits[(n >> 12) & 63];
		*p++ = i + 1 < len ? digits[(n >> 6) & 63] : '=';
		*p++ = i + 2 < len ? digits[n & 63] : '=';
	}
	*p = '\0';
	return out;
}

/* Copy len bytes of Markdown text: by OSC 52 when there is a terminal,
 * and to file (written whole or not at all); say in the status line what
 * was done with what ("the comparison", a record's id). */
void
explorer_copy(struct explorer *ex, const char *text, size_t len, const char *file,
    const char *what)
{
	struct outfile *f;
	char *b64, *cause = NULL;
	int saved = 0, sent = 0;

	if (isatty(STDOUT_FILENO)) {
		b64 = explorer_copy_base64(text, len);
		printf("\033]52;c;%s\a", b64);
		fflush(stdout);
		free(b64);
		sent = 1;
	}
	if ((f = outfile_open(file, &cause)) != NULL) {
		fwrite(text, 1, len, outfile_stream(f));
		saved = outfile_commit(f, &cause) == 0;
	}
	free(cause);
	if (saved && sent)
		explorer_message(ex, _("Copied as Markdown to the clipboard (OSC 52) and to %s."),
		    file);
	else if (saved)
		explorer_message(ex, _("Wrote %s as Markdown to %s."), what, file);
	else if (sent)
		explorer_message(ex, _("Copied as Markdown to the clipboard (OSC 52); "
		    "cannot write %s."), file);
	else
		explorer_message(ex, _("Cannot write %s."), file);
}

/* Copy the record the current view is on (the record shown, the selected
 * row) as Markdown, or say why there is nothing to copy. */
void
explorer_copy_record(struct explorer *ex)
{
	struct view *v = explorer_top(ex);
	const char *id = v->ops->current != NULL ? v->ops->current(v) : NULL;
	struct record *r;
	char *text = NULL;
	size_t len = 0;
	FILE *fp;
	int found;

	if (id == NULL) {
		explorer_message(ex, _("Nothing to copy from the %s: y copies a record or a "
		    "comparison."), v->ops->name);
		return;
	}
	if ((found = record_load(ex->db, id, ex->lang, &r)) <= 0) {
		if (found < 0)
			explorer_message(ex, _("Cannot read %s: %s"), id, sqlite3_errmsg(ex->db));
		else
			explorer_message(ex, _("Nothing to copy: %s is no longer in the data."), id);
		return;
	}
	if ((fp = open_memstream(&text, &len)) == NULL) {
		explorer_message(ex, _("Cannot copy %s: out of memory."), r->id);
		record_free(r);
		return;
	}
	record_write(fp, NULL, r, OUTPUT_MD, 0, 0);
	fclose(fp);
	explorer_copy(ex, text, len, EXPLORER_RECORD_FILE, r->id);
	free(text);
	record_free(r);
}
