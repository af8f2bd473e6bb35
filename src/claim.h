/* Claims: the values sources give for a field, and which one is preferred. */
#ifndef AIATLAS_CLAIM_H
#define AIATLAS_CLAIM_H

#include <sqlite3.h>

/* The classes of sources, weakest first: the articles and opinion, the
 * press (news, reports, datasets), the official primary sources. */
enum claim_class {
	CLAIM_ARTICLE = 1,
	CLAIM_PRESS,
	CLAIM_OFFICIAL
};

/* Why a preferred claim may not be preferred over another one. */
enum claim_verdict {
	CLAIM_OK,		/* it may */
	CLAIM_LOWER_CLASS,	/* its source ranks below the other's */
	CLAIM_EARLIER_OFFICIAL	/* an official source was overtaken by a later one */
};

/* One claim as the preference rules see it: its value (text, a number or a
 * date), or its range (low..high amounts, or value..end_value dates), and
 * its source's kind, id and date. NULL pointers are absent values. */
struct claim {
	const char	*value;
	int		 ranged;	/* low and high are given */
	double		 low;
	double		 high;
	const char	*end_value;
	const char	*source_kind;
	const char	*source_id;
	const char	*source_date;
};

/* The class of a source, by its kind and id (seed-... ids are the
 * articles the dataset started from). */
enum claim_class	claim_source_class(const char *kind, const char *id);
/* Whether a and b give the same value (numbers compared as numbers). */
int			claim_same(const struct claim *a, const struct claim *b);
/* Whether range's range holds every value other gives. */
int			claim_covers(const struct claim *range, const struct claim *other);
/* Whether a record's column (column: its value, its range from the
 * *_low and *_high columns, its end date) holds what preferred gives. */
int			claim_held(const struct claim *column, const struct claim *preferred);
/* Whether preferred may be preferred over other, and if not why. */
enum claim_verdict	claim_prefer(const struct claim *preferred, const struct claim *other);
/* Register the SQL functions claim_class(kind, id) and claim_prefer(p..., o...)
 * (value, value_low, value_high, end_value, source kind, id and date of
 * each claim, returning a claim_verdict). */
void			claim_register(sqlite3 *db);

/* The fields of a funding's headline: its amount, currency and date. */
#define CLAIM_HEADLINE_FUNDING \
	"('amount', 'amount_low', 'amount_high', 'currency', 'announced_on')"

/* A funding's confidence (an SQL expression on the row f), computed from its
 * citations and claims: confirmed when an official source cites the record
 * or its headline and no headline field is disputed; likely when the press
 * cites it, or a headline field is disputed but its preferred value is
 * official;
 * speculative when only the articles and opinion do. */
#define CLAIM_CONFIDENCE_SQL \
	"(CASE WHEN EXISTS (SELECT 1 FROM citation AS c JOIN source AS s ON s.id = c.source_id" \
	"   WHERE c.subject_id = f.id AND c.stance = 'supports'" \
	"   AND (c.field = '*' OR c.field IN " CLAIM_HEADLINE_FUNDING ")" \
	"   AND claim_class(s.kind, s.id) = 3)" \
	"  AND NOT EXISTS (SELECT 1 FROM disputed AS d WHERE d.subject_id = f.id" \
	"   AND d.field IN " CLAIM_HEADLINE_FUNDING ")" \
	" THEN 'confirmed'" \
	" WHEN EXISTS (SELECT 1 FROM citation AS c JOIN source AS s ON s.id = c.source_id" \
	"   WHERE c.subject_id = f.id AND c.stance = 'supports'" \
	"   AND (c.field = '*' OR c.field IN " CLAIM_HEADLINE_FUNDING ")" \
	"   AND claim_class(s.kind, s.id) = 2)" \
	"  OR EXISTS (SELECT 1 FROM claim AS c JOIN source AS s ON s.id = c.source_id" \
	"   WHERE c.subject_id = f.id AND c.rank = 'preferred'" \
	"   AND c.field IN " CLAIM_HEADLINE_FUNDING " AND claim_class(s.kind, s.id) = 3)" \
	" THEN 'likely' ELSE 'speculative' END)"

#endif
