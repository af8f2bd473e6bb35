/* The registry of record kinds: one row per table of the data. */
#include "config.h"
#include "kind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "lists.h"
#include "record.h"
#include "strbuf.h"
#include "xmalloc.h"

/* A column named in each language: its English and French columns. */
#define LIST_NAME(en, fr) en, fr
/* Whether the record whose id is the SQL id has a disputed field: yes or
 * no for data, the marker (or nothing) for people, who also see • on a
 * record of their own (imported); rank as in struct list_column. */
#define LIST_DISPUTED(id, rank) \
	{ "disputed", "CASE WHEN " RECORD_DISPUTED(id) " THEN 'yes' ELSE 'no' END", NULL, \
	  "CASE WHEN " RECORD_DISPUTED(id) " THEN '⚑' WHEN " RECORD_MINE(id) " THEN '•' END", \
	  LIST_BOTH | LIST_MARK, rank, N_("disputed") }

/* The columns of each listed kind (see lists.h), its id first; their
 * ranks say which a table too wide for the terminal leaves out first. */
static const struct list_column kind_actor_columns[] = {
	{ "id", "id", NULL, NULL, LIST_BOTH, 0, N_("id") },
	{ "name", LIST_NAME("name", "name_fr"), NULL, LIST_BOTH | LIST_CUT | LIST_ALPHA, 0, N_("name") },
	{ "kind", "kind", NULL, "label(kind)", LIST_BOTH, 3, N_("kind") },
	{ "country", "country", NULL, NULL, LIST_BOTH, 1, N_("country") },
	{ "sector", "sector", NULL, "label(sector)", LIST_BOTH, 5, N_("sector") },
	{ "place", "place", NULL,
	  "coalesce(place || coalesce(', ' || region, ''), region)", LIST_BOTH, 2, N_("place") },
	{ "region", "region", NULL, NULL, LIST_DATA, 2, N_("region") },
	{ "founded", "founded_on", NULL, "date_text(founded_on)", LIST_BOTH, 6, N_("founded") },
	{ "parent", "parent_id", NULL, NULL, LIST_BOTH, 7, N_("parent") },
	LIST_DISPUTED("actor.id", 4),
	{ NULL, NULL, NULL, NULL, 0, 0, NULL }
};

static const struct list_column kind_funding_columns[] = {
	{ "id", "id", NULL, NULL, LIST_BOTH, 0, N_("id") },
	{ "title", LIST_NAME("title_en", "title_fr"), NULL, LIST_BOTH | LIST_CUT | LIST_ALPHA, 0, N_("title") },
	{ "kind", "kind", NULL, "label(kind)", LIST_BOTH, 5, N_("kind") },
	{ "status", "status", NULL, "label(status)", LIST_BOTH, 4, N_("status") },
	{ "amount", "coalesce(amount, amount_high)", NULL,
	  "coalesce(money(amount, currency), money_range(amount_low, amount_high, currency))",
	  LIST_BOTH, 1, N_("amount") },
	{ "amount_low", "amount_low", NULL, NULL, LIST_DATA, 0, N_("amount_low") },
	{ "amount_high", "amount_high", NULL, NULL, LIST_DATA, 0, N_("amount_high") },
	{ "currency", "currency", NULL, NULL, LIST_DATA, 0, N_("currency") },
	{ "announced", "announced_on", NULL, "date_text(announced_on)", LIST_BOTH, 2, N_("announced") },
	{ "recipient", "recipient_id", NULL, NULL, LIST_BOTH, 3, N_("recipient") },
	{ "parent", "parent_id", NULL, NULL, LIST_BOTH, 7, N_("parent") },
	LIST_DISPUTED("funding.id", 6),
	{ NULL, NULL, NULL, NULL, 0, 0, NULL }
};

static const struct list_column kind_event_columns[] = {
	{ "id", "id", NULL, NULL, LIST_BOTH, 0, N_("id") },
	{ "date", "date", NULL, "date_text(date)", LIST_BOTH, 1, N_("date") },
	{ "kind", "kind", NULL, "label(kind)", LIST_BOTH, 3, N_("kind") },
	{ "title", LIST_NAME("title_en", "title_fr"), NULL, LIST_BOTH | LIST_CUT | LIST_ALPHA, 0, N_("title") },
	{ "country", "country", NULL, NULL, LIST_BOTH, 2, N_("country") },
	LIST_DISPUTED("event.id", 4),
	{ NULL, NULL, NULL, NULL, 0, 0, NULL }
};

