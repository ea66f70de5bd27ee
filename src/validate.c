/* validate.c: one document through the three layers.
 *
 * 1. libxml2 parses with NONET and BIG_LINES and without entity substitution
 *    or DTD loading; errors keep their line and column.
 * 2. The root says what the document is; RSS 2.0 and Atom 1.0 go on.
 * 3. The feed's head and then each entry or item are checked by the rules and
 *    copied into a small document of their own for the schema, so the cost of
 *    RELAX NG stays linear in the number of entries. Schema messages for a
 *    fragment are shown only when the rules found no error in it: the rules say
 *    the same thing with a better message. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "rules.h"
#include "schema.h"
#include "text.h"
#include "validate.h"
#include "validate_json.h"

struct validator {
	struct schemas *schemas;
};

/* ---- reports ---- */

void vreport_init(struct vreport *r)
{
	memset(r, 0, sizeof *r);
}

void vreport_free(struct vreport *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].message);
	free(r->v);
	vreport_init(r);
}

void vreport_add(struct vreport *r, enum diag_severity sev, unsigned long line,
		 unsigned long col, const char *rule, const char *spec, const char *message)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	/* libxml2's messages carry newlines; one diagnostic must stay one line. */
	r->v[r->n++] = (struct vdiag){ sev, line, col, rule, spec, utf8_scrub(text_squeeze(xstrdup(message))) };
	if (sev == DIAG_ERROR)
		r->errors++;
	else if (sev == DIAG_WARNING)
		r->warnings++;
}

void vreport_sort(struct vreport *r)
{
	/* Insertion sort: stable, and reports are short and nearly sorted. */
	for (size_t i = 1; i < r->n; i++) {
		struct vdiag d = r->v[i];
		size_t j = i;
		while (j > 0 && (r->v[j - 1].line > d.line ||
				 (r->v[j - 1].line == d.line && r->v[j - 1].col > d.col))) {
			r->v[j] = r->v[j - 1];
			j--;
		}
		r->v[j] = d;
	}
}

const char *doc_kind_name(enum doc_kind kind)
{
	switch (kind) {
	case DOC_RSS2: return "RSS 2.0";
	case DOC_ATOM: return "Atom 1.0";
	case DOC_ATOM_ENTRY: return "Atom 1.0 entry";
	case DOC_OTHER: return "not RSS 2.0 or Atom 1.0";
	case DOC_JSON: return "JSON Feed";
	case DOC_UNKNOWN: break;
	}
	return "unknown";
}

/* ---- validator ---- */

/* Nothing is ever loaded through an entity or a DTD reference. */
static xmlParserInputPtr deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

struct validator *validator_new(void)
{
	struct schemas *s = schemas_new();
	if (!s)
		return NULL;
	xmlSetExternalEntityLoader(deny_loader);
	struct validator *v = xcalloc(1, sizeof *v);
	v->schemas = s;
	return v;
}

void validator_free(struct validator *v)
{
	if (!v)
		return;
	schemas_free(v->schemas);
	free(v);
}

/* ---- layer 1: parsing ---- */

static bool is_entity_error(int code)
{
	return code == XML_ERR_UNDECLARED_ENTITY || code == XML_WAR_UNDECLARED_ENTITY ||
	       code == XML_ERR_ENTITY_LOOP || code == XML_ERR_ENTITY_BOUNDARY ||
	       code == XML_ERR_ENTITY_PE_INTERNAL || code == XML_ERR_UNPARSED_ENTITY;
}

static bool is_encoding_error(int code)
{
	return code == XML_ERR_UNSUPPORTED_ENCODING || code == XML_ERR_INVALID_ENCODING ||
	       code == XML_ERR_INVALID_CHAR || code == XML_ERR_UNKNOWN_ENCODING ||
	       code == XML_ERR_ENCODING_NAME || code == XML_I18N_CONV_FAILED;
}

static void parse_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr pc = ctx;
	struct vctx *c = pc->_private;
	if (!e || !c)
		return;
	enum rule_id id = R_XML_MALFORMED;
	if (is_entity_error(e->code))
		id = R_XML_ENTITY;
	else if (is_encoding_error(e->code))
		id = R_XML_ENCODING;
	else if (e->domain == XML_FROM_NAMESPACE)
		id = R_XML_NAMESPACE;
	else if (e->level == XML_ERR_WARNING)
		return;
	if (e->domain == XML_FROM_IO && id == R_XML_MALFORMED)
		return;
	char msg[512];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "error");
	size_t n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	rule_report_at(c, e->line > 0 ? (unsigned long)e->line : 0,
		       e->int2 > 0 ? (unsigned long)e->int2 : 0, id, "%s", msg);
}

