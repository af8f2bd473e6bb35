/* The briefing sheet: each record's headline figures, disputed values,
 * timeline, related actors, notes and sources, read from the record model;
 * the sources as footnotes numbered once across the sheet; the data's
 * version and date and the command at the bottom. */
#include "config.h"
#include "brief.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "label.h"
#include "money.h"
#include "norm.h"
#include "number.h"
#include "record.h"
#include "strbuf.h"
#include "timeline.h"
#include "xmalloc.h"

/* The most items of a record's timeline on the sheet; the rest are
 * counted. */
#define BRIEF_TIMELINE_MAX	10

/* A sheet being written: its footnotes' sources, in the order they were
 * first referred to. */
struct brief {
	sqlite3		*db;
	const char	*lang;
	struct sheet	*s;
	char		**sources;
	int		 nsources;
	const char	*pending;	/* a heading shown before its first item */
};

/* How a headline field is written. */
enum brief_how {
	BRIEF_TEXT,	/* as the record model reads it */
	BRIEF_NAME,	/* the id of a record: its name, then the id */
	BRIEF_MONEY	/* an amount: in its currency, in euros and in dollars */
};

/* The headline fields of each kind, in the order shown; a place's
 * population and GDP come after them. */
static const struct brief_headline {
	const char	*kind;
	const char	*field;
	const char	*label;
	enum brief_how	 how;
} brief_headlines[] = {
	{ "funding",	"amount",		N_("Amount"),		BRIEF_MONEY },
	{ "funding",	"valuation_post",	N_("Valuation"),	BRIEF_MONEY },
	{ "funding",	"kind",			N_("Kind"),		BRIEF_TEXT },
	{ "funding",	"round",		N_("Round"),		BRIEF_TEXT },
	{ "funding",	"status",		N_("Status"),		BRIEF_TEXT },
	{ "funding",	"announced_on",		N_("Announced"),	BRIEF_TEXT },
	{ "funding",	"horizon_end",		N_("Until"),		BRIEF_TEXT },
	{ "funding",	"confidence",		N_("Confidence"),	BRIEF_TEXT },
	{ "funding",	"country",		N_("Country"),		BRIEF_NAME },
	{ "actor",	"kind",			N_("Kind"),		BRIEF_TEXT },
	{ "actor",	"sector",		N_("Sector"),		BRIEF_TEXT },
	{ "actor",	"country",		N_("Country"),		BRIEF_NAME },
	{ "actor",	"founded_on",		N_("Founded"),		BRIEF_TEXT },
	{ "event",	"date",			N_("Date"),		BRIEF_TEXT },
	{ "event",	"end_date",		N_("Until"),		BRIEF_TEXT },
	{ "event",	"kind",			N_("Kind"),		BRIEF_TEXT },
	{ "event",	"country",		N_("Country"),		BRIEF_NAME },
	{ "bloc",	"kind",			N_("Kind"),		BRIEF_TEXT },
	{ "source",	"publisher",		N_("Publisher"),	BRIEF_TEXT },
	{ "source",	"author",		N_("Author"),		BRIEF_TEXT },
	{ "source",	"published_on",		N_("Published"),	BRIEF_TEXT },
	{ "source",	"kind",			N_("Kind"),		BRIEF_TEXT },
	{ "source",	"url",			N_("Address"),		BRIEF_TEXT },
	{ "figure",	"measure",		N_("Measure"),		BRIEF_TEXT },
	{ NULL,		NULL,			NULL,			BRIEF_TEXT }
};

/* The population, GDP and their year of a place: a country's own, a
 * bloc's from the country row that holds its statistics. */
static const char brief_place_sql[] =
	"SELECT population, gdp_usd, stats_year FROM country"
	" WHERE iso3 = coalesce((SELECT stats_iso3 FROM bloc WHERE id = ?1), ?1)";

/* A figure's value with its unit, bound, date and target. */
static const char brief_figure_sql[] =
	"SELECT " RECORD_QUANTITY("g") " FROM figure AS g WHERE g.id = ?1";

/* A source as its footnote gives it. */
static const char brief_source_sql[] =
	"SELECT title, coalesce(publisher, author), published_on, url FROM source WHERE id = ?1";

/* The latest date of a source in the data: what the data is as of. */
static const char brief_date_sql[] = "SELECT max(published_on) FROM source";

/* The number of the footnote of a source, given it at its first use. */
static int
brief_footnote(struct brief *b, const char *source_id)
{
	int i;

	for (i = 0; i < b->nsources; i++) {
		if (strcmp(b->sources[i], source_id) == 0)
			return i + 1;
	}
	b->sources = xreallocarray(b->sources, b->nsources + 1, sizeof *b->sources);
	b->sources[b->nsources++] = xstrdup(source_id);
	return b->nsources;
}

