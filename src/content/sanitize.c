/* sanitize.c: body HTML made well-formed and inert (sanitize.h). A scan that
 * only says "already clean" (then the bytes are kept), else libxml2's HTML
 * parser and a small writer over its tree. */
#include <config.h>

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "base/htmlnames.h"
#include "base/text.h"
#include "content/sanitize.h"

/* ---- the tables ---- */

/* Removed with their content. */
static const char *const active_elements[] = {
	"script", "iframe", "frame", "frameset", "object", "embed", "applet", "meta", "link",
	"base", NULL,
};

/* Removed, their content kept. */
static const char *const unwrapped_elements[] = { "form", "html", "head", "body", NULL };

/* HTML's void elements, written <br />. */
static const char *const void_elements[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
	"source", "track", "wbr", "keygen", NULL,
};

/* Elements whose text the HTML parser reads raw, or treats specially: the
 * quick scan leaves them to the parser. */
static const char *const raw_elements[] = {
	"style", "textarea", "title", "xmp", "plaintext", "noembed", "noframes", "noscript",
	"listing", "svg", "math", "template", NULL,
};

/* Attributes that hold a URL a browser may follow or load. */
static const char *const url_attrs[] = {
	"href", "src", "action", "formaction", "poster", "cite", "background", "data",
	"codebase", "longdesc", "usemap", "lowsrc", "dynsrc", "xlink:href", "manifest",
	"ping", "profile", "classid", "archive", NULL,
};

/* Text the validators read as script, whatever the context (feedgen's own
 * check_safe_html() looks for these in content): written with its last
 * character as a reference. */
static const char *const needles[] = {
	"javascript:", "vbscript:", " onload=", " onclick=", " onerror=", " onmouseover=", NULL,
};

/* The element names validators look for as prefixes ("<script" also
 * matches <scriptx>): an unknown element whose name starts so, like every
 * element HTML does not define, is written without its tags. */
static const char *const risky_prefixes[] = {
	"script", "iframe", "frame", "object", "embed", "applet", "meta", "link", "base", "form",
	NULL,
};

static bool in_list(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && strncasecmp(*list, s, n) == 0)
			return true;
	return false;
}

static bool risky_name(const char *s, size_t n)
{
	/* A name HTML does not define (Word's <o:p>, <ia>): validators flag it
	 * (not-html, W3C's NotHtml), so its tags go, its text stays. */
	if (!html_element_known(s, n))
		return true;
	for (const char *const *p = risky_prefixes; *p; p++)
		if (n >= strlen(*p) && strncasecmp(s, *p, strlen(*p)) == 0)
			return true;
	return false;
}

static bool is_handler(const char *name, size_t n)
{
	return n > 2 && strncasecmp(name, "on", 2) == 0;
}

/* Length of the needle starting at s, or 0. Most bytes fail the first test:
 * this runs on every byte of every body. */
static size_t needle_at(const char *s)
{
	char c = *s;
	if (c == ' ') {
		if ((s[1] | 0x20) != 'o' || (s[2] | 0x20) != 'n')
			return 0;
	} else if ((c | 0x20) == 'j' || (c | 0x20) == 'v') {
		if ((s[1] | 0x20) != 'a' && (s[1] | 0x20) != 'b')
			return 0;
		c = (char)(c | 0x20);
	} else {
		return 0;
	}
	for (const char *const *p = needles; *p; p++)
		if ((*p)[0] == c && strncasecmp(s, *p, strlen(*p)) == 0)
			return strlen(*p);
	return 0;
}

/* A URL with a script scheme, as a browser reads it: white space and control
 * characters anywhere in the scheme ignored, case ignored. */
static bool script_url(const char *v, bool image_src)
{
	char scheme[16];
	size_t k = 0;
	for (const char *p = v; *p && k < sizeof scheme - 1; p++) {
		if ((unsigned char)*p <= ' ')
			continue;
		if (*p == ':')
			break;
		scheme[k++] = (char)tolower((unsigned char)*p);
	}
	scheme[k] = '\0';
	if (!strcmp(scheme, "javascript") || !strcmp(scheme, "vbscript") ||
	    !strcmp(scheme, "livescript"))
		return true;
	if (strcmp(scheme, "data") != 0)
		return false;
	const char *colon = strchr(v, ':');
	return !(image_src && colon && strncasecmp(colon + 1, "image/", 6) == 0);
}

