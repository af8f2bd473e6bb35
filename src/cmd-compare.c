/* aiatlas compare: actors, countries or blocs side by side. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "compare.h"
#include "i18n.h"
#include "xmalloc.h"

/* Print the comparison of 2 to 4 records as a table of rows. */
int
cmd_compare(struct cli *c, int argc, char **argv)
{
	struct compare *cmp;
	struct output *o;
	struct output_value v[COMPARE_MAX + 1];
	const char *names[COMPARE_MAX + 1];
	char numbers[COMPARE_MAX][64], *marked[COMPARE_MAX], *cause = NULL;
	int human = c->format == OUTPUT_TABLE || c->format == OUTPUT_MD, i, j;

	if ((cmp = compare_build(c->db, c->lang, argv, argc, &cause)) == NULL) {
		cli_error("%s", cause);
		free(cause);
		return CLI_USAGE;
	}
	names[0] = human ? "" : "row";
	for (i = 0; i < cmp->n; i++)
		names[i + 1] = human ? (cmp->name[i] != NULL ? cmp->name[i] : cmp->id[i]) : cmp->id[i];
	o = cli_output(c);
	output_columns(o, cmp->n + 1, names);
	for (j = 0; j < cmp->nrows; j++) {
		const struct compare_row *r = &cmp->rows[j];

		v[0] = (struct output_value){ SQLITE_TEXT, r->label };
		for (i = 0; i < cmp->n; i++) {
			marked[i] = NULL;
			/* Data formats give numbers as numbers, text elsewhere; for
			 * people, a sum that holds a disputed amount is marked. */
			if (human && r->disputed[i]) {
				marked[i] = xasprintf("%s ⚑", r->text[i]);
				v[i + 1] = (struct output_value){ SQLITE_TEXT, marked[i] };
			} else if (!human && r->has_value[i] && r->link[i] == NULL) {
				snprintf(numbers[i], sizeof numbers[i], "%.15g", r->value[i]);
				v[i + 1] = (struct output_value){ SQLITE_FLOAT, numbers[i] };
			} else if (!human && strcmp(r->text[i], "–") == 0)
				v[i + 1] = (struct output_value){ SQLITE_NULL, NULL };
			else
				v[i + 1] = (struct output_value){ SQLITE_TEXT, r->text[i] };
		}
		output_row(o, v);
		for (i = 0; i < cmp->n; i++)
			free(marked[i]);
	}
	compare_free(cmp);
	return cli_output_close(o);
}
