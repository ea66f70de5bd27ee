/* schema.h: the RELAX NG schemas of feeds/, compiled into the binary.
 *
 * schema_data.c is generated at build time from feeds/atom.rng and
 * feeds/rss.rng (see Makefile.am), so the validator works uninstalled.
 * A struct schemas owns the compiled grammars; schemas_free() releases them.
 * Validation works on one small document at a time: validate_document()
 * copies a feed's head and each entry or item into a fresh xmlDoc, which keeps
 * libxml2's RELAX NG matching (quadratic in the number of siblings) cheap. */
#ifndef FEEDGEN_SCHEMA_H
#define FEEDGEN_SCHEMA_H

#include <stddef.h>

#include <libxml/tree.h>

extern const unsigned char schema_atom_rng[];
extern const size_t schema_atom_rng_len;
extern const unsigned char schema_rss_rng[];
extern const size_t schema_rss_rng_len;

enum schema_which { SCHEMA_ATOM, SCHEMA_RSS };

struct schemas;

/* NULL when a schema does not compile (a build error, reported on stderr). */
struct schemas *schemas_new(void);
void schemas_free(struct schemas *s);

/* One message of a failed validation: line is 0 when libxml2 gives none;
 * node is the element it is about (NULL when libxml2 names none), a node of
 * the document validated. */
typedef void schema_error_fn(void *ctx, unsigned long line, xmlNodePtr node,
			     const char *message);

/* Validates doc against the schema. Calls err once per problem libxml2 reports;
 * returns 0 when valid, 1 when not, -1 on an internal error. */
int schema_validate(struct schemas *s, enum schema_which which, xmlDocPtr doc,
		    schema_error_fn *err, void *ctx);

#endif
