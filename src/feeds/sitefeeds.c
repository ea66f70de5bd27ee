/* sitefeeds.c: which feeds a site has, where they go, and writing them all.
 *
 * Categories and tags are gathered by sorting (name, post) pairs rather than
 * with per-name lists, so a site with many names stays O(n log n); the pairs
 * of one name are its posts, already newest first. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <threads.h>
#include <unistd.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "base/dirlist.h"
#include "base/nofollow.h"
#include "base/output.h"
#include "base/strmap.h"
#include "base/text.h"
#include "base/workers.h"
#include "feeds/formats.h"
#include "feeds/render.h"
#include "feeds/sitefeeds.h"

/* Longest file name most file systems take (NAME_MAX), in bytes. */
#define NAME_BYTES_MAX 255

/* ---- paths ---- */

/* Ruby's gsub(from, to) for fixed strings: left to right, no overlaps. */
static char *replace_all(const char *s, const char *from, const char *to)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	size_t k = strlen(from);
	for (const char *hit; (hit = strstr(s, from)); s = hit + k) {
		buf_add(&b, s, (size_t)(hit - s));
		buf_adds(&b, to);
	}
	buf_adds(&b, s);
	return buf_take(&b);
}

static bool segment_ok(const char *seg, size_t n)
{
	if (n == 0 || n > NAME_BYTES_MAX)
		return false;
	if ((n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
		return false;
	return true;
}

char *feed_clean_path(const char *path)
{
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return NULL;
	/* Jekyll's URL#sanitize_url: "/" + path, ".." to "/", "./" removed,
	 * slashes squeezed. */
	struct buf raw;
	buf_init(&raw);
	buf_printf(&raw, "/%s", path);
	char *a = replace_all(raw.data, "..", "/");
	char *b = replace_all(a, "./", "");
	buf_free(&raw);
	free(a);
	struct buf out;
	buf_init(&out);
	buf_adds(&out, "");
	for (const char *p = b; *p; p++)
		if (*p != '/' || (out.len > 0 && out.data[out.len - 1] != '/'))
			buf_addc(&out, *p);
	free(b);
	/* What is left must be plain segments: no ".", "..", empty or long names. */
	bool ok = out.len > 0 && out.data[out.len - 1] != '/';
	for (const char *seg = out.data; ok && seg;) {
		const char *slash = strchr(seg, '/');
		size_t n = slash ? (size_t)(slash - seg) : strlen(seg);
		ok = segment_ok(seg, n);
		seg = slash ? slash + 1 : NULL;
	}
	if (!ok) {
		buf_free(&out);
		return NULL;
	}
	return buf_take(&out);
}

/* Simple case folding, one code point for one (what case-insensitive file
 * systems do): "ß" stays "ß", not "ss"; "ﬁ" stays "ﬁ". */
static int32_t fold_simple(const UChar *in, int32_t n, UChar *out)
{
	int32_t i = 0, j = 0;
	while (i < n) {
		UChar32 c;
		U16_NEXT(in, i, n, c);
		c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
		U16_APPEND_UNSAFE(out, j, c);
	}
	return j;
}

/* s in Unicode normal form NFC, and with fold its simple case folding too;
 * NULL when ICU cannot (not UTF-8). A new string. */
static char *nfc_utf8(const char *s, bool fold)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t n16 = 0;
	u_strFromUTF8(NULL, 0, &n16, s, -1, &err);
	if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
		return NULL;
	err = U_ZERO_ERROR;
	UChar *u = xmalloc(((size_t)n16 + 1) * sizeof *u);
	u_strFromUTF8(u, n16 + 1, NULL, s, -1, &err);
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
	int32_t cap = n16 * 4 + 16;
	UChar *norm = xmalloc((size_t)cap * sizeof *norm);
	int32_t nn = U_SUCCESS(err) ? unorm2_normalize(nfc, u, n16, norm, cap, &err) : 0;
	UChar *fold_buf = xmalloc(((size_t)nn * 2 + 2) * sizeof *fold_buf);
	int32_t nf = U_SUCCESS(err) && fold ? fold_simple(norm, nn, fold_buf) : 0;
	const UChar *res = fold ? fold_buf : norm;
	int32_t nres = fold ? nf : nn;
	char *out = NULL;
	if (U_SUCCESS(err)) {
		int32_t n8 = 0;
		UErrorCode e2 = U_ZERO_ERROR;
		u_strToUTF8(NULL, 0, &n8, res, nres, &e2);
		out = xmalloc((size_t)n8 + 1);
		e2 = U_ZERO_ERROR;
		u_strToUTF8(out, n8 + 1, NULL, res, nres, &e2);
		if (U_FAILURE(e2)) {
			free(out);
			out = NULL;
		}
	}
	free(u);
	free(norm);
	free(fold_buf);
	return out;
}

char *feed_path_key(const char *path)
{
	char *key = nfc_utf8(path, true);
	return key ? key : xstrdup(path);
}

/* Are a and b the same text in Unicode normal form NFC? (With equal keys
 * and not, they differ in letter case.) */
static bool same_nfc(const char *a, const char *b)
{
	char *x = nfc_utf8(a, false), *y = nfc_utf8(b, false);
	bool same = x && y && strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

/* A folder from config (tags path) as a clean relative folder, or fallback. */
static char *clean_dir(const char *dir, const char *fallback)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s/x", dir ? dir : "");
	char *clean = feed_clean_path(b.data);
	buf_free(&b);
	if (!clean || strcmp(clean, "x") == 0) {
		free(clean);
		return xstrdup(fallback);
	}
	clean[strlen(clean) - 2] = '\0';
	return clean;
}

/* ---- a name's file ---- */

/* A byte of a name written as %XX in its file name: what could make the
 * file another name's ("/" a folder, "%" the escape itself), hide it or
 * step out of its folder (a leading ".", "..", which Jekyll turns into "/"),
 * or is no character (controls). Every other byte, CJK and spaces included,
 * is kept, so an ordinary name's file is jekyll-feed's. */
static bool name_byte_escaped(const char *name, size_t i)
{
	unsigned char c = (unsigned char)name[i];
	if (c < 0x20 || c == 0x7f || c == '%' || c == '/')
		return true;
	if (c == '.')
		return i == 0 || name[i - 1] == '.' || name[i + 1] == '.';
	return false;
}

char *feed_name_file(const char *name)
{
	if (!*name)
		return NULL;
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (size_t i = 0; name[i]; i++) {
		if (name_byte_escaped(name, i))
			buf_printf(&b, "%%%02X", (unsigned char)name[i]);
		else
			buf_addc(&b, name[i]);
	}
	return buf_take(&b);
}

/* The longest extension of a format (".json"). */
static size_t longest_ext(void)
{
	size_t n = 0;
	for (const struct format *f = feed_formats; f->name; f++)
		if (strlen(f->ext) > n)
			n = strlen(f->ext);
	return n;
}

/* A name as messages show it: at most NAME_SHOWN bytes, cut at a character. */
#define NAME_SHOWN 60
static char *name_shown(const char *name)
{
	size_t n = strlen(name);
	if (n <= NAME_SHOWN)
		return xstrdup(name);
	size_t cut = NAME_SHOWN;
	while (cut > 0 && ((unsigned char)name[cut] & 0xC0) == 0x80)
		cut--;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%.*s… (%zu bytes)", (int)cut, name, n);
	return buf_take(&b);
}

/* ---- gathering categories and tags ---- */

struct pair {
	const char *name;
	size_t post;		/* index in the post list: newest first */
};

struct candidate {
	const char *name;
	char *path;		/* the Atom path */
	char *key;
	size_t first, end;	/* its pairs */
};

static int candidate_cmp(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : strcmp(x->name, y->name);
}

static int index_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

static const struct strlist *names_of(const struct post *p, enum feed_kind kind)
{
	return kind == FEED_CATEGORY ? &p->categories : &p->tags;
}

static bool selected(const struct site *site, enum feed_kind kind, const char *name)
{
	enum feed_select sel = kind == FEED_CATEGORY ? site->cat_select : site->tag_select;
	const struct strlist *names = kind == FEED_CATEGORY ? &site->cat_names : &site->tag_names;
	switch (sel) {
	case SELECT_ALL:
		return true;
	case SELECT_ONLY:
		return strlist_has(names, name);
	case SELECT_EXCEPT:
		return !strlist_has(names, name);
	case SELECT_NONE:
		return false;
	}
	return false;
}

struct group {
	const char *name;
	size_t id;		/* in order of first use */
	size_t count;
	size_t next;		/* where its next pair goes */
};

static int group_cmp(const void *a, const void *b)
{
	return strcmp(((const struct group *)a)->name, ((const struct group *)b)->name);
}

/* The (name, post) pairs of one kind in post order, each with its group:
 * one group a distinct name, numbered in order of first use. */
struct gathered {
	struct pair *pairs;
	size_t *group;
	size_t n, cap;
	struct group *g;
	size_t ng;
};

static void gathered_add(struct gathered *gt, struct strmap *m, const char *name, size_t post)
{
	if (gt->n == gt->cap) {
		gt->cap = gt->cap ? gt->cap * 2 : 64;
		gt->pairs = xrealloc(gt->pairs, gt->cap * sizeof *gt->pairs);
		gt->group = xrealloc(gt->group, gt->cap * sizeof *gt->group);
		gt->g = xrealloc(gt->g, gt->cap * sizeof *gt->g);
	}
	size_t id = strmap_get_or_add(m, name, gt->ng);
	if (id == gt->ng)
		gt->g[gt->ng++] = (struct group){name, id, 0, 0};
	gt->g[id].count++;
	gt->pairs[gt->n] = (struct pair){name, post};
	gt->group[gt->n++] = id;
}

/* Every (name, post) of the kind, by name and then by post, as a sort would
 * give them: the distinct names (a few dozen) are sorted, not the pairs, and
 * the posts (scattered in memory) are read once. */
static struct pair *gather_pairs(const struct post_list *posts, enum feed_kind kind, size_t *n)
{
	struct gathered gt = {0};
	struct strmap m;
	strmap_init(&m, 64);
	for (size_t i = 0; i < posts->n; i++) {
		const struct strlist *l = names_of(posts->v[i], kind);
		for (size_t k = 0; k < l->n; k++)
			gathered_add(&gt, &m, l->v[k], i);
	}
	strmap_free(&m);
	if (gt.ng > 1)
		qsort(gt.g, gt.ng, sizeof *gt.g, group_cmp);
	size_t *rank = xmalloc((gt.ng ? gt.ng : 1) * sizeof *rank);	/* id -> place */
	for (size_t k = 0, at = 0; k < gt.ng; at += gt.g[k].count, k++) {
		rank[gt.g[k].id] = k;
		gt.g[k].next = at;
	}
	struct pair *pairs = xmalloc((gt.n ? gt.n : 1) * sizeof *pairs);
	for (size_t j = 0; j < gt.n; j++)
		pairs[gt.g[rank[gt.group[j]]].next++] = gt.pairs[j];
	*n = gt.n;
	free(rank);
	free(gt.pairs);
	free(gt.group);
	free(gt.g);
	return pairs;
}

static const char *kind_word(enum feed_kind kind)
{
	return kind == FEED_CATEGORY ? "category" : "tag";
}

/* The Atom path of a name's feed in dir, or NULL after a report (no file can
 * have that name). */
static char *name_path(const char *dir, enum feed_kind kind, const char *name,
		       const struct post *by, struct diag_sink *diag)
{
	char *file = feed_name_file(name);
	char *shown = name_shown(name);
	char *path = NULL;
	if (!file)
		diag_report(diag, DIAG_WARNING, by->path, 0, 0, "feed-name",
			    "no feed for the empty %s name", kind_word(kind));
	else if (strlen(file) + longest_ext() > NAME_BYTES_MAX)
		diag_report(diag, DIAG_ERROR, by->path, 0, 0, "feed-name",
			    "no feed for %s '%s': its file name would be %zu bytes, more than %d",
			    kind_word(kind), shown, strlen(file) + longest_ext(), NAME_BYTES_MAX);
	else {
		struct buf b;
		buf_init(&b);
		buf_printf(&b, "%s/%s.xml", dir, file);
		path = buf_take(&b);
	}
	free(shown);
	free(file);
	return path;
}

/* One candidate per distinct selected name that can be a file. */
static struct candidate *gather_candidates(const struct site *site, const struct post_list *posts,
					   enum feed_kind kind, const char *dir,
					   const struct pair *pairs, size_t npairs, size_t *n,
					   struct diag_sink *diag)
{
	struct candidate *c = xmalloc((npairs ? npairs : 1) * sizeof *c);
	*n = 0;
	for (size_t i = 0; i < npairs;) {
		size_t end = i + 1;
		while (end < npairs && strcmp(pairs[end].name, pairs[i].name) == 0)
			end++;
		const char *name = pairs[i].name;
		if (selected(site, kind, name)) {
			char *path = name_path(dir, kind, name, posts->v[pairs[i].post], diag);
			if (path)
				c[(*n)++] = (struct candidate){name, path, feed_path_key(path), i, end};
		}
		i = end;
	}
	qsort(c, *n, sizeof *c, candidate_cmp);
	return c;
}

/* Of names sharing one file, the one whose path the feed takes: the name of
 * the oldest post among them (posts are newest first, a name's pairs in post
 * order), then the first in byte order. A post added later - the usual
 * case - never moves the feed. Moves it to c[0]. */
static void choose_kept(struct candidate *c, size_t n, const struct pair *pairs)
{
	size_t best = 0;
	for (size_t k = 1; k < n; k++) {
		size_t oldest = pairs[c[k].end - 1].post, best_oldest = pairs[c[best].end - 1].post;
		if (oldest > best_oldest || (oldest == best_oldest && strcmp(c[k].name, c[best].name) < 0))
			best = k;
	}
	struct candidate keep = c[best];
	memmove(c + 1, c, best * sizeof *c);
	c[0] = keep;
}

static void warn_merged(const struct post_list *posts, enum feed_kind kind,
			const struct candidate *c, size_t n, const struct pair *pairs,
			struct diag_sink *diag)
{
	struct buf names;
	buf_init(&names);
	size_t nfc = 0;
	for (size_t k = 1; k < n; k++) {
		char *shown = name_shown(c[k].name);
		buf_printf(&names, "%s'%s'", k > 1 ? ", " : "", shown);
		free(shown);
		nfc += same_nfc(c[k].name, c[0].name);
	}
	const char *how = nfc == n - 1 ? "are the same text in Unicode normal form NFC"
		: nfc == 0 ? "differ only in letter case (simple case folding)"
			   : "differ only in letter case or Unicode normal form";
	char *kept = name_shown(c[0].name);
	diag_report(diag, DIAG_WARNING, posts->v[pairs[c[1].first].post]->path, 0, 0, "feed-name",
		    "%s %s shares the feed of '%s' (%s): the names %s (one file where file "
		    "systems ignore case or normalise names)", kind_word(kind), names.data, kept, c[0].path, how);
	free(kept);
	buf_free(&names);
}

/* ---- the set ---- */

struct logical {
	enum feed_kind kind;
	char *name;
	char *title;
	char *path;		/* Atom path */
	size_t *posts;
	size_t n;
	bool dropped;
};

struct logicals {
	struct logical *v;
	size_t n, cap;
};

static void logicals_add(struct logicals *l, struct logical f)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = f;
}

