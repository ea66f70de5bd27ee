/* liquid_filters.c: Liquid's standard filters, one table row each, written
 * after liquid/standardfilters.rb (Liquid 5.4, as Debian's ruby-liquid ships
 * it): strings (Ruby's String methods; case mapping through ICU), arrays
 * (InputIterator: arrays flattened, a hash as one item, nil as none), math
 * (Utils.to_number; decimals exact as BigDecimal keeps them), dates. */
#include <config.h>

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucasemap.h>

#include "base/text.h"
#include "content/liquid_int.h"

#define ARG(i) (nargs > (i) ? args[i] : NULL)

static json_t *str_result(struct buf *b)
{
	json_t *v = json_stringn(b->data ? b->data : "", b->len);
	buf_free(b);
	return v ? v : json_string("");
}

static char *s_of(const json_t *v)
{
	return lv_str(v);
}

/* ---- case (ICU, as Ruby maps full Unicode) ---- */

static json_t *casemap(const json_t *in, int which)
{
	char *s = s_of(in);
	size_t n = strlen(s);
	UErrorCode err = U_ZERO_ERROR;
	UCaseMap *cm = ucasemap_open("", 0, &err);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	if (U_SUCCESS(err) && n < (1u << 28)) {
		size_t first = which == 'c' && n ? lv_utf8_offset(s, n, 1) : 0;
		for (int part = which == 'c' ? 0 : 1; part < 2; part++) {
			const char *src = part == 0 ? s : s + first;
			int32_t len = (int32_t)(part == 0 ? first : n - first);
			int32_t cap = len * 3 + 16;
			char *dst = xmalloc((size_t)cap);
			err = U_ZERO_ERROR;
			int32_t got;
			if (part == 0 || which == 'u')
				got = ucasemap_utf8ToUpper(cm, dst, cap, src, len, &err);
			else
				got = ucasemap_utf8ToLower(cm, dst, cap, src, len, &err);
			if (U_SUCCESS(err))
				buf_add(&b, dst, (size_t)got);
			else
				buf_add(&b, src, (size_t)len);
			free(dst);
		}
	} else {
		buf_adds(&b, s);
	}
	if (cm)
		ucasemap_close(cm);
	free(s);
	return str_result(&b);
}

static json_t *f_downcase(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	return casemap(in, 'l');
}

static json_t *f_upcase(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	return casemap(in, 'u');
}

static json_t *f_capitalize(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	return casemap(in, 'c');
}

/* ---- strings ---- */

static bool ruby_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == '\0';
}

static json_t *strip_ends(const json_t *in, bool left, bool right)
{
	char *s = s_of(in);
	size_t n = strlen(s), a = 0;
	if (left)
		while (a < n && ruby_space(s[a]))
			a++;
	if (right)
		while (n > a && ruby_space(s[n - 1]))
			n--;
	json_t *v = json_stringn(s + a, n - a);
	free(s);
	return v;
}

static json_t *f_strip(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	return strip_ends(in, true, true);
}

static json_t *f_lstrip(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	return strip_ends(in, true, false);
}

static json_t *f_rstrip(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	return strip_ends(in, false, true);
}

static json_t *f_append(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)nargs, (void)kw;
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	lv_to_s(&b, in);
	lv_to_s(&b, args[0]);
	return str_result(&b);
}

static json_t *f_prepend(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)nargs, (void)kw;
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	lv_to_s(&b, args[0]);
	lv_to_s(&b, in);
	return str_result(&b);
}

static json_t *f_strip_html(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	char *s = s_of(in);
	/* Regexp.union: at each place the first alternative that matches. */
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	const char *p = s;
	while (*p) {
		const char *close = NULL;
		size_t skip = 0;
		if (!strncmp(p, "<script", 7))
			close = "</script>", skip = 7;
		else if (!strncmp(p, "<!--", 4))
			close = "-->", skip = 4;
		else if (!strncmp(p, "<style", 6))
			close = "</style>", skip = 6;
		const char *z = close ? strstr(p + skip, close) : NULL;
		if (z) {
			p = z + strlen(close);
			continue;
		}
		buf_addc(&b, *p++);
	}
	free(s);
	struct buf o;
	buf_init(&o);
	buf_adds(&o, "");
	p = b.data;
	while (*p) {
		const char *gt = *p == '<' ? strchr(p + 1, '>') : NULL;
		if (gt) {
			p = gt + 1;
			continue;
		}
		buf_addc(&o, *p++);
	}
	buf_free(&b);
	return str_result(&o);
}

static json_t *f_strip_newlines(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	char *s = s_of(in);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (const char *p = s; *p; p++) {
		if (*p == '\n' || (*p == '\r' && p[1] == '\n'))
			continue;
		buf_addc(&b, *p);
	}
	free(s);
	return str_result(&b);
}

