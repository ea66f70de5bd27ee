/* text.h: growable byte buffers, the UTF-8 checks every string passes
 * before it may reach an XML writer, and reading bytes from a descriptor.
 *
 * Ownership: a struct buf owns its bytes; buf_free() releases them, buf_take()
 * hands them to the caller (who free()s them) and leaves the buf empty.
 * Functions returning char * return a new malloc'ed string the caller frees. */
#ifndef FEEDGEN_TEXT_H
#define FEEDGEN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct buf {
	char *data;	/* always NUL-terminated when len > 0 or after buf_init */
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
/* Append; these abort() on allocation failure, as all of feedgen does. */
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc_slow(struct buf *b, char c);
/* One byte: inline, since escaping loops call it for every byte they copy. */
static inline void buf_addc(struct buf *b, char c)
{
	if (b->len + 2 > b->cap) {
		buf_addc_slow(b, c);
		return;
	}
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *buf_take(struct buf *b);

/* Reads fd into p until n bytes or the end of input (EINTR retried). Returns
 * how many were read, or -1 with errno set. */
ssize_t read_full(int fd, void *p, size_t n);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Length of the valid UTF-8 prefix of s[0..n). Equal to n when all of it is
 * valid. Overlong forms, surrogates and code points past U+10FFFF are invalid. */
size_t utf8_valid_prefix(const char *s, size_t n);

/* Decode one code point at s (valid UTF-8 assumed); returns its byte length. */
size_t utf8_decode(const char *s, unsigned *cp);

/* True for code points XML 1.0 allows in a document (§2.2 Char). */
bool xml_char_ok(unsigned cp);

/* Copy of valid UTF-8 s[0..n) without the characters XML 1.0 forbids (C0
 * controls other than tab, newline and return; U+FFFE, U+FFFF). *dropped, if
 * not NULL, gets how many were removed. */
char *xml_clean(const char *s, size_t n, size_t *dropped);

/* s with runs of white space folded to one space and both ends trimmed, in place. */
char *text_squeeze(char *s);

/* A copy of s cut to at most max_chars characters at a character boundary,
 * with "…" appended when anything was cut. */
char *text_truncate(const char *s, size_t max_chars);

/* Replace each byte of s that is not part of valid UTF-8 with '?', in place,
 * so a message that quotes hostile input can still be printed as text or JSON. */
char *utf8_scrub(char *s);

/* A language tag as BCP 47 writes it: "zh_CN" becomes "zh-CN". In place. */
char *lang_normalize(char *tag);

/* s as Ruby's String#capitalize makes it (Liquid's `capitalize`, Jekyll's
 * titleize_slug word by word): the first character in title case, the others
 * in lower case, by Unicode's full mappings ("NEWS" and "news" give "News",
 * "ßa" "Ssa"). A new string; s as it is if ICU fails. */
char *text_capitalize(const char *s);

#endif
