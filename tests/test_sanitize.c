/* test_sanitize.c: body HTML made well-formed and inert (content/sanitize.h).
 * Clean HTML as the Markdown renderers write it comes back byte for byte;
 * the rest is well-formed (libxml2's XML parser reads it as the content of
 * one element) and holds no script, handler or script URL. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "base/text.h"
#include "content/markdown.h"
#include "content/sanitize.h"
#include "tap.h"

/* Is html, wrapped in one element, a well-formed XML document? (HTML's
 * named entities but the XML ones would not be: the writer never makes
 * them.) */
static int well_formed(const char *html)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "<div>%s</div>", html);
	xmlDocPtr doc = xmlReadMemory(b.data, (int)b.len, NULL, "UTF-8",
				      XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET | XML_PARSE_HUGE);
	buf_free(&b);
	xmlFreeDoc(doc);
	return doc != NULL;
}

static void same(const char *html, const char *what)
{
	struct sanitize_report r;
	char *got = html_sanitize(xstrdup(html), &r);
	is_str(got, html, "clean, kept byte for byte: %s", what);
	ok(!sanitize_removed(&r), "  and nothing reported removed");
	free(got);
}

static void becomes(const char *html, const char *want, size_t removed, const char *what)
{
	struct sanitize_report r;
	char *got = html_sanitize(xstrdup(html), &r);
	is_str(got, want, "%s", what);
	ok(well_formed(got), "  well-formed");
	is_int((int)(r.elements + r.handlers + r.urls), (int)removed, "  %zu removed (first %s)",
	       removed, r.first);
	free(got);
}

int main(void)
{
	/* What cmark-gfm and the kramdown layer write. */
	static const char *const md[] = {
		"# Title {#t}\n\nSome *text* & more <b>bold</b> `a<b` and [a link](https://x.example/?a=1&b=2 \"t\").\n\n"
		"* one\n* two\n\n```c\nif (a < b && c) return;\n```\n\n> quote\n\n---\n\n![img](/a.png)\n\n"
		"| a | b |\n|---|---|\n| 1 | 2 |\n\nline  \nbreak\n\n1. x\n2. y\n\n<!-- more -->\n\ntext\n",
		"精度满足 1% 的要求, a &amp; b, &#x4E2D;\n",
	};
	for (size_t i = 0; i < sizeof md / sizeof md[0]; i++) {
		char *html = markdown_to_html(md[i], strlen(md[i]), MARKDOWN_KRAMDOWN);
		same(html, "Markdown's HTML");
		ok(well_formed(html), "  which is well-formed");
		free(html);
	}
	same("<p>a <img src=\"/x.png\" alt=\"x\" /> b<br />c</p>\n<hr />\n", "void elements");
	same("<div class=\"a\"><p>x</p></div>\n", "nested blocks");

	/* Bare < and &: escaped, the rest kept. */
	becomes("精度满足<1% & done", "精度满足&lt;1% &amp; done", 0, "a bare < and & escaped");
	becomes("<p>a < b</p>", "<p>a &lt; b</p>", 0, "a bare < in a paragraph");
	becomes("<p>one<p>two", "<p>one</p><p>two</p>", 0, "unclosed paragraphs closed");
	becomes("<b><i>x</b></i>", "<b><i>x</i></b>", 0, "misnested tags put right");
	becomes("<DIV CLASS=a>x</DIV>", "<div class=\"a\">x</div>", 0, "names lowered, attributes quoted");
	becomes("<p title='a \"q\" &amp; b'>x</p>", "<p title=\"a &quot;q&quot; &amp; b\">x</p>", 0,
		"attribute values escaped");
	becomes("a &copy; b &bogus; c", "a \xC2\xA9 b &amp;bogus; c", 0, "entities decoded or escaped");
	becomes("<br>", "<br />", 0, "void elements closed");

	/* Active content. */
	becomes("<p>hi<script>alert(1)</script></p>", "<p>hi</p>", 1, "script removed");
	becomes("<p onclick=\"x()\" class=\"c\">t</p>", "<p class=\"c\">t</p>", 1, "onclick removed");
	becomes("<a href=\" JaVa\tScRiPt:alert(1)\">x</a>", "<a>x</a>", 1, "javascript: href removed");
	becomes("<a href=\"javascript&#58;alert(1)\">x</a>", "<a>x</a>", 1,
		"javascript: behind a character reference removed");
	becomes("<a href=\"data:text/html,x\">x</a><img src=\"data:image/png;base64,AA\" />",
		"<a>x</a><img src=\"data:image/png;base64,AA\" />", 1, "data: removed but for images");
	becomes("<iframe src=\"https://video.example/v/1\"></iframe>",
		"<a href=\"https://video.example/v/1\">https://video.example/v/1</a>", 1,
		"an iframe becomes a link to its page");
	becomes("<object data=\"javascript:x\"><embed src=\"/a.swf\"></object>", "", 1,
		"an object with a script URL: gone");
	becomes("<form action=\"/x\"><input name=\"q\" /></form>", "<input name=\"q\" />", 1,
		"form tags removed, their content kept");
	becomes("<p style=\"color: red\">a</p><p style=\"x: expression(alert(1))\">b</p>",
		"<p style=\"color: red\">a</p><p>b</p>", 1, "a style with script removed, others kept");
	becomes("<svg><script>x</script><a xlink:href=\"javascript:x\">y</a></svg>",
		"<svg><a>y</a></svg>", 2, "script and script URLs inside svg");
	becomes("<p>a <scriptx a=\"1\">b</scriptx> <metadata>c</metadata></p>", "<p>a b c</p>", 0,
		"unknown elements named like script written without their tags");
	becomes("<!--[if IE]><script>x</script><![endif]--><p>a</p>", "<p>a</p>", 0,
		"comments dropped when the parser is needed");
	becomes("<p>Use javascript: URLs and onload= handlers</p>",
		"<p>Use javascript&#58; URLs and onload&#61; handlers</p>", 0,
		"text that reads as script defused, kept");
	becomes("<pre>\nx</pre><p>&</p>", "<pre>\nx</pre><p>&amp;</p>", 0,
		"the newline after <pre> kept");
	becomes("<style>p{color:red}</style><p>x</p>", "<style>p{color:red}</style><p>x</p>", 0,
		"a style element in the body stays there");

	/* Bounded: deep nesting is written without recursion. */
	struct buf deep;
	buf_init(&deep);
	for (int i = 0; i < 100000; i++)
		buf_adds(&deep, "<span>");
	buf_adds(&deep, "x <");
	struct sanitize_report r;
	char *got = html_sanitize(buf_take(&deep), &r);
	ok(got && well_formed(got), "100,000 unclosed spans: well-formed");
	free(got);
	/* Plain text as HTML (an RSS description from a summary): escaped, and
	 * the words validators read as script defused, as in sanitized HTML. */
	struct { const char *in, *want; } texts[] = {
		{ "a < b & c > d \"q\"", "a &lt; b &amp; c &gt; d \"q\"" },
		{ "javascript:", "javascript&#58;" },
		{ "VBScript: x onclick=y", "VBScript&#58; x onclick&#61;y" },
		{ "精度", "精度" },
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char *esc = html_escape_text(texts[i].in);
		is_str(esc, texts[i].want, "html_escape_text");
		free(esc);
	}

	return tap_done();
}