static json_t *f_newline_to_br(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	char *s = s_of(in);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (const char *p = s; *p; p++) {
		if (*p == '\r' && p[1] == '\n')
			continue;
		if (*p == '\n')
			buf_adds(&b, "<br />\n");
		else
			buf_addc(&b, *p);
	}
	free(s);
	return str_result(&b);
}

static void html_escape(struct buf *b, const char *s, bool once)
{
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '&':
			if (once) {
				const char *q = p + 1;
				if (*q == '#') {
					q++;
					const char *d = q;
					while (isdigit((unsigned char)*q))
						q++;
					if (q > d && *q == ';') {
						buf_addc(b, '&');
						break;
					}
				} else {
					const char *d = q;
					while (isalpha((unsigned char)*q))
						q++;
					if (q > d && *q == ';') {
						buf_addc(b, '&');
						break;
					}
				}
			}
			buf_adds(b, "&amp;");
			break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&#39;"); break;
		default: buf_addc(b, *p);
		}
	}
}

static json_t *f_escape(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	if (!in || json_is_null(in))
		return NULL;
	char *s = s_of(in);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	html_escape(&b, s, false);
	free(s);
	return str_result(&b);
}

static json_t *f_escape_once(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	char *s = s_of(in);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	html_escape(&b, s, true);
	free(s);
	return str_result(&b);
}

static json_t *f_url_encode(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	if (!in || json_is_null(in))
		return NULL;
	char *s = s_of(in);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isalnum(*p) || *p == '_' || *p == '.' || *p == '-' || *p == '~')
			buf_addc(&b, (char)*p);
		else if (*p == ' ')
			buf_addc(&b, '+');
		else
			buf_printf(&b, "%%%02X", *p);
	}
	free(s);
	return str_result(&b);
}

static int hexval(char c)
{
	return isdigit((unsigned char)c) ? c - '0' : isxdigit((unsigned char)c) ? (tolower((unsigned char)c) - 'a' + 10) : -1;
}

static json_t *f_url_decode(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)args, (void)nargs, (void)kw;
	if (!in || json_is_null(in))
		return NULL;
	char *s = s_of(in);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (const char *p = s; *p; p++) {
		if (*p == '+')
			buf_addc(&b, ' ');
		else if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
			buf_addc(&b, (char)(hexval(p[1]) * 16 + hexval(p[2])));
			p += 2;
		} else
			buf_addc(&b, *p);
	}
	free(s);
	if (utf8_valid_prefix(b.data, b.len) != b.len || memchr(b.data, 0, b.len)) {
		buf_free(&b);
		lctx_error(c, "invalid byte sequence in UTF-8");
		return NULL;
	}
	return str_result(&b);
}

static bool want_int(struct lctx *c, const json_t *v, long long *out)
{
	if (lv_to_integer(v, out) != 0) {
		lctx_error(c, "invalid integer");
		return false;
	}
	return true;
}

static json_t *f_truncate(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)kw;
	if (!in || json_is_null(in))
		return NULL;
	long long length = 50;
	if (ARG(0) && !want_int(c, ARG(0), &length))
		return NULL;
	char *s = s_of(in);
	char *ell = ARG(1) ? s_of(ARG(1)) : xstrdup("...");
	size_t n = strlen(s), chars = lv_utf8_len(s, n);
	long long l = length - (long long)lv_utf8_len(ell, strlen(ell));
	if (l < 0)
		l = 0;
	json_t *v;
	if ((long long)chars > length) {
		struct buf b;
		buf_init(&b);
		buf_add(&b, s, lv_utf8_offset(s, n, (size_t)l));
		buf_adds(&b, ell);
		v = str_result(&b);
	} else {
		v = json_string(s);
	}
	free(s);
	free(ell);
	return v;
}

/* Ruby's str.split(" ", limit): words separated by white space runs,
 * leading space ignored; the last of `limit` pieces holds the rest. */
static json_t *awk_split(const char *s, long long limit)
{
	json_t *a = json_array();
	const char *p = s;
	for (;;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		if (limit > 0 && (long long)json_array_size(a) == limit - 1) {
			json_array_append_new(a, json_string(p));
			break;
		}
		const char *e = p;
		while (*e && !isspace((unsigned char)*e))
			e++;
		json_array_append_new(a, json_stringn(p, (size_t)(e - p)));
		p = e;
	}
	return a;
}

