/* jsonfeed.c: the JSON Feed 1.1 writer. The same posts as the Atom and RSS
 * feeds, mapped as jsonfeed.org's version 1.1 page and its "Mapping RSS and
 * Atom to JSON Feed" say: guid/id to id, link to url, description/content to
 * content_html, category to tags, enclosure to attachments, pubDate/published
 * to date_published (RFC 3339), author to the 1.1 authors array, WebSub hub
 * to hubs. Fields with nothing to say are left out, never written empty.
 *
 * Why jansson (libjansson-dev): it is small, depends on nothing but libc,
 * escapes strings as RFC 8259 says and refuses invalid UTF-8, and with
 * JSON_PRESERVE_ORDER writes keys in the order they were added, so the same
 * posts give the same bytes. `feedgen validate --format json` already uses
 * it, so the program links one JSON library, not two. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "base/text.h"
#include "feeds/jsonfeed.h"
#include "feeds/render.h"
#include "feeds/rss.h"

/* Building the tree: as struct xw for XML, the first failure (a string that
 * is not UTF-8, no memory) is kept and the calls after it still run, so the
 * builders read as straight lists of fields and the result is checked once. */
struct jb {
	bool failed;
};

/* obj[key] = value, taking value; a NULL value (jansson's answer to invalid
 * UTF-8) marks the document failed. */
static void put(struct jb *j, json_t *obj, const char *key, json_t *value)
{
	if (!value || json_object_set_new(obj, key, value) != 0)
		j->failed = true;
}

/* s as a JSON string, NULL when it is not UTF-8. Checked here rather than by
 * json_string(), whose byte-at-a-time check was a tenth of writing a feed
 * (post bodies are most of its bytes). */
static json_t *string_of(const char *s)
{
	size_t n = strlen(s);
	return utf8_valid_prefix(s, n) == n ? json_stringn_nocheck(s, n) : NULL;
}

/* obj[key] = s, left out when s is NULL or empty. */
static void put_str(struct jb *j, json_t *obj, const char *key, const char *s)
{
	if (s && *s)
		put(j, obj, key, string_of(s));
}

static void append(struct jb *j, json_t *arr, json_t *value)
{
	if (!value || json_array_append_new(arr, value) != 0)
		j->failed = true;
}

/* obj[key] = arr when it has elements; arr is taken either way. */
static void put_array(struct jb *j, json_t *obj, const char *key, json_t *arr)
{
	if (json_array_size(arr) > 0)
		put(j, obj, key, arr);
	else
		json_decref(arr);
}

static bool has(const char *s)
{
	return s && *s;
}

/* An author object (name, url), or NULL when the person has neither: the
 * spec wants at least one member in an author. An address with no page is
 * written as a mailto: URL, which the spec allows for url. */
static json_t *author_object(struct jb *j, const struct site *site, const struct person *p)
{
	json_t *o = json_object();
	put_str(j, o, "name", p->name);
	/* JSON Feed wants an absolute url: a relative uri resolves against the site. */
	char *uri = has(p->uri) ? feed_absolute_link(site, p->uri) : NULL;
	if (uri) {
		put_str(j, o, "url", uri);
		free(uri);
	} else if (has(p->email)) {
		struct buf b;
		buf_init(&b);
		buf_printf(&b, "mailto:%s", p->email);
		put_str(j, o, "url", b.data);
		buf_free(&b);
	}
	if (json_object_size(o) == 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* "authors": [author], left out when there is no author. */
static void put_authors(struct jb *j, json_t *obj, const struct site *site,
			const struct person *p)
{
	json_t *a = author_object(j, site, p);
	if (!a)
		return;
	json_t *arr = json_array();
	append(j, arr, a);
	put(j, obj, "authors", arr);
}

static void put_date(struct jb *j, json_t *obj, const char *key, const struct fg_time *t)
{
	char buf[64];
	date_rfc3339(t, buf, sizeof buf);
	put_str(j, obj, key, buf);
}

/* RSS category maps to tags; feedgen's categories and tags both are, each
 * name once, categories first. */
static void put_tags(struct jb *j, json_t *item, const struct post *p)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < p->categories.n; i++)
		append(j, arr, json_string(p->categories.v[i]));
	for (size_t i = 0; i < p->tags.n; i++)
		if (!strlist_has(&p->categories, p->tags.v[i]))
			append(j, arr, json_string(p->tags.v[i]));
	put_array(j, item, "tags", arr);
}

/* An enclosure's length as size_in_bytes: only a byte count that fits, and
 * not 0, which RSS uses for "not known". */
static void put_size(struct jb *j, json_t *att, const char *length)
{
	if (!feed_is_count(length))
		return;
	errno = 0;
	long long n = strtoll(length, NULL, 10);
	if (errno == 0 && n > 0)
		put(j, att, "size_in_bytes", json_integer((json_int_t)n));
}

/* RSS enclosure maps to an attachment: url, mime_type (required; guessed
 * from the extension as for RSS when not given), size_in_bytes. */
