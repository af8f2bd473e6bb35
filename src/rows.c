/* The rows of a file the loader reads: CSV, or a JSON array of objects. */
#include "config.h"
#include "rows.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "db.h"
#include "i18n.h"
#include "text.h"
#include "xmalloc.h"

struct rows {
	struct csv	 *csv;		/* the file's text, and CSV's reader */
	char		 *name;		/* for messages */
	int		  json;
	int		  started;	/* the names were read */
	unsigned long	  line;		/* where the last row starts */
	/* JSON only: */
	sqlite3_stmt	 *stmt;		/* every member of every object */
	int		  rc;		/* its last step's, SQLITE_ROW: a row waits */
	char		**names;
	unsigned long	 *name_lines;
	size_t		  nnames;
	unsigned long	 *item_lines;	/* the line each item of the array starts on */
	size_t		  nitems;
	char		**fields;	/* the row read, nnames of them */
};

/*
 * Every member of every item of the array ?1, in the file's order: the
 * item's number and type, the member's name, type and value, and for an
 * array its strings joined by ';' and how many of its items are not
 * strings. An item that is not an object has one row, without a member.
 */
static const char rows_json_sql[] =
	"SELECT i.key, i.type, j.key, j.type, j.value,"
	" CASE j.type WHEN 'array' THEN"
	"  (SELECT group_concat(e.value, ';') FROM json_each(j.value) AS e) END,"
	" CASE j.type WHEN 'array' THEN"
	"  (SELECT count(*) FROM json_each(j.value) AS e WHERE e.type <> 'text') END"
	" FROM json_each(?1) AS i"
	" LEFT JOIN json_each(CASE i.type WHEN 'object' THEN i.value ELSE '{}' END) AS j";

/* The line of item i of the array (1 if the scan did not find it). */
static unsigned long
rows_item_line(const struct rows *r, sqlite3_int64 i)
{
	return i >= 0 && (size_t)i < r->nitems ? r->item_lines[i] : 1;
}

/*
 * Check that s is text (UTF-8, no NUL byte), as csv.c does, and note the
 * line each item of the top-level array starts on: JSON has no line
 * numbers of its own. The structure is trusted only once SQLite has found
 * the JSON valid.
 */
static int
rows_json_scan(struct rows *r, const char *name, const char *s, size_t size, char **cause)
{
	unsigned long line = 1;
	int depth = 0, in_string = 0, expect = 0;
	size_t i, n;
	unsigned char ch;

	for (i = 0; i < size; i += n) {
		ch = (unsigned char)s[i];
		if (ch == '\0') {
			*cause = xasprintf(_("%s:%lu: a NUL byte: not a text file"), name, line);
			return -1;
		}
		if ((n = text_utf8_length(s + i)) == 0 || n > size - i) {
			*cause = xasprintf(_("%s:%lu: invalid UTF-8 (byte 0x%02x)"), name, line, ch);
			return -1;
		}
		if (ch == '\n')
			line++;
		if (in_string) {
			/* SQLite's JSON functions may cut a string at a NUL. */
			if (ch == '\\' && size - i >= 6 && strncmp(s + i, "\\u0000", 6) == 0) {
				*cause = xasprintf(_("%s:%lu: a NUL character (\\u0000): not text"),
				    name, line);
				return -1;
			}
			if (ch == '\\' && i + 1 < size && (unsigned char)s[i + 1] < 0x80)
				n = 2;
			else if (ch == '"')
				in_string = 0;
			continue;
		}
		if (depth == 1 && expect && strchr(" \t\r\n,]", ch) == NULL) {
			r->item_lines = xreallocarray(r->item_lines, r->nitems + 1,
			    sizeof *r->item_lines);
			r->item_lines[r->nitems++] = line;
			expect = 0;
		}
		if (ch == '"')
			in_string = 1;
		else if (ch == '[' || ch == '{')
			expect = ++depth == 1;
		else if (ch == ']' || ch == '}')
			depth--;
		else if (ch == ',' && depth == 1)
			expect = 1;
	}
	return 0;
}

/* Where SQLite found s not valid JSON, as "file:line: ", or "file: " when
 * this SQLite cannot say (json_error_position() came in 3.42). */
