/* Opening databases, running statements, and the read-only guard. */
#include "config.h"
#include "db.h"

#include <sys/stat.h>

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "claim.h"
#include "fts.h"
#include "i18n.h"
#include "kind.h"
#include "label.h"
#include "match.h"
#include "merge.h"
#include "match.h"
#include "money.h"
#include "norm.h"
#include "outfile.h"
#include "regex.h"
#include "strbuf.h"
#include "xmalloc.h"

/* Tables a database must have to be read by aiatlas, besides the record
 * table and those of the registry's kinds that are not optional. */
static const char *const db_required_search[] = {
	"record_fts", "record_text", "record_tri", "record_word", "record_name", NULL
};

static char db_refusal[256];

/*
 * What a statement may use. Each is well above what the data and the
 * user's database need (the longest text of the data is under 1 MB, the
 * program's longest SQL under 100 kB), and low enough that a hostile
 * database or query is stopped with a message long before the machine
 * runs short: a string of 1 GB is refused at 64 MB, a tower of views or
 * subqueries at their depth.
 */
static const struct {
	int	id;
	int	value;
} db_limits[] = {
	{ SQLITE_LIMIT_LENGTH, 64 * 1024 * 1024 },
	{ SQLITE_LIMIT_SQL_LENGTH, 4 * 1024 * 1024 },
	{ SQLITE_LIMIT_EXPR_DEPTH, 1000 },
	{ SQLITE_LIMIT_COMPOUND_SELECT, 100 },
	{ SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000 },
	{ SQLITE_LIMIT_ATTACHED, 2 },
	{ SQLITE_LIMIT_FUNCTION_ARG, 32 },
	{ SQLITE_LIMIT_TRIGGER_DEPTH, 10 },
	{ -1, 0 }
};

/* The largest database checked whole (PRAGMA quick_check reads every page,
 * 3 to 4 ms a megabyte) before it is read: one of about 300 records. At
 * 32 MB, as before, a user database of 2,000 records (6.8 MB) took 29 ms
 * of each start. A larger one is read as it is, only the pages a command
 * needs; damage met there stops the command with SQLite's message, and
 * aiatlas check reads it whole. */
#define DB_CHECK_WHOLE	((sqlite3_int64)1024 * 1024)

/* All the memory SQLite may hold at once. */
#define DB_HEAP_LIMIT	((sqlite3_int64)512 * 1024 * 1024)

/* Virtual machine steps between two looks at what may stop a statement:
 * a few hundred microseconds of work. */
#define DB_PROGRESS_STEPS	10000

/*
 * What stops a running statement (db_progress()): a signal noted by a
 * handler, the processor time it may take, or the caller's test (the
 * explorer's: a key was typed during a search). One set for the program,
 * which has one connection at a time.
 */
static volatile sig_atomic_t	 db_signal_noted;
static double			 db_budget;
static double			 db_started = -1;
static int			(*db_cancel_fn)(void *);
static void			*db_cancel_arg;
static enum {
	DB_RAN, DB_STOPPED_SIGNAL, DB_STOPPED_TIME, DB_STOPPED_CANCEL
} db_stopped;
static char			 db_stop_reason[128];

