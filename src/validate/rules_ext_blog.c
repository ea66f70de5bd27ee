/* rules_ext_blog.c: the namespaces blog software writes into its feeds, each
 * from its own specification:
 *   slash      RSS 1.0 mod_slash (web.resource.org/rss/1.0/modules/slash/)
 *   wfw        the Well-Formed Web Comment API (wellformedweb.org/CommentAPI/)
 *   thr        Atom threading extensions, RFC 4685
 *   feedburner FeedBurner's feed elements (no published schema: open)
 *   creativeCommons  the RSS 2.0 Creative Commons module (backend.userland.com/
 *              creativeCommonsRssModule), and cc: for RSS 1.0 (web.resource.org/cc/)
 *   access     Bloglines' feed access control (www.bloglines.com/about/specs/fac-1.0) */
#include <config.h>

#include <string.h>

#include <libxml/xmlstring.h>

#include "validate/rules_ext.h"

#define NS_SLASH "http://purl.org/rss/1.0/modules/slash/"
#define NS_WFW "http://wellformedweb.org/CommentAPI/"
#define NS_THR "http://purl.org/syndication/thread/1.0"
#define NS_FEEDBURNER "http://rssnamespace.org/feedburner/ext/1.0"
#define NS_CC "http://backend.userland.com/creativeCommonsRssModule"
#define NS_CC_RDF "http://web.resource.org/cc/"
#define NS_ACCESS "http://www.bloglines.com/about/specs/fac-1.0"

static void check_comment_rss_case(struct vctx *c, xmlNodePtr n);
static void check_cc_license_rdf(struct vctx *c, xmlNodePtr n);

/* mod_slash: four item elements, once each. "slash:comments: the number of
 * comments"; "slash:hit_parade: comma-separated integers". */
static const struct ext_row slash_rows[] = {
	{ LOW, LEAF(NS_SLASH, "section", E_UNIQUE, R_NONE) },
	{ LOW, LEAF(NS_SLASH, "department", E_UNIQUE, R_NONE) },
	{ LOW, LEAF(NS_SLASH, "comments", E_UNIQUE, R_INT_NONNEGATIVE) },
	{ LOW, LEAF(NS_SLASH, "hit_parade", E_UNIQUE, R_INT_LIST) },
	END,
};

const struct ext_ns ext_ns_slash = { NS_SLASH, true, slash_rows, NULL };

/* Comment API: wfw:comment, the URL comments are posted to, and
 * wfw:commentRss, the URL of the item's comment feed; in an item, once. The
 * spelling commentRSS is common and read by many: a warning (W3C CommentRSS). */
static const struct ext_row wfw_rows[] = {
	{ LOW, LEAF(NS_WFW, "comment", E_UNIQUE, R_URI_FULL) },
	{ LOW, LEAF(NS_WFW, "commentRss", E_UNIQUE, R_URI_FULL) },
	{ LOW, { NS_WFW, "commentRSS", E_UNIQUE, R_URI_FULL, NULL, check_comment_rss_case, NULL } },
	END,
};

const struct ext_ns ext_ns_wfw = { NS_WFW, true, wfw_rows, NULL };

/* RFC 4685 §3 thr:in-reply-to (ref required; ref, href and source IRIs; type
 * a media type; any number; the RFC's examples put it in entries, and it does
 * not forbid the feed), §5 thr:total (a non-negative integer, once). §4's thr:count and thr:updated are attributes
 * of atom:link (rules_atom.c). */
static const char *const a_reply[] = { "ref", "href", "type", "source", NULL };

static const struct ext_row thr_rows[] = {
	{ ANY, { NS_THR, "in-reply-to", E_ANY, R_NONE, NULL, ext_check_attrs, a_reply } },
	{ LOW, LEAF(NS_THR, "total", E_UNIQUE, R_INT_NONNEGATIVE) },
	END,
};

static const struct value_rule thr_values[] = {
	{ "in-reply-to", "ref", VR_REQUIRED, R_IRI, NULL },
	{ "in-reply-to", "href", 0, R_IRI, NULL },
	{ "in-reply-to", "source", 0, R_IRI, NULL },
	{ "in-reply-to", "type", 0, R_MIME_TYPE, NULL },
	VEND,
};

const struct ext_ns ext_ns_thr = { NS_THR, true, thr_rows, thr_values };

/* FeedBurner writes the original addresses of items and enclosures it
 * proxies, and a few channel elements. It never published a schema, so the
 * namespace is open and no element is tied to a level; each appears once
 * where it appears, and the addresses are URLs. */
