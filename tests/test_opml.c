/* test_opml.c: discovery and CI output — the OPML 2.0 list of a site's feeds
 * and the <link> tags for its pages (opml.c), read back with libxml2 so the
 * escaping is checked by a parser rather than by eye; and diag.c's three
 * output forms (GNU, GitHub Actions workflow commands with GitHub's escapes,
 * one JSON document read back with jansson). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "base/date.h"
#include "base/diag.h"
#include "base/text.h"
#include "feeds/feed.h"
#include "feeds/formats.h"
#include "feeds/opml.h"
#include "feeds/sitefeeds.h"
#include "model/site.h"
#include "site/config.h"
#include "site/loader.h"
#include "tap.h"
#include "testsite.h"

struct fixture {
	char dir[64];
	struct site site;
	struct post_list posts;
	struct diag_sink diag;
	struct site_links links;
	struct feed_set set;
};

/* A site whose names need escaping in XML and HTML attributes. */
static void fixture_start(struct fixture *fx)
{
	memset(fx, 0, sizeof *fx);
	testsite_mkdtemp(fx->dir, "opml");
	testsite_puts(fx->dir, "_config.yml",
	    "title: 'Tom & \"Jerry\" > Spike'\n"
	    "url: https://example.com\n"
	    "lang: zh_CN\n"
	    "timezone: UTC\n"
	    "author: {name: Tom, email: tom@example.com}\n");
	testsite_puts(fx->dir, "_posts/2021-03-04-a.md",
	    "---\ntitle: A\ncategories: [A&B]\ntags: [\"x'y\", plain, 港股]\n---\nbody\n");
	testsite_puts(fx->dir, "_posts/2021-05-06-b.md",
	    "---\ntitle: B\ndate: 2021-05-06 07:08:09 +0200\ntags: [plain]\n---\nbody\n");
	diag_sink_init(&fx->diag, NULL);
	testsite_load(fx->dir, NULL, &fx->site, &fx->posts, &fx->diag);
	site_links_init(&fx->links, &fx->site);
	struct feed_set_options so = {.limit = 10, .categories = true, .tags = true,
				      .formats = {&feed_formats[0], &feed_formats[1], NULL}};
	feed_set_build(&fx->set, &fx->site, &fx->posts, &so, &fx->diag);
}

static void fixture_end(struct fixture *fx)
{
	feed_set_free(&fx->set);
	site_links_free(&fx->links);
	post_list_free(&fx->posts);
	site_free(&fx->site);
	testsite_remove(fx->dir);
}

static int buf_write_cb(void *ctx, const char *p, int n)
{
	buf_add(ctx, p, (size_t)n);
	return n;
}

static char *opml_in_memory(struct fixture *fx)
{
	struct buf b;
	buf_init(&b);
	xmlOutputBufferPtr out = xmlOutputBufferCreateIO(buf_write_cb, NULL, &b, NULL);
	ok(opml_write(out, &fx->set, &fx->site, fx->links.home) == 0, "opml_write succeeds");
	buf_addc(&b, '\0');
	return buf_take(&b);
}

/* The string value of an XPath expression over doc. A new string. */
static char *xpath_str(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	xmlChar *s = r ? xmlXPathCastToString(r) : NULL;
	char *out = xstrdup(s ? (const char *)s : "");
	xmlFree(s);
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	return out;
}

static long xpath_count(xmlDocPtr doc, const char *expr)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "count(%s)", expr);
	char *s = xpath_str(doc, b.data);
	buf_free(&b);
	long n = strtol(s, NULL, 10);
	free(s);
	return n;
}

static void is_xpath(xmlDocPtr doc, const char *expr, const char *want, const char *what)
{
	char *got = xpath_str(doc, expr);
	is_str(got, want, "%s", what);
	free(got);
}

