/* The full-text index: building it and turning typed words into queries. */
#include "config.h"
#include "fts.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "kind.h"
#include "match.h"
#include "merge.h"
#include "record.h"
#include "strbuf.h"
#include "text.h"
#include "trigrams-apart.h"
#include "xmalloc.h"

/* A row of the table of text is numbered from its kind's place among
 * search results (the registry's search order), shifted by these bits:
 * search orders its matches by kind from their rowids, without reading
 * every matching row for its kind. */
#define FTS_PLACE_BITS 40
#define FTS_STRING(x) #x
#define FTS_DIGITS(x) FTS_STRING(x)
#define FTS_PLACE_SHIFT FTS_DIGITS(FTS_PLACE_BITS)
/* The kind's place of row r of a table of text. */
#define FTS_PLACE_OF(r) "(" r " >> " FTS_PLACE_SHIFT ")"
/* Whether row r of a table of text is of the kind searched: its rowid
 * between ?12 and ?13 (fts_bind()), a range FTS5 reads the index by, where
 * its kind would be read from the row. */
#define FTS_OF_KIND(r) r " BETWEEN ?12 AND ?13"

/* The names of record l, English and French, and its aliases (of the
 * table alias, after fts_text_sql's %8$s), folded, each between
 * separators a typed name is compared with whole or as a start
 * (FTS_NAME_TIER): "\037en\037fr\037\036alias\036alias\036". */
#define FTS_NAMES(l) \
	"char(31) || fold(" l ".name_en) || char(31) || fold(" l ".name_fr) || char(31) ||" \
	" coalesce((SELECT group_concat(char(30) || fold(a.alias), '') FROM %8$salias AS a" \
	"  WHERE a.subject_id = " l ".id), '') || char(30)"

/* A record l's aliases, joined by spaces (%8$s: fts_text_sql's). */
#define FTS_ALIASES "(SELECT group_concat(a.alias, ' ') FROM %8$salias AS a WHERE a.subject_id = l.id)"
/* A record l's row of the table of text, after its rowid: id, kind, name,
 * alias, body (the parameters of fts_text_sql; l as %5$s lists them). */
#define FTS_TEXT_ROW \
	" l.id, l.kind, CASE WHEN l.kind IN (%4$s) THEN" \
	"  l.name_en || CASE WHEN l.name_fr <> l.name_en THEN ' ' || l.name_fr ELSE '' END END," \
	" " FTS_ALIASES ", l.body"
/* The first rowid of a record of l's kind (row_number() is added to it). */
#define FTS_KIND_ROWID "((CASE l.kind %6$s END) << " FTS_PLACE_SHIFT ")"
/* The words of the index %1$s.%2$s_fts, as its vocabulary table lists
 * them, into %2$s_word. */
#define FTS_VOCABULARY \
	"CREATE VIRTUAL TABLE IF NOT EXISTS temp.%2$s_vocab USING fts5vocab('%1$s', '%2$s_fts', 'row');" \
	"DELETE FROM %1$s.%2$s_word;" \
	"INSERT INTO %1$s.%2$s_word SELECT term FROM temp.%2$s_vocab;" \
	"DROP TABLE temp.%2$s_vocab;"

/* Names, aliases and text of the records that l (%3$s) lists, in both
 * languages, into schema %1$s's table of text named from %2$s (record:
 * record_text), its full-text indexes (record_fts, record_tri) made from
 * it, the words of the first (record_word) and the proper names folded
 * (record_name, FTS_NAMES): %4$s is whether a record's title is a name,
 * %5$s the same records each with its text, which the table of text is
 * read from (fts_labels_text(): looked up by id, the text was a second
 * read of each record's row), %6$s the WHEN kind THEN place of each
 * kind (each row numbered as FTS_PLACE_SHIFT says), %7$s the kinds whose
 * titles are proper names, %8$s what the records' tables are read from
 * ("" for their bare names, "user." for the user's own). Each index is
 * made whole from the text, then merged once: left to merge as it grows,
 * it would merge the same entries again and again. In three parts, which
 * fts_fill() runs in turn (FTS_PART_TEXT...): the text, the word index
 * and the trigram index; the last two use only %1$s and %2$s. */
static const char fts_text_sql[] =
	"DELETE FROM %1$s.%2$s_text;"
	"INSERT INTO %1$s.%2$s_text (rowid, id, kind, name, alias, body)"
	" SELECT " FTS_KIND_ROWID " + row_number() OVER ()," FTS_TEXT_ROW
	" FROM %5$s AS l;"
	"DELETE FROM %1$s.%2$s_name;"
	"INSERT INTO %1$s.%2$s_name (row, names) SELECT t.rowid, " FTS_NAMES("l")
	" FROM %1$s.%2$s_text AS t JOIN %3$s AS l ON l.id = t.id WHERE t.kind IN (%7$s);";
static const char fts_words_sql[] =
	"INSERT INTO %1$s.%2$s_fts (%2$s_fts, rank) VALUES ('automerge', 0);"
	/* Words gathered in memory before each segment is written: 16 MB
	 * rather than FTS5's 1 MB makes a sixteenth of the segments to merge
	 * (the rebuild at a million records: 55 s -> 35 s, 20 MB more). Set
	 * back after, then dropped from the settings (fts_forget_hashsize()). */
	"INSERT INTO %1$s.%2$s_fts (%2$s_fts, rank) VALUES ('hashsize', 16777216);"
	"INSERT INTO %1$s.%2$s_fts (%2$s_fts) VALUES ('rebuild');"
	"INSERT INTO %1$s.%2$s_fts (%2$s_fts) VALUES ('optimize');"
	"INSERT INTO %1$s.%2$s_fts (%2$s_fts, rank) VALUES ('hashsize', 1048576);"
	"INSERT INTO %1$s.%2$s_fts (%2$s_fts, rank) VALUES ('automerge', 4);"
	FTS_VOCABULARY
	/* The rank the search orders by: names weigh most, then aliases. */
	"INSERT INTO %1$s.%2$s_fts (%2$s_fts, rank) VALUES ('rank', 'bm25(0.0, 0.0, 10.0, 5.0, 1.0)');";
/* The trigram index made the same way, with FTS5's own hash size (1 MB):
 * 16 MB made a rebuild no faster (a million records in the shell: 43.5
 * and 56.8 s against 45.4 and 46.5 s), where it makes adding rows faster
 * (fts_refresh_sql). */
static const char fts_tri_sql[] =
	"INSERT INTO %1$s.%2$s_tri (%2$s_tri, rank) VALUES ('automerge', 0);"
	"INSERT INTO %1$s.%2$s_tri (%2$s_tri) VALUES ('rebuild');"
	"INSERT INTO %1$s.%2$s_tri (%2$s_tri) VALUES ('optimize');"
	"INSERT INTO %1$s.%2$s_tri (%2$s_tri, rank) VALUES ('automerge', 4);";

/*
 * The same tables brought in step with the records that l lists, with the
 * parameters of fts_text_sql, after some of those temp.fts_changed names
 * were added, removed or given other aliases (fts_note_changes()): their
 * rows of text gone or changed are taken out of the indexes (FTS5's
 * 'delete', given the text they were made from), then those not in the
 * table of text (by the table of record ids) are added to it, numbered
 * after the highest number of any kind (%9$s: each kind's,
 * fts_kinds_highest()), and to the indexes. Only the ids noted are looked
 * up: comparing every id read a million of them twice (0.6 s). A test of
 * l's id against a list is made in each of its tables, through their
 * keys. The vocabulary is read again only when rows are added: a word of
 * no row left matches nothing.
 */
