/* test_sniff.c: what a document is by its first bytes (validate/sniff.h), and
 * the feed links of a page (validate/discover.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "validate/discover.h"
#include "validate/sniff.h"
#include "tap.h"

static enum sniff_kind sniff(const char *s)
{
	return sniff_document(s, strlen(s), true);
}

static void test_xml_roots(void)
{
	static const struct {
		const char *doc;
		enum sniff_kind want;
		const char *what;
	} cases[] = {
		{ "<rss version=\"2.0\"><channel/></rss>", SNIFF_FEED, "RSS" },
		{ "\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- a comment -->\n<?xml-stylesheet href=\"a.xsl\"?>\n"
		  "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
		  "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\">",
		  SNIFF_FEED, "RSS 0.91 after a BOM, a declaration, a comment, a PI and a doctype (a prefix)" },
		{ "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", SNIFF_FEED, "Atom 1.0" },
		{ "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"/>", SNIFF_FEED, "Atom 0.3" },
		{ "<feed/>", SNIFF_FEED, "a <feed> in no namespace (to be told so)" },
		{ "<a:entry xmlns:a=\"http://www.w3.org/2005/Atom\"/>", SNIFF_FEED, "an Atom entry document" },
		{ "<entry/>", SNIFF_OTHER, "an <entry> in no namespace" },
		{ "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
		  "xmlns=\"http://purl.org/rss/1.0/\"/>", SNIFF_FEED, "RSS 1.0" },
		{ "<RDF/>", SNIFF_OTHER, "an RDF outside the RDF namespace" },
		{ "<opml version=\"2.0\"/>", SNIFF_FEED, "OPML" },
		{ "<outlineDocument/>", SNIFF_FEED, "OPML's old root" },
		{ "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>", SNIFF_OTHER, "a sitemap" },
		{ "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>", SNIFF_HTML, "XHTML" },
		{ "<!DOCTYPE html>\n<html lang=en><p>x", SNIFF_HTML, "HTML5 (not XML)" },
		{ "  <!-- hi --> <HTML><body>", SNIFF_HTML, "HTML after a comment, upper case" },
		{ "", SNIFF_NONE, "nothing" },
		{ "body { color: red }", SNIFF_NONE, "CSS" },
		{ "\x89PNG\r\n\x1a\n", SNIFF_NONE, "a PNG" },
		{ "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" <channel>", SNIFF_NONE, "XML broken before its root" },
		{ "<!DOCTYPE x [<!ENTITY a \"&b;&b;\"><!ENTITY b \"&c;&c;\">]><rss>", SNIFF_FEED,
		  "entities declared in a doctype are not expanded" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_int(sniff(cases[i].doc), cases[i].want, "sniff: %s", cases[i].what);
	/* UTF-16 with a byte order mark, little-endian. */
	const char *ascii = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"/>";
	size_t n = strlen(ascii);
	char *wide = malloc(2 * n + 2);
	wide[0] = '\xff', wide[1] = '\xfe';
	for (size_t i = 0; i < n; i++)
		wide[2 + 2 * i] = ascii[i], wide[3 + 2 * i] = 0;
	is_int(sniff_document(wide, 2 * n + 2, true), SNIFF_FEED, "sniff: RSS in UTF-16");
	free(wide);
}

static void test_json(void)
{
	is_int(sniff("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"),
	       SNIFF_JSON_FEED, "sniff: JSON Feed 1.1");
	is_int(sniff("\xef\xbb\xbf {\"items\": [], \"version\": \"https://jsonfeed.org/version/1\"}"),
	       SNIFF_JSON_FEED, "sniff: JSON Feed 1 with its version last, after a BOM");
	is_int(sniff("{\"name\": \"app\", \"version\": \"1.0\"}"), SNIFF_OTHER,
	       "sniff: a web app manifest is no feed");
	is_int(sniff("{\"a\": {\"version\": \"https://jsonfeed.org/version/1.1\"}}"), SNIFF_OTHER,
	       "sniff: a jsonfeed.org version below the top is no feed's");
	is_int(sniff("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [}"),
	       SNIFF_JSON_FEED, "sniff: broken JSON that names the version: a feed (to be told what is wrong)");
	is_int(sniff("[1, 2]"), SNIFF_OTHER, "sniff: a JSON array");
	const char *head = "{\"title\": \"x\", \"items\": [";
	is_int(sniff_document(head, strlen(head), false), SNIFF_MORE,
	       "sniff: the start of a JSON object that does not say: give it whole");
}

