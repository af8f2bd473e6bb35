/* Text in terminal columns: measuring, cutting and fitting UTF-8. */
#ifndef AIATLAS_TEXT_H
#define AIATLAS_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Receives the bytes of one character as text_walk() takes it. */
typedef void (*text_put_fn)(void *arg, const char *bytes, size_t n);

/* Take the characters of s while they fit in max columns, giving each to
 * put (when not NULL): line breaks and tabs as a space, other control
 * characters spelled as \x1b (C1 ones as \u009b) so no escape sequence
 * reaches a terminal, invalid bytes as bad, and outside UTF-8 locales each
 * other character as translit_char() spells it in the locale's character
 * set. Returns the columns taken. */
int	 text_walk(const char *s, int max, const char *bad, text_put_fn put, void *arg);
/* Write n bytes of s (NULs too) to fp as they are, but every control
 * character not in keep and every byte that is not UTF-8 spelled as an
 * escape: \x1b, \u009b, \xff. For data and messages on a terminal. */
void	 text_escape(FILE *fp, const char *s, size_t n, const char *keep);
/* The same for a message, in the locale's characters (translit.c). */
void	 text_escape_local(FILE *fp, const char *s, size_t n);
/* Write s to fp as text_walk() shows it on a terminal, line breaks kept:
 * for text written to a terminal outside the explorer. */
void	 text_print(FILE *fp, const char *s);
/* The bytes of s whose characters, as text_walk() shows them, fit in max
 * columns. */
size_t	 text_span(const char *s, int max);
/* The bytes of the UTF-8 character that starts with byte lead, or 0 if
 * no character starts with it. */
size_t	 text_utf8_lead(unsigned char lead);
/* The length of the valid UTF-8 sequence s starts with, or 0 if invalid. */
size_t	 text_utf8_length(const char *s);
/* The character the valid UTF-8 sequence s starts with, in *c; its
 * length, or 0 if s does not start with one (text_utf8_length()). */
size_t	 text_utf8_get(const char *s, unsigned long *c);
/* Write character c in UTF-8 to out (4 bytes at most, no NUL); its
 * length, or 0 for a surrogate or past U+10FFFF. */
size_t	 text_utf8_put(unsigned long c, char *out);
/* Display width of a UTF-8 string in terminal columns, as text_walk()
 * shows it. */
int	 text_width(const char *s);
/* The bytes printf's %-*s needs to pad s to cols columns: printf("%-*s",
 * text_pad(s, 20), s) takes 20 columns, accents or not. */
int	 text_pad(const char *s, int cols);
/* The column, counted in characters from 1, of byte offset in s. */
int	 text_column(const char *s, size_t offset);
/* The edit distance between a and b, letters compared without case. */
int	 text_distance(const char *a, const char *b);
/* Shrink the widest of n column widths cw, never below min, until they
 * and the gaps between them fit in width. */
void	 text_fit(int n, int *cw, const int *min, int width, int gap);

/* A piece of wrapped text for text_wrap() to give. */
typedef void (*text_wrap_fn)(void *arg, const char *piece);
/* Give text to put wrapped at spaces to width columns from column indent
 * on (none when width <= 0): words, spaces, and line breaks with indent
 * spaces after them. */
void	 text_wrap(const char *text, int indent, int width, text_wrap_fn put, void *arg);

#endif
