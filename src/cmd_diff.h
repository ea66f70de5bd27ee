/* cmd_diff.h: `feedgen diff [OPTION]... OLD NEW` */
#ifndef FEEDGEN_CMD_DIFF_H
#define FEEDGEN_CMD_DIFF_H

/* argv[0] is "diff". Returns the exit status: 0 no entry re-identified, 1
 * some entry re-identified, 2 usage or read errors. */
int cmd_diff(int argc, char **argv);

#endif
