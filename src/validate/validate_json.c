/* validate_json.c: JSON Feed 1 and 1.1 documents, checked against the text of
 * https://jsonfeed.org/version/1.1 (and /version/1 for feeds that say so).
 *
 * 1. jansson parses the text; its errors keep their line and column. A byte
 *    order mark and duplicate member names, which RFC 8259 tolerates, are
 *    warnings and parsing goes on past them.
 * 2. The version says what the document is.
 * 3. Each object is walked against a table of the members it may have (what
 *    JSON type, what a string must look like, required or not), so adding a
 *    member is adding a row; the rules that join members (content_html or
 *    content_text, unique ids, next_url) follow the walk.
 *
 * Severities follow the spec's words: "required", "must" are errors; "should",
 * deprecations and what readers are told to cope with are warnings. Value
 * checks (dates, URLs, language tags, media types, HTML) are the XML
 * validator's own, from rules_values.c. */
#include <config.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "base/text.h"
#include "validate/rules.h"
#include "validate/validate_json.h"

#define VERSION_1 "https://jsonfeed.org/version/1"
#define VERSION_1_1 "https://jsonfeed.org/version/1.1"
#define VERSION_PREFIX "https://jsonfeed.org/version/"

#define SPEC "JSON Feed 1.1"

#define W DIAG_WARNING
#define E DIAG_ERROR

/* ---- the rule table ---- */

enum jrule {
	J_SYNTAX,
	J_ENCODING,
	J_BOM,
	J_DUPLICATE_KEY,
	J_NOT_A_FEED,
	J_VERSION,
	J_VERSION_UNKNOWN,
	J_MISSING,
	J_TYPE,
	J_BLANK,
	J_EMPTY_ARRAY,
	J_NUL,
	J_ID_NUMBER,
	J_ID_BLANK,
	J_DUPLICATE_ID,
	J_CONTENT,
	J_URL,
	J_DATE,
	J_DATE_V1,
	J_DATE_IMPLAUSIBLE,
	J_LANGUAGE,
	J_MIME_TYPE,
	J_NUMBER,
	J_AUTHOR_EMPTY,
	J_AUTHOR_DEPRECATED,
	J_NEXT_URL,
	J_HTML_IN_TEXT,
	J_HTML_UNSAFE,
	J_UNKNOWN_MEMBER,
	J_EXTENSION_NAME,
	J_TOO_LARGE,
	J_COUNT
};

struct jrule_def {
	const char *id;
	enum diag_severity sev;
	const char *message;
	const char *spec;
};

/* Ids shared with the XML rules (not-a-feed, language, mime-type, ...) mean
 * the same thing there, so a CI filter on an id works for every format. */
