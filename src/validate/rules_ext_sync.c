/* rules_ext_sync.c: FeedSync 1.0 (formerly Simple Sharing Extensions,
 * feedsync.org; namespace http://feedsync.org/2007/feedsync) for RSS and Atom.
 *
 * §3.1 sx:sharing, once in the channel or feed (since, until, expires; since
 * not after until), holding sx:related (link and type complete|aggregated
 * required, title). §3.2 sx:sync, once in an item or entry (id and updates
 * required, deleted and noconflicts booleans), holding sx:history (sequence
 * required, when and/or by) and sx:conflicts, whose children are the
 * conflicting items (§3.4; not checked here). The namespace is closed. */
#include <config.h>

#include <libxml/xmlstring.h>

#include "validate/rules_ext.h"

#define NS_SX "http://feedsync.org/2007/feedsync"

static void check_sx_sharing(struct vctx *c, xmlNodePtr n);
static void check_sx_history(struct vctx *c, xmlNodePtr n);

static const char *const a_sharing[] = { "since", "until", "expires", "version", NULL };
static const char *const a_related[] = { "link", "title", "type", NULL };
static const char *const a_sync[] = { "id", "updates", "deleted", "noconflicts", NULL };
static const char *const a_history[] = { "sequence", "when", "by", NULL };
static const char *const a_conflicts[] = { NULL };

static const struct ext_row sx_rows[] = {
	{ TOP, { NS_SX, "sharing", E_UNIQUE | E_ANY, R_NONE, NULL, check_sx_sharing, a_sharing } },
	{ NEST, { NS_SX, "related", 0, R_NONE, NULL, NULL, a_related } },
	{ LOW, { NS_SX, "sync", E_UNIQUE | E_ANY, R_NONE, NULL, ext_check_attrs, a_sync } },
	{ NEST, { NS_SX, "history", 0, R_NONE, NULL, check_sx_history, a_history } },
	{ NEST, { NS_SX, "conflicts", E_UNIQUE | E_ANY, R_NONE, NULL, ext_check_attrs, a_conflicts } },
	END,
};

static const struct value_rule sx_values[] = {
	{ "sharing", "since", 0, R_DATE_RFC3339, NULL },
	{ "sharing", "until", 0, R_DATE_RFC3339, NULL },
	{ "sharing", "expires", 0, R_DATE_RFC3339, NULL },
	{ "related", "link", VR_REQUIRED, R_URI_FULL, NULL },
	{ "related", "type", VR_REQUIRED, R_EXT_VALUE, "|complete|aggregated|" },
	{ "sync", "id", VR_REQUIRED, R_NONE, NULL },
	{ "sync", "updates", VR_REQUIRED, R_INT_POSITIVE, NULL },
	{ "sync", "deleted", 0, R_BOOLEAN, NULL },
	{ "sync", "noconflicts", 0, R_BOOLEAN, NULL },
	{ "history", "sequence", VR_REQUIRED, R_INT_POSITIVE, NULL },
	{ "history", "when", 0, R_DATE_RFC3339, NULL },
	VEND,
};

const struct ext_ns ext_ns_sx = { NS_SX, true, sx_rows, sx_values };

/* §3.1: since is not after until. RFC 3339 strings of one form compare as text. */
static void check_sx_sharing(struct vctx *c, xmlNodePtr n)
{
	ext_check_attrs(c, n);
	xmlChar *since = attr_get(n, "since"), *until = attr_get(n, "until");
	if (since && until && check_rfc3339((const char *)since) &&
	    check_rfc3339((const char *)until) && xmlStrcmp(since, until) > 0)
		rule_report(c, n, R_EXT_VALUE, "since=\"%s\" is after until=\"%s\"", since, until);
	xmlFree(since);
	xmlFree(until);
}

/* §3.2: each sx:history has a when or a by, and by names someone. */
static void check_sx_history(struct vctx *c, xmlNodePtr h)
{
	xmlChar *when = attr_get(h, "when"), *by = attr_get(h, "by");
	if ((!when || !*when) && (!by || !*by))
		rule_report(c, h, R_MISSING_ATTRIBUTE, "<sx:history> needs when or by");
	else if (by && !*by)
		rule_report(c, h, R_EXT_VALUE, "<sx:history by=\"\"> (by names who changed it)");
	xmlFree(when);
	xmlFree(by);
}
