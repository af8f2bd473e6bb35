/* The lists of records: their columns, order and SQL, for the list
 * command and the explorer alike. */
#include "config.h"
#include "lists.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "record.h"
#include "xmalloc.h"

/* A column named in each language: its English and French columns. */
#define LIST_NAME(en, fr) en, fr
/* Whether the record whose id is the SQL id has a disputed field: yes or
 * no for data, the marker (or nothing) for people. */
#define LIST_DISPUTED(id) \
	{ "disputed", "CASE WHEN " RECORD_DISPUTED(id) " THEN 'yes' ELSE 'no' END", NULL, \
	  "CASE WHEN " RECORD_DISPUTED(id) " THEN '⚑' END", LIST_BOTH | LIST_MARK }

static const struct list_column list_actor_columns[] = {
	{ "id", "id", NULL, NULL, LIST_BOTH },
	{ "name", LIST_NAME("name", "name_fr"), NULL, LIST_BOTH },
	{ "kind", "kind", NULL, NULL, LIST_BOTH },
	{ "country", "country", NULL, NULL, LIST_BOTH },
	{ "sector", "sector", NULL, NULL, LIST_BOTH },
	{ "founded", "founded_on", NULL, NULL, LIST_BOTH },
	{ "parent", "parent_id", NULL, NULL, LIST_BOTH },
	LIST_DISPUTED("actor.id"),
	{ NULL, NULL, NULL, NULL, 0 }
};

static const struct list_column list_funding_columns[] = {
	{ "id", "id", NULL, NULL, LIST_BOTH },
	{ "title", LIST_NAME("title_en", "title_fr"), NULL, LIST_BOTH },
	{ "kind", "kind", NULL, NULL, LIST_BOTH },
	{ "status", "status", NULL, NULL, LIST_BOTH },
	{ "amount", "coalesce(amount, amount_high)", NULL,
	  "coalesce(money(amount, currency), money_range(amount_low, amount_high, currency))",
	  LIST_BOTH },
	{ "amount_low", "amount_low", NULL, NULL, LIST_DATA },
	{ "amount_high", "amount_high", NULL, NULL, LIST_DATA },
	{ "currency", "currency", NULL, NULL, LIST_DATA },
	{ "announced", "announced_on", NULL, NULL, LIST_BOTH },
	{ "recipient", "recipient_id", NULL, NULL, LIST_BOTH },
	{ "parent", "parent_id", NULL, NULL, LIST_BOTH },
	LIST_DISPUTED("funding.id"),
	{ NULL, NULL, NULL, NULL, 0 }
};

static const struct list_column list_event_columns[] = {
	{ "id", "id", NULL, NULL, LIST_BOTH },
	{ "date", "date", NULL, NULL, LIST_BOTH },
	{ "kind", "kind", NULL, NULL, LIST_BOTH },
	{ "title", LIST_NAME("title_en", "title_fr"), NULL, LIST_BOTH },
	{ "country", "country", NULL, NULL, LIST_BOTH },
	LIST_DISPUTED("event.id"),
	{ NULL, NULL, NULL, NULL, 0 }
};

static const struct list_column list_bloc_columns[] = {
	{ "id", "id", NULL, NULL, LIST_BOTH },
	{ "name", LIST_NAME("name_en", "name_fr"), NULL, LIST_BOTH },
	{ "kind", "kind", NULL, NULL, LIST_BOTH },
	{ "members", "(SELECT count(*) FROM bloc_member AS m WHERE m.bloc_id = bloc.id"
	  " AND m.until IS NULL)",
	  NULL, NULL, LIST_BOTH },
	{ NULL, NULL, NULL, NULL, 0 }
};

static const struct list_column list_source_columns[] = {
	{ "id", "id", NULL, NULL, LIST_BOTH },
	{ "title", "title", NULL, NULL, LIST_BOTH },
	{ "publisher", "publisher", NULL, NULL, LIST_BOTH },
	{ "published", "published_on", NULL, NULL, LIST_BOTH },
	{ "kind", "kind", NULL, NULL, LIST_BOTH },
	{ "lang", "lang", NULL, NULL, LIST_BOTH },
	{ "url", "url", NULL, NULL, LIST_BOTH },
	{ NULL, NULL, NULL, NULL, 0 }
};

static const struct list_column list_country_columns[] = {
	{ "iso3", "iso3", NULL, NULL, LIST_BOTH },
	{ "name", LIST_NAME("name_en", "name_fr"), NULL, LIST_BOTH },
	{ "population", "population", NULL, NULL, LIST_BOTH },
	{ "gdp_usd", "gdp_usd", NULL, "money(gdp_usd, 'USD')", LIST_BOTH },
	{ "stats_year", "stats_year", NULL, NULL, LIST_BOTH },
	LIST_DISPUTED("country.iso3"),
	{ NULL, NULL, NULL, NULL, 0 }
};

static const struct list_column list_figure_columns[] = {
	{ "id", "id", NULL, NULL, LIST_BOTH },
	{ "label", LIST_NAME("label_en", "label_fr"), NULL, LIST_BOTH },
	{ "measure", "measure", NULL, NULL, LIST_BOTH },
	{ "value", "coalesce(value, value_high)", NULL,
	  "coalesce(quantity(value, unit), quantity_range(value_low, value_high, unit))",
	  LIST_BOTH },
	{ "value_low", "value_low", NULL, NULL, LIST_DATA },
	{ "value_high", "value_high", NULL, NULL, LIST_DATA },
	{ "unit", "unit", NULL, NULL, LIST_DATA },
	{ "bound", "bound", NULL, NULL, LIST_BOTH },
	{ "as_of", "as_of", NULL, NULL, LIST_BOTH },
	{ "target", "target_date", NULL, NULL, LIST_BOTH },
	{ "subject", "subject_id", NULL, NULL, LIST_BOTH },
	LIST_DISPUTED("figure.id"),
	{ NULL, NULL, NULL, NULL, 0 }
};