static const struct jrule_def jrules[J_COUNT] = {
	[J_SYNTAX] = { "json-syntax", E, "not well-formed JSON",
		"RFC 8259 §2; " SPEC " §Suggestions for Feed Readers" },
	[J_ENCODING] = { "json-encoding", E, "not UTF-8", "RFC 8259 §8.1" },
	[J_BOM] = { "json-bom", W, "byte order mark before the JSON text (ignored)",
		"RFC 8259 §8.1" },
	[J_DUPLICATE_KEY] = { "json-duplicate-member", W,
		"member name used twice in one object; readers may keep either value",
		"RFC 8259 §4" },
	[J_NOT_A_FEED] = { "not-a-feed", E, "not a JSON Feed", SPEC " §Top-level (version)" },
	[J_VERSION] = { "json-version", E, "version is not a JSON Feed version URL",
		SPEC " §Top-level (version)" },
	[J_VERSION_UNKNOWN] = { "json-version-unknown", W,
		"a JSON Feed version this validator does not know; checked as 1.1",
		SPEC " §Future Compatibility" },
	[J_MISSING] = { "json-missing-member", E, "required member missing",
		SPEC " §Top-level, §Items, §Attachments" },
	[J_TYPE] = { "json-type", E, "wrong JSON type", SPEC " §Top-level, §Items" },
	[J_BLANK] = { "blank", W, "should not be empty", SPEC " §Top-level (title)" },
	[J_EMPTY_ARRAY] = { "json-empty-array", W,
		"an empty array says nothing: leave the member out",
		SPEC " §Top-level (authors: one or more; hubs: one or more)" },
	[J_TOO_LARGE] = { "json-too-large", E, "a JSON Feed larger than is checked",
		"feedgen (bounded memory: a JSON text is read whole)" },
	[J_NUL] = { "json-nul", W, "string holds U+0000, where many readers cut the text",
		"RFC 8259 §7" },
	[J_ID_NUMBER] = { "json-id-not-string", W,
		"id is a number: 1.1 says it is a string (readers coerce it)",
		SPEC " §Items (id), §Changes" },
	[J_ID_BLANK] = { "json-id-blank", E, "blank id: readers must discard the item",
		SPEC " §Suggestions for Feed Readers" },
	/* "id ... is unique for that item for that feed over time": two items
	 * with one id are one item to a reader, which drops one of them. */
	[J_DUPLICATE_ID] = { "json-duplicate-id", E, "items share an id", SPEC " §Items (id)" },
	[J_CONTENT] = { "json-content", E,
		"an item needs content_html or content_text (\"one or both must be present\")",
		SPEC " §Items" },
	[J_URL] = { "json-url", E, "not an absolute URL",
		SPEC " §Top-level, §Items; RFC 3987 §2.2" },
	[J_DATE] = { "json-date", E, "not an RFC 3339 date-time",
		SPEC " §Items (date_published); RFC 3339 §5.6" },
	[J_DATE_V1] = { "json-date", E, "not an ISO 8601 date-time",
		"JSON Feed 1 §Items (date_published); W3C-DTF" },
	[J_DATE_IMPLAUSIBLE] = { "date-implausible", W, "implausible date", "RFC 3339 §5.6" },
	[J_LANGUAGE] = { "language", E, "not a language tag",
		SPEC " §Top-level (language); RFC 5646 §2.1" },
	[J_MIME_TYPE] = { "mime-type", E, "not a MIME media type",
		SPEC " §Attachments; RFC 6838 §4.2" },
	[J_NUMBER] = { "json-number", E, "not a non-negative number", SPEC " §Attachments" },
	[J_AUTHOR_EMPTY] = { "json-author-empty", E,
		"an author object needs at least one of name, url and avatar",
		SPEC " §Top-level (authors)" },
	[J_AUTHOR_DEPRECATED] = { "json-author-deprecated", W,
		"author is deprecated in 1.1: use authors (both may be given for older readers)",
		SPEC " §Deprecations" },
	[J_NEXT_URL] = { "json-next-url", E, "next_url must not be the same as feed_url",
		SPEC " §Top-level (next_url)" },
	[J_HTML_IN_TEXT] = { "contains-html", W,
		"plain text contains HTML markup (HTML belongs only in content_html)",
		SPEC " §Items (content_html)" },
	[J_HTML_UNSAFE] = { "html-security-risk", W,
		"HTML that may be unsafe to display (script, frames, plug-ins)",
		SPEC " §Items (content_html); RFC 4287 §8.1" },
	[J_UNKNOWN_MEMBER] = { "json-unknown-member", W,
		"member not defined by JSON Feed (extensions start with \"_\")",
		SPEC " §Extensions" },
	[J_EXTENSION_NAME] = { "json-extension-name", W,
		"an extension's name is \"_\" and a letter, without \".\"", SPEC " §Extensions" },
};

/* ---- one document ---- */

struct jctx {
	struct vreport *rep;
	bool v1;		/* version 1: ISO 8601 dates, author not deprecated */
	struct buf ptr;		/* JSON pointer of the value being checked */
	json_t *ids;		/* id -> index of the first item with it */
	const char *data;	/* the text, for positions (jansson keeps none) */
	size_t len;
	size_t scanned;		/* bytes json_locate has looked through, in all */
};

/* ---- where a JSON pointer is in the text ---- */

/* jansson keeps no positions: a diagnostic's line and column are found again
 * in the text by following its pointer (RFC 6901) - a member is at its name's
 * opening quote, an array element at its value, and what is missing at the
 * object or array that lacks it (the deepest part of the pointer that is
 * there). The text is walked from its start each time, within 64 MiB in all
 * for a document, so many reports on a hostile one stay linear; past that,
 * and in text jansson refused, the position is unknown (0). */
