/* date.h: the dates of posts — parsing front matter and file names the way
 * Jekyll reads them, and writing RFC 3339 (Atom) and RFC 822 (RSS) forms.
 *
 * Time zones come from the system's tzdata through the C library: date_use_zone()
 * sets TZ for the process once, before any post is read. No function here
 * allocates. */
#ifndef FEEDGEN_DATE_H
#define FEEDGEN_DATE_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

/* An instant and the UTC offset it is shown in. */
struct fg_time {
	int64_t sec;	/* seconds since 1970-01-01T00:00:00Z */
	int32_t nsec;	/* fraction of the second, for ordering only */
	int32_t off;	/* seconds east of UTC used when formatting */
};

/* How a front matter value was written: Jekyll (through YAML 1.1) reads an
 * unquoted "YYYY-MM-DD HH:MM:SS" without an offset as UTC, but a quoted one,
 * or one without seconds, as local time in the site's zone. */
enum date_style { DATE_PLAIN, DATE_QUOTED };

struct date_error {
	size_t pos;		/* byte offset in the input where it went wrong */
	const char *msg;	/* static text */
};

/* Use the IANA zone `name` (e.g. "Asia/Shanghai") for local times; NULL or ""
 * means UTC. Returns -1 when no such zone is installed. */
int date_use_zone(const char *name);

/* Parse a date as it stands in front matter. On success fills *t (with off set
 * to the site zone's offset at that instant), sets *as_utc when an offset-less
 * value was read as UTC (the YAML timestamp rule), and returns 0. On failure
 * fills *err and returns -1. Accepted: YYYY-MM-DD; YYYY-MM-DD[ T]HH:MM[:SS[.frac]]
 * with an optional Z, ±HH, ±HHMM or ±HH:MM (spaces allowed before it); offsets
 * up to ±14:00. */
int date_parse(const char *s, enum date_style style, struct fg_time *t,
	       bool *as_utc, struct date_error *err);

/* The date of a file named YYYY-MM-DD-slug.ext: midnight in the site zone.
 * Returns the length of "YYYY-MM-DD-" (11) and fills *t, or 0 when the name
 * does not start that way or the date is not a real day. */
size_t date_from_filename(const char *name, struct fg_time *t);

/* What date_from_filename() returns, without placing the day in time (which
 * costs a time zone lookup): for the many posts whose front matter has a date. */
size_t date_filename_prefix(const char *name);

/* Re-express t in the site zone (sets t->off). */
void date_to_site_zone(struct fg_time *t);

/* Broken-down time of t in its own offset (for permalinks). */
struct tm;
void date_fields(const struct fg_time *t, struct tm *tm);

/* "2021-12-16T11:20:07+08:00" (Z never used: +00:00). buf of at least 32 bytes. */
size_t date_rfc3339(const struct fg_time *t, char *buf, size_t size);
/* "Thu, 16 Dec 2021 11:20:07 +0800". buf of at least 40 bytes. */
size_t date_rfc822(const struct fg_time *t, char *buf, size_t size);

/* -1, 0, 1 as a is before, equal to, after b. */
int date_cmp(const struct fg_time *a, const struct fg_time *b);

#endif
