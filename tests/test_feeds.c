/* test_feeds.c: the feeds of a site — which ones, at which paths and URLs,
 * with which titles and posts — and what the Atom and RSS writers make of the
 * article model (RSS 2.0.11 element by element, content modes, extras). Each
 * test builds a small site in a temporary folder, loads it as feedgen does,
 * and reads the written XML back with libxml2's XPath. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "base/date.h"
#include "base/text.h"
#include "feeds/feed.h"
#include "feeds/formats.h"
#include "feeds/render.h"
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
	char *msgs;
	size_t msgs_len;
	FILE *mem;
	struct site_links links;
	struct write_options wo;
	struct write_shared sh;
};

static void fixture_start(struct fixture *fx)
{
	memset(fx, 0, sizeof *fx);
	testsite_mkdtemp(fx->dir, "feeds");
}

static void fixture_load(struct fixture *fx, enum content_mode content)
{
	fx->mem = open_memstream(&fx->msgs, &fx->msgs_len);
	diag_sink_init(&fx->diag, fx->mem);
	testsite_load(fx->dir, NULL, &fx->site, &fx->posts, &fx->diag);
	site_links_init(&fx->links, &fx->site);
	fx->wo = (struct write_options){content, "9.9"};
	fx->sh = (struct write_shared){&fx->links, render_cache_new(fx->posts.n)};
	fflush(fx->mem);
}

static void fixture_end(struct fixture *fx)
{
	fclose(fx->mem);
	free(fx->msgs);
	render_cache_free(fx->sh.cache);
	site_links_free(&fx->links);
	post_list_free(&fx->posts);
	site_free(&fx->site);
	testsite_remove(fx->dir);
}

static bool has_msg(struct fixture *fx, const char *needle)
{
	fflush(fx->mem);
	return fx->msgs && strstr(fx->msgs, needle) != NULL;
}

static void set_build(struct fixture *fx, struct feed_set *set, long limit, bool cats, bool tags)
{
	struct feed_set_options o = {.limit = limit, .categories = cats, .tags = tags,
				     .formats = {&feed_formats[0], &feed_formats[1], NULL}};
	feed_set_build(set, &fx->site, &fx->posts, &o, &fx->diag);
}

static const struct feed *find_feed(const struct feed_set *set, const char *path)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i].path, path) == 0)
			return &set->v[i];
	return NULL;
}

/* ---- writing into memory and reading back ---- */

static int buf_write_cb(void *ctx, const char *p, int n)
{
	buf_add(ctx, p, (size_t)n);
	return n;
}

static char *render(struct fixture *fx, const struct feed *f)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	xmlOutputBufferPtr out = xmlOutputBufferCreateIO(buf_write_cb, NULL, &b, NULL);
	if (feed_write_shared(f->format, out, &fx->site, f, &fx->wo, &fx->sh, &fx->diag) != 0)
		ok(0, "feed_write failed for %s", f->path);
	return buf_take(&b);
}

struct doc {
	xmlDocPtr doc;
	xmlXPathContextPtr xp;
};

static struct doc parse(const char *xml)
{
	struct doc d;
	d.doc = xmlReadMemory(xml, (int)strlen(xml), "feed.xml", NULL, XML_PARSE_NONET);
	d.xp = d.doc ? xmlXPathNewContext(d.doc) : NULL;
	if (d.xp) {
		xmlXPathRegisterNs(d.xp, BAD_CAST "a", BAD_CAST "http://www.w3.org/2005/Atom");
		xmlXPathRegisterNs(d.xp, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
		xmlXPathRegisterNs(d.xp, BAD_CAST "content", BAD_CAST "http://purl.org/rss/1.0/modules/content/");
		xmlXPathRegisterNs(d.xp, BAD_CAST "media", BAD_CAST "http://search.yahoo.com/mrss/");
	}
	return d;
}

static void doc_free(struct doc *d)
{
	if (d->xp)
		xmlXPathFreeContext(d->xp);
	if (d->doc)
		xmlFreeDoc(d->doc);
}

/* The string value of an XPath expression ("" when nothing matches); the
 * result lives until the next call. */
static const char *xs(struct doc *d, const char *expr, char *out, size_t size)
{
	out[0] = '\0';
	if (!d->xp)
		return out;
	xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, d->xp);
	if (r) {
		xmlChar *s = xmlXPathCastToString(r);
		snprintf(out, size, "%s", s ? (const char *)s : "");
		xmlFree(s);
		xmlXPathFreeObject(r);
	}
	return out;
}

static double xn(struct doc *d, const char *expr)
{
	if (!d->xp)
		return -1;
	xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, d->xp);
	double v = r ? xmlXPathCastToNumber(r) : -1;
	xmlXPathFreeObject(r);
	return v;
}

