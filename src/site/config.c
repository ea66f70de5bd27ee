/* config.c: _config.yml into struct site. Only the keys the README lists are
 * read; the rest of a Jekyll config is none of feedgen's business. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/nofollow.h"
#include "base/text.h"
#include "content/markdown.h"
#include "site/config.h"
#include "site/defaults.h"
#include "site/permalink.h"
#include "site/postcheck.h"
#include "site/yamldoc.h"

/* A _config.yml larger than this is not a config file. */
#define CONFIG_MAX_BYTES (4u << 20)

void site_init(struct site *s, const char *dir)
{
	memset(s, 0, sizeof *s);
	s->dir = xstrdup(dir);
	s->title = xstrdup("");
	s->url = xstrdup("");
	s->baseurl = xstrdup("");
	s->permalink = xstrdup(permalink_template(NULL));
	s->feed_path = xstrdup("feed.xml");
	s->posts_limit = 10;
}

/* What reading one YAML file needs: the document, the file's name for
 * messages, where they go. */
struct cfg {
	yaml_document_t *doc;
	const char *path;
	struct diag_sink *diag;
};

/* A value of the wrong kind is a warning, not an error: the default is a
 * safe choice, and one mistyped optional key should not stop every feed
 * (jekyll-feed's templates would carry on too). The message says what is
 * accepted and what is used instead. */
static void bad_value(const struct cfg *c, const yaml_node_t *n, const char *key,
		      const char *accepted, const char *instead)
{
	unsigned long line = n->start_mark.line + 1, col = n->start_mark.column + 1;
	if (n->type == YAML_SCALAR_NODE)
		diag_report(c->diag, DIAG_WARNING, c->path, line, col, "config-value",
			    "%s '%s' is not %s; %s", key, (const char *)n->data.scalar.value,
			    accepted, instead);
	else
		diag_report(c->diag, DIAG_WARNING, c->path, line, col, "config-value",
			    "%s is %s, not %s; %s", key,
			    n->type == YAML_SEQUENCE_NODE ? "a list" : "a mapping", accepted, instead);
}

/* Is n a null value (absent, "~", empty)? Those keep the default silently. */
static bool is_null(const yaml_node_t *n)
{
	return !n || (n->type == YAML_SCALAR_NODE && !yamldoc_scalar((yaml_node_t *)n));
}

/* Replace *dst with the scalar at key, when there is one. */
static void take_string(const struct cfg *c, yaml_node_t *map, const char *key,
			const char *name, char **dst)
{
	yaml_node_t *n = yamldoc_get(c->doc, map, key);
	if (!is_null(n) && n->type != YAML_SCALAR_NODE) {
		bad_value(c, n, name, "a text", "left out");
		return;
	}
	char *v = yamldoc_strdup(n);
	if (!v)
		return;
	free(*dst);
	*dst = v;
}

static void take_bool(const struct cfg *c, yaml_node_t *map, const char *key, const char *name,
		      bool *dst)
{
	yaml_node_t *n = yamldoc_get(c->doc, map, key);
	if (yamldoc_is_true(n))
		*dst = true;
	else if (yamldoc_is_false(n))
		*dst = false;
	else if (!is_null(n))
		bad_value(c, n, name, "true or false", *dst ? "true is used" : "false is used");
}

/* feed.posts_limit: a whole number, 0 or more (jekyll-feed's `limit:`). */
static void take_limit(const struct cfg *c, yaml_node_t *map, long *dst)
{
	yaml_node_t *n = yamldoc_get(c->doc, map, "posts_limit");
	if (is_null(n))
		return;
	const char *s = yamldoc_scalar(n);
	char *end = NULL;
	errno = 0;
	long v = s ? strtol(s, &end, 10) : -1;
	if (s && *s && *end == '\0' && errno == 0 && v >= 0) {
		*dst = v;
		return;
	}
	char instead[48];
	snprintf(instead, sizeof instead, "%ld is used", *dst);
	bad_value(c, n, "feed.posts_limit", "a whole number of 0 or more", instead);
}

