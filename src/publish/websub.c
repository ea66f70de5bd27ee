/* websub.c: the WebSub publish request, with bounded retries, and hub
 * discovery in a feed document. */
#include <config.h>

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/uri.h>
#include <libxml/xmlreader.h>

#include "base/fetch.h"
#include "base/text.h"
#include "publish/websub.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"
#define ANSWER_SHOWN 160	/* bytes of a hub's answer put in a message */
#define ANSWER_KEPT 4096	/* bytes of it read */

void websub_options_default(struct websub_options *opt)
{
	opt->timeout_s = WEBSUB_DEFAULT_TIMEOUT_S;
	opt->tries = WEBSUB_DEFAULT_TRIES;
	opt->backoff_ms = WEBSUB_BACKOFF_MS;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) != 0)
		;
}

/* "HTTP 500: first line of the body" (the hub's own words help most: "hub.url
 * is not a valid URL"), the body's control characters as spaces. */
static void describe_answer(const struct fetch_result *res, struct websub_answer *ans)
{
	char said[ANSWER_SHOWN + 1];
	size_t n = 0;
	for (const char *p = res->body.data; p && *p && *p != '\n' && n < ANSWER_SHOWN; p++)
		said[n++] = (unsigned char)*p < 0x20 ? ' ' : *p;
	while (n > 0 && said[n - 1] == ' ')
		n--;
	said[n] = '\0';
	snprintf(ans->text, sizeof ans->text, "HTTP %ld%s%s", res->status, n ? ": " : "", said);
	utf8_scrub(ans->text);
}

static bool worth_retrying(enum fetch_outcome out, long status)
{
	if (out == FETCH_NO_CONNECTION)
		return true;
	return out == FETCH_ANSWERED && (status >= 500 || status == 429);
}

void websub_publish(const char *hub, const char *topic, const struct websub_options *opt,
		    struct websub_answer *ans)
{
	const char *fields[] = { "hub.mode", "publish", "hub.url", topic, NULL };
	struct fetch_options fo = { .timeout_s = opt->timeout_s, .max_size = ANSWER_KEPT };
	long wait = opt->backoff_ms;
	memset(ans, 0, sizeof *ans);
	for (;;) {
		struct fetch_result res;
		char err[400] = "";
		enum fetch_outcome out = fetch_post_form(hub, fields, &fo, &res, err, sizeof err);
		ans->tries++;
		ans->status = res.status;
		if (out == FETCH_ANSWERED) {
			ans->outcome = res.status >= 200 && res.status < 300 ? WEBSUB_ACCEPTED
									     : WEBSUB_REFUSED;
			if (ans->outcome != WEBSUB_ACCEPTED)
				describe_answer(&res, ans);
		} else {
			ans->outcome = out == FETCH_FAILED ? WEBSUB_ERROR : WEBSUB_UNREACHABLE;
			snprintf(ans->text, sizeof ans->text, "%s", err);
		}
		fetch_result_free(&res);
		if (!worth_retrying(out, ans->status) || ans->tries >= opt->tries)
			return;
		sleep_ms(wait);
		wait = wait * 2 > WEBSUB_BACKOFF_MAX_MS ? WEBSUB_BACKOFF_MAX_MS : wait * 2;
	}
}

/* ---- discovery ---- */

void url_list_add(struct url_list *l, const char *url)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = xstrdup(url);
}

bool url_list_has(const struct url_list *l, const char *url)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], url) == 0)
			return true;
	return false;
}

