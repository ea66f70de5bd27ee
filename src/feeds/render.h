/* render.h: what writers derive from a post, made once per run.
 *
 * Ownership: a struct render_cache owns every string it hands out: they stay
 * valid until render_cache_done() drops the post's last use, or until
 * render_cache_free(). */
#ifndef FEEDGEN_FEEDS_RENDER_H
#define FEEDGEN_FEEDS_RENDER_H

#include <stddef.h>

#include "base/diag.h"
#include "model/post.h"
#include "model/site.h"

/* The cache of what writers derive from a post: its body as HTML, its summary
 * as plain text, its title as plain text. Each is made once however many
 * feeds show the post. render_cache_plan() counts a future use of a post;
 * render_cache_done() ends one, and frees the post's strings when none is
 * left, so memory holds only posts still to be written. A post never planned
 * is kept until render_cache_free(). */
struct render_cache *render_cache_new(size_t expected_posts);
void render_cache_plan(struct render_cache *c, const struct post *p);
void render_cache_done(struct render_cache *c, const struct post *p);
void render_cache_free(struct render_cache *c);
/* Threads may share a cache. After render_cache_defer(), what making a post's
 * items reports (a bad byte in a body) is kept instead of going to the
 * caller's sink, and render_cache_flush() reports it, post by post in the
 * order they were first planned, whichever thread made them. */
void render_cache_defer(struct render_cache *c);
void render_cache_flush(struct render_cache *c, struct diag_sink *sink);
/* The bound on a post's rendered body (output linear in the input): at most
 * RENDER_CONTENT_FACTOR times the post file's size plus RENDER_CONTENT_SLACK
 * bytes; past it the body is left out of every feed (render_cache_html()
 * gives NULL, a summary made from it too) after an error naming the post
 * [output-bound]. */
#define RENDER_CONTENT_FACTOR 64
#define RENDER_CONTENT_SLACK (1u << 20)

/* NULL when there is none (an empty body, no summary, past the bound); the
 * title never is. */
const char *render_cache_html(struct render_cache *c, const struct site *site,
			      const struct post *p, struct diag_sink *diag);
/* The body HTML escaped as XML character data, made once however many XML
 * feeds write it (the escaping was a quarter of writing them); NULL when
 * render_cache_html() is. */
const char *render_cache_html_text(struct render_cache *c, const struct site *site,
				   const struct post *p, struct diag_sink *diag);
const char *render_cache_summary(struct render_cache *c, const struct site *site,
				 const struct post *p, struct diag_sink *diag);
/* The summary escaped as XML character data, made once however many Atom
 * feeds write it; NULL when render_cache_summary() is. */
const char *render_cache_summary_text(struct render_cache *c, const struct site *site,
				      const struct post *p, struct diag_sink *diag);
const char *render_cache_title(struct render_cache *c, const struct post *p);
/* The post's absolute URL (post_abs_url()), made once per post. */
const char *render_cache_abs_url(struct render_cache *c, const struct site *site,
				 const struct post *p);
/* How many bodies were rendered (for tests: once per post). */
size_t render_cache_renders(const struct render_cache *c);

#endif