/* A URL the feeds link to (feed.icon, .logo, .hub): an http(s) URL or a
 * relative reference, as a post's image (postcheck.h), so every feed that
 * names it stays valid; another value is left out, with a warning. */
static void take_url(const struct cfg *c, yaml_node_t *map, const char *key, const char *name,
		     char **dst)
{
	take_string(c, map, key, name, dst);
	if (!*dst)
		return;
	char *clean = postcheck_url_clean(*dst);
	if (!clean)
		bad_value(c, yamldoc_get(c->doc, map, key), name,
			  "an http(s) URL or a path on the site", "left out");
	free(*dst);
	*dst = clean;
}

/* feed.categories / feed.tags: a list (only those), or {only: [...]} /
 * {except: [...]}; `false` turns them off, `true` (jekyll-feed's switch for
 * tag feeds) keeps them all. */
static void read_select(const struct cfg *c, yaml_node_t *n, enum feed_select *sel,
			struct strlist *names)
{
	yaml_document_t *doc = c->doc;
	if (is_null(n))
		return;
	if (yamldoc_is_false(n)) {
		*sel = SELECT_NONE;
		return;
	}
	if (yamldoc_is_true(n)) {
		*sel = SELECT_ALL;
		return;
	}
	if (n->type == YAML_SEQUENCE_NODE || n->type == YAML_SCALAR_NODE) {
		*sel = SELECT_ONLY;
		yamldoc_add_names(doc, n, false, names);
		return;
	}
	yaml_node_t *only = yamldoc_get(doc, n, "only");
	yaml_node_t *except = yamldoc_get(doc, n, "except");
	if (only) {
		*sel = SELECT_ONLY;
		yamldoc_add_names(doc, only, false, names);
	} else if (except) {
		*sel = SELECT_EXCEPT;
		yamldoc_add_names(doc, except, false, names);
	}
}

static void read_feed_keys(const struct cfg *c, yaml_node_t *feed, struct site *s)
{
	yaml_document_t *doc = c->doc;
	if (is_null(feed))
		return;
	if (feed->type != YAML_MAPPING_NODE) {
		bad_value(c, feed, "feed", "a mapping of jekyll-feed's keys (path:, posts_limit:, ...)",
			  "jekyll-feed's defaults are used");
		return;
	}
	take_string(c, feed, "path", "feed.path", &s->feed_path);
	take_limit(c, feed, &s->posts_limit);
	take_bool(c, feed, "excerpt_only", "feed.excerpt_only", &s->excerpt_only);
	read_select(c, yamldoc_get(doc, feed, "categories"), &s->cat_select, &s->cat_names);
	yaml_node_t *tags = yamldoc_get(doc, feed, "tags");
	read_select(c, tags, &s->tag_select, &s->tag_names);
	if (tags && tags->type == YAML_MAPPING_NODE)
		take_string(c, tags, "path", "feed.tags.path", &s->feed_tags_path);
	take_url(c, feed, "icon", "feed.icon", &s->feed_icon);
	take_url(c, feed, "logo", "feed.logo", &s->feed_logo);
	take_url(c, feed, "hub", "feed.hub", &s->feed_hub);
	take_string(c, feed, "against", "feed.against", &s->feed_against);
	take_string(c, feed, "style", "feed.style", &s->feed_style);
	take_bool(c, feed, "disable_in_development", "feed.disable_in_development",
		  &s->disable_in_development);
}

/* collections: posts: {permalink, output}, as Jekyll's
 * Configuration#add_default_collections reads it: the posts collection's
 * permalink is the posts' template, over the top-level `permalink`. (A list
 * of names, Jekyll's other form, sets nothing for posts.) */
static void read_posts_collection(const struct cfg *c, yaml_node_t *collections, struct site *s)
{
	yaml_document_t *doc = c->doc;
	if (!collections || collections->type != YAML_MAPPING_NODE)
		return;
	yaml_node_t *posts = yamldoc_get(doc, collections, "posts");
	if (!posts || posts->type != YAML_MAPPING_NODE)
		return;
	char *perm = NULL;
	take_string(c, posts, "permalink", "collections.posts.permalink", &perm);
	if (perm) {
		free(s->permalink);
		s->permalink = xstrdup(permalink_template(perm));
		free(perm);
	}
}

