/* atom.c: the Atom 1.0 writer (RFC 4287), shaped like jekyll-feed's feed.xml
 * so subscribers see the same ids and links, but with text escaped exactly
 * once by libxml2's writer and no element left empty. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/entities.h>

#include "base/text.h"
#include "feeds/atom.h"
#include "feeds/render.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"
#define MEDIA_NS "http://search.yahoo.com/mrss/"

/* A text construct (§3.1). Plain text is written as type "text" unless a
 * reader could take part of it for markup; then it is written as what it is,
 * HTML-encoded text with type "html", which every reader shows the same. */
static void xw_element_empty(struct xw *x, const char *name)
{
	xw_start(x, name);
	xw_text(x, "");
	xw_end(x);
}

static void text_construct(struct xw *x, const char *name, const char *s)
{
	if (!s || !*s)
		return;
	if (!feed_text_looks_like_markup(s)) {
		xw_element(x, name, s);
		return;
	}
	xmlChar *html = xmlEncodeSpecialChars(NULL, BAD_CAST s);
	xw_start(x, name);
	xw_attr(x, "type", "html");
	xw_text(x, (const char *)html);
	xw_end(x);
	xmlFree(html);
}

static void link(struct xw *x, const char *href, const char *rel, const char *type,
		 const char *title)
{
	if (!href || !*href)
		return;
	xw_start(x, "link");
	xw_attr(x, "href", href);
	xw_attr(x, "rel", rel);
	xw_attr(x, "type", type);
	if (title && *title)
		xw_attr(x, "title", title);
	xw_end(x);
}

/* The name is written even when empty: RFC 4287 requires the element, and
 * jekyll-feed writes <name></name> for an entry nobody wrote. */
static void person(struct xw *x, const char *role, const struct person *p)
{
	xw_start(x, role);
	if (p->name && *p->name)
		xw_element(x, "name", p->name);
	else
		xw_element_empty(x, "name");
	xw_element(x, "email", p->email);
	xw_element(x, "uri", p->uri);
	xw_end(x);
}

static bool has_person(const struct person *p)
{
	return p->name && *p->name;
}

/* RFC 4287 §4.1.1: a feed without an author needs one in every entry. */
static bool all_entries_have_author(const struct feed *feed)
{
	for (size_t i = 0; i < feed->n; i++)
		if (!has_person(&feed->posts[i]->author))
			return false;
	return true;
}

static bool any_image(const struct feed *feed)
{
	for (size_t i = 0; i < feed->n; i++)
		if (feed->posts[i]->image && *feed->posts[i]->image)
			return true;
	return false;
}

static void entry_content(struct xw *x, const struct site *site, const struct post *p,
			  const struct write_options *opt, const struct write_shared *sh,
			  struct diag_sink *diag)
{
	/* jekyll-feed: content unless excerpt_only (the site's or the post's
	 * feed.excerpt_only); the summary in every mode. */
	bool full = opt->content != CONTENT_SUMMARY && !p->excerpt_only;
	if (full) {
		const char *html = render_cache_html_text(sh->cache, site, p, diag);
		if (html) {
			xw_start(x, "content");
			xw_attr(x, "type", "html");
			xw_attr(x, "xml:base", render_cache_abs_url(sh->cache, site, p));
			xw_escaped(x, html);
			xw_end(x);
		}
	}
	const char *summary = render_cache_summary(sh->cache, site, p, diag);
	if (!summary || !*summary || feed_text_looks_like_markup(summary)) {
		text_construct(x, "summary", summary);
		return;
	}
	/* As text_construct() writes it, escaped once for every feed. */
	xw_start(x, "summary");
	xw_escaped(x, render_cache_summary_text(sh->cache, site, p, diag));
	xw_end(x);
}

/* RFC 4287 §4.2.7.2 rel="enclosure": length and type only when they are what
 * they should be (a byte count, a media type). */
static void enclosure(struct xw *x, const struct site *site, const struct post *p)
{
	char *url = feed_absolute_link(site, p->enclosure.url);
	if (!url)
		return;
	xw_start(x, "link");
	xw_attr(x, "rel", "enclosure");
	xw_attr(x, "href", url);
	if (p->enclosure.type && strchr(p->enclosure.type, '/'))
		xw_attr(x, "type", p->enclosure.type);
	if (feed_is_count(p->enclosure.length))
		xw_attr(x, "length", p->enclosure.length);
	xw_end(x);
	free(url);
}

