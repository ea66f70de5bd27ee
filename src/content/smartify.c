/* smartify.c: kramdown's SmartyPants span parsers on plain text (smartify.h).
 *
 * kramdown scans for the leftmost place where a span parser's start pattern
 * matches (smart quotes: `[^\\]?["']`, a quote with the character before it;
 * typographic symbols: `--`, `...`, `<<`, `>>`), copies the text before it,
 * and there tries the parsers in order; the smart-quote parser tries its
 * SQ_RULES in order, anchored. This file follows that loop and those rules;
 * Ruby's \w, \s and \d are ASCII, as in kramdown's regular expressions. */
#include <config.h>

#include <stdbool.h>
#include <string.h>

#include "base/text.h"
#include "content/smartify.h"

#define LSQUO "\xE2\x80\x98"
#define RSQUO "\xE2\x80\x99"
#define LDQUO "\xE2\x80\x9C"
#define RDQUO "\xE2\x80\x9D"
#define NBSP "\xC2\xA0"

static bool is_quote(char c)
{
	return c == '"' || c == '\'';
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static bool is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* SQ_PUNCT */
static bool is_sq_punct(char c)
{
	return c && strchr("!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~", c) != NULL;
}

/* SQ_CLOSE: any character but space, backslash, tab, CR, LF, [ { ( - */
static bool is_sq_close(char c)
{
	return c && !strchr(" \\\t\r\n[{(-", c);
}

/* Bytes of the UTF-8 character at s[i] (1 for a stray byte). */
static size_t char_len(const char *s, size_t i, size_t n)
{
	size_t k = 1;
	while (i + k < n && ((unsigned char)s[i + k] & 0xC0) == 0x80)
		k++;
	return k;
}

static char at(const char *s, size_t i, size_t n)
{
	return i < n ? s[i] : '\0';
}

/* Does the smart-quote start pattern `[^\\]?["']` match at i? */
static bool quote_start(const char *s, size_t i, size_t n)
{
	if (is_quote(s[i]))
		return true;
	size_t k = char_len(s, i, n);
	return s[i] != '\\' && is_quote(at(s, i + k, n));
}

/* The typographic symbol at i: its length in *len and its text, or NULL. */
static const char *typo_at(const char *s, size_t i, size_t n, size_t *len)
{
	static const struct { const char *from, *to; } syms[] = {
		{"---", "\xE2\x80\x94"}, {"--", "\xE2\x80\x93"}, {"...", "\xE2\x80\xA6"},
		{"\\<<", "<<"}, {"\\>>", ">>"}, {"<< ", "\xC2\xAB" NBSP}, {" >>", NBSP "\xC2\xBB"},
		{"<<", "\xC2\xAB"}, {">>", "\xC2\xBB"},
	};
	for (size_t k = 0; k < sizeof syms / sizeof syms[0]; k++) {
		size_t m = strlen(syms[k].from);
		if (m <= n - i && memcmp(s + i, syms[k].from, m) == 0) {
			*len = m;
			return syms[k].to;
		}
	}
	return NULL;
}

static const char *left(char q)
{
	return q == '"' ? LDQUO : LSQUO;
}

static const char *right(char q)
{
	return q == '"' ? RDQUO : RSQUO;
}

/* SQ_RULES at i; returns the bytes taken. */
static size_t smart_quote(const char *s, size_t i, size_t n, struct buf *out)
{
	char c = s[i], c1 = at(s, i + 1, n), c2 = at(s, i + 2, n), c3 = at(s, i + 3, n);
	/* 1: ("|')(?=[_*]{1,2}\S) */
	if (is_quote(c) && (c1 == '_' || c1 == '*') && c2 && !is_space(c2)) {
		buf_adds(out, left(c));
		return 1;
	}
	/* 2: ("|')(?=PUNCT(?!\.\.)\B) */
	if (is_quote(c) && is_sq_punct(c1) && !(c2 == '.' && c3 == '.') && !is_word(c2)) {
		buf_adds(out, right(c));
		return 1;
	}
	/* 3, 4, 5: (\s?)"'(?=\w), (\s?)'"(?=\w), (\s?)'(?=\d\ds) */
	size_t sp = is_space(c) ? 1 : 0;
	for (size_t w = sp + 1; w-- > 0;) {
		char a = at(s, i + w, n), b = at(s, i + w + 1, n), d = at(s, i + w + 2, n);
		if ((a == '"' && b == '\'') || (a == '\'' && b == '"')) {
			if (is_word(d)) {
				buf_add(out, s + i, w);
				buf_adds(out, left(a));
				buf_adds(out, left(b));
				return w + 2;
			}
		}
	}
	for (size_t w = sp + 1; w-- > 0;) {
		if (at(s, i + w, n) == '\'' && is_digit(at(s, i + w + 1, n)) &&
		    is_digit(at(s, i + w + 2, n)) && at(s, i + w + 3, n) == 's') {
			buf_add(out, s + i, w);
			buf_adds(out, RSQUO);
			return w + 1;
		}
	}
	/* 6: (\s)('|")(?=\w) */
	if (sp && is_quote(c1) && is_word(c2)) {
		buf_addc(out, c);
		buf_adds(out, left(c1));
		return 2;
	}
	/* 7: (SQ_CLOSE)('|"), the first a whole character */
	size_t k = char_len(s, i, n);
	if (is_sq_close(c) && is_quote(at(s, i + k, n))) {
		buf_add(out, s + i, k);
		buf_adds(out, right(s[i + k]));
		return k + 1;
	}
	/* 8: ("|')(?=\s|s\b|$) */
	if (is_quote(c) && (!c1 || is_space(c1) || (c1 == 's' && !is_word(c2)))) {
		buf_adds(out, right(c));
		return 1;
	}
	/* 9, 10: (.?)' and (.?)" — the character before the quote kept */
	if (is_quote(at(s, i + k, n))) {
		buf_add(out, s + i, k);
		buf_adds(out, left(s[i + k]));
		return k + 1;
	}
	buf_adds(out, left(c));
	return 1;
}

char *smartify(const char *text)
{
	size_t n = strlen(text);
	struct buf out;
	buf_init(&out);
	buf_adds(&out, "");
	size_t i = 0;
	while (i < n) {
		size_t len = 0;
		if (quote_start(text, i, n)) {
			i += smart_quote(text, i, n, &out);
			continue;
		}
		const char *sym = typo_at(text, i, n, &len);
		if (sym) {
			buf_adds(&out, sym);
			i += len;
			continue;
		}
		size_t k = char_len(text, i, n);
		buf_add(&out, text + i, k);
		i += k;
	}
	return buf_take(&out);
}
