/* Comparisons of 2 to 4 places, actors or funding items, row by row, within
 * an explicit scope, for the compare command and the explorer's compare
 * view. */
#ifndef AIATLAS_COMPARE_H
#define AIATLAS_COMPARE_H

#include <sqlite3.h>

#include "output.h"

#define COMPARE_MAX 4

/* The domains of funding, as bits of compare_scope.domains. */
#define COMPARE_AI		0x1
#define COMPARE_COMPUTE		0x2
#define COMPARE_SEMICONDUCTORS	0x4
#define COMPARE_GENERAL		0x8
#define COMPARE_DOMAINS_DEFAULT	(COMPARE_AI | COMPARE_COMPUTE)
#define COMPARE_DOMAINS_ALL	0xf

/* What a comparison adds: top-level funding items announced from one year
 * to another, in some domains; a bloc's members' money in rows of their
 * own, or left out. */
struct compare_scope {
	int		 from, to;	/* years; 0: the latest year with funding */
	unsigned int	 domains;	/* COMPARE_* bits; 0: ai and compute */
	int		 members_out;	/* leave a bloc's members' money out */
};

/* One row: what it measures, each record's value as text for people, and
 * as a number where there is one (for the larger figure and the charts). */
struct compare_row {
	char	*label;
	char	*text[COMPARE_MAX];
	char	*plain[COMPARE_MAX];	/* for csv, tsv, json when not a number */
	double	 value[COMPARE_MAX];
	int	 has_value[COMPARE_MAX];
	int	 chart;		/* worth a bar chart: money or per-head figures */
	char	*link[COMPARE_MAX];	/* a record the cell is about, or NULL */
	int	 disputed[COMPARE_MAX];	/* the cell's sum holds a disputed amount */
};

struct compare {
	int			 n;
	char			*id[COMPARE_MAX];
	char			*kind[COMPARE_MAX];	/* country, bloc, actor, funding */
	char			*name[COMPARE_MAX];
	struct compare_scope	 scope;		/* as used: years and domains set */
	char			*scope_text;	/* "scope: 2025 · ai, compute · ..." */
	struct compare_row	*rows;
	int			 nrows;
};

/* Compare records (ids or aliases) in lang within scope (NULL: the
 * default); NULL with *cause naming one that is not an actor, a country, a
 * bloc, a funding item or an event that announces one. A state actor and a
 * bloc of one state stand for their country, an event for its funding. */
struct compare	*compare_build(sqlite3 *db, const char *lang, char *const *ids, int n,
		     const struct compare_scope *scope, char **cause);
/* Read a list of domains ("ai,compute", or "all") into COMPARE_* bits;
 * 0, or -1 with *bad (freed by the caller) the first unknown name. */
int		 compare_domains_parse(const char *list, unsigned int *domains, char **bad);
/* The scope as people read it: "scope: 2025 · ai, compute · top-level items
 * only · members apart" (freed by the caller). */
char		*compare_scope_format(const struct compare_scope *s);
/* Write the rows to o (columns named after the records): text for people
 * when human, else plain numbers and the scope as a first row. */
void		 compare_write(const struct compare *c, struct output *o, int human);
void		 compare_free(struct compare *c);

#endif
