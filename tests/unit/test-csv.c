/* Unit tests of the CSV reader: RFC 4180 records, lines, and bad input. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "tap.h"

/* Parse text and join every record as "a|b;c|d;" (or the error). */
static char *
parse(const char *text, size_t size)
{
	struct csv *c = csv_open_buffer("t.csv", text, size);
	char **fields, *cause = NULL, *out = calloc(1, 4096);
	size_t n, i;
	int r;

	while ((r = csv_read(c, &fields, &n, &cause)) == 1) {
		for (i = 0; i < n; i++) {
			strcat(out, fields[i]);
			strcat(out, i + 1 < n ? "|" : ";");
		}
	}
	if (r < 0) {
		strcat(out, "ERROR ");
		strcat(out, cause);
		free(cause);
	}
	csv_close(c);
	return out;
}

/* Check one input's parse. */
static void
check(const char *text, const char *want, const char *what)
{
	char *got = parse(text, strlen(text));

	is_str(got, want, "%s", what);
	free(got);
}

int
main(void)
{
	struct csv *c;
	char **fields, *cause = NULL;
	size_t n;

	check("a,b\nc,d\n", "a|b;c|d;", "plain records");
	check("a,b\nc,d", "a|b;c|d;", "no newline at the end");
	check("a,b\r\nc,d\r\n", "a|b;c|d;", "CRLF line ends");
	check("\xef\xbb\xbf" "a,b\n", "a|b;", "a byte-order mark is skipped");
	check("\"a,b\",c\n", "a,b|c;", "a quoted comma");
	check("\"say \"\"hi\"\"\",x\n", "say \"hi\"|x;", "doubled quotes");
	check("\"two\nlines\",x\n", "two\nlines|x;", "a newline inside quotes");
	check(",\n", "|;", "empty fields");
	check("\"\",x\n", "|x;", "an empty quoted field");
	check("États,€\n", "États|€;", "UTF-8 text");
	check("a\n\nb\n", "a;;b;", "a blank line is an empty record");
	check("\"open,x\n", "ERROR t.csv:1: a quoted field is not closed",
	    "an unclosed quote names its line");
	check("a,b\nx\"y,z\n", "a|b;ERROR t.csv:2: a quote inside an unquoted field "
	    "(quote the whole field and double the quote)", "a stray quote");
	check("\"a\"b,c\n", "ERROR t.csv:1: text after the closing quote of a field",
	    "text after a closing quote");
	check("ok\n\xff\n", "ok;ERROR t.csv:2: invalid UTF-8 (byte 0xff)", "invalid UTF-8");
	check("ok\n\xc3\n", "ok;ERROR t.csv:2: invalid UTF-8 (byte 0xc3)", "truncated UTF-8");
	check("\xed\xa0\x80\n", "ERROR t.csv:1: invalid UTF-8 (byte 0xed)",
	    "a UTF-16 surrogate is not UTF-8");

	{
		char *got = parse("a\0b\n", 4);
		is_str(got, "ERROR t.csv:1: a NUL byte: not a text file", "a NUL byte");
		free(got);
	}

	c = csv_open_buffer("t.csv", "h\n\"x\ny\"\nz\n", 10);
	csv_read(c, &fields, &n, &cause);
	is_int(csv_line(c), 1, "the header is on line 1");
	csv_read(c, &fields, &n, &cause);
	is_int(csv_line(c), 2, "a two-line record starts on line 2");
	csv_read(c, &fields, &n, &cause);
	is_int(csv_line(c), 4, "the next record starts on line 4");
	is_int(csv_read(c, &fields, &n, &cause), 0, "then the end");
	csv_close(c);

	ok(csv_open("/nonexistent/x.csv", &cause) == NULL &&
	    strcmp(cause, "/nonexistent/x.csv: cannot open: No such file or directory") == 0,
	    "a missing file is named");
	free(cause);

	done_testing();
	return exit_status();
}
