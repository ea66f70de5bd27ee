/* body.c: post bodies as feed content. content/markdown.c renders Markdown
 * as the site asks (raw HTML passes through untouched); a small tag scanner then makes link targets absolute,
 * because a feed reader has no page to resolve them against. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "base/text.h"
#include "base/url.h"
#include "content/body.h"
#include "content/markdown.h"

/* A body larger than this is not a blog post; reading it would only cost memory. */
#define BODY_MAX_BYTES (64u << 20)

int body_is_markdown(const char *ext)
{
	static const char *const exts[] = {".md", ".markdown", ".mkd", ".mkdn", ".mdown", ".mdwn", NULL};
	for (const char *const *e = exts; *e; e++)
		if (strcasecmp(ext, *e) == 0)
			return 1;
	return 0;
}

char *body_markdown_to_html(const char *md, size_t n)
{
	return markdown_to_html(md, n, MARKDOWN_KRAMDOWN);
}

/* Attributes that hold one URL reference. */
static bool is_url_attr(const char *name, size_t n)
{
	static const char *const attrs[] = {"href", "src", "poster", "cite", "background", NULL};
	for (const char *const *a = attrs; *a; a++)
		if (strlen(*a) == n && strncasecmp(name, *a, n) == 0)
			return true;
	return false;
}

/* Should this reference be resolved? Not when it has a scheme, is empty, or
 * only names a fragment (that already means "this page"). */
static bool needs_base(const char *ref, size_t n)
{
	if (n == 0 || ref[0] == '#')
		return false;
	char *r = xstrndup(ref, n);
	bool has = url_has_scheme(r);
	free(r);
	return !has;
}

static void emit_value(struct buf *out, const char *v, size_t n, bool rewrite, const char *base)
{
	if (!rewrite || !needs_base(v, n)) {
		buf_add(out, v, n);
		return;
	}
	/* Attribute text may hold leading/trailing spaces, which URLs ignore. */
	while (n && isspace((unsigned char)*v)) {
		v++;
		n--;
	}
	char *ref = xstrndup(v, n);
	char *abs = url_resolve(base, ref);
	buf_adds(out, abs ? abs : ref);
	free(abs);
	free(ref);
}

/* Copy one start tag beginning at s (s[0] == '<'), rewriting URL attributes.
 * Returns the bytes consumed. */
static size_t copy_tag(struct buf *out, const char *s, const char *base)
{
	size_t i = 1;
	while (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == ':')
		i++;
	buf_add(out, s, i);
	for (;;) {
		size_t ws = strspn(s + i, " \t\r\n");
		buf_add(out, s + i, ws);
		i += ws;
		if (!s[i] || s[i] == '>' || s[i] == '<')
			break;
		size_t name = strcspn(s + i, " \t\r\n=>/<");
		if (name == 0) {
			buf_addc(out, s[i++]);	/* a stray '/' or the like */
			continue;
		}
		bool rewrite = is_url_attr(s + i, name);
		buf_add(out, s + i, name);
		i += name;
		ws = strspn(s + i, " \t\r\n");
		if (s[i + ws] != '=')
			continue;
		buf_add(out, s + i, ws + 1);
		i += ws + 1;
		ws = strspn(s + i, " \t\r\n");
		buf_add(out, s + i, ws);
		i += ws;
		if (s[i] == '"' || s[i] == '\'') {
			const char *end = strchr(s + i + 1, s[i]);
			size_t len = end ? (size_t)(end - (s + i + 1)) : strlen(s + i + 1);
			buf_addc(out, s[i]);
			emit_value(out, s + i + 1, len, rewrite, base);
			i += 1 + len;
			if (end) {
				buf_addc(out, s[i]);
				i++;
			}
		} else {
			size_t len = strcspn(s + i, " \t\r\n>");
			emit_value(out, s + i, len, rewrite, base);
			i += len;
		}
	}
	if (s[i] == '>') {
		buf_addc(out, '>');
		i++;
	}
	return i;
}

char *html_absolutize(const char *html, const char *base)
{
	struct buf out;
	buf_init(&out);
	buf_adds(&out, "");
	const char *s = html;
	while (*s) {
		const char *lt = strchr(s, '<');
		if (!lt) {
			buf_adds(&out, s);
			break;
		}
		buf_add(&out, s, (size_t)(lt - s));
		s = lt;
		if (strncmp(s, "<!--", 4) == 0) {
			const char *end = strstr(s + 4, "-->");
			size_t len = end ? (size_t)(end + 3 - s) : strlen(s);
			buf_add(&out, s, len);
			s += len;
		} else if (isalpha((unsigned char)s[1])) {
			s += copy_tag(&out, s, base);
		} else {
			buf_addc(&out, '<');
			s++;
		}
	}
	return buf_take(&out);
}

static bool is_block(const xmlChar *name)
{
	static const char *const blocks[] = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3",
		"h4", "h5", "h6", "tr", "td", "th", "table", "blockquote", "pre", "hr", "section",
		"article", "header", "footer", "figure", "figcaption", "dd", "dt", "dl", NULL};
	for (const char *const *b = blocks; *b; b++)
		if (xmlStrcasecmp(name, (const xmlChar *)*b) == 0)
			return true;
	return false;
}

