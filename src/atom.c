/* atom.c: the Atom 1.0 writer (RFC 4287), shaped like jekyll-feed's feed.xml
 * so subscribers see the same ids and links, but with text escaped exactly
 * once by libxml2's writer and no element left empty. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "body.h"
#include "text.h"
#include "url.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"

/* Every writer call returns < 0 on failure; chaining them keeps the functions
 * below readable while still stopping at the first failure. */
struct xw {
	xmlTextWriterPtr w;
	int failed;
};

static void start(struct xw *x, const char *name)
{
	if (!x->failed && xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
		x->failed = 1;
}

static void end(struct xw *x)
{
	if (!x->failed && xmlTextWriterEndElement(x->w) < 0)
		x->failed = 1;
}

static void attr(struct xw *x, const char *name, const char *value)
{
	if (!x->failed && value && xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value) < 0)
		x->failed = 1;
}

static void text(struct xw *x, const char *s)
{
	if (!x->failed && xmlTextWriterWriteString(x->w, BAD_CAST s) < 0)
		x->failed = 1;
}

/* <name>text</name>, left out when text is NULL or empty. */
static void element(struct xw *x, const char *name, const char *s)
{
	if (!s || !*s)
		return;
	start(x, name);
	text(x, s);
	end(x);
}

static void date_element(struct xw *x, const char *name, const struct fg_time *t)
{
	char buf[40];
	date_rfc3339(t, buf, sizeof buf);
	element(x, name, buf);
}

static void link(struct xw *x, const char *href, const char *rel, const char *type,
		 const char *title)
{
	if (!href || !*href)
		return;
	start(x, "link");
	attr(x, "href", href);
	attr(x, "rel", rel);
	attr(x, "type", type);
	if (title && *title)
		attr(x, "title", title);
	end(x);
}

static void person(struct xw *x, const char *role, const struct person *p)
{
	start(x, role);
	element(x, "name", p->name);
	element(x, "email", p->email);
	element(x, "uri", p->uri);
	end(x);
}

static bool has_person(const struct person *p)
{
	return p->name && *p->name;
}

/* RFC 4287 §4.1.1: a feed without an author needs one in every entry. */
static bool all_entries_have_author(const struct feed *feed)
{
	for (size_t i = 0; i < feed->n; i++)
		if (!has_person(&feed->posts[i]->author))
			return false;
	return true;
}

static void entry_content(struct xw *x, const struct site *site, const struct post *p,
			  const struct write_options *opt, struct diag_sink *diag)
{
	bool full = opt->content != CONTENT_SUMMARY && !site->excerpt_only;
	if (full) {
		char *html = body_render(site, p, diag);
		if (html && *html) {
			start(x, "content");
			attr(x, "type", "html");
			attr(x, "xml:base", p->abs_url);
			text(x, html);
			end(x);
		}
		free(html);
	}
	if (!full || opt->content == CONTENT_BOTH || p->excerpt || p->description) {
		char *sum = body_summary(site, p, diag);
		element(x, "summary", sum);
		free(sum);
	}
}

static void entry(struct xw *x, const struct site *site, const struct feed *feed,
		  const struct post *p, const struct write_options *opt, struct diag_sink *diag)
{
	start(x, "entry");
	if (p->lang && *p->lang)
		attr(x, "xml:lang", p->lang);
	element(x, "title", p->title);
	link(x, p->abs_url, "alternate", "text/html", p->title);
	date_element(x, "published", &p->date);
	date_element(x, "updated", p->has_updated ? &p->updated : &p->date);
	element(x, "id", p->entry_id);
	entry_content(x, site, p, opt, diag);
	if (has_person(&p->author))
		person(x, "author", &p->author);
	else if (!has_person(&site->author) && !all_entries_have_author(feed))
		person(x, "author", &(struct person){.name = site->title[0] ? site->title : "unknown"});
	for (size_t i = 0; i < p->categories.n; i++) {
		start(x, "category");
		attr(x, "term", p->categories.v[i]);
		end(x);
	}
	for (size_t i = 0; i < p->tags.n; i++) {
		start(x, "category");
		attr(x, "term", p->tags.v[i]);
		end(x);
	}
	end(x);
}

int atom_write(xmlTextWriterPtr w, const struct site *site, const struct feed *feed,
	       const struct write_options *opt, struct diag_sink *diag)
{
	struct xw x = {w, 0};
	start(&x, "feed");
	attr(&x, "xmlns", ATOM_NS);
	if (site->lang && *site->lang)
		attr(&x, "xml:lang", site->lang);
	start(&x, "generator");
	attr(&x, "version", opt->generator_version);
	text(&x, "feedgen");
	end(&x);
	link(&x, feed->self_url, "self", "application/atom+xml", NULL);
	char *home = url_absolute(site->url, site->baseurl, "/");
	start(&x, "link");
	attr(&x, "href", home);
	attr(&x, "rel", "alternate");
	attr(&x, "type", "text/html");
	if (site->lang && *site->lang)
		attr(&x, "hreflang", site->lang);
	end(&x);
	free(home);
	static const struct fg_time epoch = {0, 0, 0};
	date_element(&x, "updated", feed->n ? &feed->posts[0]->date : &epoch);
	element(&x, "id", feed->self_url);
	start(&x, "title");
	text(&x, feed->title);
	end(&x);
	element(&x, "subtitle", site->description);
	if (has_person(&site->author))
		person(&x, "author", &site->author);
	for (size_t i = 0; i < feed->n; i++)
		entry(&x, site, feed, feed->posts[i], opt, diag);
	end(&x);
	if (x.failed)
		diag_report(diag, DIAG_ERROR, feed->path, 0, 0, NULL, "writing the Atom feed failed");
	return x.failed ? -1 : 0;
}
