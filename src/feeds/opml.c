/* opml.c: the OPML 2.0 subscription list of a site's feeds (feeds.opml) and
 * the HTML <link rel="alternate"> tags that announce them on its pages.
 *
 * OPML 2.0 (http://opml.org/spec2.opml), "subscription lists": each feed is
 * an <outline type="rss" text=… xmlUrl=… htmlUrl=…/>; type "rss" is what the
 * spec and every reader use for any feed format, and version="RSS" is given
 * only to RSS 2.0 feeds (the spec's value for 0.91, 0.92 and 2.0). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/entities.h>
#include <libxml/xmlwriter.h>

#include "base/date.h"
#include "base/output.h"
#include "base/text.h"
#include "feeds/feed.h"
#include "feeds/opml.h"

/* How each format is named to people; a format missing here is shown by its
 * table name. */
static const struct {
	const char *format;
	const char *label;
	const char *opml_version;	/* OPML's version attribute, or NULL */
} format_labels[] = {
	{"atom", "Atom 1.0", NULL},
	{"rss", "RSS 2.0", "RSS"},
	{"json", "JSON Feed 1.1", NULL},
};

static const char *format_label(const struct format *f)
{
	for (size_t i = 0; i < sizeof format_labels / sizeof format_labels[0]; i++)
		if (strcmp(format_labels[i].format, f->name) == 0)
			return format_labels[i].label;
	return f->name;
}

static const char *opml_version(const struct format *f)
{
	for (size_t i = 0; i < sizeof format_labels / sizeof format_labels[0]; i++)
		if (strcmp(format_labels[i].format, f->name) == 0)
			return format_labels[i].opml_version;
	return NULL;
}

/* The newest change in any feed of the set, or NULL when no feed has a post. */
static const struct fg_time *newest(const struct feed_set *set)
{
	const struct fg_time *best = NULL;
	for (size_t i = 0; i < set->n; i++) {
		const struct fg_time *t = feed_updated(&set->v[i]);
		if (t && (!best || date_cmp(t, best) > 0))
			best = t;
	}
	return best;
}

/* The formats of the set in the order they first appear. */
static size_t set_formats(const struct feed_set *set, const struct format **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < set->n; i++) {
		size_t k = 0;
		while (k < n && out[k] != set->v[i].format)
			k++;
		if (k == n && n < max)
			out[n++] = set->v[i].format;
	}
	return n;
}

static void write_head(struct xw *x, const struct feed_set *set, const struct site *site)
{
	char *title = feed_site_title(site);
	xw_start(x, "head");
	xw_element(x, "title", title);
	const struct fg_time *t = newest(set);
	if (t)
		xw_date(x, "dateModified", t, true);
	xw_element(x, "ownerName", site->author.name);
	xw_element(x, "ownerEmail", site->author.email);
	xw_element(x, "docs", "http://opml.org/spec2.opml");
	xw_end(x);
	free(title);
}

static void write_outline(struct xw *x, const struct feed *f, const char *home, const char *lang)
{
	xw_start(x, "outline");
	xw_attr(x, "type", "rss");
	xw_attr(x, "text", f->title);
	xw_attr(x, "title", f->title);
	xw_attr(x, "xmlUrl", f->self_url);
	if (home && *home)
		xw_attr(x, "htmlUrl", home);
	xw_attr(x, "version", opml_version(f->format));
	xw_attr(x, "language", lang);
	xw_end(x);
}

static void write_body(struct xw *x, const struct feed_set *set, const struct site *site,
		       const char *home)
{
	char *lang = site->lang && *site->lang ? lang_normalize(xstrdup(site->lang)) : NULL;
	const struct format *fmts[16];
	size_t nf = set_formats(set, fmts, sizeof fmts / sizeof fmts[0]);
	xw_start(x, "body");
	for (size_t k = 0; k < nf; k++) {
		xw_start(x, "outline");
		xw_attr(x, "text", format_label(fmts[k]));
		for (size_t i = 0; i < set->n; i++)
			if (set->v[i].format == fmts[k])
				write_outline(x, &set->v[i], home, lang);
		xw_end(x);
	}
	xw_end(x);
	free(lang);
}

int opml_write(xmlOutputBufferPtr out, const struct feed_set *set, const struct site *site,
	       const char *home)
{
	xmlTextWriterPtr w = xmlNewTextWriter(out);
	if (!w) {
		xmlOutputBufferClose(out);
		return -1;
	}
	struct xw x = {w, false};
	if (xmlTextWriterSetIndent(w, 1) < 0 || xmlTextWriterSetIndentString(w, BAD_CAST "  ") < 0 ||
	    xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0)
		x.failed = true;
	xw_start(&x, "opml");
	xw_attr(&x, "version", "2.0");
	write_head(&x, set, site);
	write_body(&x, set, site, home);
	xw_end(&x);
	if (!x.failed && xmlTextWriterEndDocument(w) < 0)
		x.failed = true;
	xmlFreeTextWriter(w);	/* closes out, flushing what is left */
	return x.failed ? -1 : 0;
}

int opml_write_file(const struct feed_set *set, const char *outdir, const struct site *site,
		    const char *home, bool *changed, struct diag_sink *diag)
{
	*changed = false;
	struct buf path;
	buf_init(&path);
	buf_printf(&path, "%s/%s", outdir, OPML_FILE);
	struct outfile out;
	int rc = outfile_open(&out, path.data, diag);
	buf_free(&path);
	if (rc != 0)
		return -1;
	rc = opml_write(outfile_xml_buffer(&out), set, site, home);
	if (rc != 0 && !out.error) {
		diag_report(diag, DIAG_ERROR, out.path, 0, 0, "write-error", "writing the OPML list failed");
		outfile_abort(&out);
		return -1;
	}
	/* A write error (out.error) is reported here, naming the reason. */
	if (outfile_commit(&out, changed, diag) != 0 || rc != 0)
		return -1;
	return 0;
}

/* ---- link tags ---- */

/* name="value" with the value escaped by libxml2 (& < > " and CR become
 * references; other characters, CJK included, stay as they are). */
static void attr(struct buf *b, const char *name, const char *value)
{
	if (!value)
		return;
	xmlChar *esc = xmlEncodeSpecialChars(NULL, BAD_CAST value);
	if (!esc)
		abort();	/* out of memory, as xmalloc */
	buf_printf(b, " %s=\"%s\"", name, (const char *)esc);
	xmlFree(esc);
}

char *opml_link_tags(const struct feed_set *set, const struct site *site)
{
	char *site_title = feed_plain_text(site->title);
	struct buf out;
	buf_init(&out);
	buf_adds(&out, "");
	for (size_t i = 0; i < set->n; i++) {
		const struct feed *f = &set->v[i];
		/* jekyll-feed's feed_meta, attribute for attribute; like it, no
		 * title for the site feed of a site without one (the feed's own
		 * title then is only its URL). */
		bool untitled = f->kind == FEED_SITE && !*site_title;
		buf_adds(&out, "<link");
		attr(&out, "type", f->format->media_type);
		attr(&out, "rel", "alternate");
		attr(&out, "href", f->self_url);
		attr(&out, "title", untitled ? NULL : f->title);
		buf_adds(&out, " />\n");
	}
	free(site_title);
	return buf_take(&out);
}