static char *kind_title(const char *site_title, enum feed_kind kind, const char *name)
{
	struct buf b;
	buf_init(&b);
	char *shown = kind == FEED_CATEGORY ? text_capitalize(name) : xstrdup(name);
	buf_printf(&b, "%s | %s%s", site_title, kind == FEED_TAG ? "#" : "", shown);
	free(shown);
	return buf_take(&b);
}

static void add_kind(struct logicals *out, const struct site *site, const struct post_list *posts,
		     enum feed_kind kind, const char *dir, long limit, const char *site_title,
		     struct diag_sink *diag)
{
	size_t npairs, ncand;
	struct pair *pairs = gather_pairs(posts, kind, &npairs);
	struct candidate *c = gather_candidates(site, posts, kind, dir, pairs, npairs, &ncand, diag);
	for (size_t i = 0; i < ncand;) {
		size_t end = i + 1;
		while (end < ncand && strcmp(c[end].key, c[i].key) == 0)
			end++;
		if (end - i > 1) {
			choose_kept(c + i, end - i, pairs);
			warn_merged(posts, kind, c + i, end - i, pairs, diag);
		}
		size_t total = 0;
		for (size_t k = i; k < end; k++)
			total += c[k].end - c[k].first;
		size_t *idx = xmalloc(total * sizeof *idx);
		size_t n = 0;
		for (size_t k = i; k < end; k++)
			for (size_t j = c[k].first; j < c[k].end; j++)
				idx[n++] = pairs[j].post;
		if (end - i > 1)
			qsort(idx, n, sizeof *idx, index_cmp);
		size_t u = 0;	/* drop repeats: a post in two merged names */
		for (size_t j = 0; j < n; j++)
			if (u == 0 || idx[u - 1] != idx[j])
				idx[u++] = idx[j];
		if (limit > 0 && (size_t)limit < u)
			u = (size_t)limit;
		logicals_add(out, (struct logical){kind, xstrdup(c[i].name),
			kind_title(site_title, kind, c[i].name), xstrdup(c[i].path), idx, u, false});
		i = end;
	}
	for (size_t i = 0; i < ncand; i++) {
		free(c[i].path);
		free(c[i].key);
	}
	free(c);
	free(pairs);
}

