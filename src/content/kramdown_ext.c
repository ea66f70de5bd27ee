/* kramdown_ext.c: kramdown's syntax beyond CommonMark, as a rewrite of the
 * source before cmark-gfm parses it and as helpers its renderer calls. The
 * rules follow kramdown 2.4's syntax page and its parser (lib/kramdown/parser/
 * kramdown/{ial,abbreviation,extensions}.rb) and kramdown-parser-gfm 1.1's
 * header ids; the layout of markers is in kramdown_ext.h. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "content/kramdown_ext.h"

#define MARK_OPEN "\xEF\xB7\x90"	/* U+FDD0 */
#define MARK_CLOSE "\xEF\xB7\x91"	/* U+FDD1 */
#define MARK_LEN 3

/* ---- the source rewrite ---- */

static size_t add_item(struct kd_source *ks, enum kd_item_kind kind, const char *text, size_t n)
{
	if (ks->n_items == ks->cap_items) {
		ks->cap_items = ks->cap_items ? ks->cap_items * 2 : 16;
		ks->items = xrealloc(ks->items, ks->cap_items * sizeof *ks->items);
	}
	struct kd_item *it = &ks->items[ks->n_items];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->text = xstrndup(text, n);
	return ks->n_items++;
}

static void put_marker(struct buf *out, size_t idx)
{
	buf_printf(out, MARK_OPEN "%zu" MARK_CLOSE, idx);
}

/* The end of the line starting at s (its '\n' or the end of input). */
static size_t line_len(const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);
	return nl ? (size_t)(nl - s) : n;
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]))
			return false;
	return true;
}

static size_t indent_of(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* A fence opener (``` or ~~~, 3 or more, after at most 3 spaces): its char
 * and length, else 0. */
static size_t fence_of(const char *s, size_t n, char *ch)
{
	size_t i = indent_of(s, n);
	if (i > 3 || i >= n || (s[i] != '`' && s[i] != '~'))
		return 0;
	size_t k = i;
	while (k < n && s[k] == s[i])
		k++;
	if (k - i < 3)
		return 0;
	*ch = s[i];
	return k - i;
}

/* "{:name: ...}" alone on a line: an attribute list definition. */
static bool ald_line(const char *s, size_t n)
{
	if (n < 4 || s[0] != '{' || s[1] != ':' || !isalnum((unsigned char)s[2]))
		return false;
	size_t i = 2;
	while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '_'))
		i++;
	if (i >= n || s[i] != ':')
		return false;
	size_t e = n;
	while (e > i && isspace((unsigned char)s[e - 1]))
		e--;
	return s[e - 1] == '}';
}

/* "{:...}" (not "{::") at s: the length up to and with '}' on this line, or 0. */
static size_t ial_at(const char *s, size_t n)
{
	if (n < 3 || s[0] != '{' || s[1] != ':' || s[2] == ':' || ald_line(s, line_len(s, n)))
		return 0;
	for (size_t i = 2; i < n; i++) {
		if (s[i] == '}')
			return i + 1;
		if (s[i] == '\n' || s[i] == '{')
			return 0;
	}
	return 0;
}

/* "{::name ...}" at s: name's length (and where the tag ends, *tag, and
 * whether it closes itself, *self), or 0. */
static size_t ext_at(const char *s, size_t n, size_t *tag, bool *self)
{
	if (n < 4 || strncmp(s, "{::", 3) != 0)
		return 0;
	size_t i = 3;
	while (i < n && isalpha((unsigned char)s[i]))
		i++;
	size_t name = i - 3;
	if (!name)
		return 0;
	while (i < n && s[i] != '}' && s[i] != '\n')
		i++;
	if (i >= n || s[i] != '}')
		return 0;
	*self = s[i - 1] == '/';
	*tag = i + 1;
	return name;
}

/* After a newline and spaces only? */
static bool starts_line(const char *s, const char *p)
{
	while (p > s && (p[-1] == ' ' || p[-1] == '\t'))
		p--;
	return p > s && p[-1] == '\n';
}

/* The end tag "{:/name}" or "{:/}" at or after s: its offset and length. A
 * block extension ends only at a line that starts with its end tag. */
static bool ext_end(const char *s, size_t n, const char *name, size_t name_len, bool block,
		    size_t *at, size_t *len)
{
	for (const char *p = s; (p = memchr(p, '{', n - (size_t)(p - s))) != NULL; p++) {
		size_t left = n - (size_t)(p - s);
		if (block && !starts_line(s, p))
			continue;
		if (left >= 4 && memcmp(p, "{:/}", 4) == 0) {
			*at = (size_t)(p - s);
			*len = 4;
			return true;
		}
		if (left >= name_len + 4 && memcmp(p, "{:/", 3) == 0 &&
		    memcmp(p + 3, name, name_len) == 0 && p[3 + name_len] == '}') {
			*at = (size_t)(p - s);
			*len = name_len + 4;
			return true;
		}
	}
	return false;
}

static enum kd_item_kind ext_kind(const char *name, size_t n, bool *known)
{
	*known = true;
	if (n == 7 && memcmp(name, "comment", 7) == 0)
		return KD_COMMENT;
	if (n == 10 && memcmp(name, "nomarkdown", 10) == 0)
		return KD_RAW;
	*known = false;
	return KD_RAW;
}

/* An extension at s (inside a line or at its start). Returns the bytes it
 * takes from s, 0 when it is not one; writes its marker (or nothing). */
