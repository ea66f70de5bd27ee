/* rules_values.c: checks on the text of one element or attribute — dates,
 * URIs, e-mail addresses, media types, language codes, numbers. Pure
 * functions of a trimmed, NUL-terminated UTF-8 string; no allocation. */
#include <config.h>

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/langtag.h"
#include "validate/rules.h"

/* ---- small scanners ---- */

/* n digits at *p; advances and stores the value. */
static bool digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return true;
}

static bool lit(const char **p, char ch)
{
	if (**p != ch)
		return false;
	(*p)++;
	return true;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static bool date_ok(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

static bool time_ok(int h, int mi, int s)
{
	return h <= 23 && mi <= 59 && s <= 60;
}

/* "Z" or "+HH:MM"/"-HH:MM" at *p. */
static bool zone_colon(const char **p)
{
	int h, m;
	if (lit(p, 'Z'))
		return true;
	if (**p != '+' && **p != '-')
		return false;
	(*p)++;
	return digits(p, 2, &h) && lit(p, ':') && digits(p, 2, &m) && h <= 23 && m <= 59;
}

/* RFC 3339 section 5.6 date-time, upper-case T and Z as RFC 4287 section 3.3 asks. */
bool check_rfc3339(const char *s)
{
	int y, mo, d, h, mi, se;
	const char *p = s;
	if (!digits(&p, 4, &y) || !lit(&p, '-') || !digits(&p, 2, &mo) || !lit(&p, '-') ||
	    !digits(&p, 2, &d) || !lit(&p, 'T') || !digits(&p, 2, &h) || !lit(&p, ':') ||
	    !digits(&p, 2, &mi) || !lit(&p, ':') || !digits(&p, 2, &se))
		return false;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return false;
		while (isdigit((unsigned char)*p))
			p++;
	}
	return zone_colon(&p) && *p == '\0' && date_ok(y, mo, d) && time_ok(h, mi, se);
}

/* W3C-DTF (a profile of ISO 8601): YYYY, YYYY-MM, YYYY-MM-DD, or a date with
 * hh:mm[:ss[.s]] and a zone. */
bool check_w3cdtf(const char *s)
{
	int y, mo = 1, d = 1, h, mi, se = 0;
	const char *p = s;
	if (!digits(&p, 4, &y))
		return false;
	if (*p == '\0')
		return true;
	if (!lit(&p, '-') || !digits(&p, 2, &mo))
		return false;
	if (*p == '\0')
		return mo >= 1 && mo <= 12;
	if (!lit(&p, '-') || !digits(&p, 2, &d) || !date_ok(y, mo, d))
		return false;
	if (*p == '\0')
		return true;
	if (!lit(&p, 'T') || !digits(&p, 2, &h) || !lit(&p, ':') || !digits(&p, 2, &mi))
		return false;
	if (lit(&p, ':')) {
		if (!digits(&p, 2, &se))
			return false;
		if (lit(&p, '.'))
			while (isdigit((unsigned char)*p))
				p++;
	}
	return zone_colon(&p) && *p == '\0' && time_ok(h, mi, se);
}

static const char *const month_names[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};
static const char *const day_names[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };

static int name_index(const char *p, const char *const *names, int n, bool icase)
{
	for (int i = 0; i < n; i++)
		if (icase ? strncasecmp(p, names[i], 3) == 0 : strncmp(p, names[i], 3) == 0)
			return i;
	return -1;
}

struct rfc822_parts {
	int dow;	/* -1 when absent */
	int day, month, year, hour, min, sec;
};

/* RFC 2822 §3.2.3 FWS between the tokens of a date: one or more spaces or
 * tabs (strftime's "%e" pads the day with a second space), none when
 * optional is set (after the day of the week's comma, §3.3 "day"). */
static bool fws(const char **p, bool optional)
{
	const char *start = *p;
	while (**p == ' ' || **p == '\t')
		(*p)++;
	return optional || *p > start;
}

/* The RFC 822 section 5 date-time as RFC 2822 section 3.3 prefers to write it:
 * [Day, ]D Mon YYYY HH:MM[:SS] zone, zone being +HHMM (any offset: Nepal is
 * +0545), UT, GMT, the US zones or Z. */
static bool parse_rfc822_strict(const char *s, struct rfc822_parts *t)
{
	static const char *const zones[] = {
		"UT", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "Z"
	};
	const char *p = s;
	t->dow = -1;
	t->sec = 0;
	if (isalpha((unsigned char)*p)) {
		t->dow = name_index(p, day_names, 7, false);
		if (t->dow < 0 || p[3] != ',')
			return false;
		p += 4;
		fws(&p, true);
	}
	if (!digits(&p, 1, &t->day))
		return false;
	if (isdigit((unsigned char)*p)) {
		int d2;
		digits(&p, 1, &d2);
		t->day = t->day * 10 + d2;
	}
	if (!fws(&p, false) || (t->month = name_index(p, month_names, 12, false)) < 0)
		return false;
	p += 3;
	if (!fws(&p, false) || !digits(&p, 4, &t->year) || !fws(&p, false) ||
	    !digits(&p, 2, &t->hour) || !lit(&p, ':') || !digits(&p, 2, &t->min))
		return false;
	if (lit(&p, ':') && !digits(&p, 2, &t->sec))
		return false;
	if (!fws(&p, false))
		return false;
	if (*p == '+' || *p == '-') {
		int hh, mm;
		p++;
		return digits(&p, 2, &hh) && digits(&p, 2, &mm) && mm <= 59 && *p == '\0';
	}
	for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
		if (strcmp(p, zones[i]) == 0)
			return true;
	return false;
}

static int day_of_week(int y, int m, int d)
{
	static const int k[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	if (m < 3)
		y--;
	return (y + y / 4 - y / 100 + y / 400 + k[m - 1] + d) % 7;
}

bool check_rfc822(const char *s)
{
	struct rfc822_parts t;
	if (!parse_rfc822_strict(s, &t))
		return false;
	return date_ok(t.year, t.month + 1, t.day) && time_ok(t.hour, t.min, t.sec);
}

bool check_day_of_week(const char *s)
{
	struct rfc822_parts t;
	if (!parse_rfc822_strict(s, &t) || t.dow < 0 || !date_ok(t.year, t.month + 1, t.day))
		return true;
	return day_of_week(t.year, t.month + 1, t.day) == t.dow;
}

static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	return p;
}

/* RFC 822 section 5 in full: case-insensitive names, any white space, comments,
 * two-digit years, military zones, no zone. Accepted with a warning. */
bool check_rfc822_lax(const char *s)
{
	char buf[128];
	size_t n = 0;
	int depth = 0;
	for (const char *q = s; *q && n + 1 < sizeof buf; q++) {
		if (*q == '(')
			depth++;
		else if (*q == ')' && depth > 0)
			depth--;
		else if (depth == 0)
			buf[n++] = *q;
	}
	buf[n] = '\0';
	const char *p = skip_ws(buf);
	int v;
	if (isalpha((unsigned char)*p)) {
		if (name_index(p, day_names, 7, true) < 0)
			return false;
		p = skip_ws(p + 3);
		if (!lit(&p, ','))
			return false;
		p = skip_ws(p);
	}
	if (!digits(&p, 1, &v))
		return false;
	if (isdigit((unsigned char)*p))
		p++;
	if (!isspace((unsigned char)*p))
		return false;
	p = skip_ws(p);
	if (name_index(p, month_names, 12, true) < 0)
		return false;
	p += 3;
	if (!isspace((unsigned char)*p))
		return false;
	p = skip_ws(p);
	if (!digits(&p, 2, &v))
		return false;
	if (isdigit((unsigned char)*p) && !digits(&p, 2, &v))
		return false;
	if (!isspace((unsigned char)*p))
		return false;
	p = skip_ws(p);
	if (!digits(&p, 2, &v) || !lit(&p, ':') || !digits(&p, 2, &v))
		return false;
	if (lit(&p, ':') && !digits(&p, 2, &v))
		return false;
	p = skip_ws(p);
	if (*p == '\0')
		return true;
	if (*p == '+' || *p == '-') {
		p++;
		return digits(&p, 4, &v) && *skip_ws(p) == '\0';
	}
	static const char *const zones[] = {
		"ut", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt"
	};
	size_t zl = strlen(p);
	while (zl > 0 && isspace((unsigned char)p[zl - 1]))
		zl--;
	for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
		if (zl == strlen(zones[i]) && strncasecmp(p, zones[i], zl) == 0)
			return true;
	return zl == 1 && isalpha((unsigned char)*p) && tolower((unsigned char)*p) != 'j';
}

/* A year the feed can plausibly mean: the web's feeds began in the 1990s. */
bool check_date_plausible(const char *s)
{
	int y = 0;
	const char *p = s;
	if (digits(&p, 4, &y))
		return y >= 1990 && y <= 2100;
	struct rfc822_parts t;
	if (parse_rfc822_strict(s, &t))
		return t.year >= 1990 && t.year <= 2100;
	return true;
}

/* ---- URIs (RFC 3986) and IRIs (RFC 3987) ---- */

static bool uri_char(unsigned char ch)
{
	return isalnum(ch) || strchr(";/?:@&=+$.-_!~*'()%,#", ch) != NULL;
}

static bool scheme_ok(const char *s, size_t n)
{
	if (n == 0 || !isalpha((unsigned char)s[0]))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("+-.", s[i]))
			return false;
	return true;
}

