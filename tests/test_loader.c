/* test_loader.c: front matter into the article model, and every kind of bad
 * post reported with its place while the good ones still load. Each test
 * builds a small site in a temporary folder. */
#include <config.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/date.h"
#include "base/text.h"
#include "content/body.h"
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
	unsigned long failed;
};

static void fixture_start(struct fixture *fx)
{
	testsite_mkdtemp(fx->dir, "test");
	memset(&fx->posts, 0, sizeof fx->posts);
}

/* Load the site; messages go to fx->msgs. */
static void fixture_load(struct fixture *fx, const char *zone)
{
	fx->mem = open_memstream(&fx->msgs, &fx->msgs_len);
	diag_sink_init(&fx->diag, fx->mem);
	fx->failed = testsite_load(fx->dir, zone, &fx->site, &fx->posts, &fx->diag);
	fflush(fx->mem);
}

static void fixture_end(struct fixture *fx)
{
	fclose(fx->mem);
	free(fx->msgs);
	post_list_free(&fx->posts);
	site_free(&fx->site);
	testsite_remove(fx->dir);
}

static const struct post *find(const struct fixture *fx, const char *slug)
{
	for (size_t i = 0; i < fx->posts.n; i++)
		if (strcmp(fx->posts.v[i]->slug, slug) == 0)
			return fx->posts.v[i];
	return NULL;
}

static bool has_msg(const struct fixture *fx, const char *needle)
{
	return fx->msgs && strstr(fx->msgs, needle) != NULL;
}

static void test_front_matter(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml", "url: https://ex.example\ntimezone: Asia/Shanghai\n");
	testsite_puts(fx.dir, "_posts/2021-01-01-str.md",
		  "---\ntitle: 'A & B <c> \"d\" ''e'''\ncategories: One two\ntags: 青岛 新闻\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-01-02-list.md",
		  "---\ntitle: 2021\ncategories: [Career  In touxingPEVC, 'x(y)']\ntag: whole tag\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-01-03-dup.md",
		  "---\ntitle: first\ntitle: second\ncategory: Rural Finance\nauthor:\n  name: N\n  email: n@e.example\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-01-03-dups.md",
		  "---\ntitle: a\ntags: x\ntitle: b\ndate: 2021-01-03\ntags: y\ntitle: c\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-01-04-bool.md",
		  "---\ntitle: true\ndraft: false\nimage: {path: /img/a.png}\nauthors: [Ann, Bob]\n---\nx\n");
	testsite_puts(fx.dir, "cat/_posts/2021-01-05-path.md", "---\ncategories: fm\n---\nx\n");
	fixture_load(&fx, NULL);
	is_int(fx.posts.n, 6, "six posts load");
	is_int(fx.failed, 0, "no errors");
	const struct post *p = find(&fx, "str");
	ok(p != NULL, "post found by slug from the file name");
	if (p) {
		is_str(p->title, "A & B <c> \"d\" 'e'", "markup characters in a title kept as typed");
		is_int(p->categories.n, 2, "a categories string splits on white space");
		is_str(p->tags.n > 0 ? p->tags.v[0] : NULL, "青岛", "CJK tags");
	}
	p = find(&fx, "list");
	if (ok(p != NULL, "list post loaded")) {
		is_str(p->title, "2021", "a number as title is taken as its text");
		is_int(p->categories.n, 2, "a categories list is kept item by item");
		is_str(p->categories.v[0], "Career  In touxingPEVC", "list items keep their spaces");
		is_str(p->tags.n ? p->tags.v[0] : NULL, "whole tag", "singular 'tag' is taken whole");
	}
	p = find(&fx, "dup");
	if (ok(p != NULL, "post with a duplicate key loaded")) {
		is_str(p->title, "second", "the last of duplicate keys wins, as in Ruby's YAML");
		is_str(p->categories.n ? p->categories.v[0] : NULL, "Rural Finance", "singular 'category' taken whole");
		is_str(p->author.email, "n@e.example", "author mapping read");
	}
	ok(has_msg(&fx, "2021-01-03-dup.md:3:1: warning: key 'title' appears again"),
	   "duplicate key warned at its line");
	p = find(&fx, "dups");
	if (ok(p != NULL, "post with keys repeated three times loaded"))
		is_str(p->title, "c", "the last of three wins");
	ok(has_msg(&fx, "dups.md:4:1: warning: key 'title' appears again") &&
	   has_msg(&fx, "dups.md:6:1: warning: key 'tags' appears again") &&
	   has_msg(&fx, "dups.md:7:1: warning: key 'title' appears again") &&
	   !has_msg(&fx, "dups.md:2:1:") && !has_msg(&fx, "dups.md:3:1:") &&
	   !has_msg(&fx, "dups.md:5:1:"), "each repeat warned at its own line, first ones not");
	p = find(&fx, "bool");
	if (ok(p != NULL, "boolean post loaded")) {
		is_str(p->title, "true", "a boolean title is taken as its text");
		is_str(p->image, "/img/a.png", "image: {path: ...} is read as jekyll-feed does");
		is_str(p->author.name, "Ann", "authors: a list gives its first as the author");
	}
	p = find(&fx, "path");
	if (ok(p != NULL, "post below a category folder loaded")) {
		is_int(p->categories.n, 2, "folder category plus front matter category");
		is_str(p->categories.n ? p->categories.v[0] : NULL, "cat", "folder above _posts comes first");
		is_str(p->url, "/cat/fm/2021/01/05/path.html", "default permalink uses both");
	}
	is_str(fx.posts.n ? fx.posts.v[0]->slug : NULL, "path", "newest first");
	fixture_end(&fx);
}