/* The record's field called name, or NULL. */
static const struct record_field *
brief_field(const struct record *r, const char *name)
{
	int i;

	for (i = 0; i < r->nfields; i++) {
		if (strcmp(r->fields[i].name, name) == 0)
			return &r->fields[i];
	}
	return NULL;
}

/* A field's value as a number: 0 and *d, or -1 if it has none. */
static int
brief_number(const struct record *r, const char *name, double *d)
{
	const struct record_field *f = brief_field(r, name);
	char *end;

	if (f == NULL || f->stored.text == NULL)
		return -1;
	return number_parse(f->stored.text, d, &end);
}

/* An amount (or the range low–high, when high > low) in currency, then in
 * euros and in dollars at the rates of year, saying which; freed by the
 * caller. */
static char *
brief_money_text(struct brief *b, double low, double high, const char *currency, int year)
{
	struct norm_value lo, hi;
	char given[64], eur[64], usd[64], *rate, *usd_rate, *text;
	int range = high > low;
	int is_eur = strcmp(currency, "EUR") == 0, is_usd = strcmp(currency, "USD") == 0;

	if (range)
		money_format_range(low, high, currency, given, sizeof given);
	else
		money_format(low, currency, given, sizeof given);
	if (norm_convert(b->db, low, currency, year, &lo) != 0 ||
	    norm_convert(b->db, high, currency, year, &hi) != 0)
		return xasprintf(_("%s (no exchange rate in the data)"), given);
	if (range) {
		money_format_range(lo.eur, hi.eur, "EUR", eur, sizeof eur);
		money_format_range(lo.usd, hi.usd, "USD", usd, sizeof usd);
	} else {
		money_format(lo.eur, "EUR", eur, sizeof eur);
		money_format(lo.usd, "USD", usd, sizeof usd);
	}
	rate = norm_explain(&lo.rate);
	usd_rate = norm_explain(&lo.usd_rate);
	if (is_eur)
		text = xasprintf(_("%s ≈ %s at %s"), given, usd, usd_rate);
	else if (is_usd)
		text = xasprintf(_("%s ≈ %s at %s"), given, eur, rate);
	else
		text = xasprintf(_("%s ≈ %s ≈ %s at %s and %s"), given, eur, usd, rate, usd_rate);
	free(rate);
	free(usd_rate);
	return text;
}

/* Start a part of a record's sheet under a heading, shown only when the
 * part has an item. */
static void
brief_part(struct brief *b, const char *heading)
{
	b->pending = heading;
}

/* Start an item of the current part: its heading first if not shown yet. */
static void
brief_block(struct brief *b)
{
	if (b->pending != NULL)
		sheet_heading(b->s, 3, b->pending);
	b->pending = NULL;
	sheet_block(b->s, SHEET_ITEM, 0);
}

/* Start an item with its label: "Label: ". */
static void
brief_item(struct brief *b, const char *label)
{
	brief_block(b);
	sheet_strong(b->s, label);
	sheet_text(b->s, ": ");
}

/* The headline item of an amount field of a funding record: the amount,
 * or the range when it has none. */
static void
brief_money(struct brief *b, const struct record *r, const struct record_field *f,
    const char *label)
{
	const struct record_field *cur = brief_field(r, "currency");
	const struct record_field *date = brief_field(r, "announced_on");
	double low, high;
	char *text;

	if (cur == NULL || cur->stored.text == NULL)
		return;
	if (brief_number(r, f->name, &low) == 0)
		high = low;
	else if (strcmp(f->name, "amount") != 0 || brief_number(r, "amount_low", &low) != 0 ||
	    brief_number(r, "amount_high", &high) != 0)
		return;
	text = brief_money_text(b, low, high, cur->stored.text,
	    date != NULL && date->stored.text != NULL ? atoi(date->stored.text) : 0);
	brief_item(b, label);
	sheet_text(b->s, "%s", text);
	free(text);
}

