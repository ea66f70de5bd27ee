/* feed.c: which posts a feed holds, the site's absolute links, and the
 * helpers every writer shares (feed.h). */
#include <config.h>

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <threads.h>

#include <libxml/entities.h>
#include <libxml/uri.h>

#include "base/siteurl.h"
#include "base/text.h"
#include "base/url.h"
#include "content/body.h"
#include "content/sanitize.h"
#include "content/smartify.h"
#include "feeds/feed.h"

char *feed_path_for_format(const char *atom_path, const struct format *fmt)
{
	if (strcmp(fmt->ext, FEED_ATOM_EXT) == 0)
		return xstrdup(atom_path);
	const char *dot = strrchr(atom_path, '.');
	const char *slash = strrchr(atom_path, '/');
	size_t stem = (dot && dot != atom_path && (!slash || dot > slash + 1))
			      ? (size_t)(dot - atom_path) : strlen(atom_path);
	struct buf b;
	buf_init(&b);
	buf_add(&b, atom_path, stem);
	buf_adds(&b, fmt->ext);
	/* feed.path "feed.rss" for the Atom feed must not make both one file. */
	if (strcmp(b.data, atom_path) == 0)
		buf_adds(&b, fmt->ext);
	return buf_take(&b);
}

char *feed_url_for_path(const struct site *site, const char *relpath)
{
	struct buf p;
	buf_init(&p);
	buf_printf(&p, "/%s", relpath);
	char *escaped = url_escape_path(p.data);
	char *abs = url_absolute(site->url, site->baseurl, escaped);
	free(escaped);
	buf_free(&p);
	return abs;
}

char *feed_display_title(const struct feed *f)
{
	return smartify(f->title ? f->title : "");
}

char *feed_atom_title(const struct feed *f, const struct site *site)
{
	if (f->kind != FEED_TAG)
		return feed_display_title(f);
	char *t = feed_site_title(site);
	char *s = smartify(t);
	free(t);
	return s;
}


/* ---- writer helpers ---- */

void xw_start(struct xw *x, const char *name)
{
	if (!x->failed && xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
		x->failed = true;
}

void xw_end(struct xw *x)
{
	if (!x->failed && xmlTextWriterEndElement(x->w) < 0)
		x->failed = true;
}

void xw_attr(struct xw *x, const char *name, const char *value)
{
	if (!x->failed && value &&
	    xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value) < 0)
		x->failed = true;
}

void xw_text(struct xw *x, const char *s)
{
	if (!x->failed && xmlTextWriterWriteString(x->w, BAD_CAST s) < 0)
		x->failed = true;
}

void xw_escaped(struct xw *x, const char *s)
{
	if (!x->failed && xmlTextWriterWriteRaw(x->w, BAD_CAST s) < 0)
		x->failed = true;
}

char *feed_escape_text(const char *s)
{
	static const char *const refs[] = {
		['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\r'] = "&#13;",
	};
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (;;) {
		size_t run = strcspn(s, "&<>\"\r");
		buf_add(&b, s, run);
		s += run;
		if (!*s)
			return buf_take(&b);
		buf_adds(&b, refs[(unsigned char)*s++]);
	}
}

void xw_element(struct xw *x, const char *name, const char *s)
{
	if (!s || !*s)
		return;
	xw_start(x, name);
	xw_text(x, s);
	xw_end(x);
}

void xw_element_text_as_html(struct xw *x, const char *name, const char *s)
{
	if (!s || !*s)
		return;
	char *html = html_escape_text(s);
	xw_element(x, name, html);
	free(html);
}

void xw_date(struct xw *x, const char *name, const struct fg_time *t, bool rfc822)
{
	char buf[64];
	if (rfc822)
		date_rfc822(t, buf, sizeof buf);
	else
		date_rfc3339(t, buf, sizeof buf);
	xw_element(x, name, buf);
}

char *feed_plain_text(const char *s)
{
	if (!s || !*s)
		return xstrdup("");
	if (!strpbrk(s, "<&"))
		return xstrdup(s);
	return html_to_text(s);
}

