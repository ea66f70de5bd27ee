/* liquid_value.c: Liquid's values as Ruby treats them — how they print
 * (Float#to_s, Hash#inspect), compare (== and <=>), turn into numbers
 * (Utils.to_number) and dates (Utils.to_date, a subset of Time.parse), and
 * strftime with Ruby's flags. The differential test holds these to Ruby. */
#include <config.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/text.h"
#include "content/liquid_int.h"

bool lv_truthy(const json_t *v)
{
	return v && !json_is_null(v) && !json_is_false(v);
}

void lv_float_to_s(struct buf *b, double d)
{
	if (isnan(d)) {
		buf_adds(b, "NaN");
		return;
	}
	if (isinf(d)) {
		buf_adds(b, d < 0 ? "-Infinity" : "Infinity");
		return;
	}
	if (d == 0) {
		buf_adds(b, signbit(d) ? "-0.0" : "0.0");
		return;
	}
	/* The shortest digits that read back as d, as Ruby prints them. */
	char e[40];
	int prec;
	for (prec = 1; prec <= 17; prec++) {
		snprintf(e, sizeof e, "%.*e", prec - 1, d);
		if (strtod(e, NULL) == d)
			break;
	}
	char digits[24];
	size_t nd = 0;
	const char *s = e;
	bool neg = *s == '-';
	if (neg)
		s++;
	for (; *s && *s != 'e'; s++)
		if (isdigit((unsigned char)*s))
			digits[nd++] = *s;
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	digits[nd] = '\0';
	int exp10 = atoi(s + 1);
	int decpt = exp10 + 1;	/* value = 0.digits x 10^decpt */
	if (neg)
		buf_addc(b, '-');
	if (decpt > -4 + 1 - 1 && decpt <= 16 && !(decpt < -3)) {
		if (decpt <= 0) {
			buf_adds(b, "0.");
			for (int i = 0; i < -decpt; i++)
				buf_addc(b, '0');
			buf_adds(b, digits);
		} else if ((size_t)decpt >= nd) {
			buf_adds(b, digits);
			for (size_t i = nd; i < (size_t)decpt; i++)
				buf_addc(b, '0');
			buf_adds(b, ".0");
		} else {
			buf_add(b, digits, (size_t)decpt);
			buf_addc(b, '.');
			buf_adds(b, digits + decpt);
		}
		return;
	}
	buf_addc(b, digits[0]);
	buf_addc(b, '.');
	buf_adds(b, nd > 1 ? digits + 1 : "0");
	buf_printf(b, "e%c%02d", exp10 < 0 ? '-' : '+', abs(exp10));
}

static void inspect_string(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': buf_adds(b, "\\\""); break;
		case '\\': buf_adds(b, "\\\\"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\t': buf_adds(b, "\\t"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\f': buf_adds(b, "\\f"); break;
		case '\v': buf_adds(b, "\\v"); break;
		case '\a': buf_adds(b, "\\a"); break;
		case '\b': buf_adds(b, "\\b"); break;
		case 27: buf_adds(b, "\\e"); break;
		case '#':
			if (i + 1 < n && (s[i + 1] == '{' || s[i + 1] == '$' || s[i + 1] == '@'))
				buf_addc(b, '\\');
			buf_addc(b, '#');
			break;
		default:
			if (c < 0x20)
				buf_printf(b, "\\u%04X", c);
			else if (c == 0x7f)
				buf_adds(b, "\\x7F");
			else
				buf_addc(b, (char)c);
		}
	}
	buf_addc(b, '"');
}

