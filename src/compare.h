/* Comparisons of 2 to 4 actors, countries or blocs, row by row, for the
 * compare command and the explorer's compare view. */
#ifndef AIATLAS_COMPARE_H
#define AIATLAS_COMPARE_H

#include <sqlite3.h>

#define COMPARE_MAX 4

/* One row: what it measures, each record's value as text for people, and
 * as a number where there is one (for the larger figure and the charts). */
struct compare_row {
	char	*label;
	char	*text[COMPARE_MAX];
	double	 value[COMPARE_MAX];
	int	 has_value[COMPARE_MAX];
	int	 chart;		/* worth a bar chart: money or per-head figures */
	char	*link[COMPARE_MAX];	/* a record the cell is about, or NULL */
	int	 disputed[COMPARE_MAX];	/* the cell's sum holds a disputed amount */
};

struct compare {
	int			 n;
	char			*id[COMPARE_MAX];
	char			*kind[COMPARE_MAX];
	char			*name[COMPARE_MAX];
	struct compare_row	*rows;
	int			 nrows;
};

/* Compare records (ids or aliases) in lang; NULL with *cause naming one
 * that is not an actor, a country or a bloc. */
struct compare	*compare_build(sqlite3 *db, const char *lang, char *const *ids, int n,
		     char **cause);
void		 compare_free(struct compare *c);

#endif