/* jekyll-feed's feed.collections: a list of labels, or a mapping of label to
 * {path, categories}; the posts are the site feed (their path and categories
 * read as its).
 * Jekyll reads _<label>/ only for a collection `collections:` defines (as
 * a mapping key or list item), and a label is what Jekyll's sanitize_label
 * keeps ([A-Za-z0-9_.-]); other names get no documents (jekyll-feed's feed
 * of them is empty). */
static bool collection_defined(yaml_document_t *doc, yaml_node_t *collections, const char *label)
{
	if (collections && collections->type == YAML_MAPPING_NODE)
		return yamldoc_get(doc, collections, label) != NULL;
	struct strlist names = {0};
	if (collections && collections->type == YAML_SEQUENCE_NODE)
		yamldoc_add_names(doc, collections, false, &names);
	bool found = strlist_has(&names, label);
	strlist_free(&names);
	return found;
}

static bool label_ok(const char *label)
{
	if (!*label || strcmp(label, ".") == 0 || strcmp(label, "..") == 0)
		return false;
	for (const char *c = label; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      (*c >= '0' && *c <= '9') || *c == '_' || *c == '-' || *c == '.'))
			return false;
	return true;
}

/* jekyll-feed's normalize_posts_meta: feed.collections.posts.path and
 * .categories are the site feed's, over feed.path and feed.categories. */
static void read_posts_feed_meta(const struct cfg *c, yaml_node_t *meta, struct site *s)
{
	if (!meta || meta->type != YAML_MAPPING_NODE)
		return;
	take_string(c, meta, "path", "feed.collections.posts.path", &s->feed_path);
	yaml_node_t *cats = yamldoc_get(c->doc, meta, "categories");
	if (cats) {
		strlist_free(&s->cat_names);
		s->cat_select = SELECT_ALL;
		read_select(c, cats, &s->cat_select, &s->cat_names);
	}
}

static void add_feed_collection(const struct cfg *cf, yaml_node_t *collections, const char *label,
				yaml_node_t *meta, struct site *s)
{
	yaml_document_t *doc = cf->doc;
	if (strcmp(label, "posts") == 0)
		read_posts_feed_meta(cf, meta, s);
	if (strcmp(label, "posts") == 0 || !label_ok(label) ||
	    !collection_defined(doc, collections, label))
		return;
	for (size_t i = 0; i < s->ncollections; i++)
		if (strcmp(s->collections[i].label, label) == 0)
			return;
	s->collections = xrealloc(s->collections, (s->ncollections + 1) * sizeof *s->collections);
	struct site_collection *c = &s->collections[s->ncollections++];
	memset(c, 0, sizeof *c);
	c->label = xstrdup(label);
	yaml_node_t *def = collections && collections->type == YAML_MAPPING_NODE
				   ? yamldoc_get(doc, collections, label) : NULL;
	if (def && def->type == YAML_MAPPING_NODE)
		c->permalink = yamldoc_strdup(yamldoc_get(doc, def, "permalink"));
	if (meta && meta->type == YAML_MAPPING_NODE) {
		c->feed_path = yamldoc_strdup(yamldoc_get(doc, meta, "path"));
		yaml_node_t *cats = yamldoc_get(doc, meta, "categories");
		if (cats)
			yamldoc_add_names(doc, cats, false, &c->categories);
	}
}

static void read_feed_collections(const struct cfg *cf, yaml_node_t *root, struct site *s)
{
	yaml_document_t *doc = cf->doc;
	s->permalink_style = yamldoc_strdup(yamldoc_get(doc, root, "permalink"));
	yaml_node_t *feed = yamldoc_get(doc, root, "feed");
	yaml_node_t *list = feed && feed->type == YAML_MAPPING_NODE
				    ? yamldoc_get(doc, feed, "collections") : NULL;
	yaml_node_t *collections = yamldoc_get(doc, root, "collections");
	if (list && list->type == YAML_SEQUENCE_NODE) {
		for (yaml_node_item_t *it = list->data.sequence.items.start;
		     it < list->data.sequence.items.top; it++) {
			const char *label = yamldoc_scalar(yaml_document_get_node(doc, *it));
			if (label)
				add_feed_collection(cf, collections, label, NULL, s);
		}
	} else if (list && list->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *pr = list->data.mapping.pairs.start;
		     pr < list->data.mapping.pairs.top; pr++) {
			const char *label = yamldoc_scalar(yaml_document_get_node(doc, pr->key));
			if (label)
				add_feed_collection(cf, collections, label,
						    yaml_document_get_node(doc, pr->value), s);
		}
	}
}

