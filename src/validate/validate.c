/* validate.c: one document through the three layers, read as a stream.
 *
 * 1. libxml2's xmlTextReader parses with NONET and BIG_LINES and without
 *    entity substitution or DTD loading; errors keep their line and column.
 * 2. The root says what the document is; RSS 2.0 and Atom 1.0 go on.
 * 3. Each entry or item is expanded alone, copied into a small document of its
 *    own, checked by the rules and the schema, and freed before the next one
 *    is read. Every other child of the feed (or channel) is copied into a head
 *    document without entries, checked once the document has ended with what
 *    the entries told about it (rules.h, struct atom_stream). Memory holds the
 *    head and one entry, whatever the feed's length, and the cost of RELAX NG
 *    stays linear in the number of entries. Schema messages for a piece are
 *    shown only when the rules found no error in it: the rules say the same
 *    thing with a better message.
 * A document that turns out not to be well-formed keeps only its XML errors,
 * as if it had been parsed whole before any rule ran. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "base/text.h"
#include "validate/columns.h"
#include "validate/rules.h"
#include "validate/schema.h"
#include "validate/sniff.h"
#include "validate/tagscan.h"
#include "validate/validate.h"
#include "validate/validate_json.h"

struct validator {
	struct schemas *schemas;
};

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

/* ---- input ---- */

/* What the reader reads: mem[0..len) first, then fd to its end (-1: none).
 * Every byte read also goes to the raw window, for columns, and through the
 * tag scan (tagscan.h), which may end the input early. */
struct source {
	const char *mem;
	size_t len, pos;
	int fd;
	int err;		/* errno of a failed read, else 0 */
	struct rawwin *win;
	struct tagscan scan;
	struct vctx *c;		/* where the scan's stop is reported */
	bool stopped;		/* by the scan: the reader sees the end of input */
};

/* The tag scan stopped the input: says where and why. What the parser
 * makes of the input's sudden end is not reported (parse_error). */
static void source_stop(struct source *s)
{
	const struct tagscan *t = &s->scan;
	s->stopped = true;
	if (t->stop == TAGSCAN_ATTRIBUTES)
		rule_report_at(s->c, t->tag_line, t->tag_col, R_XML_TOO_MANY_ATTRIBUTES,
			       "<%s> has more than %d attributes", t->name, TAGSCAN_MAX_ATTRIBUTES);
	else if (t->stop == TAGSCAN_DEFAULTS)
		rule_report_at(s->c, t->tag_line, t->tag_col, R_XML_TOO_MANY_ATTRIBUTES,
			       "<!ATTLIST> declarations give more than %d default values or %d "
			       "bytes of them, which every element they name would get",
			       TAGSCAN_MAX_DEFAULTS, TAGSCAN_MAX_DEFAULT_BYTES);
	else
		rule_report_at(s->c, t->tag_line, t->tag_col, R_XML_ENCODING,
			       "the document is UTF-16, but its XML declaration names encoding "
			       "\"%s\"; it is not read past it", t->enc_name);
}

static int source_read(void *ctx, char *out, int want)
{
	struct source *s = ctx;
	size_t n = 0;
	if (want <= 0 || s->stopped)
		return 0;
	if (s->pos < s->len) {
		n = s->len - s->pos < (size_t)want ? s->len - s->pos : (size_t)want;
		memcpy(out, s->mem + s->pos, n);
		s->pos += n;
	} else if (s->fd >= 0) {
		ssize_t r = read_full(s->fd, out, (size_t)want);
		if (r < 0) {
			s->err = errno;
			return -1;
		}
		n = (size_t)r;
	}
	if (!tagscan_feed(&s->scan, out, n)) {
		source_stop(s);
		return 0;
	}
	rawwin_append(s->win, out, n);
	return (int)n;
}

static int source_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/* ---- layer 1: parsing ---- */

/* One document being read. */
struct stream_format;

struct walk {
	struct validator *v;
	struct vctx *c;
	xmlTextReaderPtr rd;
	bool malformed;		/* a well-formedness or namespace error was seen */
	int unplaced;		/* code of the last error that came without a position */
	size_t budget;		/* bytes entity references may still add */
	bool budget_spent;	/* past it: said once, nothing more added */
	size_t undeclared;	/* undefined entities the parser has reported, that
				 * entity_text has not met yet: said once, not twice */
	size_t head_nodes;	/* children copied into the head so far */
	const struct stream_format *fmt;	/* how the document is streamed */
	const char *piece_ns;	/* the namespace of its pieces; NULL: none */
	const struct source *src;	/* what the reader reads */
	bool entity_limit;	/* libxml2's entity limit was reported */
	unsigned long head_errors;	/* errors found while the head was copied */
	enum doc_kind kind;	/* what the root says, once it is read */
	unsigned told;		/* warnings given once a document: TOLD_* */
	uint32_t prefixes_told;	/* reserved_prefixes rows reported, one bit each */
};

/* A real feed's head has tens of children; past this many, the rest are
 * skipped, so a hostile head cannot grow memory as the entries cannot. */
#define HEAD_NODES_MAX 20000

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

/* Under the reader, libxml2's push parser says "Extra content at the end of
 * the document" of input that ends too soon; this says what its whole-document
 * parser says. Returns false when the message is right as it is. */
static bool premature_end(const xmlError *e, char *msg, size_t size)
{
	const xmlParserCtxt *pc = e->ctxt;
	if (e->code != XML_ERR_DOCUMENT_END || !pc)
		return false;
	if (pc->nameNr > 0 && pc->name && pc->node) {
		snprintf(msg, size, "Premature end of data in tag %s line %ld", pc->name,
			 xmlGetLineNo(pc->node));
		return true;
	}
	if (!pc->myDoc || !xmlDocGetRootElement(pc->myDoc)) {
		snprintf(msg, size, "Document is empty");
		return true;
	}
	return false;
}

/* RSS 0.91's DTD, which Netscape published and the RSS Advisory Board
 * republished, declares the ISO Latin-1 entities of HTML (&nbsp; to &yuml;).
 * It is never loaded; a document that names it by its public identifier gets
 * those entities as if it had been. Returns the character (160 to 255), or 0
 * when the document does not name the DTD or name is not one of them. (The
 * document is the parser's or a node's: xmlTextReaderCurrentDoc would take
 * it from the reader, which then no longer frees it.) */
#define RSS091_DTD "-//Netscape Communications//DTD RSS 0.91//EN"

static unsigned rss091_entity(xmlDocPtr doc, const xmlChar *name)
{
	if (!name || !doc || !doc->intSubset || !doc->intSubset->ExternalID ||
	    strcmp((const char *)doc->intSubset->ExternalID, RSS091_DTD) != 0)
		return 0;
	const htmlEntityDesc *e = htmlEntityLookup(name);
	return e && e->value >= 160 && e->value <= 255 ? e->value : 0;
}

/* libxml2 2.9.14 says "Detected an entity reference loop" both of a loop
 * and of entities that nest past 40 levels or expand too far (a "billion
 * laughs"), once for each entity it checks: said once, as what happened. */
static bool entity_limit(struct walk *w, const xmlError *e)
{
	if (e->code != XML_ERR_ENTITY_LOOP)
		return false;
	w->malformed = true;
	if (w->entity_limit)
		return true;
	w->entity_limit = true;
	int l = w->rd ? xmlTextReaderGetParserLineNumber(w->rd) : 0;
	rule_report_at(w->c, l > 0 ? (unsigned long)l : 0, 0, R_XML_ENTITY,
		       "entity expansion limit exceeded: entities refer to each other in a loop, "
		       "nest more than 40 deep or expand too far (a \"billion laughs\"); "
		       "they are not expanded");
	return true;
}

