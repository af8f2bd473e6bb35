/* The command line: options, commands, exit status. */
#include "config.h"
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "db.h"
#include "dbmap.h"
#include "explorer.h"
#include "filter.h"
#include "i18n.h"
#include "kind.h"
#include "lang.h"
#include "merge.h"
#include "outfile.h"
#include "script.h"
#include "strbuf.h"
#include "text.h"
#include "userdb.h"
#include "xmalloc.h"

/* A command: its name, what it runs, the options it takes, how many
 * arguments, and its synopsis and summary for --help. */
struct cli_command {
	const char	*name;
	int		(*run)(struct cli *, int, char **);
	unsigned int	 options;
	int		 min_args;
	int		 max_args;
	const char	*synopsis;
	const char	*summary;
};

static const struct cli_command cli_commands[] = {
	{ "list", cmd_list, CLI_OPT_SORT | CLI_OPT_LIMIT | CLI_OPT_FILTER | CLI_OPT_WIDE |
	  CLI_OPT_COLUMNS, 1, 1,
	  N_("list KIND [--filter EXPR] [--sort FIELD[,-FIELD]] [--limit N] [--wide]"
	  " [--columns LIST]"),
	  N_("Print the records of one kind: actors, funding, events, blocs, sources,\n"
	  "countries or figures.") },
	{ "timeline", cmd_timeline, CLI_OPT_FILTER | CLI_OPT_DATES | CLI_OPT_LIMIT | CLI_OPT_WIDE |
	  CLI_OPT_COLUMNS, 0, 0,
	  N_("timeline [--filter EXPR] [--from DATE] [--to DATE] [--limit N] [--wide]"
	  " [--columns LIST]"),
	  N_("Print events and funding announcements in date order.") },
	{ "show", cmd_show, 0, 1, 1,
	  N_("show ID"),
	  N_("Print one record: its fields, its related records and its sources.") },
	{ "search", cmd_search, CLI_OPT_KIND | CLI_OPT_LIMIT | CLI_OPT_REGEX | CLI_OPT_WIDE |
	  CLI_OPT_COLUMNS, 1, -1,
	  N_("search QUERY [--regex | --regex-fold] [--kind KIND] [--limit N] [--wide] [--columns LIST]"),
	  N_("Search names, aliases, titles and summaries in English and French.") },
	{ "sql", cmd_sql, 0, 1, 1,
	  N_("sql 'SELECT ...'"),
	  N_("Run one read-only SQL statement over the database and print its rows.") },
	{ "compare", cmd_compare, CLI_OPT_DATES | CLI_OPT_DOMAIN, 2, 4,
	  N_("compare ID ID [ID ID] [--from DATE] [--to DATE] [--domain LIST]"),
	  N_("Put 2 to 4 countries, blocs, actors or funding items side by side: the\n"
	  "top-level funding of a period (the latest year by default) in AI and compute,\n"
	  "per head, per year as a share of GDP, the exchange rates used.") },
	{ "brief", cmd_brief, CLI_OPT_SHEET, 1, -1,
	  N_("brief ID [ID...] [--format md|txt|html]"),
	  N_("Write a one-page briefing sheet of the records: headline figures, disputed\n"
	  "values, timeline, related actors, notes, and the sources as footnotes.") },
	{ "export-db", cmd_export_db, 0, 1, 1,
	  N_("export-db FILE"),
	  N_("Write the database to FILE as a SQLite file; an existing FILE is kept.") },
	{ "import", cmd_import, CLI_OPT_IMPORT, 0, -1,
	  N_("import FILE... [--into KIND] [--dry-run] | import --rm ID... | import --rm-file FILE"),
	  N_("Add your own records from CSV or JSON files (as list --wide writes them),\n"
	  "each of the kind its name says (actors.csv) or of --into's, to your user\n"
	  "database, checked as the bundled data is: all of them or none. --rm removes\n"
	  "records you imported.") },
	{ "check", cmd_check, 0, 0, 0,
	  N_("check"),
	  N_("Check the integrity of the database and count the rows of each table.") },
	{ "note", cmd_note, 0, 1, -1,
	  N_("note add ID TEXT...|edit N TEXT...|rm N|list [ID]"),
	  N_("Add a note on a record (TEXT - reads it from standard input), change or\n"
	  "remove one by its number, or list them (a note whose record is gone is\n"
	  "listed as orphaned).") },
	{ "bookmark", cmd_bookmark, 0, 1, -1,
	  N_("bookmark add ID...|rm ID...|list"),
	  N_("Bookmark records, remove bookmarks, or list them.") },
	{ NULL, NULL, 0, 0, 0, NULL, NULL }
};

