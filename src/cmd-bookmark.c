/* aiatlas bookmark: the user's bookmarks on records, added, removed and
 * listed from the command line. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bookmark.h"
#include "commands.h"
#include "i18n.h"
#include "note.h"
#include "userdb.h"
#include "xmalloc.h"

/* bookmark add ID... and bookmark rm ID...: every id is checked before
 * anything is written, then all are in one write. */
static int
cmd_bookmark_set(struct cli *c, int argc, char **argv, int on)
{
	char **ids, *cause = NULL;
	int i, r = 1, changed;

	if (argc == 0) {
		cli_error(on ? _("usage: aiatlas bookmark add ID...") :
		    _("usage: aiatlas bookmark rm ID..."));
		return CLI_USAGE;
	}
	ids = xcalloc(argc, sizeof *ids);
	for (i = 0; i < argc && r > 0; i++) {
		/* A bookmark whose record is gone is removed by its id as it is. */
		if ((r = note_subject(c->db, argv[i], &ids[i])) == 0 && !on) {
			ids[i] = xstrdup(argv[i]);
			r = 1;
		}
		if (r < 0)
			cli_error(_("bookmark: %s"), sqlite3_errmsg(c->db));
		else if (r == 0)
			cli_error(_("bookmark: no record '%s'; try: aiatlas search %s"), argv[i],
			    argv[i]);
	}
	if (r > 0 && userdb_unavailable(c->user) != NULL) {
		cli_error(_("bookmark: cannot save: %s"), userdb_unavailable(c->user));
		r = 0;
	}
	if (r > 0 && (changed = bookmark_set(c->user, ids, argc, on, &cause)) < 0) {
		cli_error(_("bookmark: %s"), cause);
		free(cause);
		r = 0;
	}
	if (r > 0)
		printf(on ? _("Bookmarked %d of %d (the others were already).\n") :
		    _("Unbookmarked %d of %d (the others were not bookmarked).\n"), changed, argc);
	for (i = 0; i < argc; i++)
		free(ids[i]);
	free(ids);
	return r > 0 ? CLI_OK : CLI_USAGE;
}

/* bookmark list */
static int
cmd_bookmark_list(struct cli *c, int argc)
{
	sqlite3_stmt *stmt;

	if (argc != 0) {
		cli_error(_("usage: aiatlas bookmark list"));
		return CLI_USAGE;
	}
	if (sqlite3_prepare_v2(c->db, bookmark_list_sql, -1, &stmt, NULL) != SQLITE_OK) {
		cli_error(_("bookmark: %s"), sqlite3_errmsg(c->db));
		return CLI_USAGE;
	}
	sqlite3_bind_text(stmt, 1, c->lang, -1, SQLITE_STATIC);
	return cli_print(c, stmt, "bookmark");
}

/* Run bookmark add, rm or list. */
int
cmd_bookmark(struct cli *c, int argc, char **argv)
{
	if (strcmp(argv[0], "add") == 0 || strcmp(argv[0], "rm") == 0)
		return cmd_bookmark_set(c, argc - 1, argv + 1, strcmp(argv[0], "add") == 0);
	if (strcmp(argv[0], "list") == 0)
		return cmd_bookmark_list(c, argc - 1);
	cli_error(_("bookmark: unknown action '%s'; actions: add, rm, list"), argv[0]);
	return CLI_USAGE;
}
