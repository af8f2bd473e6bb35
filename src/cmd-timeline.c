/* aiatlas timeline: events and funding announcements in date order. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "db.h"
#include "filter.h"
#include "i18n.h"
#include "timeline.h"
#include "xmalloc.h"

/* How the timeline's columns fit a narrow terminal (see output.h): the
 * date, the title (cut) and the id always, the amount last. */
static const struct output_fit cmd_timeline_fit[] = {
	{ "date", 0, 0 },
	{ "precision", 6, 0 },
	{ "type", 3, 0 },
	{ "kind", 5, 0 },
	{ "title", 0, 1 },
	{ "amount", 1, 0 },
	{ "place", 2, 0 },
	{ "id", 0, 0 },
	{ "disputed", 4, 0 }
};

/* Print the dated items, between --from and --to, that pass --filter. */
int
cmd_timeline(struct cli *c, int argc, char **argv)
{
	struct timeline t;
	sqlite3_stmt *stmt;
	const char *dates[2] = { c->from, c->to }, *names[2] = { "--from", "--to" };
	char *sql, *cause = NULL;
	int i, status, human = c->format == OUTPUT_TABLE || c->format == OUTPUT_MD;

	for (i = 0; i < 2; i++) {
		if (dates[i] != NULL && !filter_is_date(dates[i])) {
			cli_error(_("%s: '%s' is not a date as 2025, 2025-02 or 2025-02-10"),
			    names[i], dates[i]);
			return CLI_USAGE;
		}
	}
	if (timeline_filter(c->db, c->filter, &t, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_USAGE;
	}
	sql = timeline_export_sql(&t, human);
	if (sqlite3_prepare_v2(c->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		cli_error(_("timeline: %s: %s"), c->db_name, sqlite3_errmsg(c->db));
		free(sql);
		timeline_clear(&t);
		return CLI_USAGE;
	}
	free(sql);
	if (c->from != NULL)
		sqlite3_bind_text(stmt, 1, c->from, -1, SQLITE_STATIC);
	if (c->to != NULL)
		sqlite3_bind_text(stmt, 2, c->to, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, c->lang, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 5, c->limit);
	sqlite3_bind_int64(stmt, 6, 0);
	timeline_bind(&t, stmt);
	status = cli_print_fit(c, stmt, "timeline", cmd_timeline_fit,
	    (int)(sizeof cmd_timeline_fit / sizeof cmd_timeline_fit[0]));
	timeline_clear(&t);
	return status;
}
