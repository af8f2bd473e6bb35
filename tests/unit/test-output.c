/* Unit tests of output.c: every format, byte for byte. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "output.h"
#include "text.h"
#include "tap.h"

#define I SQLITE_INTEGER
#define F SQLITE_FLOAT
#define T SQLITE_TEXT
#define B SQLITE_BLOB
#define N SQLITE_NULL

/* Write nrows rows of ncols values in fmt; return the bytes (to free). */
static char *
test_render(enum output_format fmt, int color, int width, int ncols,
    const char *const *names, int nrows, const struct output_value *rows)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct output *o;
	int r;

	if (fp == NULL)
		bail_out("open_memstream failed");
	o = output_open(fp, fmt, color, width);
	output_columns(o, ncols, names);
	for (r = 0; r < nrows; r++)
		output_row(o, rows + r * ncols);
	if (output_close(o) != 0)
		diag("output_close failed");
	fclose(fp);
	return buf;
}

/* Compare a rendering with the bytes expected, and free it. */
static void
test_is(char *got, const char *want, const char *what)
{
	is_str(got, want, "%s", what);
	free(got);
}

/* Run a query over an in-memory database in fmt; return the bytes. */
static char *
test_query(enum output_format fmt, const char *sql, long want_rows)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	struct output *o;

	if (fp == NULL || sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		bail_out("cannot prepare %s", sql);
	o = output_open(fp, fmt, 0, 0);
	is_int(output_statement(o, stmt), want_rows, "%s: rows", sql);
	sqlite3_finalize(stmt);	/* before close: the names must be copies */
	sqlite3_close(db);
	is_int(output_close(o), 0, "%s: close", sql);
	fclose(fp);
	return buf;
}

/* Format names. */
static void
test_parse(void)
{
	static const char *const names[] = { "table", "csv", "tsv", "json", "md" };
	enum output_format fmt;
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		fmt = OUTPUT_TABLE + 99;
		ok(output_format_parse(names[i], &fmt) == 0 &&
		    fmt == (enum output_format)i, "parse %s", names[i]);
	}
	ok(output_format_parse("xml", &fmt) == -1, "parse xml fails");
	ok(output_format_parse("", &fmt) == -1, "parse empty fails");
	ok(output_format_parse("tables", &fmt) == -1, "parse tables fails");
	is_str(output_format_names(), "table, csv, tsv, json, md", "names");
}

/* CSV quoting and TSV escaping. */
static void
test_delimited(void)
{
	static const char *const names[] = { "id", "te,xt" };
	static const struct output_value rows[] = {
		{ I, "1" }, { T, "plain" },
		{ I, "2" }, { T, "a,b" },
		{ I, "3" }, { T, "say \"hi\"" },
		{ I, "4" }, { T, "two\nlines\r" },
		{ I, "5" }, { T, " pad" },
		{ I, "6" }, { N, NULL },
		{ I, "7" }, { T, "tab\there back\\slash" },
	};

	test_is(test_render(OUTPUT_CSV, 0, 0, 2, names, 7, rows),
	    "id,\"te,xt\"\n"
	    "1,plain\n"
	    "2,\"a,b\"\n"
	    "3,\"say \"\"hi\"\"\"\n"
	    "4,\"two\nlines\r\"\n"
	    "5,\" pad\"\n"
	    "6,\n"
	    "7,tab\there back\\slash\n", "csv quoting");
	test_is(test_render(OUTPUT_TSV, 0, 0, 2, names, 7, rows),
	    "id\tte,xt\n"
	    "1\tplain\n"
	    "2\ta,b\n"
	    "3\tsay \"hi\"\n"
	    "4\ttwo\\nlines\\r\n"
	    "5\t pad\n"
	    "6\t\n"
	    "7\ttab\\there back\\\\slash\n", "tsv escaping");
}