static const char fts_refresh_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS fts_stale (row INTEGER PRIMARY KEY);"
	"DELETE FROM temp.fts_stale;"
	"INSERT INTO temp.fts_stale SELECT t.rowid FROM %1$s.%2$s_text AS t"
	" WHERE t.id IN (SELECT id FROM temp.fts_changed)"
	" AND (NOT EXISTS (SELECT 1 FROM %8$srecord AS r WHERE r.id = t.id)"
	"  OR t.alias IS NOT (SELECT group_concat(a.alias, ' ') FROM %8$salias AS a"
	"   WHERE a.subject_id = t.id));"
	"INSERT INTO %1$s.%2$s_fts (%2$s_fts, rowid, id, kind, name, alias, body)"
	" SELECT 'delete', rowid, id, kind, name, alias, body FROM %1$s.%2$s_text"
	" WHERE rowid IN (SELECT row FROM temp.fts_stale);"
	"INSERT INTO %1$s.%2$s_tri (%2$s_tri, rowid, text)"
	" SELECT 'delete', rowid, text FROM %1$s.%2$s_text WHERE rowid IN (SELECT row FROM temp.fts_stale);"
	"DELETE FROM %1$s.%2$s_name WHERE row IN (SELECT row FROM temp.fts_stale);"
	"DELETE FROM %1$s.%2$s_text WHERE rowid IN (SELECT row FROM temp.fts_stale);"
	"DROP TABLE temp.fts_stale;"
	/* What is added: numbered after the highest number of any kind. */
	"CREATE TEMP TABLE IF NOT EXISTS fts_new (id TEXT PRIMARY KEY) WITHOUT ROWID;"
	"DELETE FROM temp.fts_new;"
	"INSERT INTO temp.fts_new SELECT r.id FROM %8$srecord AS r"
	" WHERE r.id IN (SELECT id FROM temp.fts_changed)"
	" AND r.id NOT IN (SELECT id FROM %1$s.%2$s_text);"
	"CREATE TEMP TABLE IF NOT EXISTS fts_base (n INTEGER NOT NULL);"
	"DELETE FROM temp.fts_base;"
	"INSERT INTO temp.fts_base SELECT max(0, %9$s);"
	"INSERT INTO %1$s.%2$s_text (rowid, id, kind, name, alias, body)"
	" SELECT " FTS_KIND_ROWID " + (SELECT n FROM temp.fts_base) + row_number() OVER (),"
	FTS_TEXT_ROW " FROM %5$s AS l WHERE l.id IN (SELECT id FROM temp.fts_new);"
	"CREATE TEMP TABLE IF NOT EXISTS fts_added (row INTEGER PRIMARY KEY);"
	"DELETE FROM temp.fts_added;"
	"INSERT INTO temp.fts_added SELECT rowid FROM %1$s.%2$s_text"
	" WHERE id IN (SELECT id FROM temp.fts_new);"
	/* l's kind tested too: SQLite then reads only the tables of those
	 * kinds, where it looked up every added record's text to read its
	 * kind (the million of one's own imported at once: 7.3 s; 200,000
	 * 1.4 -> 0.7 s). */
	"INSERT INTO %1$s.%2$s_name (row, names) SELECT t.rowid, " FTS_NAMES("l")
	" FROM %3$s AS l JOIN %1$s.%2$s_text AS t ON t.id = l.id"
	" WHERE l.id IN (SELECT id FROM temp.fts_new) AND l.kind IN (%7$s)"
	" AND t.kind IN (%7$s);";
/* Then the rows added, into the word index and the trigram index (schema
 * and name, as above). */
static const char fts_refresh_words_sql[] =
	"INSERT INTO %1$s.%2$s_fts (%2$s_fts, rank) VALUES ('hashsize', 16777216);"
	"INSERT INTO %1$s.%2$s_fts (rowid, id, kind, name, alias, body)"
	" SELECT rowid, id, kind, name, alias, body FROM %1$s.%2$s_text"
	" WHERE rowid IN (SELECT row FROM temp.fts_added);"
	"INSERT INTO %1$s.%2$s_fts (%2$s_fts, rank) VALUES ('hashsize', 1048576);";
/* 16 MB of trigrams before each segment, as for the words: adding
 * 400,000, 300,000 and 300,000 records, 51 s -> 43 s. */
static const char fts_refresh_tri_sql[] =
	"INSERT INTO %1$s.%2$s_tri (%2$s_tri, rank) VALUES ('hashsize', 16777216);"
	"INSERT INTO %1$s.%2$s_tri (rowid, text)"
	" SELECT rowid, text FROM %1$s.%2$s_text WHERE rowid IN (SELECT row FROM temp.fts_added);"
	"INSERT INTO %1$s.%2$s_tri (%2$s_tri, rank) VALUES ('hashsize', 1048576);";
/* Whether every row of the user's text was added (count(*) reads the
 * smallest index of the table of text). */
static const char fts_all_added_sql[] =
	"SELECT (SELECT count(*) FROM user.user_text) = (SELECT count(*) FROM temp.fts_added)";
/* The fewest rows added, all the rows there are, for which the trigram
 * index is made apart, on the other core, while the words are added
 * (trigrams_apart_start()). Actors imported into a new user database, in
 * turn with the index made in place: 20,000 2.3 to 3.2 s either way;
 * 50,000 8.7 to 8.9 s -> 7.4 to 7.8 s; 400,000 58.2 s -> 43.8 and 44.4 s. */
#define FTS_TRIGRAMS_APART_ROWS	20000
/* How many rows fts_refresh_sql added: their words are then read
 * (fts_words_added()); then what it leaves in temp, dropped. */
static const char fts_refresh_added_sql[] =
	"SELECT count(*) FROM temp.fts_added";
static const char fts_words_again_sql[] = FTS_VOCABULARY;
/* The share of the rows there were (1/20) past which the whole vocabulary
 * is read again rather than the added rows' words. At the million records
 * of the user's own, in the shell: reading it all 3.0 s; the words of
 * 10,000 added rows 0.36 s, of 50,000 2.6 s, of 100,000 5.0 s. */
#define FTS_WORDS_ADDED_SHARE 20
/* The words of the rows fts_refresh_sql added, into the user's vocabulary:
 * read from a full-text table of those rows alone, made in temp as the
 * user's index is made (%s: its statement, named fts_added_words, whose
 * text is given and never read back). */
static const char fts_words_added_sql[] =
	"%s;"
	"INSERT INTO temp.fts_added_words (rowid, id, kind, name, alias, body)"
	" SELECT rowid, id, kind, name, alias, body FROM user.user_text"
	" WHERE rowid IN (SELECT row FROM temp.fts_added);"
	"CREATE VIRTUAL TABLE temp.fts_added_vocab USING fts5vocab('temp', 'fts_added_words', 'row');"
	"INSERT OR IGNORE INTO user.user_word SELECT term FROM temp.fts_added_vocab;"
	"DROP TABLE temp.fts_added_vocab;"
	"DROP TABLE temp.fts_added_words;";
static const char fts_refresh_done_sql[] =
	"DROP TABLE temp.fts_added; DROP TABLE temp.fts_base; DROP TABLE temp.fts_new;"
	"DROP TABLE temp.fts_changed;";

/* The country a match stands for: a country, a state actor or a bloc of
 * one state; NULL for anything else. */
#define FTS_PLACE(kind, id) \
	"CASE " kind " WHEN 'country' THEN " id \
	" WHEN 'actor' THEN (SELECT country FROM actor WHERE id = " id " AND kind = 'state')" \
	" WHEN 'bloc' THEN (SELECT stats_iso3 FROM bloc WHERE id = " id " AND kind = 'state') END"

/* The snippet of table's match, when its text (of size bytes) is short
 * enough for snippet(), whose time grows with the square of the matches
 * in a text; the start of the text beyond that. */
#define FTS_SNIPPET(table, col, text, size) \
	"CASE WHEN " size " <= 16384 THEN snippet(" table ", " col ", ?5, ?6, '…', 10)" \
	" ELSE substr(" text ", 1, 60) || '…' END"
/* The size in bytes of a text column, 0 when NULL: read as a blob, its
 * length is not counted character by character. */
#define FTS_SIZE(col) "coalesce(length(CAST(" col " AS BLOB)), 0)"
/* The whole text of a row of record_fts or user_fts, and its size, added
 * up without making it (a rare word at a million records: 0.4 M
 * instructions of 22). */
#define FTS_TEXT "coalesce(name, '') || ' ' || coalesce(alias, '') || ' ' || coalesce(body, '')"
#define FTS_TEXT_SIZE FTS_SIZE("name") " + " FTS_SIZE("alias") " + " FTS_SIZE("body")

/* The tier of a row of table name that matched in its names or aliases,
 * as FTS_TIER says (0 to 3), from its names folded in table names
 * (FTS_NAMES, by rowid: a small table, where the row of text is large):
 * what was typed (?10, folded) is an English or French name or an alias
 * of a record of a kind whose titles are proper names (places %1$s); or
 * such a name starts with it; or not; or the record is of another kind. */
#define FTS_NAME_TIER(name, names) \
	"CASE WHEN " FTS_PLACE_OF(name ".rowid") " IN (%1$s) THEN coalesce((SELECT CASE" \
	" WHEN instr(n.names, char(31) || ?10 || char(31))" \
	"  OR instr(n.names, char(30) || ?10 || char(30)) THEN 0" \
	" WHEN instr(n.names, char(31) || ?10) THEN 1 ELSE 2 END" \
	" FROM " names " AS n WHERE n.row = " name ".rowid), 2) ELSE 3 END"
