/* markdown.h: Markdown as the site asks for it. Jekyll's default is kramdown
 * with GFM input; a site may set `markdown: CommonMark` instead.
 *
 * MARKDOWN_KRAMDOWN: cmark-gfm parses (GFM tables, strikethrough, task lists,
 * footnotes, smart punctuation); kramdown_ext.c adds what cmark does not read
 * (attribute lists, definition lists, abbreviations, {::comment},
 * {::nomarkdown}, markdown="1", header ids, << >>), and the HTML is written
 * the way kramdown writes it under Jekyll's defaults (highlighter-rouge code
 * blocks without colours, kramdown's footnotes, task lists and tables).
 * MARKDOWN_COMMONMARK: CommonMark with GFM tables and strikethrough, as
 * cmark-gfm writes it.
 *
 * Raw HTML passes through in both. The result is a new malloc'ed string the
 * caller frees. */
#ifndef FEEDGEN_MARKDOWN_H
#define FEEDGEN_MARKDOWN_H

#include <stddef.h>

#include "model/site.h"	/* enum markdown_mode: the site chooses */

/* Input past this is not read (a post body is smaller: body.c reads at most
 * 64 MiB). feedgen's own passes are linear and walk the tree without
 * recursion, so nesting depth costs no stack. */
#define MARKDOWN_MAX_BYTES (64u << 20)

/* The mode a `markdown:` value of _config.yml names ("kramdown",
 * "CommonMark", any case); -1 for one feedgen does not have. */
int markdown_mode_from_name(const char *name);

/* Only the valid UTF-8 prefix of md (n bytes) is read. */
char *markdown_to_html(const char *md, size_t n, enum markdown_mode mode);

/* The version of the Markdown library, for --version. */
const char *markdown_library_version(void);

#endif