/* JSON escaping, numbers, null and invalid UTF-8. */
static void
test_json(void)
{
	static const char *const names[] = { "s", "i", "f", "z", "b\"" };
	static const struct output_value rows[] = {
		{ T, "q\"b\\s" }, { I, "42" }, { F, "1.5" }, { N, NULL },
		{ B, "blob" },
		{ T, "\x01\n\r\t\b\f\x1f\x7f" }, { I, "-7" }, { F, "Inf" },
		{ N, NULL }, { T, "États €" },
		{ T, "bad\xff" "x\xc3(\xed\xa0\x80" }, { F, "-Inf" },
		{ F, "1.0e+20" }, { T, "12" }, { F, "NaN" },
	};

	test_is(test_render(OUTPUT_JSON, 0, 0, 5, names, 3, rows),
	    "[\n"
	    "{\"s\":\"q\\\"b\\\\s\",\"i\":42,\"f\":1.5,\"z\":null,"
	    "\"b\\\"\":\"blob\"},\n"
	    "{\"s\":\"\\u0001\\n\\r\\t\\b\\f\\u001f\\u007f\",\"i\":-7,"
	    "\"f\":null,\"z\":null,\"b\\\"\":\"États €\"},\n"
	    "{\"s\":\"bad\xef\xbf\xbdx\xef\xbf\xbd(\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\",\"i\":null,\"f\":1.0e+20,\"z\":\"12\","
	    "\"b\\\"\":null}\n"
	    "]\n", "json escaping and types");
}

/* The JSON string escaper on its own: UTF-8 kept or replaced. */
static void
test_json_string(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (fp == NULL)
		bail_out("open_memstream failed");
	output_json_string(fp, "\xf0\x9f\x98\x80 \xc0\xaf \xf4\x90\x80\x80 \xf0\x9f");
	fputc(' ', fp);
	output_json_string(fp, NULL);
	fclose(fp);
	is_str(buf, "\"\xf0\x9f\x98\x80 \xef\xbf\xbd\xef\xbf\xbd "
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd "
	    "\xef\xbf\xbd\xef\xbf\xbd\" null",
	    "json: emoji kept; overlong, too high, cut short replaced");
	free(buf);
}

/* Markdown escaping and numeric alignment. */
static void
test_md(void)
{
	static const char *const names[] = { "na|me", "n", "mixed" };
	static const struct output_value rows[] = {
		{ T, "a|b" }, { I, "1" }, { I, "1" },
		{ T, "x\ny\r\nz" }, { N, NULL }, { T, "one" },
		{ T, "back\\" }, { F, "2.5" }, { N, NULL },
	};

	test_is(test_render(OUTPUT_MD, 0, 0, 3, names, 3, rows),
	    "| na\\|me | n | mixed |\n"
	    "| --- | ---: | --- |\n"
	    "| a\\|b | 1 | 1 |\n"
	    "| x<br>y<br>z |  | one |\n"
	    "| back\\\\ | 2.5 |  |\n", "md escaping");
}

/* Table alignment in terminal columns. */
static void
test_table(void)
{
	static const char *const names[] = { "name", "n" };
	static const struct output_value rows[] = {
		{ T, "États" }, { I, "1" },
		{ T, "日本" }, { I, "22" },
		{ T, "e\xcc\x81t\xc3\xa9" }, { F, "3.5" },
		{ N, NULL }, { N, NULL },
	};
	static const char *const names2[] = { "n", "text" };
	static const struct output_value rows2[] = {
		{ T, "x" }, { T, "a\xff" "b" },
		{ T, "long text" }, { T, "t\tu\nv\x1b[2J" },
		{ I, "5" }, { T, "" },
	};

	test_is(test_render(OUTPUT_TABLE, 0, 0, 2, names, 4, rows),
	    "name     n\n"
	    "─────  ───\n"
	    "États    1\n"
	    "日本    22\n"
	    "e\xcc\x81té    3.5\n"
	    "\n", "table: accents, wide and combining characters");
	test_is(test_render(OUTPUT_TABLE, 1, 0, 2, names, 1, rows),
	    "\033[1mname   n\033[0m\n"
	    "─────  ─\n"
	    "États  1\n", "table: bold header");
	test_is(test_render(OUTPUT_TABLE, 0, 0, 2, names2, 3, rows2),
	    "n          text\n"
	    "─────────  ────────────\n"
	    "x          a\xef\xbf\xbd" "b\n"
	    "long text  t u v\\x1b[2J\n"
	    "        5\n", "table: invalid bytes, controls, no trailing space");
	is_int(text_width("abc"), 3, "width of ASCII");
	is_int(text_width("États"), 5, "width of accents");
	is_int(text_width("日本"), 4, "width of CJK");
	is_int(text_width("e\xcc\x81"), 1, "width of a combining mark");
	is_int(text_width("a\xff" "b"), 3, "width of an invalid byte");
}