/* The line of --help of each option a command may take, in the order of
 * the synopses. */
static const struct cli_option_help {
	unsigned int	 option;
	const char	*text;
} cli_options_help[] = {
	{ CLI_OPT_FILTER, N_("  --filter EXPR           keep the records that match EXPR (see aiatlas(1))\n") },
	{ CLI_OPT_REGEX, N_("  --regex                 QUERY is a regular expression (PCRE2)\n"
	  "  --regex-fold            the same, case and accents aside\n") },
	{ CLI_OPT_KIND, N_("  --kind KIND             keep one kind of record, as list's KIND\n") },
	{ CLI_OPT_DATES, N_("  --from DATE, --to DATE  keep the dates within these (YYYY[-MM[-DD]])\n") },
	{ CLI_OPT_DOMAIN, N_("  --domain LIST           count these domains (ai,compute,semiconductors,general\n"
	  "                          or all; ai,compute if not given)\n") },
	{ CLI_OPT_SORT, N_("  --sort FIELD[,-FIELD]   sort by these columns, - first for descending\n") },
	{ CLI_OPT_LIMIT, N_("  --limit N               print the first N rows only\n") },
	{ CLI_OPT_WIDE, N_("  --wide                  every column, none left out or cut to fit the\n"
	  "                          terminal (list: every field of the records and\n"
	  "                          their sources, what import takes back)\n") },
	{ CLI_OPT_COLUMNS, N_("  --columns LIST          these columns only, in this order (as id,title);\n"
	  "                          with --wide, uncut (list: any field of --wide's)\n") },
	{ CLI_OPT_SHEET, N_("  --format md|txt|html    Markdown (the default; with -o, the file's\n"
	  "                          extension), plain text wrapped at 72 columns, or\n"
	  "                          one self-contained HTML file\n") },
	{ CLI_OPT_IMPORT, N_("  --into KIND             the kind of the records, as list's KIND (without\n"
	  "                          it, each file's name: actors.csv, funding.json)\n"
	  "  --dry-run               check the files, import nothing\n"
	  "  --rm ID...              remove these imported records\n"
	  "  --rm-file FILE          remove the imported records whose ids FILE lists\n"
	  "                          (one a line)\n") },
	{ 0, NULL }
};

/* Long options; the values above 255 stand for options without a letter. */
enum {
	CLI_LONG_FORMAT = 256, CLI_LONG_DB, CLI_LONG_LANG, CLI_LONG_COLOR,
	CLI_LONG_SORT, CLI_LONG_LIMIT, CLI_LONG_KIND, CLI_LONG_SCRIPT, CLI_LONG_SIZE,
	CLI_LONG_TIMINGS,
	CLI_LONG_FILTER, CLI_LONG_REGEX, CLI_LONG_REGEX_FOLD, CLI_LONG_USER_DB, CLI_LONG_NO_USER_DB,
	CLI_LONG_FROM, CLI_LONG_TO, CLI_LONG_DOMAIN, CLI_LONG_CSV_RAW,
	CLI_LONG_INTO, CLI_LONG_DRY_RUN, CLI_LONG_RM, CLI_LONG_RM_FILE, CLI_LONG_WIDE,
	CLI_LONG_TIMEOUT, CLI_LONG_COLUMNS
};

/* The seconds a statement of sql, or of any command over a --db file, may
 * take when --timeout is not given; other commands have no limit. */
#define CLI_DEFAULT_TIMEOUT	10.0

/* The signals that stop the running statement; a second one ends the
 * program at once. */
static const int cli_stop_signals[] = { SIGINT, SIGTERM, SIGHUP };

