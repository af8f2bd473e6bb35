/*
 * What the libFuzzer harnesses share. Each harness defines
 * LLVMFuzzerTestOneInput() (and LLVMFuzzerInitialize() when it sets
 * something up once); libFuzzer calls them when built with
 * --enable-fuzzing, and replay.c otherwise, on the checked-in corpus.
 * Include after tap.h (for the fixture).
 */
#ifndef AIATLAS_FUZZ_H
#define AIATLAS_FUZZ_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/fixture.h"
#include "fts.h"
#include "merge.h"
#include "userdb.h"
#include "xmalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int	LLVMFuzzerInitialize(int *argc, char ***argv);

/* The input as a string: a copy cut at its first NUL, freed by the caller. */
static inline char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* A finding that is no crash (a wrong answer): say what, and abort so the
 * fuzzer keeps the input and the replay fails. */
static inline void __attribute__((format(printf, 1, 2), noreturn))
fuzz_wrong(const char *fmt, ...)
{
	va_list ap;

	fputs("wrong answer: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* The fixture as the program opens a database: indexed, with an empty user
 * schema in memory (in *user if not NULL) and its merged views; made once. */
static inline sqlite3 *
fuzz_fixture(struct userdb **user)
{
	static sqlite3 *db;
	static struct userdb *u;
	char *cause = NULL;

	if (db == NULL) {
		db = fixture_open();
		if (fts_build(db, &cause) != 0 ||
		    (u = userdb_open(db, NULL, "fuzzing", &cause)) == NULL ||
		    merge_tables(db, 0, &cause) != 0)
			bail_out("cannot set the fixture up: %s", cause);
	}
	if (user != NULL)
		*user = u;
	return db;
}

#endif
