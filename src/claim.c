/* Claims: the values sources give for a field, and which one is preferred. */
#include "config.h"
#include "claim.h"

#include <math.h>
#include <string.h>

#include "number.h"

/* The source kinds of the official primary sources and of the press;
 * every other kind (opinion) and the seed articles are the articles' class. */
static const char *const claim_official_kinds[] = { "official", "press_release", NULL };
static const char *const claim_press_kinds[] = { "news", "report", "dataset", NULL };

/* Whether kind is one of kinds. */
static int
claim_kind_in(const char *kind, const char *const *kinds)
{
	for (; kind != NULL && *kinds != NULL; kinds++) {
		if (strcmp(kind, *kinds) == 0)
			return 1;
	}
	return 0;
}

/* The class of a source, by its kind and id. */
enum claim_class
claim_source_class(const char *kind, const char *id)
{
	if (id != NULL && strncmp(id, "seed-", 5) == 0)
		return CLAIM_ARTICLE;
	if (claim_kind_in(kind, claim_official_kinds))
		return CLAIM_OFFICIAL;
	if (claim_kind_in(kind, claim_press_kinds))
		return CLAIM_PRESS;
	return CLAIM_ARTICLE;
}

/* Read s whole as a number; 0, or -1 if it is not one. */
static int
claim_number(const char *s, double *d)
{
	char *end;

	return s != NULL && number_parse(s, d, &end) == 0 && *end == '\0' ? 0 : -1;
}

/* Whether two numbers are the same, to the precision a CSV gives. */
static int
claim_equal(double a, double b)
{
	double scale = fabs(a) > fabs(b) ? fabs(a) : fabs(b);

	return fabs(a - b) <= 1e-9 * scale;
}

/* Whether two optional texts are the same (numbers compared as numbers). */
static int
claim_same_text(const char *a, const char *b)
{
	double x, y;

	if (a == NULL || b == NULL)
		return a == b;
	if (claim_number(a, &x) == 0 && claim_number(b, &y) == 0)
		return claim_equal(x, y);
	return strcmp(a, b) == 0;
}

/* Whether a and b give the same value. */
int
claim_same(const struct claim *a, const struct claim *b)
{
	if (a->ranged != b->ranged)
		return 0;
	if (a->ranged && (!claim_equal(a->low, b->low) || !claim_equal(a->high, b->high)))
		return 0;
	return claim_same_text(a->value, b->value) &&
	    claim_same_text(a->end_value, b->end_value);
}

/* Whether range's range holds every value other gives: an amount range
 * holds a number or a narrower range; a date range (value..end_value)
 * holds a date or a shorter date range inside it. */
int
claim_covers(const struct claim *range, const struct claim *other)
{
	double v;
	const char *end;

	if (range->ranged) {
		if (other->ranged)
			return other->low >= range->low && other->high <= range->high;
		return claim_number(other->value, &v) == 0 &&
		    v >= range->low && v <= range->high;
	}
	if (range->value == NULL || range->end_value == NULL || other->value == NULL)
		return 0;
	end = other->end_value != NULL ? other->end_value : other->value;
	return strcmp(other->value, range->value) >= 0 && strcmp(end, range->end_value) <= 0;
}

/* Whether date a is strictly before date b, each at its own precision: a
 * month is not before a day of that month. */
static int
claim_before(const char *a, const char *b)
{
	size_t n;

	if (a == NULL || b == NULL)
		return 0;
	n = strlen(a) < strlen(b) ? strlen(a) : strlen(b);
	return strncmp(a, b, n) < 0;
}

/* Whether preferred may be preferred over other, and if not why. */
enum claim_verdict
claim_prefer(const struct claim *preferred, const struct claim *other)
{
	enum claim_class p, o;

	if (claim_same(preferred, other) || claim_covers(preferred, other))
		return CLAIM_OK;
	p = claim_source_class(preferred->source_kind, preferred->source_id);
	o = claim_source_class(other->source_kind, other->source_id);
	if (p < o)
		return CLAIM_LOWER_CLASS;
	if (p == CLAIM_OFFICIAL && o == CLAIM_OFFICIAL &&
	    claim_before(preferred->source_date, other->source_date))
		return CLAIM_EARLIER_OFFICIAL;
	return CLAIM_OK;
}

/* The SQL function claim_class(kind, id). */
static void
claim_class_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_int(ctx, claim_source_class((const char *)sqlite3_value_text(argv[0]),
	    (const char *)sqlite3_value_text(argv[1])));
}

/* Fill c from seven SQL arguments: value, value_low, value_high,
 * end_value, source kind, source id, source date. */
static void
claim_from_sql(struct claim *c, sqlite3_value **argv)
{
	c->value = (const char *)sqlite3_value_text(argv[0]);
	c->ranged = sqlite3_value_type(argv[1]) != SQLITE_NULL &&
	    sqlite3_value_type(argv[2]) != SQLITE_NULL;
	c->low = sqlite3_value_double(argv[1]);
	c->high = sqlite3_value_double(argv[2]);
	c->end_value = (const char *)sqlite3_value_text(argv[3]);
	c->source_kind = (const char *)sqlite3_value_text(argv[4]);
	c->source_id = (const char *)sqlite3_value_text(argv[5]);
	c->source_date = (const char *)sqlite3_value_text(argv[6]);
}

/* The SQL function claim_prefer(the preferred claim's seven, the other's). */
static void
claim_prefer_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct claim p, o;

	(void)argc;
	claim_from_sql(&p, argv);
	claim_from_sql(&o, argv + 7);
	sqlite3_result_int(ctx, claim_prefer(&p, &o));
}

/* Register the SQL functions. */
void
claim_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

	sqlite3_create_function(db, "claim_class", 2, flags, NULL, claim_class_sql, NULL, NULL);
	sqlite3_create_function(db, "claim_prefer", 14, flags, NULL, claim_prefer_sql,
	    NULL, NULL);
}
