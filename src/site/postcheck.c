/* postcheck.c: front matter values checked when loaded (postcheck.h). */
#include <config.h>

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/langtag.h"
#include "base/text.h"
#include "site/postcheck.h"

/* Front matter starts on the file's second line (after "---"). */
static unsigned long line_of(const yaml_node_t *n)
{
	return n ? n->start_mark.line + 2 : 0;
}

static unsigned long col_of(const yaml_node_t *n)
{
	return n ? n->start_mark.column + 1 : 0;
}

static char *refuse(char *v, const yaml_node_t *n, const char *path, const char *rule,
		    const char *key, const char *why, struct diag_sink *diag)
{
	bool said = strstr(why, "; ") != NULL;	/* it says what is used instead */
	diag_report(diag, DIAG_WARNING, path, line_of(n), col_of(n), rule, "%s '%s' %s%s", key, v,
		    why, said ? "" : "; left out");
	free(v);
	return NULL;
}

/* Where v's authority ends, when it has one ("//" first, or after http: or
 * https:): '[' and ']' belong there only (an IPv6 literal, RFC 3986 §3.2.2). */
static size_t authority_end(const char *v)
{
	size_t k = strcspn(v, ":/?#");
	const char *a = v[k] == ':' ? v + k + 1 : v;
	if (a[0] != '/' || a[1] != '/')
		return 0;
	return (size_t)(a + 2 - v) + strcspn(a + 2, "/?#");
}

/* v with the ASCII bytes an IRI cannot hold (space, '<', '"', a '%' not
 * starting an escape, a bracket outside the host, ...) percent-encoded:
 * "/my photo.png" is meant, and "/my%20photo.png" is what a feed can carry.
 * A new string. */
static char *iri_escape(const char *v)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t host_end = authority_end(v);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (const unsigned char *c = (const unsigned char *)v; *c; c++) {
		bool bracket = *c == '[' || *c == ']';
		bool ok = *c >= 0x80 ||
			  (*c != '%' && (isalnum(*c) || strchr(";/?:@&=+$.-_!~*'(),#", *c))) ||
			  (bracket && (size_t)((const char *)c - v) < host_end) ||
			  (*c == '%' && isxdigit(c[1]) && isxdigit(c[2]));
		if (ok) {
			buf_addc(&b, (char)*c);
		} else {
			buf_addc(&b, '%');
			buf_addc(&b, hex[*c >> 4]);
			buf_addc(&b, hex[*c & 15]);
		}
	}
	return buf_take(&b);
}

const char *postcheck_url_problem(const char *v)
{
	for (const char *c = v; *c; c++)
		if ((unsigned char)*c < ' ' || (unsigned char)*c == 0x7f)
			return "holds a control character";
	/* A ':' before any '/', '?' or '#' makes what stands before it a scheme
	 * (RFC 3986 §4.2): it must be http or https. */
	size_t k = strcspn(v, ":/?#");
	if (v[k] == ':' && !(k == 4 && strncasecmp(v, "http", 4) == 0) &&
	    !(k == 5 && strncasecmp(v, "https", 5) == 0))
		return "is not an http or https URL";
	/* http(s) has an authority (RFC 9110 §4.2): "https:x" is no URL a
	 * reader can follow, and the validator refuses it. */
	if (v[k] == ':' && (strncmp(v + k + 1, "//", 2) != 0 || strchr("/?#", v[k + 3])))
		return "has no host after http(s)://";
	return NULL;
}

char *postcheck_url_clean(const char *v)
{
	return v && !postcheck_url_problem(v) ? iri_escape(v) : NULL;
}

char *postcheck_url(char *v, const yaml_node_t *n, const char *path, const char *key,
		    struct diag_sink *diag)
{
	if (!v)
		return NULL;
	const char *why = postcheck_url_problem(v);
	if (why)
		return refuse(v, n, path, why[0] == 'h' ? "url-value" : "url-scheme", key, why,
			      diag);
	char *clean = iri_escape(v);
	free(v);
	return clean;
}

bool postcheck_is_lang(const char *v)
{
	return langtag_known(v);
}

char *postcheck_lang(char *v, const yaml_node_t *n, const char *path, struct diag_sink *diag)
{
	if (!v || !*v || postcheck_is_lang(v))
		return v;
	return refuse(v, n, path, "lang", "lang", "is not a language tag (en, zh-CN)", diag);
}