#define JSON_LOCATE_BUDGET ((size_t)64 << 20)

struct jscan {
	const char *p, *end;
};

static void js_ws(struct jscan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

/* Past the string that starts at s->p (its opening quote). */
static void js_string(struct jscan *s)
{
	for (s->p++; s->p < s->end && *s->p != '"'; s->p++)
		if (*s->p == '\\' && s->p + 1 < s->end)
			s->p++;
	if (s->p < s->end)
		s->p++;
}

/* Past the value at s->p, nested ones included, without recursion. */
static void js_value(struct jscan *s)
{
	size_t depth = 0;
	do {
		if (s->p >= s->end)
			return;
		char ch = *s->p;
		if (ch == '"') {
			js_string(s);
			continue;
		}
		if (ch == '{' || ch == '[')
			depth++;
		else if ((ch == '}' || ch == ']') && depth > 0)
			depth--;
		else if (depth == 0 && (ch == ',' || ch == '}' || ch == ']'))
			return;
		s->p++;
	} while (depth > 0 || (s->p < s->end && !strchr(",}] \t\r\n", *s->p)));
}

/* Does the string at key (its opening quote) spell the pointer token tok[0..n)
 * ("~0" is "~", "~1" is "/")? Names with escapes other than \/ never do. */
static bool js_key_is(const char *key, const char *end, const char *tok, size_t n)
{
	const char *k = key + 1;
	for (size_t i = 0; i < n; i++, k++) {
		char want = tok[i];
		if (want == '~' && i + 1 < n)
			want = tok[++i] == '1' ? '/' : '~';
		if (k < end && *k == '\\' && k + 1 < end && k[1] == '/')
			k++;
		if (k >= end || *k != want)
			return false;
	}
	return k < end && *k == '"';
}

/* Moves s to the child tok[0..n) of the object or array at s->p; *at gets
 * where it is written. False when there is no such child. */
static bool js_child(struct jscan *s, const char *tok, size_t n, const char **at)
{
	bool array = *s->p == '[';
	char *stop;
	unsigned long want = array ? strtoul(tok, &stop, 10) : 0;
	if (array && (n == 0 || stop != tok + n))
		return false;
	s->p++;
	for (unsigned long i = 0;; i++) {
		js_ws(s);
		if (s->p >= s->end || *s->p == '}' || *s->p == ']')
			return false;
		const char *here = s->p;
		bool match = array ? i == want : *s->p == '"' && js_key_is(s->p, s->end, tok, n);
		if (!array) {
			js_string(s);
			js_ws(s);
			if (s->p < s->end && *s->p == ':')
				s->p++;
			js_ws(s);
		}
		if (match) {
			*at = here;
			return true;
		}
		js_value(s);
		js_ws(s);
		if (s->p >= s->end || *s->p != ',')
			return false;
		s->p++;
	}
}

/* The line and column (bytes from 1) of ptr in c's text; 0 and 0 when unknown. */
static void json_locate(struct jctx *c, const char *ptr, unsigned long *line, unsigned long *col)
{
	*line = *col = 0;
	if (!c->data || c->scanned >= JSON_LOCATE_BUDGET)
		return;
	struct jscan s = { c->data, c->data + c->len };
	if (c->len >= 3 && memcmp(c->data, "\xEF\xBB\xBF", 3) == 0)
		s.p += 3;
	js_ws(&s);
	const char *at = s.p;
	while (*ptr == '/' && s.p < s.end && (*s.p == '{' || *s.p == '[')) {
		const char *tok = ptr + 1;
		size_t n = strcspn(tok, "/");
		if (!js_child(&s, tok, n, &at))
			break;
		ptr = tok + n;
	}
	c->scanned += (size_t)(s.p - c->data);
	if (at >= s.end)
		return;
	*line = 1;
	const char *bol = c->data;
	for (const char *q = c->data; (q = memchr(q, '\n', (size_t)(at - q))) != NULL; bol = ++q)
		(*line)++;
	*col = (unsigned long)(at - bol) + 1;
}

/* Reports rule r at the current pointer: "pointer: message[: detail]". */
static void report(struct jctx *c, enum jrule r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void report(struct jctx *c, enum jrule r, const char *fmt, ...)
{
	const struct jrule_def *d = &jrules[r];
	struct buf m;
	buf_init(&m);
	if (c->ptr.len)
		buf_printf(&m, "%s: ", c->ptr.data);
	buf_adds(&m, d->message);
	if (fmt) {
		char detail[512];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(detail, sizeof detail, fmt, ap);
		va_end(ap);
		buf_printf(&m, ": %s", detail);
	}
	unsigned long line, col;
	json_locate(c, c->ptr.data ? c->ptr.data : "", &line, &col);
	vreport_add(c->rep, d->sev, line, col, d->id, d->spec, m.data);
	buf_free(&m);
}

/* detail is jansson's text, which quotes the input near the error: it is cut
 * at the first byte that is not UTF-8, so every output format can carry it. */
static void report_at(struct vreport *rep, unsigned long line, unsigned long col, enum jrule r,
		      const char *detail)
{
	const struct jrule_def *d = &jrules[r];
	struct buf m;
	buf_init(&m);
	buf_adds(&m, d->message);
	if (detail) {
		buf_adds(&m, ": ");
		buf_add(&m, detail, utf8_valid_prefix(detail, strlen(detail)));
	}
	vreport_add(rep, d->sev, line, col, d->id, d->spec, m.data);
	buf_free(&m);
}

/* JSON pointers (RFC 6901 §3: "~" is written "~0" and "/" "~1"). push returns
 * the length to pop back to. */
static size_t ptr_key(struct jctx *c, const char *key)
{
	size_t mark = c->ptr.len;
	buf_addc(&c->ptr, '/');
	for (const char *k = key; *k; k++) {
		if (*k == '~')
			buf_adds(&c->ptr, "~0");
		else if (*k == '/')
			buf_adds(&c->ptr, "~1");
		else
			buf_addc(&c->ptr, *k);
	}
	return mark;
}

static size_t ptr_index(struct jctx *c, size_t i)
{
	size_t mark = c->ptr.len;
	buf_printf(&c->ptr, "/%zu", i);
	return mark;
}

static void ptr_pop(struct jctx *c, size_t mark)
{
	c->ptr.len = mark;
	if (c->ptr.data)
		c->ptr.data[mark] = '\0';
}

static const char *type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "a value";
}

static bool want_type(struct jctx *c, const json_t *v, bool ok, const char *what)
{
	if (!ok)
		report(c, J_TYPE, "expected %s, found %s", what, type_name(v));
	return ok;
}

/* The text of a string value, or NULL (reported) for anything else. */
static const char *string_of(struct jctx *c, const json_t *v)
{
	if (!want_type(c, v, json_is_string(v), "a string"))
		return NULL;
	const char *s = json_string_value(v);
	if (strlen(s) != json_string_length(v))
		report(c, J_NUL, NULL);
	return s;
}

/* A value quoted for a message, cut short when long. A new string. */
static char *quote(const char *s)
{
	char *cut = text_truncate(s, 80);
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "\"%s\"", cut);
	free(cut);
	return buf_take(&b);
}

