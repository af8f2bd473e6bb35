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
#include "merge.h"
#include "xmalloc.h"

/* List the records of one kind. */
int
cmd_list(struct cli *c, int argc, char **argv)
{
	const struct kind *k;
	int where = (c->format == OUTPUT_TABLE || c->format == OUTPUT_MD) ? LIST_HUMAN : LIST_DATA;
	struct list_order order;
	const struct list_column *cols[LIST_MAX_COLUMNS];
	struct output_fit fit[LIST_MAX_COLUMNS];
	struct filter *filter = NULL;
	char *sql, *columns, *what, *cause = NULL;
	sqlite3_stmt *stmt;
	int i, n, status;

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
		    filter != NULL ? filter_sql(filter) : NULL, merge_mine(c->db));
	else if ((columns = load_export_columns(c->db, k, &cause)) != NULL) {
		/* Every column, as import takes them back. */
		sql = lists_select_columns(k, columns, c->lang, &order, 0,
		    filter != NULL ? filter_sql(filter) : NULL, merge_mine(c->db));
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
	n = lists_columns(k, where, cols, LIST_MAX_COLUMNS);
	for (i = 0; i < n; i++) {
		fit[i].name = cols[i]->name;
		fit[i].rank = cols[i]->rank;
		fit[i].cut = (cols[i]->where & LIST_CUT) != 0;
	}
	what = xasprintf("list: %s", c->db_name);
	status = cli_print_fit(c, stmt, what, fit, n);
	free(what);
	filter_free(filter);
	return status;
}
