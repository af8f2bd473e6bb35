/* The explorer's keys from the terminal. A key is a character, as its
 * Unicode code point, or a curses key code. In a locale whose character
 * set is ASCII (C, POSIX: a server's default over SSH), curses cannot make
 * a character of a byte past 127, and stops taking what follows it; the
 * terminal most likely writes UTF-8, so those bytes are read one by one
 * and taken as UTF-8, a byte that starts no character of it as Latin-1. */
#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <string.h>

#include "explorer-int.h"
#include "text.h"

/* Whether the locale's character set is ASCII, where get_wch() takes no
 * byte past 127. */
static int
explorer_input_ascii(void)
{
	const char *cs = nl_langinfo(CODESET);

	return strcmp(cs, "ANSI_X3.4-1968") == 0 || strcmp(cs, "ASCII") == 0 ||
	    strcmp(cs, "US-ASCII") == 0;
}

/* A character whose first byte, lead, was read: the rest of it, as
 * UTF-8. Bytes that do not follow as UTF-8 are given back for the next
 * keys, and lead is then taken as Latin-1. */
static keys_key
explorer_input_utf8(int lead)
{
	char buf[5] = { (char)lead };
	int more[3], n, i, c;
	unsigned long code;

	if ((n = (int)text_utf8_lead((unsigned char)lead)) == 0)
		return (keys_key)lead;
	for (i = 1; i < n; i++) {
		/* The bytes of a character come together: a pause ends it. */
		if ((c = getch()) == ERR)
			break;
		more[i - 1] = c;
		buf[i] = (char)c;
		if (c < 0x80 || c > 0xbf) {
			i++;
			break;
		}
	}
	if (i == n && text_utf8_get(buf, &code) == (size_t)n)
		return (keys_key)code;
	/* Given back last first: curses returns the last given back first. */
	while (--i > 0)
		ungetch(more[i - 1]);
	return (keys_key)lead;
}

/* Read the next key (see explorer-int.h). */
int
explorer_read_key(keys_key *key)
{
	static int ascii = -1;
	wint_t wc;
	int r;

	if (ascii < 0)
		ascii = explorer_input_ascii();
	if (!ascii) {
		if ((r = get_wch(&wc)) == ERR)
			return -1;
		*key = r == KEY_CODE_YES ? KEYS_CODE((int)wc) : (keys_key)wc;
		return 0;
	}
	if ((r = getch()) == ERR)
		return -1;
	*key = r >= KEY_MIN ? KEYS_CODE(r) : r < 0x80 ? (keys_key)r : explorer_input_utf8(r);
	return 0;
}
