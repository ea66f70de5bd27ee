/* rules.h: the validator's rule table and the element tables that drive it.
 *
 * Every diagnostic the validator prints comes from one row of rule_table
 * (rules.c): an id, a severity that follows the W3C Feed Validation Service
 * (what it calls an error is an error here, what it calls a warning is a
 * warning), a message, the section of the specification the rule comes from,
 * and — for rules about the text of one element or attribute — the function
 * that checks that text. Adding a rule is adding a row, plus a row in an
 * element table (rules_atom.c, rules_rss.c, rules_ext.c) that applies it.
 *
 * Ownership: struct vctx belongs to validate_document() for the time of one
 * document; it points to the caller's vreport and to validate.c's window of
 * raw input and column map (columns.h), and owns its id set and its
 * atom_stream (vctx_free() releases both). */
#ifndef FEEDGEN_RULES_H
#define FEEDGEN_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "validate/columns.h"
#include "validate/report.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_XHTML "http://www.w3.org/1999/xhtml"
#define NS_XML "http://www.w3.org/XML/1998/namespace"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RSS1 "http://purl.org/rss/1.0/"
#define NS_RSS090 "http://my.netscape.com/rdf/simple/0.9/"

enum rule_id {
	R_NONE,
	/* layer 1: XML */
	R_XML_MALFORMED,
	R_XML_ENCODING,
	R_XML_ENTITY,
	R_XML_NAMESPACE,
	R_XML_TOO_MANY_ATTRIBUTES,
	R_NOT_A_FEED,
	/* layer 2: schemas */
	R_SCHEMA_ATOM,
	R_SCHEMA_RSS,
	/* layer 3: structure */
	R_UNKNOWN_ELEMENT,
	R_MISSING_ELEMENT,
	R_DUPLICATE_ELEMENT,
	R_MISPLACED_ELEMENT,
	R_UNEXPECTED_ATTRIBUTE,
	R_MISSING_ATTRIBUTE,
	R_UNEXPECTED_TEXT,
	R_BLANK,
	R_UNEXPECTED_WHITESPACE,
	R_HEAD_TOO_LARGE,
	R_MEDIA_TYPE_UNEXPECTED,
	R_MEDIA_TYPE_GENERIC,
	/* W3C classes added together (HTTP exchange, OPML outlines) */
	R_ENCODING_MISMATCH,
	R_SELF_LOCATION,
	R_OPML_OUTLINE_VERSION,
	/* values */
	R_DATE_RFC3339,
	R_DATE_RFC822,
	R_DATE_RFC822_LAX,
	R_DATE_W3CDTF,
	R_DATE_DAY_OF_WEEK,
	R_DATE_IMPLAUSIBLE,
	R_URI,
	R_IRI,
	R_URI_FULL,
	R_IRI_FULL,
	R_URI_RELATIVE,
	R_URI_TAG,
	R_URN,
	R_EMAIL,
	R_EMAIL_RSS,
	R_MIME_TYPE,
	R_LANGUAGE,
	R_INT_POSITIVE,
	R_INT_NONNEGATIVE,
	R_INTEGER,
	R_BOOLEAN,
	R_TRUE_FALSE,
	R_YES_NO,
	R_FLOAT,
	R_HTML_IN_TEXT,
	R_HTML_UNSAFE,
	R_NOT_HTML,
	/* Atom, RFC 4287 */
	R_ATOM_TEXT_TYPE,
	R_ATOM_XHTML_DIV,
	R_ATOM_AUTHOR,
	R_ATOM_ALTERNATE,
	R_ATOM_SUMMARY,
	R_ATOM_CONTENT_SRC,
	R_ATOM_DUPLICATE_LINK,
	R_ATOM_LINK_REL,
	R_ATOM_DUPLICATE_ID,
	R_ATOM_DUPLICATE_ENTRY,
	R_ATOM_XHTML_NAMESPACE,
	R_ATOM_FEED_REL,
	R_ATOM_BASE64,
	/* W3C warning classes on Atom and atom:link (issue 14) */
	R_ATOM_RELATIVE_SELF,
	R_ATOM_DUPLICATE_UPDATED,
	R_ATOM_HISTORY_IN_ENTRY,
	R_ATOM_LINK_NOT_EMPTY,
	R_ATOM_ARCHIVE_CURRENT,
	R_ATOM_SELF_NOT_ATOM,
	/* RSS 2.0 */
	R_RSS_VERSION,
	R_RSS_ITEM_TITLE_OR_DESC,
	R_RSS_DUPLICATE_GUID,
	R_RSS_HOUR,
	R_RSS_DAY,
	R_RSS_TOO_MANY,
	R_RSS_IMAGE_WIDTH,
	R_RSS_IMAGE_HEIGHT,
	R_RSS_CLOUD,
	R_RSS_DUPLICATE_SEMANTICS,
	R_RSS_UPDATE_PERIOD,
	R_RSS_PERMALINK,
	R_RSS_FORM_NAME,
	/* RSS 2.0: W3C warning classes (issue 14) */
	R_RSS_DUPLICATE_ENCLOSURE,
	R_RSS_DESC_BEFORE_CONTENT,
	R_RSS_MISSING_REAL_NAME,
	R_RSS_EMAIL_FORMAT,
	R_RSS_ZERO_FOR_MIDNIGHT,
	/* extensions */
	R_EXT_VALUE,
	R_INT_LIST,
	R_LATITUDE,
	R_LONGITUDE,
	R_EXT_ITUNES_CATEGORY,
	R_EXT_ITUNES_OBSOLETE,
	R_NPT_TIME,
	R_MEDIA_SCHEME,
	R_MEDIA_CREDIT_ROLE,
	R_GBASE_LABEL,
	R_GBASE_RATING,
	R_GBASE_YEAR,
	R_GBASE_PRICE,
	R_OPENSEARCH_ROLE,
	R_META_ROBOTS,
	R_DCMI_PERIOD,
	/* other formats: RSS 0.9x, RSS 0.90 and 1.0 (RDF), OPML, Atom 0.3 */
	R_ATOM03_OBSOLETE,
	R_RSS09_LANGUAGE,
	R_RDF_ABOUT,
	R_RDF_RESOURCE,
	R_RDF_NO_NAMESPACE,
	R_OPML_VERSION,
	R_OPML_OBSOLETE,
	R_OPML_TEXT,
	R_OPML_TEXT_1X,
	R_OPML_XMLURL,
	R_OPML_URL,
	R_OPML_TITLE,
	R_OPML_EXPANSION,
	R_OPML_NUMBER,
	R_OPML_TRUE_FALSE,
	R_ITUNES_EXPLICIT,
	R_NS_NEAR_MISS,
	R_RSS_SELF_LINK,
	R_RSS_NO_GUID,
	R_RSS_IMAGE_TITLE,
	R_RSS_IMAGE_LINK,
	R_PODCAST_GUID,
	R_OBSCURE_ENCODING,
	R_CURRENCY,
	R_MEDIA_GROUP,
	R_EXT_DEPRECATED,
	R_WFW_COMMENT_RSS,
	R_GEO_COORDS,
	R_GEO_COMMA,
	R_MEDIA_NAMESPACE,
	R_ATOM_SELF_LINK,
	/* W3C warning classes, round E */
	R_RSS_AVOID_TEXTINPUT,
	R_ITUNES_KEYWORDS,
	R_ITUNES_OWNER_EMAIL,
	R_ITUNES_IMAGE_FORMAT,
	R_ITUNES_ENCLOSURE_FORMAT,
	R_OPML_TYPE_MISSING,
	R_ITUNES_MISSING_ELEMENT,
	R_RSS_SLASH_DATE,
	R_WIKI_NAMESPACE_OBSOLETE,
	R_OPML_TYPE_UNKNOWN,
	R_RSS_DUPLICATE_DESCRIPTION,
	/* W3C warning classes, round D */
	R_RESERVED_PREFIX,
	R_AVOID_NS_PREFIX,
	R_ITUNES_NOT_UTF8,
	R_RSS_EXTENSION_ATTR,
	R_ATOM_NO_TEXT,
	R_ATOM_ID_CANONICAL,
	R_SAME_DOCUMENT_REF,
	R_RSS_MISPLACED_ITEM,
	/* W3C warning classes, round F */
	R_BAD_CHARACTERS,
	R_NAME_EMAIL,
	R_ATTR_BLANK,
	R_CONTENT_NO_TYPE,
	R_HTML_FRAGMENT,
	R_MEDIA_TYPE_PARAM,
	R_MEDIA_ADULT_VALUE,
	/* realpod: what podcast hosts write */
	R_PODCAST_NOT_FORMALIZED,
	R_COUNT
};

