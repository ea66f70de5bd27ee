/* test_jsonfeed.c: the JSON Feed 1.1 writer — its row in the format table,
 * its paths, and what it makes of the article model, field by field, as
 * jsonfeed.org's version 1.1 page and its mapping from RSS and Atom say. Each
 * test builds a small site in a temporary folder, loads it as feedgen does,
 * writes through feed_write_shared() (the path `feedgen` takes) and reads the
 * JSON back with jansson. The validator reads the same output back in
 * tests/jsonfeed.sh. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>
#include <libxml/parser.h>

#include "base/date.h"
#include "base/text.h"
#include "feeds/feed.h"
#include "feeds/formats.h"
#include "feeds/jsonfeed.h"
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
	struct site_links links;
	struct write_options wo;
	struct write_shared sh;
};

static void fixture_start(struct fixture *fx)
{
	memset(fx, 0, sizeof *fx);
	testsite_mkdtemp(fx->dir, "json");
}

static void fixture_load(struct fixture *fx, enum content_mode content)
{
	diag_sink_init(&fx->diag, NULL);
	testsite_load(fx->dir, NULL, &fx->site, &fx->posts, &fx->diag);
	site_links_init(&fx->links, &fx->site);
	fx->wo = (struct write_options){content, "9.9"};
	fx->sh = (struct write_shared){&fx->links, render_cache_new(fx->posts.n)};
}

static void fixture_end(struct fixture *fx)
{
	render_cache_free(fx->sh.cache);
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

/* The site feed in JSON, as bytes. */
static char *render_site(struct fixture *fx, int *rc)
{
	const struct format *json = feed_format_find("json");
	struct feed f;
	feed_init_site(&f, &fx->site, &fx->posts, 0, json);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	xmlOutputBufferPtr out = xmlOutputBufferCreateIO(buf_write_cb, NULL, &b, NULL);
	*rc = feed_write_shared(json, out, &fx->site, &f, &fx->wo, &fx->sh, &fx->diag);
	feed_free(&f);
	return buf_take(&b);
}

static json_t *load(const char *text)
{
	json_error_t err;
	json_t *root = json_loads(text, JSON_REJECT_DUPLICATES, &err);
	if (!root)
		printf("# %d:%d: %s\n", err.line, err.column, err.text);
	return root;
}

/* The string at a path of object keys and array indexes ("items", "0",
 * "title"), NULL when there is none. */
static const char *str_at(json_t *v, const char *const *path)
{
	for (; *path && v; path++)
		v = json_is_array(v) ? json_array_get(v, strtoul(*path, NULL, 10))
				     : json_object_get(v, *path);
	return json_string_value(v);
}

#define S(root, ...) str_at((root), (const char *const[]){__VA_ARGS__, NULL})

static json_t *item_of(json_t *root, size_t i)
{
	return json_array_get(json_object_get(root, "items"), i);
}

/* ---- the format table ---- */

static void test_format(void)
{
	const struct format *json = feed_format_find("json");
	ok(json != NULL, "the format table has json");
	if (!json)
		return;
	is_str(json->ext, ".json", "its files end in .json");
	is_str(json->media_type, "application/feed+json", "media type of JSON Feed 1.1");
	ok(json->write == NULL && json->write_bytes == jsonfeed_write, "it writes bytes, not XML");
	ok(feed_format_find("atom")->write && !feed_format_find("atom")->write_bytes,
	   "Atom still writes through xmlTextWriter");
	char *p = feed_path_for_format("feed.xml", json);
	is_str(p, "feed.json", "feed.json beside feed.xml");
	free(p);
	p = feed_path_for_format("feed/by_tag/港股.xml", json);
	is_str(p, "feed/by_tag/港股.json", "feed/by_tag/<tag>.json beside the Atom tag feed");
	free(p);
	p = feed_path_for_format("feed.json", json);
	is_str(p, "feed.json.json", "an Atom path ending in .json does not collide");
	free(p);
}

/* ---- the mapping ---- */

static void setup_extras(struct fixture *fx)
{
	testsite_puts(fx->dir, "_config.yml",
	    "title: \"Site & <b>Co</b>\"\ndescription: About <i>things</i>\nurl: https://ex.example\n"
	    "lang: zh_CN\ntimezone: Asia/Shanghai\nauthor: {name: 编辑部, email: ed@ex.example}\n"
	    "feed:\n  hub: https://hub.example/\n  logo: /logo.png\n  icon: /icon.png\n");
	testsite_puts(fx->dir, "_posts/2021-12-16-ep1.md",
	    "---\ntitle: \"Episode 1: <b>bold</b> & 港股\"\ndate: 2021-12-16 11:20:07 +0800\n"
	    "updated: 2021-12-20\ncategories: [Podcast]\ntags: [audio, Podcast]\nlang: fr\n"
	    "image: /img/ep 1.png\nenclosure: {url: /audio/ep1.mp3, length: 1234}\n"
	    "excerpt: The first one.\nauthor: {name: 李明, uri: https://ex.example/li}\n---\n"
	    "Body with [a link](/x) and \"quotes\" \\\\ backslash.\n");
	testsite_puts(fx->dir, "_posts/2021-12-10-video.md",
	    "---\ntitle: Video\nid: tag:ex.example,2021:video\n"
	    "enclosure: {url: 'https://cdn.example/v.bin', length: 0, type: video/mp4}\n---\nclip\n");
	testsite_puts(fx->dir, "_posts/2021-12-01-empty.md", "---\ntitle: Empty\n---\n");
}