/* ---- values ---- */

/* RFC 3339 §5.6 allows "t" and "z" in lower case; RFC 4287, for which the
 * shared check is written, does not. */
static bool is_rfc3339(const char *s)
{
	char *up = xstrdup(s);
	for (char *p = up; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	bool ok = check_rfc3339(up);
	free(up);
	return ok;
}

/* The rule a date breaks, or J_COUNT. Version 1 asked for ISO 8601, which
 * its example shows in RFC 3339's form; W3C-DTF's shorter dates are taken
 * too. */
static enum jrule date_rule(const struct jctx *c, const char *s)
{
	if (c->v1 ? !is_rfc3339(s) && !check_w3cdtf(s) : !is_rfc3339(s))
		return c->v1 ? J_DATE_V1 : J_DATE;
	return check_date_plausible(s) ? J_COUNT : J_DATE_IMPLAUSIBLE;
}

/* What a string member holds. */
enum vtype {
	V_TEXT,		/* plain text: HTML in it is a warning */
	V_STRING,	/* any string */
	V_HTML,		/* content_html */
	V_URL,
	V_DATE,
	V_LANGUAGE,
	V_MIME,
	V_BOOL,
	V_NUMBER,	/* a non-negative number */
	V_NESTED,	/* an object or array, checked by its own function */
};

/* Checks a string member's text; the value is quoted in the message. */
static void check_string_value(struct jctx *c, enum vtype type, const char *s)
{
	enum jrule bad = J_COUNT;
	switch (type) {
	case V_TEXT:
		bad = check_no_html(s) ? J_COUNT : J_HTML_IN_TEXT;
		break;
	case V_HTML:
		if (!check_safe_html(s))
			report(c, J_HTML_UNSAFE, NULL);
		return;
	case V_URL:
		bad = check_iri_full(s) ? J_COUNT : J_URL;
		break;
	case V_DATE:
		bad = date_rule(c, s);
		break;
	case V_LANGUAGE:
		bad = check_language_tag(s) ? J_COUNT : J_LANGUAGE;
		break;
	case V_MIME:
		bad = check_mime_type(s) ? J_COUNT : J_MIME_TYPE;
		break;
	default:
		break;
	}
	if (bad == J_COUNT)
		return;
	char *q = quote(s);
	report(c, bad, "%s", q);
	free(q);
}

/* ---- member tables ---- */

enum { M_REQUIRED = 1 };

struct member {
	const char *key;	/* NULL ends a table */
	enum vtype type;
	unsigned flags;
	void (*nested)(struct jctx *c, json_t *v);	/* for V_NESTED */
};

static void check_value(struct jctx *c, const struct member *m, json_t *v)
{
	if (m->type == V_NESTED) {
		m->nested(c, v);
		return;
	}
	if (m->type == V_BOOL) {
		want_type(c, v, json_is_boolean(v), "true or false");
		return;
	}
	if (m->type == V_NUMBER) {
		if (want_type(c, v, json_is_number(v), "a number") && json_number_value(v) < 0)
			report(c, J_NUMBER, "%g", json_number_value(v));
		return;
	}
	const char *s = string_of(c, v);
	if (s)
		check_string_value(c, m->type, s);
}

/* "_" then a letter (any non-ASCII byte is given the benefit of the doubt),
 * and no "." anywhere. */
static bool extension_name_ok(const char *key)
{
	unsigned char c1 = (unsigned char)key[1];
	return (isalpha(c1) || c1 >= 0x80) && !strchr(key, '.');
}

static const struct member *member_find(const struct member *table, const char *key)
{
	for (const struct member *m = table; m->key; m++)
		if (strcmp(m->key, key) == 0)
			return m;
	return NULL;
}

/* Checks obj against table: each member in document order, then what is
 * required and missing. Returns false when obj is not an object. */
static bool check_object(struct jctx *c, json_t *obj, const struct member *table)
{
	if (!want_type(c, obj, json_is_object(obj), "an object"))
		return false;
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		size_t mark = ptr_key(c, key);
		const struct member *m = member_find(table, key);
		if (m)
			check_value(c, m, v);
		else if (key[0] == '_' && !extension_name_ok(key))
			report(c, J_EXTENSION_NAME, NULL);
		else if (key[0] != '_')
			report(c, J_UNKNOWN_MEMBER, NULL);
		ptr_pop(c, mark);
	}
	for (const struct member *m = table; m->key; m++) {
		if (!(m->flags & M_REQUIRED) || json_object_get(obj, m->key))
			continue;
		size_t mark = ptr_key(c, m->key);
		report(c, J_MISSING, NULL);
		ptr_pop(c, mark);
	}
	return true;
}

