/* body.h: a post's body as feed content — Markdown to HTML as the site asks
 * (content/markdown.h; raw HTML passes through), links made absolute, characters XML forbids dropped.
 *
 * Every function returns a new malloc'ed string the caller frees, or NULL. */
#ifndef FEEDGEN_BODY_H
#define FEEDGEN_BODY_H

#include <stddef.h>

#include "base/diag.h"
#include "model/post.h"
#include "model/site.h"

/* Is ext (".md", ".markdown", ...) one Jekyll converts from Markdown? */
int body_is_markdown(const char *ext);

/* Markdown as kramdown with Jekyll's defaults writes it (markdown_to_html()
 * in MARKDOWN_KRAMDOWN mode). Only the valid UTF-8 prefix of md is read. */
char *body_markdown_to_html(const char *md, size_t n);

/* Rewrite the href, src and poster attributes of an HTML fragment that hold
 * protocol-relative, root-relative or page-relative references, resolved
 * against base (an absolute URL). Everything else is copied byte for byte. */
char *html_absolutize(const char *html, const char *base);

/* The visible text of an HTML fragment, entities decoded by libxml2's HTML
 * parser, white space folded; blocks are separated by a space. */
char *html_to_text(const char *html);

/* The body source of p (the bytes after its front matter), read from disk. */
char *body_read(const struct post *p, size_t *len, struct diag_sink *diag);

/* The HTML content of p: read, converted, links resolved against its URL,
 * cleaned for XML. NULL (after a report) when the file cannot be read. */
char *body_render(const struct site *site, const struct post *p, struct diag_sink *diag);

/* Jekyll's excerpt of a body (Excerpt#extract_excerpt): the text before the
 * site's excerpt_separator (default "\n\n", the first paragraph), the whole
 * body when it has none, with the link reference definitions the excerpt
 * uses from the rest. NULL when the separator is "" (no excerpt). A new
 * string of that source (Markdown or HTML as written). */
char *body_excerpt_source(const struct site *site, const char *body, size_t len);

/* The plain-text summary of p (tags stripped, white space folded), as
 * jekyll-feed's `post.description | default: post.excerpt | strip_html |
 * normalize_whitespace`: a non-empty front matter `description`, else a front
 * matter `excerpt`, else the excerpt of its body (the post's
 * excerpt_separator over the site's) rendered as the body is. NULL when
 * empty. Reads the body when it needs it. */
char *body_summary(const struct site *site, const struct post *p, struct diag_sink *diag);

/* body_render() and body_summary() from one read of the file: the HTML is
 * returned, the summary (NULL when none) put in *summary. */
char *body_render_summary(const struct site *site, const struct post *p, char **summary,
			  struct diag_sink *diag);

#endif
