/* jekyll.h: Jekyll's rules for a post, apart from reading its file — what a
 * file name gives (slug, extension, date), the title of a post without one,
 * its URL and entry id (jekyll-feed's), whether it is published under the
 * run's options, and one post an id.
 *
 * Ownership: functions that return char * return a new string the caller
 * frees; those that fill a struct post give it strings it then owns. */
#ifndef FEEDGEN_SITE_JEKYLL_H
#define FEEDGEN_SITE_JEKYLL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "model/post.h"
#include "model/site.h"

/* Which posts a run publishes. */
struct load_options {
	bool drafts;		/* read _drafts/ (also when site->show_drafts) */
	bool future;		/* keep posts dated after `now` (also site->future) */
	bool unpublished;	/* keep `published: false` */
	long long now;		/* the clock, in seconds since the epoch, for --future */
};

/* Jekyll's title for a post without one: the slug with words capitalised. */
char *jekyll_titleize_slug(const char *slug);

/* Set p's slug and extension from its file name; true when the name
 * (YYYY-MM-DD-slug.ext) also gives a date, which jekyll_name_date() reads
 * when the front matter has none. */
bool jekyll_name_parts(struct post *p, const char *relpath);
void jekyll_name_date(struct post *p, const char *relpath);

/* Does the file's name match Jekyll's DATE_FILENAME_MATCHER (a date, a '-',
 * and an extension)? Jekyll reads no other file in _posts/ (feedgen also
 * reads one whose front matter has a date). */
bool jekyll_is_post_name(const char *relpath);

/* Is a file without front matter at relpath a post? Jekyll reads every file
 * of _posts/ (and _drafts/) named as a post, with or without front matter,
 * and skips one that is not UTF-8 text. head is its first n bytes. */
bool jekyll_reads_bare(const char *relpath, const char *head, size_t n);

/* The type a document at relpath has for `defaults:` scopes: its
 * collection's label ("posts" for a post). */
const char *jekyll_doc_type(const struct site *site, const char *relpath);

/* Fill url and entry_id of p from the site's rules (a collection's
 * document: its collection's permalink, Jekyll's Collection#url_template). */
void post_set_urls(const struct site *site, struct post *p);

/* Should a loaded post be published under these options? */
bool jekyll_wanted(const struct post *p, const struct site *site, const struct load_options *opt);

/* Two posts with one id would be one entry to every reader: keep the first by
 * path, report and free the others. hash[i] is strmap_hash() of list->v[i]'s
 * entry id. Returns how many were dropped. */
unsigned long jekyll_drop_duplicate_ids(struct post_list *list, const uint64_t *hash,
					 struct diag_sink *diag);

#endif