/* Each element of an array through check; returns false when v is not one. */
static bool check_array(struct jctx *c, json_t *v, void (*check)(struct jctx *, json_t *, size_t))
{
	if (!want_type(c, v, json_is_array(v), "an array"))
		return false;
	size_t i;
	json_t *el;
	json_array_foreach(v, i, el) {
		size_t mark = ptr_index(c, i);
		check(c, el, i);
		ptr_pop(c, mark);
	}
	return true;
}

static void warn_if_empty(struct jctx *c, json_t *v)
{
	if (json_is_array(v) && json_array_size(v) == 0)
		report(c, J_EMPTY_ARRAY, NULL);
}

/* -- authors -- */

static const struct member author_members[] = {
	{"name", V_TEXT, 0, NULL},
	{"url", V_URL, 0, NULL},
	{"avatar", V_URL, 0, NULL},
	{NULL, 0, 0, NULL},
};

static void check_author(struct jctx *c, json_t *v)
{
	if (!check_object(c, v, author_members))
		return;
	if (!json_object_get(v, "name") && !json_object_get(v, "url") &&
	    !json_object_get(v, "avatar"))
		report(c, J_AUTHOR_EMPTY, NULL);
}

static void check_author_el(struct jctx *c, json_t *v, size_t i)
{
	(void)i;
	check_author(c, v);
}

