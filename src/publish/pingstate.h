/* pingstate.h: which feeds of a published folder changed since hubs were
 * last told, for `feedgen ping DIR`.
 *
 * The feeds of DIR are its files named *.xml, *.rss, *.atom or *.json (not
 * hidden, not in a hidden folder, no symbolic link followed, at most
 * PING_MAX_FILE bytes) whose document is an Atom feed, an RSS channel or a
 * JSON Feed: what feedgen -o wrote there, and any other feed beside them.
 * Each is known by its path, its bytes by a 64-bit FNV-1a hash.
 *
 * DIR/.feedgen-pinged records, after each ping, the hash of every feed all of
 * whose hubs took the notification ("HASH PATH" lines, HASH 16 hex digits).
 * A feed is changed when its hash is not the one recorded: every feed the
 * first time (a fresh _site/), then only those feedgen -o rewrote since. A
 * feed a hub failed for keeps its old record, so the next ping tries it
 * again. feedgen -o never writes or reads the file; it holds only paths of
 * files published anyway, so deploying it is harmless.
 *
 * Ownership: struct dir_feeds owns its feeds and their strings;
 * dir_feeds_free() releases them. */
#ifndef FEEDGEN_PINGSTATE_H
#define FEEDGEN_PINGSTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "publish/websub.h"

#define PING_STATE_FILE ".feedgen-pinged"
#define PING_MAX_FILE ((size_t)50 << 20)	/* fetch.h's cap for a feed */
#define PING_MAX_DEPTH 32	/* folders below DIR looked into */

struct dir_feed {
	char *path;		/* relative to DIR */
	uint64_t hash;		/* of its bytes */
	struct websub_links links;	/* read with no base: as written */
	bool recorded;		/* DIR/.feedgen-pinged has a hash for it */
	uint64_t recorded_hash;
};

struct dir_feeds {
	struct dir_feed *v;	/* in byte order of their paths */
	size_t n, cap;
};

/* Finds the feeds under dir and what .feedgen-pinged says of each. Returns
 * 0, or -1 with a one-line message in errbuf when dir (or the record) cannot
 * be read. Files that cannot be read below it are skipped with a message on
 * the sink. */
int dir_feeds_scan(const char *dir, struct dir_feeds *out, struct diag_sink *diag, char *errbuf,
		   size_t errlen);

static inline bool dir_feed_changed(const struct dir_feed *f)
{
	return !f->recorded || f->recorded_hash != f->hash;
}

/* Writes dir/.feedgen-pinged: each feed's hash when done[i] (every hub took
 * it) or it was unchanged, else its old record if any. Replaced only when
 * its bytes change. -1 after a report. */
int dir_feeds_record(const char *dir, const struct dir_feeds *f, const bool *done,
		     struct diag_sink *diag);

void dir_feeds_free(struct dir_feeds *f);

#endif
