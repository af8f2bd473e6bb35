/* Places named by what was typed, to compare at once. */
#ifndef AIATLAS_NAMED_H
#define AIATLAS_NAMED_H

#include <sqlite3.h>

/* At most as many places as can be compared. */
#define NAMED_MAX	4

/* The places named, in the order typed: ids and names in the reader's
 * language. */
struct named {
	char	*ids[NAMED_MAX];
	char	*names[NAMED_MAX];
	int	 n;
};

/*
 * Whether typed (items split at commas, or at spaces when it has none)
 * names 2 to NAMED_MAX different places, each item exactly the name or an
 * alias of a country, a bloc or an actor (a country first, as search
 * orders them): 1 and set filled, 0 if not (set empty), -1 on a database
 * error. Free set with named_free().
 */
int	 named_find(sqlite3 *db, const char *typed, const char *lang, struct named *set);
/* Forget a set. */
void	 named_free(struct named *set);

#endif