static const struct option cli_long_options[] = {
	{ "format",	required_argument,	NULL, CLI_LONG_FORMAT },
	{ "db",		required_argument,	NULL, CLI_LONG_DB },
	{ "lang",	required_argument,	NULL, CLI_LONG_LANG },
	{ "color",	required_argument,	NULL, CLI_LONG_COLOR },
	{ "sort",	required_argument,	NULL, CLI_LONG_SORT },
	{ "limit",	required_argument,	NULL, CLI_LONG_LIMIT },
	{ "kind",	required_argument,	NULL, CLI_LONG_KIND },
	{ "script",	required_argument,	NULL, CLI_LONG_SCRIPT },
	{ "filter",	required_argument,	NULL, CLI_LONG_FILTER },
	{ "regex",	no_argument,		NULL, CLI_LONG_REGEX },
	{ "regex-fold",	no_argument,		NULL, CLI_LONG_REGEX_FOLD },
	{ "user-db",	required_argument,	NULL, CLI_LONG_USER_DB },
	{ "no-user-db",	no_argument,		NULL, CLI_LONG_NO_USER_DB },
	{ "from",	required_argument,	NULL, CLI_LONG_FROM },
	{ "to",		required_argument,	NULL, CLI_LONG_TO },
	{ "domain",	required_argument,	NULL, CLI_LONG_DOMAIN },
	{ "size",	required_argument,	NULL, CLI_LONG_SIZE },
	{ "timings",	required_argument,	NULL, CLI_LONG_TIMINGS },
	{ "output",	required_argument,	NULL, 'o' },
	{ "csv-raw",	no_argument,		NULL, CLI_LONG_CSV_RAW },
	{ "into",	required_argument,	NULL, CLI_LONG_INTO },
	{ "dry-run",	no_argument,		NULL, CLI_LONG_DRY_RUN },
	{ "rm",		no_argument,		NULL, CLI_LONG_RM },
	{ "rm-file",	required_argument,	NULL, CLI_LONG_RM_FILE },
	{ "wide",	no_argument,		NULL, CLI_LONG_WIDE },
	{ "timeout",	required_argument,	NULL, CLI_LONG_TIMEOUT },
	{ "columns",	required_argument,	NULL, CLI_LONG_COLUMNS },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 }
};

/* Print "aiatlas: message" on stderr, its control characters spelled
 * \x1b: a message may quote an argument or data. */
void
cli_error(const char *fmt, ...)
{
	va_list ap;
	char *message;

	va_start(ap, fmt);
	message = xvasprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
	fputs("aiatlas: ", stderr);
	text_escape_local(stderr, message, strlen(message));
	fputc('\n', stderr);
	free(message);
}

/* The file stdout goes to (-o FILE), for messages; NULL: stdout itself. */
static const char *cli_output_path;

/* Messages in English until cli_messages_restore(): under the C locale,
 * gettext translates nothing (and ignores LANGUAGE). */
char *
cli_messages_untranslated(void)
{
	const char *now = setlocale(LC_MESSAGES, NULL);
	char *saved = xstrdup(now != NULL ? now : "C");

	setlocale(LC_MESSAGES, "C");
	return saved;
}

/* Messages in the language they were in before, saved freed. */
void
cli_messages_restore(char *saved)
{
	setlocale(LC_MESSAGES, saved);
	free(saved);
}

/* Start an output on stdout. */
struct output *
cli_output(const struct cli *c)
{
	struct output *o = output_open(stdout, c->format, c->color, c->width);

	output_set_raw(o, c->csv_raw);
	output_set_terminal(o, isatty(STDOUT_FILENO));
	output_set_labels(o, kind_column_label);
	return o;
}

/* Finish an output; a write error (a full disk, a closed pipe) is exit 2. */
int
cli_output_close(struct output *o)
{
	if (output_close(o) != 0 || fflush(stdout) != 0) {
		if (cli_output_path != NULL)
			cli_error(_("cannot write %s: %s"), cli_output_path, strerror(errno));
		else
			cli_error(_("cannot write the output: %s"), strerror(errno));
		return CLI_USAGE;
	}
	return CLI_OK;
}

/* The arguments joined by spaces, freed by the caller. */
char *
cli_join(int argc, char **argv)
{
	struct strbuf sb = { 0 };
	int i;

	for (i = 0; i < argc; i++) {
		strbuf_add(&sb, i > 0 ? " " : "");
		strbuf_add(&sb, argv[i]);
	}
	return strbuf_finish(&sb);
}

/* Print every row of stmt (finalized here); what names the command in a
 * message. CLI_NOTHING when there is none. */
int
cli_print(struct cli *c, sqlite3_stmt *stmt, const char *what)
{
	return cli_print_fit(c, stmt, what, NULL, 0);
}

/* Print every row of stmt (finalized here), the columns --columns picks,
 * a table fitted as fit says; CLI_USAGE if --columns names a column stmt
 * has not. */
int
cli_print_fit(struct cli *c, sqlite3_stmt *stmt, const char *what,
    const struct output_fit *fit, int nfit)
{
	struct output *o = cli_output(c);
	int ncols = sqlite3_column_count(stmt), i, status;
	const char **names = xreallocarray(NULL, ncols > 0 ? ncols : 1, sizeof *names);
	char *cause = NULL;
	long rows;

	for (i = 0; i < ncols; i++)
		names[i] = sqlite3_column_name(stmt, i);
	if (c->pick != NULL && output_pick(o, c->pick, ncols, names, &cause) != 0) {
		cli_error(_("--columns: %s"), cause);
		free(cause);
		free(names);
		sqlite3_finalize(stmt);
		output_close(o);
		return CLI_USAGE;
	}
	free(names);
	if (fit != NULL)
		output_set_fit(o, fit, nfit);
	rows = output_statement(o, stmt);

	if (rows < 0)
		cli_error(_("%s: %s"), what, db_error(c->db));
	sqlite3_finalize(stmt);
	status = cli_output_close(o);
	if (rows < 0)
		return CLI_USAGE;
	return status == CLI_OK && rows == 0 ? CLI_NOTHING : status;
}

