/* site.h: what _config.yml says about a site, with feedgen's defaults
 * (site/config.h reads it).
 *
 * Ownership: struct site owns all its strings and lists; site_free() releases
 * them. site_load() never keeps the YAML document. */
#ifndef FEEDGEN_SITE_H
#define FEEDGEN_SITE_H

#include <stdbool.h>

#include "base/diag.h"
#include "model/post.h"

/* _config.yml `markdown:` — which Markdown the posts are written in.
 * content/markdown.h renders each. */
enum markdown_mode {
	MARKDOWN_KRAMDOWN = 0,	/* Jekyll's default: `markdown: kramdown` (GFM input) */
	MARKDOWN_COMMONMARK,	/* `markdown: CommonMark` (the jekyll-commonmark plugin) */
};

/* feed.categories / feed.tags: every name, a listed set, or all but some. */
enum feed_select { SELECT_ALL, SELECT_ONLY, SELECT_EXCEPT, SELECT_NONE };

struct site_defaults;	/* site/defaults.h: _config.yml's `defaults:` */

/* A collection other than posts that jekyll-feed makes feeds of
 * (feed.collections): its documents are in _<label>/. */
struct site_collection {
	char *label;
	char *permalink;	/* collections.<label>.permalink as a template, or NULL */
	char *feed_path;	/* feed.collections.<label>.path, or NULL: feed/<label>.xml */
	struct strlist categories;	/* feed.collections.<label>.categories */
	struct post_list docs;	/* its documents, newest first (site/loader.h) */
};

struct site {
	char *dir;		/* the site folder as given */
	char *title;
	char *description;
	char *url;		/* "https://example.com", no trailing slash */
	unsigned long url_line, url_col;	/* where _config.yml sets it; 0: nowhere */
	unsigned long timezone_line, timezone_col;	/* the same for timezone */
	char *baseurl;		/* "" or "/blog" */
	struct person author;
	char *lang;
	char *timezone;
	char *permalink;	/* the template (style names already expanded) */
	bool show_drafts;
	bool future;
	bool unpublished;
	char *excerpt_separator;	/* NULL: "\n\n" (the first paragraph); "": no excerpt */
	enum markdown_mode markdown;	/* `markdown:`; kramdown unless it says CommonMark */

	/* Front matter defaults by scope, and who frees them: the model knows
	 * nothing of YAML, the reader that made them (site/config.c) does. */
	struct site_defaults *defaults;
	void (*defaults_free)(struct site_defaults *);

	/* jekyll-feed's feed: keys */
	char *feed_path;	/* "feed.xml" */
	long posts_limit;	/* 10 */
	bool excerpt_only;
	enum feed_select cat_select;
	struct strlist cat_names;
	enum feed_select tag_select;
	struct strlist tag_names;
	char *feed_icon;
	char *feed_logo;
	char *feed_hub;
	char *feed_against;	/* feed.against: the published site feed (URL, file), or NULL */
	char *feed_style;	/* xml-stylesheet href, or NULL */
	char *feed_tags_path;	/* feed.tags.path: the folder of tag feeds, or NULL */
	bool disable_in_development;	/* feed.disable_in_development */
	struct site_collection *collections;	/* feed.collections but posts */
	size_t ncollections;
	char *permalink_style;	/* the top-level `permalink` as written, or NULL */

	/* _data/authors.yml: jekyll-feed shows a post whose author is one of
	 * these keys as that entry's name, email and uri. */
	struct site_author { char *key; struct person person; } *authors;
	size_t nauthors;

	/* What Liquid gives every post (_config.yml as `site`, _data/, the
	 * posts for post_url and link): made by liquid_site_new() and freed by
	 * liquid_site_free() (content/liquid.h), not by site_free(), which the
	 * model cannot reach. NULL until made; Liquid then reads the site alone. */
	struct liquid_site *liquid;
};

/* The collection of feed.collections whose folder (_<label>/) holds the
 * site-relative path relpath, or NULL. */
const struct site_collection *site_collection_of(const struct site *s, const char *relpath);

/* The _data/authors.yml entry for key, or NULL. */
const struct person *site_author(const struct site *s, const char *key);

void site_free(struct site *s);

/* The absolute URL of p: its url made absolute against the site (jekyll's
 * absolute_url). A new string the caller frees; NULL while p has no url. */
char *post_abs_url(const struct site *site, const struct post *p);

#endif
