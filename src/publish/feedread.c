/* feedread.c: a feed's entries — XML feeds through libxml2's streaming
 * xmlTextReader (one pass, no tree), JSON Feed through jansson; files and
 * standard input read whole up to the cap, URLs through base/fetch. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>
#include <libxml/xmlreader.h>

#include "base/text.h"
#include "publish/feedread.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RSS1 "http://purl.org/rss/1.0/"
#define NS_RSS090 "http://my.netscape.com/rdf/simple/0.9/"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS "http://purl.org/dc/terms/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"

enum dialect { K_ATOM = 1, K_RSS = 2, K_RDF = 4 };

enum field { F_NONE, F_ID, F_LINK, F_TITLE, F_PUBLISHED, F_UPDATED, F_CONTENT };

/* The elements of an entry that are read. ns NULL: the namespace of the
 * entry element itself (Atom's, none for RSS 2.0, RSS 1.0's or 0.90's). */
static const struct field_rule {
	unsigned dialects;
	const char *ns;
	const char *local;
	enum field field;
} field_rules[] = {
	{K_ATOM, NULL, "id", F_ID},
	{K_ATOM, NULL, "link", F_LINK},
	{K_ATOM, NULL, "title", F_TITLE},
	{K_ATOM, NULL, "published", F_PUBLISHED},
	{K_ATOM, NULL, "updated", F_UPDATED},
	{K_ATOM, NULL, "content", F_CONTENT},
	{K_ATOM, NULL, "summary", F_CONTENT},
	{K_RSS | K_RDF, NULL, "guid", F_ID},
	{K_RSS | K_RDF, NULL, "link", F_LINK},
	{K_RSS | K_RDF, NULL, "title", F_TITLE},
	{K_RSS, NULL, "pubDate", F_PUBLISHED},
	{K_RSS | K_RDF, NULL, "description", F_CONTENT},
	{K_RSS | K_RDF, NS_DC, "date", F_PUBLISHED},
	{K_RSS | K_RDF, NS_DCTERMS, "modified", F_UPDATED},
	{K_RSS, NS_ATOM, "updated", F_UPDATED},
	{K_RSS | K_RDF, NS_CONTENT, "encoded", F_CONTENT},
};

void feed_doc_free(struct feed_doc *doc)
{
	for (size_t i = 0; i < doc->n; i++) {
		struct feed_entry *e = &doc->v[i];
		free(e->id);
		free(e->link);
		free(e->title);
		free(e->published);
		free(e->updated);
	}
	free(doc->v);
	memset(doc, 0, sizeof *doc);
}

bool feedread_is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

/* FNV-1a, 64 bits: content is compared by hash, never kept. */
static uint64_t hash_add(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}
#define HASH_START 0xcbf29ce484222325ULL

static uint64_t hash_str(uint64_t h, const char *s)
{
	return s ? hash_add(h, s, strlen(s) + 1) : hash_add(h, "", 1);
}

/* A new entry at the end of doc; NULL (after a report) past the bound. */
static struct feed_entry *add_entry(struct feed_doc *doc, const char *name, unsigned long line,
				    struct diag_sink *diag)
{
	if (doc->n >= FEEDREAD_MAX_ENTRIES) {
		diag_report(diag, DIAG_ERROR, name, line, 0, "feed-read",
			    "more than %zu entries: not read further", FEEDREAD_MAX_ENTRIES);
		return NULL;
	}
	if (doc->n == doc->cap) {
		doc->cap = doc->cap ? doc->cap * 2 : 16;
		doc->v = xrealloc(doc->v, doc->cap * sizeof *doc->v);
	}
	struct feed_entry *e = &doc->v[doc->n++];
	memset(e, 0, sizeof *e);
	e->line = line;
	return e;
}

/* s[0..n) folded and trimmed, cut at FEEDREAD_MAX_FIELD bytes (at a UTF-8
 * boundary); NULL when nothing is left. */
static char *field_text(const char *s, size_t n)
{
	if (n > FEEDREAD_MAX_FIELD)
		n = utf8_valid_prefix(s, FEEDREAD_MAX_FIELD);
	char *t = text_squeeze(xstrndup(s, n));
	if (!*t) {
		free(t);
		return NULL;
	}
	return t;
}