/* The population and GDP of a place, with their year. */
static void
brief_place(struct brief *b, const struct record *r)
{
	sqlite3_stmt *stmt;
	char buf[64], *text;
	int year;

	if (sqlite3_prepare_v2(b->db, brief_place_sql, -1, &stmt, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(stmt, 1, r->id, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		year = sqlite3_column_int(stmt, 2);
		if (sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
			brief_item(b, _("Population"));
			sheet_text(b->s, "%s (%d)", money_quantity(sqlite3_column_double(stmt, 0),
			    _("people"), buf, sizeof buf), year);
		}
		if (sqlite3_column_type(stmt, 1) != SQLITE_NULL) {
			text = brief_money_text(b, sqlite3_column_double(stmt, 1),
			    sqlite3_column_double(stmt, 1), "USD", year);
			brief_item(b, _("GDP"));
			sheet_text(b->s, "%s", text);
			free(text);
		}
	}
	sqlite3_finalize(stmt);
}

/* A figure's own value. */
static void
brief_figure_value(struct brief *b, const struct record *r)
{
	sqlite3_stmt *stmt;

	if (sqlite3_prepare_v2(b->db, brief_figure_sql, -1, &stmt, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(stmt, 1, r->id, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != NULL) {
		brief_item(b, _("Value"));
		sheet_text(b->s, "%s", db_text(stmt, 0));
	}
	sqlite3_finalize(stmt);
}

/* The record's headline figures: its kind's headline fields (a disputed
 * one marked), a place's population and GDP, and the figures about it. */
static void
brief_figures(struct brief *b, const struct record *r)
{
	const struct brief_headline *h;
	const struct record_field *f;
	const struct record_relation *rel;
	char *name;
	int i;

	brief_part(b, _("Figures"));
	if (strcmp(r->kind, "figure") == 0)
		brief_figure_value(b, r);
	for (h = brief_headlines; h->kind != NULL; h++) {
		if (strcmp(h->kind, r->kind) != 0 || (f = brief_field(r, h->field)) == NULL)
			continue;
		if (h->how == BRIEF_MONEY)
			brief_money(b, r, f, _(h->label));
		else if (f->text == NULL)
			continue;
		else if (h->how == BRIEF_NAME && (name = record_name(b->db, f->text, b->lang)) != NULL) {
			brief_item(b, _(h->label));
			sheet_text(b->s, "%s (%s)", name, f->text);
			free(name);
		} else {
			brief_item(b, _(h->label));
			sheet_text(b->s, "%s", f->text);
		}
		if (f->disputed != NULL)
			sheet_text(b->s, " ⚑ %s", _("disputed"));
	}
	if (strcmp(r->kind, "country") == 0 || strcmp(r->kind, "bloc") == 0)
		brief_place(b, r);
	for (rel = r->relations; rel < r->relations + r->nrelations; rel++) {
		if (strcmp(rel->heading, "Figures") != 0)
			continue;
		for (i = 0; i < rel->nlinks; i++) {
			brief_item(b, rel->links[i].name);
			sheet_text(b->s, "%s", rel->links[i].detail != NULL ? rel->links[i].detail : "");
		}
	}
}

/* The values sources give for the record's disputed fields: each with its
 * rank, its source (a footnote), where in it, and what it says. */
static void
brief_disputed(struct brief *b, const struct record *r)
{
	const struct record_claim *c;

	brief_part(b, _("Disputed values"));
	for (c = r->claims; c < r->claims + r->nclaims; c++) {
		if (!c->disputed)
			continue;
		brief_item(b, c->field);
		sheet_text(b->s, "%s (%s) — %s%s%s", c->value != NULL ? c->value : "", c->rank,
		    c->source, c->date != NULL ? ", " : "", c->date != NULL ? c->date : "");
		sheet_ref(b->s, brief_footnote(b, c->source_id));
		if (c->locator != NULL)
			sheet_text(b->s, _(", at %s"), c->locator);
		if (c->note != NULL)
			sheet_text(b->s, ": %s", c->note);
	}
}

/* The events and funding announcements about the record, in date order. */
static void
brief_timeline(struct brief *b, const struct record *r)
{
	struct timeline t;
	sqlite3_stmt *stmt;
	char *sql;
	const char *amount;
	char date[64];
	int n = 0;

	memset(&t, 0, sizeof t);
	timeline_about(b->db, r->id, &t);
	brief_part(b, _("Timeline"));
	sql = timeline_export_sql(&t, 1);
	if (sqlite3_prepare_v2(b->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		free(sql);
		return;
	}
	free(sql);
	sqlite3_bind_text(stmt, 3, b->lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, r->id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 5, -1);
	sqlite3_bind_int64(stmt, 6, 0);
	/* date, precision, type (event, funding), kind, title, amount, place,
	 * id, disputed */
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		if (++n > BRIEF_TIMELINE_MAX)
			continue;
		brief_item(b, number_date(db_text(stmt, 0), date, sizeof date));
		sheet_text(b->s, "%s", db_text(stmt, 4));
		if ((amount = (const char *)sqlite3_column_text(stmt, 5)) != NULL && *amount != '\0')
			sheet_text(b->s, ", %s", amount);
		sheet_text(b->s, " (%s, ", label_of(db_text(stmt, 2)));
		sheet_code(b->s, db_text(stmt, 7));
		sheet_text(b->s, ")");
	}
	sqlite3_finalize(stmt);
	if (n > BRIEF_TIMELINE_MAX) {
		brief_block(b);
		sheet_text(b->s, _("and %d more"), n - BRIEF_TIMELINE_MAX);
	}
}

/* The actors the record links to, one line per relation. */
static void
brief_actors(struct brief *b, const struct record *r)
{
	const struct record_relation *rel;
	const struct record_link *l;
	int first;

	brief_part(b, _("Related actors"));
	for (rel = r->relations; rel < r->relations + r->nrelations; rel++) {
		first = 1;
		for (l = rel->links; l < rel->links + rel->nlinks; l++) {
			if (strcmp(l->kind, "actor") != 0)
				continue;
			if (first)
				brief_item(b, _(rel->heading));
			else
				sheet_text(b->s, "; ");
			first = 0;
			sheet_text(b->s, "%s (%s%s", l->name != NULL ? l->name : l->id,
			    l->detail != NULL ? l->detail : "", l->detail != NULL ? ", " : "");
			sheet_code(b->s, l->id);
			sheet_text(b->s, ")");
		}
	}
}

/* The user's notes on the record. */
static void
brief_notes(struct brief *b, const struct record *r)
{
	char date[64];
	int i;

	brief_part(b, _("Notes"));
	for (i = 0; i < r->nnotes; i++) {
		if (r->notes[i].date != NULL)
			brief_item(b, number_date(r->notes[i].date, date, sizeof date));
		else
			brief_block(b);
		sheet_text(b->s, "%s", r->notes[i].text);
	}
}

/* How each source stands on the record: its stance, the source (a
 * footnote), the field it is cited on, where in it, and what it says. */
static void
brief_sources(struct brief *b, const struct record *r)
{
	const struct record_source *src;

	brief_part(b, _("Sources"));
	for (src = r->sources; src < r->sources + r->nsources; src++) {
		brief_item(b, label_of(src->stance));
		sheet_text(b->s, "%s", src->publisher != NULL ? src->publisher : src->title);
		sheet_ref(b->s, brief_footnote(b, src->source_id));
		if (strcmp(src->field, "*") != 0)
			sheet_text(b->s, _(", on %s"), label_field(src->field));
		if (src->locator != NULL)
			sheet_text(b->s, _(", at %s"), src->locator);
		if (src->note != NULL)
			sheet_text(b->s, ": %s", src->note);
	}
}

/* One record's part of the sheet. */
static void
brief_record(struct brief *b, const struct record *r)
{
	const struct record_field *summary;

	sheet_heading(b->s, 2, r->title);
	sheet_block(b->s, SHEET_PARA, 0);
	sheet_text(b->s, "%s ", label_of(r->kind));
	sheet_code(b->s, r->id);
	summary = brief_field(r, strcmp(b->lang, "fr") == 0 ? "summary_fr" : "summary_en");
	if (summary != NULL && summary->text != NULL)
		sheet_text(b->s, ". %s", summary->text);
	brief_figures(b, r);
	brief_disputed(b, r);
	brief_timeline(b, r);
	brief_actors(b, r);
	brief_notes(b, r);
	brief_sources(b, r);
}

/* The footnotes: each source's title, publisher, date and address. */
static void
brief_references(struct brief *b)
{
	sqlite3_stmt *stmt;
	const char *by, *date, *url;
	char day[64];
	int i;

	if (b->nsources == 0 ||
	    sqlite3_prepare_v2(b->db, brief_source_sql, -1, &stmt, NULL) != SQLITE_OK)
		return;
	sheet_heading(b->s, 2, _("References"));
	for (i = 0; i < b->nsources; i++) {
		sqlite3_reset(stmt);
		sqlite3_bind_text(stmt, 1, b->sources[i], -1, SQLITE_STATIC);
		sheet_block(b->s, SHEET_NOTE, i + 1);
		if (sqlite3_step(stmt) != SQLITE_ROW) {
			sheet_code(b->s, b->sources[i]);
			continue;
		}
		by = (const char *)sqlite3_column_text(stmt, 1);
		date = (const char *)sqlite3_column_text(stmt, 2);
		url = (const char *)sqlite3_column_text(stmt, 3);
		sheet_text(b->s, "«%s»%s%s%s%s (", db_text(stmt, 0),
		    by != NULL ? ", " : "", by != NULL ? by : "", date != NULL ? ", " : "",
		    date != NULL ? number_date(date, day, sizeof day) : "");
		sheet_code(b->s, b->sources[i]);
		sheet_text(b->s, ").");
		if (url != NULL) {
			sheet_text(b->s, " ");
			sheet_url(b->s, url);
		}
	}
	sqlite3_finalize(stmt);
}

/* The data the sheet was made from: the database (bundled, or its file's
 * name), the program's version, and the latest date of a source in it. */
static void
brief_colophon(struct brief *b, const char *command)
{
	sqlite3_stmt *stmt;
	const char *file = db_file(b->db, "main"), *slash;
	char *date = NULL, day[64];

	if (sqlite3_prepare_v2(b->db, brief_date_sql, -1, &stmt, NULL) == SQLITE_OK) {
		if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != NULL)
			date = xstrdup(db_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	sheet_rule(b->s);
	sheet_block(b->s, SHEET_PARA, 0);
	if (file == NULL || *file == '\0')
		sheet_text(b->s, _("Data: the dataset bundled with aiatlas %s"), PACKAGE_VERSION);
	else {
		slash = strrchr(file, '/');
		sheet_text(b->s, _("Data: %s, read by aiatlas %s"), slash != NULL ? slash + 1 : file,
		    PACKAGE_VERSION);
	}
	if (date != NULL)
		sheet_text(b->s, _(", sources up to %s"), number_date(date, day, sizeof day));
	sheet_text(b->s, ".");
	sheet_block(b->s, SHEET_PARA, 0);
	sheet_text(b->s, _("Written by:"));
	sheet_block(b->s, SHEET_PRE, 0);
	sheet_text(b->s, "%s", command);
	free(date);
}

/* The command, words quoted for a shell when they need it. */
char *
brief_command(char *const *words, int n)
{
	static const char plain[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_./:=,+@%";
	struct strbuf sb = { 0 };
	const char *p;
	int i;

	strbuf_add(&sb, "aiatlas");
	for (i = 0; i < n; i++) {
		strbuf_add(&sb, " ");
		if (*words[i] != '\0' && strspn(words[i], plain) == strlen(words[i])) {
			strbuf_add(&sb, words[i]);
			continue;
		}
		/* 'it'\''s': a quote ends, an escaped quote, a quote opens. */
		strbuf_add(&sb, "'");
		for (p = words[i]; *p != '\0'; p++) {
			if (*p == '\'')
				strbuf_add(&sb, "'\\''");
			else
				strbuf_addn(&sb, p, 1);
		}
		strbuf_add(&sb, "'");
	}
	return strbuf_finish(&sb);
}

/* Write the sheet. */
int
brief_write(sqlite3 *db, const char *lang, char *const *wanted, int n,
    enum sheet_format fmt, const char *command, FILE *fp, char **cause)
{
	struct brief b = { .db = db, .lang = lang };
	struct record **r = xcalloc(n, sizeof *r);
	char *title = xstrdup(_("Briefing sheet")), *t;
	int i, j, found, nr = 0, status = -1;

	for (i = 0; i < n; i++) {
		if ((found = record_load(db, wanted[i], lang, &r[nr])) <= 0) {
			*cause = found < 0 ? xasprintf("%s", sqlite3_errmsg(db)) :
			    xasprintf(_("no record '%s'; try: aiatlas search %s"), wanted[i], wanted[i]);
			goto out;
		}
		for (j = 0; j < nr && strcmp(r[j]->id, r[nr]->id) != 0; j++)
			;
		if (j < nr) {
			record_free(r[nr]);
			continue;
		}
		/* TRANSLATORS: the sheet's title, then the first record's
		 * title ("Briefing sheet: Jean Zay"), then each other's. */
		t = xasprintf(nr == 0 ? _("%s: %s") : _("%s; %s"), title, r[nr]->title);
		free(title);
		title = t;
		nr++;
	}
	b.s = sheet_open(fp, fmt, lang, title);
	for (i = 0; i < nr; i++)
		brief_record(&b, r[i]);
	brief_references(&b);
	brief_colophon(&b, command);
	if (sheet_close(b.s) != 0)
		*cause = xstrdup(_("cannot write the sheet"));
	else
		status = 0;
out:
	for (i = 0; i < nr; i++)
		record_free(r[i]);
	free(r);
	for (i = 0; i < b.nsources; i++)
		free(b.sources[i]);
	free(b.sources);
	free(title);
	return status;
}