static xmlDocPtr parse(struct vctx *c, bool *well_formed)
{
	xmlParserCtxtPtr pc = xmlNewParserCtxt();
	if (!pc)
		return NULL;
	pc->_private = c;
	pc->sax->serror = parse_error;
	pc->sax->initialized = XML_SAX2_MAGIC;
	xmlDocPtr doc = xmlCtxtReadMemory(pc, c->data, (int)c->len, NULL, NULL,
					  XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	*well_formed = doc && pc->wellFormed && pc->nsWellFormed;
	xmlFreeParserCtxt(pc);
	return doc;
}

static void index_lines(struct vctx *c, size_t **starts)
{
	size_t n = 1;
	for (size_t i = 0; i < c->len; i++)
		if (c->data[i] == '\n')
			n++;
	*starts = xmalloc(n * sizeof **starts);
	(*starts)[0] = 0;
	size_t k = 1;
	for (size_t i = 0; i < c->len; i++)
		if (c->data[i] == '\n')
			(*starts)[k++] = i + 1;
	c->line_starts = *starts;
	c->nlines = n;
}

/* xml:base is a URI reference (RFC 3986, XML Base §3); xml:lang a language tag or "". */
static void check_xml_attrs(struct vctx *c, xmlNodePtr n)
{
	xmlChar *base = xmlGetNsProp(n, (const xmlChar *)"base", (const xmlChar *)NS_XML);
	if (base)
		rule_check_value(c, n, R_IRI, "xml:base", (const char *)base);
	xmlFree(base);
	xmlChar *lang = xmlGetNsProp(n, (const xmlChar *)"lang", (const xmlChar *)NS_XML);
	if (lang && *lang)
		rule_check_value(c, n, R_LANGUAGE, "xml:lang", (const char *)lang);
	xmlFree(lang);
}

/* Entity references are replaced by their replacement text, once, as plain
 * text (references inside it are not expanded), within a budget for the whole
 * document: internal entities work, and none can make the text grow without
 * bound. Undefined ones (their text is lost) are errors. */
#define ENTITY_BUDGET ((size_t)4 << 20)

static void inline_entity(struct vctx *c, xmlNodePtr ref, size_t *budget)
{
	const xmlChar *t = NULL;
	if (ref->children && ref->children->type == XML_ENTITY_DECL)
		t = ((xmlEntityPtr)ref->children)->content;
	if (!t)
		rule_report(c, ref->parent, R_XML_ENTITY, "&%s; is not defined", ref->name);
	size_t len = t ? strlen((const char *)t) : 0;
	if (len > *budget) {
		if (*budget != (size_t)-1)
			rule_report(c, ref->parent, R_XML_ENTITY, "entities expand past %zu bytes",
				    ENTITY_BUDGET);
		*budget = (size_t)-1;
		len = 0;
	} else {
		*budget -= len;
	}
	xmlNodePtr text = xmlNewDocTextLen(ref->doc, t ? t : (const xmlChar *)"", (int)len);
	xmlReplaceNode(ref, text);
	xmlFreeNode(ref);
}

/* Checks every element may have; entity references inlined. Recursion depth
 * is bounded by libxml2's nesting limit (256 without XML_PARSE_HUGE). */
static void check_all_elements(struct vctx *c, xmlNodePtr n, size_t *budget)
{
	check_xml_attrs(c, n);
	xmlNodePtr ch = n->children;
	while (ch) {
		xmlNodePtr next = ch->next;
		if (ch->type == XML_ENTITY_REF_NODE)
			inline_entity(c, ch, budget);
		else if (ch->type == XML_ELEMENT_NODE)
			check_all_elements(c, ch, budget);
		ch = next;
	}
}

/* ---- layer 2: what the document is ---- */

static enum doc_kind classify(struct vctx *c, xmlNodePtr root)
{
	const char *ns = node_ns(root);
	const char *name = (const char *)root->name;
	if (node_is(root, NULL, "rss")) {
		xmlChar *ver = attr_get(root, "version");
		enum doc_kind k = DOC_RSS2;
		if (ver && strncmp((const char *)ver, "2.", 2) != 0) {
			rule_report(c, root, R_NOT_A_FEED, "RSS version %s", ver);
			k = DOC_OTHER;
		}
		xmlFree(ver);
		return k;
	}
	if (node_is(root, NS_ATOM, "feed"))
		return DOC_ATOM;
	if (node_is(root, NS_ATOM, "entry"))
		return DOC_ATOM_ENTRY;
	if (strcmp(name, "RDF") == 0)
		rule_report(c, root, R_NOT_A_FEED, "RSS 1.0 or 0.90 (RDF)");
	else if (ns && strcmp(ns, "http://purl.org/atom/ns#") == 0)
		rule_report(c, root, R_NOT_A_FEED, "Atom 0.3 (obsolete; use Atom 1.0)");
	else if (strcmp(name, "feed") == 0 || strcmp(name, "entry") == 0)
		rule_report(c, root, R_NOT_A_FEED, "<%s> in namespace \"%s\", not \"%s\"", name,
			    ns ? ns : "", NS_ATOM);
	else if (strcasecmp(name, "html") == 0)
		rule_report(c, root, R_NOT_A_FEED, "an HTML page");
	else if (strcmp(name, "opml") == 0)
		rule_report(c, root, R_NOT_A_FEED, "OPML");
	else
		rule_report(c, root, R_NOT_A_FEED, "unknown root element <%s>", name);
	return DOC_OTHER;
}

/* ---- layer 3: fragments ---- */

struct schema_relay {
	struct vctx *c;
	enum rule_id id;
	int shown;
};

static void schema_message(void *ctx, unsigned long line, const char *message)
{
	struct schema_relay *r = ctx;
	if (r->shown++ >= 3)
		return;
	rule_report_at(r->c, line, 0, r->id, "%s", message);
}

static void schema_check(struct validator *v, struct vctx *c, enum schema_which which,
			 xmlDocPtr frag, unsigned long errors_before)
{
	struct schema_relay r = { c, which == SCHEMA_ATOM ? R_SCHEMA_ATOM : R_SCHEMA_RSS, 0 };
	bool quiet = c->rep->errors > errors_before;
	schema_validate(v->schemas, which, frag, quiet ? NULL : schema_message, &r);
}

/* A copy of node into a new document: with its children when deep, else only
 * its attributes and namespaces. */
static xmlDocPtr fragment_doc(xmlNodePtr node, bool deep, xmlNodePtr *root)
{
	xmlDocPtr d = xmlNewDoc((const xmlChar *)"1.0");
	*root = xmlDocCopyNode(node, d, deep ? 1 : 2);
	xmlDocSetRootElement(d, *root);
	return d;
}

static void copy_children_except(xmlNodePtr from, xmlNodePtr to, const char *ns, const char *skip)
{
	for (xmlNodePtr ch = from->children; ch; ch = ch->next)
		if (!node_is(ch, ns, skip))
			xmlAddChild(to, xmlDocCopyNode(ch, to->doc, 1));
}

static void check_piece(struct validator *v, struct vctx *c, enum schema_which which,
			xmlNodePtr node, void (*rules)(struct vctx *, xmlNodePtr))
{
	unsigned long before = c->rep->errors;
	rules(c, node);
	xmlNodePtr root;
	xmlDocPtr d = fragment_doc(node, true, &root);
	schema_check(v, c, which, d, before);
	xmlFreeDoc(d);
}

static void check_atom(struct validator *v, struct vctx *c, xmlNodePtr feed)
{
	unsigned long before = c->rep->errors;
	atom_check_head(c, feed);
	xmlNodePtr root;
	xmlDocPtr d = fragment_doc(feed, false, &root);
	copy_children_except(feed, root, NS_ATOM, "entry");
	schema_check(v, c, SCHEMA_ATOM, d, before);
	xmlFreeDoc(d);
	for (xmlNodePtr e = feed->children; e; e = e->next)
		if (node_is(e, NS_ATOM, "entry"))
			check_piece(v, c, SCHEMA_ATOM, e, atom_check_entry);
}

static void check_rss(struct validator *v, struct vctx *c, xmlNodePtr rss)
{
	unsigned long before = c->rep->errors;
	rss_check_head(c, rss);
	xmlNodePtr root;
	xmlDocPtr d = fragment_doc(rss, false, &root);
	xmlNodePtr channel = first_child(rss, NULL, "channel");
	for (xmlNodePtr ch = rss->children; ch; ch = ch->next) {
		if (ch != channel) {
			xmlAddChild(root, xmlDocCopyNode(ch, d, 1));
			continue;
		}
		xmlNodePtr cc = xmlDocCopyNode(ch, d, 2);
		xmlAddChild(root, cc);
		copy_children_except(ch, cc, NULL, "item");
	}
	schema_check(v, c, SCHEMA_RSS, d, before);
	xmlFreeDoc(d);
	if (!channel)
		return;
	for (xmlNodePtr it = channel->children; it; it = it->next)
		if (node_is(it, NULL, "item"))
			check_piece(v, c, SCHEMA_RSS, it, rss_check_item);
}

unsigned long validate_document(struct validator *v, const char *data, size_t len,
				struct vreport *out)
{
	/* A JSON text (JSON Feed) is never XML: it has its own checker, which
	 * reports into the same vreport. */
	if (validate_json_detect(data, len))
		return validate_json(data, len, out);
	struct vctx c = { .rep = out, .data = data, .len = len };
	size_t *starts;
	index_lines(&c, &starts);
	unsigned long before = out->errors;
	bool well_formed = false;
	xmlDocPtr doc = parse(&c, &well_formed);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root && out->errors == before)
		rule_report_at(&c, 0, 0, R_XML_MALFORMED, "no root element");
	out->kind = DOC_UNKNOWN;
	if (root && well_formed) {
		c.doc = doc;
		c.ids = xmlHashCreate(64);
		size_t budget = ENTITY_BUDGET;
		check_all_elements(&c, root, &budget);
		out->kind = classify(&c, root);
		if (out->kind == DOC_ATOM)
			check_atom(v, &c, root);
		else if (out->kind == DOC_ATOM_ENTRY)
			check_piece(v, &c, SCHEMA_ATOM, root, atom_check_entry);
		else if (out->kind == DOC_RSS2)
			check_rss(v, &c, root);
		xmlHashFree(c.ids, NULL);
	}
	if (doc)
		xmlFreeDoc(doc);
	free(starts);
	return out->errors - before;
}
