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
/* SELECT * of a record of the kind, with ?1 its id; NULL for no kind. */
const char	*record_fields_sql(const char *kind);
/* The record's display name in lang, or NULL (freed by the caller). */
char		*record_name(sqlite3 *db, const char *id, const char *lang);

#endif