static json_t *f_truncatewords(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)kw;
	if (!in || json_is_null(in))
		return NULL;
	long long words = 15;
	if (ARG(0) && !want_int(c, ARG(0), &words))
		return NULL;
	if (words <= 0)
		words = 1;
	if (words > 1000000)
		words = 1000000;
	char *s = s_of(in);
	json_t *list = awk_split(s, words + 1);
	json_t *v;
	if ((long long)json_array_size(list) <= words) {
		v = json_string(s);
	} else {
		struct buf b;
		buf_init(&b);
		buf_adds(&b, "");
		for (long long i = 0; i < words; i++) {
			if (i)
				buf_addc(&b, ' ');
			lv_to_s(&b, json_array_get(list, (size_t)i));
		}
		if (ARG(1))
			lv_to_s(&b, ARG(1));
		else
			buf_adds(&b, "...");
		v = str_result(&b);
	}
	json_decref(list);
	free(s);
	return v;
}

static json_t *f_split(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)nargs, (void)kw;
	char *s = s_of(in);
	char *pat = s_of(args[0]);
	json_t *a;
	if (!strcmp(pat, " ")) {
		a = awk_split(s, 0);
	} else {
		a = json_array();
		size_t pl = strlen(pat);
		const char *p = s;
		if (!pl) {
			size_t n = strlen(s);
			for (size_t i = 0; i < n;) {
				size_t k = lv_utf8_offset(s + i, n - i, 1);
				json_array_append_new(a, json_stringn(s + i, k));
				i += k;
			}
		} else {
			for (;;) {
				const char *m = strstr(p, pat);
				if (!m) {
					json_array_append_new(a, json_string(p));
					break;
				}
				json_array_append_new(a, json_stringn(p, (size_t)(m - p)));
				p = m + pl;
			}
		}
		/* Ruby drops trailing empty strings. */
		while (json_array_size(a) &&
		       json_string_length(json_array_get(a, json_array_size(a) - 1)) == 0)
			json_array_remove(a, json_array_size(a) - 1);
	}
	free(s);
	free(pat);
	return a;
}

/* ---- arrays ---- */

static void flatten_into(json_t *out, const json_t *a, unsigned depth)
{
	for (size_t i = 0; i < json_array_size(a); i++) {
		json_t *x = json_array_get(a, i);
		if (json_is_array(x) && depth < 64)
			flatten_into(out, x, depth + 1);
		else
			json_array_append(out, x);
	}
}

/* InputIterator: an array flattened, a hash as one item, nil as none,
 * anything else as a one-item list. */
static json_t *items_of(const json_t *in)
{
	json_t *a = json_array();
	if (!in || json_is_null(in))
		return a;
	if (json_is_array(in))
		flatten_into(a, in, 0);
	else
		json_array_append(a, (json_t *)in);
	return a;
}

static json_t *f_join(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)kw;
	json_t *items = items_of(in);
	char *glue = ARG(0) ? s_of(ARG(0)) : xstrdup(" ");
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (size_t i = 0; i < json_array_size(items); i++) {
		if (i)
			buf_adds(&b, glue);
		lv_to_s(&b, json_array_get(items, i));
	}
	free(glue);
	json_decref(items);
	return str_result(&b);
}

static json_t *f_first(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	if (in && json_is_array(in) && json_array_size(in))
		return json_incref(json_array_get(in, 0));
	if (in && json_is_object(in) && json_object_size(in)) {
		void *it = json_object_iter(in);
		return json_pack("[sO]", json_object_iter_key(it), json_object_iter_value(it));
	}
	return NULL;
}

static json_t *f_last(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	if (in && json_is_array(in) && json_array_size(in))
		return json_incref(json_array_get(in, json_array_size(in) - 1));
	return NULL;
}

static json_t *f_size(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	if (!in)
		return json_integer(0);
	if (json_is_array(in))
		return json_integer((json_int_t)json_array_size(in));
	if (json_is_object(in))
		return json_integer((json_int_t)json_object_size(in));
	if (json_is_string(in))
		return json_integer((json_int_t)lv_utf8_len(json_string_value(in), json_string_length(in)));
	if (json_is_integer(in))
		return json_integer(8);	/* Integer#size: bytes of a machine word */
	return json_integer(0);
}

static json_t *f_reverse(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	json_t *items = items_of(in), *r = json_array();
	for (size_t i = json_array_size(items); i-- > 0;)
		json_array_append(r, json_array_get(items, i));
	json_decref(items);
	return r;
}

/* Property p of item (item[p] for a hash), borrowed; NULL when none. */
static json_t *prop(const json_t *item, const json_t *p)
{
	if (item && json_is_object(item) && p && json_is_string(p))
		return json_object_get(item, json_string_value(p));
	return NULL;
}

struct sort_item {
	json_t *v;
	json_t *key;
	size_t i;
};

/* A stable merge sort (Ruby's sort is not stable, but equal keys print
 * alike unless they differ elsewhere; stable is the deterministic choice). */