static void test_mapping(void)
{
	struct fixture fx;
	fixture_start(&fx);
	setup_extras(&fx);
	fixture_load(&fx, CONTENT_FULL);
	int rc;
	char *text = render_site(&fx, &rc);
	is_int(rc, 0, "the JSON Feed is written");
	json_t *root = load(text);
	ok(root != NULL, "it is JSON, without duplicate member names");
	if (!root) {
		free(text);
		fixture_end(&fx);
		return;
	}
	ok(strncmp(text, "{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n", 51) == 0,
	   "version first, indented by two spaces");
	ok(strstr(text, "港股") && !strstr(text, "\\u"), "UTF-8 written as it is, not \\u-escaped");
	ok(text[strlen(text) - 1] == '\n' && text[strlen(text) - 2] == '}', "a final newline");
	is_str(S(root, "title"), "Site & Co", "title: the site title as plain text");
	is_str(S(root, "home_page_url"), "https://ex.example/", "home_page_url: the site's home page");
	is_str(S(root, "feed_url"), "https://ex.example/feed.json", "feed_url: this file");
	is_str(S(root, "description"), "About things", "description: the site description as text");
	is_str(S(root, "icon"), "https://ex.example/logo.png", "icon: feed.logo, the larger image");
	is_str(S(root, "favicon"), "https://ex.example/icon.png", "favicon: feed.icon");
	is_str(S(root, "authors", "0", "name"), "编辑部", "authors: the site author (1.1 array)");
	is_str(S(root, "authors", "0", "url"), "mailto:ed@ex.example",
	       "an author with an address only: a mailto: url");
	ok(json_object_get(root, "author") == NULL, "no deprecated singular author");
	is_str(S(root, "language"), "zh-CN", "language in RFC 5646 form");
	is_str(S(root, "hubs", "0", "type"), "WebSub", "hubs: feed.hub is a WebSub hub");
	is_str(S(root, "hubs", "0", "url"), "https://hub.example/", "with its URL");
	is_str(S(root, "_feedgen", "version"), "9.9", "the generator in an extension object");
	is_int(json_array_size(json_object_get(root, "items")), 3, "an item per post");

	const struct post *p = fx.posts.v[0];
	json_t *it = item_of(root, 0);
	is_str(S(it, "id"), p->entry_id, "id: the entry id Atom and RSS use");
	char *abs_url = post_abs_url(&fx.site, p);
	is_str(S(it, "url"), abs_url, "url: the permalink");
	free(abs_url);
	is_str(S(it, "title"), "Episode 1: bold & 港股", "title as plain text");
	const char *html = S(it, "content_html");
	ok(html && strstr(html, "<a href=\"https://ex.example/x\">a link</a>") &&
	   strstr(html, "\xE2\x80\x9Cquotes\xE2\x80\x9D \\ backslash"),
	   "content_html: the body, links absolute (their quotes intact), smart quotes as "
	   "kramdown writes them, backslashes intact");
	ok(!json_object_get(it, "content_text"), "no content_text beside the HTML");
	is_str(S(it, "summary"), "The first one.", "summary: the excerpt, as Atom's summary");
	is_str(S(it, "image"), "https://ex.example/img/ep%201.png", "image: absolute, encoded");
	is_str(S(it, "date_published"), "2021-12-16T11:20:07+08:00", "date_published in RFC 3339");
	is_str(S(it, "date_modified"), "2021-12-20T00:00:00+08:00", "date_modified from updated");
	is_str(S(it, "authors", "0", "name"), "李明", "the post's own author");
	is_str(S(it, "authors", "0", "url"), "https://ex.example/li", "with its uri as url");
	is_int(json_array_size(json_object_get(it, "tags")), 2, "tags: categories and tags, each once");
	is_str(S(it, "tags", "0"), "Podcast", "categories first");
	is_str(S(it, "tags", "1"), "audio", "then tags");
	is_str(S(it, "language"), "fr", "language of the item");
	is_str(S(it, "attachments", "0", "url"), "https://ex.example/audio/ep1.mp3",
	       "attachments: the enclosure, absolute");
	is_str(S(it, "attachments", "0", "mime_type"), "audio/mpeg", "mime_type guessed as for RSS");
	is_int(json_integer_value(json_object_get(json_array_get(json_object_get(it, "attachments"), 0),
						  "size_in_bytes")), 1234, "size_in_bytes: the length");

	it = item_of(root, 1);
	is_str(S(it, "id"), "tag:ex.example,2021:video", "front matter id kept");
	ok(!json_object_get(it, "date_modified"), "no date_modified without updated");
	ok(!json_object_get(it, "authors"), "no item authors: the feed's apply");
	is_str(S(it, "summary"), "clip",
	       "summary without excerpt or description: the body's excerpt, as jekyll-feed");
	is_str(S(it, "attachments", "0", "mime_type"), "video/mp4", "a given type kept");
	ok(!json_object_get(json_array_get(json_object_get(it, "attachments"), 0), "size_in_bytes"),
	   "length 0 (\"not known\" in RSS) is no size_in_bytes");
	ok(!json_object_get(it, "tags"), "no tags when there are none");

	it = item_of(root, 2);
	is_str(S(it, "content_text"), "", "an empty post still has content: content_text \"\"");
	ok(!json_object_get(it, "content_html"), "and no empty content_html");

	int rc2;
	char *again = render_site(&fx, &rc2);
	is_str(again, text, "same posts, same bytes");
	free(again);
	json_decref(root);
	free(text);
	fixture_end(&fx);
}

