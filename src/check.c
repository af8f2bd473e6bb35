/* Integrity checks of a database: the rules every record follows. */
#include "config.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "claim.h"
#include "db.h"
#include "i18n.h"
#include "kind.h"
#include "xmalloc.h"

/* Every problem reads "TABLE ROW: COLUMN: what is wrong". A row is named by
 * its id, or by its key's columns joined with '/' in tables without one
 * (KIND_KEY_*). The registry makes the pieces of the rules that go over
 * every kind, in place of a token: a template repeated for each kind (see
 * kind_each()) between a head and a tail. */
static const struct {
	const char	*token;
	const char	*head;
	const char	*tmpl;
	const char	*sep;
	int		 which;
	const char	*tail;
} check_pieces[] = {
	/* Every record table with its id column: the id, the table (the
	 * record's kind) and the id column's name. */
	{ "{records}", "(", "SELECT $i AS id, '$k' AS kind, '$i' AS col FROM $t",
	  " UNION ALL ", KIND_RECORD, ")" },
	/* The name of the row of table fk."table" whose rowid is fk.rowid. */
	{ "{row_name}", "CASE fk.\"table\" ",
	  "WHEN '$t' THEN (SELECT $i FROM $t WHERE rowid = fk.rowid)", " ", KIND_ALL,
	  " ELSE 'rowid ' || fk.rowid END" },
	/* The name of the id column of record r. */
	{ "{id_column}", "CASE r.kind ", "WHEN '$k' THEN '$i'", " ", KIND_RECORD, " END" },
	{ NULL, NULL, NULL, NULL, 0, NULL }
};

/* A funding's amount in euros at its year's rate: the low end of a range
 * for a part, the high end for a whole, so a nesting error is never hidden;
 * with the column it comes from. */
#define CHECK_FUNDING_EUR(col) \
	"(SELECT f.id, f.parent_id, coalesce(f.amount, f." col ") /" \
	"  CASE f.currency WHEN 'EUR' THEN 1 ELSE (SELECT r.per_eur FROM fx_rate AS r" \
	"   WHERE r.currency = f.currency" \
	"   AND r.year = CAST(substr(f.announced_on, 1, 4) AS INTEGER)) END AS eur," \
	"  CASE WHEN f.amount IS NULL THEN '" col "' ELSE 'amount' END AS col" \
	" FROM funding AS f)"

/* The rows of a table whose date column d is not YYYY, YYYY-MM or a real
 * YYYY-MM-DD (the schema says so too, but a database may not come from it). */
#define CHECK_DATE(table, id, d) \
	" UNION ALL SELECT printf('%s %s: %s: ''%s'' is not a date as 2025, 2025-02 or" \
	" 2025-02-10', '" table "', " id ", '" d "', " d ") FROM " table \
	" WHERE " d " IS NOT NULL AND NOT (" \
	" (length(" d ") = 4 AND " d " GLOB '[0-9][0-9][0-9][0-9]')" \
	" OR (length(" d ") = 7 AND date(" d " || '-01', '+0 days') IS " d " || '-01')" \
	" OR (length(" d ") = 10 AND date(" d ", '+0 days') IS " d "))"
/* The rows of a table whose text column c is empty. */
#define CHECK_TEXT(table, id, c) \
	" UNION ALL SELECT printf('%s %s: %s: empty', '" table "', " id ", '" c "') FROM " table \
	" WHERE length(trim(coalesce(" c ", ''))) = 0"
/* The rows of a table whose parent_id chain comes back to them. */
#define CHECK_LOOP(table) \
	"SELECT * FROM (WITH RECURSIVE up(start, id, depth) AS (" \
	"  SELECT id, parent_id, 1 FROM " table " WHERE parent_id IS NOT NULL" \
	"  UNION ALL SELECT up.start, t.parent_id, up.depth + 1 FROM up" \
	"  JOIN " table " AS t ON t.id = up.id" \
	"  WHERE t.parent_id IS NOT NULL AND up.id <> up.start AND up.depth < 100)" \
	" SELECT DISTINCT printf('" table " %s: parent_id: its chain of parents loops back" \
	" to it', start) FROM up WHERE id = start)"