/* Table width limit. */
static void
test_table_width(void)
{
	static const char *const names[] = { "id", "description" };
	static const struct output_value rows[] = {
		{ I, "1" }, { T, "a very long description that goes on" },
		{ I, "22" }, { T, "short" },
	};
	static const char *const names2[] = { "k", "description_long" };
	static const struct output_value rows2[] = {
		{ T, "x" }, { T, "some text here" },
	};
	static const char *const names3[] = { "k", "text" };
	static const struct output_value rows3[] = {
		{ T, "x" }, { T, "日本語テキスト" },
		{ T, "y" }, { T, "abcdefg" },
	};

	test_is(test_render(OUTPUT_TABLE, 0, 20, 2, names, 2, rows),
	    "id  description\n"
	    "──  ────────────────\n"
	    " 1  a very long des…\n"
	    "22  short\n", "table: cut to 20 columns");
	test_is(test_render(OUTPUT_TABLE, 0, 10, 2, names2, 1, rows2),
	    "k  descri…\n"
	    "─  ───────\n"
	    "x  some t…\n", "table: header cut, 10 columns");
	test_is(test_render(OUTPUT_TABLE, 0, 9, 2, names3, 2, rows3),
	    "k  text\n"
	    "─  ──────\n"
	    "x  日本…\n"
	    "y  abcde…\n", "table: wide characters cut, 9 columns");
	test_is(test_render(OUTPUT_TABLE, 0, 3, 2, names2, 1, rows2),
	    "k  descr…\n"
	    "─  ──────\n"
	    "x  some …\n", "table: never below 6 columns");
	test_is(test_render(OUTPUT_TABLE, 0, 80, 2, names, 2, rows),
	    "id  description\n"
	    "──  ────────────────────────────────────\n"
	    " 1  a very long description that goes on\n"
	    "22  short\n", "table: fits in 80 columns");
}

/* Write rows of the columns names in a table width columns wide, fitted
 * column by column as fit says, the columns list picks (NULL: all). */
static char *
test_fit(int width, const char *list, int ncols, const char *const *names, int nrows,
    const struct output_value *rows)
{
	static const struct output_fit fit[] = {
		{ "id", 0, 0 }, { "title", 0, 1 }, { "date", 1, 0 }, { "kind", 2, 0 },
		{ "country", 2, 0 }
	};
	char *buf = NULL, *cause = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct output *o;
	int r;

	if (fp == NULL)
		bail_out("open_memstream failed");
	o = output_open(fp, OUTPUT_TABLE, 0, width);
	output_set_fit(o, fit, (int)(sizeof fit / sizeof fit[0]));
	if (list != NULL && output_pick(o, list, ncols, names, &cause) != 0)
		bail_out("pick %s: %s", list, cause);
	output_columns(o, ncols, names);
	for (r = 0; r < nrows; r++)
		output_row(o, rows + r * ncols);
	output_close(o);
	fclose(fp);
	return buf;
}

/* Tables fitted column by column: columns left out, the lowest first and
 * named under the table; only titles cut, ids never. */