/*
 * The tier of a match in table (schema.name, its names folded in table
 * names): 0 a proper name (of a kind in %1$s: a country, a bloc, an
 * actor) or one of its aliases is what was typed; 1 the name starts with
 * it; 2 the words are in the name or aliases; 3 they are in
 * another kind's title or aliases; 4 they are only in the text. A name
 * that is what was typed, or starts with it, holds its words: names are
 * compared only for the matches in names and aliases (one lookup of the
 * rowid), not for every match.
 */
#define FTS_TIER(schema, name, names) \
	"CASE WHEN " name ".rowid IN (SELECT rowid FROM " schema "." name \
	"  WHERE " name " MATCH '{name alias} : (' || ?1 || ')')" \
	" THEN " FTS_NAME_TIER(name, names) " ELSE 4 END"
/* A kind's place among results of one tier (%1$s: WHEN kind THEN place). */
#define FTS_KIND_ORDER(kind) "CASE " kind " %1$s END"
/* The matches of a full-text table (source src), best first, as many as
 * the limit, each with its snippet: SQLite makes one only for a match
 * that is among the best so far. */
#define FTS_MATCHES(schema, name, src, names) \
	"SELECT * FROM (SELECT " name ".rowid AS r, " src " AS src, id, kind," \
	" rank, " FTS_TIER(schema, name, names) " AS tier, " FTS_PLACE_OF(name ".rowid") " AS place," \
	" " FTS_SNIPPET(name, "-1", FTS_TEXT, FTS_TEXT_SIZE) " AS snip" \
	" FROM " schema "." name " WHERE " name " MATCH ?1 AND " FTS_OF_KIND(name ".rowid") \
	" ORDER BY tier, place, rank LIMIT ?4)"
/* Results f in the order of their places (pos), the records that stand
 * for one place (f.grp: FRA, the state actor france) following each
 * other at the best place of any of them, the country first. The others
 * (f.grp NULL) are one partition of the window, not one each: a
 * partition is a table cleared and filled (a rare word at a million
 * records: 0.6 M instructions of 21). */
#define FTS_PLACE_ORDER \
	" ORDER BY CASE WHEN f.grp IS NULL THEN f.pos" \
	" ELSE min(f.pos) OVER (PARTITION BY f.grp) END, f.grp, f.kind <> 'country', f.pos"

/* What a search shows of its matches (numbered pos, each record's best
 * with nth 1, from the rows the search puts between it and
 * fts_results_tail): id, kind,
 * the name in the reader's language (%2$s, made by fts_label()),
 * the snippet, and whether it is disputed; in FTS_PLACE_ORDER, each
 * record's place (FTS_PLACE) read once. */
#define FTS_RESULTS_HEAD \
	"SELECT f.id AS id, f.kind AS kind," \
	" %2$s AS name, f.snip AS match," \
	" CASE WHEN " RECORD_DISPUTED("f.id") " THEN ?7 ELSE ?8 END AS disputed" \
	" FROM (SELECT w.id AS id, w.kind AS kind, w.snip AS snip, w.pos AS pos," \
	" " FTS_PLACE("w.kind", "w.id") " AS grp" \
	" FROM (  SELECT id, kind, snip,"

/* Which of a record's rows is its best (nth, 1 for the best), as the
 * search and the typing heads order them. The ranked search finds a
 * record more than once only when the user's records or notes are read
 * too: with main's index alone each is 1, and no window is made (a rare
 * word at a million records: 1.9 M instructions of 29). Typing reads
 * each index twice (FTS_FIRST). */
#define FTS_NTH_SEARCH "row_number() OVER (PARTITION BY id ORDER BY tier, rank)"
#define FTS_NTH_TYPING "row_number() OVER (PARTITION BY id ORDER BY tier, src, r)"

/* Matches in tiers (FTS_TIER), in a tier by kind in the registry's order,
 * then by bm25 (the rank fts_build() sets: names weighing most, then
 * aliases, then text); with the user's records and the records whose
 * notes match (their snippet after ?9, "note: ", in the last tier) when
 * there are any (fts_search_user, fts_search_notes), each record once at
 * its best. The records that stand for one place (FRA, the state actor
 * france) follow each other at the best place of any of them, the
 * country first. The names of a record are read from its own table, by
 * its kind in the reader's language (%2$s, made by fts_label(): a view
 * of every record's names would be made whole for each search, and
 * both languages' names cost a rare word at a million records 0.2 M
 * instructions of 21 to prepare); %3$s numbers a record's
 * rows (FTS_NTH_SEARCH, or 1). Made by fts_statement(), the parts
 * between fts_search_head and fts_results_tail.
 * Snippets are made as the matches are read (FTS_MATCHES): made once the
 * results are known, each would search its row again, reading the whole
 * list of the words' matches, every word starting as the last does
 * included. */
static const char fts_search_head[] =
	FTS_RESULTS_HEAD
	"   row_number() OVER (ORDER BY tier, place, rank, id) AS pos,"
	"   %3$s AS nth FROM ("
	"   " FTS_MATCHES("main", "record_fts", "0", "main.record_name");
static const char fts_search_user[] =
	"   UNION ALL " FTS_MATCHES("user", "user_fts", "1", "user.user_name");
static const char fts_search_notes[] =
	"   UNION ALL SELECT * FROM (SELECT rowid, 2, id, kind, rank, 4 AS tier,"
	"    " FTS_KIND_ORDER("kind") " AS place,"
	"    ?9 || " FTS_SNIPPET("note_fts", "2", "body", FTS_SIZE("body"))
	"    FROM temp.note_fts WHERE note_fts MATCH ?1 AND (?2 IS NULL OR kind = ?2)"
	"    ORDER BY rank LIMIT ?4)";
static const char fts_results_tail[] =
	")) AS w WHERE w.nth = 1 ORDER BY w.pos LIMIT ?4) AS f" FTS_PLACE_ORDER;
/* The first matches (as many as the limit) of a full-text table in its
 * own order, without ranking: those in names and aliases, tiered; those
 * anywhere, in the last tier (none when ?11, names only, is set). Their
 * snippets are made as they are found: made later, each would search
 * the index again. */
#define FTS_FIRST(schema, name, src, names) \
	"SELECT * FROM (SELECT rowid AS r, " src " AS src, id, kind," \
	" " FTS_NAME_TIER(name, names) " AS tier, " FTS_PLACE_OF("rowid") " AS place," \
	" " FTS_SNIPPET(name, "-1", FTS_TEXT, FTS_TEXT_SIZE) " AS snip" \
	" FROM " schema "." name " WHERE " name " MATCH '{name alias} : (' || ?1 || ')'" \
	" AND " FTS_OF_KIND("rowid") " LIMIT ?4)" \
	" UNION ALL SELECT * FROM (SELECT rowid, " src ", id, kind, 4, " \
	FTS_PLACE_OF("rowid") ", " FTS_SNIPPET(name, "-1", FTS_TEXT, FTS_TEXT_SIZE) \
	" FROM " schema "." name " WHERE NOT ?11" \
	" AND " name " MATCH ?1 AND " FTS_OF_KIND("rowid") " LIMIT ?4)"

/* What a search shows while the words are typed: the first matches
 * of each table in its own order (FTS_FIRST), at most ?4 of each, with
 * the user's records and notes when there are any, in tiers and by kind
 * as fts_search_head orders them but with no ranking inside a kind, each
 * record once at its best. Its cost is that of a page, not of every
 * match. With ?11 (a word of one letter), only names and aliases are
 * searched: nearly every text holds a word starting with any letter.
 * %3$s: FTS_NTH_TYPING. */
static const char fts_typing_head[] =
	FTS_RESULTS_HEAD
	"   row_number() OVER (ORDER BY tier, place, src, r) AS pos,"
	"   %3$s AS nth FROM ("
	"   " FTS_FIRST("main", "record_fts", "0", "main.record_name");
static const char fts_typing_user[] =
	"   UNION ALL " FTS_FIRST("user", "user_fts", "1", "user.user_name");
static const char fts_typing_notes[] =
	"   UNION ALL SELECT * FROM (SELECT rowid, 2, id, kind, 4,"
	"    " FTS_KIND_ORDER("kind") ", ?9 || " FTS_SNIPPET("note_fts", "2", "body", FTS_SIZE("body"))
	"    FROM temp.note_fts WHERE NOT ?11 AND note_fts MATCH ?1"
	"    AND (?2 IS NULL OR kind = ?2) LIMIT ?4)";