static void test_opml_document(void)
{
	struct fixture fx;
	fixture_start(&fx);
	is_int(fx.set.n, 10, "the set: site, 1 category, 3 tags, in 2 formats");
	char *text = opml_in_memory(&fx);
	xmlDocPtr doc = xmlReadMemory(text, (int)strlen(text), "feeds.opml", NULL, XML_PARSE_NONET);
	ok(doc != NULL, "feeds.opml is well-formed XML");
	if (!doc) {
		free(text);
		fixture_end(&fx);
		return;
	}
	is_xpath(doc, "string(/opml/@version)", "2.0", "OPML version 2.0");
	is_xpath(doc, "string(/opml/head/title)", "Tom & \"Jerry\" > Spike",
		 "head title is the site title, escaped once");
	char want[64];
	struct fg_time newest = fx.posts.v[0]->date;
	date_rfc822(&newest, want, sizeof want);
	is_xpath(doc, "string(/opml/head/dateModified)", want,
		 "dateModified is the newest post's date in RFC 822, not the time of the run");
	is_xpath(doc, "string(/opml/head/ownerName)", "Tom", "ownerName from the site author");
	is_xpath(doc, "string(/opml/head/ownerEmail)", "tom@example.com", "ownerEmail");
	is_xpath(doc, "string(/opml/head/docs)", "http://opml.org/spec2.opml", "docs names the spec");
	is_int(xpath_count(doc, "/opml/body/outline"), 2, "one group a format");
	is_xpath(doc, "string(/opml/body/outline[1]/@text)", "Atom 1.0", "first group: Atom");
	is_xpath(doc, "string(/opml/body/outline[2]/@text)", "RSS 2.0", "second group: RSS");
	is_int(xpath_count(doc, "//outline[@xmlUrl]"), (long)fx.set.n, "an outline for every feed");
	is_int(xpath_count(doc, "//outline[@xmlUrl][@type='rss']"), (long)fx.set.n,
	       "every feed outline has type=\"rss\" (OPML 2.0 subscription lists)");
	is_int(xpath_count(doc, "/opml/body/outline[2]/outline[@version='RSS']"), 5,
	       "RSS 2.0 feeds have version=\"RSS\"");
	is_int(xpath_count(doc, "/opml/body/outline[1]/outline[@version]"), 0,
	       "Atom feeds have no version attribute");
	is_int(xpath_count(doc, "//outline[@htmlUrl='https://example.com/']"), (long)fx.set.n,
	       "htmlUrl is the home page");
	is_int(xpath_count(doc, "//outline[@language='zh-CN']"), (long)fx.set.n,
	       "language zh_CN written zh-CN");
	size_t found = 0;
	for (size_t i = 0; i < fx.set.n; i++) {
		char expr[1024];
		snprintf(expr, sizeof expr, "//outline[@xmlUrl=\"%s\"]", fx.set.v[i].self_url);
		found += xpath_count(doc, expr) == 1;
	}
	is_int(found, fx.set.n, "each feed's URL is listed exactly once");
	is_xpath(doc, "string(//outline[@xmlUrl='https://example.com/feed/A&B.xml']/@text)",
		 "Tom & \"Jerry\" > Spike | A&b",
		 "a category feed's title, the category capitalized as jekyll-feed's");
	ok(strstr(text, "Tom &amp; &quot;Jerry&quot; &gt; Spike") != NULL,
	   "attribute values escaped by libxml2");
	char *again = opml_in_memory(&fx);
	is_str(again, text, "same feeds, same bytes");
	free(again);
	xmlFreeDoc(doc);
	free(text);
	fixture_end(&fx);
}

static void test_opml_file(void)
{
	struct fixture fx;
	fixture_start(&fx);
	char out[128];
	snprintf(out, sizeof out, "%s/_site", fx.dir);
	bool changed = false;
	ok(opml_write_file(&fx.set, out, &fx.site, fx.links.home, &changed, &fx.diag) == 0 && changed,
	   "feeds.opml written into a new folder");
	char path[192];
	snprintf(path, sizeof path, "%s/%s", out, OPML_FILE);
	struct stat a, b;
	ok(stat(path, &a) == 0, "the file is there");
	ok(opml_write_file(&fx.set, out, &fx.site, fx.links.home, &changed, &fx.diag) == 0 && !changed,
	   "a second write with the same feeds changes nothing");
	ok(stat(path, &b) == 0 && a.st_ino == b.st_ino, "the same inode: the file was not replaced");
	/* A file where the output folder should be. */
	char blocked[192];
	snprintf(blocked, sizeof blocked, "%s/blocked", fx.dir);
	testsite_puts(fx.dir, "blocked", "x");
	unsigned long errors = fx.diag.errors;
	ok(opml_write_file(&fx.set, blocked, &fx.site, fx.links.home, &changed, &fx.diag) != 0,
	   "a folder that cannot be made: -1");
	ok(fx.diag.errors > errors, "and an error is reported");
	fixture_end(&fx);
}

