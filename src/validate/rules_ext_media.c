/* rules_ext_media.c: Media RSS 1.5.1 (RSS Advisory Board, www.rssboard.org/
 * media-rss; namespace http://search.yahoo.com/mrss/), from the
 * specification, element by element.
 *
 * §4 Primary elements: media:group in an item (or an Atom entry, where the
 * namespace is used as in RSS), holding media:content that are alternatives
 * of one another; media:content in an item or a group, its url required
 * unless a media:player says where the media plays. §5 Optional elements may
 * appear in the channel, an item, a group or a content ("elements appearing
 * at more specific levels override"); those that give one value for their
 * level (title, description, keywords, player, copyright, community,
 * comments, embed, responses, backLinks, status, rights, scenes) once at a
 * level. The namespace is closed: an element the specification does not
 * define is an error. media:adult, deprecated in 1.5.0 for media:rating, is
 * a warning. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "validate/rules_ext.h"

#define NS_MEDIA "http://search.yahoo.com/mrss/"

static void check_media_group(struct vctx *c, xmlNodePtr n);
static void check_media_content(struct vctx *c, xmlNodePtr n);
static void check_media_restriction(struct vctx *c, xmlNodePtr n);
static void check_media_rating(struct vctx *c, xmlNodePtr n);
static void check_media_adult(struct vctx *c, xmlNodePtr n);

/* Each element's attributes, as §4 and §5 list them. */
static const char *const ma_group[] = { NULL };
static const char *const ma_content[] = {
	"url", "fileSize", "type", "medium", "isDefault", "expression", "bitrate", "framerate",
	"samplingrate", "channels", "duration", "height", "width", "lang", NULL
};
static const char *const ma_rating[] = { "scheme", NULL };
static const char *const ma_title[] = { "type", NULL };
static const char *const ma_description[] = { "type", NULL };
static const char *const ma_keywords[] = { NULL };
static const char *const ma_thumbnail[] = { "url", "height", "width", "time", NULL };
static const char *const ma_category[] = { "scheme", "label", NULL };
static const char *const ma_hash[] = { "algo", NULL };
static const char *const ma_player[] = { "url", "height", "width", NULL };
static const char *const ma_credit[] = { "role", "scheme", NULL };
static const char *const ma_copyright[] = { "url", NULL };
static const char *const ma_text[] = { "type", "lang", "start", "end", NULL };
static const char *const ma_restriction[] = { "relationship", "type", NULL };
static const char *const ma_community[] = { NULL };
static const char *const ma_starRating[] = { "average", "count", "min", "max", NULL };
static const char *const ma_statistics[] = { "views", "favorites", NULL };
static const char *const ma_tags[] = { NULL };
static const char *const ma_comments[] = { NULL };
static const char *const ma_comment[] = { NULL };
static const char *const ma_embed[] = { "url", "width", "height", NULL };
static const char *const ma_param[] = { "name", NULL };
static const char *const ma_responses[] = { NULL };
static const char *const ma_response[] = { NULL };
static const char *const ma_backLinks[] = { NULL };
static const char *const ma_backLink[] = { NULL };
static const char *const ma_status[] = { "state", "reason", NULL };
static const char *const ma_price[] = { "type", "info", "price", "currency", NULL };
static const char *const ma_license[] = { "type", "href", NULL };
static const char *const ma_subTitle[] = { "type", "lang", "href", NULL };
static const char *const ma_peerLink[] = { "type", "href", NULL };
static const char *const ma_location[] = { "description", "start", "end", NULL };
static const char *const ma_rights[] = { "status", NULL };
static const char *const ma_scenes[] = { NULL };
static const char *const ma_scene[] = { NULL };
static const char *const ma_sceneTitle[] = { NULL };
static const char *const ma_sceneDescription[] = { NULL };
static const char *const ma_sceneStartTime[] = { NULL };
static const char *const ma_sceneEndTime[] = { NULL };
static const char *const ma_adult[] = { NULL };

