/* postcheck.h: front matter values checked when a post is loaded, so no
 * value can make feedgen write a feed its own validator rejects, and no post
 * can make the output explode.
 *
 * Each check takes a value fm_string() made (or NULL) with its YAML node, and
 * returns it, or frees it and returns NULL after a warning at the node's line
 * and column: the post is published without that value. */
#ifndef FEEDGEN_POSTCHECK_H
#define FEEDGEN_POSTCHECK_H

#include <stdbool.h>
#include <yaml.h>

#include "base/diag.h"
#include "model/post.h"

/* Categories and tags of one post, together: a post with more is an error
 * (it would be written into a feed per name, each holding the post whole),
 * and is skipped. */
#define POST_MAX_NAMES 100

/* An image, enclosure or author URL: a relative reference or http(s) only
 * (no javascript:, data:, file:, nor a first segment with ':' that would
 * read as a scheme), no control character; bytes an IRI cannot hold (a
 * space) are percent-encoded. */
char *postcheck_url(char *v, const yaml_node_t *n, const char *path, const char *key,
		    struct diag_sink *diag);
/* Why v cannot be such a URL ("is not an http or https URL", ...), or NULL. */
const char *postcheck_url_problem(const char *v);
/* v as postcheck_url() keeps it (bytes an IRI cannot hold percent-encoded),
 * in a new string; NULL when v is NULL or refused. No message. */
char *postcheck_url_clean(const char *v);

/* A language tag already normalised (lang_normalize): BCP 47's shape, letters
 * then '-'-separated groups of letters and digits, 1 to 8 each. */
char *postcheck_lang(char *v, const yaml_node_t *n, const char *path, struct diag_sink *diag);
/* The same test alone: has v a language tag's shape? */
bool postcheck_is_lang(const char *v);

/* id (or guid): an absolute IRI the validator takes as an entry id, or a
 * relative reference (returned escaped; the caller makes it absolute against
 * the site, as jekyll-feed's absolute_url does); else a warning and the
 * default id. */
char *postcheck_id(char *v, const yaml_node_t *n, const char *path, struct diag_sink *diag);

/* An author's email: an addr-spec (name@example.com) as the validator reads
 * one; else a warning and left out. postcheck_email_clean(): the same check
 * without a message, a new copy or NULL. */
char *postcheck_email(char *v, const yaml_node_t *n, const char *path, struct diag_sink *diag);
char *postcheck_email_clean(const char *v);

/* A media type: type/subtype of RFC 6838's characters, parameters after ';'
 * without controls (no CR/LF to split a header or an attribute). */
char *postcheck_media_type(char *v, const yaml_node_t *n, const char *path,
			   struct diag_sink *diag);

/* Before the names are gathered (they would all be copied): -1 after the
 * same error, placed at node `at` (the post's own list, or NULL), when the n
 * nodes (lists, or scalars of words) hold more than ten times POST_MAX_NAMES
 * items, duplicates and all. */
int postcheck_names_raw(const yaml_node_t *const *v, size_t n, const yaml_node_t *at,
			const char *path, struct diag_sink *diag);

/* 0, or -1 after an error when p has more than POST_MAX_NAMES names. */
int postcheck_names(const struct post *p, struct diag_sink *diag);

#endif