/* The format a file name's extension stands for (.csv, .tsv, .json, .md,
 * .txt); 0 if none. */
static int
cli_format_of_name(const char *path, enum output_format *fmt)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	if (dot == NULL || (slash != NULL && dot < slash))
		return 0;
	return output_file_format_parse(dot + 1, fmt) == 0;
}

/* Run a command with its stdout going to c->output, written whole or not
 * at all: kept if the command succeeded, or found nothing but still wrote
 * something (a CSV header); otherwise an older file is left as it was. */
static int
cli_run_to_file(const struct cli_command *cmd, struct cli *c, int argc, char **argv)
{
	struct outfile *f;
	char *cause = NULL;
	int saved, status, err;
	long written;

	if ((f = outfile_open(c->output, &cause)) == NULL) {
		cli_error("%s", cause);
		free(cause);
		return CLI_USAGE;
	}
	fflush(stdout);
	if ((saved = dup(STDOUT_FILENO)) < 0 ||
	    dup2(fileno(outfile_stream(f)), STDOUT_FILENO) < 0) {
		err = errno;
		if (saved >= 0)
			close(saved);
		outfile_abort(f);
		cli_error(_("cannot write %s: %s"), c->output, strerror(err));
		return CLI_USAGE;
	}
	cli_output_path = c->output;
	dbmap_output(outfile_temporary(f));
	status = cmd->run(c, argc, argv);
	dbmap_output(NULL);
	cli_output_path = NULL;
	errno = 0;
	if (status != CLI_USAGE && (fflush(stdout) != 0 || ferror(stdout))) {
		cli_error(_("cannot write %s: %s"), c->output, strerror(errno != 0 ? errno : EIO));
		status = CLI_USAGE;
	}
	written = status == CLI_USAGE ? 0 : lseek(STDOUT_FILENO, 0, SEEK_CUR);
	/* What stdout still holds after a failure must not reach the terminal. */
	if (status == CLI_USAGE)
		freopen("/dev/null", "w", stdout);
	else
		dup2(saved, STDOUT_FILENO);
	close(saved);
	if (status == CLI_OK || (status == CLI_NOTHING && written != 0)) {
		if (outfile_commit(f, &cause) != 0) {
			cli_error("%s", cause);
			free(cause);
			status = CLI_USAGE;
		}
	} else
		outfile_abort(f);
	return status;
}

/* Print the usage, to stdout for --help, to stderr after a mistake. */
static void
cli_usage(FILE *fp)
{
	const struct cli_command *cmd;

	fprintf(fp, _("Usage: aiatlas [OPTION...] [COMMAND [ARG...]]\n"
	    "Explore the AI-sovereignty landscape: actors, funding, events, blocs\n"
	    "and their sources. With no command, open the explorer.\n\nCommands:\n"));
	for (cmd = cli_commands; cmd->name != NULL; cmd++)
		fprintf(fp, "  aiatlas %s\n", _(cmd->synopsis));
	fprintf(fp, _("\nOptions:\n"
	    "  --format table|csv|tsv|json|md  output format (table on a terminal, tsv otherwise)\n"
	    "  --db FILE                       read FILE instead of the bundled database\n"
	    "  --lang en|fr                    language of the messages, the data and the numbers\n"
	    "  --color auto|always|never       colour and emphasis (NO_COLOR is honoured)\n"
	    "  -o, --output FILE               write to FILE (whole or not at all), not stdout;\n"
	    "                                  its extension may give the format\n"
	    "  --csv-raw                       leave CSV and TSV cells that could run as\n"
	    "                                  spreadsheet formulas as they are\n"
	    "  --script FILE, --size COLSxROWS run the explorer headless from a key script\n"
	    "  --timings FILE                  write how long the first screen took, and each\n"
	    "                                  key of a --script\n"
	    "  --user-db FILE, --no-user-db    where notes, bookmarks and saved filters are\n"
	    "                                  kept, or nowhere\n"
	    "  --timeout SECONDS               stop a query after this much processor time\n"
	    "                                  (0: never; 10 for sql and with --db)\n"
	    "  -h, --help                      print this help (after a command, its own)\n"
	    "  -V, --version                   print the version and the licence\n\n"
	    "Exit status: 0 success, 1 nothing found, 2 bad usage or bad input.\n"
	    "See aiatlas(1) for the details.\n"));
	if (*PACKAGE_BUGREPORT != '\0')
		fprintf(fp, _("\nReport bugs to: %s\n"), PACKAGE_BUGREPORT);
	if (*PACKAGE_URL != '\0')
		fprintf(fp, _("%saiatlas home page: <%s>\n"),
		    *PACKAGE_BUGREPORT != '\0' ? "" : "\n", PACKAGE_URL);
}

