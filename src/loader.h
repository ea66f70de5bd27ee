/* loader.h: a site folder into a sorted post list.
 *
 * The caller owns the list it passes and frees it with post_list_free(). */
#ifndef FEEDGEN_LOADER_H
#define FEEDGEN_LOADER_H

#include <stdbool.h>

#include "diag.h"
#include "post.h"
#include "site.h"

struct load_options {
	bool drafts;		/* read _drafts/ (also when site->show_drafts) */
	bool future;		/* keep posts dated after `now` (also site->future) */
	bool unpublished;	/* keep `published: false` */
	long long now;		/* the clock, in seconds since the epoch, for --future */
};

/* Read every post of the site into list, newest first. Each broken post is
 * reported and left out; the others load. Returns the number of posts that
 * had errors (0 when all loaded). */
unsigned long load_posts(const struct site *site, const struct load_options *opt,
			 struct post_list *list, struct diag_sink *diag);

/* Read one post file. `relpath` is its path inside the site, `dir_cats` the
 * categories its folders give. Returns a new post (the caller frees it) or
 * NULL after reporting why it is not one. *is_error is set when the file was
 * meant as a post but is broken (as opposed to "not a post"). */
struct post *load_post_file(const struct site *site, const char *path, const char *relpath,
			    const struct strlist *dir_cats, struct diag_sink *diag, bool *is_error);

/* Fill url and entry_id of p from the site's rules. */
void post_set_urls(const struct site *site, struct post *p);

/* The absolute URL of p: its url made absolute against the site (jekyll's
 * absolute_url). A new string the caller frees; NULL while p has no url. */
char *post_abs_url(const struct site *site, const struct post *p);

#endif