/* The seven arguments of claim_prefer() for claim c of source s. */
#define CHECK_PREFER_ARGS(c, s) \
	c ".value, " c ".value_low, " c ".value_high, " c ".end_value, " \
	s ".kind, " s ".id, " s ".published_on"
/* Each preferred claim p, with each other claim o of the same field, with
 * their sources ps and os; and whether claim_prefer() finds the verdict v. */
#define CHECK_PREFERRED_PAIRS(v) \
	" FROM claim AS p JOIN source AS ps ON ps.id = p.source_id" \
	" JOIN claim AS o ON o.subject_id = p.subject_id AND o.field = p.field" \
	"  AND o.rowid <> p.rowid" \
	" JOIN source AS os ON os.id = o.source_id WHERE p.rank = 'preferred'" \
	" AND claim_prefer(" CHECK_PREFER_ARGS("p", "ps") ", " \
	CHECK_PREFER_ARGS("o", "os") ") = " v

/* Where a rule's problems go: the caller's function and its argument. */
struct check_sink {
	check_report_fn	 report;
	void		*arg;
};

static int	check_preferred_held(sqlite3 *, struct check_sink *, char **);
static int	check_fts(sqlite3 *, struct check_sink *, char **);

#define CHECK_STORAGE 2

/* Each check: what it verifies, and a query returning one line per problem
 * or a function reporting them; the first CHECK_STORAGE verify how the
 * file keeps the records (its pages, the full-text indexes), the others
 * the records. Those marked CHECK_HELD hold in any database load.c has
 * filled through data/schema.sql: its constraints and triggers refuse a
 * row that breaks them, and load_finish() checks each row's references
 * and fields (a database from elsewhere may break them all). */
