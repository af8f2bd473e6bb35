/* Finding searched words in text, as the full-text index does: case and
 * accents aside, words matched as prefixes. For highlighting, and for
 * filters that name a part of a text (place:saclay). */
#include "config.h"
#include "match.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "text.h"
#include "xmalloc.h"

/* Base letters of U+00C0..U+017F, in order; '.' where there is none. */
static const char match_latin[] =
	"AAAAAAACEEEEIIII" "DNOOOOO.OUUUUYTs" "aaaaaaaceeeeiiii" "dnooooo.ouuuuyty"
	"AaAaAaCcCcCcCcDd" "DdEeEeEeEeEeGgGg" "GgGgHhHhIiIiIiIi" "IiJjJjKkkLlLlLlL"
	"lLlNnNnNnnNnOoOo" "OoOoRrRrRrSsSsSs" "SsTtTtTtUuUuUuUu" "UuUuWwYyYZzZzZzs";

/* A character folded as the index folds it: lower case, no accent. */
static wchar_t
match_fold(wchar_t c)
{
	if (c >= 0xc0 && c <= 0x17f && match_latin[c - 0xc0] != '.')
		c = (wchar_t)match_latin[c - 0xc0];
	return (wchar_t)towlower((wint_t)c);
}

/* Decode the UTF-8 character at s into *wc, whatever the locale (the
 * data is UTF-8); its length, or 1 for a bad byte, which stands for
 * itself. Only the character's own bytes are read, so a long text is
 * decoded in time linear in its length. */
static size_t
match_decode(const char *s, wchar_t *wc)
{
	unsigned long c;
	size_t n = text_utf8_get(s, &c);

	if (n == 0) {
		*wc = (unsigned char)*s;
		return 1;
	}
	*wc = (wchar_t)c;
	return n;
}

/* Whether c is part of a word. */
static int
match_is_word(wchar_t c)
{
	return iswalnum((wint_t)c) || (c >= 0xc0 && c <= 0x24f);
}

/* Split a query into words. */
char **
match_words(const char *query)
{
	char **words = NULL;
	const char *p = query, *start;
	size_t n = 0, len;
	wchar_t wc;

	while (*p != '\0') {
		len = match_decode(p, &wc);
		if (!match_is_word(wc)) {
			p += len;
			continue;
		}
		start = p;
		while (*p != '\0' && (len = match_decode(p, &wc)) > 0 && match_is_word(wc))
			p += len;
		words = xreallocarray(words, n + 2, sizeof *words);
		words[n++] = xstrndup(start, (size_t)(p - start));
	}
	if (words != NULL)
		words[n] = NULL;
	return words;
}

/* Free words. */
void
match_free_words(char **words)
{
	char **w;

	for (w = words; w != NULL && *w != NULL; w++)
		free(*w);
	free(words);
}

/* The bytes of text at t that match word as a prefix, or 0. */
static size_t
match_prefix(const char *t, const char *word)
{
	const char *start = t;
	wchar_t a, b;

	while (*word != '\0') {
		if (*t == '\0')
			return 0;
		word += match_decode(word, &a);
		t += match_decode(t, &b);
		if (match_fold(a) != match_fold(b))
			return 0;
	}
	return (size_t)(t - start);
}

/* Find the first word starting at or after from. */
int
match_find(const char *text, char *const *words, size_t from, size_t *start, size_t *end)
{
	const char *p = text + from;
	wchar_t wc, prev = L' ';
	size_t len, m;
	char *const *w;

	if (words == NULL)
		return 0;
	if (from > 0)
		match_decode(text + from - 1, &prev);
	for (; *p != '\0'; p += len, prev = wc) {
		len = match_decode(p, &wc);
		if (!match_is_word(wc) || match_is_word(prev))
			continue;
		for (w = words; *w != NULL; w++) {
			if ((m = match_prefix(p, *w)) > 0) {
				*start = (size_t)(p - text);
				*end = *start + m;
				return 1;
			}
		}
	}
	return 0;
}

