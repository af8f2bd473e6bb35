/*
 * A harness run as a plain program, for make check: every file of
 * tests/fuzz/corpus/NAME and tests/fuzz/regressions/NAME (NAME from the
 * program's name, replay-NAME) is given to LLVMFuzzerTestOneInput() in a
 * child process of its own; a test fails if its child crashes, aborts on a
 * wrong answer, exits non-zero (a sanitizer's report) or runs over 20 s.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../unit/tap.h"
#include "fuzz.h"

/* The longest one input may run. */
#define REPLAY_SECONDS	20

/* Defined by the harnesses that set something up once. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

/* Compare names for qsort. */
static int
replay_compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read a whole file; NULL if it cannot be read. */
static uint8_t *
replay_read(const char *path, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t alloc = 0, n;

	*size = 0;
	if (fp == NULL)
		return NULL;
	do {
		if (*size == alloc) {
			alloc = alloc == 0 ? 4096 : alloc * 2;
			data = xrealloc(data, alloc);
		}
		n = fread(data + *size, 1, alloc - *size, fp);
		*size += n;
	} while (n > 0);
	if (ferror(fp)) {
		free(data);
		data = NULL;
	}
	fclose(fp);
	return data == NULL ? xmalloc(1) : data;
}

/* Run one input in a child, with its output on stdout dropped (the TAP
 * stream is ours); 1 if it ran to its end. */
static int
replay_one(const char *path, const char *label)
{
	uint8_t *data;
	size_t size;
	pid_t pid;
	int status, fd;

	if ((data = replay_read(path, &size)) == NULL) {
		ok(0, "%s: cannot read: %s", label, strerror(errno));
		return 0;
	}
	fflush(stdout);
	if ((pid = fork()) == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) >= 0)
			dup2(fd, STDOUT_FILENO);
		alarm(REPLAY_SECONDS);
		LLVMFuzzerTestOneInput(data, size);
		free(data);
		exit(0);
	}
	free(data);
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		ok(0, "%s: cannot run it: %s", label, strerror(errno));
		return 0;
	}
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
		diag("%s ran over %d s", label, REPLAY_SECONDS);
	else if (WIFSIGNALED(status))
		diag("%s: killed by signal %d", label, WTERMSIG(status));
	else if (WEXITSTATUS(status) != 0)
		diag("%s: exit status %d", label, WEXITSTATUS(status));
	return ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s runs to its end", label);
}

/* Replay every file of dir (a missing one has none). */
static void
replay_dir(const char *dir, const char *label)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL, *path, *what;
	size_t n = 0, i;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, replay_compare);
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		what = xasprintf("%s/%s", label, names[i]);
		replay_one(path, what);
		free(what);
		free(path);
		free(names[i]);
	}
	free(names);
}

/* Replay the corpus and the regressions of the harness this program is. */
int
main(int argc, char **argv)
{
	const char *top = getenv("top_srcdir"), *name = strrchr(argv[0], '/');
	char *dirs[2], *labels[2], *topdir;
	int i;

	name = name == NULL ? argv[0] : name + 1;
	if (strncmp(name, "replay-", 7) != 0)
		bail_out("%s: the program's name must be replay-NAME", argv[0]);
	name += 7;
	/* Made absolute first: a harness may change directory. */
	if ((topdir = realpath(top == NULL ? "." : top, NULL)) == NULL)
		bail_out("%s: %s", top == NULL ? "." : top, strerror(errno));
	for (i = 0; i < 2; i++) {
		labels[i] = xasprintf("%s/%s", i == 0 ? "corpus" : "regressions", name);
		dirs[i] = xasprintf("%s/tests/fuzz/%s", topdir, labels[i]);
	}
	free(topdir);
	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 0; i < 2; i++) {
		replay_dir(dirs[i], labels[i]);
		free(dirs[i]);
		free(labels[i]);
	}
	if (tap_run == 0)
		ok(0, "%s: no input in tests/fuzz/corpus/%s", name, name);
	done_testing();
	return exit_status();
}
