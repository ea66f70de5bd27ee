/* tagscan.h: the attributes of each start tag counted in the raw input,
 * before libxml2 parses it. libxml2 2.9.14 checks an element's attributes
 * for duplicates pairwise, so one element with 300,000 attributes costs
 * minutes; past TAGSCAN_MAX_ATTRIBUTES (no real feed comes near) the input
 * is cut before the tag reaches the parser, and the validator reports where.
 *
 * The scan reads what libxml2 reads: the bytes themselves when the document
 * is in an encoding where '<', '>', '=' and quotes are always those ASCII
 * bytes (UTF-8, ASCII, ISO-8859-x, windows-125x), else the input decoded to
 * UTF-8 by libxml2's own handler for the encoding libxml2 detects from the
 * first bytes (UTF-16, EBCDIC) or the XML declaration names (switching where
 * libxml2 switches: right after the declaration's encoding value). An '='
 * outside quotes in a tag is one attribute; a '<' starts a new tag wherever
 * it is, as it does for libxml2 (no attribute value may hold one); comments,
 * CDATA sections and processing instructions are skipped to their end.
 *
 * Ownership: a struct tagscan owns its decoder and buffers; tagscan_free()
 * releases them. */
#ifndef FEEDGEN_TAGSCAN_H
#define FEEDGEN_TAGSCAN_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/encoding.h>
#include <libxml/tree.h>

#define TAGSCAN_MAX_ATTRIBUTES 256
/* libxml2 copies each default value an <!ATTLIST> declares into every
 * element it names, and checks each against the element's attributes
 * pairwise: 100,000 defaults made a few elements take minutes. Real feeds
 * declare none; past these (in the whole internal subset) the scan stops. */
#define TAGSCAN_MAX_DEFAULTS 32
#define TAGSCAN_MAX_DEFAULT_BYTES 1024

enum tagscan_stop {
	TAGSCAN_GOING,
	TAGSCAN_ATTRIBUTES,	/* a start tag has more than TAGSCAN_MAX_ATTRIBUTES */
	TAGSCAN_ENCODING,	/* a UTF-16 document's declaration names another encoding */
	TAGSCAN_DEFAULTS,	/* <!ATTLIST> defaults past TAGSCAN_MAX_DEFAULTS or _BYTES */
};

struct tagscan {
	bool started, inert;	/* inert: past what libxml2 will read */
	xmlCharEncodingHandlerPtr enc;	/* NULL: the bytes are scanned as they are */
	bool enc_fixed;		/* detected from the first bytes: the declaration does not switch it */
	xmlBufferPtr in, out;	/* for enc */
	bool in_tag, in_decl;
	char quote;		/* the quote a value is in, or 0 */
	unsigned long tags, attrs;
	unsigned long line, col;	/* of the last character scanned */
	unsigned long tag_line, tag_col;	/* of the current tag's '<' */
	char name[64];		/* the current tag's name, cut */
	size_t name_len;
	bool name_done;
	char decl[256];		/* the XML declaration so far */
	size_t decl_len;
	bool decl_done;		/* its encoding has been seen */
	char enc_name[64];	/* what the declaration names, for messages */
	/* Comments, CDATA sections and processing instructions hold text, not
	 * attributes: skipped to their end ("-->", "]]>", "?>"). */
	const char *skip_to;
	size_t skip_match;	/* how much of skip_to has been seen */
	unsigned long defaults;	/* quoted values of <!ATTLIST> declarations */
	size_t default_bytes, quoted;
	enum tagscan_stop stop;
};

void tagscan_init(struct tagscan *s);
void tagscan_free(struct tagscan *s);

/* Scans the next n bytes of input. Returns false when the scan has stopped
 * (s->stop says why, s->tag_line, tag_col and name where): none of these n
 * bytes, nor any later ones, are to reach the parser. */
bool tagscan_feed(struct tagscan *s, const char *p, size_t n);

#endif
