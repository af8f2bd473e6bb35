/* The full-text index: building it and turning typed words into queries. */
#include "config.h"
#include "fts.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "kind.h"
#include "record.h"
#include "xmalloc.h"

/* Names, aliases and text of the records that l (%3$s) lists, in both
 * languages, into schema %1$s's full-text tables named from %2$s
 * (record: record_fts, record_text, record_tri): %4$s is whether a
 * record's title is a name, %5$s the CASE of the kind's text. */
static const char fts_build_sql[] =
	"DELETE FROM %1$s.%2$s_fts;"
	"INSERT INTO %1$s.%2$s_fts (id, kind, name, alias, body)"
	" SELECT l.id, l.kind,"
	"  CASE WHEN l.kind IN (%4$s) THEN"
	"   l.name_en || CASE WHEN l.name_fr <> l.name_en THEN ' ' || l.name_fr ELSE '' END END,"
	"  (SELECT group_concat(a.alias, ' ') FROM alias AS a WHERE a.subject_id = l.id),"
	"  CASE l.kind %5$s END"
	" FROM %3$s AS l;"
	"INSERT INTO %1$s.%2$s_fts (%2$s_fts) VALUES ('optimize');"
	"DELETE FROM %1$s.%2$s_text;"
	"INSERT INTO %1$s.%2$s_text (id, text) SELECT id,"
	" coalesce(name, '') || ' ' || coalesce(alias, '') || ' ' || coalesce(body, '')"
	" FROM %1$s.%2$s_fts;"
	"INSERT INTO %1$s.%2$s_tri (%2$s_tri) VALUES ('rebuild');"
	/* The rank the search orders by: names weigh most, then aliases. */
	"INSERT INTO %1$s.%2$s_fts (%2$s_fts, rank) VALUES ('rank', 'bm25(0.0, 0.0, 10.0, 5.0, 1.0)');";

/* The country a match stands for: a country, a state actor or a bloc of
 * one state; NULL for anything else. */
#define FTS_PLACE \
	"CASE f.kind WHEN 'country' THEN f.id" \
	" WHEN 'actor' THEN (SELECT country FROM actor WHERE id = f.id AND kind = 'state')" \
	" WHEN 'bloc' THEN (SELECT stats_iso3 FROM bloc WHERE id = f.id AND kind = 'state') END"

/* Matches ranked by bm25 (the rank fts_build() sets: names weighing most,
 * then aliases, then text), with the records whose notes match (their
 * snippet after ?9, "note: "), each record once at its best rank. The
 * full-text tables order and limit first, so snippets and names are made
 * for the rows shown only. The records that stand for one place (FRA, the
 * state actor france) follow each other at the best rank of any of them,
 * the country first. */
/* The snippet of table's match, when its text is short enough for
 * snippet(), whose time grows with the square of the matches in a text;
 * the start of the text beyond that. */
#define FTS_SNIPPET(table, col, text) \
	"CASE WHEN length(" text ") <= 16384 THEN snippet(" table ", " col ", ?5, ?6, '…', 10)" \
	" ELSE substr(" text ", 1, 60) || '…' END"
/* The whole text of a row of record_fts or user_fts. */
#define FTS_TEXT "coalesce(name, '') || ' ' || coalesce(alias, '') || ' ' || coalesce(body, '')"

const char fts_search_sql[] =
	"SELECT f.id AS id, f.kind AS kind,"
	" CASE ?3 WHEN 'fr' THEN l.name_fr ELSE l.name_en END AS name, f.match AS match,"
	" CASE WHEN " RECORD_DISPUTED("f.id") " THEN ?7 ELSE ?8 END AS disputed"
	" FROM (SELECT id, kind, match, min(rank) AS rank FROM ("
	"  SELECT * FROM (SELECT id, kind, " FTS_SNIPPET("record_fts", "-1", FTS_TEXT) " AS match,"
	"   rank FROM main.record_fts WHERE record_fts MATCH ?1 AND (?2 IS NULL OR kind = ?2)"
	"   ORDER BY rank LIMIT ?4)"
	"  UNION ALL SELECT * FROM (SELECT id, kind,"
	"   " FTS_SNIPPET("user_fts", "-1", FTS_TEXT) " AS match, rank"
	"   FROM temp.user_fts WHERE user_fts MATCH ?1 AND (?2 IS NULL OR kind = ?2)"
	"   ORDER BY rank LIMIT ?4)"
	"  UNION ALL SELECT * FROM (SELECT id, kind,"
	"   ?9 || " FTS_SNIPPET("note_fts", "2", "body") " AS match, rank"
	"   FROM temp.note_fts WHERE note_fts MATCH ?1 AND (?2 IS NULL OR kind = ?2)"
	"   ORDER BY rank LIMIT ?4))"
	"  GROUP BY id ORDER BY rank LIMIT ?4) AS f"
	" JOIN record_label AS l ON l.id = f.id"
	" ORDER BY min(f.rank) OVER (PARTITION BY coalesce(" FTS_PLACE ", f.id)),"
	"  coalesce(" FTS_PLACE ", f.id), f.kind <> 'country', f.rank, f.id";

