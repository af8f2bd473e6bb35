/* The filter language, compiled to SQL with bound parameters only.
 *
 *	kind:company bloc:eu country:FRA status:committed role:lead
 *	nature:public domain:compute place:saclay
 *	amount>=1bn date>=2025-02 date:2025-01..2025-06 year:2025
 *	mistral "data centre" /gigafact(ory|ories)/i
 *	-kind:person not bloc:us (bloc:eu or bloc:uk) and amount>1e9
 *	disputed:yes disputed:amount
 *	note:yes bookmarked:no
 */
#include "config.h"
#include "filter.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "fts.h"
#include "i18n.h"
#include "kind.h"
#include "label.h"
#include "number.h"
#include "record.h"
#include "regex.h"
#include "text.h"
#include "xmalloc.h"

/* How a field's value is read and compared. */
enum filter_type {
	FT_MATCH,	/* field:value, a test with the value for every ? */
	FT_DATE,	/* comparisons and ranges of ISO dates, by prefix */
	FT_YEAR,	/* the year of the date */
	FT_AMOUNT,	/* comparisons of money in euros: 1.5bn, 200M, 3e9 */
	FT_NUMBER	/* comparisons of plain numbers */
};

/* Sets of countries and blocs that a value names: by code, name or alias. */
#define COUNTRIES_NAMED \
	"(SELECT iso3 FROM country WHERE iso3 = upper(?) OR name_en = ? COLLATE NOCASE" \
	" OR name_fr = ? COLLATE NOCASE UNION SELECT a.subject_id FROM alias AS a" \
	" JOIN country AS c ON c.iso3 = a.subject_id WHERE a.alias = ? COLLATE NOCASE)"
#define BLOCS_NAMED \
	"(SELECT id FROM bloc WHERE id = lower(?) OR name_en = ? COLLATE NOCASE" \
	" OR name_fr = ? COLLATE NOCASE UNION SELECT a.subject_id FROM alias AS a" \
	" JOIN bloc AS b ON b.id = a.subject_id WHERE a.alias = ? COLLATE NOCASE)"
/* The countries that are members now (records without a date: actors,
 * countries), and those that were members at date d (compared at the
 * precision both give: 2020 is within a membership that ends 2020-01-31). */
#define MEMBERS_OF_BLOCS_NAMED \
	"(SELECT iso3 FROM bloc_member WHERE until IS NULL AND bloc_id IN " BLOCS_NAMED ")"
#define MEMBERS_AT_OF_BLOCS_NAMED(d) \
	"(SELECT iso3 FROM bloc_member AS m WHERE m.bloc_id IN " BLOCS_NAMED \
	" AND (m.since IS NULL OR substr(" d ", 1, length(m.since))" \
	"  >= substr(m.since, 1, length(" d ")))" \
	" AND (m.until IS NULL OR substr(" d ", 1, length(m.until))" \
	"  <= substr(m.until, 1, length(" d "))))"
/* Whether a record has a disputed field: disputed:yes, disputed:no, or
 * disputed:FIELD for that field. */
#define DISPUTED(id) \
	"CASE lower(?) WHEN 'yes' THEN " RECORD_DISPUTED(id) \
	" WHEN 'no' THEN NOT " RECORD_DISPUTED(id) \
	" ELSE " RECORD_CLAIMED(id) " AND EXISTS (SELECT 1 FROM disputed AS d" \
	"  WHERE d.subject_id = " id " AND d.field = ?) END"
/* The values disputed: takes for records of table t: yes, no, a column. */
#define DISPUTED_VALUES(t) \
	"SELECT 'yes' UNION ALL SELECT 'no' UNION ALL SELECT name FROM pragma_table_info('" t "')"
/* Whether the user wrote a note on a record or bookmarked it (schema
 * user): note:yes, bookmarked:no. */
#define YES_NO "SELECT 'yes' UNION ALL SELECT 'no'"
#define YES_NO_ALL { YES_NO, YES_NO, YES_NO, YES_NO, YES_NO, YES_NO, YES_NO }
#define USER_HAS(table, id) \
	"(EXISTS (SELECT 1 FROM user." table " AS u WHERE u.subject_id = " id ")" \
	" = (lower(?) = 'yes'))"
#define USER_HAS_ALL(table) \
	{ USER_HAS(table, "actor.id"), USER_HAS(table, "funding.id"), \
	  USER_HAS(table, "event.id"), USER_HAS(table, "bloc.id"), \
	  USER_HAS(table, "source.id"), USER_HAS(table, "country.iso3"), \
	  USER_HAS(table, "figure.id") }
/* Whether a record is one the user imported: mine:yes, mine:no. */
#define MINE(id) \
	"CASE lower(?) WHEN 'yes' THEN " RECORD_MINE(id) " WHEN 'no' THEN NOT " RECORD_MINE(id) \
	" END"
#define MINE_VALUES "SELECT 'yes' UNION ALL SELECT 'no'"
#define CITED(id, what) \
	"EXISTS (SELECT 1 FROM citation AS c WHERE c.subject_id = " id " AND c." what " = ?)"
/* A funding's amount in euros at the rate of its year (the nearest year's
 * when that one has none), as everywhere else (norm.c). */
#define FUNDING_EUR \
	"eur(coalesce(funding.amount, funding.amount_high), funding.currency, funding.announced_on)"

/* A field: its name, its type, the SQL listing the values it takes (to
 * check them and complete them), and its SQL for each listed kind in the
 * lists' order (kind_listed(): actors, funding, events, blocs, sources,
 * countries, figures; NULL: it does not apply). For FT_MATCH the SQL is a
 * test; otherwise the expression compared. */