static size_t take_ext(struct kd_source *ks, struct buf *out, const char *s, size_t n,
		       bool line_start)
{
	size_t tag;
	bool self;
	size_t name = ext_at(s, n, &tag, &self);
	if (!name)
		return 0;
	bool known;
	enum kd_item_kind kind = ext_kind(s + 3, name, &known);
	if (self)
		return tag;	/* {::comment /}, {::options ... /}: nothing to show */
	if (!known)
		return 0;	/* an extension feedgen does not have stays text */
	/* A search that failed from p fails from any later point too: remembered,
	 * so unclosed extensions cost one search each, not one per start tag. */
	const char **no_end = &ks->no_end[kind == KD_COMMENT][line_start];
	size_t at, len;
	if ((*no_end && s + tag >= *no_end) ||
	    !ext_end(s + tag, n - tag, s + 3, name, line_start, &at, &len)) {
		if (!*no_end || s + tag < *no_end)
			*no_end = s + tag;
		return 0;
	}
	size_t end = tag + at + len;
	/* {::nomarkdown type="latex"}: for another converter, not HTML */
	char *open = xstrndup(s, tag);
	if (strstr(open, "type=") && !strstr(open, "html"))
		known = false;
	free(open);
	if (!known || ks->n_items >= KD_MAX_ITEMS)
		return end;	/* an extension feedgen does not have: left out */
	const char *body = s + tag;
	size_t blen = at;
	if (line_start) {	/* a block: the newlines around its content are not its own */
		while (blen && (*body == '\n' || *body == ' ' || *body == '\t')) {
			body++;
			blen--;
		}
		while (blen && isspace((unsigned char)body[blen - 1]))
			blen--;
	}
	size_t idx = add_item(ks, kind, body, blen);
	if (line_start)
		buf_adds(out, "\n");
	put_marker(out, idx);
	if (line_start)
		buf_adds(out, "\n\n");
	return end;
}

/* "*[word]: title" */
static bool take_abbr(struct kd_source *ks, const char *s, size_t n)
{
	size_t i = indent_of(s, n);
	if (i > 3 || n - i < 4 || s[i] != '*' || s[i + 1] != '[')
		return false;
	const char *close = memchr(s + i + 2, ']', n - i - 2);
	if (!close || close + 1 >= s + n || close[1] != ':' || close == s + i + 2)
		return false;
	if (ks->n_abbrs >= KD_MAX_ABBRS)
		return true;
	const char *t = close + 2;
	size_t tn = n - (size_t)(t - s);
	while (tn && isspace((unsigned char)*t)) {
		t++;
		tn--;
	}
	while (tn && isspace((unsigned char)t[tn - 1]))
		tn--;
	const char *w = s + i + 2;
	size_t wn = (size_t)(close - w);
	for (size_t k = 0; k < ks->n_abbrs; k++)	/* a later definition wins */
		if (strlen(ks->abbrs[k].word) == wn && memcmp(ks->abbrs[k].word, w, wn) == 0) {
			free(ks->abbrs[k].title);
			ks->abbrs[k].title = xstrndup(t, tn);
			return true;
		}
	if (ks->n_abbrs == ks->cap_abbrs) {
		ks->cap_abbrs = ks->cap_abbrs ? ks->cap_abbrs * 2 : 8;
		ks->abbrs = xrealloc(ks->abbrs, ks->cap_abbrs * sizeof *ks->abbrs);
	}
	ks->abbrs[ks->n_abbrs].word = xstrndup(w, wn);
	ks->abbrs[ks->n_abbrs].title = xstrndup(t, tn);
	ks->n_abbrs++;
	return true;
}

/* An opening tag alone on its line with markdown="1" (or "block"): the line
 * without that attribute, and the tag's name. kramdown parses such an
 * element's content as Markdown; blank lines around it make cmark do so. */
static bool markdown_attr_line(const char *s, size_t n, struct buf *line, char *name, size_t cap)
{
	size_t i = indent_of(s, n);
	if (i + 1 >= n || s[i] != '<' || !isalpha((unsigned char)s[i + 1]))
		return false;
	size_t k = i + 1;
	while (k < n && isalnum((unsigned char)s[k]))
		k++;
	if (k - i - 1 >= cap)
		return false;
	size_t e = n;
	while (e > k && isspace((unsigned char)s[e - 1]))
		e--;
	if (e == k || s[e - 1] != '>')
		return false;
	static const char *const forms[] = {" markdown=\"1\"", " markdown='1'", " markdown=\"block\"",
		" markdown=1", NULL};
	/* One pass for " markdown=", then the forms only where it is. */
	for (size_t p = k; p + 10 <= e; p++) {
		const char *m = memchr(s + p, ' ', e - p);
		if (!m)
			break;
		p = (size_t)(m - s);
		if (e - p < 10 || memcmp(s + p, " markdown=", 10) != 0)
			continue;
		for (const char *const *f = forms; *f; f++) {
			size_t fl = strlen(*f);
			if (p + fl <= e && memcmp(s + p, *f, fl) == 0) {
				memcpy(name, s + i + 1, k - i - 1);
				name[k - i - 1] = '\0';
				buf_add(line, s, p);
				buf_add(line, s + p + fl, e - p - fl);
				return true;
			}
		}
	}
	return false;
}

