/* Finding searched words in text, as the full-text index does: case and
 * accents aside, words matched as prefixes. For highlighting, and for
 * filters that name a part of a text (place:saclay). */
#ifndef AIATLAS_MATCH_H
#define AIATLAS_MATCH_H

#include <stddef.h>
#include <sqlite3.h>

/* Split what a person searched for into words (NULL-terminated, freed
 * with match_free_words()). */
char	**match_words(const char *query);
void	  match_free_words(char **words);
/* Find the first word of words starting in text at or after byte from: 1
 * and its byte range [*start, *end), or 0. */
int	  match_find(const char *text, char *const *words, size_t from, size_t *start,
	      size_t *end);
/* Whether part occurs anywhere in text, case and accents aside. */
int	  match_contains(const char *text, const char *part);
/* Text with case and accents folded as the full-text index folds them
 * (É is e, ç is c), one character for one, whatever the locale; freed by
 * the caller. */
char	 *match_fold_text(const char *s);
/* The collation that orders names as people read them: by their folded
 * forms (match_fold_text()), then by their bytes. The schema's indexes of
 * names are made with it (data/schema.sql), so a connection that writes
 * those tables needs it. */
#define MATCH_COLLATION "fold"
/* Register the SQL functions contains_folded(text, part) and fold(text)
 * (match_fold_text() for SQL), and the collation MATCH_COLLATION, on db. */
void	  match_register(sqlite3 *db);

#endif
