/* aiatlas with no command: what the data holds and how to ask it. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "i18n.h"

/* Records per kind, with the newest date the data knows of. */
static const char cmd_overview_sql[] =
	"SELECT (SELECT count(*) FROM actor), (SELECT count(*) FROM funding),"
	" (SELECT count(*) FROM event), (SELECT count(*) FROM bloc),"
	" (SELECT count(*) FROM country), (SELECT count(*) FROM source),"
	" (SELECT count(*) FROM citation), (SELECT min(date) FROM event),"
	" (SELECT max(date) FROM event)";

/* Print a short overview of the data and the commands. */
int
cmd_overview(struct cli *c, int argc, char **argv)
{
	sqlite3_stmt *stmt;

	if (sqlite3_prepare_v2(c->db, cmd_overview_sql, -1, &stmt, NULL) != SQLITE_OK ||
	    sqlite3_step(stmt) != SQLITE_ROW) {
		cli_error("%s: %s", c->db_name, sqlite3_errmsg(c->db));
		sqlite3_finalize(stmt);
		return CLI_USAGE;
	}
	printf(_("aiatlas %s: the AI-sovereignty landscape, sourced.\n\n"), PACKAGE_VERSION);
	printf(_("%d actors, %d funding records, %d events (%s to %s), %d blocs,\n"
	    "%d countries, %d sources behind %d citations.\n\n"),
	    sqlite3_column_int(stmt, 0), sqlite3_column_int(stmt, 1),
	    sqlite3_column_int(stmt, 2),
	    sqlite3_column_text(stmt, 7) ? (const char *)sqlite3_column_text(stmt, 7) : "-",
	    sqlite3_column_text(stmt, 8) ? (const char *)sqlite3_column_text(stmt, 8) : "-",
	    sqlite3_column_int(stmt, 3), sqlite3_column_int(stmt, 4),
	    sqlite3_column_int(stmt, 5), sqlite3_column_int(stmt, 6));
	sqlite3_finalize(stmt);
	printf(_("Try:\n"
	    "  aiatlas list funding              who funds what, and how much\n"
	    "  aiatlas search mistral            find a record by any word or alias\n"
	    "  aiatlas show ID                   a record, its links and its sources\n"
	    "  aiatlas sql 'SELECT ...'          ask the data directly (read-only)\n"
	    "  aiatlas --help                    every command and option\n"));
	return fflush(stdout) == 0 ? CLI_OK : CLI_USAGE;
}