static char *
rows_json_where(sqlite3 *db, const char *name, const char *s, size_t size)
{
	sqlite3_stmt *stmt;
	sqlite3_int64 pos = 0, c;
	unsigned long line = 1;
	size_t i, n;

	if (sqlite3_prepare_v2(db, "SELECT json_error_position(?1)", -1, &stmt, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, s, (int)size, SQLITE_STATIC);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			pos = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
	}
	if (pos <= 0)
		return xasprintf("%s: ", name);
	/* pos counts characters from 1. */
	for (i = 0, c = 1; i < size && c < pos; i += n, c++) {
		line += s[i] == '\n';
		n = text_utf8_length(s + i);
		n = n == 0 ? 1 : n;
	}
	return xasprintf("%s:%lu: ", name, line);
}

/* The column named name, added if new (first named on line). */
static size_t
rows_json_name(struct rows *r, const char *name, unsigned long line)
{
	size_t i;

	for (i = 0; i < r->nnames; i++) {
		if (strcmp(r->names[i], name) == 0)
			return i;
	}
	r->names = xreallocarray(r->names, r->nnames + 1, sizeof *r->names);
	r->name_lines = xreallocarray(r->name_lines, r->nnames + 1, sizeof *r->name_lines);
	r->names[r->nnames] = xstrdup(name);
	r->name_lines[r->nnames] = line;
	return r->nnames++;
}

/* Check the JSON text is an array of objects and gather the names of their
 * members, in the order they first appear. */
