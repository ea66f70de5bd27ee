/* jsonfeed.h: the JSON Feed 1.1 writer (https://jsonfeed.org/version/1.1),
 * from the same article model as atom.c and rss.c.
 *
 * Ownership: jsonfeed_write() builds the whole document as a jansson tree,
 * writes it into out and frees the tree before it returns; out stays the
 * caller's (feed_write_shared() closes it). Nothing is kept between calls. */
#ifndef FEEDGEN_JSONFEED_H
#define FEEDGEN_JSONFEED_H

#include "feeds/feed.h"

#define JSONFEED_VERSION_1 "https://jsonfeed.org/version/1"
#define JSONFEED_VERSION_1_1 "https://jsonfeed.org/version/1.1"

/* Writes feed as a JSON Feed 1.1 document (UTF-8, two-space indent, keys in
 * a fixed order, a final newline). Returns 0, or -1 when a write into out
 * failed or a string was not valid UTF-8 (which the loader never lets
 * through). */
int jsonfeed_write(xmlOutputBufferPtr out, const struct site *site, const struct feed *feed,
		   const struct write_options *opt, const struct write_shared *sh,
		   struct diag_sink *diag);

#endif
