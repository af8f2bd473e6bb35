/* The command line: options, commands, exit status. */
#ifndef AIATLAS_CLI_H
#define AIATLAS_CLI_H

#include <stddef.h>
#include <sqlite3.h>

#include "output.h"

struct userdb;

/* Exit statuses of every command. */
#define CLI_OK		0	/* success */
#define CLI_NOTHING	1	/* nothing found */
#define CLI_USAGE	2	/* bad usage or bad input */

/* Options, as bits, so each command says which it takes. */
enum cli_option {
	CLI_OPT_SORT	= 1 << 0,
	CLI_OPT_LIMIT	= 1 << 1,
	CLI_OPT_KIND	= 1 << 2,
	CLI_OPT_FILTER	= 1 << 3,
	CLI_OPT_REGEX	= 1 << 4,
	CLI_OPT_DATES	= 1 << 5,
	CLI_OPT_DOMAIN	= 1 << 6,
	CLI_OPT_SHEET	= 1 << 7,	/* --format is md, txt or html, read by the command */
	CLI_OPT_IMPORT	= 1 << 8,	/* --into, --dry-run, --rm, --rm-file */
	CLI_OPT_WIDE	= 1 << 9,
	CLI_OPT_COLUMNS	= 1 << 10
};

/* What a command runs with. */
struct cli {
	sqlite3			*db;
	const char		*db_name;	/* for messages: a path or "the bundled database" */
	struct userdb		*user;		/* attached to db as schema user */
	enum output_format	 format;
	int			 color;		/* terminal attributes in table output */
	int			 width;		/* terminal width for tables, 0: none */
	const char		*lang;		/* "en" or "fr" */
	const char		*sort;
	long			 limit;		/* -1: none */
	const char		*kind;
	const char		*filter;
	int			 wide;		/* every column, uncut (list: as import takes them) */
	const char		*pick;		/* --columns: the columns written, or NULL */
	int			 regex;		/* search: the query is a PCRE2 pattern
					 * (2: over text folded, --regex-fold) */
	const char		*from, *to;	/* timeline, compare: dates */
	const char		*domain;	/* compare: the domains counted */
	int			 csv_raw;	/* CSV, TSV: formulas left as they are */
	const char		*output;	/* -o FILE, or NULL for stdout */
	const char		*format_name;	/* --format as given, or NULL */
	char			**args;		/* the command line as typed, argv[0] first */
	int			 nargs;
	const char		*into;		/* import: the kind */
	int			 dry_run;	/* import: validate only */
	int			 rm;		/* import: remove the ids given */
	const char		*rm_file;	/* import: remove the ids of FILE */
};

/* Run the program: parse argv, open the database, run a command, return
 * the exit status. image is the bundled database. */
int	 cli_main(int argc, char **argv, const unsigned char *image, size_t image_size);
/* Print "aiatlas: message" on stderr. */
void	 cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Start an output on stdout in the chosen format. */
struct output *cli_output(const struct cli *c);
/* Finish an output, reporting a write error; returns an exit status. */
int	 cli_output_close(struct output *o);
/* Messages untranslated (English) from now on, as a machine format's text
 * must be whatever the language; returns what cli_messages_restore() takes
 * to bring the reader's language back. */
char	*cli_messages_untranslated(void);
void	 cli_messages_restore(char *saved);
/* Print every row of a statement (then finalized) in the chosen format;
 * what names the command in a message. An exit status: CLI_NOTHING when
 * there is no row. */
int	 cli_print(struct cli *c, sqlite3_stmt *stmt, const char *what);
/* The same with the columns --columns picks, and a table fitted to the
 * terminal column by column as fit says (nfit columns; see output.h). */
int	 cli_print_fit(struct cli *c, sqlite3_stmt *stmt, const char *what,
	     const struct output_fit *fit, int nfit);
/* The arguments joined by spaces, freed by the caller. */
char	*cli_join(int argc, char **argv);

#endif
