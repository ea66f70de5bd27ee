/* loader.h: a site folder into a sorted post list.
 *
 * The caller owns the list it passes and frees it with post_list_free(). */
#ifndef FEEDGEN_SITE_LOADER_H
#define FEEDGEN_SITE_LOADER_H

#include "base/diag.h"
#include "model/post.h"
#include "model/site.h"
#include "site/jekyll.h"

/* Read every post of the site into list, newest first. Each broken post is
 * reported and left out; the others load. Returns the number of posts that
 * had errors (0 when all loaded). */
unsigned long load_posts(const struct site *site, const struct load_options *opt,
			 struct post_list *list, struct diag_sink *diag);

/* Read the documents of each collection of feed.collections
 * (site->collections) into its docs list, newest first, as Jekyll reads a
 * collection: front matter needed, future dates kept. The site owns the
 * lists (site_free()). Returns the number of documents that had errors. */
unsigned long load_collections(struct site *site, const struct load_options *opt,
			       struct diag_sink *diag);

#endif