static const struct list_column kind_bloc_columns[] = {
	{ "id", "id", NULL, NULL, LIST_BOTH, 0, N_("id") },
	{ "name", LIST_NAME("name_en", "name_fr"), NULL, LIST_BOTH | LIST_CUT | LIST_ALPHA, 0, N_("name") },
	{ "kind", "kind", NULL, "label(kind)", LIST_BOTH, 2, N_("kind") },
	{ "members", "(SELECT count(*) FROM bloc_member AS m WHERE m.bloc_id = bloc.id"
	  " AND m.until IS NULL)",
	  NULL, NULL, LIST_BOTH, 1, N_("members") },
	{ NULL, NULL, NULL, NULL, 0, 0, NULL }
};

static const struct list_column kind_source_columns[] = {
	{ "id", "id", NULL, NULL, LIST_BOTH, 0, N_("id") },
	{ "title", "title", NULL, NULL, LIST_BOTH | LIST_CUT | LIST_ALPHA, 0, N_("title") },
	{ "publisher", "publisher", NULL, NULL, LIST_BOTH, 2, N_("publisher") },
	{ "published", "published_on", NULL, "date_text(published_on)", LIST_BOTH, 1, N_("published") },
	{ "kind", "kind", NULL, "label(kind)", LIST_BOTH, 4, N_("kind") },
	{ "lang", "lang", NULL, NULL, LIST_BOTH, 5, N_("lang") },
	{ "url", "url", NULL, NULL, LIST_BOTH, 3, N_("url") },
	{ NULL, NULL, NULL, NULL, 0, 0, NULL }
};

static const struct list_column kind_country_columns[] = {
	{ "iso3", "iso3", NULL, NULL, LIST_BOTH, 0, N_("iso3") },
	{ "name", LIST_NAME("name_en", "name_fr"), NULL, LIST_BOTH | LIST_CUT | LIST_ALPHA, 0, N_("name") },
	{ "population", "population", NULL, NULL, LIST_BOTH, 1, N_("population") },
	{ "gdp_usd", "gdp_usd", NULL, "money(gdp_usd, 'USD')", LIST_BOTH, 2, N_("gdp_usd") },
	{ "stats_year", "stats_year", NULL, NULL, LIST_BOTH, 4, N_("stats_year") },
	LIST_DISPUTED("country.iso3", 3),
	{ NULL, NULL, NULL, NULL, 0, 0, NULL }
};

static const struct list_column kind_figure_columns[] = {
	{ "id", "id", NULL, NULL, LIST_BOTH, 0, N_("id") },
	{ "label", LIST_NAME("label_en", "label_fr"), NULL, LIST_BOTH | LIST_CUT | LIST_ALPHA, 0, N_("label") },
	{ "measure", "measure", NULL, "label(measure)", LIST_BOTH, 3, N_("measure") },
	{ "value", "coalesce(value, value_high)", NULL,
	  "coalesce(quantity(value, unit), quantity_range(value_low, value_high, unit))",
	  LIST_BOTH, 1, N_("value") },
	{ "value_low", "value_low", NULL, NULL, LIST_DATA, 0, N_("value_low") },
	{ "value_high", "value_high", NULL, NULL, LIST_DATA, 0, N_("value_high") },
	{ "unit", "unit", NULL, NULL, LIST_DATA, 0, N_("unit") },
	{ "bound", "bound", NULL, "label(bound)", LIST_BOTH, 6, N_("bound") },
	{ "as_of", "as_of", NULL, "date_text(as_of)", LIST_BOTH, 4, N_("as_of") },
	{ "target", "target_date", NULL, "date_text(target_date)", LIST_BOTH, 5, N_("target") },
	{ "subject", "subject_id", NULL, NULL, LIST_BOTH, 2, N_("subject") },
	LIST_DISPUTED("figure.id", 7),
	{ NULL, NULL, NULL, NULL, 0, 0, NULL }
};

/* What search indexes besides names and aliases, in both languages. */
#define KIND_SUMMARIES	"coalesce(summary_en,'')||' '||coalesce(summary_fr,'')"

/* The rows (see struct kind), in the loader's order: what a row refers to
 * comes before it. */
