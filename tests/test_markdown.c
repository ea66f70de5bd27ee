/* test_markdown.c: Markdown as kramdown writes it (content/markdown.c,
 * content/kramdown_ext.c), one extension at a time, CommonMark mode, and
 * hostile input. The expected HTML is what kramdown 2.4 with Jekyll's
 * defaults writes (tests/kramdown-diff.sh compares with it directly). */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/text.h"
#include "content/markdown.h"
#include "tap.h"

static char *kd(const char *md)
{
	return markdown_to_html(md, strlen(md), MARKDOWN_KRAMDOWN);
}

/* Does rendering md (kramdown mode) contain want? */
static void has(const char *md, const char *want, const char *what)
{
	char *html = kd(md);
	ok(strstr(html, want) != NULL, "%s", what);
	if (!strstr(html, want))
		printf("# want: %s\n# got:  %s\n", want, html);
	free(html);
}

static void lacks(const char *md, const char *unwanted, const char *what)
{
	char *html = kd(md);
	ok(strstr(html, unwanted) == NULL, "%s", what);
	if (strstr(html, unwanted))
		printf("# got: %s\n", html);
	free(html);
}

static void test_ial(void)
{
	has("{: .lead}\nA paragraph.\n", "<p class=\"lead\">A paragraph.</p>", "block IAL above a paragraph");
	has("A paragraph.\n{: #x .c title=\"t\"}\n", "<p id=\"x\" class=\"c\" title=\"t\">A paragraph.</p>",
	    "block IAL below a paragraph, id, class and a quoted value");
	has("## Changes\n{: #changes}\n", "<h2 id=\"changes\">Changes</h2>", "IAL id replaces the auto id");
	has("* a\n* b\n{: .list}\n", "<ul class=\"list\">", "IAL at the margin under a list: the list's");
	has("> quoted\n{: .note}\n", "<blockquote class=\"note\">", "IAL under a quote: the quote's");
	has("[the manual](https://example.com){:target=\"_blank\"}\n",
	    "<a href=\"https://example.com\" target=\"_blank\">the manual</a>", "span IAL on a link");
	has("![A](/a.png){: width=\"400\"}\n", "<img src=\"/a.png\" alt=\"A\" width=\"400\" />",
	    "span IAL on an image");
	has("*em*{: .x} text\n", "<em class=\"x\">em</em> text", "span IAL on emphasis");
	has("{:.a}\n{:.b}\nPara\n", "<p class=\"a b\">Para</p>", "two IALs: classes joined");
	has("# Header\n{: id=\"\"}\n", "<h1>Header</h1>", "{: id=\"\"} takes the id away");
	lacks("{:ref: .x}\nPara\n", "ref", "an attribute list definition is left out");
	has("{:ref: .x}\nPara\n", "<p>Para</p>", "and gives no attributes");
	has("text {: .x} more\n", "<p>text {: .x} more</p>",
	    "an IAL after plain text stays text, as kramdown keeps it");
	has("A \\{: .x} b\n", "<p>A {: .x} b</p>", "an escaped IAL is text");
	has("`c`{: .a}{: .b}\n", "class=\"language-plaintext highlighter-rouge a b\"",
	    "two span IALs in a row both apply");
	has("{:r: .x key=\"v\"}\n\nPara\n{: r .y}\n", "<p class=\"x y\" key=\"v\">Para</p>",
	    "a block IAL refers to an ALD: its attributes first");
	has("A `c`{: r}\n\n{:r: .x}\n", "class=\"language-plaintext highlighter-rouge x\"",
	    "a span IAL refers to an ALD defined later");
	has("{:a: .x b}\n{:b: .y a}\nP\n{: a}\n", "<p class=\"y x y x\">P</p>",
	    "ALDs referring to each other in a circle: expanded 4 deep (kramdown overflows its stack)");
	has("* T\n{:toc}\n\n# One\n\n## Two\n\n# Three {#t}\n",
	    "<ul id=\"markdown-toc\">\n"
	    "  <li><a href=\"#one\" id=\"markdown-toc-one\">One</a>    <ul>\n"
	    "      <li><a href=\"#two\" id=\"markdown-toc-two\">Two</a></li>\n"
	    "    </ul>\n"
	    "  </li>\n"
	    "  <li><a href=\"#t\" id=\"markdown-toc-t\">Three</a></li>\n"
	    "</ul>\n<h1 id=\"one\">One</h1>", "{:toc}: the table of contents as kramdown writes it");
	lacks("* T\n{:toc}\n\n# One\n{: .no_toc}\n", "markdown-toc", "no_toc headings are left out");
	has("1. T\n{:toc .c}\n\n# [L](x.html)\n", "<ol class=\"c\" id=\"markdown-toc\">\n"
	    "  <li><a href=\"#l\" id=\"markdown-toc-l\">L</a></li>\n</ol>",
	    "an ordered table with attributes, links in headings unwrapped");
	has("x $$a<b$$ y\n", "<p>x \\(a&lt;b\\) y</p>", "inline math: \\( \\) as mathjax");
	has("$$\nz & w\n$$\n", "\\[z &amp; w\\]\n", "block math: \\[ \\] without <p>");
	has("`$$a$$`\n", "<code class=\"language-plaintext highlighter-rouge\">$$a$$</code>",
	    "no math in code");
	has("    $$a$$\n", "<code>$$a$$\n</code>", "no math in an indented code block");
	has("$5 and $6\n", "<p>$5 and $6</p>", "single dollars are text");
	has("{:.cls}\n<div>\ntest\n</div>\n{:#id}\n", "<div class=\"cls\" id=\"id\">\ntest\n</div>\n",
	    "IALs around an HTML block: on its first tag");
	lacks("<div>\nx\n</div>\n{:#id}\n$$y$$ {::comment}c{:/}\n", "\xEF\xB7",
	      "no marker is ever written out of an HTML block");
	has("```\n{: .x}\n```\n", "<code>{: .x}\n</code>", "no IAL inside fenced code");
	has("`{: .x}`\n", "<code class=\"language-plaintext highlighter-rouge\">{: .x}</code>",
	    "no IAL inside a code span");
}