static const struct filter_field {
	const char		*name;
	enum filter_type	 type;
	const char		*values[KIND_NLISTED];
	const char		*sql[KIND_NLISTED];
} filter_fields_table[] = {
	{ "kind", FT_MATCH,
	  { "SELECT DISTINCT kind FROM actor", "SELECT DISTINCT kind FROM funding",
	    "SELECT DISTINCT kind FROM event", "SELECT DISTINCT kind FROM bloc",
	    "SELECT DISTINCT kind FROM source", NULL, NULL },
	  { "actor.kind = ?", "funding.kind = ?", "event.kind = ?", "bloc.kind = ?",
	    "source.kind = ?", NULL, NULL } },
	{ "bloc", FT_MATCH,
	  { "SELECT id FROM bloc", "SELECT id FROM bloc", "SELECT id FROM bloc",
	    "SELECT id FROM bloc", NULL, "SELECT id FROM bloc", NULL },
	  { "(actor.bloc_id IN " BLOCS_NAMED " OR actor.country IN " MEMBERS_OF_BLOCS_NAMED ")",
	    "(funding.bloc_id IN " BLOCS_NAMED " OR funding.country IN "
	    MEMBERS_AT_OF_BLOCS_NAMED("funding.announced_on") ")",
	    "(event.bloc_id IN " BLOCS_NAMED " OR event.country IN "
	    MEMBERS_AT_OF_BLOCS_NAMED("event.date") ")",
	    "bloc.id IN " BLOCS_NAMED, NULL, "country.iso3 IN " MEMBERS_OF_BLOCS_NAMED, NULL } },
	{ "country", FT_MATCH,
	  { "SELECT iso3 FROM country", "SELECT iso3 FROM country", "SELECT iso3 FROM country",
	    "SELECT iso3 FROM country", NULL, "SELECT iso3 FROM country", NULL },
	  { "actor.country IN " COUNTRIES_NAMED, "funding.country IN " COUNTRIES_NAMED,
	    "event.country IN " COUNTRIES_NAMED,
	    "bloc.id IN (SELECT bloc_id FROM bloc_member WHERE until IS NULL"
	    " AND iso3 IN " COUNTRIES_NAMED ")",
	    NULL, "country.iso3 IN " COUNTRIES_NAMED, NULL } },
	{ "status", FT_MATCH,
	  { NULL, "SELECT DISTINCT status FROM funding", NULL, NULL, NULL, NULL, NULL },
	  { NULL, "funding.status = ?", NULL, NULL, NULL, NULL, NULL } },
	{ "nature", FT_MATCH,
	  { NULL, "SELECT DISTINCT nature FROM funding", NULL, NULL, NULL, NULL, NULL },
	  { NULL, "funding.nature = ?", NULL, NULL, NULL, NULL, NULL } },
	{ "domain", FT_MATCH,
	  { NULL, "SELECT DISTINCT domain FROM funding", NULL, NULL, NULL, NULL, NULL },
	  { NULL, "funding.domain = ?", NULL, NULL, NULL, NULL, NULL } },
	{ "role", FT_MATCH,
	  { "SELECT role FROM funding_party UNION SELECT role FROM event_actor",
	    "SELECT DISTINCT role FROM funding_party", "SELECT DISTINCT role FROM event_actor",
	    NULL, NULL, NULL, NULL },
	  { "(EXISTS (SELECT 1 FROM funding_party AS p WHERE p.actor_id = actor.id AND p.role = ?)"
	    " OR EXISTS (SELECT 1 FROM event_actor AS e WHERE e.actor_id = actor.id AND e.role = ?))",
	    "EXISTS (SELECT 1 FROM funding_party AS p WHERE p.funding_id = funding.id AND p.role = ?)",
	    "EXISTS (SELECT 1 FROM event_actor AS e WHERE e.event_id = event.id AND e.role = ?)",
	    NULL, NULL, NULL, NULL } },
	{ "currency", FT_MATCH,
	  { NULL, "SELECT DISTINCT currency FROM funding", NULL, NULL, NULL, NULL,
	    "SELECT DISTINCT unit FROM figure" },
	  { NULL, "funding.currency = upper(?)", NULL, NULL, NULL, NULL, "figure.unit = ?" } },
	{ "confidence", FT_MATCH,
	  { NULL, "SELECT DISTINCT confidence FROM funding", NULL, NULL, NULL, NULL, NULL },
	  { NULL, "funding.confidence = ?", NULL, NULL, NULL, NULL, NULL } },
	{ "sector", FT_MATCH,
	  { "SELECT DISTINCT sector FROM actor", NULL, NULL, NULL, NULL, NULL, NULL },
	  { "actor.sector = ?", NULL, NULL, NULL, NULL, NULL, NULL } },
	{ "place", FT_MATCH,
	  { "SELECT place FROM actor UNION SELECT region FROM actor", NULL, NULL, NULL, NULL,
	    NULL, NULL },
	  { "(contains_folded(actor.place, ?) OR contains_folded(actor.region, ?))", NULL, NULL,
	    NULL, NULL, NULL, NULL } },
	{ "measure", FT_MATCH,
	  { NULL, NULL, NULL, NULL, NULL, NULL, "SELECT DISTINCT measure FROM figure" },
	  { NULL, NULL, NULL, NULL, NULL, NULL, "figure.measure = ?" } },
	{ "actor", FT_MATCH,
	  { NULL, "SELECT id FROM actor", "SELECT id FROM actor", NULL, NULL, NULL,
	    "SELECT id FROM actor" },
	  { NULL, "(funding.recipient_id = ? OR EXISTS (SELECT 1 FROM funding_party AS p"
	    " WHERE p.funding_id = funding.id AND p.actor_id = ?))",
	    "EXISTS (SELECT 1 FROM event_actor AS e WHERE e.event_id = event.id AND e.actor_id = ?)",
	    NULL, NULL, NULL, "figure.subject_id = ?" } },
	{ "source", FT_MATCH,
	  { "SELECT id FROM source", "SELECT id FROM source", "SELECT id FROM source",
	    "SELECT id FROM source", "SELECT id FROM source", "SELECT id FROM source",
	    "SELECT id FROM source" },
	  { CITED("actor.id", "source_id"), CITED("funding.id", "source_id"),
	    CITED("event.id", "source_id"), CITED("bloc.id", "source_id"), "source.id = ?",
	    CITED("country.iso3", "source_id"), CITED("figure.id", "source_id") } },
	{ "stance", FT_MATCH,
	  { "SELECT DISTINCT stance FROM citation", "SELECT DISTINCT stance FROM citation",
	    "SELECT DISTINCT stance FROM citation", "SELECT DISTINCT stance FROM citation", NULL,
	    "SELECT DISTINCT stance FROM citation", "SELECT DISTINCT stance FROM citation" },
	  { CITED("actor.id", "stance"), CITED("funding.id", "stance"), CITED("event.id", "stance"),
	    CITED("bloc.id", "stance"), NULL, CITED("country.iso3", "stance"),
	    CITED("figure.id", "stance") } },
	{ "disputed", FT_MATCH,
	  { DISPUTED_VALUES("actor"), DISPUTED_VALUES("funding"), DISPUTED_VALUES("event"),
	    DISPUTED_VALUES("bloc"), NULL, DISPUTED_VALUES("country"), DISPUTED_VALUES("figure") },
	  { DISPUTED("actor.id"), DISPUTED("funding.id"), DISPUTED("event.id"),
	    DISPUTED("bloc.id"), NULL, DISPUTED("country.iso3"), DISPUTED("figure.id") } },
	{ "note", FT_MATCH, YES_NO_ALL, USER_HAS_ALL("note") },
	{ "bookmarked", FT_MATCH, YES_NO_ALL, USER_HAS_ALL("bookmark") },
	{ "id", FT_MATCH,
	  { NULL, NULL, NULL, NULL, NULL, NULL, NULL },
	  { "actor.id = ?", "funding.id = ?", "event.id = ?", "bloc.id = ?", "source.id = ?",
	    "country.iso3 = upper(?)", "figure.id = ?" } },
	{ "date", FT_DATE,
	  { NULL, NULL, NULL, NULL, NULL, NULL, NULL },
	  { "actor.founded_on", "funding.announced_on", "event.date", NULL, "source.published_on",
	    NULL, "figure.as_of" } },
	{ "year", FT_YEAR,
	  { NULL, NULL, NULL, NULL, NULL, NULL, NULL },
	  { "actor.founded_on", "funding.announced_on", "event.date", NULL, "source.published_on",
	    "country.stats_year", "figure.as_of" } },
	{ "amount", FT_AMOUNT,
	  { NULL, NULL, NULL, NULL, NULL, NULL, NULL },
	  { NULL, FUNDING_EUR, NULL, NULL, NULL, NULL, NULL } },
	{ "value", FT_NUMBER,
	  { NULL, NULL, NULL, NULL, NULL, NULL, NULL },
	  { NULL, NULL, NULL, NULL, NULL, NULL, "coalesce(figure.value, figure.value_high)" } },
	{ "population", FT_NUMBER,
	  { NULL, NULL, NULL, NULL, NULL, NULL, NULL },
	  { NULL, NULL, NULL, NULL, NULL, "country.population", NULL } },
	{ "mine", FT_MATCH,
	  { MINE_VALUES, MINE_VALUES, MINE_VALUES, MINE_VALUES, MINE_VALUES, MINE_VALUES,
	    MINE_VALUES },
	  { MINE("actor.id"), MINE("funding.id"), MINE("event.id"), MINE("bloc.id"),
	    MINE("source.id"), MINE("country.iso3"), MINE("figure.id") } },
	{ NULL, FT_MATCH, { NULL }, { NULL } }
};

