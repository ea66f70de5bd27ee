/* report.h: what the validator found in one document — its kind and its
 * diagnostics, each with a position, a rule id and the spec it comes from.
 *
 * Memory is bounded however many diagnostics a document has: a report keeps
 * at most VREPORT_RULE_MAX diagnostics of one rule and VREPORT_KEEP_MAX in
 * all (the first ones found); past either cap a diagnostic is only counted,
 * in errors/warnings and in hidden_errors/hidden_warnings, so the counts stay
 * exact and the printer can say how many were not shown. (Diagnostics cannot
 * be printed as they come: they are shown sorted by position, and a document
 * found not well-formed at its end keeps only its XML errors.)
 *
 * Ownership: a struct vreport owns every diagnostic in it, including the
 * message strings, and its tally of rules; vreport_free() releases them. Rule
 * ids and spec strings are static. A report is for one document. */
#ifndef FEEDGEN_VALIDATE_REPORT_H
#define FEEDGEN_VALIDATE_REPORT_H

#include <stdbool.h>
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

#define VREPORT_RULE_MAX 1000	/* diagnostics of one rule kept */
#define VREPORT_KEEP_MAX 10000	/* diagnostics kept in all */

/* How many diagnostics of one rule were added: kept, and counted only. */
struct vtally {
	const char *rule;	/* NULL: a free slot */
	unsigned long kept;
	unsigned long hidden_errors, hidden_warnings;
};

struct vreport {
	struct vdiag *v;
	size_t n, cap;
	enum doc_kind kind;
	unsigned long errors, warnings;	/* all, kept or not */
	unsigned long hidden_errors, hidden_warnings;	/* counted, not kept */
	size_t keep_max;	/* VREPORT_KEEP_MAX; 0 keeps none (only counts) */
	struct vtally *tally;	/* open addressing on the rule's address */
	size_t tally_n, tally_cap;
};

void vreport_init(struct vreport *r);
void vreport_free(struct vreport *r);
/* Adds a copy of message, or only counts it past the caps. Diagnostics are
 * kept in the order they are added. */
void vreport_add(struct vreport *r, enum diag_severity sev, unsigned long line,
		 unsigned long col, const char *rule, const char *spec,
		 const char *message);
/* Forgets the diagnostics kept from index from on for which keep() is false,
 * and those of such rules counted only (all of them: a report is for one
 * document), with their counts. */
void vreport_retain(struct vreport *r, size_t from, bool (*keep)(const char *rule));
/* The tallies of the rules with diagnostics counted but not kept, sorted
 * by rule id (malloc'd, the caller frees it; NULL when none); *n gets how
 * many. */
struct vtally *vreport_not_shown(const struct vreport *r, size_t *n);

/* Sorts by line, then column, keeping the order of equal positions. */
void vreport_sort(struct vreport *r);

/* Human name of a feed kind, for the summary line. */
const char *doc_kind_name(enum doc_kind kind);

#endif