static void test_header_ids(void)
{
	has("# Hello *World* & \"Friends\"\n", "<h1 id=\"hello-world--friends\">", "punctuation dropped, spaces made '-'");
	has("# A\n\n# A\n\n# A\n", "<h1 id=\"a-2\">", "a repeated id gets -1, -2");
	has("## 中文 Ünïcode_x\n", "id=\"中文-ünïcode_x\"", "letters of any script kept and lower-cased");
	has("## 2020 in review\n", "id=\"2020-in-review\"", "a leading digit is kept (GFM ids)");
	has("## Install {#setup}\n", "<h2 id=\"setup\">Install</h2>", "the {#id} shorthand");
	has("## A {: #b .c}\n", "<h2 id=\"b\" class=\"c\">A</h2>", "an IAL at the end of a header line");
	has("### `_config.yml` explained\n", "id=\"_configyml-explained\"", "code text counts");
}

static void test_footnotes(void)
{
	const char *md = "A[^why] and B[^1], again[^why].\n\n[^why]: Because.\n[^1]: One.\n";
	has(md, "<sup id=\"fnref:why\" role=\"doc-noteref\"><a href=\"#fn:why\" class=\"footnote\" "
		"rel=\"footnote\">1</a></sup>", "a reference: its label in ids, its number shown");
	has(md, "<sup id=\"fnref:why:1\"", "a second reference to the same note");
	has(md, "<li id=\"fn:1\" role=\"doc-endnote\">", "notes numbered by first reference");
	has(md, "<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol>", "notes in kramdown's div");
	has(md, "Because.\xC2\xA0<a href=\"#fnref:why\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a> "
		"<a href=\"#fnref:why:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;<sup>2</sup></a></p>",
	    "a way back for each reference");
	lacks("No note[^none].\n", "<sup", "a reference without a note stays text");
}

