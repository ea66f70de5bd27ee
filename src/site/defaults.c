/* defaults.c: _config.yml's `defaults:` applied as Jekyll 4.3's
 * FrontmatterDefaults applies them (lib/jekyll/frontmatter_defaults.rb). */
#include <config.h>

#include <fnmatch.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "site/defaults.h"
#include "site/yamldoc.h"

/* More sets than this is not a config anyone wrote by hand. */
#define DEFAULT_SETS_MAX 4096

struct default_set {
	const char *path;	/* scope.path without a leading "/"; "" for every path */
	const char *type;	/* scope.type ("posts"), or NULL for every type */
	yaml_node_t *values;	/* a mapping */
};

struct site_defaults {
	yaml_document_t doc;
	struct default_set *sets;
	size_t n;
};

/* Jekyll's deprecated singular types. */
static const char *type_name(const char *t)
{
	if (!t)
		return NULL;
	if (strcmp(t, "post") == 0)
		return "posts";
	if (strcmp(t, "page") == 0)
		return "pages";
	if (strcmp(t, "draft") == 0)
		return "drafts";
	return t;
}

static const char *scope_path(const char *p)
{
	if (!p)
		return "";
	return p[0] == '/' ? p + 1 : p;
}

struct site_defaults *defaults_new(yaml_document_t *doc, yaml_node_t *seq)
{
	if (!seq || seq->type != YAML_SEQUENCE_NODE)
		return NULL;
	struct site_defaults *d = xcalloc(1, sizeof *d);
	for (yaml_node_item_t *it = seq->data.sequence.items.start;
	     it < seq->data.sequence.items.top && d->n < DEFAULT_SETS_MAX; it++) {
		yaml_node_t *set = yaml_document_get_node(doc, *it);
		if (!set || set->type != YAML_MAPPING_NODE)
			continue;
		yaml_node_t *values = yamldoc_get(doc, set, "values");
		if (!values || values->type != YAML_MAPPING_NODE)
			continue;
		yaml_node_t *scope = yamldoc_get(doc, set, "scope");
		bool map = scope && scope->type == YAML_MAPPING_NODE;
		d->sets = xrealloc(d->sets, (d->n + 1) * sizeof *d->sets);
		d->sets[d->n++] = (struct default_set){
			.path = scope_path(map ? yamldoc_scalar(yamldoc_get(doc, scope, "path")) : NULL),
			.type = type_name(map ? yamldoc_scalar(yamldoc_get(doc, scope, "type")) : NULL),
			.values = values,
		};
	}
	if (d->n == 0) {
		free(d->sets);
		free(d);
		return NULL;
	}
	d->doc = *doc;	/* the nodes stay where they are: only the owner changes */
	memset(doc, 0, sizeof *doc);
	return d;
}

void defaults_free(struct site_defaults *d)
{
	if (!d)
		return;
	yaml_document_delete(&d->doc);
	free(d->sets);
	free(d);
}

/* A glob scope (_posts/ and a star): Jekyll globs it in the source folder and
 * takes a post under any match; matching each folder prefix of the path, and
 * the path itself, is the same test without touching the disk. */
static bool glob_applies(const char *pattern, const char *relpath)
{
	size_t n = strlen(relpath);
	char *prefix = xstrdup(relpath);
	bool hit = false;
	for (size_t i = 0; i <= n && !hit; i++) {
		if (i < n && relpath[i] != '/')
			continue;
		prefix[i] = '\0';
		hit = fnmatch(pattern, prefix, FNM_PATHNAME | FNM_PERIOD) == 0;
		prefix[i] = relpath[i];
	}
	free(prefix);
	return hit;
}

static bool applies(const struct default_set *s, const char *relpath, const char *type)
{
	if (s->type && (!type || strcmp(s->type, type) != 0))
		return false;
	if (!*s->path)
		return true;
	if (strchr(s->path, '*'))
		return glob_applies(s->path, relpath);
	/* Jekyll's path_is_subpath? is a string prefix test. */
	return strncmp(relpath, s->path, strlen(s->path)) == 0;
}

/* FrontmatterDefaults#has_precedence?: the longer scope path wins; at equal
 * length a scope with a type wins over one without. */
static bool has_precedence(const struct default_set *old, const struct default_set *cur)
{
	if (!old)
		return true;
	size_t a = strlen(cur->path), b = strlen(old->path);
	if (a != b)
		return a >= b;
	if (cur->type)
		return true;
	return !old->type;
}

void defaults_fill(const struct site_defaults *d, const char *relpath, const char *type,
		   const char *const keys[], size_t n, yaml_node_t *values[],
		   yaml_document_t *docs[])
{
	if (!d)
		return;
	/* Which keys the post set itself: those are never replaced. */
	bool own_stack[64];
	bool *own = n <= 64 ? own_stack : xcalloc(n, sizeof *own);
	for (size_t k = 0; k < n; k++)
		own[k] = values[k] != NULL;
	const struct default_set *old = NULL;
	for (size_t i = 0; i < d->n; i++) {
		const struct default_set *s = &d->sets[i];
		if (!applies(s, relpath, type))
			continue;
		bool wins = has_precedence(old, s);
		if (wins)
			old = s;
		yaml_node_t *got[64];
		yaml_node_t **v = n <= 64 ? got : xcalloc(n, sizeof *v);
		yamldoc_get_all((yaml_document_t *)&d->doc, s->values, keys, n, v);
		for (size_t k = 0; k < n; k++) {
			if (own[k] || !v[k] || (!wins && values[k]))
				continue;
			values[k] = v[k];
			docs[k] = (yaml_document_t *)&d->doc;
		}
		if (v != got)
			free(v);
	}
	if (own != own_stack)
		free(own);
}

yaml_node_t *defaults_get(const struct site_defaults *d, const char *relpath, const char *type,
			  const char *key, yaml_document_t **doc)
{
	const char *keys[1] = {key};
	yaml_node_t *v[1] = {NULL};
	yaml_document_t *docs[1] = {NULL};
	defaults_fill(d, relpath, type, keys, 1, v, docs);
	*doc = docs[0];
	return v[0];
}