/* A style attribute that can run script in some browser. */
static bool script_style(const char *v)
{
	static const char *const bad[] = { "javascript:", "expression(", "behavior:", "-moz-binding", NULL };
	for (const char *p = v; *p; p++)
		for (const char *const *b = bad; *b; b++)
			if (strncasecmp(p, *b, strlen(*b)) == 0)
				return true;
	return false;
}

static void note(struct sanitize_report *r, size_t *count, const char *what, size_t n)
{
	if (!sanitize_removed(r)) {
		if (n > sizeof r->first - 1)
			n = sizeof r->first - 1;
		memcpy(r->first, what, n);
		r->first[n] = '\0';
	}
	(*count)++;
}

int sanitize_removed(const struct sanitize_report *r)
{
	return r->elements + r->handlers + r->urls > 0;
}

/* ---- the quick scan: true only when the HTML is already well-formed and
 * inert, as the Markdown renderers write it. Any doubt says false. ---- */

#define SCAN_MAX_DEPTH 256

static bool name_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_' || c == ':';
}

/* A reference "&name;" / "&#123;" / "&#x1F;" at s: its length, or 0. Only
 * the names XML knows and nbsp: others the parser decodes. */
static size_t entity_at(const char *s)
{
	static const char *const names[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", NULL };
	for (const char *const *n = names; *n; n++)
		if (strncmp(s, *n, strlen(*n)) == 0)
			return strlen(*n);
	if (s[1] != '#')
		return 0;
	size_t i = 2;
	bool hex = s[i] == 'x' || s[i] == 'X';
	i += hex;
	size_t d = 0;
	while (d < 7 && (hex ? isxdigit((unsigned char)s[i + d]) : isdigit((unsigned char)s[i + d])))
		d++;
	if (d == 0 || s[i + d] != ';')
		return 0;
	unsigned long v = strtoul(s + i, NULL, hex ? 16 : 10);
	if (v > 0x10FFFF || (v < 0x20 && v != 9 && v != 10 && v != 13) || (v >= 0xD800 && v <= 0xDFFF) ||
	    v == 0xFFFE || v == 0xFFFF)
		return 0;
	return i + d + 1;
}

/* Text up to the next '<' (or the end): every '&' a reference, no needle. */
static bool scan_text(const char *s, size_t *i)
{
	size_t k = *i;
	for (;;) {
		k += strcspn(s + k, "<& jJvV");
		if (s[k] == '\0' || s[k] == '<')
			break;
		if (s[k] == '&') {
			size_t e = entity_at(s + k);
			if (!e)
				return false;
			k += e;
			continue;
		}
		if (needle_at(s + k))
			return false;
		k++;
	}
	*i = k;
	return true;
}

/* One attribute at s + *i: name="value", the value safe. */
static bool scan_attr(const char *s, size_t *i)
{
	size_t a = *i, n = 0;
	while (name_char(s[a + n]))
		n++;
	if (n == 0 || !isalpha((unsigned char)s[a]) || s[a + n] != '=' || s[a + n + 1] != '"')
		return false;
	if (is_handler(s + a, n) || (n == 6 && !strncasecmp(s + a, "srcdoc", 6)))
		return false;
	bool url = in_list(url_attrs, s + a, n);
	bool style = n == 5 && !strncasecmp(s + a, "style", 5);
	size_t v = a + n + 2, k = v;
	for (; s[k] && s[k] != '"'; k++) {
		if (s[k] == '<' || ((url || style) && s[k] == '&' && s[k + 1] == '#'))
			return false;
		if (s[k] == '&') {
			size_t e = entity_at(s + k);
			if (!e)
				return false;
			k += e - 1;
		} else if (needle_at(s + k)) {
			return false;
		}
	}
	if (s[k] != '"')
		return false;
	if (url || style) {
		char *value = xstrndup(s + v, k - v);
		bool bad = url ? script_url(value, false) : script_style(value);
		free(value);
		if (bad)
			return false;
	}
	*i = k + 1;
	return true;
}

static bool scan_clean(const char *s)
{
	struct { const char *name; size_t n; } stack[SCAN_MAX_DEPTH];
	size_t depth = 0, i = 0;
	while (s[i]) {
		if (!scan_text(s, &i))
			return false;
		if (!s[i])
			break;
		if (strncmp(s + i, "<!--", 4) == 0) {
			const char *end = strstr(s + i + 4, "--");
			if (!end || end[2] != '>' || memchr(s + i + 4, '<', (size_t)(end - (s + i + 4))) ||
			    s[i + 4] == '>' || s[i + 4] == '-')
				return false;
			i = (size_t)(end + 3 - s);
			continue;
		}
		bool close = s[i + 1] == '/';
		size_t a = i + 1 + close, n = 0;
		while (isalnum((unsigned char)s[a + n]) || s[a + n] == '-')
			n++;
		if (n == 0 || !islower((unsigned char)s[a]))
			return false;
		for (size_t k = 0; k < n; k++)
			if (isupper((unsigned char)s[a + k]))
				return false;
		if (close) {
			if (depth == 0 || stack[depth - 1].n != n || memcmp(stack[depth - 1].name, s + a, n) ||
			    s[a + n] != '>')
				return false;
			depth--;
			i = a + n + 1;
			continue;
		}
		if (risky_name(s + a, n) || in_list(unwrapped_elements, s + a, n) ||
		    in_list(raw_elements, s + a, n))
			return false;
		bool is_void = in_list(void_elements, s + a, n);
		size_t k = a + n;
		for (;;) {
			if (s[k] == ' ') {
				k++;
				if (s[k] == '/' || s[k] == '>')
					continue;
				if (!scan_attr(s, &k))
					return false;
				continue;
			}
			break;
		}
		if (s[k] == '/' && s[k + 1] == '>' && is_void) {
			i = k + 2;
		} else if (s[k] == '>' && !is_void) {	/* <br> is HTML, not XML: written again */
			if (depth == SCAN_MAX_DEPTH)
				return false;
			stack[depth].name = s + a;
			stack[depth].n = n;
			depth++;
			i = k + 1;
		} else {
			return false;
		}
	}
	return depth == 0;
}

/* ---- the writer over libxml2's tree ---- */

/* Text with & < > escaped (and '"' in attributes), needles defused. */
static void put_text(struct buf *o, const char *s, bool attr)
{
	for (; *s; s++) {
		size_t k = needle_at(s);
		if (k) {
			buf_add(o, s, k - 1);
			buf_printf(o, "&#%d;", s[k - 1]);
			s += k - 1;
			continue;
		}
		switch (*s) {
		case '&': buf_adds(o, "&amp;"); break;
		case '<': buf_adds(o, "&lt;"); break;
		case '>': buf_adds(o, "&gt;"); break;
		case '"':
			if (attr) {
				buf_adds(o, "&quot;");
				break;
			}
			/* fall through */
		default: buf_addc(o, *s);
		}
	}
}

char *html_escape_text(const char *s)
{
	struct buf o;
	buf_init(&o);
	buf_adds(&o, "");
	put_text(&o, s, false);
	return buf_take(&o);
}

enum node_kind { NODE_SKIP, NODE_UNWRAP, NODE_KEEP };

static const char *elem_name(xmlNodePtr n)
{
	return (const char *)n->name;
}

static enum node_kind kind_of(xmlNodePtr n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		return NODE_KEEP;
	if (n->type != XML_ELEMENT_NODE)
		return NODE_SKIP;
	const char *name = elem_name(n);
	if (in_list(active_elements, name, strlen(name)))
		return NODE_SKIP;
	if (in_list(unwrapped_elements, name, strlen(name)))
		return NODE_UNWRAP;
	if (!strcmp(name, "style")) {
		xmlChar *css = xmlNodeGetContent(n);
		bool bad = css && script_style((const char *)css);
		xmlFree(css);
		if (bad)
			return NODE_SKIP;
	}
	/* A name the parser took that XML could not carry, or one a validator
	 * would take for script: its content only. */
	if (!isalpha((unsigned char)name[0]) || risky_name(name, strlen(name)))
		return NODE_UNWRAP;
	for (const char *c = name; *c; c++)
		if (!name_char(*c) || needle_at(c))
			return NODE_UNWRAP;
	return NODE_KEEP;
}

static char *attr_value(xmlAttrPtr a)
{
	xmlChar *v = xmlNodeListGetString(a->doc, a->children, 1);
	char *s = xstrdup(v ? (const char *)v : "");
	xmlFree(v);
	return s;
}

static bool attr_name_ok(const char *name)
{
	if (!isalpha((unsigned char)name[0]) && name[0] != '_')
		return false;
	for (const char *c = name; *c; c++)
		if ((!name_char(*c) && *c != '.') || needle_at(c))
			return false;
	return true;
}

static void put_attrs(struct buf *o, xmlNodePtr n, struct sanitize_report *r)
{
	bool img = !strcmp(elem_name(n), "img");
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		const char *name = (const char *)a->name;
		size_t len = strlen(name);
		if (!attr_name_ok(name))
			continue;
		char *v = attr_value(a);
		if (is_handler(name, len) || !strcasecmp(name, "srcdoc") ||
		    (!strcasecmp(name, "style") && script_style(v))) {
			note(r, &r->handlers, name, len);
		} else if (in_list(url_attrs, name, len) && script_url(v, img && !strcasecmp(name, "src"))) {
			const char *colon = strchr(v, ':');
			note(r, &r->urls, v, colon ? (size_t)(colon - v) + 1 : strlen(v));
		} else {
			buf_printf(o, " %s=\"", name);
			put_text(o, v, true);
			buf_addc(o, '"');
		}
		free(v);
	}
}

