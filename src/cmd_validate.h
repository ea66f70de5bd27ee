/* cmd_validate.h: `feedgen validate [options] FILE|URL|- ...` */
#ifndef FEEDGEN_CMD_VALIDATE_H
#define FEEDGEN_CMD_VALIDATE_H

/* argv[0] is "validate". Returns the exit status: 0 all valid, 1 some
 * document invalid, 2 usage or I/O errors. */
int cmd_validate(int argc, char **argv);

#endif
