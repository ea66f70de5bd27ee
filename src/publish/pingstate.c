/* pingstate.c: the feeds of a published folder, and the record of what
 * hubs were told about them (DIR/.feedgen-pinged). */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/xmlIO.h>

#include "base/dirlist.h"
#include "base/nofollow.h"
#include "base/output.h"
#include "base/text.h"
#include "publish/pingstate.h"

/* FNV-1a, 64 bits: a change check, not a defence against forgeries (whoever
 * can write DIR can write the record too). */
static uint64_t fnv1a(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

static bool feed_name(const char *name)
{
	static const char *const exts[] = { ".xml", ".rss", ".atom", ".json" };
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		size_t k = strlen(exts[i]);
		if (n > k && strcmp(name + n - k, exts[i]) == 0)
			return true;
	}
	return false;
}

/* A control character in a path would break the record's lines. */
static bool plain_path(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

static void add_file(const char *dir, const char *rel, struct dir_feeds *out,
		     struct diag_sink *diag)
{
	struct buf b;
	buf_init(&b);
	const char *why = NULL;
	int rc = nofollow_read(dir, rel, PING_MAX_FILE, &b, &why);
	if (rc < 0) {
		struct buf path;
		buf_init(&path);
		buf_printf(&path, "%s/%s", dir, rel);
		diag_report(diag, DIAG_WARNING, path.data, 0, 0, "read-error", "not looked at: %s", why);
		buf_free(&path);
	}
	struct websub_links links;
	if (rc == 1) {
		websub_links_read(b.data ? b.data : "", b.len, NULL, &links);
		if (links.is_feed) {
			if (out->n == out->cap) {
				out->cap = out->cap ? 2 * out->cap : 16;
				out->v = xrealloc(out->v, out->cap * sizeof *out->v);
			}
			out->v[out->n++] = (struct dir_feed){ .path = xstrdup(rel),
							      .hash = fnv1a(b.data, b.len),
							      .links = links };
		} else {
			websub_links_free(&links);
		}
	}
	buf_free(&b);
}

/* The feeds in dir/rel ("" for dir itself) and its folders, in name order. */
static int walk(const char *dir, const char *rel, int depth, struct dir_feeds *out,
		struct diag_sink *diag)
{
	struct buf full;
	buf_init(&full);
	buf_printf(&full, "%s%s%s", dir, *rel ? "/" : "", rel);
	size_t n;
	struct dir_entry *v = dirlist_read(full.data, false, &n);
	buf_free(&full);
	if (!v)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct buf sub;
		buf_init(&sub);
		buf_printf(&sub, "%s%s%s", rel, *rel ? "/" : "", v[i].name);
		struct buf path;
		buf_init(&path);
		buf_printf(&path, "%s/%s", dir, sub.data);
		struct stat st;
		if (plain_path(sub.data) && lstat(path.data, &st) == 0) {
			if (S_ISDIR(st.st_mode) && depth < PING_MAX_DEPTH)
				walk(dir, sub.data, depth + 1, out, diag);
			else if (S_ISREG(st.st_mode) && feed_name(v[i].name))
				add_file(dir, sub.data, out, diag);
		}
		buf_free(&path);
		buf_free(&sub);
	}
	dirlist_free(v, n);
	return 0;
}

static int path_cmp(const void *a, const void *b)
{
	return strcmp(((const struct dir_feed *)a)->path, ((const struct dir_feed *)b)->path);
}

static struct dir_feed *find_feed(struct dir_feeds *f, const char *path)
{
	struct dir_feed key = { .path = (char *)path };
	if (!f->n)
		return NULL;
	return bsearch(&key, f->v, f->n, sizeof *f->v, path_cmp);
}

/* Reads the record into the feeds it names; lines it cannot take (a
 * hand edit) are ignored: those feeds count as changed. */
static int read_record(const char *dir, struct dir_feeds *f, char *errbuf, size_t errlen)
{
	struct buf b;
	buf_init(&b);
	const char *why = NULL;
	int rc = nofollow_read(dir, PING_STATE_FILE, PING_MAX_FILE, &b, &why);
	if (rc < 0) {
		snprintf(errbuf, errlen, "%s/%s: %s", dir, PING_STATE_FILE, why);
		buf_free(&b);
		return -1;
	}
	buf_add(&b, "", 1);
	for (char *line = b.data, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *end;
		uint64_t h = strtoull(line, &end, 16);
		if (end != line + 16 || *end != ' ')
			continue;
		struct dir_feed *feed = find_feed(f, end + 1);
		if (feed) {
			feed->recorded = true;
			feed->recorded_hash = h;
		}
	}
	buf_free(&b);
	return 0;
}

int dir_feeds_scan(const char *dir, struct dir_feeds *out, struct diag_sink *diag, char *errbuf,
		   size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (walk(dir, "", 0, out, diag) != 0) {
		snprintf(errbuf, errlen, "%s: cannot read the folder: %s", dir, strerror(errno));
		return -1;
	}
	if (out->n)	/* qsort() and bsearch() take no NULL array, even empty */
		qsort(out->v, out->n, sizeof *out->v, path_cmp);
	if (read_record(dir, out, errbuf, errlen) != 0) {
		dir_feeds_free(out);
		return -1;
	}
	return 0;
}

int dir_feeds_record(const char *dir, const struct dir_feeds *f, const bool *done,
		     struct diag_sink *diag)
{
	struct buf text;
	buf_init(&text);
	buf_adds(&text, "# The feeds WebSub hubs were told of by feedgen ping (feedgen(1)).\n");
	for (size_t i = 0; i < f->n; i++) {
		const struct dir_feed *d = &f->v[i];
		if (done[i] || !dir_feed_changed(d))
			buf_printf(&text, "%016" PRIx64 " %s\n", d->hash, d->path);
		else if (d->recorded)
			buf_printf(&text, "%016" PRIx64 " %s\n", d->recorded_hash, d->path);
	}
	struct buf path;
	buf_init(&path);
	buf_printf(&path, "%s/%s", dir, PING_STATE_FILE);
	struct outfile out;
	int rc = outfile_open(&out, path.data, diag);
	buf_free(&path);
	if (rc == 0) {
		xmlOutputBufferPtr x = outfile_xml_buffer(&out);
		xmlOutputBufferWrite(x, (int)text.len, text.data);
		xmlOutputBufferClose(x);
		bool changed;
		/* A write error (out.error) is reported here, naming the reason. */
		rc = outfile_commit(&out, &changed, diag);
	}
	buf_free(&text);
	return rc;
}

void dir_feeds_free(struct dir_feeds *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].path);
		websub_links_free(&f->v[i].links);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}
