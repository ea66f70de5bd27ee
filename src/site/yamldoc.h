/* yamldoc.h: reading values out of a libyaml document (front matter and
 * _config.yml) — scalars as text, "a string or a list", and positions.
 *
 * Nothing here allocates except where a function says it returns a new string.
 * Nodes belong to the yaml_document_t they came from. */
#ifndef FEEDGEN_YAMLDOC_H
#define FEEDGEN_YAMLDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "base/diag.h"
#include "model/post.h"

/* Parse n bytes as one YAML document. On error reports at file:line:col
 * (first_line is the file line the YAML starts on) and returns -1. An empty
 * input gives an empty document (yaml_document_get_root_node() is NULL). */
int yamldoc_load(yaml_document_t *doc, const char *bytes, size_t n,
		 const char *file, unsigned long first_line, struct diag_sink *diag);

/* Value node of `key` in mapping `map`, or NULL. With a duplicated key the last
 * one wins, as in Ruby's YAML. */
yaml_node_t *yamldoc_get(yaml_document_t *doc, yaml_node_t *map, const char *key);

/* The value nodes of `map` for keys[0..n) into values[0..n), NULL where a key
 * is absent: what yamldoc_get() gives for each, in one pass over the mapping. */
void yamldoc_get_all(yaml_document_t *doc, yaml_node_t *map, const char *const keys[],
		     size_t n, yaml_node_t *values[]);

/* A scalar's text (numbers and booleans as written), or NULL for anything else,
 * including null (~, empty). Points into the document. */
const char *yamldoc_scalar(yaml_node_t *n);

/* A new copy of a scalar's text without the characters XML 1.0 forbids, or NULL. */
char *yamldoc_strdup(yaml_node_t *n);

/* Add a value to l: a scalar split on white space when `split`, or taken whole;
 * a sequence's scalar items each whole. */
void yamldoc_add_names(yaml_document_t *doc, yaml_node_t *n, bool split, struct strlist *l);

/* The same names as yamldoc_add_names(), appended without looking for
 * duplicates (a post may list a hundred thousand: the caller removes them in
 * one sort) and without empty ones. */
void yamldoc_collect_names(yaml_document_t *doc, yaml_node_t *n, bool split, struct strlist *l);

/* author: a name, or {name, email, uri} (jekyll-feed also reads `url` for uri).
 * Replaces what *a held. */
void yamldoc_read_person(yaml_document_t *doc, yaml_node_t *n, struct person *a);

/* Is this scalar a YAML boolean true / false? */
bool yamldoc_is_true(yaml_node_t *n);
bool yamldoc_is_false(yaml_node_t *n);

#endif
