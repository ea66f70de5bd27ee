/* test_date: front matter and file name dates read as Jekyll 4.3 reads them,
 * and their RFC 3339 / RFC 822 forms. Expected values were worked out by hand
 * from the tzdata rules of each zone (Asia/Shanghai has had no DST since 1991). */
#include <config.h>
#include "base/date.h"
#include "tap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SH "Asia/Shanghai"
#define NY "America/New_York"

/* One date_parse() call: want is the RFC 3339 form, or NULL for an error at
 * err_pos whose message contains err_word. */
struct parse_case {
	const char *zone;
	const char *in;
	enum date_style style;
	const char *want;
	bool as_utc;
	size_t err_pos;
	const char *err_word;
};

static const struct parse_case parse_cases[] = {
	/* Every accepted shape, under Asia/Shanghai. */
	{ SH, "2021-12-08", DATE_PLAIN, "2021-12-08T00:00:00+08:00", false, 0, NULL },
	{ SH, "2021-12-08 20:00", DATE_PLAIN, "2021-12-08T20:00:00+08:00", false, 0, NULL },
	{ SH, "2021-12-08 20:00:00", DATE_PLAIN, "2021-12-09T04:00:00+08:00", true, 0, NULL },
	{ SH, "2021-12-08 20:00:00", DATE_QUOTED, "2021-12-08T20:00:00+08:00", false, 0, NULL },
	{ SH, "2021-12-08T20:00:00", DATE_QUOTED, "2021-12-08T20:00:00+08:00", false, 0, NULL },
	{ SH, "2021-12-08\t20:00:00", DATE_PLAIN, "2021-12-09T04:00:00+08:00", true, 0, NULL },
	{ SH, "2021-12-08   20:00:00.75", DATE_PLAIN, "2021-12-09T04:00:00+08:00", true, 0, NULL },
	{ SH, "2021-12-08 20:00:00.5", DATE_QUOTED, "2021-12-08T20:00:00+08:00", false, 0, NULL },
	{ SH, "2021-12-16T11:20:07+08:00", DATE_QUOTED, "2021-12-16T11:20:07+08:00", false, 0, NULL },
	{ SH, "2021-12-16T03:20:07Z", DATE_PLAIN, "2021-12-16T11:20:07+08:00", false, 0, NULL },
	{ SH, "2021-12-16t03:20:07z", DATE_PLAIN, "2021-12-16T11:20:07+08:00", false, 0, NULL },
	{ SH, "2021-12-16 03:20:07 Z", DATE_PLAIN, "2021-12-16T11:20:07+08:00", false, 0, NULL },
	{ SH, "2021-12-16 11:20:07 +08", DATE_PLAIN, "2021-12-16T11:20:07+08:00", false, 0, NULL },
	{ SH, "2021-12-16 11:20:07+0800", DATE_PLAIN, "2021-12-16T11:20:07+08:00", false, 0, NULL },
	{ SH, "2021-12-16 11:20 +0800", DATE_QUOTED, "2021-12-16T11:20:00+08:00", false, 0, NULL },
	{ SH, "2021-12-16 01:20:07.123456789123 -10:00", DATE_PLAIN, "2021-12-16T19:20:07+08:00", false, 0, NULL },
	{ SH, "2021-12-09 23:30:00 -0500", DATE_PLAIN, "2021-12-10T12:30:00+08:00", false, 0, NULL },
	{ SH, "2021-12-31 23:00 -14:00", DATE_PLAIN, "2022-01-01T21:00:00+08:00", false, 0, NULL },
	{ SH, "2022-01-01 13:59:59 +14:00", DATE_PLAIN, "2022-01-01T07:59:59+08:00", false, 0, NULL },
	{ SH, "2021-12-08 20:00 -00:00", DATE_PLAIN, "2021-12-09T04:00:00+08:00", false, 0, NULL },
	{ SH, " \t2021-12-08 \r\n", DATE_PLAIN, "2021-12-08T00:00:00+08:00", false, 0, NULL },
	{ SH, "2021-12-08 20:00:00 +0800  ", DATE_PLAIN, "2021-12-08T20:00:00+08:00", false, 0, NULL },
	/* Leap days: every 4 years, not every 100, but every 400. */
	{ SH, "2024-02-29", DATE_PLAIN, "2024-02-29T00:00:00+08:00", false, 0, NULL },
	{ SH, "2000-02-29 12:00", DATE_PLAIN, "2000-02-29T12:00:00+08:00", false, 0, NULL },
	/* The ends of the range; 0001 is before 1901, when Shanghai kept LMT
	 * (+08:05:43), shown in whole minutes. */
	{ SH, "0001-01-01 00:00 Z", DATE_PLAIN, "0001-01-01T08:05:00+08:05", false, 0, NULL },
	{ SH, "9999-12-31 23:59:59 +14:00", DATE_PLAIN, "9999-12-31T17:59:59+08:00", false, 0, NULL },
	/* Without an offset, under UTC. */
	{ NULL, "2021-12-08 20:00:00", DATE_PLAIN, "2021-12-08T20:00:00+00:00", true, 0, NULL },
	{ NULL, "2021-12-08 20:00:00", DATE_QUOTED, "2021-12-08T20:00:00+00:00", false, 0, NULL },
	{ NULL, "2021-12-08", DATE_PLAIN, "2021-12-08T00:00:00+00:00", false, 0, NULL },
	{ NULL, "2021-12-09 23:30:00 -0500", DATE_PLAIN, "2021-12-10T04:30:00+00:00", false, 0, NULL },
	/* A zone with DST, and the widest offset in use. */
	{ NY, "2021-07-04 12:00", DATE_PLAIN, "2021-07-04T12:00:00-04:00", false, 0, NULL },
	{ NY, "2021-12-25", DATE_PLAIN, "2021-12-25T00:00:00-05:00", false, 0, NULL },
	{ NY, "2021-12-08 20:00:00", DATE_PLAIN, "2021-12-08T15:00:00-05:00", true, 0, NULL },
	{ NY, "2021-07-04 12:00:00 Z", DATE_PLAIN, "2021-07-04T08:00:00-04:00", false, 0, NULL },
	{ "Pacific/Kiritimati", "2021-12-08 20:00:00 Z", DATE_PLAIN, "2021-12-09T10:00:00+14:00", false, 0, NULL },
	/* What only Ruby's Time.parse reads (Jekyll's Utils.parse_date): in the
	 * site zone unless a zone follows the clock; words it does not know are
	 * skipped. Each as Ruby 3.1 reads it under TZ=Asia/Shanghai. */
	{ SH, "2021-12-8", DATE_PLAIN, "2021-12-08T00:00:00+08:00", false, 0, NULL },
	{ SH, "2021-12-08 24:00:00", DATE_PLAIN, "2021-12-09T00:00:00+08:00", false, 0, NULL },
	{ SH, "2021-12-08 20:00:00 junk", DATE_PLAIN, "2021-12-08T20:00:00+08:00", false, 0, NULL },
	{ SH, "2021-12-08 20:00:00 +0100 x", DATE_PLAIN, "2021-12-09T03:00:00+08:00", false, 0, NULL },
	{ SH, "2021-12-08 +0100", DATE_PLAIN, "2021-12-08T00:00:00+08:00", false, 0, NULL },
	{ SH, "2023-01-29 18:30:22 2023 -0800", DATE_PLAIN, "2023-01-29T18:30:22+08:00", false, 0, NULL },
	{ SH, "13 January 2022 10:00 +0100", DATE_QUOTED, "2022-01-13T17:00:00+08:00", false, 0, NULL },
	{ SH, "Thursday, Jan 13, 2022", DATE_QUOTED, "2022-01-13T00:00:00+08:00", false, 0, NULL },
	{ SH, "2021/12/08 8:05 pm PST", DATE_QUOTED, "2021-12-09T12:05:00+08:00", false, 0, NULL },
	{ SH, "Dec 8 2021 20:00:00 UTC", DATE_QUOTED, "2021-12-09T04:00:00+08:00", false, 0, NULL },
	/* Errors, with where they are. */
	{ SH, "+0800", DATE_PLAIN, NULL, false, 0, "expected a date" },
	{ SH, "", DATE_PLAIN, NULL, false, 0, "expected a date" },
	{ SH, "   ", DATE_PLAIN, NULL, false, 3, "expected a date" },
	{ SH, "21-12-08", DATE_PLAIN, NULL, false, 0, "expected a date" },
	{ SH, "0000-01-01", DATE_PLAIN, NULL, false, 0, "year" },
	{ SH, "20211-12-08", DATE_PLAIN, NULL, false, 4, "'-' after the year" },
	{ SH, "2021-13-45", DATE_PLAIN, NULL, false, 5, "month" },
	{ SH, "  2021-00-01", DATE_PLAIN, NULL, false, 7, "month" },
	{ SH, "2021-02-29", DATE_PLAIN, NULL, false, 8, "day" },
	{ SH, "2100-02-29", DATE_PLAIN, NULL, false, 8, "day" },
	{ SH, "2021-04-31", DATE_PLAIN, NULL, false, 8, "day" },
	{ SH, "2021-12-00", DATE_PLAIN, NULL, false, 8, "day" },
	{ SH, "2021-12-08 25:00", DATE_PLAIN, NULL, false, 11, "hour" },
	{ SH, "2021-12-08T", DATE_PLAIN, NULL, false, 11, "hour" },
	{ SH, "2021-12-08 20", DATE_PLAIN, NULL, false, 13, "':' after the hour" },
	{ SH, "2021-12-08 20:60", DATE_PLAIN, NULL, false, 14, "minutes" },
	{ SH, "2021-12-08 20:00:61", DATE_PLAIN, NULL, false, 17, "seconds" },
	{ SH, "2021-12-08 20:00:00.", DATE_PLAIN, NULL, false, 20, "digits after '.'" },
	{ SH, "2021-12-08 20:00 +14:30", DATE_PLAIN, NULL, false, 17, "offset out of range" },
	{ SH, "2021-12-08 20:00 -1500", DATE_PLAIN, NULL, false, 17, "offset out of range" },
	{ SH, "2021-12-08 20:00 +8", DATE_PLAIN, NULL, false, 18, "offset hour" },
	{ SH, "2021-12-08 20:00 +08:", DATE_PLAIN, NULL, false, 21, "offset minutes" },
	{ SH, "2021-12-08 20:00 +08:75", DATE_PLAIN, NULL, false, 21, "offset minutes" },
	{ SH, "2021-12-08x", DATE_PLAIN, NULL, false, 10, "unexpected text" },
	{ SH, "\"2021-12-08\"", DATE_PLAIN, NULL, false, 0, "expected a date" },
	{ SH, "9999-12-31 23:00:00 -14:00", DATE_PLAIN, NULL, false, 0, "out of range" },
};

