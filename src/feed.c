/* feed.c: which posts a feed holds, the format table every writer sits in,
 * and what the writers share: the site's absolute links and the cache that
 * renders each post once however many feeds show it. */
#include <config.h>

#include <ctype.h>
#include <libgen.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include <libxml/entities.h>
#include <libxml/uri.h>

#include "atom.h"
#include "body.h"
#include "feed.h"
#include "jsonfeed.h"
#include "loader.h"
#include "rss.h"
#include "text.h"
#include "url.h"

/* Atom first: feed_path_for_format() derives the others' paths from its ext. */
const struct format feed_formats[] = {
	{.name = "atom", .ext = ".xml", .media_type = "application/atom+xml", .write = atom_write},
	{.name = "rss", .ext = ".rss", .media_type = "application/rss+xml", .write = rss_write},
	{.name = "json", .ext = ".json", .media_type = "application/feed+json",
	 .write_bytes = jsonfeed_write},
	{.name = NULL},
};

const struct format *feed_format_find(const char *name)
{
	for (const struct format *f = feed_formats; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

char *feed_path_for_format(const char *atom_path, const struct format *fmt)
{
	if (strcmp(fmt->ext, feed_formats[0].ext) == 0)
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
	xmlChar *html = xmlEncodeSpecialChars(NULL, BAD_CAST s);
	xw_element(x, name, (const char *)html);
	xmlFree(html);
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
	char *copy = xstrdup(site->dir);
	size_t n = strlen(copy);
	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	char *name = xstrdup(basename(copy));
	free(copy);
	return name;
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

/* libxml2 prints I/O errors itself; the caller reports them once, with the
 * file's name and errno, so they are silenced while a feed is written. */
static void ignore_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static int write_document(xmlTextWriterPtr w, const struct format *fmt, const struct site *site,
			  const struct feed *feed, const struct write_options *opt,
			  const struct write_shared *sh, struct diag_sink *diag)
{
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0)
		return -1;
	const struct site_links *l = sh->links;
	if (l->style_href) {
		struct buf pi;
		buf_init(&pi);
		buf_printf(&pi, "type=\"%s\" href=\"%s\"", l->style_type, l->style_href);
		int rc = xmlTextWriterWritePI(w, BAD_CAST "xml-stylesheet", BAD_CAST pi.data);
		buf_free(&pi);
		if (rc < 0)
			return -1;
	}
	if (fmt->write(w, site, feed, opt, sh, diag) != 0)
		return -1;
	return xmlTextWriterEndDocument(w) < 0 ? -1 : 0;
}

/* An XML format: the text writer owns out and closes it when freed. */
static int write_xml(xmlOutputBufferPtr out, const struct format *fmt, const struct site *site,
		     const struct feed *feed, const struct write_options *opt,
		     const struct write_shared *sh, struct diag_sink *diag)
{
	xmlTextWriterPtr w = xmlNewTextWriter(out);
	if (!w) {
		xmlOutputBufferClose(out);
		return -1;
	}
	int rc = write_document(w, fmt, site, feed, opt, sh, diag);
	xmlFreeTextWriter(w);
	return rc;
}

/* Any other format writes bytes; closing flushes them, and a failed flush
 * fails the feed as a failed write does. */
static int write_bytes(xmlOutputBufferPtr out, const struct format *fmt, const struct site *site,
		       const struct feed *feed, const struct write_options *opt,
		       const struct write_shared *sh, struct diag_sink *diag)
{
	int rc = fmt->write_bytes(out, site, feed, opt, sh, diag);
	if (xmlOutputBufferClose(out) < 0)
		rc = -1;
	return rc;
}

int feed_write_shared(const struct format *fmt, xmlOutputBufferPtr out, const struct site *site,
		      const struct feed *feed, const struct write_options *opt,
		      const struct write_shared *sh, struct diag_sink *diag)
{
	xmlGenericErrorFunc old_generic = xmlGenericError;
	void *old_generic_ctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc old_structured = xmlStructuredError;
	void *old_structured_ctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(NULL, ignore_error);
	xmlSetStructuredErrorFunc(NULL, NULL);
	int rc = -1;
	if (out && fmt->write_bytes)
		rc = write_bytes(out, fmt, site, feed, opt, sh, diag);
	else if (out)
		rc = write_xml(out, fmt, site, feed, opt, sh, diag);
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
	xmlSetStructuredErrorFunc(old_structured_ctx, old_structured);
	return rc;
}

int feed_write(const struct format *fmt, xmlOutputBufferPtr out, const struct site *site,
	       const struct feed *feed, const struct write_options *opt, struct diag_sink *diag)
{
	struct site_links links;
	site_links_init(&links, site);
	struct write_shared sh = {&links, render_cache_new(feed->n)};
	int rc = feed_write_shared(fmt, out, site, feed, opt, &sh, diag);
	render_cache_free(sh.cache);
	site_links_free(&links);
	return rc;
}

/* ---- links ---- */

char *feed_absolute_link(const struct site *site, const char *ref)
{
	if (!ref || !*ref)
		return NULL;
	/* As jekyll's absolute_url: "img/x.png" is taken from the site root. */
	char *abs = url_absolute(site->url, site->baseurl, ref);
	/* Keep every reserved character and existing %XX; encode the rest. */
	xmlChar *esc = xmlURIEscapeStr(BAD_CAST abs, BAD_CAST ":/?#[]@!$&'()*+,;=%~");
	free(abs);
	char *out = xstrdup(esc ? (const char *)esc : "");
	xmlFree(esc);
	return out;
}

static bool file_exists(const char *dir, const char *name)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s/%s", dir, name);
	FILE *f = fopen(b.data, "rb");
	buf_free(&b);
	if (f)
		fclose(f);
	return f != NULL;
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

/* ---- the render cache: open addressing keyed by the post's address ----
 *
 * Several writer threads may share it (feed_set_write). One mutex guards the
 * table; an item is made without it, by the first thread that asks, while the
 * others asking for the same item wait. The table only grows for a post never
 * planned, so entries are found again after each wait, never kept. */

enum { HAVE_HTML = 1, HAVE_SUMMARY = 2, HAVE_TITLE = 4, HAVE_HTML_TEXT = 8, HAVE_ABS_URL = 16 };

struct cache_entry {
	const struct post *post;	/* NULL: free slot */
	unsigned have;		/* items made */
	unsigned busy;		/* items a thread is making */
	unsigned long uses;	/* planned uses not yet done; 0 when never planned */
	bool planned;
	size_t seq;		/* when it was first planned: the order of its messages */
	char *html;
	char *summary;
	char *title;
	char *html_text;	/* html as XML character data (xmlEncodeSpecialChars) */
	char *abs_url;
	struct diag_records diags;	/* kept until render_cache_flush() when deferred */
};

struct render_cache {
	struct cache_entry *v;
	size_t cap;		/* a power of two */
	size_t n;
	size_t renders;
	size_t planned;
	const struct post **order;	/* the planned posts, by seq */
	size_t order_cap;
	bool deferred;
	mtx_t lock;
	cnd_t made;
};

static size_t slot_of(const struct post *p, size_t cap)
{
	uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 17) & (cap - 1);
}

static struct cache_entry *find_slot(struct cache_entry *v, size_t cap, const struct post *p)
{
	size_t i = slot_of(p, cap);
	while (v[i].post && v[i].post != p)
		i = (i + 1) & (cap - 1);
	return &v[i];
}

static void grow(struct render_cache *c)
{
	size_t cap = c->cap * 2;
	struct cache_entry *v = xcalloc(cap, sizeof *v);
	for (size_t i = 0; i < c->cap; i++)
		if (c->v[i].post)
			*find_slot(v, cap, c->v[i].post) = c->v[i];
	free(c->v);
	c->v = v;
	c->cap = cap;
}

/* With the lock held. */
static struct cache_entry *entry_for(struct render_cache *c, const struct post *p)
{
	if ((c->n + 1) * 2 > c->cap)
		grow(c);
	struct cache_entry *e = find_slot(c->v, c->cap, p);
	if (!e->post) {
		e->post = p;
		c->n++;
	}
	return e;
}

struct render_cache *render_cache_new(size_t expected_posts)
{
	struct render_cache *c = xcalloc(1, sizeof *c);
	c->cap = 16;
	while (c->cap < expected_posts * 2)
		c->cap *= 2;
	c->v = xcalloc(c->cap, sizeof *c->v);
	if (mtx_init(&c->lock, mtx_plain) != thrd_success || cnd_init(&c->made) != thrd_success)
		abort();
	return c;
}

static void entry_clear(struct cache_entry *e)
{
	free(e->html);
	free(e->summary);
	free(e->title);
	xmlFree(e->html_text);
	free(e->abs_url);
	e->html = e->summary = e->title = e->html_text = e->abs_url = NULL;
	e->have = 0;
}

void render_cache_defer(struct render_cache *c)
{
	c->deferred = true;
}

void render_cache_plan(struct render_cache *c, const struct post *p)
{
	mtx_lock(&c->lock);
	struct cache_entry *e = entry_for(c, p);
	if (!e->planned) {
		if (c->planned == c->order_cap) {
			c->order_cap = c->order_cap ? c->order_cap * 2 : 64;
			c->order = xrealloc(c->order, c->order_cap * sizeof *c->order);
		}
		c->order[c->planned] = p;
		e->seq = c->planned++;
	}
	e->planned = true;
	e->uses++;
	mtx_unlock(&c->lock);
}

/* With the lock held. */
static void drop_use(struct render_cache *c, const struct post *p)
{
	struct cache_entry *e = find_slot(c->v, c->cap, p);
	if (e->post && e->planned && e->uses > 0 && --e->uses == 0)
		entry_clear(e);
}

void render_cache_done(struct render_cache *c, const struct post *p)
{
	mtx_lock(&c->lock);
	drop_use(c, p);
	mtx_unlock(&c->lock);
}

static int by_seq(const void *a, const void *b)
{
	size_t x = (*(struct cache_entry *const *)a)->seq;
	size_t y = (*(struct cache_entry *const *)b)->seq;
	return x < y ? -1 : x > y;
}

void render_cache_flush(struct render_cache *c, struct diag_sink *sink)
{
	struct cache_entry **with = xmalloc((c->n + 1) * sizeof *with);
	size_t k = 0;
	for (size_t i = 0; i < c->cap; i++)
		if (c->v[i].post && c->v[i].diags.n)
			with[k++] = &c->v[i];
	qsort(with, k, sizeof *with, by_seq);
	for (size_t i = 0; i < k; i++) {
		diag_replay_all(sink, &with[i]->diags);
		diag_records_free(&with[i]->diags);
	}
	free(with);
}

void render_cache_free(struct render_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->cap; i++)
		if (c->v[i].post) {
			entry_clear(&c->v[i]);
			diag_records_free(&c->v[i].diags);
		}
	free(c->v);
	free(c->order);
	mtx_destroy(&c->lock);
	cnd_destroy(&c->made);
	free(c);
}

