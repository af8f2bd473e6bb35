/* aiatlas list: the records of one kind, as a table. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "i18n.h"
#include "xmalloc.h"

/* Where a column is shown: in tables for people, in data formats, or both. */
#define LIST_HUMAN	1
#define LIST_DATA	2
#define LIST_BOTH	(LIST_HUMAN | LIST_DATA)

/* One column: its name, the SQL that sorts and exports it, the SQL that
 * shows it to people (NULL: the same), and where it appears. ?2 is the
 * language. */
struct list_column {
	const char	*name;
	const char	*expr;
	const char	*human;
	int		 where;
};

/* One kind of list: what it is called, its FROM clause, its columns and
 * its default order. */
struct list_kind {
	const char			*kind;
	const char			*from;
	const struct list_column	*columns;
	const char			*sort;
};

#define LIST_NAME(en, fr) "CASE ?2 WHEN 'fr' THEN " fr " ELSE " en " END"

static const struct list_column list_actor_columns[] = {
	{ "id", "id", NULL, LIST_BOTH },
	{ "name", LIST_NAME("name", "name_fr"), NULL, LIST_BOTH },
	{ "kind", "kind", NULL, LIST_BOTH },
	{ "country", "country", NULL, LIST_BOTH },
	{ "sector", "sector", NULL, LIST_BOTH },
	{ "founded", "founded_on", NULL, LIST_BOTH },
	{ "parent", "parent_id", NULL, LIST_BOTH },
	{ NULL, NULL, NULL, 0 }
};

static const struct list_column list_funding_columns[] = {
	{ "id", "id", NULL, LIST_BOTH },
	{ "title", LIST_NAME("title_en", "title_fr"), NULL, LIST_BOTH },
	{ "kind", "kind", NULL, LIST_BOTH },
	{ "status", "status", NULL, LIST_BOTH },
	{ "amount", "coalesce(amount, amount_high)",
	  "coalesce(money(amount, currency), money_range(amount_low, amount_high, currency))",
	  LIST_BOTH },
	{ "amount_low", "amount_low", NULL, LIST_DATA },
	{ "amount_high", "amount_high", NULL, LIST_DATA },
	{ "currency", "currency", NULL, LIST_DATA },
	{ "announced", "announced_on", NULL, LIST_BOTH },
	{ "recipient", "recipient_id", NULL, LIST_BOTH },
	{ "parent", "parent_id", NULL, LIST_BOTH },
	{ NULL, NULL, NULL, 0 }
};

static const struct list_column list_event_columns[] = {
	{ "id", "id", NULL, LIST_BOTH },
	{ "date", "date", NULL, LIST_BOTH },
	{ "kind", "kind", NULL, LIST_BOTH },
	{ "title", LIST_NAME("title_en", "title_fr"), NULL, LIST_BOTH },
	{ "country", "country", NULL, LIST_BOTH },
	{ NULL, NULL, NULL, 0 }
};

static const struct list_column list_bloc_columns[] = {
	{ "id", "id", NULL, LIST_BOTH },
	{ "name", LIST_NAME("name_en", "name_fr"), NULL, LIST_BOTH },
	{ "kind", "kind", NULL, LIST_BOTH },
	{ "members", "(SELECT count(*) FROM bloc_member AS m WHERE m.bloc_id = bloc.id)",
	  NULL, LIST_BOTH },
	{ NULL, NULL, NULL, 0 }
};

static const struct list_column list_source_columns[] = {
	{ "id", "id", NULL, LIST_BOTH },
	{ "title", "title", NULL, LIST_BOTH },
	{ "publisher", "publisher", NULL, LIST_BOTH },
	{ "published", "published_on", NULL, LIST_BOTH },
	{ "kind", "kind", NULL, LIST_BOTH },
	{ "lang", "lang", NULL, LIST_BOTH },
	{ "url", "url", NULL, LIST_BOTH },
	{ NULL, NULL, NULL, 0 }
};

static const struct list_column list_country_columns[] = {
	{ "iso3", "iso3", NULL, LIST_BOTH },
	{ "name", LIST_NAME("name_en", "name_fr"), NULL, LIST_BOTH },
	{ "population", "population", NULL, LIST_BOTH },
	{ "gdp_usd", "gdp_usd", "money(gdp_usd, 'USD')", LIST_BOTH },
	{ "stats_year", "stats_year", NULL, LIST_BOTH },
	{ NULL, NULL, NULL, 0 }
};

static const struct list_column list_figure_columns[] = {
	{ "id", "id", NULL, LIST_BOTH },
	{ "label", LIST_NAME("label_en", "label_fr"), NULL, LIST_BOTH },
	{ "measure", "measure", NULL, LIST_BOTH },
	{ "value", "coalesce(value, value_high)",
	  "coalesce(quantity(value, unit), quantity_range(value_low, value_high, unit))",
	  LIST_BOTH },
	{ "value_low", "value_low", NULL, LIST_DATA },
	{ "value_high", "value_high", NULL, LIST_DATA },
	{ "unit", "unit", NULL, LIST_DATA },
	{ "bound", "bound", NULL, LIST_BOTH },
	{ "as_of", "as_of", NULL, LIST_BOTH },
	{ "target", "target_date", NULL, LIST_BOTH },
	{ "subject", "subject_id", NULL, LIST_BOTH },
	{ NULL, NULL, NULL, 0 }
};