char *postcheck_media_type(char *v, const yaml_node_t *n, const char *path,
			   struct diag_sink *diag)
{
	if (!v || !*v)
		return v;
	static const char name[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
				   "!#$&-^_.+";
	size_t t = strspn(v, name);
	bool ok = t > 0 && v[t] == '/';
	size_t s = ok ? strspn(v + t + 1, name) : 0;
	const char *rest = v + t + 1 + s;
	ok = ok && s > 0 && (*rest == '\0' || *rest == ';');
	for (const char *c = rest; ok && *c; c++)
		ok = (unsigned char)*c >= ' ' && (unsigned char)*c != 0x7f;
	if (ok)
		return v;
	return refuse(v, n, path, "media-type", "enclosure type",
		      "is not a media type (audio/mpeg)", diag);
}

/* ---- id: an absolute IRI as the validator reads one (RFC 4287 §4.2.6,
 * RFC 3987; tag: as RFC 4151, urn: as RFC 8141 with whole UUIDs). The
 * validator's own checks are in validate/, which the loader cannot reach. */

static bool all_of(const char *s, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr(set, s[i]))
			return false;
	return true;
}

static bool uri_char(unsigned char ch)
{
	return isalnum(ch) || strchr(";/?:@&=+$.-_!~*'()%,#", ch) != NULL;
}

static bool tag_ok(const char *s)
{
	const char *p = s + 4, *comma = strchr(p, ',');
	if (!comma || comma == p)
		return false;
	const char *at = memchr(p, '@', (size_t)(comma - p));
	const char *host = at ? at + 1 : p;
	if ((at && (at == p || !all_of(p, (size_t)(at - p), "-._"))) || host == comma)
		return false;
	for (const char *h = host; h < comma; h++)
		if (!(islower((unsigned char)*h) || isdigit((unsigned char)*h) || *h == '.' || *h == '-'))
			return false;
	/* A date: YYYY, YYYY-MM or YYYY-MM-DD; then ':' and URI characters. */
	const char *q = comma + 1;
	if (strspn(q, "0123456789") < 4)
		return false;
	int ymd[3] = { atoi(q), 1, 1 };
	q += 4;
	for (int part = 1; part < 3 && *q == '-'; part++) {
		if (!isdigit((unsigned char)q[1]) || !isdigit((unsigned char)q[2]))
			return false;
		ymd[part] = (q[1] - '0') * 10 + (q[2] - '0');
		q += 3;
	}
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (ymd[0] % 4 == 0 && ymd[0] % 100 != 0) || ymd[0] % 400 == 0;
	if (ymd[1] < 1 || ymd[1] > 12 || ymd[2] < 1 || ymd[2] > mdays[ymd[1] - 1] ||
	    (ymd[1] == 2 && ymd[2] == 29 && !leap))
		return false;
	if (*q++ != ':')
		return false;
	for (; *q; q++)
		if (!uri_char((unsigned char)*q) && *q != '[' && *q != ']')
			return false;
	return true;
}

static bool urn_ok(const char *s)
{
	const char *nid = s + 4;
	size_t n = strcspn(nid, ":");
	if (nid[n] != ':' || n < 2 || n > 32 || !isalnum((unsigned char)nid[0]) || !all_of(nid, n, "-"))
		return false;
	const char *nss = nid + n + 1;
	if (*nss == '\0')
		return false;
	if (n == 4 && strncasecmp(nid, "uuid", 4) == 0) {
		static const size_t groups[] = { 8, 4, 4, 4, 12 };
		for (int g = 0; g < 5; g++) {
			for (size_t i = 0; i < groups[g]; i++, nss++)
				if (!isxdigit((unsigned char)*nss))
					return false;
			if (g < 4 && *nss++ != '-')
				return false;
		}
		return *nss == '\0';
	}
	for (const char *p = nss; *p; p++) {
		if (*p == '%') {
			if (!isxdigit((unsigned char)p[1]) || !isxdigit((unsigned char)p[2]))
				return false;
			p += 2;
		} else if (!isalnum((unsigned char)*p) && !strchr("()+,-.:=@;$_!*'/?#~&", *p)) {
			return false;
		}
	}
	return true;
}