/* Where a key's value is, for messages about it made later. */
static void note_position(const yaml_node_t *n, unsigned long *line, unsigned long *col)
{
	if (!n)
		return;
	*line = (unsigned long)n->start_mark.line + 1;
	*col = (unsigned long)n->start_mark.column + 1;
}

/* Trailing slashes on baseurl (a lone "/" too) would double up in links.
 * The url's are kept: Jekyll's absolute_url is url + "/" + path, so a url
 * ending in '/' gives "//" in jekyll-feed's ids, which a site keeps. */
static void trim_slashes(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == '/')
		s[--n] = '\0';
}

/* markdown: kramdown or CommonMark; another converter is not feedgen's. */
static void read_markdown(const struct cfg *c, yaml_node_t *root, struct site *s)
{
	char *md = NULL;
	take_string(c, root, "markdown", "markdown", &md);
	if (md && markdown_mode_from_name(md) >= 0)
		s->markdown = (enum markdown_mode)markdown_mode_from_name(md);
	else if (md)
		bad_value(c, yamldoc_get(c->doc, root, "markdown"), "markdown",
			  "kramdown or CommonMark", "kramdown is used");
	free(md);
}

static void read_config(const struct cfg *c, struct site *s)
{
	yaml_document_t *doc = c->doc;
	yaml_node_t *root = yaml_document_get_root_node(doc);
	if (!root || root->type != YAML_MAPPING_NODE)
		return;
	/* jekyll-feed titles a feed site.title, else site.name. */
	take_string(c, root, "name", "name", &s->title);
	take_string(c, root, "title", "title", &s->title);
	take_string(c, root, "description", "description", &s->description);
	take_string(c, root, "url", "url", &s->url);
	note_position(yamldoc_get(doc, root, "url"), &s->url_line, &s->url_col);
	take_string(c, root, "baseurl", "baseurl", &s->baseurl);
	yaml_node_t *author = yamldoc_get(doc, root, "author");
	yamldoc_read_person(doc, author, &s->author);
	if (s->author.uri) {
		char *uri = postcheck_url_clean(s->author.uri);
		if (!uri)
			bad_value(c, author, "author", "an author whose uri is an http(s) URL",
				  "the uri is left out");
		free(s->author.uri);
		s->author.uri = uri;
	}
	if (s->author.email) {
		char *email = postcheck_email_clean(s->author.email);
		if (!email)
			bad_value(c, author, "author", "an author whose email is an e-mail address",
				  "the email is left out");
		free(s->author.email);
		s->author.email = email;
	}
	take_string(c, root, "lang", "lang", &s->lang);
	take_string(c, root, "timezone", "timezone", &s->timezone);
	note_position(yamldoc_get(doc, root, "timezone"), &s->timezone_line, &s->timezone_col);
	take_string(c, root, "excerpt_separator", "excerpt_separator", &s->excerpt_separator);
	char *perm = NULL;
	take_string(c, root, "permalink", "permalink", &perm);
	if (perm) {
		free(s->permalink);
		s->permalink = xstrdup(permalink_template(perm));
		free(perm);
	}
	take_bool(c, root, "show_drafts", "show_drafts", &s->show_drafts);
	take_bool(c, root, "future", "future", &s->future);
	take_bool(c, root, "unpublished", "unpublished", &s->unpublished);
	read_markdown(c, root, s);
	read_posts_collection(c, yamldoc_get(doc, root, "collections"), s);
	read_feed_keys(c, yamldoc_get(doc, root, "feed"), s);
	read_feed_collections(c, root, s);
	if (s->lang)
		lang_normalize(s->lang);
	if (s->lang && *s->lang && !postcheck_is_lang(s->lang)) {
		/* xml:lang and hreflang of every feed: the validator would refuse it. */
		bad_value(c, yamldoc_get(doc, root, "lang"), "lang", "a language tag (en, zh-CN)",
			  "left out");
		free(s->lang);
		s->lang = NULL;
	}
	trim_slashes(s->baseurl);
	/* Last: it takes the document (and the strings read above were copied). */
	s->defaults = defaults_new(doc, yamldoc_get(doc, root, "defaults"));
	if (s->defaults)
		s->defaults_free = defaults_free;
}