/* How deep parentheses and negations may nest. */
#define FILTER_MAX_DEPTH 40
/* The most terms a filter may hold (SQLite's expressions go 1,000 deep). */
#define FILTER_MAX_TERMS 200

/* A bound value: a number or text. */
struct filter_param {
	int	 number;
	double	 d;
	char	*s;
};

struct filter {
	char			*sql;
	struct filter_param	*params;
	int			 nparams;
	int			 first;
};

/* The parser's state. */
struct filter_parser {
	sqlite3		*db;
	int		 depth;		/* parentheses and negations open */
	int		 terms;		/* terms read so far */
	int		 k;
	const char	*src;
	const char	*p;
	struct filter	*f;
	size_t		 len, size;	/* of f->sql: used, allocated */
	struct filter_error *error;	/* the first mistake; its what is NULL until then */
};

/* The field named by the n bytes at name, or NULL. */
static const struct filter_field *
filter_field(const char *name, size_t n)
{
	const struct filter_field *fd;

	for (fd = filter_fields_table; fd->name != NULL; fd++) {
		if (strlen(fd->name) == n && strncmp(fd->name, name, n) == 0)
			return fd;
	}
	return NULL;
}

/* Index of a list kind in the lists' order, or -1. */
static int
filter_kind_index(const char *kind)
{
	const struct kind *k = kind_list(kind);

	return k != NULL ? k->list - 1 : -1;
}

/* The column (in characters, from 1) of a place in the source. */
static int
filter_column(const struct filter_parser *fp, const char *at)
{
	return text_column(fp->src, (size_t)(at - fp->src));
}

/* Note the first mistake, with what was likely meant: near, a field, or
 * a value of field when field is not NULL ("status:committed"); NULL for
 * no guess. */
static void
filter_fail_near(struct filter_parser *fp, enum filter_code code, const char *at,
    enum filter_expected expect, const char *expected, const char *near, const char *field,
    char *what)
{
	if (fp->error->what != NULL) {
		free(what);
		return;
	}
	fp->error->code = code;
	fp->error->column = at != NULL ? filter_column(fp, at) : 0;
	fp->error->what = what;
	fp->error->expect = expected != NULL ? expect : FILTER_EXPECTED_NONE;
	fp->error->expected = expected != NULL ? xstrdup(expected) : NULL;
	fp->error->near = near == NULL ? NULL : field != NULL ? xasprintf("%s:%s", field, near) :
	    xstrdup(near);
}

/* Note the first mistake: its code, where it is, the items expected after
 * it (none, fields or values, as "a, b, c") and what it is. */
static void
filter_fail(struct filter_parser *fp, enum filter_code code, const char *at,
    enum filter_expected expect, const char *expected, char *what)
{
	filter_fail_near(fp, code, at, expect, expected, NULL, NULL, what);
}

/* Note the first mistake, when the text does not parse. */
static void __attribute__((format(printf, 3, 4)))
filter_error(struct filter_parser *fp, const char *at, const char *fmt, ...)
{
	va_list ap;
	char *what;

	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	filter_fail(fp, FILTER_ERR_SYNTAX, at, FILTER_EXPECTED_NONE, NULL, what);
}

/* The whole message of a mistake: "filter: what at column N; fields: ...". */
char *
filter_error_message(const struct filter_error *err)
{
	char *more, *msg;

	if (err->expect == FILTER_EXPECTED_NONE && err->column == 0)
		return xasprintf(_("filter: %s"), err->what);
	if (err->expect == FILTER_EXPECTED_NONE)
		return xasprintf(_("filter: %s at column %d"), err->what, err->column);
	if (err->near != NULL)
		more = xasprintf(err->expect == FILTER_EXPECTED_FIELDS ?
		    _("did you mean %s? fields: %s") : _("did you mean %s? values: %s"),
		    err->near, err->expected);
	else
		more = xasprintf(err->expect == FILTER_EXPECTED_FIELDS ? _("fields: %s") :
		    _("values: %s"), err->expected);
	msg = err->column == 0 ? xasprintf(_("filter: %s; %s"), err->what, more) :
	    xasprintf(_("filter: %s at column %d; %s"), err->what, err->column, more);
	free(more);
	return msg;
}

/* Free what a mistake holds. */
void
filter_error_free(struct filter_error *err)
{
	free(err->what);
	free(err->expected);
	free(err->near);
	memset(err, 0, sizeof *err);
}

