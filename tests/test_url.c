/* test_url.c: permalinks (Jekyll 4.3), slugs, absolute_url and RFC 3986
 * reference resolution (the §5.4 examples, all of them). */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/url.h"
#include "model/post.h"
#include "site/permalink.h"
#include "tap.h"

/* The instant shown as y-mo-d h:mi:s at `off` seconds east of UTC. */
static struct fg_time at(int y, int mo, int d, int h, int mi, int s, int off)
{
	struct tm tm = { 0 };
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	struct fg_time t = { (int64_t)timegm(&tm) - off, 0, off };
	return t;
}

/* A post filled by hand: only what permalinks read. */
static struct post make_post(const char *relpath, const char *slug, const char *ext)
{
	struct post p;
	memset(&p, 0, sizeof p);
	p.relpath = (char *)relpath;
	p.path = (char *)relpath;
	p.slug = (char *)slug;
	p.ext = (char *)ext;
	p.date = at(2021, 12, 16, 11, 20, 7, 8 * 3600);
	return p;
}

static void set_categories(struct post *p, char **v, size_t n)
{
	p->categories.v = v;
	p->categories.n = n;
}

static void expand_is(const char *tmpl, const struct post *p, const char *want, const char *what)
{
	char *got = permalink_expand(tmpl, p);
	is_str(got, want, "permalink %s: %s", tmpl, what);
	free(got);
}

static void test_templates(void)
{
	is_str(permalink_template(NULL), "/:categories/:year/:month/:day/:title:output_ext",
	       "no setting is the date style");
	is_str(permalink_template("date"), "/:categories/:year/:month/:day/:title:output_ext",
	       "date style");
	is_str(permalink_template("pretty"), "/:categories/:year/:month/:day/:title/", "pretty style");
	is_str(permalink_template("ordinal"), "/:categories/:year/:y_day/:title:output_ext",
	       "ordinal style");
	is_str(permalink_template("weekdate"),
	       "/:categories/:year/W:week/:short_day/:title:output_ext", "weekdate style");
	is_str(permalink_template("none"), "/:categories/:title:output_ext", "none style");
	const char *custom = "/blog/:title/";
	ok(permalink_template(custom) == custom, "a custom template is returned as it is");
	ok(permalink_template("Pretty") != NULL && strcmp(permalink_template("Pretty"), "Pretty") == 0,
	   "style names are case-sensitive, as Ruby symbols are");
}

static void test_styles(void)
{
	struct post p = make_post("_posts/2021-12-16-hello-world.md", "hello-world", ".md");
	expand_is(permalink_template("date"), &p, "/2021/12/16/hello-world.html",
		  "date, no categories: no double slash");
	expand_is(permalink_template("pretty"), &p, "/2021/12/16/hello-world/",
		  "pretty keeps its trailing slash");
	expand_is(permalink_template("ordinal"), &p, "/2021/350/hello-world.html", "ordinal");
	expand_is(permalink_template("weekdate"), &p, "/2021/W50/Thu/hello-world.html", "weekdate");
	expand_is(permalink_template("none"), &p, "/hello-world.html", "none");

	char *cats[] = { "Career In touxingPEVC" };
	set_categories(&p, cats, 1);
	expand_is(permalink_template("date"), &p,
		  "/career%20in%20touxingpevc/2021/12/16/hello-world.html",
		  "category lower-cased, spaces encoded");
	expand_is(permalink_template("pretty"), &p,
		  "/career%20in%20touxingpevc/2021/12/16/hello-world/", "pretty with a category");
	expand_is(permalink_template("none"), &p, "/career%20in%20touxingpevc/hello-world.html",
		  "none with a category");
}