static void test_page(void)
{
	const char *atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>";
	ok(!sniff_is_page("text/html; charset=utf-8", atom, strlen(atom)),
	   "page: an Atom feed served as text/html is a feed");
	const char *html = "<!doctype html><title>x</title>";
	ok(sniff_is_page("application/octet-stream", html, strlen(html)), "page: HTML by its start");
	ok(sniff_is_page("text/html", "hello", 5), "page: text by its Content-Type");
	ok(!sniff_is_page(NULL, "hello", 5), "page: text without a type is not a page");
	ok(sniff_name_is_feed("a/b.RSS") && sniff_name_is_feed("x.atom") &&
	   sniff_name_is_feed("feeds.opml") && !sniff_name_is_feed("feed.xml") &&
	   !sniff_name_is_feed(".rss"), "names: .rss, .atom, .opml say feed; .xml does not");
	ok(sniff_name_is_xml("sitemap.xml") && !sniff_name_is_xml("x.html"), "names: .xml is XML");
}

static void test_discover(void)
{
	const char *page =
		"<!DOCTYPE html>\n<html><head>\n"
		"<base href=\"/blog/\">\n"
		"<link rel=\"alternate stylesheet\" type=\"text/xml\" href=\"s.xml\">\n"
		"<link rel=\"alternate\" type=\"application/atom+xml\" href=\" feed.xml \">\n"
		"<link rel=\"Alternate\" type=\"APPLICATION/RSS+XML; charset=utf-8\" href=\"//cdn.example/rss\">\n"
		"<link rel=\"alternate\" type=\"application/json\" href=\"/wp-json/wp/v2/posts/1\">\n"
		"<link rel=\"alternate\" type=\"application/atom+xml\" href=\"https://example.com/blog/feed.xml\">\n"
		"<link rel=\"alternate\" hreflang=\"fr\" href=\"/fr/\">\n"
		"<link rel=\"feed\" href=\"/all\">\n"
		"</head><body><link rel=\"alternate\" type=\"application/feed+json\" href=\"f.json\">"
		"</body></html>\n";
	struct feed_links l;
	discover_feeds(page, strlen(page), "https://example.com/a/page.html", DISCOVER_MAX, &l);
	is_int(l.n, 5, "discover: five feed links, a duplicate and non-feeds left out");
	is_int(l.found, 5, "discover: all of them kept under the cap");
	if (l.n == 5) {
		is_str(l.v[0].url, "https://example.com/blog/feed.xml", "discover: <base href> and a trimmed href");
		is_int(l.v[0].line, 5, "discover: the line of the <link>");
		ok(!l.v[0].maybe, "discover: application/atom+xml names a feed");
		is_str(l.v[1].url, "https://cdn.example/rss", "discover: a scheme-relative href");
		is_str(l.v[2].url, "https://example.com/wp-json/wp/v2/posts/1", "discover: an application/json link");
		ok(l.v[2].maybe, "discover: ... is only maybe a feed");
		is_str(l.v[3].url, "https://example.com/all", "discover: rel=feed");
		ok(l.v[3].maybe, "discover: ... maybe");
		is_str(l.v[4].url, "https://example.com/blog/f.json", "discover: a link in the body");
	}
	feed_links_free(&l);
	discover_feeds(page, strlen(page), "https://example.com/", 2, &l);
	ok(l.n == 2 && l.found == 5, "discover: a cap of 2 keeps 2, counts 5");
	feed_links_free(&l);
	discover_feeds("", 0, "https://example.com/", DISCOVER_MAX, &l);
	ok(l.n == 0 && l.found == 0, "discover: an empty page has none");
	feed_links_free(&l);
}

int main(void)
{
	test_xml_roots();
	test_json();
	test_page();
	test_discover();
	return tap_done();
}