/* An iframe's or embed's src, an object's data: kept as a link when it is a
 * page a reader may open. */
static void put_link_for(struct buf *o, xmlNodePtr n)
{
	const char *name = elem_name(n);
	const char *attr = !strcmp(name, "object") ? "data" : "src";
	if (strcmp(name, "iframe") && strcmp(name, "embed") && strcmp(name, "object"))
		return;
	xmlChar *v = xmlGetProp(n, BAD_CAST attr);
	if (v && *v && !script_url((const char *)v, false)) {
		buf_adds(o, "<a href=\"");
		put_text(o, (const char *)v, true);
		buf_adds(o, "\">");
		put_text(o, (const char *)v, false);
		buf_adds(o, "</a>");
	}
	xmlFree(v);
}

/* Returns whether to go into n's children. */
static bool open_node(struct buf *o, xmlNodePtr n, struct sanitize_report *r)
{
	enum node_kind k = kind_of(n);
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		put_text(o, (const char *)n->content, false);
		return false;
	}
	if (k == NODE_SKIP) {
		if (n->type == XML_ELEMENT_NODE) {
			char tag[24];
			snprintf(tag, sizeof tag, "<%s>", elem_name(n));
			note(r, &r->elements, tag, strlen(tag));
			put_link_for(o, n);
		}
		return false;
	}
	if (k == NODE_UNWRAP) {
		if (!strcmp(elem_name(n), "form"))
			note(r, &r->elements, "<form>", 6);
		return true;
	}
	const char *name = elem_name(n);
	buf_printf(o, "<%s", name);
	put_attrs(o, n, r);
	if (in_list(void_elements, name, strlen(name))) {
		buf_adds(o, " />");
		return false;
	}
	buf_addc(o, '>');
	return true;
}