/* jekyll-feed looks a post's author up in _data/authors.yml by name. */
static void test_authors_data(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml", "url: https://ex.example\n");
	testsite_puts(fx.dir, "_data/authors.yml",
		      "alice:\n  name: Alice Liddell\n  email: alice@ex.example\n  url: https://alice.example/\n"
		      "bob: {email: bob@ex.example}\n");
	testsite_puts(fx.dir, "_posts/2021-01-01-key.md", "---\nauthor: alice\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-01-02-nokey.md", "---\nauthor: Carol\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-01-03-list.md", "---\nauthors: [bob, alice]\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-01-04-map.md", "---\nauthor: {name: alice}\n---\nx\n");
	fixture_load(&fx, NULL);
	is_int(fx.failed, 0, "a site with _data/authors.yml loads");
	const struct post *p = find(&fx, "key");
	if (ok(p != NULL, "post by a known author")) {
		is_str(p->author.name, "Alice Liddell", "a key of authors.yml gives that entry's name");
		is_str(p->author.email, "alice@ex.example", "... its email");
		is_str(p->author.uri, "https://alice.example/", "... and its url as the uri");
	}
	p = find(&fx, "nokey");
	if (ok(p != NULL, "post by an author not listed"))
		ok(p->author.name && !strcmp(p->author.name, "Carol") && !p->author.email,
		   "a name that is no key stays a name");
	p = find(&fx, "list");
	if (ok(p != NULL, "post with an authors list")) {
		is_str(p->author.name, "bob", "an entry without a name is named by its key");
		is_str(p->author.email, "bob@ex.example", "the first of authors is looked up too");
	}
	p = find(&fx, "map");
	if (ok(p != NULL, "post with an author mapping"))
		ok(p->author.name && !strcmp(p->author.name, "alice") && !p->author.email,
		   "a mapping is not looked up (jekyll-feed looks up strings only)");
	fixture_end(&fx);
}