/* The id an entry is known by when it has none of its own: its link. */
static void entry_finish(struct feed_entry *e)
{
	if (!e->id && e->link)
		e->id = xstrdup(e->link);
}

/* ---- XML ---- */

struct xread {
	xmlTextReaderPtr rd;
	const char *name;
	struct feed_doc *doc;
	struct diag_sink *diag;
	unsigned dialect;
	const char *entry_ns;	/* NULL: none (RSS 2.0) */
	struct feed_entry *entry;	/* the entry being read, or NULL */
	int entry_depth;
	enum field field;	/* the field being read, or F_NONE */
	int field_depth;
	struct buf text;
	bool text_full;
	uint64_t hash;		/* of the entry's content and summary so far */
	bool has_content;
	bool over;		/* more entries than FEEDREAD_MAX_ENTRIES */
	/* the first error libxml2 reported */
	bool failed;
	char msg[256];
	unsigned long line, col;
};

static void xml_error(void *arg, xmlErrorPtr e)
{
	struct xread *x = arg;
	if (e->level < XML_ERR_ERROR || x->failed)
		return;
	x->failed = true;
	x->line = e->line > 0 ? (unsigned long)e->line : 0;
	x->col = e->int2 > 0 ? (unsigned long)e->int2 : 0;
	snprintf(x->msg, sizeof x->msg, "%s", e->message ? e->message : "not well-formed");
	size_t n = strlen(x->msg);
	while (n && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' '))
		x->msg[--n] = '\0';
}

static bool ns_is(const xmlChar *ns, const char *want)
{
	if (!want)
		return !ns || !*ns;
	return ns && strcmp((const char *)ns, want) == 0;
}

static enum field field_of(const struct xread *x, const xmlChar *ns, const xmlChar *local)
{
	for (size_t i = 0; i < sizeof field_rules / sizeof field_rules[0]; i++) {
		const struct field_rule *r = &field_rules[i];
		if (!(r->dialects & x->dialect) || strcmp((const char *)local, r->local) != 0)
			continue;
		if (ns_is(ns, r->ns ? r->ns : x->entry_ns))
			return r->field;
	}
	return F_NONE;
}

static char *attr(xmlTextReaderPtr rd, const char *name, const char *ns)
{
	xmlChar *v = ns ? xmlTextReaderGetAttributeNs(rd, BAD_CAST name, BAD_CAST ns)
			: xmlTextReaderGetAttribute(rd, BAD_CAST name);
	if (!v)
		return NULL;
	char *t = field_text((const char *)v, strlen((const char *)v));
	xmlFree(v);
	return t;
}

/* The root element says which feed this is; -1 after a report when none. */
static int xml_root(struct xread *x, const xmlChar *ns, const xmlChar *local)
{
	const char *l = (const char *)local;
	if (strcmp(l, "feed") == 0 && ns_is(ns, NS_ATOM)) {
		x->dialect = K_ATOM;
		x->entry_ns = NS_ATOM;
		x->doc->kind = "Atom";
	} else if (strcmp(l, "rss") == 0 && ns_is(ns, NULL)) {
		x->dialect = K_RSS;
		x->entry_ns = NULL;
		x->doc->kind = "RSS";
	} else if (strcmp(l, "RDF") == 0 && ns_is(ns, NS_RDF)) {
		x->dialect = K_RDF;
		x->entry_ns = NULL;	/* the item's: RSS 1.0 or 0.90 */
		x->doc->kind = "RDF";
	} else {
		long line = xmlGetLineNo(xmlTextReaderCurrentNode(x->rd));
		diag_report(x->diag, DIAG_ERROR, x->name, line > 0 ? (unsigned long)line : 0, 0,
			    "feed-read", "not a feed: the root element is <%s> (Atom, RSS or RDF is read)",
			    l);
		return -1;
	}
	return 0;
}