static void parse_error(void *arg, xmlErrorPtr e)
{
	struct walk *w = arg;
	if (!e)
		return;
	if (w->src && w->src->stopped) {
		w->malformed = true;	/* the input was cut: source_stop said why */
		return;
	}
	if (entity_limit(w, e))
		return;
	if ((e->code == XML_WAR_UNDECLARED_ENTITY || e->code == XML_ERR_UNDECLARED_ENTITY) &&
	    e->domain == XML_FROM_PARSER && e->ctxt &&
	    rss091_entity(((xmlParserCtxtPtr)e->ctxt)->myDoc, (const xmlChar *)e->str1))
		return;
	if ((e->code == XML_WAR_UNDECLARED_ENTITY || e->code == XML_ERR_UNDECLARED_ENTITY) &&
	    e->domain == XML_FROM_PARSER)
		w->undeclared++;
	if (e->level >= XML_ERR_ERROR &&
	    (e->domain == XML_FROM_PARSER || e->domain == XML_FROM_NAMESPACE ||
	     e->domain == XML_FROM_I18N || is_encoding_error(e->code)))
		w->malformed = true;
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
	/* Errors raised outside the parser (encoding conversion) have no
	 * position, the reader's is near, and they come again at each retry. */
	unsigned long line = e->line > 0 ? (unsigned long)e->line : 0;
	unsigned long col = e->int2 > 0 ? (unsigned long)e->int2 : 0;
	if (line == 0 && w->rd) {
		if (e->code == w->unplaced)
			return;
		w->unplaced = e->code;
		int l = xmlTextReaderGetParserLineNumber(w->rd);
		int k = xmlTextReaderGetParserColumnNumber(w->rd);
		line = l > 0 ? (unsigned long)l : 0;
		col = k > 0 ? (unsigned long)k : 0;
	}
	char msg[512];
	if (!premature_end(e, msg, sizeof msg))
		snprintf(msg, sizeof msg, "%s", e->message ? e->message : "error");
	size_t n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	rule_report_at(w->c, line, col, id, "%s", msg);
}

/* Is this rule one of the XML layer, whose diagnostics are kept when the
 * document is not well-formed? */
static bool is_xml_rule(const char *rule)
{
	static const enum rule_id xml[] = { R_XML_MALFORMED, R_XML_ENCODING, R_XML_ENTITY,
					    R_XML_NAMESPACE, R_XML_TOO_MANY_ATTRIBUTES };
	for (size_t i = 0; i < sizeof xml / sizeof *xml; i++)
		if (rule == rule_table[xml[i]].id)
			return true;
	return false;
}

static void keep_xml_diags(struct vreport *r, size_t from)
{
	vreport_retain(r, from, is_xml_rule);
}

/* ---- namespaces as the document writes them ---- */

enum { TOLD_ATOM_PREFIX = 1, TOLD_XHTML_PREFIX = 2, TOLD_NOT_UTF8 = 4, RSS_BOARD_DOCS = 8 };

#define NS_ITUNES_DTD "http://www.itunes.com/dtds/podcast-1.0.dtd"

/* Prefixes that, by long use, name one namespace: readers that match
 * elements by prefix rather than by namespace (W3C ReservedPrefix) take an
 * element written with one of them for that namespace's. Only prefixes no
 * other common namespace shares (thr: is also RSS 1.0's mod_threading). */
static const struct { const char *prefix, *ns; } reserved_prefixes[] = {
	{ "atom", NS_ATOM },
	{ "content", "http://purl.org/rss/1.0/modules/content/" },
	{ "dc", "http://purl.org/dc/elements/1.1/" },
	{ "dcterms", "http://purl.org/dc/terms/" },
	{ "itunes", NS_ITUNES_DTD },
	{ "rdf", NS_RDF },
	{ "slash", "http://purl.org/rss/1.0/modules/slash/" },
	{ "sy", "http://purl.org/rss/1.0/modules/syndication/" },
	{ "wfw", "http://wellformedweb.org/CommentAPI/" },
	{ "georss", "http://www.georss.org/georss" },
	{ "trackback", "http://madskills.com/public/xml/rss/module/trackback/" },
	{ "admin", "http://webns.net/mvcb/" },
	{ "feedburner", "http://rssnamespace.org/feedburner/ext/1.0" },
	{ "xhtml", NS_XHTML },
};

/* W3C ReservedPrefix: a declaration on orig binds a well-known prefix to
 * another namespace. Once a prefix, a document. media: is not listed: Media
 * RSS's URI without its slash is an error already (media-rss-namespace). */
static void check_reserved_prefixes(struct walk *w, xmlNodePtr orig, xmlNodePtr copy)
{
	for (xmlNsPtr d = orig->nsDef; d; d = d->next) {
		if (!d->prefix || !d->href)
			continue;
		for (size_t i = 0; i < sizeof reserved_prefixes / sizeof *reserved_prefixes; i++) {
			if (strcmp((const char *)d->prefix, reserved_prefixes[i].prefix) != 0)
				continue;
			if (strcmp((const char *)d->href, reserved_prefixes[i].ns) != 0 &&
			    !(w->prefixes_told & (UINT32_C(1) << i))) {
				w->prefixes_told |= UINT32_C(1) << i;
				rule_report(w->c, copy, R_RESERVED_PREFIX,
					    "xmlns:%s=\"%.200s\" on <%s> (%s: is \"%s\")", d->prefix,
					    d->href, orig->name, d->prefix, reserved_prefixes[i].ns);
			}
			break;
		}
	}
}

/* W3C AvoidNamespacePrefix: in an Atom document, Atom's and XHTML's elements
 * with a prefix (atom:entry, xhtml:div), which Namespaces in XML allows and
 * many readers do not follow. Once a namespace, a document. */
static void check_avoided_prefix(struct walk *w, xmlNodePtr orig, xmlNodePtr copy)
{
	if ((w->kind != DOC_ATOM && w->kind != DOC_ATOM_ENTRY) || !orig->ns || !orig->ns->prefix)
		return;
	const char *ns = node_ns(orig);
	unsigned bit = strcmp(ns, NS_ATOM) == 0 ? TOLD_ATOM_PREFIX :
		       strcmp(ns, NS_XHTML) == 0 ? TOLD_XHTML_PREFIX : 0;
	if (!bit || (w->told & bit))
		return;
	w->told |= bit;
	rule_report(w->c, copy, R_AVOID_NS_PREFIX, "<%s:%s> (declare xmlns=\"%s\" instead)",
		    orig->ns->prefix, orig->name, ns);
}

/* W3C NotUTF8: Apple reads podcast feeds in UTF-8; an iTunes element in a
 * document declared in another encoding. Once a document. */
static void check_itunes_encoding(struct walk *w, xmlNodePtr orig, xmlNodePtr copy)
{
	const char *ns = node_ns(orig);
	if ((w->told & TOLD_NOT_UTF8) || !ns || strcmp(ns, NS_ITUNES_DTD) != 0)
		return;
	const char *enc = orig->doc && orig->doc->encoding ? (const char *)orig->doc->encoding : NULL;
	if (!enc || strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0)
		return;
	w->told |= TOLD_NOT_UTF8;
	rule_report(w->c, copy, R_ITUNES_NOT_UTF8, "<%s:%s> in a document in %.60s",
		    orig->ns->prefix ? (const char *)orig->ns->prefix : "itunes", orig->name, enc);
}

/* The channel's <docs> names the RSS Advisory Board's specification (RSS
 * 2.0.11: "A URL that points to the documentation for the format used"). */
static bool names_rss_board(xmlNodePtr docs)
{
	xmlChar *t = node_text(docs);
	bool board = strstr((const char *)t, "rssboard.org") != NULL;
	xmlFree(t);
	return board;
}