static void check_authors(struct jctx *c, json_t *v)
{
	if (check_array(c, v, check_author_el))
		warn_if_empty(c, v);
}

/* 1.1 §Deprecations: "author" alone is deprecated; beside "authors" it is
 * there for older readers, as the spec allows. */
static void check_author_deprecated(struct jctx *c, json_t *obj)
{
	if (c->v1 || !json_is_object(obj) || !json_object_get(obj, "author") ||
	    json_object_get(obj, "authors"))
		return;
	size_t mark = ptr_key(c, "author");
	report(c, J_AUTHOR_DEPRECATED, NULL);
	ptr_pop(c, mark);
}

/* -- hubs -- */

static const struct member hub_members[] = {
	{"type", V_STRING, M_REQUIRED, NULL},
	{"url", V_URL, M_REQUIRED, NULL},
	{NULL, 0, 0, NULL},
};

static void check_hub(struct jctx *c, json_t *v, size_t i)
{
	(void)i;
	check_object(c, v, hub_members);
}

static void check_hubs(struct jctx *c, json_t *v)
{
	if (check_array(c, v, check_hub))
		warn_if_empty(c, v);
}

/* -- items -- */

static const struct member attachment_members[] = {
	{"url", V_URL, M_REQUIRED, NULL},
	{"mime_type", V_MIME, M_REQUIRED, NULL},
	{"title", V_TEXT, 0, NULL},
	{"size_in_bytes", V_NUMBER, 0, NULL},
	{"duration_in_seconds", V_NUMBER, 0, NULL},
	{NULL, 0, 0, NULL},
};

static void check_attachment(struct jctx *c, json_t *v, size_t i)
{
	(void)i;
	check_object(c, v, attachment_members);
}

static void check_attachments(struct jctx *c, json_t *v)
{
	check_array(c, v, check_attachment);
}

static void check_tag(struct jctx *c, json_t *v, size_t i)
{
	(void)i;
	string_of(c, v);
}

static void check_tags(struct jctx *c, json_t *v)
{
	check_array(c, v, check_tag);
}

/* The id as readers see it: a string, or a number they coerce to one (1.1
 * §Suggestions for Feed Readers); NULL when it is neither or blank. A new
 * string. */
