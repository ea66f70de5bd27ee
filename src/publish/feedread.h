/* feedread.h: a feed of any kind feedgen reads — Atom 1.0, RSS 2.0/0.9x,
 * RSS 1.0 and 0.90 (RDF), JSON Feed 1.0/1.1 — as the list of its entries,
 * for comparing two versions of one feed (publish/feeddiff.h).
 *
 * An entry's id is Atom's <id>, RSS's <guid> (else its <link>), RDF's
 * rdf:about (else <link>), JSON Feed's "id" (else "url"). Its content is kept
 * only as a hash of content and summary together.
 *
 * Bounds, so hostile input cannot blow memory: a document of at most
 * FEEDREAD_MAX_BYTES, at most FEEDREAD_MAX_ENTRIES entries, and each text kept
 * (id, link, title, dates) cut at FEEDREAD_MAX_FIELD bytes. libxml2 reads
 * without the network and without expanding entities; its own depth and node
 * size limits stand.
 *
 * Ownership: struct feed_doc owns its entries and their strings;
 * feed_doc_free() releases them. */
#ifndef FEEDGEN_FEEDREAD_H
#define FEEDGEN_FEEDREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "base/fetch.h"

#define FEEDREAD_MAX_BYTES ((size_t)256 * 1024 * 1024)
#define FEEDREAD_MAX_ENTRIES ((size_t)1000000)
#define FEEDREAD_MAX_FIELD ((size_t)8192)

struct feed_entry {
	char *id;		/* NULL when the entry has none (nor a link) */
	char *link;		/* NULL when none */
	char *title;		/* white space folded; NULL when none */
	char *published;	/* as written, trimmed; NULL when none */
	char *updated;		/* as written, trimmed; NULL when none */
	uint64_t content_hash;	/* of content and summary; 0 when neither */
	unsigned long line;	/* where the entry starts; 0 when unknown (JSON) */
};

struct feed_doc {
	const char *kind;	/* static: "Atom", "RSS", "RDF", "JSON Feed" */
	struct feed_entry *v;
	size_t n, cap;
};

void feed_doc_free(struct feed_doc *doc);

/* Reads the feed in data[0..len) into *doc; name is used in messages.
 * Returns 0, or -1 after reporting (name:line:col: error: ... [feed-read])
 * why the document is not a feed that can be read. */
int feedread_buffer(const char *data, size_t len, const char *name, struct feed_doc *doc,
		    struct diag_sink *diag);

/* Reads a file, "-" (standard input) or an http(s) URL into *doc. Returns 0;
 * 1 when there is no such document (no file of that name; HTTP 404 or 410),
 * not reported, so a caller may take that as "nothing published yet"; -1
 * after reporting any other failure. fetch may be NULL for the defaults. */
int feedread_load(const char *name, const struct fetch_options *fetch, struct feed_doc *doc,
		  struct diag_sink *diag);

/* Reads the whole of the open file fd, from its start (pread: its offset
 * is left alone), into *doc; name is used in messages. 0, or -1 after a
 * report. */
int feedread_fd(int fd, const char *name, struct feed_doc *doc, struct diag_sink *diag);

/* Is s an http or https URL? */
bool feedread_is_url(const char *s);

#endif
