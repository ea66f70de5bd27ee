/* jekyll.c: Jekyll's rules for a post (jekyll.h), apart from reading it. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/siteurl.h"
#include "base/strmap.h"
#include "base/text.h"
#include "base/url.h"
#include "site/jekyll.h"
#include "site/permalink.h"

/* Jekyll's title for a post without one, Utils.titleize_slug:
 * slug.split("-").map!(&:capitalize).join(" "): each word capitalized as
 * Ruby does it (the rest in lower case: "Upper Case" gives "Upper case"),
 * and Ruby's split drops the empty words at the end. */
char *jekyll_titleize_slug(const char *slug)
{
	size_t n = strlen(slug);
	while (n > 0 && slug[n - 1] == '-')
		n--;
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (size_t i = 0; i < n;) {
		size_t end = i;
		while (end < n && slug[end] != '-')
			end++;
		char *word = xstrndup(slug + i, end - i);
		char *cap = text_capitalize(word);
		if (i > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, cap);
		free(cap);
		free(word);
		i = end + 1;
	}
	return buf_take(&b);
}

static const char *file_base(const char *relpath)
{
	const char *base = strrchr(relpath, '/');
	return base ? base + 1 : relpath;
}

/* Jekyll's Document::DATE_FILENAME_MATCHER on a base name:
 * (\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$. Returns the length of the date
 * and the '-' after it (the slug starts there), 0 when the name does not
 * match: Jekyll reads no such file in _posts/. v gets year, month and day as
 * written. */
static size_t name_date_match(const char *base, int v[3])
{
	static const int lo[3] = {2, 1, 1}, hi[3] = {4, 2, 2};
	size_t i = 0;
	for (int k = 0; k < 3; k++) {
		int n = 0;
		v[k] = 0;
		while (n < hi[k] && base[i] >= '0' && base[i] <= '9') {
			v[k] = v[k] * 10 + (base[i++] - '0');
			n++;
		}
		if (n < lo[k] || base[i] != '-')
			return 0;
		if (k == 0 && n == 2)	/* Ruby's Time.parse: 69-99 are 19xx, 00-68 20xx */
			v[0] += v[0] >= 69 ? 1900 : 2000;
		i++;
	}
	const char *dot = strrchr(base + i, '.');
	if (!dot || !dot[1])
		return 0;
	return i;
}

static int month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/* The day Jekyll makes of a file name's date (Time.parse, then Time.local):
 * "2017-2-5" is 2017-02-05, "2017-02-30" rolls over to March 2; a month
 * outside 1-12 or a day outside 1-31 is no date (Jekyll stops the build). As
 * "YYYY-MM-DD-" in buf; false when it is no date. */
static bool name_day(const int in[3], char buf[32])
{
	int y = in[0], m = in[1], d = in[2];
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	if (d > month_days(y, m)) {
		d -= month_days(y, m);
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	snprintf(buf, 32, "%04d-%02d-%02d-", y, m, d);
	return true;
}

/* Slug and extension, and whether the file name (YYYY-MM-DD-slug.ext, as
 * Jekyll's matcher takes it: 2017-2-5-x.md too) gives a date: name_date()
 * reads that date if the front matter has none. Jekyll strips the slug's
 * trailing dots ("x...md" is x). */
bool jekyll_name_parts(struct post *p, const char *relpath)
{
	const char *base = file_base(relpath);
	const char *dot = strrchr(base, '.');
	if (!dot || dot == base)
		dot = base + strlen(base);
	p->ext = xstrdup(dot);
	int v[3];
	char day[32];
	size_t skip = name_date_match(base, v);
	if (skip >= (size_t)(dot - base) || (skip && !name_day(v, day)))
		skip = 0;
	size_t len = (size_t)(dot - base) - skip;
	while (len > 0 && base[skip + len - 1] == '.')
		len--;
	p->slug = xstrndup(base + skip, len);
	return skip > 0;
}

void jekyll_name_date(struct post *p, const char *relpath)
{
	int v[3];
	char day[32];
	if (name_date_match(file_base(relpath), v) && name_day(v, day))
		date_from_filename(day, &p->date);
}

bool jekyll_reads_bare(const char *relpath, const char *head, size_t n)
{
	bool posts = strncmp(relpath, "_posts/", 7) == 0 || strstr(relpath, "/_posts/");
	bool drafts = strncmp(relpath, "_drafts/", 8) == 0 || strstr(relpath, "/_drafts/");
	/* In _posts/ Jekyll's date pattern, in _drafts/ any name with an
	 * extension (its DATELESS_FILENAME_MATCHER). */
	const char *dot = strrchr(file_base(relpath), '.');
	bool named = posts ? jekyll_is_post_name(relpath) : drafts && dot && dot[1];
	/* The head may end inside a character: 3 bytes of slack. */
	return named && !memchr(head, '\0', n) && utf8_valid_prefix(head, n) + 3 >= n;
}

bool jekyll_is_post_name(const char *relpath)
{
	int v[3];
	return name_date_match(file_base(relpath), v) > 0;
}

/* jekyll-feed's entry id: `post.id | absolute_url`, the absolute URL of
 * dirname(url)/slug (Jekyll's Document#id), so a site switching from it does not re-announce its posts.
 * With no site url, the tag: URI of that path (base/siteurl.h): an id must be
 * absolute. */
static char *jekyll_id(const struct site *site, const struct post *p)
{
	size_t dir = strlen(p->url);
	while (dir > 0 && p->url[dir - 1] == '/')
		dir--;
	while (dir > 0 && p->url[dir - 1] != '/')
		dir--;
	while (dir > 1 && p->url[dir - 1] == '/')
		dir--;
	struct buf b;
	buf_init(&b);
	buf_add(&b, p->url, dir);
	if (b.len == 0 || b.data[b.len - 1] != '/')
		buf_addc(&b, '/');
	/* The slug as it is: absolute_url's Addressable normalize then encodes
	 * it, so "hash-#1" keeps its '#' (a fragment) and "a %20" is "a%20%20",
	 * as in jekyll-feed's ids. */
	buf_adds(&b, p->slug);
	char *id = url_absolute(site->url, site->baseurl, b.data);
	buf_free(&b);
	if (!*site->url) {
		char *tag = siteurl_tag_id(id);
		free(id);
		return tag;
	}
	return id;
}

const char *jekyll_doc_type(const struct site *site, const char *relpath)
{
	const struct site_collection *c = site_collection_of(site, relpath);
	return c ? c->label : "posts";
}

/* Collection#url_template: its `permalink`, else "/:collection/:path" with
 * Utils.add_permalink_suffix for the site's permalink style. */
static char *collection_template(const struct site *site, const struct site_collection *c)
{
	if (c->permalink)
		return xstrdup(permalink_template(c->permalink));
	const char *style = site->permalink_style ? site->permalink_style : "date";
	size_t n = strlen(style);
	const char *suffix = "";
	if (strcmp(style, "pretty") == 0 || (n && style[n - 1] == '/'))
		suffix = "/";
	else if (strcmp(style, "date") == 0 || strcmp(style, "ordinal") == 0 ||
		 strcmp(style, "none") == 0 ||
		 (n >= 11 && strcmp(style + n - 11, ":output_ext") == 0))
		suffix = ":output_ext";
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "/:collection/:path%s", suffix);
	return buf_take(&b);
}

