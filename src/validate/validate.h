/* validate.h: checking one RSS 2.0 or Atom 1.0 document in three layers —
 * well-formedness and encoding, the RELAX NG schemas in feeds/ (compiled into
 * the binary), and the rule table of rules.h.
 *
 * Ownership: a struct validator (validator_new/validator_free) owns the
 * compiled schemas and may check any number of documents, one at a time.
 * Diagnostics go to a struct vreport (report.h). Nothing here keeps a
 * pointer to the input.
 *
 * An RSS or Atom document is read as a stream: memory holds the feed's head,
 * one entry at a time and a bounded window of raw input, however many entries
 * the feed has (validate.c says how). A JSON Feed is read whole. */
#ifndef FEEDGEN_VALIDATE_H
#define FEEDGEN_VALIDATE_H

#include <stddef.h>

#include "base/diag.h"
#include "validate/report.h"

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

/* Checks the media type a document was served with (its HTTP Content-Type,
 * NULL when none was sent) against the kind of feed *out found it to be: a
 * generic XML or JSON type is a warning (media-type-generic), any other that
 * is not the feed's, or none, a warning too (media-type-unexpected). Nothing
 * is said of a document that is no feed. */
void validate_media_type(const char *content_type, struct vreport *out);

/* Checks the charset parameter of that Content-Type, when there is one,
 * against the encoding data[0..len) declares (or, without a declaration, the
 * UTF-8 or UTF-16 its first bytes say): RFC 3023 §8 and RFC 7303 §3.2 make
 * the HTTP charset win, so a difference is a warning (encoding-mismatch).
 * Nothing is said of a document that is no XML feed. */
void validate_charset(const char *content_type, const char *data, size_t len,
		      struct vreport *out);

/* Checks that the feed's atom:link rel="self" (Atom: a child of the feed;
 * RSS: of the channel), when its href is an absolute http(s) URL, names
 * final_url, the URL the document was fetched from after redirects (RFC 4287
 * §4.2.7.2). Scheme and host compared without case, a default port and an
 * empty path as the URL parser reads them. A difference is a warning
 * (self-location-mismatch). */
void validate_self_location(const char *final_url, const char *data, size_t len,
			    struct vreport *out);

#endif