/* Length of the scheme (before ':'), or 0 when s has none. */
static size_t scheme_len(const char *s)
{
	size_t n = strcspn(s, ":/?#");
	return s[n] == ':' && scheme_ok(s, n) ? n : 0;
}

bool has_scheme_kind(const char *s, const char *scheme)
{
	size_t n = strlen(scheme);
	return strncasecmp(s, scheme, n) == 0 && s[n] == ':';
}

/* The characters allowed, with %XX escapes well formed; non-ASCII allowed in IRIs.
 * '[' and ']' only in the authority (IP literals). */
static bool ref_chars_ok(const char *s, bool iri)
{
	const char *auth = strstr(s, "//");
	const char *auth_end = auth ? auth + 2 + strcspn(auth + 2, "/?#") : NULL;
	for (const char *p = s; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '%') {
			if (!isxdigit((unsigned char)p[1]) || !isxdigit((unsigned char)p[2]))
				return false;
			continue;
		}
		if ((ch == '[' || ch == ']') && auth && p > auth && p < auth_end)
			continue;
		if (ch >= 0x80 && iri)
			continue;
		if (!uri_char(ch))
			return false;
	}
	return true;
}

static bool scheme_specific_ok(const char *s)
{
	if (has_scheme_kind(s, "tag"))
		return check_tag_uri(s);
	if (has_scheme_kind(s, "urn"))
		return check_urn(s);
	if (has_scheme_kind(s, "http") || has_scheme_kind(s, "https") || has_scheme_kind(s, "ftp")) {
		size_t n = scheme_len(s);
		return s[n + 1] == '/' && s[n + 2] == '/' && s[n + 3] != '\0' && s[n + 3] != '/';
	}
	return true;
}