void url_list_free(struct url_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

void websub_links_free(struct websub_links *l)
{
	free(l->self);
	url_list_free(&l->hubs);
	memset(l, 0, sizeof *l);
}

/* href made absolute against base (NULL: as written). A new string. */
static char *absolute(const char *href, const char *base)
{
	xmlChar *abs = base ? xmlBuildURI((const xmlChar *)href, (const xmlChar *)base) : NULL;
	char *url = xstrdup(abs ? (const char *)abs : href);
	xmlFree(abs);
	return url;
}

static void add_hub(struct websub_links *out, const char *href, const char *base)
{
	char *url = absolute(href, base);
	if (!url_list_has(&out->hubs, url))
		url_list_add(&out->hubs, url);
	free(url);
}

/* Does the space-separated rel list hold word? */
static bool rel_has(const char *rel, const char *word)
{
	size_t k = strlen(word);
	for (const char *p = rel; *p;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		size_t n = 0;
		while (p[n] && !isspace((unsigned char)p[n]))
			n++;
		if (n == k && strncasecmp(p, word, k) == 0)
			return true;
		p += n;
	}
	return false;
}

static void take_link(xmlTextReaderPtr r, const char *base, struct websub_links *out)
{
	xmlChar *rel = xmlTextReaderGetAttribute(r, (const xmlChar *)"rel");
	xmlChar *href = xmlTextReaderGetAttribute(r, (const xmlChar *)"href");
	if (rel && href && *href) {
		if (rel_has((const char *)rel, "hub"))
			add_hub(out, (const char *)href, base);
		if (!out->self && rel_has((const char *)rel, "self"))
			out->self = absolute((const char *)href, base);
	}
	xmlFree(rel);
	xmlFree(href);
}

/* Atom's <feed><link> (depth 1) and RSS's <rss><channel><atom:link>
 * (depth 2). The reader stops at the first entry or item: a feed's own
 * links come before them. */
static void read_xml(const char *doc, size_t len, const char *base, struct websub_links *out)
{
	xmlTextReaderPtr r = xmlReaderForMemory(doc, (int)len, base, NULL,
						XML_PARSE_NONET | XML_PARSE_NOWARNING |
						XML_PARSE_NOERROR);
	if (!r)
		return;
	bool rss = false;
	while (xmlTextReaderRead(r) == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		int depth = xmlTextReaderDepth(r);
		const char *name = (const char *)xmlTextReaderConstLocalName(r);
		const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
		bool atom = ns && strcmp(ns, ATOM_NS) == 0;
		if (depth == 0) {
			rss = !ns && strcmp(name, "rss") == 0;
			out->is_feed = rss || (atom && strcmp(name, "feed") == 0);
			if (!out->is_feed)
				break;
			continue;
		}
		if (strcmp(name, "entry") == 0 || strcmp(name, "item") == 0)
			break;
		if (depth == (rss ? 2 : 1) && atom && strcmp(name, "link") == 0)
			take_link(r, base, out);
	}
	xmlFreeTextReader(r);
}

/* JSON Feed: "feed_url", "hubs": [{"type": "WebSub", "url": ...}]. */
static void read_json(const char *doc, size_t len, const char *base, struct websub_links *out)
{
	json_t *root = json_loadb(doc, len, 0, NULL);
	const char *version = json_string_value(json_object_get(root, "version"));
	out->is_feed = version && strncmp(version, "https://jsonfeed.org/version/", 29) == 0;
	const char *self = json_string_value(json_object_get(root, "feed_url"));
	if (out->is_feed && self && *self)
		out->self = absolute(self, base);
	size_t i;
	json_t *hub;
	json_array_foreach(json_object_get(root, "hubs"), i, hub) {
		const char *type = json_string_value(json_object_get(hub, "type"));
		const char *url = json_string_value(json_object_get(hub, "url"));
		if (out->is_feed && type && url && *url && strcasecmp(type, "WebSub") == 0)
			add_hub(out, url, base);
	}
	json_decref(root);
}

void websub_links_read(const char *doc, size_t len, const char *base, struct websub_links *out)
{
	memset(out, 0, sizeof *out);
	if (len > INT32_MAX)
		return;
	size_t i = 0;
	while (i < len && isspace((unsigned char)doc[i]))
		i++;
	if (i < len && doc[i] == '{')
		read_json(doc, len, base, out);
	else
		read_xml(doc, len, base, out);
}
