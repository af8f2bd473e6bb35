/* One record written out in any format, for show and the explorer's copy. */
#ifndef AIATLAS_RECORD_WRITE_H
#define AIATLAS_RECORD_WRITE_H

#include <stdio.h>

#include "output.h"

struct record;

/* Write record r to fp in fmt: for people (the table, in colour if color,
 * wrapped at width columns, 0: not wrapped; Markdown), as a JSON document,
 * or for csv and tsv as rows of section, key, value and detail to rows, an
 * output opened on fp in that format with no columns yet (NULL for the
 * other formats). Write errors stay on fp (or rows) for the caller. */
void	 record_write(FILE *fp, struct output *rows, const struct record *r,
	     enum output_format fmt, int color, int width);

#endif
