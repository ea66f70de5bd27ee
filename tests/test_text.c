/* test_text.c: UTF-8 checks, XML cleaning, truncation, HTML to text and the
 * link rewriting of bodies. */
#include <config.h>

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/langtag.h"
#include "base/text.h"
#include "content/body.h"
#include "tap.h"

static void test_utf8(void)
{
	static const struct { const char *s; size_t valid; const char *what; } cases[] = {
		{"plain ascii", 11, "ASCII"},
		{"\xE4\xBA\xBA\xE5\x8A\x9B", 6, "CJK"},
		{"ab\xC0\xAF", 2, "overlong '/'"},
		{"ab\xE0\x80\xAF", 2, "overlong 3-byte"},
		{"a\xED\xA0\x80", 1, "UTF-16 surrogate"},
		{"a\xF4\x90\x80\x80", 1, "past U+10FFFF"},
		{"a\xE4\xBA", 1, "truncated sequence"},
		{"a\x80", 1, "lone continuation byte"},
		{"\xF0\x9F\x98\x80", 4, "emoji"},
		{"x\xFF", 1, "0xFF"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		is_int(utf8_valid_prefix(cases[i].s, strlen(cases[i].s)), cases[i].valid,
		       "utf8_valid_prefix: %s", cases[i].what);
}

/* Unicode's Table 3-7 (well-formed UTF-8 byte sequences), written as plainly
 * as it reads, to hold the fast paths of utf8_valid_prefix to. */
static size_t table_3_7_prefix(const unsigned char *u, size_t n)
{
	static const struct { unsigned char lo, hi, b1lo, b1hi; size_t len; } rows[] = {
		{0x00, 0x7F, 0, 0, 1}, {0xC2, 0xDF, 0x80, 0xBF, 2}, {0xE0, 0xE0, 0xA0, 0xBF, 3},
		{0xE1, 0xEC, 0x80, 0xBF, 3}, {0xED, 0xED, 0x80, 0x9F, 3}, {0xEE, 0xEF, 0x80, 0xBF, 3},
		{0xF0, 0xF0, 0x90, 0xBF, 4}, {0xF1, 0xF3, 0x80, 0xBF, 4}, {0xF4, 0xF4, 0x80, 0x8F, 4},
	};
	size_t i = 0;
	while (i < n) {
		size_t len = 0;
		for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
			if (u[i] < rows[r].lo || u[i] > rows[r].hi || i + rows[r].len > n)
				continue;
			bool ok = rows[r].len == 1 || (u[i + 1] >= rows[r].b1lo && u[i + 1] <= rows[r].b1hi);
			for (size_t k = 2; ok && k < rows[r].len; k++)
				ok = u[i + k] >= 0x80 && u[i + k] <= 0xBF;
			len = ok ? rows[r].len : 0;
		}
		if (!len)
			return i;
		i += len;
	}
	return n;
}

/* Every lead and second byte, with some third bytes, after 0..8 bytes of ASCII
 * (so both the eight-byte ASCII run and the byte loop reach them). */
static void test_utf8_table(void)
{
	static const unsigned char thirds[] = {0x00, 0x41, 0x80, 0x9F, 0xBF, 0xC0};
	unsigned long wrong = 0;
	unsigned char s[16];
	for (size_t pre = 0; pre <= 8; pre++) {
		memset(s, 'a', pre);
		for (unsigned b0 = 0; b0 < 256; b0++)
			for (unsigned b1 = 0; b1 < 256; b1++)
				for (size_t t = 0; t < sizeof thirds; t++) {
					s[pre] = (unsigned char)b0;
					s[pre + 1] = (unsigned char)b1;
					s[pre + 2] = thirds[t];
					s[pre + 3] = 0x80;
					size_t n = pre + 4;
					wrong += utf8_valid_prefix((const char *)s, n) != table_3_7_prefix(s, n);
				}
	}
	is_int(wrong, 0, "utf8_valid_prefix agrees with Unicode's Table 3-7 on every two-byte start");
}

/* xml_clean() as its header defines it, one character at a time: the
 * reference the word-at-a-time scan must agree with. */
static char *clean_reference(const char *s, size_t n, size_t *dropped)
{
	char *d = xmalloc(n + 1);
	size_t o = 0;
	*dropped = 0;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t k = utf8_decode(s + i, &cp);
		if (xml_char_ok(cp))
			memcpy(d + o, s + i, k), o += k;
		else
			++*dropped;
		i += k;
	}
	d[o] = '\0';
	return d;
}