static void put_attachments(struct jb *j, json_t *item, const struct site *site,
			    const struct post *p)
{
	char *url = feed_absolute_link(site, p->enclosure.url);
	if (!url)
		return;
	const struct enclosure *e = &p->enclosure;
	json_t *att = json_object();
	put_str(j, att, "url", url);
	put_str(j, att, "mime_type",
		has(e->type) && strchr(e->type, '/') ? e->type : rss_guess_media_type(url));
	put_size(j, att, e->length);
	json_t *arr = json_array();
	append(j, arr, att);
	put(j, item, "attachments", arr);
	free(url);
}

/* content_html is the full HTML, as Atom's content. One of content_html and
 * content_text must be there, so when there is no HTML to give (--content
 * summary, or an empty body) the plain-text summary is the content_text,
 * "" for a post with nothing at all. summary goes beside content_html as
 * Atom's does, whenever the post has one. */
static void put_content(struct jb *j, json_t *item, const struct site *site, const struct post *p,
			const struct write_options *opt, const struct write_shared *sh,
			struct diag_sink *diag)
{
	const char *html = opt->content != CONTENT_SUMMARY && !p->excerpt_only
				   ? render_cache_html(sh->cache, site, p, diag) : NULL;
	if (!html) {
		const char *summary = render_cache_summary(sh->cache, site, p, diag);
		put(j, item, "content_text", string_of(summary ? summary : ""));
		return;
	}
	put_str(j, item, "content_html", html);
	put_str(j, item, "summary", render_cache_summary(sh->cache, site, p, diag));
}

static json_t *item_object(struct jb *j, const struct site *site, const struct post *p,
			   const struct write_options *opt, const struct write_shared *sh,
			   struct diag_sink *diag)
{
	json_t *item = json_object();
	put_str(j, item, "id", p->entry_id);
	put_str(j, item, "url", render_cache_abs_url(sh->cache, site, p));
	put_str(j, item, "title", render_cache_title(sh->cache, p));
	put_content(j, item, site, p, opt, sh, diag);
	char *image = feed_absolute_link(site, p->image);
	put_str(j, item, "image", image);
	free(image);
	put_date(j, item, "date_published", &p->date);
	if (p->has_updated)
		put_date(j, item, "date_modified", &p->updated);
	put_authors(j, item, site, &p->author);
	put_tags(j, item, p);
	put_str(j, item, "language", p->lang);
	put_attachments(j, item, site, p);
	return item;
}

/* The top level. Atom's icon (small, square) is JSON Feed's favicon; its
 * logo is the larger icon, and the icon stands in for it when there is no
 * logo. The generator has no field in JSON Feed: it goes in an extension
 * object, where readers ignore it and `feedgen -o` recognises its own files. */
static void feed_head(struct jb *j, json_t *root, const struct site *site,
		      const struct feed *feed, const struct write_options *opt,
		      const struct write_shared *sh)
{
	const struct site_links *l = sh->links;
	put_str(j, root, "version", JSONFEED_VERSION_1_1);
	char *title = feed_display_title(feed);
	put_str(j, root, "title", title);
	free(title);
	put_str(j, root, "home_page_url", l->home);
	put_str(j, root, "feed_url", feed->self_url);
	json_t *gen = json_object();
	put_str(j, gen, "version", opt->generator_version);
	put(j, root, "_feedgen", gen);
	char *description = feed_plain_text(site->description);
	put_str(j, root, "description", description);
	free(description);
	put_str(j, root, "icon", l->logo ? l->logo : l->icon);
	put_str(j, root, "favicon", l->icon);
	put_authors(j, root, site, &site->author);
	put_str(j, root, "language", site->lang);
	if (l->hub) {
		json_t *hub = json_object();
		put_str(j, hub, "type", "WebSub");
		put_str(j, hub, "url", l->hub);
		json_t *hubs = json_array();
		append(j, hubs, hub);
		put(j, root, "hubs", hubs);
	}
}

/* jansson hands over the text in pieces; xmlOutputBufferWrite takes an int
 * length, so a piece is passed on in slices that fit one. */
static int write_piece(const char *buffer, size_t size, void *data)
{
	xmlOutputBufferPtr out = data;
	while (size > 0) {
		int n = size > INT_MAX / 2 ? INT_MAX / 2 : (int)size;
		if (xmlOutputBufferWrite(out, n, buffer) < 0)
			return -1;
		buffer += n;
		size -= (size_t)n;
	}
	return 0;
}

int jsonfeed_write(xmlOutputBufferPtr out, const struct site *site, const struct feed *feed,
		   const struct write_options *opt, const struct write_shared *sh,
		   struct diag_sink *diag)
{
	struct jb j = {false};
	json_t *root = json_object();
	feed_head(&j, root, site, feed, opt, sh);
	json_t *items = json_array();
	for (size_t i = 0; i < feed->n; i++)
		append(&j, items, item_object(&j, site, feed->posts[i], opt, sh, diag));
	put(&j, root, "items", items);
	int rc = -1;
	if (!j.failed &&
	    json_dump_callback(root, write_piece, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0 &&
	    xmlOutputBufferWrite(out, 1, "\n") >= 0)
		rc = 0;
	json_decref(root);
	return rc;
}