static bool ref_ok(const char *s, bool iri)
{
	if (!ref_chars_ok(s, iri))
		return false;
	size_t colon = strcspn(s, ":/?#");
	if (s[colon] == ':' && !scheme_ok(s, colon))
		return false;
	return scheme_specific_ok(s);
}

bool check_uri(const char *s)
{
	return ref_ok(s, false);
}

bool check_iri(const char *s)
{
	return ref_ok(s, true);
}

bool is_relative_ref(const char *s)
{
	return scheme_len(s) == 0;
}

/* An absolute URI, as RSS 2.0 requires for link, docs, comments and url. */
bool check_uri_full(const char *s)
{
	return scheme_len(s) > 0 && s[scheme_len(s) + 1] != '\0' && ref_ok(s, false);
}

/* An absolute IRI (RFC 3987 §2.2 "IRI", not "IRI-reference"). */
bool check_iri_full(const char *s)
{
	return scheme_len(s) > 0 && s[scheme_len(s) + 1] != '\0' && ref_ok(s, true);
}

static bool all_of(const char *s, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr(set, s[i]))
			return false;
	return true;
}

/* RFC 4151: tag:authorityName,date:specific[#fragment] */
bool check_tag_uri(const char *s)
{
	if (!has_scheme_kind(s, "tag"))
		return true;
	const char *p = s + 4;
	const char *comma = strchr(p, ',');
	if (!comma || comma == p)
		return false;
	const char *at = memchr(p, '@', (size_t)(comma - p));
	const char *host = at ? at + 1 : p;
	if (at && (at == p || !all_of(p, (size_t)(at - p), "-._")))
		return false;
	for (const char *h = host; h < comma; h++)
		if (!(islower((unsigned char)*h) || isdigit((unsigned char)*h) || *h == '.' || *h == '-'))
			return false;
	if (host == comma)
		return false;
	const char *q = comma + 1;
	int y, m, d;
	if (!digits(&q, 4, &y))
		return false;
	if (lit(&q, '-')) {
		if (!digits(&q, 2, &m) || m < 1 || m > 12)
			return false;
		if (lit(&q, '-') && (!digits(&q, 2, &d) || !date_ok(y, m, d)))
			return false;
	}
	if (!lit(&q, ':'))
		return false;
	for (; *q; q++)
		if (!uri_char((unsigned char)*q) && *q != '[' && *q != ']')
			return false;
	return true;
}

