/* The explorer's notes and bookmarks: b bookmarks the current record or
 * removes its bookmark; a writes a note on it, in $VISUAL or $EDITOR when
 * one is set (the screen given back to it meanwhile), else in the note
 * editor (view-note.c). Each save is one write of the user database. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bookmark.h"
#include "explorer-int.h"
#include "i18n.h"
#include "note.h"
#include "outfile.h"
#include "userdb.h"
#include "xmalloc.h"

/* The record the current view is on, copied; NULL with a message if none,
 * or if nothing can be saved. */
static char *
explorer_note_subject(struct explorer *ex)
{
	struct view *v = explorer_top(ex);
	const char *id = v->ops->current != NULL ? v->ops->current(v) : NULL;

	if (id == NULL) {
		explorer_message(ex, _("No record here: b and a work on a list's row, a search "
		    "result or a record."));
		return NULL;
	}
	if (userdb_unavailable(ex->user) != NULL) {
		explorer_message(ex, _("Cannot save: %s"), userdb_unavailable(ex->user));
		return NULL;
	}
	return xstrdup(id);
}

/* Bookmark the current record, or remove its bookmark. */
void
explorer_bookmark(struct explorer *ex)
{
	char *id, *cause = NULL;
	int on;

	if ((id = explorer_note_subject(ex)) == NULL)
		return;
	if ((on = bookmark_is(ex->db, id)) < 0)
		explorer_message(ex, _("Cannot read the bookmarks: %s"), sqlite3_errmsg(ex->db));
	else if (bookmark_set(ex->user, &id, 1, !on, &cause) < 0) {
		explorer_message(ex, "%s", cause);
		free(cause);
	} else {
		ex->user_generation++;
		if (on)
			explorer_message(ex, _("Removed the bookmark on %s."), id);
		else
			explorer_message(ex, _("Bookmarked %s; 6 shows the marks."), id);
	}
	free(id);
}

/* Whether text is only spaces and newlines. */
static int
explorer_note_blank(const char *text)
{
	return text[strspn(text, " \t\r\n")] == '\0';
}

/* Save the note written: a new one, a change, or (emptied) its removal. */
void
explorer_note_save(struct explorer *ex, const struct note_draft *draft, const char *text)
{
	char *cause = NULL;
	int r;

	if (draft->n > 0 && strcmp(text, draft->text) == 0) {
		explorer_message(ex, _("The note is unchanged."));
		return;
	}
	if (draft->n == 0 && explorer_note_blank(text)) {
		explorer_message(ex, _("An empty note is not saved."));
		return;
	}
	if (draft->n > 0 && explorer_note_blank(text))
		r = note_rm(ex->user, draft->n, &cause);
	else if (draft->n > 0)
		r = note_edit(ex->user, draft->n, text, &cause);
	else
		r = note_add(ex->user, draft->id, text, &cause) < 0 ? -1 : 1;
	if (r < 0) {
		explorer_message(ex, _("Not saved: %s"), cause);
		free(cause);
		return;
	}
	ex->user_generation++;
	if (draft->n > 0 && explorer_note_blank(text))
		explorer_message(ex, _("Emptied, so removed the note on %s."), draft->id);
	else
		explorer_message(ex, _("Saved the note on %s."), draft->id);
}

/* Read a whole file; NULL if it cannot be read. */
static char *
explorer_note_read(const char *path)
{
	FILE *fp;
	char *text = NULL, buf[4096];
	size_t len = 0, n;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	text = xstrdup("");
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
		text = xrealloc(text, len + n + 1);
		memcpy(text + len, buf, n);
		len += n;
		text[len] = '\0';
	}
	if (ferror(fp)) {
		free(text);
		text = NULL;
	}
	fclose(fp);
	return text;
}

/* Write text to a new temporary file that only its owner can read; its
 * path, or NULL with *cause. */
static char *
explorer_note_temp(const char *text, char **cause)
{
	size_t len = strlen(text);
	char *path;
	int fd;

	if ((path = outfile_temp("aiatlas-note", &fd)) == NULL) {
		*cause = xasprintf(_("cannot make a file for the editor: %s"), strerror(errno));
		return NULL;
	}
	if (fchmod(fd, 0600) != 0 || write(fd, text, len) != (ssize_t)len ||
	    (len > 0 && write(fd, "\n", 1) != 1) || close(fd) != 0) {
		*cause = xasprintf(_("%s: cannot write: %s"), path, strerror(errno));
		unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

/* Run editor (a shell command, as git runs it) on path with the screen
 * given back to it; its exit status, or -1 if it could not run. */
static int
explorer_note_run(const char *editor, const char *path)
{
	char *command = xasprintf("%s \"$1\"", editor);
	pid_t pid;
	int status = -1;

	def_prog_mode();
	endwin();
	fflush(stdout);
	if ((pid = fork()) == 0) {
		execl("/bin/sh", "sh", "-c", command, "sh", path, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	free(command);
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (pid < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Write the note in the user's editor, then save it if it changed. */
static void
explorer_note_external(struct explorer *ex, const struct note_draft *draft, const char *editor)
{
	char *path, *text, *cause = NULL;
	size_t len;
	int status;

	if ((path = explorer_note_temp(draft->text, &cause)) == NULL) {
		explorer_message(ex, "%s", cause);
		free(cause);
		return;
	}
	status = explorer_note_run(editor, path);
	text = status == 0 ? explorer_note_read(path) : NULL;
	unlink(path);
	free(path);
	if (status != 0)
		explorer_message(ex, _("The editor (%s) failed; the note is not saved."), editor);
	else if (text == NULL)
		explorer_message(ex, _("Cannot read what the editor wrote; the note is not saved."));
	else {
		for (len = strlen(text); len > 0 && (text[len - 1] == '\n' ||
		    text[len - 1] == '\r'); len--)
			text[len - 1] = '\0';
		explorer_note_save(ex, draft, text);
	}
	free(text);
	ex->dirty = 1;
}

/* Write a note on the current record, or change its last one. */
void
explorer_note(struct explorer *ex)
{
	struct note_draft *draft;
	const char *editor = getenv("VISUAL");
	char *id;
	int r;

	if ((id = explorer_note_subject(ex)) == NULL)
		return;
	draft = xcalloc(1, sizeof *draft);
	draft->id = id;
	if ((r = note_last(ex->db, id, &draft->n, &draft->text)) <= 0) {
		if (r < 0)
			explorer_message(ex, _("Cannot read the notes: %s"), sqlite3_errmsg(ex->db));
		draft->n = 0;
		draft->text = xstrdup("");
	}
	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor != NULL && *editor != '\0') {
		explorer_note_external(ex, draft, editor);
		free(draft->id);
		free(draft->text);
		free(draft);
		return;
	}
	explorer_open_view(ex, &view_note_ops, draft);
}