static int sort_cmp(struct lctx *c, const struct sort_item *a, const struct sort_item *b, bool natural)
{
	bool an = !a->key || json_is_null(a->key), bn = !b->key || json_is_null(b->key);
	if (natural) {
		if (!an && !bn) {
			char *x = lv_str(a->key), *y = lv_str(b->key);
			size_t i = 0;
			int r = 0;
			for (; x[i] && y[i]; i++) {
				int p = tolower((unsigned char)x[i]), q = tolower((unsigned char)y[i]);
				if (p != q) {
					r = p < q ? -1 : 1;
					break;
				}
			}
			if (!r && (x[i] || y[i]))
				r = x[i] ? 1 : -1;
			free(x);
			free(y);
			return r;
		}
		return an ? 1 : -1;
	}
	bool ok;
	int r = lv_compare(a->key, b->key, &ok);
	if (ok)
		return r;
	if (an)
		return 1;
	if (bn)
		return -1;
	lctx_error(c, "cannot sort values of incompatible types");
	return 0;
}

static void merge_sort(struct lctx *c, struct sort_item *v, struct sort_item *tmp, size_t n, bool natural)
{
	if (n < 2 || c->failed)
		return;
	size_t h = n / 2;
	merge_sort(c, v, tmp, h, natural);
	merge_sort(c, v + h, tmp, n - h, natural);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = sort_cmp(c, &v[j], &v[i], natural) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

static json_t *sort_by(struct lctx *c, json_t *in, const json_t *property, bool natural)
{
	json_t *items = items_of(in);
	size_t n = json_array_size(items);
	if (property && !json_is_null(property)) {
		for (size_t i = 0; i < n; i++)
			if (!json_is_object(json_array_get(items, i)) && !json_is_array(json_array_get(items, i)) &&
			    !json_is_string(json_array_get(items, i))) {
				json_decref(items);
				return NULL;	/* not every item responds to [] */
			}
	}
	struct sort_item *v = xcalloc(n + 1, sizeof *v), *tmp = xcalloc(n + 1, sizeof *tmp);
	for (size_t i = 0; i < n; i++) {
		v[i].v = json_array_get(items, i);
		v[i].key = property && !json_is_null(property) ? prop(v[i].v, property) : v[i].v;
		v[i].i = i;
	}
	merge_sort(c, v, tmp, n, natural);
	json_t *r = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append(r, v[i].v);
	free(v);
	free(tmp);
	json_decref(items);
	if (c->failed) {
		json_decref(r);
		return NULL;
	}
	return r;
}

static json_t *f_sort(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)kw;
	return sort_by(c, in, ARG(0), false);
}

static json_t *f_sort_natural(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)kw;
	return sort_by(c, in, ARG(0), true);
}

static json_t *f_uniq(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)kw;
	json_t *items = items_of(in), *r = json_array(), *keys = json_array();
	for (size_t i = 0; i < json_array_size(items); i++) {
		json_t *x = json_array_get(items, i);
		json_t *k = ARG(0) ? prop(x, ARG(0)) : x;
		bool seen = false;
		for (size_t j = 0; j < json_array_size(keys) && !seen; j++) {
			json_t *y = json_array_get(keys, j);
			seen = lv_equal(k, json_is_null(y) ? NULL : y) &&
			       (!k || json_typeof(k) == json_typeof(y) || json_is_null(y));
		}
		if (!seen) {
			json_array_append(keys, k ? k : json_null());
			json_array_append(r, x);
		}
	}
	json_decref(keys);
	json_decref(items);
	return r;
}

static json_t *f_map(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)nargs, (void)kw;
	json_t *items = items_of(in), *r = json_array();
	for (size_t i = 0; i < json_array_size(items); i++) {
		json_t *x = json_array_get(items, i);
		/* Ruby: an Integer's or an Array's [] refuses a string (TypeError);
		 * a String's [] gives the substring or nil. */
		if ((json_is_array(x) && !json_is_integer(args[0])) || json_is_integer(x)) {
			lctx_error(c, "cannot select the property '%s'",
				   json_is_string(args[0]) ? json_string_value(args[0]) : "?");
			break;
		}
		json_t *v = prop(x, args[0]);
		if (json_is_string(x) && json_is_string(args[0]) &&
		    strstr(json_string_value(x), json_string_value(args[0])))
			v = args[0];
		json_array_append(r, v ? v : json_null());
	}
	json_decref(items);
	if (c->failed) {
		json_decref(r);
		return NULL;
	}
	return r;
}

static json_t *f_where(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)kw;
	json_t *items = items_of(in), *r = json_array();
	for (size_t i = 0; i < json_array_size(items); i++) {
		json_t *x = json_array_get(items, i);
		json_t *v = prop(x, args[0]);
		bool keep = ARG(1) && !json_is_null(ARG(1)) ? lv_equal(v, ARG(1)) : lv_truthy(v);
		if (keep)
			json_array_append(r, x);
	}
	json_decref(items);
	return r;
}

