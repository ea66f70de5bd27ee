/* rules_atom.c: Atom 1.0 (RFC 4287) — element tables and the rules of
 * sections 3 and 4 that the schema cannot state. */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>

#include "base/text.h"
#include "validate/rules.h"

static void check_text_construct(struct vctx *c, xmlNodePtr n);
static void check_content(struct vctx *c, xmlNodePtr n);
static void check_date(struct vctx *c, xmlNodePtr n);
static void check_id(struct vctx *c, xmlNodePtr n);
static void check_category(struct vctx *c, xmlNodePtr n);
static void check_generator(struct vctx *c, xmlNodePtr n);
static void check_source(struct vctx *c, xmlNodePtr n);
static void check_person_name(struct vctx *c, xmlNodePtr n);

static const char *const a_link[] = { "href", "rel", "type", "hreflang", "title", "length", NULL };
static const char *const a_category[] = { "term", "scheme", "label", NULL };
static const char *const a_generator[] = { "uri", "version", NULL };

#define U E_UNIQUE
#define R E_REQUIRED
#define C E_CONTAINER
#define A NS_ATOM

/* §3.2 Person constructs */
static const struct elem_def person_children[] = {
	{ A, "name", R | U, R_NONE, NULL, check_person_name, NULL },
	{ A, "uri", U, R_IRI, NULL, NULL, NULL },
	{ A, "email", U, R_EMAIL, NULL, NULL, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

#define COMMON_META(req) \
	{ A, "author", C, R_NONE, person_children, NULL, NULL }, \
	{ A, "category", 0, R_NONE, NULL, check_category, a_category }, \
	{ A, "contributor", C, R_NONE, person_children, NULL, NULL }, \
	{ A, "id", (req) | U, R_NONE, NULL, check_id, NULL }, \
	{ A, "link", 0, R_NONE, NULL, atom_check_link, a_link }, \
	{ A, "rights", U | E_ANY, R_NONE, NULL, check_text_construct, NULL }, \
	{ A, "title", (req) | U | E_ANY, R_NONE, NULL, check_text_construct, NULL }, \
	{ A, "updated", (req) | U, R_NONE, NULL, check_date, NULL }

/* §4.2.11 atom:source: the feed's metadata, none of it required */
static const struct elem_def source_children[] = {
	COMMON_META(0),
	{ A, "generator", U, R_NONE, NULL, check_generator, a_generator },
	{ A, "icon", U, R_IRI, NULL, NULL, NULL },
	{ A, "logo", U, R_IRI, NULL, NULL, NULL },
	{ A, "subtitle", U | E_ANY, R_NONE, NULL, check_text_construct, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

/* §4.1.1 atom:feed */
static const struct elem_def feed_children[] = {
	COMMON_META(R),
	{ A, "generator", U, R_NONE, NULL, check_generator, a_generator },
	{ A, "icon", U, R_IRI, NULL, NULL, NULL },
	{ A, "logo", U, R_IRI, NULL, NULL, NULL },
	{ A, "subtitle", U | E_ANY, R_NONE, NULL, check_text_construct, NULL },
	{ A, "entry", E_FRAGMENT, R_NONE, NULL, NULL, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

/* §4.1.2 atom:entry */
static const struct elem_def entry_children[] = {
	COMMON_META(R),
	{ A, "content", U | E_ANY, R_NONE, NULL, check_content, NULL },
	{ A, "published", U, R_NONE, NULL, check_date, NULL },
	{ A, "source", U | C, R_NONE, source_children, check_source, NULL },
	{ A, "summary", U | E_ANY, R_NONE, NULL, check_text_construct, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct elem_def feed_def = { A, "feed", C, R_NONE, feed_children, NULL, NULL };
static const struct elem_def entry_def = { A, "entry", C, R_NONE, entry_children, NULL, NULL };

#undef U
#undef R
#undef C
#undef A

/* ---- values ---- */

/* W3C ContainsEmail: §3.2.1 makes atom:name a human-readable name and §3.2.3
 * gives the address an element of its own, so an addr-spec inside the name
 * ("Jo <jo@example.org>", "jo@example.org (Jo)") is in the wrong place. A
 * word counts when it is an addr-spec whose domain has a dot once the
 * brackets and punctuation around it are taken off: "@jo" or "jo@home" are
 * not addresses. */
static bool has_email_word(const char *s)
{
	static const char *const sep = " \t\r\n<>()[],;\"'";
	char word[256];
	while (*s) {
		s += strspn(s, sep);
		size_t n = strcspn(s, sep);
		if (n == 0)
			break;
		if (n < sizeof word) {
			size_t k = n;
			memcpy(word, s, k);
			word[k] = '\0';
			while (k > 0 && (word[k - 1] == '.' || word[k - 1] == ':'))
				word[--k] = '\0';
			if (strncasecmp(word, "mailto:", 7) == 0)
				memmove(word, word + 7, strlen(word + 7) + 1);
			const char *at = strchr(word, '@');
			if (at && at > word && strchr(at, '.') && check_email(word))
				return true;
		}
		s += n;
	}
	return false;
}

static void check_person_name(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	if (has_email_word((const char *)t))
		rule_report(c, n, R_NAME_EMAIL, "<name> in <%s> \"%.200s\"",
			    n->parent ? (const char *)n->parent->name : "author", t);
	xmlFree(t);
}

void check_rfc3339_node(struct vctx *c, xmlNodePtr n, const char *what, const char *s)
{
	if (rule_check_value(c, n, R_DATE_RFC3339, what, s))
		rule_check_value(c, n, R_DATE_IMPLAUSIBLE, what, s);
}

static void check_date(struct vctx *c, xmlNodePtr n)
{
	check_no_surrounding_space(c, n);
	xmlChar *t = node_text(n);
	check_rfc3339_node(c, n, (const char *)n->name, (const char *)t);
	xmlFree(t);
}

/* ---- the normal form of an id (RFC 4287 §4.2.6.1, RFC 3986 §6.2) ---- */

static bool is_unreserved(unsigned char ch)
{
	return isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~';
}

/* s[0..n) with percent-encodings in upper case and those of unreserved
 * characters decoded (RFC 3986 §6.2.2.1, §6.2.2.2), letters lowered too when
 * lower is set (a scheme, a host: §6.2.2.1). */
static void add_normal(struct buf *b, const char *s, size_t n, bool lower)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '%' && i + 2 < n && isxdigit((unsigned char)s[i + 1]) &&
		    isxdigit((unsigned char)s[i + 2])) {
			char hex[3] = { s[i + 1], s[i + 2], 0 };
			unsigned char v = (unsigned char)strtoul(hex, NULL, 16);
			if (is_unreserved(v)) {
				buf_addc(b, lower ? (char)tolower(v) : (char)v);
			} else {
				buf_addc(b, '%');
				buf_addc(b, (char)toupper((unsigned char)hex[0]));
				buf_addc(b, (char)toupper((unsigned char)hex[1]));
			}
			i += 2;
		} else {
			buf_addc(b, lower && ch < 0x80 ? (char)tolower(ch) : (char)ch);
		}
	}
}

/* Drops the last segment of what b holds since start, with its '/'. */
static void drop_segment(struct buf *b, size_t start)
{
	while (b->len > start && b->data[b->len - 1] != '/')
		b->len--;
	if (b->len > start)
		b->len--;
}

/* RFC 3986 §5.2.4 remove_dot_segments, on path (length n), into b. */
static void add_path_without_dots(struct buf *b, const char *path, size_t n)
{
	size_t start = b->len, i = 0;
	while (i < n) {
		const char *p = path + i;
		size_t left = n - i;
		if (left >= 3 && strncmp(p, "../", 3) == 0) {
			i += 3;
		} else if (left >= 2 && strncmp(p, "./", 2) == 0) {
			i += 2;
		} else if (left >= 3 && strncmp(p, "/./", 3) == 0) {
			i += 2;
		} else if (left == 2 && strncmp(p, "/.", 2) == 0) {
			buf_addc(b, '/');
			return;
		} else if (left >= 4 && strncmp(p, "/../", 4) == 0) {
			drop_segment(b, start);
			i += 3;
		} else if (left == 3 && strncmp(p, "/..", 3) == 0) {
			drop_segment(b, start);
			buf_addc(b, '/');
			return;
		} else if ((left == 1 && *p == '.') || (left == 2 && strncmp(p, "..", 2) == 0)) {
			return;
		} else {
			size_t seg = 1;
			while (seg < left && p[seg] != '/')
				seg++;
			buf_add(b, p, seg);
			i += seg;
		}
	}
}

/* The normal form of the absolute URI s in b: scheme and host in lower case,
 * percent-encodings normalised, dot-segments removed, an http(s) URI's empty
 * path "/" and its default port dropped (RFC 3986 §6.2.2, §6.2.3; RFC 4287
 * §4.2.6.1). False, b untouched, when s has no scheme. */
static bool uri_normal_form(const char *s, struct buf *b)
{
	size_t k = 0;
	if (!isalpha((unsigned char)s[0]))
		return false;
	while (isalnum((unsigned char)s[k]) || s[k] == '+' || s[k] == '-' || s[k] == '.')
		k++;
	if (s[k] != ':')
		return false;
	add_normal(b, s, k, true);
	buf_addc(b, ':');
	bool web = (k == 4 && strncasecmp(s, "http", 4) == 0) ||
		   (k == 5 && strncasecmp(s, "https", 5) == 0);
	const char *rest = s + k + 1;
	if (strncmp(rest, "//", 2) != 0) {
		add_normal(b, rest, strlen(rest), false);
		return true;
	}
	const char *auth = rest + 2;
	size_t alen = strcspn(auth, "/?#");
	const char *at = memchr(auth, '@', alen);
	const char *host = at ? at + 1 : auth;
	size_t hlen = alen - (size_t)(host - auth);
	const char *colon = NULL;
	for (size_t i = hlen; i > 0 && host[i - 1] != ']'; i--)
		if (host[i - 1] == ':') {
			colon = host + i - 1;
			break;
		}
	size_t name_len = colon ? (size_t)(colon - host) : hlen;
	buf_adds(b, "//");
	if (at)
		add_normal(b, auth, (size_t)(at - auth) + 1, false);
	add_normal(b, host, name_len, true);
	if (colon) {
		const char *port = colon + 1;
		size_t plen = hlen - name_len - 1;
		bool dflt = plen == 0 ||
			    (k == 4 && web && plen == 2 && strncmp(port, "80", 2) == 0) ||
			    (k == 5 && web && plen == 3 && strncmp(port, "443", 3) == 0);
		if (!dflt) {
			buf_addc(b, ':');
			buf_add(b, port, plen);
		}
	}
	const char *path = auth + alen;
	size_t plen = strcspn(path, "?#");
	if (plen == 0 && web) {
		buf_addc(b, '/');
	} else {
		struct buf p;
		buf_init(&p);
		add_normal(&p, path, plen, false);
		add_path_without_dots(b, p.data ? p.data : "", p.len);
		buf_free(&p);
	}
	add_normal(b, path + plen, strlen(path + plen), false);
	return true;
}

/* W3C NonCanonicalURI: ids are compared character by character (§4.2.6.1),
 * so an id not in normal form may differ from the same id written by
 * another feed. The form it would have is named. */
static void check_id_normal(struct vctx *c, xmlNodePtr n, const char *s)
{
	struct buf b;
	buf_init(&b);
	if (uri_normal_form(s, &b)) {
		buf_addc(&b, '\0');
		if (strcmp(b.data, s) != 0)
			rule_report(c, n, R_ATOM_ID_CANONICAL, "<id> \"%.200s\" (normal form \"%.200s\")",
				    s, b.data);
	}
	buf_free(&b);
}

/* §4.2.6: an IRI, and "the definition of IRI excludes relative references". */
static void check_id(struct vctx *c, xmlNodePtr n)
{
	check_no_surrounding_space(c, n);
	xmlChar *t = node_text(n);
	const char *s = (const char *)t;
	if (*s == '\0' || is_relative_ref(s))
		rule_report(c, n, R_IRI, "<id> \"%.200s\" (an absolute IRI)", s);
	else if (has_scheme_kind(s, "tag"))
		rule_check_value(c, n, R_URI_TAG, "id", s);
	else if (has_scheme_kind(s, "urn"))
		rule_check_value(c, n, R_URN, "id", s);
	else
		rule_check_value(c, n, R_IRI, "id", s);
	if (*s && !is_relative_ref(s) && check_iri(s))
		check_id_normal(c, n, s);
	xmlFree(t);
}

static void check_iri_attr_as(struct vctx *c, xmlNodePtr n, const char *name, bool required,
			      enum rule_id id)
{
	xmlChar *v = attr_get(n, name);
	if (!v) {
		if (required)
			rule_report(c, n, R_MISSING_ATTRIBUTE, "<%s %s=\"...\">", n->name, name);
		return;
	}
	char what[64];
	snprintf(what, sizeof what, "%s on <%s>", name, n->name);
	rule_check_value(c, n, id, what, (const char *)v);
	xmlFree(v);
}

static void check_iri_attr(struct vctx *c, xmlNodePtr n, const char *name, bool required)
{
	check_iri_attr_as(c, n, name, required, R_IRI);
}

static void check_category(struct vctx *c, xmlNodePtr n)
{
	xmlChar *term = attr_get(n, "term");
	if (!term)
		rule_report(c, n, R_MISSING_ATTRIBUTE, "<category term=\"...\">");
	xmlFree(term);
	check_iri_attr_as(c, n, "scheme", false, R_IRI_FULL);
}

static void check_generator(struct vctx *c, xmlNodePtr n)
{
	check_iri_attr(c, n, "uri", false);
}

/* ---- text constructs and content ---- */

static bool only_space_text(xmlNodePtr n)
{
	for (xmlNodePtr ch = n->children; ch; ch = ch->next)
		if ((ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE) &&
		    !xmlIsBlankNode(ch))
			return false;
	return true;
}

static size_t element_children(xmlNodePtr n, xmlNodePtr *first)
{
	size_t k = 0;
	*first = NULL;
	for (xmlNodePtr ch = n->children; ch; ch = ch->next)
		if (ch->type == XML_ELEMENT_NODE && k++ == 0)
			*first = ch;
	return k;
}

static void check_unexpected_attrs(struct vctx *c, xmlNodePtr n, const char *const *allowed)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		if (a->ns)
			continue;
		bool ok = false;
		for (const char *const *p = allowed; *p; p++)
			ok = ok || strcmp(*p, (const char *)a->name) == 0;
		if (!ok)
			rule_report(c, n, R_UNEXPECTED_ATTRIBUTE, "%s on <%s>", a->name, n->name);
	}
}

/* Inside XHTML content: XHTML elements, and the MathML and SVG that HTML embeds. */
static bool xhtml_tree_ok(struct vctx *c, xmlNodePtr n)
{
	static const char *const allowed[] = {
		NS_XHTML, "http://www.w3.org/1998/Math/MathML", "http://www.w3.org/2000/svg", NULL
	};
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		const char *ns = node_ns(ch);
		bool ok = false;
		for (const char *const *a = allowed; *a && ns; a++)
			ok = ok || strcmp(*a, ns) == 0;
		if (!ok) {
			rule_report(c, ch, R_ATOM_XHTML_NAMESPACE, "<%s> in namespace \"%s\"", ch->name,
				    ns ? ns : "");
			return false;
		}
		if (ns && strcmp(ns, NS_XHTML) == 0 && !xhtml_tree_ok(c, ch))
			return false;
	}
	return true;
}

/* §3.1.1.3: the content of an XHTML construct is one xhtml:div. */
static void check_xhtml(struct vctx *c, xmlNodePtr n)
{
	xmlNodePtr div;
	if (element_children(n, &div) != 1 || !node_is(div, NS_XHTML, "div") || !only_space_text(n))
		rule_report(c, n, R_ATOM_XHTML_DIV, "<%s type=\"xhtml\">", n->name);
	else
		xhtml_tree_ok(c, div);
}

/* type="text" or "html": character data only. */
static void check_no_children(struct vctx *c, xmlNodePtr n)
{
	xmlNodePtr first;
	if (element_children(n, &first) > 0)
		rule_report(c, n, R_UNKNOWN_ELEMENT, "<%s> inside <%s>, whose type allows only text",
			    first->name, n->name);
}

static void check_plain_or_html(struct vctx *c, xmlNodePtr n, bool html)
{
	check_no_children(c, n);
	xmlChar *t = node_text(n);
	xmlNodePtr first;
	/* RFC 4287 allows an empty text construct; W3C warns (NotBlank) on an
	 * empty summary or content, which says nothing to a reader. An empty
	 * title is left alone: a site without a title has one. */
	bool body = xmlStrEqual(n->name, (const xmlChar *)"summary") ||
		    xmlStrEqual(n->name, (const xmlChar *)"content");
	if (body && *t == '\0' && element_children(n, &first) == 0)
		rule_report(c, n, R_BLANK, "<%s>", n->name);
	if (html)
		check_html_text(c, n, (const char *)n->name, (const char *)t);
	else
		rule_check_value(c, n, R_HTML_IN_TEXT, (const char *)n->name, (const char *)t);
	xmlFree(t);
}

/* §3.1 Text constructs: type is text (the default), html or xhtml. */
static void check_text_construct(struct vctx *c, xmlNodePtr n)
{
	static const char *const allowed[] = { "type", NULL };
	check_unexpected_attrs(c, n, allowed);
	xmlChar *type = attr_get(n, "type");
	const char *t = type ? (const char *)type : "text";
	if (strcmp(t, "xhtml") == 0)
		check_xhtml(c, n);
	else if (strcmp(t, "text") == 0 || strcmp(t, "html") == 0)
		check_plain_or_html(c, n, strcmp(t, "html") == 0);
	else
		rule_report(c, n, R_ATOM_TEXT_TYPE, "<%s type=\"%.50s\">", n->name, t);
	xmlFree(type);
}

static bool is_xml_media_type(const char *t)
{
	size_t n = strcspn(t, ";");
	while (n > 0 && isspace((unsigned char)t[n - 1]))
		n--;
	return (n >= 4 && strncasecmp(t + n - 4, "+xml", 4) == 0) ||
	       (n >= 4 && strncasecmp(t + n - 4, "/xml", 4) == 0) ||
	       strncasecmp(t, "xml-external-parsed-entity", 26) == 0;
}

static bool base64_ok(const char *s)
{
	size_t k = 0, pad = 0;
	for (; *s; s++) {
		if (isspace((unsigned char)*s))
			continue;
		if (*s == '=') {
			pad++;
			k++;
			continue;
		}
		if (pad || !(isalnum((unsigned char)*s) || *s == '+' || *s == '/'))
			return false;
		k++;
	}
	return pad <= 2 && k % 4 == 0;
}

/* W3C HtmlFragment: type="text/html" names a whole HTML document (RFC 2854),
 * not the escaped fragment type="html" is for (§4.1.3.1). */
static void check_text_html(struct vctx *c, xmlNodePtr n, const char *t)
{
	size_t len = strcspn(t, "; \t");
	if (len != 9 || strncasecmp(t, "text/html", 9) != 0)
		return;
	xmlChar *text = node_text(n);
	if (*text)
		check_html_document(c, n, (const char *)text);
	xmlFree(text);
}

/* atom:content without src, by its type: text, html, xhtml, or a media type
 * (XML inline, text types as text, anything else base64). */
static void check_content_by_type(struct vctx *c, xmlNodePtr n, const char *t, bool keyword)
{
	xmlNodePtr first;
	if (strcmp(t, "xhtml") == 0) {
		check_xhtml(c, n);
	} else if (keyword) {
		check_plain_or_html(c, n, strcmp(t, "html") == 0);
	} else if (is_xml_media_type(t)) {
		if (element_children(n, &first) > 0 && !only_space_text(n))
			rule_report(c, n, R_UNEXPECTED_TEXT, "text beside the element in <content type=\"%.50s\">", t);
	} else if (strncasecmp(t, "text/", 5) == 0) {
		check_no_children(c, n);
		check_text_html(c, n, t);
	} else {
		check_no_children(c, n);
		xmlChar *text = node_text(n);
		if (!base64_ok((const char *)text))
			rule_report(c, n, R_ATOM_BASE64, "<content type=\"%.50s\">", t);
		xmlFree(text);
	}
}

/* §4.1.3 atom:content: text, html, xhtml, a media type, or empty with src. */
static void check_content(struct vctx *c, xmlNodePtr n)
{
	static const char *const allowed[] = { "type", "src", NULL };
	check_unexpected_attrs(c, n, allowed);
	xmlChar *type = attr_get(n, "type");
	xmlChar *src = attr_get(n, "src");
	const char *t = type ? (const char *)type : "text";
	bool keyword = strcmp(t, "text") == 0 || strcmp(t, "html") == 0 || strcmp(t, "xhtml") == 0;
	/* a type that is no media type says nothing of what the content
	 * should be: that one error, not one more for each reading of it */
	bool typed = keyword || rule_check_value(c, n, R_MIME_TYPE, "type on <content>", t);
	if (!keyword && typed)
		rule_check_value(c, n, R_MEDIA_TYPE_PARAM, "type on <content>", t);
	if (src) {
		check_iri_attr(c, n, "src", false);
		if (!type)
			rule_report(c, n, R_CONTENT_NO_TYPE, "<content src=\"%.200s\"> has no type", src);
		xmlChar *text = node_text(n);
		xmlNodePtr first;
		if (*text || element_children(n, &first) > 0)
			rule_report(c, n, R_ATOM_CONTENT_SRC, "<content src=\"%.200s\">", src);
		xmlFree(text);
	} else if (typed) {
		check_content_by_type(c, n, t, keyword);
	}
	xmlFree(type);
	xmlFree(src);
}

/* ---- links ---- */

static const char *const registered_rels[] = {
	"alternate", "related", "self", "enclosure", "via", "license", "replies", "edit",
	"edit-media", "first", "last", "next", "previous", "prev", "next-archive",
	"prev-archive", "current", "payment", "hub", "search", "service", "describedby",
	"archives", "author", "canonical", "help", "icon", "index", "latest-version",
	"monitor", "monitor-group", "predecessor-version", "successor-version",
	"version-history", "working-copy", "working-copy-of", "up", "start", "subsection",
	"section", "appendix", "bookmark", "chapter", "contents", "copyright", "glossary",
	"alternate", "duplicate", "memento", "original", "timegate", "timemap", "preview",
	"privacy-policy", "terms-of-service", "type", "collection", "item", "sponsor",
	"ornament", "nofollow", "noreferrer", "pingback", "webmention", "tag",
	"shortlink", "stylesheet", "profile", "lrdd", "cite-as", "blocked-by",
	"create-form", "edit-form", "disclosure", "convertedfrom", "dns-prefetch",
	"external", "first", "manifest", "preconnect", "prefetch", "preload", "prerender",
	"search", "status", "sitemap", NULL
};

static bool rel_registered(const char *rel)
{
	for (const char *const *r = registered_rels; *r; r++)
		if (strcmp(*r, rel) == 0)
			return true;
	return false;
}

#define NS_THR "http://purl.org/syndication/thread/1.0"

/* RFC 4685 §4: thr:count and thr:updated on replies links; thr:when was
 * dropped before the RFC. */
static void check_thread_attrs(struct vctx *c, xmlNodePtr n)
{
	xmlChar *v = xmlGetNsProp(n, (const xmlChar *)"count", (const xmlChar *)NS_THR);
	if (v)
		rule_check_value(c, n, R_INT_NONNEGATIVE, "thr:count", (const char *)v);
	xmlFree(v);
	v = xmlGetNsProp(n, (const xmlChar *)"updated", (const xmlChar *)NS_THR);
	if (v)
		rule_check_value(c, n, R_DATE_RFC3339, "thr:updated", (const char *)v);
	xmlFree(v);
	v = xmlGetNsProp(n, (const xmlChar *)"when", (const xmlChar *)NS_THR);
	if (v)
		rule_report(c, n, R_UNEXPECTED_ATTRIBUTE, "thr:when on <link> (RFC 4685 uses thr:updated)");
	xmlFree(v);
}

/* An absolute xml:base on n or an ancestor: relative ones resolve against
 * the next one up (XML Base §4.1), and only an absolute one ends the chain
 * without the document's own URI. */
static bool absolute_base_in_scope(xmlNodePtr n)
{
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		xmlChar *b = xmlGetNsProp(n, (const xmlChar *)"base", (const xmlChar *)NS_XML);
		bool abs = b && !is_relative_ref((const char *)b);
		xmlFree(b);
		if (abs)
			return true;
	}
	return false;
}

/* The feed's or channel's own link: its ancestors are all in the head copy.
 * An entry is checked in a document of its own, without the feed's xml:base,
 * so its links are left alone rather than guessed at. */
static bool is_head_link(xmlNodePtr n)
{
	xmlNodePtr p = n->parent;
	if (!p || p->type != XML_ELEMENT_NODE)
		return false;
	const char *ns = node_ns(p);
	if (node_is(p, NS_ATOM, "feed"))
		return true;
	return xmlStrEqual(p->name, (const xmlChar *)"channel") &&
	       (!ns || strcmp(ns, NS_RSS1) == 0);
}

/* W3C RelativeSelf: a self link is for finding the feed again once the URI
 * it was fetched from is forgotten, so it must resolve with what the
 * document holds. An empty href (the document itself) is not this case. */
static void check_relative_self(struct vctx *c, xmlNodePtr n, const char *rel)
{
	if (strcmp(rel, "self") != 0 || !is_head_link(n))
		return;
	xmlChar *href = attr_get(n, "href");
	const char *h = href ? (const char *)href : "";
	if (*h && is_relative_ref(h) && !absolute_base_in_scope(n))
		rule_report(c, n, R_ATOM_RELATIVE_SELF, "href=\"%.200s\"", h);
	xmlFree(href);
}

/* RFC 5005 §4: current, prev-archive and next-archive link one document of
 * an archived feed to another; on an entry they point nowhere meant. */
static void check_history_rel(struct vctx *c, xmlNodePtr n, const char *rel)
{
	static const char *const archive_rels[] = { "current", "prev-archive", "next-archive", NULL };
	if (!n->parent || !node_is(n->parent, NS_ATOM, "entry"))
		return;
	for (const char *const *r = archive_rels; *r; r++)
		if (strcmp(*r, rel) == 0)
			rule_report(c, n, R_ATOM_HISTORY_IN_ENTRY, "rel=\"%s\" in <entry>", rel);
}

/* W3C AtomLinkNotEmpty: RFC 4287 leaves atom:link's content undefined, so
 * text there (a title written as content, say) is lost on every reader.
 * Foreign elements inside are left alone: extensions may define them. */
static void check_link_empty(struct vctx *c, xmlNodePtr n)
{
	if (!only_space_text(n))
		rule_report(c, n, R_ATOM_LINK_NOT_EMPTY, "<%s> with text", n->name);
}

/* W3C SelfNotAtom: in an Atom document, a self link is equivalent to the
 * feed or entry holding it, so a type other than Atom's is most often an
 * alternate link named self. Only types that are plainly something else are
 * named: the generic XML types could be an Atom document. In RSS the self
 * link's type is RSS's own. */
static void check_self_type(struct vctx *c, xmlNodePtr n, const char *rel)
{
	static const char *const atomish[] = {
		"application/atom+xml", "application/xml", "text/xml", NULL
	};
	xmlNodePtr root = n->doc ? xmlDocGetRootElement(n->doc) : NULL;
	if (strcmp(rel, "self") != 0 || !root || !node_is(root, NS_ATOM, (const char *)root->name))
		return;
	xmlChar *type = attr_get(n, "type");
	if (!type)
		return;
	const char *t = (const char *)type;
	while (isspace((unsigned char)*t))
		t++;
	size_t len = strcspn(t, ";");
	while (len > 0 && isspace((unsigned char)t[len - 1]))
		len--;
	bool ok = len == 0;
	for (const char *const *a = atomish; *a && !ok; a++)
		ok = strlen(*a) == len && strncasecmp(*a, t, len) == 0;
	if (!ok)
		rule_report(c, n, R_ATOM_SELF_NOT_ATOM, "rel=\"self\" type=\"%.100s\"", t);
	xmlFree(type);
}

/* s up to its fragment. */
static size_t before_fragment(const char *s)
{
	return strcspn(s, "#");
}

/* W3C SameDocumentReference: a relative href that resolves to the xml:base in
 * scope itself (".", "", "#x" under xml:base="http://example.com/blog/"):
 * RFC 3986 §4.4 makes it a reference to the current document, which some
 * readers take as the feed and others as the base's page. */
static void check_same_document(struct vctx *c, xmlNodePtr n)
{
	xmlChar *href = attr_get(n, "href");
	if (!href || !is_relative_ref((const char *)href) || !absolute_base_in_scope(n)) {
		xmlFree(href);
		return;
	}
	xmlChar *base = xmlNodeGetBase(n->doc, n);
	xmlChar *to = base ? xmlBuildURI(href, base) : NULL;
	if (to && before_fragment((const char *)to) == before_fragment((const char *)base) &&
	    strncmp((const char *)to, (const char *)base, before_fragment((const char *)base)) == 0)
		rule_report(c, n, R_SAME_DOCUMENT_REF, "<link href=\"%.200s\"> under xml:base \"%.200s\"",
			    href, base);
	xmlFree(to);
	xmlFree(base);
	xmlFree(href);
}

/* §4.2.7 atom:link: href (IRI), rel, type, hreflang, length. */
void atom_check_link(struct vctx *c, xmlNodePtr n)
{
	check_link_empty(c, n);
	check_iri_attr(c, n, "href", true);
	check_same_document(c, n);
	xmlChar *rel = attr_get(n, "rel");
	if (rel) {
		const char *r = (const char *)rel;
		check_relative_self(c, n, r);
		check_history_rel(c, n, r);
		check_self_type(c, n, r);
		if (strchr(r, ':'))
			rule_check_value(c, n, R_IRI, "rel on <link>", r);
		else if (!rel_registered(r) &&
			 strncmp(r, "http://www.iana.org/assignments/relation/", 41) != 0)
			rule_report(c, n, R_ATOM_LINK_REL, "rel=\"%.100s\"", r);
	}
	xmlFree(rel);
	xmlChar *type = attr_get(n, "type");
	if (type && rule_check_value(c, n, R_MIME_TYPE, "type on <link>", (const char *)type))
		rule_check_value(c, n, R_MEDIA_TYPE_PARAM, "type on <link>", (const char *)type);
	xmlFree(type);
	xmlChar *lang = attr_get(n, "hreflang");
	if (lang)
		rule_check_value(c, n, R_LANGUAGE, "hreflang on <link>", (const char *)lang);
	xmlFree(lang);
	xmlChar *len = attr_get(n, "length");
	if (len)
		rule_check_value(c, n, R_INT_NONNEGATIVE, "length on <link>", (const char *)len);
	xmlFree(len);
	check_thread_attrs(c, n);
}

static bool is_alternate(xmlNodePtr l)
{
	xmlChar *rel = attr_get(l, "rel");
	bool alt = !rel || strcmp((const char *)rel, "alternate") == 0 ||
		   strcmp((const char *)rel, "http://www.iana.org/assignments/relation/alternate") == 0;
	xmlFree(rel);
	return alt;
}

static bool same_attr(xmlNodePtr a, xmlNodePtr b, const char *name)
{
	xmlChar *x = attr_get(a, name), *y = attr_get(b, name);
	bool same = (!x && !y) || (x && y && xmlStrcasecmp(x, y) == 0);
	xmlFree(x);
	xmlFree(y);
	return same;
}

/* §4.1.1, §4.1.2: no two alternate links with the same type and hreflang. */
void atom_check_link_set(struct vctx *c, xmlNodePtr n)
{
	for (xmlNodePtr a = n->children; a; a = a->next) {
		if (!node_is(a, NS_ATOM, "link") || !is_alternate(a))
			continue;
		for (xmlNodePtr b = a->next; b; b = b->next)
			if (node_is(b, NS_ATOM, "link") && is_alternate(b) && same_attr(a, b, "type") &&
			    same_attr(a, b, "hreflang")) {
				rule_report(c, b, R_ATOM_DUPLICATE_LINK, "in <%s>", n->name);
				return;
			}
	}
}

/* ---- feed and entry ---- */

static void check_source(struct vctx *c, xmlNodePtr n)
{
	atom_check_link_set(c, n);
}

static struct atom_stream *stream_of(struct vctx *c)
{
	if (!c->atom)
		c->atom = xcalloc(1, sizeof *c->atom);
	return c->atom;
}

/* §4.1.1: metadata elements come before the entries (the schema's order). A
 * feed's author, once read, is every later entry's author. */
void atom_note_head_child(struct vctx *c, xmlNodePtr ch)
{
	struct atom_stream *s = stream_of(c);
	if (ch->type != XML_ELEMENT_NODE)
		return;
	if (node_is(ch, NS_ATOM, "author"))
		s->feed_author = true;
	/* an element the feed does not define is reported as that alone */
	bool defined = false;
	for (const struct elem_def *d = feed_children; d->name && !defined; d++)
		defined = node_is(ch, d->ns, d->name);
	if (s->in_entries && !s->misplaced && defined) {
		rule_report(c, ch, R_MISPLACED_ELEMENT, "<%s> after the entries", ch->name);
		s->misplaced = true;
	}
}

/* An entry's own author, or its source's. */
static bool entry_has_author(xmlNodePtr e)
{
	if (has_child(e, NS_ATOM, "author"))
		return true;
	xmlNodePtr src = first_child(e, NS_ATOM, "source");
	return src && has_child(src, NS_ATOM, "author");
}

/* An entry with no author needs its feed's (§4.1.1), which may come later
 * in the document: it waits until the head has been read whole. */
static void check_entry_author(struct vctx *c, xmlNodePtr e, bool in_feed)
{
	if (entry_has_author(e))
		return;
	if (!in_feed) {
		rule_report(c, e, R_ATOM_AUTHOR, "<entry>");
		return;
	}
	struct atom_stream *s = stream_of(c);
	if (s->feed_author)
		return;
	if (s->orphans < ATOM_ORPHANS_MAX) {
		long line = xmlGetLineNo(e);
		s->orphan[s->orphans].line = line > 0 ? (unsigned long)line : 0;
		s->orphan[s->orphans].col = node_column(c, e);
	}
	s->orphans++;
}

static void report_orphans(struct vctx *c, xmlNodePtr feed)
{
	struct atom_stream *s = stream_of(c);
	if (s->feed_author)
		return;
	size_t kept = s->orphans < ATOM_ORPHANS_MAX ? s->orphans : ATOM_ORPHANS_MAX;
	for (size_t i = 0; i < kept; i++)
		rule_report_at(c, s->orphan[i].line, s->orphan[i].col, R_ATOM_AUTHOR, "<entry>");
	if (s->orphans > kept)
		rule_report(c, feed, R_ATOM_AUTHOR, "%zu more entries", s->orphans - kept);
}

/* §4.1.1: versions of one entry (one atom:id) "SHOULD" have different
 * atom:updated timestamps, or a reader cannot tell which is the latest. The
 * pair id and updated, as written, is recorded for every entry. */
static void check_duplicate_updated(struct vctx *c, xmlNodePtr e, xmlNodePtr id, const char *t)
{
	xmlNodePtr up = first_child(e, NS_ATOM, "updated");
	if (!id || !*t || !up)
		return;
	xmlChar *u = node_text(up);
	if (*u) {
		xmlChar *key = xmlStrdup((const xmlChar *)t);
		key = xmlStrcat(key, (const xmlChar *)"\n");
		key = xmlStrcat(key, u);
		if (seen_before(c, "id+updated", (const char *)key))
			rule_report(c, up, R_ATOM_DUPLICATE_UPDATED, "\"%.200s\" at %.50s", t, u);
		xmlFree(key);
	}
	xmlFree(u);
}

/* §4.1.1: entries with one atom:id are versions of one entry, which a feed
 * may carry (a warning). Every entry of a feed (three or more) with one id is
 * not versions of an entry but a feed whose generator gives no ids: an error,
 * reported with the head. */
static void check_duplicate_id(struct vctx *c, xmlNodePtr e, bool in_feed)
{
	xmlNodePtr id = first_child(e, NS_ATOM, "id");
	xmlChar *t = id ? node_text(id) : xmlStrdup((const xmlChar *)"");
	if (id && seen_before(c, "id", (const char *)t))
		rule_report(c, id, R_ATOM_DUPLICATE_ID, "\"%.200s\"", t);
	check_duplicate_updated(c, e, id, (const char *)t);
	if (!in_feed) {
		xmlFree(t);
		return;
	}
	struct atom_stream *s = stream_of(c);
	s->in_entries = true;
	if (s->entries++ == 0) {
		s->first_id = t;
		return;
	}
	s->ids_differ = s->ids_differ || !*t || !xmlStrEqual(t, s->first_id);
	xmlFree(t);
}

static void check_all_ids_equal(struct vctx *c, xmlNodePtr feed)
{
	struct atom_stream *s = stream_of(c);
	if (!s->ids_differ && s->entries >= 3 && s->first_id && *s->first_id)
		rule_report(c, feed, R_ATOM_DUPLICATE_ENTRY, "%zu entries with id \"%.200s\"",
			    s->entries, s->first_id);
}

/* A link with rel="self": "atom:feed elements SHOULD contain one atom:link
 * element with a rel attribute value of "self"" (RFC 4287 §4.1.1). */
static void check_self_link(struct vctx *c, xmlNodePtr feed)
{
	for (xmlNodePtr l = feed->children; l; l = l->next) {
		if (!node_is(l, NS_ATOM, "link"))
			continue;
		xmlChar *rel = attr_get(l, "rel");
		bool self = rel && strcmp((const char *)rel, "self") == 0;
		xmlFree(rel);
		if (self)
			return;
	}
	rule_report(c, feed, R_ATOM_SELF_LINK, "<feed>");
}

#define NS_FH "http://purl.org/syndication/history/1.0"

/* RFC 5005 §4: "Archive documents SHOULD indicate their associated
 * subscription documents using the "current" link relation." */
static void check_archive_current(struct vctx *c, xmlNodePtr feed)
{
	if (!has_child(feed, NS_FH, "archive"))
		return;
	for (xmlNodePtr l = feed->children; l; l = l->next) {
		if (!node_is(l, NS_ATOM, "link"))
			continue;
		xmlChar *rel = attr_get(l, "rel");
		bool current = rel && (strcmp((const char *)rel, "current") == 0 ||
				       strcmp((const char *)rel,
					      "http://www.iana.org/assignments/relation/current") == 0);
		xmlFree(rel);
		if (current)
			return;
	}
	rule_report_end(c, feed, R_ATOM_ARCHIVE_CURRENT, "<feed> with <fh:archive>");
}

void atom_check_head(struct vctx *c, xmlNodePtr feed)
{
	elem_walk(c, feed, &feed_def, NS_ATOM);
	check_self_link(c, feed);
	check_archive_current(c, feed);
	atom_check_link_set(c, feed);
	check_all_ids_equal(c, feed);
	report_orphans(c, feed);
}

void atom_check_entry(struct vctx *c, xmlNodePtr e, bool in_feed)
{
	elem_walk(c, e, &entry_def, NS_ATOM);
	atom_check_link_set(c, e);
	check_entry_author(c, e, in_feed);
	xmlNodePtr content = first_child(e, NS_ATOM, "content");
	if (!content && !has_child(e, NS_ATOM, "summary"))
		rule_report_end(c, e, R_ATOM_NO_TEXT, "<entry> (add a <summary> or <content>)");
	if (!content) {
		bool alt = false;
		for (xmlNodePtr l = e->children; l; l = l->next)
			alt = alt || (node_is(l, NS_ATOM, "link") && is_alternate(l));
		if (!alt)
			rule_report_end(c, e, R_ATOM_ALTERNATE, "<entry>");
	} else if (!has_child(e, NS_ATOM, "summary")) {
		xmlChar *src = attr_get(content, "src");
		xmlChar *type = attr_get(content, "type");
		const char *t = type ? (const char *)type : "text";
		bool b64 = strcmp(t, "text") != 0 && strcmp(t, "html") != 0 &&
			   strcmp(t, "xhtml") != 0 && !is_xml_media_type(t) &&
			   strncasecmp(t, "text/", 5) != 0;
		if (src || b64)
			rule_report_end(c, e, R_ATOM_SUMMARY, "<entry>");
		xmlFree(src);
		xmlFree(type);
	}
	check_duplicate_id(c, e, in_feed);
}