/* The processor time the program has used, in seconds. */
static double
db_cpu_time(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Whether the running statement has used its processor time. Its time
 * starts at the first look (db_started < 0 until then), a few hundred
 * microseconds in: most statements end before, and never read the clock,
 * a system call (a large load runs millions of statements). */
static int
db_over_budget(void)
{
	double now;

	if (db_budget <= 0)
		return 0;
	now = db_cpu_time();
	if (db_started < 0)
		db_started = now;
	return now - db_started > db_budget;
}

/* Whether the running statement must stop: non-zero stops it with
 * SQLITE_INTERRUPT. */
static int
db_progress(void *arg)
{
	(void)arg;
	if (db_signal_noted != 0)
		db_stopped = DB_STOPPED_SIGNAL;
	else if (db_over_budget())
		db_stopped = DB_STOPPED_TIME;
	else if (db_cancel_fn != NULL && db_cancel_fn(db_cancel_arg))
		db_stopped = DB_STOPPED_CANCEL;
	else
		return 0;
	return 1;
}

/* A statement begins to run: its time starts at the first look. */
static int
db_trace(unsigned int type, void *arg, void *p, void *x)
{
	(void)type;
	(void)arg;
	(void)p;
	(void)x;
	db_started = -1;
	return 0;
}

/* The free memory on top of the heap kept for the next statement. */
#define DB_TRIM_THRESHOLD	(4 * 1024 * 1024)

/* Set up SQLite for the program, before any connection is opened: each
 * statement's journal (what undoes it if it fails inside a transaction)
 * in memory. Past SQLite's own limit, 64 kB, it goes to a temporary file:
 * a load of many rows (an insert a row, each with its indexes and
 * trigger) then makes several writes a row. A journal holds the pages
 * its statement changes, and is freed when the statement ends. */
void
db_init(void)
{
	/* One thread: SQLite's mutexes, taken at every call (each column of
	 * each row read), guard nothing here. */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
#ifdef M_TRIM_THRESHOLD
	/* Each of those journals is freed at its statement's end, on top of
	 * the heap: glibc gave the memory back past 128 kB, to ask for it
	 * again at the next row, a system call and page faults each time
	 * (6 of 9 s of an import of 30,000 funding records). */
	mallopt(M_TRIM_THRESHOLD, DB_TRIM_THRESHOLD);
#endif
}

/* Settings every connection gets: no extensions, no unsafe schema, the
 * limits, and what stops a statement. */
static void
db_harden(sqlite3 *db)
{
	int i;

	sqlite3_hard_heap_limit64(DB_HEAP_LIMIT);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	for (i = 0; db_limits[i].id >= 0; i++)
		sqlite3_limit(db, db_limits[i].id, db_limits[i].value);
	sqlite3_progress_handler(db, DB_PROGRESS_STEPS, db_progress, NULL);
	sqlite3_trace_v2(db, SQLITE_TRACE_STMT, db_trace, NULL);
	money_register(db);
	label_register(db);
	regex_register(db);
	match_register(db);
	norm_register(db);
	claim_register(db);
}

/* Note a signal that ends the program: the running statement stops.
 * Safe in a signal handler. */
void
db_signal(int sig)
{
	db_signal_noted = sig;
}

/* The signal noted by db_signal(), or 0. */
int
db_signalled(void)
{
	return db_signal_noted;
}

/* What stopped the program, as its message says it ("interrupted by
 * SIGINT"); NULL if no signal was noted. */
const char *
db_interrupted(void)
{
	if (db_signal_noted == 0)
		return NULL;
	snprintf(db_stop_reason, sizeof db_stop_reason, _("interrupted by %s"),
	    db_signal_noted == SIGINT ? "SIGINT" : db_signal_noted == SIGTERM ?
	    "SIGTERM" : db_signal_noted == SIGHUP ? "SIGHUP" : _("a signal"));
	return db_stop_reason;
}

/* Let each statement run for seconds of processor time (0: no limit). */
void
db_set_timeout(double seconds)
{
	db_budget = seconds;
	db_started = -1;
}

/* Stop a running statement when fn(arg) is non-zero (fn NULL: never). */
void
db_cancel_when(int (*fn)(void *), void *arg)
{
	db_cancel_fn = fn;
	db_cancel_arg = arg;
}

/* Whether the last failure of db was a statement stopped by a key typed
 * meanwhile (db_cancel_when()). */
int
db_cancelled(sqlite3 *db)
{
	return sqlite3_errcode(db) == SQLITE_INTERRUPT && db_stopped == DB_STOPPED_CANCEL;
}

/* The message of db's last error; for a statement that db_progress()
 * stopped, what stopped it. */
const char *
db_error(sqlite3 *db)
{
	if (sqlite3_errcode(db) != SQLITE_INTERRUPT)
		return sqlite3_errmsg(db);
	switch (db_stopped) {
	case DB_STOPPED_SIGNAL:
		return db_interrupted();
	case DB_STOPPED_TIME:
		snprintf(db_stop_reason, sizeof db_stop_reason,
		    _("stopped after %g seconds (--timeout SECONDS gives it more)"), db_budget);
		return db_stop_reason;
	case DB_STOPPED_CANCEL:
		return _("stopped by a key");
	default:
		return sqlite3_errmsg(db);
	}
}

/* A column's text, "" for NULL: a NOT NULL column of a damaged or hostile
 * database may still hold one. */
const char *
db_text(sqlite3_stmt *stmt, int col)
{
	const unsigned char *text = sqlite3_column_text(stmt, col);

	return text != NULL ? (const char *)text : "";
}

/* Whether the schema has a table: 0, or -1 with *cause. */
static int
db_check_table(sqlite3_stmt *stmt, const char *name, const char *table, char **cause)
{
	sqlite3_reset(stmt);
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		return 0;
	*cause = xasprintf(_("%s: not an aiatlas database (no table '%s')"), name, table);
	return -1;
}

/* Check that the schema has every table aiatlas reads. */
static int
db_check_schema(sqlite3 *db, const char *name, char **cause)
{
	sqlite3_stmt *stmt;
	const char *const *t;
	const struct kind *k;
	int rc = 0;

	if (db_prepare(db, "SELECT 1 FROM sqlite_schema WHERE name = ?1", &stmt, cause) != 0) {
		free(*cause);
		*cause = xasprintf(_("%s: not a SQLite database, or damaged: %s"),
		    name, sqlite3_errmsg(db));
		return -1;
	}
	/* The ids first, then each kind's table, then search's. */
	rc = db_check_table(stmt, name, "record", cause);
	for (k = kinds; rc == 0 && k->table != NULL; k++) {
		if (!k->optional)
			rc = db_check_table(stmt, name, k->table, cause);
	}
	for (t = db_required_search; rc == 0 && *t != NULL; t++)
		rc = db_check_table(stmt, name, *t, cause);
	sqlite3_finalize(stmt);
	return rc;
}

/* The objects of a schema (its tables, full-text tables and their shadow
 * tables, views, indexes and triggers) but SQLite's own; %s is the schema. */
static const char db_objects_sql[] =
	"SELECT type, name, tbl_name, sql FROM \"%s\".sqlite_schema"
	" WHERE name NOT LIKE 'sqlite\\_%%' ESCAPE '\\' ORDER BY name";
static const char db_object_sql[] =
	"SELECT type, tbl_name, sql FROM \"%s\".sqlite_schema WHERE name = ?1";

/* The full-text tables, whose settings (rank, version) are rows of a
 * table beside them. */
static const char *const db_fts_tables[] = { "record_fts", "record_tri", NULL };

/* The first column of the first row of sql (freed by the caller; "" for
 * no row or NULL), or NULL with *cause. */
static char *
db_value(sqlite3 *db, const char *sql, char **cause)
{
	sqlite3_stmt *stmt;
	char *value;
	int rc;

	if (db_prepare(db, sql, &stmt, cause) != 0)
		return NULL;
	rc = sqlite3_step(stmt);
	value = xstrdup(rc == SQLITE_ROW ? db_text(stmt, 0) : "");
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = xstrdup(db_error(db));
		free(value);
		value = NULL;
	}
	sqlite3_finalize(stmt);
	return value;
}

