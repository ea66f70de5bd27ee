/* sniff.h: what a document is, from its first bytes — a feed (RSS, Atom,
 * RDF, OPML, JSON Feed), an HTML page or something else — so that
 * `feedgen validate DIR` checks every feed of a folder whatever its name, and
 * `feedgen validate URL` tells a page that links to feeds from a feed.
 *
 * Only the start of a document is looked at: XML up to its root element's
 * start tag (after a byte order mark, the XML declaration, comments,
 * processing instructions and a doctype, in any encoding libxml2 reads), a
 * JSON text for its jsonfeed.org version. Nothing here validates.
 *
 * Ownership: nothing is kept; the bytes stay the caller's. */
#ifndef FEEDGEN_VALIDATE_SNIFF_H
#define FEEDGEN_VALIDATE_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

/* How many first bytes of a file sniff_document() wants: a root element
 * later than this (after a long doctype or comments) is not looked for. */
#define SNIFF_PREFIX ((size_t)65536)

enum sniff_kind {
	SNIFF_NONE,	/* no root element found: not XML, empty, or broken before it */
	SNIFF_FEED,	/* XML whose root is a feed's or a feed list's: <rss>, <feed>
			 * (any namespace: Atom 1.0, Atom 0.3, a mistaken one),
			 * Atom's <entry>, <rdf:RDF>, <opml>, <outlineDocument> */
	SNIFF_JSON_FEED,	/* a JSON object with a jsonfeed.org version */
	SNIFF_HTML,	/* an HTML (or XHTML) page */
	SNIFF_OTHER,	/* XML with another root, JSON of another kind */
	SNIFF_MORE,	/* a JSON object whose prefix does not say: give it whole */
};

/* What data[0..len) is. complete: data is the whole document (else its first
 * bytes, SNIFF_PREFIX or more). SNIFF_MORE is returned only when complete is
 * false. */
enum sniff_kind sniff_document(const char *data, size_t len, bool complete);

/* Is a document served with this Content-Type (NULL: none sent), of which
 * data[0..len) are the first bytes, an HTML page rather than a feed? A page
 * is HTML by its type (text/html, application/xhtml+xml) or by its start
 * (<!DOCTYPE html>, <html>) and not a feed by its content: a feed served as
 * text/html is a feed (validate.h warns of its media type). */
bool sniff_is_page(const char *content_type, const char *data, size_t len);

/* Does the file name say it is a feed whatever it holds (.rss, .atom, .rdf,
 * .opml), or XML (.xml) that should at least have a root element? A folder's
 * file so named is checked even when its content does not look like a feed,
 * so that an empty or broken feed.xml is reported, not skipped. (A .xml with
 * another root, a sitemap, is skipped.) */
bool sniff_name_is_feed(const char *name);
bool sniff_name_is_xml(const char *name);

#endif
