/* The user's own database: what they keep between runs (saved filters). */
#ifndef AIATLAS_USERDB_H
#define AIATLAS_USERDB_H

/* Where the user database is by default: $XDG_DATA_HOME/aiatlas/user.db,
 * or ~/.local/share/aiatlas/user.db; NULL with *why if neither can be
 * known. */
char	*userdb_default_path(const char **why);
/* Save a named filter of a list kind, replacing one of the same name; the
 * file and its directory are made if needed. 0, or -1 with *cause and the
 * database unchanged. */
int	 userdb_save_filter(const char *path, const char *name, const char *kind,
	     const char *expr, char **cause);
/* Read a named filter: 1 with its kind and expression (freed by the
 * caller), 0 if there is none, -1 with *cause. */
int	 userdb_load_filter(const char *path, const char *name, char **kind, char **expr,
	     char **cause);

#endif