#define XS(d, e) xs((d), (e), sbuf, sizeof sbuf)

/* ---- paths ---- */

static bool path_is_safe(const char *p)
{
	if (!p)
		return true;
	if (!*p || p[0] == '/' || p[strlen(p) - 1] == '/')
		return false;
	for (const char *seg = p; seg;) {
		const char *slash = strchr(seg, '/');
		size_t n = slash ? (size_t)(slash - seg) : strlen(seg);
		if (n == 0 || (n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
			return false;
		seg = slash ? slash + 1 : NULL;
	}
	for (const unsigned char *c = (const unsigned char *)p; *c; c++)
		if (*c < 0x20)
			return false;
	return true;
}

static void test_clean_path(void)
{
	static const struct { const char *in, *want, *what; } cases[] = {
		{"feed/news.xml", "feed/news.xml", "a plain name"},
		{"/feed.xml", "feed.xml", "a leading slash"},
		{"feed/Career  In touxingPEVC.xml", "feed/Career  In touxingPEVC.xml", "spaces kept"},
		{"feed/by_tag/港股.xml", "feed/by_tag/港股.xml", "CJK kept"},
		{"feed/../../etc/passwd.xml", "feed/etc/passwd.xml", "'..' made '/', as Jekyll"},
		{"feed/a/./b.xml", "feed/a/b.xml", "'./' removed"},
		{"feed//x.xml", "feed/x.xml", "slashes squeezed"},
		{"feed/C/C++.xml", "feed/C/C++.xml", "a slash in a name is a folder, as Jekyll"},
		{"feed/a\x01.xml", NULL, "a control character"},
		{"feed/a\x7f.xml", NULL, "DEL"},
		{"", NULL, "nothing"},
		{"/", NULL, "only a slash"},
		{"feed/", NULL, "a folder"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = feed_clean_path(cases[i].in);
		is_str(got, cases[i].want, "clean path: %s", cases[i].what);
		free(got);
	}
	char longname[400];
	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	char *got = feed_clean_path(longname);
	ok(got == NULL, "a name longer than a file name may be is refused");
	free(got);

	/* Every string over a hostile alphabet: the result, if any, stays inside. */
	static const char *const alphabet[] = {".", "/", "a", "é", "..", "./"};
	unsigned long state = 12345;
	bool all_safe = true;
	for (int i = 0; i < 50000 && all_safe; i++) {
		char s[64] = "";
		int len = (int)(state % 10);
		for (int k = 0; k < len; k++) {
			state = state * 6364136223846793005ul + 1442695040888963407ul;
			strcat(s, alphabet[(state >> 33) % 6]);
		}
		state = state * 6364136223846793005ul + 1442695040888963407ul;
		char *c = feed_clean_path(s);
		if (!path_is_safe(c)) {
			all_safe = false;
			printf("# unsafe: '%s' -> '%s'\n", s, c);
		}
		free(c);
	}
	ok(all_safe, "no name made of '.', '/', '..' and letters leaves the output folder");
}

static void test_path_key(void)
{
	char *a = feed_path_key("feed/News.xml"), *b = feed_path_key("feed/news.xml");
	is_str(a, b, "names differing in case share a key");
	free(a);
	free(b);
	a = feed_path_key("feed/caf\xc3\xa9.xml");	/* é precomposed */
	b = feed_path_key("feed/cafe\xcc\x81.xml");	/* e + combining acute */
	is_str(a, b, "NFC and NFD spellings share a key");
	free(a);
	free(b);
	a = feed_path_key("feed/港股.xml");
	is_str(a, "feed/港股.xml", "CJK names are their own key");
	free(a);
	/* Simple case folding, as file systems fold: not full folding. */
	a = feed_path_key("feed/stra\xc3\x9f" "e.xml");	/* straße */
	b = feed_path_key("feed/strasse.xml");
	ok(strcmp(a, b) != 0, "'ß' and 'ss' have different keys");
	free(a);
	free(b);
	a = feed_path_key("feed/\xef\xac\x81sh.xml");	/* the ligature fi */
	b = feed_path_key("feed/fish.xml");
	ok(strcmp(a, b) != 0, "'ﬁ' and 'fi' have different keys");
	free(a);
	free(b);
	a = feed_path_key("feed/\xce\xa3.xml");	/* Greek capital sigma */
	b = feed_path_key("feed/\xcf\x83.xml");	/* small sigma */
	is_str(a, b, "non-Latin letters fold too");
	free(a);
	free(b);
}

/* A name is one file name: what could claim another's written %XX. */
static void test_name_file(void)
{
	static const char *const cases[][2] = {
		{"news", "news"}, {"Career  In", "Career  In"}, {"港股", "港股"},
		{"a.b", "a.b"}, {"C++", "C++"}, {"by_tag", "by_tag"},
		{"by_tag/security", "by_tag%2Fsecurity"}, {"a/b", "a%2Fb"},
		{"..", "%2E%2E"}, {"a..b", "a%2E%2Eb"}, {".hidden", "%2Ehidden"},
		{"50%", "50%25"}, {"a%2Fb", "a%252Fb"}, {"x\ny", "x%0Ay"}, {"/", "%2F"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *f = feed_name_file(cases[i][0]);
		is_str(f, cases[i][1], "file name of '%s'", cases[i][1]);
		free(f);
	}
	ok(feed_name_file("") == NULL, "the empty name has none");
}

/* ---- the set of feeds ---- */

static void test_set(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml",
	    "title: My <b>Site</b> & Co\nurl: https://ex.example\nbaseurl: /blog\ntimezone: Asia/Shanghai\n");
	testsite_puts(fx.dir, "_posts/2021-01-01-a.md", "---\ntitle: A\ncategories: [News]\ntags: [港股, C++]\n---\na\n");
	testsite_puts(fx.dir, "_posts/2021-01-02-b.md", "---\ntitle: B\ncategories: [news]\ntags: [港股]\n---\nb\n");
	testsite_puts(fx.dir, "_posts/2021-01-03-c.md",
	    "---\ntitle: C\ncategories: ['../../../etc', 'by_tag/C++']\ntags: ['a/../b', '/']\n---\nc\n");
	testsite_puts(fx.dir, "_posts/2021-01-04-d.md", "---\ntitle: D\ncategories: [News, news]\n---\nd\n");
	fixture_load(&fx, CONTENT_FULL);
	struct feed_set set;
	set_build(&fx, &set, 0, true, true);

	const struct feed *site = find_feed(&set, "feed.xml");
	ok(site && find_feed(&set, "feed.rss"), "site feed in Atom and RSS");
	if (site) {
		is_str(site->title, "My Site & Co", "site title as text");
		is_str(site->self_url, "https://ex.example/blog/feed.xml", "site feed URL has the baseurl");
		is_int(site->n, 4, "site feed holds every post (limit 0)");
	}
	const struct feed *news = find_feed(&set, "feed/News.xml");
	ok(news != NULL, "'News' and 'news' share feed/News.xml");
	ok(find_feed(&set, "feed/news.xml") == NULL, "no second feed for 'news'");
	if (news) {
		is_int(news->n, 3, "the shared feed holds the posts of both names, each once");
		is_str(news->title, "My Site & Co | News", "category feed title");
		ok(news->n == 3 && strcmp(news->posts[0]->slug, "d") == 0, "newest first");
	}
	ok(has_msg(&fx, "category 'news' shares the feed of 'News'"), "the merge is warned about");
	const struct feed *hk = find_feed(&set, "feed/by_tag/港股.xml");
	ok(hk != NULL, "CJK tag keeps its characters in the file name");
	if (hk) {
		is_str(hk->self_url, "https://ex.example/blog/feed/by_tag/%E6%B8%AF%E8%82%A1.xml",
		       "and is percent-encoded in the URL");
		is_str(hk->title, "My Site & Co | #港股", "tag feed title");
		is_int(hk->n, 2, "tag feed holds its posts");
	}
	ok(find_feed(&set, "feed/by_tag/港股.rss") != NULL, "RSS beside the Atom tag feed");
	/* A name is one file name: "/", a leading "." and ".." written %XX. */
	ok(find_feed(&set, "feed/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc.xml") != NULL,
	   "'../../../etc' is one file in feed/, its '.' and '/' escaped");
	ok(find_feed(&set, "feed/by_tag/a%2F%2E%2E%2Fb.xml") != NULL,
	   "'a/../b' is one file in feed/by_tag");
	ok(find_feed(&set, "feed/by_tag/%2F.xml") != NULL, "the tag '/' has a feed of its own");
	/* Category 'by_tag/C++' cannot take tag 'C++''s file (issue 15, finding 3). */
	const struct feed *cpp = find_feed(&set, "feed/by_tag/C++.xml");
	ok(cpp && cpp->kind == FEED_TAG, "the tag 'C++' keeps feed/by_tag/C++.xml");
	const struct feed *cat = find_feed(&set, "feed/by_tag%2FC++.xml");
	ok(cat && cat->kind == FEED_CATEGORY, "the category 'by_tag/C++' is feed/by_tag%2FC++.xml");
	ok(!has_msg(&fx, "is taken by"), "no collision to warn about");
	bool safe = true;
	for (size_t i = 0; i < set.n; i++)
		safe = safe && path_is_safe(set.v[i].path);
	ok(safe, "every path is relative and inside the output folder");
	feed_set_free(&set);

	set_build(&fx, &set, 1, true, false);
	bool limited = true, no_tags = true;
	for (size_t i = 0; i < set.n; i++) {
		limited = limited && set.v[i].n <= 1;
		no_tags = no_tags && set.v[i].kind != FEED_TAG;
	}
	ok(limited, "the limit applies to each feed");
	ok(no_tags, "--no-tags: no tag feeds");
	feed_set_free(&set);
	fixture_end(&fx);
}

static void test_select(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml",
	    "url: https://ex.example\nfeed:\n  path: /atom.xml\n  categories: [keep]\n"
	    "  tags:\n    except: [drop]\n    path: /tags/\n");
	testsite_puts(fx.dir, "_posts/2021-01-01-a.md", "---\ncategories: [keep, other]\ntags: [drop, stay]\n---\na\n");
	fixture_load(&fx, CONTENT_FULL);
	struct feed_set set;
	set_build(&fx, &set, 0, true, true);
	ok(find_feed(&set, "atom.xml") && find_feed(&set, "atom.rss"), "feed.path names the site feed");
	ok(find_feed(&set, "feed/keep.xml") != NULL, "a listed category has a feed");
	ok(find_feed(&set, "feed/other.xml") == NULL, "an unlisted category has none");
	ok(find_feed(&set, "tags/stay.xml") != NULL, "feed.tags.path moves the tag feeds");
	ok(find_feed(&set, "tags/drop.xml") == NULL, "feed.tags.except leaves a tag out");
	const struct feed *f = find_feed(&set, "atom.xml");
	is_str(f ? f->title : NULL, "https://ex.example", "a site without a title is named by its URL");
	feed_set_free(&set);
	fixture_end(&fx);
}

/* feed.collections: jekyll-feed's paths and titles for other collections. */
static void test_collection_feeds(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml",
	    "title: Site\nurl: https://ex.example\ncollections:\n  notes: {}\n  essays: {}\n"
	    "feed:\n  categories: [news]\n  collections:\n    notes: {path: /notes.xml}\n"
	    "    essays: {categories: [ideas, news]}\n");
	testsite_puts(fx.dir, "_posts/2021-01-01-a.md", "---\ncategories: [news]\n---\na\n");
	testsite_puts(fx.dir, "_notes/2021-01-02-n.md", "---\n---\nn\n");
	testsite_puts(fx.dir, "_essays/2021-01-03-e.md", "---\ncategories: [ideas]\n---\ne\n");
	testsite_puts(fx.dir, "_essays/2021-01-04-f.md", "---\n---\nf\n");
	fixture_load(&fx, CONTENT_FULL);
	struct load_options opt = {.now = 0};
	load_collections(&fx.site, &opt, &fx.diag);
	struct feed_set set;
	set_build(&fx, &set, 0, true, true);
	const struct feed *f = find_feed(&set, "notes.xml");
	if (ok(f != NULL && find_feed(&set, "notes.rss"), "a collection's `path`, in every format")) {
		is_str(f->title, "Site | Notes", "titled 'Site | Label', capitalized");
		ok(f->n == 1 && f->posts[0]->collection, "holding its documents");
	}
	f = find_feed(&set, "feed/essays.xml");
	if (ok(f != NULL, "feed/<label>.xml without a path"))
		is_int(f->n, 2, "every document of the collection");
	f = find_feed(&set, "feed/essays/ideas.xml");
	if (ok(f != NULL, "feed/<label>/<category>.xml for a listed category")) {
		is_str(f->title, "Site | Essays | Ideas", "titled 'Site | Label | Category'");
		is_int(f->n, 1, "the documents of that category");
	}
	f = find_feed(&set, "feed/essays/news.xml");
	ok(f != NULL && f->n == 0, "a listed category without documents: an empty feed, as jekyll-feed");
	f = find_feed(&set, "feed/news.xml");
	ok(f != NULL && f->n == 1 && !f->posts[0]->collection, "the posts' category feed holds posts only");
	ok(feed_set_has_path(&set, "feed/essays/ideas.rss"), "known, so never taken for stale");
	feed_set_free(&set);
	fixture_end(&fx);
}

/* ---- the RSS mapping ---- */

static void test_rss(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml",
	    "title: Site\nurl: https://ex.example\nlang: zh_CN\ntimezone: Asia/Shanghai\n"
	    "feed:\n  hub: https://hub.example/\n  logo: /logo.png\n  icon: /icon.png\n"
	    "  style: /feed.css\n");
	testsite_puts(fx.dir, "_posts/2021-12-16-full.md",
	    "---\ntitle: \"<script>x</script>Full & <b>bold</b>\"\ndate: 2021-12-16 11:20:07 +0800\n"
	    "categories: [Cat]\ntags: [t1]\nauthor:\n  name: 李明\n  email: li@ex.example\n"
	    "image: /img/a b.png\nenclosure:\n  url: /audio/ep1.mp3\n  length: 1234\n---\n"
	    "Body ]]> with [link](/x).\n");
	testsite_puts(fx.dir, "_posts/2021-12-10-nameonly.md",
	    "---\ntitle: Name only\nauthor: Wang\nid: https://ex.example/2021/12/10/nameonly.html\n"
	    "permalink: /:year/:month/:day/:title.html\ndescription: 'a < b & c'\n---\ntext\n");
	testsite_puts(fx.dir, "_posts/2021-12-01-noauthor.md", "---\ntitle: Nobody\nupdated: 2021-12-20\n---\nold\n");
	fixture_load(&fx, CONTENT_FULL);
	struct feed_set set;
	set_build(&fx, &set, 0, true, true);
	const struct feed *f = find_feed(&set, "feed.rss");
	char *xml = f ? render(&fx, f) : xstrdup("");
	struct doc d = parse(xml);
	char sbuf[512];
	ok(d.doc != NULL, "the RSS feed is well-formed");
	ok(strstr(xml, "<?xml-stylesheet type=\"text/css\" href=\"https://ex.example/feed.css\"?>"),
	   "feed.style: xml-stylesheet with its href and type");
	is_str(XS(&d, "string(/rss/@version)"), "2.0", "rss version 2.0");
	is_str(XS(&d, "string(/rss/channel/title)"), "Site", "channel title");
	is_str(XS(&d, "string(/rss/channel/link)"), "https://ex.example/", "channel link");
	is_str(XS(&d, "string(/rss/channel/description)"), "Site", "description falls back to the title");
	is_str(XS(&d, "string(/rss/channel/language)"), "zh-CN", "language in BCP 47");
	is_str(XS(&d, "string(/rss/channel/lastBuildDate)"), "Mon, 20 Dec 2021 00:00:00 +0800",
	       "lastBuildDate is the newest change of any item");
	is_str(XS(&d, "string(/rss/channel/generator)"), "feedgen 9.9", "generator");
	is_str(XS(&d, "string(/rss/channel/docs)"), "https://www.rssboard.org/rss-specification", "docs");
	is_str(XS(&d, "string(/rss/channel/a:link[@rel='self']/@href)"), "https://ex.example/feed.rss",
	       "atom:link rel=self names the RSS file");
	is_str(XS(&d, "string(/rss/channel/a:link[@rel='self']/@type)"), "application/rss+xml",
	       "with the RSS media type");
	is_str(XS(&d, "string(/rss/channel/a:link[@rel='hub']/@href)"), "https://hub.example/",
	       "feed.hub: atom:link rel=hub");
	is_str(XS(&d, "string(/rss/channel/image/url)"), "https://ex.example/logo.png", "feed.logo: image");
	is_str(XS(&d, "string(/rss/channel/image/title)"), "Site", "image title is the channel's");
	is_int(xn(&d, "count(//item)"), 3, "three items");

	const char *i1 = "/rss/channel/item[1]";
	char e[256];
	snprintf(e, sizeof e, "string(%s/title)", i1);
	is_str(XS(&d, e), "Full & bold", "item title as text: tags stripped, script dropped");
	snprintf(e, sizeof e, "string(%s/author)", i1);
	is_str(XS(&d, e), "li@ex.example (李明)", "author as email (name)");
	snprintf(e, sizeof e, "count(%s/category)", i1);
	is_int(xn(&d, e), 2, "a category element per category and tag");
	snprintf(e, sizeof e, "string(%s/guid/@isPermaLink)", i1);
	is_str(XS(&d, e), "false", "guid isPermaLink=false when the id is not the URL");
	snprintf(e, sizeof e, "string(%s/pubDate)", i1);
	is_str(XS(&d, e), "Thu, 16 Dec 2021 11:20:07 +0800", "pubDate in RFC 822 with a numeric zone");
	snprintf(e, sizeof e, "string(%s/description)", i1);
	ok(strstr(XS(&d, e), "Body ]]&gt; with") && strstr(sbuf, "href=\"https://ex.example/x\""),
	   "description: the full HTML, links absolute, ']]>' as text");
	snprintf(e, sizeof e, "string(%s/enclosure/@url)", i1);
	is_str(XS(&d, e), "https://ex.example/audio/ep1.mp3", "enclosure url absolute");
	snprintf(e, sizeof e, "string(%s/enclosure/@length)", i1);
	is_str(XS(&d, e), "1234", "enclosure length");
	snprintf(e, sizeof e, "string(%s/enclosure/@type)", i1);
	is_str(XS(&d, e), "audio/mpeg", "enclosure type guessed from the extension");
	snprintf(e, sizeof e, "string(%s/media:thumbnail/@url)", i1);
	is_str(XS(&d, e), "https://ex.example/img/a%20b.png", "image: media:thumbnail, absolute and encoded");

	const char *i2 = "/rss/channel/item[2]";
	snprintf(e, sizeof e, "string(%s/dc:creator)", i2);
	is_str(XS(&d, e), "Wang", "an author without email is dc:creator");
	snprintf(e, sizeof e, "count(%s/author)", i2);
	is_int(xn(&d, e), 0, "and no author element");
	snprintf(e, sizeof e, "count(%s/guid/@isPermaLink)", i2);
	is_int(xn(&d, e), 0, "guid is a permalink (no attribute) when the id is the URL");
	ok(strstr(xml, "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"") != NULL, "dc namespace declared");
	is_int(xn(&d, "count(//*[not(node()) and not(@*)])"), 0, "no element is written empty");
	ok(strstr(xml, "<![CDATA[") == NULL, "no CDATA");
	ok(strstr(xml, "&amp;amp;") == NULL, "nothing double-escaped");
	free(xml);
	doc_free(&d);

	/* Summary mode: the summary, HTML-encoded, as description. */
	fx.wo.content = CONTENT_SUMMARY;
	xml = f ? render(&fx, f) : xstrdup("");
	d = parse(xml);
	snprintf(e, sizeof e, "string(%s/description)", i2);
	is_str(XS(&d, e), "a &lt; b &amp; c", "summary mode: description is the summary as HTML");
	ok(strstr(xml, "content:encoded") == NULL, "summary mode: no content:encoded");
	free(xml);
	doc_free(&d);

	fx.wo.content = CONTENT_BOTH;
	xml = f ? render(&fx, f) : xstrdup("");
	d = parse(xml);
	snprintf(e, sizeof e, "string(%s/content:encoded)", i1);
	ok(strstr(XS(&d, e), "<p>Body ]]&gt; with") != NULL, "both: content:encoded holds the full HTML");
	snprintf(e, sizeof e, "string(%s/description)", i1);
	ok(strstr(XS(&d, e), "<p>") == NULL && strstr(sbuf, "Body ]]&gt; with") != NULL,
	   "both: description is the summary");
	free(xml);
	doc_free(&d);
	feed_set_free(&set);
	fixture_end(&fx);
}

/* ---- the Atom extras ---- */

static void test_atom(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml",
	    "title: Site\nurl: https://ex.example\nfeed:\n  hub: https://hub.example/\n"
	    "  icon: /icon.png\n  logo: /logo.png\n");
	testsite_puts(fx.dir, "feed.xslt.xml", "<xsl/>\n");
	testsite_puts(fx.dir, "_posts/2021-12-16-a.md",
	    "---\ntitle: \"x <b>y</b>\"\nimage: https://cdn.example/i.png\n"
	    "enclosure:\n  url: https://cdn.example/e.pdf\n  type: application/pdf\n---\nText <!--more--> rest\n");
	fixture_load(&fx, CONTENT_BOTH);
	struct feed_set set;
	set_build(&fx, &set, 0, true, true);
	const struct feed *f = find_feed(&set, "feed.xml");
	char *xml = f ? render(&fx, f) : xstrdup("");
	struct doc d = parse(xml);
	char sbuf[512];
	ok(strstr(xml, "<?xml-stylesheet type=\"text/xml\" href=\"https://ex.example/feed.xslt.xml\"?>"),
	   "feed.xslt.xml in the site: xml-stylesheet, as jekyll-feed");
	is_str(XS(&d, "string(/a:feed/a:icon)"), "https://ex.example/icon.png", "feed.icon");
	is_str(XS(&d, "string(/a:feed/a:logo)"), "https://ex.example/logo.png", "feed.logo");
	is_str(XS(&d, "string(/a:feed/a:link[@rel='hub']/@href)"), "https://hub.example/", "feed.hub");
	is_str(XS(&d, "string(//a:entry/a:link[@rel='enclosure']/@href)"), "https://cdn.example/e.pdf",
	       "enclosure: link rel=enclosure");
	is_str(XS(&d, "string(//a:entry/a:link[@rel='enclosure']/@type)"), "application/pdf", "with its type");
	is_int(xn(&d, "count(//a:entry/a:link[@rel='enclosure']/@length)"), 0, "no length when none is known");
	is_str(XS(&d, "string(//a:entry/media:thumbnail/@url)"), "https://cdn.example/i.png", "media:thumbnail");
	is_int(xn(&d, "count(//a:entry/a:content)"), 1, "both: content");
	/* Jekyll cuts an excerpt only at excerpt_separator ("\n\n" by default);
	 * a "<!--more-->" is no separator to it, so this body is all excerpt. */
	is_str(XS(&d, "string(//a:entry/a:summary)"), "Text rest",
	       "both: summary, the whole one-paragraph body");
	is_str(XS(&d, "string(//a:entry/a:title)"), "x y", "title as text");
	is_int(xn(&d, "count(//*[not(node()) and not(@*)])"), 0, "no element is written empty");
	free(xml);
	doc_free(&d);
	feed_set_free(&set);
	fixture_end(&fx);
}


/* ---- what jekyll-feed writes, field by field ---- */

static void test_jekyll_feed_fields(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml",
	    "title: \"Site's \\\"feed\\\" -- news...\"\nurl: https://ex.example\n");
	testsite_puts(fx.dir, "_posts/2021-12-16-a.md",
	    "---\ntitle: \"It's \\\"quoted\\\" -- ok...\"\nimage: //cdn.example/i.png\n"
	    "description: \"  The <em>description</em>\\n wins  \"\nexcerpt: not this\n---\n"
	    "First paragraph.\n\nSecond.\n");
	testsite_puts(fx.dir, "_posts/2021-12-15-b.md",
	    "---\ntitle: B\nimage: {path: img/b.png}\n---\n\n\nThe *first* [para][r]\ngoes on.\n\n"
	    "Second.\n\n[r]: /there\n");
	testsite_puts(fx.dir, "_posts/2021-12-14-c.md",
	    "---\ntitle: C\nexcerpt: \"\"\nfeed: {excerpt_only: true}\n---\nBody of C.\n");
	testsite_puts(fx.dir, "_posts/2021-12-13-d.md",
	    "---\ntitle: D\nexcerpt_separator: <!--cut-->\n---\nOne\n\ntwo <!--cut--> three\n");
	fixture_load(&fx, CONTENT_FULL);
	struct feed_set set;
	set_build(&fx, &set, 0, true, true);
	const struct feed *f = find_feed(&set, "feed.xml");
	char *xml = f ? render(&fx, f) : xstrdup("");
	struct doc d = parse(xml);
	char sbuf[512];
	is_str(XS(&d, "string(/a:feed/a:title)"),
	       "Site\xE2\x80\x99s \xE2\x80\x9C" "feed\xE2\x80\x9D \xE2\x80\x93 news\xE2\x80\xA6",
	       "the feed's title through smartify");
	is_str(XS(&d, "string(//a:entry[1]/a:title)"),
	       "It\xE2\x80\x99s \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 ok\xE2\x80\xA6",
	       "a post's title through smartify");
	is_str(XS(&d, "string(//a:entry[1]/a:summary)"), "The description wins",
	       "summary: the description, stripped and white space folded, over excerpt");
	is_int(xn(&d, "count(//a:entry[1]/a:content)"), 1, "full mode: content");
	is_str(XS(&d, "string(//a:entry[1]/media:thumbnail/@url)"), "https://cdn.example/i.png",
	       "a protocol-relative image gets the site's scheme");
	is_str(XS(&d, "string(//a:entry[1]/media:content/@url)"), "https://cdn.example/i.png",
	       "media:content beside media:thumbnail");
	is_str(XS(&d, "string(//a:entry[1]/media:content/@medium)"), "image", "medium=\"image\"");
	is_str(XS(&d, "string(//a:entry[2]/a:summary)"), "The first para goes on.",
	       "summary in full mode: the first paragraph, blank lines after the front matter "
	       "skipped, its link reference resolved");
	is_str(XS(&d, "string(//a:entry[2]/media:content/@url)"), "https://ex.example/img/b.png",
	       "image.path made absolute from the site root");
	is_int(xn(&d, "count(//a:entry[3]/a:summary)"), 0, "excerpt: \"\" gives no summary");
	is_int(xn(&d, "count(//a:entry[3]/a:content)"), 0, "a post's feed.excerpt_only: no content");
	is_str(XS(&d, "string(//a:entry[4]/a:summary)"), "One two",
	       "the post's excerpt_separator, over the site's");
	free(xml);
	doc_free(&d);
	feed_set_free(&set);
	fixture_end(&fx);
}