static void test_deflists(void)
{
	has("Atom\n: A feed format.\n", "<dl>\n<dt>Atom</dt>\n<dd>A feed format.</dd>\n</dl>", "term and definition");
	has("A\nB\n: both\n", "<dt>A</dt>\n<dt>B</dt>\n<dd>both</dd>", "two terms");
	has("A\n: one\n: two\n", "<dd>one</dd>\n<dd>two</dd>", "two definitions");
	has("A\n: one\n\nB\n: two\n", "<dd>one</dd>\n<dt>B</dt>", "one list across a blank line");
	has("A\n\n: one\n", "<dt>A</dt>\n<dd><p>one</p></dd>", "a definition after a blank line");
	lacks(": not a list\n", "<dl>", "a first line with ':' is text");
}

static void test_abbreviations(void)
{
	const char *md = "The HTML spec, not XHTML.\n\n*[HTML]: Hyper Text Markup Language\n";
	has(md, "The <abbr title=\"Hyper Text Markup Language\">HTML</abbr> spec", "an abbreviation");
	has(md, "not XHTML.", "only whole words");
	lacks(md, "*[HTML]", "the definition is not shown");
	has("x CSS\n\n*[CSS]:\n", "<abbr>CSS</abbr>", "an empty definition: <abbr> without title");
}

static void test_typography(void)
{
	has("\"Hi\" -- it's --- done...\n", "<p>\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x93 it\xE2\x80\x99s \xE2\x80\x94 done\xE2\x80\xA6</p>",
	    "smart quotes, ndash, mdash, hellip");
	has("<< oui >>\n", "\xC2\xAB oui \xC2\xBB", "<< and >> as laquo and raquo");
	has("`<< x`\n", "&lt;&lt; x</code>", "not in code");
}

static void test_extensions(void)
{
	const char *md = "Before.\n\n{::comment}\nhidden text\n{:/comment}\n\n{::nomarkdown}\n<b>raw *x*</b>\n{:/nomarkdown}\n\nAfter.\n";
	has(md, "<!-- hidden text -->", "{::comment} becomes an HTML comment");
	has(md, "<b>raw *x*</b>", "{::nomarkdown} is copied as it is");
	lacks(md, "<p><b>", "a block extension is not wrapped in <p>");
	has("a {::comment}x{:/comment} b\n", "a <!-- x --> b", "an inline comment");
	lacks("{::options auto_ids=\"false\" /}\nText\n", "options", "{::options /} is left out");
	lacks("{::nomarkdown type=\"latex\"}\n\\begin{x}\n{:/}\n", "begin", "nomarkdown for another converter");
	has("<div markdown=\"1\">\nSome *text*\n</div>\n", "<div>\n<p>Some <em>text</em></p>", "markdown=\"1\" content is Markdown");
}

