/* cmd_ping.h: `feedgen ping [OPTION]... DIR|FEED-URL...` */
#ifndef FEEDGEN_CMD_PING_H
#define FEEDGEN_CMD_PING_H

/* argv[0] is "ping". Returns the exit status: 0 every hub took every
 * notification (or there was none to send), 1 some hub failed or a feed
 * could not be fetched (the others were still notified), 2 usage errors, or
 * nothing to go by: no feed, no site url, no hub. */
int cmd_ping(int argc, char **argv);

#endif
