/* cmd_ping.c: `feedgen ping [OPTION]... DIR|FEED-URL...` — tells WebSub hubs
 * that feeds changed: for a folder feedgen -o wrote, its feeds that changed
 * since the last ping (publish/pingstate.h); for a feed URL, that feed. The
 * topic is the feed's self link (for a URL, the URL); the hubs are the --hub
 * options, else those the feed names (the site's feed.hub), as a subscriber
 * finds them. One request per feed and hub (publish/websub.h), each hub's
 * answer on standard error, then a summary. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/diag.h"
#include "base/fetch.h"
#include "base/text.h"
#include "cmd_ping.h"
#include "publish/pingstate.h"
#include "publish/websub.h"

enum { EXIT_SENT = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

static const char prog[] = "feedgen ping";

/* The bounds the usage messages name (3600 s, 10 tries). */
#define PING_TIMEOUT_MAX_S 3600L
#define PING_TRIES_MAX 10L

struct popts {
	struct url_list hubs;	/* --hub, in order */
	struct websub_options ws;
	bool quiet;
};

/* One topic to notify and the hubs to tell. */
struct target {
	const char *url;
	const struct url_list *hubs;
	bool ok;		/* every hub took it */
	size_t feed;		/* DIR: its index among the folder's feeds */
};

/* What one argument names: a folder's changed feeds or one feed URL. */
struct group {
	const char *dir;	/* NULL for a FEED-URL */
	struct dir_feeds feeds;	/* DIR: every feed found there */
	struct websub_links links;	/* FEED-URL: the hubs its feed names */
	char *url;		/* FEED-URL: as given */
	struct target *t;
	size_t nt;
};

/* What became of each hub so far: one that did not answer is not asked
 * again, so a hub that hangs costs one timeout, not one per feed. */
struct hub_state {
	const char *url;
	bool down;
};

struct tally {
	size_t accepted, failed, feeds;
	struct hub_state *hubs;
	size_t nhubs;
};

static void usage(FILE *f)
{
	fputs("Usage: feedgen ping [OPTION]... DIR|FEED-URL...\n"
	      "Tell WebSub hubs that feeds changed (hub.mode=publish): for a folder that\n"
	      "feedgen -o wrote, every feed in it that changed since the last feedgen ping\n"
	      "(all of them the first time; recorded in DIR/.feedgen-pinged); for an http(s)\n"
	      "URL, that feed.\n"
	      "\n"
	      "      --hub URL        a hub to notify (repeatable); default: the hubs each feed\n"
	      "                       names (link rel=\"hub\", from the site's feed.hub)\n"
	      "      --timeout SEC    each request's time limit, 1 to 3600 (default 10)\n"
	      "      --tries N        requests at most when a hub cannot be reached or answers\n"
	      "                       5xx or 429, 1 to 10 (default 3; waits 0.5 s, 1 s, ...)\n"
	      "  -q, --quiet          print only failures and the summary\n"
	      "  -h, --help           show this help\n"
	      "\n"
	      "Exit status: 0 every hub took every notification (or none was due), 1 some\n"
	      "hub failed or a feed could not be read (the others were still notified),\n"
	      "2 usage errors, or no feed, site url or hub to go by.\n", f);
}

static bool is_http_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

static int parse_number(const char *s, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > max)
		return -1;
	*out = v;
	return 0;
}

