/* fuzz_permalink.c: the bytes as a permalink template against a fixed post
 * with Unicode, spaces and "../" in its names, and as the slug, category,
 * file name and front matter permalink of a second post. Every expansion
 * must be a clean URL path: one leading '/', no "//" or "..", and nothing
 * but path characters and "%XX". */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/text.h"
#include "fuzz.h"
#include "site/permalink.h"

static const char *const fixed_templates[] = {
	"/:categories/:year/:month/:day/:title:output_ext",
	"/:slugified_categories/:path/:name/:slug/",
	"/:year/W:week/:w_day/:short_day/:long_month/:i_month-:i_day/:y_day/:title",
};

static bool path_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != '\0' && strchr("-._~!$&'()*+,;=:@/", c) != NULL);
}

static bool hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static void check_path(const char *url)
{
	fuzz_check(url && url[0] == '/', "a permalink starts with '/'");
	fuzz_check(strstr(url, "//") == NULL, "a permalink has no '//'");
	fuzz_check(strstr(url, "..") == NULL, "a permalink has no '..'");
	for (size_t i = 0; url[i]; i++) {
		unsigned char c = (unsigned char)url[i];
		if (c == '%') {
			fuzz_check(hex((unsigned char)url[i + 1]) && hex((unsigned char)url[i + 2]),
				   "a '%' in a permalink starts an escape");
			i += 2;
			continue;
		}
		fuzz_check(path_char(c), "a permalink holds only URL path characters");
	}
}

static void expand(const char *tmpl, const struct post *p)
{
	char *url = permalink_expand(tmpl, p);
	check_path(url);
	free(url);
}

static void fixed_post(struct post *p)
{
	p->relpath = xstrdup("_posts/2021-12-16-héllo-世界.md");
	p->slug = xstrdup("Héllo 世界 (Ünicode)!");
	p->ext = xstrdup(".md");
	strlist_add(&p->categories, "Tech News");
	strlist_add(&p->categories, "../etc");
	strlist_add(&p->categories, "ÜNÏCÖDÉ");
	strlist_add(&p->categories, "a/b");
	bool utc;
	if (date_parse("2021-12-16 11:20:07 +08:00", DATE_QUOTED, &p->date, &utc, NULL) != 0)
		abort();
}

/* The fuzzed bytes in every name a post has. */
static void fuzzed_post(struct post *p, const char *s)
{
	struct buf rel;
	buf_init(&rel);
	buf_printf(&rel, "_posts/2020-02-29-%s.markdown", s);
	p->relpath = buf_take(&rel);
	p->slug = xstrdup(s);
	p->ext = xstrdup(".markdown");
	p->permalink = xstrdup(s);
	strlist_add(&p->categories, s);
	strlist_add(&p->categories, "İstanbul");
	bool utc;
	if (date_parse("2020-02-29", DATE_QUOTED, &p->date, &utc, NULL) != 0)
		abort();
}

static void check_slug(const char *s)
{
	char *slug = slugify_pretty(s);
	size_t n = strlen(slug);
	fuzz_check(fuzz_utf8_ok(slug, n), "a slug is valid UTF-8");
	fuzz_check(n == 0 || (slug[0] != '-' && slug[n - 1] != '-'), "a slug is trimmed of '-'");
	fuzz_check(strstr(slug, "--") == NULL, "a slug has no '--'");
	free(slug);
}

static void check_unknown(const char *s)
{
	size_t len = 0;
	const char *u = permalink_unknown(s, &len);
	if (!u)
		return;
	fuzz_check(u >= s && u[0] == ':' && len >= 2 && (size_t)(u - s) + len <= strlen(s),
		   "an unknown placeholder is a ':name' inside the template");
}

int fuzz_permalink(const uint8_t *data, size_t size)
{
	fuzz_use_zone("Asia/Shanghai");
	char *s = fuzz_strndup(data, size);
	struct post *a = post_new();
	struct post *b = post_new();
	fixed_post(a);
	fuzzed_post(b, s);
	expand(s, a);
	expand(s, b);
	for (size_t i = 0; i < sizeof fixed_templates / sizeof fixed_templates[0]; i++)
		expand(fixed_templates[i], b);
	check_slug(s);
	check_unknown(s);
	post_free(a);
	post_free(b);
	free(s);
	return 0;
}