static void test_categories(void)
{
	struct post p = make_post("_posts/2021-12-16-hello-world.md", "hello-world", ".md");
	const char *t = "/:categories/:title:output_ext";

	char *paren[] = { "anxinguojizhengquan(xianggang)" };
	set_categories(&p, paren, 1);
	expand_is(t, &p, "/anxinguojizhengquan(xianggang)/hello-world.html", "parentheses kept");

	char *two_spaces[] = { "Career  In" };
	set_categories(&p, two_spaces, 1);
	expand_is(t, &p, "/career%20%20in/hello-world.html", "two spaces stay two");

	char *cjk[] = { "青岛财经日报" };
	set_categories(&p, cjk, 1);
	expand_is(t, &p,
		  "/%E9%9D%92%E5%B2%9B%E8%B4%A2%E7%BB%8F%E6%97%A5%E6%8A%A5/hello-world.html",
		  "CJK as UTF-8, upper-case hex");

	char *several[] = { "Tech", "Life", "tech", "TECH" };
	set_categories(&p, several, 4);
	expand_is(t, &p, "/tech/life/hello-world.html", "lower-cased, then duplicates dropped");

	char *accents[] = { "ÉTÉ" };
	set_categories(&p, accents, 1);
	expand_is(t, &p, "/%C3%A9t%C3%A9/hello-world.html", "non-ASCII upper case lowered");

	char *dotted_i[] = { "\xC4\xB0" };
	set_categories(&p, dotted_i, 1);
	expand_is(t, &p, "/i%CC%87/hello-world.html", "U+0130 gets Ruby's full mapping i + U+0307");

	char *sigma[] = { "ΣΑΣ" };
	set_categories(&p, sigma, 1);
	expand_is(t, &p, "/%CF%83%CE%B1%CF%83/hello-world.html",
		  "no final-sigma context, as in Ruby's downcase");

	char *reserved[] = { "c#?x", "100%" };
	set_categories(&p, reserved, 2);
	expand_is(t, &p, "/c%23%3Fx/100%25/hello-world.html", "'#', '?' and '%' encoded");

	char *broken[] = { "AB\xE9\x9D" };
	set_categories(&p, broken, 1);
	expand_is(t, &p, "/ab%E9%9D/hello-world.html", "a broken UTF-8 tail kept as bytes");

	char *nested[] = { "a/b" };
	set_categories(&p, nested, 1);
	expand_is(t, &p, "/a/b/hello-world.html", "a '/' in a category stays a separator");

	char *slugs[] = { "Work 2 Progress", "C++", "work-2 progress" };
	set_categories(&p, slugs, 3);
	expand_is("/:slugified_categories/:title/", &p, "/work-2-progress/c/hello-world/",
		  ":slugified_categories slugified, duplicates dropped");

	set_categories(&p, NULL, 0);
	expand_is("/blog/:categories", &p, "/blog/",
		  "an empty placeholder at the end leaves its slash (Jekyll's UrlDrop)");
	expand_is("/:categories/:title", &p, "/hello-world", "no categories, no trailing slash");
	expand_is("/:categories/:title/", &p, "/hello-world/", "no categories, trailing slash kept");
}

static void test_placeholders(void)
{
	struct post p = make_post("_posts/2021-03-05-Hello_World 2.md", "Hello_World 2", ".md");
	p.date = at(2021, 3, 5, 9, 7, 3, -5 * 3600);
	expand_is("/:i_month/:i_day/:short_year/:hour:minute:second", &p, "/3/5/21/090703",
		  "numeric fields without padding where Jekyll has none");
	expand_is("/:short_month-:long_month-:short_day-:long_day", &p, "/Mar-March-Fri-Friday",
		  "English month and day names");
	expand_is("/:w_year-:week-:w_day-:y_day", &p, "/2021-09-5-064", "ISO week fields");
	expand_is("/:year_:month_:day/:title", &p, "/2021_03_05/Hello_World-2",
		  "a name ending in '_' is the placeholder before it");
	expand_is("/:slug", &p, "/hello-world-2", ":slug is lower-case, '_' replaced");
	expand_is("/:name", &p, "/2021-03-05-hello-world-2", ":name keeps the date prefix");
	expand_is("/:collection/:title", &p, "/posts/Hello_World-2", ":collection");
	expand_is(":title.html", &p, "/Hello_World-2.html", "a leading '/' is added");
	expand_is("//a//:title", &p, "/a/Hello_World-2", "double slashes squeezed");
	expand_is("a/../b/./:title/", &p, "/a/b/Hello_World-2/",
		  "'..' made '/' and './' taken out, as Jekyll's sanitize_url");
	expand_is("/x.y/:title.z", &p, "/x.y/Hello_World-2.z", "single dots stay");

	p.date = at(2021, 1, 1, 0, 30, 0, 0);
	expand_is("/:w_year/W:week/:w_day", &p, "/2020/W53/5", "1 Jan 2021 is in week 53 of 2020");
	p.date = at(987, 6, 5, 4, 3, 2, 0);
	expand_is("/:year/:month/:day/:hour:minute:second", &p, "/0987/06/05/040302",
		  "fields padded with zeros");

	/* 2021-12-31T20:00Z is already 1 January in +08:00: the post's offset counts. */
	struct fg_time utc = at(2021, 12, 31, 20, 0, 0, 0);
	p.date = utc;
	p.date.off = 8 * 3600;
	expand_is("/:year/:month/:day/:hour", &p, "/2022/01/01/04", "fields in the post's offset");
	p.date.off = -5 * 3600;
	expand_is("/:year/:month/:day/:hour", &p, "/2021/12/31/15", "same instant at -05:00");
}

