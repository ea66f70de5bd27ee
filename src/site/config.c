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

/* Replace *dst with the scalar at key, when there is one. */
static void take_string(yaml_document_t *doc, yaml_node_t *map, const char *key, char **dst)
{
	char *v = yamldoc_strdup(yamldoc_get(doc, map, key));
	if (!v)
		return;
	free(*dst);
	*dst = v;
}

static void take_bool(yaml_document_t *doc, yaml_node_t *map, const char *key, bool *dst)
{
	yaml_node_t *n = yamldoc_get(doc, map, key);
	if (yamldoc_is_true(n))
		*dst = true;
	else if (yamldoc_is_false(n))
		*dst = false;
}

/* feed.categories / feed.tags: a list (only those), or {only: [...]} /
 * {except: [...]}; `false` turns them off, `true` (jekyll-feed's switch for
 * tag feeds) keeps them all. */
static void read_select(yaml_document_t *doc, yaml_node_t *n, enum feed_select *sel,
			struct strlist *names)
{
	if (!n)
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

static void read_feed_keys(yaml_document_t *doc, yaml_node_t *feed, struct site *s)
{
	if (!feed || feed->type != YAML_MAPPING_NODE)
		return;
	take_string(doc, feed, "path", &s->feed_path);
	const char *limit = yamldoc_scalar(yamldoc_get(doc, feed, "posts_limit"));
	if (limit) {
		char *end;
		long v = strtol(limit, &end, 10);
		if (*end == '\0' && v >= 0)
			s->posts_limit = v;
	}
	take_bool(doc, feed, "excerpt_only", &s->excerpt_only);
	read_select(doc, yamldoc_get(doc, feed, "categories"), &s->cat_select, &s->cat_names);
	yaml_node_t *tags = yamldoc_get(doc, feed, "tags");
	read_select(doc, tags, &s->tag_select, &s->tag_names);
	if (tags && tags->type == YAML_MAPPING_NODE)
		take_string(doc, tags, "path", &s->feed_tags_path);
	take_string(doc, feed, "icon", &s->feed_icon);
	take_string(doc, feed, "logo", &s->feed_logo);
	take_string(doc, feed, "hub", &s->feed_hub);
	take_string(doc, feed, "style", &s->feed_style);
	take_bool(doc, feed, "disable_in_development", &s->disable_in_development);
}

/* collections: posts: {permalink, output}, as Jekyll's
 * Configuration#add_default_collections reads it: the posts collection's
 * permalink is the posts' template, over the top-level `permalink`. (A list
 * of names, Jekyll's other form, sets nothing for posts.) */
static void read_posts_collection(yaml_document_t *doc, yaml_node_t *collections, struct site *s)
{
	if (!collections || collections->type != YAML_MAPPING_NODE)
		return;
	yaml_node_t *posts = yamldoc_get(doc, collections, "posts");
	if (!posts || posts->type != YAML_MAPPING_NODE)
		return;
	const char *perm = yamldoc_scalar(yamldoc_get(doc, posts, "permalink"));
	if (perm) {
		free(s->permalink);
		s->permalink = xstrdup(permalink_template(perm));
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
static void read_posts_feed_meta(yaml_document_t *doc, yaml_node_t *meta, struct site *s)
{
	if (!meta || meta->type != YAML_MAPPING_NODE)
		return;
	take_string(doc, meta, "path", &s->feed_path);
	yaml_node_t *cats = yamldoc_get(doc, meta, "categories");
	if (cats) {
		strlist_free(&s->cat_names);
		s->cat_select = SELECT_ALL;
		read_select(doc, cats, &s->cat_select, &s->cat_names);
	}
}

static void add_feed_collection(yaml_document_t *doc, yaml_node_t *collections, const char *label,
				yaml_node_t *meta, struct site *s)
{
	if (strcmp(label, "posts") == 0)
		read_posts_feed_meta(doc, meta, s);
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

static void read_feed_collections(yaml_document_t *doc, yaml_node_t *root, struct site *s)
{
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
				add_feed_collection(doc, collections, label, NULL, s);
		}
	} else if (list && list->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *pr = list->data.mapping.pairs.start;
		     pr < list->data.mapping.pairs.top; pr++) {
			const char *label = yamldoc_scalar(yaml_document_get_node(doc, pr->key));
			if (label)
				add_feed_collection(doc, collections, label,
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

/* Trailing slashes on url, and a lone "/" baseurl, would double up in links. */
static void trim_slashes(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == '/')
		s[--n] = '\0';
}

static void read_config(yaml_document_t *doc, struct site *s)
{
	yaml_node_t *root = yaml_document_get_root_node(doc);
	if (!root || root->type != YAML_MAPPING_NODE)
		return;
	/* jekyll-feed titles a feed site.title, else site.name. */
	take_string(doc, root, "name", &s->title);
	take_string(doc, root, "title", &s->title);
	take_string(doc, root, "description", &s->description);
	take_string(doc, root, "url", &s->url);
	note_position(yamldoc_get(doc, root, "url"), &s->url_line, &s->url_col);
	take_string(doc, root, "baseurl", &s->baseurl);
	yamldoc_read_person(doc, yamldoc_get(doc, root, "author"), &s->author);
	take_string(doc, root, "lang", &s->lang);
	take_string(doc, root, "timezone", &s->timezone);
	note_position(yamldoc_get(doc, root, "timezone"), &s->timezone_line, &s->timezone_col);
	take_string(doc, root, "excerpt_separator", &s->excerpt_separator);
	const char *perm = yamldoc_scalar(yamldoc_get(doc, root, "permalink"));
	if (perm) {
		free(s->permalink);
		s->permalink = xstrdup(permalink_template(perm));
	}
	const char *md = yamldoc_scalar(yamldoc_get(doc, root, "markdown"));
	if (md && markdown_mode_from_name(md) >= 0)
		s->markdown = (enum markdown_mode)markdown_mode_from_name(md);
	take_bool(doc, root, "show_drafts", &s->show_drafts);
	take_bool(doc, root, "future", &s->future);
	take_bool(doc, root, "unpublished", &s->unpublished);
	read_posts_collection(doc, yamldoc_get(doc, root, "collections"), s);
	read_feed_keys(doc, yamldoc_get(doc, root, "feed"), s);
	read_feed_collections(doc, root, s);
	if (s->lang)
		lang_normalize(s->lang);
	trim_slashes(s->url);
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
static void read_authors(yaml_document_t *doc, struct site *s)
{
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
		     void (*read)(yaml_document_t *, struct site *), struct diag_sink *diag)
{
	struct buf path;
	buf_init(&path);
	buf_printf(&path, "%s/%s", dir, name);
	yaml_document_t doc;
	int got = load_yaml_file(dir, name, path.data, &doc, diag);
	buf_free(&path);
	if (got > 0) {
		read(&doc, s);
		yaml_document_delete(&doc);
	}
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