/* Parses the YAML file dir/name (path) into doc: a regular file of at most
 * CONFIG_MAX_BYTES, no symbolic link on the way (base/nofollow.h). Returns 1,
 * 0 when there is no such file, or -1 after a report. */
static int load_yaml_file(const char *dir, const char *name, const char *path,
			  yaml_document_t *doc, struct diag_sink *diag)
{
	struct buf bytes;
	buf_init(&bytes);
	const char *why = NULL;
	int rc = nofollow_read(dir, name, CONFIG_MAX_BYTES, &bytes, &why);
	if (rc < 0 && why == nofollow_too_large)
		diag_report(diag, DIAG_ERROR, path, 0, 0, "config-file", "larger than %u bytes",
			    CONFIG_MAX_BYTES);
	else if (rc < 0)
		diag_report(diag, DIAG_ERROR, path, 0, 0, "config-file", "cannot read: %s", why);
	if (rc == 1 && yamldoc_load(doc, bytes.data ? bytes.data : "", bytes.len, path, 1, diag) != 0)
		rc = -1;
	buf_free(&bytes);
	return rc;
}

/* Each key of the mapping, with its entry as a person: {name, email, uri}, or
 * a name. An entry without a name is named by its key. */
static void read_authors(const struct cfg *c, struct site *s)
{
	yaml_document_t *doc = c->doc;
	yaml_node_t *root = yaml_document_get_root_node(doc);
	if (!root || root->type != YAML_MAPPING_NODE)
		return;
	for (yaml_node_pair_t *pr = root->data.mapping.pairs.start; pr < root->data.mapping.pairs.top;
	     pr++) {
		char *key = yamldoc_strdup(yaml_document_get_node(doc, pr->key));
		if (!key)
			continue;
		s->authors = xrealloc(s->authors, (s->nauthors + 1) * sizeof *s->authors);
		struct site_author *a = &s->authors[s->nauthors++];
		a->key = key;
		memset(&a->person, 0, sizeof a->person);
		yamldoc_read_person(doc, yaml_document_get_node(doc, pr->value), &a->person);
		if (!a->person.name)
			a->person.name = xstrdup(key);
	}
}

/* Reads dir/name, when it exists, with read. Returns 1, 0 when there is no
 * such file, or -1 after a report. */
static int load_into(struct site *s, const char *dir, const char *name,
		     void (*read)(const struct cfg *, struct site *), struct diag_sink *diag)
{
	struct buf path;
	buf_init(&path);
	buf_printf(&path, "%s/%s", dir, name);
	yaml_document_t doc;
	int got = load_yaml_file(dir, name, path.data, &doc, diag);
	if (got > 0) {
		struct cfg c = { &doc, path.data, diag };
		read(&c, s);
		yaml_document_delete(&doc);
	}
	buf_free(&path);
	return got;
}

int site_load(struct site *s, const char *dir, struct diag_sink *diag)
{
	int config = load_into(s, dir, "_config.yml", read_config, diag);
	int authors = load_into(s, dir, "_data/authors.yml", read_authors, diag);
	if (authors == 0)
		authors = load_into(s, dir, "_data/authors.yaml", read_authors, diag);
	return config < 0 || authors < 0 ? -1 : 0;
}

bool site_feeds_disabled(const struct site *s, const char *jekyll_env)
{
	/* Jekyll.env is JEKYLL_ENV, "development" when unset. */
	const char *env = jekyll_env && *jekyll_env ? jekyll_env : "development";
	return s->disable_in_development && strcmp(env, "development") == 0;
}
