/* sniff.c: a document's kind from its first bytes (sniff.h).
 *
 * XML is read by libxml2's push parser with a SAX handler that has only a
 * start-element callback, which stops the parser at the root: no entity is
 * declared or expanded (no entity callbacks), nothing is loaded (NONET), and
 * the bytes looked at are bounded by SNIFF_PREFIX. libxml2 finds the
 * encoding (byte order marks, UTF-16, the XML declaration). */
#define _GNU_SOURCE	/* memmem */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "validate/sniff.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define JSONFEED_VERSION "jsonfeed.org/version/"

/* The roots of feeds and feed lists: a local name, and its namespace (NULL:
 * any, so that a <feed> in a mistaken namespace is checked and told so). */
static const struct {
	const char *name, *ns;
} feed_roots[] = {
	{ "rss", NULL }, { "feed", NULL }, { "entry", NS_ATOM }, { "RDF", NS_RDF },
	{ "opml", NULL }, { "outlineDocument", NULL },
};

struct root_seen {
	xmlParserCtxtPtr ctxt;
	bool seen;
	char name[64];
	char ns[128];
};

static void copy_name(char *dst, size_t n, const xmlChar *s)
{
	snprintf(dst, n, "%s", s ? (const char *)s : "");
}

/* The first start tag is the root's: note it and stop. */
static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
		     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	(void)prefix, (void)nb_namespaces, (void)namespaces;
	(void)nb_attributes, (void)nb_defaulted, (void)attributes;
	struct root_seen *r = ctx;
	if (!r->seen) {
		r->seen = true;
		copy_name(r->name, sizeof r->name, localname);
		copy_name(r->ns, sizeof r->ns, uri);
	}
	xmlStopParser(r->ctxt);
}

static void quiet_error(void *ctx, xmlErrorPtr err)
{
	(void)ctx, (void)err;
}

/* The root element of the XML in data[0..len), into *r (r->seen false when
 * the bytes end or break before one). */
static void xml_root(const char *data, size_t len, bool complete, struct root_seen *r)
{
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	sax.serror = quiet_error;
	size_t head = len < 4 ? len : 4;	/* what the encoding is told by */
	/* The callbacks' data is r, not the parser: libxml2 looks up entities
	 * declared in a doctype itself only for a parser that is its own
	 * callbacks' data, and none is wanted. */
	xmlParserCtxtPtr p = xmlCreatePushParserCtxt(&sax, r, data, (int)head, NULL);
	if (!p)
		return;
	r->ctxt = p;
	xmlCtxtUseOptions(p, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!r->seen && len > head)
		xmlParseChunk(p, data + head, (int)(len - head), complete);
	else if (!r->seen && complete)
		xmlParseChunk(p, NULL, 0, 1);
	/* A doctype's declarations are kept in a document of their own. */
	xmlFreeDoc(p->myDoc);
	p->myDoc = NULL;
	xmlFreeParserCtxt(p);
}

static bool is_feed_root(const struct root_seen *r)
{
	for (size_t i = 0; i < sizeof feed_roots / sizeof *feed_roots; i++)
		if (strcmp(r->name, feed_roots[i].name) == 0 &&
		    (!feed_roots[i].ns || strcmp(r->ns, feed_roots[i].ns) == 0))
			return true;
	return false;
}

static size_t skip_space(const char *s, size_t i, size_t len)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	return i;
}

static bool starts_nocase(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	return len >= n && strncasecmp(s, word, n) == 0;
}

/* Does text that libxml2 could not read as XML start as HTML does: white
 * space and comments, then <!DOCTYPE html or <html? */
static bool html_start(const char *s, size_t len)
{
	size_t i = len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	for (int comments = 0; comments < 64; comments++) {
		i = skip_space(s, i, len);
		if (!starts_nocase(s + i, len - i, "<!--"))
			break;
		const char *end = memmem(s + i + 4, len - i - 4, "-->", 3);
		if (!end)
			return false;
		i = (size_t)(end - s) + 3;
	}
	if (starts_nocase(s + i, len - i, "<!doctype"))
		return starts_nocase(s + skip_space(s, i + 9, len), len - skip_space(s, i + 9, len),
				     "html");
	if (!starts_nocase(s + i, len - i, "<html"))
		return false;
	return i + 5 == len || strchr(" \t\r\n>", s[i + 5]);
}

/* A JSON object: does its top-level "version" name jsonfeed.org? Read whole
 * when complete; a JSON text that does not parse is a feed when it names the
 * version anywhere (the validator then says what is wrong with it). */
static enum sniff_kind json_kind(const char *data, size_t len, bool complete)
{
	bool names = memmem(data, len, JSONFEED_VERSION, strlen(JSONFEED_VERSION)) != NULL;
	if (!complete)
		return names ? SNIFF_JSON_FEED : SNIFF_MORE;
	json_error_t err;
	json_t *root = json_loadb(data, len, JSON_ALLOW_NUL, &err);
	if (!root)
		return names ? SNIFF_JSON_FEED : SNIFF_OTHER;
	const char *v = json_string_value(json_object_get(root, "version"));
	enum sniff_kind k = v && strstr(v, JSONFEED_VERSION) ? SNIFF_JSON_FEED : SNIFF_OTHER;
	json_decref(root);
	return k;
}

enum sniff_kind sniff_document(const char *data, size_t len, bool complete)
{
	size_t i = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	i = skip_space(data, i, len);
	if (i < len && data[i] == '{')
		return json_kind(data + i, len - i, complete);
	if (i < len && data[i] == '[')
		return SNIFF_OTHER;
	if (len > SNIFF_PREFIX) {
		len = SNIFF_PREFIX;
		complete = false;
	}
	struct root_seen r = { 0 };
	xml_root(data, len, complete, &r);
	if (!r.seen)
		return html_start(data, len) ? SNIFF_HTML : SNIFF_NONE;
	if (is_feed_root(&r))
		return SNIFF_FEED;
	return strcasecmp(r.name, "html") == 0 ? SNIFF_HTML : SNIFF_OTHER;
}

static bool type_is(const char *content_type, const char *type)
{
	size_t n = strcspn(content_type, "; \t");
	return n == strlen(type) && strncasecmp(content_type, type, n) == 0;
}

bool sniff_is_page(const char *content_type, const char *data, size_t len)
{
	bool complete = len <= SNIFF_PREFIX;
	enum sniff_kind k = sniff_document(data, complete ? len : SNIFF_PREFIX, complete);
	if (k == SNIFF_FEED || k == SNIFF_JSON_FEED || k == SNIFF_MORE)
		return false;
	if (k == SNIFF_HTML)
		return true;
	return content_type && (type_is(content_type, "text/html") ||
				type_is(content_type, "application/xhtml+xml"));
}

static bool has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);
	return n > k && strcasecmp(name + n - k, suffix) == 0;
}

bool sniff_name_is_feed(const char *name)
{
	static const char *const suffixes[] = { ".rss", ".atom", ".rdf", ".opml" };
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
		if (has_suffix(name, suffixes[i]))
			return true;
	return false;
}

bool sniff_name_is_xml(const char *name)
{
	return has_suffix(name, ".xml");
}