static bool is_entry(struct xread *x, const xmlChar *ns, const xmlChar *local)
{
	const char *l = (const char *)local;
	if (x->dialect == K_ATOM)
		return strcmp(l, "entry") == 0 && ns_is(ns, NS_ATOM);
	if (x->dialect == K_RSS)
		return strcmp(l, "item") == 0 && ns_is(ns, NULL);
	if (strcmp(l, "item") != 0 || !(ns_is(ns, NS_RSS1) || ns_is(ns, NS_RSS090)))
		return false;
	x->entry_ns = ns_is(ns, NS_RSS1) ? NS_RSS1 : NS_RSS090;
	return true;
}

/* Atom's link: the first with no rel or rel="alternate" is the entry's. */
static void atom_link(struct xread *x)
{
	if (x->entry->link)
		return;
	char *rel = attr(x->rd, "rel", NULL);
	if (!rel || strcmp(rel, "alternate") == 0)
		x->entry->link = attr(x->rd, "href", NULL);
	free(rel);
}

static void start_element(struct xread *x, int depth)
{
	const xmlChar *ns = xmlTextReaderConstNamespaceUri(x->rd);
	const xmlChar *local = xmlTextReaderConstLocalName(x->rd);
	bool empty = xmlTextReaderIsEmptyElement(x->rd) == 1;
	if (x->field == F_CONTENT) {
		x->hash = hash_str(hash_add(x->hash, "<", 1), (const char *)local);
		return;
	}
	if (x->field != F_NONE)
		return;
	if (!x->entry) {
		if (!is_entry(x, ns, local))
			return;
		long line = xmlGetLineNo(xmlTextReaderCurrentNode(x->rd));
		x->entry = add_entry(x->doc, x->name, line > 0 ? (unsigned long)line : 0, x->diag);
		x->over = x->entry == NULL;
		x->entry_depth = depth;
		x->hash = HASH_START;
		x->has_content = false;
		if (x->entry && x->dialect == K_RDF)
			x->entry->id = attr(x->rd, "about", NS_RDF);
		if (x->entry && empty) {
			entry_finish(x->entry);
			x->entry = NULL;
		}
		return;
	}
	if (depth != x->entry_depth + 1)
		return;
	enum field f = field_of(x, ns, local);
	if (f == F_LINK && x->dialect == K_ATOM) {
		atom_link(x);
		return;
	}
	if (f == F_NONE || empty)
		return;
	x->field = f;
	x->field_depth = depth;
	x->text.len = 0;
	x->text_full = false;
	if (f == F_CONTENT) {
		x->has_content = true;
		x->hash = hash_str(x->hash, (const char *)local);
	}
}

static char **field_slot(struct feed_entry *e, enum field f)
{
	switch (f) {
	case F_ID: return &e->id;
	case F_LINK: return &e->link;
	case F_TITLE: return &e->title;
	case F_PUBLISHED: return &e->published;
	case F_UPDATED: return &e->updated;
	default: return NULL;
	}
}

static void end_element(struct xread *x, int depth)
{
	if (x->field != F_NONE && depth == x->field_depth) {
		char **slot = field_slot(x->entry, x->field);
		if (slot && !*slot)
			*slot = field_text(x->text.data ? x->text.data : "", x->text.len);
		x->field = F_NONE;
		return;
	}
	if (x->field == F_CONTENT) {
		x->hash = hash_add(x->hash, ">", 1);
		return;
	}
	if (x->entry && depth == x->entry_depth) {
		x->entry->content_hash = x->has_content ? x->hash : 0;
		entry_finish(x->entry);
		x->entry = NULL;
	}
}

static void text_node(struct xread *x)
{
	const xmlChar *v = xmlTextReaderConstValue(x->rd);
	if (!v)
		return;
	size_t n = strlen((const char *)v);
	if (x->field == F_CONTENT) {
		x->hash = hash_add(x->hash, v, n);
		return;
	}
	if (x->text_full)
		return;
	if (x->text.len + n > 4 * FEEDREAD_MAX_FIELD) {	/* room to fold white space */
		n = 4 * FEEDREAD_MAX_FIELD - x->text.len;
		x->text_full = true;
	}
	buf_add(&x->text, v, n);
}