static int parse_options(int argc, char **argv, struct popts *o)
{
	enum { OPT_HUB = 256, OPT_TIMEOUT, OPT_TRIES };
	static const struct option longopts[] = {
		{"hub", required_argument, NULL, OPT_HUB},
		{"timeout", required_argument, NULL, OPT_TIMEOUT},
		{"tries", required_argument, NULL, OPT_TRIES},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	long v;
	int ch;
	static char name[] = "feedgen ping";
	argv[0] = name;	/* getopt_long()'s messages name argv[0] */
	optind = 1;
	while ((ch = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_HUB:
			if (!is_http_url(optarg)) {
				char *shown = fetch_redact_url(optarg);
				diag_usage_value(prog, "--hub", shown, "an http or https URL");
				free(shown);
				return -1;
			}
			if (!url_list_has(&o->hubs, optarg))
				url_list_add(&o->hubs, optarg);
			break;
		case OPT_TIMEOUT:
			if (parse_number(optarg, PING_TIMEOUT_MAX_S, &v) != 0) {
				diag_usage_value(prog, "--timeout", optarg, "a whole number of "
						 "seconds from 1 to 3600");
				return -1;
			}
			o->ws.timeout_s = v;
			break;
		case OPT_TRIES:
			if (parse_number(optarg, PING_TRIES_MAX, &v) != 0) {
				diag_usage_value(prog, "--tries", optarg,
						 "a whole number from 1 to 10");
				return -1;
			}
			o->ws.tries = (int)v;
			break;
		case 'q':
			o->quiet = true;
			break;
		case 'h':
			usage(stdout);
			exit(EXIT_SENT);
		default:
			diag_usage_hint(prog);	/* getopt_long() said what */
			return -1;
		}
	}
	if (optind >= argc) {
		diag_usage(prog, "give the output folder of feedgen -o, or feed URLs");
		return -1;
	}
	return 0;
}

static void group_free(struct group *g)
{
	dir_feeds_free(&g->feeds);
	websub_links_free(&g->links);
	free(g->url);
	free(g->t);
}

static void add_target(struct group *g, const char *url, const struct url_list *hubs, size_t feed)
{
	g->t = xrealloc(g->t, (g->nt + 1) * sizeof *g->t);
	g->t[g->nt++] = (struct target){ url, hubs, false, feed };
}

/* DIR: its feeds that changed since the last ping, each to the hubs of
 * --hub or to its own. */
static int gather_dir(const char *dir, const struct popts *o, struct diag_sink *diag,
		      struct group *g)
{
	char err[1024];
	if (dir_feeds_scan(dir, &g->feeds, diag, err, sizeof err) != 0) {
		fprintf(stderr, "feedgen ping: %s\n", err);
		return EXIT_USAGE;
	}
	g->dir = dir;
	if (!g->feeds.n) {
		fprintf(stderr, "feedgen ping: %s: no feed in it (feedgen -o DIR writes them)\n", dir);
		return EXIT_USAGE;
	}
	int rc = EXIT_SENT;
	size_t no_hub = 0, changed = 0;
	for (size_t i = 0; i < g->feeds.n; i++) {
		const struct dir_feed *f = &g->feeds.v[i];
		if (!dir_feed_changed(f))
			continue;
		changed++;
		const struct url_list *hubs = o->hubs.n ? &o->hubs : &f->links.hubs;
		if (!f->links.self || !is_http_url(f->links.self)) {
			fprintf(stderr, "feedgen ping: %s/%s: %s: the site has no url (set url in "
				"_config.yml, or feedgen -o --url https://...)\n", dir, f->path,
				f->links.self ? "its self link is not an absolute URL"
					      : "no self link names the feed");
			rc = EXIT_USAGE;
		} else if (!hubs->n) {
			no_hub++;
		} else {
			add_target(g, f->links.self, hubs, i);
		}
	}
	if (no_hub) {
		fprintf(stderr, "feedgen ping: %s: no hub to notify for %zu changed %s (none names "
			"a link rel=\"hub\"): give --hub URL, or set feed.hub in _config.yml\n", dir,
			no_hub, no_hub == 1 ? "feed" : "feeds");
		rc = EXIT_USAGE;
	}
	if (!changed && !o->quiet)
		fprintf(stderr, "feedgen ping: %s: none of its %zu %s changed since the last "
			"feedgen ping: nothing to send\n", dir, g->feeds.n,
			g->feeds.n == 1 ? "feed" : "feeds");
	return rc;
}

/* FEED-URL: that feed; the hubs of --hub, or those the feed names. */
static int gather_url(const char *url, const struct popts *o, struct group *g)
{
	g->url = xstrdup(url);
	if (o->hubs.n) {
		add_target(g, g->url, &o->hubs, 0);
		return EXIT_SENT;
	}
	char *shown = fetch_redact_url(url);
	struct fetch_options fo = { .timeout_s = o->ws.timeout_s };
	struct fetch_result res;
	char err[1024];
	int rc = EXIT_SENT;
	if (fetch_url(url, &fo, &res, err, sizeof err) != 0) {
		fprintf(stderr, "feedgen ping: %s: cannot read the feed to find its hubs: %s\n",
			shown, err);
		rc = EXIT_FAILED;
	} else {
		websub_links_read(res.body.data, res.body.len, res.final_url ? res.final_url : url,
				  &g->links);
		if (g->links.hubs.n) {
			add_target(g, g->url, &g->links.hubs, 0);
		} else {
			fprintf(stderr, "feedgen ping: %s: the feed names no hub (link rel=\"hub\"): "
				"give --hub URL\n", shown);
			rc = EXIT_USAGE;
		}
	}
	fetch_result_free(&res);
	free(shown);
	return rc;
}

static struct hub_state *hub_state(struct tally *t, const char *url)
{
	for (size_t i = 0; i < t->nhubs; i++)
		if (strcmp(t->hubs[i].url, url) == 0)
			return &t->hubs[i];
	t->hubs = xrealloc(t->hubs, (t->nhubs + 1) * sizeof *t->hubs);
	t->hubs[t->nhubs] = (struct hub_state){ url, false };
	return &t->hubs[t->nhubs++];
}

/* Tells hub about feed; true when it took it. */
static bool notify(const char *hub, const char *feed, const struct popts *o, struct tally *t)
{
	bool ok = false;
	struct hub_state *h = hub_state(t, hub);
	char *hub_shown = fetch_redact_url(hub), *feed_shown = fetch_redact_url(feed);
	if (h->down) {
		fprintf(stderr, "feedgen ping: %s: not sent for %s: the hub gave no answer before\n",
			hub_shown, feed_shown);
		t->failed++;
	} else {
		struct websub_answer a;
		websub_publish(hub, feed, &o->ws, &a);
		ok = a.outcome == WEBSUB_ACCEPTED;
		if (ok) {
			t->accepted++;
			if (!o->quiet)
				fprintf(stderr, "feedgen ping: %s: %ld for %s%s\n", hub_shown, a.status,
					feed_shown, a.tries > 1 ? " (after a retry)" : "");
		} else {
			t->failed++;
			h->down = a.outcome != WEBSUB_REFUSED;
			fprintf(stderr, "feedgen ping: %s: failed for %s: %s (%d %s)\n", hub_shown,
				feed_shown, a.text, a.tries, a.tries == 1 ? "try" : "tries");
		}
	}
	free(hub_shown);
	free(feed_shown);
	return ok;
}

/* One line, --quiet or not; none when nothing was due (the reasons were
 * said). */
static void summary(const struct tally *t)
{
	if (!t->failed && !t->accepted)
		return;
	fprintf(stderr, "feedgen ping: %zu %s for %zu %s to %zu %s: %zu accepted, %zu failed\n",
		t->accepted + t->failed, t->accepted + t->failed == 1 ? "notification" : "notifications",
		t->feeds, t->feeds == 1 ? "feed" : "feeds", t->nhubs, t->nhubs == 1 ? "hub" : "hubs",
		t->accepted, t->failed);
}

/* Sends every target of g; for a folder, then records what was told. */
static void send_group(struct group *g, const struct popts *o, struct tally *t,
		       struct diag_sink *diag)
{
	t->feeds += g->nt;
	for (size_t k = 0; k < g->nt; k++) {
		struct target *x = &g->t[k];
		x->ok = true;
		for (size_t h = 0; h < x->hubs->n; h++)
			if (!notify(x->hubs->v[h], x->url, o, t))
				x->ok = false;
	}
	if (!g->dir || !g->nt)
		return;	/* nothing told: the record stays as it is */
	bool *done = xcalloc(g->feeds.n ? g->feeds.n : 1, sizeof *done);
	for (size_t k = 0; k < g->nt; k++)
		done[g->t[k].feed] = g->t[k].ok;
	dir_feeds_record(g->dir, &g->feeds, done, diag);
	free(done);
}

int cmd_ping(int argc, char **argv)
{
	struct popts o = {0};
	websub_options_default(&o.ws);
	if (parse_options(argc, argv, &o) != 0) {
		url_list_free(&o.hubs);
		return EXIT_USAGE;
	}
	struct diag_sink diag;
	diag_sink_init(&diag, stderr);
	size_t ng = (size_t)(argc - optind);
	struct group *groups = xcalloc(ng, sizeof *groups);
	int status = EXIT_SENT;
	for (size_t i = 0; i < ng; i++) {
		const char *arg = argv[optind + (int)i];
		int rc = is_http_url(arg) ? gather_url(arg, &o, &groups[i])
					  : gather_dir(arg, &o, &diag, &groups[i]);
		if (rc > status)
			status = rc;
	}
	struct tally t = {0};
	for (size_t i = 0; i < ng; i++)
		send_group(&groups[i], &o, &t, &diag);
	summary(&t);
	if (t.failed && status < EXIT_FAILED)
		status = EXIT_FAILED;
	diag_sink_finish(&diag);
	for (size_t i = 0; i < ng; i++)
		group_free(&groups[i]);
	free(groups);
	free(t.hubs);
	url_list_free(&o.hubs);
	return status;
}
