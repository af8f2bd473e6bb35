/* Build tool: the manual's key section, from the explorer's binding table. */
#include "config.h"

#include <stdio.h>

#include "keys.h"

/* Write the key section in roff on standard output. */
int
main(void)
{
	keys_write_man(stdout);
	return fflush(stdout) == 0 ? 0 : 2;
}
