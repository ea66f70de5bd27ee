/* siteurl.c: checking a site's url, and tag: ids for a site without one
 * (siteurl.h). */
#include <config.h>

#include <string.h>
#include <strings.h>

#include <libxml/uri.h>

#include "base/siteurl.h"
#include "base/text.h"

/* Bytes a URL written in _config.yml or on the command line may hold: printable
 * ASCII only, so what is checked here is what every feed will carry. */
static bool printable_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || (unsigned char)*s >= 0x7f)
			return false;
	return true;
}

bool siteurl_valid(const char *url)
{
	if (!url || !printable_ascii(url))
		return false;
	xmlURIPtr u = xmlParseURI(url);
	if (!u)
		return false;
	bool ok = u->scheme && (strcasecmp(u->scheme, "http") == 0 ||
				strcasecmp(u->scheme, "https") == 0) &&
		  u->server && *u->server && !u->query_raw && !u->fragment &&
		  !u->opaque;
	xmlFreeURI(u);
	return ok;
}

char *siteurl_tag_id(const char *path)
{
	while (path && *path == '/')
		path++;
	struct buf b;
	buf_init(&b);
	buf_adds(&b, SITEURL_TAG_PREFIX);
	buf_adds(&b, path ? path : "");
	return buf_take(&b);
}