#define CHECK_HELD	1
static const struct {
	const char	*what;
	const char	*sql;
	int		(*fn)(sqlite3 *, struct check_sink *, char **);
	int		 held;
} check_rules[] = {
	{ N_("the database file is sound"),
	  "SELECT 'integrity: ' || quick_check FROM pragma_quick_check"
	  " WHERE quick_check <> 'ok'", NULL, 0 },
	{ N_("the full-text indexes are those of the records"), NULL, check_fts, 0 },
	{ N_("every reference points to a record"),
	  "SELECT printf('%s %s: %s: points to no %s', fk.\"table\","
	  "  {row_name}, f.\"from\", fk.parent)"
	  " FROM pragma_foreign_key_check AS fk"
	  " JOIN pragma_foreign_key_list(fk.\"table\") AS f ON f.id = fk.fkid", NULL, CHECK_HELD },
	{ N_("ids are unique across all tables"),
	  "SELECT printf('%s %s: %s: also the id of a row of %s', a.kind, a.id, a.col,"
	  "  group_concat(b.kind, ', '))"
	  " FROM {records} AS a JOIN {records} AS b"
	  "  ON b.id = a.id AND b.kind <> a.kind GROUP BY a.kind, a.id"
	  " UNION ALL SELECT printf('%s %s: %s: missing from the record registry',"
	  "  t.kind, t.id, t.col)"
	  " FROM {records} AS t WHERE NOT EXISTS"
	  " (SELECT 1 FROM record AS r WHERE r.id = t.id AND r.kind = t.kind)"
	  " UNION ALL SELECT printf('record %s: kind: no %s has this id', r.id, r.kind)"
	  " FROM record AS r WHERE NOT EXISTS"
	  " (SELECT 1 FROM {records} AS t WHERE t.id = r.id)", NULL, CHECK_HELD },
	{ N_("every record cites a source"),
	  "SELECT printf('%s %s: %s: no citation names it', r.kind, r.id,"
	  "  {id_column}) FROM record AS r"
	  " WHERE r.kind <> 'source'"
	  " AND NOT EXISTS (SELECT 1 FROM citation AS c WHERE c.subject_id = r.id)", NULL, 0 },
	{ N_("a citation's or a claim's field is a column of its record"),
	  "SELECT printf('citation %s: field: ''%s'' is not a column of %s', "
	  KIND_KEY_CITATION ", c.field, r.kind)"
	  " FROM citation AS c JOIN record AS r ON r.id = c.subject_id"
	  " WHERE c.field <> '*'"
	  " AND NOT EXISTS (SELECT 1 FROM pragma_table_xinfo(r.kind) WHERE name = c.field)"
	  " UNION ALL SELECT printf('claim %s: field: ''%s'' is not a column of %s', "
	  KIND_KEY_CLAIM ", c.field, r.kind)"
	  " FROM claim AS c JOIN record AS r ON r.id = c.subject_id"
	  " WHERE NOT EXISTS (SELECT 1 FROM pragma_table_xinfo(r.kind) WHERE name = c.field)", NULL,
	  CHECK_HELD },
	{ N_("every currency has a rate for its year"),
	  "SELECT printf('funding %s: currency: no fx_rate for %s in %s', id, currency,"
	  "  substr(announced_on, 1, 4))"
	  " FROM funding AS f WHERE currency <> 'EUR' AND NOT EXISTS"
	  " (SELECT 1 FROM fx_rate AS r WHERE r.currency = f.currency"
	  "  AND r.year = CAST(substr(f.announced_on, 1, 4) AS INTEGER))"
	  " UNION ALL SELECT printf('funding_party %s: currency: no fx_rate for %s in %s', "
	  KIND_KEY_FUNDING_PARTY ", p.currency, substr(f.announced_on, 1, 4))"
	  " FROM funding_party AS p JOIN funding AS f ON f.id = p.funding_id"
	  " WHERE p.currency <> 'EUR' AND NOT EXISTS"
	  " (SELECT 1 FROM fx_rate AS r WHERE r.currency = p.currency"
	  "  AND r.year = CAST(substr(f.announced_on, 1, 4) AS INTEGER))", NULL, 0 },
	{ N_("nested pledges never sum above their parent"),
	  "SELECT printf('funding %s: %s: its parts add up to EUR %.0f, above its own EUR %.0f',"
	  "  whole.id, whole.col, sum(part.eur), whole.eur)"
	  " FROM " CHECK_FUNDING_EUR("amount_high") " AS whole"
	  " JOIN " CHECK_FUNDING_EUR("amount_low") " AS part ON part.parent_id = whole.id"
	  " GROUP BY whole.id HAVING sum(part.eur) > whole.eur * 1.000001", NULL, 0 },
	{ N_("dates are well-formed for their precision"),
	  "SELECT NULL WHERE 0"
	  CHECK_DATE("source", "id", "published_on")
	  CHECK_DATE("actor", "id", "founded_on")
	  CHECK_DATE("funding", "id", "announced_on")
	  CHECK_DATE("funding", "id", "horizon_end")
	  CHECK_DATE("event", "id", "date")
	  CHECK_DATE("event", "id", "end_date")
	  CHECK_DATE("bloc_member", KIND_KEY_BLOC_MEMBER, "since")
	  CHECK_DATE("bloc_member", KIND_KEY_BLOC_MEMBER, "until")
	  CHECK_DATE("figure", "id", "as_of")
	  CHECK_DATE("figure", "id", "target_date"), NULL, CHECK_HELD },
	{ N_("amounts are above zero, in a known currency"),
	  "SELECT printf('funding %s: amount: %s is not above zero', id, amount)"
	  " FROM funding WHERE amount <= 0"
	  " UNION ALL SELECT printf('funding %s: amount_low: %s is not above zero', id,"
	  "  amount_low) FROM funding WHERE amount_low <= 0"
	  " UNION ALL SELECT printf('funding %s: amount_high: %s is below amount_low %s', id,"
	  "  amount_high, amount_low) FROM funding WHERE amount_high < amount_low"
	  " UNION ALL SELECT printf('funding %s: currency: %s is not a currency of the rates',"
	  "  id, currency)"
	  " FROM funding WHERE currency IS NOT NULL AND currency <> 'EUR'"
	  " AND currency NOT IN (SELECT currency FROM fx_rate)"
	  " UNION ALL SELECT printf('funding_party %s: amount: %s is not above zero', "
	  KIND_KEY_FUNDING_PARTY ", amount) FROM funding_party WHERE amount <= 0", NULL, 0 },
	{ N_("a funding says whose money it is and what it is for"),
	  "SELECT printf('funding %s: nature: ''%s'' is not public, private or mixed', id,"
	  "  coalesce(nature, '')) FROM funding"
	  " WHERE coalesce(nature NOT IN ('public', 'private', 'mixed'), 1)"
	  " UNION ALL SELECT printf('funding %s: domain: ''%s'' is not ai, compute,"
	  " semiconductors or general', id, coalesce(domain, '')) FROM funding"
	  " WHERE coalesce(domain NOT IN ('ai', 'compute', 'semiconductors', 'general'), 1)",
	  NULL, 0 },
	{ N_("a funding's nature fits its kind and its parent"),
	  "SELECT printf('funding %s: nature: %s, but a sovereign investment is a state''s"
	  " money (public)', id, nature)"
	  " FROM funding WHERE kind = 'sovereign_investment' AND nature <> 'public'"
	  " UNION ALL SELECT printf('funding %s: nature: private, but a public programme is"
	  " a public body''s (public or mixed)', id)"
	  " FROM funding WHERE kind = 'public_programme' AND nature = 'private'"
	  " UNION ALL SELECT printf('funding %s: nature: public, but a private commitment is"
	  " companies'' or investors'' money (private or mixed)', id)"
	  " FROM funding WHERE kind = 'private_commitment' AND nature = 'public'"
	  " UNION ALL SELECT printf('funding %s: nature: private, but it is part of %s,"
	  " which is public money', f.id, p.id)"
	  " FROM funding AS f JOIN funding AS p ON p.id = f.parent_id"
	  " WHERE f.nature = 'private' AND p.nature = 'public'", NULL, 0 },
	{ N_("a part is spent within its parent's horizon"),
	  "SELECT printf('funding %s: horizon_end: %s, after %s, the horizon of %s, which it"
	  " is part of', f.id, f.horizon_end, p.horizon_end, p.id)"
	  " FROM funding AS f JOIN funding AS p ON p.id = f.parent_id"
	  " WHERE substr(f.horizon_end, 1, 4) > substr(p.horizon_end, 1, 4)", NULL, 0 },
	{ N_("names and summaries are given in both languages"),
	  "SELECT NULL WHERE 0"
	  CHECK_TEXT("actor", "id", "name") CHECK_TEXT("actor", "id", "name_fr")
	  CHECK_TEXT("actor", "id", "summary_en") CHECK_TEXT("actor", "id", "summary_fr")
	  CHECK_TEXT("bloc", "id", "name_en") CHECK_TEXT("bloc", "id", "name_fr")
	  CHECK_TEXT("bloc", "id", "summary_en") CHECK_TEXT("bloc", "id", "summary_fr")
	  CHECK_TEXT("funding", "id", "title_en") CHECK_TEXT("funding", "id", "title_fr")
	  CHECK_TEXT("funding", "id", "summary_en") CHECK_TEXT("funding", "id", "summary_fr")
	  CHECK_TEXT("event", "id", "title_en") CHECK_TEXT("event", "id", "title_fr")
	  CHECK_TEXT("event", "id", "summary_en") CHECK_TEXT("event", "id", "summary_fr")
	  CHECK_TEXT("country", "iso3", "name_en") CHECK_TEXT("country", "iso3", "name_fr")
	  CHECK_TEXT("figure", "id", "label_en") CHECK_TEXT("figure", "id", "label_fr"), NULL,
	  CHECK_HELD },
	{ N_("parent chains have no loop"),
	  CHECK_LOOP("funding") " UNION ALL " CHECK_LOOP("actor"), NULL, 0 },
	{ N_("every disagreement has its claims"),
	  "SELECT printf('citation %s: field: a contradicting citation names the field it"
	  " disputes, not *', " KIND_KEY_CITATION ")"
	  " FROM citation WHERE stance = 'contradicts' AND field = '*'"
	  " UNION ALL SELECT printf('citation %s: stance: contradicts %s, but no claim gives"
	  " the values of %s', " KIND_KEY_CITATION ", field, field)"
	  " FROM citation AS c WHERE stance = 'contradicts' AND field <> '*' AND NOT EXISTS"
	  " (SELECT 1 FROM claim AS k WHERE k.subject_id = c.subject_id AND k.field = c.field)",
	  NULL, 0 },
	{ N_("a disputed field has one preferred claim"),
	  "SELECT printf('claim %s/%s: rank: %s, with %d preferred claims (give exactly one)',"
	  "  c.subject_id, c.field, iif(d.field IS NULL, 'one value', 'disputed'),"
	  "  sum(c.rank = 'preferred'))"
	  " FROM claim AS c LEFT JOIN disputed AS d"
	  "  ON d.subject_id = c.subject_id AND d.field = c.field"
	  " GROUP BY c.subject_id, c.field"
	  " HAVING sum(c.rank = 'preferred') > 1"
	  "  OR (d.field IS NOT NULL AND sum(c.rank = 'preferred') = 0)", NULL, 0 },
	{ N_("a record holds its preferred claims"), NULL, check_preferred_held, 0 },
	{ N_("the preferred claim has the best-supported source"),
	  "SELECT printf('claim %s/%s/%s: rank: preferred, but %s is a source of a higher"
	  " class (official, then press, then the articles and opinion) and this value is"
	  " no range covering its %s', p.subject_id, p.field, p.source_id, o.source_id,"
	  "  coalesce(o.value, printf('%!.15g..%!.15g', o.value_low, o.value_high)))"
	  CHECK_PREFERRED_PAIRS("1")
	  " UNION ALL SELECT printf('claim %s/%s/%s: rank: preferred, but %s is a later"
	  " official source (%s, after %s)', p.subject_id, p.field, p.source_id, o.source_id,"
	  "  os.published_on, ps.published_on)"
	  CHECK_PREFERRED_PAIRS("2"), NULL, 0 },
	{ N_("a funding's confidence is computed from its sources"),
	  "SELECT printf('funding %s: confidence: ''%s'', but its citations and claims make"
	  " it ''%s''', f.id, f.confidence, " CLAIM_CONFIDENCE_SQL ")"
	  " FROM funding AS f WHERE f.confidence IS NOT " CLAIM_CONFIDENCE_SQL, NULL, 0 },
	{ NULL, NULL, NULL, 0 }
};

