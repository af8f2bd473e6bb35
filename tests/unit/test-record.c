/* Unit tests of a record's claims as people read them: each source named
 * as a reader cites it, each amount in the currency its source gives. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "record.h"
#include "tap.h"

/* A pledge in euros, and four sources: a news agency that gives it in
 * dollars, a signed opinion, and two articles with neither publisher nor
 * author, one of whose titles is long. */
static const char test_record_sql[] =
	"INSERT INTO source (id, title, publisher, author, published_on, lang, kind) VALUES"
	" ('wire', 'France and the UAE agree on a campus', 'Wire Agency', NULL, '2025-02-06',"
	"  'en', 'news'),"
	" ('seed-op', 'Sovereignty: a view', NULL, 'A. Writer', NULL, 'fr', 'opinion'),"
	" ('seed-colon', 'L''offensive française dans l''IA : 109 milliards', NULL, NULL, NULL,"
	"  'fr', 'news'),"
	" ('seed-long', 'L''Europe construit enfin ses propres usines géantes pour l''IA',"
	"  NULL, NULL, NULL, 'fr', 'news');"
	"INSERT INTO funding (id, title_en, title_fr, kind, nature, domain, status, currency,"
	" amount_low, amount_high, announced_on, summary_en, summary_fr) VALUES ('pledge',"
	" 'A pledge', 'Un engagement', 'sovereign_investment', 'public', 'compute', 'announced',"
	" 'EUR', 3e10, 5e10, '2025-02-06', 'A pledge.', 'Un engagement.');"
	"INSERT INTO claim (subject_id, field, value, value_low, value_high, source_id, rank,"
	" note_en, note_fr) VALUES"
	" ('pledge', 'amount', NULL, 3e10, 5e10, 'wire', 'preferred', 'n', 'n'),"
	" ('pledge', 'currency', 'USD', NULL, NULL, 'wire', 'normal', 'n', 'n'),"
	" ('pledge', 'currency', 'EUR', NULL, NULL, 'seed-op', 'preferred', 'n', 'n'),"
	" ('pledge', 'amount', '50000000000', NULL, NULL, 'seed-op', 'deprecated', 'n', 'n'),"
	" ('pledge', 'amount', '50000000000', NULL, NULL, 'seed-colon', 'normal', 'n', 'n'),"
	" ('pledge', 'amount', '50000000000', NULL, NULL, 'seed-long', 'normal', 'n', 'n');";

/* The claim of a source on a field, or NULL. */
static const struct record_claim *
test_claim(const struct record_claim *claims, int n, const char *field, const char *source_id)
{
	int i;

	for (i = 0; i < n; i++) {
		if (strcmp(claims[i].field, field) == 0 && strcmp(claims[i].source_id, source_id) == 0)
			return &claims[i];
	}
	return NULL;
}

/* The claims of a pledge made for the test: sources named, amounts in the
 * currency each source gives. */
static void
test_claims(void)
{
	struct record *r;
	const struct record_claim *c, *claims;
	char *cause = NULL;
	sqlite3 *db;
	int n;

	if ((db = db_create(":memory:", &cause)) == NULL || db_exec(db, test_record_sql, &cause) != 0)
		bail_out("cannot make the test database: %s", cause);
	if (record_load(db, "pledge", "en", &r) != 1)
		bail_out("cannot read the pledge: %s", sqlite3_errmsg(db));
	claims = r->claims;
	n = r->nclaims;
	is_int(n, 6, "every claim on the record");

	is_str(claims[0].field, "amount", "claims come by field");
	is_str(claims[0].rank, "preferred", "the preferred claim first");
	ok(claims[0].disputed, "the amount is disputed");

	c = test_claim(claims, n, "amount", "wire");
	is_str(c != NULL ? c->value : NULL, "$30–50bn",
	    "an amount is in the currency its source gives for the record");
	is_str(c != NULL ? c->source : NULL, "Wire Agency", "a source is named by its publisher");
	is_str(c != NULL ? c->date : NULL, "2025-02-06", "with its date");

	c = test_claim(claims, n, "amount", "seed-op");
	is_str(c != NULL ? c->value : NULL, "€50bn", "else in the record's currency");
	is_str(c != NULL ? c->source : NULL, "A. Writer", "without a publisher, by its author");
	ok(c != NULL && c->date == NULL, "an undated source has no date");

	c = test_claim(claims, n, "amount", "seed-colon");
	is_str(c != NULL ? c->source : NULL, "L'offensive française dans l'IA",
	    "without either, by its title before a colon");
	c = test_claim(claims, n, "amount", "seed-long");
	is_str(c != NULL ? c->source : NULL, "L'Europe construit enfin ses propres…",
	    "a long title is cut at a space, with an ellipsis");

	c = test_claim(claims, n, "currency", "wire");
	is_str(c != NULL ? c->value : NULL, "USD", "a currency is its code");
	ok(c != NULL && c->disputed, "the currency is disputed too");
	record_free(r);

	is_int(record_load(db, "no-such-record", "en", &r), 0, "a record that does not exist");
	ok(r == NULL, "is not read");
	db_close(db);
}

int
main(void)
{
	test_claims();
	done_testing();
	return exit_status();
}