static void test_dates(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml", "url: https://ex.example\ntimezone: Asia/Shanghai\n");
	testsite_puts(fx.dir, "_posts/a.md", "---\ndate: 2021-12-08 20:00:00\n---\nx\n");
	testsite_puts(fx.dir, "_posts/b.md", "---\ndate: \"2021-12-08 20:00:00\"\n---\nx\n");
	testsite_puts(fx.dir, "_posts/c.md", "---\ndate: 2021-12-09 23:30:00 -0500\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-12-07-d.md", "---\ntitle: d\n---\nx\n");
	testsite_puts(fx.dir, "_posts/e.md", "---\ntitle: bad\ndate:  +0800\n---\nx\n");
	testsite_puts(fx.dir, "_posts/f.md", "---\ntitle: bad\ndate: 2021-13-45\n---\nx\n");
	testsite_puts(fx.dir, "_posts/nodate.md", "---\ntitle: no date\n---\nx\n");
	fixture_load(&fx, NULL);
	is_int(fx.posts.n, 4, "four dated posts load");
	is_int(fx.failed, 3, "three posts with date errors");
	const struct post *p = find(&fx, "a");
	if (ok(p != NULL, "unquoted timestamp post"))
		is_str(p->url, "/2021/12/09/a.html", "unquoted timestamp without offset is UTC (Jekyll)");
	p = find(&fx, "b");
	if (ok(p != NULL, "quoted timestamp post"))
		is_str(p->url, "/2021/12/08/b.html", "quoted timestamp is site-local");
	p = find(&fx, "c");
	if (ok(p != NULL, "offset post"))
		is_str(p->url, "/2021/12/10/c.html", "explicit offset converted to the site zone");
	p = find(&fx, "d");
	if (ok(p != NULL, "file-name date post"))
		is_str(p->url, "/2021/12/07/d.html", "date from the file name");
	ok(has_msg(&fx, "e.md:3:8: error: invalid date"), "'date:  +0800' reported at its line and column");
	ok(has_msg(&fx, "f.md:3:"), "month 13 reported at its line");
	ok(has_msg(&fx, "nodate.md:3:1: error: no date"),
	   "no date anywhere is an error at the closing '---' of the file");
	ok(has_msg(&fx, "a.md:2:7: warning: this date, without quotes or an offset") &&
	   has_msg(&fx, "(+0800)"),
	   "the UTC reading of bare timestamps is warned about at the date, with the zone's offset");
	fixture_end(&fx);
}