static json_t *f_compact(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)kw;
	json_t *items = items_of(in), *r = json_array();
	for (size_t i = 0; i < json_array_size(items); i++) {
		json_t *x = json_array_get(items, i);
		json_t *v = ARG(0) ? prop(x, ARG(0)) : x;
		if (v && !json_is_null(v))
			json_array_append(r, x);
	}
	json_decref(items);
	return r;
}

static json_t *f_concat(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)nargs, (void)kw;
	if (!args[0] || !json_is_array(args[0])) {
		lctx_error(c, "concat filter requires an array argument");
		return NULL;
	}
	json_t *r = items_of(in);
	json_array_extend(r, args[0]);
	return r;
}

static json_t *f_slice(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)kw;
	long long off, len = 1;
	if (!want_int(c, args[0], &off) || (ARG(1) && !want_int(c, ARG(1), &len)))
		return NULL;
	if (in && json_is_array(in)) {
		long long n = (long long)json_array_size(in);
		if (off < 0)
			off += n;
		json_t *r = json_array();
		if (off < 0 || off > n || len < 0)
			return r;
		for (long long i = off; i < n && i < off + len; i++)
			json_array_append(r, json_array_get(in, (size_t)i));
		return r;
	}
	char *s = s_of(in);
	size_t bn = strlen(s);
	long long n = (long long)lv_utf8_len(s, bn);
	if (off < 0)
		off += n;
	json_t *r;
	if (off < 0 || off > n || len < 0) {
		r = json_string("");
	} else {
		long long end = off + len > n ? n : off + len;
		size_t a = lv_utf8_offset(s, bn, (size_t)off), z = lv_utf8_offset(s, bn, (size_t)end);
		r = json_stringn(s + a, z - a);
	}
	free(s);
	return r;
}

static json_t *replace_impl(json_t *in, json_t *pat, json_t *with, int mode)
{
	char *s = s_of(in), *p = s_of(pat), *w = with ? s_of(with) : xstrdup("");
	size_t pl = strlen(p);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	if (mode == 'l') {
		/* rindex, then replace that one */
		const char *last = NULL;
		for (const char *m = strstr(s, p); m; m = *m ? strstr(m + 1, p) : NULL) {
			last = m;
			if (!*m)
				break;
		}
		if (!last) {
			buf_adds(&b, s);
		} else {
			buf_add(&b, s, (size_t)(last - s));
			buf_adds(&b, w);
			buf_adds(&b, last + pl);
		}
	} else if (!pl) {
		/* gsub("") puts the replacement between every character */
		size_t n = strlen(s);
		for (size_t i = 0;;) {
			buf_adds(&b, w);
			if (i >= n || mode == 'f') {
				buf_adds(&b, s + i);
				break;
			}
			size_t k = lv_utf8_offset(s + i, n - i, 1);
			buf_add(&b, s + i, k);
			i += k;
		}
	} else {
		const char *q = s;
		for (;;) {
			const char *m = strstr(q, p);
			if (!m) {
				buf_adds(&b, q);
				break;
			}
			buf_add(&b, q, (size_t)(m - q));
			buf_adds(&b, w);
			q = m + pl;
			if (mode == 'f') {
				buf_adds(&b, q);
				break;
			}
		}
	}
	free(s);
	free(p);
	free(w);
	return str_result(&b);
}

static json_t *f_replace(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)kw;
	return replace_impl(in, args[0], ARG(1), 'a');
}

static json_t *f_replace_first(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)kw;
	return replace_impl(in, args[0], ARG(1), 'f');
}

static json_t *f_replace_last(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)kw;
	return replace_impl(in, args[0], ARG(1), 'l');
}

static json_t *f_remove(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)nargs, (void)kw;
	return replace_impl(in, args[0], NULL, 'a');
}

static json_t *f_remove_first(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)nargs, (void)kw;
	return replace_impl(in, args[0], NULL, 'f');
}

static json_t *f_remove_last(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)nargs, (void)kw;
	return replace_impl(in, args[0], NULL, 'l');
}

static json_t *f_default(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c;
	json_t *opts = kw ? kw : (ARG(1) && json_is_object(ARG(1)) ? ARG(1) : NULL);
	bool allow_false = opts && lv_truthy(json_object_get(opts, "allow_false"));
	bool use_default = allow_false ? (!in || json_is_null(in)) : !lv_truthy(in);
	if (!use_default && in) {
		if (json_is_string(in))
			use_default = json_string_length(in) == 0;
		else if (json_is_array(in))
			use_default = json_array_size(in) == 0;
		else if (json_is_object(in))
			use_default = json_object_size(in) == 0;
	}
	if (use_default)
		return ARG(0) ? json_incref(ARG(0)) : json_string("");
	return json_incref(in);
}

