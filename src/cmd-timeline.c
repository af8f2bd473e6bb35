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

/* Print the dated items, between --from and --to, that pass --filter. */
int
cmd_timeline(struct cli *c, int argc, char **argv)
{
	struct timeline t;
	sqlite3_stmt *stmt;
	struct output *o;
	const char *dates[2] = { c->from, c->to }, *names[2] = { "--from", "--to" };
	char *sql, *cause = NULL;
	long rows;
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
	o = cli_output(c);
	rows = output_statement(o, stmt);
	if (rows < 0)
		cli_error(_("timeline: %s"), db_error(c->db));
	sqlite3_finalize(stmt);
	timeline_clear(&t);
	status = cli_output_close(o);
	if (rows < 0)
		return CLI_USAGE;
	return status == CLI_OK && rows == 0 ? CLI_NOTHING : status;
}