static void test_bad_input(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml", "url: https://ex.example\n");
	testsite_puts(fx.dir, "_posts/2021-01-01-blank.md", "\n---\ntitle: x\n---\nbody\n");
	testsite_puts(fx.dir, "_posts/2021-01-02-empty-title.md",
		  "---\ntitle: \"\"\n---\n<p>今年全省政策性农业保险覆盖面进一步扩大，水稻、小麦和玉米三大主粮作物实现应保尽保，保险公司还推出了价格指数保险，帮助农户对冲市场价格波动的风险。</p>\n");
	testsite_puts(fx.dir, "_posts/2021-01-03-yaml.md", "---\ntitle: [unclosed\n---\nx\n");
	static const char utf8[] = "---\ntitle: x\n---\nab\xC0\xAF\n";
	testsite_put(fx.dir, "_posts/2021-01-04-utf8.md", utf8, sizeof utf8 - 1);
	static const char nul[] = "---\ntitle: x\n---\na\0b\n";
	testsite_put(fx.dir, "_posts/2021-01-05-nul.md", nul, sizeof nul - 1);
	static const char fmbad[] = "---\ntitle: a\xFF\n---\nx\n";
	testsite_put(fx.dir, "_posts/2021-01-10-fmbad.md", fmbad, sizeof fmbad - 1);
	static const char ctrl[] = "---\ntitle: a\x01" "b\ntags: \"t\\x02u\"\n---\nx\n";
	testsite_put(fx.dir, "_posts/2021-01-06-ctrl.md", ctrl, sizeof ctrl - 1);
	testsite_puts(fx.dir, "_posts/2021-01-07-cdata.md", "---\ntitle: c\n---\n]]> and <![CDATA[ x ]]>\n");
	size_t big = 10u << 20;
	char *huge = xmalloc(big);
	memset(huge, 'a', big);
	memcpy(huge, "---\ntitle: big\n---\n", 19);
	huge[big - 1] = '\n';
	testsite_put(fx.dir, "_posts/2021-01-08-big.md", huge, big);
	free(huge);
	testsite_puts(fx.dir, "_posts/2021-01-09-good.md", "---\ntitle: good\n---\nfine\n");
	fixture_load(&fx, "UTC");
	if (getenv("TEST_VERBOSE"))
		fputs(fx.msgs, stderr);
	ok(find(&fx, "good") != NULL, "the good post still loads");
	ok(find(&fx, "blank") == NULL, "a blank line before '---' means no front matter");
	ok(has_msg(&fx, "2021-01-01-blank.md:1:1: warning: the first line is not '---'"),
	   "and is warned about");
	const struct post *p = find(&fx, "empty-title");
	if (ok(p != NULL, "empty-title post loads")) {
		ok(p->title_auto, "its title is made from the text");
		ok(strncmp(p->title, "今年全省政策性农业保险", strlen("今年全省政策性农业保险")) == 0 &&
		   strstr(p->title, "\xE2\x80\xA6") != NULL, "from its start, cut with an ellipsis");
	}
	ok(has_msg(&fx, "2021-01-02-empty-title.md:2:8: warning: empty title"),
	   "empty title warned at its line and column");
	ok(find(&fx, "yaml") == NULL && has_msg(&fx, "2021-01-03-yaml.md:3:1: error: malformed YAML"),
	   "malformed YAML reported at line and column, post skipped");
	ok(find(&fx, "fmbad") == NULL &&
	   has_msg(&fx, "2021-01-10-fmbad.md:2:9: error: invalid UTF-8 in the front matter at byte offset 12"),
	   "invalid UTF-8 in front matter: the post is skipped, with line, column and byte offset");
	p = find(&fx, "utf8");
	if (ok(p != NULL, "a post whose body has invalid UTF-8 loads (bodies are read when shown)")) {
		char *html = body_render(&fx.site, p, &fx.diag);
		fflush(fx.mem);
		ok(html && strstr(html, "ab") && !strchr(html, '\xC0'), "the text stops before the bad byte");
		ok(has_msg(&fx, "2021-01-04-utf8.md:4: error: invalid UTF-8 at byte offset 19"),
		   "rendering reports the byte offset");
		free(html);
	}
	p = find(&fx, "nul");
	if (ok(p != NULL, "a post whose body has a NUL byte loads")) {
		char *html = body_render(&fx.site, p, &fx.diag);
		fflush(fx.mem);
		ok(html && strstr(html, "a") && !strstr(html, "b"), "the text stops at the NUL");
		ok(has_msg(&fx, "2021-01-05-nul.md:4: error: NUL byte at byte offset 18"), "the NUL is reported");
		free(html);
	}
	p = find(&fx, "ctrl");
	if (ok(p != NULL, "a post with control characters in its title still loads")) {
		is_str(p->title, "ab", "control character dropped from the title");
		is_str(p->tags.n ? p->tags.v[0] : NULL, "tu", "escaped control character dropped from a tag");
	}
	ok(has_msg(&fx, "2021-01-06-ctrl.md:2:9: warning: control character U+0001 dropped"),
	   "control character warned at its place");
	ok(find(&fx, "cdata") != NULL, "']]>' in a body is just text");
	ok(find(&fx, "big") != NULL, "a 10 MB post loads");
	is_int(fx.failed, 2, "two posts had load errors (YAML, front matter UTF-8)");
	fixture_end(&fx);
}

