/* Fuzzing the CSV reader: any bytes are read to their end or to a
 * message, with the lines of records never going back. */
#include "config.h"

#include "csv.h"
#include "../unit/tap.h"
#include "fuzz.h"

/* Read every record of the input and touch every field. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv *c = csv_open_buffer("fuzz.csv", (const char *)data, size);
	char **fields, *cause = NULL;
	size_t nfields, i, total = 0;
	unsigned long line = 0;
	int r;

	while ((r = csv_read(c, &fields, &nfields, &cause)) == 1) {
		if (nfields == 0)
			fuzz_wrong("a record without a field");
		for (i = 0; i < nfields; i++)
			total += strlen(fields[i]);
		if (csv_line(c) < line || csv_line(c) == 0)
			fuzz_wrong("the line of a record went back");
		line = csv_line(c);
	}
	if (r < 0 && (cause == NULL || *cause == '\0'))
		fuzz_wrong("an error without a message");
	if (total > size)
		fuzz_wrong("fields of %zu bytes from %zu bytes", total, size);
	free(cause);
	csv_close(c);
	return 0;
}
