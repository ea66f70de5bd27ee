/* url.c: percent-encoding the way Jekyll 4.3 does it, Jekyll's absolute_url
 * filter, and RFC 3986 reference resolution.
 *
 * Reference resolution is written out here (RFC 3986 §5.2) because neither
 * library at hand does it right: libxml2 2.9's xmlBuildURI() keeps "/./g" and
 * "/../g" (§5.4.2) and refuses references with raw spaces or non-ASCII, and
 * curl's URL API drops the base's path and query for "" and "#s" (§5.4.1) and
 * refuses unknown schemes. Unicode (NFC, IDNA) comes from ICU. */
#include <config.h>
#include "base/url.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uidna.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "base/text.h"

/* ---- character classes (RFC 3986 §2) ---- */

static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool is_unreserved(unsigned char c)
{
	return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static bool is_sub_delim(unsigned char c)
{
	return c != '\0' && strchr("!$&'()*+,;=", c) != NULL;
}

static bool is_pchar(unsigned char c)
{
	return is_unreserved(c) || is_sub_delim(c) || c == ':' || c == '@';
}

static int hex_value(unsigned char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* True when s[0..2] is "%XX". */
static bool is_pct_triplet(const char *s)
{
	return s[0] == '%' && hex_value((unsigned char)s[1]) >= 0 &&
	       hex_value((unsigned char)s[2]) >= 0;
}

static void add_pct(struct buf *b, unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF";
	char t[3] = { '%', hex[c >> 4], hex[c & 15] };
	buf_add(b, t, 3);
}

/* ---- escaping ---- */

/* s[0..n) (no NUL inside) appended to b with every byte outside `allowed` as
 * %XX; with keep_pct, a "%XX" already there stays as it is. */
static void escape_into(struct buf *b, const char *s, size_t n, bool (*allowed)(unsigned char),
			bool keep_pct)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (keep_pct && n - i >= 3 && is_pct_triplet(s + i)) {
			buf_add(b, s + i, 3);
			i += 2;
		} else if (allowed(c)) {
			buf_addc(b, (char)c);
		} else {
			add_pct(b, c);
		}
	}
}

static char *escape(const char *s, bool (*allowed)(unsigned char), bool keep_pct)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	escape_into(&b, s, strlen(s), allowed, keep_pct);
	return buf_take(&b);
}

static bool path_allowed(unsigned char c)
{
	return is_pchar(c) || c == '/';
}

/* Jekyll 4.3 runs values through Addressable::URI.encode, which parses them as
 * a URI first, so a '?' stays raw and starts a query. Encoding it keeps the
 * path whole and points at the file Jekyll actually writes. */
char *url_escape_path(const char *s)
{
	return escape(s, path_allowed, false);
}

char *url_escape_path_keep(const char *s)
{
	return escape(s, path_allowed, true);
}

void url_escape_path_add(struct buf *b, const char *s, size_t n, bool keep_pct)
{
	escape_into(b, s, n, path_allowed, keep_pct);
}

char *url_escape_segment(const char *s)
{
	return escape(s, is_unreserved, false);
}

/* Length of the scheme at s (without the ':'), 0 when there is none. */
static size_t scheme_len(const char *s)
{
	if (!s || !is_alpha((unsigned char)s[0]))
		return 0;
	size_t i = 1;
	while (is_alpha((unsigned char)s[i]) || is_digit((unsigned char)s[i]) ||
	       s[i] == '+' || s[i] == '-' || s[i] == '.')
		i++;
	return s[i] == ':' ? i : 0;
}

int url_has_scheme(const char *s)
{
	return scheme_len(s) > 0;
}

/* ---- parsing (RFC 3986 Appendix B) ---- */

struct span {
	const char *s;	/* NULL when the component is undefined */
	size_t n;
};

struct uri {
	struct span scheme, auth, path, query, frag;
};

static struct span span_of(const char *s, size_t n)
{
	struct span sp = { s, n };
	return sp;
}