/* The input with its white space made visible, for one-line TAP descriptions. */
static const char *shown(const char *in, char *buf, size_t size)
{
	size_t n = 0;
	for (; *in && n + 3 < size; in++) {
		const char *esc = *in == '\t' ? "\\t" : *in == '\n' ? "\\n" : *in == '\r' ? "\\r" : NULL;
		if (esc) {
			memcpy(buf + n, esc, 2);
			n += 2;
		} else {
			buf[n++] = *in;
		}
	}
	buf[n] = '\0';
	return buf;
}

static void use_zone(const char *zone)
{
	if (date_use_zone(zone) != 0)
		printf("# cannot use zone %s\n", zone ? zone : "UTC");
}

static void check_parse_ok(const struct parse_case *c)
{
	char in[96];
	const char *name = shown(c->in, in, sizeof in);
	struct fg_time t;
	struct date_error err = { 0, NULL };
	bool as_utc = !c->as_utc;
	char buf[32];
	int rc = date_parse(c->in, c->style, &t, &as_utc, &err);
	if (!ok(rc == 0, "parse '%s' (%s)", name, c->style == DATE_PLAIN ? "plain" : "quoted")) {
		printf("#   error at %zu: %s\n", err.pos, err.msg ? err.msg : "(null)");
		return;
	}
	date_rfc3339(&t, buf, sizeof buf);
	is_str(buf, c->want, "'%s' is %s", name, c->want);
	is_int(as_utc, c->as_utc, "'%s' read as UTC: %d", name, c->as_utc);
}