/* Print a command's usage, its summary and its options, for COMMAND --help. */
static void
cli_command_usage(const struct cli_command *cmd)
{
	const struct cli_option_help *oh;

	printf(_("Usage: aiatlas %s\n%s\n\nOptions:\n"), _(cmd->synopsis), _(cmd->summary));
	for (oh = cli_options_help; oh->text != NULL; oh++) {
		if (cmd->options & oh->option)
			fputs(_(oh->text), stdout);
	}
	printf(_("  -h, --help              print this help\n\n"
	    "The options of every command: aiatlas --help. See aiatlas(1) for the details.\n"));
}

/* Print the version, the copyright and the licence, for --version. */
static void
cli_version(void)
{
	printf(_("aiatlas %s\n"
	    "Copyright (C) 2026 the aiatlas authors.\n"
	    "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n"), PACKAGE_VERSION);
}

/* Parse --limit's value. */
static int
cli_parse_limit(const char *s, long *limit)
{
	char *end;

	errno = 0;
	*limit = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s || *limit < 0) {
		cli_error(_("--limit: '%s' is not a whole number of zero or more"), s);
		return -1;
	}
	return 0;
}

/* Parse --timeout's value: seconds, a fraction allowed; 0 for none. */
static int
cli_parse_timeout(const char *s, double *seconds)
{
	char *end;

	errno = 0;
	*seconds = strtod(s, &end);
	if (errno != 0 || *end != '\0' || end == s || !isfinite(*seconds) || *seconds < 0) {
		cli_error(_("--timeout: '%s' is not a number of seconds of zero or more"), s);
		return -1;
	}
	return 0;
}

/* A signal that ends the program: the running statement stops, and the
 * program ends with the signal once it has said so (cli_main()); a
 * second one ends it at once. */
static void
cli_on_signal(int sig)
{
	if (db_signalled() != 0) {
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	db_signal(sig);
}

/* Catch the signals that stop a statement, but those the program was
 * started ignoring (nohup, a background job). No SA_RESTART: a read or a
 * write waiting for the terminal or a pipe fails rather than waits. */
static void
cli_catch_signals(void)
{
	struct sigaction sa, old;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = cli_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof cli_stop_signals / sizeof cli_stop_signals[0]; i++) {
		if (sigaction(cli_stop_signals[i], &sa, &old) == 0 && old.sa_handler == SIG_IGN)
			sigaction(cli_stop_signals[i], &old, NULL);
	}
}

/* The terminal's width in columns, or 0 when stdout is not a terminal. */
/* The width in columns of the terminal fd writes to, or 0. */
static int
cli_terminal_width(int fd)
{
	struct winsize ws;

	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0)
		return ws.ws_col;
	return 0;
}

/* The width COLUMNS gives, or 0. */
static int
cli_columns_width(void)
{
	const char *columns = getenv("COLUMNS");

	return columns != NULL && atoi(columns) > 0 ? atoi(columns) : 0;
}

/*
 * The width tables fit in: on a terminal, its own (COLUMNS if it reports
 * none, 80 if neither); elsewhere COLUMNS, or none (0), but for a record's
 * layout (show) first the width of the terminal on stderr, so that a pager
 * gets the text the terminal would.
 */
static int
cli_width(int record)
{
	int width;

	if (isatty(STDOUT_FILENO)) {
		if ((width = cli_terminal_width(STDOUT_FILENO)) > 0 ||
		    (width = cli_columns_width()) > 0)
			return width;
		return 80;
	}
	if (record && (width = cli_terminal_width(STDERR_FILENO)) > 0)
		return width;
	return cli_columns_width();
}

/* Whether --color auto means colour: a terminal, NO_COLOR unset, not dumb. */
static int
cli_color_auto(void)
{
	const char *term = getenv("TERM"), *no_color = getenv("NO_COLOR");

	return isatty(STDOUT_FILENO) && (no_color == NULL || *no_color == '\0') &&
	    term != NULL && strcmp(term, "dumb") != 0;
}

