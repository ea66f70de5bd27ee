/* defaults.h: _config.yml's `defaults:` — front matter values by scope (path
 * and type), as Jekyll 4.3's FrontmatterDefaults applies them to a post
 * before its own front matter, which wins key by key.
 *
 * Ownership: a struct site_defaults owns the _config.yml document its values
 * point into (defaults_new() takes it); defaults_free() releases both. The
 * nodes defaults_fill() hands out belong to that document. */
#ifndef FEEDGEN_SITE_DEFAULTS_H
#define FEEDGEN_SITE_DEFAULTS_H

#include <stddef.h>
#include <yaml.h>

struct site_defaults;

/* The sets of the `defaults` sequence node `seq` in *doc, or NULL when there
 * is no valid set (then *doc stays the caller's). Otherwise the document is
 * moved into the result and *doc is left empty. */
struct site_defaults *defaults_new(yaml_document_t *doc, yaml_node_t *seq);
void defaults_free(struct site_defaults *d);

/* For a document at relpath (relative to the site) of collection `type`
 * ("posts"): for each keys[i] whose values[i] is NULL, the default value
 * node and its document (docs[i]), when a set that applies has one. Sets are
 * merged as Jekyll's FrontmatterDefaults#all merges them: a set whose scope
 * is as long or longer (or as long with a type) overrides the ones before. */
void defaults_fill(const struct site_defaults *d, const char *relpath, const char *type,
		   const char *const keys[], size_t n, yaml_node_t *values[],
		   yaml_document_t *docs[]);

/* The default node for one key (for categories, which Jekyll merges with the
 * post's own rather than replacing), or NULL; *doc is set with it. */
yaml_node_t *defaults_get(const struct site_defaults *d, const char *relpath, const char *type,
			  const char *key, yaml_document_t **doc);

#endif
