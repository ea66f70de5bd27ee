/* feed.c: which posts a feed holds, and the format table every writer sits in. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "feed.h"
#include "text.h"
#include "url.h"

const struct format feed_formats[] = {
	{"atom", ".xml", "application/atom+xml", atom_write},
	{NULL, NULL, NULL, NULL},
};

const struct format *feed_format_find(const char *name)
{
	for (const struct format *f = feed_formats; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

/* "feed.xml" → "feed.rss" for a format whose extension is not the Atom one. */
static char *path_for_format(const char *atom_path, const struct format *fmt)
{
	const char *dot = strrchr(atom_path, '.');
	const char *slash = strrchr(atom_path, '/');
	size_t stem = (dot && (!slash || dot > slash)) ? (size_t)(dot - atom_path) : strlen(atom_path);
	struct buf b;
	buf_init(&b);
	buf_add(&b, atom_path, stem);
	buf_adds(&b, fmt->ext);
	return buf_take(&b);
}

void feed_init_site(struct feed *f, const struct site *site, const struct post_list *posts,
		    long limit, const struct format *fmt)
{
	memset(f, 0, sizeof *f);
	f->kind = FEED_SITE;
	f->title = xstrdup(site->title);
	f->path = strcmp(fmt->ext, ".xml") == 0 ? xstrdup(site->feed_path)
						 : path_for_format(site->feed_path, fmt);
	struct buf p;
	buf_init(&p);
	buf_printf(&p, "/%s", f->path);
	f->self_url = url_absolute(site->url, site->baseurl, p.data);
	buf_free(&p);
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

int feed_write(const struct format *fmt, xmlOutputBufferPtr out, const struct site *site,
	       const struct feed *feed, const struct write_options *opt, struct diag_sink *diag)
{
	xmlTextWriterPtr w = xmlNewTextWriter(out);
	if (!w) {
		xmlOutputBufferClose(out);
		diag_report(diag, DIAG_ERROR, feed->path, 0, 0, NULL, "cannot start the XML writer");
		return -1;
	}
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	int rc = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0 ? -1 : 0;
	if (rc == 0)
		rc = fmt->write(w, site, feed, opt, diag);
	if (rc == 0 && xmlTextWriterEndDocument(w) < 0)
		rc = -1;
	xmlFreeTextWriter(w);
	return rc;
}