/* The bundled image, or NULL: see db_set_reference(). */
static const unsigned char *db_reference_image;
static size_t db_reference_size;

/* Check databases against the bundled image (see db.h). */
void
db_set_reference(const unsigned char *image, size_t size)
{
	db_reference_image = image;
	db_reference_size = size;
}

/* The bundled schema in a database in memory, its full-text settings as
 * aiatlas-mkdb leaves them: the bundled image itself when it is known,
 * else one made from the schema. */
static sqlite3 *
db_reference(char **cause)
{
	sqlite3 *ref;

	if (db_reference_image != NULL) {
		if (sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
		    sqlite3_deserialize(ref, "main",
		    (unsigned char *)(uintptr_t)db_reference_image,
		    (sqlite3_int64)db_reference_size, (sqlite3_int64)db_reference_size,
		    SQLITE_DESERIALIZE_READONLY) != SQLITE_OK) {
			*cause = xstrdup(sqlite3_errmsg(ref));
			sqlite3_close(ref);
			return NULL;
		}
		return ref;
	}
	if ((ref = db_create(":memory:", cause)) == NULL)
		return NULL;
	if (fts_build(ref, cause) != 0) {
		db_close(ref);
		return NULL;
	}
	return ref;
}

/* The connection whose main database is the bundled image: the schema
 * as aiatlas-mkdb leaves it, a reference already made. */
static sqlite3 *db_image;

/* Compare the objects of schema with those of the bundled one (ref):
 * each that has a bundled one's name is the same statement, and nothing
 * more (an index or a trigger) is on a bundled table; with required,
 * every bundled table and view is there (an index or a trigger may be
 * missing: reading does without them). 0, or -1 with *cause. */