static char *id_text(const json_t *v)
{
	struct buf b;
	buf_init(&b);
	if (json_is_integer(v))
		buf_printf(&b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	else if (json_is_real(v))
		buf_printf(&b, "%.17g", json_real_value(v));
	else if (json_is_string(v))
		buf_adds(&b, json_string_value(v));
	bool blank = true;
	for (size_t i = 0; i < b.len && blank; i++)
		blank = isspace((unsigned char)b.data[i]);
	if (blank) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Version 1 told readers to coerce a number to a string; 1.1 "clarified
 * that id should be a string". */
static void check_id(struct jctx *c, json_t *v)
{
	if (json_is_number(v)) {
		if (!c->v1)
			report(c, J_ID_NUMBER, NULL);
		return;
	}
	const char *s = string_of(c, v);
	char *id = s ? id_text(v) : NULL;
	if (s && !id)
		report(c, J_ID_BLANK, NULL);
	free(id);
}

/* Two items with one id are one item to a reader. c->ids maps each id to
 * the index of the first item that has it. */
static void check_unique_id(struct jctx *c, json_t *item, size_t i)
{
	char *id = id_text(json_object_get(item, "id"));
	if (!id)
		return;
	json_t *first = json_object_get(c->ids, id);
	if (first) {
		size_t mark = ptr_key(c, "id");
		char *q = quote(id);
		report(c, J_DUPLICATE_ID, "%s is also the id of /items/%" JSON_INTEGER_FORMAT, q,
		       json_integer_value(first));
		free(q);
		ptr_pop(c, mark);
	} else {
		json_object_set_new(c->ids, id, json_integer((json_int_t)i));
	}
	free(id);
}

static const struct member item_members[] = {
	{"id", V_NESTED, M_REQUIRED, check_id},
	{"url", V_URL, 0, NULL},
	{"external_url", V_URL, 0, NULL},
	{"title", V_TEXT, 0, NULL},
	{"content_html", V_HTML, 0, NULL},
	{"content_text", V_TEXT, 0, NULL},
	{"summary", V_TEXT, 0, NULL},
	{"image", V_URL, 0, NULL},
	{"banner_image", V_URL, 0, NULL},
	{"date_published", V_DATE, 0, NULL},
	{"date_modified", V_DATE, 0, NULL},
	{"authors", V_NESTED, 0, check_authors},
	{"author", V_NESTED, 0, check_author},
	{"tags", V_NESTED, 0, check_tags},
	{"language", V_LANGUAGE, 0, NULL},
	{"attachments", V_NESTED, 0, check_attachments},
	{NULL, 0, 0, NULL},
};

static void check_item(struct jctx *c, json_t *v, size_t i)
{
	if (!check_object(c, v, item_members))
		return;
	if (!json_object_get(v, "content_html") && !json_object_get(v, "content_text"))
		report(c, J_CONTENT, NULL);
	check_author_deprecated(c, v);
	check_unique_id(c, v, i);
}

static void check_items(struct jctx *c, json_t *v)
{
	check_array(c, v, check_item);
}

/* -- the top level -- */

static void check_version_value(struct jctx *c, json_t *v)
{
	const char *s = string_of(c, v);
	if (!s || strcmp(s, VERSION_1) == 0 || strcmp(s, VERSION_1_1) == 0)
		return;
	char *q = quote(s);
	bool ours = strncmp(s, VERSION_PREFIX, strlen(VERSION_PREFIX)) == 0;
	report(c, ours ? J_VERSION_UNKNOWN : J_VERSION, "%s", q);
	free(q);
}

static void check_title(struct jctx *c, json_t *v)
{
	const char *s = string_of(c, v);
	if (!s)
		return;
	if (!*s)
		report(c, J_BLANK, NULL);
	check_string_value(c, V_TEXT, s);
}

static const struct member feed_members[] = {
	{"version", V_NESTED, M_REQUIRED, check_version_value},
	{"title", V_NESTED, M_REQUIRED, check_title},
	{"home_page_url", V_URL, 0, NULL},
	{"feed_url", V_URL, 0, NULL},
	{"description", V_TEXT, 0, NULL},
	{"user_comment", V_STRING, 0, NULL},
	{"next_url", V_URL, 0, NULL},
	{"icon", V_URL, 0, NULL},
	{"favicon", V_URL, 0, NULL},
	{"authors", V_NESTED, 0, check_authors},
	{"author", V_NESTED, 0, check_author},
	{"language", V_LANGUAGE, 0, NULL},
	{"expired", V_BOOL, 0, NULL},
	{"hubs", V_NESTED, 0, check_hubs},
	{"items", V_NESTED, M_REQUIRED, check_items},
	{NULL, 0, 0, NULL},
};

static void check_next_url(struct jctx *c, json_t *feed)
{
	const char *next = json_string_value(json_object_get(feed, "next_url"));
	const char *self = json_string_value(json_object_get(feed, "feed_url"));
	if (!next || !self || strcmp(next, self) != 0)
		return;
	size_t mark = ptr_key(c, "next_url");
	report(c, J_NEXT_URL, NULL);
	ptr_pop(c, mark);
}

/* Is the top level a JSON Feed at all? An object whose version names
 * jsonfeed.org is, even a wrong one ("http://", "/version/2"); so is one with
 * items, whatever its version says (a feed with a broken version, reported as
 * such). Anything else (a package.json, an API answer) is named, not checked. */
static bool is_feed(struct jctx *c, json_t *root)
{
	if (!json_is_object(root)) {
		report(c, J_NOT_A_FEED, "the JSON text is %s, not an object", type_name(root));
		return false;
	}
	const char *s = json_string_value(json_object_get(root, "version"));
	if (!(s && strstr(s, "jsonfeed.org/version/")) && !json_object_get(root, "items")) {
		report(c, J_NOT_A_FEED, "an object with neither a jsonfeed.org version nor items");
		return false;
	}
	c->v1 = s && strcmp(s, VERSION_1) == 0;
	return true;
}

/* ---- parsing ---- */

static bool has_bom(const char *data, size_t len)
{
	return len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
}

bool validate_json_detect(const char *data, size_t len)
{
	size_t i = has_bom(data, len) ? 3 : 0;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	return i < len && (data[i] == '{' || data[i] == '[');
}

/* Parses, reporting errors at jansson's line and column (a skipped byte
 * order mark moves the columns of line 1 by one). A duplicate member name
 * is a warning: the text is parsed again without refusing them, and the
 * last value wins as in jansson and most readers. */
static json_t *parse(struct vreport *rep, const char *data, size_t len)
{
	size_t skip = 0;
	if (has_bom(data, len)) {
		report_at(rep, 1, 1, J_BOM, NULL);
		skip = 3;
	}
	json_error_t err;
	size_t flags = JSON_ALLOW_NUL;
	json_t *root = json_loadb(data + skip, len - skip, flags | JSON_REJECT_DUPLICATES, &err);
	for (int pass = 0; !root && pass < 2; pass++) {
		unsigned long line = err.line > 0 ? (unsigned long)err.line : 0;
		unsigned long col = err.column > 0 ? (unsigned long)err.column : 0;
		if (skip && line == 1)
			col++;
		enum json_error_code code = json_error_code(&err);
		if (code == json_error_duplicate_key && pass == 0) {
			report_at(rep, line, col, J_DUPLICATE_KEY, err.text);
			root = json_loadb(data + skip, len - skip, flags, &err);
			continue;
		}
		report_at(rep, line, col, code == json_error_invalid_utf8 ? J_ENCODING : J_SYNTAX,
			  err.text);
		break;
	}
	return root;
}

void validate_json_not_utf8(struct vreport *out, const char *detail)
{
	out->kind = DOC_UNKNOWN;
	report_at(out, 1, 1, J_ENCODING, detail);
}

/* Anything JSON that is no feed is DOC_OTHER, named by not-a-feed. */
static enum doc_kind json_kind(bool feed)
{
	return feed ? DOC_JSON : DOC_OTHER;
}

unsigned long validate_json(const char *data, size_t len, struct vreport *out)
{
	unsigned long before = out->errors;
	out->kind = DOC_UNKNOWN;
	if (len > VALIDATE_JSON_MAX) {
		char why[160];
		snprintf(why, sizeof why, "more than %zu bytes (%zu MiB), which would take about "
			 "twenty times as much memory to parse", VALIDATE_JSON_MAX,
			 VALIDATE_JSON_MAX >> 20);
		report_at(out, 1, 1, J_TOO_LARGE, why);
		return out->errors - before;
	}
	json_t *root = parse(out, data, len);
	if (!root)
		return out->errors - before;
	struct jctx c = { .rep = out, .ids = json_object(), .data = data, .len = len };
	buf_init(&c.ptr);
	buf_adds(&c.ptr, "");
	bool feed = is_feed(&c, root);
	out->kind = json_kind(feed);
	if (feed) {
		check_object(&c, root, feed_members);
		check_author_deprecated(&c, root);
		check_next_url(&c, root);
	}
	buf_free(&c.ptr);
	json_decref(c.ids);
	json_decref(root);
	return out->errors - before;
}

bool validate_json_rule(size_t i, const char **id, enum diag_severity *sev,
			const char **message, const char **spec)
{
	if (i >= J_COUNT)
		return false;
	*id = jrules[i].id;
	*sev = jrules[i].sev;
	*message = jrules[i].message;
	*spec = jrules[i].spec;
	return true;
}
