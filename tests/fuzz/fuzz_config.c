/* fuzz_config.c: the bytes as _config.yml. The site read from them (its zone,
 * permalink, URLs, feed keys) then loads a fixed post and writes every feed
 * format, which must come out well-formed. */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "model/site.h"
#include "site/config.h"
#include "site/loader.h"
#include "site/permalink.h"
#include "site/postfile.h"

static const char fixed_post[] =
	"---\n"
	"title: \"Hello, 世界 & <friends>\"\n"
	"date: 2021-12-16 11:20:07 +0800\n"
	"categories: [News, 市场]\n"
	"tags: one two\n"
	"---\n"
	"First paragraph with [a link](../other/) and ![img](/img/a.png).\n"
	"\n"
	"<!-- more -->\n"
	"<p>More <a href=\"x.html\">text</a>.</p>\n";

static void check_site(const struct site *s)
{
	const char *strings[] = { s->title, s->description, s->url, s->baseurl, s->lang,
		s->author.name, s->author.email, s->author.uri, s->feed_path, s->feed_icon,
		s->feed_logo, s->feed_hub, s->feed_style };
	for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
		fuzz_check(fuzz_utf8_ok(strings[i] ? strings[i] : "", strings[i] ? strlen(strings[i]) : 0),
			   "site strings are UTF-8");
	fuzz_check(s->permalink != NULL && s->feed_path != NULL, "a site has a permalink and a feed path");
	size_t len;
	permalink_unknown(s->permalink, &len);
}

int fuzz_config(const uint8_t *data, size_t size)
{
	char *cfg = fuzz_write_file("_config.yml", data, size);
	char *post = fuzz_write_file("post.md", (const uint8_t *)fixed_post, sizeof fixed_post - 1);
	struct site site;
	site_init(&site, fuzz_scratch_dir());
	struct diag_sink diag;
	diag_sink_init(&diag, NULL);
	if (site_load(&site, fuzz_scratch_dir(), &diag) == 0) {
		check_site(&site);
		fuzz_use_zone(site.timezone);
		struct strlist none = { NULL, 0 };
		bool is_error = false;
		struct post *p = load_post_file(&site, post, "2021-12-16-hello.md", &none, &diag, &is_error);
		fuzz_check(p != NULL, "the fixed post loads under any site");
		struct post_list list = { NULL, 0, 0 };
		post_list_add(&list, p);
		fuzz_check_feeds(&site, &list);
		post_list_free(&list);
	}
	site_free(&site);
	free(cfg);
	free(post);
	return 0;
}
