/* fuzz_post.c: the bytes as a post file, loaded twice — as a dated Markdown
 * post at the site's top and as an HTML post in category folders — under two
 * sites; each post that loads is rendered and written as every feed format. */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/text.h"
#include "content/body.h"
#include "fuzz.h"
#include "model/site.h"
#include "site/config.h"
#include "site/loader.h"
#include "site/permalink.h"
#include "site/postfile.h"

struct variant {
	const char *relpath;
	const char *cats[3];
	const char *url, *baseurl, *permalink, *excerpt_separator;
};

static const struct variant variants[] = {
	{ "2021-12-16-hello-世界.md", { NULL }, "https://example.com", "/blog", "date", NULL },
	{ "Blog/Tech Notes/_posts/notes.html", { "Blog", "Tech Notes", NULL },
	  "https://例子.测试", "", "/:categories/:year/:month/:title/", "<!-- more -->" },
};

static void set(char **field, const char *value)
{
	free(*field);
	*field = value ? xstrdup(value) : NULL;
}

static void site_for(struct site *s, const struct variant *v)
{
	site_init(s, fuzz_scratch_dir());
	set(&s->title, "Fuzz & <Site>");
	set(&s->url, v->url);
	set(&s->baseurl, v->baseurl);
	set(&s->permalink, permalink_template(v->permalink));
	set(&s->excerpt_separator, v->excerpt_separator);
	set(&s->timezone, "America/New_York");
}

/* Every string of a post may reach a feed. */
static void check_post(const struct site *site, const struct post *p)
{
	fuzz_check(p->title != NULL, "a loaded post has a title");
	fuzz_check(p->url && p->url[0] == '/', "a post URL starts with '/'");
	char *abs_url = post_abs_url(site, p);
	fuzz_check(abs_url && p->entry_id, "a post has an absolute URL and an id");
	const char *strings[] = { p->title, p->slug, p->description, p->excerpt, p->id,
		p->lang, p->image, p->author.name, p->author.email, p->author.uri,
		p->enclosure.url, p->enclosure.type, p->enclosure.length, p->url,
		abs_url, p->entry_id };
	for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
		fuzz_check(fuzz_xml_text_ok(strings[i]), "post strings are XML text");
	for (size_t i = 0; i < p->categories.n; i++)
		fuzz_check(fuzz_xml_text_ok(p->categories.v[i]), "categories are XML text");
	for (size_t i = 0; i < p->tags.n; i++)
		fuzz_check(fuzz_xml_text_ok(p->tags.v[i]), "tags are XML text");
	free(abs_url);
}

static void run_variant(const struct variant *v, const char *path)
{
	struct site site;
	site_for(&site, v);
	struct strlist cats = { NULL, 0 };
	for (size_t i = 0; v->cats[i]; i++)
		strlist_add(&cats, v->cats[i]);
	struct diag_sink diag;
	diag_sink_init(&diag, NULL);
	bool is_error = false;
	struct post *p = load_post_file(&site, path, v->relpath, &cats, &diag, &is_error);
	strlist_free(&cats);
	if (p) {
		check_post(&site, p);
		char *html = body_render(&site, p, &diag);
		fuzz_check(fuzz_xml_text_ok(html), "rendered bodies are XML text");
		free(html);
		char *summary = body_summary(&site, p, &diag);
		fuzz_check(fuzz_xml_text_ok(summary), "summaries are XML text");
		free(summary);
		struct post_list list = { NULL, 0, 0 };
		post_list_add(&list, p);
		fuzz_check_feeds(&site, &list);
		post_list_free(&list);
	}
	site_free(&site);
}

int fuzz_post(const uint8_t *data, size_t size)
{
	fuzz_use_zone("America/New_York");
	char *path = fuzz_write_file("post", data, size);
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++)
		run_variant(&variants[i], path);
	free(path);
	return 0;
}