static void check_parse_error(const struct parse_case *c)
{
	char in[96];
	const char *name = shown(c->in, in, sizeof in);
	struct fg_time t;
	struct date_error err = { 999, NULL };
	bool as_utc = true;
	int rc = date_parse(c->in, c->style, &t, &as_utc, &err);
	is_int(rc, -1, "'%s' is rejected", name);
	is_int(err.pos, c->err_pos, "'%s': error at byte %zu", name, c->err_pos);
	ok(err.msg && strstr(err.msg, c->err_word), "'%s': message '%s' says '%s'", name,
	   err.msg ? err.msg : "(null)", c->err_word);
	ok(!as_utc, "'%s': as_utc cleared on error", name);
}

static void test_parse_table(void)
{
	size_t n = sizeof parse_cases / sizeof parse_cases[0];
	for (size_t k = 0; k < n; k++) {
		use_zone(parse_cases[k].zone);
		if (parse_cases[k].want)
			check_parse_ok(&parse_cases[k]);
		else
			check_parse_error(&parse_cases[k]);
	}
}

/* The measurements from the issue, under timezone: Asia/Shanghai. */
static void test_jekyll_table(void)
{
	static const struct {
		const char *in;
		enum date_style style;
		const char *rfc3339, *url;
	} rows[] = {
		{ "2021-12-08 20:00:00", DATE_PLAIN, "2021-12-09T04:00:00+08:00", "2021/12/09" },
		{ "2021-12-08T20:00:00", DATE_PLAIN, "2021-12-09T04:00:00+08:00", "2021/12/09" },
		{ "2021-12-08 20:00:00", DATE_QUOTED, "2021-12-08T20:00:00+08:00", "2021/12/08" },
		{ "2021-12-08 20:00", DATE_PLAIN, "2021-12-08T20:00:00+08:00", "2021/12/08" },
		{ "2021-12-08", DATE_PLAIN, "2021-12-08T00:00:00+08:00", "2021/12/08" },
		{ "2021-12-09 23:30:00 -0500", DATE_PLAIN, "2021-12-10T12:30:00+08:00", "2021/12/10" },
	};
	use_zone(SH);
	for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
		struct fg_time t = { 0, 0, 0 };
		struct date_error err;
		struct tm tm;
		bool as_utc;
		char buf[32], url[32];
		ok(date_parse(rows[k].in, rows[k].style, &t, &as_utc, &err) == 0,
		   "jekyll row %zu parses", k + 1);
		date_rfc3339(&t, buf, sizeof buf);
		is_str(buf, rows[k].rfc3339, "jekyll row %zu: %s", k + 1, rows[k].rfc3339);
		date_fields(&t, &tm);
		snprintf(url, sizeof url, "%04d/%02d/%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
		is_str(url, rows[k].url, "jekyll row %zu: URL date %s", k + 1, rows[k].url);
	}
}

