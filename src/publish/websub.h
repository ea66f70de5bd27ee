/* websub.h: telling a WebSub hub that a topic (a feed) changed, and finding
 * the hubs a feed names.
 *
 * WebSub (W3C Recommendation, §7 Publishing) leaves how a publisher tells
 * its hub to the two of them; the request hubs take (PubSubHubbub 0.4's,
 * kept by Google's hub, Superfeedr, WordPress' plugin) is a POST of
 * application/x-www-form-urlencoded hub.mode=publish&hub.url=<topic>, one
 * topic a request, answered 204 (or any 2xx) when taken.
 *
 * Discovery (§4): the hubs of a feed are its <link rel="hub" href> (Atom,
 * and atom:link in an RSS channel) or a JSON Feed's hubs of type WebSub.
 * HTTP Link headers are not looked at. */
#ifndef FEEDGEN_WEBSUB_H
#define FEEDGEN_WEBSUB_H

#include <stdbool.h>
#include <stddef.h>

#define WEBSUB_DEFAULT_TIMEOUT_S 10L
#define WEBSUB_DEFAULT_TRIES 3
#define WEBSUB_BACKOFF_MS 500L	/* before the second try; doubled each time, */
#define WEBSUB_BACKOFF_MAX_MS 8000L	/* up to this */

struct websub_options {
	long timeout_s;		/* each request, whole */
	int tries;		/* requests at most, when retrying helps */
	long backoff_ms;	/* the first wait between tries */
};

enum websub_outcome {
	WEBSUB_ACCEPTED,	/* a 2xx */
	WEBSUB_REFUSED,		/* another status (after the tries, for 5xx and 429) */
	WEBSUB_UNREACHABLE,	/* no answer: not reached (after the tries) or timed out */
	WEBSUB_ERROR,		/* the request could not be made (a bad hub URL) */
};

struct websub_answer {
	enum websub_outcome outcome;
	long status;		/* the last HTTP status; 0 when none */
	int tries;		/* requests made */
	char text[512];		/* all but ACCEPTED: why, with the start of the
				 * hub's answer when it gave one */
};

/* URLs in order; struct url_list owns them (url_list_free()). */
struct url_list {
	char **v;
	size_t n, cap;
};

void url_list_add(struct url_list *l, const char *url);	/* copies url */
bool url_list_has(const struct url_list *l, const char *url);
void url_list_free(struct url_list *l);

void websub_options_default(struct websub_options *opt);

/* Sends hub the publish request for topic. A connection that fails, a 5xx
 * or a 429 is tried again, up to opt->tries requests, waiting backoff_ms,
 * then twice as long each time (at most 8 s), between them; a request that
 * times out is not (a hub that hangs costs one timeout). Fills *ans. */
void websub_publish(const char *hub, const char *topic, const struct websub_options *opt,
		    struct websub_answer *ans);

/* What WebSub reads in a feed document: the topic (its self link) and its
 * hubs. Owns its strings; websub_links_free() releases them. */
struct websub_links {
	bool is_feed;		/* an Atom feed, an RSS channel or a JSON Feed */
	char *self;		/* rel="self" / JSON Feed's feed_url, or NULL */
	struct url_list hubs;	/* rel="hub" / hubs of type WebSub, without repeats */
};

/* Reads the links of doc (len bytes; XML or JSON Feed), each made absolute
 * against base (the feed's URL; NULL: kept as written). Atom's <feed><link>,
 * RSS's <channel><atom:link>: the feed's own links, not an entry's. */
void websub_links_read(const char *doc, size_t len, const char *base, struct websub_links *out);
void websub_links_free(struct websub_links *l);

#endif