const struct kind kinds[] = {
	{ .name = "source", .plural = "sources", .count = NN_("%ld source", "%ld sources"),
	  .table = "source", .id = "id",
	  .title_en = "title", .title_fr = "title", .file = "sources.csv", .named = 1,
	  .search = 7,
	  .text = "coalesce(publisher,'')||' '||coalesce(author,'')||' '||"
	  "coalesce(note_en,'')||' '||coalesce(note_fr,'')",
	  .list = 5, .columns = kind_source_columns, .sort = "id", .tab_label = N_("Sources") },
	{ .name = "country", .plural = "countries", .count = NN_("%ld country", "%ld countries"),
	  .table = "country", .id = "iso3",
	  .title_en = "name_en", .title_fr = "name_fr", .file = "countries.csv", .cited = 1,
	  .named = 1, .proper = 1, .search = 1,
	  .list = 6, .columns = kind_country_columns, .sort = "iso3",
	  .compare = KIND_COMPARE_PLACE },
	{ .name = "bloc", .plural = "blocs", .count = NN_("%ld bloc", "%ld blocs"),
	  .table = "bloc", .id = "id",
	  .title_en = "name_en", .title_fr = "name_fr", .file = "blocs.csv", .cited = 1,
	  .named = 1, .proper = 1, .search = 2,
	  .text = KIND_SUMMARIES, .list = 4, .columns = kind_bloc_columns,
	  .sort = "name", .tab_label = N_("Blocs"), .compare = KIND_COMPARE_PLACE },
	{ .plural = "bloc-members", .count = NN_("%ld bloc member", "%ld bloc members"),
	  .table = "bloc_member", .id = KIND_KEY_BLOC_MEMBER,
	  .file = "bloc_members.csv" },
	{ .name = "actor", .plural = "actors", .count = NN_("%ld actor", "%ld actors"),
	  .table = "actor", .id = "id",
	  .title_en = "name", .title_fr = "name_fr", .file = "actors.csv", .cited = 1,
	  .named = 1, .proper = 1, .search = 3,
	  .text = KIND_SUMMARIES, .list = 1, .columns = kind_actor_columns,
	  .sort = "name", .tab_label = N_("Actors"), .compare = KIND_COMPARE_PLACE },
	{ .plural = "aliases", .count = NN_("%ld alias", "%ld aliases"),
	  .table = "alias", .id = KIND_KEY_ALIAS, .file = "aliases.csv" },
	{ .name = "funding", .plural = "funding", .count = NN_("%ld funding item", "%ld funding items"),
	  .table = "funding", .id = "id",
	  .title_en = "title_en", .title_fr = "title_fr", .file = "funding.csv", .cited = 1,
	  .named = 1, .search = 4,
	  .text = "coalesce(round,'')||' '||" KIND_SUMMARIES,
	  .list = 2, .columns = kind_funding_columns, .sort = "announced",
	  .tab_label = N_("Funding"), .compare = KIND_COMPARE_ITEM },
	{ .plural = "funding-parties", .count = NN_("%ld funding party", "%ld funding parties"),
	  .table = "funding_party", .id = KIND_KEY_FUNDING_PARTY,
	  .file = "funding_parties.csv" },
	{ .name = "event", .plural = "events", .count = NN_("%ld event", "%ld events"),
	  .table = "event", .id = "id",
	  .title_en = "title_en", .title_fr = "title_fr", .file = "events.csv", .cited = 1,
	  .named = 1, .search = 5,
	  .text = KIND_SUMMARIES, .list = 3, .columns = kind_event_columns,
	  .sort = "date", .tab_label = N_("Timeline"), .view = KIND_VIEW_TIMELINE,
	  .compare = KIND_COMPARE_ANNOUNCED },
	{ .plural = "event-actors", .count = NN_("%ld event actor", "%ld event actors"),
	  .table = "event_actor", .id = KIND_KEY_EVENT_ACTOR,
	  .file = "event_actors.csv" },
	/* A figure's label is text about another record, not a name. */
	{ .name = "figure", .plural = "figures", .count = NN_("%ld figure", "%ld figures"),
	  .table = "figure", .id = "id",
	  .title_en = "label_en", .title_fr = "label_fr", .file = "figures.csv", .cited = 1,
	  .search = 6,
	  .text = "label_en||' '||label_fr||' '||measure||' '||unit",
	  .list = 7, .columns = kind_figure_columns, .sort = "subject" },
	{ .plural = "citations", .count = NN_("%ld citation", "%ld citations"),
	  .table = "citation", .id = KIND_KEY_CITATION,
	  .file = "citations.csv" },
	{ .plural = "claims", .count = NN_("%ld claim", "%ld claims"),
	  .table = "claim", .id = KIND_KEY_CLAIM, .file = "claims.csv",
	  .optional = 1 },
	{ .plural = "fx-rates", .count = NN_("%ld exchange rate", "%ld exchange rates"),
	  .table = "fx_rate", .id = KIND_KEY_FX_RATE, .file = "fx_rates.csv" },
	/* The thesaurus search expands typed words with. */
	{ .plural = "terms", .count = NN_("%ld term", "%ld terms"),
	  .table = "term", .id = KIND_KEY_TERM, .file = "terms.csv",
	  .optional = 1, .bundled = 1 },
	{ .table = NULL }
};

/* The kind of a table or record kind, or named by its plural. */
const struct kind *
kind_find(const char *name)
{
	const struct kind *k;

	for (k = kinds; k->table != NULL; k++) {
		if (strcmp(k->plural, name) == 0 || strcmp(k->table, name) == 0)
			return k;
	}
	return NULL;
}

