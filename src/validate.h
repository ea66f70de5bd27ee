/* validate.h: checking one RSS 2.0 or Atom 1.0 document in three layers —
 * well-formedness and encoding, the RELAX NG schemas in feeds/ (compiled into
 * the binary), and the rule table of rules.h.
 *
 * Ownership: a struct validator (validator_new/validator_free) owns the
 * compiled schemas and may check any number of documents, one at a time.
 * A struct vreport owns every diagnostic in it, including the strings;
 * vreport_free() releases them. Nothing here keeps a pointer to the input.
 *
 * An RSS or Atom document is read as a stream: memory holds the feed's head,
 * one entry at a time and a bounded window of raw input, however many entries
 * the feed has (validate.c says how). A JSON Feed is read whole. */
#ifndef FEEDGEN_VALIDATE_H
#define FEEDGEN_VALIDATE_H

#include <stddef.h>

#include "diag.h"

/* What a document turned out to be. */
enum doc_kind {
	DOC_UNKNOWN,	/* not parsed, or a root we do not know */
	DOC_RSS2,
	DOC_ATOM,	/* an Atom feed document */
	DOC_ATOM_ENTRY,	/* an Atom entry document (RFC 4287 section 2) */
	DOC_OTHER,	/* a known non-target format: RSS 0.9x/1.0, Atom 0.3, HTML */
	DOC_JSON,	/* a JSON Feed, version 1 or 1.1 (validate_json.h) */
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

struct validator;

/* Compiles the embedded schemas and installs libxml2's deny-all external
 * entity loader (process-wide: from then on no libxml2 parser in this process
 * reads files or URLs through entities). Returns NULL if a schema fails to
 * compile, which is a build error. */
struct validator *validator_new(void);
void validator_free(struct validator *v);

/* Checks data[0..len) and appends what it finds to *out (which the caller has
 * initialised). name is only used in messages. Returns the number of errors
 * found (warnings not counted). */
unsigned long validate_document(struct validator *v, const char *data, size_t len,
				struct vreport *out);

/* As validate_document, reading fd to its end. Returns 0, or -1 with errno
 * set when reading fails (what was found before the failure stays in *out). */
int validate_fd(struct validator *v, int fd, struct vreport *out);

/* Human name of a feed kind, for the summary line. */
const char *doc_kind_name(enum doc_kind kind);

#endif