static void test_titles_and_paths(void)
{
	struct post p = make_post("_posts/2021-12-16-x.md", "青岛 新闻!", ".md");
	expand_is("/:title:output_ext", &p, "/%E9%9D%92%E5%B2%9B-%E6%96%B0%E9%97%BB!.html",
		  "CJK title slug keeps '!' (pretty mode), encodes CJK");

	p.slug = NULL;
	expand_is("/:title:output_ext", &p, "/2021-12-16-x.html",
		  "no slug: the file name without extension");

	p.slug = "v1..2";
	expand_is("/:title:output_ext", &p, "/v1/2.html", "sanitize_url turns \"..\" into '/'");

	struct post q = make_post("blog/_posts/2021-12-16-Hello.markdown", "Hello", ".markdown");
	expand_is("/:path/", &q, "/blog/2021-12-16-Hello/", ":path without _posts and extension");
	expand_is("/:title:output_ext", &q, "/Hello.html", ".markdown gives .html");
	q.ext = ".MD";
	expand_is("/:title:output_ext", &q, "/Hello.html", "markdown extensions in any case");
	q.ext = ".html";
	expand_is("/:title:output_ext", &q, "/Hello.html", ".html stays .html");
	q.ext = ".txt";
	expand_is("/:title:output_ext", &q, "/Hello.txt", "other extensions are kept");
	q.ext = ".md";
	q.permalink = "/feeds/:title.xml";
	expand_is("/:title:output_ext", &q, "/Hello.xml",
		  "a front matter permalink's extension is the output extension");
	q.permalink = "/feeds/:title/";
	expand_is("/:title:output_ext", &q, "/Hello.html", "a permalink ending in '/' names none");
	q.permalink = NULL;

	expand_is("/博客/:title/", &q, "/%E5%8D%9A%E5%AE%A2/Hello/", "literal CJK encoded");
	expand_is("/%E5%8D%9A/:title/", &q, "/%E5%8D%9A/Hello/", "literal %XX kept");
	expand_is("/:foo/:title/", &q, "/:foo/Hello/", "an unknown placeholder stays as text");

	size_t len = 0;
	const char *tmpl = "/:year/:foo_bar/:title";
	const char *bad = permalink_unknown(tmpl, &len);
	ok(bad == tmpl + 7 && len == 8, "permalink_unknown finds :foo_bar");
	ok(permalink_unknown("/:title_x/", &len) != NULL && len == 8,
	   ":title_x is one unknown name, not :title");
	ok(permalink_unknown("/:year_:month_:day/:title:output_ext", &len) == NULL,
	   "all known (names ending in '_' included)");
	ok(permalink_unknown("/a::/:1/x:", &len) == NULL, "':' not followed by a-z or '_' is text");
	ok(permalink_unknown("/a::b/", &len) != NULL && len == 2, "\":b\" after a lone ':' is a name");
}

static void slug_is(const char *in, const char *want)
{
	char *got = slugify_pretty(in);
	is_str(got, want, "slugify_pretty(\"%s\")", in);
	free(got);
}