/* One kind's feeds, found on a thread of its own: what it reports is kept
 * and replayed in kind order. */
struct kind_job {
	enum feed_kind kind;
	bool wanted;
	const struct site *site;
	const struct post_list *posts;
	const char *dir;
	long limit;
	const char *site_title;
	struct logicals found;
	struct diag_records rec;
};

static int kind_job_run(void *arg)
{
	struct kind_job *j = arg;
	struct diag_sink sink;
	diag_sink_init_record(&sink, &j->rec);
	if (j->wanted)
		add_kind(&j->found, j->site, j->posts, j->kind, j->dir, j->limit, j->site_title,
			 &sink);
	return 0;
}

/* Categories then tags. Each reads every post, which at 10,000s of posts is
 * mostly waiting for memory: both are found at once on a large site. */
#define KINDS_PARALLEL_MIN 2000

static void add_kinds(struct logicals *l, const struct site *site, const struct post_list *posts,
		      const struct feed_set_options *opt, const struct feed_set *set,
		      const char *site_title, struct diag_sink *diag)
{
	struct kind_job jobs[2] = {
		{ FEED_CATEGORY, opt->categories, site, posts, set->category_dir, opt->limit,
		  site_title, {0}, {0} },
		{ FEED_TAG, opt->tags, site, posts, set->tag_dir, opt->limit, site_title, {0}, {0} },
	};
	void *args[2] = { &jobs[0], &jobs[1] };
	size_t started = workers_run(kind_job_run, args, workers_count(posts->n, KINDS_PARALLEL_MIN, 2));
	for (size_t k = started; k < 2; k++)
		kind_job_run(args[k]);
	for (size_t k = 0; k < 2; k++) {
		diag_replay_all(diag, &jobs[k].rec);
		diag_records_free(&jobs[k].rec);
		for (size_t i = 0; i < jobs[k].found.n; i++)
			logicals_add(l, jobs[k].found.v[i]);
		free(jobs[k].found.v);
	}
}

