/* validate_json.h: checking a JSON Feed document (versions 1 and 1.1,
 * https://jsonfeed.org/version/1.1) for `feedgen validate`.
 *
 * Diagnostics go into the same struct vreport as those of RSS and Atom, so
 * every output format of cmd_validate works unchanged. JSON syntax errors
 * carry jansson's line and column; every other diagnostic names the value it
 * is about with a JSON pointer (RFC 6901) at the start of its message,
 * "/items/3/id: ...", and has line and column 0 (jansson keeps no positions
 * for parsed values).
 *
 * Ownership: nothing is kept; the parsed tree lives for one call. */
#ifndef FEEDGEN_VALIDATE_JSON_H
#define FEEDGEN_VALIDATE_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "validate/report.h"

/* Is data a JSON text rather than XML? Its first byte after an optional
 * UTF-8 byte order mark and white space is '{' or '[', which no XML document
 * starts with. */
bool validate_json_detect(const char *data, size_t len);

/* Checks data[0..len) as a JSON Feed and appends what it finds to *out (set
 * up by the caller), setting out->kind. Returns the number of errors found
 * (warnings not counted), as validate_document() does. */
unsigned long validate_json(const char *data, size_t len, struct vreport *out);

/* A JSON text is parsed whole (jansson keeps about twenty times its size);
 * a larger one is one json-too-large error, not parsed. Real JSON Feeds are
 * a few MB. validate_fd() reads no more than this and a byte. */
#define VALIDATE_JSON_MAX ((size_t)32 << 20)

/* Reports that a JSON text is not UTF-8 (detail says what it is instead),
 * for a document found to be UTF-16 or UTF-32 JSON before parsing. */
void validate_json_not_utf8(struct vreport *out, const char *detail);

/* Row i of the JSON Feed rule table, for the rules' documentation (`feedgen
 * validate --list-rules`): false past the last row. The strings are static. */
bool validate_json_rule(size_t i, const char **id, enum diag_severity *sev,
			const char **message, const char **spec);

#endif
