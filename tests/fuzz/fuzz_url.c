/* fuzz_url.c: the bytes split at the first newline into a base and a
 * reference (or, without a newline, a fixed base and the bytes as the
 * reference), through url_resolve(), url_absolute() and the escapes. */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/url.h"
#include "fuzz.h"

#define FIXED_BASE "https://example.com/blog/2021/12/16/post.html?x=1#top"

static bool unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~';
}

static bool upper_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

/* Every byte allowed, or a "%XX" escape (upper-case hex as Jekyll writes). */
static void check_escaped(const char *s, bool path)
{
	for (size_t i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%') {
			fuzz_check(upper_hex((unsigned char)s[i + 1]) && upper_hex((unsigned char)s[i + 2]),
				   "escapes are %XX in upper case");
			i += 2;
			continue;
		}
		bool ok = unreserved(c) || (path && c != '\0' && strchr("!$&'()*+,;=:@/", c));
		fuzz_check(ok, "an escaped string holds only allowed characters");
	}
}

/* RFC 3986 §5.2.4: a path resolved against a base without dot segments has
 * none left (a base's own are kept when the reference has no path). */
static void check_no_dot_segments(const char *url)
{
	const char *s = strstr(url, "://");
	s = s ? s + 3 : url;
	s += strcspn(s, "/?#");
	size_t end = strcspn(s, "?#");
	for (size_t i = 0; i <= end;) {
		size_t k = 0;
		while (i + k < end && s[i + k] != '/')
			k++;
		bool dot = (k == 1 && s[i] == '.') || (k == 2 && s[i] == '.' && s[i + 1] == '.');
		fuzz_check(!dot, "a resolved path has no dot segments");
		i += k + 1;
	}
}

static void resolve(const char *base, const char *ref, bool clean_base)
{
	char *r = url_resolve(base, ref);
	fuzz_check((r != NULL) == (url_has_scheme(base) != 0), "resolving needs an absolute base");
	if (r) {
		fuzz_check(url_has_scheme(r), "a resolved URL has a scheme");
		if (clean_base && !url_has_scheme(ref))
			check_no_dot_segments(r);
	}
	free(r);
}

static void absolute(const char *site_url, const char *baseurl, const char *path)
{
	char *a = url_absolute(site_url, baseurl, path);
	fuzz_check(a != NULL, "absolute_url always answers");
	bool inputs_utf8 = fuzz_utf8_ok(path, strlen(path)) &&
			   (!site_url || fuzz_utf8_ok(site_url, strlen(site_url))) &&
			   (!baseurl || fuzz_utf8_ok(baseurl, strlen(baseurl)));
	if (inputs_utf8)
		fuzz_check(fuzz_utf8_ok(a, strlen(a)), "absolute_url of UTF-8 is UTF-8");
	/* A URL it builds goes into feeds and HTTP: no space or control byte,
	 * which XML forbids or a reader would cut the link at. (One that is
	 * already absolute comes back as it is, by design.) */
	bool built = !url_has_scheme(path) && !(path[0] == '/' && path[1] == '/');
	for (const char *c = a; built && *c; c++)
		fuzz_check((unsigned char)*c > 0x20 && *c != 0x7F, "absolute_url has no spaces or controls");
	free(a);
}

static void escapes(const char *s)
{
	char *e = url_escape_path(s);
	check_escaped(e, true);
	free(e);
	e = url_escape_segment(s);
	check_escaped(e, false);
	free(e);
	e = url_escape_path_keep(s);
	fuzz_check(strlen(e) >= strlen(s), "escaping never shortens");
	free(e);
}

int fuzz_url(const uint8_t *data, size_t size)
{
	char *all = fuzz_strndup(data, size);
	char *nl = memchr(all, '\n', size);
	const char *base = FIXED_BASE, *ref = all;
	if (nl) {
		*nl = '\0';
		base = all;
		ref = nl + 1;
	}
	resolve(base, ref, false);
	resolve(FIXED_BASE, ref, true);
	absolute(base, "/blog", ref);
	absolute("https://例子.测试", base, ref);
	absolute(NULL, NULL, ref);
	escapes(ref);
	free(all);
	return 0;
}
