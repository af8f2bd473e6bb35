/* Result sets written as table, CSV, TSV, JSON or Markdown. */
#ifndef AIATLAS_OUTPUT_H
#define AIATLAS_OUTPUT_H

#include <stdio.h>
#include <sqlite3.h>

enum output_format {
	OUTPUT_TABLE,	/* aligned columns for people (the default on a terminal) */
	OUTPUT_CSV,	/* RFC 4180 */
	OUTPUT_TSV,	/* tab-separated; \t \n \r \\ escaped (the default when piped) */
	OUTPUT_JSON,	/* an array of objects keyed by column name */
	OUTPUT_MD	/* a GitHub-flavoured Markdown table */
};

/* A value's type, as SQLite reports it (SQLITE_INTEGER, SQLITE_FLOAT,
 * SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL). */
struct output_value {
	int		 type;
	const char	*text;	/* NULL for SQLITE_NULL */
};

struct output;

/*
 * How the table format fits a column into its width: when a table is
 * wider, the columns of the highest rank are left out first (rank 0: never
 * left out) until it fits, and a note under the table names them; a
 * column that may be cut (a title) is then cut with "…" to the width left,
 * the others are shown whole.
 */
struct output_fit {
	const char	*name;
	int		 rank;
	int		 cut;
};

/* Parse a --format name; 0 on success, -1 if unknown. */
int		 output_format_parse(const char *name, enum output_format *fmt);
/* Parse the name of a file's format: csv, tsv, json, md, or txt for the
 * table; 0 on success, -1 if unknown. */
int		 output_file_format_parse(const char *name, enum output_format *fmt);
/* The list of format names, for messages and help. */
const char	*output_format_names(void);

/* Start writing one result set to fp. color: emphasise the table header
 * with terminal attributes. width: the table format's maximum line width in
 * terminal columns (0: no limit; wider columns are cut with "…"). */
struct output	*output_open(FILE *fp, enum output_format fmt, int color, int width);
/* Write CSV and TSV cells as they are (raw), or (the default) put a ' in
 * front of a cell that a spreadsheet would run as a formula and of one
 * that starts with ' itself. */
void		 output_set_raw(struct output *o, int raw);
/* CSV and TSV written to a terminal: spell their control characters as
 * the table does (\x1b), so none reaches the terminal raw. Elsewhere
 * (the default) CSV and TSV are data, written byte for byte. */
void		 output_set_terminal(struct output *o, int terminal);
/* Fit the table to its width column by column (fit names n columns;
 * kept by the caller until output_close), rather than cutting every
 * column (the default). */
void		 output_set_fit(struct output *o, const struct output_fit *fit, int n);
/* Write only the columns that list names ("id,title"), in its order, out
 * of the ncols names that output_columns will be given; none is then
 * left out to fit. -1 with *cause naming a column that is not one of
 * names, and those that are. */
int		 output_pick(struct output *o, const char *list, int ncols,
		     const char *const *names, char **cause);
/* Show each column of the table and Markdown formats under label(name),
 * the header in the reader's language; CSV, TSV and JSON keep the names,
 * which are keys. Call before the columns are declared. */
void		 output_set_labels(struct output *o, const char *(*label)(const char *name));
/* Declare the columns; call once, before the first row. */
void		 output_columns(struct output *o, int ncols, const char *const *names);
/* Add one row of ncols values, as declared (before a pick). */
void		 output_row(struct output *o, const struct output_value *values);
/* Write every row of a prepared statement (columns named after the
 * statement's), a blob in hex (x'0102'), a text whole, NULs within too
 * (the table and Markdown spell them \x00, JSON \u0000). Returns the number of rows, or -1 on a SQLite error, whose
 * message is in sqlite3_errmsg(). */
long		 output_statement(struct output *o, sqlite3_stmt *stmt);
/* Finish the result set (the table format writes everything here; nothing
 * is written if no column was declared: a result set given up), free o.
 * Returns 0, or -1 if writing failed. */
int		 output_close(struct output *o);

/* Escapers shared with the commands that write nested documents; a
 * Markdown cell's control characters are spelled \x1b. */
void		 output_json_string(FILE *fp, const char *s);
void		 output_md_cell(FILE *fp, const char *s);


#endif