/* A text element: its attributes checked by the walk. */
#define MLEAF(where, name, flags) \
	{ where, { NS_MEDIA, #name, flags, R_NONE, NULL, NULL, ma_##name } }
/* An element holding other media: elements (or, for location, georss:),
 * checked each in the nested context. */
#define MBOX(where, name, flags, check) \
	{ where, { NS_MEDIA, #name, (flags) | E_ANY, R_NONE, NULL, check, ma_##name } }
/* §5: in the channel, an item, a group or a content (nested). */
#define OPT (ANY)

static const struct ext_row media_rows[] = {
	/* §4 primary elements */
	MBOX(LOW, group, 0, check_media_group),
	MBOX(LOW | NEST, content, 0, check_media_content),
	/* §5 optional elements */
	MBOX(OPT, rating, 0, check_media_rating),
	MLEAF(OPT, title, E_UNIQUE),
	MLEAF(OPT, description, E_UNIQUE),
	MLEAF(OPT, keywords, E_UNIQUE),
	MLEAF(OPT, thumbnail, 0),
	MLEAF(OPT, category, 0),
	MLEAF(OPT, hash, 0),
	MLEAF(OPT, player, E_UNIQUE),
	MLEAF(OPT, credit, 0),
	MLEAF(OPT, copyright, E_UNIQUE),
	MLEAF(OPT, text, 0),
	MBOX(OPT, restriction, 0, check_media_restriction),
	MBOX(OPT, community, E_UNIQUE, ext_check_attrs),
	MLEAF(NEST, starRating, E_UNIQUE),
	MLEAF(NEST, statistics, E_UNIQUE),
	MLEAF(NEST, tags, E_UNIQUE),
	MBOX(OPT, comments, E_UNIQUE, ext_check_attrs),
	MLEAF(NEST, comment, 0),
	MBOX(OPT, embed, E_UNIQUE, ext_check_attrs),
	MLEAF(NEST, param, 0),
	MBOX(OPT, responses, E_UNIQUE, ext_check_attrs),
	MLEAF(NEST, response, 0),
	MBOX(OPT, backLinks, E_UNIQUE, ext_check_attrs),
	MLEAF(NEST, backLink, 0),
	MLEAF(OPT, status, E_UNIQUE),
	MLEAF(OPT, price, 0),
	MLEAF(OPT, license, 0),
	MLEAF(OPT, subTitle, 0),
	MLEAF(OPT, peerLink, 0),
	MBOX(OPT, location, 0, ext_check_attrs),
	MLEAF(OPT, rights, E_UNIQUE),
	MBOX(OPT, scenes, E_UNIQUE, ext_check_attrs),
	MBOX(NEST, scene, 0, ext_check_attrs),
	MLEAF(NEST, sceneTitle, E_UNIQUE),
	MLEAF(NEST, sceneDescription, E_UNIQUE),
	MLEAF(NEST, sceneStartTime, E_UNIQUE),
	MLEAF(NEST, sceneEndTime, E_UNIQUE),
	/* 1.0's media:adult, replaced by media:rating in 1.5.0 */
	{ OPT, { NS_MEDIA, "adult", E_UNIQUE, R_NONE, NULL, check_media_adult, ma_adult } },
	END,
};

#undef MLEAF
#undef MBOX
#undef OPT

/* The forms of the values, attribute by attribute. */
static const struct value_rule media_values[] = {
	{ "content", "url", 0, R_URI_FULL, NULL },
	{ "content", "fileSize", 0, R_INT_NONNEGATIVE, NULL },
	{ "content", "type", 0, R_MIME_TYPE, NULL },
	{ "content", "medium", 0, R_EXT_VALUE, "|image|audio|video|document|executable|" },
	{ "content", "isDefault", 0, R_TRUE_FALSE, NULL },
	{ "content", "expression", 0, R_EXT_VALUE, "|sample|full|nonstop|" },
	{ "content", "bitrate", 0, R_FLOAT, NULL },
	{ "content", "framerate", 0, R_FLOAT, NULL },
	{ "content", "samplingrate", 0, R_FLOAT, NULL },
	{ "content", "channels", 0, R_INT_NONNEGATIVE, NULL },
	{ "content", "duration", 0, R_INT_NONNEGATIVE, NULL },
	{ "content", "height", 0, R_INT_NONNEGATIVE, NULL },
	{ "content", "width", 0, R_INT_NONNEGATIVE, NULL },
	{ "content", "lang", 0, R_LANGUAGE, NULL },
	{ "rating", "scheme", 0, R_MEDIA_SCHEME, NULL },
	{ "title", "type", 0, R_EXT_VALUE, "|plain|html|" },
	{ "description", "type", 0, R_EXT_VALUE, "|plain|html|" },
	{ "thumbnail", "url", VR_REQUIRED, R_URI_FULL, NULL },
	{ "thumbnail", "height", 0, R_INT_POSITIVE, NULL },
	{ "thumbnail", "width", 0, R_INT_POSITIVE, NULL },
	{ "thumbnail", "time", 0, R_NPT_TIME, NULL },
	{ "category", "scheme", 0, R_MEDIA_SCHEME, NULL },
	{ "category", "label", 0, R_HTML_IN_TEXT, NULL },
	{ "hash", "algo", 0, R_EXT_VALUE, "|md5|sha-1|" },
	{ "player", "url", VR_REQUIRED, R_URI_FULL, NULL },
	{ "player", "height", 0, R_INT_POSITIVE, NULL },
	{ "player", "width", 0, R_INT_POSITIVE, NULL },
	{ "credit", "role", 0, R_MEDIA_CREDIT_ROLE, NULL },
	{ "credit", "scheme", 0, R_MEDIA_SCHEME, NULL },
	{ "copyright", "url", 0, R_URI, NULL },
	{ "text", "type", 0, R_EXT_VALUE, "|plain|html|" },
	{ "text", "lang", 0, R_LANGUAGE, NULL },
	{ "text", "start", 0, R_NPT_TIME, NULL },
	{ "text", "end", 0, R_NPT_TIME, NULL },
	{ "restriction", "relationship", VR_REQUIRED, R_EXT_VALUE, "|allow|deny|" },
	{ "restriction", "type", 0, R_EXT_VALUE, "|country|uri|sharing|" },
	{ "starRating", "average", 0, R_FLOAT, NULL },
	{ "starRating", "count", 0, R_INT_NONNEGATIVE, NULL },
	{ "starRating", "min", 0, R_INT_NONNEGATIVE, NULL },
	{ "starRating", "max", 0, R_INT_NONNEGATIVE, NULL },
	{ "statistics", "views", 0, R_INT_NONNEGATIVE, NULL },
	{ "statistics", "favorites", 0, R_INT_NONNEGATIVE, NULL },
	{ "embed", "url", 0, R_URI_FULL, NULL },
	{ "embed", "width", 0, R_INT_POSITIVE, NULL },
	{ "embed", "height", 0, R_INT_POSITIVE, NULL },
	{ "param", "name", VR_REQUIRED, R_NONE, NULL },
	{ "response", NULL, 0, R_URI_FULL, NULL },
	{ "backLink", NULL, 0, R_URI_FULL, NULL },
	{ "status", "state", VR_REQUIRED, R_EXT_VALUE, "|active|blocked|deleted|" },
	{ "price", "type", 0, R_EXT_VALUE, "|rent|purchase|package|subscription|" },
	{ "price", "info", 0, R_URI_FULL, NULL },
	{ "price", "price", 0, R_FLOAT, NULL },
	{ "price", "currency", 0, R_CURRENCY, NULL },
	{ "license", "type", 0, R_MIME_TYPE, NULL },
	{ "license", "href", 0, R_URI_FULL, NULL },
	{ "subTitle", "type", 0, R_MIME_TYPE, NULL },
	{ "subTitle", "lang", 0, R_LANGUAGE, NULL },
	{ "subTitle", "href", VR_REQUIRED, R_URI_FULL, NULL },
	{ "peerLink", "type", 0, R_MIME_TYPE, NULL },
	{ "peerLink", "href", VR_REQUIRED, R_URI_FULL, NULL },
	{ "location", "start", 0, R_NPT_TIME, NULL },
	{ "location", "end", 0, R_NPT_TIME, NULL },
	{ "rights", "status", 0, R_EXT_VALUE, "|userCreated|official|" },
	{ "sceneStartTime", NULL, 0, R_NPT_TIME, NULL },
	{ "sceneEndTime", NULL, 0, R_NPT_TIME, NULL },
	VEND,
};

const struct ext_ns ext_ns_media = { NS_MEDIA, true, media_rows, media_values };

/* §4 media:group: "grouping of <media:content> elements that are effectively
 * the same content, yet different representations" — so at least two. */
static void check_media_group(struct vctx *c, xmlNodePtr n)
{
	ext_check_attrs(c, n);
	if (count_children(n, NS_MEDIA, "content") < 2)
		rule_report_end(c, n, R_MEDIA_GROUP, "<media:group> with %zu <media:content>",
				count_children(n, NS_MEDIA, "content"));
}

/* §4 media:content: "url ... If not included, a <media:player> element must
 * be specified." */
static void check_media_content(struct vctx *c, xmlNodePtr n)
{
	ext_check_attrs(c, n);
	xmlChar *url = attr_get(n, "url");
	if (!url && !has_child(n, NS_MEDIA, "player"))
		rule_report(c, n, R_MISSING_ATTRIBUTE,
			    "<media:content url=\"...\"> (or a media:player in it)");
	xmlFree(url);
	/* §4: a media object stands in an item or a media:group, never inside
	 * another one (what the other elements' NEST allows it is not) */
	for (xmlNodePtr ch = n->children; ch; ch = ch->next)
		if (node_is(ch, NS_MEDIA, "content"))
			rule_report(c, ch, R_MISPLACED_ELEMENT, "<media:content> in <media:content> "
				    "(it belongs in an <item> or a <media:group>)");
}

/* ISO 3166-1 alpha-2, as media:restriction type="country" lists it. */
static const char iso3166[] =
	"AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO "
	"BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ "
	"DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP "
	"GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG "
	"KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML "
	"MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE "
	"PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL "
	"SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM "
	"US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW UK EU ";

static bool country_ok(const char *p, size_t n)
{
	if (n != 2)
		return false;
	char code[4] = { (char)toupper((unsigned char)p[0]), (char)toupper((unsigned char)p[1]), ' ', 0 };
	const char *hit = strstr(iso3166, code);
	return hit && (hit - iso3166) % 3 == 0;
}

/* §5 media:restriction: "all", "none", or a space-separated list of the
 * type's values (country codes, URIs). */
static void check_media_restriction(struct vctx *c, xmlNodePtr n)
{
	ext_check_attrs(c, n);
	xmlChar *type = attr_get(n, "type");
	xmlChar *text = node_text(n);
	const char *t = (const char *)text;
	bool ok = true;
	if (strcmp(t, "all") != 0 && strcmp(t, "none") != 0 && *t) {
		for (const char *p = t; *p && ok;) {
			size_t k = strcspn(p, " \t\r\n");
			char tok[512];
			snprintf(tok, sizeof tok, "%.*s", (int)(k < 511 ? k : 511), p);
			if (!type)
				ok = false;
			else if (xmlStrEqual(type, (const xmlChar *)"country"))
				ok = country_ok(p, k);
			else if (xmlStrEqual(type, (const xmlChar *)"uri"))
				ok = check_uri_full(tok);
			p += k;
			p += strspn(p, " \t\r\n");
		}
	}
	if (!ok)
		rule_report(c, n, R_EXT_VALUE, "<media:restriction%s%s> \"%.100s\"", type ? " type=" : "",
			    type ? (const char *)type : "", t);
	xmlFree(type);
	xmlFree(text);
}

/* §5 media:rating: the values of the schemes the specification names
 * (urn:simple, the default, urn:mpaa, urn:v-chip; urn:icra is free text). */
static void check_media_rating(struct vctx *c, xmlNodePtr n)
{
	static const struct { const char *scheme, *values; } schemes[] = {
		{ "urn:simple", "|adult|nonadult|" },
		{ "urn:mpaa", "|g|pg|pg-13|r|nc-17|x|" },
		{ "urn:v-chip", "|tv-y|tv-y7|tv-y7-fv|tv-g|tv-pg|tv-14|tv-ma|" },
	};
	ext_check_attrs(c, n);
	xmlChar *scheme = attr_get(n, "scheme");
	xmlChar *text = node_text(n);
	const char *sc = scheme ? (const char *)scheme : "urn:simple";
	for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++)
		if (strcmp(sc, schemes[i].scheme) == 0 &&
		    !ext_in_choices(schemes[i].values, (const char *)text))
			rule_report(c, n, R_EXT_VALUE, "<media:rating scheme=\"%s\"> \"%.50s\"", sc, text);
	xmlFree(scheme);
	xmlFree(text);
}

/* media:adult (1.0): true or false; deprecated by 1.5.0's media:rating. */
static void check_media_adult(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	/* W3C InvalidAdultContent is a warning: the element is deprecated */
	if (!check_true_false((const char *)t))
		rule_report(c, n, R_MEDIA_ADULT_VALUE, "<media:adult> \"%.50s\"", t);
	else
		rule_report(c, n, R_EXT_DEPRECATED,
			    "<media:adult> (Media RSS 1.5.0: use <media:rating scheme=\"urn:simple\">)");
	xmlFree(t);
}