struct path_owner {
	char *key;
	size_t feed;
};

static int owner_cmp(const void *a, const void *b)
{
	const struct path_owner *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->feed > y->feed) - (x->feed < y->feed);
}

/* Two feeds of different kinds (or a feed and the site feed) on one file:
 * the first keeps it (site, then categories, then tags). */
static void drop_collisions(struct logicals *l, const struct post_list *posts,
			    struct diag_sink *diag)
{
	size_t nf = 0;
	for (const struct format *f = feed_formats; f->name; f++)
		nf++;
	struct path_owner *o = xmalloc((l->n * nf + 1) * sizeof *o);
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		for (const struct format *f = feed_formats; f->name; f++) {
			char *p = feed_path_for_format(l->v[i].path, f);
			o[n++] = (struct path_owner){feed_path_key(p), i};
			free(p);
		}
	qsort(o, n, sizeof *o, owner_cmp);
	for (size_t i = 1; i < n; i++) {
		if (strcmp(o[i].key, o[i - 1].key) != 0 || o[i].feed == o[i - 1].feed)
			continue;
		struct logical *keep = &l->v[o[i - 1].feed], *drop = &l->v[o[i].feed];
		if (drop->dropped || keep->dropped)
			continue;
		drop->dropped = true;
		diag_report(diag, DIAG_WARNING, drop->n ? posts->v[drop->posts[0]]->path : NULL, 0, 0,
			    "feed-name", "no feed for %s '%s': its file %s is taken by the %s%s%s%s",
			    kind_word(drop->kind), drop->name, drop->path,
			    keep->kind == FEED_SITE ? "site feed" : kind_word(keep->kind),
			    keep->name ? " '" : "", keep->name ? keep->name : "", keep->name ? "'" : "");
	}
	for (size_t i = 0; i < n; i++)
		free(o[i].key);
	free(o);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_known(struct feed_set *set, const struct logical *f)
{
	for (const struct format *fmt = feed_formats; fmt->name; fmt++) {
		set->known = xrealloc(set->known, (set->nknown + 1) * sizeof *set->known);
		set->known[set->nknown++] = feed_path_for_format(f->path, fmt);
	}
}

static void emit(struct feed_set *set, const struct site *site, const struct post_list *posts,
		 const struct logical *f, const struct format *fmt)
{
	struct feed *out = &set->v[set->n++];
	memset(out, 0, sizeof *out);
	out->kind = f->kind;
	out->name = f->name ? xstrdup(f->name) : NULL;
	out->title = xstrdup(f->title);
	out->format = fmt;
	out->path = feed_path_for_format(f->path, fmt);
	out->self_url = feed_url_for_path(site, out->path);
	out->posts = xmalloc((f->n ? f->n : 1) * sizeof *out->posts);
	for (size_t i = 0; i < f->n; i++)
		out->posts[i] = posts->v[f->posts[i]];
	out->n = f->n;
}

static size_t *first_n(size_t total, long limit, size_t *n)
{
	*n = limit > 0 && (size_t)limit < total ? (size_t)limit : total;
	size_t *idx = xmalloc((*n ? *n : 1) * sizeof *idx);
	for (size_t i = 0; i < *n; i++)
		idx[i] = i;
	return idx;
}

/* ---- feeds of other collections (jekyll-feed's feed.collections) ---- */

/* One collection feed in every format: at path (cleaned; a path another feed
 * has is left to it, with a warning), the documents docs[0..n), newest
 * first, up to the limit. Takes path and title. */
static void add_collection_feed(struct feed_set *set, const struct site *site,
				const struct feed_set_options *opt, char *name, char *title,
				char *path, const struct post **docs, size_t n,
				struct diag_sink *diag)
{
	char *clean = path ? feed_clean_path(path) : NULL;
	bool taken = false;
	for (const struct format *f = feed_formats; clean && f->name && !taken; f++) {
		char *p = feed_path_for_format(clean, f);
		taken = feed_set_has_path(set, p);
		free(p);
	}
	if (!clean || taken)
		diag_report(diag, DIAG_WARNING, site->dir, 0, 0, "feed-name",
			    "no feed for collection '%s': its path '%s' is %s", name, path,
			    clean ? "taken by another feed" : "not a file inside the site");
	if (opt->limit > 0 && (size_t)opt->limit < n)
		n = (size_t)opt->limit;
	size_t nformats = 0;
	while (clean && !taken && opt->formats[nformats])
		nformats++;
	set->v = xrealloc(set->v, (set->n + nformats + 1) * sizeof *set->v);
	for (size_t k = 0; k < nformats; k++) {
		struct feed *out = &set->v[set->n++];
		memset(out, 0, sizeof *out);
		out->kind = FEED_COLLECTION;
		out->name = xstrdup(name);
		out->title = xstrdup(title);
		out->format = opt->formats[k];
		out->path = feed_path_for_format(clean, opt->formats[k]);
		out->self_url = feed_url_for_path(site, out->path);
		out->posts = xmalloc((n ? n : 1) * sizeof *out->posts);
		memcpy(out->posts, docs, n * sizeof *docs);
		out->n = n;
	}
	if (clean && !taken) {
		for (const struct format *fmt = feed_formats; fmt->name; fmt++) {
			set->known = xrealloc(set->known, (set->nknown + 1) * sizeof *set->known);
			set->known[set->nknown++] = feed_path_for_format(clean, fmt);
		}
		/* Kept sorted: feed_set_has_path() searches it. */
		qsort(set->known, set->nknown, sizeof *set->known, str_cmp);
	}
	free(clean);
	free(name);
	free(title);
	free(path);
}

/* jekyll-feed's feeds of a collection: feed/<label>.xml (or its `path`),
 * titled "Site | Label", and one per listed category, feed/<label>/<cat>.xml,
 * "Site | Label | Cat" (both capitalized, as its template does), holding the
 * documents whose categories include it. Written even when empty, as
 * jekyll-feed writes them. */
static void add_collection_feeds(struct feed_set *set, const struct site *site,
				 const struct feed_set_options *opt, const char *site_title,
				 struct diag_sink *diag)
{
	for (size_t i = 0; i < site->ncollections; i++) {
		const struct site_collection *c = &site->collections[i];
		if (!*c->label)
			continue;	/* no file name (feed_name_file()) */
		const struct post **docs = xmalloc((c->docs.n ? c->docs.n : 1) * sizeof *docs);
		for (size_t k = 0; k < c->docs.n; k++)
			docs[k] = c->docs.v[k];
		char *label = text_capitalize(c->label);
		struct buf t, p;
		buf_init(&t);
		buf_init(&p);
		buf_printf(&t, "%s | %s", site_title, label);
		/* One file name each, as category and tag feeds (feed_name_file()). */
		char *label_file = feed_name_file(c->label);
		if (c->feed_path)
			buf_adds(&p, c->feed_path);
		else
			buf_printf(&p, "feed/%s.xml", label_file);
		add_collection_feed(set, site, opt, xstrdup(c->label), xstrdup(t.data),
				    buf_take(&p), docs, c->docs.n, diag);
		for (size_t k = 0; k < c->categories.n; k++) {
			const char *cat = c->categories.v[k];
			if (!*cat)
				continue;
			size_t n = 0;
			for (size_t d = 0; d < c->docs.n; d++)
				if (strlist_has(&c->docs.v[d]->categories, cat))
					docs[n++] = c->docs.v[d];
			char *shown = text_capitalize(cat);
			struct buf ct, cp, cn;
			buf_init(&ct);
			buf_init(&cp);
			buf_init(&cn);
			buf_printf(&ct, "%s | %s", t.data, shown);
			char *cat_file = feed_name_file(cat);
			buf_printf(&cp, "feed/%s/%s.xml", label_file, cat_file);
			free(cat_file);
			buf_printf(&cn, "%s/%s", c->label, cat);
			add_collection_feed(set, site, opt, buf_take(&cn), buf_take(&ct),
					    buf_take(&cp), docs, n, diag);
			free(shown);
		}
		buf_free(&t);
		free(label_file);
		free(label);
		free(docs);
	}
}

void feed_set_build(struct feed_set *set, const struct site *site, const struct post_list *posts,
		    const struct feed_set_options *opt, struct diag_sink *diag)
{
	memset(set, 0, sizeof *set);
	set->posts = posts;
	set->before_replace = opt->before_replace;
	set->before_replace_ctx = opt->before_replace_ctx;
	set->category_dir = xstrdup("feed");
	set->tag_dir = clean_dir(site->feed_tags_path, "feed/by_tag");
	char *site_title = feed_site_title(site);
	struct logicals l = {0};
	char *site_path = feed_clean_path(site->feed_path);
	if (!site_path) {
		diag_report(diag, DIAG_WARNING, site->dir, 0, 0, "feed-name",
			    "feed.path '%s' is not a file inside the site; using feed.xml",
			    site->feed_path);
		site_path = xstrdup("feed.xml");
	}
	size_t n;
	size_t *idx = first_n(posts->n, opt->limit, &n);
	logicals_add(&l, (struct logical){FEED_SITE, NULL, xstrdup(site_title), site_path, idx, n, false});
	add_kinds(&l, site, posts, opt, set, site_title, diag);
	drop_collisions(&l, posts, diag);
	size_t nformats = 0;
	while (opt->formats[nformats])
		nformats++;
	set->v = xmalloc((l.n * nformats + 1) * sizeof *set->v);
	for (size_t i = 0; i < l.n; i++) {
		if (!l.v[i].dropped) {
			add_known(set, &l.v[i]);
			for (size_t k = 0; k < nformats; k++)
				emit(set, site, posts, &l.v[i], opt->formats[k]);
		}
		free(l.v[i].name);
		free(l.v[i].title);
		free(l.v[i].path);
		free(l.v[i].posts);
	}
	free(l.v);
	qsort(set->known, set->nknown, sizeof *set->known, str_cmp);
	add_collection_feeds(set, site, opt, site_title, diag);
	free(site_title);
	set->known_keys = xmalloc((set->nknown + 1) * sizeof *set->known_keys);
	for (size_t i = 0; i < set->nknown; i++)
		set->known_keys[i] = feed_path_key(set->known[i]);
	qsort(set->known_keys, set->nknown, sizeof *set->known_keys, str_cmp);
}

void feed_set_free(struct feed_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		feed_free(&set->v[i]);
	free(set->v);
	for (size_t i = 0; i < set->nknown; i++) {
		free(set->known[i]);
		free(set->known_keys ? set->known_keys[i] : NULL);
	}
	free(set->known);
	free(set->known_keys);
	free(set->category_dir);
	free(set->tag_dir);
	memset(set, 0, sizeof *set);
}

/* ---- writing ---- */

/* dir/rel, one slash between them however many dir ends with ("_site/"). */
static char *join(const char *dir, const char *rel)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%.*s/%s", (int)n, dir, rel);
	return buf_take(&b);
}