static void test_formats(void)
{
	/* 2021-12-16T03:20:07Z */
	struct fg_time t = { 1639624807, 0, 8 * 3600 };
	struct fg_time st_johns = { 1639624807, 0, -(3 * 3600 + 30 * 60) };
	struct fg_time utc = { 951782400, 0, 0 };	/* 2000-02-29T00:00:00Z */
	char buf[40];
	is_int(date_rfc3339(&t, buf, sizeof buf), 25, "rfc3339 length");
	is_str(buf, "2021-12-16T11:20:07+08:00", "rfc3339 east of UTC");
	is_int(date_rfc822(&t, buf, sizeof buf), 31, "rfc822 length");
	is_str(buf, "Thu, 16 Dec 2021 11:20:07 +0800", "rfc822 east of UTC");
	date_rfc3339(&st_johns, buf, sizeof buf);
	is_str(buf, "2021-12-15T23:50:07-03:30", "rfc3339 west of UTC with minutes");
	date_rfc822(&st_johns, buf, sizeof buf);
	is_str(buf, "Wed, 15 Dec 2021 23:50:07 -0330", "rfc822 west of UTC with minutes");
	date_rfc3339(&utc, buf, sizeof buf);
	is_str(buf, "2000-02-29T00:00:00+00:00", "rfc3339 UTC is +00:00, never Z");
	date_rfc822(&utc, buf, sizeof buf);
	is_str(buf, "Tue, 29 Feb 2000 00:00:00 +0000", "rfc822 UTC");
	is_int(date_rfc3339(&t, buf, 10), 0, "rfc3339 into a short buffer writes nothing");
	is_str(buf, "", "short buffer left empty");
}