/* ---- writing a whole set: one render a post ---- */

static void test_render_once(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml", "url: https://ex.example\n");
	for (int i = 1; i <= 9; i++) {
		char rel[64], text[160];
		snprintf(rel, sizeof rel, "_posts/2021-01-0%d-p%d.md", i, i);
		snprintf(text, sizeof text, "---\ncategories: [c%d, all]\ntags: [t%d, every, more]\n---\nbody %d\n",
			 i % 3, i % 2, i);
		testsite_puts(fx.dir, rel, text);
	}
	fixture_load(&fx, CONTENT_BOTH);
	struct feed_set set;
	set_build(&fx, &set, 0, true, true);
	char out[128];
	snprintf(out, sizeof out, "%s/_out", fx.dir);
	struct feed_set_stats st;
	is_int(feed_set_write(&set, out, &fx.site, &fx.wo, &fx.sh, false, &st, &fx.diag), 0,
	       "the set is written");
	is_int(st.written, set.n, "every file written the first time");
	is_int(render_cache_renders(fx.sh.cache), 9, "each of 9 posts rendered once for %zu files", set.n);
	is_int(feed_set_write(&set, out, &fx.site, &fx.wo, &fx.sh, false, &st, &fx.diag), 0,
	       "written again");
	is_int(st.unchanged, set.n, "the second time nothing changed");
	is_int(feed_set_stale(&set, out, false, &fx.diag), 0, "nothing stale");
	feed_set_free(&set);

	set_build(&fx, &set, 0, true, false);
	is_int(feed_set_stale(&set, out, false, &fx.diag), 4 * 2,
	       "without tag feeds, the 4 tag feeds are stale");
	ok(has_msg(&fx, "by_tag/every.xml: warning: stale feed"), "and listed");
	char path[256];
	snprintf(path, sizeof path, "%s/feed/by_tag/every.rss", out);
	ok(access(path, F_OK) == 0, "listing does not delete");
	is_int(feed_set_stale(&set, out, true, &fx.diag), 8, "--prune");
	ok(access(path, F_OK) != 0, "deletes them");
	snprintf(path, sizeof path, "%s/feed/c1.xml", out);
	ok(access(path, F_OK) == 0, "and keeps the others");
	feed_set_free(&set);
	fixture_end(&fx);
}

