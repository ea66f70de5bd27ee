/* cmd_validate.c: `feedgen validate` — being written; until then it says so. */
#include <config.h>
#include <stdio.h>
#include "cmd_validate.h"

int cmd_validate(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "feedgen validate: not available in this build yet\n");
	return 2;
}