/* W3C UseOfExtensionAttr: an attribute in a namespace (xml:lang and xml:base
 * aside, XML's own) on an element of RSS 2.0. The RSS Advisory Board's RSS
 * 2.0.9 and later allow it, the version Harvard still publishes says nothing
 * of it: a feed whose <docs> names the Board's specification (read before
 * the items, where it is written) is not warned. Each one. */
static void check_extension_attrs(struct walk *w, xmlNodePtr orig, xmlNodePtr copy)
{
	if (w->kind != DOC_RSS2 || orig->ns)
		return;
	if (xmlStrEqual(orig->name, (const xmlChar *)"docs") && orig->parent &&
	    xmlStrEqual(orig->parent->name, (const xmlChar *)"channel") && names_rss_board(orig))
		w->told |= RSS_BOARD_DOCS;
	if (w->told & RSS_BOARD_DOCS)
		return;
	for (xmlAttrPtr a = orig->properties; a; a = a->next)
		if (a->ns && a->ns->href && strcmp((const char *)a->ns->href, NS_XML) != 0)
			rule_report(w->c, copy, R_RSS_EXTENSION_ATTR,
				    "%s%s%s on <%s> (namespace \"%.200s\")",
				    a->ns->prefix ? (const char *)a->ns->prefix : "",
				    a->ns->prefix ? ":" : "", a->name, orig->name, a->ns->href);
}

/* What only the document as written shows (declarations, prefixes), read on
 * each element orig as it is copied. */
static void check_written_ns(struct walk *w, xmlNodePtr orig, xmlNodePtr copy)
{
	check_reserved_prefixes(w, orig, copy);
	check_avoided_prefix(w, orig, copy);
	check_itunes_encoding(w, orig, copy);
	check_extension_attrs(w, orig, copy);
}

/* ---- copies ---- */

/* xml:base is a URI reference (RFC 3986, XML Base §3); xml:lang a language tag or "". */
static void check_xml_attrs(struct vctx *c, xmlNodePtr n)
{
	char what[160];
	xmlChar *base = xmlGetNsProp(n, (const xmlChar *)"base", (const xmlChar *)NS_XML);
	snprintf(what, sizeof what, "xml:base on <%.120s>", n->name);
	if (base)
		rule_check_value(c, n, R_IRI, what, (const char *)base);
	xmlFree(base);
	xmlChar *lang = xmlGetNsProp(n, (const xmlChar *)"lang", (const xmlChar *)NS_XML);
	snprintf(what, sizeof what, "xml:lang on <%.120s>", n->name);
	if (lang && *lang)
		rule_check_value(c, n, R_LANGUAGE, what, (const char *)lang);
	xmlFree(lang);
}

/* Entity references are replaced by their replacement text, once, as plain
 * text (references inside it are not expanded), within a budget for the whole
 * document: internal entities work, and none can make the text grow without
 * bound. Undefined ones (their text is lost) are errors. ref is the reader's
 * node, which knows its entity; the text node is made in doc. */
#define ENTITY_BUDGET ((size_t)4 << 20)

static xmlNodePtr entity_text(struct walk *w, xmlNodePtr ref, xmlNodePtr where, xmlDocPtr doc)
{
	const xmlChar *t = NULL;
	xmlChar latin1[3];
	unsigned ch;
	if (ref->children && ref->children->type == XML_ENTITY_DECL) {
		t = ((xmlEntityPtr)ref->children)->content;
	} else if ((ch = rss091_entity(ref->doc, ref->name)) != 0) {
		latin1[0] = (xmlChar)(0xc0 | (ch >> 6));
		latin1[1] = (xmlChar)(0x80 | (ch & 0x3f));
		latin1[2] = '\0';
		t = latin1;
	}
	if (!t && w->undeclared > 0)
		w->undeclared--;	/* the parser said so, where it is */
	else if (!t)
		rule_report(w->c, where, R_XML_ENTITY, "&%s; is not defined", ref->name);
	size_t len = t ? strlen((const char *)t) : 0;
	if (len > w->budget || w->budget_spent) {
		/* Once spent, it stays spent: a later short reference must not
		 * start the count again (one 100 KB entity referenced 100,000
		 * times took 4 GB when it did). */
		if (!w->budget_spent)
			rule_report(w->c, where, R_XML_ENTITY, "entities expand past %zu bytes",
				    ENTITY_BUDGET);
		w->budget_spent = true;
		len = 0;
	} else {
		w->budget -= len;
	}
	return xmlNewDocTextLen(doc, t ? t : (const xmlChar *)"", (int)len);
}

/* Finishes copy, which xmlDocCopyNode made of the reader's orig: entity
 * references become their text (the copy has lost the entity, which lives in
 * the source document's DTD); lines past 65535, which BIG_LINES keeps in the
 * psvi of text nodes and the copy drops, are carried over; xml:base and xml:lang are checked; and,
 * when cols is set, each element's column is recorded while its bytes are in
 * the raw window. Recursion depth is bounded by libxml2's nesting limit (256
 * without XML_PARSE_HUGE). */
static void settle(struct walk *w, xmlNodePtr orig, xmlNodePtr copy, struct colmap *cols)
{
	if (orig->line == 65535 && orig->type == copy->type &&
	    (orig->type == XML_ELEMENT_NODE || orig->type == XML_TEXT_NODE)) {
		copy->line = orig->line;
		copy->psvi = orig->psvi;
	}
	if (orig->type != XML_ELEMENT_NODE || copy->type != XML_ELEMENT_NODE)
		return;
	if (cols)
		colmap_put(cols, copy, node_column(w->c, orig));
	check_xml_attrs(w->c, copy);
	check_element_text(w->c, copy);
	check_written_ns(w, orig, copy);
	xmlNodePtr o = orig->children, k = copy->children;
	while (o && k) {
		xmlNodePtr next = k->next;
		if (o->type == XML_ENTITY_REF_NODE && k->type == XML_ENTITY_REF_NODE) {
			xmlNodePtr text = entity_text(w, o, copy, copy->doc);
			xmlReplaceNode(k, text);
			xmlFreeNode(k);
		} else {
			settle(w, o, k, cols);
		}
		o = o->next;
		k = next;
	}
}

/* The reader's current element, without its children, copied into doc (the
 * start of a head, or its channel). */
static xmlNodePtr shallow_copy(struct walk *w, xmlDocPtr doc)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(w->rd);
	xmlNodePtr copy = xmlDocCopyNode(n, doc, 2);
	unsigned long before = w->c->rep->errors;
	settle(w, n, copy, w->c->cols);
	w->head_errors += w->c->rep->errors - before;
	return copy;
}

/* Lines before the reader's current node's will not be asked for again. */
static void forget_before_current(struct walk *w)
{
	long line = xmlGetLineNo(xmlTextReaderCurrentNode(w->rd));
	if (line > 0)
		rawwin_forget_before(w->c->win, (unsigned long)line);
}

/* The reader's current node, whole, copied under into (a node of the head);
 * the reader moves past it. Returns the copy when it is an element, else NULL;
 * *status gets the reader's. */
static xmlNodePtr adopt(struct walk *w, xmlNodePtr into, int *status)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(w->rd);
	if (n->type == XML_ELEMENT_NODE)
		forget_before_current(w);
	if (w->head_nodes++ >= HEAD_NODES_MAX) {
		if (w->head_nodes == HEAD_NODES_MAX + 1)
			rule_report(w->c, n, R_HEAD_TOO_LARGE, "%d nodes checked", HEAD_NODES_MAX);
		*status = xmlTextReaderNext(w->rd);
		return NULL;
	}
	if (!xmlTextReaderExpand(w->rd)) {
		*status = -1;
		return NULL;
	}
	xmlNodePtr copy;
	if (n->type == XML_ENTITY_REF_NODE) {
		copy = entity_text(w, n, into, into->doc);
	} else {
		copy = xmlDocCopyNode(n, into->doc, 1);
		unsigned long before = w->c->rep->errors;
		if (copy)
			settle(w, n, copy, w->c->cols);
		w->head_errors += w->c->rep->errors - before;
		if (copy)
			node_note_end(w->c, n, copy);
	}
	xmlNodePtr added = copy ? xmlAddChild(into, copy) : NULL;
	*status = xmlTextReaderNext(w->rd);
	return added && added->type == XML_ELEMENT_NODE ? added : NULL;
}

