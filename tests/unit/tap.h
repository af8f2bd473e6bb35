/*
 * A header-only TAP producer for C unit tests, read by automake's TAP driver.
 *
 *	plan(3);			or done_testing() after the last test
 *	ok(x > 0, "x is positive");
 *	is_str(got, "abc", "the name of %s", what);
 *	is_int(n, 3, "three rows");
 *	skip(2, "no /dev/full");	counts as 2 passing tests
 *	return exit_status();
 *
 * A failure prints where it happened and, for is_str and is_int, what was
 * got and expected (strings quoted with C escapes so every byte shows).
 */
#ifndef AIATLAS_TAP_H
#define AIATLAS_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TAP_PRINTF(f, a) __attribute__((format(printf, f, a)))

static int tap_run;		/* tests run so far */
static int tap_failed;		/* of which failed */
static int tap_planned = -1;	/* the plan printed, or -1 */

#define ok(cond, ...) \
	tap_ok(__FILE__, __LINE__, (cond) ? 1 : 0, __VA_ARGS__)
#define is_str(got, want, ...) \
	tap_is_str(__FILE__, __LINE__, (got), (want), __VA_ARGS__)
#define is_int(got, want, ...) \
	tap_is_int(__FILE__, __LINE__, (long long)(got), (long long)(want), \
	    __VA_ARGS__)

/* Announce how many tests will run. */
static inline void
plan(int n)
{
	printf("1..%d\n", n);
	fflush(stdout);
	tap_planned = n;
}

/* Announce, after the last test, how many ran. */
static inline void
done_testing(void)
{
	if (tap_planned < 0)
		plan(tap_run);
}

/* Print a diagnostic line ("# ..."). */
static inline void TAP_PRINTF(1, 2)
diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	fflush(stdout);
}

/* Stop the whole test program: nothing after this can be trusted. */
static inline void TAP_PRINTF(1, 2) __attribute__((noreturn))
bail_out(const char *fmt, ...)
{
	va_list ap;

	fputs("Bail out! ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	exit(2);
}

/* Print "ok N - description" or "not ok N - ...", and where it failed. */
static inline int TAP_PRINTF(4, 0)
tap_vok(const char *file, int line, int pass, const char *fmt, va_list ap)
{
	char desc[1024];
	const char *p;

	vsnprintf(desc, sizeof desc, fmt, ap);
	tap_run++;
	if (!pass)
		tap_failed++;
	printf("%sok %d - ", pass ? "" : "not ", tap_run);
	for (p = desc; *p != '\0'; p++) {
		if (*p == '#')	/* would start a directive */
			fputs("\\#", stdout);
		else
			putchar(*p == '\n' ? ' ' : *p);
	}
	putchar('\n');
	if (!pass)
		printf("#   Failed test at %s line %d.\n", file, line);
	fflush(stdout);
	return pass;
}

/* A test that passes if pass is true. */
static inline int TAP_PRINTF(4, 5)
tap_ok(const char *file, int line, int pass, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pass = tap_vok(file, line, pass, fmt, ap);
	va_end(ap);
	return pass;
}

/* Count n tests as skipped, for the reason given. */
static inline void TAP_PRINTF(2, 3)
skip(int n, const char *fmt, ...)
{
	char why[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	for (; n > 0; n--)
		printf("ok %d # SKIP %s\n", ++tap_run, why);
	fflush(stdout);
}

/* Print s quoted, with C escapes for anything but printable ASCII. */
static inline void
tap_quote(const char *s)
{
	if (s == NULL) {
		fputs("NULL", stdout);
		return;
	}
	putchar('"');
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\t')
			fputs("\\t", stdout);
		else if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			printf("\\x%02x", (unsigned char)*s);
		else
			putchar(*s);
	}
	putchar('"');
}

/* A test that passes if two strings (or two NULLs) are equal. */
static inline int TAP_PRINTF(5, 6)
tap_is_str(const char *file, int line, const char *got, const char *want,
    const char *fmt, ...)
{
	va_list ap;
	int pass;

	pass = (got == NULL || want == NULL) ? got == want :
	    strcmp(got, want) == 0;
	va_start(ap, fmt);
	tap_vok(file, line, pass, fmt, ap);
	va_end(ap);
	if (!pass) {
		fputs("#          got: ", stdout);
		tap_quote(got);
		fputs("\n#     expected: ", stdout);
		tap_quote(want);
		putchar('\n');
		fflush(stdout);
	}
	return pass;
}

/* A test that passes if two integers are equal. */
static inline int TAP_PRINTF(5, 6)
tap_is_int(const char *file, int line, long long got, long long want,
    const char *fmt, ...)
{
	va_list ap;
	int pass = got == want;

	va_start(ap, fmt);
	tap_vok(file, line, pass, fmt, ap);
	va_end(ap);
	if (!pass) {
		printf("#          got: %lld\n#     expected: %lld\n", got, want);
		fflush(stdout);
	}
	return pass;
}

/* The exit status: 0 if every planned test ran and passed. */
static inline int
exit_status(void)
{
	done_testing();
	if (tap_run != tap_planned) {
		diag("planned %d tests but ran %d", tap_planned, tap_run);
		return 1;
	}
	return tap_failed > 0;
}

#endif
