/* rss.c: the RSS 2.0 writer. The same posts as the Atom feed, mapped to what
 * RSS 2.0.11 and the RSS Advisory Board's best practices ask for: RFC 822
 * dates with a numeric zone, guid isPermaLink="false" unless the id is the
 * post's URL, author only as "email (name)" (dc:creator otherwise), an
 * atom:link to the feed itself. Text goes through libxml2's writer, so it is
 * escaped once and never put in a CDATA section that "]]>" could end. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "feeds/render.h"
#include "feeds/rss.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"
#define DC_NS "http://purl.org/dc/elements/1.1/"
#define CONTENT_NS "http://purl.org/rss/1.0/modules/content/"
#define MEDIA_NS "http://search.yahoo.com/mrss/"
#define RSS_DOCS "https://www.rssboard.org/rss-specification"

/* Which extension namespaces the root must declare: only those used. */
struct rss_needs {
	bool dc;
	bool media;
	bool content;
};

static bool has(const char *s)
{
	return s && *s;
}

/* The author an item shows: its own, else the site's (as jekyll-feed). */
static const struct person *item_author(const struct site *site, const struct post *p)
{
	if (has(p->author.name) || has(p->author.email))
		return &p->author;
	if (has(site->author.name) || has(site->author.email))
		return &site->author;
	return NULL;
}

/* RSS's <author> is "email (name)"; a name with '<' would read as
 * "name <email>", so such an author goes to dc:creator. */
static bool author_is_email(const struct person *a)
{
	return a && has(a->email) && has(a->name) && !strchr(a->name, '<');
}

static struct rss_needs scan(const struct site *site, const struct feed *feed,
			     const struct write_options *opt)
{
	struct rss_needs n = {false, false, opt->content == CONTENT_BOTH};
	for (size_t i = 0; i < feed->n; i++) {
		const struct post *p = feed->posts[i];
		const struct person *a = item_author(site, p);
		if (a && !author_is_email(a))
			n.dc = true;
		if (has(p->image))
			n.media = true;
	}
	return n;
}

const char *rss_guess_media_type(const char *url)
{
	static const struct { const char *ext, *type; } types[] = {
		{".mp3", "audio/mpeg"}, {".m4a", "audio/mp4"}, {".aac", "audio/aac"},
		{".ogg", "audio/ogg"}, {".oga", "audio/ogg"}, {".opus", "audio/ogg"},
		{".wav", "audio/wav"}, {".flac", "audio/flac"}, {".mp4", "video/mp4"},
		{".m4v", "video/mp4"}, {".mov", "video/quicktime"}, {".webm", "video/webm"},
		{".ogv", "video/ogg"}, {".pdf", "application/pdf"}, {".epub", "application/epub+zip"},
		{".zip", "application/zip"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
		{".png", "image/png"}, {".gif", "image/gif"}, {".webp", "image/webp"},
		{".svg", "image/svg+xml"},
	};
	size_t end = strcspn(url, "?#");
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		size_t k = strlen(types[i].ext);
		if (end >= k && strncasecmp(url + end - k, types[i].ext, k) == 0)
			return types[i].type;
	}
	return "application/octet-stream";
}

/* RSS requires url, length and type. An unknown length is written 0, as the
 * RSS Best Practices Profile says to. */
static void enclosure(struct xw *x, const struct site *site, const struct post *p)
{
	char *url = feed_absolute_link(site, p->enclosure.url);
	if (!url)
		return;
	const struct enclosure *e = &p->enclosure;
	xw_start(x, "enclosure");
	xw_attr(x, "url", url);
	xw_attr(x, "length", feed_is_count(e->length) ? e->length : "0");
	xw_attr(x, "type", has(e->type) && strchr(e->type, '/') ? e->type : rss_guess_media_type(url));
	xw_end(x);
	free(url);
}

static void author(struct xw *x, const struct person *a)
{
	if (!a)
		return;
	if (author_is_email(a)) {
		struct buf b;
		buf_init(&b);
		buf_printf(&b, "%s (%s)", a->email, a->name);
		xw_element(x, "author", b.data);
		buf_free(&b);
		return;
	}
	xw_element(x, "dc:creator", has(a->name) ? a->name : a->email);
}

/* As xw_element(), for text already escaped (render_cache_html_text()). */
static void escaped_element(struct xw *x, const char *name, const char *escaped)
{
	if (!escaped || !*escaped)
		return;
	xw_start(x, name);
	xw_escaped(x, escaped);
	xw_end(x);
}

