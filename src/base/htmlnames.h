/* htmlnames.h: the element names HTML defines, for the sanitizer that makes
 * a post's body (content/sanitize.c) and the validator's not-html rule
 * (validate/rules_html.c): one list, so feedgen never keeps an element its
 * own validator reports.
 *
 * A pure function of its arguments; nothing is allocated. */
#ifndef FEEDGEN_BASE_HTMLNAMES_H
#define FEEDGEN_BASE_HTMLNAMES_H

#include <stdbool.h>
#include <stddef.h>

/* Is name[0..n) (any case) an element of HTML 4.01 or HTML5, an obsolete one
 * browsers still render, or a custom element (a '-' and no ':', HTML §4.13)? */
bool html_element_known(const char *name, size_t n);

#endif