static void test_blocks(void)
{
	has("```ruby\ndef x; end\n```\n", "<div class=\"language-ruby highlighter-rouge\"><div class=\"highlight\">"
		"<pre class=\"highlight\"><code>def x; end\n</code></pre></div></div>", "fenced code as Jekyll with rouge writes it");
	has("```mermaid\ngraph\n```\n", "<pre><code class=\"language-mermaid\">graph\n</code></pre>",
	    "a language rouge does not know: a bare <pre>, as kramdown writes it");
	has("```JS\nx\n```\n", "<pre><code class=\"language-JS\">", "rouge's names are case-sensitive");
	has("~~~\nplain & <b>\n~~~\n", "language-plaintext highlighter-rouge", "~~~ fences, plaintext by default");
	has("    indented\n", "<code>indented\n</code>", "indented code");
	has("- [x] done\n- [ ] todo\n", "<ul class=\"task-list\">\n<li class=\"task-list-item\"><input type=\"checkbox\" "
		"class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />done</li>", "task lists");
	has("|a|b|\n|:-|-:|\n|1|2|\n", "<td style=\"text-align: right\">2</td>", "table alignment");
	has("|a|\n|-|\n|1|\n", "<thead>\n<tr>\n<th>a</th>", "table head");
	has("- a\n- b\n", "<li>a</li>", "a tight list item is bare");
	has("- a\n\n- b\n", "<li><p>a</p>", "an item followed by a blank line is a paragraph");
	has("x  \ny\n", "x<br />\ny", "hard line break");
	has("~~gone~~\n", "<del>gone</del>", "strikethrough");
	has("<details>\n<summary>S</summary>\n\nHidden *x*.\n\n</details>\n",
	    "<summary>S</summary>\nHidden *x*.\n</details>", "an HTML block's content stays raw across blank lines");
	has("<div>\n<div>\n\n</div>\n\n*x*\n\n</div>\n\n*y*\n", "<em>y</em>", "nested to its own end tag");
	has("<span>raw</span> *x*\n", "<span>raw</span> <em>x</em>", "raw HTML passes through");
	lacks("see https://example.com\n", "<a", "no bare-URL links (kramdown has none)");
}

static void test_commonmark(void)
{
	const char *md = "# Title\n\n\"q\" -- x[^1]\n\n[^1]: n\n\n```c\nx\n```\n";
	char *html = markdown_to_html(md, strlen(md), MARKDOWN_COMMONMARK);
	ok(strstr(html, "<h1>Title</h1>") != NULL, "CommonMark: no header ids");
	ok(strstr(html, "&quot;q&quot; -- x") != NULL && !strstr(html, "<sup"),
	   "CommonMark: no smart quotes, no footnotes");
	ok(strstr(html, "<pre><code class=\"language-c\">") != NULL, "CommonMark: cmark's code blocks");
	free(html);
	ok(markdown_mode_from_name("kramdown") == MARKDOWN_KRAMDOWN, "markdown: kramdown");
	ok(markdown_mode_from_name("CommonMark") == MARKDOWN_COMMONMARK, "markdown: CommonMark");
	ok(markdown_mode_from_name("commonmark") == MARKDOWN_COMMONMARK, "markdown: commonmark (any case)");
	ok(markdown_mode_from_name("redcarpet") == -1, "markdown: redcarpet is not known");
}

/* Hostile input: each finishes within a few seconds and returns HTML. */
static void hostile(const char *what, char *md)
{
	size_t n = strlen(md);
	clock_t t = clock();
	char *html = markdown_to_html(md, n, MARKDOWN_KRAMDOWN);
	double secs = (double)(clock() - t) / CLOCKS_PER_SEC;
	ok(html != NULL && secs < 5, "hostile: %s (%.2f s)", what, secs);
	free(html);
	free(md);
}

static char *repeat(const char *unit, size_t times, const char *tail)
{
	size_t ul = strlen(unit), tl = strlen(tail);
	char *s = malloc(ul * times + tl + 1);
	for (size_t i = 0; i < times; i++)
		memcpy(s + i * ul, unit, ul);
	memcpy(s + ul * times, tail, tl + 1);
	return s;
}