/* The name of the first option in mask, for messages. */
static const char *
cli_option_name(unsigned int mask)
{
	if (mask & CLI_OPT_SORT)
		return "--sort";
	if (mask & CLI_OPT_LIMIT)
		return "--limit";
	if (mask & CLI_OPT_FILTER)
		return "--filter";
	if (mask & CLI_OPT_REGEX)
		return "--regex";
	if (mask & CLI_OPT_DATES)
		return "--from/--to";
	if (mask & CLI_OPT_DOMAIN)
		return "--domain";
	if (mask & CLI_OPT_IMPORT)
		return "--into";
	if (mask & CLI_OPT_WIDE)
		return "--wide";
	if (mask & CLI_OPT_COLUMNS)
		return "--columns";
	return "--kind";
}

/* The command called name, or NULL. */
static const struct cli_command *
cli_find_command(const char *name)
{
	const struct cli_command *cmd;

	for (cmd = cli_commands; cmd->name != NULL; cmd++) {
		if (strcmp(cmd->name, name) == 0)
			return cmd;
	}
	return NULL;
}

/* Print the help of the command called name, or the whole usage for NULL. */
static int
cli_help(const char *name)
{
	const struct cli_command *cmd;

	if (name == NULL) {
		cli_usage(stdout);
		return CLI_OK;
	}
	if ((cmd = cli_find_command(name)) == NULL) {
		cli_error(_("unknown command '%s'; try 'aiatlas --help'"), name);
		return CLI_USAGE;
	}
	cli_command_usage(cmd);
	return CLI_OK;
}

/* When --filter kept nothing, say what may have been meant, for a list
 * of a kind or (NULL) the timeline's events and funding. */
static void
cli_filter_hint(struct cli *c, const char *kind)
{
	char *hint = filter_hint(c->db, kind != NULL ? kind : "events", c->filter);

	if (hint == NULL && kind == NULL)
		hint = filter_hint(c->db, "funding", c->filter);
	if (hint != NULL)
		cli_error("%s", hint);
	free(hint);
}

/* Parse the command line and run a command; typed is argv as it was typed,
 * before getopt orders it. */
