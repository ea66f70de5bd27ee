/* fuzz_discover.c: the bytes as what `feedgen validate` meets in a folder or
 * behind a URL: sniff_document() on the whole and on its first bytes, and
 * discover_feeds() on them as an HTML page. A page's links stay within the
 * cap, each an absolute URI listed once, whatever the page holds. */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "validate/discover.h"
#include "validate/sniff.h"

/* An absolute URI: a scheme (RFC 3986 §3.1) and ':'. A link such as
 * "https:/x" is one, so it is kept, and its fetch then fails with a message. */
static int absolute_uri(const char *u)
{
	size_t n = strspn(u, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
	return n > 0 && u[n] == ':' && isalpha((unsigned char)u[0]);
}

static void check_links(const struct feed_links *l)
{
	fuzz_check(l->n <= DISCOVER_MAX && l->n <= l->found, "at most the cap, of those found");
	for (size_t i = 0; i < l->n; i++) {
		const char *u = l->v[i].url;
		fuzz_check(u != NULL && absolute_uri(u), "each link is an absolute URL");
		fuzz_check(l->v[i].type != NULL, "each link has its type, \"\" when none");
		for (size_t j = 0; j < i; j++)
			fuzz_check(strcmp(l->v[j].url, u) != 0, "the same URL is listed once");
	}
}

int fuzz_discover(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	enum sniff_kind whole = sniff_document(s, size, true);
	fuzz_check(whole != SNIFF_MORE, "a whole document is never 'give it whole'");
	(void)sniff_document(s, size < SNIFF_PREFIX ? size : SNIFF_PREFIX, false);
	(void)sniff_is_page("text/html; charset=utf-8", s, size);
	(void)sniff_is_page(NULL, s, size);
	struct feed_links l;
	discover_feeds(s, size, "https://example.org/blog/page.html", DISCOVER_MAX, &l);
	check_links(&l);
	feed_links_free(&l);
	return 0;
}
