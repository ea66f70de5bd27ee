/* test_validate.c: the value checks of rules_values.c, each with values that
 * keep the rule and values that break it, from the specifications cited. */
#include <config.h>

#include "tap.h"
#include "validate/rules.h"

static void test_dates(void)
{
	/* RFC 3339 §5.6 and §5.8 examples */
	ok(check_rfc3339("1985-04-12T23:20:50.52Z"), "RFC 3339 with fraction");
	ok(check_rfc3339("1996-12-19T16:39:57-08:00"), "RFC 3339 with offset");
	ok(check_rfc3339("1990-12-31T23:59:60Z"), "RFC 3339 leap second");
	ok(!check_rfc3339("1996-12-19 16:39:57Z"), "RFC 3339 needs T");
	ok(!check_rfc3339("1996-12-19T16:39:57"), "RFC 3339 needs a zone");
	ok(!check_rfc3339("2003-02-29T00:00:00Z"), "RFC 3339 no 29 Feb 2003");
	ok(check_rfc3339("2004-02-29T00:00:00Z"), "RFC 3339 29 Feb 2004");
	ok(!check_rfc3339("2004-13-01T00:00:00Z"), "RFC 3339 month 13");
	/* RFC 822 §5 / RFC 2822 §3.3 */
	ok(check_rfc822("Sat, 07 Sep 2002 00:00:01 GMT"), "RFC 822 with GMT");
	ok(check_rfc822("7 Sep 2002 09:00 +0530"), "RFC 822 no day, no seconds");
	ok(!check_rfc822("Sat, 07 Sep 02 00:00:01 GMT"), "two-digit year is not strict");
	ok(check_rfc822_lax("Sat, 07 Sep 02 00:00:01 GMT"), "two-digit year is RFC 822");
	ok(!check_rfc822_lax("2002-09-07"), "ISO date is not RFC 822");
	ok(!check_rfc822("Sat, 31 Feb 2002 00:00:01 GMT"), "31 February");
	ok(check_day_of_week("Sat, 07 Sep 2002 00:00:01 GMT"), "7 Sep 2002 was a Saturday");
	ok(!check_day_of_week("Sun, 07 Sep 2002 00:00:01 GMT"), "not a Sunday");
	/* W3C-DTF */
	ok(check_w3cdtf("1997"), "W3C-DTF year");
	ok(check_w3cdtf("1997-07-16T19:20+01:00"), "W3C-DTF minutes and zone");
	ok(!check_w3cdtf("1997-07-16T19:20"), "W3C-DTF time needs a zone");
	ok(!check_w3cdtf("16 July 1997"), "W3C-DTF not prose");
}

static void test_uris(void)
{
	ok(check_uri("http://example.org/a?b=c#d"), "URI");
	ok(check_uri("../relative/path"), "relative reference");
	ok(!check_uri("http://example.org/a b"), "no spaces in URIs");
	ok(!check_uri("http://example.org/%zz"), "bad percent escape");
	ok(!check_uri("http://example.org/\xc3\xa9"), "URI is ASCII");
	ok(check_iri("http://example.org/\xc3\xa9"), "IRI allows non-ASCII");
	ok(check_uri_full("mailto:a@example.org"), "absolute URI");
	ok(!check_uri_full("/path"), "relative is not absolute");
	ok(!check_uri_full("http:/example.org"), "http needs an authority");
	ok(check_tag_uri("tag:example.org,2004:x"), "RFC 4151 tag");
	ok(check_tag_uri("tag:a@example.org,2004-02-29:x"), "tag with e-mail and full date");
	ok(!check_tag_uri("tag:example.org:x"), "tag needs a date");
	ok(check_urn("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"), "UUID URN (RFC 4122)");
	ok(!check_urn("urn:uuid:f81d4fae"), "short UUID");
	ok(!check_urn("urn:x:"), "URN needs an NSS");
}

static void test_other_values(void)
{
	ok(check_email("a.b+c@example.org"), "addr-spec");
	ok(!check_email("example.org"), "no @");
	ok(check_email_rss("a@example.org (A B)"), "RSS addr (name)");
	ok(check_email_rss("A B <a@example.org>"), "RSS name <addr>");
	ok(check_email_rss("mailto:a%40example.org"), "RFC 2368 mailto");
	ok(!check_email_rss("A B"), "a name is not an address");
	ok(check_mime_type("text/html; charset=\"utf-8\""), "media type with parameter");
	ok(!check_mime_type("html"), "media type needs a subtype");
	ok(check_language("en-US"), "language with region");
	ok(check_language("zh-cn"), "lower-case region");
	ok(!check_language("english"), "not an ISO 639 code");
	ok(!check_language("en_US"), "underscore");
	ok(check_int_positive("1") && !check_int_positive("0"), "positive integers");
	ok(check_int_nonnegative("0") && !check_int_nonnegative("-1"), "non-negative integers");
	ok(check_int_list("1,2,3") && !check_int_list("1,x"), "integer lists");
	ok(check_latitude("-33.86") && !check_latitude("91"), "latitude range");
	ok(check_npt_time("12:05:01.123") && !check_npt_time("noon"), "NPT times");
	ok(check_form_name("q") && !check_form_name("42"), "form control names");
	ok(!check_no_html("a <b>bold</b> word"), "HTML in plain text");
	ok(check_no_html("1 < 2"), "a less-than sign is not HTML");
	ok(!check_safe_html("<script>x()</script>"), "script is unsafe");
	ok(check_meta_robots("noindex, follow") && !check_meta_robots("index,noindex"),
	   "robots directives");
}

static void test_rule_table(void)
{
	size_t bad = 0;
	for (size_t i = 1; i < R_COUNT; i++)
		if (!rule_table[i].id || !rule_table[i].message || !rule_table[i].spec)
			bad++;
	is_int(bad, 0, "every rule has an id, a message and a spec reference");
}

int main(void)
{
	test_dates();
	test_uris();
	test_other_values();
	test_rule_table();
	return tap_done();
}