static void uri_parse(const char *s, struct uri *u)
{
	memset(u, 0, sizeof *u);
	size_t k = scheme_len(s);
	if (k) {
		u->scheme = span_of(s, k);
		s += k + 1;
	}
	if (s[0] == '/' && s[1] == '/') {
		size_t n = strcspn(s + 2, "/?#");
		u->auth = span_of(s + 2, n);
		s += 2 + n;
	}
	size_t n = strcspn(s, "?#");
	u->path = span_of(s, n);
	s += n;
	if (*s == '?') {
		n = strcspn(s + 1, "#");
		u->query = span_of(s + 1, n);
		s += 1 + n;
	}
	if (*s == '#')
		u->frag = span_of(s + 1, strlen(s + 1));
}

/* RFC 3986 §5.3. */
static char *uri_compose(const struct uri *u)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	if (u->scheme.s) {
		buf_add(&b, u->scheme.s, u->scheme.n);
		buf_addc(&b, ':');
	}
	if (u->auth.s) {
		buf_adds(&b, "//");
		buf_add(&b, u->auth.s, u->auth.n);
	}
	buf_add(&b, u->path.s, u->path.n);
	if (u->query.s) {
		buf_addc(&b, '?');
		buf_add(&b, u->query.s, u->query.n);
	}
	if (u->frag.s) {
		buf_addc(&b, '#');
		buf_add(&b, u->frag.s, u->frag.n);
	}
	return buf_take(&b);
}

/* ---- RFC 3986 §5.2.4 remove_dot_segments ---- */

static bool starts(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && memcmp(s, prefix, k) == 0;
}

static bool equals(const char *s, size_t n, const char *t)
{
	return n == strlen(t) && memcmp(s, t, n) == 0;
}

/* Drop the output's last segment and its preceding '/' (if any). */
static void pop_segment(struct buf *out)
{
	while (out->len > 0 && out->data[out->len - 1] != '/')
		out->len--;
	if (out->len > 0)
		out->len--;
	if (out->data)
		out->data[out->len] = '\0';
}

/* Does the path hold a "." or ".." segment? */
static bool has_dot_segment(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '.' || (i > 0 && s[i - 1] != '/'))
			continue;
		size_t k = i + 1 < n && s[i + 1] == '.' ? i + 2 : i + 1;
		if (k == n || s[k] == '/')
			return true;
	}
	return false;
}

/* The input buffer is a private copy, so "replace the prefix with '/'"
 * (steps B and C) can be done by writing a '/' in place and stepping on. */
static char *remove_dot_segments(const char *path, size_t n)
{
	if (!has_dot_segment(path, n))
		return xstrndup(path, n);	/* what the loop below would copy */
	char *in = xstrndup(path, n);
	char *s = in;
	struct buf out;
	buf_init(&out);
	buf_adds(&out, "");
	while (n > 0) {
		if (starts(s, n, "../")) {
			s += 3, n -= 3;
		} else if (starts(s, n, "./")) {
			s += 2, n -= 2;
		} else if (starts(s, n, "/./")) {
			s += 2, n -= 2;
		} else if (equals(s, n, "/.")) {
			s[1] = '/';
			s += 1, n -= 1;
		} else if (starts(s, n, "/../")) {
			s += 3, n -= 3;
			pop_segment(&out);
		} else if (equals(s, n, "/..")) {
			s[2] = '/';
			s += 2, n -= 2;
			pop_segment(&out);
		} else if (equals(s, n, ".") || equals(s, n, "..")) {
			n = 0;
		} else {
			size_t k = s[0] == '/' ? 1 : 0;
			while (k < n && s[k] != '/')
				k++;
			buf_add(&out, s, k);
			s += k, n -= k;
		}
	}
	free(in);
	return buf_take(&out);
}

/* ---- RFC 3986 §5.2.2, strict ---- */

/* §5.2.3: the base path up to its last '/', then the reference path. */
static char *merge_paths(const struct uri *base, const struct span *ref)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	if (base->auth.s && base->path.n == 0) {
		buf_addc(&b, '/');
	} else {
		size_t k = base->path.n;
		while (k > 0 && base->path.s[k - 1] != '/')
			k--;
		buf_add(&b, base->path.s, k);
	}
	buf_add(&b, ref->s, ref->n);
	return buf_take(&b);
}