static bool closes(const char *s, size_t n, const char *name)
{
	size_t i = indent_of(s, n);
	size_t nl = strlen(name);
	if (n - i < nl + 3 || s[i] != '<' || s[i + 1] != '/' || strncasecmp(s + i + 2, name, nl) != 0 ||
	    s[i + 2 + nl] != '>')
		return false;
	return blank(s + i + 3 + nl, n - i - 3 - nl);
}

/* HTML container elements whose content kramdown keeps raw up to the end
 * tag, blank lines and all (parse_block_html is off under Jekyll), where
 * CommonMark ends an HTML block at the first blank line. */
static const char *const raw_blocks[] = {"article", "aside", "blockquote", "center", "details",
	"div", "dl", "fieldset", "figure", "footer", "form", "header", "main", "nav", "ol",
	"section", "table", "ul", NULL};
#define RAW_SEARCH_BYTES (64u << 10)	/* how far an end tag is looked for */
#define RAW_SEARCHES 1000		/* and how many times a document */

/* "<name" or "</name" (any case) at s, followed by a delimiter. */
static bool tag_at(const char *s, size_t n, const char *name, bool *close)
{
	size_t i = 1, nl = strlen(name);
	*close = n > 1 && s[1] == '/';
	if (*close)
		i++;
	if (n < i + nl + 1 || strncasecmp(s + i, name, nl) != 0)
		return false;
	char d = s[i + nl];
	return d == '>' || d == ' ' || d == '\t' || d == '\n' || d == '/' || d == '\r';
}

/* A line that opens one of raw_blocks: the offset just past the line with its
 * matching end tag, or 0. */
static size_t raw_block_end(struct kd_source *ks, const char *s, size_t n)
{
	size_t ind = indent_of(s, n);
	if (ind > 3 || ind >= n || s[ind] != '<' || ks->raw_searches >= RAW_SEARCHES)
		return 0;
	const char *name = NULL;
	bool close;
	for (const char *const *t = raw_blocks; *t && !name; t++)
		if (tag_at(s + ind, n - ind, *t, &close) && !close)
			name = *t;
	if (!name)
		return 0;
	ks->raw_searches++;
	size_t lim = n < RAW_SEARCH_BYTES ? n : RAW_SEARCH_BYTES;
	int depth = 0;
	for (size_t i = ind; i < lim; i++) {
		if (s[i] != '<' || !tag_at(s + i, lim - i, name, &close))
			continue;
		depth += close ? -1 : 1;
		if (depth == 0) {
			size_t e = i + line_len(s + i, n - i);
			return e < n ? e + 1 : e;
		}
	}
	return 0;
}

static bool too_many_pipes(const char *s, size_t n)
{
	size_t count = 0;
	for (const char *p = s; (p = memchr(p, '|', n - (size_t)(p - s))) != NULL; p++)
		if (++count > KD_MAX_TABLE_CELLS)
			return true;
	return false;
}

/* ---- attribute list definitions, references, math ---- */

/* {:name: attrs} (ald_line() said it is one): kept by name; a name given
 * again adds to what it had, as kramdown merges them. */
static void take_ald(struct kd_source *ks, const char *s, size_t n)
{
	size_t i = 2;
	while (i < n && s[i] != ':')
		i++;
	size_t e = n;
	while (e > i && s[e - 1] != '}')
		e--;
	char *name = xstrndup(s + 2, i - 2);
	char *attrs = xstrndup(s + i + 1, e > i + 1 ? e - 1 - (i + 1) : 0);
	for (size_t k = 0; k < ks->n_alds; k++)
		if (!strcmp(ks->alds[k].name, name)) {
			char *both = xmalloc(strlen(ks->alds[k].attrs) + strlen(attrs) + 2);
			sprintf(both, "%s %s", ks->alds[k].attrs, attrs);
			free(ks->alds[k].attrs);
			ks->alds[k].attrs = both;
			free(name);
			free(attrs);
			return;
		}
	if (ks->n_alds >= KD_MAX_ABBRS) {
		free(name);
		free(attrs);
		return;
	}
	if (ks->n_alds == ks->cap_alds) {
		ks->cap_alds = ks->cap_alds ? ks->cap_alds * 2 : 8;
		ks->alds = xrealloc(ks->alds, ks->cap_alds * sizeof *ks->alds);
	}
	ks->alds[ks->n_alds++] = (struct kd_ald){name, attrs};
}

/* Calls fn for each bare word of an IAL's inside (what kd_attrs_parse()
 * passes over: kramdown's references to ALDs). */
static void each_ref(const char *s, void (*fn)(void *, const char *, size_t), void *arg)
{
	size_t i = 0, n = strlen(s);
	while (i < n) {
		if (isspace((unsigned char)s[i])) {
			i++;
			continue;
		}
		size_t k = i + (s[i] == '.' || s[i] == '#');
		size_t w = k;
		while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '-' || s[k] == '_' || s[k] == ':'))
			k++;
		if (k < n && s[k] == '=' && k + 1 < n && (s[k + 1] == '"' || s[k + 1] == '\'')) {
			const char *end = strchr(s + k + 2, s[k + 1]);
			i = end ? (size_t)(end - s) + 1 : n;
			continue;
		}
		if (w == i && k > i)
			fn(arg, s + i, k - i);
		i = k > i ? k : i + 1;
	}
}

struct expand {
	const struct kd_source *ks;
	struct buf *out;
	unsigned depth;
	bool toc;
};

