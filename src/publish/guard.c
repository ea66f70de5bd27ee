/* guard.c: the check feedgen -o makes before replacing a feed: its new
 * version against the published one, by publish/feeddiff. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/text.h"
#include "base/url.h"
#include "publish/feeddiff.h"
#include "publish/feedread.h"
#include "publish/guard.h"

void feed_guard_init(struct feed_guard *g, const char *against, const char *config_against,
		     const char *site_dir, bool accept_new_ids)
{
	memset(g, 0, sizeof *g);
	g->accept_new_ids = accept_new_ids;
	fetch_options_default(&g->fetch);
	g->fetch.max_size = FEEDREAD_MAX_BYTES;
	if (against && *against) {
		g->against = xstrdup(against);
	} else if (config_against && *config_against) {
		struct buf b;
		buf_init(&b);
		if (!feedread_is_url(config_against) && config_against[0] != '/')
			buf_printf(&b, "%s/", site_dir);
		buf_adds(&b, config_against);
		g->against = buf_take(&b);
	}
}

void feed_guard_free(struct feed_guard *g)
{
	free(g->against);
	g->against = NULL;
}

static bool is_folder(const char *s)
{
	size_t n = strlen(s);
	if (n && s[n - 1] == '/')
		return true;
	struct stat st;
	return !feedread_is_url(s) && stat(s, &st) == 0 && S_ISDIR(st.st_mode);
}

/* s ends with "/" + tail (or, for a file, is tail): the length before tail. */
static bool strip_tail(const char *s, const char *tail, size_t *keep)
{
	size_t n = strlen(s), k = strlen(tail);
	if (n < k || strcmp(s + n - k, tail) != 0)
		return false;
	if (n > k && s[n - k - 1] != '/')
		return false;
	if (n == k && feedread_is_url(s))
		return false;
	*keep = n - k;
	return true;
}

char *feed_guard_published(const struct feed_guard *g, const char *rel, const char *path)
{
	if (!g->against)
		return xstrdup(path);
	struct buf b;
	buf_init(&b);
	size_t keep;
	if (is_folder(g->against)) {
		size_t n = strlen(g->against);
		buf_add(&b, g->against, n);
		if (g->against[n - 1] != '/')
			buf_addc(&b, '/');
		buf_adds(&b, rel);
	} else if (!g->site_feed || strcmp(rel, g->site_feed) == 0) {
		buf_adds(&b, g->against);
	} else if (strip_tail(g->against, g->site_feed, &keep)) {
		buf_add(&b, g->against, keep);
		buf_adds(&b, rel);
	} else if (feedread_is_url(g->against)) {
		char *u = url_resolve(g->against, rel);
		buf_adds(&b, u ? u : rel);
		free(u);
	} else {
		const char *slash = strrchr(g->against, '/');
		if (slash)
			buf_add(&b, g->against, (size_t)(slash - g->against) + 1);
		buf_adds(&b, rel);
	}
	return buf_take(&b);
}

/* A feed past what feedread reads (an all-posts feed of a huge site) is not
 * compared: a warning, and it is written as without the guard. */
static bool too_large(const char *where, int new_fd, const char *path, struct diag_sink *diag)
{
	struct stat a, b;
	bool big = (fstat(new_fd, &a) == 0 && (size_t)a.st_size > FEEDREAD_MAX_BYTES) ||
		   (!feedread_is_url(where) && stat(where, &b) == 0 &&
		    (size_t)b.st_size > FEEDREAD_MAX_BYTES);
	if (big)
		diag_report(diag, DIAG_WARNING, path, 0, 0, "against",
			    "not compared with its published version: larger than %zu MiB",
			    FEEDREAD_MAX_BYTES >> 20);
	return big;
}

int feed_guard_check(void *ctx, const char *rel, const char *path, int new_fd,
		     struct diag_sink *diag)
{
	struct feed_guard *g = ctx;
	char *where = feed_guard_published(g, rel, path);
	char *published = feedread_is_url(where) ? fetch_redact_url(where) : xstrdup(where);
	struct feed_doc old_doc, new_doc;
	int rc = too_large(where, new_fd, path, diag) ? 1
		 : feedread_load(where, &g->fetch, &old_doc, diag);
	if (rc == 1) {		/* nothing published there yet */
		free(published);
		free(where);
		return 0;
	}
	if (rc != 0) {
		diag_report(diag, DIAG_ERROR, path, 0, 0, "against",
			    "not replaced: its published version %s cannot be read, so whether "
			    "entries would change id cannot be checked", published);
		g->unread++;
		free(published);
		free(where);
		return 1;
	}
	if (feedread_fd(new_fd, path, &new_doc, diag) != 0) {
		feed_doc_free(&old_doc);
		free(published);
		free(where);
		g->unread++;
		return 1;
	}
	for (size_t i = 0; i < new_doc.n; i++)
		new_doc.v[i].line = 0;	/* lines of bytes not written mean nothing */
	struct feed_diff d;
	feed_diff_compute(&old_doc, &new_doc, &d);
	int refuse = 0;
	if (d.reidentified) {
		g->reidentified += d.reidentified;
		struct diag_records rec = {0};
		struct diag_sink sink;
		diag_sink_init_record(&sink, &rec);
		feed_diff_report(&d, &old_doc, published, &new_doc, path, true, &sink);
		for (size_t i = 0; i < rec.n; i++) {
			if (g->accept_new_ids)
				rec.v[i].sev = DIAG_WARNING;
			diag_replay(diag, &rec.v[i]);
		}
		diag_records_free(&rec);
		if (g->accept_new_ids) {
			diag_report(diag, DIAG_WARNING, path, 0, 0, "id-changed",
				    "replaced with --accept-new-ids: %zu entr%s of %s under new ids; "
				    "readers will show them again as new", d.reidentified,
				    d.reidentified == 1 ? "y" : "ies", published);
		} else {
			diag_report(diag, DIAG_ERROR, path, 0, 0, "id-changed",
				    "not replaced: %zu entr%s of %s would change id and readers "
				    "would show them again as new (--accept-new-ids replaces it)",
				    d.reidentified, d.reidentified == 1 ? "y" : "ies", published);
			g->refused++;
			refuse = 1;
		}
	}
	feed_diff_free(&d);
	feed_doc_free(&old_doc);
	feed_doc_free(&new_doc);
	free(published);
	free(where);
	return refuse;
}
