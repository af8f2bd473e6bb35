/* aiatlas list: the records of one kind, as a table. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "db.h"
#include "filter.h"
#include "i18n.h"
#include "kind.h"
#include "lists.h"
#include "load.h"
#include "xmalloc.h"

/* List the records of one kind. */
int
cmd_list(struct cli *c, int argc, char **argv)
{
	const struct kind *k;
	int where = (c->format == OUTPUT_TABLE || c->format == OUTPUT_MD) ? LIST_HUMAN : LIST_DATA;
	struct list_order order;
	struct filter *filter = NULL;
	char *sql, *columns, *cause = NULL;
	sqlite3_stmt *stmt;
	struct output *o;
	long rows;
	int status;

	if ((k = kind_list(argv[0])) == NULL) {
		cli_error(_("list: unknown kind '%s'; kinds: %s"), argv[0], kind_list_names());
		return CLI_USAGE;
	}
	if (lists_parse_sort(k, c->sort, where, &order, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		return CLI_USAGE;
	}
	if (c->filter != NULL &&
	    (filter = filter_compile(c->db, k->plural, c->filter, LIST_FILTER_PARAM, &cause)) == NULL) {
		cli_error("%s", cause);
		free(cause);
		return CLI_USAGE;
	}
	if (!c->wide)
		sql = lists_select(k, where, c->lang, &order, 0,
		    filter != NULL ? filter_sql(filter) : NULL);
	else if ((columns = load_export_columns(c->db, k, &cause)) != NULL) {
		/* Every column, as import takes them back. */
		sql = lists_select_columns(k, columns, c->lang, &order, 0,
		    filter != NULL ? filter_sql(filter) : NULL);
		free(columns);
	} else {
		cli_error(_("list: %s: %s"), c->db_name, cause);
		free(cause);
		filter_free(filter);
		return CLI_USAGE;
	}
	if (sqlite3_prepare_v2(c->db, sql, -1, &stmt, NULL) != SQLITE_OK ||
	    !sqlite3_stmt_readonly(stmt)) {
		cli_error(_("list: %s: %s"), c->db_name, sqlite3_errmsg(c->db));
		sqlite3_finalize(stmt);
		filter_free(filter);
		free(sql);
		return CLI_USAGE;
	}
	free(sql);
	sqlite3_bind_int64(stmt, 1, c->limit);
	sqlite3_bind_int64(stmt, 3, 0);
	if (filter != NULL)
		filter_bind(filter, stmt);
	o = cli_output(c);
	rows = output_statement(o, stmt);
	if (rows < 0)
		cli_error(_("list: %s: %s"), c->db_name, db_error(c->db));
	sqlite3_finalize(stmt);
	filter_free(filter);
	status = cli_output_close(o);
	if (rows < 0)
		return CLI_USAGE;
	return status == CLI_OK && rows == 0 ? CLI_NOTHING : status;
}