static void expand_ref(void *arg, const char *word, size_t n)
{
	struct expand *x = arg;
	if (x->depth == 0 && n == 3 && !memcmp(word, "toc", 3))
		x->toc = true;
	if (x->depth >= 4)
		return;	/* ALDs that refer to each other in a circle */
	for (size_t k = 0; k < x->ks->n_alds; k++) {
		const struct kd_ald *a = &x->ks->alds[k];
		if (strlen(a->name) != n || memcmp(a->name, word, n) != 0)
			continue;
		x->depth++;
		each_ref(a->attrs, expand_ref, x);
		x->depth--;
		buf_addc(x->out, ' ');
		buf_adds(x->out, a->attrs);
	}
}

/* Every IAL item's text with what its references say first; "toc" noted. */
static void resolve_refs(struct kd_source *ks)
{
	for (size_t i = 0; i < ks->n_items; i++) {
		struct kd_item *it = &ks->items[i];
		if (it->kind != KD_IAL_SPAN && it->kind != KD_IAL_BLOCK)
			continue;
		struct buf b;
		buf_init(&b);
		buf_adds(&b, "");
		struct expand x = {ks, &b, 0, false};
		each_ref(it->text, expand_ref, &x);
		it->toc = x.toc;
		if (b.len) {
			buf_addc(&b, ' ');
			buf_adds(&b, it->text);
			free(it->text);
			it->text = buf_take(&b);
		} else {
			buf_free(&b);
		}
	}
}

/* kramdown's INLINE_MATH_START, on one line: "$$...$$", its length or 0. */
static size_t span_math_at(const char *s, size_t n)
{
	for (size_t i = 2; i + 1 < n; i++)
		if (s[i] == '$' && s[i + 1] == '$')
			return i + 2;
	return 0;
}

/* A math block: "$$" at s (after a block boundary), its closing "$$"
 * (lines may lie between), then only blanks up to the line's end and a blank
 * line or the end after it (kramdown's before_block_boundary?). The length
 * up to and with the closing "$$", or 0. */
static size_t block_math_at(const char *s, size_t n)
{
	if (n < 4 || s[0] != '$' || s[1] != '$')
		return 0;
	const char *close = NULL;
	for (size_t i = 2; i + 1 < n; i++)
		if (s[i] == '$' && s[i + 1] == '$') {
			close = s + i;
			break;
		}
	if (!close)
		return 0;
	size_t len = (size_t)(close - s) + 2;
	size_t rest = line_len(s + len, n - len);
	if (!blank(s + len, rest))
		return 0;
	size_t after = len + rest + (len + rest < n);
	if (after >= n)
		return len;
	/* kramdown's BLOCK_BOUNDARY: a blank line, "^", a block IAL, the end */
	const char *t = s + after;
	size_t tl = line_len(t, n - after);
	if (blank(t, tl) || (t[0] == '^' && blank(t + 1, tl - 1)) || (tl > 2 && t[0] == '{' && t[1] == ':'))
		return len;
	return 0;
}

/* The math's text: stripped of white space at both ends, as kramdown does. */
static void set_math_text(struct kd_item *it, const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	free(it->text);
	it->text = xstrndup(s, n);
}

/* One line of text (not a fence, not a whole-line construct): span IALs and
 * extensions become markers, code spans are copied as they are. */
static void copy_text_line(struct kd_source *ks, struct buf *out, const char *s, size_t n,
			   bool math)
{
	size_t i = 0;
	while (i < n) {
		/* text that is neither code nor "{:": copied at once */
		const char *tick = memchr(s + i, '`', n - i), *brace = memchr(s + i, '{', n - i);
		const char *stop = !tick ? brace : !brace ? tick : tick < brace ? tick : brace;
		const char *dollar = math ? memchr(s + i, '$', (size_t)((stop ? stop : s + n) - (s + i)))
					  : NULL;
		if (dollar)
			stop = dollar;
		size_t plain = stop ? (size_t)(stop - (s + i)) : n - i;
		if (plain) {
			buf_add(out, s + i, plain);
			i += plain;
			continue;
		}
		if (s[i] == '`') {
			size_t run = 0;
			while (i + run < n && s[i + run] == '`')
				run++;
			size_t k = i + run, end = n;
			while (k < n) {	/* the closing run of the same length */
				if (s[k] != '`') {
					k++;
					continue;
				}
				size_t r = 0;
				while (k + r < n && s[k + r] == '`')
					r++;
				if (r == run) {
					end = k + r;
					break;
				}
				k += r;
			}
			if (k >= n)
				end = i + run;
			buf_add(out, s + i, end - i);
			i = end;
			continue;
		}
		if (s[i] == '$') {
			size_t len = i + 1 < n && s[i + 1] == '$' ? span_math_at(s + i, n - i) : 0;
			/* "\$" is a dollar; but "\$$x$$" starting a line is math
			 * without the backslash (kramdown's block math start takes
			 * it, then the paragraph reads the math) */
			bool escaped = i > 0 && s[i - 1] == '\\';
			if (escaped && blank(s, i - 1) && out->len && out->data[out->len - 1] == '\\') {
				out->data[--out->len] = '\0';
				escaped = false;
			}
			if (len && !escaped && ks->n_items < KD_MAX_ITEMS) {
				size_t idx = add_item(ks, KD_MATH_SPAN, s + i + 2, 0);
				set_math_text(&ks->items[idx], s + i + 2, len - 4);
				put_marker(out, idx);
				i += len;
				continue;
			}
			buf_addc(out, s[i++]);
			continue;
		}
		if (s[i] == '{' && i + 1 < n && s[i + 1] == ':' && i > 0 && s[i - 1] == '\\') {
			/* \{: is the text "{:" (cmark drops the backslash) */
			buf_addc(out, s[i++]);
			continue;
		}
		if (s[i] == '{' && i + 1 < n && s[i + 1] == ':') {
			size_t len = ial_at(s + i, n - i);
			if (len && ks->n_items < KD_MAX_ITEMS) {
				size_t idx = add_item(ks, KD_IAL_SPAN, s + i + 2, len - 3);
				ks->items[idx].written = xstrndup(s + i, len);
				put_marker(out, idx);
				i += len;
				continue;
			}
			len = take_ext(ks, out, s + i, n - i, false);
			if (len) {
				i += len;
				continue;
			}
		}
		buf_addc(out, s[i++]);
	}
}