static void description(struct xw *x, const struct site *site, const struct post *p,
			const struct write_options *opt, const struct write_shared *sh,
			struct diag_sink *diag)
{
	const char *html = opt->content == CONTENT_FULL && !p->excerpt_only
				   ? render_cache_html_text(sh->cache, site, p, diag) : NULL;
	if (html)
		escaped_element(x, "description", html);
	else
		xw_element_text_as_html(x, "description",
					render_cache_summary(sh->cache, site, p, diag));
	if (opt->content == CONTENT_BOTH && !p->excerpt_only)
		escaped_element(x, "content:encoded",
				render_cache_html_text(sh->cache, site, p, diag));
}

static bool is_http(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

static void guid(struct xw *x, const struct post *p, const char *abs_url)
{
	if (!has(p->entry_id))
		return;
	bool permalink = abs_url && strcmp(p->entry_id, abs_url) == 0 && is_http(abs_url);
	xw_start(x, "guid");
	if (!permalink)
		xw_attr(x, "isPermaLink", "false");
	xw_text(x, p->entry_id);
	xw_end(x);
}

static void item(struct xw *x, const struct site *site, const struct post *p,
		 const struct write_options *opt, const struct write_shared *sh,
		 struct diag_sink *diag)
{
	const char *abs_url = render_cache_abs_url(sh->cache, site, p);
	xw_start(x, "item");
	xw_element(x, "title", render_cache_title(sh->cache, p));
	xw_element(x, "link", abs_url);
	description(x, site, p, opt, sh, diag);
	author(x, item_author(site, p));
	for (size_t i = 0; i < p->categories.n; i++)
		xw_element(x, "category", p->categories.v[i]);
	for (size_t i = 0; i < p->tags.n; i++)
		xw_element(x, "category", p->tags.v[i]);
	enclosure(x, site, p);
	guid(x, p, abs_url);
	xw_date(x, "pubDate", &p->date, true);
	char *thumb = feed_absolute_link(site, p->image);
	if (thumb) {
		xw_start(x, "media:thumbnail");
		xw_attr(x, "url", thumb);
		xw_end(x);
		xw_start(x, "media:content");	/* as in the Atom feed */
		xw_attr(x, "medium", "image");
		xw_attr(x, "url", thumb);
		xw_end(x);
		free(thumb);
	}
	xw_end(x);
}

static void atom_link(struct xw *x, const char *href, const char *rel, const char *type)
{
	if (!has(href))
		return;
	xw_start(x, "atom:link");
	xw_attr(x, "href", href);
	xw_attr(x, "rel", rel);
	xw_attr(x, "type", type);
	xw_end(x);
}

static void channel_head(struct xw *x, const struct site *site, const struct feed *feed,
			 const struct write_options *opt, const struct write_shared *sh)
{
	const struct site_links *l = sh->links;
	char *title = feed_display_title(feed);
	xw_element(x, "title", title);
	xw_element(x, "link", l->home);
	char *desc = feed_plain_text(site->description);
	xw_element(x, "description", *desc ? desc : title);
	free(desc);
	xw_element(x, "language", site->lang);
	const struct fg_time *updated = feed_updated(feed);
	if (updated)
		xw_date(x, "lastBuildDate", updated, true);
	struct buf gen;
	buf_init(&gen);
	buf_printf(&gen, "feedgen %s", opt->generator_version);
	xw_element(x, "generator", gen.data);
	buf_free(&gen);
	xw_element(x, "docs", RSS_DOCS);
	const char *image = l->logo ? l->logo : l->icon;
	if (image) {
		/* Title and link as the channel's, as the best practices ask. */
		xw_start(x, "image");
		xw_element(x, "url", image);
		xw_element(x, "title", title);
		xw_element(x, "link", l->home);
		xw_end(x);
	}
	free(title);
	atom_link(x, feed->self_url, "self", "application/rss+xml");
	atom_link(x, l->hub, "hub", NULL);
}

int rss_write(xmlTextWriterPtr w, const struct site *site, const struct feed *feed,
	      const struct write_options *opt, const struct write_shared *sh,
	      struct diag_sink *diag)
{
	struct xw x = {w, false};
	struct rss_needs needs = scan(site, feed, opt);
	xw_start(&x, "rss");
	xw_attr(&x, "version", "2.0");
	xw_attr(&x, "xmlns:atom", ATOM_NS);
	if (needs.content)
		xw_attr(&x, "xmlns:content", CONTENT_NS);
	if (needs.dc)
		xw_attr(&x, "xmlns:dc", DC_NS);
	if (needs.media)
		xw_attr(&x, "xmlns:media", MEDIA_NS);
	xw_start(&x, "channel");
	channel_head(&x, site, feed, opt, sh);
	for (size_t i = 0; i < feed->n; i++)
		item(&x, site, feed->posts[i], opt, sh, diag);
	xw_end(&x);
	xw_end(&x);
	return x.failed ? -1 : 0;
}