static bool iri_ok(const char *s)
{
	size_t k = strcspn(s, ":/?#");
	if (s[k] != ':' || k == 0 || !isalpha((unsigned char)s[0]) || !all_of(s, k, "+-.") ||
	    s[k + 1] == '\0')
		return false;
	for (const char *p = s; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '%' && !(isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])))
			return false;
		if (ch < 0x80 && ch != '%' && !uri_char(ch))
			return false;
	}
	if (k == 3 && strncasecmp(s, "tag", 3) == 0)
		return tag_ok(s);
	if (k == 3 && strncasecmp(s, "urn", 3) == 0)
		return urn_ok(s);
	if ((k == 4 && !strncasecmp(s, "http", 4)) || (k == 5 && !strncasecmp(s, "https", 5)) ||
	    (k == 3 && !strncasecmp(s, "ftp", 3)))
		return s[k + 1] == '/' && s[k + 2] == '/' && s[k + 3] != '\0' && s[k + 3] != '/';
	return true;
}

char *postcheck_id(char *v, const yaml_node_t *n, const char *path, struct diag_sink *diag)
{
	if (!v || iri_ok(v))
		return v;
	if (*v && v[strcspn(v, ":/?#")] != ':' && !postcheck_url_problem(v)) {
		char *rel = iri_escape(v);	/* relative: made absolute by the caller */
		free(v);
		return rel;
	}
	return refuse(v, n, path, "entry-id", "id",
		      "is not an absolute IRI a feed id can be (https://..., tag:, urn:); the "
		      "default id is used", diag);
}

/* An addr-spec as the validator reads one (validate/'s email_n): a local
 * part of atext and dots, '@', a dotted domain ending in letters or digits. */
static bool email_ok(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || s[0] == '.' || at[-1] == '.' || strstr(s, ".."))
		return false;
	if (!all_of(s, (size_t)(at - s), "!#$%&'*+-/=?^_`{|}~."))
		return false;
	const char *d = at + 1, *last = strrchr(d, '.');
	size_t dom = strlen(d);
	if (dom < 3 || !all_of(d, dom, "-.") || d[0] == '.' || d[0] == '-' || !last || !last[1])
		return false;
	return all_of(last + 1, strlen(last + 1), "");
}

char *postcheck_email_clean(const char *v)
{
	return v && email_ok(v) ? xstrdup(v) : NULL;
}

char *postcheck_email(char *v, const yaml_node_t *n, const char *path, struct diag_sink *diag)
{
	if (!v || email_ok(v))
		return v;
	return refuse(v, n, path, "email", "author email", "is not an e-mail address", diag);
}

static size_t words(const char *s)
{
	size_t n = 0;
	for (bool in = false; s && *s; s++) {
		bool space = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		n += !space && !in;
		in = !space;
	}
	return n;
}

int postcheck_names_raw(const yaml_node_t *const *v, size_t n, const yaml_node_t *at,
			const char *path, struct diag_sink *diag)
{
	size_t items = 0;
	for (size_t i = 0; i < n; i++) {
		const yaml_node_t *x = v[i];
		if (!x)
			continue;
		if (x->type == YAML_SEQUENCE_NODE)
			items += (size_t)(x->data.sequence.items.top - x->data.sequence.items.start);
		else if (x->type == YAML_SCALAR_NODE)
			items += words((const char *)x->data.scalar.value);
	}
	if (items <= 10 * (size_t)POST_MAX_NAMES)
		return 0;
	diag_report(diag, DIAG_ERROR, path, line_of(at), col_of(at), "too-many-names",
		    "%zu categories and tags, more than %d: each would get feeds holding the whole "
		    "post; the post is skipped", items, POST_MAX_NAMES);
	return -1;
}

int postcheck_names(const struct post *p, struct diag_sink *diag)
{
	size_t n = p->categories.n + p->tags.n;
	if (n <= POST_MAX_NAMES)
		return 0;
	diag_report(diag, DIAG_ERROR, p->path, 0, 0, "too-many-names",
		    "%zu categories and tags, more than %d: each would get feeds holding the whole "
		    "post; the post is skipped", n, POST_MAX_NAMES);
	return -1;
}
