/* test_feeddiff.c: publish/feedread and publish/feeddiff — reading each
 * format, link keys, feed dates, and the matcher's verdicts (issue 17). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "publish/feeddiff.h"
#include "publish/feedread.h"
#include "tap.h"

static int read_doc(const char *text, struct feed_doc *doc)
{
	struct diag_sink sink;
	diag_sink_init(&sink, NULL);
	return feedread_buffer(text, strlen(text), "t", doc, &sink);
}

static void test_link_keys(void)
{
	static const struct { const char *in, *want; } cases[] = {
		{"HTTPS://Example.COM:443/A/b?x#y", "https://example.com/A/b?x#y"},
		{"http://example.com:80", "http://example.com/"},
		{"http://example.com:8080/x", "http://example.com:8080/x"},
		{"https://example.com:80/x", "https://example.com:80/x"},
		{"https://user@Example.com/x", "https://user@example.com/x"},
		{"http://[::1]:80/x", "http://[::1]/x"},
		{"/relative/Path", "/relative/Path"},
		{"urn:Isbn:1", "urn:Isbn:1"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *k = feed_link_key(cases[i].in);
		is_str(k, cases[i].want, "link key of %s", cases[i].in);
		free(k);
	}
}

static void test_dates(void)
{
	long long a, b;
	ok(feed_date_parse("2024-01-02T03:04:05Z", &a) == 0 &&
	   feed_date_parse("Tue, 02 Jan 2024 03:04:05 GMT", &b) == 0 && a == b,
	   "RFC 3339 and RFC 822 of one instant are equal");
	ok(feed_date_parse("02 Jan 2024 11:04:05 +0800", &b) == 0 && a == b,
	   "RFC 822 without a weekday, with a numeric zone");
	ok(feed_date_parse("Mon, 01 Jan 2024 22:04:05 EST", &b) == 0 && a == b,
	   "RFC 822 with a US zone name");
	ok(feed_date_parse("Tue, 02 Jan 2024 03:04 UT", &b) == 0 && a - 5 == b,
	   "RFC 822 without seconds");
	ok(feed_date_parse("2024-01-02T11:04:05+08:00", &b) == 0 && a == b, "RFC 3339 with an offset");
	ok(feed_date_parse("yesterday", &b) != 0, "no date: -1");
	ok(feed_date_parse("Tue, 02 Foo 2024 03:04:05 GMT", &b) != 0, "no such month: -1");
}

static void test_read_formats(void)
{
	struct feed_doc d;
	ok(read_doc("<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>i</id>"
		    "<link rel='self' href='s'/><link href='l'/><title> a\n b </title>"
		    "<source><id>no</id></source><published>p</published></entry></feed>", &d) == 0 &&
	   d.n == 1, "Atom: one entry");
	is_str(d.v[0].id, "i", "Atom: the entry's id, not its source's");
	is_str(d.v[0].link, "l", "Atom: the alternate link, not self");
	is_str(d.v[0].title, "a b", "Atom: the title folded");
	feed_doc_free(&d);
	ok(read_doc("<rss><channel><item><link>l</link><title>t</title></item>"
		    "<item><guid>g</guid><description>x</description></item></channel></rss>", &d) == 0 &&
	   d.n == 2, "RSS: two items");
	is_str(d.v[0].id, "l", "RSS: no guid, the link is the id");
	is_str(d.v[1].id, "g", "RSS: the guid");
	ok(d.v[1].content_hash != 0 && d.v[0].content_hash == 0, "RSS: content hashed only when there");
	feed_doc_free(&d);
	ok(read_doc("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"id\": 7, "
		    "\"url\": \"u\"}, {\"url\": \"v\"}, 3]}", &d) == 0 && d.n == 2,
	   "JSON Feed: two items (a number is no item)");
	is_str(d.v[0].id, "7", "JSON Feed 1.0: a numeric id");
	is_str(d.v[1].id, "v", "JSON Feed: no id, the url");
	feed_doc_free(&d);
	ok(read_doc("<feed xmlns='http://www.w3.org/2005/Atom'><entry>", &d) != 0, "truncated: -1");
	ok(read_doc("<feed/>", &d) != 0, "<feed> without Atom's namespace is no feed");
	ok(read_doc("", &d) != 0, "empty: -1");
}

/* An Atom feed of n entries: id PREFIX<i>, link L<i>, title T<i>, published day i. */
static char *atom(size_t n, const char *id_prefix, const char *link_prefix)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "<feed xmlns='http://www.w3.org/2005/Atom'>");
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "<entry><id>%s%zu</id><link href='%s%zu'/><title>T%zu</title>"
			   "<published>2024-01-01T00:00:00Z</published></entry>",
			   id_prefix, i, link_prefix, i, i);
	buf_adds(&b, "</feed>");
	return buf_take(&b);
}

static void diff_of(const char *a, const char *b, struct feed_diff *d)
{
	struct feed_doc x, y;
	read_doc(a, &x);
	read_doc(b, &y);
	feed_diff_compute(&x, &y, d);
	feed_doc_free(&x);
	feed_doc_free(&y);
}

static void test_matcher(void)
{
	struct feed_diff d;
	char *old = atom(5, "id", "https://x/");
	char *same = atom(5, "id", "https://x/");
	diff_of(old, same, &d);
	ok(d.n == 0, "the same feed: nothing");
	feed_diff_free(&d);
	char *relinked = atom(5, "new", "https://x/");
	diff_of(old, relinked, &d);
	is_int(d.reidentified, 5, "new ids, same links: all re-identified");
	ok(d.added == 0 && d.removed == 0, "and neither added nor removed");
	feed_diff_free(&d);
	char *moved = atom(5, "new", "https://y/");
	diff_of(old, moved, &d);
	is_int(d.reidentified, 5, "new ids and links, same titles and dates: re-identified");
	feed_diff_free(&d);
	char *fewer = atom(3, "id", "https://x/");
	diff_of(old, fewer, &d);
	ok(d.removed == 2 && d.reidentified == 0 && d.added == 0, "entries gone: removed");
	feed_diff_free(&d);
	diff_of(fewer, old, &d);
	ok(d.added == 2 && d.reidentified == 0 && d.removed == 0, "entries new: added");
	feed_diff_free(&d);
	/* Two old entries with one link: one new entry matches one of them. */
	const char *dup_old = "<feed xmlns='http://www.w3.org/2005/Atom'>"
		"<entry><id>a</id><link href='https://x/l'/></entry>"
		"<entry><id>b</id><link href='https://x/l'/></entry></feed>";
	const char *dup_new = "<feed xmlns='http://www.w3.org/2005/Atom'>"
		"<entry><id>c</id><link href='https://x/l'/></entry></feed>";
	diff_of(dup_old, dup_new, &d);
	ok(d.reidentified == 1 && d.removed == 1, "a new entry matches one old entry only");
	feed_diff_free(&d);
	/* 100,000 entries a side, all re-identified: linear. */
	char *big_old = atom(100000, "o", "https://x/");
	char *big_new = atom(100000, "n", "https://x/");
	diff_of(big_old, big_new, &d);
	is_int(d.reidentified, 100000, "100,000 entries under new ids: all found");
	feed_diff_free(&d);
	free(big_old);
	free(big_new);
	free(old);
	free(same);
	free(relinked);
	free(moved);
	free(fewer);
}

int main(void)
{
	test_link_keys();
	test_dates();
	test_read_formats();
	test_matcher();
	return tap_done();
}