static const struct list_kind list_kinds[] = {
	{ "actors", "actor", list_actor_columns, "name" },
	{ "funding", "funding", list_funding_columns, "announced_on" },
	{ "events", "event", list_event_columns, "date" },
	{ "blocs", "bloc", list_bloc_columns, "name" },
	{ "sources", "source", list_source_columns, "id" },
	{ "countries", "country", list_country_columns, "iso3" },
	{ "figures", "figure", list_figure_columns, "subject_id" },
	{ NULL, NULL, NULL, NULL }
};

/* The list kind named name, or NULL. */
static const struct list_kind *
list_kind_find(const char *name)
{
	const struct list_kind *k;

	for (k = list_kinds; k->kind != NULL; k++) {
		if (strcmp(k->kind, name) == 0)
			return k;
	}
	return NULL;
}

/* Append text to a growing string. */
static void
list_append(char **s, const char *text)
{
	char *t = xasprintf("%s%s", *s, text);

	free(*s);
	*s = t;
}

/* Build "ORDER BY ..." from --sort's FIELD[,-FIELD], checking each name
 * against the columns; NULL with a message on a bad name. */
static char *
list_order(const struct list_kind *k, const char *sort, int where)
{
	const struct list_column *col;
	char *order = xstrdup(" ORDER BY "), *copy, *field, *next, *names;
	int desc, n = 0;

	if (sort == NULL) {
		list_append(&order, k->sort);
		list_append(&order, ", 1");
		return order;
	}
	copy = xstrdup(sort);
	for (field = copy; field != NULL; field = next) {
		if ((next = strchr(field, ',')) != NULL)
			*next++ = '\0';
		desc = *field == '-';
		field += desc;
		for (col = k->columns; col->name != NULL; col++) {
			if ((col->where & where) && strcmp(col->name, field) == 0)
				break;
		}
		if (col->name == NULL) {
			names = xstrdup("");
			for (col = k->columns; col->name != NULL; col++) {
				if (col->where & where) {
					list_append(&names, *names ? ", " : "");
					list_append(&names, col->name);
				}
			}
			cli_error(_("--sort: %s have no field '%s'; fields: %s"), k->kind,
			    field, names);
			free(names);
			free(copy);
			free(order);
			return NULL;
		}
		if (n++ > 0)
			list_append(&order, ", ");
		list_append(&order, col->expr);
		list_append(&order, desc ? " DESC" : "");
	}
	free(copy);
	list_append(&order, ", 1");
	return order;
}

/* List the records of one kind. */
int
cmd_list(struct cli *c, int argc, char **argv)
{
	const struct list_kind *k;
	const struct list_column *col;
	int where = (c->format == OUTPUT_TABLE || c->format == OUTPUT_MD) ? LIST_HUMAN : LIST_DATA;
	char *sql, *order, *item;
	sqlite3_stmt *stmt;
	struct output *o;
	long rows;
	int status, n;

	if ((k = list_kind_find(argv[0])) == NULL) {
		cli_error(_("list: unknown kind '%s'; kinds: actors, funding, events, "
		    "blocs, sources, countries, figures"), argv[0]);
		return CLI_USAGE;
	}
	if ((order = list_order(k, c->sort, where)) == NULL)
		return CLI_USAGE;
	sql = xstrdup("SELECT ");
	for (col = k->columns, n = 0; col->name != NULL; col++) {
		if ((col->where & where) == 0)
			continue;
		item = xasprintf("%s%s AS \"%s\"", n++ == 0 ? "" : ", ",
		    where == LIST_HUMAN && col->human != NULL ? col->human : col->expr, col->name);
		list_append(&sql, item);
		free(item);
	}
	item = xasprintf(" FROM %s%s LIMIT ?1", k->from, order);
	list_append(&sql, item);
	free(item);
	free(order);

	if (sqlite3_prepare_v2(c->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		cli_error(_("list: %s: %s"), c->db_name, sqlite3_errmsg(c->db));
		free(sql);
		return CLI_USAGE;
	}
	free(sql);
	sqlite3_bind_int64(stmt, 1, c->limit);
	sqlite3_bind_text(stmt, 2, c->lang, -1, SQLITE_STATIC);
	o = cli_output(c);
	rows = output_statement(o, stmt);
	if (rows < 0)
		cli_error(_("list: %s: %s"), c->db_name, sqlite3_errmsg(c->db));
	sqlite3_finalize(stmt);
	status = cli_output_close(o);
	if (rows < 0)
		return CLI_USAGE;
	return status == CLI_OK && rows == 0 ? CLI_NOTHING : status;
}