/* Matches of a regular expression over the same text (?10: folded, for a
 * pattern made to match folded text), or over the user's notes on a
 * record, in name order. The names are read from each kind's table (%1$s,
 * in the reader's language, made by fts_label()), as in
 * fts_search_head. %2$s narrows the records to those the trigram index
 * finds (FTS_REGEX_NARROW), or is empty: written apart, not as "?5 IS
 * NULL OR", for SQLite to read only those through the index of ids. */
#define FTS_REGEX_NARROW "t.id IN %s AND"
static const char fts_regex_tmpl[] =
	"SELECT m.id AS id, m.kind AS kind, %1$s AS name,"
	" CASE WHEN " RECORD_DISPUTED("m.id") " THEN ?7 ELSE ?8 END AS disputed FROM ("
	" SELECT t.id AS id, r.kind AS kind"
	"  FROM record_text AS t JOIN record AS r ON r.id = t.id"
	"  WHERE %2$s regexp(?1, CASE WHEN ?10 THEN fold(t.text) ELSE t.text END)"
	"  AND (?2 IS NULL OR r.kind = ?2)"
	" UNION SELECT r.id, r.kind"
	"  FROM user.note AS n JOIN record AS r ON r.id = n.subject_id"
	"  WHERE regexp(?1, CASE WHEN ?10 THEN fold(n.body) ELSE n.body END)"
	"  AND (?2 IS NULL OR r.kind = ?2)) AS m"
	" ORDER BY kind, name COLLATE " MATCH_COLLATION ", id LIMIT ?4";

/* Whether the record x.$i, or a note of the user's on it, matches the
 * regular expression ?1 (?10: over folded text), as in fts_regex_tmpl. */
#define FTS_REGEX_HIT \
	"regexp(?1, (SELECT CASE WHEN ?10 THEN fold(text) ELSE text END" \
	"  FROM record_text WHERE id = x.$i))" \
	" OR EXISTS (SELECT 1 FROM user.note AS n WHERE n.subject_id = x.$i" \
	"  AND regexp(?1, CASE WHEN ?10 THEN fold(n.body) ELSE n.body END))"
/* The first matches of one kind in name order (%s: its English or French
 * name, $e or $f), at most ?4: read through the index of its names, they
 * stop at the ?4th. */
static const char fts_walk_kind_tmpl[] =
	"SELECT * FROM (SELECT x.$i AS id, '$k' AS kind, x.%1$s AS name FROM $t AS x"
	" WHERE (?2 IS NULL OR ?2 = '$k') AND (" FTS_REGEX_HIT ")"
	" ORDER BY x.%1$s COLLATE " MATCH_COLLATION ", x.$i LIMIT ?4)";
/* The matches of a regular expression in fts_regex_tmpl's order, found
 * by reading each kind's records in name order until there are ?4 (%s:
 * fts_walk_kind_tmpl for each kind, in the order of their names): for
 * a limit that the first records fill, as when what the pattern holds is
 * in many records. DISTINCT (each row is one record already) keeps
 * SQLite from merging the kinds in order, which would read each of them
 * for its first match, however many the first kinds held. */
static const char fts_walk_tmpl[] =
	"SELECT DISTINCT m.id AS id, m.kind AS kind, m.name AS name,"
	" CASE WHEN " RECORD_DISPUTED("m.id") " THEN ?7 ELSE ?8 END AS disputed"
	" FROM (%s LIMIT ?4) AS m ORDER BY kind, name COLLATE " MATCH_COLLATION ", id";

/* fts_walk_tmpl for English or French names (fr), made once. */
static const char *
fts_walk_sql(int fr)
{
	static char *sql[2];
	char *arm, *arms;

	if (sql[fr] == NULL) {
		arm = xasprintf(fts_walk_kind_tmpl, fr ? "$f" : "$e");
		arms = kind_each(arm, " UNION ALL ", KIND_RECORD | KIND_NAME_ORDER);
		sql[fr] = xasprintf(fts_walk_tmpl, arms);
		free(arms);
		free(arm);
	}
	return sql[fr];
}

/* The integer square root of n, rounded down. */
static sqlite3_int64
fts_isqrt(sqlite3_int64 n)
{
	sqlite3_int64 r = 0, bit = (sqlite3_int64)1 << 62;

	while (bit > n)
		bit >>= 2;
	for (; bit != 0; bit >>= 2) {
		if (n >= r + bit) {
			n -= r + bit;
			r = (r >> 1) + bit;
		} else
			r >>= 1;
	}
	return r;
}

/* The highest number of a kind's rows in a table of text (%s: its schema
 * and name), each kind's rows numbered from 1 past its place
 * (fts_text_sql): a seek of its rowids. For kind_each(). */
#define FTS_KIND_HIGHEST \
	"coalesce((SELECT max(rowid) FROM %s WHERE rowid" \
	" BETWEEN $s << " FTS_PLACE_SHIFT " AND (($s + 1) << " FTS_PLACE_SHIFT ") - 1)" \
	" - ($s << " FTS_PLACE_SHIFT "), 0)"

/* Each kind's highest number in the table of text schema.name_text,
 * joined by sep (freed by the caller). */
static char *
fts_kinds_highest(const char *schema, const char *name, const char *sep)
{
	char *text = xasprintf("%s.%s_text", schema, name);
	char *tmpl = xasprintf(FTS_KIND_HIGHEST, text);
	char *each = kind_each(tmpl, sep, KIND_RECORD);

	free(tmpl);
	free(text);
	return each;
}

/* How many records schema's table of text named from name has, or had
 * before some were removed: the sum of each kind's highest number. */
static sqlite3_int64
fts_records(sqlite3 *db, const char *schema, const char *name)
{
	sqlite3_stmt *stmt;
	sqlite3_int64 records = 0;
	char *each, *sql;

	each = fts_kinds_highest(schema, name, " + ");
	sql = xasprintf("SELECT %s", each);
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		records = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	free(sql);
	free(each);
	return records;
}

/* Whether the trigram index finds the trigram query (from
 * fts_literal_query()) in at least enough of main's records (enough > 0). */
static int
fts_trigrams_in(sqlite3 *db, const char *query, sqlite3_int64 enough)
{
	sqlite3_stmt *stmt;
	sqlite3_int64 found = 0;

	if (enough <= 0)
		return 0;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM (SELECT 1 FROM main.record_tri"
	    " WHERE record_tri MATCH ?1 LIMIT ?2)", -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, query, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, enough);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			found = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_finalize(stmt);
	return found >= enough;
}

/* Each kind's place among search results, as "WHEN kind THEN place"
 * (freed by the caller). */
static char *
fts_places(void)
{
	return kind_each("WHEN '$k' THEN $s", " ", KIND_RECORD);
}

/* The English or French name (fr) of the record that a row of table
 * stands for, read from its kind's table. */
static char *
fts_label(const char *table, int fr)
{
	char *tmpl, *cases, *sql;

	tmpl = xasprintf("WHEN '$k' THEN (SELECT %s FROM $t WHERE $i = %s.id)",
	    fr ? "$f" : "$e", table);
	cases = kind_each(tmpl, " ", KIND_RECORD);
	sql = xasprintf("CASE %s.kind %s END", table, cases);
	free(cases);
	free(tmpl);
	return sql;
}

/* The ids of the records whose full text matches the FTS5 query in
 * parameter p: main's, and the user's when mine says. */
static char *
fts_matching_sql(int mine, const char *p)
{
	return mine ? xasprintf("(SELECT id FROM main.record_fts WHERE record_fts MATCH %1$s"
	    " UNION ALL SELECT id FROM user.user_fts WHERE user_fts MATCH %1$s)", p) :
	    xasprintf("(SELECT id FROM main.record_fts WHERE record_fts MATCH %s)", p);
}

/* The ids of the records whose text holds the trigram query in parameter
 * p: main's, and the user's when mine says. */
static char *
fts_trigrams_sql(int mine, const char *p)
{
	return mine ? xasprintf("(SELECT id FROM main.record_text WHERE rowid IN"
	    " (SELECT rowid FROM main.record_tri WHERE record_tri MATCH %1$s)"
	    " UNION ALL SELECT id FROM user.user_text WHERE rowid IN"
	    " (SELECT rowid FROM user.user_tri WHERE user_tri MATCH %1$s))", p) :
	    xasprintf("(SELECT id FROM main.record_text WHERE rowid IN"
	    " (SELECT rowid FROM main.record_tri WHERE record_tri MATCH %s))", p);
}

/* The ids of the records whose full text matches (see fts.h). */
char *
fts_matching(sqlite3 *db, const char *p)
{
	return fts_matching_sql(merge_mine(db), p);
}

/* The most matches whose ids fts_matches() looks up; past it, it tests
 * each row by its rowid. */
#define FTS_MATCHES_IDS 4096