static char **item_field(struct cache_entry *e, unsigned item)
{
	switch (item) {
	case HAVE_HTML: return &e->html;
	case HAVE_SUMMARY: return &e->summary;
	case HAVE_TITLE: return &e->title;
	case HAVE_HTML_TEXT: return &e->html_text;
	default: return &e->abs_url;
	}
}

static char *make_html(const struct site *site, const struct post *p, struct diag_sink *diag)
{
	char *html = body_render(site, p, diag);
	if (html && !*html) {
		free(html);
		html = NULL;
	}
	return html;
}

static char *make_html_text(struct render_cache *c, const struct site *site,
			    const struct post *p, struct diag_sink *diag)
{
	const char *html = render_cache_html(c, site, p, diag);
	if (!html)
		return NULL;
	char *t = (char *)xmlEncodeSpecialChars(NULL, BAD_CAST html);
	if (!t)
		abort();
	return t;
}

static char *make_summary(struct render_cache *c, const struct site *site,
			  const struct post *p, struct diag_sink *diag)
{
	/* A bad byte in the excerpt is in the body too: let the body's render
	 * (cached, and used by the content anyway) report it once. */
	struct diag_sink quiet;
	diag_sink_init(&quiet, NULL);
	char *summary = body_summary(site, p, &quiet);
	if (quiet.errors)
		render_cache_html(c, site, p, diag);
	return summary;
}