static int
db_compare_schema(sqlite3 *db, const char *schema, sqlite3 *ref, int required,
    const char *name, char **cause)
{
	sqlite3_stmt *all = NULL, *one = NULL;
	char *sql;
	int r = -1, rc;

	/* Each bundled object, looked for in schema. */
	sql = xasprintf(db_object_sql, schema);
	rc = db_prepare(db, sql, &one, cause);
	free(sql);
	if (rc != 0 || db_prepare(ref, "SELECT type, name, tbl_name, sql FROM sqlite_schema"
	    " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", &all, cause) != 0)
		goto out;
	while ((rc = sqlite3_step(all)) == SQLITE_ROW) {
		sqlite3_reset(one);
		sqlite3_bind_text(one, 1, db_text(all, 1), -1, SQLITE_TRANSIENT);
		if ((rc = sqlite3_step(one)) == SQLITE_ROW) {
			if (strcmp(db_text(one, 0), db_text(all, 0)) == 0 &&
			    strcmp(db_text(one, 1), db_text(all, 2)) == 0 &&
			    strcmp(db_text(one, 2), db_text(all, 3)) == 0)
				continue;
			*cause = xasprintf(_("%s: its %s '%s' is not the one aiatlas makes"
			    " (another version, or changed); refused"), name, db_text(all, 0),
			    db_text(all, 1));
			goto out;
		}
		if (rc != SQLITE_DONE)
			break;
		if (required && (strcmp(db_text(all, 0), "table") == 0 ||
		    strcmp(db_text(all, 0), "view") == 0)) {
			*cause = xasprintf(_("%s: it has no %s '%s' (another version of"
			    " aiatlas, or changed); refused"), name, db_text(all, 0),
			    db_text(all, 1));
			goto out;
		}
	}
	if (rc != SQLITE_DONE) {
		*cause = xasprintf(_("%s: cannot read its schema: %s"), name, db_error(db));
		goto out;
	}
	sqlite3_finalize(all);
	sqlite3_finalize(one);
	all = one = NULL;

	/* Each object of schema that is not bundled, on a bundled table. */
	sql = xasprintf(db_objects_sql, schema);
	rc = db_prepare(db, sql, &all, cause);
	free(sql);
	if (rc != 0 || db_prepare(ref, "SELECT 1 FROM sqlite_schema WHERE name = ?1",
	    &one, cause) != 0)
		goto out;
	while ((rc = sqlite3_step(all)) == SQLITE_ROW) {
		sqlite3_reset(one);
		sqlite3_bind_text(one, 1, db_text(all, 1), -1, SQLITE_TRANSIENT);
		if (sqlite3_step(one) == SQLITE_ROW)
			continue;
		sqlite3_reset(one);
		sqlite3_bind_text(one, 1, db_text(all, 2), -1, SQLITE_TRANSIENT);
		if (sqlite3_step(one) != SQLITE_ROW)
			continue;
		*cause = xasprintf(_("%s: its %s '%s' on '%s' is not one aiatlas makes;"
		    " refused"), name, db_text(all, 0), db_text(all, 1), db_text(all, 2));
		goto out;
	}
	if (rc != SQLITE_DONE) {
		*cause = xasprintf(_("%s: cannot read its schema: %s"), name, db_error(db));
		goto out;
	}
	r = 0;
out:
	sqlite3_finalize(all);
	sqlite3_finalize(one);
	return r;
}

/* The settings of full-text table %2$s of schema %1$s, as one line. */
static const char db_fts_settings_sql[] =
	"SELECT group_concat(k || '=' || v, ';') FROM"
	" (SELECT k, v FROM \"%s\".\"%s_config\" ORDER BY k)";

/* Compare the settings of schema's full-text tables with the bundled
 * ones' (ref). 0, or -1 with *cause. */
static int
db_compare_fts(sqlite3 *db, const char *schema, sqlite3 *ref, const char *name,
    char **cause)
{
	const char *const *t;
	char *sql, *mine, *theirs;
	int same;

	for (t = db_fts_tables; *t != NULL; t++) {
		sql = xasprintf(db_fts_settings_sql, "main", *t);
		mine = db_value(ref, sql, cause);
		free(sql);
		if (mine == NULL)
			return -1;
		sql = xasprintf(db_fts_settings_sql, schema, *t);
		theirs = db_value(db, sql, cause);
		free(sql);
		if (theirs == NULL) {
			free(mine);
			free(*cause);
			*cause = xasprintf(_("%s: cannot read the settings of '%s'"), name, *t);
			return -1;
		}
		same = strcmp(mine, theirs) == 0;
		free(mine);
		free(theirs);
		if (!same) {
			*cause = xasprintf(_("%s: the settings of its full-text table '%s'"
			    " are not the ones aiatlas makes; refused"), name, *t);
			return -1;
		}
	}
	return 0;
}