char *url_resolve(const char *base, const char *ref)
{
	if (!base || !ref || !url_has_scheme(base))
		return NULL;
	/* Unchanged, where RFC 3986 would still remove dot segments from the path. */
	if (url_has_scheme(ref))
		return xstrdup(ref);
	struct uri b, r, t;
	uri_parse(base, &b);
	uri_parse(ref, &r);
	memset(&t, 0, sizeof t);
	char *path = NULL;
	if (r.auth.s) {
		t.auth = r.auth;
		path = remove_dot_segments(r.path.s, r.path.n);
		t.query = r.query;
	} else {
		t.auth = b.auth;
		if (r.path.n == 0) {
			path = xstrndup(b.path.s, b.path.n);
			t.query = r.query.s ? r.query : b.query;
		} else if (r.path.s[0] == '/') {
			path = remove_dot_segments(r.path.s, r.path.n);
			t.query = r.query;
		} else {
			char *merged = merge_paths(&b, &r.path);
			path = remove_dot_segments(merged, strlen(merged));
			free(merged);
			t.query = r.query;
		}
	}
	t.scheme = b.scheme;
	t.path = span_of(path, strlen(path));
	t.frag = r.frag;
	char *out = uri_compose(&t);
	free(path);
	return out;
}

/* ---- Addressable's normalize, as jekyll's absolute_url applies it ---- */

/* UTF-16 of s in NFC, its length in *len; NULL when ICU fails. */
static UChar *nfc_utf16(const char *s, int32_t n, int32_t *len)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
	UChar *src = xmalloc(((size_t)n + 1) * sizeof *src);
	int32_t srclen = 0;
	u_strFromUTF8(src, n + 1, &srclen, s, n, &err);
	/* NFC makes a text at most three times longer (Unicode stability policy). */
	int32_t cap = 3 * srclen + 1;
	UChar *dst = xmalloc((size_t)cap * sizeof *dst);
	*len = unorm2_normalize(nfc, src, srclen, dst, cap, &err);
	free(src);
	if (U_SUCCESS(err))
		return dst;
	free(dst);
	return NULL;
}

/* Valid UTF-8 s[0..n) in Unicode NFC appended to out. False (and nothing
 * appended) when s is not valid UTF-8. */
static bool add_nfc(struct buf *out, const char *s, size_t n)
{
	size_t ascii = 0;
	while (ascii < n && (unsigned char)s[ascii] < 0x80)
		ascii++;
	if (ascii == n) {
		/* ASCII is its own NFC: most URLs need no trip through ICU. */
		buf_add(out, s, n);
		return true;
	}
	if (n > INT32_MAX / 4 || utf8_valid_prefix(s, n) != n)
		return false;
	int32_t len = 0, u8len = 0;
	UChar *u16 = nfc_utf16(s, (int32_t)n, &len);
	if (!u16)
		return false;
	UErrorCode err = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &u8len, u16, len, &err);
	err = U_ZERO_ERROR;
	char *u8 = xmalloc((size_t)u8len + 1);
	u_strToUTF8(u8, u8len + 1, NULL, u16, len, &err);
	bool ok = U_SUCCESS(err);
	if (ok)
		buf_add(out, u8, (size_t)u8len);
	free(u8);
	free(u16);
	return ok;
}

/* The byte a "%XX" at s (with avail bytes left) stands for, or -1. */
static int pct_byte(const char *s, size_t avail)
{
	if (avail < 3 || !is_pct_triplet(s))
		return -1;
	return hex_value((unsigned char)s[1]) * 16 + hex_value((unsigned char)s[2]);
}

/* Addressable::URI.normalize_component: decode every %XX but those standing
 * for `keep`, NFC the text, then encode every byte `allowed` refuses; a "%XX"
 * for `keep` stays (upper-cased). Text that is not UTF-8 once decoded is
 * encoded without NFC (Addressable falls back to a looser class there). */