void lv_inspect(struct buf *b, const json_t *v)
{
	if (!v || json_is_null(v)) {
		buf_adds(b, "nil");
	} else if (json_is_string(v)) {
		inspect_string(b, json_string_value(v), json_string_length(v));
	} else if (json_is_array(v)) {
		buf_addc(b, '[');
		for (size_t i = 0; i < json_array_size(v); i++) {
			if (i)
				buf_adds(b, ", ");
			lv_inspect(b, json_array_get(v, i));
		}
		buf_addc(b, ']');
	} else if (json_is_object(v)) {
		buf_addc(b, '{');
		const char *k;
		json_t *x;
		bool first = true;
		json_object_foreach((json_t *)v, k, x) {
			if (!first)
				buf_adds(b, ", ");
			first = false;
			inspect_string(b, k, strlen(k));
			buf_adds(b, "=>");
			lv_inspect(b, x);
		}
		buf_addc(b, '}');
	} else {
		lv_to_s(b, v);
	}
}

void lv_to_s(struct buf *b, const json_t *v)
{
	if (!v)
		return;
	switch (json_typeof(v)) {
	case JSON_NULL: break;
	case JSON_TRUE: buf_adds(b, "true"); break;
	case JSON_FALSE: buf_adds(b, "false"); break;
	case JSON_INTEGER: buf_printf(b, "%lld", (long long)json_integer_value(v)); break;
	case JSON_REAL: lv_float_to_s(b, json_real_value(v)); break;
	case JSON_STRING: buf_add(b, json_string_value(v), json_string_length(v)); break;
	case JSON_ARRAY:
		for (size_t i = 0; i < json_array_size(v); i++)
			lv_to_s(b, json_array_get(v, i));
		break;
	case JSON_OBJECT: lv_inspect(b, v); break;
	}
}

char *lv_str(const json_t *v)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	lv_to_s(&b, v);
	return buf_take(&b);
}

bool lv_equal(const json_t *a, const json_t *b)
{
	bool an = !a || json_is_null(a), bn = !b || json_is_null(b);
	if (an || bn)
		return an && bn;
	if (json_is_number(a) && json_is_number(b)) {
		if (json_is_integer(a) && json_is_integer(b))
			return json_integer_value(a) == json_integer_value(b);
		return json_number_value(a) == json_number_value(b);
	}
	if (json_typeof(a) != json_typeof(b))
		return false;
	if (json_is_string(a))
		return json_string_length(a) == json_string_length(b) &&
		       memcmp(json_string_value(a), json_string_value(b), json_string_length(a)) == 0;
	if (json_is_array(a)) {
		if (json_array_size(a) != json_array_size(b))
			return false;
		for (size_t i = 0; i < json_array_size(a); i++)
			if (!lv_equal(json_array_get(a, i), json_array_get(b, i)))
				return false;
		return true;
	}
	if (json_is_object(a)) {
		if (json_object_size(a) != json_object_size(b))
			return false;
		const char *k;
		json_t *x;
		json_object_foreach((json_t *)a, k, x) {
			json_t *y = json_object_get(b, k);
			if (!y || !lv_equal(x, y))
				return false;
		}
		return true;
	}
	return true;	/* true == true, false == false */
}

int lv_compare(const json_t *a, const json_t *b, bool *ok)
{
	*ok = true;
	if (a && b && json_is_number(a) && json_is_number(b)) {
		if (json_is_integer(a) && json_is_integer(b)) {
			json_int_t x = json_integer_value(a), y = json_integer_value(b);
			return x < y ? -1 : x > y;
		}
		double x = json_number_value(a), y = json_number_value(b);
		if (isnan(x) || isnan(y)) {
			*ok = false;
			return 0;
		}
		return x < y ? -1 : x > y;
	}
	if (a && b && json_is_string(a) && json_is_string(b)) {
		size_t la = json_string_length(a), lb = json_string_length(b);
		int c = memcmp(json_string_value(a), json_string_value(b), la < lb ? la : lb);
		if (c)
			return c < 0 ? -1 : 1;
		return la < lb ? -1 : la > lb;
	}
	if (a && b && json_is_array(a) && json_is_array(b)) {
		size_t n = json_array_size(a) < json_array_size(b) ? json_array_size(a) : json_array_size(b);
		for (size_t i = 0; i < n; i++) {
			int c = lv_compare(json_array_get(a, i), json_array_get(b, i), ok);
			if (!*ok || c)
				return c;
		}
		return json_array_size(a) < json_array_size(b) ? -1 : json_array_size(a) > json_array_size(b);
	}
	if (lv_equal(a, b) && (!a || !json_is_object(a)))
		return 0;	/* nil <=> nil, true <=> true */
	*ok = false;
	return 0;
}

