/* Regular expressions: PCRE2 behind the REGEXP SQL function. */
#include "config.h"
#include "regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xmalloc.h"

/* Limits that keep a pathological pattern from running away. */
#define REGEX_MATCH_LIMIT	1000000
#define REGEX_DEPTH_LIMIT	10000
#define REGEX_HEAP_LIMIT	(20 * 1024)	/* KiB */

/* A compiled pattern with what matching it needs. */
struct regex {
	pcre2_code		*code;
	pcre2_match_data	*match;
	pcre2_match_context	*context;
};

/* Compile a pattern in UTF mode; NULL with *cause and *offset. */
static pcre2_code *
regex_compile(const char *pattern, char **cause, size_t *offset)
{
	PCRE2_UCHAR message[256];
	pcre2_code *code;
	int error;

	code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
	    &error, offset, NULL);
	if (code == NULL) {
		pcre2_get_error_message(error, message, sizeof message);
		*cause = xasprintf("%s", (const char *)message);
	}
	return code;
}

/* Check that a pattern compiles. */
int
regex_check(const char *pattern, char **cause, size_t *offset)
{
	pcre2_code *code = regex_compile(pattern, cause, offset);

	if (code == NULL)
		return -1;
	pcre2_code_free(code);
	return 0;
}

/* Free a compiled pattern (an auxdata destructor). */
static void
regex_free(void *p)
{
	struct regex *re = p;

	pcre2_match_context_free(re->context);
	pcre2_match_data_free(re->match);
	pcre2_code_free(re->code);
	free(re);
}

/* regexp(pattern, text): 1 if text matches, 0 if not, NULL for NULL text. */
static void
regex_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct regex *re = sqlite3_get_auxdata(ctx, 0);
	const char *pattern, *text;
	char *cause, *message;
	size_t offset;
	int rc;

	if (sqlite3_value_type(argv[1]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (re == NULL) {
		pattern = (const char *)sqlite3_value_text(argv[0]);
		re = xcalloc(1, sizeof *re);
		if ((re->code = regex_compile(pattern, &cause, &offset)) == NULL) {
			message = xasprintf(_("regex: %s at offset %zu"), cause, offset);
			sqlite3_result_error(ctx, message, -1);
			free(message);
			free(cause);
			free(re);
			return;
		}
		pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
		re->match = pcre2_match_data_create_from_pattern(re->code, NULL);
		re->context = pcre2_match_context_create(NULL);
		pcre2_set_match_limit(re->context, REGEX_MATCH_LIMIT);
		pcre2_set_depth_limit(re->context, REGEX_DEPTH_LIMIT);
		pcre2_set_heap_limit(re->context, REGEX_HEAP_LIMIT);
		sqlite3_set_auxdata(ctx, 0, re, regex_free);
		/* SQLite may free it at once; fetch it back to be sure. */
		if ((re = sqlite3_get_auxdata(ctx, 0)) == NULL) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
	}
	text = (const char *)sqlite3_value_text(argv[1]);
	rc = pcre2_match(re->code, (PCRE2_SPTR)text, (PCRE2_SIZE)sqlite3_value_bytes(argv[1]), 0,
	    0, re->match, re->context);
	if (rc >= 0)
		sqlite3_result_int(ctx, 1);
	else if (rc == PCRE2_ERROR_NOMATCH || (rc <= PCRE2_ERROR_UTF8_ERR1 &&
	    rc >= PCRE2_ERROR_UTF8_ERR21))
		sqlite3_result_int(ctx, 0);	/* no match, or text that is not UTF-8 */
	else if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
		sqlite3_result_error(ctx, _("regex: the pattern hit its matching limit "
		    "(it backtracks too much); simplify it"), -1);
	else {
		PCRE2_UCHAR buf[256];
		pcre2_get_error_message(rc, buf, sizeof buf);
		message = xasprintf(_("regex: %s"), (const char *)buf);
		sqlite3_result_error(ctx, message, -1);
		free(message);
	}
}

/* Register regexp(). */
void
regex_register(sqlite3 *db)
{
	sqlite3_create_function(db, "regexp", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, regex_sql, NULL, NULL);
}