/* FTS5's integrity-check of schema.index. */
#define CHECK_FTS_SQL "INSERT INTO %s.%s (%s, rank) VALUES ('integrity-check', 1)"

/* Run FTS5's integrity-check on each full-text index of schema's
 * (indexes): each must be sound and hold what its table's content does.
 * It writes nothing, but needs a database it could write: one that cannot
 * be written is checked on a copy in a temporary file (a database being
 * built is checked in place). Returns the
 * number of problems, or -1 with *cause. */
static int
check_fts_of(sqlite3 *db, const char *schema, const char *const *indexes,
    struct check_sink *sink, char **cause)
{
	const char *const *i;
	char *sql, *problem;
	sqlite3 *copy;
	int problems = 0, rc;

	copy = db;
	for (i = indexes; *i != NULL; i++) {
		/* The copy holds schema's tables as its main. */
		sql = xasprintf(CHECK_FTS_SQL, copy == db ? schema : "main", *i, *i);
		rc = db_exec(copy, sql, NULL);
		if (rc != 0 && copy == db && (sqlite3_errcode(db) & 0xff) == SQLITE_READONLY) {
			if ((copy = db_copy(db, schema, cause)) == NULL) {
				free(sql);
				return -1;
			}
			free(sql);
			sql = xasprintf(CHECK_FTS_SQL, "main", *i, *i);
			rc = db_exec(copy, sql, NULL);
		}
		if (rc != 0 && sqlite3_errcode(copy) == SQLITE_INTERRUPT) {
			/* Stopped (a signal, --timeout): not a damaged index. */
			*cause = xstrdup(db_error(copy));
			free(sql);
			problems = -1;
			break;
		}
		if (rc != 0) {
			problem = xasprintf(_("%s: the full-text index is damaged, or not made"
			    " from the records: %s"), *i, db_error(copy));
			sink->report(sink->arg, problem);
			free(problem);
			problems++;
		}
		free(sql);
	}
	if (copy != db)
		db_copy_close(copy);
	return problems;
}