/* Whether a record matches, row by row (see fts.h). */
char *
fts_matches(sqlite3 *db, const char *id_expr, const char *p)
{
	int mine = merge_mine(db);
	char *ids = fts_matching_sql(mine, p), *rows, *sql;

	rows = mine ? xasprintf("(SELECT rowid FROM main.record_text WHERE id = %1$s) IN"
	    " (SELECT rowid FROM main.record_fts WHERE record_fts MATCH %2$s)"
	    " OR (SELECT rowid FROM user.user_text WHERE id = %1$s) IN"
	    " (SELECT rowid FROM user.user_fts WHERE user_fts MATCH %2$s)", id_expr, p) :
	    xasprintf("(SELECT rowid FROM main.record_text WHERE id = %s) IN"
	    " (SELECT rowid FROM main.record_fts WHERE record_fts MATCH %s)", id_expr, p);
	/* A few matches: their ids, each read from its row of text, are a
	 * small set each row is looked up in. Many: reading every one's row
	 * would take longer than looking each row's rowid up (both once per
	 * statement, SQLite making a set of a subquery the first time it is
	 * asked). */
	sql = xasprintf("(CASE WHEN (SELECT count(*) FROM (SELECT 1 FROM main.record_fts"
	    " WHERE record_fts MATCH %1$s LIMIT %2$d)) < %2$d THEN %3$s IN %4$s ELSE %5$s END)",
	    p, FTS_MATCHES_IDS, id_expr, ids, rows);
	free(ids);
	free(rows);
	return sql;
}

/* The ids of the records whose text holds a trigram query (see fts.h). */
char *
fts_trigrams(sqlite3 *db, const char *p)
{
	return fts_trigrams_sql(merge_mine(db), p);
}

/* What a search reads beside main's records, as bits: the user's records
 * (made: merge_mine()), and their notes (when they have any). */
#define FTS_MINE	1
#define FTS_NOTES	2

/* A search statement in mode, made from the registry, reading the parts
 * (FTS_MINE, FTS_NOTES) that there are, with the names in French (fr) or
 * English: fts_search_head's and fts_typing_head's, with what each reads
 * of the user's, or fts_regex_tmpl's. */
static char *
fts_statement(enum fts_mode mode, int parts, int fr)
{
	char *sql, *proper, *order, *label, *ids, *narrow, *head, *user, *notes;
	int regex = mode == FTS_REGEX || mode == FTS_REGEX_FOLD, typing = mode == FTS_TYPING;

	label = fts_label(regex ? "m" : "f", fr);
	if (regex) {
		ids = fts_trigrams_sql(parts & FTS_MINE, "?5");
		narrow = mode == FTS_REGEX ? xasprintf(FTS_REGEX_NARROW, ids) : xstrdup("");
		sql = xasprintf(fts_regex_tmpl, label, narrow);
		free(narrow);
		free(ids);
		free(label);
		return sql;
	}
	proper = kind_each("$s", ", ", KIND_RECORD | KIND_PROPER);
	order = fts_places();
	head = xasprintf(typing ? fts_typing_head : fts_search_head, proper, label,
	    typing ? FTS_NTH_TYPING : parts == 0 ? "1" : FTS_NTH_SEARCH);
	user = parts & FTS_MINE ?
	    xasprintf(typing ? fts_typing_user : fts_search_user, proper) : xstrdup("");
	notes = parts & FTS_NOTES ?
	    xasprintf(typing ? fts_typing_notes : fts_search_notes, order) : xstrdup("");
	sql = xasprintf("%s%s%s%s", head, user, notes, fts_results_tail);
	free(notes);
	free(user);
	free(head);
	free(label);
	free(order);
	free(proper);
	return sql;
}

/* Whether names are shown in French for lang (NULL: English). */
static int
fts_french(const char *lang)
{
	return lang != NULL && strcmp(lang, "fr") == 0;
}

/* The search statement of mode reading parts, with the names in lang,
 * made once: for FTS_REGEX, one that reads the records the trigram index
 * finds (?5 bound), for FTS_REGEX_FOLD one that reads every record. */
static const char *
fts_search_sql(enum fts_mode mode, int parts, const char *lang)
{
	static char *sql[FTS_REGEX_FOLD + 1][(FTS_MINE | FTS_NOTES) + 1][2];
	int fr = fts_french(lang);

	if (sql[mode][parts][fr] == NULL)
		sql[mode][parts][fr] = fts_statement(mode, parts, fr);
	return sql[mode][parts][fr];
}

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

/* What was typed as the names it is compared with: the words folded, one
 * space between them, without quotes. */
static char *
fts_typed_name(const char *typed)
{
	char *folded = match_fold_text(typed), *out = xmalloc(strlen(typed) + 1);
	const char *p = folded;
	size_t n, len = 0;

	while (*(p += strspn(p, " \t\n\r\"")) != '\0') {
		n = strcspn(p, " \t\n\r\"");
		if (len > 0)
			out[len++] = ' ';
		memcpy(out + len, p, n);
		len += n;
		p += n;
	}
	out[len] = '\0';
	free(folded);
	return out;
}

/* A regular expression made to match text folded by fold(): its
 * characters beyond ASCII folded (but one after a backslash), case
 * ignored by (?i), as its ASCII letters may be escapes. */
static char *
fts_fold_pattern(const char *pattern)
{
	struct strbuf sb = { 0 };
	const char *p = pattern;
	char *one, *folded;
	size_t n;

	strbuf_add(&sb, "(?i)");
	while (*p != '\0') {
		if (*p == '\\' && p[1] != '\0') {
			n = 1 + (text_utf8_length(p + 1) > 0 ? text_utf8_length(p + 1) : 1);
			strbuf_addn(&sb, p, n);
		} else if ((unsigned char)*p < 0x80 || (n = text_utf8_length(p)) == 0) {
			n = 1;
			strbuf_addn(&sb, p, n);
		} else {
			one = xstrndup(p, n);
			folded = match_fold_text(one);
			strbuf_add(&sb, folded);
			free(folded);
			free(one);
		}
		p += n;
	}
	return strbuf_finish(&sb);
}

/* Whether what is typed is searched in names only while it is typed: it
 * holds a word of one character (see fts_typing_tmpl). */
int
fts_typing_names_only(const char *typed)
{
	char *name = fts_typed_name(typed);
	const char *p = name;
	size_t n;
	int one = 0;

	while (*p != '\0' && !one) {
		p += strspn(p, " ");
		n = strcspn(p, " ");
		one = n > 0 && n == text_utf8_length(p);
		p += n;
	}
	free(name);
	return one;
}

/* A typed word as a prefix (fts_terms()'s prefix 0: not one; 1: one):
 * one spread over the prefixes of two characters when it has one
 * character (fts_typed_term()). */
#define FTS_SPREAD 2

static char	*fts_words(sqlite3 *, const char *, int, char **);

/* Whether the user has notes. */
static int
fts_has_notes(sqlite3 *db)
{
	sqlite3_stmt *stmt;
	int rc = SQLITE_DONE;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM user.note LIMIT 1", -1, &stmt, NULL) ==
	    SQLITE_OK)
		rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW;
}

/* What is bound as ?1 for what was typed, taken as mode says (the user's
 * notes indexed again for words, when there are any; while typing, a
 * word of one letter spread over the two-letter prefixes), and in *parts
 * what the search reads beside main's records (FTS_MINE, FTS_NOTES);
 * NULL with *cause. */
static char *
fts_input(sqlite3 *db, const char *typed, enum fts_mode mode, int *parts, char **cause)
{
	char *query;

	*parts = merge_mine(db) ? FTS_MINE : 0;
	if (mode != FTS_WORDS && mode != FTS_TYPING)
		return mode == FTS_REGEX_FOLD ? fts_fold_pattern(typed) : xstrdup(typed);
	if ((query = fts_words(db, typed, mode == FTS_TYPING ? FTS_SPREAD : 1, cause)) == NULL)
		return NULL;
	if (!fts_has_notes(db))
		return query;
	*parts |= FTS_NOTES;
	if (db_exec(db, fts_notes_sql, cause) != 0) {
		free(query);
		return NULL;
	}
	return query;
}

/* Bind the range of rowids of kind's rows (FTS_OF_KIND) to stmt: every
 * rowid for NULL, none for a kind that is not searched. */
static void
fts_bind_kind(sqlite3_stmt *stmt, const char *kind)
{
	const struct kind *k = kind != NULL ? kind_find(kind) : NULL;
	sqlite3_int64 from = 0, to = INT64_MAX;

	if (kind != NULL) {
		from = k != NULL ? (sqlite3_int64)k->search << FTS_PLACE_BITS : 1;
		to = k != NULL ? ((sqlite3_int64)(k->search + 1) << FTS_PLACE_BITS) - 1 : 0;
	}
	sqlite3_bind_int64(stmt, 12, from);
	sqlite3_bind_int64(stmt, 13, to);
}

