/* Places named by what was typed: "france us eu" names France, the United
 * States and the European Union, which can then be compared at once. */
#include "config.h"
#include "named.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "fts.h"
#include "kind.h"
#include "match.h"
#include "merge.h"
#include "strbuf.h"
#include "xmalloc.h"

/* One kind's records whose name (English or French) or an alias is ?1
 * (folded), among those whose names hold the words ?2 (an index lookup:
 * %s, fts_matching()); $s orders the kinds as search does (a country
 * before its bloc). */
static const char named_kind_tmpl[] =
	"SELECT $i, '$k', $s, CASE ?3 WHEN 'fr' THEN coalesce($f, $e) ELSE $e END FROM $t"
	" WHERE $i IN %s"
	" AND (?1 IN (fold($e), fold($f)) OR EXISTS (SELECT 1 FROM alias AS a"
	"  WHERE a.subject_id = $i AND fold(a.alias) = ?1))";

/* The statement that finds what one item names in db, made from the
 * registry once for the bundled records, once with the user's. */
static const char *
named_sql(sqlite3 *db)
{
	static char *sql[2];
	char *ids, *tmpl, *each;
	int mine = merge_mine(db);

	if (sql[mine] == NULL) {
		ids = fts_matching(db, "?2");
		tmpl = xasprintf(named_kind_tmpl, ids);
		each = kind_each(tmpl, " UNION ALL ", KIND_RECORD | KIND_PROPER);
		sql[mine] = xasprintf("SELECT * FROM (%s) ORDER BY 3, 1 LIMIT 1", each);
		free(each);
		free(tmpl);
		free(ids);
	}
	return sql[mine];
}

/* The items of what was typed: split at commas if it has one, else at
 * spaces; each folded, its spaces made single. NULL-terminated; freed by
 * named_free_items(). */
static char **
named_items(const char *typed, int *n)
{
	const char *sep = strchr(typed, ',') != NULL ? "," : " \t";
	char *folded = match_fold_text(typed), *p = folded, **items;
	size_t len;

	items = xcalloc(strlen(typed) + 1, sizeof *items);
	*n = 0;
	while (*p != '\0') {
		p += strspn(p, sep);
		len = strcspn(p, sep);
		while (len > 0 && strchr(" \t", *p) != NULL)
			p++, len--;
		while (len > 0 && strchr(" \t", p[len - 1]) != NULL)
			len--;
		if (len > 0)
			items[(*n)++] = xstrndup(p, len);
		p += strcspn(p, sep);
	}
	free(folded);
	return items;
}

/* Free the items of named_items(). */
static void
named_free_items(char **items, int n)
{
	while (n-- > 0)
		free(items[n]);
	free(items);
}

/* The FTS5 query of one item: its words as one phrase, in the names. */
static char *
named_phrase(const char *item)
{
	struct strbuf sb = { 0 };
	const char *p;

	strbuf_add(&sb, "{name alias} : \"");
	for (p = item; *p != '\0'; p++)
		strbuf_addn(&sb, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
	strbuf_add(&sb, "\"");
	return strbuf_finish(&sb);
}

/* Find the record that item names into set; 1 if found, 0 if not, -1 on
 * a database error. */
static int
named_one(sqlite3 *db, sqlite3_stmt *stmt, const char *item, struct named *set)
{
	const struct kind *k;
	int rc, i;

	sqlite3_reset(stmt);
	sqlite3_bind_text(stmt, 1, item, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, named_phrase(item), -1, free);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : -1;
	k = kind_find(db_text(stmt, 1));
	if (k == NULL || k->compare != KIND_COMPARE_PLACE)
		return 0;
	for (i = 0; i < set->n; i++)
		if (strcmp(set->ids[i], db_text(stmt, 0)) == 0)
			return 0;	/* named twice: no set of places */
	set->ids[set->n] = xstrdup(db_text(stmt, 0));
	set->names[set->n] = xstrdup(db_text(stmt, 3));
	set->n++;
	(void)db;
	return 1;
}

/* Find the places typed (see named.h). */
int
named_find(sqlite3 *db, const char *typed, const char *lang, struct named *set)
{
	sqlite3_stmt *stmt;
	char **items;
	int n, i, rc = 1;

	memset(set, 0, sizeof *set);
	items = named_items(typed, &n);
	if (n < 2 || n > NAMED_MAX) {
		named_free_items(items, n);
		return 0;
	}
	if (sqlite3_prepare_v2(db, named_sql(db), -1, &stmt, NULL) != SQLITE_OK) {
		named_free_items(items, n);
		return -1;
	}
	sqlite3_bind_text(stmt, 3, lang, -1, SQLITE_TRANSIENT);
	for (i = 0; i < n && rc == 1; i++)
		rc = named_one(db, stmt, items[i], set);
	sqlite3_finalize(stmt);
	named_free_items(items, n);
	if (rc != 1)
		named_free(set);
	return rc;
}

/* Forget a set. */
void
named_free(struct named *set)
{
	while (set->n > 0) {
		set->n--;
		free(set->ids[set->n]);
		free(set->names[set->n]);
	}
}