static void test_ids_and_filters(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml", "url: https://ex.example/\nbaseurl: /blog/\n");
	testsite_puts(fx.dir, "_posts/2021-01-01-a.md", "---\nid: same\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-01-02-b.md", "---\nguid: same\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-01-03-c.md", "---\ncategories: Café\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-02-03-t3.md", "---\nid: three\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-02-01-t1.md", "---\nid: three\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-02-02-t2.md", "---\nid: three\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-01-04-hidden.md", "---\npublished: false\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2999-01-01-future.md", "---\ntitle: later\n---\nx\n");
	testsite_puts(fx.dir, "_drafts/draft.md", "---\ndate: 2021-01-05\n---\nx\n");
	testsite_puts(fx.dir, "_site/2021-01-06-built.md", "---\ntitle: x\n---\nx\n");
	testsite_puts(fx.dir, ".hidden/_posts/2021-01-07-dot.md", "---\ntitle: x\n---\nx\n");
	fixture_load(&fx, "UTC");
	/* The url ends in '/': Jekyll's absolute_url (url + "/blog/...") and
	 * so jekyll-feed's ids have "//" after the host, and so do feedgen's. */
	is_int(fx.posts.n, 3, "duplicate ids, unpublished, future, draft, _site and dot folders left out");
	ok(find(&fx, "a") && !find(&fx, "b"), "the first post by path keeps a shared id");
	ok(has_msg(&fx, "2021-01-02-b.md: error: id 'https://ex.example//blog/same' is already used by"), "the other is an error naming both");
	ok(find(&fx, "t1") && !find(&fx, "t2") && !find(&fx, "t3"), "of three posts with one id, the first by path stays");
	ok(has_msg(&fx, "2021-02-02-t2.md: error: id 'https://ex.example//blog/three' is already used by") &&
	   has_msg(&fx, "2021-02-03-t3.md: error: id 'https://ex.example//blog/three' is already used by"), "both others are reported");
	const struct post *p = find(&fx, "c");
	if (ok(p != NULL, "post c loaded")) {
		is_str(p->url, "/caf%C3%A9/2021/01/03/c.html", "categories lower-cased and percent-encoded");
		char *abs = post_abs_url(&fx.site, p);
		is_str(abs, "https://ex.example//blog/caf%C3%A9/2021/01/03/c.html", "absolute URL with baseurl");
		free(abs);
		is_str(p->entry_id, "https://ex.example//blog/caf%C3%A9/2021/01/03/c", "jekyll-feed's id: dirname(url)/slug");
		is_str(p->title, "C", "no title: the slug, titleised as Jekyll does");
	}
	fixture_end(&fx);
}

static void test_plain_folder(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "one.md", "---\ntitle: One\ndate: 2020-05-05 10:00:00 +0800\n---\nx\n");
	testsite_puts(fx.dir, "notes.txt", "just text\n");
	testsite_puts(fx.dir, "sub/two.html", "---\ntitle: Two\ndate: 2020-05-06\n---\n<p>x</p>\n");
	fixture_load(&fx, "UTC");
	is_int(fx.posts.n, 2, "a folder without _posts is a folder of posts");
	is_int(fx.failed, 0, "files without front matter are not errors");
	const struct post *p = find(&fx, "two");
	if (ok(p != NULL, "a post not named YYYY-MM-DD-slug, in a subfolder, loads"))
		is_str(p->url, "/2020/05/06/two.html", "its slug is its base name");
	fixture_end(&fx);
}

/* _config.yml read as Jekyll 4.3 reads it: the posts collection's permalink,
 * defaults by scope (the post's own keys win; longer scope paths and typed
 * scopes win; categories merged), unpublished, per-post excerpt keys. */