static void test_hostile(void)
{
	hostile("100,000 nested quotes", repeat(">", 100000, " x\n"));
	hostile("50,000 nested list items", repeat("- ", 50000, "x\n"));
	hostile("100,000 open brackets", repeat("[", 100000, "x\n"));
	hostile("100,000 emphasis marks", repeat("*a ", 100000, "\n"));
	hostile("a 4 MB line", repeat("word ", 800000, "\n"));
	hostile("50,000 IALs", repeat("{: .x}\n", 50000, "p\n"));
	hostile("50,000 unclosed extensions", repeat("{::comment}\n", 50000, ""));
	hostile("50,000 unclosed <div>s", repeat("<div>\n\n", 50000, "x\n"));
	hostile("20,000 footnotes", repeat("x[^a]\n\n[^a]: y\n\n", 20000, ""));
	struct buf notes;
	buf_init(&notes);
	for (int i = 0; i < 20000; i++)
		buf_printf(&notes, "x[^n%d]\n\n", i);
	for (int i = 0; i < 20000; i++)
		buf_printf(&notes, "[^n%d]: note\n\n", i);
	hostile("20,000 different footnotes", buf_take(&notes));
	hostile("a table row of 50,000 cells", repeat("|a", 50000, "|\n|-|\n"));
	char *row = repeat("|a", 50000, "|\n|-|\n");
	clock_t t = clock();
	char *html = markdown_to_html(row, strlen(row), MARKDOWN_COMMONMARK);
	ok(html && (double)(clock() - t) / CLOCKS_PER_SEC < 5, "hostile: CommonMark, a row of 50,000 cells");
	free(html);
	free(row);
	/* cmark's own pathological cases (test/pathological_tests.py) */
	static const struct { const char *what, *unit, *tail; size_t times; } path[] = {
		{"nested strong emphasis", "*a **a ", "b", 30000},
		{"emphasis closers without openers", "a_ ", "", 30000},
		{"link closers without openers", "a]", "", 30000},
		{"link openers without closers", "[a", "", 30000},
		{"unclosed links", "[a](<b", "", 30000},
		{"mismatched openers and closers", "*a_ ", "", 30000},
		{"openers and closers multiple of 3", "a**b c* ", "", 30000},
		{"link openers and emphasis closers", "[ a_", "", 30000},
		{"pattern [ (](", "[ (](", "", 30000},
		{"nested brackets", "[", "a", 30000},
		{"backticks", "e`", "", 30000},
		{"unclosed comments", "</<!--", "", 30000},
		{"unclosed CDATA", "a <![CDATA[", "", 30000},
		{"unclosed processing instructions", "a <?", "", 30000},
		{"many link references", "[a]: u\n", "[a]", 30000},
		{"nested inline IALs", "*a*{: .b}", "", 30000},
		{"markers of extensions inline", "{::comment}x{:/}", "", 30000},
		{"abbreviation definitions", "*[a]: b\n", "a a a", 30000},
		{"definition lines", "t\n: d\n", "", 30000},
	};
	for (size_t i = 0; i < sizeof path / sizeof path[0]; i++)
		hostile(path[i].what, repeat(path[i].unit, path[i].times, path[i].tail));
	has("a <?php echo 1; ?> b\n", "a <?php echo 1; ?> b", "a closed processing instruction stays raw");
	has("`<?php`\n", "&lt;?php</code>", "an unclosed one in code is code");
	html = markdown_to_html("x <?a <?b\n", 10, MARKDOWN_COMMONMARK);
	ok(strstr(html, "&lt;?a") != NULL, "CommonMark: a few unclosed ones are text as cmark writes them");
	free(html);
	hostile("20,000 same headers", repeat("# h\n", 20000, ""));
	hostile("256 abbreviations over a long text",
		repeat("*[ab]: x\n*[abc]: y\n", 128, "ab abc abd\n"));
	char *md = strdup("a \xEF\xB7\x90" "0\xEF\xB7\x91 b {: .x}\n");
	html = kd(md);
	ok(strstr(html, "\xEF\xBF\xBD") != NULL && !strstr(html, "\xEF\xB7\x90"),
	   "noncharacters in the input are replaced, never read as markers");
	free(html);
	free(md);
}

int main(void)
{
	test_ial();
	test_header_ids();
	test_footnotes();
	test_deflists();
	test_abbreviations();
	test_typography();
	test_extensions();
	test_blocks();
	test_commonmark();
	test_hostile();
	return tap_done();
}
