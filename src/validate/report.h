/* report.h: what the validator found in one document — its kind and its
 * diagnostics, each with a position, a rule id and the spec it comes from.
 *
 * Ownership: a struct vreport owns every diagnostic in it, including the
 * message strings; vreport_free() releases them. Rule ids and spec strings
 * are static. */
#ifndef FEEDGEN_VALIDATE_REPORT_H
#define FEEDGEN_VALIDATE_REPORT_H

#include <stddef.h>

#include "base/diag.h"

/* What a document turned out to be. */
enum doc_kind {
	DOC_UNKNOWN,	/* not parsed, or a root we do not know */
	DOC_RSS2,
	DOC_ATOM,	/* an Atom feed document */
	DOC_ATOM_ENTRY,	/* an Atom entry document (RFC 4287 section 2) */
	DOC_OTHER,	/* no feed: Atom 0.3, HTML, an unknown root */
	DOC_JSON,	/* a JSON Feed, version 1 or 1.1 (validate_json.h) */
	DOC_RSS09,	/* RSS 0.91, 0.92, 0.93 or 0.94 (struct vctx says which) */
	DOC_RSS_OTHER,	/* <rss> of a version no specification defines */
	DOC_RSS090,	/* RSS 0.90, RDF */
	DOC_RSS1,	/* RSS 1.0, RDF */
	DOC_OPML,	/* OPML 1.0, 1.1 or 2.0 (or the older outlineDocument) */
};

struct vdiag {
	enum diag_severity sev;
	unsigned long line, col;	/* 0 when unknown */
	const char *rule;	/* static: a rule id of rules.h */
	const char *spec;	/* static: where the rule comes from */
	char *message;		/* owned */
};

struct vreport {
	struct vdiag *v;
	size_t n, cap;
	enum doc_kind kind;
	unsigned long errors, warnings;
};

void vreport_init(struct vreport *r);
void vreport_free(struct vreport *r);
/* Adds a copy of message. Diagnostics are kept in the order they are added. */
void vreport_add(struct vreport *r, enum diag_severity sev, unsigned long line,
		 unsigned long col, const char *rule, const char *spec,
		 const char *message);
/* Sorts by line, then column, keeping the order of equal positions. */
void vreport_sort(struct vreport *r);

/* Human name of a feed kind, for the summary line. */
const char *doc_kind_name(enum doc_kind kind);

#endif