const struct list_kind lists_kinds[] = {
	{ "actors", "actor", list_actor_columns, "name" },
	{ "funding", "funding", list_funding_columns, "announced" },
	{ "events", "event", list_event_columns, "date" },
	{ "blocs", "bloc", list_bloc_columns, "name" },
	{ "sources", "source", list_source_columns, "id" },
	{ "countries", "country", list_country_columns, "iso3" },
	{ "figures", "figure", list_figure_columns, "subject" },
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

/* The shown column named name, or NULL. */
static const struct list_column *
lists_column(const struct list_kind *k, int where, const char *name)
{
	const struct list_column *col;

	for (col = k->columns; col->name != NULL; col++) {
		if ((col->where & where) && strcmp(col->name, name) == 0)
			return col;
	}
	return NULL;
}

/* The order for --sort's FIELD[,-FIELD] (NULL: the list's own). */
int
lists_parse_sort(const struct list_kind *k, const char *sort, int where, struct list_order *o,
    char **cause)
{
	const struct list_column *col;
	char *copy, *field, *next, *names;
	int desc;

	o->n = 0;
	if (sort == NULL) {
		o->col[0] = lists_column(k, where, k->sort);
		o->desc[0] = 0;
		o->n = o->col[0] != NULL;
		return 0;
	}
	copy = xstrdup(sort);
	for (field = copy; field != NULL; field = next) {
		if ((next = strchr(field, ',')) != NULL)
			*next++ = '\0';
		desc = *field == '-';
		field += desc;
		if ((col = lists_column(k, where, field)) == NULL || o->n == LIST_MAX_ORDER) {
			names = xstrdup("");
			for (col = k->columns; col->name != NULL; col++) {
				if (col->where & where) {
					lists_append(&names, *names ? ", " : "");
					lists_append(&names, col->name);
				}
			}
			*cause = o->n == LIST_MAX_ORDER ?
			    xasprintf(_("--sort: at most %d fields"), LIST_MAX_ORDER) :
			    xasprintf(_("--sort: %s have no field '%s'; fields: %s"), k->kind,
			    field, names);
			free(names);
			free(copy);
			return -1;
		}
		o->col[o->n] = col;
		o->desc[o->n++] = desc;
	}
	free(copy);
	return 0;
}

/* The order by one shown column. */
void
lists_sort_by(const struct list_kind *k, int where, int col, int desc, struct list_order *o)
{
	const struct list_column *cols[LIST_MAX_COLUMNS];
	int n = lists_columns(k, where, cols, LIST_MAX_COLUMNS);

	o->col[0] = cols[col >= 0 && col < n ? col : 0];
	o->desc[0] = desc;
	o->n = 1;
}

/* A column's SQL in a language. */
static const char *
lists_expr(const struct list_column *col, const char *lang)
{
	return col->expr_fr != NULL && strcmp(lang, "fr") == 0 ? col->expr_fr : col->expr;
}

/* SELECT of the shown columns in an order, or its reverse. */
char *
lists_select(const struct list_kind *k, int where, const char *lang,
    const struct list_order *o, int reverse, const char *filter)
{
	const struct list_column *cols[LIST_MAX_COLUMNS];
	char *sql = xstrdup("SELECT "), *item, *order;
	int i, n = lists_columns(k, where, cols, LIST_MAX_COLUMNS);

	for (i = 0; i < n; i++) {
		item = xasprintf("%s%s AS \"%s\"", i == 0 ? "" : ", ",
		    where == LIST_HUMAN && cols[i]->human != NULL ? cols[i]->human :
		    lists_expr(cols[i], lang), cols[i]->name);
		lists_append(&sql, item);
		free(item);
	}
	order = lists_order_sql(k, lang, o, reverse);
	item = xasprintf(" FROM %s%s%s%s ORDER BY %s LIMIT ?1 OFFSET ?3", k->from,
	    filter != NULL ? " WHERE (" : "", filter != NULL ? filter : "",
	    filter != NULL ? ")" : "", order);
	lists_append(&sql, item);
	free(item);
	free(order);
	return sql;
}

/* The terms of an order, or of its reverse, as SQL. */
char *
lists_order_sql(const struct list_kind *k, const char *lang, const struct list_order *o,
    int reverse)
{
	char *sql = xstrdup(""), *item;
	int i;

	for (i = 0; i < o->n; i++) {
		item = xasprintf("%s%s, ", lists_expr(o->col[i], lang),
		    o->desc[i] != reverse ? " DESC" : "");
		lists_append(&sql, item);
		free(item);
	}
	/* The id last, so that the order is total and can be reversed. */
	lists_append(&sql, k->columns[0].expr);
	lists_append(&sql, reverse ? " DESC" : "");
	return sql;
}

/* SELECT count(*) of the list. */
char *
lists_count(const struct list_kind *k, const char *filter)
{
	return xasprintf("SELECT count(*) FROM %s%s%s%s", k->from, filter != NULL ? " WHERE (" : "",
	    filter != NULL ? filter : "", filter != NULL ? ")" : "");
}
