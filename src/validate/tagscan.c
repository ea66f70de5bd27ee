/* tagscan.c: counting each start tag's attributes ahead of libxml2
 * (tagscan.h says why and how). */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "validate/tagscan.h"

void tagscan_init(struct tagscan *s)
{
	memset(s, 0, sizeof *s);
	s->line = 1;
}

void tagscan_free(struct tagscan *s)
{
	if (s->enc)
		xmlCharEncCloseFunc(s->enc);
	if (s->in)
		xmlBufferFree(s->in);
	if (s->out)
		xmlBufferFree(s->out);
	tagscan_init(s);
}

/* Encodings in which '<', '>', '=', '"' and '\'' are always those ASCII
 * bytes and no other byte stands for them: the input is scanned as it is. */
static bool ascii_safe(const char *name)
{
	static const char *const exact[] = { "UTF-8", "UTF8", "US-ASCII", "ASCII", "LATIN1",
					     "ISO-LATIN-1" };
	static const char *const prefix[] = { "ISO-8859-", "ISO8859-", "ISO_8859-", "WINDOWS-125",
					      "CP125" };
	for (size_t i = 0; i < sizeof exact / sizeof *exact; i++)
		if (strcasecmp(name, exact[i]) == 0)
			return true;
	for (size_t i = 0; i < sizeof prefix / sizeof *prefix; i++)
		if (strncasecmp(name, prefix[i], strlen(prefix[i])) == 0)
			return true;
	return false;
}

static void use_decoder(struct tagscan *s, xmlCharEncodingHandlerPtr h)
{
	s->enc = h;
	s->in = xmlBufferCreate();
	s->out = xmlBufferCreate();
}

/* The first bytes: what libxml2 detects from them. UCS-4 is refused before
 * the parser starts (validate.c), so nothing needs scanning. */
static void detect(struct tagscan *s, const unsigned char *p, size_t n)
{
	s->started = true;
	if (n < 4)
		return;
	xmlCharEncoding e = xmlDetectCharEncoding(p, 4);
	switch (e) {
	case XML_CHAR_ENCODING_UTF16LE:
	case XML_CHAR_ENCODING_UTF16BE:
		use_decoder(s, xmlGetCharEncodingHandler(e));
		s->enc_fixed = true;
		break;
	case XML_CHAR_ENCODING_EBCDIC:
		/* '<', '>', '=' and the quotes are the same in every EBCDIC page. */
		use_decoder(s, xmlFindCharEncodingHandler("IBM037"));
		s->enc_fixed = true;
		break;
	case XML_CHAR_ENCODING_UCS4LE:
	case XML_CHAR_ENCODING_UCS4BE:
	case XML_CHAR_ENCODING_UCS4_2143:
	case XML_CHAR_ENCODING_UCS4_3412:
		s->inert = true;
		break;
	default:
		break;
	}
	if (s->enc_fixed && !s->enc)
		s->inert = true;	/* libxml2 cannot decode it either */
}

/* The declaration's encoding value has just ended: libxml2 decodes what
 * follows with it. Returns false when the document cannot be followed. */
static bool declared(struct tagscan *s, const char *name)
{
	s->decl_done = true;
	snprintf(s->enc_name, sizeof s->enc_name, "%s", name);
	if (s->enc_fixed) {
		/* libxml2 ignores "UTF-16" here, and would switch a UTF-16
		 * document to any other encoding from a chunk boundary of its
		 * own: such a document is refused. EBCDIC pages agree on what
		 * is scanned. */
		if (s->enc->name && strncasecmp(s->enc->name, "UTF-16", 6) == 0 &&
		    strcasecmp(name, "UTF-16") != 0 && strcasecmp(name, "UTF16") != 0 &&
		    strcasecmp(name, s->enc->name) != 0) {
			s->stop = TAGSCAN_ENCODING;
			return false;
		}
		return true;
	}
	if (ascii_safe(name))
		return true;
	xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(name);
	if (h)
		use_decoder(s, h);	/* else libxml2 refuses it too, and stops */
	return true;
}