static void
test_table_fit(void)
{
	static const char *const names[] = { "id", "title", "kind", "date", "country", "extra" };
	static const struct output_value rows[] = {
		{ T, "a-long-identifier" }, { T, "A title of some length" }, { T, "grant" },
		{ T, "2025-02-10" }, { T, "FRA" }, { T, "x" },
	};
	char *cause = NULL;
	struct output *o;

	test_is(test_fit(80, NULL, 6, names, 1, rows),
	    "id                 title                   kind   date        country  extra\n"
	    "─────────────────  ──────────────────────  ─────  ──────────  ───────  ─────\n"
	    "a-long-identifier  A title of some length  grant  2025-02-10  FRA      x\n",
	    "fit: a table that fits is whole");
	test_is(test_fit(60, NULL, 6, names, 1, rows),
	    "id                 title                   kind   date\n"
	    "─────────────────  ──────────────────────  ─────  ──────────\n"
	    "a-long-identifier  A title of some length  grant  2025-02-10\n"
	    "Left out: country, extra (see --wide or --columns)\n",
	    "fit: a column the fit does not name, then the rightmost of the lowest rank");
	test_is(test_fit(47, NULL, 6, names, 1, rows),
	    "id                 title             date\n"
	    "─────────────────  ────────────────  ──────────\n"
	    "a-long-identifier  A title of some…  2025-02-10\n"
	    "Left out: kind, country, extra (see --wide or --columns)\n",
	    "fit: the title cut to 16 columns before the date is left out");
	test_is(test_fit(20, NULL, 6, names, 1, rows),
	    "id                 …\n"
	    "─────────────────  ─\n"
	    "a-long-identifier  …\n"
	    "Left out: kind, date, country, extra (see --wide or --columns)\n",
	    "fit: the id whole, the title cut, when they alone do not fit");
	test_is(test_fit(30, "extra,id,kind", 6, names, 1, rows),
	    "extra  id                 kind\n"
	    "─────  ─────────────────  ─────\n"
	    "x      a-long-identifier  grant\n",
	    "fit: the columns picked, in their order, none left out");
	o = output_open(stdout, OUTPUT_TABLE, 0, 0);
	is_int(output_pick(o, "id,nope", 6, names, &cause), -1, "pick: an unknown column");
	is_str(cause, "no column 'nope'; columns: id, title, kind, date, country, extra",
	    "pick: the message names the columns");
	free(cause);
	output_close(o);
}

/* Empty result sets. */
static void
test_empty(void)
{
	static const char *const names[] = { "id", "name" };

	test_is(test_render(OUTPUT_TABLE, 0, 0, 2, names, 0, NULL),
	    "id  name\n──  ────\n", "empty table");
	test_is(test_render(OUTPUT_CSV, 0, 0, 2, names, 0, NULL),
	    "id,name\n", "empty csv");
	test_is(test_render(OUTPUT_TSV, 0, 0, 2, names, 0, NULL),
	    "id\tname\n", "empty tsv");
	test_is(test_render(OUTPUT_JSON, 0, 0, 2, names, 0, NULL),
	    "[]\n", "empty json");
	test_is(test_render(OUTPUT_MD, 0, 0, 2, names, 0, NULL),
	    "| id | name |\n| --- | --- |\n", "empty md");
}

/* A non-UTF-8 locale: ASCII rule, ellipsis and replacement. */
static void
test_ascii_locale(void)
{
	static const char *const names[] = { "k", "text" };
	static const struct output_value rows[] = {
		{ T, "x" }, { T, "a\xff" "b" },
		{ T, "y" }, { T, "abcdefgh" },
		{ T, "z" }, { T, "d’Azur" },
		{ T, "w" }, { T, "€1bn" },
		{ T, "v" }, { T, "€10bn" },
	};

	if (setlocale(LC_ALL, "C") == NULL)
		bail_out("cannot set the C locale");
	test_is(test_render(OUTPUT_TABLE, 0, 9, 2, names, 5, rows),
	    "k  text\n"
	    "-  ------\n"
	    "x  a?b\n"
	    "y  abcde~\n"
	    "z  d'Azur\n"
	    "w  EUR1bn\n"
	    "v  EUR10~\n", "table in the C locale: transliterated, then measured and cut");
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		bail_out("cannot set the C.UTF-8 locale again");
}