static void add_normalized(struct buf *out, const char *s, size_t n,
			   bool (*allowed)(unsigned char), char keep)
{
	/* Nothing encoded and nothing to encode (most segments of the URLs
	 * feedgen builds): the text is its own normal form. */
	size_t plain = 0;
	while (plain < n && s[plain] != '%' && allowed((unsigned char)s[plain]))
		plain++;
	if (plain == n) {
		buf_add(out, s, n);
		return;
	}
	struct buf dec, nfc;
	buf_init(&dec);
	buf_init(&nfc);
	buf_adds(&dec, "");
	buf_adds(&nfc, "");
	for (size_t i = 0; i < n; i++) {
		int c = pct_byte(s + i, n - i);
		if (c < 0 || (keep && c == (unsigned char)keep)) {
			buf_addc(&dec, s[i]);
			continue;
		}
		buf_addc(&dec, (char)c);
		i += 2;
	}
	if (!add_nfc(&nfc, dec.data, dec.len))
		buf_add(&nfc, dec.data, dec.len);
	for (size_t i = 0; i < nfc.len; i++) {
		unsigned char c = (unsigned char)nfc.data[i];
		if (keep && pct_byte(nfc.data + i, nfc.len - i) == (unsigned char)keep) {
			add_pct(out, (unsigned char)keep);
			i += 2;
		} else if (allowed(c)) {
			buf_addc(out, (char)c);
		} else {
			add_pct(out, c);
		}
	}
	buf_free(&dec);
	buf_free(&nfc);
}

static bool query_allowed(unsigned char c)
{
	/* Addressable's normalized query class: pchar, '/' and '?' less '&' and
	 * ';' (pairs are split on '&' before this). */
	return (is_pchar(c) && c != '&' && c != ';') || c == '/' || c == '?';
}

static bool fragment_allowed(unsigned char c)
{
	return is_pchar(c) || c == '/' || c == '?';
}

static void add_lower(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		buf_addc(b, (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c);
	}
}

static bool has_non_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

/* A decoded host that is not UTF-8 text, or holds controls or spaces, cannot
 * be written as it is (found by fuzzing: "//%D6", a %0C in a host). */
static bool host_is_text(const char *h, size_t n)
{
	if (utf8_valid_prefix(h, n) != n)
		return false;
	/* A decoded byte a reg-name cannot hold (RFC 3986 §3.2.2: unreserved,
	 * sub-delims and percent-encodings only; "[...]" an IP literal) keeps
	 * the host as written: "exa%5Cmple" must not become "exa\mple". */
	bool literal = n > 0 && h[0] == '[';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)h[i];
		if (c <= 0x20 || c == 0x7F)
			return false;
		if (!literal && c < 0x80 && strchr("\"<>\\^`{|}%/?#[]@", c))
			return false;
	}
	return true;
}

/* An internationalised host in its ASCII (punycode) form; false when ICU
 * will not map it, and the host is then kept as written. UTS #46 without
 * the STD3 rules maps some characters to a space (U+00A0 is one): such a
 * mapping is refused too, as no URL may hold a space. */
static bool add_idna(struct buf *out, const char *host, size_t n)
{
	if (n > INT32_MAX / 4)
		return false;
	UErrorCode err = U_ZERO_ERROR;
	UIDNA *idna = uidna_openUTS46(UIDNA_DEFAULT, &err);
	if (U_FAILURE(err))
		return false;
	UIDNAInfo info = UIDNA_INFO_INITIALIZER;
	int32_t cap = (int32_t)n * 4 + 64;
	char *dst = xmalloc((size_t)cap);
	int32_t len = uidna_nameToASCII_UTF8(idna, host, (int32_t)n, dst, cap, &info, &err);
	bool ok = U_SUCCESS(err) && info.errors == 0 && len < cap &&
		  host_is_text(dst, (size_t)len);
	if (ok)
		buf_add(out, dst, (size_t)len);
	free(dst);
	uidna_close(idna);
	return ok;
}

static long default_port(const struct buf *scheme)
{
	static const struct {
		const char *scheme;
		long port;
	} ports[] = {
		{ "http", 80 }, { "https", 443 }, { "ftp", 21 }, { "tftp", 69 },
		{ "sftp", 22 }, { "ssh", 22 }, { "svn+ssh", 22 }, { "telnet", 23 },
		{ "nntp", 119 }, { "gopher", 70 }, { "wais", 210 }, { "ldap", 389 },
		{ "prospero", 1525 },
	};
	for (size_t i = 0; i < sizeof ports / sizeof ports[0]; i++)
		if (scheme->data && strcmp(scheme->data, ports[i].scheme) == 0)
			return ports[i].port;
	return -1;
}

