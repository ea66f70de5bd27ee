/* atom.h: the Atom 1.0 writer (RFC 4287). */
#ifndef FEEDGEN_ATOM_H
#define FEEDGEN_ATOM_H

#include "feeds/feed.h"

int atom_write(xmlTextWriterPtr w, const struct site *site, const struct feed *feed,
	       const struct write_options *opt, const struct write_shared *sh,
	       struct diag_sink *diag);

#endif
