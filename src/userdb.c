/* The user's own database, attached as schema "user" on the main connection. */
#include "config.h"
#include "userdb.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>

#include "db.h"
#include "fts.h"
#include "i18n.h"
#include "outfile.h"
#include "userdb-schema.h"
#include "xmalloc.h"

/*
 * Schema user is attached once, when the program starts. While the file
 * does not exist, it is an empty database in memory made with the same
 * schema, so reads find the tables, empty, and nothing is made on disk;
 * the first write makes the file, with its directories, and attaches it
 * in place of the empty one. That empty database is the image made at
 * build time, read where it is, until a write kept in memory (an import
 * tried before it is saved: --dry-run, or before the file is made) puts
 * a copy in its place.
 *
 * The bundled image (schema main) is a read-only memory image, which
 * refuses the write lock that BEGIN IMMEDIATE asks of every schema. So a
 * write begins deferred and its first statement writes nothing but takes
 * the user file's write lock, as IMMEDIATE would: what it then reads
 * cannot change under it, and it never waits for the lock halfway.
 */
static const char userdb_begin_sql[] =
	"BEGIN; DELETE FROM user.saved_filter WHERE 0";

/* Where the user database is by default, or why there is none. */
char *
userdb_default_path(const char **why)
{
	const char *data = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (data != NULL && *data == '/')
		return xasprintf("%s/aiatlas/user.db", data);
	if (home != NULL && *home != '\0')
		return xasprintf("%s/.local/share/aiatlas/user.db", home);
	*why = _("neither XDG_DATA_HOME nor HOME is set; use --user-db FILE");
	return NULL;
}

/* Remove the directories above path up to made, which userdb_mkdirs()
 * made, as far as they are empty (those never made are passed over). */
static void
userdb_rmdirs(const char *path, const char *made)
{
	char *dir = xstrdup(path), *p;

	while ((p = strrchr(dir, '/')) != NULL && p != dir) {
		*p = '\0';
		if ((rmdir(dir) != 0 && errno != ENOENT) || strcmp(dir, made) == 0)
			break;
	}
	free(dir);
}

/* Make the directories above path, as mkdir -p; *made: the first of them
 * that did not exist (freed by the caller), or NULL. */