/* Written but not yet renamed files stay open (an O_TMPFILE file has no name
 * to reopen it by) until one syncfs makes them all durable: as many as the
 * descriptor limit allows, less some for everything else, so a site's feeds
 * usually wait for the disk once. */
#define BATCH_MIN 16
#define BATCH_MAX 4096
#define FDS_KEPT_FREE 64

static size_t batch_size(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return BATCH_MAX;
	if (rl.rlim_cur < BATCH_MIN + FDS_KEPT_FREE)
		return BATCH_MIN;
	rlim_t n = rl.rlim_cur - FDS_KEPT_FREE;
	return n > BATCH_MAX ? BATCH_MAX : (size_t)n;
}

/* A symbolic link inside the output folder (DIR/feed -> elsewhere) would
 * take the feed, and --prune's deletions, out of DIR: refused, with a report. */
static bool refuse_link(const char *outdir, const char *rel, const char *full,
			struct diag_sink *diag)
{
	if (!nofollow_has_link(outdir, rel))
		return false;
	diag_report(diag, DIAG_ERROR, full, 0, 0, "output-symlink",
		    "a symbolic link inside the output folder is on the way: not followed");
	return true;
}

/* Errors that are about this one file's name or place (a folder where the
 * file goes, a file where a folder goes, a name too long), not about the
 * output folder: that feed is not written, the others are. */