static json_t *f_date(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)nargs, (void)kw;
	char *fmt = s_of(args[0]);
	struct ldate d;
	if (!*fmt || !lv_to_date(in, &d)) {
		free(fmt);
		return in ? json_incref(in) : NULL;
	}
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	lv_strftime(&b, fmt, &d);
	free(fmt);
	return str_result(&b);
}

/* ---- math: Ruby numbers, decimals as BigDecimal keeps them ---- */

/* An exact decimal m x 10^e, from an integer or a float's shortest digits. */
struct dec {
	__int128 m;
	int e;
};

static bool dec_of(const json_t *v, struct dec *d)
{
	if (json_is_integer(v)) {
		d->m = json_integer_value(v);
		d->e = 0;
		return true;
	}
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	lv_float_to_s(&b, json_real_value(v));
	const char *s = b.data;
	bool neg = *s == '-';
	if (neg)
		s++;
	if (!isdigit((unsigned char)*s)) {
		buf_free(&b);
		return false;
	}
	__int128 m = 0;
	int e = 0;
	bool frac = false;
	for (; *s && *s != 'e'; s++) {
		if (*s == '.') {
			frac = true;
			continue;
		}
		m = m * 10 + (*s - '0');
		if (frac)
			e--;
	}
	if (*s == 'e')
		e += atoi(s + 1);
	buf_free(&b);
	d->m = neg ? -m : m;
	d->e = e;
	return true;
}