/* One node; -1 when reading must stop (reported). */
static int xml_node(struct xread *x)
{
	int type = xmlTextReaderNodeType(x->rd);
	int depth = xmlTextReaderDepth(x->rd);
	if (type == XML_READER_TYPE_ELEMENT) {
		if (!x->dialect)
			return xml_root(x, xmlTextReaderConstNamespaceUri(x->rd),
					xmlTextReaderConstLocalName(x->rd));
		bool empty = xmlTextReaderIsEmptyElement(x->rd) == 1;
		start_element(x, depth);
		if (x->over)
			return -1;	/* past the bound, reported */
		if (empty && x->field == F_CONTENT)
			x->hash = hash_add(x->hash, ">", 1);
		return 0;
	}
	if (type == XML_READER_TYPE_END_ELEMENT) {
		end_element(x, depth);
		return 0;
	}
	if (x->field != F_NONE && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
				   type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
				   type == XML_READER_TYPE_WHITESPACE))
		text_node(x);
	return 0;
}

static int read_xml(const char *data, size_t len, const char *name, struct feed_doc *doc,
		    struct diag_sink *diag)
{
	struct xread x = {.name = name, .doc = doc, .diag = diag};
	buf_init(&x.text);
	xmlSetStructuredErrorFunc(&x, xml_error);
	x.rd = xmlReaderForMemory(data, (int)len, NULL, NULL,
				  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
				  XML_PARSE_BIG_LINES);
	int rc = x.rd ? 0 : -1;
	if (x.rd)
		xmlTextReaderSetStructuredErrorHandler(x.rd, xml_error, &x);
	int r = 0;
	while (rc == 0 && (r = xmlTextReaderRead(x.rd)) == 1)
		rc = xml_node(&x);
	bool reported = rc != 0 && x.rd;
	if (rc == 0 && (r < 0 || x.failed))
		rc = -1;
	if (rc != 0 && !reported)
		diag_report(diag, DIAG_ERROR, name, x.line, x.col, "feed-read", "not well-formed XML: %s",
			    x.failed ? x.msg : "the document cannot be read");
	else if (rc == 0 && !x.dialect) {
		diag_report(diag, DIAG_ERROR, name, 0, 0, "feed-read", "not a feed: no root element");
		rc = -1;
	}
	if (x.rd)
		xmlFreeTextReader(x.rd);
	xmlSetStructuredErrorFunc(NULL, NULL);
	buf_free(&x.text);
	return rc;
}

/* ---- JSON Feed ---- */

static char *json_text(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (json_is_string(v))
		return field_text(json_string_value(v), json_string_length(v));
	if (json_is_integer(v)) {	/* JSON Feed 1.0 readers met numeric ids */
		char num[32];
		snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return xstrdup(num);
	}
	return NULL;
}

static uint64_t json_content_hash(json_t *item)
{
	static const char *const keys[] = {"content_html", "content_text", "summary"};
	uint64_t h = HASH_START;
	bool any = false;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		json_t *v = json_object_get(item, keys[i]);
		if (!json_is_string(v))
			continue;
		any = true;
		h = hash_str(h, keys[i]);
		h = hash_add(h, json_string_value(v), json_string_length(v));
	}
	return any ? h : 0;
}

static int read_json(const char *data, size_t len, const char *name, struct feed_doc *doc,
		     struct diag_sink *diag)
{
	json_error_t err;
	json_t *root = json_loadb(data, len, 0, &err);
	if (!root) {
		diag_report(diag, DIAG_ERROR, name, err.line > 0 ? (unsigned long)err.line : 0,
			    err.column > 0 ? (unsigned long)err.column : 0, "feed-read",
			    "not valid JSON: %s", err.text);
		return -1;
	}
	json_t *version = json_object_get(root, "version");
	json_t *items = json_object_get(root, "items");
	int rc = 0;
	if (!json_is_string(version) ||
	    strncmp(json_string_value(version), "https://jsonfeed.org/version/", 29) != 0 ||
	    !json_is_array(items)) {
		diag_report(diag, DIAG_ERROR, name, 1, 1, "feed-read",
			    "not a JSON Feed: no \"version\": \"https://jsonfeed.org/version/...\" "
			    "with an \"items\" array");
		rc = -1;
	}
	doc->kind = "JSON Feed";
	size_t i;
	json_t *item;
	json_array_foreach(items, i, item) {
		if (rc != 0)
			break;
		if (!json_is_object(item))
			continue;
		struct feed_entry *e = add_entry(doc, name, 0, diag);
		if (!e) {
			rc = -1;
			break;
		}
		e->id = json_text(item, "id");
		e->link = json_text(item, "url");
		e->title = json_text(item, "title");
		e->published = json_text(item, "date_published");
		e->updated = json_text(item, "date_modified");
		e->content_hash = json_content_hash(item);
		entry_finish(e);
	}
	json_decref(root);
	return rc;
}