/* Each line of the link tags parses as one XML element whose attributes are
 * the feed's values: the parser undoes exactly the escaping libxml2 did. */
static void test_link_tags(void)
{
	struct fixture fx;
	fixture_start(&fx);
	char *tags = opml_link_tags(&fx.set, &fx.site);
	size_t lines = 0, good = 0;
	char *save = NULL;
	char *copy = xstrdup(tags);
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		const struct feed *f = lines < fx.set.n ? &fx.set.v[lines] : NULL;
		lines++;
		xmlDocPtr doc = xmlReadMemory(line, (int)strlen(line), "link", NULL, XML_PARSE_NONET);
		if (!doc || !f) {
			xmlFreeDoc(doc);
			continue;
		}
		xmlNodePtr el = xmlDocGetRootElement(doc);
		xmlChar *type = xmlGetProp(el, BAD_CAST "type"), *rel = xmlGetProp(el, BAD_CAST "rel");
		xmlChar *href = xmlGetProp(el, BAD_CAST "href"), *title = xmlGetProp(el, BAD_CAST "title");
		good += strcmp((char *)el->name, "link") == 0 && type && rel && href && title &&
			strcmp((char *)type, f->format->media_type) == 0 &&
			strcmp((char *)rel, "alternate") == 0 &&
			strcmp((char *)href, f->self_url) == 0 && strcmp((char *)title, f->title) == 0;
		xmlFree(type);
		xmlFree(rel);
		xmlFree(href);
		xmlFree(title);
		xmlFreeDoc(doc);
	}
	free(copy);
	is_int(lines, fx.set.n, "one <link> line per feed");
	is_int(good, fx.set.n, "each parses back to the feed's type, rel, href and title");
	char *nl = strchr(tags, '\n');
	char *first = xstrndup(tags, nl ? (size_t)(nl - tags) : strlen(tags));
	is_str(first, "<link type=\"application/atom+xml\" rel=\"alternate\" "
		      "href=\"https://example.com/feed.xml\" "
		      "title=\"Tom &amp; &quot;Jerry&quot; &gt; Spike\" />",
	       "the first is the site's Atom feed, attributes in feed_meta's order");
	free(first);
	ok(strstr(tags, "title=\"Tom &amp; &quot;Jerry&quot; &gt; Spike | #x'y\"") != NULL,
	   "a quote in a tag name stays inside the double-quoted value");
	ok(strstr(tags, "A&amp;B") != NULL && !strstr(tags, "A&B"), "& escaped in URLs and titles");
	ok(strstr(tags, "| #港股\" />") != NULL, "CJK kept as UTF-8, not turned into references");
	free(tags);
	/* jekyll-feed's "does not output blank title": a site without a title. */
	free(fx.site.title);
	fx.site.title = xstrdup("");
	tags = opml_link_tags(&fx.set, &fx.site);
	nl = strchr(tags, '\n');
	first = xstrndup(tags, nl ? (size_t)(nl - tags) : strlen(tags));
	is_str(first, "<link type=\"application/atom+xml\" rel=\"alternate\" "
		      "href=\"https://example.com/feed.xml\" />",
	       "no title attribute for the site feed of an untitled site");
	free(first);
	ok(strstr(tags, "| A&amp;b\" />") != NULL, "category feeds keep theirs");
	free(tags);
	fixture_end(&fx);
}

/* ---- diag.c's forms ---- */

static char *report_into(enum diag_format format, enum diag_severity sev, const char *file,
			 unsigned long line, unsigned long col, const char *rule, const char *msg)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	struct diag_sink sink;
	diag_sink_init(&sink, mem);
	sink.format = format;
	diag_report(&sink, sev, file, line, col, rule, "%s", msg);
	diag_sink_finish(&sink);
	fclose(mem);
	return text;
}