static bool error_of_the_name(int err)
{
	return err == EISDIR || err == ENOTDIR || err == ENAMETOOLONG;
}

/* Opens the feed's file; 1 (after a report naming the feed and a post) when
 * it cannot be made for a reason of its own, -1 for the run. */
static int open_feed_file(const struct feed *f, const char *path, struct outfile *out,
			  struct diag_sink *diag)
{
	struct diag_records rec = {0};
	struct diag_sink sink;
	diag_sink_init_record(&sink, &rec);
	int rc = outfile_open(out, path, &sink);
	if (rc == 0 || !error_of_the_name(out->error)) {
		diag_replay_all(diag, &rec);
		diag_records_free(&rec);
		return rc;
	}
	diag_records_free(&rec);
	char *shown = f->name ? name_shown(f->name) : NULL;
	if (f->kind == FEED_SITE)
		diag_report(diag, DIAG_ERROR, path, 0, 0, "feed-name",
			    "no site feed: its file cannot be made: %s", strerror(out->error));
	else
		diag_report(diag, DIAG_ERROR, path, 0, 0, "feed-name",
			    "no feed for %s '%s' (%s): its file cannot be made: %s",
			    kind_word(f->kind), shown, f->n ? f->posts[0]->path : "no post",
			    strerror(out->error));
	free(shown);
	return 1;
}

/* Write one feed into a new temporary file. On return *pending says whether
 * out holds new bytes waiting to be synced and renamed (false: the file was
 * unchanged, nothing is held). dirs collects the folders to sync once each.
 * Returns 0, 1 when this feed alone could not be written (reported), or -1
 * when the run cannot go on. */
static int write_one(const struct feed *f, const char *outdir, const struct site *site,
		     const struct write_options *opt, const struct write_shared *sh,
		     struct outfile *out, bool *pending, struct strlist *dirs,
		     struct diag_sink *diag)
{
	*pending = false;
	char *path = join(outdir, f->path);
	if (refuse_link(outdir, f->path, path, diag)) {
		free(path);
		return -1;
	}
	int rc = open_feed_file(f, path, out, diag);
	if (rc == 0) {
		char *slash = strrchr(path, '/');
		*slash = '\0';
		strlist_add(dirs, path);
	}
	free(path);
	if (rc != 0)
		return rc;
	out->defer_dir_sync = true;
	rc = feed_write_shared(f->format, outfile_xml_buffer(out), site, f, opt, sh, diag);
	if (rc != 0 && !out->error) {
		diag_report(diag, DIAG_ERROR, out->path, 0, 0, "write-error", "writing the %s feed failed",
			    f->format->name);
		outfile_abort(out);
		return -1;
	}
	/* Reports a write error (out->error) and removes the temporary file. */
	if (outfile_finish(out, pending, diag) != 0 || rc != 0)
		return -1;
	return 0;
}

/* Make the batch durable with one wait for the disk, then rename each file
 * over its old version; on failure every file not yet renamed is dropped. */
static int place_batch(struct outfile *v, size_t n, bool verbose, struct diag_sink *diag)
{
	int rc = outfile_sync_batch(v, n, diag);
	for (size_t i = 0; i < n; i++) {
		if (rc != 0) {
			outfile_abort(&v[i]);
			continue;
		}
		if (verbose)
			fprintf(stderr, "feedgen: wrote %s\n", v[i].path);
		rc = outfile_place(&v[i], true, diag);
	}
	return rc;
}

/* Feeds are written by up to WRITE_THREADS threads, each taking the next
 * feed; what each feed reports is recorded and replayed in feed order, so the
 * messages never depend on the threads. */
#define WRITE_THREADS 4
#define WRITE_PARALLEL_MIN 8	/* fewer feeds than this: one thread is quicker */

struct write_result {
	int rc;
	bool pending;
	unsigned long long bytes;	/* the feed's size */
	bool done;		/* written (rc says how) */
	struct diag_records rec;
	struct strlist dirs;
};

struct write_job {
	const struct feed_set *set;
	const char *outdir;
	const struct site *site;
	const struct write_options *opt;
	const struct write_shared *sh;
	size_t from, to;	/* this round's feeds */
	struct outfile *out;	/* one a feed of the round */
	struct write_result *res;
	atomic_size_t next;
	atomic_bool failed;	/* no feed after a failed one is started */
	/* The run's output bound (RUN_OUTPUT_FACTOR): bytes of the feeds
	 * finished in any order (when to stop starting feeds), and of the feeds
	 * settled in feed order (which feed passes the bound: always the same). */
	atomic_ullong total;
	unsigned long long settled;
	bool over;		/* passed: no more feeds */
	mtx_t lock;		/* guards bound */
	unsigned long long bound;	/* 0 until the output passes the slack */
};

/* The bytes of the site's post files, looked at once, and only when the
 * output passes RUN_OUTPUT_SLACK. */
static unsigned long long site_bytes(const struct post_list *posts)
{
	unsigned long long n = 0;
	for (size_t i = 0; posts && i < posts->n; i++) {
		struct stat st;
		if (lstat(posts->v[i]->path, &st) == 0)
			n += (unsigned long long)st.st_size;
	}
	return n;
}

static bool past_bound(struct write_job *job, unsigned long long total)
{
	if (total <= RUN_OUTPUT_SLACK)
		return false;
	mtx_lock(&job->lock);
	if (!job->bound)
		job->bound = RUN_OUTPUT_FACTOR * site_bytes(job->set->posts) + RUN_OUTPUT_SLACK;
	bool past = total > job->bound;
	mtx_unlock(&job->lock);
	return past;
}