static void test_slugify(void)
{
	slug_is("The _config.yml file", "The-_config.yml-file");
	slug_is("The _config.yml file?", "The-_config.yml-file");
	slug_is("  Working - with drafts   ", "Working-with-drafts");
	slug_is("Jekyll's Guide (2nd ed.)", "Jekyll's-Guide-(2nd-ed.)");
	slug_is("C++ & Java @ home; a=b, c!", "C++-&-Java-@-home;-a=b,-c!");
	slug_is("100% free / 50$", "100-free-50$");
	slug_is("青岛财经日报", "青岛财经日报");
	slug_is("青岛：财经日报", "青岛-财经日报");
	slug_is("Cafe\xCC\x81 fu\xCC\x88r", "Cafe\xCC\x81-fu\xCC\x88r");
	slug_is("\xD9\xA1\xD9\xA2 x\xC2\xB2", "\xD9\xA1\xD9\xA2-x");
	slug_is("I \xE2\x9D\xA4 C", "I-C");
	slug_is("a--b", "a-b");
	slug_is("-a-", "a");
	slug_is("---", "");
	slug_is("", "");
	char *ws = slugify_pretty("tab\tnew\nline\r");
	is_str(ws, "tab-new-line", "slugify_pretty: tab, newline and return are separators");
	free(ws);
	slug_is("bad \xFF byte", "bad-byte");
}

static void escape_is(char *(*fn)(const char *), const char *in, const char *want,
		      const char *name)
{
	char *got = fn(in);
	is_str(got, want, "%s(\"%s\")", name, in);
	free(got);
}

static void test_escape(void)
{
	escape_is(url_escape_path, "/a b", "/a%20b", "url_escape_path");
	escape_is(url_escape_path, "/青", "/%E9%9D%92", "url_escape_path");
	escape_is(url_escape_path, "x(y)~-._", "x(y)~-._", "url_escape_path");
	escape_is(url_escape_path, ":@!$&'*+,;=", ":@!$&'*+,;=", "url_escape_path");
	escape_is(url_escape_path, "#?[]%\"<>\\^`{|}", "%23%3F%5B%5D%25%22%3C%3E%5C%5E%60%7B%7C%7D",
		  "url_escape_path");
	escape_is(url_escape_path, "%41", "%2541", "url_escape_path");
	escape_is(url_escape_path_keep, "%41 %zz", "%41%20%25zz", "url_escape_path_keep");
	escape_is(url_escape_segment, "a/b c", "a%2Fb%20c", "url_escape_segment");
	escape_is(url_escape_segment, "C++ 青", "C%2B%2B%20%E9%9D%92", "url_escape_segment");
	escape_is(url_escape_segment, "-._~Az09", "-._~Az09", "url_escape_segment");

	ok(url_has_scheme("http://x"), "http: is a scheme");
	ok(url_has_scheme("mailto:a@b.c"), "mailto: is a scheme");
	ok(url_has_scheme("svn+ssh.x-y:z"), "+ . - allowed after the first letter");
	ok(!url_has_scheme("/x:y"), "a path is not");
	ok(!url_has_scheme("//host/x"), "a network-path reference is not");
	ok(!url_has_scheme("1http:x"), "a scheme starts with a letter");
	ok(!url_has_scheme("a b:c"), "no spaces in a scheme");
	ok(!url_has_scheme("g;x:y"), "no ';' in a scheme");
	ok(!url_has_scheme(""), "the empty string is not");
}

static void absolute_is(const char *site, const char *base, const char *path, const char *want)
{
	char *got = url_absolute(site, base, path);
	is_str(got, want, "url_absolute(%s, %s, %s)", site ? site : "NULL", base ? base : "NULL",
	       path ? path : "NULL");
	free(got);
}