/* Append text to the SQL, in time linear in the SQL's length overall. */
static void
filter_append(struct filter_parser *fp, const char *text)
{
	size_t n = strlen(text);

	if (fp->len + n + 1 > fp->size) {
		fp->size = (fp->len + n + 1) * 2;
		fp->f->sql = xrealloc(fp->f->sql, fp->size);
	}
	memcpy(fp->f->sql + fp->len, text, n + 1);
	fp->len += n;
}

/* Append a template, each ? becoming a new parameter bound to the value. */
static void
filter_emit(struct filter_parser *fp, const char *tmpl, const char *s, double d, int number)
{
	struct filter_param *param;
	char num[16];
	const char *q;

	for (q = tmpl; *q != '\0'; q++) {
		if (*q != '?') {
			char c[2] = { *q, '\0' };
			filter_append(fp, c);
			continue;
		}
		fp->f->params = xreallocarray(fp->f->params, fp->f->nparams + 1, sizeof *fp->f->params);
		param = &fp->f->params[fp->f->nparams];
		param->number = number;
		param->d = d;
		param->s = s != NULL ? xstrdup(s) : NULL;
		snprintf(num, sizeof num, "?%d", fp->f->first + fp->f->nparams++);
		filter_append(fp, num);
	}
}

/* Skip white space. */
static void
filter_space(struct filter_parser *fp)
{
	while (*fp->p == ' ' || *fp->p == '\t' || *fp->p == '\n' || *fp->p == '\r')
		fp->p++;
}

/* Whether the source at p is the keyword word, followed by a boundary. */
static int
filter_keyword(const char *p, const char *word)
{
	size_t n = strlen(word);

	return strncasecmp(p, word, n) == 0 && (p[n] == '\0' || strchr(" \t\n\r()", p[n]) != NULL);
}

/* Read a value: "quoted" or a run up to white space or a parenthesis;
 * NULL if there is none. */
static char *
filter_value(struct filter_parser *fp)
{
	const char *start = fp->p;
	char *v;

	if (*fp->p == '"') {
		start = ++fp->p;
		while (*fp->p != '\0' && *fp->p != '"')
			fp->p++;
		if (*fp->p != '"') {
			filter_error(fp, start - 1, _("a quote is not closed"));
			return NULL;
		}
		v = xstrndup(start, (size_t)(fp->p - start));
		fp->p++;
		return v;
	}
	while (*fp->p != '\0' && strchr(" \t\n\r()", *fp->p) == NULL)
		fp->p++;
	if (fp->p == start)
		return NULL;
	return xstrndup(start, (size_t)(fp->p - start));
}

/* The names of the fields that apply to kind k, as "kind, bloc, ...". */
static char *
filter_field_names(int k)
{
	const struct filter_field *fd;
	char *names = xstrdup(""), *t;

	for (fd = filter_fields_table; fd->name != NULL; fd++) {
		if (fd->sql[k] == NULL)
			continue;
		t = xasprintf("%s%s%s", names, *names ? ", " : "", fd->name);
		free(names);
		names = t;
	}
	return names;
}

/* Whether candidate is near enough to word to be what was meant: one
 * character off in a short word, two in a longer one; keeps the nearest
 * in *best (at distance *dist) and returns 1 when it is nearer. */
static int
filter_near(const char *word, const char *candidate, int *dist, char **best)
{
	size_t n = strlen(word);
	int d = text_distance(word, candidate);

	if (d > (n <= 4 ? 1 : 2) || (size_t)d >= n || d >= *dist)
		return 0;
	free(*best);
	*best = xstrdup(candidate);
	*dist = d;
	return 1;
}

/* The field of kind k nearest to name, as a typo of it; NULL if none. */
static char *
filter_near_field(int k, const char *name)
{
	const struct filter_field *fd;
	char *best = NULL;
	int dist = 3;

	for (fd = filter_fields_table; fd->name != NULL; fd++) {
		if (fd->sql[k] != NULL)
			filter_near(name, fd->name, &dist, &best);
	}
	return best;
}

/* The fields that apply to a kind. */
char *
filter_fields(const char *kind)
{
	int k = filter_kind_index(kind);

	return k < 0 ? xstrdup("") : filter_field_names(k);
}

/* Whether value is one of the values of SQL as written: SQLite looks it
 * up in the field's index, where the search in any case below reads every
 * row (a million actors for kind:company). */
static int
filter_value_exists(sqlite3 *db, const char *values, const char *value)
{
	sqlite3_stmt *stmt;
	char *sql = xasprintf("WITH x(v) AS (%s) SELECT 1 FROM x WHERE v = ?1 LIMIT 1", values);
	int found = 0;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, value, -1, SQLITE_STATIC);
		found = sqlite3_step(stmt) == SQLITE_ROW;
		sqlite3_finalize(stmt);
	}
	free(sql);
	return found;
}

/* Check that a value occurs in the data for a field, in any case; the
 * value as the data writes it (freed by the caller), or NULL. */
