/* aiatlas check: integrity of the data, and what it holds. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "commands.h"
#include "i18n.h"

/* Rows per table, and the citations that make the data trustworthy. */
static const char cmd_check_counts_sql[] =
	"SELECT 'sources' AS what, count(*) AS count FROM source"
	" UNION ALL SELECT 'countries', count(*) FROM country"
	" UNION ALL SELECT 'blocs', count(*) FROM bloc"
	" UNION ALL SELECT 'bloc members', count(*) FROM bloc_member"
	" UNION ALL SELECT 'actors', count(*) FROM actor"
	" UNION ALL SELECT 'aliases', count(*) FROM alias"
	" UNION ALL SELECT 'funding', count(*) FROM funding"
	" UNION ALL SELECT 'funding parties', count(*) FROM funding_party"
	" UNION ALL SELECT 'events', count(*) FROM event"
	" UNION ALL SELECT 'event actors', count(*) FROM event_actor"
	" UNION ALL SELECT 'figures', count(*) FROM figure"
	" UNION ALL SELECT 'citations', count(*) FROM citation"
	" UNION ALL SELECT 'claims', count(*) FROM claim"
	" UNION ALL SELECT 'fx rates', count(*) FROM fx_rate"
	" UNION ALL SELECT 'records cited by a primary source', count(DISTINCT c.subject_id)"
	"  FROM citation AS c JOIN source AS s ON s.id = c.source_id"
	"  WHERE s.kind IN ('press_release', 'official', 'report')"
	" UNION ALL SELECT 'disagreements (contradicting citations)', count(*)"
	"  FROM citation WHERE stance = 'contradicts'"
	" UNION ALL SELECT 'disputed fields', count(*) FROM disputed"
	" UNION ALL SELECT 'disputed records', count(DISTINCT subject_id) FROM disputed";

/* Print one problem on stderr (every one fails the check). */
static void
cmd_check_report(void *arg, const char *problem)
{
	const char *name = arg;

	cli_error(_("check: %s: %s"), name, problem);
}

/* Check the database, then print what it holds. */
int
cmd_check(struct cli *c, int argc, char **argv)
{
	sqlite3_stmt *stmt;
	struct output *o;
	char *cause = NULL;
	int problems, status;

	problems = check_database(c->db, cmd_check_report,
	    (void *)c->db_name, &cause);
	if (problems < 0) {
		cli_error(_("check: %s: %s"), c->db_name, cause);
		free(cause);
		return CLI_USAGE;
	}
	if (sqlite3_prepare_v2(c->db, cmd_check_counts_sql, -1, &stmt, NULL) != SQLITE_OK) {
		cli_error(_("check: %s: %s"), c->db_name, sqlite3_errmsg(c->db));
		return CLI_USAGE;
	}
	o = cli_output(c);
	output_statement(o, stmt);
	sqlite3_finalize(stmt);
	status = cli_output_close(o);
	if (problems > 0) {
		cli_error(_("check: %d problem%s in %s"), problems, problems == 1 ? "" : "s",
		    c->db_name);
		return CLI_USAGE;
	}
	return status;
}
