/* The benchmark's stopwatch: run a command, then append its wall time,
 * its peak memory and its exit status to a file; or the time until a
 * file the command started something to write shows. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

/* The milliseconds from a to b. */
static double
measure_ms(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

/* Wait until path is a file that is not empty, looking every quarter of
 * a millisecond, and note when in end; 124 after 30 s, else 0. */
static int
measure_until(const char *path, const struct timespec *start, struct timespec *end)
{
	const struct timespec pause = { 0, 250000 };
	struct stat st;

	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, end);
		if (stat(path, &st) == 0 && st.st_size > 0)
			return 0;
		if (measure_ms(start, end) > 30000)
			return 124;
		nanosleep(&pause, NULL);
	}
}

/* measure [-u PATH] FILE COMMAND [ARG...]: appends "MS KB STATUS" to FILE
 * (the milliseconds from fork to exit, the peak resident set in
 * kilobytes, and the exit status, 128 + N for signal N) and exits with the
 * status. With -u, once COMMAND has exited with 0, MS runs on until PATH
 * is a file that is not empty (a program COMMAND started has written it;
 * status 124 if that takes over 30 s). */
int
main(int argc, char **argv)
{
	struct timespec start, end;
	struct rusage ru;
	const char *until = NULL;
	FILE *fp;
	pid_t pid;
	int status, code;

	if (argc > 2 && strcmp(argv[1], "-u") == 0) {
		until = argv[2];
		argc -= 2;
		argv += 2;
	}
	if (argc < 3) {
		fprintf(stderr, "usage: measure [-u PATH] FILE COMMAND [ARG...]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	if ((pid = fork()) == -1) {
		fprintf(stderr, "measure: fork: %s\n", strerror(errno));
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "measure: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) == -1) {
		fprintf(stderr, "measure: wait: %s\n", strerror(errno));
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &end);
	code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	if (until != NULL && code == 0)
		code = measure_until(until, &start, &end);
	if ((fp = fopen(argv[1], "a")) == NULL) {
		fprintf(stderr, "measure: %s: %s\n", argv[1], strerror(errno));
		return 2;
	}
	fprintf(fp, "%.3f %ld %d\n", measure_ms(&start, &end), ru.ru_maxrss, code);
	if (fclose(fp) != 0) {
		fprintf(stderr, "measure: %s: %s\n", argv[1], strerror(errno));
		return 2;
	}
	return code;
}