/* The size of schema's file, from its header: its pages times their
 * size (-1 if it cannot be read). */
static sqlite3_int64
db_size(sqlite3 *db, const char *schema)
{
	static const char *const pragmas[] = { "page_count", "page_size" };
	sqlite3_int64 size = 1;
	char *sql, *value, *why = NULL;
	int i;

	for (i = 0; i < 2; i++) {
		sql = xasprintf("PRAGMA \"%s\".%s", schema, pragmas[i]);
		value = db_value(db, sql, &why);
		free(sql);
		if (value == NULL) {
			free(why);
			return -1;
		}
		size *= strtoll(value, NULL, 10);
		free(value);
	}
	return size;
}

/* The schema of schema as text (see db.h). */
char *
db_schema_text(sqlite3 *db, const char *schema, int settings, char **cause)
{
	struct strbuf sb = { 0 };
	sqlite3_stmt *stmt;
	const char *const *t;
	char *sql, *value;
	int rc, i;

	sql = xasprintf(db_objects_sql, schema);
	rc = db_prepare(db, sql, &stmt, cause);
	free(sql);
	if (rc != 0)
		return NULL;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (i = 0; i < 4; i++) {
			strbuf_add(&sb, db_text(stmt, i));
			strbuf_add(&sb, i < 3 ? "\037" : "\n");
		}
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = xstrdup(db_error(db));
		free(strbuf_finish(&sb));
		return NULL;
	}
	if (!settings)
		return strbuf_finish(&sb);
	/* The version, then each full-text table's settings. */
	sql = xasprintf("PRAGMA \"%s\".user_version", schema);
	value = db_value(db, sql, cause);
	free(sql);
	for (t = db_fts_tables; value != NULL; t++) {
		strbuf_addf(&sb, "%s\n", value);
		free(value);
		if (*t == NULL)
			return strbuf_finish(&sb);
		sql = xasprintf(db_fts_settings_sql, schema, *t);
		value = db_value(db, sql, cause);
		free(sql);
	}
	free(strbuf_finish(&sb));
	return NULL;
}

/* The schemas, as db_schema_text() writes them, of the bundled database
 * and of an empty user database: see db_set_schema_texts(). */
static const char *db_known_main, *db_known_user;

/* Take databases whose schema is one of these as checked (see db.h). */
void
db_set_schema_texts(const char *main_text, const char *user_text)
{
	db_known_main = main_text;
	db_known_user = user_text;
}

/* Whether schema's schema is, as text, the one this version makes
 * (db_set_schema_texts()): nothing is left to compare. */
static int
db_schema_known(sqlite3 *db, const char *schema, int main_schema)
{
	const char *known = main_schema ? db_known_main : db_known_user;
	char *text, *why = NULL;
	int same;

	if (known == NULL)
		return 0;
	if ((text = db_schema_text(db, schema, main_schema, &why)) == NULL) {
		free(why);
		return 0;
	}
	same = strcmp(text, known) == 0;
	free(text);
	return same;
}

/* Whether text (a schema as db_schema_text() writes it) has the line,
 * or the start of one, that starts with line's second character
 * (line's first is a newline). */
static int
db_text_has(const char *text, const char *line)
{
	return strncmp(text, line + 1, strlen(line + 1)) == 0 || strstr(text, line) != NULL;
}

/* Compare each object of the full-text index of the user's records in
 * schema (the user's: its tables are named user_*) with an empty user
 * database of this version's (db_known_user), by its statement: the
 * bundled schema does not hold them. (The tables of notes and saved
 * filters may keep the statement of an older version.) 0, or -1 with
 * *cause. */
static int
db_compare_user(sqlite3 *db, const char *schema, const char *name, char **cause)
{
	sqlite3_stmt *stmt;
	char *sql, *head, *line;
	int r = 0, rc;

	if (db_known_user == NULL)
		return 0;
	sql = xasprintf(db_objects_sql, schema);
	rc = db_prepare(db, sql, &stmt, cause);
	free(sql);
	if (rc != 0)
		return -1;
	while (r == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		head = xasprintf("\n%s\037%s\037", db_text(stmt, 0), db_text(stmt, 1));
		line = xasprintf("%s%s\037%s\n", head, db_text(stmt, 2), db_text(stmt, 3));
		if (strncmp(db_text(stmt, 1), "user_", 5) == 0 &&
		    db_text_has(db_known_user, head) && !db_text_has(db_known_user, line)) {
			*cause = xasprintf(_("%s: its %s '%s' is not the one aiatlas makes"
			    " (another version, or changed); refused"), name, db_text(stmt, 0),
			    db_text(stmt, 1));
			r = -1;
		}
		free(head);
		free(line);
	}
	if (r == 0 && rc != SQLITE_DONE) {
		*cause = xasprintf(_("%s: cannot read its schema: %s"), name, db_error(db));
		r = -1;
	}
	sqlite3_finalize(stmt);
	return r;
}

