/* feed.h: one feed to write (which posts, its title and address), the shape
 * of a format (a row of formats.h's table), and what every writer shares:
 * the site's absolute links, the render cache (render.h) and XML helpers.
 *
 * Ownership: struct feed owns its strings and its array of post pointers, but
 * not the posts (they belong to the post_list) nor its format (a row of the
 * static table); feed_free() releases it. struct site_links owns its strings;
 * site_links_free() releases them. struct write_shared only points at a
 * site_links and a render_cache; whoever made them frees them. */
#ifndef FEEDGEN_FEED_H
#define FEEDGEN_FEED_H

#include <stdbool.h>
#include <libxml/xmlwriter.h>

#include "base/diag.h"
#include "model/post.h"
#include "model/site.h"

enum feed_kind { FEED_SITE, FEED_CATEGORY, FEED_TAG, FEED_COLLECTION };
enum content_mode { CONTENT_FULL, CONTENT_SUMMARY, CONTENT_BOTH };

struct format;

/* The Atom format's file extension: the site feed's path (feed.path) is its
 * Atom path, and the other formats' paths are made from it. */
#define FEED_ATOM_EXT ".xml"

struct feed {
	enum feed_kind kind;
	char *name;		/* category or tag, a collection's label (with "/category");
				 * NULL for the site feed */
	char *title;		/* "Site", "Site | Category" (capitalized), "Site | #tag" */
	char *path;		/* output path relative to the output folder, in its format */
	char *self_url;		/* absolute URL of this feed in its format */
	const struct format *format;
	const struct post **posts;	/* newest first */
	size_t n;
};

/* Absolute URLs all feeds of a site share, made once from _config.yml. */
struct site_links {
	char *home;		/* the site's home page */
	char *hub;		/* feed.hub (WebSub), or NULL */
	char *icon;		/* feed.icon, or NULL */
	char *logo;		/* feed.logo, or NULL */
	char *style_href;	/* xml-stylesheet href, or NULL */
	const char *style_type;	/* its media type */
};

struct render_cache;

struct write_options {
	enum content_mode content;
	const char *generator_version;
};

/* What the feeds of one run share: made once, used by every writer. */
struct write_shared {
	const struct site_links *links;
	struct render_cache *cache;	/* bodies, summaries, titles */
};

typedef int (*feed_write_fn)(xmlTextWriterPtr w, const struct site *site,
			     const struct feed *feed, const struct write_options *opt,
			     const struct write_shared *sh, struct diag_sink *diag);

/* A format that is not XML writes its bytes itself (xmlOutputBufferWrite), so
 * every format goes through the same output buffer, to a file or stdout. The
 * buffer stays the caller's: feed_write_shared() flushes and closes it. */
typedef int (*feed_write_bytes_fn)(xmlOutputBufferPtr out, const struct site *site,
				   const struct feed *feed, const struct write_options *opt,
				   const struct write_shared *sh, struct diag_sink *diag);

/* One row per format; exactly one of write and write_bytes is set. */
struct format {
	const char *name;	/* "atom", "rss", "json" */
	const char *ext;	/* ".xml", ".rss", ".json" */
	const char *media_type;
	feed_write_fn write;	/* an XML format, through xmlTextWriter */
	feed_write_bytes_fn write_bytes;	/* any other format */
	/* Every link must be absolute (RSS, JSON Feed): without a site url the
	 * format cannot be written valid. Atom takes relative references. */
	bool needs_site_url;
};

/* Writer helpers. Every xmlTextWriter call can fail; struct xw keeps the
 * first failure and skips the calls after it, so a writer reads as a straight
 * list of elements and checks `failed` once at the end. */
struct xw {
	xmlTextWriterPtr w;
	bool failed;
};
void xw_start(struct xw *x, const char *name);
void xw_end(struct xw *x);
/* Left out when value is NULL. */
void xw_attr(struct xw *x, const char *name, const char *value);
void xw_text(struct xw *x, const char *s);
/* Text already escaped as XML character data (render_cache_html_text()):
 * the same bytes xw_text() would write for the text it came from. */
