/* Unit tests of the preference rules: the class of a source, when one
 * value covers another, and which claim may be preferred over which. */
#include "config.h"

#include <stdlib.h>

#include "claim.h"
#include "tap.h"

/* A claim of one value from a source of kind and id, dated date. */
static struct claim
value_of(const char *value, const char *kind, const char *id, const char *date)
{
	struct claim c = { value, 0, 0, 0, NULL, kind, id, date };

	return c;
}

/* A claim of a range of amounts from a source of kind and id. */
static struct claim
range_of(double low, double high, const char *kind, const char *id)
{
	struct claim c = { NULL, 1, low, high, NULL, kind, id, "2025-02-06" };

	return c;
}

/* A claim of a date range from a source of kind and id. */
static struct claim
dates_of(const char *from, const char *to, const char *kind, const char *id)
{
	struct claim c = { from, 0, 0, 0, to, kind, id, "2025-02-11" };

	return c;
}

int
main(void)
{
	struct claim elysee, reuters, article, later, range, summit, eve, opinion, month;

	is_int(claim_source_class("official", "eurlex-2024-1689"), CLAIM_OFFICIAL,
	    "the Official Journal is an official source");
	is_int(claim_source_class("press_release", "softbank-2025-01-22"), CLAIM_OFFICIAL,
	    "a company's own announcement is an official source");
	is_int(claim_source_class("news", "reuters-2025-02-06"), CLAIM_PRESS,
	    "a news agency is the press");
	is_int(claim_source_class("report", "hai-2025-ai-index"), CLAIM_PRESS,
	    "a report is the press");
	is_int(claim_source_class("news", "seed-france-109bn"), CLAIM_ARTICLE,
	    "a seed article is an article, though its kind is news");
	is_int(claim_source_class("opinion", "aoshearman-2025"), CLAIM_ARTICLE,
	    "an opinion ranks with the articles");
	ok(CLAIM_OFFICIAL > CLAIM_PRESS && CLAIM_PRESS > CLAIM_ARTICLE,
	    "official above the press, the press above the articles");

	elysee = value_of("50000000000", "official", "elysee", "2025-02-06");
	reuters = value_of("5e10", "news", "reuters", "2025-02-06");
	article = value_of("30000000000", "news", "seed-article", "2025-02-10");
	later = value_of("40000000000", "official", "elysee-later", "2025-03-01");
	opinion = value_of("60000000000", "opinion", "op-ed", "2025-02-12");
	range = range_of(30e9, 50e9, "news", "seed-article");

	ok(claim_same(&elysee, &reuters), "5e10 and 50000000000 are the same value");
	ok(!claim_same(&elysee, &article), "50bn and 30bn are not");
	ok(!claim_same(&elysee, &range), "a value is not a range that holds it");

	ok(claim_covers(&range, &elysee), "30-50bn covers 50bn");
	ok(claim_covers(&range, &article), "30-50bn covers 30bn");
	ok(!claim_covers(&range, &opinion), "30-50bn does not cover 60bn");
	ok(!claim_covers(&elysee, &article), "a single value covers nothing else");

	is_int(claim_prefer(&elysee, &article), CLAIM_OK, "official over an article");
	is_int(claim_prefer(&reuters, &opinion), CLAIM_OK, "the press over an opinion");
	is_int(claim_prefer(&article, &elysee), CLAIM_LOWER_CLASS,
	    "an article over an official source: refused");
	is_int(claim_prefer(&article, &reuters), CLAIM_LOWER_CLASS,
	    "an article over the press: refused");
	is_int(claim_prefer(&range, &elysee), CLAIM_OK,
	    "an article's range over an official value it covers");
	is_int(claim_prefer(&range, &opinion), CLAIM_OK,
	    "an article's range over an opinion of the same class, though not covered");
	is_int(claim_prefer(&elysee, &reuters), CLAIM_OK,
	    "the same value from another source is no dispute");
	is_int(claim_prefer(&later, &elysee), CLAIM_OK, "a later official over an earlier one");
	is_int(claim_prefer(&elysee, &later), CLAIM_EARLIER_OFFICIAL,
	    "an earlier official over a later one: refused");
	month = value_of("45000000000", "official", "elysee-month", "2025-02");
	is_int(claim_prefer(&elysee, &month), CLAIM_OK,
	    "a month is not later than a day of that month: nothing decides");

	summit = dates_of("2025-02-10", "2025-02-11", "official", "elysee-statement");
	eve = value_of("2025-02-09", "news", "seed-article", "2025-02-10");
	is_int(claim_prefer(&summit, &eve), CLAIM_OK, "the official dates over the article's");
	ok(!claim_covers(&summit, &eve), "10-11 February does not cover the 9th");
	eve.value = "2025-02-11";
	ok(claim_covers(&summit, &eve), "10-11 February covers the 11th");
	is_int(claim_prefer(&eve, &summit), CLAIM_LOWER_CLASS,
	    "an article's date over the official dates: refused");

	{
		struct claim column = { "1000000000.0", 0, 0, 0, NULL, NULL, NULL, NULL };
		struct claim preferred = { "1e9", 0, 0, 0, NULL, NULL, NULL, NULL };
		struct claim dates = { "2025-02-10", 0, 0, 0, NULL, NULL, NULL, NULL };

		ok(claim_held(&column, &preferred), "a column of 1000000000.0 holds 1e9");
		column.value = "1200000000.0";
		ok(!claim_held(&column, &preferred), "a column of 1.2e9 does not hold 1e9");
		column = range;
		ok(claim_held(&column, &range), "a column's range holds the same range");
		column.low = 20e9;
		ok(!claim_held(&column, &range), "20-50bn does not hold 30-50bn");
		ok(!claim_held(&dates, &summit), "a date without its end does not hold 10-11 February");
		dates.end_value = "2025-02-11";
		ok(claim_held(&dates, &summit), "10 to 11 February holds 10-11 February");
	}
	done_testing();
	return exit_status();
}