/* Random valid UTF-8 over the characters that matter: ASCII, C0 controls,
 * CJK, U+FFFE/U+FFFF and their neighbours, 2- and 4-byte ones. */
static size_t random_utf8(char *s, size_t max, unsigned *x)
{
	static const char *const pick[] = {
		"a", " ", "\t", "\n", "\x01", "\x1f", "\x7f", "<", "\xc3\xa9", "\xe4\xba\xba",
		"\xef\xbc\x8c", "\xef\xbf\xbe", "\xef\xbf\xbf", "\xef\xbf\xbd", "\xf0\x9f\x98\x80",
	};
	size_t n = 0;
	for (;;) {
		*x ^= *x << 13, *x ^= *x >> 17, *x ^= *x << 5;
		const char *c = pick[*x % (sizeof pick / sizeof pick[0])];
		if (n + strlen(c) > max)
			return n;
		memcpy(s + n, c, strlen(c));
		n += strlen(c);
	}
}

static void test_clean_and_squeeze_agree(void)
{
	unsigned x = 88172645u;
	bool clean_same = true, squeeze_same = true;
	for (int round = 0; round < 3000 && clean_same && squeeze_same; round++) {
		char s[128];
		size_t n = random_utf8(s, (size_t)(round % 120), &x);
		size_t want_dropped, got_dropped;
		char *want = clean_reference(s, n, &want_dropped);
		char *got = xml_clean(s, n, &got_dropped);
		clean_same = strcmp(want, got) == 0 && want_dropped == got_dropped;
		/* text_squeeze(): no white space at the ends, single spaces between words. */
		char *sq = text_squeeze(got);
		size_t len = strlen(sq);
		squeeze_same = !(len && (isspace((unsigned char)sq[0]) ||
					 isspace((unsigned char)sq[len - 1])));
		for (size_t i = 0; i + 1 < len; i++)
			if (isspace((unsigned char)sq[i]) &&
			    (sq[i] != ' ' || isspace((unsigned char)sq[i + 1])))
				squeeze_same = false;
		free(want);
		free(got);
	}
	ok(clean_same, "xml_clean() agrees with a character-by-character reference on 3,000 strings");
	ok(squeeze_same, "text_squeeze() leaves single spaces between words and none at the ends");
}

