/* One record and what relates to it: the queries the show command and the
 * explorer's record view share. */
#ifndef AIATLAS_RECORD_H
#define AIATLAS_RECORD_H

#include <sqlite3.h>

/* A relation of a record kind (* for every kind): a heading and a query of
 * links (id, kind, name, detail), with ?1 the record's id and ?2 the
 * language. */
struct record_relation {
	const char	*kind;
	const char	*heading;
	const char	*sql;
};

/* The relations, ending with a NULL kind. */
extern const struct record_relation record_relations[];

/* A record's sources, disagreements first: source_id, title, publisher,
 * published_on, url, stance, field, locator, note (in the language ?2). */
extern const char record_sources_sql[];

/* Find a record by id, by id in any case, or by alias: 1 and the id and
 * kind (freed by the caller), 0 if none, -1 on a database error. */
int		 record_find(sqlite3 *db, const char *wanted, char **id, char **kind);
/* A record's own fields, as read: the statement holds the row, and the
 * currency and unit that amounts and quantities are in. */
struct record_fields {
	sqlite3_stmt	*stmt;
	int		 n;
	const char	*currency;
	const char	*unit;
};

/* Read the fields of record id of a kind; 0, or -1 if there is none. */
int		 record_fields_open(sqlite3 *db, const char *kind, const char *id,
		     struct record_fields *f);
/* Field i as people read it: amounts and quantities with their short form
 * ("1700000000 (€1.7bn)"); NULL when empty. Freed by the caller. */
char		*record_field_text(const struct record_fields *f, int i);
void		 record_fields_close(struct record_fields *f);
/* The record's display name in lang, or NULL (freed by the caller). */
char		*record_name(sqlite3 *db, const char *id, const char *lang);

/* SQL true when record id (an SQL expression) has a disputed field. */
#define RECORD_DISPUTED(id) "EXISTS (SELECT 1 FROM disputed WHERE subject_id = " id ")"

/* One claim on a field of a record: the value as people read it ("€30–50bn",
 * "2025-02-10 – 2025-02-11"), the source named as a reader cites it (its
 * publisher, else its author, else its title shortened) with its date, and
 * whether the field is disputed (its claims hold more than one value). */
struct record_claim {
	char	*field;
	char	*value;
	char	*rank;		/* preferred, normal or deprecated */
	char	*source_id;
	char	*source;
	char	*date;		/* the source's, or NULL */
	char	*locator;	/* or NULL */
	char	*note;		/* in the language asked for */
	int	 disputed;
};

/* The claims on record id, by field, each field's preferred claim first
 * then the others by date; amounts in the currency their source gives for
 * the record, else in currency (the record's), and values in unit (NULL:
 * none).
 * Returns how many (0 with *claims NULL if none or on an error); free
 * them with record_claims_free(). Shared by show and the record view. */
int		 record_claims(sqlite3 *db, const char *id, const char *lang,
		     const char *currency, const char *unit, struct record_claim **claims);
void		 record_claims_free(struct record_claim *claims, int n);
/* The claims on field in one line, "source, date: value" joined by sep:
 * those shown wrong (deprecated), or the others; NULL if none. */
char		*record_claims_line(const struct record_claim *claims, int n,
		     const char *field, int deprecated, const char *sep);
/* The disputed field whose claims go under column name (the column's own,
 * or for the high end of a range, amount_high, the range's), or NULL. */
const char	*record_claims_field(const char *name, const struct record_claim *claims,
		     int n);

#endif
