/* The words of the data (kinds, statuses, roles, natures, domains...) as
 * people read them: public_body is "organisme public" in French. */
#ifndef AIATLAS_LABEL_H
#define AIATLAS_LABEL_H

#include <sqlite3.h>

/* The label of a data word in the reader's language; the word itself when
 * it has none (English labels are the words). */
const char	*label_of(const char *word);
/* The label of a record's field (a column of data/schema.sql) in the
 * reader's language: founded_on is "fondé le" in French; the name itself
 * in English or when it has none. */
const char	*label_field(const char *name);
/* Whether a field (kind, status, role...) takes its words from a closed
 * list, which people read as labels (kind:public_body, "organisme public"). */
int		 label_word_field(const char *name);
/* The data word that value names: the word (in any case, with spaces for
 * underscores) or its label in English or French (in any case, with or
 * without accents, with underscores for spaces); NULL if none. */
const char	*label_word(const char *value);
/* The words of phrase key ("since", "until", "by", "total") around value
 * in the language of the data: "since 1 Jan 1993", "depuis le ..."; value
 * alone for an unknown key. Freed by the caller. */
char		*label_phrase(const char *key, const char *value);
/* Register the SQL functions label(word), label_of(); date_text(iso),
 * number_date(); and phrase(key, value), label_phrase(); all NULL on
 * NULL. */
void		 label_register(sqlite3 *db);

#endif
