/* Unit tests of the loader: what it accepts, and each reason it rejects. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "kind.h"
#include "load.h"
#include "tap.h"
#include "xmalloc.h"

static char tmpdir[] = "/tmp/aiatlas-test-load-XXXXXX";

#define SOURCES "id,title,lang,kind\nsrc-a,Article A,fr,news\n"
#define ACTORS_HEAD "id,name,name_fr,kind,country,summary_en,summary_fr,sources\n"
#define CLAIMS_HEAD "subject_id,field,value,value_low,value_high,end_value,source_id," \
	"locator,rank,note_en,note_fr\n"
#define ACTOR_ROW "acme,Acme,Acme,company,,A company.,Une entreprise.,src-a#§1\n"

/* Load files given as kind, text, kind, text, ..., NULL into a new
 * database; return "OK" or the error, and whether nothing stayed behind. */
static char *
try_load(int *clean, ...)
{
	va_list ap;
	sqlite3 *db;
	sqlite3_stmt *stmt;
	struct load *l;
	const char *kind, *text;
	char *cause = NULL, *path;
	FILE *fp;
	int failed = 0;

	db = db_create(":memory:", &cause);
	l = load_begin(db, &cause);
	va_start(ap, clean);
	while (!failed && (kind = va_arg(ap, const char *)) != NULL) {
		text = va_arg(ap, const char *);
		path = xasprintf("%s/%s.csv", tmpdir, kind);
		fp = fopen(path, "w");
		fputs(text, fp);
		fclose(fp);
		if (load_file(l, path, kind_find(kind), &cause) != 0) {
			load_abort(l);
			failed = 1;
		}
		unlink(path);
		free(path);
	}
	va_end(ap);
	if (!failed && load_finish(l, &cause) != 0)
		failed = 1;
	sqlite3_prepare_v2(db, "SELECT count(*) FROM record", -1, &stmt, NULL);
	sqlite3_step(stmt);
	*clean = !failed || sqlite3_column_int(stmt, 0) == 0;
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	if (!failed)
		return xstrdup("OK");
	/* Messages name the file: keep only what follows the directory. */
	path = xstrdup(cause + strlen(tmpdir) + 1);
	free(cause);
	return path;
}

/* Expect a load of actors (after the sources) to end with want. */
static void
rejects(const char *actors, const char *want, const char *what)
{
	int clean;
	char *got = try_load(&clean, "sources", SOURCES, "actors", actors, NULL);

	is_str(got, want, "%s", what);
	ok(clean, "%s: nothing is left behind", what);
	free(got);
}

