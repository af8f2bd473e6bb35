/* aiatlas search: full-text search over every record. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "db.h"
#include "fts.h"
#include "i18n.h"
#include "kind.h"
#include "regex.h"
#include "text.h"
#include "xmalloc.h"

/* How search's columns fit a narrow terminal (see output.h): the id and
 * the name always, the match (cut if it stays) left out before the kind. */
static const struct output_fit cmd_search_fit[] = {
	{ "id", 0, 0 },
	{ "kind", 1, 0 },
	{ "name", 0, 1 },
	{ "match", 2, 1 },
	{ "disputed", 3, 0 }
};

/* The record kind --kind names ("actors" or "actor"), or NULL. */
static const char *
cmd_search_kind(const char *name)
{
	const struct kind *k = kind_find(name);

	return k != NULL ? k->name : NULL;
}

/* Search every record for the words of the arguments. */
int
cmd_search(struct cli *c, int argc, char **argv)
{
	sqlite3_stmt *stmt;
	char *typed, *query = NULL, *cause = NULL;
	enum fts_mode mode;
	const char *kind = NULL;
	int status, human = c->format == OUTPUT_TABLE || c->format == OUTPUT_MD;
	size_t offset;

	if (c->kind != NULL && (kind = cmd_search_kind(c->kind)) == NULL) {
		cli_error(_("search: --kind: unknown kind '%s'; kinds: %s"), c->kind,
		    kind_list_names());
		return CLI_USAGE;
	}
	typed = cli_join(argc, argv);
	mode = c->regex == 2 ? FTS_REGEX_FOLD : c->regex ? FTS_REGEX : FTS_WORDS;
	if (mode != FTS_WORDS && regex_check(typed, &cause, &offset) != 0) {
		cli_error(_("search: regex: %s at column %d of '%s'"), cause,
		    text_column(typed, offset), typed);
		free(cause);
		free(typed);
		return CLI_USAGE;
	}
	if (mode == FTS_WORDS && (query = fts_query(typed, &cause)) == NULL) {
		cli_error(_("search: %s"), cause);
		free(cause);
		free(typed);
		return CLI_USAGE;
	}
	free(query);
	stmt = fts_prepare(c->db, typed, mode, kind, c->lang, c->limit,
	    human ? &fts_marks_human : &fts_marks_data, &cause);
	free(typed);
	if (stmt == NULL) {
		cli_error(_("search: %s: %s"), c->db_name, cause);
		free(cause);
		return CLI_USAGE;
	}
	status = cli_print_fit(c, stmt, "search", cmd_search_fit,
	    (int)(sizeof cmd_search_fit / sizeof cmd_search_fit[0]));
	return status;
}
