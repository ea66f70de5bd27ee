/* rules_rdf.c: RSS 1.0 (web.resource.org/rss/1.0/spec) and RSS 0.90
 * (Netscape's RDF Site Summary), the two RSS versions that are RDF documents.
 *
 * The root is rdf:RDF; channel, image, item and textinput are its children,
 * side by side, in the format's own namespace (c->rdf_ns): the channel points
 * to its items, image and textinput by rdf:resource, and each of them names
 * itself with rdf:about (RSS 1.0 §5.3-5.6). RSS 0.90 has neither rdf:about nor
 * rdf:resource, and no items list. Any other namespace is a module (Dublin
 * Core, Syndication, Content, Admin, Taxonomy, Image, Annotation: rules_ext.c)
 * or an unknown one, allowed; an element in no namespace is an error, since
 * nothing says what vocabulary it is. */
#include <config.h>

#include <string.h>

#include "validate/rules_ext.h"

static void check_channel(struct vctx *c, xmlNodePtr n);
static void check_about_node(struct vctx *c, xmlNodePtr n);
static void check_title(struct vctx *c, xmlNodePtr n);

static const char *const a_resource[] = { "resource", NULL };

#define U E_UNIQUE
#define R E_REQUIRED
#define C E_CONTAINER
#define ROW(ns, name, flags, value, children, check) \
	{ ns, name, flags, value, children, check, NULL }
#undef END	/* rules_ext.h's, for ext_row tables */
#define END { NULL, NULL, 0, R_NONE, NULL, NULL, NULL }

/* §5.3.5 items: an rdf:Seq of rdf:li, each naming an item (rdf:resource, or
 * the unqualified resource of the specification's own examples). */
static const struct elem_def seq_children[] = {
	{ NS_RDF, "li", 0, R_NONE, NULL, NULL, a_resource },
	END,
};

static const struct elem_def items_children[] = {
	ROW(NS_RDF, "Seq", U | C, R_NONE, seq_children, NULL),
	END,
};

/* RSS 1.0 §5.3 <channel> */
static const struct elem_def channel10_children[] = {
	ROW(NS_RSS1, "title", R | U | E_NONBLANK, R_NONE, NULL, check_title),
	ROW(NS_RSS1, "link", R | U, R_URI_FULL, NULL, NULL),
	ROW(NS_RSS1, "description", R | U, R_NONE, NULL, NULL),
	ROW(NS_RSS1, "image", U, R_NONE, NULL, rdf_check_resource),
	ROW(NS_RSS1, "items", R | U | C, R_NONE, items_children, NULL),
	ROW(NS_RSS1, "textinput", U, R_NONE, NULL, rdf_check_resource),
	END,
};

/* §5.4 <image> */
static const struct elem_def image10_children[] = {
	ROW(NS_RSS1, "title", R | U, R_NONE, NULL, check_title),
	ROW(NS_RSS1, "url", R | U, R_URI_FULL, NULL, NULL),
	ROW(NS_RSS1, "link", R | U, R_URI_FULL, NULL, NULL),
	END,
};

/* §5.5 <item> */
static const struct elem_def item10_children[] = {
	ROW(NS_RSS1, "title", R | U, R_NONE, NULL, check_title),
	ROW(NS_RSS1, "link", R | U, R_URI_FULL, NULL, NULL),
	ROW(NS_RSS1, "description", U, R_NONE, NULL, NULL),
	END,
};

/* §5.6 <textinput> */
static const struct elem_def textinput10_children[] = {
	ROW(NS_RSS1, "title", R | U, R_NONE, NULL, check_title),
	ROW(NS_RSS1, "description", R | U, R_NONE, NULL, NULL),
	ROW(NS_RSS1, "name", R | U, R_RSS_FORM_NAME, NULL, NULL),
	ROW(NS_RSS1, "link", R | U, R_URI_FULL, NULL, NULL),
	END,
};

/* §5.2 <rdf:RDF>: the items are read one by one (E_FRAGMENT). */
static const struct elem_def rdf10_children[] = {
	ROW(NS_RSS1, "channel", R | U | C, R_NONE, channel10_children, check_channel),
	ROW(NS_RSS1, "image", U | C, R_NONE, image10_children, check_about_node),
	ROW(NS_RSS1, "item", E_FRAGMENT, R_NONE, NULL, NULL),
	ROW(NS_RSS1, "textinput", U | C, R_NONE, textinput10_children, check_about_node),
	END,
};

static const struct elem_def rdf10_def = ROW(NS_RDF, "RDF", C, R_NONE, rdf10_children, NULL);
static const struct elem_def item10_def =
	ROW(NS_RSS1, "item", C, R_NONE, item10_children, check_about_node);

/* RSS 0.90: the same four elements, without RDF references. */
static const struct elem_def channel090_children[] = {
	ROW(NS_RSS090, "title", R | U | E_NONBLANK, R_NONE, NULL, check_title),
	ROW(NS_RSS090, "link", R | U, R_URI_FULL, NULL, NULL),
	ROW(NS_RSS090, "description", R | U, R_NONE, NULL, NULL),
	END,
};