/* output_statement over SQLite, and errors. */
static void
test_statement(void)
{
	static const char sql[] = "SELECT 1 AS n, 'x,y' AS s, NULL AS z";
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	struct output *o;

	test_is(test_query(OUTPUT_TABLE, sql, 1),
	    "n  s    z\n─  ───  ─\n1  x,y\n", "statement: table");
	test_is(test_query(OUTPUT_CSV, sql, 1),
	    "n,s,z\n1,\"x,y\",\n", "statement: csv");
	test_is(test_query(OUTPUT_TSV, sql, 1),
	    "n\ts\tz\n1\tx,y\t\n", "statement: tsv");
	test_is(test_query(OUTPUT_JSON, sql, 1),
	    "[\n{\"n\":1,\"s\":\"x,y\",\"z\":null}\n]\n", "statement: json");
	test_is(test_query(OUTPUT_MD, sql, 1),
	    "| n | s | z |\n| ---: | --- | --- |\n| 1 | x,y |  |\n",
	    "statement: md");
	test_is(test_query(OUTPUT_JSON,
	    "SELECT 1e20 AS big, 9e999 AS inf, x'41' AS b, 0.5 AS f", 1),
	    "[\n{\"big\":1.0e+20,\"inf\":null,\"b\":\"x'41'\",\"f\":0.5}\n]\n",
	    "statement: json floats and blob");
	test_is(test_query(OUTPUT_CSV,
	    "SELECT 1 AS n WHERE 0", 0), "n\n", "statement: no rows");

	fp = open_memstream(&buf, &len);
	if (fp == NULL || sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT abs(-9223372036854775807 - 1) AS x",
	    -1, &stmt, NULL) != SQLITE_OK)
		bail_out("cannot prepare the failing statement");
	o = output_open(fp, OUTPUT_CSV, 0, 0);
	is_int(output_statement(o, stmt), -1, "statement: error is -1");
	ok(strstr(sqlite3_errmsg(db), "overflow") != NULL,
	    "statement: error message kept (%s)", sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	output_close(o);
	fclose(fp);
	free(buf);
}

/* Run sql in fmt, on a terminal or not, and compare the bytes written,
 * NULs too, with the n bytes of want. */
static void
test_bytes(enum output_format fmt, int terminal, const char *sql, const char *want,
    size_t n, const char *what)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	struct output *o;

	if (fp == NULL || sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		bail_out("cannot prepare %s", sql);
	o = output_open(fp, fmt, 0, 0);
	output_set_terminal(o, terminal);
	output_statement(o, stmt);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	output_close(o);
	fclose(fp);
	ok(len == n && memcmp(buf, want, n) == 0, "%s", what);
	if (len != n || memcmp(buf, want, n) != 0)
		diag("got %zu bytes: %s", len, buf);
	free(buf);
}

/* Escape sequences, NULs and blobs from SQL: the formats meant for a
 * terminal spell control characters \x1b, CSV and TSV do on a terminal
 * only, JSON as JSON does; a text is whole past a NUL; a blob is hex. */
static void
test_controls(void)
{
	static const char sql[] = "SELECT 'a'||char(27)||']0;x'||char(7) AS \"t\"\"\", "
	    "'x'||char(0)||'y' AS nul, x'00ff41' AS b, 'c'||char(155) AS c1";
#define W(s) s, sizeof s - 1

	test_bytes(OUTPUT_TABLE, 1, sql, W(
	    "t\"             nul     b          c1\n"
	    "─────────────  ──────  ─────────  ───────\n"
	    "a\\x1b]0;x\\x07  x\\x00y  x'00ff41'  c\\u009b\n"),
	    "table: controls and NUL spelled, blob in hex");
	test_bytes(OUTPUT_MD, 0, sql, W(
	    "| t\" | nul | b | c1 |\n"
	    "| --- | --- | --- | --- |\n"
	    "| a\\x1b]0;x\\x07 | x\\x00y | x'00ff41' | c\\u009b |\n"),
	    "md: controls and NUL spelled, blob in hex");
	test_bytes(OUTPUT_JSON, 0, sql, W(
	    "[\n{\"t\\\"\":\"a\\u001b]0;x\\u0007\",\"nul\":\"x\\u0000y\","
	    "\"b\":\"x'00ff41'\",\"c1\":\"c\\u009b\"}\n]\n"),
	    "json: controls as \\u001b, the NUL too");
	test_bytes(OUTPUT_CSV, 0, sql, W(
	    "\"t\"\"\",nul,b,c1\n"
	    "a\x1b]0;x\x07,x\0y,x'00ff41',c\xc2\x9b\n"),
	    "csv piped: data as it is, the NUL too");
	test_bytes(OUTPUT_CSV, 1, sql, W(
	    "\"t\"\"\",nul,b,c1\n"
	    "a\\x1b]0;x\\x07,x\\x00y,x'00ff41',c\\u009b\n"),
	    "csv on a terminal: controls spelled");
	test_bytes(OUTPUT_TSV, 0, sql, W(
	    "t\"\tnul\tb\tc1\n"
	    "a\x1b]0;x\x07\tx\0y\tx'00ff41'\tc\xc2\x9b\n"),
	    "tsv piped: data as it is, the NUL too");
	test_bytes(OUTPUT_TSV, 1, "SELECT 'a'||char(27)||char(9)||'\\'||char(10)||'b' AS t", W(
	    "t\na\\x1b\\t\\\\\\nb\n"),
	    "tsv on a terminal: controls spelled, its own escapes kept");
	test_bytes(OUTPUT_CSV, 1, "SELECT '\"'||char(27)||'\"'||char(10) AS t", W(
	    "t\n\"\"\"\\x1b\"\"\n\"\n"),
	    "csv on a terminal: quoting kept, line breaks kept");
#undef W
}

