/* fuzz_html.c: the bytes as a post body — Markdown as kramdown writes it, then (and
 * also as they are, as raw HTML) links made absolute, text extracted, and
 * the excerpt cut under both kinds of excerpt separator. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "content/body.h"
#include "fuzz.h"
#include "model/site.h"
#include "site/config.h"

#define BASE "https://example.com/blog/2021/12/16/post.html"

/* Callers only hand html_to_text() valid UTF-8 (render_source() cuts a body
 * at its first invalid byte, front matter is checked whole), so the text is
 * taken from the valid prefix, as they would. */
static void absolutize_and_text(const char *html, const char *base)
{
	char *abs = html_absolutize(html, base);
	fuzz_check(abs != NULL, "html_absolutize answers");
	if (!strchr(html, '<'))
		fuzz_check(strcmp(abs, html) == 0, "text without tags is copied as it is");
	abs[utf8_valid_prefix(abs, strlen(abs))] = '\0';
	char *text = html_to_text(abs);
	fuzz_check(text != NULL, "html_to_text answers");
	fuzz_check(fuzz_xml_text_ok(text), "extracted text is XML text");
	free(text);
	free(abs);
}

static void excerpts(const char *s, size_t n)
{
	static const char *const separators[] = { NULL, "<!-- more -->", "\n\n\n" };
	for (size_t i = 0; i < sizeof separators / sizeof separators[0]; i++) {
		struct site site;
		site_init(&site, ".");
		if (separators[i])
			site.excerpt_separator = xstrdup(separators[i]);
		char *ex = body_excerpt_source(&site, s, n);
		fuzz_check(ex != NULL && strlen(ex) <= n, "an excerpt is part of the body");
		free(ex);
		site_free(&site);
	}
}

int fuzz_html(const uint8_t *data, size_t size)
{
	char *s = fuzz_strndup(data, size);
	char *html = body_markdown_to_html((const char *)data, size);
	fuzz_check(html != NULL, "Markdown always renders");
	absolutize_and_text(html, BASE);
	absolutize_and_text(s, BASE);
	absolutize_and_text(s, "https://例子.测试/a b/c?q=1");
	excerpts(s, strlen(s));
	free(html);
	free(s);
	return 0;
}