/* ---- layer 2: what the document is ---- */

#define SUPPORTED "RSS 0.90, 0.91, 0.92, 0.93, 0.94, 1.0 and 2.0, Atom 1.0, OPML 1.0 and 2.0, " \
	"JSON Feed 1.0 and 1.1"

/* <rss version>: 2.x is RSS 2.0; 0.91 to 0.94 have tables of their own. */
static enum doc_kind classify_rss(struct vctx *c, xmlNodePtr root)
{
	static const struct { const char *v; unsigned n; } old[] = {
		{ "0.91", 91 }, { "0.92", 92 }, { "0.93", 93 }, { "0.94", 94 },
	};
	xmlChar *ver = attr_get(root, "version");
	enum doc_kind k = DOC_RSS2;
	if (ver && strncmp((const char *)ver, "2.", 2) != 0) {
		k = DOC_RSS_OTHER;
		for (size_t i = 0; i < sizeof old / sizeof *old; i++)
			if (strcmp((const char *)ver, old[i].v) == 0) {
				c->version = old[i].n;
				k = DOC_RSS09;
			}
		if (k == DOC_RSS_OTHER)
			rule_report(c, root, R_RSS_VERSION, "version=\"%.20s\"", ver);
	}
	xmlFree(ver);
	return k;
}

/* rdf:RDF is RSS 0.90 or 1.0 by the namespace it declares for its elements
 * (RSS 1.0 when it declares neither: its elements then have none, and say
 * so). */
static enum doc_kind classify_rdf(struct vctx *c, xmlNodePtr root)
{
	c->rdf_ns = NS_RSS1;
	c->version = 100;
	for (xmlNsPtr d = root->nsDef; d; d = d->next)
		if (d->href && strcmp((const char *)d->href, NS_RSS090) == 0) {
			c->rdf_ns = NS_RSS090;
			c->version = 90;
			return DOC_RSS090;
		}
	return DOC_RSS1;
}

static enum doc_kind classify_opml(struct vctx *c, xmlNodePtr root)
{
	xmlChar *ver = attr_get(root, "version");
	if (ver && strcmp((const char *)ver, "1.0") == 0)
		c->version = 10;
	else if (ver && strcmp((const char *)ver, "1.1") == 0)
		c->version = 11;
	else if (ver && strcmp((const char *)ver, "2.0") == 0)
		c->version = 20;
	xmlFree(ver);
	return DOC_OPML;
}

static enum doc_kind classify(struct vctx *c, xmlNodePtr root)
{
	const char *ns = node_ns(root);
	const char *name = (const char *)root->name;
	if (node_is(root, NULL, "rss"))
		return classify_rss(c, root);
	if (node_is(root, NS_ATOM, "feed"))
		return DOC_ATOM;
	if (node_is(root, NS_ATOM, "entry"))
		return DOC_ATOM_ENTRY;
	if (node_is(root, NS_RDF, "RDF"))
		return classify_rdf(c, root);
	if (node_is(root, NULL, "opml") || node_is(root, NULL, "outlineDocument"))
		return classify_opml(c, root);
	if (ns && strcmp(ns, "http://purl.org/atom/ns#") == 0)
		rule_report(c, root, R_ATOM03_OBSOLETE, "<%s>", name);
	else if (strcmp(name, "feed") == 0 || strcmp(name, "entry") == 0)
		rule_report(c, root, R_NOT_A_FEED,
			    "the root element is <%s> in namespace \"%s\", not \"%s\"", name,
			    ns ? ns : "", NS_ATOM);
	else if (strcasecmp(name, "html") == 0)
		rule_report(c, root, R_NOT_A_FEED, "the root element is <%s>, an HTML page; "
			    "supported: " SUPPORTED, name);
	else
		rule_report(c, root, R_NOT_A_FEED, "the root element is <%s%s%s>; supported: "
			    SUPPORTED, root->ns && root->ns->prefix ? (const char *)root->ns->prefix : "",
			    root->ns && root->ns->prefix ? ":" : "", name);
	return DOC_OTHER;
}

/* ---- layer 3: pieces ---- */

/* libxml2's RELAX NG messages, said in the words of the rules: each row a
 * message with up to two %s, and what to say instead (the captures in the
 * same order; NULL: say nothing, the message only repeats another one or
 * names the schema's machinery). at_end: the message is about what the
 * element lacks, said at its end tag as the W3C validator does. */
static const struct { const char *libxml2, *plain; bool at_end; } schema_words[] = {
	{ "Expecting an element %s, got nothing", "a required element is missing: <%s>", true },
	{ "Expecting element %s, got %s", "<%s> was expected here, not <%s>", false },
	{ "Did not expect element %s there", "<%s> is not allowed here", false },
	{ "Extra element %s in interleave", "<%s> is not allowed here, or appears too often", false },
	{ "Did not expect text in element %s content", "text is not allowed in <%s>", false },
	{ "Expecting element %s to be empty", "<%s> must be empty", false },
	{ "Invalid attribute %s for element %s", "attribute %s is not allowed on <%s>", false },
	{ "Element %s has extra content: text", "<%s> holds text, which is not allowed in it", false },
	{ "Element %s has extra content: %s", "<%s> holds <%s>, which is not allowed in it", false },
	{ "Element %s has wrong namespace: expecting %s", "<%s> must be in namespace %s", false },
	{ "Expecting a namespace for element %s", "<%s> must be in a namespace", false },
	{ "Expecting no namespace for element %s", "<%s> must be in no namespace", false },
	{ "Type %s doesn't allow value '%s'", "not a valid %s: \"%s\"", false },
	{ "Element %s failed to validate content", NULL, false },
	{ "Element %s failed to validate attributes", NULL, false },
	{ "Invalid sequence in interleave", NULL, false },
	{ "Extra element content in interleave", NULL, false },
	{ "Error validating datatype %s", NULL, false },
	{ "Error validating value %s", NULL, false },
	{ "Error validating value", NULL, false },
	{ "Error validating list", NULL, false },
};

/* Does msg match pat, whose %s each capture a run of characters up to the
 * literal text after it (the last one: the rest)? At most two captures, into
 * cap, each cut to 127 bytes. */
static bool words_match(const char *pat, const char *msg, char cap[2][128])
{
	int k = 0;
	while (*pat) {
		if (pat[0] != '%' || pat[1] != 's') {
			if (*pat++ != *msg++)
				return false;
			continue;
		}
		pat += 2;
		size_t lit = strcspn(pat, "%");
		const char *end = lit == 0 ? msg + strlen(msg) : NULL;
		for (const char *q = msg; !end && *q; q++)
			if (strncmp(q, pat, lit) == 0)
				end = q;
		if (!end || k >= 2)
			return false;
		snprintf(cap[k++], 128, "%.*s", (int)(end - msg), msg);
		msg = end;
	}
	return *msg == '\0';
}

struct schema_relay {
	struct vctx *c;
	enum rule_id id;
	int shown;
	unsigned long first_line;	/* of the first message, for a fallback */
	xmlNodePtr first_node;
	bool any;
};

/* The message where node is: at its start tag, or at its end tag (at_end),
 * else on libxml2's line. */
static void schema_report(struct schema_relay *r, unsigned long line, xmlNodePtr node,
			  bool at_end, const char *plain)
{
	if (node && at_end)
		rule_report_end(r->c, node, r->id, "%s", plain);
	else if (node)
		rule_report(r->c, node, r->id, "%s", plain);
	else
		rule_report_at(r->c, line, 0, r->id, "%s", plain);
	r->shown++;
}

