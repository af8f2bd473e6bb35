/* Opening databases, running statements, and the read-only guard. */
#include "config.h"
#include "db.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "claim.h"
#include "i18n.h"
#include "kind.h"
#include "merge.h"
#include "money.h"
#include "norm.h"
#include "regex.h"
#include "xmalloc.h"

/* Tables a database must have to be read by aiatlas, besides the record
 * table and those of the registry's kinds that are not optional. */
static const char *const db_required_search[] = {
	"record_fts", "record_text", "record_tri", NULL
};

static char db_refusal[256];

/* Settings every connection gets: no extensions, no unsafe schema. */
static void
db_harden(sqlite3 *db)
{
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 2);
	money_register(db);
	regex_register(db);
	norm_register(db);
	claim_register(db);
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
	    merge_search(db, cause) != 0) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/* Open a database file read-only. */
sqlite3 *
db_open_readonly(const char *path, char **cause)
{
	sqlite3 *db;
	char *uri;
	int rc;

	if (access(path, R_OK) != 0) {
		*cause = xasprintf(_("%s: cannot read: %s"), path, strerror(errno));
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
	if (db_check_schema(db, path, cause) != 0 || merge_search(db, cause) != 0) {
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
	if (db != NULL)
		sqlite3_close_v2(db);
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
