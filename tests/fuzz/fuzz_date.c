/* fuzz_date.c: the bytes as a front matter date, quoted and plain, in zones
 * with odd offsets (half and quarter hours, +14:00, DST, LMT with seconds),
 * and as a file name. A date that parses must print in both feed forms and
 * parse back to the same instant. */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "fuzz.h"

static const char *const zones[] = {
	NULL, "Asia/Shanghai", "America/New_York", "Australia/Lord_Howe",
	"Asia/Kathmandu", "Pacific/Kiritimati", "America/St_Johns", "Asia/Kolkata",
	"Africa/Monrovia",
};

static void check_round_trip(const struct fg_time *t)
{
	char a[64], b[64];
	size_t n = date_rfc3339(t, a, sizeof a);
	fuzz_check(n == 25, "RFC 3339 dates are 25 characters");
	fuzz_check(date_rfc822(t, b, sizeof b) >= 30, "RFC 822 dates are written");
	struct fg_time back;
	bool utc = false;
	struct date_error err = { 0, NULL };
	fuzz_check(date_parse(a, DATE_QUOTED, &back, &utc, &err) == 0,
		   "a written RFC 3339 date parses");
	fuzz_check(back.sec == t->sec, "a written RFC 3339 date is the same instant");
}

static void parse_in(const char *s, enum date_style style)
{
	struct fg_time t;
	bool as_utc = true;
	struct date_error err = { 0, NULL };
	if (date_parse(s, style, &t, &as_utc, &err) == 0) {
		fuzz_check(!as_utc || style == DATE_PLAIN, "only plain dates are read as UTC");
		check_round_trip(&t);
		return;
	}
	fuzz_check(err.msg != NULL, "a refused date says why");
	fuzz_check(err.pos <= strlen(s), "the error position is inside the date");
}

int fuzz_date(const uint8_t *data, size_t size)
{
	char *s = fuzz_strndup(data, size);
	for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++) {
		fuzz_use_zone(zones[z]);
		parse_in(s, DATE_PLAIN);
		parse_in(s, DATE_QUOTED);
		struct fg_time t;
		size_t k = date_from_filename(s, &t);
		fuzz_check(k == 0 || k == 11, "a file name date is YYYY-MM-DD-");
		if (k)
			check_round_trip(&t);
	}
	free(s);
	return 0;
}