/* RFC 8141: urn:NID:NSS, NID 2..32 of letters, digits and hyphens. urn:uuid: names a UUID. */
bool check_urn(const char *s)
{
	if (!has_scheme_kind(s, "urn"))
		return true;
	const char *nid = s + 4;
	size_t n = strcspn(nid, ":");
	if (nid[n] != ':' || n < 2 || n > 32 || !isalnum((unsigned char)nid[0]) ||
	    !all_of(nid, n, "-"))
		return false;
	const char *nss = nid + n + 1;
	if (*nss == '\0')
		return false;
	if (n == 4 && strncasecmp(nid, "uuid", 4) == 0) {
		static const int groups[] = { 8, 4, 4, 4, 12 };
		const char *p = nss;
		for (int g = 0; g < 5; g++) {
			for (int i = 0; i < groups[g]; i++, p++)
				if (!isxdigit((unsigned char)*p))
					return false;
			if (g < 4 && !lit(&p, '-'))
				return false;
		}
		return *p == '\0';
	}
	for (const char *p = nss; *p; p++) {
		if (*p == '%') {
			if (!isxdigit((unsigned char)p[1]) || !isxdigit((unsigned char)p[2]))
				return false;
			p += 2;
			continue;
		}
		if (!isalnum((unsigned char)*p) && !strchr("()+,-.:=@;$_!*'/?#~&", *p))
			return false;
	}
	return true;
}

/* ---- e-mail (RFC 2822 section 3.4.1 addr-spec, dot-atom form) ---- */

static bool email_n(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	if (!at || at == s)
		return false;
	size_t local = (size_t)(at - s), dom = n - local - 1;
	if (!all_of(s, local, "!#$%&'*+-/=?^_`{|}~.") || s[0] == '.' || at[-1] == '.')
		return false;
	const char *d = at + 1;
	if (dom < 3 || !all_of(d, dom, "-.") || d[0] == '.' || d[0] == '-' || d[dom - 1] == '.')
		return false;
	const char *last = NULL;
	for (size_t i = 0; i < dom; i++)
		if (d[i] == '.')
			last = d + i;
	if (!last)
		return false;
	for (const char *t = last + 1; t < d + dom; t++)
		if (!isalnum((unsigned char)*t))
			return false;
	return strstr(s, "..") == NULL || (size_t)(strstr(s, "..") - s) >= n;
}

bool check_email(const char *s)
{
	return email_n(s, strlen(s));
}

/* RSS 2.0 managingEditor, webMaster and author: "addr (Name)", "Name <addr>" or addr. */
static bool check_mailto(const char *s)
{
	char buf[512];
	size_t n = 0;
	for (const char *p = s + 7; *p && *p != '?' && n + 1 < sizeof buf; p++) {
		if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
			char hex[3] = { p[1], p[2], '\0' };
			buf[n++] = (char)strtol(hex, NULL, 16);
			p += 2;
		} else {
			buf[n++] = *p;
		}
	}
	buf[n] = '\0';
	return n > 0 && check_email_rss(buf);
}

