/* batch.h: validating many documents at once — the files of a folder
 * (walkdir.h) or the feeds a page links to (discover.h) — on up to
 * WORKERS_MAX threads, and handing each result back in input order, so the
 * report is the same bytes whatever the number of threads.
 *
 * A job is one file below a folder (opened without following links, and
 * checked only when sniff.h says it is a feed, or its name does) or one
 * http(s) URL (fetched; when it may be a page and turns out to be HTML, it
 * is not checked: its body is kept for discover.h).
 *
 * Jobs run in chunks of VBATCH_CHUNK: the reports of one chunk are kept until
 * done() has seen them, then released, so memory holds a chunk's reports
 * whatever the number of jobs. Every thread has a validator of its own.
 *
 * Ownership: the caller owns the jobs array and the strings it points to;
 * vbatch_run() fills each job's results and releases them once done() has
 * returned (done() may run a batch of its own: the feeds of a page). */
#ifndef FEEDGEN_VALIDATE_BATCH_H
#define FEEDGEN_VALIDATE_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/fetch.h"
#include "base/text.h"
#include "validate/report.h"
#include "validate/validate.h"

#define VBATCH_CHUNK 64

/* The largest JSON file of a folder read whole to find whether it is a JSON
 * Feed, when its first SNIFF_PREFIX bytes do not say. */
#define VBATCH_JSON_MAX ((size_t)64 * 1024 * 1024)

struct vjob {
	/* What to check (the caller's): dir/rel, or url. */
	const char *dir, *rel;
	const char *url;
	bool may_be_page;	/* a URL: an HTML page is kept for discover.h */
	bool sniff;	/* a URL: checked only if it is a feed (a "maybe" link) */
	/* What was found. */
	bool skipped;	/* a file that is no feed: not checked */
	bool page;	/* a URL that is an HTML page: body in page_body, not checked */
	int rc;		/* 0: checked into rep; -1: could not be read, why says why */
	char why[512];
	struct vreport rep;
	struct buf page_body;	/* NUL-terminated when page */
	char *page_url;		/* the URL the page came from after redirects */
};

struct vbatch_options {
	const struct fetch_options *fetch;
	size_t keep_max;	/* struct vreport's keep_max for every job */
	size_t threads;		/* 1 to WORKERS_MAX */
};

/* Runs the jobs, calling done(job, ctx) for each, in order, on the calling
 * thread. v is the calling thread's validator; the others make their own
 * (NULL from validator_new: they do not start, and v does their share). */
void vbatch_run(struct validator *v, struct vjob *jobs, size_t n,
		const struct vbatch_options *o, void (*done)(struct vjob *, void *), void *ctx);

/* Checks one job on this thread. */
void vjob_run(struct validator *v, struct vjob *job, const struct vbatch_options *o);

/* Releases what a job found (its report, a page's body), for vjob_run()'s
 * callers. */
void vjob_clear(struct vjob *job);

/* Checks a document fetched from a URL into *out: the document, then its
 * media type, charset and rel="self" against what the server said
 * (validate.h). */
void validate_fetched(struct validator *v, const struct fetch_result *res, struct vreport *out);

#endif