static int
rows_json_open(struct rows *r, sqlite3 *db, const char *name, char **cause)
{
	sqlite3_stmt *stmt;
	const char *s, *type;
	char *where;
	size_t size;
	int valid = 0;

	s = csv_text(r->csv, &size);
	if (rows_json_scan(r, name, s, size, cause) != 0)
		return -1;
	if (db_prepare(db, "SELECT json_valid(?1) AND json_type(?1) = 'array'", &stmt,
	    cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, s, (int)size, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		valid = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (!valid) {
		where = rows_json_where(db, name, s, size);
		*cause = xasprintf(_("%snot a JSON array of objects ([{\"id\": ...}, ...])"), where);
		free(where);
		return -1;
	}
	if (db_prepare(db, rows_json_sql, &r->stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(r->stmt, 1, s, (int)size, SQLITE_STATIC);
	while ((r->rc = sqlite3_step(r->stmt)) == SQLITE_ROW) {
		r->line = rows_item_line(r, sqlite3_column_int64(r->stmt, 0));
		type = (const char *)sqlite3_column_text(r->stmt, 1);
		if (strcmp(type, "object") != 0) {
			*cause = xasprintf(_("%s:%lu: item %lld is %s, not an object"), name,
			    r->line, sqlite3_column_int64(r->stmt, 0) + 1, type);
			return -1;
		}
		if (sqlite3_column_type(r->stmt, 2) != SQLITE_NULL)
			rows_json_name(r, (const char *)sqlite3_column_text(r->stmt, 2), r->line);
	}
	if (r->rc != SQLITE_DONE) {
		*cause = xasprintf("%s: %s", name, sqlite3_errmsg(db));
		return -1;
	}
	if (r->nnames == 0) {
		*cause = xasprintf(_("%s:1: no records: the array is empty"), name);
		return -1;
	}
	r->fields = xcalloc(r->nnames, sizeof *r->fields);
	sqlite3_reset(r->stmt);
	r->rc = sqlite3_step(r->stmt);
	return 0;
}

/* Whether name ends in .json, in any case. */
static int
rows_json_name_is(const char *path)
{
	size_t len = strlen(path);

	return len >= 5 && strcasecmp(path + len - 5, ".json") == 0;
}

/* Open a file of rows, CSV or JSON. */
struct rows *
rows_open(sqlite3 *db, const char *path, char **cause)
{
	struct rows *r = xcalloc(1, sizeof *r);
	const char *s;
	size_t size;

	if ((r->csv = csv_open(path, cause)) == NULL) {
		free(r);
		return NULL;
	}
	r->name = xstrdup(path);
	s = csv_text(r->csv, &size);
	s += strspn(s, " \t\r\n");
	r->json = rows_json_name_is(path) || *s == '[';
	if (r->json && rows_json_open(r, db, path, cause) != 0) {
		rows_close(r);
		return NULL;
	}
	return r;
}

/* Give a CSV cell made inert for spreadsheets its text back. */
static void
rows_csv_revive(char *s)
{
	if (s[0] == '\'' && s[1] != '\0' && strchr("=+-@\t\r'", s[1]) != NULL)
		memmove(s, s + 1, strlen(s));
}

/* The value of the member the statement's row holds, as a field; NULL
 * with *why if it cannot be one. */
static char *
rows_json_value(struct rows *r, const char *name, char **why)
{
	const char *type = (const char *)sqlite3_column_text(r->stmt, 3), *text;

	if (strcmp(type, "null") == 0)
		return xstrdup("");
	if (strcmp(type, "array") == 0 && strcmp(name, "sources") == 0) {
		if (sqlite3_column_int(r->stmt, 6) == 0) {
			text = (const char *)sqlite3_column_text(r->stmt, 5);
			return xstrdup(text != NULL ? text : "");
		}
		*why = xasprintf(_("%s: a list of sources holds strings only"), name);
		return NULL;
	}
	if (strcmp(type, "array") == 0 || strcmp(type, "object") == 0 ||
	    strcmp(type, "true") == 0 || strcmp(type, "false") == 0) {
		*why = xasprintf(_("%s: %s is not a value here (write a string or a number%s)"),
		    name, type, strcmp(name, "sources") == 0 ?
		    _(", or a list of strings") : "");
		return NULL;
	}
	return xstrdup(db_text(r->stmt, 4));
}

/* Read the next object as a row, a field under each name. */
static int
rows_json_read(struct rows *r, char ***fields, size_t *nfields, char **cause)
{
	sqlite3_int64 item;
	const char *name;
	char *why = NULL;
	size_t i;

	for (i = 0; i < r->nnames; i++) {
		free(r->fields[i]);
		r->fields[i] = NULL;
	}
	if (r->rc != SQLITE_ROW)
		return 0;
	item = sqlite3_column_int64(r->stmt, 0);
	r->line = rows_item_line(r, item);
	do {
		if (sqlite3_column_type(r->stmt, 2) == SQLITE_NULL)
			continue;	/* {} */
		name = (const char *)sqlite3_column_text(r->stmt, 2);
		i = rows_json_name(r, name, r->line);
		if (r->fields[i] != NULL)
			why = xasprintf(_("%s: the member appears twice"), name);
		else
			r->fields[i] = rows_json_value(r, name, &why);
		if (why != NULL) {
			*cause = xasprintf("%s:%lu: %s", r->name, r->line, why);
			free(why);
			return -1;
		}
	} while ((r->rc = sqlite3_step(r->stmt)) == SQLITE_ROW &&
	    sqlite3_column_int64(r->stmt, 0) == item);
	for (i = 0; i < r->nnames; i++) {
		if (r->fields[i] == NULL)
			r->fields[i] = xstrdup("");
	}
	*fields = r->fields;
	*nfields = r->nnames;
	return 1;
}

/* Read the names, then the next row. */
int
rows_read(struct rows *r, char ***fields, size_t *nfields, char **cause)
{
	size_t i;
	int rc;

	if (r->json && !r->started) {
		r->started = 1;
		*fields = r->names;
		*nfields = r->nnames;
		return 1;
	}
	if (r->json)
		return rows_json_read(r, fields, nfields, cause);
	do {
		rc = csv_read(r->csv, fields, nfields, cause);
		r->line = csv_line(r->csv);
	} while (rc == 1 && r->started && *nfields == 1 && (*fields)[0][0] == '\0');
	r->started = 1;
	for (i = 0; rc == 1 && i < *nfields; i++)
		rows_csv_revive((*fields)[i]);
	return rc;
}

/* The line the last row read starts on. */
unsigned long
rows_line(const struct rows *r)
{
	return r->line;
}

/* The line where column i is named. */
unsigned long
rows_name_line(const struct rows *r, size_t i)
{
	return r->json && i < r->nnames ? r->name_lines[i] : 1;
}

/* Free everything. */
void
rows_close(struct rows *r)
{
	size_t i;

	if (r == NULL)
		return;
	sqlite3_finalize(r->stmt);
	for (i = 0; i < r->nnames; i++) {
		free(r->names[i]);
		if (r->fields != NULL)
			free(r->fields[i]);
	}
	free(r->names);
	free(r->name_lines);
	free(r->item_lines);
	free(r->fields);
	csv_close(r->csv);
	free(r->name);
	free(r);
}