static int
userdb_mkdirs(const char *path, char **made, char **cause)
{
	char *dir = xstrdup(path), *p;

	*made = NULL;
	for (p = dir + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) == 0) {
			if (*made == NULL)
				*made = xstrdup(dir);
		} else if (errno != EEXIST) {
			*cause = xasprintf(_("%s: cannot make the directory: %s"), dir,
			    strerror(errno));
			if (*made != NULL)
				userdb_rmdirs(path, *made);
			free(*made);
			*made = NULL;
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

/* *cause for the error SQLite left on the connection, naming the file. */
static void
userdb_error(struct userdb *u, char **cause)
{
	int err;

	switch (sqlite3_errcode(u->db)) {
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		*cause = xasprintf(_("%s: not a SQLite database, or damaged: %s"), u->path,
		    sqlite3_errmsg(u->db));
		break;
	case SQLITE_IOERR:
	case SQLITE_FULL:
		/* "disk I/O error" says less than the system's reason. */
		err = sqlite3_system_errno(u->db);
		*cause = xasprintf(_("%s: cannot write: %s"), u->path,
		    err != 0 ? strerror(err) : sqlite3_errmsg(u->db));
		break;
	default:
		*cause = xasprintf(_("%s: %s"), u->path, sqlite3_errmsg(u->db));
		break;
	}
}

/* The first column of the first row of sql in *value (NULL: no row);
 * -1 leaves the error on the connection. */
static int
userdb_query(sqlite3 *db, const char *sql, char **value)
{
	sqlite3_stmt *stmt;
	const unsigned char *text;
	int rc;

	*value = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		text = sqlite3_column_text(stmt, 0);
		*value = xstrdup(text != NULL ? (const char *)text : "");
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* Attach target (a file: URI or ":memory:") as schema user. */
static int
userdb_attach(sqlite3 *db, const char *target)
{
	sqlite3_stmt *stmt;

	if (sqlite3_prepare_v2(db, "ATTACH ?1 AS user", -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, target, -1, SQLITE_STATIC);
	sqlite3_step(stmt);
	return sqlite3_finalize(stmt) == SQLITE_OK ? 0 : -1;
}

/* The file's schema version; -1 with *cause if this program cannot use
 * it. Only reads. */
static int
userdb_version(struct userdb *u, char **cause)
{
	char *value;
	int version;

	if (userdb_query(u->db, "PRAGMA user.user_version", &value) != 0) {
		userdb_error(u, cause);
		return -1;
	}
	version = atoi(value);
	free(value);
	value = NULL;
	if (version > USERDB_SCHEMA_VERSION) {
		*cause = xasprintf(_("%s: made by a newer aiatlas (user database version %d;"
		    " this one knows up to %d); it is left as it is"), u->path, version,
		    USERDB_SCHEMA_VERSION);
		return -1;
	}
	/* Before versions there was only the table of saved filters: another
	 * program's database is not taken for an old one of ours. */
	if (version == 0 && userdb_query(u->db, "SELECT name FROM user.sqlite_schema"
	    " WHERE type = 'table' AND name <> 'saved_filter'"
	    " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", &value) != 0) {
		userdb_error(u, cause);
		return -1;
	}
	if (version < 0 || (version == 0 && value != NULL)) {
		*cause = xasprintf(_("%s: not an aiatlas user database"), u->path);
		free(value);
		return -1;
	}
	return version;
}

/* WAL, so a reader and a writer do not wait on each other, where the file
 * system allows it: WAL needs shared memory beside the file, which some
 * file systems lack; there SQLite keeps the journal mode it had (or
 * fails) and a rollback journal is used. */
static int
userdb_journal(struct userdb *u)
{
	char *mode;
	int wal, r;

	wal = userdb_query(u->db, "PRAGMA user.journal_mode = WAL", &mode) == 0 &&
	    mode != NULL && strcmp(mode, "wal") == 0;
	free(mode);
	if (wal)
		return 0;
	r = userdb_query(u->db, "PRAGMA user.journal_mode = DELETE", &mode);
	free(mode);
	return r;
}

/* Bring the attached file to this program's version, in one transaction.
 * Another aiatlas may have done it meanwhile: the version is read again
 * inside. */
static int
userdb_migrate(struct userdb *u, char **cause)
{
	char *why = NULL;
	int version;

	if (db_exec(u->db, "BEGIN", NULL) != 0) {
		userdb_error(u, cause);
		return -1;
	}
	if ((version = userdb_version(u, cause)) < 0) {
		userdb_rollback(u);
		return -1;
	}
	if (version < USERDB_SCHEMA_VERSION &&
	    userdb_schema_migrate(u->db, version, &why) != 0) {
		*cause = xasprintf(_("%s: cannot bring it to version %d: %s"), u->path,
		    USERDB_SCHEMA_VERSION, why);
		free(why);
		userdb_rollback(u);
		return -1;
	}
	/* Migrated, it must be what this version makes, or nothing is kept
	 * (it was found sound before). */
	if (db_check_made(u->db, "user", u->path, cause) != 0) {
		userdb_rollback(u);
		return -1;
	}
	if (db_exec(u->db, "COMMIT", NULL) != 0) {
		userdb_error(u, cause);
		userdb_rollback(u);
		return -1;
	}
	return 0;
}

/* An empty user database made at build time (aiatlas-userimage), or
 * NULL: one is made from the schema's statements. */
static const unsigned char *userdb_image;
static size_t userdb_image_size;

/* The reading copy of that image made at build time (aiatlas-userimage
 * --read), or NULL: the image is read. */
static const unsigned char *userdb_read_image;
static size_t userdb_read_image_size;

/* Start empty user databases as a copy of image (see userdb.h). */
void
userdb_set_image(const unsigned char *image, size_t size)
{
	userdb_image = image;
	userdb_image_size = size;
}

/* Read an absent file as image (see userdb.h). */
void
userdb_set_read_image(const unsigned char *image, size_t size)
{
	userdb_read_image = image;
	userdb_read_image_size = size;
}

/* Fill the empty schema user with a copy of the image: 0, or -1 (then
 * the schema is still empty). Copied page by page (the backup API) into
 * the database in memory: deserialized as it is, it would be one block
 * that grows by doubling, which a large import would take past SQLite's
 * heap limit. */
static int
userdb_copy_image(sqlite3 *db)
{
	sqlite3 *image;
	sqlite3_backup *b;
	int rc = -1;

	if (userdb_image == NULL ||
	    sqlite3_open_v2(":memory:", &image, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		if (userdb_image != NULL)
			sqlite3_close(image);
		return -1;
	}
	/* READONLY: SQLite reads the image where it is, never writes it. */
	if (sqlite3_deserialize(image, "main", (unsigned char *)(uintptr_t)userdb_image,
	    (sqlite3_int64)userdb_image_size, (sqlite3_int64)userdb_image_size,
	    SQLITE_DESERIALIZE_READONLY) == SQLITE_OK &&
	    (b = sqlite3_backup_init(db, "user", image, "main")) != NULL) {
		rc = sqlite3_backup_step(b, -1) == SQLITE_DONE ? 0 : -1;
		if (sqlite3_backup_finish(b) != SQLITE_OK)
			rc = -1;
	}
	sqlite3_close(image);
	return rc;
}

/* Fill the empty schema user, in memory, with the schema of a file: a
 * copy of the image, or what its statements make without one. */
static int
userdb_fill_memory(struct userdb *u, char **cause)
{
	char *why = NULL;

	if (userdb_copy_image(u->db) == 0)
		return 0;
	if (userdb_schema_migrate(u->db, 0, &why) != 0) {
		*cause = xasprintf(_("cannot make an empty user database: %s"), why);
		free(why);
		db_exec(u->db, "DETACH user", NULL);
		return -1;
	}
	return 0;
}

/* Attach the reading copy of the image (or the image itself) as schema
 * user, read-only: 0, or -1 (then schema user is still the empty database
 * in memory). Only schema user is reopened, where a copy (the backup API)
 * makes SQLite read every schema's statements again, main's among them. */
static int
userdb_attach_image(struct userdb *u)
{
	const unsigned char *image = userdb_read_image != NULL ? userdb_read_image : userdb_image;
	size_t size = userdb_read_image != NULL ? userdb_read_image_size : userdb_image_size;

	/* READONLY: SQLite reads the image where it is, never writes it. */
	if (image == NULL || sqlite3_deserialize(u->db, "user",
	    (unsigned char *)(uintptr_t)image, (sqlite3_int64)size,
	    (sqlite3_int64)size, SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
		return -1;
	u->image = 1;
	return 0;
}

/* Attach an empty user database in memory, with the schema of a file:
 * the image, until a write asks for a copy (userdb_writable()). */
static int
userdb_attach_memory(struct userdb *u, char **cause)
{
	if (userdb_attach(u->db, ":memory:") != 0) {
		*cause = xasprintf(_("cannot make an empty user database: %s"),
		    sqlite3_errmsg(u->db));
		return -1;
	}
	u->file = 0;
	u->image = 0;
	return userdb_attach_image(u) == 0 ? 0 : userdb_fill_memory(u, cause);
}

/* Make the empty database in memory one that can be written: the image,
 * read-only, is replaced by a copy of it (the image again if that fails). */
static int
userdb_writable(struct userdb *u, char **cause)
{
	if (!u->image)
		return 0;
	if (db_exec(u->db, "DETACH user", NULL) != 0) {
		*cause = xasprintf(_("cannot make an empty user database: %s"),
		    sqlite3_errmsg(u->db));
		return -1;
	}
	u->image = 0;
	if (userdb_attach(u->db, ":memory:") != 0) {
		*cause = xasprintf(_("cannot make an empty user database: %s"),
		    sqlite3_errmsg(u->db));
	} else if (userdb_fill_memory(u, cause) == 0)
		return 0;
	/* As it was: reads still find the tables. */
	if (userdb_attach(u->db, ":memory:") == 0)
		userdb_attach_image(u);
	return -1;
}

/* Why the file cannot be written, or NULL: the file itself, or its
 * directory (then *in_dir is set), where SQLite makes its journal, or its
 * WAL and shared memory, beside it. */
static char *
userdb_read_only(const char *path, int *in_dir)
{
	char *dir, *why = NULL;

	*in_dir = 0;
	dir = outfile_dir(path);
	if (access(dir, W_OK) != 0) {
		why = xasprintf(_("%s: its directory is read-only: %s"), path, strerror(errno));
		*in_dir = 1;
	} else if (access(path, W_OK) != 0)
		why = xasprintf(_("%s: read-only: %s"), path, strerror(errno));
	free(dir);
	return why;
}

/* Whether the error left on the connection says the file is a SQLite
 * database that is damaged, rather than another kind of file: one that
 * does not start as SQLite's do is someone's own file, given by mistake. */
static int
userdb_damaged(struct userdb *u)
{
	static const char magic[16] = "SQLite format 3";
	char head[sizeof magic];
	int fd, code = sqlite3_errcode(u->db);
	ssize_t n = 0;

	if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB)
		return 0;
	if ((fd = open(u->path, O_RDONLY)) != -1) {
		n = read(fd, head, sizeof head);
		close(fd);
	}
	return n == (ssize_t)sizeof head && memcmp(head, magic, sizeof magic) == 0;
}

/* A problem as SQLite's checks give it, without the line that names the
 * schema before the first. */
static const char *
userdb_problem(const unsigned char *text)
{
	const char *nl;

	if (text == NULL)
		return "?";
	nl = strrchr((const char *)text, '\n');
	return nl != NULL ? nl + 1 : (const char *)text;
}

/* SQLite's quick check of the attached file: 0 if it is sound, -2 with
 * *cause if it is damaged, -1 with *cause if it cannot run. */
static int
userdb_quick_check(struct userdb *u, char **cause)
{
	char *value;

	/* A larger file is read as it is (db.c), the pages a command needs. */
	if (!db_checked_whole(u->db, "user"))
		return 0;
	if (userdb_query(u->db, "PRAGMA user.quick_check(1)", &value) != 0) {
		userdb_error(u, cause);
		return userdb_damaged(u) ? -2 : -1;
	}
	if (value != NULL && strcmp(value, "ok") == 0) {
		free(value);
		return 0;
	}
	*cause = xasprintf(_("%s: damaged: %s"), u->path,
	    userdb_problem((const unsigned char *)value));
	free(value);
	return -2;
}

/* Attach the file; refuse it, untouched, if it is not a user database of
 * this version or an older one: -1, or -2 if it is damaged. A file that
 * cannot be written is attached read-only, with u->readonly saying why.
 *
 * In a directory that cannot be written SQLite cannot make the shared
 * memory a WAL file is read with; there the file is opened as immutable
 * when it has no WAL file or journal: no one can change it, as a writer
 * would have to make one of them in that directory. */
static int
userdb_attach_file(struct userdb *u, char **cause)
{
	char *uri, *wal, *journal, *why;
	int r, version, in_dir, immutable = 0;

	if ((why = userdb_read_only(u->path, &in_dir)) != NULL && in_dir) {
		wal = xasprintf("%s-wal", u->path);
		journal = xasprintf("%s-journal", u->path);
		immutable = !outfile_exists(wal) && !outfile_exists(journal);
		free(wal);
		free(journal);
	}
	uri = db_uri(u->path, why == NULL ? "rw" : immutable ? "ro&immutable=1" : "ro");
	r = userdb_attach(u->db, uri);
	free(uri);
	if (r != 0) {
		userdb_error(u, cause);
		free(why);
		return userdb_damaged(u) ? -2 : -1;
	}
	if ((version = userdb_version(u, cause)) < 0) {
		r = userdb_damaged(u) ? -2 : -1;
		goto fail;
	}
	if ((r = userdb_quick_check(u, cause)) != 0)
		goto fail;
	r = -1;
	/* Sound, and of this version: its tables must be the ones this
	 * version makes. An older one is checked so once migrated
	 * (userdb_migrate), as its tables are older than the bundled ones. */
	if (version == USERDB_SCHEMA_VERSION &&
	    db_check_made(u->db, "user", u->path, cause) != 0)
		goto fail;
	if (why != NULL && version < USERDB_SCHEMA_VERSION) {
		/* It cannot be brought to this version: it is not read. */
		db_exec(u->db, "DETACH user", NULL);
		if (userdb_attach_memory(u, cause) != 0) {
			free(why);
			return -1;
		}
		u->readonly = xasprintf(_("%s (and made by an older aiatlas, so it is not read)"),
		    why);
		free(why);
		return 0;
	}
	/* Nothing is written before here. synchronous=FULL: a write that
	 * returned is on the disk, even after a power cut. */
	if (why == NULL && (userdb_journal(u) != 0 ||
	    db_exec(u->db, "PRAGMA user.synchronous = FULL", NULL) != 0)) {
		userdb_error(u, cause);
		goto fail;
	}
	if (version < USERDB_SCHEMA_VERSION && userdb_migrate(u, cause) != 0)
		goto fail;
	u->readonly = why;
	u->file = 1;
	return 0;

fail:
	free(why);
	db_exec(u->db, "DETACH user", NULL);
	return r;
}

/* Write the empty image, if there is one, to the new file fd, and flush
 * it to the disk: 0, or -1 with errno. */
static int
userdb_write_image(int fd)
{
	size_t done = 0;
	ssize_t n;

	while (userdb_image != NULL && done < userdb_image_size) {
		if ((n = write(fd, userdb_image + done, userdb_image_size - done)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		done += (size_t)n;
	}
	return userdb_image != NULL ? fsync(fd) : 0;
}

/* Forget the directories userdb_make() made for the file, removing them
 * first when remove is set. */
static void
userdb_forget_dirs(struct userdb *u, int remove)
{
	if (u->made_dir != NULL && remove)
		userdb_rmdirs(u->path, u->made_dir);
	free(u->made_dir);
	u->made_dir = NULL;
}

/* Make the file and its directories and attach it in place of the empty
 * database in memory, which comes back if that fails. */
static int
userdb_make(struct userdb *u, char **cause)
{
	char *ignored = NULL;
	int fd;

	if (userdb_mkdirs(u->path, &u->made_dir, cause) != 0)
		return -1;
	/* Made here rather than by SQLite so that only its owner can read
	 * it; SQLite gives its journals the same mode. */
	if ((fd = open(u->path, O_WRONLY | O_CREAT | O_EXCL, 0600)) == -1 && errno != EEXIST) {
		*cause = xasprintf(_("%s: cannot make the file: %s"), u->path, strerror(errno));
		userdb_forget_dirs(u, 1);
		return -1;
	}
	/* A new file starts as the empty image, of this version: nothing is
	 * left to make (an empty file is made by the steps of its schema). */
	if (fd != -1 && userdb_write_image(fd) != 0) {
		*cause = xasprintf(_("%s: cannot make the file: %s"), u->path, strerror(errno));
		close(fd);
		unlink(u->path);
		userdb_forget_dirs(u, 1);
		return -1;
	}
	if (fd != -1) {
		close(fd);
		u->made = 1;
	} else
		userdb_forget_dirs(u, 0);
	if (db_exec(u->db, "DETACH user", NULL) != 0) {
		userdb_error(u, cause);
		return -1;
	}
	if (userdb_attach_file(u, cause) != 0) {
		if (userdb_attach_memory(u, &ignored) != 0)
			free(ignored);
		return -1;
	}
	/* The first write into a file made for it keeps a rollback journal:
	 * its pages are new, which a journal does not hold, where WAL writes
	 * each twice, into the WAL and then into the file. WAL again once it
	 * is saved (userdb_commit()); every open asks for it too. */
	if (u->made)
		db_exec(u->db, "PRAGMA user.journal_mode = DELETE", NULL);
	return 0;
}

/*
 * SQLite rolls a transaction back by itself on some errors, as a full
 * disk; the statements after it would then each be kept on their own,
 * and half a write would stay. During a write, only its own COMMIT may
 * end a transaction: any other commit is turned into a rollback.
 */
static int
userdb_commit_hook(void *arg)
{
	struct userdb *u = arg;

	return u->writing && !u->committing;
}

/* What SQLite keeps beside a database file: its WAL, shared memory and
 * journal, named from it. */
static const char *const userdb_sides[] = { "-wal", "-shm", "-journal", NULL };

/* Move the damaged file, with its WAL, shared memory or journal, to
 * PATH.corrupt-YYYYmmdd-HHMMSS, never over another file; its new name, or
 * NULL with *cause. A WAL file left behind would be replayed into the new
 * database: it goes too. */
static char *
userdb_move_aside(const char *path, char **cause)
{
	struct stat st;
	time_t now = time(NULL);
	char stamp[32], *to, *from, *side_to;
	int i, err = 0;

	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime(&now));
	to = xasprintf("%s.corrupt-%s", path, stamp);
	for (i = 2; lstat(to, &st) == 0; i++) {
		free(to);
		to = xasprintf("%s.corrupt-%s-%d", path, stamp, i);
	}
	if (rename(path, to) != 0) {
		*cause = xasprintf(_("cannot move it aside: %s"), strerror(errno));
		free(to);
		return NULL;
	}
	for (i = 0; userdb_sides[i] != NULL && err == 0; i++) {
		from = xasprintf("%s%s", path, userdb_sides[i]);
		side_to = xasprintf("%s%s", to, userdb_sides[i]);
		if (rename(from, side_to) != 0 && errno != ENOENT) {
			err = errno;
			*cause = xasprintf(_("moved to %s, but cannot move %s: %s"), to, from,
			    strerror(err));
		}
		free(from);
		free(side_to);
	}
	if (err != 0) {
		free(to);
		return NULL;
	}
	return to;
}

/* The file is damaged (*cause says how): move it aside and start an empty
 * user database in its place, saying where it went in u->notice. */
static int
userdb_recover(struct userdb *u, char **cause)
{
	char *damage = *cause, *why = NULL, *to;

	*cause = NULL;
	if ((to = userdb_move_aside(u->path, &why)) == NULL) {
		*cause = xasprintf("%s; %s", damage, why);
		free(damage);
		free(why);
		return -1;
	}
	u->notice = xasprintf(_("%s; it was moved to %s and a new user database is started"),
	    damage, to);
	free(damage);
	free(to);
	return userdb_attach_memory(u, cause);
}

/* Attach the user database at path, or an empty one. */
struct userdb *
userdb_open(sqlite3 *db, const char *path, const char *why, char **cause)
{
	struct userdb *u = xcalloc(1, sizeof *u);
	int r;

	u->db = db;
	u->path = path != NULL ? xstrdup(path) : NULL;
	u->why = why;
	sqlite3_busy_timeout(db, 2000);
	sqlite3_commit_hook(db, userdb_commit_hook, u);
	if (path != NULL && (access(path, F_OK) == 0 || (errno != ENOENT && errno != ENOTDIR))) {
		if ((r = userdb_attach_file(u, cause)) == -2)
			r = userdb_recover(u, cause);
	} else
		r = userdb_attach_memory(u, cause);
	if (r != 0) {
		userdb_free(u);
		return NULL;
	}
	return u;
}

/* Forget the user database. */
void
userdb_free(struct userdb *u)
{
	if (u == NULL)
		return;
	sqlite3_commit_hook(u->db, NULL, NULL);
	free(u->path);
	free(u->readonly);
	free(u->notice);
	free(u->made_dir);
	free(u);
}

/* Why nothing can be saved, or NULL. */
const char *
userdb_unavailable(const struct userdb *u)
{
	return u->path == NULL ? u->why : u->readonly;
}

/* Why nothing can be read, or NULL. */
const char *
userdb_unreadable(const struct userdb *u)
{
	return u->path == NULL ? u->why : NULL;
}

/* SQLite's integrity check of the file, and FTS5's of the index of the
 * user's records. */
int
userdb_check(struct userdb *u, check_report_fn report, void *arg, char **cause)
{
	sqlite3_stmt *stmt;
	const unsigned char *text;
	char *problem;
	int rc, problems = 0;

	if (!u->file)
		return 0;
	if (db_prepare(u->db, "PRAGMA user.integrity_check(100)", &stmt, cause) != 0)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		text = sqlite3_column_text(stmt, 0);
		if (text != NULL && strcmp((const char *)text, "ok") == 0)
			continue;
		problem = xasprintf(_("integrity: %s"), userdb_problem(text));
		report(arg, problem);
		free(problem);
		problems++;
	}
	if (rc != SQLITE_DONE) {
		userdb_error(u, cause);
		problems = -1;
	}
	sqlite3_finalize(stmt);
	/* The search index of the user's records holds what their text does. */
	if (problems >= 0 && (rc = check_user_fts(u->db, report, arg, cause)) != 0)
		problems = rc < 0 ? -1 : problems + rc;
	return problems;
}

/* Begin a write. */
int
userdb_begin(struct userdb *u, char **cause)
{
	if (userdb_unavailable(u) != NULL) {
		*cause = xstrdup(userdb_unavailable(u));
		return -1;
	}
	if (!u->file && userdb_make(u, cause) != 0)
		return -1;
	return userdb_begin_trial(u, cause);
}

/* Remove the file an import killed meanwhile left its trigram index in
 * (fts_apart_path()): no import makes one while this write holds the
 * file's write lock. */
static void
userdb_forget_apart(const struct userdb *u)
{
	char *apart;

	if (!u->file || u->path == NULL)
		return;
	apart = fts_apart_path(u->path);
	unlink(apart);
	free(apart);
}

/* Begin a write that will be rolled back (or, from userdb_begin, kept). */
int
userdb_begin_trial(struct userdb *u, char **cause)
{
	if (!u->file && userdb_writable(u, cause) != 0)
		return -1;
	if (db_exec(u->db, userdb_begin_sql, NULL) != 0) {
		userdb_error(u, cause);
		userdb_rollback(u);
		return -1;
	}
	u->writing = 1;
	userdb_forget_apart(u);
	return 0;
}

/* End a write, keeping all of it. */
int
userdb_commit(struct userdb *u, char **cause)
{
	int r;

	if (sqlite3_get_autocommit(u->db)) {
		/* SQLite ended it on an error, undoing it all. */
		*cause = xasprintf(_("%s: cannot save: the write failed and was undone"),
		    u->path);
		u->writing = 0;
		return -1;
	}
	u->committing = 1;
	r = db_exec(u->db, "COMMIT", NULL);
	u->committing = 0;
	if (r != 0) {
		userdb_error(u, cause);
		userdb_rollback(u);
		return -1;
	}
	u->writing = 0;
	if (u->made)
		userdb_journal(u);
	u->made = 0;
	userdb_forget_dirs(u, 0);
	return 0;
}

/* End a write, keeping none of it. */
void
userdb_rollback(struct userdb *u)
{
	if (!sqlite3_get_autocommit(u->db))
		db_exec(u->db, "ROLLBACK", NULL);
	u->writing = 0;
}

/* Remove the file made for a write that failed (see userdb.h). */
void
userdb_unmake(struct userdb *u)
{
	char *ignored = NULL, *side;
	int i;

	if (!u->made)
		return;
	userdb_rollback(u);
	u->made = 0;
	if (db_exec(u->db, "DETACH user", NULL) != 0)
		return;
	unlink(u->path);
	for (i = 0; userdb_sides[i] != NULL; i++) {
		side = xasprintf("%s%s", u->path, userdb_sides[i]);
		unlink(side);
		free(side);
	}
	userdb_forget_dirs(u, 1);
	if (userdb_attach_memory(u, &ignored) != 0)
		free(ignored);
}
