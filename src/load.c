/* The CSV loader: one for the bundled dataset and for user imports. */
#include "config.h"
#include "load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "claim.h"
#include "db.h"
#include "i18n.h"
#include "kind.h"
#include "number.h"
#include "rows.h"
#include "rules.h"
#include "strbuf.h"
#include "xmalloc.h"

/* Columns the loader computes once everything is loaded: no file gives
 * them, so no one types them by hand. */
static const struct {
	const char	*table;
	const char	*column;
	const char	*from;
} load_computed[] = {
	{ "funding", "confidence", N_("the claims and the kinds of the sources") },
	{ NULL, NULL, NULL }
};

/* One column of the target table, as PRAGMA table_xinfo describes it. */
struct load_column {
	char	*name;
	char	*type;		/* declared type: INTEGER, REAL, TEXT */
	int	 required;	/* NOT NULL without a default */
	int	 generated;
	int	 pk;
};

struct load {
	sqlite3		*db;
	const char	*schema;	/* where rows go: main, or user */
	int		 own;		/* the transaction is the loader's */
	unsigned long	*others;	/* errors after the first, or NULL: stop */
	void		(*progress)(void *, unsigned long);
	void		*arg;
	int		(*loaded)(sqlite3 *, void *, char **);
	void		*loaded_arg;	/* what loaded is called with */
	unsigned long	 rows;		/* rows read so far */
	int		 seq;		/* files loaded so far */
	sqlite3_stmt	*origin;	/* notes where a row came from */
	sqlite3_stmt	*cite;		/* adds a whole-record citation */
	struct strbuf	 deferred;	/* makes the indexes dropped until the end */
	struct strbuf	 looked;	/* the tables looked at for that: |a||b| */
};