/* Noncharacters U+FDD0 and U+FDD1 already in the input must not read as
 * markers: a copy with U+FFFD in their place, or NULL when there are none. */
static char *scrub(const char *md, size_t n)
{
	char *copy = NULL;
	for (const char *p = md; (p = memchr(p, 0xEF, n - (size_t)(p - md))) != NULL; p++) {
		size_t i = (size_t)(p - md);
		if (i + 2 < n && (unsigned char)md[i + 1] == 0xB7 &&
		    ((unsigned char)md[i + 2] == 0x90 || (unsigned char)md[i + 2] == 0x91)) {
			if (!copy)
				copy = xstrndup(md, n);
			memcpy(copy + i, "\xEF\xBF\xBD", 3);
		}
	}
	return copy;
}

void kd_source_prepare(struct kd_source *ks, const char *src, size_t n)
{
	memset(ks, 0, sizeof *ks);
	char *scrubbed = scrub(src, n);
	const char *md = scrubbed ? scrubbed : src;
	struct buf out;
	buf_init(&out);
	buf_adds(&out, "");
	char fence_ch = 0;
	size_t fence_len = 0;
	bool prev_blank = true, prev_ial = false;
	char open_tags[8][16];
	size_t n_open = 0;
	size_t pos = 0;
	while (pos < n) {
		const char *s = md + pos;
		size_t len = line_len(s, n - pos);
		size_t next = pos + len + (pos + len < n);
		bool is_blank = blank(s, len);
		bool after_ial = prev_ial;
		prev_ial = false;
		char ch;
		size_t fl;
		if (fence_len) {	/* inside a fenced code block: copied as it is */
			buf_add(&out, s, next - pos);
			if ((fl = fence_of(s, len, &ch)) >= fence_len && ch == fence_ch &&
			    blank(s + indent_of(s, len) + fl, len - indent_of(s, len) - fl))
				fence_len = 0;
			pos = next;
			prev_blank = false;
			continue;
		}
		if ((fl = fence_of(s, len, &ch)) != 0) {
			fence_ch = ch;
			fence_len = fl;
			buf_add(&out, s, next - pos);
			pos = next;
			prev_blank = false;
			continue;
		}
		size_t ind = indent_of(s, len);
		size_t ial = ial_at(s + ind, len - ind);
		if (ial && blank(s + ind + ial, len - ind - ial) && ind < 4 &&
		    ks->n_items < KD_MAX_ITEMS) {
			size_t idx = add_item(ks, KD_IAL_BLOCK, s + ind + 2, ial - 3);
			ks->items[idx].after_block = !prev_blank;
			ks->items[idx].at_margin = ind == 0;
			put_marker(&out, idx);
			buf_addc(&out, '\n');
			pos = next;
			prev_blank = false;
			prev_ial = true;
			continue;
		}
		if (len >= 1 && s[0] == '^' && blank(s + 1, len - 1)) {
			buf_addc(&out, '\n');	/* kramdown's end-of-block marker */
			pos = next;
			prev_blank = true;
			continue;
		}
		if (ald_line(s + ind, len - ind) && ind < 4) {
			take_ald(ks, s + ind, len - ind);	/* {:name: .x} */
			pos = next;
			continue;
		}
		size_t math = ind < 4 && (prev_blank || after_ial) ?
			      block_math_at(md + pos + ind, n - pos - ind) : 0;
		if (math && ks->n_items < KD_MAX_ITEMS) {
			const char *m = md + pos + ind;
			size_t idx = add_item(ks, KD_MATH_BLOCK, m + 2, 0);
			set_math_text(&ks->items[idx], m + 2, math - 4);
			put_marker(&out, idx);
			buf_addc(&out, '\n');
			pos += ind + math;
			pos += line_len(md + pos, n - pos);	/* blank up to the line's end */
			pos += pos < n;
			prev_blank = false;
			continue;
		}
		if (take_abbr(ks, s, len)) {
			pos = next;
			continue;
		}
		if (ind < 4 && len - ind >= 3 && memcmp(s + ind, "{::", 3) == 0) {
			size_t took = take_ext(ks, &out, s + ind, n - pos - ind, true);
			if (took) {
				size_t end = pos + ind + took;
				size_t rest = line_len(md + end, n - end);
				if (blank(md + end, rest)) {
					pos = end + rest + (end + rest < n);
					prev_blank = true;
					continue;
				}
				pos = end;	/* more text after the end tag: read on from there */
				prev_blank = false;
				continue;
			}
		}
		struct buf line;
		buf_init(&line);
		char name[16];
		if (n_open < 8 && markdown_attr_line(s, len, &line, name, sizeof name)) {
			buf_add(&out, line.data, line.len);
			buf_adds(&out, "\n\n");
			strcpy(open_tags[n_open++], name);
			buf_free(&line);
			pos = next;
			prev_blank = true;
			continue;
		}
		buf_free(&line);
		size_t raw = raw_block_end(ks, s, n - pos);
		if (raw) {	/* copied without its blank lines: one HTML block */
			for (size_t k = 0; k < raw;) {
				size_t l = line_len(s + k, raw - k);
				size_t nx = k + l + (k + l < raw);
				if (!blank(s + k, l))
					buf_add(&out, s + k, nx - k);
				k = nx;
			}
			if (out.len && out.data[out.len - 1] != '\n')
				buf_addc(&out, '\n');
			pos += raw;
			prev_blank = false;
			continue;
		}
		if (n_open && closes(s, len, open_tags[n_open - 1])) {
			n_open--;
			buf_adds(&out, "\n");
			buf_add(&out, s, next - pos);
			buf_adds(&out, "\n");
			pos = next;
			prev_blank = true;
			continue;
		}
		if (too_many_pipes(s, len)) {
			/* cmark-gfm 0.29.0.gfm.6 takes quadratic time over a table row
			 * of thousands of cells; as entities they are plain text. */
			for (size_t k = 0; k < len; k++)
				if (s[k] == '|')
					buf_adds(&out, "&#124;");
				else
					buf_addc(&out, s[k]);
		} else {
			copy_text_line(ks, &out, s, len, ind < 4);
		}
		if (next > pos + len)
			buf_addc(&out, '\n');
		pos = next;
		prev_blank = is_blank;
	}
	free(scrubbed);
	ks->len = out.len;
	ks->md = buf_take(&out);
	resolve_refs(ks);
}