static void report_over(const struct write_job *job, size_t i, struct diag_sink *diag)
{
	const struct feed *f = &job->set->v[i];
	char *path = join(job->outdir, f->path);
	diag_report(diag, DIAG_ERROR, path, 0, 0, "output-bound",
		    "not written, nor the %zu feeds after it: the run's feeds would hold more than "
		    "%d times the posts' %llu bytes + 64 MiB (newest post of this feed: %s)",
		    job->set->n - i - 1, RUN_OUTPUT_FACTOR,
		    (job->bound - RUN_OUTPUT_SLACK) / RUN_OUTPUT_FACTOR,
		    f->n ? f->posts[0]->path : "none");
	free(path);
}

static void write_job_one(struct write_job *job, size_t i)
{
	const struct feed *f = &job->set->v[i];
	struct write_result *r = &job->res[i - job->from];
	struct diag_sink sink;
	diag_sink_init_record(&sink, &r->rec);
	r->rc = write_one(f, job->outdir, job->site, job->opt, job->sh, &job->out[i - job->from],
			  &r->pending, &r->dirs, &sink);
	r->bytes = r->rc == 0 ? job->out[i - job->from].bytes : 0;
	atomic_fetch_add(&job->total, r->bytes);
	r->done = true;
	if (r->rc < 0) {
		atomic_store(&job->failed, true);
		return;
	}
	for (size_t k = 0; k < f->n; k++)
		render_cache_done(job->sh->cache, f->posts[k]);
}

static int write_worker(void *arg)
{
	struct write_job *job = arg;
	/* The feeds started are always the first ones, and each is finished:
	 * settle_round() finds the one passing the bound among them. */
	for (;;) {
		if (past_bound(job, atomic_load(&job->total)))
			break;
		size_t i = atomic_fetch_add(&job->next, 1);
		if (i >= job->to || atomic_load(&job->failed))
			break;
		write_job_one(job, i);
	}
	return 0;
}

/* Writes feeds [from, to) into out[], on as many threads as there are cores. */
static void write_round(struct write_job *job)
{
	void *args[WRITE_THREADS];
	size_t nt = workers_count(job->to - job->from, WRITE_PARALLEL_MIN, WRITE_THREADS);
	for (size_t k = 0; k < nt; k++)
		args[k] = job;
	workers_run(write_worker, args, nt);
}

/* Reports the round in feed order, up to its first failure, and moves the
 * files to place to the front of job->out; feeds written after a failure are
 * dropped, as if never started. Returns how many files are to be placed;
 * *failed says whether a feed failed. */
static size_t settle_round(struct write_job *job, struct strlist *dirs,
			   struct feed_set_stats *stats, bool *failed_out, struct diag_sink *diag)
{
	size_t n = 0;
	bool failed = false;
	for (size_t i = 0; i < job->to - job->from; i++) {
		struct write_result *r = &job->res[i];
		if (!failed && r->done && !job->over && r->rc == 0) {
			job->settled += r->bytes;
			job->over = past_bound(job, job->settled);
			if (job->over)
				report_over(job, job->from + i, diag);
		}
		if (failed || !r->done || job->over) {
			if (r->done && r->pending)
				outfile_abort(&job->out[i]);
		} else {
			diag_replay_all(diag, &r->rec);
			for (size_t k = 0; k < r->dirs.n; k++)
				strlist_add(dirs, r->dirs.v[k]);
			failed = r->rc < 0;
			const struct feed_set *set = job->set;
			if (r->rc == 0 && r->pending && set->before_replace &&
			    set->before_replace(set->before_replace_ctx, set->v[job->from + i].path,
						job->out[i].path, job->out[i].fd, diag) != 0) {
				outfile_abort(&job->out[i]);	/* the hook said why */
			} else if (r->rc == 0 && r->pending) {
				stats->written++;
				job->out[n++] = job->out[i];
			} else if (r->rc == 0) {
				stats->unchanged++;
			}
		}
		diag_records_free(&r->rec);
		strlist_free(&r->dirs);
	}
	render_cache_flush(job->sh->cache, diag);
	*failed_out = failed;
	return n;
}

int feed_set_write(const struct feed_set *set, const char *outdir, const struct site *site,
		   const struct write_options *opt, const struct write_shared *sh, bool verbose,
		   struct feed_set_stats *stats, struct diag_sink *diag)
{
	stats->written = stats->unchanged = 0;
	for (size_t i = 0; i < set->n; i++)
		for (size_t k = 0; k < set->v[i].n; k++)
			render_cache_plan(sh->cache, set->v[i].posts[k]);
	render_cache_defer(sh->cache);
	struct strlist dirs = {0};
	size_t max = batch_size();
	struct write_job job = { .set = set, .outdir = outdir, .site = site, .opt = opt, .sh = sh };
	atomic_init(&job.next, 0);
	atomic_init(&job.failed, false);
	atomic_init(&job.total, 0);
	if (mtx_init(&job.lock, mtx_plain) != thrd_success)
		abort();
	job.out = xmalloc(max * sizeof *job.out);
	job.res = xmalloc(max * sizeof *job.res);
	int rc = 0;
	/* A round holds as many files open as the descriptor limit allows: all
	 * of a site's feeds, usually, made durable with one wait for the disk. */
	for (size_t from = 0; from < set->n && rc == 0 && !job.over; from += max) {
		job.from = from;
		job.to = from + max < set->n ? from + max : set->n;
		memset(job.res, 0, (job.to - from) * sizeof *job.res);
		atomic_store(&job.next, from);
		write_round(&job);
		bool failed;
		size_t n = settle_round(&job, &dirs, stats, &failed, diag);
		/* Also after a failure: the feeds finished before it are kept. */
		if ((n > 0 && place_batch(job.out, n, verbose, diag) != 0) || failed)
			rc = -1;
	}
	mtx_destroy(&job.lock);
	free(job.out);
	free(job.res);
	for (size_t i = 0; i < dirs.n; i++)
		outfile_sync_dir(dirs.v[i]);
	strlist_free(&dirs);
	return rc;
}

/* ---- stale feeds ---- */

bool feed_set_has_path(const struct feed_set *set, const char *rel)
{
	return bsearch(&rel, set->known, set->nknown, sizeof *set->known, str_cmp) != NULL;
}

static bool has_feed_ext(const char *name)
{
	size_t n = strlen(name);
	for (const struct format *f = feed_formats; f->name; f++) {
		size_t k = strlen(f->ext);
		if (n > k && strcmp(name + n - k, f->ext) == 0)
			return true;
	}
	return false;
}