long long lv_str_to_i(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	bool neg = false;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	unsigned long long v = 0;
	while (isdigit((unsigned char)*s) || (*s == '_' && isdigit((unsigned char)s[1]) && s[-1] != '_')) {
		if (*s != '_' && v < (1ull << 62))
			v = v * 10 + (unsigned)(*s - '0');
		s++;
	}
	return neg ? -(long long)v : (long long)v;
}

/* /\A-?\d+\.\d+\z/ after strip. */
static bool is_decimal(const char *s, size_t *from, size_t *to)
{
	size_t n = strlen(s), i = 0;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	while (n > i && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '\0'))
		n--;
	*from = i;
	*to = n;
	if (i < n && s[i] == '-')
		i++;
	size_t d = i;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	if (i == d || i >= n || s[i] != '.')
		return false;
	d = ++i;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	return i > d && i == n;
}

json_t *lv_to_number(const json_t *v)
{
	if (v && json_is_number(v))
		return json_incref((json_t *)v);
	if (v && json_is_string(v)) {
		const char *s = json_string_value(v);
		size_t a, z;
		if (is_decimal(s, &a, &z)) {
			char *t = xstrndup(s + a, z - a);
			double d = strtod(t, NULL);
			free(t);
			return json_real(d);
		}
		return json_integer(lv_str_to_i(s));
	}
	return json_integer(0);
}

int lv_to_integer(const json_t *v, long long *out)
{
	if (v && json_is_integer(v)) {
		*out = json_integer_value(v);
		return 0;
	}
	/* Integer(x.to_s): an optional sign, digits (underscores between them). */
	char *s = lv_str(v);
	const char *p = s;
	while (isspace((unsigned char)*p))
		p++;
	const char *start = p;
	if (*p == '-' || *p == '+')
		p++;
	bool digits = isdigit((unsigned char)*p);
	while (isdigit((unsigned char)*p) || (*p == '_' && isdigit((unsigned char)p[1])))
		p++;
	while (isspace((unsigned char)*p))
		p++;
	int rc = digits && !*p ? 0 : -1;
	if (rc == 0)
		*out = lv_str_to_i(start);
	free(s);
	return rc;
}

size_t lv_utf8_len(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

size_t lv_utf8_offset(const char *s, size_t n, size_t ci)
{
	size_t i = 0;
	while (i < n && ci) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		ci--;
	}
	return i;
}

/* ---- dates ---- */

/* Seconds from 1970 that dates may reach either way: years -99999..99999. */
#define LV_DATE_MAX 3093527980800LL

static bool local_fill(struct ldate *d, long long sec)
{
	if (sec > LV_DATE_MAX || sec < -LV_DATE_MAX)
		return false;
	time_t t = (time_t)sec;
	struct tm tm;
	localtime_r(&t, &tm);
	d->sec = sec;
	d->off = (int)tm.tm_gmtoff;
	snprintf(d->zone, sizeof d->zone, "%s", tm.tm_zone ? tm.tm_zone : "");
	return true;
}

static const char *const month_names[] = {"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"};

static int month_of(const char *s, size_t n)
{
	if (n < 3)
		return -1;
	for (int i = 0; i < 12; i++)
		if (strncasecmp(s, month_names[i], 3) == 0 &&
		    (n == 3 || (n <= strlen(month_names[i]) && strncasecmp(s, month_names[i], n) == 0)))
			return i;
	return -1;
}

