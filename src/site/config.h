/* config.h: reading a site's settings — _config.yml and _data/authors.yml —
 * into struct site (model/site.h), which owns what is read.
 */
#ifndef FEEDGEN_SITE_CONFIG_H
#define FEEDGEN_SITE_CONFIG_H

#include <stdbool.h>

#include "base/diag.h"
#include "model/site.h"

/* Defaults for a site in `dir` with no _config.yml. */
void site_init(struct site *s, const char *dir);

/* Read dir/_config.yml and dir/_data/authors.yml (or .yaml) when they exist.
 * Returns 0 (also when there are none), or -1 after reporting a malformed file
 * at its line and column. */
int site_load(struct site *s, const char *dir, struct diag_sink *diag);

/* jekyll-feed's feed.disable_in_development: true when the site asks for no
 * feeds in Jekyll's development environment and jekyll_env (JEKYLL_ENV, NULL
 * when unset) is it, as Jekyll.env reads it: unset means "development". */
bool site_feeds_disabled(const struct site *s, const char *jekyll_env);

#endif
