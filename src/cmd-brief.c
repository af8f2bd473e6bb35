/* aiatlas brief: a one-page briefing sheet of records. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief.h"
#include "commands.h"
#include "i18n.h"

/* The sheet's format: --format, else the extension of -o's file (.md,
 * .txt, .html, .htm), else Markdown; -1 if --format names none. */
static int
cmd_brief_format(const struct cli *c, enum sheet_format *fmt)
{
	const char *dot;

	*fmt = SHEET_MD;
	if (c->format_name != NULL) {
		if (sheet_format_parse(c->format_name, fmt) == 0)
			return 0;
		cli_error(_("brief: --format: unknown format '%s'; formats: md, txt, html"),
		    c->format_name);
		return -1;
	}
	if (c->output == NULL || (dot = strrchr(c->output, '.')) == NULL ||
	    strchr(dot, '/') != NULL)
		return 0;
	if (strcmp(dot + 1, "htm") == 0)
		*fmt = SHEET_HTML;
	else if (sheet_format_parse(dot + 1, fmt) != 0)
		*fmt = SHEET_MD;
	return 0;
}

/* Write the briefing sheet of the records named. */
int
cmd_brief(struct cli *c, int argc, char **argv)
{
	enum sheet_format fmt;
	char *command, *cause = NULL;
	int status = CLI_OK;

	if (cmd_brief_format(c, &fmt) != 0)
		return CLI_USAGE;
	command = brief_command(c->args + 1, c->nargs - 1);
	if (brief_write(c->db, c->lang, argv, argc, fmt, command, stdout, &cause) != 0) {
		cli_error(_("brief: %s"), cause);
		free(cause);
		status = CLI_USAGE;
	} else if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(_("cannot write the output"));
		status = CLI_USAGE;
	}
	free(command);
	return status;
}