static long long days_from_civil(long long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

/* A zone after the time: Z, UTC, GMT, +HH, +HHMM, +HH:MM. Returns bytes read. */
static size_t read_zone(const char *s, int *off, char *name, size_t namesz)
{
	if (*s == 'Z' && !isalpha((unsigned char)s[1])) {
		*off = 0;
		snprintf(name, namesz, "UTC");
		return 1;
	}
	if (strncasecmp(s, "UTC", 3) == 0 || strncasecmp(s, "GMT", 3) == 0) {
		*off = 0;
		snprintf(name, namesz, "UTC");
		return 3;
	}
	if ((*s == '+' || *s == '-') && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2])) {
		int sign = *s == '-' ? -1 : 1;
		int h = (s[1] - '0') * 10 + (s[2] - '0'), m = 0;
		size_t i = 3;
		if (s[i] == ':')
			i++;
		if (isdigit((unsigned char)s[i]) && isdigit((unsigned char)s[i + 1])) {
			m = (s[i] - '0') * 10 + (s[i + 1] - '0');
			i += 2;
		} else if (s[i - 1] == ':') {
			i--;
		}
		*off = sign * (h * 3600 + m * 60);
		name[0] = '\0';
		return i;
	}
	return 0;
}

static int clamp_int(long v)
{
	return v > 1000000 ? 1000000 : v < -1000000 ? -1000000 : (int)v;
}

struct date_parts {
	int y, mo, d, h, mi, s;
	long nsec;
	bool has_zone;
	int off;
	char zone[16];
};

/* YYYY-MM-DD or YYYY/MM/DD; or "16 Dec 2021"; or "Dec 16, 2021" (an optional
 * weekday and comma first). Returns the bytes read, 0 when none. */
static size_t read_day(const char *s, struct date_parts *p)
{
	const char *q = s;
	if (isalpha((unsigned char)*q)) {	/* a weekday name */
		const char *w = q;
		while (isalpha((unsigned char)*q))
			q++;
		if (month_of(w, (size_t)(q - w)) >= 0) {
			q = w;
		} else {
			if (*q == ',')
				q++;
			while (*q == ' ')
				q++;
		}
	}
	char *end;
	if (isdigit((unsigned char)*q)) {
		long a = strtol(q, &end, 10);
		if ((*end == '-' || *end == '/') && end - q == 4) {
			char sep = *end;
			long m = strtol(end + 1, &end, 10);
			if (*end != sep)
				return 0;
			long d = strtol(end + 1, &end, 10);
			p->y = clamp_int(a);
			p->mo = clamp_int(m);
			p->d = clamp_int(d);
			return (size_t)(end - s);
		}
		if (*end == ' ' && a >= 1 && a <= 31) {	/* 16 Dec 2021 */
			const char *m = end + 1;
			const char *me = m;
			while (isalpha((unsigned char)*me))
				me++;
			int mo = month_of(m, (size_t)(me - m));
			if (mo < 0 || *me != ' ')
				return 0;
			long y = strtol(me + 1, &end, 10);
			p->y = clamp_int(y);
			p->mo = mo + 1;
			p->d = clamp_int(a);
			return (size_t)(end - s);
		}
		return 0;
	}
	const char *m = q;
	while (isalpha((unsigned char)*q))
		q++;
	int mo = month_of(m, (size_t)(q - m));
	if (mo < 0 || *q != ' ')
		return 0;
	long d = strtol(q + 1, &end, 10);
	if (*end == ',')
		end++;
	while (*end == ' ')
		end++;
	long y = strtol(end, &end, 10);
	p->y = clamp_int(y);
	p->mo = mo + 1;
	p->d = clamp_int(d);
	return (size_t)(end - s);
}