/* n rows of k for people, in the reader's language. The formats are the
 * registry's constants, each a "%ld" and words (msgfmt -c checks their
 * translations), which the compiler cannot see through the table. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
char *
kind_count(const struct kind *k, long n)
{
	return xasprintf(ngettext(k->count.one, k->count.many, (unsigned long)n), n);
}
#pragma GCC diagnostic pop

/* The kind listed as name. */
const struct kind *
kind_list(const char *name)
{
	const struct kind *k;

	for (k = kinds; k->table != NULL; k++) {
		if (k->list != 0 && strcmp(k->plural, name) == 0)
			return k;
	}
	return NULL;
}

/* The i-th listed kind. */
const struct kind *
kind_listed(int i)
{
	const struct kind *k;

	for (k = kinds; k->table != NULL; k++) {
		if (k->list == i + 1)
			return k;
	}
	return NULL;
}

/* The i-th kind with a tab: the tabs go in the lists' order. */
const struct kind *
kind_tab(int i)
{
	const struct kind *k;
	int l;

	for (l = 0; (k = kind_listed(l)) != NULL; l++) {
		if (k->tab_label != NULL && i-- == 0)
			return k;
	}
	return NULL;
}

/* The kind of the table holding record id, from the record table that
 * the schema's triggers keep. */
int
kind_of_id(sqlite3 *db, const char *id, const struct kind **k)
{
	sqlite3_stmt *stmt;
	int rc;

	if (sqlite3_prepare_v2(db, "SELECT kind FROM record WHERE id = ?1", -1, &stmt,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*k = kind_find(db_text(stmt, 0));
		rc = *k != NULL;
	} else
		rc = rc == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(stmt);
	return rc;
}

/* "actors, funding, ...". */
const char *
kind_list_names(void)
{
	static char *names;
	const struct kind *k;
	char *t;
	int i;

	if (names == NULL) {
		names = xstrdup("");
		for (i = 0; (k = kind_listed(i)) != NULL; i++) {
			t = xasprintf("%s%s%s", names, i == 0 ? "" : ", ", k->plural);
			free(names);
			names = t;
		}
	}
	return names;
}

/* Whether a kind is all of which. */
static int
kind_is(const struct kind *k, int which)
{
	return (!(which & KIND_RECORD) || k->name != NULL) &&
	    (!(which & KIND_TEXT) || k->text != NULL) &&
	    (!(which & KIND_NAMED) || k->named) &&
	    (!(which & KIND_PROPER) || k->proper) &&
	    (!(which & KIND_MERGED) || !k->bundled) &&
	    (!(which & KIND_REQUIRED) || !k->optional);
}

/* Add tmpl to sb with kind k's words in place of its $ letters. */
static void
kind_expand(struct strbuf *sb, const char *tmpl, const struct kind *k)
{
	const char *p, *v;
	char order[16];

	snprintf(order, sizeof order, "%d", k->search);
	for (p = tmpl; *p != '\0'; p++) {
		if (*p != '$' || p[1] == '\0' || strchr("kptixsef", p[1]) == NULL) {
			strbuf_addn(sb, p, 1);
			continue;
		}
		v = p[1] == 'k' ? k->name : p[1] == 'p' ? k->plural :
		    p[1] == 't' ? k->table : p[1] == 'i' ? k->id :
		    p[1] == 's' ? order : p[1] == 'e' ? k->title_en :
		    p[1] == 'f' ? k->title_fr : k->text;
		/* A row without one: SQL's nothing. */
		strbuf_add(sb, v != NULL ? v : "NULL");
		p++;
	}
}

/* Order kinds by their record kind's name. */
static int
kind_by_name(const void *a, const void *b)
{
	const struct kind *const *x = a, *const *y = b;

	return strcmp((*x)->name != NULL ? (*x)->name : "", (*y)->name != NULL ? (*y)->name : "");
}

/* A template repeated for each kind, joined by sep: in the registry's
 * order, or by the kinds' names with KIND_NAME_ORDER. */
char *
kind_each(const char *tmpl, const char *sep, int which)
{
	const struct kind *k, *each[64];
	struct strbuf sb = { 0 };
	size_t i, n = 0;

	for (k = kinds; k->table != NULL && n < sizeof each / sizeof each[0]; k++) {
		if (kind_is(k, which))
			each[n++] = k;
	}
	if (which & KIND_NAME_ORDER)
		qsort(each, n, sizeof each[0], kind_by_name);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_add(&sb, sep);
		kind_expand(&sb, tmpl, each[i]);
	}
	return strbuf_finish(&sb);
}

/* The translated label of the first list column named name, or name. */
const char *
kind_column_label(const char *name)
{
	const struct kind *k;
	const struct list_column *col;

	for (k = kinds; k->table != NULL; k++) {
		for (col = k->columns; col != NULL && col->name != NULL; col++) {
			if (strcmp(col->name, name) == 0 && col->label != NULL)
				return _(col->label);
		}
	}
	return name;
}