/* At a closing quote in the declaration: was it the encoding's value? */
static bool decl_value_end(struct tagscan *s)
{
	if (s->decl_done)
		return true;
	s->decl[s->decl_len] = '\0';
	char *e = NULL;
	for (char *q = strstr(s->decl, "encoding"); q; q = strstr(q + 1, "encoding"))
		e = q;
	if (!e)
		return true;
	e += strlen("encoding");
	e += strspn(e, " \t\r\n");
	if (*e++ != '=')
		return true;
	e += strspn(e, " \t\r\n");
	if (*e != s->quote)
		return true;
	return declared(s, e + 1);
}

static void tag_start(struct tagscan *s)
{
	s->in_tag = true;
	s->in_decl = false;
	s->quote = 0;
	s->attrs = 0;
	s->tag_line = s->line;
	s->tag_col = s->col;
	s->name_len = 0;
	s->name_done = false;
	s->tags++;
}

static void name_char(struct tagscan *s, char c)
{
	if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>' || c == '=') {
		s->name_done = true;
		s->name[s->name_len] = '\0';
		s->in_decl = s->tags == 1 && strcmp(s->name, "?xml") == 0;
		s->decl_len = 0;
		return;
	}
	if (s->name_len + 1 < sizeof s->name)
		s->name[s->name_len++] = c;
}

/* Moves the position over p[0..n), which holds no '<': newlines found with
 * memchr, columns counted in characters (bytes that do not continue a
 * UTF-8 sequence) after the last one. */
static void advance(struct tagscan *s, const unsigned char *p, size_t n)
{
	const unsigned char *nl, *from = p, *end = p + n;
	while ((nl = memchr(from, '\n', (size_t)(end - from))) != NULL) {
		s->line++;
		s->col = 0;
		from = nl + 1;
	}
	unsigned long chars = 0;
	for (const unsigned char *q = from; q < end; q++)
		chars += (*q & 0xc0) != 0x80;
	s->col += chars;
}

/* Has the name so far (or, once done, the whole name) opened a comment, a
 * CDATA section or a processing instruction other than the declaration? */
static bool skip_start(struct tagscan *s)
{
	if (!s->name_done && s->name_len == 3 && memcmp(s->name, "!--", 3) == 0)
		s->skip_to = "-->";
	else if (!s->name_done && s->name_len == 8 && memcmp(s->name, "![CDATA[", 8) == 0)
		s->skip_to = "]]>";
	else if (s->name_done && s->name[0] == '?' && !s->in_decl)
		s->skip_to = "?>";
	else
		return false;
	s->name_done = true;
	s->skip_match = 0;
	return true;
}

/* One character of a skipped comment, CDATA section or instruction. The
 * terminators' first two characters are equal ("--", "]]") or it has two
 * ("?>"), so a mismatch restarts at 1, or stays at 2 on "--" "-". */
static void skip_char(struct tagscan *s, unsigned char c)
{
	const char *t = s->skip_to;
	if (c == (unsigned char)t[s->skip_match]) {
		if (t[++s->skip_match] == '\0') {
			s->skip_to = NULL;
			s->in_tag = false;
		}
	} else if (c == (unsigned char)t[0]) {
		s->skip_match = s->skip_match == 2 && t[1] == t[0] ? 2 : 1;
	} else {
		s->skip_match = 0;
	}
}

/* A quoted value of an <!ATTLIST> declaration has ended: a default (or
 * #FIXED) value, which libxml2 copies into every element it names. */
static bool attlist_value(struct tagscan *s)
{
	s->defaults++;
	s->default_bytes += s->quoted;
	if (s->defaults <= TAGSCAN_MAX_DEFAULTS && s->default_bytes <= TAGSCAN_MAX_DEFAULT_BYTES)
		return true;
	s->stop = TAGSCAN_DEFAULTS;
	return false;
}

