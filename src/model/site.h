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

struct site {
	char *dir;		/* the site folder as given */
	char *title;
	char *description;
	char *url;		/* "https://example.com", no trailing slash */
	char *baseurl;		/* "" or "/blog" */
	struct person author;
	char *lang;
	char *timezone;
	char *permalink;	/* the template (style names already expanded) */
	bool show_drafts;
	bool future;
	char *excerpt_separator;	/* NULL: first paragraph */
	enum markdown_mode markdown;	/* `markdown:`; kramdown unless it says CommonMark */

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
	char *feed_style;	/* xml-stylesheet href, or NULL */
	char *feed_tags_path;	/* feed.tags.path: the folder of tag feeds, or NULL */

	/* _data/authors.yml: jekyll-feed shows a post whose author is one of
	 * these keys as that entry's name, email and uri. */
	struct site_author { char *key; struct person person; } *authors;
	size_t nauthors;
};

/* The _data/authors.yml entry for key, or NULL. */
const struct person *site_author(const struct site *s, const char *key);

void site_free(struct site *s);

/* The absolute URL of p: its url made absolute against the site (jekyll's
 * absolute_url). A new string the caller frees; NULL while p has no url. */
char *post_abs_url(const struct site *site, const struct post *p);

#endif