static bool parse_date_string(const char *s, struct date_parts *p)
{
	memset(p, 0, sizeof *p);
	while (isspace((unsigned char)*s))
		s++;
	size_t n = read_day(s, p);
	if (!n)
		return false;
	s += n;
	if (*s == 'T' || *s == 't' || *s == ' ') {
		const char *t = s + 1;
		while (*t == ' ')
			t++;
		if (isdigit((unsigned char)t[0]) && isdigit((unsigned char)t[1]) && t[2] == ':') {
			p->h = (t[0] - '0') * 10 + (t[1] - '0');
			p->mi = clamp_int(strtol(t + 3, (char **)&s, 10));
			if (*s == ':') {
				p->s = clamp_int(strtol(s + 1, (char **)&s, 10));
				if (*s == '.' || *s == ',') {
					long scale = 100000000;
					for (s++; isdigit((unsigned char)*s); s++) {
						p->nsec += (*s - '0') * scale;
						scale /= 10;
					}
				}
			}
		}
	}
	while (*s == ' ')
		s++;
	size_t z = read_zone(s, &p->off, p->zone, sizeof p->zone);
	if (z) {
		p->has_zone = true;
		s += z;
	}
	return p->mo >= 1 && p->mo <= 12 && p->d >= 1 && p->d <= 31 && p->h < 24 && p->mi < 60 &&
	       p->s <= 60;
}

bool lv_to_date(const json_t *v, struct ldate *d)
{
	memset(d, 0, sizeof *d);
	if (!v || json_is_null(v))
		return false;
	if (json_is_integer(v))
		return local_fill(d, json_integer_value(v));
	if (!json_is_string(v))
		return false;
	const char *s = json_string_value(v);
	if (!*s)
		return false;
	if (strcasecmp(s, "now") == 0 || strcasecmp(s, "today") == 0)
		return local_fill(d, (long long)time(NULL));
	bool all_digits = true;
	for (const char *q = s; *q; q++)
		if (!isdigit((unsigned char)*q))
			all_digits = false;
	if (all_digits)
		return local_fill(d, lv_str_to_i(s));
	struct date_parts p;
	if (!parse_date_string(s, &p) || p.y > 99999 || p.y < -99999)
		return false;
	long long days = days_from_civil(p.y, (unsigned)p.mo, (unsigned)p.d);
	long long wall = days * 86400 + p.h * 3600 + p.mi * 60 + p.s;
	d->nsec = p.nsec;
	if (p.has_zone) {
		if (wall - p.off > LV_DATE_MAX || wall - p.off < -LV_DATE_MAX)
			return false;
		d->sec = wall - p.off;
		d->off = p.off;
		snprintf(d->zone, sizeof d->zone, "%s", p.zone);
		return true;
	}
	struct tm tm = {0};
	tm.tm_year = p.y - 1900;
	tm.tm_mon = p.mo - 1;
	tm.tm_mday = p.d;
	tm.tm_hour = p.h;
	tm.tm_min = p.mi;
	tm.tm_sec = p.s;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	return local_fill(d, (long long)t);
}

/* ---- strftime ---- */

static const char *const day_names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
	"Friday", "Saturday"};
static const char *const month_caps[] = {"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"};

static void put_conv(struct buf *b, const char *text, bool numeric, char pad, int width,
		     char flag_pad, bool upper, bool swap)
{
	if (flag_pad == '-')
		width = 0, pad = 0;
	else if (flag_pad == '_')
		pad = ' ';
	else if (flag_pad == '0')
		pad = '0';
	size_t len = strlen(text);
	bool neg = numeric && text[0] == '-';
	if (neg && pad == '0') {
		buf_addc(b, '-');
		text++;
		len--;
		width--;
	}
	for (int i = (int)len; pad && i < width; i++)
		buf_addc(b, pad);
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (upper)
			c = (char)toupper((unsigned char)c);
		else if (swap)
			c = (char)(isupper((unsigned char)c) ? tolower((unsigned char)c) : toupper((unsigned char)c));
		buf_addc(b, c);
	}
}