static void test_rfc822_names(void)
{
	static const char *want[] = {
		"Sun, 02 Jan 2022", "Tue, 01 Feb 2022", "Tue, 01 Mar 2022", "Fri, 01 Apr 2022",
		"Sun, 01 May 2022", "Wed, 01 Jun 2022", "Fri, 01 Jul 2022", "Mon, 01 Aug 2022",
		"Thu, 01 Sep 2022", "Sat, 01 Oct 2022", "Tue, 01 Nov 2022", "Thu, 01 Dec 2022",
	};
	static const char *in[] = {
		"2022-01-02", "2022-02-01", "2022-03-01", "2022-04-01", "2022-05-01", "2022-06-01",
		"2022-07-01", "2022-08-01", "2022-09-01", "2022-10-01", "2022-11-01", "2022-12-01",
	};
	use_zone(NULL);
	for (size_t k = 0; k < 12; k++) {
		struct fg_time t = { 0, 0, 0 };
		struct date_error err;
		bool as_utc;
		char buf[40];
		date_parse(in[k], DATE_PLAIN, &t, &as_utc, &err);
		date_rfc822(&t, buf, sizeof buf);
		ok(strncmp(buf, want[k], strlen(want[k])) == 0, "rfc822 '%s' starts '%s'", buf, want[k]);
	}
}

static void check_filename(const char *zone, const char *name, size_t want_len, const char *want)
{
	struct fg_time t = { 42, 7, 3 };
	char buf[32];
	use_zone(zone);
	is_int(date_from_filename(name, &t), want_len, "file name '%s' gives %zu", name, want_len);
	if (!want) {
		ok(t.sec == 42 && t.nsec == 7 && t.off == 3, "'%s' leaves t alone", name);
		return;
	}
	date_rfc3339(&t, buf, sizeof buf);
	is_str(buf, want, "'%s' is %s", name, want);
}

static void test_filenames(void)
{
	check_filename(SH, "2021-12-16-slug.md", 11, "2021-12-16T00:00:00+08:00");
	check_filename(SH, "2024-02-29-leap-day.markdown", 11, "2024-02-29T00:00:00+08:00");
	check_filename(NULL, "2021-12-16-slug.md", 11, "2021-12-16T00:00:00+00:00");
	check_filename(NY, "2021-03-14-dst-starts.md", 11, "2021-03-14T00:00:00-05:00");
	check_filename(NY, "2021-07-04-summer.md", 11, "2021-07-04T00:00:00-04:00");
	check_filename(SH, "2021-02-29-not-a-day.md", 0, NULL);
	check_filename(SH, "2021-13-01-x.md", 0, NULL);
	check_filename(SH, "2021-12-16.md", 0, NULL);
	check_filename(SH, "2021-1-16-x.md", 0, NULL);
	check_filename(SH, "slug.md", 0, NULL);
	check_filename(SH, "", 0, NULL);
}

static void test_zones(void)
{
	struct fg_time t;
	struct date_error err;
	bool as_utc;
	char buf[32];
	is_int(date_use_zone(SH), 0, "Asia/Shanghai is installed");
	is_int(date_use_zone("Nowhere/City"), -1, "an unknown zone is refused");
	is_int(date_use_zone("../../../etc/passwd"), -1, "'..' is refused");
	is_int(date_use_zone("Asia/../Asia/Tokyo"), -1, "'..' inside is refused");
	is_int(date_use_zone("/usr/share/zoneinfo/UTC"), -1, "an absolute path is refused");
	is_int(date_use_zone("Asia"), -1, "a folder is not a zone");
	is_int(date_use_zone("iso3166.tab"), -1, "a table is not a zone");
	is_int(date_use_zone("UTC+3"), -1, "a POSIX TZ rule is not a zone name");
	date_parse("2021-12-08", DATE_PLAIN, &t, &as_utc, &err);
	date_rfc3339(&t, buf, sizeof buf);
	is_str(buf, "2021-12-08T00:00:00+08:00", "a refused zone leaves the last one in use");
	is_int(date_use_zone(""), 0, "\"\" means UTC");
	date_parse("2021-12-08", DATE_PLAIN, &t, &as_utc, &err);
	date_rfc3339(&t, buf, sizeof buf);
	is_str(buf, "2021-12-08T00:00:00+00:00", "\"\" is UTC");
	is_int(date_use_zone(NULL), 0, "NULL means UTC");
}