bool check_email_rss(const char *s)
{
	if (strncasecmp(s, "mailto:", 7) == 0)
		return check_mailto(s);
	const char *lt = strchr(s, '<');
	if (lt) {
		const char *gt = strchr(lt, '>');
		return gt && gt[1] == '\0' && email_n(lt + 1, (size_t)(gt - lt - 1));
	}
	size_t n = strcspn(s, " \t(");
	const char *rest = skip_ws(s + n);
	if (*rest != '\0') {
		size_t rl = strlen(rest);
		if (rest[0] != '(' || rest[rl - 1] != ')')
			return false;
	}
	return email_n(s, n);
}

/* ---- media types (RFC 2045 section 5.1) ---- */

static bool token_char(unsigned char ch)
{
	return ch > 32 && ch < 127 && !strchr("()<>@,;:\\\"/[]?=", ch);
}

static const char *token(const char *p)
{
	while (token_char((unsigned char)*p))
		p++;
	return p;
}

bool check_mime_type(const char *s)
{
	const char *p = token(s);
	if (p == s || *p != '/')
		return false;
	const char *sub = ++p;
	p = token(p);
	if (p == sub)
		return false;
	for (;;) {
		p = skip_ws(p);
		if (*p == '\0')
			return true;
		if (*p++ != ';')
			return false;
		p = skip_ws(p);
		const char *name = p;
		p = token(p);
		if (p == name || *p++ != '=')
			return false;
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++)
				if (*p == '\\' && p[1])
					p++;
			if (*p++ != '"')
				return false;
		} else {
			const char *v = p;
			p = token(p);
			if (p == v)
				return false;
		}
	}
}

/* W3C UndefinedParam: the parameters a media type's registration defines,
 * for the types feeds name. Types not listed are not judged; an ill-formed
 * value is check_mime_type's to report. */
static const struct {
	const char *type;
	const char *params;	/* "|name|name|" */
} type_params[] = {
	{ "application/atom+xml", "|charset|type|" },	/* RFC 4287 §7; RFC 5023 §12 */
	{ "application/xml", "|charset|" },		/* RFC 7303 §3.2 */
	{ "text/xml", "|charset|" },			/* RFC 7303 §3.1 */
	{ "text/html", "|charset|" },			/* RFC 2854 §2; HTML's registration */
};

static bool param_defined(const char *params, const char *name, size_t n)
{
	for (const char *p = strchr(params, '|'); p && p[1]; p = strchr(p + 1, '|')) {
		size_t len = strcspn(p + 1, "|");
		if (len == n && strncasecmp(p + 1, name, n) == 0)
			return true;
	}
	return false;
}

bool check_media_type_params(const char *s)
{
	if (!check_mime_type(s))
		return true;
	size_t tn = strcspn(s, "; \t");
	const char *params = NULL;
	for (size_t i = 0; i < sizeof type_params / sizeof *type_params; i++)
		if (strlen(type_params[i].type) == tn && strncasecmp(s, type_params[i].type, tn) == 0)
			params = type_params[i].params;
	if (!params)
		return true;
	for (const char *p = strchr(s, ';'); p; ) {
		p = skip_ws(p + 1);
		const char *name = p;
		p = token(p);
		if (!param_defined(params, name, (size_t)(p - name)))
			return false;
		/* past the value, quoted or not */
		p++;
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++)
				if (*p == '\\' && p[1])
					p++;
			p++;
		}
		p = strchr(p, ';');
	}
	return true;
}

/* ---- language codes ---- */

/* RFC 3066 shape (base/langtag.h, the definition the loader uses too). */
bool check_language_tag(const char *s)
{
	return langtag_well_formed(s);
}

/* RSS 2.0 language: an ISO 639 language code, optionally -REGION (RFC 1766). */
bool check_language(const char *s)
{
	return langtag_known(s);
}

/* ---- numbers and keywords ---- */

static bool all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

bool check_int_nonnegative(const char *s)
{
	return all_digits(s);
}

bool check_int_positive(const char *s)
{
	if (!all_digits(s))
		return false;
	while (*s == '0')
		s++;
	return *s != '\0';
}