static void test_content_modes(void)
{
	struct fixture fx;
	fixture_start(&fx);
	setup_extras(&fx);
	fixture_load(&fx, CONTENT_SUMMARY);
	int rc;
	char *text = render_site(&fx, &rc);
	json_t *root = load(text);
	json_t *it = item_of(root, 0);
	is_str(S(it, "content_text"), "The first one.", "--content summary: the summary is the content");
	ok(!json_object_get(it, "content_html") && !json_object_get(it, "summary"),
	   "without HTML and without repeating it as summary");
	is_str(S(item_of(root, 1), "content_text"), "clip", "a post's first paragraph as its summary");
	json_decref(root);
	free(text);
	fixture_end(&fx);

	fixture_start(&fx);
	setup_extras(&fx);
	fixture_load(&fx, CONTENT_BOTH);
	text = render_site(&fx, &rc);
	root = load(text);
	it = item_of(root, 1);
	ok(S(it, "content_html") && S(it, "summary"), "--content both: content_html and summary");
	json_decref(root);
	free(text);
	fixture_end(&fx);
}

/* ---- feeds of a site, and failures ---- */

static void test_set(void)
{
	struct fixture fx;
	fixture_start(&fx);
	setup_extras(&fx);
	fixture_load(&fx, CONTENT_FULL);
	struct feed_set_options o = {.limit = 0, .categories = true, .tags = true,
				     .formats = {feed_format_find("json"), NULL}};
	struct feed_set set;
	feed_set_build(&set, &fx.site, &fx.posts, &o, &fx.diag);
	bool site = false, cat = false, tag = false, only_json = true;
	for (size_t i = 0; i < set.n; i++) {
		const struct feed *f = &set.v[i];
		site |= strcmp(f->path, "feed.json") == 0;
		cat |= strcmp(f->path, "feed/Podcast.json") == 0 &&
		       strcmp(f->self_url, "https://ex.example/feed/Podcast.json") == 0;
		tag |= strcmp(f->path, "feed/by_tag/audio.json") == 0;
		only_json &= strcmp(f->format->name, "json") == 0;
	}
	ok(site && cat && tag, "feed.json, feed/<category>.json, feed/by_tag/<tag>.json");
	ok(only_json, "only JSON Feeds when only json is asked for");
	feed_set_free(&set);
	fixture_end(&fx);
}

static int failing_write(void *ctx, const char *p, int n)
{
	(void)ctx;
	(void)p;
	(void)n;
	return -1;
}

static void test_write_failure(void)
{
	struct fixture fx;
	fixture_start(&fx);
	setup_extras(&fx);
	fixture_load(&fx, CONTENT_FULL);
	const struct format *json = feed_format_find("json");
	struct feed f;
	feed_init_site(&f, &fx.site, &fx.posts, 0, json);
	xmlOutputBufferPtr out = xmlOutputBufferCreateIO(failing_write, NULL, NULL, NULL);
	is_int(feed_write_shared(json, out, &fx.site, &f, &fx.wo, &fx.sh, &fx.diag), -1,
	       "a failed write fails the feed");
	feed_free(&f);
	fixture_end(&fx);
}

int main(void)
{
	test_format();
	test_mapping();
	test_content_modes();
	test_set();
	test_write_failure();
	xmlCleanupParser();
	return tap_done();
}
