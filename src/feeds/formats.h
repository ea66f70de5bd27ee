/* formats.h: the formats feedgen writes, as a table, and writing one feed
 * through a row of it into an output buffer.
 *
 * Ownership: the table is static. The writers take the output buffer they are
 * given and close it. */
#ifndef FEEDGEN_FEEDS_FORMATS_H
#define FEEDGEN_FEEDS_FORMATS_H

#include "feeds/feed.h"

/* The formats, ending with a row of NULLs. */
extern const struct format feed_formats[];
const struct format *feed_format_find(const char *name);

/* Write one feed through fmt into the output buffer (which the writer takes).
 * Returns 0, or -1 when the writer (XML or bytes) failed: the caller reports
 * it, since only it knows why (its output's errno, see output.h).
 * feed_write() makes the site's links and a render cache for this feed alone;
 * feed_write_shared() uses those of the run. */
int feed_write(const struct format *fmt, xmlOutputBufferPtr out, const struct site *site,
	       const struct feed *feed, const struct write_options *opt, struct diag_sink *diag);
int feed_write_shared(const struct format *fmt, xmlOutputBufferPtr out, const struct site *site,
		      const struct feed *feed, const struct write_options *opt,
		      const struct write_shared *sh, struct diag_sink *diag);

#endif