static char *
filter_check_value(struct filter_parser *fp, const struct filter_field *fd, const char *value,
    const char *at)
{
	sqlite3_stmt *stmt;
	char *sql, *list, *t, *canonical = NULL, *near = NULL;
	int found = 0, n = 0, dist = 3;

	if (fd->values[fp->k] == NULL)
		return xstrdup(value);
	/* A word of a closed list by its label too: "organisme public". */
	if (label_word_field(fd->name) && label_word(value) != NULL)
		value = label_word(value);
	if (filter_value_exists(fp->db, fd->values[fp->k], value))
		return xstrdup(value);
	list = xstrdup("");
	sql = xasprintf("WITH x(v) AS (%s) SELECT v FROM x WHERE v IS NOT NULL ORDER BY"
	    " v = ?1 COLLATE NOCASE DESC, v", fd->values[fp->k]);
	if (sqlite3_prepare_v2(fp->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		free(sql);
		free(list);
		return xstrdup(value);
	}
	free(sql);
	sqlite3_bind_text(stmt, 1, value, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		if (n == 0 && strcasecmp(db_text(stmt, 0), value) == 0) {
			canonical = xstrdup(db_text(stmt, 0));
			found = 1;
			break;
		}
		filter_near(value, db_text(stmt, 0), &dist, &near);
		if (n++ < 12) {
			t = xasprintf("%s%s%s", list, *list ? ", " : "", db_text(stmt, 0));
			free(list);
			list = t;
		}
	}
	sqlite3_finalize(stmt);
	/* Names and aliases of countries and blocs are checked by matching,
	 * and a part of a place by the field's own test. */
	if (!found && (strcmp(fd->name, "country") == 0 || strcmp(fd->name, "bloc") == 0 ||
	    strcmp(fd->name, "place") == 0)) {
		if (strcmp(fd->name, "place") == 0)
			sql = xasprintf("SELECT 1 FROM %s WHERE %s LIMIT 1",
			    kind_listed(fp->k)->table, fd->sql[fp->k]);
		else
			sql = xasprintf("SELECT 1 WHERE EXISTS %s", strcmp(fd->name, "country") == 0 ?
			    COUNTRIES_NAMED : BLOCS_NAMED);
		if (sqlite3_prepare_v2(fp->db, sql, -1, &stmt, NULL) == SQLITE_OK) {
			for (n = 1; n <= sqlite3_bind_parameter_count(stmt); n++)
				sqlite3_bind_text(stmt, n, value, -1, SQLITE_STATIC);
			found = sqlite3_step(stmt) == SQLITE_ROW;
			sqlite3_finalize(stmt);
		}
		free(sql);
		if (found)
			canonical = xstrdup(value);
	}
	if (!found) {
		/* TRANSLATORS: a record kind's key (actor, funding), a field's
		 * key (status), then the value asked for. */
		filter_fail_near(fp, FILTER_ERR_VALUE, at, FILTER_EXPECTED_VALUES, list, near,
		    fd->name, xasprintf(_("no %s has %s '%s'"),
		    kind_listed(fp->k)->table, fd->name, value));
	}
	free(near);
	free(list);
	return canonical;
}

/* The scales an amount takes after its number; the words in any case. */
static const struct {
	const char	*suffix;
	double		 factor;
} filter_scales[] = {
	{ "k", 1e3 }, { "K", 1e3 }, { "M", 1e6 }, { "m", 1e6 }, { "bn", 1e9 },
	{ "Bn", 1e9 }, { "B", 1e9 }, { "Md", 1e9 }, { "md", 1e9 }, { "T", 1e12 },
	{ "tn", 1e12 }, { "thousand", 1e3 }, { "million", 1e6 }, { "millions", 1e6 },
	{ "billion", 1e9 }, { "billions", 1e9 }, { "trillion", 1e12 }, { "trillions", 1e12 },
	{ NULL, 0 }
};

/* The factor of a scale (bn, billion, M...), or 0 if s is none. */
static double
filter_scale(const char *s)
{
	int i;

	for (i = 0; filter_scales[i].suffix != NULL; i++) {
		if (strlen(filter_scales[i].suffix) > 2 ? strcasecmp(s, filter_scales[i].suffix) == 0 :
		    strcmp(s, filter_scales[i].suffix) == 0)
			return filter_scales[i].factor;
	}
	return 0;
}

/* An amount as the program reads it: "10,5 Md€" as 10.5Md, "€1,5bn" as
 * 1.5bn (a comma before the decimals, spaces and the euro sign as French
 * and English write them); freed by the caller. */
static char *
filter_plain_amount(const char *s)
{
	char *plain = xmalloc(strlen(s) + 1), *q = plain;

	if (strncmp(s, "€", strlen("€")) == 0)
		s += strlen("€");
	while (*s != '\0') {
		if (strncmp(s, "€", strlen("€")) == 0 && s[strlen("€")] == '\0')
			break;
		if (*s == ' ' || strncmp(s, NUMBER_NNBSP, strlen(NUMBER_NNBSP)) == 0 ||
		    strncmp(s, "\xc2\xa0", 2) == 0)
			s += *s == ' ' ? 1 : strncmp(s, NUMBER_NNBSP, strlen(NUMBER_NNBSP)) == 0 ?
			    strlen(NUMBER_NNBSP) : 2;
		else if (*s == ',' && q > plain && isdigit((unsigned char)q[-1]) &&
		    isdigit((unsigned char)s[1])) {
			*q++ = '.';
			s++;
		} else
			*q++ = *s++;
	}
	*q = '\0';
	return plain;
}

/* Read a number with an optional scale: 1.5bn, 200M, 400m, 3e9, 12k, 1T,
 * 10Md, 10billion, and for an amount 1,5bn, 10,5 Md€; -1 if it is not
 * one. */
static int
filter_number(const char *s, double *d, int amount)
{
	double factor;
	char *end, *plain = amount ? filter_plain_amount(s) : xstrdup(s);
	int r = -1;

	if (!isdigit((unsigned char)*plain) && !(*plain == '.' &&
	    isdigit((unsigned char)plain[1])))
		goto out;
	if (number_parse(plain, d, &end) != 0)
		goto out;
	if (*end == '\0')
		r = 0;
	else if (amount && (factor = filter_scale(end)) != 0) {
		*d *= factor;
		r = 0;
	}
out:
	free(plain);
	return r;
}

/* After an amount's number, its scale or euro sign written apart ("10 Md€",
 * "1,5 bn"): taken into the value, or nothing if what follows is not one. */
static void
filter_amount_tail(struct filter_parser *fp, char **value)
{
	const char *save = fp->p;
	char *tail, *plain, *joined;

	filter_space(fp);
	if (fp->p == save || (tail = filter_value(fp)) == NULL) {
		fp->p = save;
		return;
	}
	plain = filter_plain_amount(tail);
	if (filter_scale(plain) != 0 || *plain == '\0') {
		joined = xasprintf("%s%s", *value, tail);
		free(*value);
		*value = joined;
	} else
		fp->p = save;
	free(plain);
	free(tail);
}

/* Whether s is a date as YYYY, YYYY-MM or YYYY-MM-DD. */
int
filter_is_date(const char *s)
{
	size_t n = strlen(s), i;

	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (i = 0; i < n; i++) {
		if ((i == 4 || i == 7) ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	}
	/* A month from 01 to 12, a day from 01 to 31. */
	if (n >= 7 && (atoi(s + 5) < 1 || atoi(s + 5) > 12))
		return 0;
	return n < 10 || (atoi(s + 8) >= 1 && atoi(s + 8) <= 31);
}

/* Compile one bound of a comparison of expression e with op. */
static void
filter_compare(struct filter_parser *fp, enum filter_type type, const char *e, const char *op,
    const char *value, const char *at)
{
	char *tmpl;
	double d = 0;

	switch (type) {
	case FT_DATE:
	case FT_YEAR:
		if (type == FT_DATE ? !filter_is_date(value) :
		    (strlen(value) != 4 || strspn(value, "0123456789") != 4)) {
			filter_fail(fp, FILTER_ERR_VALUE, at, FILTER_EXPECTED_NONE, NULL,
			    xasprintf(type == FT_DATE ?
			    _("expected a date as 2025, 2025-02 or 2025-02-10, not '%s'") :
			    _("expected a year as 2025, not '%s'"), value));
			return;
		}
		/* Dates compare by what they say: 2025-02-10 is within 2025-02. */
		if (strcmp(op, "=") == 0)
			tmpl = xasprintf("substr(%s, 1, length(?)) = ?", e);
		else if (strcmp(op, ">") == 0 || strcmp(op, "<=") == 0)
			tmpl = xasprintf("substr(%s, 1, length(?)) %s ?", e, op);
		else
			tmpl = xasprintf("%s %s ?", e, op);
		filter_emit(fp, tmpl, value, 0, 0);
		free(tmpl);
		return;
	case FT_AMOUNT:
	case FT_NUMBER:
		if (filter_number(value, &d, type == FT_AMOUNT) != 0) {
			filter_fail(fp, FILTER_ERR_VALUE, at, FILTER_EXPECTED_NONE, NULL,
			    xasprintf(type == FT_AMOUNT ?
			    _("expected an amount in euros as 1.5bn, 200M, 10Md or 3e9, not '%s'") :
			    _("expected a number, not '%s'"), value));
			return;
		}
		tmpl = xasprintf("%s %s ?", e, op);
		filter_emit(fp, tmpl, NULL, d, 1);
		free(tmpl);
		return;
	case FT_MATCH:
		break;
	}
}

/* Compile field OP value, the field's name read already. */
static void
filter_field_term(struct filter_parser *fp, const char *name, const char *at)
{
	const struct filter_field *fd;
	const char *op, *vat, *dots;
	char *value, *names, *e, *lo, *hi, *canonical;
	size_t oplen;

	fd = filter_field(name, strlen(name));
	names = filter_field_names(fp->k);
	if (fd == NULL || fd->sql[fp->k] == NULL) {
		if (fd == NULL) {
			/* A typo of a field, not one that applies to other kinds. */
			char *near = filter_near_field(fp->k, name);

			filter_fail_near(fp, FILTER_ERR_FIELD, at, FILTER_EXPECTED_FIELDS, names,
			    near, NULL, xasprintf(_("unknown field '%s'"), name));
			free(near);
		} else
			filter_fail(fp, FILTER_ERR_OTHER_KIND, at, FILTER_EXPECTED_FIELDS, names,
			    /* TRANSLATORS: a field's key, then a list's (actors). */
			    xasprintf(_("'%s' does not apply to %s"), name,
			    kind_listed(fp->k)->plural));
		free(names);
		return;
	}
	free(names);
	op = fp->p;
	oplen = strspn(op, "<>=!:");
	if (oplen == 0 || oplen > 2 || (oplen == 2 && op[1] != '=') ||
	    (oplen == 2 && op[0] != '<' && op[0] != '>') || (oplen == 1 && op[0] == '!')) {
		filter_error(fp, op, _("expected ':', '=', '<', '<=', '>' or '>=' after '%s'"),
		    name);
		return;
	}
	fp->p += oplen;
	/* amount >= 10bn: spaces around the operator are forgiven. */
	filter_space(fp);
	vat = fp->p;
	if ((value = filter_value(fp)) == NULL) {
		filter_error(fp, vat, _("expected a value after '%s%.*s'"), name,
		    (int)oplen, op);
		return;
	}
	if (fd->type == FT_MATCH) {
		if (*op != ':' && *op != '=')
			filter_error(fp, op, _("'%s' takes ':' and a value, not a comparison"),
			    name);
		else if ((canonical = filter_check_value(fp, fd, value, vat)) != NULL) {
			filter_emit(fp, fd->sql[fp->k], canonical, 0, 0);
			free(canonical);
		}
		free(value);
		return;
	}
	if (fd->type == FT_AMOUNT && strstr(value, "..") == NULL)
		filter_amount_tail(fp, &value);
	e = fd->type == FT_YEAR ? xasprintf("substr(%s, 1, 4)", fd->sql[fp->k]) :
	    xstrdup(fd->sql[fp->k]);
	if ((dots = strstr(value, "..")) != NULL && *op == ':') {
		lo = xstrndup(value, (size_t)(dots - value));
		hi = xstrdup(dots + 2);
		filter_append(fp, "(");
		filter_compare(fp, fd->type, e, ">=", lo, vat);
		filter_append(fp, " AND ");
		filter_compare(fp, fd->type, e, "<=", hi, vat + (dots - value) + 2);
		filter_append(fp, ")");
		free(lo);
		free(hi);
	} else
		filter_compare(fp, fd->type, e, *op == ':' ? "=" : (char[3]){ op[0],
		    oplen == 2 ? op[1] : '\0', '\0' }, value, vat);
	free(e);
	free(value);
}

/* Compile a word or a "phrase" as a full-text test. */
static void
filter_text_term(struct filter_parser *fp, const char *text)
{
	const struct kind *k = kind_listed(fp->k);
	char *query, *cause = NULL, *tmpl, *ids;

	if ((query = fts_query_expanded(fp->db, text, &cause)) == NULL) {
		free(cause);
		return;
	}
	ids = fts_matching(fp->db, "?");
	tmpl = xasprintf("%s.%s IN %s", k->table, k->id, ids);
	filter_emit(fp, tmpl, query, 0, 0);
	free(tmpl);
	free(ids);
	free(query);
}

/* Compile /pattern/flags as a regular expression over the record's text. */
static void
filter_regex_term(struct filter_parser *fp)
{
	const struct kind *k = kind_listed(fp->k);
	const char *start = ++fp->p, *at;
	char *pattern, *cause = NULL, *tmpl, *full, *literal, *ids;
	size_t offset;
	int caseless = 0, prefiltered = 0;

	while (*fp->p != '\0' && *fp->p != '/') {
		if (*fp->p == '\\' && fp->p[1] != '\0')
			fp->p++;
		fp->p++;
	}
	if (*fp->p != '/') {
		filter_error(fp, start - 1, _("a /regex/ is not closed with '/'"));
		return;
	}
	pattern = xstrndup(start, (size_t)(fp->p - start));
	fp->p++;
	for (; isalpha((unsigned char)*fp->p); fp->p++) {
		if (*fp->p != 'i') {
			filter_error(fp, fp->p, _("unknown regex flag '%c' (only i is known)"),
			    *fp->p);
			free(pattern);
			return;
		}
		caseless = 1;
	}
	full = xasprintf("%s%s", caseless ? "(?i)" : "", pattern);
	if (regex_check(full, &cause, &offset) != 0) {
		at = start + offset - (caseless ? 4 : 0);
		filter_error(fp, at < start ? start : at, _("regex: %s"), cause);
		free(cause);
	} else {
		/* Only records holding the pattern's literal text are tried. */
		if ((literal = fts_literal_query(full)) != NULL) {
			prefiltered = 1;
			ids = fts_trigrams(fp->db, "?");
			tmpl = xasprintf("(%s.%s IN %s AND ", k->table, k->id, ids);
			filter_emit(fp, tmpl, literal, 0, 0);
			free(tmpl);
			free(ids);
			free(literal);
		}
		/* The same text as search --regex matches: the record's names,
		 * aliases and summaries, as the full-text index holds them. */
		tmpl = xasprintf("regexp(?, (SELECT text FROM record_text WHERE id = %s.%s))%s",
		    k->table, k->id, prefiltered ? ")" : "");
		filter_emit(fp, tmpl, full, 0, 0);
		free(tmpl);
	}
	free(full);
	free(pattern);
}

static void filter_or(struct filter_parser *);

/* primary := ( or ) | "phrase" | /regex/ | field OP value | word */
static void
filter_primary(struct filter_parser *fp)
{
	const char *start;
	char *word;
	size_t n, sp;

	filter_space(fp);
	start = fp->p;
	if (*fp->p == '\0') {
		filter_error(fp, fp->p, _("expected a term at the end"));
		return;
	}
	if (*fp->p == '(') {
		if (++fp->depth > FILTER_MAX_DEPTH) {
			filter_error(fp, fp->p, _("more than %d negations and parentheses "
			    "inside each other"), FILTER_MAX_DEPTH);
			return;
		}
		fp->p++;
		filter_append(fp, "(");
		filter_or(fp);
		fp->depth--;
		filter_space(fp);
		if (*fp->p != ')') {
			filter_error(fp, start, _("this parenthesis is not closed"));
			return;
		}
		fp->p++;
		filter_append(fp, ")");
		return;
	}
	if (*fp->p == ')') {
		filter_error(fp, fp->p, _("unexpected ')'"));
		return;
	}
	if (++fp->terms > FILTER_MAX_TERMS) {
		filter_error(fp, fp->p, _("more than %d terms"), FILTER_MAX_TERMS);
		return;
	}
	if (*fp->p == '/') {
		filter_regex_term(fp);
		return;
	}
	if (*fp->p == '"') {
		if ((word = filter_value(fp)) == NULL)
			return;
		if (word[strspn(word, " \t")] == '\0') {
			filter_error(fp, start, _("an empty phrase"));
			free(word);
			return;
		}
		n = strlen(word) + 3;
		{
			char *phrase = xmalloc(n);
			snprintf(phrase, n, "\"%s\"", word);
			filter_text_term(fp, phrase);
			free(phrase);
		}
		free(word);
		return;
	}
	n = strspn(fp->p, "abcdefghijklmnopqrstuvwxyz_");
	/* A field's name, then its operator, spaces between or not. */
	if (n > 0 && (strchr(":<>=!", fp->p[n]) != NULL ||
	    filter_field(fp->p, n) != NULL) && fp->p[n] != '\0') {
		sp = n + strspn(fp->p + n, " \t");
		if (fp->p[sp] != '\0' && strchr(":<>=!", fp->p[sp]) != NULL) {
			word = xstrndup(fp->p, n);
			fp->p += sp;
			filter_field_term(fp, word, start);
			free(word);
			return;
		}
	}
	if ((word = filter_value(fp)) == NULL) {
		filter_error(fp, fp->p, _("expected a term"));
		return;
	}
	filter_text_term(fp, word);
	free(word);
}

/* unary := (not | -) unary | primary. A negated test that is unknown
 * (a field with no value) counts as false, so its negation keeps the row. */
static void
filter_unary(struct filter_parser *fp)
{
	filter_space(fp);
	if (filter_keyword(fp->p, "not") || (*fp->p == '-' && fp->p[1] != '\0' &&
	    strchr(" \t\n\r", fp->p[1]) == NULL)) {
		if (++fp->depth > FILTER_MAX_DEPTH) {
			filter_error(fp, fp->p, _("more than %d negations and parentheses "
			    "inside each other"), FILTER_MAX_DEPTH);
			return;
		}
		fp->p += *fp->p == '-' ? 1 : 3;
		/* As NOT coalesce(x, 0), at a quarter of the SQL parser's depth. */
		filter_append(fp, "(");
		filter_unary(fp);
		filter_append(fp, ") IS NOT 1");
		fp->depth--;
		return;
	}
	filter_primary(fp);
}

/* and := unary ((and)? unary)*; SQL's AND binds before OR, as here, so
 * no parenthesis is needed around it. */
static void
filter_and(struct filter_parser *fp)
{
	filter_unary(fp);
	for (;;) {
		filter_space(fp);
		if (fp->error->what != NULL || *fp->p == '\0' || *fp->p == ')' || filter_keyword(fp->p, "or"))
			break;
		if (filter_keyword(fp->p, "and"))
			fp->p += 3;
		filter_append(fp, " AND ");
		filter_unary(fp);
	}
}

/* or := and (or and)* */
static void
filter_or(struct filter_parser *fp)
{
	filter_and(fp);
	for (;;) {
		filter_space(fp);
		if (fp->error->what != NULL || !filter_keyword(fp->p, "or"))
			break;
		fp->p += 2;
		filter_append(fp, " OR ");
		filter_and(fp);
	}
}

/* Compile a filter for a list kind, or say why not in *err. */
struct filter *
filter_compile_error(sqlite3 *db, const char *kind, const char *expr, int first_param,
    struct filter_error *err)
{
	struct filter_parser fp = { .db = db, .src = expr, .p = expr, .error = err };

	memset(err, 0, sizeof *err);
	if ((fp.k = filter_kind_index(kind)) < 0) {
		filter_fail(&fp, FILTER_ERR_KIND, NULL, FILTER_EXPECTED_NONE, NULL,
		    xasprintf(_("%s cannot be filtered"), kind));
		return NULL;
	}
	fp.f = xcalloc(1, sizeof *fp.f);
	fp.f->sql = xstrdup("");
	fp.f->first = first_param;
	filter_space(&fp);
	if (*fp.p == '\0')
		filter_fail(&fp, FILTER_ERR_EMPTY, NULL, FILTER_EXPECTED_NONE, NULL,
		    xstrdup(_("empty; write terms such as kind:company or mistral")));
	else {
		filter_or(&fp);
		filter_space(&fp);
		if (err->what == NULL && *fp.p != '\0')
			filter_error(&fp, fp.p, _("unexpected '%c'"), *fp.p);
	}
	if (err->what != NULL) {
		filter_free(fp.f);
		return NULL;
	}
	return fp.f;
}

/* Compile a filter for a list kind, or say why not in *cause. */
struct filter *
filter_compile(sqlite3 *db, const char *kind, const char *expr, int first_param, char **cause)
{
	struct filter_error err;
	struct filter *f;

	if ((f = filter_compile_error(db, kind, expr, first_param, &err)) == NULL) {
		*cause = filter_error_message(&err);
		filter_error_free(&err);
	}
	return f;
}

/* The SQL expression. */
const char *
filter_sql(const struct filter *f)
{
	return f->sql;
}

/* How many parameters the SQL has. */
int
filter_nparams(const struct filter *f)
{
	return f->nparams;
}

/* Bind the values. */
void
filter_bind(const struct filter *f, sqlite3_stmt *stmt)
{
	int i;

	for (i = 0; i < f->nparams; i++) {
		if (f->params[i].number)
			sqlite3_bind_double(stmt, f->first + i, f->params[i].d);
		else
			sqlite3_bind_text(stmt, f->first + i, f->params[i].s, -1, SQLITE_TRANSIENT);
	}
}

/* Free a filter. */
void
filter_free(struct filter *f)
{
	int i;

	if (f == NULL)
		return;
	for (i = 0; i < f->nparams; i++)
		free(f->params[i].s);
	free(f->params);
	free(f->sql);
	free(f);
}

/* Completions of the word at the end of expr. */
char **
filter_complete(sqlite3 *db, const char *kind, const char *expr)
{
	const struct filter_field *fd;
	const char *word = expr + strlen(expr), *colon;
	sqlite3_stmt *stmt;
	char **list = NULL, *sql;
	size_t n = 0, len;
	int k = filter_kind_index(kind);

	if (k < 0)
		return NULL;
	while (word > expr && strchr(" \t(", word[-1]) == NULL)
		word--;
	if (*word == '-')
		word++;
	if ((colon = strchr(word, ':')) == NULL) {
		len = strlen(word);
		for (fd = filter_fields_table; fd->name != NULL; fd++) {
			if (fd->sql[k] == NULL || strncmp(fd->name, word, len) != 0)
				continue;
			list = xreallocarray(list, n + 2, sizeof *list);
			list[n++] = xasprintf("%s%s", fd->name, fd->type == FT_MATCH ? ":" : "");
		}
	} else {
		fd = filter_field(word, (size_t)(colon - word));
		if (fd == NULL || fd->values[k] == NULL)
			return NULL;
		sql = xasprintf("WITH x(v) AS (%s) SELECT DISTINCT v FROM x WHERE v LIKE ?1 || '%%'"
		    " ORDER BY v LIMIT 50", fd->values[k]);
		if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
			sqlite3_bind_text(stmt, 1, colon + 1, -1, SQLITE_STATIC);
			while (sqlite3_step(stmt) == SQLITE_ROW) {
				list = xreallocarray(list, n + 2, sizeof *list);
				list[n++] = xasprintf("%.*s%s", (int)(colon - word + 1), word,
				    db_text(stmt, 0));
			}
			sqlite3_finalize(stmt);
		}
		free(sql);
	}
	if (list != NULL)
		list[n] = NULL;
	return list;
}

/* Fields whose values are no words of the data (yes, no, column names):
 * a word is never hinted to be one of them. */
static int
filter_hint_field(const struct filter_field *fd, int k)
{
	static const char *const skip[] = { "disputed", "note", "bookmarked", "mine", "id", NULL };
	int i;

	for (i = 0; skip[i] != NULL; i++) {
		if (strcmp(fd->name, skip[i]) == 0)
			return 0;
	}
	return fd->type == FT_MATCH && fd->values[k] != NULL && fd->sql[k] != NULL;
}

/* The field:value of kind k that a word most likely meant (the same
 * value in another case first, then the nearest); NULL if none. */
static char *
filter_hint_value(sqlite3 *db, int k, const char *word)
{
	const struct filter_field *fd;
	sqlite3_stmt *stmt;
	char *sql, *near = NULL, *best = NULL;
	int dist = 3;

	for (fd = filter_fields_table; fd->name != NULL && dist > 0; fd++) {
		if (!filter_hint_field(fd, k))
			continue;
		sql = xasprintf("WITH x(v) AS (%s) SELECT DISTINCT v FROM x WHERE v IS NOT NULL",
		    fd->values[k]);
		if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
			while (sqlite3_step(stmt) == SQLITE_ROW && dist > 0) {
				if (strcasecmp(db_text(stmt, 0), word) == 0) {
					free(near);
					near = xstrdup(db_text(stmt, 0));
					dist = 0;
				} else if (!filter_near(word, db_text(stmt, 0), &dist, &near))
					continue;
				free(best);
				best = xasprintf("%s:%s", fd->name, near);
			}
			sqlite3_finalize(stmt);
		}
		free(sql);
	}
	free(near);
	return best;
}

