/* aiatlas: a terminal explorer of the AI-sovereignty landscape. */
#include "config.h"

#include <locale.h>
#include <stddef.h>

#include "cli.h"

extern const unsigned char atlas_image[];
extern const size_t atlas_image_size;

/* Run the command line over the bundled database. */
int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* Numbers are read and written by the program's own code (number.c),
	 * the same under every locale; nothing may follow LC_NUMERIC until
	 * French formatting is done there, deliberately. */
	setlocale(LC_NUMERIC, "C");
	return cli_main(argc, argv, atlas_image, atlas_image_size);
}
