/* discover.h: the feeds an HTML page links to, as browsers and the W3C
 * Feed Validation Service find them: <link rel="alternate"> with a feed's
 * media type, or rel="feed" (HTML's "a syndication feed"), anywhere in the
 * page, each href resolved against the page's URL and its <base href>.
 *
 * A link typed application/rss+xml, application/atom+xml (or the older
 * application/x.atom+xml, application/x-atom+xml) or application/feed+json
 * names a feed. One typed application/json, application/rdf+xml, text/xml or
 * application/xml, or rel="feed" with any type, may name one (JSON Feed 1.0
 * used application/json; WordPress links its REST API with it on every page):
 * such a link is marked maybe, and checked only when what it names is a feed.
 *
 * Ownership: a struct feed_links owns its links and their strings;
 * feed_links_free() releases them. Nothing keeps a pointer to the page. */
#ifndef FEEDGEN_VALIDATE_DISCOVER_H
#define FEEDGEN_VALIDATE_DISCOVER_H

#include <stdbool.h>
#include <stddef.h>

/* The most feeds of one page that are checked. */
#define DISCOVER_MAX 16

struct feed_link {
	char *url;		/* absolute (resolved); the same URL is listed once */
	char *type;		/* the type attribute as written, "" when none */
	unsigned long line;	/* of the <link> in the page; 0 when unknown */
	bool maybe;		/* a generic type: check only if it is a feed */
};

struct feed_links {
	struct feed_link *v;
	size_t n;		/* kept: at most the max given */
	size_t found;		/* all the page has, after duplicates */
};

/* Parses html[0..len) with libxml2's HTML parser (nothing loaded from the
 * network) and lists its feed links into *out (which it initialises), the
 * first max of them in document order. page_url must be absolute: it is the
 * base, unless the page has a <base href>. */
void discover_feeds(const char *html, size_t len, const char *page_url, size_t max,
		    struct feed_links *out);
void feed_links_free(struct feed_links *l);

#endif
