/* rss.h: the RSS 2.0 writer (RSS 2.0.11, https://www.rssboard.org/rss-specification),
 * over the same article model as atom.h. */
#ifndef FEEDGEN_RSS_H
#define FEEDGEN_RSS_H

#include "feeds/feed.h"

/* The channel of one feed: title, link, description, language, lastBuildDate,
 * generator, docs, atom:link rel="self" (and rel="hub"), image; an item per
 * post. Returns 0, or -1 after a report. */
int rss_write(xmlTextWriterPtr w, const struct site *site, const struct feed *feed,
	      const struct write_options *opt, const struct write_shared *sh,
	      struct diag_sink *diag);

/* The media type of an enclosure from its URL's extension, for enclosures
 * whose front matter gives none ("application/octet-stream" when unknown). */
const char *rss_guess_media_type(const char *url);

#endif