void xw_escaped(struct xw *x, const char *s);
/* s escaped as XML character data, byte for byte what libxml2's
 * xmlEncodeSpecialChars() gives (& < > " and CR as references), made in runs:
 * libxml2's per-byte loop was a tenth of writing a site's feeds. A new
 * string the caller frees. */
char *feed_escape_text(const char *s);
/* <name>s</name>, left out when s is NULL or empty: no element is written empty. */
void xw_element(struct xw *x, const char *name, const char *s);
/* <name>s</name> where s is plain text and the element holds HTML (an RSS
 * description): s is encoded as HTML (html_escape_text: & < > escaped, words
 * validators read as script defused), then written as XML text. */
void xw_element_text_as_html(struct xw *x, const char *name, const char *s);
/* <name>date</name> in RFC 3339 (rfc822 false) or RFC 822 form. */
void xw_date(struct xw *x, const char *name, const struct fg_time *t, bool rfc822);

/* Text that may hold HTML (titles and descriptions from YAML, which Jekyll
 * prints raw into pages) as plain text: tags removed, entities decoded, white
 * space folded ("" when nothing is left). A new string. */
char *feed_plain_text(const char *s);
/* Is s a non-negative decimal number (an enclosure length)? */
bool feed_is_count(const char *s);
/* Would a reader take this plain text for markup ("<b>", "</p>", "<!--")? */
bool feed_text_looks_like_markup(const char *s);

/* The site's feed title: its title as text, else its URL, else the name of its
 * folder (a feed always has a title). A new string. */
char *feed_site_title(const struct site *site);

/* The feed's title as a feed shows it: through Jekyll's smartify, as
 * jekyll-feed writes `title | smartify` (the feed_meta link and OPML keep
 * the title as written). A new string. */
char *feed_display_title(const struct feed *f);

/* The title of the feed in Atom, as jekyll-feed's template writes it: a tag
 * feed is titled as the site (the template appends only a collection and a
 * category); every other feed as feed_display_title(). A new string. */
char *feed_atom_title(const struct feed *f, const struct site *site);

/* A feed's path in format fmt, given its Atom path ("feed/x.xml" becomes
 * "feed/x.rss"). A new string. */
char *feed_path_for_format(const char *atom_path, const struct format *fmt);

/* The absolute URL of a path relative to the output folder (the site root):
 * percent-encoded as Jekyll's URL.escape_path. A new string. */
char *feed_url_for_path(const struct site *site, const char *relpath);

/* *out: feed_updated(), or for a feed without posts the time the site's
 * folder last changed (a post removed, a file added): Atom needs a date, and
 * 1970 is no date a reader can use. */
void feed_updated_or_site(const struct feed *feed, const struct site *site, struct fg_time *out);

/* A feed's id: its absolute URL, or with no site url a tag: URI of its path
 * (base/siteurl.h). A new string. */
char *feed_id(const struct site *site, const struct feed *feed);

/* The site-wide feed of the newest `limit` posts (0: all). */
void feed_init_site(struct feed *f, const struct site *site, const struct post_list *posts,
		    long limit, const struct format *fmt);
void feed_free(struct feed *f);

/* The newest change in the feed: the latest date or updated of its posts, or
 * NULL when it has none. */
const struct fg_time *feed_updated(const struct feed *feed);

void site_links_init(struct site_links *l, const struct site *site);
void site_links_free(struct site_links *l);

/* A URL from _config.yml or front matter made absolute against the site
 * (root-relative or relative paths, as jekyll's absolute_url) with spaces and
 * non-ASCII bytes percent-encoded. NULL for NULL or "". A new string. */
char *feed_absolute_link(const struct site *site, const char *ref);

#endif