/* Bind a search's parameters to stmt, made for mode, query (taken) made
 * by fts_input() (the language is the statement's own: ?3 is unused). */
static void
fts_bind(sqlite3_stmt *stmt, char *query, const char *typed, enum fts_mode mode,
    const char *kind, long limit, const struct fts_marks *marks)
{
	char *literal;

	sqlite3_bind_text(stmt, 1, query, -1, free);
	if (kind != NULL)
		sqlite3_bind_text(stmt, 2, kind, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 4, limit);
	sqlite3_bind_text(stmt, 7, marks->yes, -1, SQLITE_STATIC);
	if (marks->no != NULL)
		sqlite3_bind_text(stmt, 8, marks->no, -1, SQLITE_STATIC);
	if (mode == FTS_WORDS || mode == FTS_TYPING) {
		fts_bind_kind(stmt, kind);
		sqlite3_bind_text(stmt, 5, marks->open, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 6, marks->close, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 9, _("note: "), -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 10, fts_typed_name(typed), -1, free);
		if (mode == FTS_TYPING)
			sqlite3_bind_int(stmt, 11, fts_typing_names_only(typed));
	} else {
		/* The trigram index holds the text as it is: it cannot say
		 * which records hold a folded piece of it. */
		if (mode == FTS_REGEX && (literal = fts_literal_query(typed)) != NULL)
			sqlite3_bind_text(stmt, 5, literal, -1, free);
		sqlite3_bind_int(stmt, 10, mode == FTS_REGEX_FOLD);
	}
}

/* The statement that finds the matches of a regular expression soonest,
 * from how many records hold its literal (a folded pattern's literal as
 * typed: the records that hold it are some of those that hold it
 * folded): with a limit, each kind read in name order until there are
 * enough when they are at least the square root of the limit times the
 * records (the first records of each kind then hold enough matches
 * before every candidate could be read); the records the trigram index
 * finds, looked up by id, when they are fewer than a quarter of them
 * (fts_bind() binds the literal then); else every record, read in turn,
 * which costs less than looking most of them up. */
static const char *
fts_regex_sql(sqlite3 *db, const char *typed, enum fts_mode mode, int parts,
    const char *lang, long limit)
{
	char *literal = fts_literal_query(typed);
	sqlite3_int64 records = literal != NULL ? fts_records(db, "main", "record") : 0;
	int walks, narrows;

	walks = limit >= 0 &&
	    fts_trigrams_in(db, literal, fts_isqrt((sqlite3_int64)limit * records));
	narrows = !walks && mode == FTS_REGEX && literal != NULL &&
	    !fts_trigrams_in(db, literal, records / 4 + 1);

	free(literal);
	if (walks)
		return fts_walk_sql(fts_french(lang));
	return fts_search_sql(narrows ? FTS_REGEX : FTS_REGEX_FOLD, parts, lang);
}

/* Prepare a search, its parameters bound (see fts.h). */
sqlite3_stmt *
fts_prepare(sqlite3 *db, const char *typed, enum fts_mode mode, const char *kind,
    const char *lang, long limit, const struct fts_marks *marks, char **cause)
{
	sqlite3_stmt *stmt;
	const char *sql;
	char *query;
	int parts;

	if ((query = fts_input(db, typed, mode, &parts, cause)) == NULL)
		return NULL;
	sql = mode == FTS_REGEX || mode == FTS_REGEX_FOLD ?
	    fts_regex_sql(db, typed, mode, parts, lang, limit) : fts_search_sql(mode, parts, lang);
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		*cause = xstrdup(sqlite3_errmsg(db));
		free(query);
		return NULL;
	}
	fts_bind(stmt, query, typed, mode, kind, limit, marks);
	return stmt;
}

/* Bind a statement of fts_prepare() to another search (see fts.h). */
int
fts_rebind(sqlite3 *db, sqlite3_stmt *stmt, const char *typed, enum fts_mode mode,
    const char *kind, const char *lang, long limit, const struct fts_marks *marks,
    char **cause)
{
	char *query;
	int parts;

	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	if ((query = fts_input(db, typed, mode, &parts, cause)) == NULL)
		return -1;
	/* A note written or deleted since, or another language: the
	 * statement reads other parts, or other names. */
	if (strcmp(sqlite3_sql(stmt), fts_search_sql(mode, parts, lang)) != 0) {
		free(query);
		return 1;
	}
	fts_bind(stmt, query, typed, mode, kind, limit, marks);
	return 0;
}

/* Every record of the tables read from tables ("" or "user."), as
 * record_label names them, with the text search indexes besides its
 * names (body: NULL for a kind without one); freed by the caller. */
static char *
fts_labels_text(const char *tables)
{
	char *tmpl, *each, *labels;

	tmpl = xasprintf("SELECT $i AS id, '$k' AS kind, $e AS name_en, $f AS name_fr,"
	    " $x AS body FROM %s$t", tables);
	each = kind_each(tmpl, " UNION ALL ", KIND_RECORD);
	labels = xasprintf("(%s)", each);
	free(each);
	free(tmpl);
	return labels;
}

/* Run fts_text_sql (or, refresh, fts_refresh_sql) on schema's full-text
 * tables named from name with the records that labels lists, as the
 * registry says what of each is searched, reading their tables from tables
 * ("" or "user."). */
static int
fts_fill_text(sqlite3 *db, int refresh, const char *schema, const char *name,
    const char *labels, const char *tables, char **cause)
{
	char *named, *text, *places, *proper, *highest;
	int rc;

	named = kind_each("'$k'", ", ", KIND_RECORD | KIND_NAMED);
	text = fts_labels_text(tables);
	places = fts_places();
	proper = kind_each("'$k'", ", ", KIND_RECORD | KIND_PROPER);
	highest = fts_kinds_highest(schema, name, ", ");
	rc = db_exec_free(db, xasprintf(refresh ? fts_refresh_sql : fts_text_sql, schema, name,
	    labels, named, text, places, proper, tables, highest), cause);
	free(highest);
	free(proper);
	free(places);
	free(text);
	free(named);
	return rc;
}

/* Drop the hash size that fts_words_sql and fts_refresh_sql set from the
 * settings of schema's full-text table named from name and index (fts,
 * tri): SQLite keeps it there, and the settings of a --db file are
 * compared with the bundled database's (db.c), which files made without
 * it must still meet. A defensive connection may not write the table of
 * settings (a shadow table). */
static int
fts_forget_hashsize(sqlite3 *db, const char *schema, const char *name, const char *index,
    char **cause)
{
	int defensive = 1, rc;

	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
	rc = db_exec_free(db, xasprintf("DELETE FROM %s.%s_%s_config WHERE k = 'hashsize'",
	    schema, name, index), cause);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, defensive, NULL);
	return rc;
}

/* Fill the parts (FTS_PART_TEXT...) of schema's full-text tables named
 * from name: the text as fts_fill_text() says, the indexes from it. */
static int
fts_fill(sqlite3 *db, const char *schema, const char *name, const char *labels,
    const char *tables, int parts, char **cause)
{
	int rc = 0;

	if (parts & FTS_PART_TEXT)
		rc = fts_fill_text(db, 0, schema, name, labels, tables, cause);
	if (rc == 0 && (parts & FTS_PART_WORDS) &&
	    (rc = db_exec_free(db, xasprintf(fts_words_sql, schema, name), cause)) == 0)
		rc = fts_forget_hashsize(db, schema, name, "fts", cause);
	if (rc == 0 && (parts & FTS_PART_TRIGRAMS))
		rc = db_exec_free(db, xasprintf(fts_tri_sql, schema, name), cause);
	return rc;
}

/* The most words and phrases a query holds: more narrow nothing that
 * people search for, and each costs every match its time. */
#define FTS_MAX_TERMS 32

/* Fill record_fts from every record table. */
int
fts_build(sqlite3 *db, char **cause)
{
	return fts_build_parts(db, FTS_PART_TEXT | FTS_PART_WORDS | FTS_PART_TRIGRAMS, cause);
}

/* Make the trigram index of main's text named from name (see fts.h). */
int
fts_build_trigrams(sqlite3 *db, const char *name, char **cause)
{
	return db_exec_free(db, xasprintf(fts_tri_sql, "main", name), cause);
}

/* Fill some parts of main's full-text tables (see fts.h). */
int
fts_build_parts(sqlite3 *db, int parts, char **cause)
{
	return fts_fill(db, "main", "record", "record_label", "", parts, cause);
}

