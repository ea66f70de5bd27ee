/* liquid.h: Liquid templates as Jekyll 4.3 renders a post's body (Liquid 4/5
 * language, the standard filters, Jekyll's tags and filters), before the
 * Markdown converter sees it.
 *
 * The modules: liquid.c (tokens, parsing, rendering), liquid_value.c (values
 * as Ruby prints and compares them, dates), liquid_filters.c (the standard
 * filter table), liquid_jekyll.c (Jekyll's tags, filters and the site/page
 * variables).
 *
 * Templates are not trusted: includes stay inside the site's _includes/
 * folder, and include depth, loop iterations and output size are bounded
 * (struct liquid_options); passing a bound is an error at file:line:col.
 *
 * Values are jansson json_t (null, bool, integer, real, string, array,
 * object). Functions taking json_t * borrow it; functions returning one
 * return a new reference the caller json_decref()s. Returned strings are
 * malloc'ed and the caller frees them. */
#ifndef FEEDGEN_LIQUID_H
#define FEEDGEN_LIQUID_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "base/diag.h"
#include "model/post.h"
#include "model/site.h"

/* The bounds of one render (an include's output and loops count toward its
 * page's). */
struct liquid_options {
	size_t max_output;		/* bytes of output */
	unsigned long max_iterations;	/* for-loop iterations, all loops together */
	unsigned max_depth;		/* includes within includes, nested blocks */
	const char *includes_dir;	/* the _includes folder, or NULL: no includes */
	const char *relative_dir;	/* include_relative's folder, or NULL */
	const struct site *site;	/* for Jekyll's url filters and tags; may be NULL */
	const struct post *post;	/* the post rendered (site.related_posts); may be NULL */
	bool plain;			/* Liquid's filters only (Jekyll's where and sort
					 * replace Liquid's): for comparing with Liquid */
};

/* The defaults: 16 MiB output, 1,000,000 iterations, depth 32. */
void liquid_options_init(struct liquid_options *o);

/* Does the text hold Liquid markup ({{ or {%)? Only such bodies are rendered. */
bool liquid_needed(const char *s, size_t n);

/* Render template src[0..n) with the variables vars (an object, borrowed;
 * NULL for none). Messages name `file`, counting lines from first_line.
 * Returns the output, or NULL after an error was reported (a syntax error, a
 * bound passed, an error in a filter). Warnings (a tag feedgen does not know)
 * do not stop the render. */
char *liquid_render(const char *src, size_t n, json_t *vars, const char *file,
		    unsigned long first_line, const struct liquid_options *opt,
		    struct diag_sink *diag);

/* Jekyll's side: what a site gives every post's template. Made once per
 * run from the site folder: _config.yml as `site`, _data/ as `site.data`,
 * and the posts (for post_url and link). Owned by the caller, freed with
 * liquid_site_free(). */
struct liquid_site;
struct liquid_site *liquid_site_new(const struct site *site, const struct post_list *posts,
				    struct diag_sink *diag);
void liquid_site_free(struct liquid_site *ls);
/* The `site` variable it holds (borrowed: valid while ls is). */
json_t *liquid_site_vars(const struct liquid_site *ls);

/* Render the body of p through Liquid as Jekyll would: `site`, `page` (its
 * front matter, read again from its file, with url, date, id, categories,
 * tags, slug), Jekyll's tags and filters. Returns the body unchanged (a copy)
 * when it holds no Liquid or the front matter says render_with_liquid: false;
 * NULL after an error was reported. */
char *liquid_render_post(const struct site *site, const struct post *p, const char *body,
			 size_t n, struct diag_sink *diag);

/* A YAML document (the text) as a value: mappings become objects, sequences
 * arrays, scalars resolved as YAML 1.1 (Psych) does. NULL when it is not YAML. */
json_t *liquid_yaml_value(const char *text, size_t n);

#endif