static double dec_to_double(struct dec d)
{
	char digits[64];
	unsigned __int128 u = d.m < 0 ? (unsigned __int128)(-d.m) : (unsigned __int128)d.m;
	int k = 0;
	do {
		digits[k++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u && k < 60);
	char s[96];
	int j = 0;
	if (d.m < 0)
		s[j++] = '-';
	while (k)
		s[j++] = digits[--k];
	snprintf(s + j, sizeof s - (size_t)j, "e%d", d.e);
	return strtod(s, NULL);
}

static bool pow10_128(int k, __int128 *out)
{
	__int128 r = 1;
	for (int i = 0; i < k; i++) {
		if (r > ((__int128)1 << 120) / 10)
			return false;
		r *= 10;
	}
	*out = r;
	return true;
}

/* Bring both to the same exponent; false when that overflows. */
static bool dec_align(struct dec *a, struct dec *b)
{
	struct dec *hi = a->e > b->e ? a : b, *lo = a->e > b->e ? b : a;
	__int128 p;
	if (!pow10_128(hi->e - lo->e, &p))
		return false;
	__int128 limit = ((__int128)1 << 124) / (p ? p : 1);
	if (hi->m > limit || hi->m < -limit)
		return false;
	hi->m *= p;
	hi->e = lo->e;
	return true;
}

static json_t *arith(struct lctx *c, json_t *in, json_t *arg, char op)
{
	json_t *x = lv_to_number(in), *y = lv_to_number(arg);
	json_t *r = NULL;
	if (json_is_integer(x) && json_is_integer(y)) {
		long long a = json_integer_value(x), b = json_integer_value(y), v = 0;
		bool ovf = false;
		switch (op) {
		case '+': ovf = __builtin_add_overflow(a, b, &v); break;
		case '-': ovf = __builtin_sub_overflow(a, b, &v); break;
		case '*': ovf = __builtin_mul_overflow(a, b, &v); break;
		case '/': case '%':
			if (b == 0) {
				lctx_error(c, "divided by 0");
				break;
			}
			if (b == -1) {	/* LLONG_MIN / -1 overflows, and so may its % in C */
				ovf = op == '/' && a == LLONG_MIN;
				v = op == '/' && !ovf ? -a : 0;
				break;
			}
			/* Ruby floors; the remainder takes the divisor's sign. Taken
			 * from C's % rather than a - q * b, which overflows near the
			 * ends of the range. */
			if (op == '%') {
				v = a % b;
				if (v != 0 && (v < 0) != (b < 0))
					v += b;
				break;
			}
			v = a / b;
			if ((a % b != 0) && ((a < 0) != (b < 0)))
				v--;
			break;
		}
		if (ovf)
			lctx_error(c, "integer overflow in a math filter");
		else if (!c->failed)
			r = json_integer(v);
	} else {
		struct dec a, b;
		double v = 0;
		bool exact = dec_of(x, &a) && dec_of(y, &b);
		double fa = json_number_value(x), fb = json_number_value(y);
		if ((op == '/' || op == '%') && fb == 0) {
			lctx_error(c, "divided by 0");
		} else if (exact && (op == '+' || op == '-') && dec_align(&a, &b)) {
			v = dec_to_double((struct dec){op == '+' ? a.m + b.m : a.m - b.m, a.e});
		} else if (exact && op == '*' && a.m < ((__int128)1 << 62) && a.m > -((__int128)1 << 62) &&
			   b.m < ((__int128)1 << 62) && b.m > -((__int128)1 << 62)) {
			v = dec_to_double((struct dec){a.m * b.m, a.e + b.e});
		} else if (op == '%') {
			double q = floor(fa / fb);
			v = fa - q * fb;
			/* exact decimals when the quotient fits an integer: q is
			 * made one only then (a larger one is no __int128) */
			if (exact && fabs(q) < 1e18 && b.m < ((__int128)1 << 62) && b.m > -((__int128)1 << 62)) {
				struct dec prod = {(__int128)q * b.m, b.e};
				struct dec aa = a;
				if (dec_align(&aa, &prod))
					v = dec_to_double((struct dec){aa.m - prod.m, aa.e});
			}
		} else {
			switch (op) {
			case '+': v = fa + fb; break;
			case '-': v = fa - fb; break;
			case '*': v = fa * fb; break;
			default: v = fa / fb; break;
			}
		}
		if (!c->failed)
			r = json_real(v);
	}
	json_decref(x);
	json_decref(y);
	return r;
}

/* Liquid's five math filters differ only in the operator arith applies. */
#define ARITH_FILTER(name, op)                                                         \
	static json_t *name(struct lctx *c, json_t *in, json_t **args, size_t nargs,  \
			    json_t *kw)                                                \
	{                                                                              \
		(void)nargs, (void)kw;                                                 \
		return arith(c, in, args[0], op);                                      \
	}
ARITH_FILTER(f_plus, '+')
ARITH_FILTER(f_minus, '-')
ARITH_FILTER(f_times, '*')
ARITH_FILTER(f_divided_by, '/')
ARITH_FILTER(f_modulo, '%')
#undef ARITH_FILTER

static json_t *f_abs(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	json_t *x = lv_to_number(in), *r;
	if (json_is_integer(x))
		r = json_integer(json_integer_value(x) < 0 && json_integer_value(x) != LLONG_MIN
				 ? -json_integer_value(x) : json_integer_value(x));
	else
		r = json_real(fabs(json_real_value(x)));
	json_decref(x);
	return r;
}

static json_t *to_i(struct lctx *c, double d)
{
	if (isnan(d) || isinf(d)) {
		lctx_error(c, "%s", isnan(d) ? "NaN" : d < 0 ? "-Infinity" : "Infinity");
		return NULL;
	}
	if (d >= 9.2e18 || d <= -9.2e18) {
		lctx_error(c, "integer overflow in a math filter");
		return NULL;
	}
	return json_integer((json_int_t)d);
}

/* ceil and floor: an integer stays as it is, a float is rounded one way. */
#define ROUNDING_FILTER(name, fn)                                                      \
	static json_t *name(struct lctx *c, json_t *in, json_t **args, size_t nargs,  \
			    json_t *kw)                                                \
	{                                                                              \
		(void)args, (void)nargs, (void)kw;                                     \
		json_t *x = lv_to_number(in);                                          \
		json_t *r = json_is_integer(x) ? json_incref(x)                        \
					       : to_i(c, fn(json_real_value(x)));      \
		json_decref(x);                                                        \
		return r;                                                              \
	}
ROUNDING_FILTER(f_ceil, ceil)
ROUNDING_FILTER(f_floor, floor)
#undef ROUNDING_FILTER

static json_t *f_round(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)kw;
	json_t *x = lv_to_number(in);
	json_t *nn = ARG(0) ? lv_to_number(ARG(0)) : json_integer(0);
	long long n = json_is_integer(nn) ? json_integer_value(nn) : (long long)json_real_value(nn);
	json_decref(nn);
	json_t *r = NULL;
	if (n < -30)
		n = -30;
	if (n > 30)
		n = 30;
	struct dec d;
	if (json_is_integer(x) && n >= 0) {
		r = json_incref(x);
	} else if (dec_of(x, &d)) {
		/* Half away from zero, on the decimal digits (BigDecimal's ROUND_HALF_UP). */
		int drop = -d.e - (int)n;
		if (drop > 0) {
			__int128 p;
			if (!pow10_128(drop, &p)) {
				d.m = 0;
			} else {
				__int128 q = d.m / p, rem = d.m % p;
				if (rem < 0)
					rem = -rem;
				if (rem * 2 >= p)
					q += d.m < 0 ? -1 : 1;
				d.m = q;
			}
			d.e = -(int)n;
		}
		double v = dec_to_double(d);
		if (n <= 0 || json_is_integer(x))
			r = to_i(c, v);
		else
			r = json_real(v);
	} else {
		double v = json_real_value(x);
		r = n == 0 ? to_i(c, v) : json_real(v);
	}
	json_decref(x);
	return r;
}

