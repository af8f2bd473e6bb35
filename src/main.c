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
	return cli_main(argc, argv, atlas_image, atlas_image_size);
}