/* The user's tables, as record_label names their records (that view, over
 * the merged ones, merge.c, is read whole at each use); freed by the
 * caller. */
static char *
fts_user_labels(void)
{
	char *each = kind_each("SELECT $i AS id, '$k' AS kind, $e AS name_en, $f AS name_fr"
	    " FROM user.$t", " UNION ALL ", KIND_RECORD);
	char *labels = xasprintf("(%s)", each);

	free(each);
	return labels;
}

/* Fill the user's full-text tables from their records. */
int
fts_build_user(sqlite3 *db, char **cause)
{
	char *labels = fts_user_labels();
	int rc = fts_fill(db, "user", "user", labels, "user.",
	    FTS_PART_TEXT | FTS_PART_WORDS | FTS_PART_TRIGRAMS, cause);

	free(labels);
	return rc;
}

/* The statement that makes the user's word index, made to make
 * temp.fts_added_words; NULL if the schema has none. */
static char *
fts_added_words_table(sqlite3 *db)
{
	sqlite3_stmt *stmt;
	char *make = NULL;

	if (sqlite3_prepare_v2(db, "SELECT sql FROM user.sqlite_schema WHERE name = 'user_fts'",
	    -1, &stmt, NULL) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
		make = db_schema_statement("temp", "user_fts", "fts_added_words", db_text(stmt, 0));
	sqlite3_finalize(stmt);
	return make;
}

/* Bring the user's vocabulary in step after added rows (added of them):
 * from their words alone when they are few beside the rows there were,
 * else read whole again. */
static int
fts_words_added(sqlite3 *db, sqlite3_int64 added, char **cause)
{
	sqlite3_int64 before = fts_records(db, "user", "user") - added;
	char *make;
	int rc;

	if (added > before / FTS_WORDS_ADDED_SHARE || (make = fts_added_words_table(db)) == NULL)
		return db_exec_free(db, xasprintf(fts_words_again_sql, "user", "user"), cause);
	rc = db_exec_free(db, xasprintf(fts_words_added_sql, make), cause);
	free(make);
	return rc;
}

/* Begin noting the records a change may touch (see fts.h). */
int
fts_note_changes(sqlite3 *db, char **cause)
{
	return db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS fts_changed"
	    " (id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM temp.fts_changed;", cause);
}

/* The integer the first row of sql gives, or -1 with *cause. */
static sqlite3_int64
fts_integer(sqlite3 *db, const char *sql, char **cause)
{
	sqlite3_stmt *stmt;
	sqlite3_int64 n = -1;

	if (db_prepare(db, sql, &stmt, cause) != 0)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	else
		*cause = xstrdup(db_error(db));
	sqlite3_finalize(stmt);
	return n;
}

/* The file an import makes the user's trigram index in (see fts.h). */
char *
fts_apart_path(const char *path)
{
	return xasprintf("%s-trigrams", path);
}

/* Start making the user's trigram index apart, beside the user's file,
 * when the rows added (added of them) are many and all there are: NULL
 * when it is not (without *cause), or could not start. */
static struct trigrams_apart *
fts_trigrams_apart(sqlite3 *db, sqlite3_int64 added, char **cause)
{
	struct trigrams_apart *t;
	const char *file = db_file(db, "user");
	char *path;

	if (added < FTS_TRIGRAMS_APART_ROWS || file == NULL || *file == '\0' ||
	    fts_integer(db, fts_all_added_sql, cause) != 1)
		return NULL;
	path = fts_apart_path(file);
	t = trigrams_apart_start(db, "user", "user", path, cause);
	free(path);
	return t;
}

/* The user's search index being brought in step (fts_refresh_begin()):
 * the rows added to the table of text, and their trigram index when it
 * is made apart. */
struct fts_refresh {
	sqlite3_int64		 added;
	struct trigrams_apart	*t;
};

/* Begin bringing the user's full-text tables in step (see fts.h): their
 * text, and the trigram index started apart when it can be. */
struct fts_refresh *
fts_refresh_begin(sqlite3 *db, char **cause)
{
	struct fts_refresh *r;
	char *labels = fts_user_labels(), *why = NULL;
	sqlite3_int64 added;
	int rc;

	rc = fts_fill_text(db, 1, "user", "user", labels, "user.", cause);
	free(labels);
	if (rc != 0 || (added = fts_integer(db, fts_refresh_added_sql, cause)) < 0)
		return NULL;
	r = xcalloc(1, sizeof *r);
	r->added = added;
	/* The index made in place when it cannot be made apart. */
	if ((r->t = fts_trigrams_apart(db, added, &why)) == NULL)
		free(why);
	return r;
}

/* Stop what fts_refresh_begin() started, and free r. */
void
fts_refresh_stop(struct fts_refresh *r)
{
	if (r->t != NULL)
		trigrams_apart_finish(r->t, NULL, NULL);
	free(r);
}

/* End what fts_refresh_begin() began: the rows added into the word index
 * and the trigram index (the second copied in when made apart), their
 * words into the vocabulary; frees r. */
int
fts_refresh_end(sqlite3 *db, struct fts_refresh *r, char **cause)
{
	int rc;

	rc = db_exec_free(db, xasprintf(fts_refresh_words_sql, "user", "user"), cause);
	if (r->t != NULL) {
		rc = rc == 0 ? trigrams_apart_finish(r->t, db, cause) :
		    (trigrams_apart_finish(r->t, NULL, NULL), -1);
		r->t = NULL;
	} else if (rc == 0)
		rc = db_exec_free(db, xasprintf(fts_refresh_tri_sql, "user", "user"), cause);
	if (rc == 0 && r->added > 0)
		rc = fts_words_added(db, r->added, cause);
	if (rc == 0)
		rc = fts_forget_hashsize(db, "user", "user", "fts", cause);
	if (rc == 0)
		rc = fts_forget_hashsize(db, "user", "user", "tri", cause);
	if (rc == 0)
		rc = db_exec(db, fts_refresh_done_sql, cause);
	free(r);
	return rc;
}

/* Bring the user's full-text tables in step with their records (see
 * fts.h). */
int
fts_refresh_user(sqlite3 *db, char **cause)
{
	struct fts_refresh *r = fts_refresh_begin(db, cause);

	return r != NULL ? fts_refresh_end(db, r, cause) : -1;
}

/* The longest term a query keeps, in bytes. */
#define FTS_MAX_TERM 256
/* The most equivalents the thesaurus adds to one typed word or phrase. */
#define FTS_MAX_EQUIVALENTS 8

/* The thesaurus's other words for a word or phrase, matched with case and
 * accents folded: every other term of each concept the typed one names. */
static const char fts_equivalents_sql[] =
	"SELECT DISTINCT b.term FROM main.term AS a JOIN main.term AS b ON b.concept = a.concept"
	" WHERE fold(a.term) = fold(?1) AND fold(b.term) <> fold(?1) ORDER BY b.term LIMIT ?2";

/* Append a term to q in quotes, as a prefix or not: inside an FTS5 string
 * a quote is doubled, and nothing else is special. */
static void
fts_quote(struct strbuf *q, const char *p, size_t n, int prefix)
{
	/* No indexed word is longer: a longer one matches nothing either way,
	 * and costs the index time. */
	size_t take = n > FTS_MAX_TERM ? FTS_MAX_TERM : n, i;

	/* Cut before a character, not inside; text that is not UTF-8 may have
	 * none to cut before. */
	while (take > 0 && take < n && ((unsigned char)p[take] & 0xc0) == 0x80)
		take--;
	strbuf_add(q, "\"");
	for (i = 0; i < take; i++)
		strbuf_addn(q, p[i] == '"' ? "\"\"" : p + i, p[i] == '"' ? 2 : 1);
	strbuf_add(q, prefix ? "\"*" : "\"");
}

/* What may follow the first character of an indexed word, folded as the
 * index folds it: ASCII letters and digits, then letters that lose no
 * accent. */
static const char fts_second[] = "0123456789abcdefghijklmnopqrstuvwxyzßæðıłøœþđ";

/* Append the typed term of n bytes at p to q, as a prefix as prefix says.
 * A prefix of one character (FTS_SPREAD) has no index: "d"* would read
 * every word that starts with d before its first match. It is spread as
 * "d" OR "da"* OR "db"* ..., each of which the index of two-character
 * prefixes keeps; words whose second character is none of fts_second are
 * left out. */