int feedread_buffer(const char *data, size_t len, const char *name, struct feed_doc *doc,
		    struct diag_sink *diag)
{
	memset(doc, 0, sizeof *doc);
	if (len > FEEDREAD_MAX_BYTES) {
		diag_report(diag, DIAG_ERROR, name, 0, 0, "feed-read",
			    "larger than %zu MiB: not read", FEEDREAD_MAX_BYTES >> 20);
		return -1;
	}
	size_t skip = 0;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	while (skip < len && strchr(" \t\r\n", data[skip]))
		skip++;
	int rc = skip < len && data[skip] == '{'
		 ? read_json(data + skip, len - skip, name, doc, diag)
		 : read_xml(data, len, name, doc, diag);
	if (rc != 0)
		feed_doc_free(doc);
	return rc;
}

/* The whole of fd, up to the cap (one byte more, to know it was passed);
 * from its start with pread() when at_start, else from where it is. */
static int read_all(int fd, bool at_start, struct buf *b)
{
	buf_init(b);
	char chunk[65536];
	for (;;) {
		ssize_t k = at_start ? pread(fd, chunk, sizeof chunk, (off_t)b->len)
				     : read(fd, chunk, sizeof chunk);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0)
			return 0;
		buf_add(b, chunk, (size_t)k);
		if (b->len > FEEDREAD_MAX_BYTES)
			return 0;
	}
}

static int load_url(const char *name, const struct fetch_options *fetch, struct feed_doc *doc,
		    struct diag_sink *diag)
{
	struct fetch_result res;
	char why[512];
	int rc = fetch_url(name, fetch, &res, why, sizeof why);
	char *shown = fetch_redact_url(name);
	if (rc != 0 && (res.status == 404 || res.status == 410)) {
		rc = 1;
	} else if (rc != 0) {
		diag_report(diag, DIAG_ERROR, shown, 0, 0, "read-error", "cannot fetch: %s", why);
	} else {
		rc = feedread_buffer(res.body.data ? res.body.data : "", res.body.len, shown, doc, diag);
	}
	free(shown);
	fetch_result_free(&res);
	return rc;
}

int feedread_load(const char *name, const struct fetch_options *fetch, struct feed_doc *doc,
		  struct diag_sink *diag)
{
	memset(doc, 0, sizeof *doc);
	if (feedread_is_url(name))
		return load_url(name, fetch, doc, diag);
	bool is_stdin = strcmp(name, "-") == 0;
	const char *shown = is_stdin ? "<stdin>" : name;
	int fd = is_stdin ? STDIN_FILENO : open(name, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT)
		return 1;
	struct buf b;
	if (fd < 0 || read_all(fd, false, &b) != 0) {
		int err = errno;
		if (fd >= 0) {
			buf_free(&b);
			if (!is_stdin)
				close(fd);
		}
		diag_report(diag, DIAG_ERROR, shown, 0, 0, "read-error", "cannot read: %s", strerror(err));
		return -1;
	}
	if (!is_stdin)
		close(fd);
	int rc = feedread_buffer(b.data ? b.data : "", b.len, shown, doc, diag);
	buf_free(&b);
	return rc;
}

int feedread_fd(int fd, const char *name, struct feed_doc *doc, struct diag_sink *diag)
{
	memset(doc, 0, sizeof *doc);
	struct buf b;
	if (read_all(fd, true, &b) != 0) {
		int err = errno;
		buf_free(&b);
		diag_report(diag, DIAG_ERROR, name, 0, 0, "read-error", "cannot read: %s", strerror(err));
		return -1;
	}
	int rc = feedread_buffer(b.data ? b.data : "", b.len, name, doc, diag);
	buf_free(&b);
	return rc;
}