static void test_site_zone_and_fields(void)
{
	struct fg_time t = { 1639624807, 0, 0 };	/* 2021-12-16T03:20:07Z */
	struct fg_time summer = { 1625400000, 0, 0 };	/* 2021-07-04T12:00:00Z */
	struct tm tm;
	use_zone(SH);
	date_to_site_zone(&t);
	is_int(t.off, 8 * 3600, "to site zone: Shanghai is +08:00");
	date_fields(&t, &tm);
	is_int(tm.tm_year + 1900, 2021, "fields: year");
	is_int(tm.tm_mon + 1, 12, "fields: month");
	is_int(tm.tm_mday, 16, "fields: day");
	is_int(tm.tm_hour, 11, "fields: hour in the offset");
	is_int(tm.tm_yday, 349, "fields: day of the year (0-based)");
	is_int(tm.tm_wday, 4, "fields: Thursday");
	use_zone(NY);
	date_to_site_zone(&summer);
	is_int(summer.off, -4 * 3600, "to site zone: New York in July is -04:00");
	date_to_site_zone(&t);
	is_int(t.off, -5 * 3600, "to site zone: New York in December is -05:00");
	date_fields(&t, &tm);
	is_int(tm.tm_mday, 15, "fields: the day before, west of UTC");
	is_int(tm.tm_hour, 22, "fields: hour west of UTC");
}

/* date.c does UTC calendar arithmetic itself: it must agree with the C
 * library's gmtime_r() and timegm() everywhere feedgen reads dates, years
 * 0001-9999 (leap days and the 100/400-year rules included). */
static void test_calendar_against_libc(void)
{
	int64_t lo = -62135596800;	/* 0001-01-01T00:00:00Z */
	int64_t hi = 253402300799;	/* 9999-12-31T23:59:59Z */
	uint64_t x = 0x9E3779B97F4A7C15u;
	unsigned fields_bad = 0, parse_bad = 0, n = 0;
	use_zone(NULL);
	for (int64_t sec = lo; sec < hi; sec += 86400 * 7 + 3607, n++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		int32_t off = (int32_t)(x % (2 * 50400 + 1)) - 50400;	/* +-14:00 */
		off -= off % 60;
		struct fg_time t = { sec, 0, off };
		struct tm mine, want;
		time_t local = (time_t)(sec + off);
		date_fields(&t, &mine);
		if (!gmtime_r(&local, &want) || mine.tm_year != want.tm_year ||
		    mine.tm_mon != want.tm_mon || mine.tm_mday != want.tm_mday ||
		    mine.tm_hour != want.tm_hour || mine.tm_min != want.tm_min ||
		    mine.tm_sec != want.tm_sec || mine.tm_wday != want.tm_wday ||
		    mine.tm_yday != want.tm_yday)
			fields_bad++;
		if (want.tm_year + 1900 < 1 || want.tm_year + 1900 > 9999)
			continue;
		char in[40];
		snprintf(in, sizeof in, "%04d-%02d-%02d %02d:%02d:%02d %c%02d:%02d",
			 want.tm_year + 1900, want.tm_mon + 1, want.tm_mday, want.tm_hour,
			 want.tm_min, want.tm_sec, off < 0 ? '-' : '+', abs(off) / 3600,
			 abs(off) % 3600 / 60);
		struct fg_time back;
		struct date_error err;
		bool as_utc;
		if (date_parse(in, DATE_PLAIN, &back, &as_utc, &err) != 0 || back.sec != sec)
			parse_bad++;
	}
	ok(n > 500000, "%u instants compared", n);
	is_int((int)fields_bad, 0, "date_fields() agrees with gmtime_r() in every offset");
	is_int((int)parse_bad, 0, "date_parse() with an offset agrees with timegm()");
}

static void test_cmp(void)
{
	struct fg_time a, b, c;
	struct date_error err;
	bool as_utc;
	use_zone(SH);
	date_parse("2021-12-08 20:00:00.25 Z", DATE_PLAIN, &a, &as_utc, &err);
	date_parse("2021-12-09 04:00:00.5 +08:00", DATE_PLAIN, &b, &as_utc, &err);
	date_parse("2021-12-08 15:00:00.25 -05:00", DATE_PLAIN, &c, &as_utc, &err);
	is_int(date_cmp(&a, &b), -1, "same second: the smaller fraction is earlier");
	is_int(date_cmp(&b, &a), 1, "same second: the larger fraction is later");
	is_int(date_cmp(&a, &c), 0, "one instant written in two offsets is equal");
	b.sec -= 1;
	is_int(date_cmp(&a, &b), 1, "seconds decide before fractions");
}

int main(void)
{
	test_zones();
	test_parse_table();
	test_jekyll_table();
	test_formats();
	test_rfc822_names();
	test_filenames();
	test_site_zone_and_fields();
	test_cmp();
	test_calendar_against_libc();
	return tap_done();
}
