/* rules_html.c: the checks on escaped HTML — an RSS description, content:encoded,
 * an Atom text construct or content of type "html" — that are not about its
 * safety alone: markup HTML does not define (W3C NotHtml), and links and
 * images whose address is relative while nothing says what it is relative to
 * (W3C ContainsRelRef).
 *
 * These rules had rows in the rule table but no code applied them: check_is_html
 * was a stub that accepted everything, and no element ever reported
 * relative-reference, so neither could fire on any feed. */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "base/htmlnames.h"
#include "validate/rules.h"

/* A tag name at p (after '<' or '</'): letters, digits, '-', ':'; lower-cased
 * into out. Returns its length, 0 when p does not start a tag name. */
static size_t tag_name(const char *p, char *out, size_t cap)
{
	if (!isalpha((unsigned char)*p))
		return 0;
	size_t n = 0;
	while (isalnum((unsigned char)p[n]) || p[n] == '-' || p[n] == ':' || p[n] == '_') {
		if (n + 1 < cap)
			out[n] = (char)tolower((unsigned char)p[n]);
		n++;
	}
	out[n < cap ? n : cap - 1] = '\0';
	return n;
}

/* Inside <svg> and <math> other vocabularies are at home; an element name
 * with a '-' is an HTML custom element (HTML §4.13). */
static bool html_element_ok(const char *name)
{
	return html_element_known(name, strlen(name));
}

/* The first start or end tag whose element HTML does not define (Word's
 * <o:p>, <fb:like>, a typo), copied into bad; false when there is none.
 * Comments, declarations and the content of svg and math are skipped. */
static bool first_non_html(const char *s, char *bad, size_t cap)
{
	int foreign = 0;	/* depth inside svg or math */
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
		if (strncmp(p, "<!--", 4) == 0) {
			const char *end = strstr(p + 4, "-->");
			if (!end)
				return false;
			p = end;
			continue;
		}
		bool close = p[1] == '/';
		char name[64];
		if (tag_name(p + 1 + close, name, sizeof name) == 0)
			continue;
		if (strcmp(name, "svg") == 0 || strcmp(name, "math") == 0) {
			foreign += close ? -1 : 1;
			if (foreign < 0)
				foreign = 0;
			continue;
		}
		if (foreign == 0 && !html_element_ok(name)) {
			snprintf(bad, cap, "%s%s", close ? "/" : "", name);
			return true;
		}
	}
	return false;
}

bool check_is_html(const char *s)
{
	char bad[64];
	return !first_non_html(s, bad, sizeof bad);
}

/* A tag's attributes end at its '>', and are not read past a '<' or
 * TAG_MAX bytes: each tag is looked through once, so the whole text is. */
#define TAG_MAX 4096

/* The value of attribute attr in the tag that starts at p (after its name),
 * up to the tag's end: copied into out. False when the tag has none. */
static bool tag_attr(const char *p, const char *attr, char *out, size_t cap)
{
	size_t alen = strlen(attr);
	const char *end = p;
	while (*end && *end != '>' && *end != '<' && end - p < TAG_MAX)
		end++;
	for (const char *q = p; q < end; q++) {
		if (!isspace((unsigned char)q[-1]) || strncasecmp(q, attr, alen) != 0)
			continue;
		const char *v = q + alen;
		while (v < end && isspace((unsigned char)*v))
			v++;
		if (*v != '=')
			continue;
		v++;
		while (v < end && isspace((unsigned char)*v))
			v++;
		char quote = (*v == '"' || *v == '\'') ? *v++ : 0;
		size_t n = 0;
		while (v + n < end && (quote ? v[n] != quote : !isspace((unsigned char)v[n])))
			n++;
		while (n > 0 && isspace((unsigned char)*v)) {
			v++;
			n--;
		}
		snprintf(out, cap, "%.*s", (int)(n < cap ? n : cap - 1), v);
		return true;
	}
	return false;
}

/* The first <a href> or <img src> whose address has no scheme: copied into
 * ref. Empty addresses are not references. */
static bool first_relative_ref(const char *s, char *ref, size_t cap)
{
	static const struct { const char *tag, *attr; } refs[] = {
		{ "a", "href" }, { "img", "src" },
	};
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
		char name[16];
		size_t n = tag_name(p + 1, name, sizeof name);
		for (size_t i = 0; n && i < sizeof refs / sizeof *refs; i++) {
			if (strcmp(name, refs[i].tag) != 0 || !isspace((unsigned char)p[1 + n]))
				continue;
			if (tag_attr(p + 1 + n, refs[i].attr, ref, cap) && *ref &&
			    is_relative_ref(ref))
				return true;
		}
	}
	return false;
}

/* Something relative references in n's content are resolved against: an
 * xml:base on n or an ancestor (XML Base §4.1), or, in Atom, the document's
 * own URI (RFC 4287 §2 and RFC 3986 §5.1.3 make relative references there
 * valid). RSS has neither: its readers resolve them each their own way. */
static bool has_base(xmlNodePtr n)
{
	xmlNodePtr root = n->doc ? xmlDocGetRootElement(n->doc) : NULL;
	if (root && node_is(root, NS_ATOM, (const char *)root->name))
		return true;
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (xmlHasNsProp(n, (const xmlChar *)"base", (const xmlChar *)NS_XML))
			return true;
	return false;
}

void check_html_text(struct vctx *c, xmlNodePtr n, const char *what, const char *html)
{
	char found[256];
	rule_check_value(c, n, R_HTML_UNSAFE, what, html);
	if (first_non_html(html, found, sizeof found))
		rule_report(c, n, R_NOT_HTML, "<%s> in %s", found, what);
	if (!has_base(n) && first_relative_ref(html, found, sizeof found))
		rule_report(c, n, R_URI_RELATIVE, "\"%s\" in %s", found, what);
}

/* W3C HtmlFragment: content of type "text/html" is an HTML document (RFC
 * 2854), which HTML §13.1 begins, after comments and white space, with a
 * DOCTYPE (older HTML documents often start at <html> itself). Escaped HTML
 * that starts anywhere else is a fragment, what type="html" is for. */
void check_html_document(struct vctx *c, xmlNodePtr n, const char *html)
{
	const char *p = html;
	if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (;;) {
		while (isspace((unsigned char)*p))
			p++;
		if (strncmp(p, "<!--", 4) != 0)
			break;
		const char *end = strstr(p + 4, "-->");
		if (!end)
			return;	/* all comment: nothing to judge */
		p = end + 3;
	}
	if (*p == '\0' || strncasecmp(p, "<!doctype", 9) == 0)
		return;
	if (strncasecmp(p, "<html", 5) == 0 &&
	    (p[5] == '>' || p[5] == '/' || isspace((unsigned char)p[5])))
		return;
	rule_report(c, n, R_HTML_FRAGMENT, "<%s type=\"text/html\"> starts \"%.40s\"", n->name, p);
}