/* One definition of a language tag for the loader and the validator. */
static void test_langtag(void)
{
	static const struct { const char *tag; bool formed, known; } cases[] = {
		{"en", true, true}, {"zh-CN", true, true}, {"ZH-hant-TW", true, true},
		{"x-klingon", true, true}, {"i-navajo", true, true}, {"fil", true, true},
		{"zl-TW", true, false}, {"e1", true, false}, {"english", true, false},
		{"en_US", false, false}, {"", false, false}, {"en-", false, false},
		{"-en", false, false}, {"en--US", false, false}, {"en-123456789", false, false},
		{"en US", false, false}, {"zh-CN\t", false, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char what[80];
		snprintf(what, sizeof what, "'%s': well formed %d, a known language %d",
			 cases[i].tag, cases[i].formed, cases[i].known);
		ok(langtag_well_formed(cases[i].tag) == cases[i].formed &&
		   langtag_known(cases[i].tag) == cases[i].known, "%s", what);
	}
}

static void test_xml_clean(void)
{
	size_t dropped = 0;
	char *c = xml_clean("a\x01" "b\tc\x1F" "d\n", 8, &dropped);
	is_str(c, "ab\tcd\n", "xml_clean drops C0 controls but keeps tab and newline");
	is_int(dropped, 2, "xml_clean counts what it dropped");
	free(c);
	c = xml_clean("x\xEF\xBF\xBEy", 5, &dropped);
	is_str(c, "xy", "xml_clean drops U+FFFE");
	free(c);
	c = xml_clean("\xE4\xBA\xBA]]>&<", 8, &dropped);
	is_str(c, "\xE4\xBA\xBA]]>&<", "xml_clean leaves markup characters to the XML writer");
	is_int(dropped, 0, "nothing dropped from clean text");
	free(c);
}

static void test_truncate(void)
{
	char *t = text_truncate("今年全省政策性农业保险覆盖面进一步扩大", 5);
	is_str(t, "今年全省政\xE2\x80\xA6", "truncation cuts at a character boundary and adds an ellipsis");
	free(t);
	t = text_truncate("short", 60);
	is_str(t, "short", "no ellipsis when nothing is cut");
	free(t);
	char s[] = "  a \n\t b   c  ";
	is_str(text_squeeze(s), "a b c", "text_squeeze folds and trims white space");
	char lang[] = "zh_CN";
	is_str(lang_normalize(lang), "zh-CN", "zh_CN becomes the BCP 47 zh-CN");
}

static void test_html_to_text(void)
{
	char *t = html_to_text("<p>A &amp; B</p><p>C &lt; D</p>");
	is_str(t, "A & B C < D", "html_to_text decodes entities once and separates blocks");
	free(t);
	t = html_to_text("<p>x<script>alert(1)</script>y</p>");
	is_str(t, "xy", "script text is not text");
	free(t);
}

static void test_absolutize(void)
{
	const char *base = "https://news.example.com/cat/2021/12/16/post.html";
	static const struct { const char *in, *out, *what; } cases[] = {
		{"<a href=\"//finews.example.com/\">x</a>", "<a href=\"https://finews.example.com/\">x</a>",
		 "protocol-relative link takes the base's scheme"},
		{"<img src=\"/img/a.png\" alt=\"a\">", "<img src=\"https://news.example.com/img/a.png\" alt=\"a\">",
		 "root-relative image"},
		{"<a href='tables/x.html'>t</a>", "<a href='https://news.example.com/cat/2021/12/16/tables/x.html'>t</a>",
		 "page-relative link, single quotes kept"},
		{"<a href=../up.html>u</a>", "<a href=https://news.example.com/cat/2021/12/up.html>u</a>",
		 "unquoted value with dot segments"},
		{"<a href=\"#sec\">s</a>", "<a href=\"#sec\">s</a>", "fragment-only link left alone"},
		{"<a href=\"mailto:a@b.c\">m</a>", "<a href=\"mailto:a@b.c\">m</a>", "mailto left alone"},
		{"<a title=\"/x\" href=\"http://o.example/\">o</a>", "<a title=\"/x\" href=\"http://o.example/\">o</a>",
		 "other attributes and absolute links untouched"},
		{"a < b and <!-- <a href=\"/c\"> --> ok", "a < b and <!-- <a href=\"/c\"> --> ok",
		 "bare '<' and comments copied byte for byte"},
		{"<p>估值 < 历史均值</p>", "<p>估值 < 历史均值</p>", "text with '<' between CJK"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = html_absolutize(cases[i].in, base);
		is_str(got, cases[i].out, "html_absolutize: %s", cases[i].what);
		free(got);
	}
}

static void test_markdown(void)
{
	const char *md = "<p class=\"x\">raw <b>html</b></p>\n\n**bold** and [link](//h.example/)\n";
	char *html = body_markdown_to_html(md, strlen(md));
	ok(strstr(html, "<p class=\"x\">raw <b>html</b></p>") != NULL, "raw HTML passes through unchanged");
	ok(strstr(html, "<strong>bold</strong>") != NULL, "Markdown emphasis rendered");
	ok(strstr(html, "<a href=\"//h.example/\">link</a>") != NULL, "Markdown link rendered");
	free(html);
	md = "<http://source.example.com/a?x=1,y=2>\n";
	html = body_markdown_to_html(md, strlen(md));
	ok(strstr(html, "href=\"http://source.example.com/a?x=1,y=2\"") != NULL, "autolink with commas");
	free(html);
}

int main(void)
{
	test_utf8();
	test_utf8_table();
	test_xml_clean();
	test_langtag();
	test_clean_and_squeeze_agree();
	test_truncate();
	test_html_to_text();
	test_absolutize();
	test_markdown();
	return tap_done();
}