static void collect_text(xmlNodePtr n, struct buf *out)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			buf_adds(out, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE) {
			if (xmlStrcasecmp(n->name, (const xmlChar *)"script") == 0 ||
			    xmlStrcasecmp(n->name, (const xmlChar *)"style") == 0)
				continue;
			bool block = is_block(n->name);
			if (block)
				buf_addc(out, ' ');
			collect_text(n->children, out);
			if (block)
				buf_addc(out, ' ');
		}
	}
}

char *html_to_text(const char *html)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	int len = (int)strnlen(html, (size_t)1 << 30);
	htmlDocPtr doc = htmlReadMemory(html, len, NULL, "UTF-8",
					HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (doc) {
		collect_text(xmlDocGetRootElement(doc), &b);
		xmlFreeDoc(doc);
	}
	char *clean = xml_clean(b.data, b.len, NULL);
	buf_free(&b);
	return text_squeeze(clean);
}

char *body_read(const struct post *p, size_t *len, struct diag_sink *diag)
{
	FILE *f = fopen(p->path, "rb");
	if (!f || fseek(f, p->body_offset, SEEK_SET) != 0) {
		diag_report(diag, DIAG_ERROR, p->path, 0, 0, NULL, "cannot read: %s", strerror(errno));
		if (f)
			fclose(f);
		return NULL;
	}
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	char chunk[65536];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= BODY_MAX_BYTES)
		buf_add(&b, chunk, k);
	bool bad = ferror(f) || b.len > BODY_MAX_BYTES;
	fclose(f);
	if (bad) {
		diag_report(diag, DIAG_ERROR, p->path, 0, 0, NULL,
			    "cannot read the body (or it is larger than %u bytes)", BODY_MAX_BYTES);
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_take(&b);
}

/* Source (Markdown or HTML) to clean, absolute HTML. */
static char *render_source(const struct site *site, const struct post *p, const char *src,
			   size_t len, struct diag_sink *diag)
{
	const char *nul = memchr(src, '\0', len);
	size_t valid = utf8_valid_prefix(src, nul ? (size_t)(nul - src) : len);
	if (nul && valid == (size_t)(nul - src)) {
		diag_report(diag, DIAG_ERROR, p->path, p->body_line, 0, "nul",
			    "NUL byte at byte offset %zu; the text stops there",
			    (size_t)p->body_offset + valid);
		len = valid;
	} else if (valid < len) {
		diag_report(diag, DIAG_ERROR, p->path, p->body_line, 0, "utf8",
			    "invalid UTF-8 at byte offset %zu; the text stops there",
			    (size_t)p->body_offset + valid);
		len = valid;
	}
	char *html = body_is_markdown(p->ext) ? markdown_to_html(src, len, site->markdown) : xstrndup(src, len);
	char *base = post_abs_url(site, p);
	char *abs = url_has_scheme(base) ? html_absolutize(html, base) : NULL;
	free(base);
	if (abs) {
		free(html);
		html = abs;
	}
	char *clean = xml_clean(html, strlen(html), NULL);
	free(html);
	return clean;
}

char *body_render(const struct site *site, const struct post *p, struct diag_sink *diag)
{
	size_t len = 0;
	char *src = body_read(p, &len, diag);
	if (!src)
		return NULL;
	char *html = render_source(site, p, src, len, diag);
	free(src);
	return html;
}

char *body_excerpt_source(const struct site *site, const char *body, size_t len)
{
	size_t skip = 0;
	while (skip < len && (body[skip] == '\n' || body[skip] == '\r' || body[skip] == ' ' ||
			      body[skip] == '\t'))
		skip++;
	const char *s = body + skip;
	char *text = xstrndup(s, len - skip);
	const char *sep = site->excerpt_separator;
	char *cut = NULL;
	if (sep && *sep)
		cut = strstr(text, sep);
	if (!cut)
		cut = strstr(text, "<!--more-->");
	if (!cut && !(sep && *sep))
		cut = strstr(text, "\n\n");
	if (!cut) {
		char *crlf = strstr(text, "\r\n\r\n");
		cut = crlf;
	}
	if (cut)
		*cut = '\0';
	return text;
}

char *body_summary(const struct site *site, const struct post *p, struct diag_sink *diag)
{
	const char *given = p->excerpt ? p->excerpt : p->description;
	char *html = NULL;
	if (given) {
		html = xstrdup(given);
	} else {
		size_t len = 0;
		char *src = body_read(p, &len, diag);
		if (!src)
			return NULL;
		char *ex = body_excerpt_source(site, src, len);
		html = render_source(site, p, ex, strlen(ex), diag);
		free(ex);
		free(src);
	}
	char *text = html_to_text(html);
	free(html);
	if (!*text) {
		free(text);
		return NULL;
	}
	return text;
}
