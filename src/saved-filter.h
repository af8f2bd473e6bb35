/* Saved filters: a list's filter kept under a name in the user database. */
#ifndef AIATLAS_SAVED_FILTER_H
#define AIATLAS_SAVED_FILTER_H

struct userdb;

/* Save a named filter of a list kind, replacing one of the same name. 0,
 * or -1 with *cause and the user database unchanged. */
int	 saved_filter_save(struct userdb *u, const char *name, const char *kind,
	     const char *expr, char **cause);
/* Read a named filter: 1 with its kind and expression (freed by the
 * caller), 0 if there is none, -1 with *cause. */
int	 saved_filter_load(struct userdb *u, const char *name, char **kind, char **expr,
	     char **cause);

#endif
