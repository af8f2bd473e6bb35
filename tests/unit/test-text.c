/* Unit tests of text.c and translit.c: text as a terminal shows it, in
 * UTF-8 and, transliterated as iconv //TRANSLIT does, outside it. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "text.h"
#include "xmalloc.h"

/* Append one character's bytes to a growing string (text_walk's put). */
static void
test_put(void *arg, const char *bytes, size_t n)
{
	char **out = arg, *t;

	t = xasprintf("%s%.*s", *out, (int)n, bytes);
	free(*out);
	*out = t;
}

/* What text_walk shows of s in max columns, and check its width. */
static void
walk_is(const char *s, int max, const char *want, const char *what)
{
	char *out = xstrdup("");
	int w;

	w = text_walk(s, max, "?", test_put, &out);
	is_str(out, want, "%s", what);
	is_int(w, (int)strlen(want), "%s: its width", what);
	free(out);
}

/* Set the whole locale, or stop. */
static void
test_locale(const char *name)
{
	if (setlocale(LC_ALL, name) == NULL)
		bail_out("cannot set the %s locale", name);
}

/* In UTF-8, text is shown as it is. */
static void
test_utf8(void)
{
	test_locale("C.UTF-8");
	is_int(text_width("Côte d’Azur"), 11, "UTF-8: Côte d’Azur is 11 columns");
	is_int(text_width("日本"), 4, "UTF-8: wide characters take two columns");
	is_int((int)text_span("Côte d’Azur", 4), 5, "UTF-8: 4 columns of Côte are 5 bytes");
	is_int(text_width("a\xff" "b"), 3, "UTF-8: an invalid byte takes a column");
	walk_is("a\x1b]0;x\x07" "b\x7f", 100, "a\\x1b]0;x\\x07" "b\\x7f",
	    "UTF-8: control characters spelled, so none reaches the terminal");
	walk_is("c\xc2\x9b" "1m", 100, "c\\u009b" "1m", "UTF-8: a C1 control spelled");
	walk_is("a\x1b" "b", 4, "a", "UTF-8: a spelled control that does not fit stays whole");
	walk_is("t\tu\nv", 100, "t u v", "UTF-8: tabs and line breaks as spaces");
}

/* Write n bytes of s with text_escape, keeping keep; compare with want. */
static void
escape_is(const char *s, size_t n, const char *keep, const char *want, const char *what)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (fp == NULL)
		bail_out("open_memstream failed");
	text_escape(fp, s, n, keep);
	fclose(fp);
	is_str(buf, want, "%s", what);
	free(buf);
}

/* Data and messages for a terminal: each control character spelled. */
static void
test_escape(void)
{
	escape_is("x\0y\x1b[2J\a", 8, "", "x\\x00y\\x1b[2J\\x07", "escape: NUL, ESC, BEL");
	escape_is("a\tb\nc", 5, "\t", "a\tb\\x0ac", "escape: a tab kept, a line break not");
	escape_is("é€\xc2\x85\xff\xc3", 9, "", "é€\\u0085\\xff\\xc3",
	    "escape: UTF-8 kept, C1 and invalid bytes spelled");
}

/* Write c with text_utf8_put(); compare with want (NULL: refused), and
 * read it back with text_utf8_get(). */
static void
put_is(unsigned long c, const char *want, const char *what)
{
	char buf[8] = { 0 };
	size_t n = text_utf8_put(c, buf);
	unsigned long back = 0;

	if (want == NULL) {
		is_int((long long)n, 0, "%s", what);
		return;
	}
	is_str(buf, want, "%s", what);
	is_int((long long)text_utf8_get(buf, &back), (long long)strlen(want), "%s: read back whole",
	    what);
	is_int((long long)back, (long long)c, "%s: read back as the same character", what);
}

/* A character as its UTF-8 bytes and back, whatever the locale. */
static void
test_utf8_bytes(void)
{
	unsigned long c;

	put_is('k', "k", "put: ASCII, one byte");
	put_is(0xe9, "é", "put: é, two bytes");
	put_is(0x20ac, "€", "put: the euro sign, three bytes");
	put_is(0x1f1eb, "\xf0\x9f\x87\xab", "put: a regional indicator, four bytes");
	put_is(0xd800, NULL, "put: a surrogate is refused");
	put_is(0x110000, NULL, "put: past U+10FFFF is refused");
	is_int((long long)text_utf8_get("\xe9t", &c), 0, "get: a Latin-1 byte is not UTF-8");
	is_int((long long)text_utf8_get("\xc0\xa9", &c), 0, "get: an overlong sequence is refused");
}

/* Outside UTF-8, each character the locale lacks is spelled in ASCII. */
static void
test_ascii(void)
{
	test_locale("C");
	walk_is("3IA Côte d’Azur", 100, "3IA Cote d'Azur", "C: accents and quotes as iconv spells them");
	walk_is("€50bn", 100, "EUR50bn", "C: the euro sign");
	walk_is("Zürich, Œuvre, straße", 100, "Zurich, OEuvre, strasse", "C: letters spelled out");
	walk_is("▸ ✓ ● ◐ ○ ⚑ ≥ ≤ ×", 100, "> * * + o ! >= <= x", "C: the explorer's symbols");
	walk_is("a · b … c", 100, "a - b ... c", "C: separators and ellipses");
	walk_is("日本", 100, "??", "C: one ? per character with no spelling");
	walk_is("a\xff" "b\xe2\x82", 100, "a?b??", "C: one ? per invalid byte");
	walk_is("tab\there", 100, "tab here", "C: a tab is a space");
	walk_is("the €2bn trust", 6, "the ", "C: a spelling that does not fit stays whole");
	is_int(text_width("Côte d’Azur"), 11, "C: Cote d'Azur is 11 columns");
	is_int(text_width("€2bn"), 6, "C: EUR2bn is 6 columns");
	is_int((int)text_span("d’Azur", 2), 4, "C: 2 columns of d'Azur are 4 bytes");
	is_int((int)text_span("€2bn", 2), 0, "C: no part of EUR is taken");
	is_str(setlocale(LC_CTYPE, NULL), "C", "C: the program's locale is left as it was");
	is_str(nl_langinfo(CODESET), "ANSI_X3.4-1968", "C: and so is its character set");
}

int
main(void)
{
	test_utf8();
	test_ascii();
	test_utf8();
	test_escape();
	test_utf8_bytes();
	return exit_status();
}
