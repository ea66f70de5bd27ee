/* config.h: reading a site's settings — _config.yml and _data/authors.yml —
 * into struct site (model/site.h), which owns what is read.
 */
#ifndef FEEDGEN_SITE_CONFIG_H
#define FEEDGEN_SITE_CONFIG_H

#include "base/diag.h"
#include "model/site.h"

/* Defaults for a site in `dir` with no _config.yml. */
void site_init(struct site *s, const char *dir);

/* Read dir/_config.yml and dir/_data/authors.yml (or .yaml) when they exist.
 * Returns 0 (also when there are none), or -1 after reporting a malformed file
 * at its line and column. */
int site_load(struct site *s, const char *dir, struct diag_sink *diag);

#endif