static void iso_week(const struct tm *tm, int *year, int *week)
{
	int wday = (tm->tm_wday + 6) % 7;	/* Monday 0 */
	int y = tm->tm_year + 1900;
	int w = (tm->tm_yday - wday + 10) / 7;
	if (w < 1) {
		y--;
		int py = y;
		bool leap = (py % 4 == 0 && py % 100 != 0) || py % 400 == 0;
		int pyday = tm->tm_yday + (leap ? 366 : 365);
		w = (pyday - wday + 10) / 7;
	} else {
		bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		if (w == 53 && tm->tm_yday - wday + 3 >= (leap ? 366 : 365)) {
			w = 1;
			y++;
		}
	}
	*year = y;
	*week = w;
}

void lv_strftime(struct buf *b, const char *fmt, const struct ldate *d)
{
	time_t t = (time_t)(d->sec + d->off);
	struct tm tm;
	if (d->sec > LV_DATE_MAX || d->sec < -LV_DATE_MAX || !gmtime_r(&t, &tm))
		return;	/* lv_to_date() never gives one; a caller's own stays empty */
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			buf_addc(b, *f);
			continue;
		}
		const char *start = f;
		char flag = 0;
		bool upper = false, swap = false;
		f++;
		while (*f == '-' || *f == '_' || *f == '0' || *f == '^' || *f == '#') {
			if (*f == '^')
				upper = true;
			else if (*f == '#')
				swap = true;
			else
				flag = *f;
			f++;
		}
		int width = -1;
		if (isdigit((unsigned char)*f)) {
			width = 0;
			while (isdigit((unsigned char)*f) && width < 1000)
				width = width * 10 + (*f++ - '0');
		}
		int colons = 0;
		while (*f == ':' && colons < 3) {
			colons++;
			f++;
		}
		char tmp[64];
		bool num = true;
		char pad = '0';
		int w = 2;
		const char *text = tmp;
		int hour12 = tm.tm_hour % 12 ? tm.tm_hour % 12 : 12;
		switch (*f) {
		case 'Y': snprintf(tmp, sizeof tmp, "%d", tm.tm_year + 1900); w = 4; break;
		case 'C': snprintf(tmp, sizeof tmp, "%d", (tm.tm_year + 1900) / 100); break;
		case 'y': snprintf(tmp, sizeof tmp, "%d", (tm.tm_year + 1900) % 100); break;
		case 'm': snprintf(tmp, sizeof tmp, "%d", tm.tm_mon + 1); break;
		case 'd': snprintf(tmp, sizeof tmp, "%d", tm.tm_mday); break;
		case 'e': snprintf(tmp, sizeof tmp, "%d", tm.tm_mday); pad = ' '; break;
		case 'j': snprintf(tmp, sizeof tmp, "%d", tm.tm_yday + 1); w = 3; break;
		case 'H': snprintf(tmp, sizeof tmp, "%d", tm.tm_hour); break;
		case 'k': snprintf(tmp, sizeof tmp, "%d", tm.tm_hour); pad = ' '; break;
		case 'I': snprintf(tmp, sizeof tmp, "%d", hour12); break;
		case 'l': snprintf(tmp, sizeof tmp, "%d", hour12); pad = ' '; break;
		case 'M': snprintf(tmp, sizeof tmp, "%d", tm.tm_min); break;
		case 'S': snprintf(tmp, sizeof tmp, "%d", tm.tm_sec); break;
		case 'L': snprintf(tmp, sizeof tmp, "%03ld", d->nsec / 1000000); w = 3; break;
		case 'N': {
			int digits = width > 0 ? width : 9;
			char ns[16];
			snprintf(ns, sizeof ns, "%09ld", d->nsec);
			buf_add(b, ns, (size_t)(digits < 9 ? digits : 9));
			for (int i = 9; i < digits; i++)
				buf_addc(b, '0');
			continue;
		}
		case 's': snprintf(tmp, sizeof tmp, "%lld", d->sec); w = 1; break;
		case 'u': snprintf(tmp, sizeof tmp, "%d", tm.tm_wday ? tm.tm_wday : 7); w = 1; break;
		case 'w': snprintf(tmp, sizeof tmp, "%d", tm.tm_wday); w = 1; break;
		case 'U': snprintf(tmp, sizeof tmp, "%d", (tm.tm_yday + 7 - tm.tm_wday) / 7); break;
		case 'W': snprintf(tmp, sizeof tmp, "%d", (tm.tm_yday + 7 - (tm.tm_wday + 6) % 7) / 7); break;
		case 'G': case 'g': case 'V': {
			int iy, iw;
			iso_week(&tm, &iy, &iw);
			if (*f == 'G') {
				snprintf(tmp, sizeof tmp, "%d", iy);
				w = 4;
			} else {
				snprintf(tmp, sizeof tmp, "%d", *f == 'g' ? iy % 100 : iw);
			}
			break;
		}
		case 'A': text = day_names[tm.tm_wday]; num = false; pad = ' '; w = 0; break;
		case 'a': snprintf(tmp, sizeof tmp, "%.3s", day_names[tm.tm_wday]); num = false; pad = ' '; w = 0; break;
		case 'B': text = month_caps[tm.tm_mon]; num = false; pad = ' '; w = 0; break;
		case 'b': case 'h': snprintf(tmp, sizeof tmp, "%.3s", month_caps[tm.tm_mon]); num = false; pad = ' '; w = 0; break;
		case 'p': text = tm.tm_hour < 12 ? "AM" : "PM"; num = false; pad = ' '; w = 0;
			if (swap) {
				text = tm.tm_hour < 12 ? "am" : "pm";
				swap = false;
			}
			break;
		case 'P': text = tm.tm_hour < 12 ? "am" : "pm"; num = false; pad = ' '; w = 0; break;
		case 'Z': text = d->zone; num = false; pad = ' '; w = 0; break;
		case 'z': {
			int off = d->off < 0 ? -d->off : d->off;
			char sign = d->off < 0 ? '-' : '+';
			if (colons == 1)
				snprintf(tmp, sizeof tmp, "%c%02d:%02d", sign, off / 3600, off / 60 % 60);
			else if (colons == 2)
				snprintf(tmp, sizeof tmp, "%c%02d:%02d:%02d", sign, off / 3600, off / 60 % 60, off % 60);
			else
				snprintf(tmp, sizeof tmp, "%c%02d%02d", sign, off / 3600, off / 60 % 60);
			w = 0;
			break;
		}
		case 'n': text = "\n"; num = false; w = 0; break;
		case 't': text = "\t"; num = false; w = 0; break;
		case '%': text = "%"; num = false; w = 0; break;
		case 'F': case 'D': case 'T': case 'R': case 'r': case 'c': case 'x': case 'X': case '+': {
			static const char *const expand[][2] = {{"F", "%Y-%m-%d"}, {"D", "%m/%d/%y"},
				{"T", "%H:%M:%S"}, {"R", "%H:%M"}, {"r", "%I:%M:%S %p"},
				{"c", "%a %b %e %H:%M:%S %Y"}, {"x", "%m/%d/%y"}, {"X", "%H:%M:%S"},
				{"+", "%a %b %e %H:%M:%S %Z %Y"}};
			for (size_t i = 0; i < sizeof expand / sizeof expand[0]; i++)
				if (expand[i][0][0] == *f) {
					struct buf sub;
					buf_init(&sub);
					buf_adds(&sub, "");
					lv_strftime(&sub, expand[i][1], d);
					snprintf(tmp, sizeof tmp, "%s", sub.data);
					buf_free(&sub);
				}
			num = false;
			pad = ' ';
			w = 0;
			break;
		}
		default:
			/* Ruby prints an unknown conversion as it stands. */
			if (!*f) {
				buf_adds(b, start);
				return;
			}
			buf_add(b, start, (size_t)(f - start + 1));
			continue;
		}
		if (width >= 0)
			w = width;
		if (!num && width > 0 && !flag)
			pad = ' ';
		put_conv(b, text, num, pad, w, flag, upper, swap);
	}
}