int
main(void)
{
	int clean;
	char *got;

	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 99;
	}

	got = try_load(&clean, "sources", SOURCES, "actors", ACTORS_HEAD ACTOR_ROW, NULL);
	is_str(got, "OK", "a valid file loads");
	free(got);

	rejects("id,name,name_fr,kind,colour,summary_en,summary_fr,sources\n",
	    "actors.csv:1: header: unknown column 'colour' for actors", "an unknown column");
	rejects("id,name,kind,summary_en,summary_fr,sources\n",
	    "actors.csv:1: header: the required column 'name_fr' is missing",
	    "a missing required column");
	rejects("id,name,name_fr,kind,summary_en,summary_fr\n",
	    "actors.csv:1: header: the column 'sources' is missing: every record cites a source",
	    "no sources column");
	rejects("id,name,name,name_fr,kind,summary_en,summary_fr,sources\n",
	    "actors.csv:1: header: column 'name' appears twice", "a column twice");
	rejects(ACTORS_HEAD "acme,Acme,Acme,company\n",
	    "actors.csv:2: 4 fields, but the header names 8", "a short row");
	rejects(ACTORS_HEAD "acme,Acme,Acme,compagny,,A.,B.,src-a\n",
	    "actors.csv:2: kind: one of company, state, public_body, fund, person, "
	    "infrastructure, supercomputer, data_centre, model, regulation, initiative "
	    "(got 'compagny')", "a bad kind");
	rejects(ACTORS_HEAD "acme,,Acme,company,,A.,B.,src-a\n",
	    "actors.csv:2: name: required, but empty", "an empty required field");
	rejects(ACTORS_HEAD "Acme Corp,Acme,Acme,company,,A.,B.,src-a\n",
	    "actors.csv:2: id: lowercase letters, digits and hyphens (got 'Acme Corp')",
	    "a malformed id");
	rejects(ACTORS_HEAD ACTOR_ROW ACTOR_ROW,
	    "actors.csv:3: this row repeats the key (actor.id) of an earlier row",
	    "an id twice in one file");
	rejects(ACTORS_HEAD "src-a,Acme,Acme,company,,A.,B.,src-a\n",
	    "actors.csv:2: id: 'src-a' is already the id of another record "
	    "(ids are unique across all tables)", "an id used by another table");
	rejects(ACTORS_HEAD "acme,Acme,Acme,company,FRA,A.,B.,src-a\n",
	    "actors.csv:2: country: no country with iso3 'FRA'", "a reference to nothing");
	rejects(ACTORS_HEAD "acme,Acme,Acme,company,,A.,B.,src-b#§2\n",
	    "actors.csv:2: sources: no source with id 'src-b'", "an unknown source");
	rejects(ACTORS_HEAD "acme,Acme,Acme,company,,A.,B.,\n",
	    "actors.csv:2: sources: empty: every record cites a source", "no citation");
	rejects(ACTORS_HEAD "acme,Acme,Acme,company,,A.,B.,src-a;src-a\n",
	    "actors.csv:2: sources: 'src-a' is listed twice", "a source twice");
	rejects(ACTORS_HEAD "acme,Acme,Acme,company,,A.,B.,src-a;\n",
	    "actors.csv:2: sources: an empty source id (ids are separated by ';')",
	    "an empty source id");
	rejects("id,name,name_fr,kind,founded_on,summary_en,summary_fr,sources\n"
	    "acme,Acme,Acme,company,2025-02-30,A.,B.,src-a\n",
	    "actors.csv:2: founded_on: a date YYYY, YYYY-MM or YYYY-MM-DD (got '2025-02-30')",
	    "an impossible date");
	rejects("id,name,name_fr,kind,founded_on,founded_precision,summary_en,summary_fr,sources\n"
	    "acme,Acme,Acme,company,2025-02,day,A.,B.,src-a\n",
	    "actors.csv:2: founded_precision: computed as 'month' from the date, not 'day' "
	    "(leave the column out)", "a precision that contradicts the date");
	rejects(ACTORS_HEAD "acme,Acme,\"Acme\n", "actors.csv:2: a quoted field is not closed",
	    "broken CSV");

	got = try_load(&clean, "sources", SOURCES, "countries",
	    "iso3,name_en,name_fr,population,stats_year,source_id,sources\n"
	    "FRA,France,France,68.5 million,2024,src-a,src-a\n", NULL);
	is_str(got, "countries.csv:2: population: '68.5 million' is not a whole number",
	    "text in a whole-number column");
	free(got);

	got = try_load(&clean, "sources", SOURCES, "funding",
	    "id,title_en,title_fr,kind,status,currency,amount,announced_on,"
	    "summary_en,summary_fr,nature,domain,sources\n"
	    "f,F,F,grant,announced,EUR,1.7bn,2025,A.,B.,public,ai,src-a\n", NULL);
	is_str(got, "funding.csv:2: amount: '1.7bn' is not a number (write plain digits, "
	    "as 1700000000 or 1.7e9)", "a suffix in an amount");
	free(got);

	got = try_load(&clean, "sources", SOURCES, "funding",
	    "id,title_en,title_fr,kind,status,amount,announced_on,summary_en,summary_fr,nature,"
	    "domain,sources\nf,F,F,grant,announced,5,2025,A.,B.,public,ai,src-a\n", NULL);
	is_str(got, "funding.csv:2: currency: three capital letters (ISO 4217), "
	    "required with any amount", "an amount without a currency");
	free(got);

	got = try_load(&clean, "sources", SOURCES, "funding",
	    "id,title_en,title_fr,kind,status,announced_on,summary_en,summary_fr,domain,sources\n"
	    "f,F,F,grant,announced,2025,A.,B.,ai,src-a\n", NULL);
	is_str(got, "funding.csv:1: header: the required column 'nature' is missing",
	    "a funding without its nature");
	free(got);

	got = try_load(&clean, "sources", SOURCES, "funding",
	    "id,title_en,title_fr,kind,status,announced_on,summary_en,summary_fr,nature,domain,"
	    "sources\nf,F,F,grant,announced,2025,A.,B.,state,ai,src-a\n", NULL);
	is_str(got, "funding.csv:2: nature: one of public, private, mixed (got 'state')",
	    "a funding of an unknown nature");
	free(got);

	got = try_load(&clean, "sources", SOURCES, "funding",
	    "id,title_en,title_fr,kind,status,announced_on,summary_en,summary_fr,nature,domain,"
	    "sources\nf,F,F,grant,announced,2025,A.,B.,public,,src-a\n", NULL);
	is_str(got, "funding.csv:2: domain: required, but empty", "a funding without its domain");
	free(got);

	got = try_load(&clean, "sources", SOURCES, "funding",
	    "id,title_en,title_fr,kind,status,summary_en,summary_fr,nature,domain,sources\n"
	    "f,F,F,grant,announced,A.,B.,public,ai,src-a\n", NULL);
	is_str(got, "funding.csv:1: header: the required column 'announced_on' is missing",
	    "a funding without its announcement date");
	free(got);

	got = try_load(&clean, "sources", SOURCES, "actors", ACTORS_HEAD ACTOR_ROW,
	    "citations", "subject_id,source_id,field\nacme,src-a,colour\n", NULL);
	is_str(got, "citations.csv:2: field: 'colour' is not a column of actor 'acme'",
	    "a citation of no column");
	ok(clean, "a citation of no column: nothing is left behind");
	free(got);

	got = try_load(&clean, "sources", SOURCES, "funding",
	    "id,title_en,title_fr,kind,status,announced_on,confidence,summary_en,summary_fr,"
	    "nature,domain,sources\nf,F,F,grant,announced,2025,confirmed,A.,B.,public,ai,src-a\n",
	    NULL);
	is_str(got, "funding.csv:1: header: the column 'confidence' is computed from the "
	    "claims and the kinds of the sources: leave it out", "a confidence typed by hand");
	free(got);

	got = try_load(&clean, "sources", SOURCES, "actors", ACTORS_HEAD ACTOR_ROW,
	    "claims", CLAIMS_HEAD "acme,colour,red,,,,src-a,,normal,Red.,Rouge.\n", NULL);
	is_str(got, "claims.csv:2: field: 'colour' is not a column of actor 'acme'",
	    "a claim of no column");
	ok(clean, "a claim of no column: nothing is left behind");
	free(got);

	got = try_load(&clean, "sources", SOURCES, "actors", ACTORS_HEAD ACTOR_ROW,
	    "claims", CLAIMS_HEAD "acme,founded_on,,,,,src-a,,normal,None.,Aucune.\n", NULL);
	is_str(got, "claims.csv:2: value: a value or a range (value_low and value_high)",
	    "a claim without a value");
	free(got);

	got = try_load(&clean, "sources", SOURCES, "actors", ACTORS_HEAD ACTOR_ROW,
	    "claims", CLAIMS_HEAD "acme,founded_on,2023-02-30,,,,src-a,,normal,A.,B.\n", NULL);
	is_str(got, "claims.csv:2: value: a date YYYY, YYYY-MM or YYYY-MM-DD for a date "
	    "field (got '2023-02-30')", "a claimed date that does not exist");
	free(got);

	got = try_load(&clean, "sources", SOURCES, "actors", ACTORS_HEAD ACTOR_ROW,
	    "claims", CLAIMS_HEAD "acme,name,Acme,,,,src-a,,best,A.,B.\n", NULL);
	is_str(got, "claims.csv:2: rank: one of preferred, normal, deprecated (got 'best')",
	    "a rank of none of the three");
	free(got);

	got = try_load(&clean, "sources", SOURCES, "bloc-members",
	    "bloc_id,iso3,sources\n", NULL);
	is_str(got, "bloc-members.csv:1: header: unknown column 'sources' for bloc-members "
	    "(only countries, blocs, actors, funding, events and figures take sources)",
	    "sources in a link file");
	free(got);

	got = try_load(&clean, "sources", "", NULL);
	is_str(got, "sources.csv:1: empty file: the first line names the columns",
	    "an empty file");
	free(got);

	rmdir(tmpdir);
	done_testing();
	return exit_status();
}