static int
cli_run(int argc, char **argv, char **typed, const unsigned char *image, size_t image_size)
{
	struct cli c = { .format = OUTPUT_TABLE, .lang = NULL, .limit = -1,
	    .args = typed, .nargs = argc };
	struct explorer_options eo = { .color = -1, .cols = 80, .rows = 24 };
	const struct cli_command *cmd;
	const char *db_path = NULL, *color = "auto", *format = NULL, *size = NULL;
	const char *user_db = NULL, *limit = NULL, *why = NULL, *timeout = NULL;
	char *default_user_db = NULL;
	int no_user_db = 0, help = 0, sheet, record;
	double seconds = 0;
	unsigned int given = 0;
	char *cause = NULL;
	int opt, status, nargs;

	/* The explorer's --timings count its first screen from here. */
	clock_gettime(CLOCK_MONOTONIC, &eo.start);

	opterr = 0;
	/* GNU getopt: options may come before or after the command. After
	 * --help, mistakes are ignored: only the command is looked for. */
	while ((opt = getopt_long(argc, argv, ":hVo:", cli_long_options, NULL)) != -1) {
		switch (opt) {
		case CLI_LONG_FORMAT: format = optarg; break;
		case CLI_LONG_DB: db_path = optarg; break;
		case CLI_LONG_LANG:
			/* At once, so that what follows speaks it. */
			if (!lang_known(optarg)) {
				if (help)
					break;
				cli_error(_("--lang: unknown language '%s'; languages: en, fr"),
				    optarg);
				return CLI_USAGE;
			}
			lang_set(optarg);
			break;
		case CLI_LONG_COLOR: color = optarg; break;
		case CLI_LONG_SORT: c.sort = optarg; given |= CLI_OPT_SORT; break;
		case CLI_LONG_LIMIT: limit = optarg; given |= CLI_OPT_LIMIT; break;
		case CLI_LONG_KIND: c.kind = optarg; given |= CLI_OPT_KIND; break;
		case CLI_LONG_SCRIPT: eo.script = optarg; break;
		case CLI_LONG_FILTER: c.filter = optarg; given |= CLI_OPT_FILTER; break;
		case CLI_LONG_REGEX: c.regex = 1; given |= CLI_OPT_REGEX; break;
		case CLI_LONG_REGEX_FOLD: c.regex = 2; given |= CLI_OPT_REGEX; break;
		case CLI_LONG_USER_DB: user_db = optarg; no_user_db = 0; break;
		case CLI_LONG_NO_USER_DB: no_user_db = 1; break;
		case CLI_LONG_FROM: c.from = optarg; given |= CLI_OPT_DATES; break;
		case CLI_LONG_TO: c.to = optarg; given |= CLI_OPT_DATES; break;
		case CLI_LONG_DOMAIN: c.domain = optarg; given |= CLI_OPT_DOMAIN; break;
		case CLI_LONG_SIZE: size = optarg; break;
		case CLI_LONG_TIMINGS: eo.timings = optarg; break;
		case 'o': c.output = optarg; break;
		case CLI_LONG_CSV_RAW: c.csv_raw = 1; break;
		case CLI_LONG_INTO: c.into = optarg; given |= CLI_OPT_IMPORT; break;
		case CLI_LONG_DRY_RUN: c.dry_run = 1; given |= CLI_OPT_IMPORT; break;
		case CLI_LONG_RM: c.rm = 1; given |= CLI_OPT_IMPORT; break;
		case CLI_LONG_RM_FILE: c.rm_file = optarg; given |= CLI_OPT_IMPORT; break;
		case CLI_LONG_WIDE: c.wide = 1; given |= CLI_OPT_WIDE; break;
		case CLI_LONG_TIMEOUT: timeout = optarg; break;
		case CLI_LONG_COLUMNS: c.pick = optarg; given |= CLI_OPT_COLUMNS; break;
		case 'h': help = 1; break;
		case 'V': cli_version(); return CLI_OK;
		case ':':
			if (help)
				break;
			cli_error(_("%s needs a value"), argv[optind - 1]);
			return CLI_USAGE;
		default:
			if (help)
				break;
			cli_error(_("unknown option '%s'; try 'aiatlas --help'"), argv[optind - 1]);
			return CLI_USAGE;
		}
	}
	if (help)
		return cli_help(optind < argc ? argv[optind] : NULL);
	if (limit != NULL && cli_parse_limit(limit, &c.limit) != 0)
		return CLI_USAGE;
	if (timeout != NULL && cli_parse_timeout(timeout, &seconds) != 0)
		return CLI_USAGE;
	if (user_db != NULL && *user_db == '\0' && !no_user_db) {
		cli_error(_("--user-db needs a file name; --no-user-db keeps nothing"));
		return CLI_USAGE;
	}

	if (c.output != NULL && *c.output == '\0') {
		cli_error(_("-o: the file name is empty"));
		return CLI_USAGE;
	}
	/* A command that writes a sheet reads --format itself; a record is
	 * written for people (the table format) wherever it goes. */
	cmd = optind < argc ? cli_find_command(argv[optind]) : NULL;
	sheet = cmd != NULL && (cmd->options & CLI_OPT_SHEET) != 0;
	record = cmd != NULL && cmd->run == cmd_show;
	c.format_name = format;
	if (sheet)
		c.format = OUTPUT_MD;
	else if (format == NULL && c.output != NULL)
		c.format = cli_format_of_name(c.output, &c.format) ? c.format :
		    record ? OUTPUT_TABLE : OUTPUT_TSV;
	else if (format == NULL)
		c.format = isatty(STDOUT_FILENO) || record ? OUTPUT_TABLE : OUTPUT_TSV;
	else if (output_format_parse(format, &c.format) != 0) {
		cli_error(_("--format: unknown format '%s'; formats: %s"), format,
		    output_format_names());
		return CLI_USAGE;
	}
	/* The machine formats are the same bytes in every language: English
	 * names and titles, plain numbers; the messages stay the reader's. */
	if (cmd != NULL && !sheet && (c.format == OUTPUT_CSV || c.format == OUTPUT_TSV ||
	    c.format == OUTPUT_JSON))
		lang_set_machine();
	c.lang = lang_get();
	if (strcmp(color, "auto") == 0)
		c.color = c.output == NULL && cli_color_auto();
	else if (strcmp(color, "always") == 0)
		c.color = eo.color = 1;
	else if (strcmp(color, "never") == 0)
		c.color = eo.color = 0;
	else {
		cli_error(_("--color: '%s' is not one of auto, always, never"), color);
		return CLI_USAGE;
	}
	c.width = c.output == NULL && !c.wide ? cli_width(record) : 0;

	if (optind < argc) {
		if ((cmd = cli_find_command(argv[optind])) == NULL) {
			cli_error(_("unknown command '%s'; try 'aiatlas --help'"), argv[optind]);
			return CLI_USAGE;
		}
		nargs = argc - optind - 1;
		if (nargs < cmd->min_args || (cmd->max_args >= 0 && nargs > cmd->max_args)) {
			cli_error(_("usage: aiatlas %s"), _(cmd->synopsis));
			return CLI_USAGE;
		}
		if ((given & ~cmd->options) != 0) {
			cli_error(_("%s is not an option of '%s'; usage: aiatlas %s"),
			    cli_option_name(given & ~cmd->options), cmd->name, _(cmd->synopsis));
			return CLI_USAGE;
		}
		if (c.output != NULL && cmd->run == cmd_export_db) {
			cli_error(_("-o is not an option of 'export-db', which writes FILE itself"));
			return CLI_USAGE;
		}
		if (eo.script != NULL || size != NULL || eo.timings != NULL) {
			cli_error(_("%s is an option of the explorer, not of '%s'"),
			    eo.script != NULL ? "--script" : size != NULL ? "--size" : "--timings",
			    cmd->name);
			return CLI_USAGE;
		}
	} else {
		if (given != 0) {
			cli_error(_("%s needs a command; try 'aiatlas --help'"),
			    cli_option_name(given));
			return CLI_USAGE;
		}
		if (c.output != NULL) {
			cli_error(_("-o needs a command; in the explorer, e exports a list"));
			return CLI_USAGE;
		}
		if (size != NULL && eo.script == NULL) {
			cli_error(_("--size goes with --script: a terminal has its own size"));
			return CLI_USAGE;
		}
		if (size != NULL && script_parse_size(size, &eo.cols, &eo.rows) != 0) {
			cli_error(_("--size: '%s' is not COLSxROWS (as 80x24)"), size);
			return CLI_USAGE;
		}
		cmd = NULL;
		nargs = 0;
	}

	/* What a query may take is bounded where it may come from anyone: a
	 * statement typed to sql, a database file from elsewhere. */
	if (timeout == NULL && (db_path != NULL || (cmd != NULL && cmd->run == cmd_sql)))
		seconds = CLI_DEFAULT_TIMEOUT;
	db_set_timeout(seconds);
	cli_catch_signals();
	if (db_path != NULL) {
		c.db = db_open_readonly(db_path, &cause);
		c.db_name = db_path;
	} else {
		c.db = db_open_image(image, image_size, &cause);
		c.db_name = _("the bundled database");
	}
	if (c.db == NULL) {
		cli_error("%s", cause);
		free(cause);
		return CLI_USAGE;
	}
	/* A whole kind listed reads most of its table's pages in an order of
	 * its own: through a map, without a copy of each page, and without
	 * reading again those the page cache let go (a million records: a
	 * quarter less time). Other commands read few pages, or in the
	 * file's order, and mapping them costs more than it saves (the map is
	 * taken down at the end, a millisecond for a few hundred pages); the
	 * explorer may run for hours over a file another program changes. */
	if (db_path != NULL && cmd != NULL && cmd->run == cmd_list && c.filter == NULL)
		dbmap_open(c.db, "main", db_path);
	if (no_user_db)
		why = _("--no-user-db was given");
	else if (user_db == NULL)
		user_db = default_user_db = userdb_default_path(&why);
	c.user = userdb_open(c.db, no_user_db ? NULL : user_db, why, &cause);
	free(default_user_db);
	if (c.user != NULL && merge_tables(c.db, 0, &cause) != 0) {
		userdb_free(c.user);
		c.user = NULL;
	}
	if (c.user == NULL) {
		cli_error("%s", cause);
		free(cause);
		db_close(c.db);
		return CLI_USAGE;
	}
	if (c.user->notice != NULL)
		cli_error("%s", c.user->notice);
	/* The user's file too, when it holds records to list (a million:
	 * every actor 2.4 s, then 1.4 s). */
	if (c.user->file && cmd != NULL && cmd->run == cmd_list && c.filter == NULL &&
	    merge_mine(c.db))
		dbmap_open(c.db, "user", c.user->path);
	eo.lang = c.lang;
	eo.user = c.user;
	eo.csv_raw = c.csv_raw;
	if (cmd == NULL)
		status = explorer_run(c.db, &eo);
	else if (c.output != NULL)
		status = cli_run_to_file(cmd, &c, nargs, argv + optind + 1);
	else
		status = cmd->run(&c, nargs, argv + optind + 1);
	if (status == CLI_NOTHING && c.filter != NULL)
		cli_filter_hint(&c, cmd->run == cmd_list ? argv[optind + 1] : NULL);
	userdb_free(c.user);
	db_close(c.db);
	return status;
}

/* Run the program, keeping the command line as typed for what it writes. */
int
cli_main(int argc, char **argv, const unsigned char *image, size_t image_size)
{
	char **typed = xcalloc((size_t)argc + 1, sizeof *typed);
	int status, sig;

	memcpy(typed, argv, (size_t)argc * sizeof *argv);
	status = cli_run(argc, argv, typed, image, image_size);
	free(typed);
	/* Stopped by a signal: said so; now end as the signal would have. */
	if ((sig = db_signalled()) != 0) {
		fflush(stdout);
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return status;
}
