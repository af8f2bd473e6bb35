/* The full-text index: building it and turning typed words into queries. */
#ifndef AIATLAS_FTS_H
#define AIATLAS_FTS_H

#include <sqlite3.h>

/* How fts_prepare() takes what was typed: as words, as words being typed
 * (a first page, see fts_prepare()), as a regular expression, or as one
 * that ignores case and accents (matched against folded text). */
enum fts_mode {
	FTS_WORDS,
	FTS_TYPING,
	FTS_REGEX,
	FTS_REGEX_FOLD
};

/* Fill record_fts from every record table (replacing what it held). */
int	 fts_build(sqlite3 *db, char **cause);
/* The parts of that: the table of text (record_text, record_name) from
 * the records, the word index (record_fts, record_word) and the trigram
 * index (record_tri) from the text. */
#define FTS_PART_TEXT		1
#define FTS_PART_WORDS		2
#define FTS_PART_TRIGRAMS	4
int	 fts_build_parts(sqlite3 *db, int parts, char **cause);
/* Make the trigram index name_tri of main's name_text whole, as
 * FTS_PART_TRIGRAMS does, in any database whose main schema has those
 * two, the table of text with rowids and a text column (trigrams-apart.c
 * makes one so in a file of its own). */
int	 fts_build_trigrams(sqlite3 *db, const char *name, char **cause);
/* Fill the full-text tables of the user's records (user.user_fts,
 * user_text, user_tri, user_word, user_name: merge_search_tables() makes
 * them) from the user's record tables, whole. */
int	 fts_build_user(sqlite3 *db, char **cause);
/* Begin noting the records an import or a removal may add, remove or
 * give other aliases: their ids go into temp.fts_changed (id), by the
 * caller, for fts_refresh_user() to look at those alone. */
int	 fts_note_changes(sqlite3 *db, char **cause);
/* Bring them in step with the user's records after an import or a
 * removal, in its transaction, for the records temp.fts_changed names
 * (fts_note_changes()): the rows of those gone or whose aliases changed
 * taken out, those not indexed yet added. Its cost is in proportion to
 * the records changed, where fts_build_user() makes all again. */
int	 fts_refresh_user(sqlite3 *db, char **cause);
struct fts_refresh;
/* The same in two steps, so that the trigram index is made meanwhile (in
 * a second process, when every row of the user's is new and they are
 * many): the begin fills the table of text (NULL with *cause), the end
 * the indexes (0, or -1 with *cause); stop gives up instead of ending. */
struct fts_refresh	*fts_refresh_begin(sqlite3 *db, char **cause);
int			 fts_refresh_end(sqlite3 *db, struct fts_refresh *r, char **cause);
void			 fts_refresh_stop(struct fts_refresh *r);
/* The file beside the user database at path that an import which adds
 * every record makes their trigram index in, meanwhile (freed by the
 * caller). */
char	*fts_apart_path(const char *path);

/* The ids of the records, bundled and the user's (when merge_mine()),
 * whose full text matches the FTS5 query in parameter p ("?2"; each ? is
 * bound to the query), as "(SELECT id ...)"; freed by the caller. */
char	*fts_matching(sqlite3 *db, const char *p);
/* Whether the record whose id is the SQL id_expr matches the FTS5 query
 * in parameter p, as fts_matching() says, for a scan that tests each row:
 * a few matches as a set of ids, many as rowids of the index (for their
 * ids, fts_matching() reads each one's row of text: a second for a common
 * word at a million). A filter is better served by fts_matching(), whose
 * ids SQLite can look up. Freed by the caller. */
char	*fts_matches(sqlite3 *db, const char *id_expr, const char *p);
/* The ids of the records, the same way, whose text holds the trigram
 * query in parameter p (fts_literal_query()). */
char	*fts_trigrams(sqlite3 *db, const char *p);
/* Turn what a person typed into an FTS5 query: every word must match, the
 * last ones as prefixes; quotes keep a phrase. NULL with *cause if there
 * is nothing to search for. The result is freed by the caller. */
char	*fts_query(const char *typed, char **cause);
/* The same, each word or phrase also matching its equivalents in the
 * thesaurus of db (table term: souveraineté, sovereignty). */
char	*fts_query_expanded(sqlite3 *db, const char *typed, char **cause);

/* How a search's rows mark what they hold: matched words between open
 * and close; a record with a disputed field as yes, others as no (NULL
 * for none). */
struct fts_marks {
	const char	*open, *close;
	const char	*yes, *no;
};

/* For people (open «, close », yes ⚑, no NULL) and for data ("", "",
 * yes, no). */
extern const struct fts_marks fts_marks_human, fts_marks_data;

/*
 * Prepare a search for what was typed, taken as mode says, of kind (NULL:
 * every kind), in lang, at most limit rows (-1: all), rows marked as marks
 * says. NULL with *cause on a database error (or when fts_query() would
 * refuse the words). Its rows:
 *
 * - words: id, kind, name, match (a snippet, the matched words marked),
 *   disputed; a proper name (of a country, bloc or actor) or alias that is
 *   what was typed first, then names that start with it, names holding
 *   the words, other kinds' titles, and text and the user's notes; in
 *   each of these by kind (the registry's search order), then by bm25.
 * - words being typed: the same rows, but of the first matches only (at
 *   most limit in names and aliases, and as many anywhere, in the index's
 *   order): in the same tiers and kind order, not ranked inside them. It
 *   costs a page, not every match. Words with one of a single character
 *   (fts_typing_names_only()) are searched in names and aliases only.
 * - regular expressions: id, kind, name, disputed, in kind and name
 *   order, over names, aliases, text and the user's notes. With a limit,
 *   what the pattern holds in many records is found by reading each
 *   kind in name order until there are enough: the statement depends on
 *   the pattern, and fts_rebind() is for words only.
 */
sqlite3_stmt	*fts_prepare(sqlite3 *db, const char *typed, enum fts_mode mode,
		    const char *kind, const char *lang, long limit,
		    const struct fts_marks *marks, char **cause);

/* Bind stmt, made by fts_prepare() for mode, to another search in the
 * same mode, as fts_prepare() would (it is reset first): a search run
 * again at each key is prepared once. 0, or -1 with *cause; 1 if stmt
 * no longer fits (the user's notes came or went, which the statement
 * reads or not, or lang is another, whose names it reads): it is then to
 * be finalized and made again. */
int		 fts_rebind(sqlite3 *db, sqlite3_stmt *stmt, const char *typed,
		    enum fts_mode mode, const char *kind, const char *lang, long limit,
		    const struct fts_marks *marks, char **cause);

/* Whether what is typed holds a word of one character, which FTS_TYPING
 * searches in names and aliases only. */
int		 fts_typing_names_only(const char *typed);

/* The trigram query for a piece of text every match of a regular
 * expression holds (its trigrams: "\"gig\" AND \"iga\" AND ..."), or
 * NULL if there is none of three characters or more. Freed by the
 * caller. */
char	*fts_literal_query(const char *pattern);

#endif