static void test_config_rules(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml",
	    "url: https://ex.example\n"
	    "permalink: /:year/:title.html\n"
	    "unpublished: true\n"
	    "collections:\n  posts:\n    permalink: /articles/:year/:title/\n    output: true\n"
	    "defaults:\n"
	    "  - scope: {path: ''}\n    values: {author: Everyone, image: /all.png}\n"
	    "  - scope: {path: _posts/tech, type: posts}\n"
	    "    values: {author: Techie, permalink: /tech/:title.html, categories: [fromdefault]}\n"
	    "  - scope: {path: _posts/tech}\n    values: {author: Untyped}\n"
	    "  - scope: {type: pages}\n    values: {author: Pages only}\n"
	    "  - scope: {path: '_posts/*/deep'}\n    values: {description: Globbed}\n"
	    "  - scope: {type: post}\n    values: {lang: fr, feed: {excerpt_only: true}}\n"
	    "  - not a set\n");
	testsite_puts(fx.dir, "_posts/2021-03-01-plain.md", "---\ntitle: Plain\n---\nx\n");
	testsite_puts(fx.dir, "_posts/tech/2021-03-02-gadget.md",
		      "---\ntitle: Gadget\ncategories: [own]\n---\nx\n");
	testsite_puts(fx.dir, "_posts/tech/2021-03-03-mine.md",
		      "---\nauthor: Me\npermalink: /mine/\nimage: /mine.png\nlang: de\n---\nx\n");
	testsite_puts(fx.dir, "_posts/x/deep/2021-03-04-deep.md", "---\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-03-05-unpub.md", "---\npublished: false\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-03-06-sep.md",
		      "---\nexcerpt_separator: <!--cut-->\n---\nx\n");
	fixture_load(&fx, NULL);
	is_int(fx.failed, 0, "config rules: no errors");
	const struct post *p = find(&fx, "plain");
	if (ok(p != NULL, "collections.posts.permalink: a post loads")) {
		is_str(p->url, "/articles/2021/plain/", "the posts collection's permalink wins over permalink");
		is_str(p->author.name, "Everyone", "defaults: scope path '' applies to every post");
		is_str(p->image, "/all.png", "defaults: any front matter key (image)");
		is_str(p->lang, "fr", "defaults: type post (the old name of posts) applies");
		ok(p->excerpt_only, "defaults: feed.excerpt_only, as a post's own");
	}
	p = find(&fx, "gadget");
	if (ok(p != NULL, "a post in _posts/tech loads")) {
		is_str(p->author.name, "Techie",
		       "defaults: the typed scope wins over an untyped one of the same path");
		is_str(p->url, "/tech/gadget.html", "defaults: permalink");
		ok(p->categories.n == 2 && strcmp(p->categories.v[0], "fromdefault") == 0 &&
		   strcmp(p->categories.v[1], "own") == 0,
		   "categories: the defaults', then the post's own (a folder under _posts is none)");
	}
	p = find(&fx, "mine");
	if (ok(p != NULL, "a post with its own keys loads")) {
		is_str(p->author.name, "Me", "the post's own author wins over defaults");
		is_str(p->url, "/mine/", "the post's own permalink wins");
		is_str(p->image, "/mine.png", "the post's own image wins");
		is_str(p->lang, "de", "the post's own lang wins");
	}
	p = find(&fx, "deep");
	if (ok(p != NULL, "a post under a globbed scope loads"))
		is_str(p->description, "Globbed", "defaults: a glob scope path");
	ok(find(&fx, "unpub") != NULL, "unpublished: true in _config.yml keeps published: false posts");
	p = find(&fx, "sep");
	if (ok(p != NULL, "a post with its own excerpt_separator loads"))
		is_str(p->excerpt_separator, "<!--cut-->", "excerpt_separator from the front matter");
	fixture_end(&fx);
}

/* Jekyll dates a draft without a date by its file's mtime; author lists. */
static void test_drafts_and_authors(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml", "url: https://ex.example\nshow_drafts: true\n");
	testsite_puts(fx.dir, "_drafts/undated.md", "---\ntitle: Undated\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-03-01-list.md",
		      "---\nauthor: [Ann, Bob]\n---\nx\n");
	char path[128];
	snprintf(path, sizeof path, "%s/_drafts/undated.md", fx.dir);
	struct timespec times[2] = {{1600000000, 0}, {1600000000, 0}};
	utimensat(AT_FDCWD, path, times, 0);
	fixture_load(&fx, NULL);
	is_int(fx.failed, 0, "an undated draft is no error");
	const struct post *p = find(&fx, "undated");
	if (ok(p != NULL, "an undated draft loads with show_drafts"))
		is_int(p->date.sec, 1600000000, "dated by its file's mtime, as Jekyll");
	p = find(&fx, "list");
	if (ok(p != NULL, "a post with an author list loads"))
		is_str(p->author.name, "Ann", "author: a list gives its first");
	fixture_end(&fx);
}

/* feed.disable_in_development with JEKYLL_ENV as Jekyll.env reads it. */
static void test_disable_in_development(void)
{
	struct site s;
	site_init(&s, ".");
	ok(!site_feeds_disabled(&s, NULL), "feeds are written without disable_in_development");
	s.disable_in_development = true;
	ok(site_feeds_disabled(&s, NULL), "disable_in_development: JEKYLL_ENV unset is development");
	ok(site_feeds_disabled(&s, "development"), "disable_in_development: development");
	ok(!site_feeds_disabled(&s, "production"), "disable_in_development: production writes");
	site_free(&s);
}