/* The start of the first occurrence of pat in s, or NULL. */
static const char *first_of(const char *s, size_t n, const char *pat)
{
	size_t pl = strlen(pat);
	for (const char *p = s; n - (size_t)(p - s) >= pl && (p = memchr(p, pat[0], n - (size_t)(p - s) - pl + 1));
	     p++)
		if (memcmp(p, pat, pl) == 0)
			return p;
	return NULL;
}

/* The start of the last occurrence of pat in s, or NULL. */
static const char *last_of(const char *s, size_t n, const char *pat)
{
	const char *last = NULL, *p = s;
	size_t pl = strlen(pat);
	while ((p = first_of(p, n - (size_t)(p - s), pat)) != NULL) {
		last = p;
		p += pl;
	}
	return last;
}

char *kd_defuse_unclosed(const char *md, size_t n, size_t *len)
{
	static const char *const pairs[][2] = {{"<?", "?>"}, {"<![CDATA[", "]]>"}};
	char *cur = NULL;
	for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
		const char *s = cur ? cur : md;
		size_t sn = cur ? *len : n;
		const char *closer = last_of(s, sn, pairs[k][1]);
		size_t from = closer ? (size_t)(closer - s) : 0, count = 0, ol = strlen(pairs[k][0]);
		for (const char *p = s + from; count <= KD_MAX_UNCLOSED &&
		     (p = first_of(p, sn - (size_t)(p - s), pairs[k][0])) != NULL; p += ol)
			count++;
		if (count <= KD_MAX_UNCLOSED)
			continue;
		struct buf b;	/* openers that can never close are text: say so */
		buf_init(&b);
		buf_add(&b, s, from);
		for (size_t i = from; i < sn; i++)
			if (sn - i >= ol && memcmp(s + i, pairs[k][0], ol) == 0)
				buf_adds(&b, "&lt;");
			else
				buf_addc(&b, s[i]);
		free(cur);
		*len = b.len;
		cur = buf_take(&b);
	}
	return cur;
}

void kd_source_free(struct kd_source *ks)
{
	for (size_t i = 0; i < ks->n_items; i++) {
		free(ks->items[i].text);
		free(ks->items[i].written);
	}
	free(ks->items);
	for (size_t i = 0; i < ks->n_abbrs; i++) {
		free(ks->abbrs[i].word);
		free(ks->abbrs[i].title);
	}
	free(ks->abbrs);
	for (size_t i = 0; i < ks->n_alds; i++) {
		free(ks->alds[i].name);
		free(ks->alds[i].attrs);
	}
	free(ks->alds);
	free(ks->md);
	memset(ks, 0, sizeof *ks);
}

const struct kd_item *kd_marker(const struct kd_source *ks, const char *s, size_t n, size_t *len)
{
	if (n < 2 * MARK_LEN + 1 || memcmp(s, MARK_OPEN, MARK_LEN) != 0)
		return NULL;
	size_t i = MARK_LEN, idx = 0;
	while (i < n && isdigit((unsigned char)s[i]) && i < MARK_LEN + 9)
		idx = idx * 10 + (size_t)(s[i++] - '0');
	if (i == MARK_LEN || n - i < MARK_LEN || memcmp(s + i, MARK_CLOSE, MARK_LEN) != 0 ||
	    idx >= ks->n_items)
		return NULL;
	*len = i + MARK_LEN;
	return &ks->items[idx];
}

/* ---- attributes ---- */

