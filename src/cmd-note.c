/* aiatlas note: the user's notes on records, added, changed, removed and
 * listed from the command line. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "i18n.h"
#include "note.h"
#include "userdb.h"
#include "xmalloc.h"

/* The text of a note: the arguments joined by spaces, or standard input
 * for a lone "-" (without its last newline); NULL with a message if it is
 * empty or cannot be read. */
static char *
cmd_note_text(int argc, char **argv)
{
	char *text, buf[4096];
	size_t len = 0, n;

	if (argc == 1 && strcmp(argv[0], "-") == 0) {
		text = xstrdup("");
		while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
			text = xrealloc(text, len + n + 1);
			memcpy(text + len, buf, n);
			len += n;
			text[len] = '\0';
		}
		if (ferror(stdin)) {
			cli_error(_("note: cannot read the text from standard input: %s"),
			    strerror(errno));
			free(text);
			return NULL;
		}
		if (len > 0 && text[len - 1] == '\n')
			text[--len] = '\0';
		if (len > 0 && text[len - 1] == '\r')
			text[--len] = '\0';
	} else
		text = cli_join(argc, argv);
	if (text[strspn(text, " \t\r\n")] == '\0') {
		cli_error(_("note: the text is empty; note rm N removes a note"));
		free(text);
		return NULL;
	}
	if (strlen(text) != len && argc == 1 && strcmp(argv[0], "-") == 0) {
		cli_error(_("note: the text holds a NUL byte"));
		free(text);
		return NULL;
	}
	return text;
}

/* A note's number as typed, or -1 with a message. */
static long long
cmd_note_number(const char *s)
{
	char *end;
	long long n;

	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || n <= 0) {
		cli_error(_("note: '%s' is not a note's number (note list shows them)"), s);
		return -1;
	}
	return n;
}

/* Whether note n exists (read only: nothing is made for a wrong number);
 * -1 with a message on an error. */
static int
cmd_note_exists(struct cli *c, long long n)
{
	sqlite3_stmt *stmt;
	int rc;

	if (sqlite3_prepare_v2(c->db, "SELECT 1 FROM user.note WHERE id = ?1", -1, &stmt,
	    NULL) != SQLITE_OK) {
		cli_error(_("note: %s"), sqlite3_errmsg(c->db));
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, n);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE)
		cli_error(_("note: no note %lld (note list shows them)"), n);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Whether the user database can be written; a message if not. */
static int
cmd_note_writable(struct cli *c)
{
	if (userdb_unavailable(c->user) == NULL)
		return 1;
	cli_error(_("note: cannot save: %s"), userdb_unavailable(c->user));
	return 0;
}

/* note add ID TEXT... */
static int
cmd_note_add(struct cli *c, int argc, char **argv)
{
	char *id = NULL, *text, *cause = NULL;
	long long n;
	int r;

	if (argc < 2) {
		cli_error(_("usage: aiatlas note add ID TEXT... (or - to read it)"));
		return CLI_USAGE;
	}
	if ((r = note_subject(c->db, argv[0], &id)) <= 0) {
		if (r < 0)
			cli_error(_("note: %s"), sqlite3_errmsg(c->db));
		else
			cli_error(_("note: no record '%s'; try: aiatlas search %s"), argv[0],
			    argv[0]);
		return CLI_USAGE;
	}
	if (!cmd_note_writable(c) || (text = cmd_note_text(argc - 1, argv + 1)) == NULL) {
		free(id);
		return CLI_USAGE;
	}
	n = note_add(c->user, id, text, &cause);
	free(text);
	if (n < 0) {
		cli_error(_("note: %s"), cause);
		free(cause);
		free(id);
		return CLI_USAGE;
	}
	printf(_("Added note %lld on %s.\n"), n, id);
	free(id);
	return CLI_OK;
}

/* note edit N TEXT... and note rm N */
static int
cmd_note_change(struct cli *c, int argc, char **argv, int rm)
{
	char *text = NULL, *cause = NULL;
	long long n;
	int r;

	if (rm ? argc != 1 : argc < 2) {
		cli_error(rm ? _("usage: aiatlas note rm N") :
		    _("usage: aiatlas note edit N TEXT... (or - to read it)"));
		return CLI_USAGE;
	}
	if ((n = cmd_note_number(argv[0])) < 0 || cmd_note_exists(c, n) <= 0 ||
	    !cmd_note_writable(c))
		return CLI_USAGE;
	if (!rm && (text = cmd_note_text(argc - 1, argv + 1)) == NULL)
		return CLI_USAGE;
	r = rm ? note_rm(c->user, n, &cause) : note_edit(c->user, n, text, &cause);
	free(text);
	if (r < 0) {
		cli_error(_("note: %s"), cause);
		free(cause);
		return CLI_USAGE;
	}
	printf(rm ? _("Removed note %lld.\n") : _("Changed note %lld.\n"), n);
	return CLI_OK;
}

/* note list [ID] */
static int
cmd_note_list(struct cli *c, int argc, char **argv)
{
	sqlite3_stmt *stmt;
	char *id = NULL;
	int r;

	if (argc > 1) {
		cli_error(_("usage: aiatlas note list [ID]"));
		return CLI_USAGE;
	}
	/* A record that is gone may still have notes: its id is taken as it is. */
	if (argc == 1 && (r = note_subject(c->db, argv[0], &id)) <= 0) {
		if (r < 0) {
			cli_error(_("note: %s"), sqlite3_errmsg(c->db));
			return CLI_USAGE;
		}
		id = xstrdup(argv[0]);
	}
	if (sqlite3_prepare_v2(c->db, note_list_sql, -1, &stmt, NULL) != SQLITE_OK) {
		cli_error(_("note: %s"), sqlite3_errmsg(c->db));
		free(id);
		return CLI_USAGE;
	}
	sqlite3_bind_text(stmt, 1, id, -1, free);
	sqlite3_bind_text(stmt, 2, c->lang, -1, SQLITE_STATIC);
	return cli_print(c, stmt, "note");
}

/* Run note add, edit, rm or list. */
int
cmd_note(struct cli *c, int argc, char **argv)
{
	if (strcmp(argv[0], "add") == 0)
		return cmd_note_add(c, argc - 1, argv + 1);
	if (strcmp(argv[0], "edit") == 0)
		return cmd_note_change(c, argc - 1, argv + 1, 0);
	if (strcmp(argv[0], "rm") == 0)
		return cmd_note_change(c, argc - 1, argv + 1, 1);
	if (strcmp(argv[0], "list") == 0)
		return cmd_note_list(c, argc - 1, argv + 1);
	cli_error(_("note: unknown action '%s'; actions: add, edit, rm, list"), argv[0]);
	return CLI_USAGE;
}