/* Matches of a regular expression over the same text, or over the user's
 * notes on a record, in name order. */
const char fts_regex_sql[] =
	"SELECT id, kind, name, disputed FROM ("
	" SELECT t.id AS id, l.kind AS kind,"
	"  CASE ?3 WHEN 'fr' THEN l.name_fr ELSE l.name_en END AS name,"
	"  CASE WHEN " RECORD_DISPUTED("t.id") " THEN ?7 ELSE ?8 END AS disputed"
	"  FROM record_text AS t JOIN record_label AS l ON l.id = t.id"
	"  WHERE (?5 IS NULL OR t.id IN " FTS_TRIGRAMS("?5") ")"
	"  AND regexp(?1, t.text) AND (?2 IS NULL OR l.kind = ?2)"
	" UNION SELECT l.id, l.kind, CASE ?3 WHEN 'fr' THEN l.name_fr ELSE l.name_en END,"
	"  CASE WHEN " RECORD_DISPUTED("l.id") " THEN ?7 ELSE ?8 END"
	"  FROM user.note AS n JOIN record_label AS l ON l.id = n.subject_id"
	"  WHERE regexp(?1, n.body) AND (?2 IS NULL OR l.kind = ?2))"
	" ORDER BY kind, name, id LIMIT ?4";

/* The user's notes in a full-text table of their own, made again before
 * each search (they are few, and change while the explorer runs): schema
 * temp, as the bundled image cannot be written. */
static const char fts_notes_sql[] =
	"CREATE VIRTUAL TABLE IF NOT EXISTS temp.note_fts USING fts5("
	" id UNINDEXED, kind UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2');"
	"DELETE FROM temp.note_fts;"
	"INSERT INTO temp.note_fts (id, kind, body) SELECT n.subject_id, r.kind, n.body"
	" FROM user.note AS n JOIN record AS r ON r.id = n.subject_id";

/* Marks for people: matched words in «», a disputed record ⚑. */
const struct fts_marks fts_marks_human = { "«", "»", "⚑", NULL };
/* Marks for data: matched words as they are, disputed yes or no. */
const struct fts_marks fts_marks_data = { "", "", "yes", "no" };

/* Prepare a search, its parameters bound (see fts.h). */
sqlite3_stmt *
fts_prepare(sqlite3 *db, const char *query, int regex, const char *kind, const char *lang,
    long limit, const struct fts_marks *marks, char **cause)
{
	sqlite3_stmt *stmt;
	char *literal;

	if (!regex && db_exec(db, fts_notes_sql, cause) != 0)
		return NULL;
	if (sqlite3_prepare_v2(db, regex ? fts_regex_sql : fts_search_sql, -1, &stmt,
	    NULL) != SQLITE_OK) {
		*cause = xstrdup(sqlite3_errmsg(db));
		return NULL;
	}
	sqlite3_bind_text(stmt, 1, query, -1, SQLITE_TRANSIENT);
	if (kind != NULL)
		sqlite3_bind_text(stmt, 2, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, lang, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 4, limit);
	sqlite3_bind_text(stmt, 7, marks->yes, -1, SQLITE_STATIC);
	if (marks->no != NULL)
		sqlite3_bind_text(stmt, 8, marks->no, -1, SQLITE_STATIC);
	if (!regex) {
		sqlite3_bind_text(stmt, 5, marks->open, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 6, marks->close, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 9, _("note: "), -1, SQLITE_STATIC);
	} else if ((literal = fts_literal_query(query)) != NULL)
		sqlite3_bind_text(stmt, 5, literal, -1, free);
	return stmt;
}

/* Fill schema's full-text tables named from name with the records that
 * labels lists, as the registry says what of each is searched. */
static int
fts_fill(sqlite3 *db, const char *schema, const char *name, const char *labels,
    char **cause)
{
	char *named, *text, *sql;
	int rc;

	named = kind_each("'$k'", ", ", KIND_RECORD | KIND_NAMED);
	text = kind_each("WHEN '$k' THEN (SELECT $x FROM $t WHERE $i = l.id)", " ",
	    KIND_RECORD | KIND_TEXT);
	sql = xasprintf(fts_build_sql, schema, name, labels, named, text);
	rc = db_exec(db, sql, cause);
	free(sql);
	free(text);
	free(named);
	return rc;
}