/* Whether part occurs in text, case and accents aside ("etienne" is in
 * "Saint-Étienne"); an empty part occurs in any text. */
int
match_contains(const char *text, const char *part)
{
	wchar_t wc;

	if (*part == '\0')
		return 1;
	for (; *text != '\0'; text += match_decode(text, &wc)) {
		if (match_prefix(text, part) > 0)
			return 1;
	}
	return 0;
}

/* contains_folded(text, part) in SQL: match_contains(), false for a NULL
 * text or part (so that -place:x keeps the records without a place). */
static void
match_contains_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *text, *part;

	(void)argc;
	text = (const char *)sqlite3_value_text(argv[0]);
	part = (const char *)sqlite3_value_text(argv[1]);
	sqlite3_result_int(ctx, text != NULL && part != NULL && match_contains(text, part));
}

/* The byte of s (n bytes) at *i folded, and *i past what it stands for:
 * a Latin letter of U+00C0..U+017F (two bytes) as its base letter in
 * lower case, an ASCII letter in lower case, any other byte as it is (the
 * characters kept come out byte by byte, and a byte that is not UTF-8
 * stays as it is). */
static unsigned int
match_fold_byte(const unsigned char *s, size_t n, size_t *i)
{
	unsigned int c = s[*i];

	if (c >= 0xc3 && c <= 0xc5 && *i + 1 < n && (s[*i + 1] & 0xc0) == 0x80) {
		c = ((c & 0x1fu) << 6) | (s[*i + 1] & 0x3fu);
		if (match_latin[c - 0xc0] != '.') {
			*i += 2;
			return (unsigned char)match_latin[c - 0xc0] | 0x20;
		}
		c = s[*i];
	}
	(*i)++;
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

/* Text with case and accents folded, as the index folds them: the same
 * characters in the same order, whatever the locale. */
char *
match_fold_text(const char *s)
{
	size_t n = strlen(s), i = 0, o = 0;
	char *out = xmalloc(n + 1);

	while (i < n)
		out[o++] = (char)match_fold_byte((const unsigned char *)s, n, &i);
	out[o] = '\0';
	return out;
}

/* fold(text): text with case and accents folded; NULL for NULL. */
static void
match_fold_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *text = (const char *)sqlite3_value_text(argv[0]);

	(void)argc;
	if (text == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, match_fold_text(text), -1, free);
}

/* The collation fold: texts in the order of their folded forms (fold():
 * case and accents aside, "Émirats" beside "emirats", "ASML" after
 * "Apple"), those with the same folded form in the order of their bytes,
 * so that the order is total. */
static int
match_collate(void *arg, int n1, const void *p1, int n2, const void *p2)
{
	const unsigned char *a = p1, *b = p2;
	size_t i = 0, j = 0, la = (size_t)n1, lb = (size_t)n2;
	unsigned int x, y;
	int r;

	(void)arg;
	while (i < la && j < lb) {
		x = match_fold_byte(a, la, &i);
		y = match_fold_byte(b, lb, &j);
		if (x != y)
			return x < y ? -1 : 1;
	}
	if (i < la || j < lb)
		return i < la ? 1 : -1;
	if ((r = memcmp(a, b, (size_t)(n1 < n2 ? n1 : n2))) != 0)
		return r;
	return n1 < n2 ? -1 : n1 > n2;
}

/* Register contains_folded(), fold() and the collation fold. */
void
match_register(sqlite3 *db)
{
	sqlite3_create_collation_v2(db, MATCH_COLLATION, SQLITE_UTF8, NULL, match_collate, NULL);
	sqlite3_create_function(db, "contains_folded", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, match_contains_sql,
	    NULL, NULL);
	sqlite3_create_function(db, "fold", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, match_fold_sql, NULL, NULL);
}