void kd_attrs_set(struct kd_attrs *a, const char *name, const char *value)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i].name, name) == 0) {
			if (strcmp(name, "class") == 0) {
				if (strlen(a->v[i].value) + strlen(value) > KD_MAX_ATTR_BYTES)
					return;	/* hostile: thousands of IALs on one block */
				struct buf b;
				buf_init(&b);
				buf_adds(&b, a->v[i].value);
				buf_addc(&b, ' ');
				buf_adds(&b, value);
				free(a->v[i].value);
				a->v[i].value = buf_take(&b);
			} else {
				free(a->v[i].value);
				a->v[i].value = xstrdup(value);
			}
			return;
		}
	if (a->n >= KD_MAX_ATTRS)
		return;
	a->v = xrealloc(a->v, (a->n + 1) * sizeof *a->v);
	a->v[a->n].name = xstrdup(name);
	a->v[a->n].value = xstrdup(value);
	a->n++;
}

const char *kd_attrs_get(const struct kd_attrs *a, const char *name)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i].name, name) == 0)
			return a->v[i].value;
	return NULL;
}

static bool name_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_' || c == ':';
}

void kd_attrs_parse(struct kd_attrs *a, const char *s)
{
	size_t i = 0, n = strlen(s);
	while (i < n) {
		if (isspace((unsigned char)s[i])) {
			i++;
			continue;
		}
		if (s[i] == '.' || s[i] == '#') {	/* .class, #id, also run together: .a#b.c */
			char kind = s[i++];
			size_t k = i;
			while (k < n && (name_char(s[k])))
				k++;
			if (k > i) {
				char *v = xstrndup(s + i, k - i);
				kd_attrs_set(a, kind == '.' ? "class" : "id", v);
				free(v);
			}
			i = k;
			continue;
		}
		size_t k = i;
		while (k < n && name_char(s[k]))
			k++;
		if (k == i || k >= n || s[k] != '=' || k + 1 >= n || (s[k + 1] != '"' && s[k + 1] != '\'')) {
			i = k > i ? k : i + 1;	/* a bare word (kramdown: an ALD reference) */
			continue;
		}
		const char *end = strchr(s + k + 2, s[k + 1]);
		if (!end)
			break;
		char *name = xstrndup(s + i, k - i);
		char *value = xstrndup(s + k + 2, (size_t)(end - s - k - 2));
		kd_attrs_set(a, name, value);
		free(name);
		free(value);
		i = (size_t)(end - s) + 1;
	}
}

void kd_attrs_write(struct buf *out, const struct kd_attrs *a, const char *const *skip)
{
	for (size_t i = 0; i < a->n; i++) {
		bool skipped = false;
		for (const char *const *k = skip; k && *k; k++)
			skipped |= strcmp(*k, a->v[i].name) == 0;
		if (skipped || (!*a->v[i].value && strcmp(a->v[i].name, "id") == 0))
			continue;	/* {: id=""} takes the id away */
		buf_addc(out, ' ');
		buf_adds(out, a->v[i].name);
		buf_adds(out, "=\"");
		kd_escape(out, a->v[i].value, strlen(a->v[i].value), true);
		buf_addc(out, '"');
	}
}

void kd_attrs_free(struct kd_attrs *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].name);
		free(a->v[i].value);
	}
	free(a->v);
	a->v = NULL;
	a->n = 0;
}

/* ---- header ids ---- */

void kd_ids_init(struct kd_ids *ids)
{
	memset(ids, 0, sizeof *ids);
	strmap_init(&ids->map, 16);
}

void kd_ids_free(struct kd_ids *ids)
{
	for (size_t i = 0; i < ids->n; i++)
		free(ids->keys[i]);
	free(ids->keys);
	free(ids->counts);
	strmap_free(&ids->map);
}

/* Ruby's \p{Word}: letters, marks, decimal digits, connector punctuation. */
static bool word_char(UChar32 c)
{
	int8_t t = u_charType(c);
	return (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK | U_GC_PC_MASK) & U_MASK(t);
}

static char *lower_word(const char *text, size_t n)
{
	/* Long headers are cut: an id is a name, not the text. */
	if (n > 4096)
		n = 4096;
	UErrorCode err = U_ZERO_ERROR;
	int32_t ulen = 0;
	UChar *u = xmalloc((n + 1) * sizeof *u);
	u_strFromUTF8(u, (int32_t)n + 1, &ulen, text, (int32_t)n, &err);
	if (U_FAILURE(err)) {
		free(u);
		return xstrdup("");
	}
	UChar *low = xmalloc((size_t)(3 * ulen + 1) * sizeof *low);
	int32_t llen = u_strToLower(low, 3 * ulen + 1, u, ulen, "", &err);
	free(u);
	if (U_FAILURE(err)) {
		free(low);
		return xstrdup("");
	}
	UChar *kept = xmalloc((size_t)(llen + 1) * sizeof *kept);
	int32_t k = 0;
	for (int32_t i = 0; i < llen;) {
		UChar32 c;
		int32_t start = i;
		U16_NEXT(low, i, llen, c);
		if (c == ' ' || c == '\t')
			kept[k++] = '-';
		else if (c == '-' || word_char(c))
			for (int32_t j = start; j < i; j++)
				kept[k++] = low[j];
	}
	free(low);
	char *out = xmalloc((size_t)k * 3 + 1);
	int32_t olen = 0;
	u_strToUTF8(out, k * 3 + 1, &olen, kept, k, &err);
	free(kept);
	if (U_FAILURE(err))
		out[0] = '\0';
	return out;
}