/* One message a piece: the first one that says something of its own. */
static void schema_message(void *ctx, unsigned long line, xmlNodePtr node, const char *message)
{
	struct schema_relay *r = ctx;
	if (!r->any) {
		r->any = true;
		r->first_line = line;
		r->first_node = node;
	}
	if (r->shown)
		return;
	char cap[2][128] = { "", "" };
	for (size_t i = 0; i < sizeof schema_words / sizeof *schema_words; i++) {
		if (!words_match(schema_words[i].libxml2, message, cap))
			continue;
		if (!schema_words[i].plain)
			return;
		char plain[400];
		if (schema_words[i].at_end && node)	/* node lacks it: name both */
			snprintf(plain, sizeof plain, "<%.120s> needs <%s>", node->name, cap[0]);
		else
			snprintf(plain, sizeof plain, schema_words[i].plain, cap[0], cap[1]);
		schema_report(r, line, node, schema_words[i].at_end, plain);
		return;
	}
	/* a message of libxml2's no row knows: its element, not its words */
	char plain[300];
	if (node && node->parent && node->parent->type == XML_ELEMENT_NODE)
		snprintf(plain, sizeof plain, "<%.100s> in <%.100s> is not what the schema allows",
			 node->name, node->parent->name);
	else if (node)
		snprintf(plain, sizeof plain, "<%.100s> is not what the schema allows", node->name);
	else
		snprintf(plain, sizeof plain, "an element out of place or repeated");
	schema_report(r, line, node, false, plain);
}

static void schema_check(struct validator *v, struct vctx *c, enum schema_which which,
			 xmlDocPtr doc, unsigned long errors_before)
{
	struct schema_relay r = { c, which == SCHEMA_ATOM ? R_SCHEMA_ATOM : R_SCHEMA_RSS, 0, 0,
				  NULL, false };
	bool quiet = c->rep->errors > errors_before;
	schema_validate(v->schemas, which, doc, quiet ? NULL : schema_message, &r);
	if (r.any && !r.shown)
		schema_report(&r, r.first_line, r.first_node, false,
			      "an element out of place or repeated");
}

/* How a format is streamed: which element is a piece, checked alone (an
 * entry, an item, a top outline), in which container, if any (the RSS channel,
 * the OPML body; else the pieces are children of the root), and the checks of
 * a piece and of the head. schema < 0: no schema for this format. */
typedef void piece_check_fn(struct vctx *c, xmlNodePtr piece);

struct stream_format {
	enum doc_kind kind;
	const char *container;	/* no namespace; NULL: pieces under the root */
	const char *piece;	/* local name; its namespace is walk.piece_ns */
	piece_check_fn *check_piece;
	piece_check_fn *check_head;
	int schema;		/* an enum schema_which, or -1 */
};

static void atom_feed_entry(struct vctx *c, xmlNodePtr entry)
{
	atom_check_entry(c, entry, true);
}

static const struct stream_format formats[] = {
	{ DOC_ATOM, NULL, "entry", atom_feed_entry, atom_check_head, SCHEMA_ATOM },
	{ DOC_RSS2, "channel", "item", rss_check_item, rss_check_head, SCHEMA_RSS },
	{ DOC_RSS_OTHER, "channel", "item", rss_check_item, rss_check_head, -1 },
	{ DOC_RSS09, "channel", "item", rss09_check_item, rss09_check_head, -1 },
	{ DOC_RSS090, NULL, "item", rdf_check_item, rdf_check_head, -1 },
	{ DOC_RSS1, NULL, "item", rdf_check_item, rdf_check_head, -1 },
	{ DOC_OPML, "body", "outline", opml_check_outline, opml_check_head, -1 },
};

static const struct stream_format *format_of(enum doc_kind kind)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (formats[i].kind == kind)
			return &formats[i];
	return NULL;
}

/* XML Base §4.2: an element's base URI is its xml:base resolved against its
 * parent's. A piece checked in a document of its own has lost its ancestors,
 * so the base they give it (<rss xml:base> in Drupal's feeds) is written on
 * its copy, resolved, for the rules that ask whether relative references in
 * it resolve. Called after settle: each xml:base was checked where written. */
static void inherit_base(xmlNodePtr orig, xmlNodePtr copy)
{
	xmlChar *base = NULL;
	for (xmlNodePtr a = orig; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
		xmlChar *b = xmlGetNsProp(a, (const xmlChar *)"base", (const xmlChar *)NS_XML);
		if (!b)
			continue;
		xmlChar *joined = base ? xmlBuildURI(base, b) : NULL;
		xmlFree(base);
		base = joined ? joined : b;
		if (joined)
			xmlFree(b);
		if (!is_relative_ref((const char *)base))
			break;	/* an absolute base ends the chain */
	}
	xmlNsPtr xml = base ? xmlSearchNsByHref(copy->doc, copy, (const xmlChar *)NS_XML) : NULL;
	if (xml && orig->parent && orig->parent->type == XML_ELEMENT_NODE)
		xmlSetNsProp(copy, xml, (const xmlChar *)"base", base);
	xmlFree(base);
}

/* The reader's current element (an entry, item or outline), whole, checked by
 * the rules and the schema in a document of its own; the reader moves past it.
 * Returns the reader's status. */
static int check_piece(struct walk *w, piece_check_fn *check, int schema)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(w->rd);
	forget_before_current(w);
	if (!xmlTextReaderExpand(w->rd))
		return -1;
	xmlDocPtr d = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlDocCopyNode(n, d, 1);
	xmlDocSetRootElement(d, root);
	long line = xmlGetLineNo(n);
	if (line > 0)
		rawwin_set_floor(w->c->win, root, (unsigned long)line,
				 n->ns && n->ns->prefix ? (const char *)n->ns->prefix : NULL,
				 (const char *)n->name);
	/* what settle finds (xml:lang, xml:base) counts as the rules' too */
	unsigned long before = w->c->rep->errors;
	settle(w, n, root, NULL);
	inherit_base(n, root);
	w->c->pieces++;
	check(w->c, root);
	if (schema >= 0)
		schema_check(w->v, w->c, (enum schema_which)schema, d, before);
	xmlFreeDoc(d);
	return xmlTextReaderNext(w->rd);
}

static void atom_entry_document(struct vctx *c, xmlNodePtr entry)
{
	atom_check_entry(c, entry, false);
}

/* What to do with each child of an element being streamed. */
typedef int child_fn(struct walk *w, xmlNodePtr into);

/* Reads the children of the reader's current element, one by one, handing
 * each to visit, which moves the reader past it. Returns the reader's status
 * once at the element's end (1), at the end of input (0) or at an error (-1). */
static int each_child(struct walk *w, xmlNodePtr into, child_fn *visit)
{
	if (xmlTextReaderIsEmptyElement(w->rd))
		return 1;
	int depth = xmlTextReaderDepth(w->rd);
	int r = xmlTextReaderRead(w->rd);
	while (r == 1 && xmlTextReaderDepth(w->rd) > depth)
		r = visit(w, into);
	return r;
}

static bool is_piece(struct walk *w, xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && node_is(n, w->piece_ns, w->fmt->piece);
}

/* The RSS Profile puts the items last in the channel: readers that stop at
 * the first item miss what comes after. Said once, at the first such element.
 * Podcasting 2.0's liveItem is an item ("It takes the same format as a
 * standard <item>", docs/tags/live-item.md), no channel data: PeerTube
 * writes its live streams after the recorded episodes. */