/* One character inside a tag. Returns false when the scan stops; sets
 * *switched when a declared encoding applies from the next byte on. */
static bool tag_char(struct tagscan *s, unsigned char c, bool *switched)
{
	if (!s->name_done) {
		name_char(s, (char)c);
		if (skip_start(s))
			return true;
	}
	if (s->in_decl && s->decl_len + 1 < sizeof s->decl && !(s->quote && c == s->quote))
		s->decl[s->decl_len++] = (char)c;
	if (s->quote) {
		if (c != s->quote) {
			s->quoted++;
			return true;
		}
		if (s->name_done && strcmp(s->name, "!ATTLIST") == 0 && !attlist_value(s))
			return false;
		if (s->in_decl) {
			xmlCharEncodingHandlerPtr had = s->enc;
			if (!decl_value_end(s))
				return false;
			if (s->enc != had) {
				*switched = true;
				s->in_decl = false;
			}
		}
		s->quote = 0;
	} else if (c == '"' || c == '\'') {
		s->quote = (char)c;
		s->quoted = 0;
	} else if (c == '>') {
		s->in_tag = false;
		s->in_decl = false;
	} else if (c == '=' && ++s->attrs > TAGSCAN_MAX_ATTRIBUTES) {
		s->name[s->name_len] = '\0';
		s->stop = TAGSCAN_ATTRIBUTES;
		return false;
	}
	return true;
}

/* Scans p[0..n) as ASCII-compatible text (bytes or UTF-8): the text between
 * tags with memchr, the tags a byte at a time. *switched is set to the
 * offset after which a declared encoding applies, when one does, else n. */
static bool scan(struct tagscan *s, const unsigned char *p, size_t n, size_t *switched)
{
	size_t i = 0;
	while (i < n) {
		if (!s->in_tag) {
			const unsigned char *lt = memchr(p + i, '<', n - i);
			size_t at = lt ? (size_t)(lt - p) : n;
			advance(s, p + i, at - i);
			if (!lt)
				break;
			s->col++;
			tag_start(s);
			i = at + 1;
			continue;
		}
		unsigned char c = p[i++];
		if (c == '\n') {
			s->line++;
			s->col = 0;
		} else if ((c & 0xc0) != 0x80) {
			s->col++;
		}
		if (s->skip_to) {
			skip_char(s, c);
			continue;
		}
		if (c == '<') {
			tag_start(s);
			continue;
		}
		bool sw = false;
		if (!tag_char(s, c, &sw))
			return false;
		if (sw) {
			*switched = i;
			return true;
		}
	}
	*switched = n;
	return true;
}

/* Decodes p[0..n) with s->enc and scans the UTF-8. A byte the decoder
 * refuses stops libxml2 too: nothing after it needs scanning. */
static bool scan_decoded(struct tagscan *s, const char *p, size_t n)
{
	xmlBufferAdd(s->in, (const xmlChar *)p, (int)n);
	int r = xmlCharEncInFunc(s->enc, s->out, s->in);
	size_t at = 0;
	bool going = scan(s, xmlBufferContent(s->out), (size_t)xmlBufferLength(s->out), &at);
	xmlBufferEmpty(s->out);
	if (r == -2)
		s->inert = true;
	return going;
}

bool tagscan_feed(struct tagscan *s, const char *p, size_t n)
{
	if (s->stop != TAGSCAN_GOING)
		return false;
	if (!s->started)
		detect(s, (const unsigned char *)p, n);
	if (s->inert || n == 0)
		return true;
	if (s->enc)
		return scan_decoded(s, p, n);
	size_t at = 0;
	if (!scan(s, (const unsigned char *)p, n, &at))
		return false;
	if (at < n && s->enc)
		return scan_decoded(s, p + at, n - at);
	return true;
}