static const struct elem_def image090_children[] = {
	ROW(NS_RSS090, "title", R | U, R_NONE, NULL, check_title),
	ROW(NS_RSS090, "url", R | U, R_URI_FULL, NULL, NULL),
	ROW(NS_RSS090, "link", R | U, R_URI_FULL, NULL, NULL),
	END,
};

static const struct elem_def item090_children[] = {
	ROW(NS_RSS090, "title", R | U, R_NONE, NULL, check_title),
	ROW(NS_RSS090, "link", R | U, R_URI_FULL, NULL, NULL),
	END,
};

static const struct elem_def textinput090_children[] = {
	ROW(NS_RSS090, "title", R | U, R_NONE, NULL, check_title),
	ROW(NS_RSS090, "description", R | U, R_NONE, NULL, NULL),
	ROW(NS_RSS090, "name", R | U, R_RSS_FORM_NAME, NULL, NULL),
	ROW(NS_RSS090, "link", R | U, R_URI_FULL, NULL, NULL),
	END,
};

static const struct elem_def rdf090_children[] = {
	ROW(NS_RSS090, "channel", R | U | C, R_NONE, channel090_children, NULL),
	ROW(NS_RSS090, "image", U | C, R_NONE, image090_children, NULL),
	ROW(NS_RSS090, "item", E_FRAGMENT, R_NONE, NULL, NULL),
	ROW(NS_RSS090, "textinput", U | C, R_NONE, textinput090_children, NULL),
	END,
};

static const struct elem_def rdf090_def = ROW(NS_RDF, "RDF", C, R_NONE, rdf090_children, NULL);
static const struct elem_def item090_def =
	ROW(NS_RSS090, "item", C, R_NONE, item090_children, NULL);

#undef U
#undef R
#undef C
#undef ROW
#undef END

static bool is_rss090(const struct vctx *c)
{
	return c->rdf_ns && strcmp(c->rdf_ns, NS_RSS090) == 0;
}

/* ---- checks ---- */

static void check_title(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	rule_check_value(c, n, R_HTML_IN_TEXT, (const char *)n->name, (const char *)t);
	xmlFree(t);
}

/* An rdf: attribute that must be there and hold a URI reference (RDF/XML
 * §7.2.15, §7.2.18: rdf:about and rdf:resource are URI references). */
static void check_rdf_uri(struct vctx *c, xmlNodePtr n, const char *name, enum rule_id missing)
{
	xmlChar *v = xmlGetNsProp(n, (const xmlChar *)name, (const xmlChar *)NS_RDF);
	if (!v && strcmp(name, "resource") == 0)
		v = attr_get(n, "resource");
	if (!v) {
		rule_report(c, n, missing, "<%s> has no rdf:%s", n->name, name);
		return;
	}
	char what[64];
	snprintf(what, sizeof what, "rdf:%s on <%s>", name, (const char *)n->name);
	if (rule_check_value(c, n, R_URI, what, (const char *)v) && *v && !is_relative_ref((const char *)v))
		rule_check_value(c, n, R_URI_FULL, what, (const char *)v);
	xmlFree(v);
}

void rdf_check_about(struct vctx *c, xmlNodePtr n)
{
	check_rdf_uri(c, n, "about", R_RDF_ABOUT);
}

void rdf_check_resource(struct vctx *c, xmlNodePtr n)
{
	check_rdf_uri(c, n, "resource", R_RDF_RESOURCE);
}

static void check_about_node(struct vctx *c, xmlNodePtr n)
{
	if (!is_rss090(c))
		rdf_check_about(c, n);
}

static void check_li(struct vctx *c, xmlNodePtr seq)
{
	for (xmlNodePtr li = seq->children; li; li = li->next)
		if (node_is(li, NS_RDF, "li"))
			rdf_check_resource(c, li);
}

/* §5.3: rdf:about names the channel; items lists the items by rdf:li. */
static void check_channel(struct vctx *c, xmlNodePtr n)
{
	rdf_check_about(c, n);
	xmlNodePtr items = first_child(n, NS_RSS1, "items");
	xmlNodePtr seq = items ? first_child(items, NS_RDF, "Seq") : NULL;
	if (seq)
		check_li(c, seq);
}

/* Children of rdf:RDF and of the channel in no namespace: RSS 1.0 and 0.90
 * elements are all in their namespace, so nothing says what these are. */
static void check_no_namespace(struct vctx *c, xmlNodePtr n)
{
	for (xmlNodePtr ch = n->children; ch; ch = ch->next)
		if (ch->type == XML_ELEMENT_NODE && !node_ns(ch))
			rule_report(c, ch, R_RDF_NO_NAMESPACE, "<%s> in <%s>", ch->name,
				    n->name);
}

void rdf_check_head(struct vctx *c, xmlNodePtr rdf)
{
	check_no_namespace(c, rdf);
	ext_check_root_namespaces(c, rdf);
	for (xmlNodePtr ch = rdf->children; ch; ch = ch->next)
		if (node_is(ch, c->rdf_ns, "channel"))
			check_no_namespace(c, ch);
	elem_walk(c, rdf, is_rss090(c) ? &rdf090_def : &rdf10_def, c->rdf_ns);
}

void rdf_check_item(struct vctx *c, xmlNodePtr item)
{
	check_no_namespace(c, item);
	elem_walk(c, item, is_rss090(c) ? &item090_def : &item10_def, c->rdf_ns);
}