static void close_node(struct buf *o, xmlNodePtr n)
{
	if (n->type != XML_ELEMENT_NODE || kind_of(n) != NODE_KEEP)
		return;
	const char *name = elem_name(n);
	if (!in_list(void_elements, name, strlen(name)))
		buf_printf(o, "</%s>", name);
}

/* The tree written without recursion: a document nested 100,000 deep costs
 * no stack. */
static void write_tree(struct buf *o, xmlNodePtr top, struct sanitize_report *r)
{
	xmlNodePtr n = top;
	while (n) {
		bool down = open_node(o, n, r);
		if (down && n->children) {
			n = n->children;
			continue;
		}
		if (down)
			close_node(o, n);
		while (!n->next) {
			n = n->parent;
			if (!n || n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE)
				return;
			close_node(o, n);
		}
		n = n->next;
	}
}

/* The fragment after "<body>", so its first text is not put in an implied
 * <p> and its first <style> or <meta> is not moved to a <head>. */
static char *parse_and_write(const char *html, size_t n, struct sanitize_report *r)
{
	struct buf in, o;
	buf_init(&in);
	buf_adds(&in, "<body>");
	buf_add(&in, html, n);
	buf_init(&o);
	buf_adds(&o, "");
	htmlDocPtr doc = in.len < INT_MAX
				 ? htmlReadMemory(in.data, (int)in.len, NULL, "UTF-8",
						  HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
							  HTML_PARSE_NONET)
				 : NULL;
	buf_free(&in);
	if (doc) {
		write_tree(&o, doc->children, r);
		xmlFreeDoc(doc);
	}
	return buf_take(&o);
}

char *html_sanitize(char *html, struct sanitize_report *r)
{
	memset(r, 0, sizeof *r);
	if (scan_clean(html))
		return html;
	char *out = parse_and_write(html, strlen(html), r);
	free(html);
	return out;
}
