/* text.c: buffers, allocation that cannot fail, and UTF-8 hygiene. */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicode/stringoptions.h>
#include <unicode/ucasemap.h>

#include "base/text.h"

ssize_t read_full(int fd, void *p, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, (char *)p + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		abort();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		abort();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		abort();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

static void buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc_slow(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

/* Formats straight into the free space when it is large enough (most calls:
 * short numbers and names), and only measures and formats again when not. */
void buf_printf(struct buf *b, const char *fmt, ...)
{
	buf_grow(b, 63);
	size_t room = b->cap - b->len;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->data + b->len, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		buf_grow(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

char *buf_take(struct buf *b)
{
	char *s = b->data ? b->data : xstrdup("");
	buf_init(b);
	return s;
}

/* Length of the sequence starting with lead byte c, 0 when c cannot start one. */
static size_t utf8_seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/* A three-byte sequence at u whose lead needs no bounds beyond the
 * continuation bytes' (E1-EC, EE, EF): CJK text, most of a Chinese post. */
static bool plain_utf8_3(const unsigned char *u)
{
	return (unsigned)(u[0] - 0xE1) <= 0xEF - 0xE1 && u[0] != 0xED &&
	       (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80;
}

size_t utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		/* Runs of ASCII, eight bytes at a time: markup and Latin text. */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, u + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		while (i < n && u[i] < 0x80)
			i++;
		while (i + 3 <= n && plain_utf8_3(u + i))
			i += 3;
		if (i >= n || u[i] < 0x80)
			continue;
		size_t k = utf8_seq_len(u[i]);
		if (k == 0 || i + k > n)
			return i;
		for (size_t j = 1; j < k; j++)
			if ((u[i + j] & 0xC0) != 0x80)
				return i;
		/* The second byte bounds rule out overlongs, surrogates and > U+10FFFF. */
		if ((u[i] == 0xE0 && u[i + 1] < 0xA0) || (u[i] == 0xED && u[i + 1] > 0x9F) ||
		    (u[i] == 0xF0 && u[i + 1] < 0x90) || (u[i] == 0xF4 && u[i + 1] > 0x8F))
			return i;
		i += k;
	}
	return n;
}

size_t utf8_decode(const char *s, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k = utf8_seq_len(u[0]);
	switch (k) {
	case 2:
		*cp = ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
		return 2;
	case 3:
		*cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
		return 3;
	case 4:
		*cp = ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) |
		      (u[3] & 0x3Fu);
		return 4;
	default:
		*cp = u[0];
		return 1;
	}
}

bool xml_char_ok(unsigned cp)
{
	if (cp < 0x20)
		return cp == 0x9 || cp == 0xA || cp == 0xD;
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return false;
	return cp != 0xFFFE && cp != 0xFFFF && cp <= 0x10FFFF;
}

/* Does the 8-byte word w hold a byte below 0x20 or an 0xEF, the only bytes
 * that start a character XML forbids in valid UTF-8? (The classic bit tricks:
 * a borrow out of a byte that is less than the bound.) */
static bool word_may_hold_forbidden(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	uint64_t ef = w ^ (ones * 0xEF);
	return (((w - ones * 0x20) & ~w) | ((ef - ones) & ~ef)) & highs;
}

/* Kept characters are copied in runs, between the (rare) dropped ones. */
char *xml_clean(const char *s, size_t n, size_t *dropped)
{
	char *d = xmalloc(n + 1);
	size_t o = 0, gone = 0, run = 0;	/* run: first byte kept but not copied yet */
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		uint64_t w;
		if (i + 8 <= n && (memcpy(&w, u + i, 8), !word_may_hold_forbidden(w))) {
			i += 8;
			continue;
		}
		/* Byte by byte through this word; a continuation byte it starts
		 * on decodes as itself, which XML allows. */
		for (size_t end = i + 8 < n ? i + 8 : n; i < end;) {
			unsigned char c = u[i];
			if (c >= 0x20 && c != 0xEF) {
				i++;
				continue;
			}
			unsigned cp;
			size_t k = utf8_decode(s + i, &cp);
			if (i + k > n)
				k = n - i;
			if (!xml_char_ok(cp)) {
				memcpy(d + o, s + run, i - run);
				o += i - run;
				run = i + k;
				gone++;
			}
			i += k;
		}
	}
	memcpy(d + o, s + run, n - run);
	o += n - run;
	d[o] = '\0';
	if (dropped)
		*dropped = gone;
	return d;
}

char *text_squeeze(char *s)
{
	static const char spaces[] = " \t\n\r\f\v";
	size_t o = 0, i = strspn(s, spaces);
	while (s[i]) {
		/* Runs of other bytes are moved whole. */
		size_t run = strcspn(s + i, spaces);
		memmove(s + o, s + i, run);
		o += run;
		i += run;
		i += strspn(s + i, spaces);
		if (s[i])
			s[o++] = ' ';
	}
	s[o] = '\0';
	return s;
}

char *text_truncate(const char *s, size_t max_chars)
{
	size_t i = 0, chars = 0;
	while (s[i] && chars < max_chars) {
		unsigned cp;
		i += utf8_decode(s + i, &cp);
		chars++;
	}
	if (!s[i])
		return xstrdup(s);
	struct buf b;
	buf_init(&b);
	buf_add(&b, s, i);
	buf_adds(&b, "\xE2\x80\xA6");
	return buf_take(&b);
}

char *lang_normalize(char *tag)
{
	for (char *c = tag; *c; c++)
		if (*c == '_')
			*c = '-';
	return tag;
}

char *utf8_scrub(char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		size_t ok = utf8_valid_prefix(s + i, n - i);
		i += ok;
		if (i < n)
			s[i++] = '?';
	}
	return s;
}

/* Ruby's String#capitalize (Liquid's capitalize filter): the first character
 * in title case, every other one in lower case, by Unicode's full mappings.
 * ICU's whole-string title casing without break adjustment is exactly that. */
char *text_capitalize(const char *s)
{
	size_t n = strlen(s);
	UErrorCode err = U_ZERO_ERROR;
	UCaseMap *cm = ucasemap_open("", U_TITLECASE_WHOLE_STRING | U_TITLECASE_NO_BREAK_ADJUSTMENT,
				     &err);
	char *out = NULL;
	if (U_SUCCESS(err) && n < (1u << 28)) {
		int32_t cap = (int32_t)(n * 3 + 16);
		out = xmalloc((size_t)cap);
		int32_t got = ucasemap_utf8ToTitle(cm, out, cap, s, (int32_t)n, &err);
		if (U_SUCCESS(err) && got < cap) {
			out[got] = '\0';
		} else {
			free(out);
			out = NULL;
		}
	}
	if (cm)
		ucasemap_close(cm);
	return out ? out : xstrdup(s);
}
