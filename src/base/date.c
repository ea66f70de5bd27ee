/* date.c: parsing post dates the way Jekyll 4.3 reads them, and writing them
 * for Atom (RFC 3339) and RSS (RFC 822).
 *
 * The parser is a hand-written scanner over a fixed grammar (see date.h):
 * every field has a fixed width, so a scanner gives exact error positions
 * where strptime() could only say "no". Time zones are left to the C
 * library: mktime() for local times in the site zone and localtime_r() for
 * the zone's offset at an instant, so DST rules come from tzdata. The
 * proleptic Gregorian arithmetic of UTC is done here, because glibc's
 * timegm() and gmtime_r() take the time zone lock that every loader thread
 * would queue on. Nothing allocates. */
#include <config.h>
#include "base/date.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define ZONEINFO_DIR "/usr/share/zoneinfo"
#define MAX_OFFSET (14 * 3600)	/* the widest offset in use (Pacific/Kiritimati) */

/* A date as written, fields checked but not yet placed in time. */
struct parsed {
	int year, month, day;
	int hour, min, sec;
	int32_t nsec;
	int32_t off;
	bool has_time, has_sec, has_off;
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static int fail(struct date_error *err, size_t pos, const char *msg)
{
	if (err) {
		err->pos = pos;
		err->msg = msg;
	}
	return -1;
}

/* Reads exactly n digits at s[*i]; on success advances *i. */
static bool read_digits(const char *s, size_t *i, int n, int *out)
{
	int v = 0;
	for (int k = 0; k < n; k++) {
		if (!is_digit(s[*i + k]))
			return false;
		v = v * 10 + (s[*i + k] - '0');
	}
	*i += n;
	*out = v;
	return true;
}

/* One fixed-width number field with its range: the error names the field. */
struct field {
	int width, min, max;
	const char *missing, *range;
};

static int read_field(const char *s, size_t *i, const struct field *f, int *out,
		      struct date_error *err)
{
	size_t start = *i;
	if (!read_digits(s, i, f->width, out))
		return fail(err, start, f->missing);
	if (*out < f->min || *out > f->max)
		return fail(err, start, f->range);
	return 0;
}

static int expect(const char *s, size_t *i, char c, const char *msg, struct date_error *err)
{
	if (s[*i] != c)
		return fail(err, *i, msg);
	(*i)++;
	return 0;
}

static const struct field F_YEAR = { 4, 1, 9999, "expected a date (YYYY-MM-DD)", "year out of range (0001-9999)" };
static const struct field F_MONTH = { 2, 1, 12, "expected a two-digit month", "month out of range (01-12)" };
static const struct field F_DAY = { 2, 1, 31, "expected a two-digit day", "day out of range for the month" };
static const struct field F_HOUR = { 2, 0, 23, "expected a two-digit hour", "hour out of range (00-23)" };
static const struct field F_MIN = { 2, 0, 59, "expected two-digit minutes", "minutes out of range (00-59)" };
static const struct field F_SEC = { 2, 0, 59, "expected two-digit seconds", "seconds out of range (00-59)" };
/* The offset hour is checked with its minutes, against MAX_OFFSET. */
static const struct field F_OFF_H = { 2, 0, 99, "expected a two-digit offset hour", "offset hour out of range" };
static const struct field F_OFF_M = { 2, 0, 59, "expected two-digit offset minutes", "offset minutes out of range (00-59)" };

/* YYYY-MM-DD */
static int parse_day(const char *s, size_t *i, struct parsed *p, struct date_error *err)
{
	size_t day_pos;
	if (read_field(s, i, &F_YEAR, &p->year, err) ||
	    expect(s, i, '-', "expected '-' after the year", err) ||
	    read_field(s, i, &F_MONTH, &p->month, err) ||
	    expect(s, i, '-', "expected '-' after the month", err))
		return -1;
	day_pos = *i;
	if (read_field(s, i, &F_DAY, &p->day, err))
		return -1;
	if (p->day > days_in_month(p->year, p->month))
		return fail(err, day_pos, F_DAY.range);
	return 0;
}

/* .frac: any number of digits, nanoseconds kept (the rest only orders ties
 * that no feed can show). */
static int parse_fraction(const char *s, size_t *i, struct parsed *p, struct date_error *err)
{
	int32_t scale = 100000000;
	(*i)++;
	if (!is_digit(s[*i]))
		return fail(err, *i, "expected digits after '.'");
	for (; is_digit(s[*i]); (*i)++) {
		p->nsec += (s[*i] - '0') * scale;
		scale /= 10;
	}
	return 0;
}

/* HH:MM[:SS[.frac]] */
static int parse_clock(const char *s, size_t *i, struct parsed *p, struct date_error *err)
{
	p->has_time = true;
	if (read_field(s, i, &F_HOUR, &p->hour, err) ||
	    expect(s, i, ':', "expected ':' after the hour", err) ||
	    read_field(s, i, &F_MIN, &p->min, err))
		return -1;
	if (s[*i] != ':')
		return 0;
	(*i)++;
	p->has_sec = true;
	if (read_field(s, i, &F_SEC, &p->sec, err))
		return -1;
	if (s[*i] == '.')
		return parse_fraction(s, i, p, err);
	return 0;
}

/* Z, ±HH, ±HHMM or ±HH:MM, at s[*i]. */
static int parse_zone(const char *s, size_t *i, struct parsed *p, struct date_error *err)
{
	size_t sign_pos = *i;
	int hh, mm = 0;
	p->has_off = true;
	if (s[*i] == 'Z' || s[*i] == 'z') {
		(*i)++;
		return 0;
	}
	(*i)++;
	if (read_field(s, i, &F_OFF_H, &hh, err))
		return -1;
	/* After ±HH: ":MM" needs its minutes, "MM" is optional. */
	if (s[*i] == ':') {
		(*i)++;
		if (read_field(s, i, &F_OFF_M, &mm, err))
			return -1;
	} else if (is_digit(s[*i]) && read_field(s, i, &F_OFF_M, &mm, err)) {
		return -1;
	}
	if (hh * 3600 + mm * 60 > MAX_OFFSET)
		return fail(err, sign_pos, "offset out of range (-14:00 to +14:00)");
	p->off = (hh * 3600 + mm * 60) * (s[sign_pos] == '-' ? -1 : 1);
	return 0;
}

static bool is_zone_start(char c)
{
	return c == 'Z' || c == 'z' || c == '+' || c == '-';
}

/* Everything after the day: a separator, the clock, maybe a zone. White space
 * alone after the day is trailing space, not a separator. */
static int parse_rest(const char *s, size_t *i, struct parsed *p, struct date_error *err)
{
	size_t j = *i;
	if (s[j] == 'T' || s[j] == 't') {
		j++;
	} else {
		while (s[j] == ' ' || s[j] == '\t')
			j++;
		if (j == *i || !is_digit(s[j]))
			return 0;
	}
	*i = j;
	if (parse_clock(s, i, p, err))
		return -1;
	for (j = *i; s[j] == ' ' || s[j] == '\t'; j++)
		;
	if (!is_zone_start(s[j]))
		return 0;
	*i = j;
	return parse_zone(s, i, p, err);
}

/* Days from 1970-01-01 to y-m-d, and back (H. Hinnant's algorithms: eras
 * of 400 years, March-based years so the leap day comes last). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a % b < 0) != (b < 0));
}

/* The year of an instant in a given offset. */
static int64_t year_at(int64_t sec, int32_t off)
{
	int64_t y;
	int m, d;
	civil_from_days(floor_div(sec + off, 86400), &y, &m, &d);
	return y;
}

/* Places the fields in time: with their offset, in UTC, or in the site zone. */
static int to_instant(const struct parsed *p, bool utc, struct fg_time *t)
{
	int64_t sec;
	if (p->has_off || utc) {
		sec = days_from_civil(p->year, p->month, p->day) * 86400 +
		      p->hour * 3600 + p->min * 60 + p->sec - p->off;
	} else {
		struct tm tm = {
			.tm_year = p->year - 1900, .tm_mon = p->month - 1, .tm_mday = p->day,
			.tm_hour = p->hour, .tm_min = p->min, .tm_sec = p->sec,
			.tm_isdst = -1,	/* let tzdata say whether DST applies */
		};
		errno = 0;
		time_t local = mktime(&tm);
		if (local == (time_t)-1 && errno == EOVERFLOW)
			return -1;
		sec = local;
	}
	t->sec = sec;
	t->nsec = p->nsec;
	date_to_site_zone(t);
	return 0;
}

/* The site zone's year must stay 0001..9999 so every output has four digits:
 * in the exact offset (permalinks) and in the whole minutes the formatters
 * write (an old local mean time such as +08:05:43 moves the clock). */
static bool year_in_range(const struct fg_time *t)
{
	int32_t offs[] = { t->off, t->off - t->off % 60 };
	for (size_t i = 0; i < 2; i++) {
		int64_t y = year_at(t->sec, offs[i]);
		if (y < 1 || y > 9999)
			return false;
	}
	return true;
}

/* ---- Ruby's Time.parse, for what the strict forms above refuse ----
 *
 * Jekyll reads a front matter date with Time.parse(value.to_s), which is
 * Ruby's Date._parse: it picks a day, a clock and a zone out of free text
 * and ignores the words it does not know. The subset read here (README,
 * "Dates and time zones"): a day as YYYY-MM-DD or YYYY/MM/DD, "D Month YYYY"
 * or "Month D, YYYY" (a month name or its first three letters, any case);
 * weekday names ignored; a clock HH:MM[:SS[.frac]] with am/pm; a zone only
 * right after the clock (Z, UTC, GMT, UT, ±HH[[:]MM] with an optional
 * UTC/GMT before it, or a US zone name EST EDT CST CDT MST MDT PST PDT);
 * any other word is skipped. "2023-01-29 18:30:22 2023 -0800" is 18:30:22
 * in the site zone: the offset does not follow the clock, so Ruby drops it. */

struct ruby_tok {
	const char *s;
	size_t n;
};

static bool tok_is(const struct ruby_tok *t, const char *word)
{
	return strlen(word) == t->n && strncasecmp(t->s, word, t->n) == 0;
}

static bool all_alpha(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
			return false;
	return n > 0;
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return false;
	return n > 0;
}

static int month_of(const struct ruby_tok *t)
{
	static const char *const names[] = { "january", "february", "march", "april", "may",
		"june", "july", "august", "september", "october", "november", "december" };
	if (t->n < 3 || !all_alpha(t->s, t->n))
		return 0;
	for (int m = 0; m < 12; m++)
		if (t->n <= strlen(names[m]) && strncasecmp(t->s, names[m], t->n) == 0)
			return m + 1;
	return 0;
}

static long num_of(const char *s, size_t n)
{
	long v = 0;
	for (size_t i = 0; i < n && v < 100000; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* A zone right after the clock; returns true with p->off set when known. */
static bool ruby_zone(const struct ruby_tok *t, struct parsed *p)
{
	static const struct { const char *name; int hours; } zones[] = {
		{"z", 0}, {"utc", 0}, {"gmt", 0}, {"ut", 0}, {"est", -5}, {"edt", -4},
		{"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7},
	};
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
		if (tok_is(t, zones[i].name)) {
			p->off = zones[i].hours * 3600;
			return p->has_off = true;
		}
	const char *s = t->s;
	size_t n = t->n;
	if (n > 3 && (strncasecmp(s, "utc", 3) == 0 || strncasecmp(s, "gmt", 3) == 0)) {
		s += 3;
		n -= 3;
	}
	if (n < 2 || (s[0] != '+' && s[0] != '-'))
		return false;
	size_t k = 1;
	while (k < n && is_digit(s[k]))
		k++;
	int hh, mm = 0;
	if (k - 1 == 2) {
		hh = (int)num_of(s + 1, 2);
		if (k < n && s[k] == ':' && n - k - 1 == 2 && all_digits(s + k + 1, 2))
			mm = (int)num_of(s + k + 1, 2);
		else if (k != n)
			return false;
	} else if (k - 1 == 4 && k == n) {
		hh = (int)num_of(s + 1, 2);
		mm = (int)num_of(s + 3, 2);
	} else {
		return false;
	}
	if (hh * 3600 + mm * 60 > MAX_OFFSET || mm > 59)
		return false;
	p->off = (hh * 3600 + mm * 60) * (s[0] == '-' ? -1 : 1);
	return p->has_off = true;
}

/* HH:MM[:SS[.frac]] */
static bool ruby_clock(const struct ruby_tok *t, struct parsed *p)
{
	const char *s = t->s;
	size_t n = t->n, i = 0;
	int f[3] = { 0, 0, 0 };
	int k = 0;
	while (k < 3) {
		size_t st = i;
		while (i < n && is_digit(s[i]))
			i++;
		if (i == st || i - st > 2)
			return false;
		f[k++] = (int)num_of(s + st, i - st);
		if (i < n && s[i] == ':' && k < 3) {
			i++;
			continue;
		}
		break;
	}
	if (k < 2)
		return false;
	if (i < n && (s[i] == '.' || s[i] == ',') && k == 3) {
		size_t st = ++i;
		int32_t ns = 0, scale = 100000000;
		while (i < n && is_digit(s[i])) {
			ns += (s[i] - '0') * scale;
			scale /= 10;
			i++;
		}
		if (i == st)
			return false;
		p->nsec = ns;
	}
	if (i != n || f[0] > 24 || f[1] > 59 || f[2] > 60)
		return false;
	p->hour = f[0];
	p->min = f[1];
	p->sec = f[2] == 60 ? 59 : f[2];
	p->has_time = true;
	p->has_sec = k == 3;
	return true;
}

/* YYYY-MM-DD or YYYY/MM/DD in one word. */
static bool ruby_ymd(const struct ruby_tok *t, struct parsed *p)
{
	const char *s = t->s;
	size_t n = t->n, i = 0;
	long f[3];
	char sep = 0;
	for (int k = 0; k < 3; k++) {
		size_t st = i;
		while (i < n && is_digit(s[i]))
			i++;
		if (i == st || i - st > (k == 0 ? 4 : 2))
			return false;
		f[k] = num_of(s + st, i - st);
		if (k < 2) {
			if (i >= n || (s[i] != '-' && s[i] != '/') || (sep && s[i] != sep))
				return false;
			sep = s[i++];
		}
	}
	if (i != n || f[0] < 1000)
		return false;
	p->year = (int)f[0];
	p->month = (int)f[1];
	p->day = (int)f[2];
	return true;
}

#define RUBY_TOKENS 32

static int ruby_tokens(const char *s, struct ruby_tok *v)
{
	int n = 0;
	for (size_t i = 0; s[i] && n < RUBY_TOKENS;) {
		while (s[i] && (is_space(s[i]) || s[i] == ','))
			i++;
		size_t st = i;
		while (s[i] && !is_space(s[i]) && s[i] != ',')
			i++;
		if (i > st)
			v[n++] = (struct ruby_tok){ s + st, i - st };
	}
	return n;
}

static bool valid_day(const struct parsed *p)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (p->year < 1 || p->year > 9999 || p->month < 1 || p->month > 12 || p->day < 1 ||
	    p->day > days[p->month - 1])
		return false;
	bool leap = (p->year % 4 == 0 && p->year % 100 != 0) || p->year % 400 == 0;
	return !(p->month == 2 && p->day == 29 && !leap);
}

static int ruby_parse(const char *s, struct parsed *p)
{
	struct ruby_tok t[RUBY_TOKENS];
	int n = ruby_tokens(s, t);
	bool day = false;
	for (int i = 0; i < n; i++) {
		int m;
		if (!day && ruby_ymd(&t[i], p)) {
			day = true;
			/* "2021-12-08 20": Ruby takes an hour; too easily a typo. */
			if (i + 1 < n && all_digits(t[i + 1].s, t[i + 1].n) && t[i + 1].n <= 2)
				return -1;
		} else if (!p->has_time && ruby_clock(&t[i], p)) {
			if (i + 1 < n && (tok_is(&t[i + 1], "am") || tok_is(&t[i + 1], "pm"))) {
				if (p->hour > 12)
					return -1;
				p->hour = p->hour % 12 + (tolower((unsigned char)t[i + 1].s[0]) == 'p' ? 12 : 0);
				i++;
			}
			if (i + 1 < n && ruby_zone(&t[i + 1], p))
				i++;
			else if (i + 1 < n && (t[i + 1].s[0] == '+' || t[i + 1].s[0] == '-'))
				return -1;	/* an offset feedgen cannot read as Ruby does */
		} else if (!day && (m = month_of(&t[i])) != 0) {
			/* "Month D YYYY" or, with the day before it, "D Month YYYY". */
			bool before = i > 0 && all_digits(t[i - 1].s, t[i - 1].n) && t[i - 1].n <= 2;
			bool after = i + 1 < n && all_digits(t[i + 1].s, t[i + 1].n) && t[i + 1].n <= 2;
			int yi = before ? i + 1 : i + 2;
			if ((!before && !after) || yi >= n || !all_digits(t[yi].s, t[yi].n) ||
			    t[yi].n != 4)
				return -1;
			p->month = m;
			p->day = (int)(before ? num_of(t[i - 1].s, t[i - 1].n) : num_of(t[i + 1].s, t[i + 1].n));
			p->year = (int)num_of(t[yi].s, t[yi].n);
			day = true;
			i = yi;
		} else if (memchr(t[i].s, ':', t[i].n) && is_digit(t[i].s[0])) {
			return -1;	/* a clock out of range: Ruby refuses it too */
		} else if (!day && is_digit(t[i].s[0]) &&
			   (memchr(t[i].s, '-', t[i].n) || memchr(t[i].s, '/', t[i].n))) {
			return -1;	/* a day that is none (2021-13-45) */
		}
	}
	return day && valid_day(p) ? 0 : -1;
}

int date_parse(const char *s, enum date_style style, struct fg_time *t,
	       bool *as_utc, struct date_error *err)
{
	struct parsed p = { 0 };
	size_t i = 0, start;
	bool utc;
	if (as_utc)
		*as_utc = false;
	if (!s)
		return fail(err, 0, "no date");
	while (is_space(s[i]))
		i++;
	start = i;
	struct date_error strict = { 0, NULL };
	if (parse_day(s, &i, &p, &strict) || parse_rest(s, &i, &p, &strict)) {
		i = strlen(s);
	} else {
		while (is_space(s[i]))
			i++;
		if (s[i] != '\0')
			fail(&strict, i, "unexpected text after the date");
	}
	if (strict.msg) {
		/* What Jekyll's Time.parse still reads is a date in the site zone. */
		struct parsed r = { 0 };
		if (ruby_parse(s, &r) != 0) {
			if (err)
				*err = strict;
			return -1;
		}
		p = r;
		style = DATE_QUOTED;
	}
	/* YAML 1.1 makes an unquoted date-time with seconds a timestamp, and a
	 * timestamp without an offset is UTC; Jekyll keeps that instant. */
	utc = style == DATE_PLAIN && p.has_sec && !p.has_off;
	if (to_instant(&p, utc, t) || !year_in_range(t))
		return fail(err, start, "date out of range in the site's time zone");
	if (as_utc)
		*as_utc = utc;
	return 0;
}

size_t date_from_filename(const char *name, struct fg_time *t)
{
	struct parsed p = { 0 };
	struct fg_time when;
	size_t i = 0;
	if (!name || parse_day(name, &i, &p, NULL) || name[i] != '-')
		return 0;
	if (to_instant(&p, false, &when) || !year_in_range(&when))
		return 0;
	*t = when;
	return i + 1;
}

size_t date_filename_prefix(const char *name)
{
	struct parsed p = { 0 };
	struct fg_time when;
	size_t i = 0;
	if (!name || parse_day(name, &i, &p, NULL) || name[i] != '-')
		return 0;
	/* An offset moves a day by less than a day: only the first and the last
	 * year can leave the range. */
	if (p.year > 1 && p.year < 9999)
		return i + 1;
	return date_from_filename(name, &when);
}

static bool zone_name_ok(const char *name)
{
	return name[0] != '/' && strstr(name, "..") == NULL;
}

/* A name that is not a compiled zone would make the C library silently fall
 * back to UTC (or read it as a POSIX TZ rule), so look for the TZif magic. */
static bool zone_file_ok(const char *name)
{
	char path[512], magic[4];
	FILE *f;
	size_t n;
	int len = snprintf(path, sizeof path, "%s/%s", ZONEINFO_DIR, name);
	if (len < 0 || (size_t)len >= sizeof path)
		return false;
	f = fopen(path, "rb");
	if (!f)
		return false;
	n = fread(magic, 1, sizeof magic, f);
	fclose(f);
	return n == sizeof magic && memcmp(magic, "TZif", sizeof magic) == 0;
}

int date_use_zone(const char *name)
{
	if (!name || !*name)
		name = "UTC0";	/* a POSIX rule: works without any tzdata */
	else if (!zone_name_ok(name) || !zone_file_ok(name))
		return -1;
	if (setenv("TZ", name, 1) != 0)
		return -1;
	tzset();
	return 0;
}

void date_to_site_zone(struct fg_time *t)
{
	struct tm tm;
	time_t sec = (time_t)t->sec;
	t->off = localtime_r(&sec, &tm) ? (int32_t)tm.tm_gmtoff : 0;
}

/* Years beyond this do not fit struct tm's int; no date feedgen reads
 * comes near (they are 0001..9999 in the site zone). */
#define FIELDS_MAX_DAYS (INT64_C(1) << 38)

void date_fields(const struct fg_time *t, struct tm *tm)
{
	int64_t local = t->sec + t->off;
	int64_t days = floor_div(local, 86400), secs = local - days * 86400;
	memset(tm, 0, sizeof *tm);
	if (days > FIELDS_MAX_DAYS || days < -FIELDS_MAX_DAYS)
		return;
	int64_t y;
	int m, d;
	civil_from_days(days, &y, &m, &d);
	tm->tm_year = (int)(y - 1900);
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs % 3600 / 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_wday = (int)((days % 7 + 11) % 7);	/* 1970-01-01 was a Thursday */
	tm->tm_yday = (int)(days - days_from_civil(y, 1, 1));
	tm->tm_isdst = -1;
	tm->tm_gmtoff = t->off;
	tm->tm_zone = "";
}

/* Neither format can write seconds of offset (old LMT offsets have them), so
 * show the same instant in the offset cut to whole minutes. */
static void formatted(const struct fg_time *t, struct tm *tm, char *sign, int *hh, int *mm)
{
	struct fg_time shown = *t;
	int a;
	shown.off -= shown.off % 60;
	date_fields(&shown, tm);
	*sign = shown.off < 0 ? '-' : '+';
	a = shown.off < 0 ? -shown.off : shown.off;
	*hh = a / 3600;
	*mm = a % 3600 / 60;
}

static size_t written(int n, char *buf, size_t size)
{
	if (n < 0 || (size_t)n >= size) {
		if (size > 0)
			buf[0] = '\0';
		return 0;
	}
	return (size_t)n;
}

size_t date_rfc3339(const struct fg_time *t, char *buf, size_t size)
{
	struct tm tm;
	char sign;
	int hh, mm;
	formatted(t, &tm, &sign, &hh, &mm);
	return written(snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
				tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
				tm.tm_hour, tm.tm_min, tm.tm_sec, sign, hh, mm), buf, size);
}

size_t date_rfc822(const struct fg_time *t, char *buf, size_t size)
{
	/* RFC 822 §5.1 names, never the locale's. */
	static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	char sign;
	int hh, mm;
	formatted(t, &tm, &sign, &hh, &mm);
	return written(snprintf(buf, size, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
				days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900,
				tm.tm_hour, tm.tm_min, tm.tm_sec, sign, hh, mm), buf, size);
}

int date_cmp(const struct fg_time *a, const struct fg_time *b)
{
	if (a->sec != b->sec)
		return a->sec < b->sec ? -1 : 1;
	if (a->nsec != b->nsec)
		return a->nsec < b->nsec ? -1 : 1;
	return 0;
}
