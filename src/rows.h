/* The rows of a file the loader reads: CSV, or a JSON array of objects
 * read with SQLite's JSON functions; the column names first, then one row
 * at a time, each with the line it starts on. */
#ifndef AIATLAS_ROWS_H
#define AIATLAS_ROWS_H

#include <stddef.h>
#include <sqlite3.h>

struct rows;

/* Open path: JSON if its name ends in .json or its text starts with [,
 * CSV otherwise (db reads the JSON). NULL with *cause set ("file:line:
 * reason") if it cannot be read, is not text, or is not an array of
 * objects. */
struct rows	*rows_open(sqlite3 *db, const char *path, char **cause);
/*
 * Read the column names (the first call), then the next row: 1 with
 * *fields and *nfields (valid until the next call), 0 at the end, -1 with
 * *cause ("file:line: reason"). Blank CSV lines are left out; a CSV cell
 * made inert for spreadsheets (a ' before = + - @ tab CR or ', as
 * output.c writes it) gets its text back; a JSON row has a field under
 * each name, empty where its object has no such member or null.
 */
int		 rows_read(struct rows *r, char ***fields, size_t *nfields, char **cause);
/* The line the last row read starts on (1-based). */
unsigned long	 rows_line(const struct rows *r);
/* The line where column i is named: the header's, or the first JSON
 * object with that member. */
unsigned long	 rows_name_line(const struct rows *r, size_t i);
void		 rows_close(struct rows *r);

#endif
