/* The rules of the schema (the names of its CHECK constraints, "field:
 * rule") in the reader's language. */
#ifndef AIATLAS_RULES_H
#define AIATLAS_RULES_H

/* A rule of the schema as the reader reads it ("one of a, b" -> "l’une des
 * valeurs a, b"), freed by the caller; NULL if the schema has no such rule. */
char	*rules_text(const char *rule);
/* A broken rule as SQLite names it ("field: rule") in the reader's
 * language, freed by the caller: the name itself if its rule is unknown. */
char	*rules_explain(const char *name);

#endif
