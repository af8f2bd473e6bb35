/* aiatlas check: integrity of the data, and what it holds. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "commands.h"
#include "i18n.h"
#include "kind.h"
#include "userdb.h"
#include "xmalloc.h"

/* Rows per table (each kind's plural, as words), and the citations that
 * make the data trustworthy: %s is the first. */
static const char cmd_check_counts_sql[] =
	"%s"
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
	char *cause = NULL, *counts, *sql;
	int problems, user, status, rc;

	problems = check_database(c->db, cmd_check_report,
	    (void *)c->db_name, &cause);
	if (problems < 0) {
		cli_error(_("check: %s: %s"), c->db_name, cause);
		free(cause);
		return CLI_USAGE;
	}
	/* The user database too: notes and imports live there. */
	if ((user = userdb_check(c->user, cmd_check_report, c->user->path, &cause)) < 0) {
		cli_error(_("check: %s"), cause);
		free(cause);
		return CLI_USAGE;
	}
	counts = kind_each("SELECT replace('$p', '-', ' ') AS what, count(*) AS count FROM $t",
	    " UNION ALL ", KIND_ALL);
	sql = xasprintf(cmd_check_counts_sql, counts);
	rc = sqlite3_prepare_v2(c->db, sql, -1, &stmt, NULL);
	free(sql);
	free(counts);
	if (rc != SQLITE_OK) {
		cli_error(_("check: %s: %s"), c->db_name, sqlite3_errmsg(c->db));
		return CLI_USAGE;
	}
	o = cli_output(c);
	output_statement(o, stmt);
	sqlite3_finalize(stmt);
	status = cli_output_close(o);
	if (problems > 0)
		cli_error(ngettext("check: %d problem in %s", "check: %d problems in %s", problems),
		    problems, c->db_name);
	if (user > 0)
		cli_error(ngettext("check: %d problem in %s", "check: %d problems in %s", user),
		    user, c->user->path);
	if (problems > 0 || user > 0)
		return CLI_USAGE;
	return status;
}