bool check_integer(const char *s)
{
	return all_digits(*s == '-' || *s == '+' ? s + 1 : s);
}

bool check_float(const char *s)
{
	char *end;
	if (*s == '\0' || isspace((unsigned char)*s))
		return false;
	(void)strtod(s, &end);
	return *end == '\0' && strspn(s, "+-.0123456789eE") == strlen(s);
}

bool check_boolean(const char *s)
{
	return strcmp(s, "true") == 0 || strcmp(s, "false") == 0;
}

bool check_true_false(const char *s)
{
	return strcasecmp(s, "true") == 0 || strcasecmp(s, "false") == 0;
}

bool check_yes_no(const char *s)
{
	return strcasecmp(s, "yes") == 0 || strcasecmp(s, "no") == 0 || strcasecmp(s, "clean") == 0 ||
	       strcasecmp(s, "explicit") == 0 || strcasecmp(s, "true") == 0 ||
	       strcasecmp(s, "false") == 0;
}

/* ---- HTML in text ---- */

/* Markup in a plain-text element: a start or end tag of a known HTML element,
 * or a character reference the author meant as HTML. */
bool check_no_html(const char *s)
{
	static const char *const tags[] = {
		"a ", "a>", "b>", "i>", "p>", "p ", "br", "em>", "strong>", "img ", "div", "span",
		"ul>", "ol>", "li>", "table", "font", "blockquote", "h1", "h2", "h3", "pre>",
		"code>", "hr", "script", "iframe", "object", "embed", "u>", "tt>", "sup>", "sub>",
	};
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
		const char *t = p + 1;
		if (*t == '/')
			t++;
		for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
			if (strncasecmp(t, tags[i], strlen(tags[i])) == 0)
				return false;
	}
	return true;
}

/* Is p (in s) inside a tag: is the nearest '<' or '>' before it a '<'? An
 * event handler is one only there; " onerror=" in text is text. */
static bool inside_tag(const char *s, const char *p)
{
	while (p > s) {
		p--;
		if (*p == '<' || *p == '>')
			return *p == '<';
	}
	return false;
}

/* No active content: script, frames, plug-ins, event handlers, javascript: URLs.
 * One pass over the text, trying only the needles that start with the byte at
 * hand: this runs on every content element of a feed, often megabytes. */
bool check_safe_html(const char *s)
{
	static const char *const bad[] = {
		"<script", "<iframe", "<frame", "<object", "<embed", "<applet", "<meta",
		"javascript:", "vbscript:", " onload=", " onclick=", " onerror=", " onmouseover=",
		"<link", "<base", "<form",
	};
	for (const char *p = s; *p; p++) {
		char c = (char)tolower((unsigned char)*p);
		if (c != '<' && c != 'j' && c != 'v' && c != ' ')
			continue;
		for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
			if (bad[i][0] == c && strncasecmp(p, bad[i], strlen(bad[i])) == 0 &&
			    (c != ' ' || inside_tag(s, p)))
				return false;
	}
	return true;
}

/* The WHATWG Encoding Standard's encodings (§4 "Names and labels"), by the
 * labels feeds declare: what browsers, and the readers built on their
 * engines, decode. Others are obscure: a reader may have no decoder for it. */
bool check_common_encoding(const char *s)
{
	static const char *const labels[] = {
		"utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be",
		"us-ascii", "ascii", "ansi_x3.4-1968", "iso-8859-1", "iso8859-1", "latin1",
		"l1", "iso_8859-1", "cp1252", "windows-1252", "x-cp1252", "ibm866", "cp866",
		"iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6",
		"iso-8859-7", "iso-8859-8", "iso-8859-8-i", "iso-8859-9", "iso-8859-10",
		"iso-8859-11", "iso-8859-13", "iso-8859-14", "iso-8859-15", "iso-8859-16",
		"latin2", "latin3", "latin4", "latin5", "latin6", "latin9", "koi8-r", "koi8-u",
		"koi8_r", "koi8", "macintosh", "mac", "x-mac-roman", "x-mac-cyrillic",
		"windows-874", "tis-620", "windows-1250", "windows-1251", "windows-1253",
		"windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258",
		"cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
		"gbk", "gb2312", "gb_2312-80", "x-gbk", "gb18030", "big5", "big5-hkscs",
		"cn-big5", "x-x-big5", "euc-jp", "x-euc-jp", "iso-2022-jp", "shift_jis",
		"shift-jis", "sjis", "ms_kanji", "windows-31j", "x-sjis", "euc-kr", "ks_c_5601-1987",
		"windows-949", "csisolatin1", "csutf8",
	};
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strcasecmp(s, labels[i]) == 0)
			return true;
	return false;
}