/* check_fts_of() main's full-text indexes. */
static int
check_fts(sqlite3 *db, struct check_sink *sink, char **cause)
{
	static const char *const indexes[] = { "record_fts", "record_tri", NULL };

	return check_fts_of(db, "main", indexes, sink, cause);
}

/* Run FTS5's integrity-check on the full-text indexes of the user's
 * records (see check.h). */
int
check_user_fts(sqlite3 *db, check_report_fn report, void *arg, char **cause)
{
	static const char *const indexes[] = { "user_fts", "user_tri", NULL };
	struct check_sink sink = { report, arg };

	return check_fts_of(db, "user", indexes, &sink, cause);
}

/* Read a value, the ends of its range and its end value from four
 * columns of stmt, from column first on, into c. */
static void
check_claim_read(sqlite3_stmt *stmt, int first, struct claim *c)
{
	memset(c, 0, sizeof *c);
	c->value = (const char *)sqlite3_column_text(stmt, first);
	c->ranged = sqlite3_column_type(stmt, first + 1) != SQLITE_NULL &&
	    sqlite3_column_type(stmt, first + 2) != SQLITE_NULL;
	c->low = sqlite3_column_double(stmt, first + 1);
	c->high = sqlite3_column_double(stmt, first + 2);
	c->end_value = (const char *)sqlite3_column_text(stmt, first + 3);
}

