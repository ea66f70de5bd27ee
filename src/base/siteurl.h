/* siteurl.h: the site's own URL — is it one a feed can be built on — and the
 * ids feedgen gives when a site has none.
 *
 * A feed's and an entry's id must be an absolute IRI (RFC 4287 §4.2.6), and
 * every link in RSS and JSON Feed an absolute URL. With no site url those are
 * made from paths only, so feedgen gives tag: URIs (RFC 4151) instead:
 * "tag:feedgen.invalid,2005:" + the path without its leading slashes. The
 * tagging entity is the reserved name feedgen.invalid (RFC 2606): no one owns
 * it, so no other minter's ids can be equal to these, and the ids stay the
 * same from run to run while the paths do. */
#ifndef FEEDGEN_SITEURL_H
#define FEEDGEN_SITEURL_H

#include <stdbool.h>

/* The tag: prefix of ids made without a site url. */
#define SITEURL_TAG_PREFIX "tag:feedgen.invalid,2005:"

/* True when url is an absolute http or https URL with a host and nothing a
 * feed cannot carry (no space, control or non-ASCII byte, no query or
 * fragment): what a site's url must be. */
bool siteurl_valid(const char *url);

/* The tag: id for a site-relative path ("/2021/01/01/x" gives
 * "tag:feedgen.invalid,2005:2021/01/01/x"). path is already percent-encoded
 * (url_escape_path). A new string the caller frees. */
char *siteurl_tag_id(const char *path);

#endif