void post_set_urls(const struct site *site, struct post *p)
{
	free(p->url);
	free(p->entry_id);
	const struct site_collection *c = site_collection_of(site, p->relpath);
	if (c && !p->collection)
		p->collection = xstrdup(c->label);
	char *tmpl = c ? collection_template(site, c) : NULL;
	p->url = permalink_expand(p->permalink ? p->permalink : tmpl ? tmpl : site->permalink, p);
	free(tmpl);
	p->entry_id = p->id ? xstrdup(p->id) : jekyll_id(site, p);
}

/* Should a loaded post be published under these options? */
bool jekyll_wanted(const struct post *p, const struct site *site, const struct load_options *opt)
{
	if (!p->published && !(opt->unpublished || site->unpublished))
		return false;
	if (p->draft && !(opt->drafts || site->show_drafts))
		return false;
	if (p->date.sec > opt->now && !(opt->future || site->future))
		return false;
	return true;
}

static int by_id_then_path(const void *a, const void *b)
{
	const struct post *pa = *(const struct post *const *)a;
	const struct post *pb = *(const struct post *const *)b;
	int c = strcmp(pa->entry_id, pb->entry_id);
	return c ? c : strcmp(pa->relpath, pb->relpath);
}

/* The posts whose id another post has too (usually none), in *n. hash[i] is
 * the strmap_hash() of list->v[i]'s id, made by the loading threads: this
 * serial pass reads an id's text only when its hash is not new. */
static struct post **sharing_ids(const struct post_list *list, const uint64_t *hash, size_t *n)
{
	struct strmap m;
	strmap_init(&m, list->n);
	bool *shared = xcalloc(list->n ? list->n : 1, sizeof *shared);
	*n = 0;
	for (size_t i = 0; i < list->n; i++) {
		size_t first = strmap_get_or_add_hashed(&m, list->v[i]->entry_id, hash[i], i);
		if (first == i)
			continue;
		*n += !shared[first] + 1;
		shared[first] = shared[i] = true;
	}
	strmap_free(&m);
	struct post **v = NULL;
	if (*n) {
		v = xmalloc(*n * sizeof *v);
		for (size_t i = 0, k = 0; i < list->n; i++)
			if (shared[i])
				v[k++] = list->v[i];
	}
	free(shared);
	return v;
}

/* Two posts with one id would be one entry to every reader: keep the first by
 * path, report the other. Returns how many were dropped. */
unsigned long jekyll_drop_duplicate_ids(struct post_list *list, const uint64_t *hash,
					 struct diag_sink *diag)
{
	size_t n;
	struct post **v = sharing_ids(list, hash, &n);
	if (!v)
		return 0;
	qsort(v, n, sizeof *v, by_id_then_path);
	unsigned long dropped = 0;
	for (size_t i = 1; i < n; i++) {
		size_t first = i - 1;
		while (i < n && strcmp(v[i]->entry_id, v[first]->entry_id) == 0) {
			diag_report(diag, DIAG_ERROR, v[i]->path, 0, 0, "duplicate-id",
				    "id '%s' is already used by %s; this post is skipped",
				    v[i]->entry_id, v[first]->path);
			v[i]->published = false;	/* marks it for removal below */
			dropped++;
			i++;
		}
	}
	free(v);
	if (!dropped)
		return 0;
	size_t o = 0;
	for (size_t i = 0; i < list->n; i++) {
		if (list->v[i]->published)
			list->v[o++] = list->v[i];
		else
			post_free(list->v[i]);
	}
	list->n = o;
	return dropped;
}