static void test_absolute(void)
{
	absolute_is("https://example.com", "", "/2021/x.html", "https://example.com/2021/x.html");
	/* A decoded byte a host cannot hold keeps its escape, in upper case
	 * (fuzz_config: "exa%5Cmple" became "exa\\mple", no IRI). */
	absolute_is("http://exa%5Cmple.zcom", "", "/x", "http://exa%5Cmple.zcom/x");
	absolute_is("http://EXA%7cMPLE.com", "", "/x", "http://exa%7Cmple.com/x");
	absolute_is("http://ex%41mple.com", "", "/x", "http://example.com/x");
	absolute_is("https://example.com", NULL, "/2021/x.html", "https://example.com/2021/x.html");
	/* The url as written, as Jekyll's site.url + relative_url. */
	absolute_is("https://example.com/", "/blog/", "/2021/x.html",
		    "https://example.com//blog/2021/x.html");
	absolute_is("https://example.com/", "", "/", "https://example.com//");
	absolute_is("https://example.com", "blog", "2021/x.html",
		    "https://example.com/blog/2021/x.html");
	absolute_is("https://example.com//", "//blog//", "/x", "https://example.com///blog/x");
	absolute_is("https://example.com", "/", "/x", "https://example.com/x");
	absolute_is("https://example.com", "/blog", "", "https://example.com/blog");
	absolute_is("https://example.com", "/blog", "/", "https://example.com/blog/");
	absolute_is("https://example.com", "", NULL, "https://example.com/");
	absolute_is(NULL, "/blog/", "/x.html", "/blog/x.html");
	absolute_is("", NULL, "x", "/x");
	absolute_is(NULL, NULL, "", "");
	absolute_is("https://example.com", "/b", "http://other.org/x y", "http://other.org/x y");
	absolute_is("https://example.com", "/b", "mailto:a@b.c", "mailto:a@b.c");
	absolute_is("https://example.com", "/b", "//cdn.example.org/a.png",
		    "//cdn.example.org/a.png");
	absolute_is("HTTPS://Example.COM:443", "", "/a b/青.html",
		    "https://example.com/a%20b/%E9%9D%92.html");
	absolute_is("http://example.com:80", "", "/x", "http://example.com/x");
	absolute_is("http://example.com:8080", "", "/x", "http://example.com:8080/x");
	absolute_is("http://example.com", "", "/%e9%9d%92/%7Ex", "http://example.com/%E9%9D%92/~x");
	absolute_is("http://example.com", "", "/cafe\xCC\x81", "http://example.com/caf%C3%A9");
	absolute_is("http://example.com", "", "/a/./b/../c", "http://example.com/a/c");
	absolute_is("http://example.com", "", "/x?a=1&b=%7e c#frag ment",
		    "http://example.com/x?a=1&b=~%20c#frag%20ment");
	absolute_is("http://example.com", "", "/x?a=%2b", "http://example.com/x?a=%2B");
	absolute_is("http://example.com", "", "/x?", "http://example.com/x");
	absolute_is("http://example.com", "", "/a%2Fb/%25/%zz?q=%2541&r=%252B",
		    "http://example.com/a%2Fb/%25/%25zz?q=%2541&r=%2B");
	absolute_is("http://bücher.example", "", "/x", "http://xn--bcher-kva.example/x");
	/* UTS #46 would map U+00A0 to a space: the host stays as written. */
	absolute_is("http://a\xC2\xA0" "b.example", "", "/x", "http://a\xC2\xA0" "b.example/x");
	absolute_is("http://example.com.", "/my blog", "/x", "http://example.com/my%20blog/x");
	absolute_is("https://user.github.io/repo", "", "/2021/12/16/x.html",
		    "https://user.github.io/repo/2021/12/16/x.html");
	/* Already normal, or nearly: "." and ".." only as whole segments. */
	absolute_is("http://example.com", "", "/a/.b/..c/", "http://example.com/a/.b/..c/");
	absolute_is("http://example.com", "", "/a/b/.", "http://example.com/a/b/");
	absolute_is("http://example.com", "", "/a/b/..", "http://example.com/a/");
	absolute_is("http://example.com", "", "/a(1)!$&'*+,;=:@~_-.x//y",
		    "http://example.com/a(1)!$&'*+,;=:@~_-.x//y");
	absolute_is("http://Example.com", "", "/x", "http://example.com/x");
	absolute_is("http://example.com", "", "/x[1]", "http://example.com/x%5B1%5D");
}

static const char *const rfc_base = "http://a/b/c/d;p?q";