/* Checks the text of an element or attribute; s is trimmed, never NULL. */
typedef bool value_check_fn(const char *s);

struct rule {
	const char *id;
	enum diag_severity sev;
	const char *message;	/* printf format; each caller passes what it names */
	const char *spec;
	value_check_fn *check;	/* NULL when the rule is about structure */
};

extern const struct rule rule_table[R_COUNT];

/* The ids seen so far, as 64-bit hashes: a feed of any length costs 16 bytes
 * an id, and two different ids share a hash with odds near n*n/2^64. Past
 * IDSET_MAX ids no more are recorded, which bounds the memory. */
#define IDSET_MAX ((size_t)1 << 21)
struct idset {
	uint64_t *v;	/* open addressing; 0 marks an empty slot */
	size_t n, cap;
};

/* What the checks of an Atom feed's head need to know of its entries, which
 * are gone by the time the head is checked, and of the head elements an
 * entry's checks need before the head is complete. */
#define ATOM_ORPHANS_MAX 4096
struct atom_stream {
	bool in_entries;	/* an entry has been read */
	bool misplaced;		/* a head element after the entries was reported */
	bool feed_author;	/* the feed has an atom:author, among what has been read */
	size_t entries;
	xmlChar *first_id;	/* the first entry's atom:id */
	bool ids_differ;
	/* entries with no author of their own, waiting for the feed's: their
	 * positions, at most ATOM_ORPHANS_MAX; the rest are only counted */
	struct { unsigned long line, col; } orphan[ATOM_ORPHANS_MAX];
	size_t orphans;
};

