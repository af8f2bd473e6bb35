/*
 * Fuzzing the explorer headless: the input's bytes become a key script of
 * keys, text, clicks, wheel turns, resizes and saved filters, run by
 * explorer_run() over the fixture database with a fresh user database, in
 * a directory of its own (exports, copies and briefs are written there).
 * The first two bytes are the screen's size, the third the language and
 * colours; each byte after is an event, some with bytes of their own.
 */
#include "config.h"

#include <locale.h>
#include <unistd.h>

#include "db.h"
#include "explorer.h"
#include "../unit/tap.h"
#include "fuzz.h"

/* Keys by the names scripts give them. ':' is left out: the command line
 * could dump screens anywhere or sleep; commands come as events. */
static const char *const fuzz_script_keys[] = {
	"<Enter>", "<Esc>", "<Tab>", "<S-Tab>", "<BSpace>", "<Space>", "<Up>", "<Down>",
	"<Left>", "<Right>", "<PgUp>", "<PgDn>", "<Home>", "<End>", "<F1>", "<KEnter>",
	"<lt>", "\x7f", "\xc3\xa9", "\xe2\x9a\x91", "\xe6\x97\xa5\xe6\x9c\xac", "\xf0\x9f\x98\x80",
	"\xcc\x81", "\xef\xbc\xa1"
};
#define FUZZ_SCRIPT_NKEYS (sizeof fuzz_script_keys / sizeof fuzz_script_keys[0])

/* What an event byte is: a printable ASCII character (95 of them), one of
 * the keys above, or one of these. */
enum {
	FUZZ_SCRIPT_CTRL = 95 + FUZZ_SCRIPT_NKEYS,	/* C-a to C-z: one byte */
	FUZZ_SCRIPT_CLICK,				/* two bytes: x, y */
	FUZZ_SCRIPT_WHEEL_UP,
	FUZZ_SCRIPT_WHEEL_DOWN,
	FUZZ_SCRIPT_RESIZE,				/* two bytes: cols, rows */
	FUZZ_SCRIPT_SAVE_FILTER,			/* one byte: its name */
	FUZZ_SCRIPT_FILTER,				/* one byte: its name */
	FUZZ_SCRIPT_NEVENTS
};

static pid_t fuzz_script_pid;
static char fuzz_script_dir[] = "/tmp/aiatlas-fuzz-script-XXXXXX";
static char *fuzz_script_path, *fuzz_script_user, *fuzz_script_db;

/* Remove the directory and what the runs left in it at exit, in the
 * process that made it (not in a child of replay.c). */
static void
fuzz_script_clean(void)
{
	char *cmd = xasprintf("rm -rf '%s'", fuzz_script_dir);

	if (getpid() == fuzz_script_pid && system(cmd) != 0)
		fprintf(stderr, "%s: cannot remove it\n", fuzz_script_dir);
	free(cmd);
	free(fuzz_script_path);
	free(fuzz_script_user);
	free(fuzz_script_db);
}

/* Go into a directory of its own, with the explorer's own note editor. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *top = getenv("top_builddir");
	char *cwd;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	unsetenv("VISUAL");
	unsetenv("EDITOR");
	if ((cwd = getcwd(NULL, 0)) == NULL)
		bail_out("cannot know the current directory");
	fuzz_script_db = top != NULL && *top == '/' ? xasprintf("%s/tests/fixture.db", top) :
	    xasprintf("%s/%s/tests/fixture.db", cwd, top == NULL ? "." : top);
	free(cwd);
	if (access(fuzz_script_db, R_OK) != 0)
		bail_out("%s: not there: make tests/fixture.db first", fuzz_script_db);
	if (mkdtemp(fuzz_script_dir) == NULL || chdir(fuzz_script_dir) != 0)
		bail_out("%s: cannot make it", fuzz_script_dir);
	fuzz_script_path = xasprintf("%s/fuzz.keys", fuzz_script_dir);
	fuzz_script_user = xasprintf("%s/user.db", fuzz_script_dir);
	fuzz_script_pid = getpid();
	atexit(fuzz_script_clean);
	return 0;
}

/* Turn the events' bytes into a key script on fp. */
static void
fuzz_script_write(FILE *fp, const uint8_t *p, const uint8_t *end)
{
	unsigned int e;
	int line = 0;

	while (p < end) {
		e = *p++ % FUZZ_SCRIPT_NEVENTS;
		if (e >= FUZZ_SCRIPT_RESIZE) {
			/* A command, on a line of its own. */
			if (line)
				fputc('\n', fp);
			line = 0;
			if (e == FUZZ_SCRIPT_RESIZE) {
				fprintf(fp, ":resize %dx%d\n", p < end ? 1 + *p % 200 : 80,
				    p + 1 < end ? 1 + p[1] % 80 : 24);
				p += 2;
			} else
				fprintf(fp, ":%s f%d\n", e == FUZZ_SCRIPT_FILTER ? "filter" :
				    "save-filter", p < end ? *p++ % 4 : 0);
			continue;
		}
		/* Keys, on a line that starts with a key that does nothing, so
		 * that no line starts as a comment or a command. */
		if (!line)
			fputs("<Resize>", fp);
		line = 1;
		if (e < 95)
			fputc(e == ':' - ' ' ? ';' : (e == '<' - ' ' ? ',' : ' ' + (int)e), fp);
		else if (e < FUZZ_SCRIPT_CTRL)
			fputs(fuzz_script_keys[e - 95], fp);
		else if (e == FUZZ_SCRIPT_CTRL)
			fprintf(fp, "<C-%c>", 'a' + (p < end ? *p++ % 26 : 0));
		else if (e == FUZZ_SCRIPT_CLICK) {
			fprintf(fp, "<Click-%d-%d>", p < end ? *p % 200 : 0,
			    p + 1 < end ? p[1] % 80 : 0);
			p += 2;
		} else
			fputs(e == FUZZ_SCRIPT_WHEEL_UP ? "<WheelUp>" : "<WheelDown>", fp);
	}
	if (line)
		fputc('\n', fp);
}

/* Run the explorer on the script the input makes. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct explorer_options opts = { .lang = "en", .script = fuzz_script_path };
	sqlite3 *db;
	FILE *fp;
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char *cause = NULL, *file;
	size_t i;

	if (size < 3)
		return 0;
	opts.cols = 1 + data[0] % 200;
	opts.rows = 1 + data[1] % 80;
	opts.lang = data[2] & 1 ? "fr" : "en";
	opts.color = data[2] & 2 ? 1 : 0;
	if ((fp = fopen(fuzz_script_path, "w")) == NULL)
		bail_out("%s: cannot write it", fuzz_script_path);
	fuzz_script_write(fp, data + 3, data + size);
	if (fclose(fp) != 0)
		bail_out("%s: cannot write it", fuzz_script_path);

	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		file = xasprintf("%s%s", fuzz_script_user, suffixes[i]);
		unlink(file);
		free(file);
	}
	if ((db = db_open_readonly(fuzz_script_db, &cause)) == NULL ||
	    (opts.user = userdb_open(db, fuzz_script_user, NULL, &cause)) == NULL ||
	    merge_tables(db, 0, &cause) != 0)
		bail_out("cannot open the fixture: %s", cause);
	explorer_run(db, &opts);
	userdb_free(opts.user);
	db_close(db);
	return 0;
}
