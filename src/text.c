/* Text in terminal columns: measuring, cutting and fitting UTF-8. */
#include "config.h"
#include "text.h"

#include <limits.h>
#include <string.h>
#include <wchar.h>

/* Take the characters of s while they fit in max columns. */
int
text_walk(const char *s, int max, const char *bad, text_put_fn put, void *arg)
{
	const char *out;
	size_t left = strlen(s), n;
	mbstate_t ps;
	wchar_t wc;
	int w, total = 0;

	memset(&ps, 0, sizeof ps);
	for (; left > 0; s += n, left -= n) {
		n = mbrtowc(&wc, s, left, &ps);
		out = s;
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&ps, 0, sizeof ps);
			n = w = 1;
			out = bad;
		} else if (wcschr(L" \t\n\r", wc) != NULL) {
			w = 1;
			out = " ";
		} else if ((w = wcwidth(wc)) < 0) {
			w = 1;
			out = bad;
		}
		if (total + w > max)
			break;
		if (put != NULL)
			put(arg, out, out == s ? n : strlen(out));
		total += w;
	}
	return total;
}

/* Display width of a UTF-8 string in terminal columns. */
int
text_width(const char *s)
{
	return text_walk(s, INT_MAX, "?", NULL, NULL);
}

/* The column, in characters from 1, of a byte offset: a continuation
 * byte of UTF-8 starts no character. */
int
text_column(const char *s, size_t offset)
{
	size_t i;
	int col = 1;

	for (i = 0; i < offset && s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			col++;
	}
	return col;
}

/* Shrink the widest columns until they fit. */
void
text_fit(int n, int *cw, const int *min, int width, int gap)
{
	int i, best, total = gap * (n > 0 ? n - 1 : 0);

	for (i = 0; i < n; i++)
		total += cw[i];
	while (total > width) {
		best = -1;
		for (i = 0; i < n; i++) {
			if (cw[i] > min[i] && (best == -1 || cw[i] > cw[best]))
				best = i;
		}
		if (best == -1)
			break;
		cw[best]--;
		total--;
	}
}