static void note_head_after_items(struct walk *w, xmlNodePtr copy)
{
	struct vctx *c = w->c;
	if (!copy || copy->type != XML_ELEMENT_NODE || w->fmt->kind != DOC_RSS2 ||
	    c->pieces == 0 || c->head_after_items ||
	    node_is(copy, "https://podcastindex.org/namespace/1.0", "liveItem"))
		return;
	rule_report(c, copy, R_RSS_MISPLACED_ITEM, "<%s> after the channel's first <item>",
		    copy->name);
	c->head_after_items = true;
}

/* A child of the container: a piece, or head. */
static int container_child(struct walk *w, xmlNodePtr into)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(w->rd);
	if (is_piece(w, n))
		return check_piece(w, w->fmt->check_piece, w->fmt->schema);
	int r;
	note_head_after_items(w, adopt(w, into, &r));
	return r;
}

/* A child of the root: a piece (when pieces are the root's children), the
 * first container, whose pieces are streamed, or head. */
static int root_child(struct walk *w, xmlNodePtr into)
{
	const struct stream_format *f = w->fmt;
	xmlNodePtr n = xmlTextReaderCurrentNode(w->rd);
	int r;
	if (!f->container && is_piece(w, n))
		return check_piece(w, f->check_piece, f->schema);
	if (f->container && n->type == XML_ELEMENT_NODE && node_is(n, NULL, f->container) &&
	    !has_child(into, NULL, f->container)) {
		forget_before_current(w);
		xmlNodePtr box = xmlAddChild(into, shallow_copy(w, into->doc));
		r = each_child(w, box, container_child);
		return r == 1 ? xmlTextReaderRead(w->rd) : r;
	}
	xmlNodePtr copy = adopt(w, into, &r);
	if (copy && f->kind == DOC_ATOM)
		atom_note_head_child(w->c, copy);
	return r;
}

/* Streams the feed under the reader's current root, then checks its head. */
static int stream_feed(struct walk *w, const struct stream_format *f)
{
	struct vctx *c = w->c;
	w->fmt = f;
	w->piece_ns = f->kind == DOC_ATOM ? NS_ATOM : c->rdf_ns;
	xmlDocPtr head = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = shallow_copy(w, head);
	xmlDocSetRootElement(head, root);
	int r = each_child(w, root, root_child);
	while (r == 1)
		r = xmlTextReaderRead(w->rd);
	if (r == 0 && !w->malformed) {
		colmap_seal(c->cols);
		/* the head's schema messages, too, only when its rules found
		 * nothing, counting what was found as it was copied */
		unsigned long before = c->rep->errors - w->head_errors;
		f->check_head(c, root);
		if (f->schema >= 0)
			schema_check(w->v, c, (enum schema_which)f->schema, head, before);
	}
	xmlFreeDoc(head);
	return r;
}

/* Moves the reader to the root element; NULL when there is none. */
static xmlNodePtr read_to_root(struct walk *w)
{
	int r;
	while ((r = xmlTextReaderRead(w->rd)) == 1)
		if (xmlTextReaderNodeType(w->rd) == XML_READER_TYPE_ELEMENT)
			return xmlTextReaderCurrentNode(w->rd);
	return NULL;
}

static void stream_document(struct walk *w, struct vreport *out)
{
	size_t first = out->n;
	unsigned long before = out->errors;
	xmlNodePtr root = read_to_root(w);
	out->kind = DOC_UNKNOWN;
	if (!root) {
		if (out->errors == before)
			rule_report_at(w->c, 0, 0, R_XML_MALFORMED, "no root element");
		return;
	}
	enum doc_kind kind = classify(w->c, root);
	w->kind = kind;
	check_declared_encoding(w->c, root->doc ? (const char *)root->doc->encoding : NULL);
	const struct stream_format *f = format_of(kind);
	int r;
	if (f)
		r = stream_feed(w, f);
	else if (kind == DOC_ATOM_ENTRY)
		r = check_piece(w, atom_entry_document, SCHEMA_ATOM);
	else
		r = xmlTextReaderNext(w->rd);
	while (r == 1)
		r = xmlTextReaderRead(w->rd);
	if (r < 0 && !w->malformed)
		rule_report_at(w->c, 0, 0, R_XML_MALFORMED, "the parser stopped");
	if (w->malformed || r < 0) {
		keep_xml_diags(out, first);
		return;
	}
	out->kind = kind;
}