bool feed_is_count(const char *s)
{
	if (!s || !*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

bool feed_text_looks_like_markup(const char *s)
{
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
		unsigned char c = (unsigned char)p[1];
		if ((c < 0x80 && isalpha(c)) || c == '/' || c == '!' || c == '?')
			return true;
	}
	return false;
}

char *feed_site_title(const struct site *site)
{
	char *t = feed_plain_text(site->title);
	if (*t)
		return t;
	free(t);
	if (site->url && *site->url)
		return xstrdup(site->url);
	/* jekyll-feed writes no title at all; the folder feedgen was given is
	 * no name a reader should see (often "." or a CI checkout). */
	return xstrdup("");
}

void feed_init_site(struct feed *f, const struct site *site, const struct post_list *posts,
		    long limit, const struct format *fmt)
{
	memset(f, 0, sizeof *f);
	f->kind = FEED_SITE;
	f->format = fmt;
	f->title = feed_site_title(site);
	f->path = feed_path_for_format(site->feed_path, fmt);
	f->self_url = feed_url_for_path(site, f->path);
	size_t n = posts->n;
	if (limit > 0 && (size_t)limit < n)
		n = (size_t)limit;
	f->posts = xmalloc((n ? n : 1) * sizeof *f->posts);
	for (size_t i = 0; i < n; i++)
		f->posts[i] = posts->v[i];
	f->n = n;
}

void feed_updated_or_site(const struct feed *feed, const struct site *site, struct fg_time *out)
{
	const struct fg_time *t = feed_updated(feed);
	if (t) {
		*out = *t;
		return;
	}
	struct stat st;
	*out = (struct fg_time){0, 0, 0};
	if (stat(site->dir, &st) == 0)
		out->sec = (int64_t)st.st_mtime;
}

char *feed_id(const struct site *site, const struct feed *feed)
{
	if (site->url && *site->url)
		return xstrdup(feed->self_url);
	return siteurl_tag_id(feed->self_url);
}

void feed_free(struct feed *f)
{
	free(f->name);
	free(f->title);
	free(f->path);
	free(f->self_url);
	free(f->posts);
	memset(f, 0, sizeof *f);
}

const struct fg_time *feed_updated(const struct feed *feed)
{
	const struct fg_time *best = NULL;
	for (size_t i = 0; i < feed->n; i++) {
		const struct post *p = feed->posts[i];
		const struct fg_time *t = p->has_updated && date_cmp(&p->updated, &p->date) > 0
						  ? &p->updated : &p->date;
		if (!best || date_cmp(t, best) > 0)
			best = t;
	}
	return best;
}

/* ---- links ---- */

char *feed_absolute_link(const struct site *site, const char *ref)
{
	if (!ref || !*ref)
		return NULL;
	/* As jekyll's absolute_url: "img/x.png" is taken from the site root. A
	 * protocol-relative "//host/x.png" gets the site's scheme: a feed reader
	 * has no page whose scheme it could take. */
	char *abs;
	const char *colon = site->url ? strstr(site->url, "://") : NULL;
	if (ref[0] == '/' && ref[1] == '/' && colon) {
		struct buf b;
		buf_init(&b);
		buf_printf(&b, "%.*s:%s", (int)(colon - site->url), site->url, ref);
		abs = buf_take(&b);
	} else {
		abs = url_absolute(site->url, site->baseurl, ref);
	}
	/* Keep every reserved character and existing %XX; encode the rest. */
	xmlChar *esc = xmlURIEscapeStr(BAD_CAST abs, BAD_CAST ":/?#[]@!$&'()*+,;=%~");
	free(abs);
	char *out = xstrdup(esc ? (const char *)esc : "");
	xmlFree(esc);
	return out;
}

/* A regular file, not a link to one (nothing outside the site is followed). */
static bool file_exists(const char *dir, const char *name)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s/%s", dir, name);
	struct stat st;
	bool is = lstat(b.data, &st) == 0 && S_ISREG(st.st_mode);
	buf_free(&b);
	return is;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

void site_links_init(struct site_links *l, const struct site *site)
{
	memset(l, 0, sizeof *l);
	l->home = url_absolute(site->url, site->baseurl, "/");
	l->hub = feed_absolute_link(site, site->feed_hub);
	l->icon = feed_absolute_link(site, site->feed_icon);
	l->logo = feed_absolute_link(site, site->feed_logo);
	if (site->feed_style && *site->feed_style) {
		l->style_href = feed_absolute_link(site, site->feed_style);
		l->style_type = ends_with(site->feed_style, ".css") ? "text/css" : "text/xsl";
	} else if (file_exists(site->dir, "feed.xslt.xml")) {
		/* jekyll-feed's rule, with its type. */
		l->style_href = feed_absolute_link(site, "/feed.xslt.xml");
		l->style_type = "text/xml";
	}
}

void site_links_free(struct site_links *l)
{
	free(l->home);
	free(l->hub);
	free(l->icon);
	free(l->logo);
	free(l->style_href);
	memset(l, 0, sizeof *l);
}