/* jekyll-feed writes a post's image twice: media:thumbnail and
 * media:content medium="image" (readers take one or the other). */
static void thumbnail(struct xw *x, const struct site *site, const struct post *p)
{
	char *url = feed_absolute_link(site, p->image);
	if (!url)
		return;
	xw_start(x, "media:thumbnail");
	xw_attr(x, "url", url);
	xw_end(x);
	xw_start(x, "media:content");
	xw_attr(x, "medium", "image");
	xw_attr(x, "url", url);
	xw_end(x);
	free(url);
}

static void categories(struct xw *x, const struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		xw_start(x, "category");
		xw_attr(x, "term", l->v[i]);
		xw_end(x);
	}
}

/* fallback_author: who stands in for entries without an author when the feed
 * has none (RFC 4287 §4.1.1 wants one), or NULL when none is needed. */
static void entry(struct xw *x, const struct site *site, const char *fallback_author,
		  const struct post *p, const struct write_options *opt,
		  const struct write_shared *sh, struct diag_sink *diag)
{
	const char *title = render_cache_title(sh->cache, p);
	xw_start(x, "entry");
	if (p->lang && *p->lang)
		xw_attr(x, "xml:lang", p->lang);
	text_construct(x, "title", title);
	link(x, render_cache_abs_url(sh->cache, site, p), "alternate", "text/html", title);
	enclosure(x, site, p);
	xw_date(x, "published", &p->date, false);
	xw_date(x, "updated", p->has_updated ? &p->updated : &p->date, false);
	xw_element(x, "id", p->entry_id);
	entry_content(x, site, p, opt, sh, diag);
	if (has_person(&p->author))
		person(x, "author", &p->author);
	else if (fallback_author)
		person(x, "author", &(struct person){.name = (char *)fallback_author});
	categories(x, &p->categories);
	categories(x, &p->tags);
	thumbnail(x, site, p);
	xw_end(x);
}

static void feed_head(struct xw *x, const struct site *site, const struct feed *feed,
		      const struct write_options *opt, const struct write_shared *sh)
{
	const struct site_links *l = sh->links;
	xw_start(x, "generator");
	xw_attr(x, "version", opt->generator_version);
	xw_text(x, "feedgen");
	xw_end(x);
	link(x, feed->self_url, "self", "application/atom+xml", NULL);
	xw_start(x, "link");
	xw_attr(x, "href", l->home);
	xw_attr(x, "rel", "alternate");
	xw_attr(x, "type", "text/html");
	if (site->lang && *site->lang)
		xw_attr(x, "hreflang", site->lang);
	xw_end(x);
	link(x, l->hub, "hub", NULL, NULL);
	struct fg_time updated;
	feed_updated_or_site(feed, site, &updated);
	xw_date(x, "updated", &updated, false);
	char *id = feed_id(site, feed);
	xw_element(x, "id", id);
	free(id);
	char *title = feed_atom_title(feed, site);
	if (*title)
		text_construct(x, "title", title);
	else
		xw_element_empty(x, "title");	/* required; jekyll-feed would leave it out */
	free(title);
	char *subtitle = feed_plain_text(site->description);
	text_construct(x, "subtitle", subtitle);
	free(subtitle);
	xw_element(x, "icon", l->icon);
	xw_element(x, "logo", l->logo);
	if (has_person(&site->author))
		person(x, "author", &site->author);
}

int atom_write(xmlTextWriterPtr w, const struct site *site, const struct feed *feed,
	       const struct write_options *opt, const struct write_shared *sh,
	       struct diag_sink *diag)
{
	struct xw x = {w, false};
	xw_start(&x, "feed");
	xw_attr(&x, "xmlns", ATOM_NS);
	if (any_image(feed))
		xw_attr(&x, "xmlns:media", MEDIA_NS);
	if (site->lang && *site->lang)
		xw_attr(&x, "xml:lang", site->lang);
	feed_head(&x, site, feed, opt, sh);
	char *fallback = NULL;
	if (!has_person(&site->author) && !all_entries_have_author(feed))
		fallback = feed_site_title(site);
	for (size_t i = 0; i < feed->n; i++)
		entry(&x, site, fallback, feed->posts[i], opt, sh, diag);
	free(fallback);
	xw_end(&x);
	return x.failed ? -1 : 0;
}