/* One document being checked. */
struct vctx {
	struct vreport *rep;
	struct rawwin *win;	/* the recent raw input, for columns; NULL: none */
	struct colmap *cols;	/* columns of the head's nodes; NULL: none */
	struct idset ids;	/* atom:id and guid values seen: duplicates */
	struct atom_stream *atom;	/* NULL until an Atom feed is seen */
	/* The format's version, as the root says: 90, 91, 92, 93, 94 for RSS
	 * 0.9x, 100 for RSS 1.0, 10, 11, 20 for OPML 1.0, 1.1, 2.0; 0 when
	 * none applies. */
	unsigned version;
	const char *rdf_ns;	/* RSS 0.90 or 1.0: the namespace of its elements */
	size_t pieces;		/* items, entries or top outlines checked so far */
	bool head_after_items;	/* a channel element after an item was reported */
};

/* Releases what a vctx owns (its ids and atom_stream). */
void vctx_free(struct vctx *c);

/* Column of node's start tag, from the column map or the raw window; 0 when
 * unknown. */
unsigned long node_column(struct vctx *c, xmlNodePtr node);

/* Reports rule id at node (its line, and its column when it can be found).
 * The message printed is the rule's message, ": ", then the detail, which is
 * printf-formatted ("<pubDate> \"Mon, 32 Jan 2004\""). */
void rule_report(struct vctx *c, xmlNodePtr node, enum rule_id id, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* As rule_report, at node's end tag when the raw input still holds it (where
 * the W3C validator reports what an element lacks: it knows only then), else
 * at its start tag. */