/* The files of _posts/ as Jekyll 4.3's PostReader takes them (checked
 * against real Jekyll in tests/compat/sites/names): its date pattern, files
 * without front matter, the names it leaves out, slugs and titles made from
 * names, and jekyll-feed's ids of names with '#' and '%20'. */
static void test_jekyll_names(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml", "url: https://ex.example\n");
	testsite_puts(fx.dir, "_posts/2009-06-22-no-yaml.md", "No *YAML*.\n");
	testsite_puts(fx.dir, "_posts/2017-2-5-zeroes.md", "---\n---\nx\n");
	testsite_puts(fx.dir, "_posts/99-01-02-two-digits.md", "---\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2021-02-30-rollover.md", "---\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2018-10-12-dots...md", "---\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2020-01-15-Upper Case.md", "---\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2009-03-12-hash-#1.md", "---\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2014-03-22-escape-+ %20[].md", "---\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2014-11-24-rmd.Rmd", "Best **post** ever\n");
	testsite_puts(fx.dir, "_posts/notes.md", "---\ndate: 2020-01-01\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2008-02-03-data.yml", "---\ntitle: data\n---\n");
	testsite_puts(fx.dir, "_posts/_2020-01-01-under.md", "---\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2020-01-01-backup.md~", "---\n---\nx\n");
	testsite_puts(fx.dir, "_posts/2020-13-01-bad-month.md", "---\n---\nx\n");
	fixture_load(&fx, "UTC");
	is_int(fx.posts.n, 10, "the posts Jekyll reads, and one with a date in its front matter");
	const struct post *p = find(&fx, "no-yaml");
	if (ok(p != NULL, "a file of _posts/ without front matter is a post"))
		is_str(p->title, "No Yaml", "titled from its name");
	p = find(&fx, "zeroes");
	if (ok(p != NULL, "2017-2-5-x.md: a date without zeros"))
		is_str(p->url, "/2017/02/05/zeroes.html", "read as 2017-02-05");
	p = find(&fx, "two-digits");
	if (ok(p != NULL, "99-01-02-x.md: a two-digit year"))
		is_str(p->url, "/1999/01/02/two-digits.html", "read as 1999, as Ruby's Time.parse");
	p = find(&fx, "rollover");
	if (ok(p != NULL, "2021-02-30: a day past the month's end"))
		is_str(p->url, "/2021/03/02/rollover.html", "rolls over to March 2, as Time.local");
	p = find(&fx, "dots");
	if (ok(p != NULL, "trailing dots are not part of the slug"))
		is_str(p->entry_id, "https://ex.example/2018/10/12/dots", "id without them");
	p = find(&fx, "Upper Case");
	if (ok(p != NULL, "a name with a space"))
		is_str(p->title, "Upper case", "titleize_slug: each word as Ruby's capitalize");
	p = find(&fx, "hash-#1");
	if (ok(p != NULL, "a name with '#'")) {
		is_str(p->url, "/2009/03/12/hash-1.html", "its URL drops the '#'");
		is_str(p->entry_id, "https://ex.example/2009/03/12/hash-#1",
		       "its id keeps it, as jekyll-feed's absolute_url");
	}
	p = find(&fx, "escape-+ %20[]");
	if (ok(p != NULL, "a name with a space, '%%20' and brackets"))
		is_str(p->entry_id, "https://ex.example/2014/03/22/escape-+%20%20%5B%5D",
		       "its id normalized as Addressable does");
	p = find(&fx, "rmd");
	if (ok(p != NULL, "a .Rmd file without front matter is a post"))
		is_str(p->url, "/2014/11/24/rmd.Rmd", "its URL keeps its extension");
	ok(find(&fx, "notes") != NULL, "another name with a front matter date is a post (feedgen's rule)");
	ok(has_msg(&fx, "2020-13-01-bad-month.md") && fx.failed == 1, "month 13 is no date: an error");
	fixture_end(&fx);

	fixture_start(&fx);
	testsite_puts(fx.dir, "2020-01-01-bare.md", "No front matter.\n");
	testsite_puts(fx.dir, "one.md", "---\ndate: 2020-05-05\n---\nx\n");
	fixture_load(&fx, "UTC");
	ok(fx.posts.n == 1 && find(&fx, "one"), "outside _posts/ a file without front matter is no post");
	fixture_end(&fx);
}

