/* discover.c: a page's feed links (discover.h). */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "base/strmap.h"
#include "base/text.h"
#include "base/url.h"
#include "validate/discover.h"

/* Nodes of a page looked at: a page larger than this has its links in the
 * part before it (a 50 MB page has a few million nodes). */
#define DISCOVER_NODES_MAX 4000000

/* The media types of rel="alternate" links that are feeds, and (maybe) those
 * that may be. */
static const struct {
	const char *type;
	bool maybe;
} feed_types[] = {
	{ "application/rss+xml", false }, { "application/atom+xml", false },
	{ "application/feed+json", false }, { "application/x.atom+xml", false },
	{ "application/x-atom+xml", false }, { "application/json", true },
	{ "application/rdf+xml", true }, { "text/xml", true }, { "application/xml", true },
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* Is word one of the white-space separated tokens of list, ignoring case? */
static bool has_token(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *s = list; *s;) {
		while (is_space(*s))
			s++;
		size_t k = 0;
		while (s[k] && !is_space(s[k]))
			k++;
		if (k == n && strncasecmp(s, word, n) == 0)
			return true;
		s += k;
	}
	return false;
}

/* Is a link with this rel and type a feed link, and a maybe one? */
static bool feed_link_kind(const char *rel, const char *type, bool *maybe)
{
	if (!rel)
		return false;
	char t[128];
	const char *p = type ? type : "";
	while (is_space(*p))
		p++;
	size_t n = strcspn(p, "; \t\r\n\f");
	snprintf(t, sizeof t, "%.*s", (int)(n < sizeof t ? n : sizeof t - 1), p);
	if (has_token(rel, "alternate") && !has_token(rel, "stylesheet"))
		for (size_t i = 0; i < sizeof feed_types / sizeof *feed_types; i++)
			if (strcasecmp(t, feed_types[i].type) == 0) {
				*maybe = feed_types[i].maybe;
				return true;
			}
	if (has_token(rel, "feed")) {
		*maybe = true;
		return true;
	}
	return false;
}

/* An attribute's value with the white space HTML's URL parsing strips from
 * both ends removed (malloc'd), or NULL when there is no such attribute. */
static char *attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	const char *s = (const char *)v;
	while (is_space(*s))
		s++;
	size_t k = strlen(s);
	while (k > 0 && is_space(s[k - 1]))
		k--;
	char *out = xstrndup(s, k);
	xmlFree(v);
	return out;
}

/* The next node in document order, going down first; NULL after the last. */
static xmlNodePtr next_node(xmlNodePtr n)
{
	if (n->type == XML_ELEMENT_NODE && n->children)
		return n->children;
	while (n && !n->next)
		n = n->parent;
	return n ? n->next : NULL;
}

static bool is_element(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0;
}

/* The base the page's links resolve against: its first <base href>
 * (resolved against the page's URL), else the page's URL. */
static char *page_base(xmlNodePtr root, const char *page_url)
{
	size_t seen = 0;
	for (xmlNodePtr n = root; n && seen < DISCOVER_NODES_MAX; n = next_node(n), seen++) {
		if (!is_element(n, "base"))
			continue;
		char *href = attr(n, "href");
		if (!href)
			continue;
		char *base = url_resolve(page_url, href);
		free(href);
		if (base)
			return base;
	}
	return xstrdup(page_url);
}

/* The walk's state: the links kept, and every URL seen (for duplicates past
 * the cap too). */
struct found {
	struct feed_links *out;
	size_t max;
	char *base;
	struct strmap seen;
	char **urls;		/* owned: the keys of seen */
	size_t n_urls, cap_urls;
};

/* Is url new? It is remembered (taken) either way. */
static bool first_time(struct found *f, char *url)
{
	if (f->n_urls == f->cap_urls) {
		f->cap_urls = f->cap_urls ? 2 * f->cap_urls : 16;
		f->urls = xrealloc(f->urls, f->cap_urls * sizeof *f->urls);
	}
	f->urls[f->n_urls] = url;
	bool is_new = strmap_get_or_add(&f->seen, url, f->n_urls) == f->n_urls;
	f->n_urls++;
	return is_new;
}

/* Adds the link at n when it is a feed link not listed yet: kept while
 * fewer than max are, counted in any case. */
static void add_link(struct found *f, xmlNodePtr n)
{
	char *rel = attr(n, "rel"), *type = attr(n, "type"), *href = attr(n, "href");
	bool maybe = false;
	char *url = href && feed_link_kind(rel, type, &maybe) ? url_resolve(f->base, href) : NULL;
	if (url && first_time(f, url)) {
		struct feed_links *out = f->out;
		out->found++;
		if (out->n < f->max) {
			out->v[out->n++] = (struct feed_link){ xstrdup(url), type ? type : xstrdup(""),
				(unsigned long)xmlGetLineNo(n), maybe };
			type = NULL;
		}
	}
	free(rel);
	free(type);
	free(href);
}

void discover_feeds(const char *html, size_t len, const char *page_url, size_t max,
		    struct feed_links *out)
{
	memset(out, 0, sizeof *out);
	out->v = xcalloc(max ? max : 1, sizeof *out->v);
	if (len > (size_t)INT_MAX)
		len = (size_t)INT_MAX;
	htmlDocPtr doc = htmlReadMemory(html, (int)len, page_url, NULL,
					HTML_PARSE_NONET | HTML_PARSE_NOERROR |
					HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root) {
		xmlFreeDoc(doc);
		return;
	}
	struct found f = { .out = out, .max = max, .base = page_base(root, page_url) };
	strmap_init(&f.seen, 16);
	size_t seen = 0;
	for (xmlNodePtr n = root; n && seen < DISCOVER_NODES_MAX; n = next_node(n), seen++)
		if (is_element(n, "link"))
			add_link(&f, n);
	strmap_free(&f.seen);
	for (size_t i = 0; i < f.n_urls; i++)
		free(f.urls[i]);
	free(f.urls);
	free(f.base);
	xmlFreeDoc(doc);
}

void feed_links_free(struct feed_links *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].url);
		free(l->v[i].type);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