bool check_currency(const char *s)
{
	return strlen(s) == 3 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]) &&
	       isupper((unsigned char)s[2]);
}

bool check_int_list(const char *s)
{
	for (;;) {
		size_t n = strspn(s, "0123456789");
		if (n == 0)
			return false;
		s += n;
		if (*s == '\0')
			return true;
		if (*s++ != ',')
			return false;
	}
}

static bool float_in(const char *s, double lo, double hi)
{
	if (!check_float(s))
		return false;
	double v = strtod(s, NULL);
	return v >= lo && v <= hi;
}

bool check_latitude(const char *s)
{
	return float_in(s, -90, 90);
}

bool check_longitude(const char *s)
{
	return float_in(s, -180, 180);
}

/* HTML 4.01 §6.2 name token: a letter, then letters, digits, - _ : . */
bool check_form_name(const char *s)
{
	if (!isalpha((unsigned char)*s))
		return false;
	return all_of(s, strlen(s), "-_:.");
}

/* RFC 2326 §3.6 npt-time: "now", seconds[.frac], or [h:]mm:ss[.frac]. */
bool check_npt_time(const char *s)
{
	if (strcmp(s, "now") == 0)
		return true;
	size_t colons = 0;
	const char *p = s;
	for (;;) {
		size_t n = strspn(p, "0123456789");
		if (n == 0)
			return false;
		p += n;
		if (*p == ':' && colons < 2) {
			colons++;
			p++;
			continue;
		}
		break;
	}
	if (*p == '.') {
		p++;
		p += strspn(p, "0123456789");
	}
	return *p == '\0';
}

bool check_gbase_label(const char *s)
{
	size_t n = strlen(s);
	return n > 0 && !strchr(s, ',') && !isspace((unsigned char)s[0]) &&
	       !isspace((unsigned char)s[n - 1]);
}

bool check_gbase_rating(const char *s)
{
	return float_in(s, 1, 5);
}

bool check_gbase_year(const char *s)
{
	return strlen(s) == 4 && all_digits(s);
}

/* A number (digits, one decimal point, thousands commas), then optionally a
 * three-letter currency code. */
bool check_gbase_price(const char *s)
{
	const char *p = s;
	size_t digits_seen = 0;
	while (isdigit((unsigned char)*p) || *p == '.' || *p == ',') {
		digits_seen += isdigit((unsigned char)*p) != 0;
		p++;
	}
	if (digits_seen == 0)
		return false;
	p = skip_ws(p);
	if (*p == '\0')
		return true;
	return strlen(p) == 3 && isalpha((unsigned char)p[0]) && isalpha((unsigned char)p[1]) &&
	       isalpha((unsigned char)p[2]);
}

bool check_opensearch_role(const char *s)
{
	static const char *const roles[] = {
		"request", "example", "related", "correction", "subset", "superset"
	};
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
		if (strcmp(s, roles[i]) == 0)
			return true;
	const char *colon = strchr(s, ':');
	return colon && colon > s && colon[1] != '\0';
}

/* Comma-separated robots directives, none contradicting another. */
bool check_meta_robots(const char *s)
{
	static const char *const known[] = {
		"all", "none", "index", "noindex", "follow", "nofollow", "noarchive", "nosnippet",
		"noodp", "noydir", "noimageindex", "notranslate"
	};
	bool seen[12] = { false };
	const char *p = s;
	while (*p) {
		p = skip_ws(p);
		size_t n = strcspn(p, ",");
		size_t m = n;
		while (m > 0 && isspace((unsigned char)p[m - 1]))
			m--;
		size_t i = 0;
		while (i < 12 && !(strlen(known[i]) == m && strncasecmp(p, known[i], m) == 0))
			i++;
		if (i == 12)
			return false;
		seen[i] = true;
		p += n;
		if (*p == ',')
			p++;
	}
	return !(seen[2] && seen[3]) && !(seen[4] && seen[5]) && !(seen[0] && seen[1]);
}

