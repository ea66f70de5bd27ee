/* permalink.h: Jekyll's permalink rules.
 *
 * permalink_expand() returns a new malloc'ed, percent-encoded URL path the
 * caller frees. */
#ifndef FEEDGEN_PERMALINK_H
#define FEEDGEN_PERMALINK_H

#include "model/post.h"

/* The template for a site's `permalink` setting: the styles "date" (the
 * default, also for NULL), "pretty", "ordinal", "weekdate", "none", or a
 * template used as it is. Returns a static string or `setting` itself. */
const char *permalink_template(const char *setting);

/* Expand a template for post p (Jekyll 4 placeholders: :year :month :i_month
 * :day :i_day :short_year :hour :minute :second :title :slug :categories
 * :y_day :short_month :long_month :short_day :long_day :week :w_year :w_day
 * :output_ext :name). Categories are lower-cased and joined with '/'; an empty
 * placeholder takes its leading '/' with it; the result is made to start with
 * '/', squeezed of double slashes, and escaped as Jekyll's URL.escape_path.
 * A template ending in '/' keeps it. */
char *permalink_expand(const char *tmpl, const struct post *p);

/* Jekyll's Utils.slugify in "pretty" mode, cased: runs of characters other than
 * letters, digits and ._~!$&'()+,;=@ become one '-', trimmed at both ends. */
char *slugify_pretty(const char *s);

/* The first placeholder in tmpl that Jekyll does not know (Jekyll stops the
 * build on it): returns a pointer to its ':' in tmpl and sets *len to the
 * length of ":name", or returns NULL when all are known. permalink_expand()
 * keeps an unknown placeholder as text. */
const char *permalink_unknown(const char *tmpl, size_t *len);

#endif