/* feed_escape_text() writes what libxml2's xmlEncodeSpecialChars() writes,
 * on every byte value and on runs of them. */
static void test_escape_text(void)
{
	char s[512];
	unsigned x = 2463534242u;	/* xorshift32: the same strings every run */
	bool same = true;
	for (int round = 0; round < 2000 && same; round++) {
		size_t n = (size_t)(round % 500);
		for (size_t i = 0; i < n; i++) {
			x ^= x << 13, x ^= x >> 17, x ^= x << 5;
			/* Half the bytes from the ones that are escaped. */
			s[i] = x & 1 ? "&<>\"\r'a\xe4"[(x >> 1) % 8] : (char)((x >> 8) % 255 + 1);
		}
		s[n] = '\0';
		xmlChar *want = xmlEncodeSpecialChars(NULL, BAD_CAST s);
		char *got = feed_escape_text(s);
		same = strcmp((const char *)want, got) == 0;
		if (!same)
			printf("# differs on round %d: %s / %s\n", round, (const char *)want, got);
		xmlFree(want);
		free(got);
	}
	ok(same, "feed_escape_text() is xmlEncodeSpecialChars() on 2,000 strings");
	char *e = feed_escape_text("a<b>&\"c\"\r\n'");
	is_str(e, "a&lt;b&gt;&amp;&quot;c&quot;&#13;\n'", "the five references, quote and newline kept");
	free(e);
}

/* jekyll-feed titles a category feed with `category | capitalize`: Ruby's
 * String#capitalize, checked against `ruby -e 'puts "ßa".capitalize'`. */
static void test_capitalize(void)
{
	static const struct { const char *in, *want; } cases[] = {
		{"news", "News"}, {"NEWS", "News"}, {"MixedCase", "Mixedcase"},
		{"ßa ÉCOLE", "Ssa école"}, {"ǆx", "ǅx"}, {"1abc DEF", "1abc def"},
		{"港股", "港股"}, {"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = text_capitalize(cases[i].in);
		char what[96];
		snprintf(what, sizeof what, "capitalize '%s' as Ruby", cases[i].in);
		is_str(got, cases[i].want, what);
		free(got);
	}
}

int main(void)
{
	test_escape_text();
	test_capitalize();
	test_clean_path();
	test_path_key();
	test_name_file();
	test_set();
	test_select();
	test_collection_feeds();
	test_rss();
	test_atom();
	test_jekyll_feed_fields();
	test_render_once();
	xmlCleanupParser();
	return tap_done();
}
