/* Unit tests of the record model: a record's claims as people read them
 * (each source named as a reader cites it, each amount in the currency its
 * source gives), and a record of the fixture as show and the record view
 * render it (its fields, claims, aliases, relations, sources and the
 * user's notes). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "note.h"
#include "record.h"
#include "userdb.h"
#include "tap.h"
#include "fixture.h"

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

/* The field of a record named name, or NULL. */
static const struct record_field *
test_field(const struct record *r, const char *name)
{
	int i;

	for (i = 0; i < r->nfields; i++) {
		if (strcmp(r->fields[i].name, name) == 0)
			return &r->fields[i];
	}
	return NULL;
}

/* The relation of a record under heading, or NULL. */
static const struct record_relation *
test_relation(const struct record *r, const char *heading)
{
	int i;

	for (i = 0; i < r->nrelations; i++) {
		if (strcmp(r->relations[i].heading, heading) == 0)
			return &r->relations[i];
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
	struct userdb *u;
	char *cause = NULL;
	sqlite3 *db;
	int n;

	if ((db = db_create(":memory:", &cause)) == NULL || db_exec(db, test_record_sql, &cause) != 0)
		bail_out("cannot make the test database: %s", cause);
	if ((u = userdb_open(db, NULL, "none", &cause)) == NULL)
		bail_out("cannot attach a user database: %s", cause);
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
	userdb_free(u);
	db_close(db);
}

/* A funding of the fixture, as show and the record view render it. */
static void
test_funding(sqlite3 *db)
{
	const struct record_field *f;
	const struct record_relation *rel;
	struct record *r;
	char *line;

	if (record_load(db, "alpha-series-b-2025", "en", &r) != 1)
		bail_out("cannot read alpha-series-b-2025: %s", sqlite3_errmsg(db));
	is_str(r->kind, "funding", "a funding is a funding");
	is_str(r->title, "Alpha Labs Series B", "titled in the language asked for");
	is_str(r->fields[0].name, "id", "fields come in their table's order");

	f = test_field(r, "amount");
	is_str(f != NULL ? f->text : NULL, "1000000000 (€1bn)", "an amount with its short form");
	is_str(f != NULL ? f->stored.text : NULL, "1000000000.0", "and as stored");
	is_str(f != NULL ? f->disputed : NULL, "amount", "the amount is disputed");
	f = test_field(r, "valuation_post");
	ok(f != NULL && f->disputed == NULL, "the valuation is not");
	f = test_field(r, "amount_low");
	ok(f != NULL && f->text == NULL && f->stored.text == NULL, "an empty field is empty");

	is_int(r->nclaims, 3, "two sources give the amount, one of them a currency");
	line = record_claims_line(r, "amount", 0, " · ");
	is_str(line, "Alpha Labs, 9 Sep 2025: €1bn · Test Daily, 10 Feb 2025: $1.2bn",
	    "what each source says, the preferred first");
	free(line);
	ok(record_claims_line(r, "amount", 1, " · ") == NULL, "none is shown wrong");

	is_int(r->nrelations, 4, "recipient, parties, events, country");
	is_str(r->relations[0].heading, "Recipient", "relations in the order shown");
	rel = test_relation(r, "Parties");
	is_int(rel != NULL ? rel->nlinks : 0, 3, "three parties");
	is_str(rel != NULL ? rel->links[0].id : NULL, "beta-bank", "the lead first");
	is_str(rel != NULL ? rel->links[0].detail : NULL, "lead, €600M", "with its role and share");
	ok(test_relation(r, "Figures") == NULL, "a relation without links is left out");

	is_int(r->nsources, 4, "four citations");
	ok(r->sources[0].contradicts, "the contradicting source first");
	is_str(r->sources[0].field, "amount", "on the amount");
	is_str(r->sources[2].url, "https://example.org/alpha", "a source's address");
	is_int(r->naliases, 0, "no aliases");
	is_int(r->nnotes, 0, "no notes");
	record_free(r);
}

/* A range whose claims show under its high end, and a record found by an
 * alias in French. */
static void
test_range_alias(sqlite3 *db)
{
	const struct record_field *f;
	struct record *r;

	if (record_load(db, "delta-range-2025", "en", &r) != 1)
		bail_out("cannot read delta-range-2025: %s", sqlite3_errmsg(db));
	f = test_field(r, "amount_low");
	ok(f != NULL && f->disputed == NULL, "a range's claims are not under its low end");
	f = test_field(r, "amount_high");
	is_str(f != NULL ? f->disputed : NULL, "amount", "but under its high end");
	is_str(r->claims[0].stored[1].text, "20000000000.0", "a claim's low end as stored");
	record_free(r);

	if (record_load(db, "tu", "fr", &r) != 1)
		bail_out("cannot read TU: %s", sqlite3_errmsg(db));
	is_str(r->id, "test-union", "found by an alias in any case");
	is_str(r->title, "Union de test", "titled in French");
	is_int(r->naliases, 2, "two aliases");
	is_str(r->aliases[0], "TU", "in order");
	is_str(r->relations[0].heading, "Members", "members first");
	is_str(r->relations[0].links[0].name, "États-Unis de Test",
	    "each member by its name in French, as people read it (É among the e)");
	is_str(r->nrelations > 0 && r->relations[0].nlinks > 1 ? r->relations[0].links[1].name :
	    NULL, "Testonie", "then the next");
	record_free(r);
}

/* At most so many links under a heading, the rest marked: the first ones
 * of the whole list, in its order. */
static void
test_most(sqlite3 *db)
{
	struct record *all, *some;
	const struct record_relation *a, *s;

	if (record_load(db, "test-union", "en", &all) != 1 ||
	    record_load_some(db, "test-union", "en", 1, &some) != 1)
		bail_out("cannot read test-union: %s", sqlite3_errmsg(db));
	a = test_relation(all, "Members");
	s = test_relation(some, "Members");
	if (a == NULL || s == NULL || a->nlinks < 2)
		bail_out("test-union has fewer than two members");
	ok(!a->more, "every link, none left out");
	is_int(s->nlinks, 1, "at most one link");
	ok(s->more, "the others marked as left out");
	is_str(s->links[0].id, a->links[0].id, "the first of the whole list");
	record_free(some);
	if (record_load_some(db, "test-union", "en", a->nlinks, &some) != 1)
		bail_out("cannot read test-union: %s", sqlite3_errmsg(db));
	s = test_relation(some, "Members");
	ok(s != NULL && s->nlinks == a->nlinks && !s->more, "as many as there are: none left out");
	record_free(some);
	record_free(all);
}

/* The user's notes on a record come with it, oldest first, through the
 * same model (a user database file made by the first note). */
static void
test_notes(sqlite3 *db)
{
	char *path, *cause = NULL, *dir;
	struct userdb *u;
	struct record *r;

	dir = xstrdup("/tmp/aiatlas-test-record.XXXXXX");
	if (mkdtemp(dir) == NULL)
		bail_out("cannot make a directory");
	path = xasprintf("%s/user.db", dir);
	if ((u = userdb_open(db, path, NULL, &cause)) == NULL)
		bail_out("cannot attach the user database: %s", cause);
	if (note_add(u, "alpha-labs", "First thought.", &cause) < 0 ||
	    note_add(u, "alpha-labs", "Second\nthought.", &cause) < 0 ||
	    note_add(u, "beta-bank", "Elsewhere.", &cause) < 0)
		bail_out("cannot add notes: %s", cause);
	if (record_load(db, "alpha-labs", "en", &r) != 1)
		bail_out("cannot read alpha-labs: %s", sqlite3_errmsg(db));
	is_int(r->nnotes, 2, "a record has its own notes, not another's");
	is_str(r->nnotes > 0 ? r->notes[0].text : NULL, "First thought.", "oldest first");
	is_str(r->nnotes > 1 ? r->notes[1].text : NULL, "Second\nthought.", "text kept whole");
	ok(r->nnotes > 0 && r->notes[0].date != NULL && r->notes[0].n > 0,
	    "each note with its date and number");
	record_free(r);
	userdb_free(u);
	db_exec(db, "DETACH user", NULL);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

int
main(void)
{
	struct userdb *u;
	char *cause = NULL;
	sqlite3 *db;

	test_claims();
	db = fixture_open();
	if ((u = userdb_open(db, NULL, "none", &cause)) == NULL)
		bail_out("cannot attach a user database: %s", cause);
	test_funding(db);
	test_range_alias(db);
	test_most(db);
	userdb_free(u);
	db_exec(db, "DETACH user", NULL);
	test_notes(db);
	db_close(db);
	done_testing();
	return exit_status();
}
