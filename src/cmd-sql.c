/* aiatlas sql: read-only SQL over the data. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "db.h"
#include "i18n.h"

/* Run one read-only statement and print its rows. */
int
cmd_sql(struct cli *c, int argc, char **argv)
{
	sqlite3_stmt *stmt = NULL;
	struct output *o;
	const char *tail;
	long rows;
	int status;

	db_guard_readonly(c->db);
	if (sqlite3_prepare_v2(c->db, argv[0], -1, &stmt, &tail) != SQLITE_OK) {
		/* The user's records are read through TEMP views, which SQLite
		 * refuses to change before asking the guard. */
		if (*db_guard_reason() != '\0')
			cli_error(_("sql: refused: %s"), db_guard_reason());
		else if (strstr(sqlite3_errmsg(c->db), "because it is a view") != NULL ||
		    strstr(sqlite3_errmsg(c->db), "to a view") != NULL)
			cli_error(_("sql: refused: the statement would change the database; "
			    "only reading is allowed"));
		else
			cli_error(_("sql: %s"), sqlite3_errmsg(c->db));
		return CLI_USAGE;
	}
	if (stmt == NULL) {
		cli_error(_("sql: no statement to run"));
		return CLI_USAGE;
	}
	if (tail[strspn(tail, " \t\r\n;")] != '\0') {
		sqlite3_finalize(stmt);
		cli_error(_("sql: one statement at a time (text follows the first ';')"));
		return CLI_USAGE;
	}
	if (!sqlite3_stmt_readonly(stmt)) {
		sqlite3_finalize(stmt);
		cli_error(_("sql: refused: the statement would change the database; "
		    "only reading is allowed"));
		return CLI_USAGE;
	}
	o = cli_output(c);
	rows = output_statement(o, stmt);
	if (rows < 0) {
		output_close(o);
		cli_error(_("sql: %s"), db_error(c->db));
		sqlite3_finalize(stmt);
		return CLI_USAGE;
	}
	sqlite3_finalize(stmt);
	status = cli_output_close(o);
	if (status == CLI_OK && rows == 0)
		status = CLI_NOTHING;
	return status;
}
