/* aiatlas show: one record, its related records and its sources. */
#include "config.h"

#include <stdio.h>

#include "commands.h"
#include "db.h"
#include "i18n.h"
#include "record.h"
#include "record-write.h"

/* Show one record. */
int
cmd_show(struct cli *c, int argc, char **argv)
{
	struct output *rows = NULL;
	struct record *r;
	int found, status = CLI_OK;

	if ((found = record_load(c->db, argv[0], c->lang, &r)) <= 0) {
		if (found < 0)
			cli_error(_("show: %s: %s"), c->db_name, db_error(c->db));
		else
			cli_error(_("show: no record '%s'; try: aiatlas search %s"), argv[0], argv[0]);
		return found < 0 ? CLI_USAGE : CLI_NOTHING;
	}
	if (c->format == OUTPUT_CSV || c->format == OUTPUT_TSV)
		rows = cli_output(c);
	record_write(stdout, rows, r, c->format, c->color, c->width);
	if (rows != NULL) {
		if (cli_output_close(rows) != CLI_OK)
			status = CLI_USAGE;
	} else if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(_("cannot write the output"));
		status = CLI_USAGE;
	}
	record_free(r);
	return status;
}