void rule_report_end(struct vctx *c, xmlNodePtr node, enum rule_id id, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Records where orig, a head element the reader has just read whole, ends,
 * for copy, the node the head's checks will see: by then its end tag has left
 * the raw window. Only elements with element children are recorded (only they
 * can lack one), and only when c->cols is set. */
void node_note_end(struct vctx *c, xmlNodePtr orig, xmlNodePtr copy);
/* As rule_report, with line and column given. */
void rule_report_at(struct vctx *c, unsigned long line, unsigned long col,
		    enum rule_id id, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Runs rule id's check on s; when it fails, reports at node naming `what`
 * (an element or attribute name) and the value. Returns the check's verdict. */
bool rule_check_value(struct vctx *c, xmlNodePtr node, enum rule_id id,
		      const char *what, const char *s);

/* ---- element tables ---- */

enum {
	E_REQUIRED = 1,		/* must appear (missing-element) */
	E_UNIQUE = 2,		/* at most once (duplicate-element) */
	E_NONBLANK = 4,		/* empty text is a warning */
	E_CONTAINER = 8,	/* has child elements, no text */
	E_ANY = 16,		/* any content, not checked */
	E_FRAGMENT = 32,	/* counted, but checked on its own later */
	E_PROPOSALS = 64,	/* an evolving namespace: an attribute not listed is a
				 * warning (podcast-not-formalized), not an error */
};

struct elem_def;
typedef void elem_check_fn(struct vctx *c, xmlNodePtr node);

struct elem_def {
	const char *ns;		/* NULL: no namespace */
	const char *name;	/* NULL ends a table */
	unsigned flags;
	enum rule_id value;	/* applied to the trimmed text; R_NONE for none */
	const struct elem_def *children;	/* for E_CONTAINER */
	elem_check_fn *check;	/* extra checks, after the generic ones */
	const char *const *attrs;	/* unqualified attributes allowed; NULL: none */
};

/* Checks node against def: attributes, text, children (recursively), value,
 * then def->check. own_ns is the namespace whose unknown elements are errors
 * (NULL: no namespace, for RSS). */
void elem_walk(struct vctx *c, xmlNodePtr node, const struct elem_def *def,
	       const char *own_ns);

/* Extension elements valid in a context (rules_ext.c). */
enum ext_context { EXT_CHANNEL, EXT_ITEM, EXT_FEED, EXT_ENTRY, EXT_ANY_CTX };
const struct elem_def *ext_lookup(xmlNodePtr node, enum ext_context where,
				  bool *closed_ns);
/* All extension checks on a foreign element: its table row, closed
 * namespaces, value rules. */
void ext_check(struct vctx *c, xmlNodePtr node, enum ext_context where);

/* Helpers shared by the rule modules. Returned strings are owned by the
 * caller (free with xmlFree) unless said otherwise. */
bool node_is(xmlNodePtr n, const char *ns, const char *name);
const char *node_ns(xmlNodePtr n);	/* NULL for no namespace; not owned */
xmlChar *node_text(xmlNodePtr n);	/* trimmed text content */
xmlChar *attr_get(xmlNodePtr n, const char *name);	/* unqualified attribute */
size_t count_children(xmlNodePtr n, const char *ns, const char *name);
bool has_child(xmlNodePtr n, const char *ns, const char *name);
xmlNodePtr first_child(xmlNodePtr n, const char *ns, const char *name);

/* Per-format entry points. A document is read as a stream: each entry or item
 * is checked alone as it is read (atom_check_entry, rss_check_item), every
 * other child of the feed or channel is noted as it is read
 * (atom_note_head_child) and copied into a head that has no entries, and the
 * head is checked once the document has ended (atom_check_head,
 * rss_check_head). in_feed is false for an Atom entry document. */
void atom_check_entry(struct vctx *c, xmlNodePtr entry, bool in_feed);
void atom_note_head_child(struct vctx *c, xmlNodePtr child);
void atom_check_head(struct vctx *c, xmlNodePtr feed);
void rss_check_head(struct vctx *c, xmlNodePtr rss);
void rss_check_item(struct vctx *c, xmlNodePtr item);
/* The children in no namespace of an element that takes an item's format
 * (Podcasting 2.0's liveItem), each checked as an item's child is. */
void rss_check_item_children(struct vctx *c, xmlNodePtr n);
/* RSS 0.91 (Netscape and UserLand), 0.92, 0.93 and 0.94, by c->version
 * (rules_rss.c). */
void rss09_check_head(struct vctx *c, xmlNodePtr rss);
void rss09_check_item(struct vctx *c, xmlNodePtr item);
/* RSS 0.90 and RSS 1.0, RDF documents whose elements are in c->rdf_ns
 * (rules_rdf.c): the items are pieces, everything else under rdf:RDF is
 * head. */
void rdf_check_head(struct vctx *c, xmlNodePtr rdf);
void rdf_check_item(struct vctx *c, xmlNodePtr item);
/* rdf:about, rdf:resource: present, and a URI reference (rules_rdf.c). */
void rdf_check_about(struct vctx *c, xmlNodePtr n);
void rdf_check_resource(struct vctx *c, xmlNodePtr n);
/* OPML 1.0, 1.1 and 2.0 (rules_opml.c): each outline directly under <body>
 * is a piece, with the outlines it holds; c->pieces tells the head check
 * whether <body> had any. */
void opml_check_head(struct vctx *c, xmlNodePtr opml);
void opml_check_outline(struct vctx *c, xmlNodePtr outline);

/* Text value checks (rules_values.c); pure functions on trimmed strings. */
bool check_rfc3339(const char *s);
bool check_rfc822(const char *s);
bool check_rfc822_lax(const char *s);	/* two-digit years and odd zones */
bool check_day_of_week(const char *s);	/* matches the date, when given */
bool check_w3cdtf(const char *s);
bool check_date_plausible(const char *s);
bool check_uri(const char *s);		/* URI-reference, RFC 3986 */
bool check_iri(const char *s);		/* IRI-reference, RFC 3987 */
bool check_uri_full(const char *s);	/* absolute URI, ASCII only */
bool check_iri_full(const char *s);	/* absolute IRI */
bool check_tag_uri(const char *s);	/* RFC 4151, when the scheme is tag: */
bool check_urn(const char *s);		/* RFC 8141, when the scheme is urn: */
bool check_email(const char *s);	/* addr-spec */
bool check_email_rss(const char *s);	/* "addr-spec (Name)" or addr-spec */
bool check_mime_type(const char *s);
bool check_language(const char *s);	/* ISO 639 code, optional region */
bool check_language_tag(const char *s);	/* RFC 3066 / BCP 47 shape */
bool check_int_positive(const char *s);
bool check_int_nonnegative(const char *s);
bool check_integer(const char *s);
bool check_boolean(const char *s);
bool check_true_false(const char *s);
bool check_yes_no(const char *s);
bool check_float(const char *s);
bool check_int_list(const char *s);	/* 1,2,3 */
bool check_common_encoding(const char *s);
bool check_currency(const char *s);	/* ISO 4217: three capital letters */	/* a WHATWG Encoding Standard label */
bool check_latitude(const char *s);
bool check_longitude(const char *s);
bool check_form_name(const char *s);	/* an HTML form control name */
bool check_npt_time(const char *s);
bool check_media_scheme(const char *s);
bool check_media_credit_role(const char *s);
bool check_gbase_label(const char *s);
bool check_gbase_rating(const char *s);
bool check_gbase_year(const char *s);
bool check_gbase_price(const char *s);
bool check_opensearch_role(const char *s);
bool check_meta_robots(const char *s);
bool check_dcmi_period(const char *s);	/* DCMI Period: name=..; start=..; end=.. */
bool check_opml_expansion(const char *s);
bool check_uuid(const char *s);		/* 8-4-4-4-12 hexadecimal digits */	/* "1, 6, 13": line numbers */
bool check_uuid_v5(const char *s);	/* and version 5 (podcast:guid) */
bool check_no_html(const char *s);	/* plain text: no markup */
bool check_safe_html(const char *s);	/* no script, event handlers... */
bool check_is_html(const char *s);	/* escaped HTML that parses */
bool is_relative_ref(const char *s);
bool has_scheme_kind(const char *s, const char *scheme);	/* "tag" for tag:... */

/* Shared checks of the rule modules. */
void check_no_surrounding_space(struct vctx *c, xmlNodePtr node);
void check_rfc822_node(struct vctx *c, xmlNodePtr n, const char *what, const char *s);
void check_rfc3339_node(struct vctx *c, xmlNodePtr n, const char *what, const char *s);
/* A value of this kind ("guid", "id") seen before in the document? Records it. */
bool seen_before(struct vctx *c, const char *kind, const char *value);
/* The encoding the XML declaration names (NULL: none): a warning when it is
 * obscure. Reported on line 1. */
void check_declared_encoding(struct vctx *c, const char *encoding);
/* Escaped HTML in n (rules_html.c): unsafe markup, elements HTML does not
 * define, and relative links or images with no xml:base in scope. what names
 * the element in the messages. */
void check_html_text(struct vctx *c, xmlNodePtr n, const char *what, const char *html);
/* W3C warning classes, round F: the characters of n's own text and attribute
 * values (BadCharacters) and optional attributes left blank (AttrNotBlank),
 * checked on every element as it is read (rules_text.c); a media type's
 * parameters its registration defines (rules_values.c); escaped HTML given as
 * a whole text/html document (rules_html.c). */
void check_element_text(struct vctx *c, xmlNodePtr n);
bool check_media_type_params(const char *s);
void check_html_document(struct vctx *c, xmlNodePtr n, const char *html);
/* atom:link, in Atom and in RSS (rules_atom.c). */
void atom_check_link(struct vctx *c, xmlNodePtr n);
/* Alternate links with the same type and hreflang among n's children. */
void atom_check_link_set(struct vctx *c, xmlNodePtr n);

#endif
