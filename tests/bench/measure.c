/* The benchmark's stopwatch: run a command, then append its wall time,
 * its peak memory and its exit status to a file. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

/* measure FILE COMMAND [ARG...]: appends "MS KB STATUS" to FILE (the
 * milliseconds from fork to exit, the peak resident set in kilobytes, and
 * the exit status, 128 + N for signal N) and exits with the status. */
int
main(int argc, char **argv)
{
	struct timespec start, end;
	struct rusage ru;
	FILE *fp;
	pid_t pid;
	int status, code;

	if (argc < 3) {
		fprintf(stderr, "usage: measure FILE COMMAND [ARG...]\n");
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
	if ((fp = fopen(argv[1], "a")) == NULL) {
		fprintf(stderr, "measure: %s: %s\n", argv[1], strerror(errno));
		return 2;
	}
	fprintf(fp, "%.3f %ld %d\n", (double)(end.tv_sec - start.tv_sec) * 1e3 +
	    (double)(end.tv_nsec - start.tv_nsec) / 1e6, ru.ru_maxrss, code);
	if (fclose(fp) != 0) {
		fprintf(stderr, "measure: %s: %s\n", argv[1], strerror(errno));
		return 2;
	}
	return code;
}