/* Whether table has a column named column. */
static int
check_has_column(sqlite3 *db, const char *table, const char *column)
{
	sqlite3_stmt *stmt;
	int found;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_xinfo(?1) WHERE name = ?2",
	    -1, &stmt, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, column, -1, SQLITE_STATIC);
	found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return found;
}

/* A claim as a problem quotes it: its value, its range, its end. */
static char *
check_claim_text(const struct claim *c)
{
	char *range, *text;

	range = c->ranged ? xasprintf("%.15g..%.15g", c->low, c->high) : xstrdup("");
	text = xasprintf("%s%s%s%s%s", c->value != NULL ? c->value : "",
	    c->value != NULL && c->ranged ? " in " : "", range,
	    c->end_value != NULL ? " to " : "", c->end_value != NULL ? c->end_value : "");
	free(range);
	return text;
}

/* Read a record's column field, with its range (field_low, field_high) and
 * for a date its end (end_date), and report if it does not hold p, the
 * preferred claim of that field from source. 1 if it was reported, 0 if
 * not, -1 with *cause. */
static int
check_held(sqlite3 *db, const char *kind, const char *id, const char *field,
    const char *source, const struct claim *p, struct check_sink *sink, char **cause)
{
	sqlite3_stmt *stmt;
	struct claim column;
	char *low, *high, *sql, *has, *wants, *problem;
	int reported = 0;

	low = xasprintf("%s_low", field);
	high = xasprintf("%s_high", field);
	/* Every name is a column of the table: claim fields are checked so. */
	sql = xasprintf("SELECT \"%s\", %s%s%s, %s%s%s, %s FROM \"%s\" WHERE \"%s\" = ?1", field,
	    check_has_column(db, kind, low) ? "\"" : "",
	    check_has_column(db, kind, low) ? low : "NULL",
	    check_has_column(db, kind, low) ? "\"" : "",
	    check_has_column(db, kind, high) ? "\"" : "",
	    check_has_column(db, kind, high) ? high : "NULL",
	    check_has_column(db, kind, high) ? "\"" : "",
	    strcmp(field, "date") == 0 && check_has_column(db, kind, "end_date") ?
	    "end_date" : "NULL", kind, strcmp(kind, "country") == 0 ? "iso3" : "id");
	free(low);
	free(high);
	if (db_prepare(db, sql, &stmt, cause) != 0) {
		free(sql);
		return -1;
	}
	free(sql);
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		check_claim_read(stmt, 0, &column);
		if (!claim_held(&column, p)) {
			has = check_claim_text(&column);
			wants = check_claim_text(p);
			problem = xasprintf("%s %s: %s: holds '%s', but its preferred claim "
			    "(%s) gives '%s'", kind, id, field, has, source, wants);
			sink->report(sink->arg, problem);
			free(problem);
			free(has);
			free(wants);
			reported = 1;
		}
	}
	sqlite3_finalize(stmt);
	return reported;
}

