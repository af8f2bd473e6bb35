/* Integrity checks of a database: the rules every record follows. */
#include "config.h"
#include "check.h"

#include <stdlib.h>

#include "db.h"
#include "i18n.h"
#include "xmalloc.h"

/* Every problem reads "TABLE ROW: COLUMN: what is wrong". A row is named by
 * its id, or by its key's columns joined with '/' in tables without one. */
#define CHECK_ID_BLOC_MEMBER	"bloc_id || '/' || iso3"
#define CHECK_ID_ALIAS		"subject_id || '/' || alias"
#define CHECK_ID_FUNDING_PARTY	"funding_id || '/' || actor_id || '/' || role"
#define CHECK_ID_EVENT_ACTOR	"event_id || '/' || actor_id || '/' || role"
#define CHECK_ID_CITATION	"subject_id || '/' || source_id || '/' || field"
#define CHECK_ID_FX_RATE	"currency || '/' || year"
#define CHECK_ID_CLAIM		"subject_id || '/' || field || '/' || source_id"

/* The name of the row of table t (an SQL expression) whose rowid is r. */
#define CHECK_ROW_NAME(t, r) \
	"CASE " t \
	" WHEN 'source' THEN (SELECT id FROM source WHERE rowid = " r ")" \
	" WHEN 'country' THEN (SELECT iso3 FROM country WHERE rowid = " r ")" \
	" WHEN 'bloc' THEN (SELECT id FROM bloc WHERE rowid = " r ")" \
	" WHEN 'bloc_member' THEN (SELECT " CHECK_ID_BLOC_MEMBER " FROM bloc_member" \
	"  WHERE rowid = " r ")" \
	" WHEN 'actor' THEN (SELECT id FROM actor WHERE rowid = " r ")" \
	" WHEN 'alias' THEN (SELECT " CHECK_ID_ALIAS " FROM alias WHERE rowid = " r ")" \
	" WHEN 'funding' THEN (SELECT id FROM funding WHERE rowid = " r ")" \
	" WHEN 'funding_party' THEN (SELECT " CHECK_ID_FUNDING_PARTY " FROM funding_party" \
	"  WHERE rowid = " r ")" \
	" WHEN 'event' THEN (SELECT id FROM event WHERE rowid = " r ")" \
	" WHEN 'event_actor' THEN (SELECT " CHECK_ID_EVENT_ACTOR " FROM event_actor" \
	"  WHERE rowid = " r ")" \
	" WHEN 'figure' THEN (SELECT id FROM figure WHERE rowid = " r ")" \
	" WHEN 'citation' THEN (SELECT " CHECK_ID_CITATION " FROM citation WHERE rowid = " r ")" \
	" WHEN 'fx_rate' THEN (SELECT " CHECK_ID_FX_RATE " FROM fx_rate WHERE rowid = " r ")" \
	" WHEN 'claim' THEN (SELECT " CHECK_ID_CLAIM " FROM claim WHERE rowid = " r ")" \
	" ELSE 'rowid ' || " r " END"

/* Every record table with its id column, as SQL: the id, the table (the
 * record's kind) and the id column's name. */
#define CHECK_RECORDS \
	"(SELECT id, 'source' AS kind, 'id' AS col FROM source" \
	" UNION ALL SELECT iso3, 'country', 'iso3' FROM country" \
	" UNION ALL SELECT id, 'bloc', 'id' FROM bloc" \
	" UNION ALL SELECT id, 'actor', 'id' FROM actor" \
	" UNION ALL SELECT id, 'funding', 'id' FROM funding" \
	" UNION ALL SELECT id, 'event', 'id' FROM event" \
	" UNION ALL SELECT id, 'figure', 'id' FROM figure)"

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