/* RFC 3986 §5.4.1 and §5.4.2, strict parser. */
static const char *const rfc_examples[][2] = {
	{ "g:h", "g:h" },
	{ "g", "http://a/b/c/g" },
	{ "./g", "http://a/b/c/g" },
	{ "g/", "http://a/b/c/g/" },
	{ "/g", "http://a/g" },
	{ "//g", "http://g" },
	{ "?y", "http://a/b/c/d;p?y" },
	{ "g?y", "http://a/b/c/g?y" },
	{ "#s", "http://a/b/c/d;p?q#s" },
	{ "g#s", "http://a/b/c/g#s" },
	{ "g?y#s", "http://a/b/c/g?y#s" },
	{ ";x", "http://a/b/c/;x" },
	{ "g;x", "http://a/b/c/g;x" },
	{ "g;x?y#s", "http://a/b/c/g;x?y#s" },
	{ "", "http://a/b/c/d;p?q" },
	{ ".", "http://a/b/c/" },
	{ "./", "http://a/b/c/" },
	{ "..", "http://a/b/" },
	{ "../", "http://a/b/" },
	{ "../g", "http://a/b/g" },
	{ "../..", "http://a/" },
	{ "../../", "http://a/" },
	{ "../../g", "http://a/g" },
	/* §5.4.2 abnormal examples */
	{ "../../../g", "http://a/g" },
	{ "../../../../g", "http://a/g" },
	{ "/./g", "http://a/g" },
	{ "/../g", "http://a/g" },
	{ "g.", "http://a/b/c/g." },
	{ ".g", "http://a/b/c/.g" },
	{ "g..", "http://a/b/c/g.." },
	{ "..g", "http://a/b/c/..g" },
	{ "./../g", "http://a/b/g" },
	{ "./g/.", "http://a/b/c/g/" },
	{ "g/./h", "http://a/b/c/g/h" },
	{ "g/../h", "http://a/b/c/h" },
	{ "g;x=1/./y", "http://a/b/c/g;x=1/y" },
	{ "g;x=1/../y", "http://a/b/c/y" },
	{ "g?y/./x", "http://a/b/c/g?y/./x" },
	{ "g?y/../x", "http://a/b/c/g?y/../x" },
	{ "g#s/./x", "http://a/b/c/g#s/./x" },
	{ "g#s/../x", "http://a/b/c/g#s/../x" },
	{ "http:g", "http:g" },
};

static void resolve_is(const char *base, const char *ref, const char *want)
{
	char *got = url_resolve(base, ref);
	is_str(got, want, "url_resolve(%s, \"%s\")", base ? base : "NULL", ref);
	free(got);
}

static void test_resolve(void)
{
	for (size_t i = 0; i < sizeof rfc_examples / sizeof rfc_examples[0]; i++)
		resolve_is(rfc_base, rfc_examples[i][0], rfc_examples[i][1]);
	resolve_is("https://site.org/a/b", "//cdn.example.com/x.png", "https://cdn.example.com/x.png");
	resolve_is("https://site.org/a/b", "//cdn.example.com/p/../x?v=1#f",
		   "https://cdn.example.com/x?v=1#f");
	resolve_is("http://a/b", "mailto:x@y.z", "mailto:x@y.z");
	resolve_is("http://a/b", "https://other/x/../y", "https://other/x/../y");
	resolve_is("http://a/b#f", "#g", "http://a/b#g");
	resolve_is("http://a/b#f", "", "http://a/b");
	resolve_is("http://a", "g", "http://a/g");
	resolve_is("http://a", "?q", "http://a?q");
	resolve_is("http://a/b/", "青 x.html", "http://a/b/青 x.html");
	resolve_is("mailto:x@y", "z", "mailto:z");
	resolve_is("/a/b", "g", NULL);
	resolve_is("//a/b", "g", NULL);
	resolve_is(NULL, "g", NULL);
}

int main(void)
{
	test_templates();
	test_styles();
	test_categories();
	test_placeholders();
	test_titles_and_paths();
	test_slugify();
	test_escape();
	test_absolute();
	test_resolve();
	return tap_done();
}