/* Port text of n digits that names the scheme's default port. */
static bool is_default_port(const char *s, size_t n, const struct buf *scheme)
{
	long want = default_port(scheme), v = 0;
	if (want < 0 || n == 0 || n > 9)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!is_digit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	return v == want;
}

/* Host lower-cased, decoded, IDNA-mapped and without a single trailing dot;
 * the port dropped when it is empty or the scheme's default. User info is
 * kept as written. */

/* Part of an authority as written (lower-cased for a host), every byte
 * outside printable ASCII percent-encoded: the URL stays ASCII, without
 * spaces or controls, and means what it meant. */
static void add_escaped(struct buf *out, const char *s, const char *end, bool lower)
{
	for (const char *p = s; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		int e = lower ? pct_byte(p, (size_t)(end - p)) : -1;
		if (e >= 0) {
			add_pct(out, (unsigned char)e);	/* its hex in upper case, as RFC 3986 §6.2.2.1 */
			p += 2;
		} else if (c <= 0x20 || c >= 0x7F)
			add_pct(out, c);
		else if (lower)
			add_lower(out, p, 1);
		else
			buf_addc(out, *p);
	}
}

static void add_authority(struct buf *out, const struct span *auth, const struct buf *scheme)
{
	const char *s = auth->s, *end = auth->s + auth->n;
	const char *at = NULL;
	for (const char *p = s; p < end; p++)
		if (*p == '@')
			at = p;
	if (at) {
		add_escaped(out, s, at + 1, false);
		s = at + 1;
	}
	const char *colon = NULL;
	for (const char *p = end; p > s; p--) {
		if (p[-1] == ']')
			break;
		if (p[-1] == ':') {
			colon = p - 1;
			break;
		}
	}
	const char *host_end = colon ? colon : end;
	struct buf host;
	buf_init(&host);
	buf_adds(&host, "");
	for (const char *p = s; p < host_end; p++) {
		int c = pct_byte(p, (size_t)(host_end - p));
		char one = c < 0 ? *p : (char)c;
		add_lower(&host, &one, 1);
		if (c >= 0)
			p += 2;
	}
	if (host.len >= 2 && host.data[host.len - 1] == '.' && host.data[host.len - 2] != '.')
		host.data[--host.len] = '\0';
	if (!host_is_text(host.data, host.len))
		add_escaped(out, s, host_end, true);
	else if (!has_non_ascii(host.data, host.len) || !add_idna(out, host.data, host.len))
		buf_add(out, host.data, host.len);
	buf_free(&host);
	if (colon && !is_default_port(colon + 1, (size_t)(end - colon - 1), scheme) &&
	    end - colon > 1)
		add_escaped(out, colon, end, false);
}

static bool pchar_allowed(unsigned char c)
{
	return is_pchar(c);
}

/* Addressable gives these schemes "/" for an empty path. */
static bool wants_root(const struct buf *scheme)
{
	static const char *const names[] = { "http", "https", "ftp", "tftp" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (scheme->data && strcmp(scheme->data, names[i]) == 0)
			return true;
	return false;
}

/* Each segment normalized on its own (so "%2F" stays a byte of its segment),
 * then dot segments removed; an http(s) or ftp URL has at least "/". */
static void add_path(struct buf *out, const struct span *path, const struct buf *scheme)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	const char *s = path->s, *end = path->s + path->n;
	while (s <= end) {
		const char *slash = memchr(s, '/', (size_t)(end - s));
		const char *seg_end = slash ? slash : end;
		add_normalized(&b, s, (size_t)(seg_end - s), pchar_allowed, 0);
		if (!slash)
			break;
		buf_addc(&b, '/');
		s = slash + 1;
	}
	char *clean = remove_dot_segments(b.data, b.len);
	buf_free(&b);
	buf_adds(out, clean[0] || !wants_root(scheme) ? clean : "/");
	free(clean);
}

static void add_query(struct buf *out, const struct span *q)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	const char *s = q->s, *end = q->s + q->n;
	for (;;) {
		const char *amp = memchr(s, '&', (size_t)(end - s));
		const char *pair_end = amp ? amp : end;
		add_normalized(&b, s, (size_t)(pair_end - s), query_allowed, '+');
		if (!amp)
			break;
		buf_addc(&b, '&');
		s = amp + 1;
	}
	if (b.len > 0) {
		buf_addc(out, '?');
		buf_add(out, b.data, b.len);
	}
	buf_free(&b);
}

