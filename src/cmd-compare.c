/* aiatlas compare: places, actors or funding items side by side, within a
 * scope. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "compare.h"
#include "filter.h"
#include "i18n.h"

/* Read --from and --to as years, --domain as domains, into a scope; 0, or
 * -1 after a message. */
static int
cmd_compare_scope(const struct cli *c, struct compare_scope *s)
{
	const char *dates[2] = { c->from, c->to }, *names[2] = { "--from", "--to" };
	char *bad = NULL;
	int i, year[2] = { 0, 0 };

	memset(s, 0, sizeof *s);
	if (c->domain != NULL && compare_domains_parse(c->domain, &s->domains, &bad) != 0) {
		cli_error(_("--domain: '%s' is not ai, compute, semiconductors, general or all"),
		    bad);
		free(bad);
		return -1;
	}
	for (i = 0; i < 2; i++) {
		if (dates[i] == NULL)
			continue;
		if (!filter_is_date(dates[i])) {
			cli_error(_("%s: '%s' is not a date as 2025, 2025-02 or 2025-02-10"),
			    names[i], dates[i]);
			return -1;
		}
		year[i] = atoi(dates[i]);
	}
	/* One end alone leaves the other open. */
	s->from = year[0] > 0 ? year[0] : year[1] > 0 ? -1 : 0;
	s->to = year[1];
	if (s->to > 0 && s->from > s->to) {
		cli_error(_("--from %s is after --to %s"), c->from, c->to);
		return -1;
	}
	return 0;
}

/* Print the comparison of 2 to 4 records as a table of rows, the scope
 * first. */
int
cmd_compare(struct cli *c, int argc, char **argv)
{
	struct compare *cmp;
	struct compare_scope scope;
	struct output *o;
	char *cause = NULL;
	char *saved = NULL;
	int human = c->format == OUTPUT_TABLE || c->format == OUTPUT_MD;

	if (cmd_compare_scope(c, &scope) != 0)
		return CLI_USAGE;
	/* CSV, TSV and JSON are data: their row names and texts stay English
	 * (the same bytes in every language), the messages do not. */
	if (!human)
		saved = cli_messages_untranslated();
	cmp = compare_build(c->db, c->lang, argv, argc, &scope, &cause);
	if (saved != NULL) {
		cli_messages_restore(saved);
		/* The mistake said again, in the reader's language. */
		if (cmp == NULL) {
			free(cause);
			cause = NULL;
			cmp = compare_build(c->db, c->lang, argv, argc, &scope, &cause);
		}
	}
	if (cmp == NULL) {
		cli_error("%s", cause);
		free(cause);
		return CLI_USAGE;
	}
	/* The scope: a line above the table for people, a row for data. */
	if (human)
		printf("%s\n%s", cmp->scope_text, c->format == OUTPUT_MD ? "\n" : "");
	o = cli_output(c);
	compare_write(cmp, o, human);
	compare_free(cmp);
	return cli_output_close(o);
}
