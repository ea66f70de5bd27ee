/* url.h: URL pieces feedgen builds and resolves.
 *
 * Every function returns a new malloc'ed string the caller frees. */
#ifndef FEEDGEN_URL_H
#define FEEDGEN_URL_H

#include <stdbool.h>
#include <stddef.h>

/* Jekyll's URL.escape_path: percent-encode every byte that is not unreserved,
 * a sub-delim, ':', '@' or '/' (so CJK is encoded as UTF-8 %XX, spaces as %20,
 * parentheses kept), and '#'. Upper-case hex. */
char *url_escape_path(const char *s);

/* Percent-encode everything but unreserved characters (for one path segment
 * such as a tag name in a feed's file name URL). */
char *url_escape_segment(const char *s);

/* jekyll's absolute_url: site url (as written, so "https://x.com/" + "/a"
 * is "https://x.com//a" as in Jekyll) + baseurl + path, with the slashes
 * after the url made single. url and baseurl may be NULL or empty; a path that is already
 * absolute (has a scheme, or starts with "//") is returned as it is. */
char *url_absolute(const char *site_url, const char *baseurl, const char *path);

/* Resolve ref against the absolute base (RFC 3986 §5.2, with dot segments
 * removed). A ref with a scheme comes back unchanged; "//host/x" takes the
 * base's scheme. Returns NULL when base is not absolute. */
char *url_resolve(const char *base, const char *ref);

/* True when s starts with a scheme ("http:", "mailto:", ...). */
int url_has_scheme(const char *s);

/* As url_escape_path, but a "%XX" already in s is kept as it is (for text
 * that may be partly encoded, such as the literal parts of a permalink). */
char *url_escape_path_keep(const char *s);

/* url_escape_path (keep_pct false) or url_escape_path_keep (true) of
 * s[0..n), appended to b: for a caller building a URL piece by piece. */
struct buf;
void url_escape_path_add(struct buf *b, const char *s, size_t n, bool keep_pct);

#endif
