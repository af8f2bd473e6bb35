/* The registry of record kinds: one row per table of the data, that every
 * module reads (the loader, lists, filters, search, checks, the full-text
 * index, compare and the explorer's tabs). A new kind is one row. */
#ifndef AIATLAS_KIND_H
#define AIATLAS_KIND_H

#include <sqlite3.h>

struct list_column;

/* How many kinds are listed (list KIND), and how many have a tab in the
 * explorer; test-kind checks them against the table. */
#define KIND_NLISTED	7
#define KIND_NTABS	5

/* How a record of a kind can be compared. */
enum kind_compare {
	KIND_COMPARE_NONE,
	KIND_COMPARE_PLACE,	/* as a place: marked in the explorer, compared anywhere */
	KIND_COMPARE_ITEM,	/* as a funding item, from the command line */
	KIND_COMPARE_ANNOUNCED	/* through the funding item it announces */
};

/* What a kind's tab shows. */
enum kind_view {
	KIND_VIEW_LIST,
	KIND_VIEW_TIMELINE
};

/* A row's key for the tables without an id: their key's columns joined
 * with '/' (used in messages that name a row). */
#define KIND_KEY_BLOC_MEMBER	"bloc_id || '/' || iso3"
#define KIND_KEY_ALIAS		"subject_id || '/' || alias"
#define KIND_KEY_TERM		"concept || '/' || term"
#define KIND_KEY_FUNDING_PARTY	"funding_id || '/' || actor_id || '/' || role"
#define KIND_KEY_EVENT_ACTOR	"event_id || '/' || actor_id || '/' || role"
#define KIND_KEY_CITATION	"subject_id || '/' || source_id || '/' || field"
#define KIND_KEY_FX_RATE	"currency || '/' || year"
#define KIND_KEY_CLAIM		"subject_id || '/' || field || '/' || source_id"

/* How a number of a kind's rows is said: "%ld actor", "%ld actors" (marked
 * with NN_, chosen by kind_count() for a number). */
struct kind_count {
	const char			*one;
	const char			*many;
};

/*
 * One table of the data. A record kind has a name (as the record table and
 * search's results say it); a table of links or facts about records
 * (bloc members, aliases, citations, claims...) has none. Every string is
 * a constant of the program: safe to paste into SQL.
 */
struct kind {
	const char			*name;		/* "actor", or NULL */
	const char			*plural;	/* "actors": list KIND, --kind, load */
	struct kind_count		 count;		/* "%ld actors": for people */
	const char			*table;
	const char			*id;		/* its id column, or SQL of its key */
	const char			*title_en;	/* its title columns (record_label) */
	const char			*title_fr;
	const char			*file;		/* in a data directory */
	int				 cited;		/* takes a sources column */
	int				 optional;	/* a data directory may go without */
	int				 bundled;	/* only the bundled data has it: never
							 * the user's, never merged */
	int				 named;		/* its title is searched as a name */
	int				 proper;	/* that name is a proper name: its
							 * exact match ranks first */
	int				 search;	/* its place, from 1, among search
							 * results that rank alike */
	const char			*text;		/* the rest of what search indexes */
	int				 list;		/* its place among the lists, from 1 */
	const struct list_column	*columns;	/* the list's, the id first */
	const char			*sort;		/* the list's own order */
	const char			*tab_label;	/* its tab's label, or NULL */
	enum kind_view			 view;
	enum kind_compare		 compare;
};

/* Every table, in the order the loader fills them (what a row refers to
 * first), ending with a NULL table. */
extern const struct kind kinds[];

/* Which rows kind_each() takes: all, or those that are all of these. */
#define KIND_ALL	0
#define KIND_RECORD	1	/* a record kind */
#define KIND_TEXT	2	/* with text for search */
#define KIND_REQUIRED	4	/* not optional */
#define KIND_NAMED	8	/* whose title is searched as a name */
#define KIND_PROPER	16	/* whose title is a proper name */
#define KIND_MERGED	32	/* the user's records may have (not bundled) */
#define KIND_NAME_ORDER	64	/* not a kind: kind_each() in the order of their names */

/* The kind of a table or of a record kind, or named by its plural
 * ("actors", "actor", "bloc-members", "bloc_member"); NULL if none. */
const struct kind	*kind_find(const char *name);
/* The header people read for a column named name (a list's column, by
 * its label in the reader's language), or name itself. */
const char		*kind_column_label(const char *name);
/* n rows of k for people: "1 actor", "2 actors", in the reader's language
 * (freed by the caller). */
char			*kind_count(const struct kind *k, long n);
/* The kind listed as name ("actors"), as list KIND says it; or NULL. */
const struct kind	*kind_list(const char *name);
/* The i-th listed kind from 0, in the lists' order; NULL past the last. */
const struct kind	*kind_listed(int i);
/* The i-th kind with a tab from 0, in the tabs' order; NULL past the last. */
const struct kind	*kind_tab(int i);
/* The kind of the table that holds record id: 1 and *k, 0 if no record has
 * that id, -1 on a database error. */
int			 kind_of_id(sqlite3 *db, const char *id, const struct kind **k);
/* The plurals of the listed kinds, "actors, funding, ...". */
const char		*kind_list_names(void);
/*
 * A template repeated for each kind that is all of which (KIND_RECORD...),
 * joined by sep; in it $k is the record kind, $p the plural, $t the table,
 * $i the id column (or key), $x the text (NULL where a row has none),
 * $s its place among search results that rank alike, and $e and $f its
 * English and French title columns.
 * Freed by the caller.
 */
char			*kind_each(const char *tmpl, const char *sep, int which);

#endif