/* The most words and phrases a query holds: more narrow nothing that
 * people search for, and each costs every match its time. */
#define FTS_MAX_TERMS 32

/* Fill record_fts from every record table. */
int
fts_build(sqlite3 *db, char **cause)
{
	return fts_fill(db, "main", "record", "record_label", cause);
}

/* Fill the user's full-text tables from their records. */
int
fts_build_user(sqlite3 *db, char **cause)
{
	return fts_fill(db, "temp", "user",
	    "(SELECT * FROM record_label WHERE id IN (SELECT id FROM user.record))", cause);
}

/* The longest term a query keeps, in bytes. */
#define FTS_MAX_TERM 256

/* Append s to the query q, allocated by fts_query() for the longest. */
static void
fts_append(char **q, size_t *len, const char *s, size_t n)
{
	memcpy(*q + *len, s, n);
	*len += n;
	(*q)[*len] = '\0';
}

/* Whether the n bytes at p were typed before, as a word or a phrase as
 * phrase says, in the first at bytes of typed. */
static int
fts_repeated(const char *typed, size_t at, const char *p, size_t n, int phrase)
{
	const char *t = typed, *end;
	size_t m;
	int quoted;

	while (t < typed + at) {
		t += strspn(t, " \t\n\r");
		if (t >= typed + at)
			break;
		if ((quoted = *t == '"'))
			t++;
		end = quoted ? strchr(t, '"') : NULL;
		m = quoted ? (end == NULL ? strlen(t) : (size_t)(end - t)) : strcspn(t, " \t\n\r");
		if (quoted == phrase && m == n && memcmp(t, p, n) == 0)
			return 1;
		t += m + (quoted && t[m] == '"');
	}
	return 0;
}

/* Append the typed words to q as quoted terms, as prefixes or not;
 * phrases in quotes stay whole either way, and a word or phrase typed
 * twice counts once. Returns how many words and phrases, or -1 past
 * FTS_MAX_TERMS. */
static int
fts_terms(const char *typed, int prefix, char **q, size_t *len)
{
	const char *p = typed, *end;
	size_t n, i, take;
	int phrase, words = 0, terms = 0;

	while (*p != '\0') {
		p += strspn(p, " \t\n\r");
		if (*p == '\0')
			break;
		phrase = *p == '"';
		if (phrase) {
			p++;
			end = strchr(p, '"');
			n = end == NULL ? strlen(p) : (size_t)(end - p);
		} else
			n = strcspn(p, " \t\n\r");
		if (n > 0 && !fts_repeated(typed, (size_t)(p - phrase - typed), p, n, phrase)) {
			if (++terms > FTS_MAX_TERMS)
				return -1;
			if (*len > 0 && (*q)[*len - 1] != '(')
				fts_append(q, len, " ", 1);
			fts_append(q, len, "\"", 1);
			/* No indexed word is longer: a longer one matches nothing
			 * either way, and costs the index time. */
			take = n > FTS_MAX_TERM ? FTS_MAX_TERM : n;
			/* Cut before a character, not inside; text that is not
			 * UTF-8 may have none to cut before. */
			while (take > 0 && take < n && ((unsigned char)p[take] & 0xc0) == 0x80)
				take--;
			/* Inside an FTS5 string a quote is doubled; nothing else is special. */
			for (i = 0; i < take; i++)
				fts_append(q, len, p[i] == '"' ? "\"\"" : p + i, p[i] == '"' ? 2 : 1);
			fts_append(q, len, "\"*", phrase || !prefix ? 1 : 2);
			words += !phrase;
		}
		p += n;
		if (phrase && *p == '"')
			p++;
	}
	return words;
}

/*
 * Turn typed words into an FTS5 query: every word must match, as itself or
 * as the start of a longer word. Records where the words match whole match
 * both halves of "(exact) OR (prefixes)", so bm25 ranks them first: "AI
 * Act" puts the AI Act before the AI Action Summit.
 */
char *
fts_query(const char *typed, char **cause)
{
	/* Each pass writes at most two bytes a byte, and four around a word. */
	char *q = xmalloc(12 * strlen(typed) + 32);
	size_t len = 0;

	int words;

	fts_append(&q, &len, "(", 1);
	if ((words = fts_terms(typed, 0, &q, &len)) < 0) {
		free(q);
		*cause = xasprintf(_("more than %d words and phrases"), FTS_MAX_TERMS);
		return NULL;
	}
	if (words > 0) {
		fts_append(&q, &len, ") OR (", 6);
		fts_terms(typed, 1, &q, &len);
	}
	fts_append(&q, &len, ")", 1);
	if (len == 2) {
		free(q);
		*cause = xstrdup(_("nothing to search for"));
		return NULL;
	}
	return q;
}

