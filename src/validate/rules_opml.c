/* rules_opml.c: OPML 1.0, 1.1 and 2.0 (opml.org/spec2), outlines and
 * subscription lists.
 *
 * <opml version> has one <head> and one <body>; the head's elements are
 * optional and appear at most once; the body holds one or more <outline>.
 * Every outline has a text attribute (2.0: "a missing text attribute in any
 * outline element is an error"; 1.0 only calls it common, so there it is a
 * warning). Outline types are not case-sensitive: rss needs xmlUrl (and
 * should have title), link and include need url. Other attributes are
 * allowed ("processors should ignore any attributes they do not
 * understand"); elements not in a namespace and not in the spec are not
 * ("only if those elements are defined in a namespace"). */
#include <config.h>

#include <string.h>
#include <strings.h>

#include "validate/rules.h"

static void check_date(struct vctx *c, xmlNodePtr n);
static void check_http_el(struct vctx *c, xmlNodePtr n);
static void check_email_el(struct vctx *c, xmlNodePtr n);
static void check_body(struct vctx *c, xmlNodePtr n);

static const char *const a_version[] = { "version", NULL };

#define U E_UNIQUE
#define R E_REQUIRED
#define C E_CONTAINER
#define ROW(name, flags, value, children, check) \
	{ NULL, name, flags, value, children, check, NULL }
#define END { NULL, NULL, 0, R_NONE, NULL, NULL, NULL }

/* §What is a <head>? (ownerId and docs are new in 2.0, allowed in all) */
static const struct elem_def head_children[] = {
	ROW("title", U, R_NONE, NULL, NULL),
	ROW("dateCreated", U, R_NONE, NULL, check_date),
	ROW("dateModified", U, R_NONE, NULL, check_date),
	ROW("ownerName", U, R_NONE, NULL, NULL),
	ROW("ownerEmail", U, R_NONE, NULL, check_email_el),
	ROW("ownerId", U, R_NONE, NULL, check_http_el),
	ROW("docs", U, R_NONE, NULL, check_http_el),
	ROW("expansionState", U, R_OPML_EXPANSION, NULL, NULL),
	ROW("vertScrollState", U, R_OPML_NUMBER, NULL, NULL),
	ROW("windowTop", U, R_OPML_NUMBER, NULL, NULL),
	ROW("windowLeft", U, R_OPML_NUMBER, NULL, NULL),
	ROW("windowBottom", U, R_OPML_NUMBER, NULL, NULL),
	ROW("windowRight", U, R_OPML_NUMBER, NULL, NULL),
	END,
};

/* The outlines are read one by one (E_FRAGMENT): c->pieces counts them. */
static const struct elem_def body_children[] = {
	ROW("outline", E_FRAGMENT, R_NONE, NULL, NULL),
	END,
};

static const struct elem_def opml_children[] = {
	ROW("head", R | U | C, R_NONE, head_children, NULL),
	ROW("body", R | U | C, R_NONE, body_children, check_body),
	END,
};

static const struct elem_def opml_def = { NULL, "opml", C, R_NONE, opml_children, NULL,
					  a_version };
static const struct elem_def outline_document_def = { NULL, "outlineDocument", C, R_NONE,
						      opml_children, NULL, a_version };

#undef U
#undef R
#undef C
#undef ROW
#undef END

/* ---- checks ---- */

/* Notes §1: RFC 822 date-times, with two- or four-digit years. */
static void check_date(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	if (*t && !check_rfc822((const char *)t) && !check_rfc822_lax((const char *)t))
		rule_report(c, n, R_DATE_RFC822, "%s \"%.200s\"", n->name, t);
	else if (*t)
		rule_check_value(c, n, R_DATE_DAY_OF_WEEK, (const char *)n->name, (const char *)t);
	xmlFree(t);
}

static void check_http_el(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	if (*t)
		rule_check_value(c, n, R_URI_FULL, (const char *)n->name, (const char *)t);
	xmlFree(t);
}

static void check_email_el(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	if (*t)
		rule_check_value(c, n, R_EMAIL, (const char *)n->name, (const char *)t);
	xmlFree(t);
}

/* §What is a <body>? "one or more <outline> elements" — read before the head
 * is checked, so counted in c->pieces. */
static void check_body(struct vctx *c, xmlNodePtr n)
{
	if (c->pieces == 0)
		rule_report_end(c, n, R_MISSING_ELEMENT, "<body> needs <outline>");
}

/* An attribute of an outline checked by a rule, when it is there. */
static void outline_attr(struct vctx *c, xmlNodePtr n, const char *name, enum rule_id id)
{
	xmlChar *v = attr_get(n, name);
	if (v) {
		char what[64];
		snprintf(what, sizeof what, "%s on <outline>", name);
		rule_check_value(c, n, id, what, (const char *)v);
	}
	xmlFree(v);
}

/* A required http address (xmlUrl of rss, url of link and include). */
static void outline_url(struct vctx *c, xmlNodePtr n, const char *name, enum rule_id missing,
			const char *type)
{
	xmlChar *v = attr_get(n, name);
	if (!v || !*v)
		rule_report(c, n, missing, "<outline type=\"%s\"> without %s", type, name);
	else
		outline_attr(c, n, name, R_URI_FULL);
	xmlFree(v);
}

