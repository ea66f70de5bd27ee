/* formats.c: the table of formats and writing one feed through a row of it. */
#include <config.h>

#include <string.h>

#include <libxml/xmlerror.h>

#include "base/text.h"
#include "feeds/atom.h"
#include "feeds/formats.h"
#include "feeds/jsonfeed.h"
#include "feeds/render.h"
#include "feeds/rss.h"

/* Atom first, with FEED_ATOM_EXT: feed_path_for_format() derives the others'
 * paths from its. */
const struct format feed_formats[] = {
	{.name = "atom", .ext = FEED_ATOM_EXT, .media_type = "application/atom+xml", .write = atom_write},
	{.name = "rss", .ext = ".rss", .media_type = "application/rss+xml", .write = rss_write,
	 .needs_site_url = true},
	{.name = "json", .ext = ".json", .media_type = "application/feed+json",
	 .write_bytes = jsonfeed_write, .needs_site_url = true},
	{.name = NULL},
};

const struct format *feed_format_find(const char *name)
{
	for (const struct format *f = feed_formats; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
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
