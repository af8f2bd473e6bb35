/* One record as the show command and the explorer's record view render it:
 * its own fields, the claims on them, its aliases, the records it links
 * to, its sources and the user's notes, read by record_load(). */
#ifndef AIATLAS_RECORD_H
#define AIATLAS_RECORD_H

#include <sqlite3.h>

/* A value as stored: its text (NULL for NULL) and its SQLite type. */
struct record_value {
	char	*text;
	int	 type;
};

/* One of the record's own fields, a column of its kind's table. */
struct record_field {
	char			*name;
	struct record_value	 stored;
	/* As people read it ("1700000000 (€1.7bn)"), or NULL when empty. */
	char			*text;
	/* The disputed field whose claims show under this one (a range's
	 * under its first end shown), or NULL. */
	const char		*disputed;
};

/* One claim on a field of a record: the value as people read it ("€30–50bn",
 * "2025-02-10 – 2025-02-11"), the source named as a reader cites it (its
 * publisher, else its author, else its title shortened) with its date, and
 * whether the field is disputed (its claims hold more than one value). */
struct record_claim {
	char			*field;
	char			*value;
	char			*rank;		/* preferred, normal or deprecated */
	char			*source_id;
	char			*source;
	char			*date;		/* the source's, or NULL */
	char			*locator;	/* or NULL */
	char			*note;		/* in the language asked for */
	int			 disputed;
	/* As stored: value, value_low, value_high and end_value, and the
	 * source as its publisher, else its whole title. */
	struct record_value	 stored[4];
	char			*cited;
};

/* A record linked to: its name in the language asked for, and a detail
 * ("lead, €600M") or NULL. */
struct record_link {
	char	*id;
	char	*kind;
	char	*name;
	char	*detail;
};

/* The records linked to under one heading (untranslated: show it with
 * _()). */
struct record_relation {
	const char		*heading;
	struct record_link	*links;
	int			 nlinks;
	int			 more;		/* links past the most asked for */
};

/* A source of the record and how it stands on it. */
struct record_source {
	char	*source_id;
	char	*title;
	char	*publisher;	/* or NULL */
	char	*published_on;	/* or NULL */
	char	*url;		/* or NULL */
	char	*stance;
	char	*field;		/* the field it is cited on, or "*" */
	char	*locator;	/* or NULL */
	char	*note;		/* in the language asked for, or NULL */
	int	 contradicts;
};

/* A note the user wrote on the record: its number (note edit N), its
 * text, and when it was last changed. */
struct record_note {
	long long	 n;
	char		*text;
	char		*date;
};

/* A record. Fields come in their table's order; claims by field, each
 * field's preferred claim first, then the others by date; relations only
 * when they link to something; sources disagreements first. */
struct record {
	char			*id;
	char			*kind;
	char			*title;		/* its name in the language, else its id */
	struct record_field	*fields;
	int			 nfields;
	struct record_claim	*claims;
	int			 nclaims;
	char			**aliases;
	int			 naliases;
	struct record_relation	*relations;
	int			 nrelations;
	struct record_source	*sources;
	int			 nsources;
	/* The user's notes on it, from schema user, oldest first. */
	struct record_note	*notes;
	int			 nnotes;
};

/* Read the record wanted (an id, an id in another case, or an alias) in
 * language lang: 1 and *r (free it with record_free()), 0 if there is no
 * such record, -1 on a database error. */
int		 record_load(sqlite3 *db, const char *wanted, const char *lang,
		     struct record **r);
/* The same with at most most links under each heading (0: all), those
 * past it marked by the relation's more. */
int		 record_load_some(sqlite3 *db, const char *wanted, const char *lang,
		     int most, struct record **r);
void		 record_free(struct record *r);
/* The claims on field in one line, "source, date: value" joined by sep:
 * those shown wrong (deprecated), or the others; NULL if none. */
char		*record_claims_line(const struct record *r, const char *field,
		     int deprecated, const char *sep);

/* Find a record by id, by id in any case, or by alias: 1 and the id and
 * kind (freed by the caller), 0 if none, -1 on a database error. */
int		 record_find(sqlite3 *db, const char *wanted, char **id, char **kind);
/* The record's display name in lang, or NULL (freed by the caller). */
char		*record_name(sqlite3 *db, const char *id, const char *lang);

/* SQL of figure g's value with its unit, its bound, its date and its
 * target, the words and dates in the language of the data ("≥ 100k chips
 * by 2027 · 9 Feb 2025"). */
#define RECORD_QUANTITY(g) \
	"CASE " g ".bound WHEN 'at_least' THEN '≥ ' WHEN 'at_most' THEN '≤ '" \
	" WHEN 'about' THEN '≈ ' ELSE '' END" \
	" || coalesce(quantity(" g ".value, " g ".unit)," \
	"  quantity_range(" g ".value_low, " g ".value_high, " g ".unit))" \
	" || coalesce(' ' || phrase('by', date_text(" g ".target_date)), '')" \
	" || coalesce(' · ' || date_text(" g ".as_of), '')"

/* SQL true when record id (an SQL expression) has a claim: a record
 * without any, nearly every one, has no disputed field, and an index
 * lookup says so where the disputed view opens a table to count in. */
#define RECORD_CLAIMED(id) "EXISTS (SELECT 1 FROM claim WHERE subject_id = " id ")"
/* SQL true when record id (an SQL expression) has a disputed field. */
#define RECORD_DISPUTED(id) \
	"(" RECORD_CLAIMED(id) " AND EXISTS (SELECT 1 FROM disputed WHERE subject_id = " id "))"
/* Whether the record whose id is the SQL id is one the user imported
 * (temp.mine: merge.c). */
#define RECORD_MINE(id) "EXISTS (SELECT 1 FROM temp.mine WHERE id = " id ")"

#endif