/* Each check: what it verifies, and a query returning one line per problem. */
static const struct {
	const char	*what;
	const char	*sql;
} check_rules[] = {
	{ N_("the database file is sound"),
	  "SELECT 'integrity: ' || quick_check FROM pragma_quick_check"
	  " WHERE quick_check <> 'ok'" },
	{ N_("every reference points to a record"),
	  "SELECT printf('%s %s: %s: points to no %s', fk.\"table\","
	  "  " CHECK_ROW_NAME("fk.\"table\"", "fk.rowid") ", f.\"from\", fk.parent)"
	  " FROM pragma_foreign_key_check AS fk"
	  " JOIN pragma_foreign_key_list(fk.\"table\") AS f ON f.id = fk.fkid" },
	{ N_("ids are unique across all tables"),
	  "SELECT printf('%s %s: %s: also the id of a row of %s', a.kind, a.id, a.col,"
	  "  group_concat(b.kind, ', '))"
	  " FROM " CHECK_RECORDS " AS a JOIN " CHECK_RECORDS " AS b"
	  "  ON b.id = a.id AND b.kind <> a.kind GROUP BY a.kind, a.id"
	  " UNION ALL SELECT printf('%s %s: %s: missing from the record registry',"
	  "  t.kind, t.id, t.col)"
	  " FROM " CHECK_RECORDS " AS t WHERE NOT EXISTS"
	  " (SELECT 1 FROM record AS r WHERE r.id = t.id AND r.kind = t.kind)"
	  " UNION ALL SELECT printf('record %s: kind: no %s has this id', r.id, r.kind)"
	  " FROM record AS r WHERE NOT EXISTS"
	  " (SELECT 1 FROM " CHECK_RECORDS " AS t WHERE t.id = r.id)" },
	{ N_("every record cites a source"),
	  "SELECT printf('%s %s: %s: no citation names it', r.kind, r.id,"
	  "  iif(r.kind = 'country', 'iso3', 'id')) FROM record AS r"
	  " WHERE r.kind <> 'source'"
	  " AND NOT EXISTS (SELECT 1 FROM citation AS c WHERE c.subject_id = r.id)" },
	{ N_("a citation's or a claim's field is a column of its record"),
	  "SELECT printf('citation %s: field: ''%s'' is not a column of %s', "
	  CHECK_ID_CITATION ", c.field, r.kind)"
	  " FROM citation AS c JOIN record AS r ON r.id = c.subject_id"
	  " WHERE c.field <> '*'"
	  " AND NOT EXISTS (SELECT 1 FROM pragma_table_xinfo(r.kind) WHERE name = c.field)"
	  " UNION ALL SELECT printf('claim %s: field: ''%s'' is not a column of %s', "
	  CHECK_ID_CLAIM ", c.field, r.kind)"
	  " FROM claim AS c JOIN record AS r ON r.id = c.subject_id"
	  " WHERE NOT EXISTS (SELECT 1 FROM pragma_table_xinfo(r.kind) WHERE name = c.field)" },
	{ N_("every currency has a rate for its year"),
	  "SELECT printf('funding %s: currency: no fx_rate for %s in %s', id, currency,"
	  "  substr(announced_on, 1, 4))"
	  " FROM funding AS f WHERE currency <> 'EUR' AND NOT EXISTS"
	  " (SELECT 1 FROM fx_rate AS r WHERE r.currency = f.currency"
	  "  AND r.year = CAST(substr(f.announced_on, 1, 4) AS INTEGER))"
	  " UNION ALL SELECT printf('funding_party %s: currency: no fx_rate for %s in %s', "
	  CHECK_ID_FUNDING_PARTY ", p.currency, substr(f.announced_on, 1, 4))"
	  " FROM funding_party AS p JOIN funding AS f ON f.id = p.funding_id"
	  " WHERE p.currency <> 'EUR' AND NOT EXISTS"
	  " (SELECT 1 FROM fx_rate AS r WHERE r.currency = p.currency"
	  "  AND r.year = CAST(substr(f.announced_on, 1, 4) AS INTEGER))" },
	{ N_("nested pledges never sum above their parent"),
	  "SELECT printf('funding %s: %s: its parts add up to EUR %.0f, above its own EUR %.0f',"
	  "  whole.id, whole.col, sum(part.eur), whole.eur)"
	  " FROM " CHECK_FUNDING_EUR("amount_high") " AS whole"
	  " JOIN " CHECK_FUNDING_EUR("amount_low") " AS part ON part.parent_id = whole.id"
	  " GROUP BY whole.id HAVING sum(part.eur) > whole.eur * 1.000001" },
	{ N_("dates are well-formed for their precision"),
	  "SELECT NULL WHERE 0"
	  CHECK_DATE("source", "id", "published_on")
	  CHECK_DATE("actor", "id", "founded_on")
	  CHECK_DATE("funding", "id", "announced_on")
	  CHECK_DATE("funding", "id", "horizon_end")
	  CHECK_DATE("event", "id", "date")
	  CHECK_DATE("event", "id", "end_date")
	  CHECK_DATE("bloc_member", CHECK_ID_BLOC_MEMBER, "since")
	  CHECK_DATE("bloc_member", CHECK_ID_BLOC_MEMBER, "until")
	  CHECK_DATE("figure", "id", "as_of")
	  CHECK_DATE("figure", "id", "target_date") },
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
	  CHECK_ID_FUNDING_PARTY ", amount) FROM funding_party WHERE amount <= 0" },
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
	  CHECK_TEXT("figure", "id", "label_en") CHECK_TEXT("figure", "id", "label_fr") },
	{ N_("parent chains have no loop"),
	  CHECK_LOOP("funding") " UNION ALL " CHECK_LOOP("actor") },
	{ NULL, NULL }
};

/* Run every check, reporting each problem. */
int
check_database(sqlite3 *db, check_report_fn report, void *arg, char **cause)
{
	sqlite3_stmt *stmt;
	int i, problems = 0, rc;

	for (i = 0; check_rules[i].what != NULL; i++) {
		if (db_prepare(db, check_rules[i].sql, &stmt, cause) != 0) {
			char *why = *cause;
			*cause = xasprintf(_("cannot check that %s: %s"), _(check_rules[i].what), why);
			free(why);
			return -1;
		}
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			report(arg, (const char *)sqlite3_column_text(stmt, 0));
			problems++;
		}
		if (rc != SQLITE_DONE) {
			*cause = xasprintf(_("cannot check that %s: %s"), _(check_rules[i].what),
			    sqlite3_errmsg(db));
			sqlite3_finalize(stmt);
			return -1;
		}
		sqlite3_finalize(stmt);
	}
	return problems;
}