/* §What is an <outline>? created is an RFC 822 date-time (Notes §1), checked
 * as the head's dates are, the day of the week included (RFC 2822 §3.3). */
static void check_created(struct vctx *c, xmlNodePtr n)
{
	xmlChar *v = attr_get(n, "created");
	if (v && *v && !check_rfc822((const char *)v) && !check_rfc822_lax((const char *)v))
		rule_report(c, n, R_DATE_RFC822, "created on <outline> \"%.200s\"", v);
	else if (v && *v)
		rule_check_value(c, n, R_DATE_DAY_OF_WEEK, "created on <outline>", (const char *)v);
	xmlFree(v);
}

/* §Subscription lists: version "varies depending on the version of RSS
 * that's being supplied": RSS1 (1.0), RSS (0.91, 0.92, 2.0), scriptingNews;
 * the W3C validator also takes RSS2. Compared as the type is, ignoring case. */
static void check_rss_version(struct vctx *c, xmlNodePtr n)
{
	static const char *const known[] = { "RSS", "RSS1", "RSS2", "scriptingNews" };
	xmlChar *v = attr_get(n, "version");
	bool ok = !v;
	for (size_t i = 0; !ok && i < sizeof known / sizeof *known; i++)
		ok = strcasecmp((const char *)v, known[i]) == 0;
	if (!ok)
		rule_report(c, n, R_OPML_OUTLINE_VERSION, "version=\"%.40s\"", v);
	xmlFree(v);
}

/* §What is an <outline>?, §Other special attributes, §Subscription lists,
 * §Inclusion. Then the outlines it holds, depth-first; libxml2 bounds the
 * depth. */
static void check_outline(struct vctx *c, xmlNodePtr n)
{
	xmlChar *text = attr_get(n, "text");
	if (!text)
		rule_report(c, n, c->version >= 20 ? R_OPML_TEXT : R_OPML_TEXT_1X, "<outline>");
	xmlFree(text);
	xmlChar *type = attr_get(n, "type");
	if (type && strcasecmp((const char *)type, "rss") == 0) {
		outline_url(c, n, "xmlUrl", R_OPML_XMLURL, "rss");
		xmlChar *title = attr_get(n, "title");
		if (!title)
			rule_report(c, n, R_OPML_TITLE, "<outline type=\"rss\">");
		xmlFree(title);
		check_rss_version(c, n);
	} else if (type && (strcasecmp((const char *)type, "link") == 0 ||
			    strcasecmp((const char *)type, "include") == 0)) {
		outline_url(c, n, "url", R_OPML_URL, (const char *)type);
	} else if (type && *type) {
		/* W3C InvalidOutlineType: "For maximum interoperability, limit the
		 * values of the type attribute to link and rss"; include is OPML
		 * 2.0's own (§Inclusion). */
		rule_report(c, n, R_OPML_TYPE_UNKNOWN, "<outline type=\"%.40s\">", type);
	} else if (!type) {
		/* §Subscription lists: "Required attributes: type, text, xmlUrl";
		 * an outline with a feed's xmlUrl and no type (W3C
		 * MissingOutlineType). */
		xmlChar *xml_url = attr_get(n, "xmlUrl");
		if (xml_url)
			rule_report(c, n, R_OPML_TYPE_MISSING, "<outline xmlUrl=\"%.200s\"> without type",
				    xml_url);
		xmlFree(xml_url);
	}
	xmlFree(type);
	outline_attr(c, n, "htmlUrl", R_URI_FULL);
	outline_attr(c, n, "language", R_LANGUAGE);
	outline_attr(c, n, "isComment", R_OPML_TRUE_FALSE);
	outline_attr(c, n, "isBreakpoint", R_OPML_TRUE_FALSE);
	check_created(c, n);
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE) {
			if (!xmlIsBlankNode(ch))
				rule_report(c, n, R_UNEXPECTED_TEXT, "in <outline>");
		} else if (node_is(ch, NULL, "outline")) {
			check_outline(c, ch);
		} else if (ch->type == XML_ELEMENT_NODE && !node_ns(ch)) {
			rule_report(c, ch, R_UNKNOWN_ELEMENT, "<%s> in <outline>", ch->name);
		}
	}
}

void opml_check_outline(struct vctx *c, xmlNodePtr outline)
{
	check_outline(c, outline);
}

/* §What is an <opml>? "a single required attribute, version ... 1.0 ... or
 * 2.0"; 1.1 is read as 1.0. */
void opml_check_head(struct vctx *c, xmlNodePtr opml)
{
	if (node_is(opml, NULL, "outlineDocument")) {
		rule_report(c, opml, R_OPML_OBSOLETE, "<outlineDocument>");
		elem_walk(c, opml, &outline_document_def, NULL);
		return;
	}
	xmlChar *v = attr_get(opml, "version");
	if (!v)
		rule_report(c, opml, R_OPML_VERSION, "version attribute missing");
	else if (c->version == 0)
		rule_report(c, opml, R_OPML_VERSION, "version=\"%.20s\"", v);
	xmlFree(v);
	elem_walk(c, opml, &opml_def, NULL);
}