char *kd_header_id(struct kd_ids *ids, const char *text, size_t n)
{
	char *id = lower_word(text, n);
	size_t i = strmap_get_or_add(&ids->map, id, ids->n);
	if (i == ids->n) {	/* first use: keep the key alive for the map */
		if (ids->n == ids->cap) {
			ids->cap = ids->cap ? ids->cap * 2 : 16;
			ids->keys = xrealloc(ids->keys, ids->cap * sizeof *ids->keys);
			ids->counts = xrealloc(ids->counts, ids->cap * sizeof *ids->counts);
		}
		ids->keys[ids->n] = id;
		ids->counts[ids->n] = 0;
		ids->n++;
		return xstrdup(id);
	}
	free(id);
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s-%u", ids->keys[i], ++ids->counts[i]);
	return buf_take(&b);
}

/* ---- text ---- */

void kd_escape(struct buf *out, const char *s, size_t n, bool attr)
{
	for (size_t i = 0; i < n; i++) {
		size_t run = 0;	/* bytes that need nothing, copied at once */
		while (i + run < n && s[i + run] != '&' && s[i + run] != '<' && s[i + run] != '>' &&
		       s[i + run] != '"')
			run++;
		if (run) {
			buf_add(out, s + i, run);
			i += run - 1;
			continue;
		}
		switch (s[i]) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"':
			if (attr) {
				buf_adds(out, "&quot;");
				break;
			}
			/* fall through */
		default: buf_addc(out, s[i]);
		}
	}
}

static bool ascii_word(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* The abbreviation that starts at s[i] on word boundaries, or NULL. */
static const struct kd_abbr *abbr_at(const struct kd_source *ks, const char *s, size_t n, size_t i)
{
	if (i > 0 && ascii_word(s[i - 1]) && ascii_word(s[i]))
		return NULL;
	const struct kd_abbr *best = NULL;
	size_t best_len = 0;
	for (size_t k = 0; k < ks->n_abbrs; k++) {
		size_t wl = strlen(ks->abbrs[k].word);
		if (wl == 0 || wl > n - i || wl <= best_len || memcmp(s + i, ks->abbrs[k].word, wl) != 0)
			continue;
		if (i + wl < n && ascii_word(s[i + wl]) && ascii_word(s[i + wl - 1]))
			continue;
		best = &ks->abbrs[k];
		best_len = wl;
	}
	return best;
}

void kd_math(struct buf *out, const struct kd_item *it)
{
	bool block = it->kind == KD_MATH_BLOCK;
	buf_adds(out, block ? "\\[" : "\\(");
	kd_escape(out, it->text, strlen(it->text), true);
	buf_adds(out, block ? "\\]\n" : "\\)");
}

void kd_text(struct buf *out, const char *s, size_t n, const struct kd_source *ks)
{
	for (size_t i = 0; i < n;) {
		if (!ks->n_abbrs) {	/* the common case: copy up to the next special byte */
			size_t run = 0;
			while (i + run < n && s[i + run] != '&' && s[i + run] != '<' && s[i + run] != '>' &&
			       (unsigned char)s[i + run] != 0xEF && (unsigned char)s[i + run] != 0xE2)
				run++;
			if (run) {
				buf_add(out, s + i, run);
				i += run;
				continue;
			}
		}
		size_t mlen;
		const struct kd_item *it = (unsigned char)s[i] == 0xEF ? kd_marker(ks, s + i, n - i, &mlen) : NULL;
		if (it) {
			if (it->kind == KD_RAW)
				buf_adds(out, it->text);
			else if (it->kind == KD_COMMENT)
				buf_printf(out, "<!-- %s -->", it->text);
			else if (it->kind == KD_MATH_SPAN || it->kind == KD_MATH_BLOCK)
				kd_math(out, it);
			else if (it->kind == KD_IAL_SPAN && it->written)
				kd_escape(out, it->written, strlen(it->written), false);
			i += mlen;
			continue;
		}
		/* cmark opens a quote before '80s; kramdown knows it for an apostrophe */
		if (i + 5 < n && memcmp(s + i, "\xE2\x80\x98", 3) == 0 && isdigit((unsigned char)s[i + 3]) &&
		    isdigit((unsigned char)s[i + 4]) && s[i + 5] == 's') {
			buf_adds(out, "\xE2\x80\x99");
			i += 3;
			continue;
		}
		if (i + 1 < n && s[i] == '<' && s[i + 1] == '<') {
			buf_adds(out, "\xC2\xAB");
			i += 2;
			continue;
		}
		if (i + 1 < n && s[i] == '>' && s[i + 1] == '>') {
			buf_adds(out, "\xC2\xBB");
			i += 2;
			continue;
		}
		const struct kd_abbr *ab = ks->n_abbrs ? abbr_at(ks, s, n, i) : NULL;
		if (ab) {
			if (*ab->title) {
				buf_adds(out, "<abbr title=\"");
				kd_escape(out, ab->title, strlen(ab->title), true);
				buf_adds(out, "\">");
			} else {
				buf_adds(out, "<abbr>");
			}
			kd_escape(out, ab->word, strlen(ab->word), false);
			buf_adds(out, "</abbr>");
			i += strlen(ab->word);
			continue;
		}
		kd_escape(out, s + i, 1, false);
		i++;
	}
}
