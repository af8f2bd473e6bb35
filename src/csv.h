/* RFC 4180 CSV reading, with the line each record starts on. */
#ifndef AIATLAS_CSV_H
#define AIATLAS_CSV_H

#include <stddef.h>

struct csv;

/* Read a whole file; NULL with *cause set if it cannot be read. */
struct csv	*csv_open(const char *path, char **cause);
/* Parse a buffer (copied); name is used in messages. */
struct csv	*csv_open_buffer(const char *name, const char *data, size_t size);
/* Read the next record. Returns 1 and sets *fields and *nfields (valid until
 * the next call), 0 at the end, -1 with *cause ("file:line: reason"). */
int		 csv_read(struct csv *c, char ***fields, size_t *nfields, char **cause);
/* The text read, after its byte-order mark if any, and its size. */
const char	*csv_text(const struct csv *c, size_t *size);
/* The line the last record read starts on (1-based). */
unsigned long	 csv_line(const struct csv *c);
void		 csv_close(struct csv *c);

#endif
