/* guard.h: feedgen -o's guard against re-identifying entries: before a feed
 * that changed replaces its file, its new version is compared with the
 * published one (publish/feeddiff.h), and a feed whose entries would come
 * back under new ids — every reader would show them again as new — is not
 * replaced, each such entry named, unless new ids are accepted.
 *
 * The published version of a feed at rel (its path under the output folder):
 *   no --against          the file already there (none: nothing to compare)
 *   --against FOLDER/ or URL/      FOLDER/rel, URL/rel
 *   --against DOC (file or URL)    DOC for the site feed (site_feed); for the
 *                          others, rel beside it: DOC with site_feed taken off
 *                          its end (https://x/blog/feed.xml with feed.xml: the
 *                          tag feed feed/by_tag/a.xml is https://x/blog/feed/by_tag/a.xml),
 *                          or rel resolved against DOC when DOC does not end so.
 * A published version that does not exist (no file, HTTP 404 or 410) lets
 * the feed through; one that cannot be read or is no feed stops it (it is not
 * replaced: the check could not be made). A feed larger than feedread reads
 * (FEEDREAD_MAX_BYTES, old or new) is not compared: a warning, and it goes
 * through.
 *
 * Ownership: struct feed_guard is the caller's; feed_guard_free() releases
 * the copy of against it holds. site_feed points at the caller's string. */
#ifndef FEEDGEN_GUARD_H
#define FEEDGEN_GUARD_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/fetch.h"

struct feed_guard {
	char *against;		/* NULL: the output folder's own files */
	const char *site_feed;	/* the site feed's path under the output folder */
	bool accept_new_ids;	/* report re-identified entries as warnings, replace */
	struct fetch_options fetch;
	size_t refused;		/* feeds left as they were: ids would change */
	size_t unread;		/* feeds left as they were: the published one unreadable */
	size_t reidentified;	/* entries found re-identified, accepted or not */
};

/* against (--against) wins over config_against (feed.against), a file path
 * in which is relative to site_dir. Both NULL: the output folder's files.
 * site_feed starts NULL: the caller sets it to the site feed's path. */
void feed_guard_init(struct feed_guard *g, const char *against, const char *config_against,
		     const char *site_dir, bool accept_new_ids);
void feed_guard_free(struct feed_guard *g);

/* The before_replace hook of feeds/sitefeeds.h, ctx a struct feed_guard:
 * 0 when the feed may replace its published version, 1 (after reporting)
 * when not. */
int feed_guard_check(void *ctx, const char *rel, const char *path, int new_fd,
		     struct diag_sink *diag);

/* Where the published version of the feed at rel is looked for (see above);
 * for rel's own file in the output folder, path. A new string. */
char *feed_guard_published(const struct feed_guard *g, const char *rel, const char *path);

#endif