/* Did feedgen write this file? Its head names feedgen as the generator (in a
 * JSON Feed, the "_feedgen" extension object jsonfeed.c writes). */
static bool written_by_feedgen(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	char head[4096];
	ssize_t k = read(fd, head, sizeof head - 1);
	close(fd);
	if (k <= 0)
		return false;
	head[k] = '\0';
	return (strstr(head, "<generator version=") && strstr(head, ">feedgen</generator>")) ||
	       strstr(head, "<generator>feedgen ") || strstr(head, "\n  \"_feedgen\": {");
}

/* Exactly output.c's temporary names, ".feedgen-PID-N.tmp" or
 * ".feedgen-PID.XXXXXX", and never a feed's (".feedgen-4000000.xml" is a
 * category's). The caller holds the folder's lock (base/dirlock.h), so no
 * other run is writing: any such file is left over from a killed run, in
 * whatever PID namespace it ran. */
static bool temp_file_name(const char *name)
{
	if (strncmp(name, ".feedgen-", 9) != 0)
		return false;
	const char *p = name + 9;
	size_t digits = strspn(p, "0123456789");
	if (digits == 0)
		return false;
	p += digits;
	if (*p == '.')
		return strlen(p + 1) == 6 && strspn(p + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
						 "qrstuvwxyz0123456789") == 6;
	if (*p++ != '-')
		return false;
	digits = strspn(p, "0123456789");
	return digits > 0 && strcmp(p + digits, ".tmp") == 0;
}

struct stale_walk {
	const struct feed_set *set;
	const char *outdir;
	bool prune;
	bool temps_only;	/* only remove temporary files left by killed runs */
	size_t count;
	struct diag_sink *diag;
};

/* Another spelling of a feed of the set ("feed/NEWS.xml" for "feed/news.xml"):
 * where case is ignored it is that feed's file. */
static bool spelling_of_known(const struct feed_set *set, const char *rel)
{
	char *key = feed_path_key(rel);
	bool found = bsearch(&key, set->known_keys, set->nknown, sizeof *set->known_keys,
			     str_cmp) != NULL;
	free(key);
	return found;
}

static void stale_file(struct stale_walk *w, const char *rel, const char *full)
{
	if (feed_set_has_path(w->set, rel) || spelling_of_known(w->set, rel) ||
	    !written_by_feedgen(full))
		return;
	w->count++;
	if (!w->prune) {
		diag_report(w->diag, DIAG_WARNING, full, 0, 0, "stale-feed",
			    "stale feed: no category or tag of the site has this file any more "
			    "(--prune deletes it)");
		return;
	}
	if (unlink(full) != 0)
		diag_report(w->diag, DIAG_ERROR, full, 0, 0, "stale-feed", "cannot delete: %s",
			    strerror(errno));
	else
		diag_report(w->diag, DIAG_NOTE, full, 0, 0, "stale-feed", "deleted stale feed");
}

static void stale_dir(struct stale_walk *w, const char *rel, bool recurse)
{
	char *dir = join(w->outdir, rel);
	bool link = w->temps_only ? nofollow_has_link(w->outdir, rel)	/* reported later */
				  : refuse_link(w->outdir, rel, dir, w->diag);
	if (link) {
		free(dir);
		return;
	}
	size_t n;
	struct dir_entry *names = dirlist_read(dir, true, &n);
	for (size_t i = 0; i < n; i++) {
		const char *name = names[i].name;
		char *full = join(dir, name);
		char *r = *rel ? join(rel, name) : xstrdup(name);
		struct stat st;
		if (lstat(full, &st) == 0) {
			if (S_ISDIR(st.st_mode) && recurse)
				stale_dir(w, r, true);
			else if (S_ISREG(st.st_mode) && temp_file_name(name) &&
				 !feed_set_has_path(w->set, r))
				unlink(full);
			else if (S_ISREG(st.st_mode) && has_feed_ext(name) && !w->temps_only)
				stale_file(w, r, full);
		}
		free(full);
		free(r);
	}
	dirlist_free(names, n);
	free(dir);
}

static bool is_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* Temporary files of killed runs in one folder (the site feed's, the root). */
static void clean_temps(const struct feed_set *set, const char *outdir, const char *rel_dir)
{
	char *dir = *rel_dir ? join(outdir, rel_dir) : xstrdup(outdir);
	if (nofollow_has_link(outdir, rel_dir)) {
		free(dir);
		return;
	}
	size_t n;
	struct dir_entry *names = dirlist_read(dir, true, &n);
	for (size_t i = 0; i < n; i++) {
		char *rel = *rel_dir ? join(rel_dir, names[i].name) : xstrdup(names[i].name);
		bool feed = feed_set_has_path(set, rel);
		free(rel);
		if (temp_file_name(names[i].name) && !feed) {
			char *full = join(dir, names[i].name);
			unlink(full);
			free(full);
		}
	}
	dirlist_free(names, n);
	free(dir);
}

static size_t walk_output(const struct feed_set *set, const char *outdir, bool prune,
			  bool temps_only, struct diag_sink *diag)
{
	struct stale_walk w = {set, outdir, prune, temps_only, 0, diag};
	stale_dir(&w, set->category_dir, true);
	if (!is_under(set->tag_dir, set->category_dir))
		stale_dir(&w, set->tag_dir, true);
	for (size_t i = 0; i < set->n; i++) {
		if (set->v[i].kind != FEED_SITE)
			continue;
		char *copy = xstrdup(set->v[i].path);
		char *slash = strrchr(copy, '/');
		if (slash)
			*slash = '\0';
		else
			*copy = '\0';
		if (!is_under(copy, set->category_dir))
			clean_temps(set, outdir, copy);
		if (*copy)	/* and feeds.opml's, the root */
			clean_temps(set, outdir, "");
		free(copy);
		break;
	}
	return w.count;
}

size_t feed_set_stale(const struct feed_set *set, const char *outdir, bool prune,
		      struct diag_sink *diag)
{
	return walk_output(set, outdir, prune, false, diag);
}

void feed_set_clean_temps(const struct feed_set *set, const char *outdir, struct diag_sink *diag)
{
	walk_output(set, outdir, false, true, diag);
}