static char *make_title(const struct post *p)
{
	char *title = feed_plain_text(p->title);
	if (!*title) {
		free(title);
		title = xstrdup(p->slug ? p->slug : "untitled");
	}
	return title;
}

static char *make(struct render_cache *c, unsigned item, const struct site *site,
		  const struct post *p, struct diag_sink *diag)
{
	switch (item) {
	case HAVE_HTML: return make_html(site, p, diag);
	case HAVE_HTML_TEXT: return make_html_text(c, site, p, diag);
	case HAVE_SUMMARY: return make_summary(c, site, p, diag);
	case HAVE_TITLE: return make_title(p);
	default: return post_abs_url(site, p);
	}
}

static void keep_diags(struct diag_records *to, struct diag_records *from)
{
	for (size_t i = 0; i < from->n; i++) {
		if (to->n == to->cap) {
			to->cap = to->cap ? to->cap * 2 : 4;
			to->v = xrealloc(to->v, to->cap * sizeof *to->v);
		}
		to->v[to->n++] = from->v[i];
	}
	free(from->v);
	*from = (struct diag_records){0};
}

/* With the lock held, which it lets go while making p's item. Deferred
 * diagnostics are kept in the entry for render_cache_flush(), so their order
 * never depends on the threads. */
static void make_unlocked(struct render_cache *c, unsigned item, const struct site *site,
			  const struct post *p, struct diag_sink *diag)
{
	entry_for(c, p)->busy |= item;
	mtx_unlock(&c->lock);
	struct diag_records rec = {0};
	struct diag_sink kept;
	diag_sink_init_record(&kept, &rec);
	char *value = make(c, item, site, p, c->deferred ? &kept : diag);
	mtx_lock(&c->lock);
	struct cache_entry *e = entry_for(c, p);
	*item_field(e, item) = value;
	e->have |= item;
	e->busy &= ~item;
	keep_diags(&e->diags, &rec);
	c->renders += item == HAVE_HTML;
	cnd_broadcast(&c->made);
}

