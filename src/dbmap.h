/* Reading a database file through a memory map, and what happens when a
 * page of it cannot be read. */
#ifndef AIATLAS_DBMAP_H
#define AIATLAS_DBMAP_H

#include <sqlite3.h>

/* Read schema of db, the database file path, through a memory map: a
 * command that reads most of its pages then copies none of them. A page
 * the map cannot give (the file cut short by another program, a failing
 * disk) ends the program with a message naming path (and the other file
 * mapped, if any: two at most), exit status 2, and the temporary output
 * file (dbmap_output()) removed. */
void	dbmap_open(sqlite3 *db, const char *schema, const char *path);
/* The temporary file the output is written to (NULL: none), removed if
 * the program ends so. */
void	dbmap_output(const char *tmp);

#endif
