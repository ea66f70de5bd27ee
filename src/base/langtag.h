/* langtag.h: language tags as feeds carry them (RSS 2.0 <language>, Atom
 * xml:lang, JSON Feed language): checked by the loader before a value goes
 * into a feed, and by the validator, with one definition so that feedgen
 * never writes a tag its own validator refuses.
 *
 * Pure functions of their argument; nothing is allocated. */
#ifndef FEEDGEN_BASE_LANGTAG_H
#define FEEDGEN_BASE_LANGTAG_H

#include <stdbool.h>

/* RFC 3066 / BCP 47 shape: subtags of 1 to 8 ASCII letters and digits,
 * joined by '-'. */
bool langtag_well_formed(const char *s);

/* Well formed, and the primary subtag is a language: an ISO 639-1 code, three
 * letters (ISO 639-2/3), or the i / x of registered and private tags. */
bool langtag_known(const char *s);

#endif