/* Report each record whose column does not hold its preferred claim;
 * returns the number of problems, or -1 with *cause. */
static int
check_preferred_held(sqlite3 *db, struct check_sink *sink, char **cause)
{
	static const char sql[] =
		"SELECT r.kind, c.subject_id, c.field, c.source_id, c.value, c.value_low,"
		"  c.value_high, c.end_value"
		" FROM claim AS c JOIN record AS r ON r.id = c.subject_id"
		" WHERE c.rank = 'preferred'"
		" AND EXISTS (SELECT 1 FROM pragma_table_xinfo(r.kind) WHERE name = c.field)"
		" ORDER BY c.subject_id, c.field";
	sqlite3_stmt *stmt;
	struct claim p;
	int problems = 0, r;

	if (db_prepare(db, sql, &stmt, cause) != 0)
		return -1;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		check_claim_read(stmt, 4, &p);
		r = check_held(db, db_text(stmt, 0), db_text(stmt, 1), db_text(stmt, 2),
		    db_text(stmt, 3), &p, sink, cause);
		if (r < 0) {
			sqlite3_finalize(stmt);
			return -1;
		}
		problems += r;
	}
	sqlite3_finalize(stmt);
	return problems;
}

/* A rule's SQL with the registry's pieces in place of their tokens. */
static char *
check_expand(const char *rule)
{
	char *sql = xstrdup(rule), *each, *t, *at;
	int i;

	for (i = 0; check_pieces[i].token != NULL; i++) {
		if (strstr(sql, check_pieces[i].token) == NULL)
			continue;
		each = kind_each(check_pieces[i].tmpl, check_pieces[i].sep,
		    check_pieces[i].which);
		while ((at = strstr(sql, check_pieces[i].token)) != NULL) {
			t = xasprintf("%.*s%s%s%s%s", (int)(at - sql), sql, check_pieces[i].head,
			    each, check_pieces[i].tail, at + strlen(check_pieces[i].token));
			free(sql);
			sql = t;
		}
		free(each);
	}
	return sql;
}

/* Run the checks from the first'th on, but those held by loading when
 * loaded, reporting each problem. */
static int
check_from(sqlite3 *db, int first, int loaded, check_report_fn report, void *arg,
    char **cause)
{
	struct check_sink sink;
	sqlite3_stmt *stmt;
	char *sql;
	int i, problems = 0, rc;

	sink.report = report;
	sink.arg = arg;
	for (i = first; check_rules[i].what != NULL; i++) {
		if (loaded && check_rules[i].held)
			continue;
		if (check_rules[i].fn != NULL) {
			if ((rc = check_rules[i].fn(db, &sink, cause)) < 0) {
				char *why = *cause;
				*cause = xasprintf(_("cannot check that %s: %s"),
				    _(check_rules[i].what), why);
				free(why);
				return -1;
			}
			problems += rc;
			continue;
		}
		sql = check_expand(check_rules[i].sql);
		rc = db_prepare(db, sql, &stmt, cause);
		free(sql);
		if (rc != 0) {
			char *why = *cause;
			*cause = xasprintf(_("cannot check that %s: %s"), _(check_rules[i].what), why);
			free(why);
			return -1;
		}
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			report(arg, db_text(stmt, 0));
			problems++;
		}
		if (rc != SQLITE_DONE) {
			*cause = xasprintf(_("cannot check that %s: %s"), _(check_rules[i].what),
			    db_error(db));
			sqlite3_finalize(stmt);
			return -1;
		}
		sqlite3_finalize(stmt);
	}
	return problems;
}

/* Run every check, reporting each problem. */
int
check_database(sqlite3 *db, check_report_fn report, void *arg, char **cause)
{
	return check_from(db, 0, 0, report, arg, cause);
}

/* Run the checks of the records a load has just made, but not of their
 * storage, nor those the load held. */
int
check_loaded(sqlite3 *db, check_report_fn report, void *arg, char **cause)
{
	return check_from(db, CHECK_STORAGE, 1, report, arg, cause);
}