static void drop_message(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/* Checks what src gives, as a stream. */
static void validate_source(struct validator *v, struct source *src, struct vreport *out)
{
	struct rawwin win;
	struct colmap cols;
	rawwin_init(&win);
	colmap_init(&cols);
	src->win = &win;
	struct vctx c = { .rep = out, .win = &win, .cols = &cols };
	struct walk w = { .v = v, .c = &c, .budget = ENTITY_BUDGET, .src = src };
	src->c = &c;
	tagscan_init(&src->scan);
	/* Encoding conversion errors reach libxml2's global handlers, not the
	 * reader's, from the reader's first bytes on: they belong to this
	 * document's report, and the plain messages that repeat them on standard
	 * error are dropped. */
	xmlSetStructuredErrorFunc(&w, parse_error);
	xmlSetGenericErrorFunc(NULL, drop_message);
	w.rd = xmlReaderForIO(source_read, source_close, src, NULL, NULL,
			      XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	if (w.rd) {
		xmlTextReaderSetStructuredErrorHandler(w.rd, parse_error, &w);
		stream_document(&w, out);
		xmlTextReaderPtr rd = w.rd;
		w.rd = NULL;	/* parse_error asks it for positions */
		xmlFreeTextReader(rd);
	} else {
		rule_report_at(&c, 0, 0, R_XML_MALFORMED, "the XML reader could not start");
	}
	xmlSetGenericErrorFunc(NULL, NULL);
	xmlSetStructuredErrorFunc(NULL, NULL);
	tagscan_free(&src->scan);
	vctx_free(&c);
	colmap_free(&cols);
	rawwin_free(&win);
}

/* ---- what the first bytes say ---- */

/* Compressed files, which libxml2 would call "Document is empty". */
static const struct {
	const char *magic;
	size_t len;
	const char *name;
} compressed[] = {
	{ "\x1f\x8b", 2, "gzip" }, { "BZh", 3, "bzip2" }, { "\xfd" "7zXZ", 6, "xz" },
	{ "\x28\xb5\x2f\xfd", 4, "zstd" }, { "PK\x03\x04", 4, "zip" },
};

static bool text_start(unsigned char c)
{
	return c == '<' || c == '{' || c == '[' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The encoding of a UTF-16 or UTF-32 start (with a byte order mark, or an
 * ASCII first character), or NULL; *first gets that first character after
 * white space (0: unknown). */
static const char *wide_start(const unsigned char *p, size_t n, unsigned char *first)
{
	static const struct { const char *bom; size_t len, unit; bool big; const char *name; } boms[] = {
		{ "\0\0\xfe\xff", 4, 4, true, "UTF-32" }, { "\xff\xfe\0\0", 4, 4, false, "UTF-32" },
		{ "\xfe\xff", 2, 2, true, "UTF-16" }, { "\xff\xfe", 2, 2, false, "UTF-16" },
	};
	size_t unit = 0, at = 0;
	bool big = false;
	const char *name = NULL;
	for (size_t i = 0; i < sizeof boms / sizeof *boms && !name; i++)
		if (n >= boms[i].len && memcmp(p, boms[i].bom, boms[i].len) == 0) {
			unit = boms[i].unit, at = boms[i].len, big = boms[i].big, name = boms[i].name;
		}
	/* Without one, the first character must be one a document starts
	 * with, so that a binary file is not called UTF-32. */
	if (!name && n >= 4 && (!p[0] && !p[1] && !p[2] && text_start(p[3])))
		unit = 4, big = true, name = "UTF-32";
	else if (!name && n >= 4 && (text_start(p[0]) && !p[1] && !p[2] && !p[3]))
		unit = 4, name = "UTF-32";
	else if (!name && n >= 2 && (!p[0] && text_start(p[1])))
		unit = 2, big = true, name = "UTF-16";
	else if (!name && n >= 2 && (text_start(p[0]) && !p[1]))
		unit = 2, name = "UTF-16";
	*first = 0;
	for (; name && at + unit <= n && at < 256; at += unit) {
		unsigned long c = 0;
		for (size_t k = 0; k < unit; k++)
			c |= (unsigned long)p[at + (big ? unit - 1 - k : k)] << (8 * k);
		if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
			*first = c < 128 ? (unsigned char)c : 0;
			break;
		}
	}
	return name;
}

/* Documents that neither libxml2 nor jansson can read, said plainly
 * instead of "Document is empty": compressed ones, UTF-32, and JSON that is
 * not UTF-8. Returns true when data[0..len) (the document's first bytes) is
 * one, reported. */
static bool unreadable(const char *data, size_t len, struct vreport *out)
{
	const unsigned char *p = (const unsigned char *)data;
	struct vctx c = { .rep = out };
	for (size_t i = 0; i < sizeof compressed / sizeof *compressed; i++)
		if (len >= compressed[i].len && memcmp(p, compressed[i].magic, compressed[i].len) == 0) {
			rule_report_at(&c, 1, 1, R_NOT_A_FEED, "%s-compressed data: decompress it "
				       "first (for gzip: zcat FILE | feedgen validate -)",
				       compressed[i].name);
			return true;
		}
	/* An HTML page that is no XML (a feed link that leads back to a page,
	 * a page saved as feed.xml): said once, not as libxml2's first
	 * complaint about HTML's syntax. */
	size_t at = len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	while (at < len && (p[at] == ' ' || p[at] == '\t' || p[at] == '\r' || p[at] == '\n'))
		at++;
	if (at < len && p[at] == '<' && sniff_document(data, len, len < SNIFF_PREFIX) == SNIFF_HTML &&
	    !(len - at >= 5 && memcmp(p + at, "<?xml", 5) == 0)) {
		rule_report_at(&c, 1, 1, R_NOT_A_FEED, "an HTML page, not a feed (give a page's URL "
			       "to check the feeds it links to); supported: " SUPPORTED);
		return true;
	}
	unsigned char first;
	const char *wide = wide_start(p, len, &first);
	if (!wide)
		return false;
	char what[200];
	if (first == '{' || first == '[') {
		snprintf(what, sizeof what, "this JSON text is %s; a JSON Feed must be UTF-8 "
			 "(convert it: iconv -f %s -t UTF-8)", wide, wide);
		validate_json_not_utf8(out, what);
		return true;
	}
	if (strcmp(wide, "UTF-32") != 0)
		return false;	/* UTF-16 XML: libxml2 reads it */
	rule_report_at(&c, 1, 1, R_XML_ENCODING, "UTF-32 is not supported (libxml2 cannot read "
		       "it): convert the document to UTF-8 (iconv -f UTF-32 -t UTF-8)");
	return true;
}

unsigned long validate_document(struct validator *v, const char *data, size_t len,
				struct vreport *out)
{
	unsigned long before = out->errors;
	out->kind = DOC_UNKNOWN;
	if (unreadable(data, len, out))
		return out->errors - before;
	/* A JSON text (JSON Feed) is never XML: it has its own checker, which
	 * reports into the same vreport. */
	if (validate_json_detect(data, len))
		return validate_json(data, len, out);
	struct source src = { .mem = data, .len = len, .fd = -1 };
	validate_source(v, &src, out);
	return out->errors - before;
}

/* ---- the media type a document was served with ---- */

/* The media type each kind of feed is served with, and whether a generic
 * XML or JSON type is the family it may fall back to. */
static const struct {
	enum doc_kind kind;
	const char *type, *also;	/* also: another specific type, or NULL */
	bool json;
} media_types[] = {
	{ DOC_ATOM, "application/atom+xml", NULL, false },
	{ DOC_ATOM_ENTRY, "application/atom+xml", NULL, false },
	{ DOC_RSS2, "application/rss+xml", NULL, false },
	{ DOC_RSS09, "application/rss+xml", NULL, false },
	{ DOC_RSS_OTHER, "application/rss+xml", NULL, false },
	{ DOC_RSS090, "application/rss+xml", "application/rdf+xml", false },
	{ DOC_RSS1, "application/rss+xml", "application/rdf+xml", false },
	{ DOC_OPML, "text/x-opml", "application/opml+xml", false },
	{ DOC_JSON, "application/feed+json", NULL, true },
};

void validate_media_type(const char *content_type, struct vreport *out)
{
	size_t i = 0;
	while (i < sizeof media_types / sizeof *media_types && media_types[i].kind != out->kind)
		i++;
	if (i == sizeof media_types / sizeof *media_types)
		return;	/* no feed: not-a-feed has said so */
	struct vctx c = { .rep = out };
	const char *want = media_types[i].type, *kind = doc_kind_name(out->kind);
	if (!content_type || !*content_type) {
		rule_report_at(&c, 0, 0, R_MEDIA_TYPE_UNEXPECTED, "no Content-Type was sent; "
			       "%s is served as %s", kind, want);
		return;
	}
	char type[128];
	size_t n = strcspn(content_type, "; \t");
	snprintf(type, sizeof type, "%.*s", (int)(n < sizeof type ? n : sizeof type - 1),
		 content_type);
	if (strcasecmp(type, want) == 0 ||
	    (media_types[i].also && strcasecmp(type, media_types[i].also) == 0))
		return;
	bool generic = media_types[i].json
		? strcasecmp(type, "application/json") == 0
		: strcasecmp(type, "application/xml") == 0 || strcasecmp(type, "text/xml") == 0;
	if (generic)
		rule_report_at(&c, 0, 0, R_MEDIA_TYPE_GENERIC, "served as %s; %s is served as %s",
			       type, kind, want);
	else
		rule_report_at(&c, 0, 0, R_MEDIA_TYPE_UNEXPECTED, "served as %s; %s is served as %s",
			       type, kind, want);
}

/* Reads up to n bytes of fd into b, fewer only at the end of input. */
static int read_some(int fd, struct buf *b, size_t n)
{
	char chunk[65536];
	while (n > 0) {
		size_t want = n < sizeof chunk ? n : sizeof chunk;
		ssize_t r = read_full(fd, chunk, want);
		if (r < 0)
			return -1;
		buf_add(b, chunk, (size_t)r);
		n -= (size_t)r;
		if ((size_t)r < want)
			break;
	}
	return 0;
}

int validate_fd(struct validator *v, int fd, struct vreport *out)
{
	/* The first bytes tell JSON from XML; a JSON Feed is checked whole. */
	struct buf peek;
	buf_init(&peek);
	int rc = read_some(fd, &peek, 65536);
	if (rc == 0 && unreadable(peek.data ? peek.data : "", peek.len, out)) {
		out->kind = DOC_UNKNOWN;
		buf_free(&peek);
		return 0;
	}
	if (rc == 0 && validate_json_detect(peek.data ? peek.data : "", peek.len)) {
		rc = read_some(fd, &peek, VALIDATE_JSON_MAX + 1 - peek.len);
		if (rc == 0)
			validate_json(peek.data, peek.len, out);
		buf_free(&peek);
		return rc;
	}
	if (rc < 0) {
		buf_free(&peek);
		return -1;
	}
	struct source src = { .mem = peek.data, .len = peek.len, .fd = fd };
	validate_source(v, &src, out);
	buf_free(&peek);
	if (src.err) {
		errno = src.err;
		return -1;
	}
	return 0;
}

/* ---- the HTTP charset and the document's own encoding ---- */

/* The charset parameter of a Content-Type into out ("" when none). HTTP's
 * quoted-string takes double quotes only: single quotes stay part of the
 * value, as the W3C validator reads them (its EncodingMismatch page). */
static void charset_param(const char *ct, char *out, size_t outlen)
{
	*out = '\0';
	for (const char *p = strchr(ct, ';'); p; p = strchr(p + 1, ';')) {
		const char *q = p + 1 + strspn(p + 1, " \t");
		if (strncasecmp(q, "charset", 7) != 0)
			continue;
		q += 7 + strspn(q + 7, " \t");
		if (*q != '=')
			continue;
		q += 1 + strspn(q + 1, " \t");
		bool quoted = *q == '"';
		q += quoted;
		size_t n = quoted ? strcspn(q, "\"") : strcspn(q, "; \t");
		snprintf(out, outlen, "%.*s", (int)(n < outlen ? n : outlen - 1), q);
		return;
	}
}

/* The encoding the document names for itself (XML 1.0 §4.3.3, Appendix F):
 * its declaration's, else UTF-16 after a UTF-16 byte-order mark, else
 * UTF-8. */
static void declared_encoding(const char *data, size_t len, char *out, size_t outlen)
{
	const unsigned char *u = (const unsigned char *)data;
	if (len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE))) {
		snprintf(out, outlen, "UTF-16");
		return;
	}
	snprintf(out, outlen, "UTF-8");
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		data += 3, len -= 3;
	if (len < 6 || memcmp(data, "<?xml", 5) != 0)
		return;
	size_t lim = len < 512 ? len : 512;
	const char *end = memchr(data, '>', lim);
	if (!end)
		return;
	for (const char *p = data + 5; p + 8 < end; p++) {
		if (memcmp(p, "encoding", 8) != 0)
			continue;
		const char *q = p + 8;
		while (q < end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n' || *q == '='))
			q++;
		if (q >= end || (*q != '"' && *q != '\''))
			return;
		const char *v = q + 1, *close = memchr(v, *q, (size_t)(end - v));
		if (close)
			snprintf(out, outlen, "%.*s", (int)(close - v), v);
		return;
	}
}

/* Names compared as charset registries do: case, '-', '_' and spaces aside
 * ("utf8" is "UTF-8"); libxml2's table joins the aliases it knows
 * ("ISO-Latin-1" is "ISO-8859-1"); the UTF-16 family is one. */
static bool same_encoding(const char *a, const char *b)
{
	char na[64], nb[64];
	const char *src[2] = { a, b };
	char *dst[2] = { na, nb };
	for (int k = 0; k < 2; k++) {
		size_t j = 0;
		for (const char *p = src[k]; *p && j + 1 < sizeof na; p++)
			if (*p != '-' && *p != '_' && *p != ' ')
				dst[k][j++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		dst[k][j] = '\0';
	}
	if (strcmp(na, nb) == 0)
		return true;
	if (strncmp(na, "utf16", 5) == 0 && strncmp(nb, "utf16", 5) == 0)
		return true;
	xmlCharEncoding ea = xmlParseCharEncoding(a), eb = xmlParseCharEncoding(b);
	return ea != XML_CHAR_ENCODING_ERROR && ea == eb;
}

void validate_charset(const char *content_type, const char *data, size_t len,
		      struct vreport *out)
{
	if (!content_type || out->kind == DOC_UNKNOWN || out->kind == DOC_OTHER ||
	    out->kind == DOC_JSON)
		return;
	char http[64], doc[64];
	charset_param(content_type, http, sizeof http);
	if (!*http)
		return;
	declared_encoding(data, len, doc, sizeof doc);
	if (same_encoding(http, doc))
		return;
	struct vctx c = { .rep = out };
	rule_report_at(&c, 0, 0, R_ENCODING_MISMATCH,
		       "the document is encoded as %s, the server says charset=%s", doc, http);
}

/* ---- the feed's rel="self" and the URL it was fetched from ---- */

static int default_port(const char *scheme)
{
	if (scheme && strcasecmp(scheme, "http") == 0)
		return 80;
	if (scheme && strcasecmp(scheme, "https") == 0)
		return 443;
	return -1;
}

static bool same_str(const char *a, const char *b, bool nocase)
{
	if (!a || !b)
		return !a == !b;
	return nocase ? strcasecmp(a, b) == 0 : strcmp(a, b) == 0;
}

/* Two absolute URLs that name the same resource as RFC 3986 §6.2.2-6.2.3
 * normalise them (case of scheme and host, default port, empty path). */
static bool same_url(const char *a, const char *b)
{
	xmlURIPtr ua = xmlParseURI(a), ub = xmlParseURI(b);
	bool same = false;
	if (ua && ub) {
		int pa = ua->port > 0 ? ua->port : default_port(ua->scheme);
		int pb = ub->port > 0 ? ub->port : default_port(ub->scheme);
		const char *patha = ua->path && *ua->path ? ua->path : "/";
		const char *pathb = ub->path && *ub->path ? ub->path : "/";
		same = same_str(ua->scheme, ub->scheme, true) &&
		       same_str(ua->server, ub->server, true) && pa == pb &&
		       same_str(ua->user, ub->user, false) && strcmp(patha, pathb) == 0 &&
		       same_str(ua->query_raw, ub->query_raw, false) &&
		       same_str(ua->fragment, ub->fragment, false);
	}
	xmlFreeURI(ua);
	xmlFreeURI(ub);
	return same;
}

static bool is_http_url(const xmlChar *s)
{
	return xmlStrncasecmp(s, BAD_CAST "http://", 7) == 0 ||
	       xmlStrncasecmp(s, BAD_CAST "https://", 8) == 0;
}

void validate_self_location(const char *final_url, const char *data, size_t len,
			    struct vreport *out)
{
	int depth;
	if (out->kind == DOC_ATOM)
		depth = 1;
	else if (out->kind == DOC_RSS2 || out->kind == DOC_RSS09 || out->kind == DOC_RSS1 ||
		 out->kind == DOC_RSS090 || out->kind == DOC_RSS_OTHER)
		depth = 2;
	else
		return;
	if (!final_url || len > INT_MAX)
		return;
	xmlTextReaderPtr r = xmlReaderForMemory(data, (int)len, final_url, NULL,
						XML_PARSE_NONET | XML_PARSE_NOERROR |
						XML_PARSE_NOWARNING);
	if (!r)
		return;
	/* Only the root and, for RSS, the channel are entered: every other
	 * subtree is stepped over whole. */
	int rc = xmlTextReaderRead(r);
	while (rc == 1) {
		int d = xmlTextReaderDepth(r);
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) {
			rc = xmlTextReaderRead(r);
			continue;
		}
		const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
		const xmlChar *name = xmlTextReaderConstLocalName(r);
		if (d == depth && ns && xmlStrEqual(ns, BAD_CAST "http://www.w3.org/2005/Atom") &&
		    xmlStrEqual(name, BAD_CAST "link")) {
			xmlChar *rel = xmlTextReaderGetAttribute(r, BAD_CAST "rel");
			xmlChar *href = xmlTextReaderGetAttribute(r, BAD_CAST "href");
			bool self = rel && xmlStrEqual(rel, BAD_CAST "self");
			if (self && href && is_http_url(href) &&
			    !same_url((const char *)href, final_url)) {
				struct vctx c = { .rep = out };
				long line = xmlGetLineNo(xmlTextReaderCurrentNode(r));
				rule_report_at(&c, line > 0 ? (unsigned long)line : 0, 0,
					       R_SELF_LOCATION,
					       "rel=\"self\" is %.200s, not the URL it was fetched from",
					       href);
			}
			xmlFree(rel);
			xmlFree(href);
			if (self)
				break;
		}
		if (d < depth && !(depth == 2 && d == 1 && !xmlStrEqual(name, BAD_CAST "channel")))
			rc = xmlTextReaderRead(r);
		else
			rc = xmlTextReaderNext(r);
	}
	xmlFreeTextReader(r);
}
