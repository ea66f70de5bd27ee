/* rules_rss.c: RSS 2.0 (RSS 2.0.11) — the element tables of the specification
 * and the checks no table can state. Section names refer to
 * https://www.rssboard.org/rss-specification. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "validate/rules_ext.h"

static void check_title(struct vctx *c, xmlNodePtr n);
static void check_description(struct vctx *c, xmlNodePtr n);
static void check_date822(struct vctx *c, xmlNodePtr n);
static void check_cloud(struct vctx *c, xmlNodePtr n);
static void check_image_width(struct vctx *c, xmlNodePtr n);
static void check_image_height(struct vctx *c, xmlNodePtr n);
static void check_skip_hours(struct vctx *c, xmlNodePtr n);
static void check_skip_days(struct vctx *c, xmlNodePtr n);
static void check_enclosure(struct vctx *c, xmlNodePtr n);
static void check_guid(struct vctx *c, xmlNodePtr n);
static void check_source(struct vctx *c, xmlNodePtr n);
static void check_item(struct vctx *c, xmlNodePtr n);
static void check_person(struct vctx *c, xmlNodePtr n);
static void check_channel(struct vctx *c, xmlNodePtr n);
static void check_text_input(struct vctx *c, xmlNodePtr n);

static const char *const a_domain[] = { "domain", NULL };
static const char *const a_cloud[] = {
	"domain", "port", "path", "registerProcedure", "protocol", NULL
};
static const char *const a_enclosure[] = { "url", "length", "type", NULL };
static const char *const a_guid[] = { "isPermaLink", NULL };
static const char *const a_source[] = { "url", NULL };
static const char *const a_rss[] = { "version", NULL };

#define U E_UNIQUE
#define R E_REQUIRED
#define C E_CONTAINER

/* §<image> sub-element of <channel> */
static const struct elem_def image_children[] = {
	{ NULL, "url", R | U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "title", R | U, R_NONE, NULL, check_title, NULL },
	{ NULL, "link", R | U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "width", U, R_NONE, NULL, check_image_width, NULL },
	{ NULL, "height", U, R_NONE, NULL, check_image_height, NULL },
	{ NULL, "description", U, R_NONE, NULL, check_title, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

/* §<textInput> sub-element of <channel> */
static const struct elem_def text_input_children[] = {
	{ NULL, "title", R | U, R_NONE, NULL, check_title, NULL },
	{ NULL, "description", R | U, R_NONE, NULL, check_title, NULL },
	{ NULL, "name", R | U, R_RSS_FORM_NAME, NULL, NULL, NULL },
	{ NULL, "link", R | U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct elem_def skip_hours_children[] = {
	{ NULL, "hour", 0, R_NONE, NULL, NULL, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct elem_def skip_days_children[] = {
	{ NULL, "day", 0, R_NONE, NULL, NULL, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

/* §Required channel elements, §Optional channel elements */
static const struct elem_def channel_children[] = {
	{ NULL, "title", R | U | E_NONBLANK, R_NONE, NULL, check_title, NULL },
	{ NULL, "link", R | U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "description", R | U, R_NONE, NULL, check_title, NULL },
	{ NULL, "language", U, R_LANGUAGE, NULL, NULL, NULL },
	{ NULL, "copyright", U, R_NONE, NULL, NULL, NULL },
	{ NULL, "managingEditor", U, R_EMAIL_RSS, NULL, check_person, NULL },
	{ NULL, "webMaster", U, R_EMAIL_RSS, NULL, check_person, NULL },
	{ NULL, "pubDate", U, R_NONE, NULL, check_date822, NULL },
	{ NULL, "lastBuildDate", U, R_NONE, NULL, check_date822, NULL },
	{ NULL, "category", 0, R_NONE, NULL, NULL, a_domain },
	{ NULL, "generator", U, R_NONE, NULL, NULL, NULL },
	{ NULL, "docs", U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "cloud", U, R_NONE, NULL, check_cloud, a_cloud },
	{ NULL, "ttl", U, R_INT_POSITIVE, NULL, NULL, NULL },
	{ NULL, "image", U | C, R_NONE, image_children, NULL, NULL },
	{ NULL, "rating", U, R_NONE, NULL, NULL, NULL },
	{ NULL, "textInput", U | C, R_NONE, text_input_children, check_text_input, NULL },
	{ NULL, "skipHours", U | C, R_NONE, skip_hours_children, check_skip_hours, NULL },
	{ NULL, "skipDays", U | C, R_NONE, skip_days_children, check_skip_days, NULL },
	{ NULL, "item", E_FRAGMENT, R_NONE, NULL, NULL, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct elem_def rss_children[] = {
	{ NULL, "channel", R | U | C, R_NONE, channel_children, check_channel, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct elem_def rss_def = { NULL, "rss", C, R_NONE, rss_children, NULL, a_rss };

/* §Elements of <item> */
static const struct elem_def item_children[] = {
	{ NULL, "title", U, R_NONE, NULL, check_title, NULL },
	{ NULL, "link", U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "description", U, R_NONE, NULL, check_description, NULL },
	{ NULL, "author", U, R_EMAIL_RSS, NULL, check_person, NULL },
	{ NULL, "category", 0, R_NONE, NULL, NULL, a_domain },
	{ NULL, "comments", U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "enclosure", 0, R_NONE, NULL, check_enclosure, a_enclosure },
	{ NULL, "guid", U, R_NONE, NULL, check_guid, a_guid },
	{ NULL, "pubDate", U, R_NONE, NULL, check_date822, NULL },
	{ NULL, "source", U, R_NONE, NULL, check_source, a_source },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct elem_def item_def = { NULL, "item", C, R_NONE, item_children, check_item, NULL };

/* ---- RSS 0.91, 0.92, 0.93, 0.94 ----
 * 0.91 (Netscape's DTD and UserLand's specification): title, link,
 * description and language are required in the channel, title and link in an
 * item; Netscape's DTD spells textinput in lower case, UserLand textInput.
 * 0.92 (UserLand) makes every item element optional (an item needs a title or
 * a description), language optional, and adds source, enclosure, category
 * and cloud. 0.93 and 0.94 (drafts on the way to 2.0) add pubDate,
 * expirationDate, guid, comments and author to items, and category,
 * generator and ttl to the channel. */

static const struct elem_def channel091_children[] = {
	{ NULL, "title", R | U | E_NONBLANK, R_NONE, NULL, check_title, NULL },
	{ NULL, "link", R | U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "description", R | U, R_NONE, NULL, check_title, NULL },
	{ NULL, "language", U, R_LANGUAGE, NULL, NULL, NULL },
	{ NULL, "copyright", U, R_NONE, NULL, NULL, NULL },
	{ NULL, "managingEditor", U, R_EMAIL_RSS, NULL, check_person, NULL },
	{ NULL, "webMaster", U, R_EMAIL_RSS, NULL, check_person, NULL },
	{ NULL, "pubDate", U, R_NONE, NULL, check_date822, NULL },
	{ NULL, "lastBuildDate", U, R_NONE, NULL, check_date822, NULL },
	{ NULL, "docs", U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "image", U | C, R_NONE, image_children, NULL, NULL },
	{ NULL, "rating", U, R_NONE, NULL, NULL, NULL },
	{ NULL, "textInput", U | C, R_NONE, text_input_children, check_text_input, NULL },
	{ NULL, "textinput", U | C, R_NONE, text_input_children, NULL, NULL },
	{ NULL, "skipHours", U | C, R_NONE, skip_hours_children, check_skip_hours, NULL },
	{ NULL, "skipDays", U | C, R_NONE, skip_days_children, check_skip_days, NULL },
	{ NULL, "item", E_FRAGMENT, R_NONE, NULL, NULL, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct elem_def channel092_children[] = {
	{ NULL, "title", R | U | E_NONBLANK, R_NONE, NULL, check_title, NULL },
	{ NULL, "link", R | U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "description", R | U, R_NONE, NULL, check_title, NULL },
	{ NULL, "language", U, R_LANGUAGE, NULL, NULL, NULL },
	{ NULL, "copyright", U, R_NONE, NULL, NULL, NULL },
	{ NULL, "managingEditor", U, R_EMAIL_RSS, NULL, check_person, NULL },
	{ NULL, "webMaster", U, R_EMAIL_RSS, NULL, check_person, NULL },
	{ NULL, "pubDate", U, R_NONE, NULL, check_date822, NULL },
	{ NULL, "lastBuildDate", U, R_NONE, NULL, check_date822, NULL },
	{ NULL, "docs", U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "cloud", U, R_NONE, NULL, check_cloud, a_cloud },
	{ NULL, "image", U | C, R_NONE, image_children, NULL, NULL },
	{ NULL, "rating", U, R_NONE, NULL, NULL, NULL },
	{ NULL, "textInput", U | C, R_NONE, text_input_children, check_text_input, NULL },
	{ NULL, "skipHours", U | C, R_NONE, skip_hours_children, check_skip_hours, NULL },
	{ NULL, "skipDays", U | C, R_NONE, skip_days_children, check_skip_days, NULL },
	{ NULL, "item", E_FRAGMENT, R_NONE, NULL, NULL, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct elem_def channel094_children[] = {
	{ NULL, "title", R | U | E_NONBLANK, R_NONE, NULL, check_title, NULL },
	{ NULL, "link", R | U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "description", R | U, R_NONE, NULL, check_title, NULL },
	{ NULL, "language", U, R_LANGUAGE, NULL, NULL, NULL },
	{ NULL, "copyright", U, R_NONE, NULL, NULL, NULL },
	{ NULL, "managingEditor", U, R_EMAIL_RSS, NULL, check_person, NULL },
	{ NULL, "webMaster", U, R_EMAIL_RSS, NULL, check_person, NULL },
	{ NULL, "pubDate", U, R_NONE, NULL, check_date822, NULL },
	{ NULL, "lastBuildDate", U, R_NONE, NULL, check_date822, NULL },
	{ NULL, "category", 0, R_NONE, NULL, NULL, a_domain },
	{ NULL, "generator", U, R_NONE, NULL, NULL, NULL },
	{ NULL, "docs", U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "cloud", U, R_NONE, NULL, check_cloud, a_cloud },
	{ NULL, "ttl", U, R_INT_POSITIVE, NULL, NULL, NULL },
	{ NULL, "image", U | C, R_NONE, image_children, NULL, NULL },
	{ NULL, "rating", U, R_NONE, NULL, NULL, NULL },
	{ NULL, "textInput", U | C, R_NONE, text_input_children, check_text_input, NULL },
	{ NULL, "skipHours", U | C, R_NONE, skip_hours_children, check_skip_hours, NULL },
	{ NULL, "skipDays", U | C, R_NONE, skip_days_children, check_skip_days, NULL },
	{ NULL, "item", E_FRAGMENT, R_NONE, NULL, NULL, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct elem_def item091_children[] = {
	{ NULL, "title", R | U, R_NONE, NULL, check_title, NULL },
	{ NULL, "link", R | U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "description", U, R_NONE, NULL, check_description, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct elem_def item092_children[] = {
	{ NULL, "title", U, R_NONE, NULL, check_title, NULL },
	{ NULL, "link", U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "description", U, R_NONE, NULL, check_description, NULL },
	{ NULL, "category", 0, R_NONE, NULL, NULL, a_domain },
	{ NULL, "enclosure", U, R_NONE, NULL, check_enclosure, a_enclosure },
	{ NULL, "source", U, R_NONE, NULL, check_source, a_source },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct elem_def item094_children[] = {
	{ NULL, "title", U, R_NONE, NULL, check_title, NULL },
	{ NULL, "link", U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "description", U, R_NONE, NULL, check_description, NULL },
	{ NULL, "author", U, R_EMAIL_RSS, NULL, check_person, NULL },
	{ NULL, "category", 0, R_NONE, NULL, NULL, a_domain },
	{ NULL, "comments", U, R_URI_FULL, NULL, NULL, NULL },
	{ NULL, "enclosure", 0, R_NONE, NULL, check_enclosure, a_enclosure },
	{ NULL, "guid", U, R_NONE, NULL, check_guid, a_guid },
	{ NULL, "pubDate", U, R_NONE, NULL, check_date822, NULL },
	{ NULL, "expirationDate", U, R_NONE, NULL, check_date822, NULL },
	{ NULL, "source", U, R_NONE, NULL, check_source, a_source },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct elem_def channel091_rows[] = {
	{ NULL, "channel", R | U | C, R_NONE, channel091_children, NULL, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};
static const struct elem_def channel092_rows[] = {
	{ NULL, "channel", R | U | C, R_NONE, channel092_children, NULL, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};
static const struct elem_def channel094_rows[] = {
	{ NULL, "channel", R | U | C, R_NONE, channel094_children, NULL, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

/* One row a version: the root's table and the item's. */
static const struct rss09_version {
	unsigned version;
	struct elem_def rss, item;
} rss09_versions[] = {
	{ 91, { NULL, "rss", C, R_NONE, channel091_rows, NULL, a_rss },
	  { NULL, "item", C, R_NONE, item091_children, NULL, NULL } },
	{ 92, { NULL, "rss", C, R_NONE, channel092_rows, NULL, a_rss },
	  { NULL, "item", C, R_NONE, item092_children, check_item, NULL } },
	{ 93, { NULL, "rss", C, R_NONE, channel094_rows, NULL, a_rss },
	  { NULL, "item", C, R_NONE, item094_children, check_item, NULL } },
	{ 94, { NULL, "rss", C, R_NONE, channel094_rows, NULL, a_rss },
	  { NULL, "item", C, R_NONE, item094_children, check_item, NULL } },
};

#undef U
#undef R
#undef C

/* ---- checks ---- */

static void check_title(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	rule_check_value(c, n, R_HTML_IN_TEXT, (const char *)n->name, (const char *)t);
	xmlFree(t);
}

static void check_description(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	check_html_text(c, n, (const char *)n->name, (const char *)t);
	xmlFree(t);
}

/* Strict RFC 2822 form: fine. RFC 822's looser forms: a warning. Else an error. */
void check_rfc822_node(struct vctx *c, xmlNodePtr n, const char *what, const char *s)
{
	if (*s == '\0')
		return;
	if (check_rfc822(s)) {
		if (!rule_check_value(c, n, R_DATE_DAY_OF_WEEK, what, s))
			return;
		rule_check_value(c, n, R_DATE_IMPLAUSIBLE, what, s);
		return;
	}
	if (check_rfc822_lax(s))
		rule_report(c, n, R_DATE_RFC822_LAX, "%s \"%.200s\"", what, s);
	else
		rule_report(c, n, R_DATE_RFC822, "%s \"%.200s\"", what, s);
}

static void check_date822(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	check_rfc822_node(c, n, (const char *)n->name, (const char *)t);
	xmlFree(t);
}

/* An attribute that must be present; returns it (caller frees) or NULL after reporting. */
static xmlChar *required_attr(struct vctx *c, xmlNodePtr n, const char *name)
{
	xmlChar *v = attr_get(n, name);
	if (!v)
		rule_report(c, n, R_MISSING_ATTRIBUTE, "<%s %s=\"...\">", n->name, name);
	return v;
}

/* §<cloud> sub-element of <channel>: all five attributes, a positive port. */
static void check_cloud(struct vctx *c, xmlNodePtr n)
{
	static const char *const names[] = { "domain", "path", "registerProcedure", "protocol" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		xmlFree(required_attr(c, n, names[i]));
	xmlChar *port = required_attr(c, n, "port");
	if (port && !check_int_positive((const char *)port))
		rule_report(c, n, R_RSS_CLOUD, "port=\"%s\"", port);
	xmlFree(port);
}

static void check_dimension(struct vctx *c, xmlNodePtr n, long max, enum rule_id id)
{
	xmlChar *t = node_text(n);
	char *end;
	long v = strtol((const char *)t, &end, 10);
	if (*t == '\0' || *end != '\0' || v <= 0 || v > max)
		rule_report(c, n, id, "<%s>%.50s</%s>", n->name, t, n->name);
	xmlFree(t);
}

static void check_image_width(struct vctx *c, xmlNodePtr n)
{
	check_dimension(c, n, 144, R_RSS_IMAGE_WIDTH);
}

static void check_image_height(struct vctx *c, xmlNodePtr n)
{
	check_dimension(c, n, 400, R_RSS_IMAGE_HEIGHT);
}

/* §skipHours: up to 24 <hour> of 0-23, none twice. 24 for midnight is
 * tolerated, with a warning (0-23 since RSS 0.92's November 2002 revision). */
static void check_skip_hours(struct vctx *c, xmlNodePtr n)
{
	bool seen[25] = { false };
	size_t count = 0;
	for (xmlNodePtr h = n->children; h; h = h->next) {
		if (!node_is(h, NULL, "hour"))
			continue;
		count++;
		xmlChar *t = node_text(h);
		char *end;
		long v = strtol((const char *)t, &end, 10);
		bool in_range = *t != '\0' && *end == '\0' && v >= 0 && v <= 24;
		if (in_range && v == 24)
			rule_report(c, h, R_RSS_ZERO_FOR_MIDNIGHT, "<hour>24</hour>");
		if (!in_range)
			rule_report(c, h, R_RSS_HOUR, "<hour>%.50s</hour>", t);
		else if (seen[v % 24])
			rule_report(c, h, R_RSS_TOO_MANY, "hour %ld listed twice", v);
		else
			seen[v % 24] = true;
		xmlFree(t);
	}
	if (count > 24)
		rule_report(c, n, R_RSS_TOO_MANY, "%zu hours in <skipHours>", count);
	if (count == 0)
		rule_report_end(c, n, R_MISSING_ELEMENT, "<skipHours> needs <hour>");
}

/* §skipDays: up to 7 <day>, English day names, none twice. */
static void check_skip_days(struct vctx *c, xmlNodePtr n)
{
	static const char *const days[] = {
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
	};
	bool seen[7] = { false };
	size_t count = 0;
	for (xmlNodePtr d = n->children; d; d = d->next) {
		if (!node_is(d, NULL, "day"))
			continue;
		count++;
		xmlChar *t = node_text(d);
		size_t i = 0;
		while (i < 7 && strcmp((const char *)t, days[i]) != 0)
			i++;
		if (i == 7)
			rule_report(c, d, R_RSS_DAY, "<day>%.50s</day>", t);
		else if (seen[i])
			rule_report(c, d, R_RSS_TOO_MANY, "%s listed twice", days[i]);
		else
			seen[i] = true;
		xmlFree(t);
	}
	if (count > 7)
		rule_report(c, n, R_RSS_TOO_MANY, "%zu days in <skipDays>", count);
	if (count == 0)
		rule_report_end(c, n, R_MISSING_ELEMENT, "<skipDays> needs <day>");
}

static bool http_url(const char *s)
{
	return (strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0) &&
	       check_uri_full(s);
}

static void check_url_attr(struct vctx *c, xmlNodePtr n, const char *name)
{
	xmlChar *url = required_attr(c, n, name);
	if (url && !http_url((const char *)url))
		rule_report(c, n, R_URI_FULL, "%s=\"%.200s\" on <%s> (an http URL)", name, url, n->name);
	xmlFree(url);
}

#define NS_ITUNES "http://www.itunes.com/dtds/podcast-1.0.dtd"

/* Does n have a child element in namespace ns? */
static bool has_child_in(xmlNodePtr n, const char *ns)
{
	for (xmlNodePtr ch = n->children; ch; ch = ch->next)
		if (ch->type == XML_ELEMENT_NODE && node_ns(ch) && strcmp(node_ns(ch), ns) == 0)
			return true;
	return false;
}

/* An episode (an item with itunes: elements) whose enclosure's path names a
 * file of a type Apple does not play. A path with no extension says nothing
 * of the type, so it is left alone. */
static void check_itunes_enclosure(struct vctx *c, xmlNodePtr n, const char *url)
{
	/* The file types Apple Podcasts plays (its RSS tags, <enclosure>). */
	static const char *const playable[] = {
		".m4a", ".mp3", ".mov", ".mp4", ".m4v", ".pdf", ".epub", NULL
	};
	/* an item Apple reads: not a liveItem, which Apple does not know */
	bool podcast = n->parent && !n->parent->ns && has_child_in(n->parent, NS_ITUNES);
	size_t len = strcspn(url, "?#");
	const char *slash = url + len;
	while (slash > url && slash[-1] != '/')
		slash--;
	const char *dot = memchr(slash, '.', (size_t)(url + len - slash));
	if (podcast && dot && !ext_path_ends_in(url, playable))
		rule_report(c, n, R_ITUNES_ENCLOSURE_FORMAT, "<enclosure url=\"%.200s\">", url);
}

/* §<enclosure> sub-element of <item>: url (http), length in bytes, MIME type. */
static void check_enclosure(struct vctx *c, xmlNodePtr n)
{
	check_url_attr(c, n, "url");
	xmlChar *url = attr_get(n, "url");
	if (url && http_url((const char *)url))
		check_itunes_enclosure(c, n, (const char *)url);
	xmlFree(url);
	xmlChar *len = required_attr(c, n, "length");
	if (len && !check_int_nonnegative((const char *)len))
		rule_report(c, n, R_INT_NONNEGATIVE, "length=\"%.50s\" on <enclosure>", len);
	xmlFree(len);
	xmlChar *type = required_attr(c, n, "type");
	if (type)
		rule_check_value(c, n, R_MIME_TYPE, "type on <enclosure>", (const char *)type);
	xmlFree(type);
}

/* §<guid> sub-element of <item>: a permalink (the default) must be a URL. */
static void check_guid(struct vctx *c, xmlNodePtr n)
{
	xmlChar *perm = attr_get(n, "isPermaLink");
	bool is_perm = true;
	if (perm) {
		/* a value that is neither says nothing of what the guid is:
		 * that one error, not a second about the guid's text */
		bool known = check_boolean((const char *)perm);
		if (!known)
			rule_report(c, n, R_BOOLEAN, "isPermaLink=\"%.50s\" on <guid>", perm);
		is_perm = known && strcmp((const char *)perm, "false") != 0;
	}
	xmlFree(perm);
	xmlChar *t = node_text(n);
	if (*t == '\0')
		rule_report(c, n, R_BLANK, "<guid>");
	else if (is_perm && rule_check_value(c, n, R_URI_FULL, "guid (isPermaLink)", (const char *)t) &&
		 !http_url((const char *)t))
		rule_report(c, n, R_RSS_PERMALINK, "\"%.200s\"", t);
	/* a second guid in one item is duplicate-element's, not another item's */
	bool first = !n->parent || first_child(n->parent, NULL, "guid") == n;
	if (first && seen_before(c, "guid", (const char *)t))
		rule_report(c, n, R_RSS_DUPLICATE_GUID, "\"%.200s\"", t);
	xmlFree(t);
}

static void check_source(struct vctx *c, xmlNodePtr n)
{
	xmlChar *url = required_attr(c, n, "url");
	if (url)
		rule_check_value(c, n, R_URI_FULL, "url on <source>", (const char *)url);
	xmlFree(url);
}

static void duplicate_semantics(struct vctx *c, xmlNodePtr n, const char *core,
				const char *ext_ns, const char *ext)
{
	xmlNodePtr e = first_child(n, ext_ns, ext);
	if (has_child(n, NULL, core) && e)
		rule_report(c, e, R_RSS_DUPLICATE_SEMANTICS, "<%s> and dc:%s", core, ext);
}

#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"

/* author, managingEditor, webMaster: a valid address (the email rule reports
 * the others) that does not end with "(Name)": with no space in it, a bare
 * address (W3C MissingRealName); with one, another form such as
 * "Name <addr>" (W3C EmailFormat). */
static void check_person(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	const char *s = (const char *)t;
	size_t len = strlen(s);
	const char *at = strchr(s, '@');
	if (at && at != s && s[len - 1] != ')' && check_email_rss(s)) {
		if (strchr(s, ' '))
			rule_report(c, n, R_RSS_EMAIL_FORMAT, "<%s>%.200s</%s>", n->name, s, n->name);
		else
			rule_report(c, n, R_RSS_MISSING_REAL_NAME, "<%s>%.200s</%s>", n->name, s,
				    n->name);
	}
	xmlFree(t);
}

/* content:encoded before any description (or with none): readers that take
 * the last of the two, or only description, miss the summary or the body. */
static void check_description_first(struct vctx *c, xmlNodePtr item)
{
	for (xmlNodePtr ch = item->children; ch; ch = ch->next) {
		if (node_is(ch, NULL, "description"))
			return;
		if (node_is(ch, NS_CONTENT, "encoded")) {
			rule_report(c, ch, R_RSS_DESC_BEFORE_CONTENT, "<content:encoded>");
			return;
		}
	}
}

static void check_item(struct vctx *c, xmlNodePtr n)
{
	if (!has_child(n, NULL, "title") && !has_child(n, NULL, "description"))
		rule_report_end(c, n, R_RSS_ITEM_TITLE_OR_DESC, "<item>");

	duplicate_semantics(c, n, "pubDate", NS_DC, "date");
	duplicate_semantics(c, n, "author", NS_DC, "creator");
	duplicate_semantics(c, n, "category", NS_DC, "subject");
	/* W3C DuplicateDescriptionSemantics: "The item contains an element
	 * that duplicates the semantics of the description element". */
	xmlNodePtr dc_desc = first_child(n, NS_DC, "description");
	if (dc_desc && has_child(n, NULL, "description"))
		rule_report(c, dc_desc, R_RSS_DUPLICATE_DESCRIPTION, "<description> and dc:description");
	check_description_first(c, n);
}

/* The text of n's first child named name, or NULL (caller frees). */
static xmlChar *child_text(xmlNodePtr n, const char *name)
{
	xmlNodePtr ch = first_child(n, NULL, name);
	return ch ? node_text(ch) : NULL;
}

/* §<image>: "in practice the image <title> and <link> should have the same
 * value as the channel's <title> and <link>". */
static void check_image_matches(struct vctx *c, xmlNodePtr channel)
{
	xmlNodePtr image = first_child(channel, NULL, "image");
	if (!image)
		return;
	static const struct { const char *name; enum rule_id id; } pairs[] = {
		{ "title", R_RSS_IMAGE_TITLE }, { "link", R_RSS_IMAGE_LINK },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		xmlChar *mine = child_text(image, pairs[i].name);
		xmlChar *theirs = child_text(channel, pairs[i].name);
		if (mine && theirs && xmlStrcmp(mine, theirs) != 0)
			rule_report(c, first_child(image, NULL, pairs[i].name), pairs[i].id,
				    "\"%.100s\", the channel's \"%.100s\"", mine, theirs);
		xmlFree(mine);
		xmlFree(theirs);
	}
}

/* An atom:link rel="self" among the channel's children. */
static bool has_self_link(xmlNodePtr channel)
{
	for (xmlNodePtr ch = channel->children; ch; ch = ch->next) {
		if (!node_is(ch, NS_ATOM, "link"))
			continue;
		xmlChar *rel = attr_get(ch, "rel");
		bool self = rel && strcmp((const char *)rel, "self") == 0;
		xmlFree(rel);
		if (self)
			return true;
	}
	return false;
}

/* §<textInput>: "The purpose of the <textInput> element is something of a
 * mystery ... Most aggregators ignore it." (W3C AvoidTextInput) */
static void check_text_input(struct vctx *c, xmlNodePtr n)
{
	rule_report(c, n, R_RSS_AVOID_TEXTINPUT, "<textInput> in <channel>");
}

/* Apple's RSS tags for a podcast's channel that W3C names when they are
 * missing from a feed that uses the iTunes namespace (MissingItunesElement:
 * "elements which should be present, including <language>,
 * <itunes:category>, and <itunes:explicit>"). A channel is a podcast's when
 * it has itunes: elements; a namespace declared and not used says nothing. */
static void check_itunes_channel(struct vctx *c, xmlNodePtr channel)
{
	if (!has_child_in(channel, NS_ITUNES))
		return;
	static const struct { const char *ns, *name, *shown; } wanted[] = {
		{ NULL, "language", "language" },
		{ NS_ITUNES, "category", "itunes:category" },
		{ NS_ITUNES, "explicit", "itunes:explicit" },
	};
	for (size_t i = 0; i < sizeof wanted / sizeof *wanted; i++)
		if (!has_child(channel, wanted[i].ns, wanted[i].name))
			rule_report_end(c, channel, R_ITUNES_MISSING_ELEMENT, "<channel> without <%s>",
					wanted[i].shown);
}

/* RSS Best Practices Profile §slash:comments: the Slash module has no element
 * for when comments were counted, so a channel whose items use slash:comments
 * should have lastBuildDate (W3C SlashDate). Items are checked before the
 * head; rss_check_item records that one used it. */
#define SLASH_SEEN "slash:comments", "used"
static void check_slash_date(struct vctx *c, xmlNodePtr channel)
{
	if (!has_child(channel, NULL, "lastBuildDate") && seen_before(c, SLASH_SEEN))
		rule_report_end(c, channel, R_RSS_SLASH_DATE,
				"<channel> without <lastBuildDate>, its items with <slash:comments>");
}

static void check_channel(struct vctx *c, xmlNodePtr n)
{
	check_image_matches(c, n);
	check_itunes_channel(c, n);
	check_slash_date(c, n);
	if (!has_self_link(n))
		rule_report(c, n, R_RSS_SELF_LINK, "<channel>");
	duplicate_semantics(c, n, "pubDate", NS_DC, "date");
	duplicate_semantics(c, n, "language", NS_DC, "language");
	duplicate_semantics(c, n, "copyright", NS_DC, "rights");
	duplicate_semantics(c, n, "managingEditor", NS_DC, "creator");
	duplicate_semantics(c, n, "webMaster", NS_DC, "publisher");
}

void rss_check_head(struct vctx *c, xmlNodePtr rss)
{
	xmlChar *ver = attr_get(rss, "version");
	if (!ver)
		rule_report(c, rss, R_RSS_VERSION, "version attribute missing");
	xmlFree(ver);
	ext_check_root_namespaces(c, rss);
	elem_walk(c, rss, &rss_def, NULL);
}

void rss_check_item(struct vctx *c, xmlNodePtr item)
{
	elem_walk(c, item, &item_def, NULL);
	/* RSS 2.0 leaves the count open; the Best Practices Profile says one. */
	size_t enclosures = 0;
	for (xmlNodePtr ch = item->children; ch; ch = ch->next)
		if (node_is(ch, NULL, "enclosure") && ++enclosures == 2)
			rule_report(c, ch, R_RSS_DUPLICATE_ENCLOSURE, "a second <enclosure>");
	/* RSS 2.0 only: 0.9x items have no guid (0.94's drafts aside). */
	if (!has_child(item, NULL, "guid"))
		rule_report_end(c, item, R_RSS_NO_GUID, "<item>");
	if (has_child(item, "http://purl.org/rss/1.0/modules/slash/", "comments"))
		seen_before(c, SLASH_SEEN);
}

void rss_check_item_children(struct vctx *c, xmlNodePtr n)
{
	for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
		if (ch->type != XML_ELEMENT_NODE || ch->ns)
			continue;
		const struct elem_def *d = item_children;
		while (d->name && !xmlStrEqual(ch->name, (const xmlChar *)d->name))
			d++;
		if (!d->name) {
			rule_report(c, ch, R_UNKNOWN_ELEMENT, "<%s> in <%s>", ch->name, n->name);
			continue;
		}
		if (d->flags & E_UNIQUE)
			for (xmlNodePtr b = n->children; b != ch; b = b->next)
				if (b->type == XML_ELEMENT_NODE && !b->ns && xmlStrEqual(b->name, ch->name)) {
					rule_report(c, ch, R_DUPLICATE_ELEMENT, "<%s> in <%s>", ch->name,
						    n->name);
					break;
				}
		elem_walk(c, ch, d, NULL);
	}
}

static const struct rss09_version *rss09_find(unsigned version)
{
	for (size_t i = 0; i < sizeof rss09_versions / sizeof *rss09_versions; i++)
		if (rss09_versions[i].version == version)
			return &rss09_versions[i];
	return &rss09_versions[sizeof rss09_versions / sizeof *rss09_versions - 1];
}

void rss09_check_head(struct vctx *c, xmlNodePtr rss)
{
	const struct rss09_version *v = rss09_find(c->version);
	xmlNodePtr channel = first_child(rss, NULL, "channel");
	if (v->version == 91 && channel && !has_child(channel, NULL, "language"))
		rule_report_end(c, channel, R_RSS09_LANGUAGE, "<channel> needs <language>");
	elem_walk(c, rss, &v->rss, NULL);
}

void rss09_check_item(struct vctx *c, xmlNodePtr item)
{
	elem_walk(c, item, &rss09_find(c->version)->item, NULL);
}