static const struct ext_row feedburner_rows[] = {
	{ ANY, LEAF(NS_FEEDBURNER, "origLink", E_UNIQUE, R_NONE) },
	{ ANY, LEAF(NS_FEEDBURNER, "origEnclosureLink", E_UNIQUE, R_NONE) },
	{ ANY, LEAF(NS_FEEDBURNER, "awareness", E_UNIQUE, R_NONE) },
	{ ANY, LEAF(NS_FEEDBURNER, "feedburnerHostname", E_UNIQUE, R_NONE) },
	{ ANY, LEAF(NS_FEEDBURNER, "emailServiceId", E_UNIQUE, R_NONE) },
	{ ANY, LEAF(NS_FEEDBURNER, "browserFriendly", E_UNIQUE, R_NONE) },
	{ ANY, { NS_FEEDBURNER, "info", E_UNIQUE | E_ANY, R_NONE, NULL, NULL, NULL } },
	END,
};

static const struct value_rule feedburner_values[] = {
	{ "origLink", NULL, 0, R_URI_FULL, NULL },
	{ "origEnclosureLink", NULL, 0, R_URI_FULL, NULL },
	{ "awareness", NULL, 0, R_URI, NULL },
	{ "feedburnerHostname", NULL, 0, R_URI, NULL },
	{ "info", "uri", 0, R_URI, NULL },
	{ "feedFlare", "href", 0, R_URI, NULL },
	{ "feedFlare", "src", 0, R_URI, NULL },
	VEND,
};

const struct ext_ns ext_ns_feedburner = { NS_FEEDBURNER, false, feedburner_rows,
					  feedburner_values };

/* The RSS 2.0 module: creativeCommons:license, the URL of a licence, in the
 * channel or an item, "may be repeated" for more than one licence. */
static const struct ext_row cc_rows[] = {
	{ TOP | LOW, LEAF(NS_CC, "license", 0, R_URI_FULL) },
	END,
};

const struct ext_ns ext_ns_cc = { NS_CC, true, cc_rows, NULL };

/* RSS 1.0's cc: cc:license with an rdf:resource in the channel or an item;
 * cc:License descriptions (under rdf:RDF) hold cc:permits, cc:requires and
 * cc:prohibits, each an rdf:resource. */
static const struct ext_row cc_rdf_rows[] = {
	{ TOP | LOW, { NS_CC_RDF, "license", 0, R_NONE, NULL, check_cc_license_rdf, NULL } },
	{ ANY, { NS_CC_RDF, "License", E_ANY, R_NONE, NULL, rdf_check_about, NULL } },
	{ ANY, { NS_CC_RDF, "permits", 0, R_NONE, NULL, rdf_check_resource, NULL } },
	{ ANY, { NS_CC_RDF, "requires", 0, R_NONE, NULL, rdf_check_resource, NULL } },
	{ ANY, { NS_CC_RDF, "prohibits", 0, R_NONE, NULL, rdf_check_resource, NULL } },
	END,
};

const struct ext_ns ext_ns_cc_rdf = { NS_CC_RDF, false, cc_rdf_rows, NULL };

/* Feed access control 1.0: one access:restriction in the channel, empty, with
 * relationship "allow" or "deny" (W3C InvalidAccessRestrictionRel). */
static const char *const a_restriction[] = { "relationship", NULL };

static const struct ext_row access_rows[] = {
	{ TOP, { NS_ACCESS, "restriction", E_UNIQUE, R_NONE, NULL, NULL, a_restriction } },
	END,
};

static const struct value_rule access_values[] = {
	{ "restriction", "relationship", VR_REQUIRED, R_EXT_VALUE, "|allow|deny|" },
	VEND,
};

const struct ext_ns ext_ns_access = { NS_ACCESS, true, access_rows, access_values };

static void check_comment_rss_case(struct vctx *c, xmlNodePtr n)
{
	rule_report(c, n, R_WFW_COMMENT_RSS, "<wfw:commentRSS>");
}

/* In RSS 1.0 (an RDF document) cc:license names the licence with
 * rdf:resource; RSS 2.0 feeds using this namespace give the URL as text. */
static void check_cc_license_rdf(struct vctx *c, xmlNodePtr n)
{
	if (c->rdf_ns) {
		rdf_check_resource(c, n);
		return;
	}
	xmlChar *res = xmlGetNsProp(n, (const xmlChar *)"resource", (const xmlChar *)NS_RDF);
	xmlChar *t = node_text(n);
	if (res)
		rule_check_value(c, n, R_URI_FULL, "rdf:resource on <cc:license>", (const char *)res);
	else
		rule_check_value(c, n, R_URI_FULL, "<cc:license>", (const char *)t);
	xmlFree(res);
	xmlFree(t);
}