/* Media RSS schemes are absolute URIs; URNs there (urn:v-chip) have no NSS. */
bool check_media_scheme(const char *s)
{
	return scheme_len(s) > 0 && ref_chars_ok(s, false);
}

/* Roles are lower-case words (Media RSS §media:credit: "all roles must be
 * lower case"). */
bool check_media_credit_role(const char *s)
{
	for (const char *p = s; *p; p++)
		if (isupper((unsigned char)*p))
			return false;
	return *s != '\0';
}

/* One "key=value" component of a DCMI Period, value trimmed, into out; false
 * when the component has no '='. */
static bool period_part(const char *p, size_t n, char *key, size_t ksize, char *val,
			size_t vsize)
{
	const char *eq = memchr(p, '=', n);
	if (!eq)
		return false;
	size_t k = (size_t)(eq - p), v = n - k - 1;
	const char *vs = eq + 1;
	while (k > 0 && isspace((unsigned char)p[k - 1]))
		k--;
	while (k > 0 && isspace((unsigned char)*p))
		p++, k--;
	while (v > 0 && isspace((unsigned char)*vs))
		vs++, v--;
	while (v > 0 && isspace((unsigned char)vs[v - 1]))
		v--;
	if (k >= ksize || v >= vsize)
		return false;
	memcpy(key, p, k);
	key[k] = '\0';
	memcpy(val, vs, v);
	val[v] = '\0';
	return true;
}

/* A W3C-DTF date, or a DCMI Period (dublincore.org/specifications/dublin-core/
 * dcmi-period): "name=..; start=..; end=..; scheme=..", components separated
 * by ';', with start and end in W3C-DTF when the scheme is W3C-DTF or absent. */
bool check_dcmi_period(const char *s)
{
	if (check_w3cdtf(s))
		return true;
	if (!strchr(s, '='))
		return false;
	bool w3c = !strstr(s, "scheme=") || strstr(s, "scheme=W3C-DTF");
	bool any = false;
	for (const char *p = s; *p;) {
		size_t n = strcspn(p, ";");
		char key[16], val[128];
		if (n > 0 && strspn(p, " \t\r\n") < n) {
			if (!period_part(p, n, key, sizeof key, val, sizeof val))
				return false;
			if (strcmp(key, "start") == 0 || strcmp(key, "end") == 0) {
				if (w3c && !check_w3cdtf(val))
					return false;
				any = true;
			} else if (strcmp(key, "name") != 0 && strcmp(key, "scheme") != 0) {
				return false;
			}
		}
		p += n;
		if (*p == ';')
			p++;
	}
	return any;
}

/* OPML 2.0 <expansionState>: "a comma-separated list of line numbers"; an
 * empty list is allowed. */
bool check_opml_expansion(const char *s)
{
	for (const char *p = s; *p;) {
		while (*p == ' ')
			p++;
		size_t n = strspn(p, "0123456789");
		if (n == 0)
			return false;
		p += n;
		while (*p == ' ')
			p++;
		if (*p == ',' && p[1] != '\0')
			p++;
		else if (*p)
			return false;
	}
	return true;
}

/* A UUID's text form (RFC 4122 §3): 8-4-4-4-12 hexadecimal digits. */
bool check_uuid(const char *s)
{
	static const int groups[] = { 8, 4, 4, 4, 12 };
	for (size_t g = 0; g < 5; g++) {
		for (int i = 0; i < groups[g]; i++, s++)
			if (!isxdigit((unsigned char)*s))
				return false;
		if (g < 4 && *s++ != '-')
			return false;
	}
	return *s == '\0';
}

/* Podcasting 2.0 docs/tags/guid.md: "The node value is a UUIDv5 string":
 * RFC 4122 §4.1.3, the version is the first digit of the third group. */
bool check_uuid_v5(const char *s)
{
	return check_uuid(s) && s[14] == '5';
}