static void add_fragment(struct buf *out, const struct span *f)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	add_normalized(&b, f->s, f->n, fragment_allowed, 0);
	if (b.len > 0) {
		buf_addc(out, '#');
		buf_add(out, b.data, b.len);
	}
	buf_free(&b);
}

/* Addressable::URI#normalize for what absolute_url builds. Not done: user
 * info normalization, and the "a:b" first-segment rewrite of relative paths
 * (absolute_url's paths always start with '/'). */
static bool is_lower_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Is "/." or "/.." the segment at s (a '/')? */
static bool dot_segment_at(const char *s)
{
	size_t dots = s[1] == '.' ? (s[2] == '.' ? 2 : 1) : 0;
	return dots > 0 && (s[1 + dots] == '/' || s[1 + dots] == '\0');
}

/* Is url already what normalize() makes of it? True only for the plain shape
 * of the URLs feedgen builds for posts: a lower-case scheme, a lower-case
 * ASCII host without port or trailing dot, and a path of pchars without '%'
 * or dot segments, no query, no fragment. Anything else takes the long way. */
static bool already_normal(const char *url)
{
	const char *s = url;
	if (!(*s >= 'a' && *s <= 'z'))
		return false;
	while (is_lower_alnum(*s) || *s == '+' || *s == '-' || *s == '.')
		s++;
	if (s[0] != ':' || s[1] != '/' || s[2] != '/')
		return false;
	const char *host = s += 3;
	while (is_lower_alnum(*s) || *s == '-' || (*s == '.' && s[1] != '.'))
		s++;
	if (s == host || s[-1] == '.' || *s != '/')
		return false;
	for (; *s; s++) {
		if (*s == '/' ? dot_segment_at(s) : *s == '%' || !is_pchar((unsigned char)*s))
			return false;
	}
	return true;
}

static char *normalize(const char *url)
{
	if (already_normal(url))
		return xstrdup(url);
	struct uri u;
	uri_parse(url, &u);
	struct buf out, scheme;
	buf_init(&out);
	buf_init(&scheme);
	buf_adds(&out, "");
	buf_adds(&scheme, "");
	if (u.scheme.s) {
		add_lower(&scheme, u.scheme.s, u.scheme.n);
		buf_add(&out, scheme.data, scheme.len);
		buf_addc(&out, ':');
	}
	if (u.auth.s) {
		buf_adds(&out, "//");
		add_authority(&out, &u.auth, &scheme);
	}
	add_path(&out, &u.path, &scheme);
	if (u.query.s)
		add_query(&out, &u.query);
	if (u.frag.s)
		add_fragment(&out, &u.frag);
	buf_free(&scheme);
	return buf_take(&out);
}

/* ---- jekyll's absolute_url ---- */

static void add_trimmed(struct buf *b, const char *s, bool lead_slash)
{
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == '/')
		n--;
	size_t i = 0;
	while (lead_slash && i < n && s[i] == '/')
		i++;
	if (i == n)
		return;
	if (lead_slash)
		buf_addc(b, '/');
	buf_add(b, s + i, n - i);
}

/* Jekyll joins site url + baseurl (one trailing '/' chomped) + input, each
 * given a leading '/', and does not squeeze: "http://x.com/" + "/a" gives
 * "http://x.com//a" there. The site url is taken so, as written: a site
 * whose url ends in '/' has had ids and links with "//" from jekyll-feed,
 * and keeps them. The other joints are one '/', as url.h says, and a
 * "//host/x" input is left alone where Jekyll would append it to the site. */
char *url_absolute(const char *site_url, const char *baseurl, const char *path)
{
	if (!path)
		path = "";
	if (url_has_scheme(path) || (path[0] == '/' && path[1] == '/'))
		return xstrdup(path);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	if (site_url)
		buf_adds(&b, site_url);
	if (baseurl)
		add_trimmed(&b, baseurl, true);
	if (path[0]) {
		size_t i = 0;
		while (path[i] == '/')
			i++;
		buf_addc(&b, '/');
		buf_adds(&b, path + i);
	}
	char *out = normalize(b.data);
	buf_free(&b);
	return out;
}
