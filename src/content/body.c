/* body.c: post bodies as feed content. content/markdown.c renders Markdown
 * as the site asks (raw HTML passes through untouched); a small tag scanner then makes link targets absolute,
 * because a feed reader has no page to resolve them against. */
#define _GNU_SOURCE	/* memmem */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>

#include "base/text.h"
#include "base/url.h"
#include "content/body.h"
#include "content/liquid.h"
#include "content/markdown.h"
#include "content/sanitize.h"

/* A body larger than this is not a blog post; reading it would only cost memory. */
#define BODY_MAX_BYTES (64u << 20)

int body_is_markdown(const char *ext)
{
	/* Jekyll's markdown_ext default, "markdown,mkdown,mkdn,mkd,md", without
	 * regard to case; any other extension is passed through as written. */
	static const char *const exts[] = {".md", ".markdown", ".mkd", ".mkdn", ".mkdown", NULL};
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
	/* As the loader read it: no link followed, no FIFO waited on. */
	int fd = open(p->path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	if (!f && fd >= 0)
		close(fd);
	if (!f || fseek(f, p->body_offset, SEEK_SET) != 0) {
		diag_report(diag, DIAG_ERROR, p->path, 0, 0, "read-error", "cannot read: %s", strerror(errno));
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
		diag_report(diag, DIAG_ERROR, p->path, 0, 0, "read-error",
			    "cannot read the body (or it is larger than %u bytes)", BODY_MAX_BYTES);
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_take(&b);
}

/* The body's HTML well-formed and inert (content/sanitize.h); what was
 * removed is a warning naming the post. */
static char *sanitize(const struct post *p, char *html, struct diag_sink *diag)
{
	struct sanitize_report r;
	char *clean = html_sanitize(html, &r);
	if (!sanitize_removed(&r))
		return clean;
	struct buf what;
	buf_init(&what);
	const struct { size_t n; const char *one, *many; } parts[] = {
		{ r.elements, "element", "elements" },
		{ r.handlers, "event handler", "event handlers" },
		{ r.urls, "script URL", "script URLs" },
	};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (parts[i].n)
			buf_printf(&what, "%s%zu %s", what.len ? ", " : "", parts[i].n,
				   parts[i].n == 1 ? parts[i].one : parts[i].many);
	diag_report(diag, DIAG_WARNING, p->path, p->body_line, 1, "active-content",
		    "active content removed from the body: %s (the first: %s)", what.data, r.first);
	buf_free(&what);
	return clean;
}

/* The length of src's valid text: up to a NUL or invalid UTF-8, reported. */
static size_t valid_length(const struct post *p, const char *src, size_t len,
			   struct diag_sink *diag)
{
	const char *nul = memchr(src, '\0', len);
	size_t valid = utf8_valid_prefix(src, nul ? (size_t)(nul - src) : len);
	if (nul && valid == (size_t)(nul - src))
		diag_report(diag, DIAG_ERROR, p->path, p->body_line, 0, "nul",
			    "NUL byte at byte offset %zu; the text stops there",
			    (size_t)p->body_offset + valid);
	else if (valid < len)
		diag_report(diag, DIAG_ERROR, p->path, p->body_line, 0, "utf8",
			    "invalid UTF-8 at byte offset %zu; the text stops there",
			    (size_t)p->body_offset + valid);
	return valid;
}

/* Valid source (Markdown or HTML) to HTML as the post's converter writes it. */
static char *convert(const struct site *site, const struct post *p, const char *src, size_t len)
{
	return body_is_markdown(p->ext) ? markdown_to_html(src, len, site->markdown)
					: xstrndup(src, len);
}

/* Valid source to the body's HTML: well-formed, inert, absolute and clean. */
static char *render_valid(const struct site *site, const struct post *p, const char *src,
			  size_t len, struct diag_sink *diag)
{
	char *html = sanitize(p, convert(site, p, src, len), diag);
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

/* Source (Markdown or HTML) to clean, absolute HTML. */
static char *render_source(const struct site *site, const struct post *p, const char *src,
			   size_t len, struct diag_sink *diag)
{
	return render_valid(site, p, src, valid_length(p, src, len, diag), diag);
}

/* Jekyll's order: Liquid, then Markdown. A text without {{ or {% is not
 * touched. On a Liquid error (reported) *src is freed and false returned. */
static bool liquid_pass(const struct site *site, const struct post *p, char **src, size_t *len,
			struct diag_sink *diag)
{
	size_t n = strnlen(*src, *len);
	if (!liquid_needed(*src, n))
		return true;
	char *out = liquid_render_post(site, p, *src, n, diag);
	free(*src);
	*src = out;
	*len = out ? strlen(out) : 0;
	return out != NULL;
}

char *body_render(const struct site *site, const struct post *p, struct diag_sink *diag)
{
	size_t len = 0;
	char *src = body_read(p, &len, diag);
	if (!src)
		return NULL;
	if (!liquid_pass(site, p, &src, &len, diag))
		return NULL;
	char *html = render_source(site, p, src, len, diag);
	free(src);
	return html;
}

/* Is the line at s (n bytes, no newline) a Markdown link reference
 * definition, Jekyll's MKDWN_LINK_REF_REGEX: up to 3 spaces, "[label]:",
 * something? Gives the "[label]" part. */
static bool link_ref_line(const char *s, size_t n, const char **label, size_t *label_len)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')
		i++;
	if (i >= n || s[i] != '[')
		return false;
	size_t close = i + 1;
	while (close < n && s[close] != ']')
		close++;
	if (close >= n || close == i + 1 || close + 2 > n || s[close + 1] != ':' || close + 2 == n)
		return false;
	*label = s + i;
	*label_len = close + 1 - i;
	return true;
}

/* Jekyll's Excerpt#extract_excerpt: the body up to the separator; when the
 * body goes on after it, the link reference definitions of the rest that the
 * head uses are added, so its links still resolve. */
/* memmem() for a separator, found by its first byte with memchr(): glibc's
 * memmem() took seven instructions a byte for "\n\n". */
static const char *find_separator(const char *s, size_t len, const char *sep)
{
	size_t n = strlen(sep);
	if (n == 0)
		return s;
	for (const char *end = s + len; (size_t)(end - s) >= n;) {
		const char *c = memchr(s, sep[0], (size_t)(end - s) - n + 1);
		if (!c || memcmp(c, sep, n) == 0)
			return c;
		s = c + 1;
	}
	return NULL;
}

static char *excerpt_of(const char *body, size_t len, const char *sep)
{
	const char *cut = find_separator(body, len, sep);
	if (!cut || cut + strlen(sep) == body + len)
		return xstrndup(body, cut ? (size_t)(cut - body) : len);
	struct buf b;
	buf_init(&b);
	buf_add(&b, body, (size_t)(cut - body));
	buf_adds(&b, "");
	size_t head_len = b.len;
	bool first = true;
	const char *end = body + len;
	for (const char *line = cut + strlen(sep); line < end;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);
		const char *label;
		size_t label_len;
		if (link_ref_line(line, n, &label, &label_len) &&
		    memmem(b.data, head_len, label, label_len)) {
			buf_adds(&b, first ? "\n\n" : "\n");
			/* Ruby's segments.join: the line from its "[" on. */
			buf_add(&b, label, n - (size_t)(label - line));
			first = false;
		}
		line += n + 1;
	}
	return buf_take(&b);
}

static const char *separator_of(const struct site *site, const struct post *p)
{
	if (p && p->excerpt_separator)
		return p->excerpt_separator;
	return site->excerpt_separator ? site->excerpt_separator : "\n\n";
}

char *body_excerpt_source(const struct site *site, const char *body, size_t len)
{
	const char *sep = separator_of(site, NULL);
	return *sep ? excerpt_of(body, len, sep) : NULL;
}

/* The summary when the front matter gives it: a non-empty `description`,
 * else `excerpt` as written (jekyll-feed: `post.description | default:
 * post.excerpt`). Sets *given when it did, the text may still be NULL. */
static char *given_summary(const struct post *p, bool *given)
{
	const char *s = p->description && *p->description ? p->description : p->excerpt;
	*given = s != NULL;
	if (!s)
		return NULL;
	char *text = html_to_text(s);
	if (!*text) {
		free(text);
		return NULL;
	}
	return text;
}

/* html_to_text() for the HTML md4c writes from an excerpt, without building
 * a libxml2 document (that was a fifth of writing feeds once every post got
 * its summary): tags dropped, a space around block elements, and only the
 * entities md4c writes decoded. Anything else - another entity, a comment,
 * script or style, a stray '<' - returns NULL, and libxml2 reads it. */
static char *simple_html_text(const char *html)
{
	static const struct { const char *ent, *ch; } ents[] = {
		{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"},
	};
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (const char *p = html; *p;) {
		if (*p == '&') {
			size_t k = 0;
			while (k < sizeof ents / sizeof ents[0] &&
			       strncmp(p, ents[k].ent, strlen(ents[k].ent)) != 0)
				k++;
			if (k == sizeof ents / sizeof ents[0])
				goto refuse;
			buf_adds(&b, ents[k].ch);
			p += strlen(ents[k].ent);
			continue;
		}
		if (*p != '<') {
			size_t run = strcspn(p, "&<");
			buf_add(&b, p, run);
			p += run;
			continue;
		}
		const char *q = p + 1 + (p[1] == '/');
		size_t n = 0;
		while (isalnum((unsigned char)q[n]))
			n++;
		if (n == 0 || n > 15)
			goto refuse;
		char name[16];
		memcpy(name, q, n);
		name[n] = '\0';
		if (strcasecmp(name, "script") == 0 || strcasecmp(name, "style") == 0)
			goto refuse;
		/* To the tag's end, past quoted attribute values. */
		char quote = 0;
		for (q += n; *q && (quote || *q != '>'); q++)
			if (quote ? *q == quote : (*q == '"' || *q == '\''))
				quote = quote ? 0 : *q;
		if (!*q)
			goto refuse;
		if (is_block((const xmlChar *)name))
			buf_addc(&b, ' ');
		p = q + 1;
	}
	char *clean = xml_clean(b.data, b.len, NULL);
	buf_free(&b);
	return text_squeeze(clean);
refuse:
	buf_free(&b);
	return NULL;
}

/* Jekyll's Excerpt#sanctify_liquid_tags: a Liquid block the excerpt opens
 * and never ends (its end tag is past the separator) is ended at the
 * excerpt's end, "\n{% endif %}", the last opened first; an end tag
 * anywhere in the excerpt counts (Jekyll's endtag_regex_stash). */
static const char *const liquid_blocks[] = {
	"if", "unless", "for", "case", "capture", "comment", "raw", "tablerow", "ifchanged",
	"highlight", NULL,
};

static bool has_end_tag(const char *s, const char *name)
{
	for (const char *t = strstr(s, "{%"); t; t = strstr(t + 2, "{%")) {
		const char *q = t + 2 + (t[2] == '-');
		while (isspace((unsigned char)*q))
			q++;
		if (strncmp(q, "end", 3) == 0 && strncmp(q + 3, name, strlen(name)) == 0 &&
		    strstr(q, "%}"))
			return true;
	}
	return false;
}

static void close_liquid_blocks(struct buf *b)
{
	const char *names[64];
	size_t n = 0;
	for (const char *t = strstr(b->data, "{%"); t && n < 64; t = strstr(t + 2, "{%")) {
		const char *q = t + 2 + (t[2] == '-');
		while (isspace((unsigned char)*q))
			q++;
		size_t w = 0;
		while (isalnum((unsigned char)q[w]) || q[w] == '_')
			w++;
		if (!strstr(q + w, "%}"))
			break;	/* LIQUID_TAG_REGEX wants the tag closed */
		for (const char *const *k = liquid_blocks; *k; k++)
			if (strlen(*k) == w && strncmp(q, *k, w) == 0)
				names[n++] = *k;
	}
	while (n-- > 0) {
		if (has_end_tag(b->data, names[n]))
			continue;
		buf_printf(b, "\n{%% end%s %%}", names[n]);
	}
}

/* The summary from the body source as written: Jekyll cuts the excerpt from
 * the source before Liquid runs (Excerpt#extract_excerpt), closes the
 * Liquid blocks it cut open, and renders it on its own - Liquid, then the
 * converter - so Liquid that makes blank lines does not move the cut and
 * Liquid that makes nothing leaves an empty excerpt. Links need no
 * resolving and the text is cleaned for XML once made. Bytes past a NUL or
 * invalid UTF-8 are not read (the body's render reports them). */
static char *source_summary(const struct site *site, const struct post *p, const char *src,
			    size_t len, struct diag_sink *diag)
{
	const char *sep = separator_of(site, p);
	if (!*sep)
		return NULL;
	len = utf8_valid_prefix(src, strnlen(src, len));
	/* Jekyll's front matter pattern ends in `---\s*$\n?`: the blank lines
	 * after the closing line are not part of the content. */
	size_t skip = 0;
	for (size_t i = 0; i < len && strchr(" \t\r\n", src[i]); i++)
		if (src[i] == '\n')
			skip = i + 1;
	char *ex = excerpt_of(src + skip, len - skip, sep);
	size_t n = strlen(ex);
	if (strstr(ex, "{%")) {
		struct buf b;
		buf_init(&b);
		buf_add(&b, ex, n);
		buf_adds(&b, "");
		free(ex);
		close_liquid_blocks(&b);
		n = b.len;
		ex = buf_take(&b);
	}
	if (!liquid_pass(site, p, &ex, &n, diag))
		return NULL;
	char *html = convert(site, p, ex, utf8_valid_prefix(ex, strnlen(ex, n)));
	free(ex);
	char *text = simple_html_text(html);
	if (!text)
		text = html_to_text(html);
	free(html);
	if (!*text) {
		free(text);
		return NULL;
	}
	return text;
}

char *body_summary(const struct site *site, const struct post *p, struct diag_sink *diag)
{
	bool given;
	char *text = given_summary(p, &given);
	if (given)
		return text;
	size_t len = 0;
	char *src = body_read(p, &len, diag);
	if (!src)
		return NULL;
	text = source_summary(site, p, src, len, diag);
	free(src);
	return text;
}

char *body_render_summary(const struct site *site, const struct post *p, char **summary,
			  struct diag_sink *diag)
{
	bool given;
	*summary = given_summary(p, &given);
	size_t len = 0;
	char *src = body_read(p, &len, diag);
	if (!src)
		return NULL;
	char *raw = given ? NULL : xstrndup(src, len);
	if (!liquid_pass(site, p, &src, &len, diag)) {
		free(raw);
		return NULL;
	}
	len = valid_length(p, src, len, diag);
	char *html = render_valid(site, p, src, len, diag);
	if (raw)
		*summary = source_summary(site, p, raw, strlen(raw), diag);
	free(raw);
	free(src);
	return html;
}