/* Where each loaded row came from, to name file and line in messages. */
static const char load_origin_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS load_origin ("
	" seq INTEGER, tbl TEXT, row INTEGER, file TEXT, line INTEGER, col TEXT);"
	"CREATE INDEX IF NOT EXISTS temp.load_origin_row ON load_origin (tbl, row);"
	"DELETE FROM temp.load_origin;";

/* The indexes of a table of schema %1$s (but those that refuse a row,
 * which must do so as it is loaded), and whether a table has rows. */
static const char load_indexes_sql[] =
	"SELECT name, sql FROM \"%1$s\".sqlite_schema"
	" WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ?1"
	" AND sql NOT LIKE 'CREATE UNIQUE %%'";
static const char load_has_rows_sql[] = "SELECT EXISTS (SELECT 1 FROM \"%s\".\"%s\")";

/*
 * Drop the indexes of table in l's schema if it has no rows yet, keeping in
 * l->deferred what makes them again, which load_finish() runs once every
 * row is in, before its checks; a table is looked at once, when a file is
 * first loaded into it. An index made from all its rows at once is a sort;
 * filled a row at a time, its pages are read and written at random, and at
 * a million records they are more than the cache holds (the load of a
 * build at 1M: 94 s, and 58 s with the indexes made after it). Inside the
 * load's transaction: undone with it.
 */
static int
load_defer_indexes(struct load *l, const char *table, char **cause)
{
	sqlite3_stmt *stmt;
	struct strbuf drops = { 0 };
	char *sql, *make, *seen;
	int r, empty;

	seen = xasprintf("|%s|", table);
	r = l->looked.s != NULL && strstr(l->looked.s, seen) != NULL;
	free(seen);
	if (r)
		return 0;
	strbuf_addf(&l->looked, "|%s|", table);
	sql = xasprintf(load_has_rows_sql, l->schema, table);
	r = db_prepare(l->db, sql, &stmt, cause);
	free(sql);
	if (r != 0)
		return -1;
	empty = sqlite3_step(stmt) == SQLITE_ROW && !sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (!empty)
		return 0;
	sql = xasprintf(load_indexes_sql, l->schema);
	r = db_prepare(l->db, sql, &stmt, cause);
	free(sql);
	if (r != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		if ((make = db_schema_statement(l->schema, db_text(stmt, 0), NULL,
		    db_text(stmt, 1))) == NULL)
			continue;
		strbuf_addf(&l->deferred, "%s;", make);
		strbuf_addf(&drops, "DROP INDEX \"%s\".\"%s\";", l->schema, db_text(stmt, 0));
		free(make);
	}
	sqlite3_finalize(stmt);
	sql = strbuf_finish(&drops);
	r = db_exec(l->db, sql, cause);
	free(sql);
	return r;
}

/* The loader writing into schema, its statements prepared. */
static struct load *
load_new(sqlite3 *db, const char *schema, int own, char **cause)
{
	struct load *l;
	char *sql;
	int r;

	l = xcalloc(1, sizeof *l);
	l->db = db;
	l->schema = schema;
	l->own = own;
	/* Prepared once: a large file makes a row of each per line. */
	sql = xasprintf("INSERT INTO %s.citation (subject_id, source_id, field, stance, locator)"
	    " VALUES (?1, ?2, '*', 'supports', ?3)", schema);
	r = db_prepare(db, "INSERT INTO temp.load_origin (seq, tbl, row, file, line, col)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &l->origin, cause) != 0 ||
	    db_prepare(db, sql, &l->cite, cause) != 0;
	free(sql);
	if (r) {
		load_abort(l);
		return NULL;
	}
	return l;
}

/* Open a transaction with foreign keys checked at the end. */
struct load *
load_begin(sqlite3 *db, char **cause)
{
	if (db_exec(db, "PRAGMA foreign_keys = OFF", cause) != 0 ||
	    db_exec(db, load_origin_sql, cause) != 0 ||
	    db_exec(db, "BEGIN IMMEDIATE", cause) != 0)
		return NULL;
	return load_new(db, "main", 1, cause);
}

/* Load into schema user within the caller's transaction. */
struct load *
load_begin_user(sqlite3 *db, unsigned long *others, char **cause)
{
	struct load *l;

	if (db_exec(db, load_origin_sql, cause) != 0)
		return NULL;
	if ((l = load_new(db, "user", 0, cause)) != NULL) {
		l->others = others;
		*others = 0;
	}
	return l;
}

/* The rows read so far. */
unsigned long
load_rows(const struct load *l)
{
	return l->rows;
}

/* Have fn called by load_finish() first. */
void
load_when_loaded(struct load *l, int (*fn)(sqlite3 *, void *, char **), void *arg)
{
	l->loaded = fn;
	l->loaded_arg = arg;
}

/* Call fn with the rows read so far, now and then. */
void
load_progress(struct load *l, void (*fn)(void *, unsigned long), void *arg)
{
	l->progress = fn;
	l->arg = arg;
}

/* The index in load_computed of table's column, or -1. */
static int
load_computed_find(const char *table, const char *column)
{
	int i;

	for (i = 0; load_computed[i].table != NULL; i++) {
		if (strcmp(load_computed[i].table, table) == 0 &&
		    strcmp(load_computed[i].column, column) == 0)
			return i;
	}
	return -1;
}

/* Read the columns of a table of schema. */
static struct load_column *
load_columns(sqlite3 *db, const char *schema, const char *table, size_t *ncols,
    char **cause)
{
	sqlite3_stmt *stmt;
	struct load_column *cols = NULL;
	size_t n = 0;

	if (db_prepare(db, "SELECT name, upper(type), \"notnull\", dflt_value IS NOT NULL,"
	    " hidden, pk FROM pragma_table_xinfo(?1, ?2)", &stmt, cause) != 0)
		return NULL;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, schema, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		cols = xreallocarray(cols, n + 1, sizeof *cols);
		cols[n].name = xstrdup(db_text(stmt, 0));
		cols[n].type = xstrdup(db_text(stmt, 1));
		cols[n].required = sqlite3_column_int(stmt, 2) && !sqlite3_column_int(stmt, 3);
		cols[n].generated = sqlite3_column_int(stmt, 4) >= 2;
		cols[n].pk = sqlite3_column_int(stmt, 5);
		n++;
	}
	sqlite3_finalize(stmt);
	if (n == 0) {
		*cause = xasprintf(_("no table %s in the database"), table);
		return NULL;
	}
	*ncols = n;
	return cols;
}

/* Free what load_columns() returned. */
static void
load_columns_free(struct load_column *cols, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(cols[i].name);
		free(cols[i].type);
	}
	free(cols);
}

