/* render.c: the render cache (render.h). */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <threads.h>


#include "base/text.h"
#include "feeds/feed.h"
#include "content/body.h"
#include "content/smartify.h"
#include "feeds/render.h"

/* ---- the render cache: open addressing keyed by the post's address ----
 *
 * Several writer threads may share it (feed_set_write). One mutex guards the
 * table; an item is made without it, by the first thread that asks, while the
 * others asking for the same item wait. The table only grows for a post never
 * planned, so entries are found again after each wait, never kept. */

enum {
	HAVE_HTML = 1, HAVE_SUMMARY = 2, HAVE_TITLE = 4, HAVE_HTML_TEXT = 8, HAVE_ABS_URL = 16,
	HAVE_SUMMARY_TEXT = 32
};

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
	char *summary_text;	/* summary as XML character data */
	char *abs_url;
	char *body_summary;	/* the excerpt's text, made with html from one read */
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
	free(e->html_text);
	free(e->summary_text);
	free(e->abs_url);
	free(e->body_summary);
	e->html = e->summary = e->title = e->html_text = e->abs_url = e->body_summary = NULL;
	e->summary_text = NULL;
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
	case HAVE_SUMMARY_TEXT: return &e->summary_text;
	default: return &e->abs_url;
	}
}

/* The body and the summary its excerpt gives come from one read of the file
 * (a summary is written beside the content, as jekyll-feed does). */
/* Output linear in the input: a body whose HTML passes RENDER_CONTENT_FACTOR
 * times its post file's size plus RENDER_CONTENT_SLACK (a Liquid loop, an
 * include) is left out of every feed, with an error naming the post (diag
 * NULL: no report). The file is looked at only past the slack. */
static bool content_within_bound(const struct post *p, size_t len, struct diag_sink *diag)
{
	if (len <= RENDER_CONTENT_SLACK)
		return true;
	struct stat st;
	unsigned long long size = lstat(p->path, &st) == 0 ? (unsigned long long)st.st_size : 0;
	unsigned long long bound = RENDER_CONTENT_FACTOR * size + RENDER_CONTENT_SLACK;
	if (len <= bound)
		return true;
	if (diag)
		diag_report(diag, DIAG_ERROR, p->path, p->body_line, 1, "output-bound",
			    "the body renders to %zu bytes, more than %d times the post's %llu "
			    "bytes + 1 MiB: left out of every feed (title and link kept)",
			    len, RENDER_CONTENT_FACTOR, size);
	return false;
}

static char *make_html(const struct site *site, const struct post *p, char **body_summary,
		       struct diag_sink *diag)
{
	char *html = body_render_summary(site, p, body_summary, diag);
	if (html && !*html) {
		free(html);
		html = NULL;
	}
	if (html && !content_within_bound(p, strlen(html), diag)) {
		free(html);
		html = NULL;
		if (*body_summary && !content_within_bound(p, strlen(*body_summary), NULL)) {
			free(*body_summary);
			*body_summary = NULL;
		}
	}
	return html;
}

/* s as XML character data (as xmlTextWriterWriteString() escapes it), or
 * NULL for NULL. */
static char *escaped(const char *s)
{
	return s ? feed_escape_text(s) : NULL;
}

static char *make_summary(struct render_cache *c, const struct site *site,
			  const struct post *p, struct diag_sink *diag)
{
	/* Given in the front matter: no body to read. */
	if ((p->description && *p->description) || p->excerpt)
		return body_summary(site, p, diag);
	render_cache_html(c, site, p, diag);
	mtx_lock(&c->lock);
	const char *s = entry_for(c, p)->body_summary;
	char *copy = s ? xstrdup(s) : NULL;
	mtx_unlock(&c->lock);
	return copy;
}

/* jekyll-feed: `post.title | smartify | strip_html | normalize_whitespace`. */
static char *make_title(const struct post *p)
{
	char *title = feed_plain_text(p->title);
	if (!*title) {
		free(title);
		title = xstrdup(p->slug ? p->slug : "untitled");
	}
	char *smart = smartify(title);
	free(title);
	return smart;
}

static char *make(struct render_cache *c, unsigned item, const struct site *site,
		  const struct post *p, char **extra, struct diag_sink *diag)
{
	switch (item) {
	case HAVE_HTML: return make_html(site, p, extra, diag);
	case HAVE_HTML_TEXT: return escaped(render_cache_html(c, site, p, diag));
	case HAVE_SUMMARY: return make_summary(c, site, p, diag);
	case HAVE_SUMMARY_TEXT: return escaped(render_cache_summary(c, site, p, diag));
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
	char *extra = NULL;
	char *value = make(c, item, site, p, &extra, c->deferred ? &kept : diag);
	mtx_lock(&c->lock);
	struct cache_entry *e = entry_for(c, p);
	*item_field(e, item) = value;
	if (item == HAVE_HTML)
		e->body_summary = extra;
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
#define AHEAD_ITEMS (HAVE_HTML | HAVE_HTML_TEXT | HAVE_SUMMARY | HAVE_SUMMARY_TEXT)

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

const char *render_cache_summary_text(struct render_cache *c, const struct site *site,
				      const struct post *p, struct diag_sink *diag)
{
	return get(c, HAVE_SUMMARY_TEXT, site, p, diag);
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
