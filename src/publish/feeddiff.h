/* feeddiff.h: what changed between two versions of a feed — entries added,
 * removed, changed (same id; another title, content or date) and, the one
 * that hurts readers, re-identified: an entry of the old version whose id is
 * gone while an entry of the new version with another id has the same link
 * (scheme and host case and the default port ignored) or, failing that, the
 * same title and published date (dates compared as instants). Every reader
 * shows a re-identified entry again as new.
 *
 * Cost: one pass over each version with hash maps (base/strmap.h), no
 * comparison of every pair: linear in the entries.
 *
 * Ownership: struct feed_diff owns its array of items, which point into the
 * two feed_docs by index (the docs must outlive the diff's use);
 * feed_diff_free() releases it. */
#ifndef FEEDGEN_FEEDDIFF_H
#define FEEDGEN_FEEDDIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "publish/feedread.h"

enum feed_diff_kind { DIFF_ADDED, DIFF_REMOVED, DIFF_CHANGED, DIFF_REIDENTIFIED };

/* What a changed entry changed, as bits. */
enum { DIFF_TITLE = 1, DIFF_CONTENT = 2, DIFF_PUBLISHED = 4, DIFF_UPDATED = 8 };

struct feed_diff_item {
	enum feed_diff_kind kind;
	size_t old_i;		/* in the old doc; not for DIFF_ADDED */
	size_t new_i;		/* in the new doc; not for DIFF_REMOVED */
	unsigned what;		/* DIFF_CHANGED: DIFF_TITLE | ... */
};

struct feed_diff {
	struct feed_diff_item *v;	/* old entries in order, then the added */
	size_t n, cap;
	size_t added, removed, changed, reidentified;
};

void feed_diff_compute(const struct feed_doc *old_doc, const struct feed_doc *new_doc,
		       struct feed_diff *out);
void feed_diff_free(struct feed_diff *d);

/* Reports each item into diag: re-identified entries as errors [id-changed]
 * at the new version's entry, the others as notes [entry-added],
 * [entry-removed], [entry-changed], unless only_reidentified. */
void feed_diff_report(const struct feed_diff *d, const struct feed_doc *old_doc,
		      const char *old_name, const struct feed_doc *new_doc, const char *new_name,
		      bool only_reidentified, struct diag_sink *diag);

/* "2 added, 1 removed, 0 changed, 1 re-identified". A new string. */
char *feed_diff_summary(const struct feed_diff *d);

/* A link as compared: scheme and host in lower case, the default port
 * (:80 for http, :443 for https) dropped, an empty path made "/". A new
 * string. */
char *feed_link_key(const char *link);

/* A feed date (RFC 3339, or RFC 822 as RSS writes it) as seconds since 1970
 * in *sec; -1 when it is neither. */
int feed_date_parse(const char *s, long long *sec);

#endif