/* Whether schema's file is small enough to be checked whole when opened
 * (DB_CHECK_WHOLE). */
int
db_checked_whole(sqlite3 *db, const char *schema)
{
	return db_size(db, schema) <= DB_CHECK_WHOLE;
}

/* Check a database that may come from anyone, attached as schema, before
 * reading it: sound (quick_check) up to DB_CHECK_WHOLE, and its schema
 * that of this version (see db.h). 0, or -1 with *cause naming it. */
int
db_check_untrusted(sqlite3 *db, const char *schema, const char *name, char **cause)
{
	char *sql, *value, *why = NULL;

	sql = xasprintf("PRAGMA \"%s\".quick_check(1)", schema);
	if (!db_checked_whole(db, schema))
		value = xstrdup("ok");
	else
		value = db_value(db, sql, &why);
	free(sql);
	if (value == NULL || strcmp(value, "ok") != 0) {
		*cause = xasprintf(_("%s: damaged: %s"), name, value != NULL ? value : why);
		free(value);
		free(why);
		return -1;
	}
	free(value);
	return db_check_made(db, schema, name, cause);
}

/* The second half of that: the schema (see db.h). */
int
db_check_made(sqlite3 *db, const char *schema, const char *name, char **cause)
{
	sqlite3 *ref;
	char *value = NULL, *why = NULL, *version = NULL;
	int main_schema = strcmp(schema, "main") == 0, r = -1;

	/* Most are made by this version, word for word. */
	if (db_schema_known(db, schema, main_schema))
		return 0;
	/* The user database beside the bundled image is compared with it;
	 * anything else with a reference made for the purpose. */
	if (!main_schema && db == db_image)
		ref = db;
	else if ((ref = db_reference(&why)) == NULL) {
		*cause = xasprintf(_("%s: cannot check it: %s"), name, why);
		free(why);
		return -1;
	}
	if (main_schema) {
		if ((version = db_value(ref, "PRAGMA user_version", cause)) == NULL ||
		    (value = db_value(db, "PRAGMA main.user_version", cause)) == NULL)
			goto out;
		if (strcmp(value, version) != 0) {
			*cause = xasprintf(_("%s: made for another version of aiatlas (schema"
			    " version %s; this one reads %s); refused"), name, value, version);
			goto out;
		}
	}
	if (db_compare_schema(db, schema, ref, main_schema, name, cause) != 0 ||
	    (main_schema && db_compare_fts(db, schema, ref, name, cause) != 0) ||
	    (!main_schema && db_compare_user(db, schema, name, cause) != 0))
		goto out;
	r = 0;
out:
	free(version);
	free(value);
	if (ref != db)
		db_close(ref);
	return r;
}

/* The file schema of db was read from, or NULL for an image in memory
 * (the bundled database, whose VFS SQLite names "memdb(...)" and whose
 * file name is a placeholder). */
const char *
db_file(sqlite3 *db, const char *schema)
{
	char *vfs = NULL;
	int memory;

	if (sqlite3_file_control(db, schema, SQLITE_FCNTL_VFSNAME, &vfs) != SQLITE_OK)
		return NULL;
	memory = vfs != NULL && strncmp(vfs, "memdb", 5) == 0;
	sqlite3_free(vfs);
	return memory ? NULL : sqlite3_db_filename(db, schema);
}