static void
fts_typed_term(struct strbuf *q, const char *p, size_t n, int prefix)
{
	const char *c;
	size_t len;

	if (prefix != FTS_SPREAD || n != text_utf8_length(p) || *p == '"') {
		fts_quote(q, p, n, prefix);
		return;
	}
	strbuf_add(q, "(");
	fts_quote(q, p, n, 0);
	for (c = fts_second; *c != '\0'; c += len) {
		len = text_utf8_length(c);
		strbuf_add(q, " OR \"");
		strbuf_addn(q, p, n);
		strbuf_addn(q, c, len);
		strbuf_add(q, "\"*");
	}
	strbuf_add(q, ")");
}

/* The most words a word being typed is searched as (fts_spread_words()). */
#define FTS_MAX_SPREAD_WORDS 32
/* The fewest characters of a prefix that no prefix index keeps. */
#define FTS_UNINDEXED_PREFIX 4
/* The indexed words, of the bundled records and the user's, that start
 * with ?1, at most ?2. */
static const char fts_prefix_words_sql[] =
	"SELECT word FROM main.record_word WHERE word >= ?1 AND word < ?1 || char(1114111)"
	" UNION SELECT word FROM user.user_word WHERE word >= ?1 AND word < ?1 || char(1114111)"
	" LIMIT ?2";
/* The same, of the bundled records only (the user has none). */
static const char fts_prefix_main_words_sql[] =
	"SELECT word FROM main.record_word WHERE word >= ?1 AND word < ?1 || char(1114111)"
	" LIMIT ?2";

/* Append the typed prefix of n bytes at p to q as the indexed words that
 * start with it, "("w1" OR "w2" ...)": read as "sove"*, a prefix of
 * FTS_UNINDEXED_PREFIX characters or more merges the lists of every word
 * that starts with it before its first match, where each word's list is
 * read only as far as a page needs. 1 if appended; 0 if the prefix is
 * shorter, is not one word of letters and digits, or starts none or more
 * than FTS_MAX_SPREAD_WORDS words. */
static int
fts_spread_words(sqlite3 *db, struct strbuf *q, const char *p, size_t n)
{
	sqlite3_stmt *stmt;
	struct strbuf words = { 0 };
	char *typed = xstrndup(p, n), *folded = match_fold_text(typed);
	const unsigned char *c;
	size_t chars = 0;
	int found = 0, plain = 1;

	for (c = (const unsigned char *)folded; *c != '\0'; c++) {
		chars += (*c & 0xc0) != 0x80;
		if (*c < 0x80 && !((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')))
			plain = 0;
	}
	if (plain && chars >= FTS_UNINDEXED_PREFIX &&
	    sqlite3_prepare_v2(db, merge_mine(db) ? fts_prefix_words_sql :
	    fts_prefix_main_words_sql, -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, folded, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 2, FTS_MAX_SPREAD_WORDS + 1);
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			strbuf_add(&words, found++ == 0 ? "(" : " OR ");
			fts_quote(&words, db_text(stmt, 0), strlen(db_text(stmt, 0)), 0);
		}
		sqlite3_finalize(stmt);
	}
	if (found > 0 && found <= FTS_MAX_SPREAD_WORDS) {
		strbuf_add(&words, ")");
		strbuf_add(q, words.s);
	} else
		found = 0;
	free(strbuf_finish(&words));
	free(folded);
	free(typed);
	return found > 0;
}

/* Append the typed term of n bytes at p to q, as fts_typed_term() does;
 * being typed (FTS_SPREAD), a long prefix as the words that start with
 * it when db can say them. */
static void
fts_typed_prefix(sqlite3 *db, struct strbuf *q, const char *p, size_t n, int prefix)
{
	if (prefix != FTS_SPREAD || db == NULL || !fts_spread_words(db, q, p, n))
		fts_typed_term(q, p, n, prefix);
}

/* Append the n bytes at p to q as a term, or with the thesaurus's
 * equivalents (when db is not NULL) as "(term OR other OR ...)": the
 * typed term as a prefix when prefix says, its equivalents whole. */
static void
fts_term(sqlite3 *db, struct strbuf *q, const char *p, size_t n, int prefix)
{
	sqlite3_stmt *stmt = NULL;
	const char *other;
	int others = 0;

	/* A database made before the thesaurus has none. */
	if (db != NULL && sqlite3_prepare_v2(db, fts_equivalents_sql, -1, &stmt,
	    NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, p, (int)n, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 2, FTS_MAX_EQUIVALENTS);
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			other = db_text(stmt, 0);
			if (others++ == 0) {
				strbuf_add(q, "(");
				fts_typed_prefix(db, q, p, n, prefix);
			}
			strbuf_add(q, " OR ");
			fts_quote(q, other, strlen(other), 0);
		}
	}
	sqlite3_finalize(stmt);
	if (others == 0)
		fts_typed_prefix(db, q, p, n, prefix);
	else
		strbuf_add(q, ")");
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

/* Append the typed words to q as quoted terms, as prefixes as prefix says
 * (0, 1 or FTS_SPREAD), each with its equivalents when db is not NULL;
 * phrases in quotes stay whole either way, and a word or phrase typed
 * twice counts once. Returns how many words and phrases, or -1 past
 * FTS_MAX_TERMS. */
static int
fts_terms(sqlite3 *db, const char *typed, int prefix, struct strbuf *q)
{
	const char *p = typed, *end;
	size_t n;
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
			/* FTS5 takes no implicit AND beside a group in
			 * parentheses: "(ai OR ia) act" is a syntax error. */
			if (q->len > 0 && q->s[q->len - 1] != '(')
				strbuf_add(q, " AND ");
			fts_term(db, q, p, n, phrase ? 0 : prefix);
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
 * as the start of a longer word, or as one of its equivalents in the
 * thesaurus of db (none when db is NULL). Records where the words match
 * whole match both halves of "(exact) OR (prefixes)", so bm25 ranks them
 * first: "AI Act" puts the AI Act before the AI Action Summit. The
 * prefixes as prefix says (1, or FTS_SPREAD: see fts_typed_term()).
 */
static char *
fts_words(sqlite3 *db, const char *typed, int prefix, char **cause)
{
	struct strbuf q = { 0 };
	int words;

	strbuf_add(&q, "(");
	if ((words = fts_terms(db, typed, 0, &q)) < 0) {
		free(strbuf_finish(&q));
		*cause = xasprintf(_("more than %d words and phrases"), FTS_MAX_TERMS);
		return NULL;
	}
	if (words > 0) {
		strbuf_add(&q, ") OR (");
		fts_terms(db, typed, prefix, &q);
	}
	strbuf_add(&q, ")");
	if (q.len == 2) {
		free(strbuf_finish(&q));
		*cause = xstrdup(_("nothing to search for"));
		return NULL;
	}
	return strbuf_finish(&q);
}

/* Typed words as an FTS5 query, without the thesaurus. */
char *
fts_query(const char *typed, char **cause)
{
	return fts_words(NULL, typed, 1, cause);
}

/* Typed words as an FTS5 query, with the thesaurus of db. */
char *
fts_query_expanded(sqlite3 *db, const char *typed, char **cause)
{
	return fts_words(db, typed, 1, cause);
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

/* The most trigrams a query looks for: the text that holds them all is
 * few records already, and each costs the query a list to read. */
#define FTS_MAX_TRIGRAMS 16

/* An FTS5 query of the trigram index for the n bytes of text at p: each
 * of its trigrams, as the index keeps no positions to find them in a row
 * ("sove" is "sov" AND "ove"); NULL when it has fewer than three
 * characters. Records that hold the text hold them all. */
static char *
fts_trigram_query(const char *p, size_t n)
{
	struct strbuf q = { 0 };
	size_t at[FTS_MAX_TRIGRAMS + 3], chars = 0, i, k;

	/* Where each of the first characters starts, then where the last
	 * of them ends. */
	for (i = 0; i < n && chars < FTS_MAX_TRIGRAMS + 2; i++) {
		if (((unsigned char)p[i] & 0xc0) != 0x80)
			at[chars++] = i;
	}
	while (i < n && ((unsigned char)p[i] & 0xc0) == 0x80)
		i++;
	at[chars] = i;
	if (chars < 3)
		return NULL;
	for (k = 0; k + 3 <= chars; k++) {
		if (k > 0)
			strbuf_add(&q, " AND ");
		strbuf_add(&q, "\"");
		for (i = at[k]; i < at[k + 3]; i++)
			strbuf_addn(&q, p[i] == '"' ? "\"\"" : p + i, p[i] == '"' ? 2 : 1);
		strbuf_add(&q, "\"");
	}
	return strbuf_finish(&q);
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
	size_t best_len = 0, len;
	int depth = 0;

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
	return fts_trigram_query(best, best_len);
}
