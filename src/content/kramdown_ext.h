/* kramdown_ext.h: the parts of kramdown's syntax that no CommonMark library
 * reads — inline attribute lists ({: .note}, {:#id}, {:target="_blank"}),
 * abbreviations (*[HTML]: ...), the {::comment} and {::nomarkdown}
 * extensions, <div markdown="1">, kramdown's header ids and its typographic
 * symbols (<< and >>). markdown.c calls these around cmark-gfm.
 *
 * How it works: kd_source_prepare() rewrites the source before cmark parses
 * it. What cmark would mangle (an IAL's quotes, a nomarkdown block) is taken
 * out into a numbered item and replaced by a marker, U+FDD0 <number> U+FDD1:
 * noncharacters, which no Markdown rule touches and which the input itself
 * cannot carry (they are replaced by U+FFFD first). The renderer finds the
 * markers in text nodes and applies the items.
 *
 * Ownership: a struct kd_source owns its rewritten text, items and
 * abbreviations; kd_source_free() releases them. struct kd_attrs owns its
 * strings; kd_attrs_free() releases them. */
#ifndef FEEDGEN_KRAMDOWN_EXT_H
#define FEEDGEN_KRAMDOWN_EXT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strmap.h"
#include "base/text.h"

/* Bounds for hostile input: items and abbreviations past these are dropped
 * (their text stays in the source, as kramdown would show a broken one). */
#define KD_MAX_ITEMS 100000
#define KD_MAX_ABBRS 256
/* and attributes past these are ignored: per element, and a class's length */
#define KD_MAX_ATTRS 64
#define KD_MAX_ATTR_BYTES 4096
/* A line with more '|' than this is text, not a table row. */
#define KD_MAX_TABLE_CELLS 1000
/* More "<?" or "<![CDATA[" than this after the last "?>" or "]]>" (none of
 * which can close) are escaped, as cmark-gfm 0.29.0.gfm.6 takes quadratic
 * time over them. */
#define KD_MAX_UNCLOSED 100

enum kd_item_kind {
	KD_IAL_SPAN,	/* {: ...} right after a span: applies to that span */
	KD_IAL_BLOCK,	/* {: ...} alone on its line: the block before or after */
	KD_RAW,		/* {::nomarkdown}...{:/}: copied to the output as it is */
	KD_COMMENT,	/* {::comment}...{:/}: an HTML comment */
	KD_MATH_SPAN,	/* $$...$$ inside text: \( \) as kramdown's mathjax engine writes */
	KD_MATH_BLOCK,	/* $$...$$ as a block of its own: \[ \] */
};

struct kd_item {
	enum kd_item_kind kind;
	char *text;		/* the IAL's inside, or the extension's content */
	bool after_block;	/* block IAL: the line before it was not blank */
	bool at_margin;		/* block IAL: written at column 0 */
	bool toc;		/* IAL: refers to "toc" ({:toc}: the list is the table of contents) */
	char *written;		/* span IAL: the source as written ("{: .x}"), for when
				 * it follows plain text and kramdown keeps it as text */
};

/* An attribute list definition, {:name: .class key="v"}. */
struct kd_ald {
	char *name;
	char *attrs;
};

struct kd_abbr {
	char *word;
	char *title;
};

struct kd_source {
	char *md;		/* the rewritten source */
	size_t len;
	struct kd_item *items;
	size_t n_items, cap_items;
	struct kd_abbr *abbrs;
	size_t n_abbrs, cap_abbrs;
	struct kd_ald *alds;		/* at most KD_MAX_ABBRS */
	size_t n_alds, cap_alds;
	/* kd_source_prepare()'s own: where a search for an extension's end tag
	 * (nomarkdown/comment, inline/block) found none. */
	const char *no_end[2][2];
	unsigned raw_searches;	/* and how often it looked for an HTML end tag */
};

/* Rewrite md (n bytes of valid UTF-8) into ks->md. The text of every IAL
 * item starts with what the ALDs it refers to say (kramdown applies them
 * first), so kd_attrs_parse() of it gives all its attributes. */
void kd_source_prepare(struct kd_source *ks, const char *md, size_t n);
void kd_source_free(struct kd_source *ks);

/* md with openers that can never close written as text ("&lt;?"), when there
 * are more than KD_MAX_UNCLOSED of them: a new string of *len bytes, or NULL
 * when md needs no change. */
char *kd_defuse_unclosed(const char *md, size_t n, size_t *len);

/* When s (n bytes) starts with a marker: its item, and *len its byte length.
 * Otherwise NULL. */
const struct kd_item *kd_marker(const struct kd_source *ks, const char *s, size_t n, size_t *len);

/* Attributes in the order first given; "class" values accumulate. */
struct kd_attr {
	char *name;
	char *value;
};
struct kd_attrs {
	struct kd_attr *v;
	size_t n;
};

/* Add what an IAL's inside (".a #b key="v" key2='w'") says. */
void kd_attrs_parse(struct kd_attrs *a, const char *ial);
void kd_attrs_set(struct kd_attrs *a, const char *name, const char *value);
const char *kd_attrs_get(const struct kd_attrs *a, const char *name);
/* Each attribute as ` name="value"`, escaped, skipping those named in skip
 * (NULL-terminated, may be NULL). */
void kd_attrs_write(struct buf *out, const struct kd_attrs *a, const char *const *skip);
void kd_attrs_free(struct kd_attrs *a);

/* Header ids as kramdown-parser-gfm makes them: the header's text lower-cased,
 * all but letters, marks, digits, connector punctuation, '-', ' ' and tab
 * dropped, spaces and tabs made '-'; a repeated id gets "-1", "-2", ... */
struct kd_ids {
	struct strmap map;
	char **keys;
	unsigned *counts;
	size_t n, cap;
};
void kd_ids_init(struct kd_ids *ids);
/* A new string the caller frees. */
char *kd_header_id(struct kd_ids *ids, const char *text, size_t n);
void kd_ids_free(struct kd_ids *ids);

/* HTML-escape s into out: &, <, > (and " when attr). */
void kd_escape(struct buf *out, const char *s, size_t n, bool attr);
/* Text as kramdown writes it: escaped, "<<" and ">>" as « and », the
 * abbreviations of ks wrapped in <abbr>, markers applied (a span IAL left
 * over - after plain text, which kramdown gives none - is written as the
 * text it was; a block IAL left over is dropped; a raw, comment or math item
 * is written out). */
/* Math as kramdown's default engine (mathjax) writes it: \(x\) in a line,
 * \[x\] and a newline for a block; the TeX escaped. */
void kd_math(struct buf *out, const struct kd_item *it);
void kd_text(struct buf *out, const char *s, size_t n, const struct kd_source *ks);

#endif
