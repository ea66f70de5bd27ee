/* opml.h: discovery — telling readers and pages which feeds a site has.
 *
 *   feeds.opml   an OPML 2.0 subscription list of every feed of a feed set
 *                (feedgen -o writes it into the output folder), grouped by
 *                format, so a reader can subscribe to all of them at once
 *   link tags    <link type=… rel="alternate" href=… title=… />, one per feed,
 *                as jekyll-feed's {% feed_meta %} prints for a page's <head>
 *
 * The OPML is written with libxml2's xmlTextWriter; the link tags' attribute
 * values are escaped with libxml2's xmlEncodeSpecialChars (a writer would
 * turn every non-ASCII character into a reference when it writes no XML
 * declaration). Same feed set, same bytes: the only date in the OPML is the
 * newest post's, never the time of the run.
 *
 * Ownership: nothing here keeps a pointer to its arguments. opml_link_tags()
 * returns a new string the caller frees. */
#ifndef FEEDGEN_OPML_H
#define FEEDGEN_OPML_H

#include <stdbool.h>
#include <libxml/xmlIO.h>

#include "base/diag.h"
#include "feeds/sitefeeds.h"
#include "model/site.h"

/* The file name of the subscription list, relative to the output folder. */
#define OPML_FILE "feeds.opml"

/* Write the OPML document for set into out (which the writer takes and
 * closes). home is the site's home page URL. Returns 0, or -1 when the XML
 * writer failed (the caller knows why: its output's errno). */
int opml_write(xmlOutputBufferPtr out, const struct feed_set *set, const struct site *site,
	       const char *home);

/* Write outdir/feeds.opml atomically (output.h): replaced only when its bytes
 * change (*changed says whether they did). -1 after a report on failure, the
 * old file left as it was. */
int opml_write_file(const struct feed_set *set, const char *outdir, const struct site *site,
		    const char *home, bool *changed, struct diag_sink *diag);

/* One line "<link type=… rel="alternate" href=… title=… />\n" per feed of
 * the set, in the set's order; the site feed of a site without a title has
 * no title attribute, as in jekyll-feed. A new string. */
char *opml_link_tags(const struct feed_set *set, const struct site *site);

#endif