/* Open a database image held in memory, read-only. */
sqlite3 *
db_open_image(const unsigned char *data, size_t size, char **cause)
{
	sqlite3 *db;

	/* READWRITE and URI for the user database, which is ATTACHed with
	 * a file: URI (userdb.c); the image itself stays read-only. */
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI,
	    NULL) != SQLITE_OK) {
		*cause = xasprintf(_("cannot open the bundled database: %s"), sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	/* READONLY: SQLite never writes to the buffer, so the const is kept. */
	if (sqlite3_deserialize(db, "main", (unsigned char *)(uintptr_t)data,
	    (sqlite3_int64)size, (sqlite3_int64)size,
	    SQLITE_DESERIALIZE_READONLY) != SQLITE_OK) {
		*cause = xasprintf(_("cannot open the bundled database: %s"), sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	db_harden(db);
	if (db_check_schema(db, _("the bundled database"), cause) != 0 ||
	    merge_open(db, cause) != 0) {
		sqlite3_close(db);
		return NULL;
	}
	db_image = db;
	return db;
}

/* The pages db_copy() copies at a time (of 4 kB). */
#define DB_COPY_PAGES	4096

/* A copy of schema of db that can be written, for what needs a write to
 * read (FTS5's integrity-check): in a new file in the temporary directory
 * (outfile_temp()), which db_copy_close() removes. In memory, a copy of
 * 200,000 records or more did not fit in SQLite's heap ("out of memory";
 * a million records are 2.7 GB). */
sqlite3 *
db_copy(sqlite3 *db, const char *schema, char **cause)
{
	sqlite3_backup *b;
	sqlite3 *copy = NULL;
	char *path;
	int fd;

	if ((path = outfile_temp("aiatlas-copy", &fd)) == NULL) {
		*cause = xasprintf(_("cannot copy the database: %s: %s"), outfile_temp_dir(),
		    strerror(errno));
		return NULL;
	}
	close(fd);
	if (sqlite3_open_v2(path, &copy, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(copy, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF",
	    NULL, NULL, NULL) != SQLITE_OK) {
		*cause = xasprintf(_("cannot copy the database: %s: %s"), path,
		    sqlite3_errmsg(copy));
		goto fail;
	}
	db_harden(copy);
	if ((b = sqlite3_backup_init(copy, "main", db, schema)) == NULL) {
		*cause = xasprintf(_("cannot copy the database: %s"), sqlite3_errmsg(copy));
		goto fail;
	}
	/* 16 MB at a time, a signal noted meanwhile stopping it. */
	while (sqlite3_backup_step(b, DB_COPY_PAGES) == SQLITE_OK && db_signalled() == 0)
		;
	if (sqlite3_backup_finish(b) != SQLITE_OK || db_signalled() != 0) {
		*cause = xasprintf(_("cannot copy the database: %s"), db_signalled() != 0 ?
		    db_interrupted() : db_error(copy));
		goto fail;
	}
	free(path);
	return copy;

fail:
	sqlite3_close(copy);
	unlink(path);
	free(path);
	return NULL;
}

/* Close a copy db_copy() made, and remove its file. */
void
db_copy_close(sqlite3 *copy)
{
	char *path = xstrdup(sqlite3_db_filename(copy, "main"));

	db_close(copy);
	unlink(path);
	free(path);
}

/* Open a database file read-only. */
sqlite3 *
db_open_readonly(const char *path, char **cause)
{
	struct stat st;
	sqlite3 *db;
	char *uri;
	int rc;

	if (access(path, R_OK) != 0) {
		*cause = xasprintf(_("%s: cannot read: %s"), path, strerror(errno));
		return NULL;
	}
	/* A FIFO or a device would block open(), or never end. */
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		*cause = xasprintf(_("%s: not a regular file"), path);
		return NULL;
	}
	/* The file read-only through its URI, but the connection read-write:
	 * a database ATTACHed later (the user's) takes the connection's mode. */
	uri = db_uri(path, "ro");
	rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot open: %s"), path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	db_harden(db);
	if (db_check_schema(db, path, cause) != 0 ||
	    db_check_untrusted(db, "main", path, cause) != 0 ||
	    merge_open(db, cause) != 0) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/* Create a new database file with the schema. */
sqlite3 *
db_create(const char *path, char **cause)
{
	sqlite3 *db;

	if (strcmp(path, ":memory:") != 0 && access(path, F_OK) == 0) {
		*cause = xasprintf(_("%s: already exists"), path);
		return NULL;
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	    NULL) != SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot create: %s"), path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	db_harden(db);
	if (db_exec(db, (const char *)schema_sql, cause) != 0) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/* How SQLite keeps the statements of sqlite_schema: the first words, then
 * the name (it stores them with these words in capitals). */
static const char *const db_schema_prefixes[] = {
	"CREATE TABLE ", "CREATE VIRTUAL TABLE ", "CREATE INDEX ", "CREATE UNIQUE INDEX ",
	"CREATE TRIGGER ", NULL
};

/* A statement of sqlite_schema made to run in schema (see db.h). */
char *
db_schema_statement(const char *schema, const char *name, const char *as, const char *sql)
{
	const char *const *p;
	size_t len;

	for (p = db_schema_prefixes; *p != NULL; p++) {
		len = strlen(*p);
		if (strncmp(sql, *p, len) == 0 && strncmp(sql + len, name, strlen(name)) == 0)
			return as != NULL ?
			    xasprintf("%s%s.%s%s", *p, schema, as, sql + len + strlen(name)) :
			    xasprintf("%s%s.%s", *p, schema, sql + len);
	}
	return NULL;
}

/* A file: URI naming path, opened in mode (ro or rw); any byte but
 * letters, digits and / . _ ~ - is %-encoded, so ? # and % in a name stay
 * part of it. */
char *
db_uri(const char *path, const char *mode)
{
	static const char keep[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789/._~-";
	char *uri, *p;

	/* "file://" before an absolute path: an empty authority, so a path
	 * that starts with // is not taken for a host name. */
	p = uri = xmalloc(strlen(path) * 3 + strlen(mode) + 16);
	p += sprintf(p, "%s", *path == '/' ? "file://" : "file:");
	for (; *path != '\0'; path++) {
		if (strchr(keep, *path) != NULL)
			*p++ = *path;
		else
			p += sprintf(p, "%%%02X", (unsigned char)*path);
	}
	sprintf(p, "?mode=%s", mode);
	return uri;
}

/* Close, ignoring errors. */
void
db_close(sqlite3 *db)
{
	if (db != NULL && db == db_image)
		db_image = NULL;
	if (db != NULL)
		sqlite3_close_v2(db);
}

/* Run sql, made for the purpose, on db and free it: as db_exec(). */
int
db_exec_free(sqlite3 *db, char *sql, char **cause)
{
	int rc = db_exec(db, sql, cause);

	free(sql);
	return rc;
}

/* Run SQL without results. */
int
db_exec(sqlite3 *db, const char *sql, char **cause)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		if (cause != NULL)
			*cause = xstrdup(msg != NULL ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* Prepare one statement. */
int
db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **stmt, char **cause)
{
	if (sqlite3_prepare_v2(db, sql, -1, stmt, NULL) != SQLITE_OK) {
		*cause = xstrdup(sqlite3_errmsg(db));
		*stmt = NULL;
		return -1;
	}
	return 0;
}

/* PRAGMAs that only read, whatever their argument. */
static const char *const db_read_pragmas[] = {
	"table_info", "table_xinfo", "table_list", "index_list", "index_info",
	"index_xinfo", "foreign_key_list", "function_list", "module_list",
	"pragma_list", "collation_list", "compile_options", "database_list",
	"data_version", NULL
};

/* Allow reading; refuse the rest, remembering why. */
static int
db_guard(void *arg, int action, const char *a, const char *b, const char *dbname,
    const char *trigger)
{
	const char *const *p;

	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	case SQLITE_FUNCTION:
		if (b != NULL && strcasecmp(b, "load_extension") == 0) {
			snprintf(db_refusal, sizeof db_refusal, _("load_extension is not allowed"));
			return SQLITE_DENY;
		}
		return SQLITE_OK;
	case SQLITE_PRAGMA:
		for (p = db_read_pragmas; *p != NULL; p++) {
			if (a != NULL && strcasecmp(a, *p) == 0)
				return SQLITE_OK;
		}
		snprintf(db_refusal, sizeof db_refusal, _("PRAGMA %s is not allowed"),
		    a == NULL ? "" : a);
		return SQLITE_DENY;
	case SQLITE_UPDATE:
		/* FTS5 prepares this for itself when a full-text table is read;
		 * the statement as a whole must still be read-only to run. */
		if (a != NULL && strcmp(a, "sqlite_master") == 0)
			return SQLITE_OK;
		snprintf(db_refusal, sizeof db_refusal,
		    _("the statement would change the database; only reading is allowed"));
		return SQLITE_DENY;
	case SQLITE_ATTACH:
	case SQLITE_DETACH:
		snprintf(db_refusal, sizeof db_refusal, _("ATTACH and DETACH are not allowed"));
		return SQLITE_DENY;
	default:
		snprintf(db_refusal, sizeof db_refusal,
		    _("the statement would change the database; only reading is allowed"));
		return SQLITE_DENY;
	}
}

/* Refuse everything but reading from now on. */
void
db_guard_readonly(sqlite3 *db)
{
	db_refusal[0] = '\0';
	sqlite3_set_authorizer(db, db_guard, NULL);
}

/* Why the guard last refused a statement ("" if it did not). */
const char *
db_guard_reason(void)
{
	return db_refusal;
}
