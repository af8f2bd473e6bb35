/* The lists of records: their columns, order and SQL, for the list
 * command and the explorer alike. */
#include "config.h"
#include "lists.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xmalloc.h"

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

const struct list_kind lists_kinds[] = {
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
const struct list_kind *
lists_find(const char *name)
{
	const struct list_kind *k;

	for (k = lists_kinds; k->kind != NULL; k++) {
		if (strcmp(k->kind, name) == 0)
			return k;
	}
	return NULL;
}

/* "actors, funding, ..." */
const char *
lists_names(void)
{
	static char names[128];
	const struct list_kind *k;

	if (names[0] == '\0') {
		for (k = lists_kinds; k->kind != NULL; k++) {
			strcat(names, k == lists_kinds ? "" : ", ");
			strcat(names, k->kind);
		}
	}
	return names;
}

/* Append text to a growing string. */
static void
lists_append(char **s, const char *text)
{
	char *t = xasprintf("%s%s", *s, text);

	free(*s);
	*s = t;
}

/* The columns shown in a place. */
int
lists_columns(const struct list_kind *k, int where, const struct list_column **cols, int max)
{
	const struct list_column *col;
	int n = 0;

	for (col = k->columns; col->name != NULL; col++) {
		if ((col->where & where) && n < max)
			cols[n++] = col;
	}
	return n;
}

/* Build the ORDER BY clause for --sort's FIELD[,-FIELD]. */
char *
lists_order(const struct list_kind *k, const char *sort, int where, char **cause)
{
	const struct list_column *col;
	char *order = xstrdup(" ORDER BY "), *copy, *field, *next, *names;
	int desc, n = 0;

	if (sort == NULL) {
		lists_append(&order, k->sort);
		lists_append(&order, ", 1");
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
					lists_append(&names, *names ? ", " : "");
					lists_append(&names, col->name);
				}
			}
			*cause = xasprintf(_("--sort: %s have no field '%s'; fields: %s"),
			    k->kind, field, names);
			free(names);
			free(copy);
			free(order);
			return NULL;
		}
		if (n++ > 0)
			lists_append(&order, ", ");
		lists_append(&order, col->expr);
		lists_append(&order, desc ? " DESC" : "");
	}
	free(copy);
	lists_append(&order, ", 1");
	return order;
}

/* The ORDER BY clause for one shown column. */
char *
lists_order_by_column(const struct list_kind *k, int where, int col, int desc)
{
	const struct list_column *cols[32];
	int n = lists_columns(k, where, cols, 32);

	if (col < 0 || col >= n)
		col = 0;
	return xasprintf(" ORDER BY %s%s, 1", cols[col]->expr, desc ? " DESC" : "");
}

/* SELECT of the shown columns with an order. */
char *
lists_select(const struct list_kind *k, int where, const char *order)
{
	const struct list_column *cols[32];
	char *sql = xstrdup("SELECT "), *item;
	int i, n = lists_columns(k, where, cols, 32);

	for (i = 0; i < n; i++) {
		item = xasprintf("%s%s AS \"%s\"", i == 0 ? "" : ", ",
		    where == LIST_HUMAN && cols[i]->human != NULL ? cols[i]->human : cols[i]->expr,
		    cols[i]->name);
		lists_append(&sql, item);
		free(item);
	}
	item = xasprintf(" FROM %s%s LIMIT ?1 OFFSET ?3", k->from, order);
	lists_append(&sql, item);
	free(item);
	return sql;
}

/* SELECT count(*) of the list. */
char *
lists_count(const struct list_kind *k)
{
	return xasprintf("SELECT count(*) FROM %s", k->from);
}