/* Why a filter may have matched nothing. */
char *
filter_hint(sqlite3 *db, const char *kind, const char *expr)
{
	const char *p = expr, *tok, *end, *next, *w, *we;
	char *word, *meant, *hint = NULL;
	int k = filter_kind_index(kind);

	if (k < 0)
		return NULL;
	for (p += strspn(p, " \t"); *p != '\0' && hint == NULL; p = next + strspn(next, " \t")) {
		tok = p;
		if (*tok == '"' && (end = strchr(tok + 1, '"')) != NULL)
			end++;
		else
			end = tok + strcspn(tok, " \t");
		next = end;
		/* amount>=10 billion: the scale stands apart from its number. */
		w = end + strspn(end, " \t");
		we = w + strcspn(w, " \t)");
		if (end > tok && isdigit((unsigned char)end[-1]) && w > end && we > w) {
			word = xstrndup(w, (size_t)(we - w));
			if (filter_scale(word) != 0)
				hint = xasprintf(_("did you mean '%.*s%s'? A number and its scale "
				    "go together, as 10bn or 10billion"), (int)(end - expr), expr, w);
			free(word);
			if (hint != NULL)
				break;
		}
		/* A word near a value of a field: compnay for kind:company. */
		w = tok + strspn(tok, "(-");
		we = end;
		while (we > w && we[-1] == ')')
			we--;
		if (we == w || w + strcspn(w, ":<>=/\"(") < we)
			continue;
		word = xstrndup(w, (size_t)(we - w));
		if (strcasecmp(word, "and") != 0 && strcasecmp(word, "or") != 0 &&
		    strcasecmp(word, "not") != 0 && (meant = filter_hint_value(db, k, word)) != NULL) {
			hint = xasprintf(_("did you mean '%.*s%s%s'?"), (int)(w - expr), expr, meant, we);
			free(meant);
		}
		free(word);
	}
	return hint;
}

/* Free completions. */
void
filter_free_completions(char **list)
{
	char **p;

	for (p = list; p != NULL && *p != NULL; p++)
		free(*p);
	free(list);
}