/* Index of the column named name, or -1. */
static int
load_column_find(const struct load_column *cols, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(cols[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

/* Bind one CSV field to a parameter, typed by the column's declared type.
 * Returns 0, or -1 with *cause naming the column. */
static int
load_bind(sqlite3_stmt *stmt, int param, const struct load_column *col,
    const char *value, char **cause)
{
	char *end;
	long long ll;
	double d;

	if (*value == '\0')
		return sqlite3_bind_null(stmt, param) == SQLITE_OK ? 0 : -1;
	if (strcmp(col->type, "INTEGER") == 0) {
		errno = 0;
		ll = strtoll(value, &end, 10);
		if (errno != 0 || *end != '\0' || end == value) {
			*cause = xasprintf(_("%s: '%s' is not a whole number"), col->name, value);
			return -1;
		}
		sqlite3_bind_int64(stmt, param, ll);
		return 0;
	}
	if (strcmp(col->type, "REAL") == 0) {
		if (number_parse(value, &d, &end) != 0 || *end != '\0') {
			*cause = xasprintf(_("%s: '%s' is not a number (write plain digits, "
			    "as 1700000000 or 1.7e9)"), col->name, value);
			return -1;
		}
		sqlite3_bind_double(stmt, param, d);
		return 0;
	}
	sqlite3_bind_text(stmt, param, value, -1, SQLITE_TRANSIENT);
	return 0;
}

/* The field under the header name, or NULL. */
static const char *
load_field(char **header, char **fields, size_t nfields, const char *name)
{
	size_t i;

	for (i = 0; i < nfields; i++) {
		if (strcmp(header[i], name) == 0)
			return fields[i];
	}
	return NULL;
}

/* Whether the record of k whose id column col is id was imported
 * before this import (a row loaded by this one is in load_origin). */
static int
load_imported_before(struct load *l, const struct kind *k, const char *col, const char *id)
{
	sqlite3_stmt *stmt;
	char *sql;
	int found;

	if (strcmp(l->schema, "user") != 0 || k->name == NULL)
		return 0;
	sql = xasprintf("SELECT 1 FROM user.\"%s\" AS x WHERE x.\"%s\" = ?1 AND NOT EXISTS"
	    " (SELECT 1 FROM temp.load_origin AS o WHERE o.tbl = '%s' AND o.row = x.rowid)",
	    k->table, col, k->table);
	found = db_prepare(l->db, sql, &stmt, NULL) == 0;
	free(sql);
	if (!found)
		return 0;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	found = sqlite3_step(stmt) == SQLITE_ROW;
	sqlite3_finalize(stmt);
	return found;
}

/* Turn a failed insert into a row of k into "column: reason (got
 * 'value')". */
static char *
load_explain(struct load *l, const struct kind *k, const struct load_column *cols,
    size_t ncols, char **header, char **fields, size_t nfields)
{
	const char *msg = sqlite3_errmsg(l->db), *colon, *dot, *value;
	char *col, *rule;
	size_t i;

	if (strncmp(msg, "CHECK constraint failed: ", 25) == 0) {
		msg += 25;
		if ((colon = strchr(msg, ':')) == NULL)
			return xstrdup(msg);
		col = xstrndup(msg, (size_t)(colon - msg));
		value = load_field(header, fields, nfields, col);
		free(col);
		rule = rules_explain(msg);
		if (value == NULL || *value == '\0')
			return rule;
		col = xasprintf(_("%s (got '%s')"), rule, value);
		free(rule);
		return col;
	}
	if (strncmp(msg, "NOT NULL constraint failed: ", 28) == 0) {
		msg += 28;
		if ((dot = strchr(msg, '.')) != NULL)
			msg = dot + 1;
		return xasprintf(_("%s: required, but empty"), msg);
	}
	if (strncmp(msg, "UNIQUE constraint failed: ", 26) == 0) {
		msg += 26;
		for (i = 0; i < ncols && cols[i].pk != 1; i++)
			;
		value = i < ncols ? load_field(header, fields, nfields, cols[i].name) : NULL;
		if (strncmp(msg, "record.id", 9) == 0 && value != NULL)
			return xasprintf(_("%s: '%s' is already the id of another record "
			    "(ids are unique across all tables)"), cols[i].name, value);
		col = xasprintf(_("this row repeats the key (%s) of an earlier row"), msg);
		if (value != NULL && load_imported_before(l, k, cols[i].name, value)) {
			free(col);
			col = xasprintf(_("%s: '%s' is already imported; import --rm %s first"),
			    cols[i].name, value, value);
		}
		return col;
	}
	return xstrdup(msg);
}

/* Note where a row came from. */
static int
load_note_origin(struct load *l, const char *table, sqlite3_int64 row,
    const char *file, unsigned long line, const char *col, char **cause)
{
	sqlite3_stmt *stmt = l->origin;
	int rc;

	sqlite3_reset(stmt);
	sqlite3_bind_int(stmt, 1, l->seq);
	sqlite3_bind_text(stmt, 2, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, row);
	sqlite3_bind_text(stmt, 4, file, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 5, (sqlite3_int64)line);
	sqlite3_bind_text(stmt, 6, col, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_DONE) {
		*cause = xasprintf("%s", sqlite3_errmsg(l->db));
		return -1;
	}
	return 0;
}

/* Turn a sources field ("id#locator;id") into whole-record citations. */
static int
load_sources(struct load *l, const char *subject, const char *list,
    const char *file, unsigned long line, char **cause)
{
	sqlite3_stmt *stmt = l->cite;
	char *copy, *item, *next, *hash, *id;
	int rc = 0;

	copy = xstrdup(list);
	for (item = copy; item != NULL && rc == 0; item = next) {
		if ((next = strchr(item, ';')) != NULL)
			*next++ = '\0';
		if ((hash = strchr(item, '#')) != NULL)
			*hash++ = '\0';
		id = item + strspn(item, " ");
		id[strcspn(id, " ")] = '\0';
		if (*id == '\0') {
			*cause = xstrdup(_("sources: an empty source id (ids are separated by ';')"));
			rc = -1;
			break;
		}
		sqlite3_reset(stmt);
		sqlite3_bind_text(stmt, 1, subject, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, id, -1, SQLITE_STATIC);
		if (hash != NULL && hash[strspn(hash, " ")] != '\0')
			sqlite3_bind_text(stmt, 3, hash + strspn(hash, " "), -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(stmt, 3);
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			if (sqlite3_extended_errcode(l->db) == SQLITE_CONSTRAINT_PRIMARYKEY)
				*cause = xasprintf(_("sources: '%s' is listed twice"), id);
			else
				*cause = xasprintf("sources: %s", sqlite3_errmsg(l->db));
			rc = -1;
			break;
		}
		rc = load_note_origin(l, "citation", sqlite3_last_insert_rowid(l->db),
		    file, line, "sources", cause);
	}
	free(copy);
	return rc;
}

/* Check the computed columns a row gave against what the schema computed. */
static int
load_check_generated(struct load *l, const char *table, sqlite3_int64 row,
    const struct load_column *col, const char *given, char **cause)
{
	sqlite3_stmt *stmt;
	char *sql;
	const char *computed;
	int rc = 0;

	if (*given == '\0')
		return 0;
	sql = xasprintf("SELECT \"%s\" FROM %s.\"%s\" WHERE rowid = ?1", col->name,
	    l->schema, table);
	if (db_prepare(l->db, sql, &stmt, cause) != 0) {
		free(sql);
		return -1;
	}
	free(sql);
	sqlite3_bind_int64(stmt, 1, row);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		computed = (const char *)sqlite3_column_text(stmt, 0);
		if (computed == NULL || strcmp(computed, given) != 0) {
			*cause = xasprintf(_("%s: computed as '%s' from the date, not '%s' "
			    "(leave the column out)"), col->name,
			    computed == NULL ? "" : computed, given);
			rc = -1;
		}
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* " (only countries, blocs, ... and figures take sources)": the kinds
 * whose files take a sources column. */
static char *
load_cited_names(void)
{
	const struct kind *k, *last = NULL;
	char *names = xstrdup(""), *t;

	for (k = kinds; k->table != NULL; k++) {
		if (!k->cited)
			continue;
		if (last != NULL) {
			t = xasprintf("%s%s%s", names, *names != '\0' ? ", " : "", last->plural);
			free(names);
			names = t;
		}
		last = k;
	}
	t = xasprintf(_(" (only %s and %s take sources)"), names, last->plural);
	free(names);
	return t;
}

/* The longest field a file may give, in bytes. */
#define LOAD_FIELD_MAX	(1024 * 1024)

/* Load one CSV or JSON file into k's table. */
int
load_file(struct load *l, const char *path, const struct kind *k, char **cause)
{
	struct rows *rows;
	struct load_column *cols = NULL;
	size_t ncols = 0, nheader = 0, nfields, i;
	char **fields, **header = NULL, *sql = NULL, *why = NULL, *p, *names, *first = NULL;
	int *map = NULL, sources_at = -1, pk_at = -1, rc = -1, param, r;
	sqlite3_stmt *stmt = NULL;
	sqlite3_int64 row;
	size_t len;

	l->seq++;
	/* The rows go to k's table, and its citations to citation's; before
	 * a JSON file's rows are read, by a statement that must not be
	 * running while an index is dropped. */
	if (load_defer_indexes(l, k->table, cause) != 0 ||
	    (k->cited && load_defer_indexes(l, "citation", cause) != 0) ||
	    (rows = rows_open(l->db, path, cause)) == NULL)
		return -1;
	if ((cols = load_columns(l->db, l->schema, k->table, &ncols, cause)) == NULL)
		goto out;
	if ((r = rows_read(rows, &fields, &nfields, cause)) <= 0) {
		if (r == 0)
			*cause = xasprintf(_("%s:1: empty file: the first line names the columns"), path);
		goto out;
	}
	nheader = nfields;
	header = xcalloc(nheader, sizeof *header);
	map = xcalloc(nheader, sizeof *map);
	len = strlen("INSERT INTO .\"\" () VALUES ()") + strlen(l->schema) +
	    strlen(k->table) + 1;
	for (i = 0; i < nheader; i++)
		len += strlen(fields[i]) + 8;
	sql = xmalloc(len);
	p = sql + sprintf(sql, "INSERT INTO %s.\"%s\" (", l->schema, k->table);
	param = 0;
	for (i = 0; i < nheader; i++) {
		header[i] = xstrdup(fields[i]);
		map[i] = load_column_find(cols, ncols, header[i]);
		if (strcmp(header[i], "sources") == 0 && k->cited) {
			sources_at = (int)i;
			continue;
		}
		if ((r = load_computed_find(k->table, header[i])) >= 0) {
			*cause = xasprintf(_("%s:%lu: header: the column '%s' is computed from %s: "
			    "leave it out"), path, rows_name_line(rows, i), header[i],
			    _(load_computed[r].from));
			goto out;
		}
		if (map[i] < 0) {
			names = strcmp(header[i], "sources") == 0 ? load_cited_names() : NULL;
			*cause = xasprintf(_("%s:%lu: header: unknown column '%s' for %s%s"),
			    path, rows_name_line(rows, i), header[i], k->plural,
			    names != NULL ? names : "");
			free(names);
			goto out;
		}
		for (r = 0; r < (int)i; r++) {
			if (strcmp(header[r], header[i]) == 0) {
				*cause = xasprintf(_("%s:1: header: column '%s' appears twice"),
				    path, header[i]);
				goto out;
			}
		}
		if (cols[map[i]].pk == 1)
			pk_at = (int)i;
		if (cols[map[i]].generated)
			continue;
		p += sprintf(p, "%s\"%s\"", param++ == 0 ? "" : ", ", header[i]);
	}
	for (i = 0; i < ncols; i++) {
		if (cols[i].required && !cols[i].generated) {
			for (r = 0; r < (int)nheader && strcmp(header[r], cols[i].name) != 0; r++)
				;
			if (r == (int)nheader) {
				*cause = xasprintf(_("%s:1: header: the required column '%s' is missing"),
				    path, cols[i].name);
				goto out;
			}
		}
	}
	if (k->cited && sources_at < 0) {
		*cause = xasprintf(_("%s:1: header: the column 'sources' is missing: "
		    "every record cites a source"), path);
		goto out;
	}
	p += sprintf(p, ") VALUES (");
	for (r = 0; r < param; r++)
		p += sprintf(p, "%s?", r == 0 ? "" : ", ");
	sprintf(p, ")");
	if (db_prepare(l->db, sql, &stmt, cause) != 0)
		goto out;

	while ((r = rows_read(rows, &fields, &nfields, cause)) == 1) {
		if (++l->rows % 1000 == 0 && l->progress != NULL)
			l->progress(l->arg, l->rows);
		if (nfields != nheader) {
			why = xasprintf(ngettext("%zu field, but the header names %zu",
			    "%zu fields, but the header names %zu", nfields), nfields, nheader);
			goto row_error;
		}
		for (i = 0; i < nheader; i++) {
			if (strlen(fields[i]) > LOAD_FIELD_MAX) {
				why = xasprintf(_("%s: longer than 1 MB"), header[i]);
				goto row_error;
			}
		}
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
		for (i = 0, param = 0; i < nheader; i++) {
			if ((int)i == sources_at || cols[map[i]].generated)
				continue;
			if (load_bind(stmt, ++param, &cols[map[i]], fields[i], &why) != 0)
				goto row_error;
		}
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			why = load_explain(l, k, cols, ncols, header, fields, nfields);
			goto row_error;
		}
		row = sqlite3_last_insert_rowid(l->db);
		if (load_note_origin(l, k->table, row, path, rows_line(rows), NULL, cause) != 0)
			goto out;
		for (i = 0; i < nheader; i++) {
			if ((int)i != sources_at && cols[map[i]].generated &&
			    load_check_generated(l, k->table, row, &cols[map[i]], fields[i],
			    &why) != 0)
				goto row_error;
		}
		if (sources_at >= 0) {
			if (fields[sources_at][0] == '\0') {
				why = xstrdup(_("sources: empty: every record cites a source"));
				goto row_error;
			}
			if (load_sources(l, fields[pk_at], fields[sources_at], path,
			    rows_line(rows), &why) != 0)
				goto row_error;
		}
		continue;

row_error:
		/* Stop at the first bad row, or count the others after it. */
		if (first == NULL)
			first = xasprintf("%s:%lu: %s", path, rows_line(rows), why);
		else
			(*l->others)++;
		free(why);
		why = NULL;
		if (l->others == NULL)
			break;
	}
	if (first != NULL) {
		if (r == -1) {
			free(*cause);
			(*l->others)++;
		}
		*cause = first;
		first = NULL;
	} else if (r == 0)
		rc = 0;
out:
	sqlite3_finalize(stmt);
	for (i = 0; i < nheader; i++)
		free(header[i]);
	free(header);
	free(map);
	free(sql);
	if (cols != NULL)
		load_columns_free(cols, ncols);
	rows_close(rows);
	return rc;
}

/* One reference of the loaded rows of a table: its column (or the file's
 * column it came from, "sources") that names a row that does not exist
 * where the rows are read (schema main's tables, or the merged views when
 * loading into user: SQLite's foreign keys do not cross schemas); %6$s
 * tests the row further, or is empty. */
static const char load_reference_tmpl[] =
	"SELECT o.seq, o.line, o.file,"
	" printf(?1, coalesce(o.col, '%3$s'), '%4$s', '%5$s', x.\"%3$s\")"
	" FROM %1$s.\"%2$s\" AS x"
	" JOIN temp.load_origin AS o ON o.tbl = '%2$s' AND o.row = x.rowid"
	" WHERE x.\"%3$s\" IS NOT NULL"
	"   AND NOT EXISTS (SELECT 1 FROM \"%4$s\" AS t WHERE t.\"%5$s\" = x.\"%3$s\")%6$s";
/* The rows of citation whose subject is not looked up: those a sources
 * cell made, whose subject is the record of that row, loaded with it
 * (one a record: 200,000 imported at once, the checks 0.80 -> 0.67 s). */
static const char load_reference_cited_sql[] = " AND o.col IS NOT 'sources'";

/* Report the first row of sql (seq, line, file, reason; ?1 is fmt, the
 * format SQL's printf() makes the reason with) as "file:line: reason" in
 * *cause and count the others; 0 if there is none. */
static int
load_report(struct load *l, const char *sql, const char *fmt, char **cause)
{
	sqlite3_stmt *stmt;
	int rc = 0;

	if (db_prepare(l->db, sql, &stmt, cause) != 0)
		return -1;
	sqlite3_bind_text(stmt, 1, fmt, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		if (rc == 0) {
			*cause = xasprintf("%s:%d: %s", db_text(stmt, 2),
			    sqlite3_column_int(stmt, 1), db_text(stmt, 3));
			rc = -1;
			if (l->others == NULL)
				break;
		} else
			(*l->others)++;
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* Name the first row whose reference points nowhere, counting the
 * others. */
static int
load_check_references(struct load *l, char **cause)
{
	const struct kind *k;
	sqlite3_stmt *fks;
	char *sql = xstrdup(""), *one, *t;
	int rc;

	if (db_prepare(l->db, "SELECT \"from\", \"table\", \"to\""
	    " FROM pragma_foreign_key_list(?1, ?2)", &fks, cause) != 0) {
		free(sql);
		return -1;
	}
	for (k = kinds; k->table != NULL; k++) {
		sqlite3_reset(fks);
		sqlite3_bind_text(fks, 1, k->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(fks, 2, l->schema, -1, SQLITE_STATIC);
		while (sqlite3_step(fks) == SQLITE_ROW) {
			one = xasprintf(load_reference_tmpl, l->schema, k->table,
			    sqlite3_column_text(fks, 0), sqlite3_column_text(fks, 1),
			    sqlite3_column_text(fks, 2),
			    strcmp(k->table, "citation") == 0 &&
			    strcmp(db_text(fks, 0), "subject_id") == 0 ?
			    load_reference_cited_sql : "");
			t = xasprintf("%s%s%s", sql, *sql != '\0' ? " UNION ALL " : "", one);
			free(one);
			free(sql);
			sql = t;
		}
	}
	sqlite3_finalize(fks);
	t = xasprintf("%s ORDER BY 1, 2", sql);
	free(sql);
	rc = load_report(l, t, _("%s: no %s with %s '%s'"), cause);
	free(t);
	return rc;
}

/* The first citation or claim loaded into schema %1$s of a field its
 * record does not have. (A record without any citation cannot get this
 * far: its sources cell is required.) */
static const char load_citations_sql[] =
	"SELECT o.seq, o.line, o.file, printf(?1, c.field, r.kind, r.id)"
	" FROM %1$s.citation AS c JOIN record AS r ON r.id = c.subject_id"
	" JOIN temp.load_origin AS o ON o.tbl = 'citation' AND o.row = c.rowid"
	" WHERE c.field <> '*'"
	"   AND NOT EXISTS (SELECT 1 FROM pragma_table_xinfo(r.kind) WHERE name = c.field)"
	" UNION ALL SELECT o.seq, o.line, o.file, printf(?1, c.field, r.kind, r.id)"
	" FROM %1$s.claim AS c JOIN record AS r ON r.id = c.subject_id"
	" JOIN temp.load_origin AS o ON o.tbl = 'claim' AND o.row = c.rowid"
	" WHERE NOT EXISTS (SELECT 1 FROM pragma_table_xinfo(r.kind) WHERE name = c.field)"
	" ORDER BY 1, 2";

/* Name the first citation or claim of a field its record does not have. */
static int
load_check_citations(struct load *l, char **cause)
{
	char *sql = xasprintf(load_citations_sql, l->schema);
	int rc;

	rc = load_report(l, sql, "field: '%s' is not a column of %s '%s'", cause);
	free(sql);
	return rc;
}

/* A record loaded into schema user whose id is a bundled record's. */
static const char load_ids_tmpl[] =
	"SELECT o.seq, o.line, o.file, printf(?1, '$i', x.$i)"
	" FROM user.$t AS x JOIN temp.load_origin AS o ON o.tbl = '$t' AND o.row = x.rowid"
	" WHERE x.$i IN (SELECT id FROM main.record)";

/* Name the first record loaded into user whose id is taken in main:
 * ids are unique across both. */
static int
load_check_ids(struct load *l, char **cause)
{
	char *each, *sql;
	int rc;

	if (strcmp(l->schema, "user") != 0)
		return 0;
	each = kind_each(load_ids_tmpl, " UNION ALL ", KIND_RECORD);
	sql = xasprintf("%s ORDER BY 1, 2", each);
	rc = load_report(l, sql, _("%s: '%s' is already the id of a bundled record "
	    "(ids are unique across all tables)"), cause);
	free(sql);
	free(each);
	return rc;
}

/* Count, in the others, what load_finish() would find wrong: after a bad
 * row, the errors of the rows loaded. */
void
load_count_rest(struct load *l)
{
	int (*const checks[])(struct load *, char **) = {
		load_check_ids, load_check_references, load_check_citations, NULL
	};
	char *cause = NULL;
	int i;

	for (i = 0; l->others != NULL && checks[i] != NULL; i++) {
		if (checks[i](l, &cause) != 0 && cause != NULL)
			(*l->others)++;
		free(cause);
		cause = NULL;
	}
}

/* Make the indexes dropped at the start, check references, citations and
 * claims, compute what is computed from them, then commit. */
int
load_finish(struct load *l, char **cause)
{
	char *update, *deferred;
	int r;

	/* OR FAIL: the statement keeps no journal to undo itself (every
	 * funding record's page, hundreds of MB at a million records), as a
	 * failure undoes the whole load anyway. Only the funding records
	 * this load made, cited or claimed about can change: an import of
	 * events beside a million records of the user's took 1.7 s more. */
	update = xasprintf("UPDATE OR FAIL %1$s.funding AS f SET confidence = "
	    CLAIM_CONFIDENCE_SQL " WHERE f.rowid IN (SELECT row FROM temp.load_origin"
	    "  WHERE tbl = 'funding')"
	    " OR f.id IN (SELECT c.subject_id FROM %1$s.citation AS c JOIN temp.load_origin AS o"
	    "  ON o.tbl = 'citation' AND o.row = c.rowid)"
	    " OR f.id IN (SELECT c.subject_id FROM %1$s.claim AS c JOIN temp.load_origin AS o"
	    "  ON o.tbl = 'claim' AND o.row = c.rowid)", l->schema);
	deferred = strbuf_finish(&l->deferred);
	r = (l->loaded != NULL && l->loaded(l->db, l->loaded_arg, cause) != 0) ||
	    db_exec(l->db, deferred, cause) != 0 ||
	    load_check_ids(l, cause) != 0 || load_check_references(l, cause) != 0 ||
	    load_check_citations(l, cause) != 0 || db_exec(l->db, update, cause) != 0 ||
	    (l->own && db_exec(l->db, "COMMIT", cause) != 0);
	free(update);
	free(deferred);
	if (r) {
		load_abort(l);
		return -1;
	}
	db_exec(l->db, "DELETE FROM temp.load_origin", NULL);
	sqlite3_finalize(l->origin);
	sqlite3_finalize(l->cite);
	free(strbuf_finish(&l->looked));
	free(l);
	return 0;
}

/* Load every kind's file of the data directory dir into db (an optional
 * kind's file may be missing), then finish, calling loaded first. */
int
load_dir(sqlite3 *db, const char *dir, int (*loaded)(sqlite3 *, void *, char **),
    void *arg, char **cause)
{
	const struct kind *k;
	struct load *l;
	char *path;
	int rc;

	if ((l = load_begin(db, cause)) == NULL)
		return -1;
	for (k = kinds; k->table != NULL; k++) {
		path = xasprintf("%s/%s", dir, k->file);
		rc = k->optional && access(path, F_OK) != 0 ? 0 : load_file(l, path, k, cause);
		free(path);
		if (rc != 0) {
			load_abort(l);
			return -1;
		}
	}
	load_when_loaded(l, loaded, arg);
	return load_finish(l, cause);
}

/* A record's whole-record citations, as load_sources() reads them, in
 * the order of their sources' ids; %1$s is its table, %2$s its id column.
 * The order is a column of the rows ordered: with the user's records,
 * SQLite then reads the merged view of citations (merge.c) through both
 * indexes, where an expression of them had it copy every citation first
 * (1 s at a million, however few rows are listed). */
static const char load_export_sources_tmpl[] =
	", (SELECT group_concat(s || coalesce('#' || l, ''), ';') FROM"
	" (SELECT c.source_id AS s, c.locator AS l FROM citation AS c"
	" WHERE c.subject_id = \"%1$s\".\"%2$s\" AND c.field = '*' ORDER BY c.source_id))"
	" AS sources";

/* The SELECT list of what the loader takes for k. */
char *
load_export_columns(sqlite3 *db, const struct kind *k, char **cause)
{
	struct load_column *cols;
	size_t ncols, i;
	char *sql = xstrdup(""), *sources, *t;

	if ((cols = load_columns(db, "main", k->table, &ncols, cause)) == NULL) {
		free(sql);
		return NULL;
	}
	for (i = 0; i < ncols; i++) {
		if (load_computed_find(k->table, cols[i].name) >= 0)
			continue;
		t = xasprintf("%s%s\"%s\".\"%s\"", sql, *sql != '\0' ? ", " : "", k->table,
		    cols[i].name);
		free(sql);
		sql = t;
	}
	load_columns_free(cols, ncols);
	if (k->cited) {
		sources = xasprintf(load_export_sources_tmpl, k->table, k->id);
		t = xasprintf("%s%s", sql, sources);
		free(sources);
		free(sql);
		sql = t;
	}
	return sql;
}

/* Roll back and free. */
void
load_abort(struct load *l)
{
	if (l == NULL)
		return;
	sqlite3_finalize(l->origin);
	sqlite3_finalize(l->cite);
	if (l->own && !sqlite3_get_autocommit(l->db))
		db_exec(l->db, "ROLLBACK", NULL);
	db_exec(l->db, "DELETE FROM temp.load_origin", NULL);
	free(strbuf_finish(&l->deferred));
	free(strbuf_finish(&l->looked));
	free(l);
}