static json_t *bound(struct lctx *c, json_t *in, json_t *arg, bool least)
{
	(void)c;
	json_t *x = lv_to_number(in), *y = lv_to_number(arg);
	bool ok;
	int cmp = lv_compare(y, x, &ok);
	json_t *r = (least ? cmp > 0 : cmp < 0) ? y : x;
	json_incref(r);
	json_decref(x);
	json_decref(y);
	return r;
}

static json_t *f_at_least(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)nargs, (void)kw;
	return bound(c, in, args[0], true);
}

static json_t *f_at_most(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)nargs, (void)kw;
	return bound(c, in, args[0], false);
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static json_t *b64_encode(const json_t *in, bool url)
{
	char *s = s_of(in);
	size_t n = strlen(s);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)(unsigned char)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)(unsigned char)s[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)s[i + 2];
		for (int k = 0; k < 4; k++) {
			if ((size_t)k > n - i) {
				buf_addc(&b, '=');
				continue;
			}
			char ch = b64[(v >> (18 - 6 * k)) & 63];
			if (url && ch == '+')
				ch = '-';
			if (url && ch == '/')
				ch = '_';
			buf_addc(&b, ch);
		}
	}
	free(s);
	return str_result(&b);
}

static json_t *f_base64_encode(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	return b64_encode(in, false);
}

static json_t *f_base64_url_safe_encode(struct lctx *c, json_t *in, json_t **args, size_t nargs,
					json_t *kw)
{
	(void)c, (void)args, (void)nargs, (void)kw;
	return b64_encode(in, true);
}

/* Sorted by name for bsearch. */
static const struct lfilter_def standard[] = {
	{"abs", f_abs, 0, 0},
	{"append", f_append, 1, 1},
	{"at_least", f_at_least, 1, 1},
	{"at_most", f_at_most, 1, 1},
	{"base64_encode", f_base64_encode, 0, 0},
	{"base64_url_safe_encode", f_base64_url_safe_encode, 0, 0},
	{"capitalize", f_capitalize, 0, 0},
	{"ceil", f_ceil, 0, 0},
	{"compact", f_compact, 0, 1},
	{"concat", f_concat, 1, 1},
	{"date", f_date, 1, 1},
	{"default", f_default, 0, 2},
	{"divided_by", f_divided_by, 1, 1},
	{"downcase", f_downcase, 0, 0},
	{"escape", f_escape, 0, 0},
	{"escape_once", f_escape_once, 0, 0},
	{"first", f_first, 0, 0},
	{"floor", f_floor, 0, 0},
	{"h", f_escape, 0, 0},
	{"join", f_join, 0, 1},
	{"last", f_last, 0, 0},
	{"lstrip", f_lstrip, 0, 0},
	{"map", f_map, 1, 1},
	{"minus", f_minus, 1, 1},
	{"modulo", f_modulo, 1, 1},
	{"newline_to_br", f_newline_to_br, 0, 0},
	{"plus", f_plus, 1, 1},
	{"prepend", f_prepend, 1, 1},
	{"remove", f_remove, 1, 1},
	{"remove_first", f_remove_first, 1, 1},
	{"remove_last", f_remove_last, 1, 1},
	{"replace", f_replace, 1, 2},
	{"replace_first", f_replace_first, 1, 2},
	{"replace_last", f_replace_last, 2, 2},
	{"reverse", f_reverse, 0, 0},
	{"round", f_round, 0, 1},
	{"rstrip", f_rstrip, 0, 0},
	{"size", f_size, 0, 0},
	{"slice", f_slice, 1, 2},
	{"sort", f_sort, 0, 1},
	{"sort_natural", f_sort_natural, 0, 1},
	{"split", f_split, 1, 1},
	{"strip", f_strip, 0, 0},
	{"strip_html", f_strip_html, 0, 0},
	{"strip_newlines", f_strip_newlines, 0, 0},
	{"times", f_times, 1, 1},
	{"truncate", f_truncate, 0, 2},
	{"truncatewords", f_truncatewords, 0, 2},
	{"uniq", f_uniq, 0, 1},
	{"upcase", f_upcase, 0, 0},
	{"url_decode", f_url_decode, 0, 0},
	{"url_encode", f_url_encode, 0, 0},
	{"where", f_where, 1, 2},
};

static int by_name(const void *key, const void *row)
{
	return strcmp(key, ((const struct lfilter_def *)row)->name);
}

const struct lfilter_def *lfilter_find(const struct lfilter_def *table, size_t n, const char *name)
{
	return bsearch(name, table, n, sizeof table[0], by_name);
}

const struct lfilter_def *lfilter_standard(const char *name)
{
	return lfilter_find(standard, sizeof standard / sizeof standard[0], name);
}
