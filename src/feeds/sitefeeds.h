/* sitefeeds.h: every feed of a site (feedgen -o): the site-wide feed, one per
 * category and one per tag, each in every chosen format, at jekyll-feed's
 * paths; writing them all into an output folder; and finding the feeds an
 * earlier run left there for categories and tags that are gone.
 *
 * Paths (relative to the output folder, which is the site root):
 *   feed.path (default feed.xml)   the site feed
 *   feed/<category>.xml            a category (jekyll-feed's path)
 *   feed/by_tag/<tag>.xml          a tag (feed.tags.path changes the folder)
 * and the same with ".rss" and ".json". A name is one file name, never a
 * folder: the bytes that could make it another name's file, hide it or leave
 * its folder ("/", "%", a leading "." or "..", control characters) are
 * written %XX (feed_name_file()), every other byte as it is, so an ordinary
 * name has jekyll-feed's path and no name can claim another's. A name whose
 * file name would pass 255 bytes gets no feed (an error naming it and a post).
 * Names whose files would be one where case is ignored (NFC and simple case
 * folding: "News" and "news", not "ß" and "ss") share one feed, at the path of
 * the name of the oldest post among them, with a warning.
 *
 * Ownership: struct feed_set owns its feeds and strings; feed_set_free()
 * releases them. It points at the posts of the post_list it was built from,
 * which must outlive it. */
#ifndef FEEDGEN_SITEFEEDS_H
#define FEEDGEN_SITEFEEDS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "feeds/feed.h"
#include "model/post.h"
#include "model/site.h"

#define FEED_SET_MAX_FORMATS 4

struct feed_set_options {
	long limit;		/* posts per feed; 0 for all */
	bool categories;	/* false: --no-categories */
	bool tags;		/* false: --no-tags */
	/* The formats to write, NULL-terminated. */
	const struct format *formats[FEED_SET_MAX_FORMATS + 1];
	/* Called (in feed order, on the calling thread) before a feed's new
	 * bytes replace its file or make it: rel is its path under the output
	 * folder, path the file's, new_fd an open file holding the new bytes
	 * (read it with pread: its offset is not to move). Returns 0 to go on,
	 * nonzero to leave the file as it was (the hook has reported why); the
	 * other feeds are written either way. NULL: no check. feed_set_build()
	 * keeps both in the set. */
	int (*before_replace)(void *ctx, const char *rel, const char *path, int new_fd,
			      struct diag_sink *diag);
	void *before_replace_ctx;
};

struct feed_set {
	struct feed *v;		/* the site feed, categories, tags; each in every format */
	size_t n;
	char **known;		/* every path these feeds have in any format, sorted */
	size_t nknown;
	char **known_keys;	/* feed_path_key() of each, sorted (nknown of them) */
	const struct post_list *posts;	/* what it was built from (the site's size) */
	char *category_dir;	/* "feed" */
	char *tag_dir;		/* "feed/by_tag" */
	int (*before_replace)(void *, const char *, const char *, int, struct diag_sink *);
	void *before_replace_ctx;	/* feed_set_options' */
};

/* Jekyll's sanitize_url on "/" + path, without the leading slash; NULL when
 * what is left is not a safe relative file path (a "." or ".." segment, an
 * empty or over-long name, a control character). A new string. */
char *feed_clean_path(const char *path);

/* A category or tag name as the file name of its feed, without extension:
 * the name with "/", "%", control characters, a leading "." and each "." next
 * to another written %XX; NULL for the empty name. A new string. */
char *feed_name_file(const char *name);

/* The key two paths share when they name the same file on a case-insensitive
 * or normalising file system: NFC, then simple case folding (one code point
 * for one, as such file systems fold). A new string. */
char *feed_path_key(const char *path);

/* Decide every feed of the site. Problems with names (skipped, merged) are
 * reported as warnings. */
void feed_set_build(struct feed_set *set, const struct site *site, const struct post_list *posts,
		    const struct feed_set_options *opt, struct diag_sink *diag);
void feed_set_free(struct feed_set *set);

/* Is rel (relative to the output folder) the path of a feed of the set, in
 * any format? */
bool feed_set_has_path(const struct feed_set *set, const char *rel);

struct feed_set_stats {
	size_t written;		/* files replaced or created */
	size_t unchanged;	/* files whose bytes were already right */
};

/* The bound on a run's output (output linear in the input): the feed files
 * of a run hold at most RUN_OUTPUT_FACTOR times the bytes of the site's post
 * files plus RUN_OUTPUT_SLACK, counted in feed order (site feed, categories,
 * tags; unchanged files too). The feed that would pass it and every feed
 * after it are not written, after an error [output-bound]. */
#define RUN_OUTPUT_FACTOR 128
#define RUN_OUTPUT_SLACK (64ull << 20)

/* Write every feed of the set under outdir, each atomically (see output.h),
 * rendering each post once. A feed whose file cannot be made for a reason
 * of its own (a folder in the way, a name too long) is reported and the
 * others are written; the run's output bound is kept. Stops at the first
 * file that cannot be written for the run's sake (no space, no permission)
 * and returns -1 after reporting it; 0 otherwise. With verbose, names each
 * file written on stderr. */
int feed_set_write(const struct feed_set *set, const char *outdir, const struct site *site,
		   const struct write_options *opt, const struct write_shared *sh, bool verbose,
		   struct feed_set_stats *stats, struct diag_sink *diag);

/* Feeds under the category and tag folders of outdir that feedgen wrote
 * before (their generator says so) but that belong to no feed of the set,
 * nor are another spelling of one (same feed_path_key(): where case is
 * ignored, deleting it would delete the live feed):
 * each is reported as a warning, or deleted when prune is set. Temporary files
 * of killed feedgen runs are removed (the caller holds the lock). Returns how many stale feeds there
 * were. */
size_t feed_set_stale(const struct feed_set *set, const char *outdir, bool prune,
		      struct diag_sink *diag);

/* Removes the temporary files killed runs left in outdir's feed folders
 * (output.c's names exactly; never a path of the set). The caller holds
 * outdir's lock (base/dirlock.h): no other run is writing there. */
void feed_set_clean_temps(const struct feed_set *set, const char *outdir, struct diag_sink *diag);

#endif