/* How far past a post that another thread is rendering a waiting thread may
 * render: far enough to find work, near enough that what it renders is
 * needed soon (rendered bodies are held until their last use). */
#define AHEAD_WINDOW 64
#define AHEAD_ITEMS (HAVE_HTML | HAVE_HTML_TEXT | HAVE_SUMMARY)

/* With the lock held: a post planned soon after the one at seq whose item no
 * thread has made or is making, or NULL. */
static const struct post *work_ahead(struct render_cache *c, unsigned item, size_t seq)
{
	if (!c->deferred || !(item & AHEAD_ITEMS))
		return NULL;
	size_t end = seq + AHEAD_WINDOW < c->planned ? seq + AHEAD_WINDOW : c->planned;
	for (size_t i = seq + 1; i < end; i++) {
		const struct cache_entry *e = find_slot(c->v, c->cap, c->order[i]);
		if (e->uses > 0 && !((e->have | e->busy) & item))
			return c->order[i];
	}
	return NULL;
}

/* Item of p's entry, made once. Threads write feeds that share their newest
 * posts: one that finds p being rendered by another renders a post the feeds
 * will need next instead of waiting, so the threads do not take turns. */
static const char *get(struct render_cache *c, unsigned item, const struct site *site,
		       const struct post *p, struct diag_sink *diag)
{
	mtx_lock(&c->lock);
	for (;;) {
		struct cache_entry *e = entry_for(c, p);
		if (e->have & item)
			break;
		if (!(e->busy & item)) {
			make_unlocked(c, item, site, p, diag);
			continue;
		}
		const struct post *next = work_ahead(c, item, e->seq);
		if (!next) {
			cnd_wait(&c->made, &c->lock);
			continue;
		}
		/* A use of its own, so the post's last writer cannot free its
		 * body while this thread still reads it. */
		entry_for(c, next)->uses++;
		make_unlocked(c, item, site, next, diag);
		drop_use(c, next);
	}
	const char *r = *item_field(entry_for(c, p), item);
	mtx_unlock(&c->lock);
	return r;
}

const char *render_cache_html(struct render_cache *c, const struct site *site,
			      const struct post *p, struct diag_sink *diag)
{
	return get(c, HAVE_HTML, site, p, diag);
}

const char *render_cache_html_text(struct render_cache *c, const struct site *site,
				   const struct post *p, struct diag_sink *diag)
{
	return get(c, HAVE_HTML_TEXT, site, p, diag);
}

const char *render_cache_summary(struct render_cache *c, const struct site *site,
				 const struct post *p, struct diag_sink *diag)
{
	return get(c, HAVE_SUMMARY, site, p, diag);
}

const char *render_cache_title(struct render_cache *c, const struct post *p)
{
	return get(c, HAVE_TITLE, NULL, p, NULL);
}

const char *render_cache_abs_url(struct render_cache *c, const struct site *site,
				 const struct post *p)
{
	return get(c, HAVE_ABS_URL, site, p, NULL);
}

size_t render_cache_renders(const struct render_cache *c)
{
	return c->renders;
}
