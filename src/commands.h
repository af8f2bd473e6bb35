/* The commands of the command line, one file each (cmd-*.c). */
#ifndef AIATLAS_COMMANDS_H
#define AIATLAS_COMMANDS_H

#include "cli.h"

/* Each takes its arguments after the command name and returns an exit
 * status (CLI_OK, CLI_NOTHING, CLI_USAGE), having printed any message. */
int	 cmd_list(struct cli *c, int argc, char **argv);
int	 cmd_show(struct cli *c, int argc, char **argv);
int	 cmd_search(struct cli *c, int argc, char **argv);
int	 cmd_sql(struct cli *c, int argc, char **argv);
int	 cmd_export_db(struct cli *c, int argc, char **argv);
int	 cmd_check(struct cli *c, int argc, char **argv);
int	 cmd_compare(struct cli *c, int argc, char **argv);
int	 cmd_timeline(struct cli *c, int argc, char **argv);
int	 cmd_brief(struct cli *c, int argc, char **argv);
int	 cmd_note(struct cli *c, int argc, char **argv);
int	 cmd_bookmark(struct cli *c, int argc, char **argv);
int	 cmd_import(struct cli *c, int argc, char **argv);

#endif