/* The ']' that ends a POSIX class like [:digit:] opening at p (p[1] is
 * ':', '.' or '='), as PCRE2 reads it: NULL if another ']' or '[' and
 * p[1] comes first, and the '[' is then a member like any other. */
static const char *
fts_posix_end(const char *p)
{
	char t = p[1];

	for (p += 2; *p != '\0'; p++) {
		if (*p == '\\' && (p[1] == ']' || p[1] == '\\'))
			p++;
		else if ((*p == '[' && p[1] == t) || *p == ']')
			return NULL;
		else if (*p == t && p[1] == ']')
			return p + 1;
	}
	return NULL;
}

/* The ']' that closes the character class opening at p, as PCRE2 reads
 * it (a ']' first or after '^' is a member, as are escapes, \cX, what
 * \Q...\E quotes and POSIX classes like [:digit:]); NULL when the class
 * never closes. */
static const char *
fts_class_end(const char *p)
{
	const char *end;

	p++;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p != '\0'; p++) {
		if (*p == '\\' && p[1] == 'Q') {
			if ((p = strstr(p + 2, "\\E")) == NULL)
				return NULL;
			p++;
		} else if (*p == '\\') {
			/* \cX is one character: X is not read as itself. */
			if (*++p == 'c' && *++p == '\0')
				return NULL;
			if (*p == '\0')
				return NULL;
		} else if (*p == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=') &&
		    (end = fts_posix_end(p)) != NULL) {
			p = end;
		} else if (*p == ']')
			return p;
	}
	return NULL;
}

/*
 * The longest run of plain characters that every match of pattern holds,
 * if it can be known simply: outside any group or class, with no
 * alternation, no escape but \b \d \s \w and their capitals, no inline
 * option but a leading (?i), no verb like (*ACCEPT), and not made optional
 * by a quantifier. Trigram matching ignores case, so what it finds is
 * always a superset of what the pattern matches.
 */
char *
fts_literal_query(const char *pattern)
{
	const char *p = pattern, *run = NULL, *best = NULL;
	size_t best_len = 0, len, i;
	int depth = 0;
	char *q;

	if (strncmp(p, "(?i)", 4) == 0)
		p += 4;
	if (strchr(p, '|') != NULL || strstr(p, "(?") != NULL || strstr(p, "(*") != NULL)
		return NULL;
	for (; ; p++) {
		int plain = *p != '\0' && depth == 0 &&
		    strchr("\\.[](){}?*+|^$", *p) == NULL;

		if (plain) {
			if (run == NULL)
				run = p;
			continue;
		}
		if (run != NULL) {
			len = (size_t)(p - run);
			/* A quantifier that allows none takes the last character away. */
			if (*p == '?' || *p == '*' || *p == '{')
				len = len > 0 ? len - 1 : 0;
			if (len > best_len) {
				best = run;
				best_len = len;
			}
			run = NULL;
		}
		if (*p == '\0')
			break;
		if (*p == '\\') {
			/* Character types are simple; other escapes stand for text. */
			if (p[1] == '\0' || strchr("bBdDsSwW", p[1]) == NULL)
				return NULL;
			p++;
		} else if (*p == '{') {
			/* A quantifier {n}, {n,} or {n,m} is skipped; any other
			 * '{' is a literal whose text PCRE2 goes on reading as
			 * pattern (groups too), so give up. */
			len = strspn(p + 1, "0123456789");
			if (len == 0)
				return NULL;
			p += 1 + len;
			if (*p == ',')
				p += 1 + strspn(p + 1, "0123456789");
			if (*p != '}')
				return NULL;
		} else if (*p == '[') {
			if ((p = fts_class_end(p)) == NULL)
				return NULL;
		} else if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
	}
	/* Three characters make a trigram; count characters, not bytes. */
	for (i = 0, len = 0; i < best_len; i++) {
		if (((unsigned char)best[i] & 0xc0) != 0x80)
			len++;
	}
	if (len < 3)
		return NULL;
	q = xmalloc(best_len * 2 + 3);
	len = 0;
	q[len++] = '"';
	for (i = 0; i < best_len; i++) {
		if (best[i] == '"')
			q[len++] = '"';
		q[len++] = best[i];
	}
	q[len++] = '"';
	q[len] = '\0';
	return q;
}