static void test_github(void)
{
	char *s = diag_github_escape_data("100% done\r\nnext: a, b");
	is_str(s, "100%25 done%0D%0Anext: a, b", "message: %%, CR and LF escaped, : and , kept");
	free(s);
	s = diag_github_escape_property("C:\\a,b%\n");
	is_str(s, "C%3A\\a%2Cb%25%0A", "property: also : and , escaped");
	free(s);
	s = diag_github_escape_data("%0A");
	is_str(s, "%250A", "an escape already in the text is not taken for one");
	free(s);
	s = report_into(DIAG_GITHUB, DIAG_ERROR, "_posts/a,b:c.md", 3, 7, "bad-date",
			"invalid date\nsecond line");
	is_str(s, "::error file=_posts/a%2Cb%3Ac.md,line=3,col=7,title=bad-date::invalid date%0Asecond line\n",
	       "an error with file, line, column and rule");
	free(s);
	s = report_into(DIAG_GITHUB, DIAG_WARNING, "site", 0, 0, NULL, "no url");
	is_str(s, "::warning file=site::no url\n", "a warning without position or rule");
	free(s);
	s = report_into(DIAG_GITHUB, DIAG_NOTE, NULL, 0, 0, NULL, "deleted");
	is_str(s, "::notice::deleted\n", "a note with nothing but its message");
	free(s);
	s = report_into(DIAG_GITHUB, DIAG_ERROR, "f.xml", 4, 0, NULL, "x");
	is_str(s, "::error file=f.xml,line=4::x\n", "a line without a column");
	free(s);
}

static void test_gnu_and_json(void)
{
	char *s = report_into(DIAG_GNU, DIAG_ERROR, "f.md", 2, 5, "r", "bad");
	is_str(s, "f.md:2:5: error: bad [r]\n", "GNU form unchanged");
	free(s);

	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	struct diag_sink sink;
	diag_sink_init(&sink, mem);
	sink.format = DIAG_JSON;
	diag_report(&sink, DIAG_WARNING, "a.md", 1, 2, "w-rule", "say \"hi\"\n");
	diag_report(&sink, DIAG_ERROR, NULL, 0, 0, NULL, "%d%%", 50);
	fflush(mem);
	is_int(len, 0, "json: nothing printed before the end");
	ok(diag_sink_finish(&sink) == 0, "diag_sink_finish prints the document");
	fflush(mem);
	json_error_t err;
	json_t *doc = json_loadb(text, len, 0, &err);
	ok(doc != NULL, "the output is one JSON document");
	json_t *list = json_object_get(doc, "diagnostics");
	is_int(json_array_size(list), 2, "with both diagnostics");
	is_int(json_integer_value(json_object_get(doc, "errors")), 1, "errors counted");
	is_int(json_integer_value(json_object_get(doc, "warnings")), 1, "warnings counted");
	json_t *first = json_array_get(list, 0);
	is_str(json_string_value(json_object_get(first, "message")), "say \"hi\"\n",
	       "message kept exactly (jansson escapes it)");
	is_str(json_string_value(json_object_get(first, "severity")), "warning", "severity name");
	is_int(json_integer_value(json_object_get(first, "column")), 2, "column");
	json_t *second = json_array_get(list, 1);
	ok(json_is_null(json_object_get(second, "file")) && json_is_null(json_object_get(second, "line")),
	   "unknown file and line are null");
	is_str(json_string_value(json_object_get(second, "message")), "50%", "printf formatting applied");
	json_decref(doc);
	size_t before = len;
	ok(diag_sink_finish(&sink) == 0, "finishing twice is harmless");
	fflush(mem);
	is_int(len, before, "and prints nothing more");
	fclose(mem);
	free(text);

	/* A file name that is not UTF-8 still gives valid JSON. */
	text = NULL;
	len = 0;
	mem = open_memstream(&text, &len);
	diag_sink_init(&sink, mem);
	sink.format = DIAG_JSON;
	diag_report(&sink, DIAG_ERROR, "_posts/bad-\xff\xfe-name.md", 0, 0, NULL, "x\xc3");
	diag_sink_finish(&sink);
	fclose(mem);
	doc = json_loads(text, 0, &err);
	first = json_array_get(json_object_get(doc, "diagnostics"), 0);
	is_str(json_string_value(json_object_get(first, "file")), "_posts/bad-\xef\xbf\xbd\xef\xbf\xbd-name.md",
	       "json: bytes that are not UTF-8 in a file name become U+FFFD");
	is_str(json_string_value(json_object_get(first, "message")), "x\xef\xbf\xbd",
	       "json: and in a message");
	json_decref(doc);
	free(text);

	enum diag_format f;
	ok(diag_format_parse("github", &f) == 0 && f == DIAG_GITHUB, "\"github\" parsed");
	ok(diag_format_parse("xml", &f) != 0, "an unknown format refused");
}

int main(void)
{
	test_opml_document();
	test_opml_file();
	test_link_tags();
	test_github();
	test_gnu_and_json();
	xmlCleanupParser();
	return tap_done();
}