/* Write one row of cells in fmt, raw or not; return the bytes (to free). */
static char *
test_formula_render(enum output_format fmt, int raw)
{
	static const char *const names[] = { "=name", "a", "b", "c", "d", "e", "f", "g", "h" };
	static const struct output_value row[] = {
		{ T, "=1+1" }, { I, "-5" }, { T, "-2.5e3" }, { T, "+33 1 23" }, { T, "@SUM(A1)" },
		{ T, "\tx" }, { T, "'quoted" }, { T, "a=b" }, { T, "-" }
	};
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct output *o;

	if (fp == NULL)
		bail_out("open_memstream failed");
	o = output_open(fp, fmt, 0, 0);
	output_set_raw(o, raw);
	output_columns(o, 9, names);
	output_row(o, row);
	output_close(o);
	fclose(fp);
	return buf;
}

/* Cells a spreadsheet would run as formulas get a ' in front, numbers do
 * not, and --csv-raw (raw) leaves them all. */
static void
test_formulas(void)
{
	test_is(test_formula_render(OUTPUT_CSV, 0),
	    "'=name,a,b,c,d,e,f,g,h\n"
	    "'=1+1,-5,-2.5e3,'+33 1 23,'@SUM(A1),'\tx,''quoted,a=b,'-\n",
	    "csv: formulas made inert, numbers kept, a leading ' doubled");
	test_is(test_formula_render(OUTPUT_TSV, 0),
	    "'=name\ta\tb\tc\td\te\tf\tg\th\n"
	    "'=1+1\t-5\t-2.5e3\t'+33 1 23\t'@SUM(A1)\t'\\tx\t''quoted\ta=b\t'-\n",
	    "tsv: formulas made inert");
	test_is(test_formula_render(OUTPUT_CSV, 1),
	    "=name,a,b,c,d,e,f,g,h\n"
	    "=1+1,-5,-2.5e3,+33 1 23,@SUM(A1),\"\tx\",'quoted,a=b,-\n",
	    "csv raw: cells as they are");
	test_is(test_formula_render(OUTPUT_JSON, 0),
	    "[\n{\"=name\":\"=1+1\",\"a\":-5,\"b\":\"-2.5e3\",\"c\":\"+33 1 23\","
	    "\"d\":\"@SUM(A1)\",\"e\":\"\\tx\",\"f\":\"'quoted\",\"g\":\"a=b\","
	    "\"h\":\"-\"}\n]\n",
	    "json: text as it is");
}

/* A write error is reported by output_close. */
static void
test_write_error(void)
{
	static const char *const names[] = { "a" };
	static const struct output_value row[] = { { T, "x" } };
	FILE *fp = fopen("/dev/full", "w");
	struct output *o;

	if (fp == NULL) {
		skip(1, "no /dev/full");
		return;
	}
	o = output_open(fp, OUTPUT_TABLE, 0, 0);
	output_columns(o, 1, names);
	output_row(o, row);
	is_int(output_close(o), -1, "write error reported");
	fclose(fp);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		bail_out("cannot set the C.UTF-8 locale");
	test_parse();
	test_delimited();
	test_json();
	test_json_string();
	test_md();
	test_table();
	test_table_width();
	test_table_fit();
	test_empty();
	test_ascii_locale();
	test_statement();
	test_write_error();
	test_formulas();
	test_controls();
	done_testing();
	return exit_status();
}