/* feed.collections: the documents of _<label>/ as Jekyll's Collection#read
 * takes them, with the collection's permalink and defaults (the paths and
 * entries against real jekyll-feed: tests/compat, config-rules--collections). */
static void test_collections(void)
{
	struct fixture fx;
	fixture_start(&fx);
	testsite_puts(fx.dir, "_config.yml",
		      "url: https://ex.example\npermalink: pretty\n"
		      "collections:\n  notes: {output: true, permalink: /n/:title/}\n  essays: {}\n"
		      "  other: {}\n"
		      "defaults:\n  - scope: {type: essays}\n    values: {author: Essayist}\n"
		      "feed:\n  collections:\n    notes: {path: /notes.xml}\n"
		      "    essays: {categories: [ideas]}\n    posts: {path: /posts.xml}\n"
		      "    missing: {}\n");
	testsite_puts(fx.dir, "_posts/2021-01-01-post.md", "---\n---\nx\n");
	testsite_puts(fx.dir, "_notes/2021-02-02-note.md", "---\ntitle: A note\n---\nx\n");
	testsite_puts(fx.dir, "_essays/sub/undated.md", "---\ncategories: [ideas]\n---\nx\n");
	testsite_puts(fx.dir, "_essays/2099-01-01-later.md", "---\n---\nx\n");
	testsite_puts(fx.dir, "_essays/2021-01-01-static.md", "no front matter\n");
	testsite_puts(fx.dir, "_essays/_hidden.md", "---\ndate: 2021-01-01\n---\nx\n");
	testsite_puts(fx.dir, "_other/2021-01-01-x.md", "---\n---\nx\n");
	fixture_load(&fx, "UTC");
	is_int(fx.site.ncollections, 2, "feed.collections: the defined ones but posts");
	is_int(fx.posts.n, 1, "documents of collections are not posts");
	is_str(fx.site.feed_path, "/posts.xml", "feed.collections.posts.path is the site feed's");
	struct load_options opt = {.now = 0};
	is_int(load_collections(&fx.site, &opt, &fx.diag), 0, "collections load without errors");
	const struct site_collection *notes = fx.site.ncollections > 0 ? &fx.site.collections[0] : NULL;
	const struct site_collection *essays = fx.site.ncollections > 1 ? &fx.site.collections[1] : NULL;
	if (ok(notes && notes->docs.n == 1, "the note")) {
		is_str(notes->feed_path, "/notes.xml", "its feed's path");
		is_str(notes->docs.v[0]->url, "/n/note/", "the collection's permalink (:title is the slug)");
		is_str(notes->docs.v[0]->entry_id, "https://ex.example/n/note", "jekyll-feed's id");
	}
	if (ok(essays && essays->docs.n == 2, "two essays: front matter needed, '_' names left out")) {
		const struct post *later = essays->docs.v[0], *undated = essays->docs.v[1];
		is_str(later->url, "/essays/2099-01-01-later/",
		       "/:collection/:path with the pretty style's '/'; a future date kept");
		is_str(undated->url, "/essays/sub/undated/", "a folder in the collection is in :path");
		ok(undated->date.sec > 0, "an undated document is dated by its file");
		is_str(undated->author.name, "Essayist", "defaults scoped by the collection's type");
		ok(strlist_has(&essays->categories, "ideas"), "the collection's feed categories");
	}
	fixture_end(&fx);
}

int main(void)
{
	test_front_matter();
	test_authors_data();
	test_dates();
	test_bad_input();
	test_ids_and_filters();
	test_plain_folder();
	test_jekyll_names();
	test_collections();
	test_config_rules();
	test_drafts_and_authors();
	test_disable_in_development();
	return tap_done();
}
