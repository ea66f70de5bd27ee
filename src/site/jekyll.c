/* jekyll.c: Jekyll's rules for a post (jekyll.h), apart from reading it. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/siteurl.h"
#include "base/strmap.h"
#include "base/text.h"
#include "base/url.h"
#include "site/jekyll.h"
#include "site/permalink.h"

/* Jekyll's title for a post without one: the slug with words capitalised. */
char *jekyll_titleize_slug(const char *slug)
{
	char *t = xstrdup(slug);
	bool start = true;
	for (char *c = t; *c; c++) {
		if (*c == '-') {
			*c = ' ';
			start = true;
		} else {
			if (start && *c >= 'a' && *c <= 'z')
				*c = (char)(*c - 'a' + 'A');
			start = false;
		}
	}
	return t;
}

static const char *file_base(const char *relpath)
{
	const char *base = strrchr(relpath, '/');
	return base ? base + 1 : relpath;
}

/* Slug and extension, and whether the file name (YYYY-MM-DD-slug.ext) gives
 * a date: name_date() reads that date if the front matter has none. */
bool jekyll_name_parts(struct post *p, const char *relpath)
{
	const char *base = file_base(relpath);
	const char *dot = strrchr(base, '.');
	if (!dot || dot == base)
		dot = base + strlen(base);
	p->ext = xstrdup(dot);
	size_t skip = date_filename_prefix(base);
	if (skip >= (size_t)(dot - base))
		skip = 0;
	p->slug = xstrndup(base + skip, (size_t)(dot - base) - skip);
	return skip > 0;
}

void jekyll_name_date(struct post *p, const char *relpath)
{
	date_from_filename(file_base(relpath), &p->date);
}

/* jekyll-feed's entry id: the absolute URL of dirname(url)/slug (Jekyll's
 * Document#id), so a site switching from it does not re-announce its posts.
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
	char *slug = url_escape_path(p->slug);
	struct buf b;
	buf_init(&b);
	buf_add(&b, p->url, dir);
	if (b.len == 0 || b.data[b.len - 1] != '/')
		buf_addc(&b, '/');
	buf_adds(&b, slug);
	free(slug);
	char *id = url_absolute(site->url, site->baseurl, b.data);
	buf_free(&b);
	if (!*site->url) {
		char *tag = siteurl_tag_id(id);
		free(id);
		return tag;
	}
	return id;
}

void post_set_urls(const struct site *site, struct post *p)
{
	free(p->url);
	free(p->entry_id);
	p->url = permalink_expand(p->permalink ? p->permalink : site->permalink, p);
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
