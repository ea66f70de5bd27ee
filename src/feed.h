/* feed.h: one feed to write (which posts, its title and address) and the
 * table of formats that write feeds.
 *
 * Ownership: struct feed owns its strings and its array of post pointers, but
 * not the posts (they belong to the post_list). feed_free() releases it. */
#ifndef FEEDGEN_FEED_H
#define FEEDGEN_FEED_H

#include <stdbool.h>
#include <libxml/xmlwriter.h>

#include "diag.h"
#include "post.h"
#include "site.h"

enum feed_kind { FEED_SITE, FEED_CATEGORY, FEED_TAG };
enum content_mode { CONTENT_FULL, CONTENT_SUMMARY, CONTENT_BOTH };

struct feed {
	enum feed_kind kind;
	char *name;		/* category or tag; NULL for the site feed */
	char *title;		/* "Site", "Site | Category", "Site | #tag" */
	char *path;		/* output path relative to the output folder */
	char *self_url;		/* absolute URL of this feed */
	const struct post **posts;	/* newest first */
	size_t n;
};

struct write_options {
	enum content_mode content;
	const char *generator_version;
};

typedef int (*feed_write_fn)(xmlTextWriterPtr w, const struct site *site,
			     const struct feed *feed, const struct write_options *opt,
			     struct diag_sink *diag);

struct format {
	const char *name;	/* "atom", "rss" */
	const char *ext;	/* ".xml", ".rss" */
	const char *media_type;
	feed_write_fn write;
};

/* The formats, ending with a row of NULLs. */
extern const struct format feed_formats[];
const struct format *feed_format_find(const char *name);

/* The site-wide feed of the newest `limit` posts (0: all). */
void feed_init_site(struct feed *f, const struct site *site, const struct post_list *posts,
		    long limit, const struct format *fmt);
void feed_free(struct feed *f);

/* Write one feed through fmt into the output buffer (which the writer takes).
 * Returns 0, or -1 after a report. */
int feed_write(const struct format *fmt, xmlOutputBufferPtr out, const struct site *site,
	       const struct feed *feed, const struct write_options *opt, struct diag_sink *diag);

#endif
