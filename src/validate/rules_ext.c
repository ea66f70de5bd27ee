/* rules_ext.c: the extension namespaces' lookup and the checks every
 * namespace gets (closed vocabularies, contexts, once-only elements, value
 * rules, near-miss namespace URIs), with the tables of Dublin Core, DCMI
 * terms, content, the other RSS 1.0 modules, mod_syndication, atom:link
 * inside RSS, iTunes, Podcasting 2.0, trackback and the
 * Conversations Network. The other namespaces' tables are in rules_ext_*.c
 * (rules_ext.h).
 *
 * A namespace is "closed" when the table lists its whole vocabulary: an
 * element of it that is not listed is an error, as an unknown RSS or Atom
 * element is. Elements of any other namespace are allowed and not checked. */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlstring.h>

#include "validate/rules_ext.h"

#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_DCTERMS "http://purl.org/dc/terms/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_SY "http://purl.org/rss/1.0/modules/syndication/"
#define NS_ITUNES "http://www.itunes.com/dtds/podcast-1.0.dtd"
#define NS_SX "http://feedsync.org/2007/feedsync"
#define NS_CN "http://conversationsnetwork.org/rssNamespace-1.0/"
#define NS_TRACKBACK "http://madskills.com/public/xml/rss/module/trackback/"
#define NS_ADMIN "http://webns.net/mvcb/"
#define NS_TAXO "http://purl.org/rss/1.0/modules/taxonomy/"
#define NS_IMAGE "http://purl.org/rss/1.0/modules/image/"
#define NS_ANNOTATE "http://purl.org/rss/1.0/modules/annotate/"
#define NS_PODCAST "https://podcastindex.org/namespace/1.0"

static void check_w3cdtf_el(struct vctx *c, xmlNodePtr n);
static void check_update_period(struct vctx *c, xmlNodePtr n);
static void check_encoded(struct vctx *c, xmlNodePtr n);
static void check_itunes_duration(struct vctx *c, xmlNodePtr n);
static void check_itunes_image(struct vctx *c, xmlNodePtr n);
static void check_itunes_category(struct vctx *c, xmlNodePtr n);
static void check_itunes_summary(struct vctx *c, xmlNodePtr n);
static void check_itunes_keywords(struct vctx *c, xmlNodePtr n);
static void check_itunes_owner(struct vctx *c, xmlNodePtr n);
static void check_url_or_resource(struct vctx *c, xmlNodePtr n);
static void check_live_item(struct vctx *c, xmlNodePtr n);
static void check_podcast_location(struct vctx *c, xmlNodePtr n);

static const char *const a_link[] = { "href", "rel", "type", "hreflang", "title", "length", NULL };
static const char *const a_text[] = { "text", NULL };
static const char *const a_href[] = { "href", NULL };

/* Dublin Core elements 1.1: fifteen, all repeatable; dates in W3C-DTF. */
static const struct ext_row dc_rows[] = {
	{ ANY, LEAF(NS_DC, "title", 0, R_NONE) },
	{ ANY, LEAF(NS_DC, "creator", 0, R_NONE) },
	{ ANY, LEAF(NS_DC, "subject", 0, R_NONE) },
	{ ANY, LEAF(NS_DC, "description", 0, R_NONE) },
	{ ANY, LEAF(NS_DC, "publisher", 0, R_NONE) },
	{ ANY, LEAF(NS_DC, "contributor", 0, R_NONE) },
	{ ANY, { NS_DC, "date", E_UNIQUE, R_NONE, NULL, check_w3cdtf_el, NULL } },
	{ ANY, LEAF(NS_DC, "type", 0, R_NONE) },
	{ ANY, LEAF(NS_DC, "format", 0, R_NONE) },
	{ ANY, LEAF(NS_DC, "identifier", 0, R_NONE) },
	{ ANY, LEAF(NS_DC, "source", 0, R_NONE) },
	{ ANY, LEAF(NS_DC, "language", E_UNIQUE, R_LANGUAGE) },
	{ ANY, LEAF(NS_DC, "relation", 0, R_NONE) },
	{ ANY, LEAF(NS_DC, "coverage", 0, R_NONE) },
	{ ANY, LEAF(NS_DC, "rights", 0, R_NONE) },
	END,
};

/* DCMI terms: an open vocabulary here; the dates are W3C-DTF. */
static const struct ext_row dcterms_rows[] = {
	{ ANY, { NS_DCTERMS, "created", E_UNIQUE, R_NONE, NULL, check_w3cdtf_el, NULL } },
	{ ANY, { NS_DCTERMS, "issued", E_UNIQUE, R_NONE, NULL, check_w3cdtf_el, NULL } },
	{ ANY, { NS_DCTERMS, "modified", E_UNIQUE, R_NONE, NULL, check_w3cdtf_el, NULL } },
	{ ANY, LEAF(NS_DCTERMS, "available", 0, R_DCMI_PERIOD) },
	{ ANY, LEAF(NS_DCTERMS, "valid", 0, R_DCMI_PERIOD) },
	{ ANY, { NS_DCTERMS, "dateAccepted", 0, R_NONE, NULL, check_w3cdtf_el, NULL } },
	{ ANY, { NS_DCTERMS, "dateCopyrighted", 0, R_NONE, NULL, check_w3cdtf_el, NULL } },
	{ ANY, { NS_DCTERMS, "dateSubmitted", 0, R_NONE, NULL, check_w3cdtf_el, NULL } },
	END,
};

/* RSS 1.0 mod_content: content:encoded holds escaped HTML, once per item;
 * content:items an rdf:Bag of content:item (its RDF is not checked). */
static const struct ext_row content_rows[] = {
	{ IT | EN, { NS_CONTENT, "encoded", E_UNIQUE, R_NONE, NULL, check_encoded, NULL } },
	{ ANY, { NS_CONTENT, "items", E_UNIQUE | E_ANY, R_NONE, NULL, NULL, NULL } },
	END,
};

/* RSS 1.0 mod_admin: two channel properties, each an rdf:resource. */
static const struct ext_row admin_rows[] = {
	{ CH, { NS_ADMIN, "generatorAgent", E_UNIQUE, R_NONE, NULL, rdf_check_resource, NULL } },
	{ CH, { NS_ADMIN, "errorReportsTo", E_UNIQUE, R_NONE, NULL, rdf_check_resource, NULL } },
	END,
};

/* RSS 1.0 mod_taxonomy: taxo:topics (an rdf:Bag) in a channel or item, and
 * taxo:topic descriptions beside them (under rdf:RDF), with taxo:link. */
static const struct ext_row taxo_rows[] = {
	{ CH | IT, { NS_TAXO, "topics", E_UNIQUE | E_ANY, R_NONE, NULL, NULL, NULL } },
	{ ANY, { NS_TAXO, "topic", E_ANY, R_NONE, NULL, rdf_check_about, NULL } },
	{ ANY, LEAF(NS_TAXO, "link", E_UNIQUE, R_URI_FULL) },
	END,
};

/* RSS 1.0 mod_image: image:item (rdf:about, its own dc:title, image:width,
 * image:height) in a channel or item, image:favicon in a channel. */
static const struct ext_row image_module_rows[] = {
	{ CH | IT, { NS_IMAGE, "item", E_ANY, R_NONE, NULL, rdf_check_about, NULL } },
	{ CH, { NS_IMAGE, "favicon", E_UNIQUE | E_ANY, R_NONE, NULL, rdf_check_about, NULL } },
	{ ANY, LEAF(NS_IMAGE, "width", E_UNIQUE, R_INT_POSITIVE) },
	{ ANY, LEAF(NS_IMAGE, "height", E_UNIQUE, R_INT_POSITIVE) },
	END,
};

/* RSS 1.0 mod_annotation: the resource an item annotates. */
static const struct ext_row annotate_rows[] = {
	{ IT, { NS_ANNOTATE, "reference", E_UNIQUE, R_NONE, NULL, rdf_check_resource, NULL } },
	END,
};

/* RSS 1.0 mod_syndication: channel-level, once each. */
static const struct ext_row sy_rows[] = {
	{ TOP, { NS_SY, "updatePeriod", E_UNIQUE, R_NONE, NULL, check_update_period, NULL } },
	{ TOP, LEAF(NS_SY, "updateFrequency", E_UNIQUE, R_INT_POSITIVE) },
	{ TOP, { NS_SY, "updateBase", E_UNIQUE, R_NONE, NULL, check_w3cdtf_el, NULL } },
	END,
};

/* atom:link in RSS 2.0 (the RSS Advisory Board's "self" link, RFC 4287 §4.2.7). */
static const struct ext_row atom_in_rss_rows[] = {
	{ CH | IT, { NS_ATOM, "link", 0, R_NONE, NULL, atom_check_link, a_link } },
	END,
};

/* Apple Podcasts RSS tags (podcasters.apple.com, "A Podcaster's Guide to RSS"
 * and its tag list): the whole vocabulary, so an unknown itunes: element is
 * an error. itunes:category is a channel tag, nested once for a subcategory;
 * itunes:owner holds itunes:name and itunes:email. summary, subtitle,
 * keywords, order and isClosedCaptioned are older tags Apple still reads. */
static const struct elem_def itunes_subcategory[] = {
	{ NS_ITUNES, "category", 0, R_NONE, NULL, check_itunes_category, a_text },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct elem_def itunes_owner_children[] = {
	{ NS_ITUNES, "name", E_UNIQUE, R_NONE, NULL, NULL, NULL },
	{ NS_ITUNES, "email", E_UNIQUE, R_EMAIL, NULL, NULL, NULL },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct ext_row itunes_rows[] = {
	{ ANY, LEAF(NS_ITUNES, "author", E_UNIQUE, R_NONE) },
	{ ANY, LEAF(NS_ITUNES, "block", E_UNIQUE, R_YES_NO) },
	{ TOP, { NS_ITUNES, "category", E_CONTAINER, R_NONE, itunes_subcategory,
		 check_itunes_category, a_text } },
	{ ANY, { NS_ITUNES, "image", E_UNIQUE, R_NONE, NULL, check_itunes_image, a_href } },
	{ LOW, { NS_ITUNES, "duration", E_UNIQUE, R_NONE, NULL, check_itunes_duration, NULL } },
	{ ANY, LEAF(NS_ITUNES, "explicit", E_UNIQUE, R_NONE) },
	{ LOW, LEAF(NS_ITUNES, "isClosedCaptioned", E_UNIQUE, R_YES_NO) },
	{ LOW, LEAF(NS_ITUNES, "order", E_UNIQUE, R_INT_NONNEGATIVE) },
	{ TOP, LEAF(NS_ITUNES, "complete", E_UNIQUE, R_YES_NO) },
	{ TOP, LEAF(NS_ITUNES, "new-feed-url", E_UNIQUE, R_URI_FULL) },
	{ TOP, { NS_ITUNES, "owner", E_UNIQUE | E_CONTAINER, R_NONE, itunes_owner_children,
		 check_itunes_owner, NULL } },
	{ ANY, LEAF(NS_ITUNES, "subtitle", E_UNIQUE, R_NONE) },
	{ ANY, { NS_ITUNES, "summary", E_UNIQUE, R_NONE, NULL, check_itunes_summary, NULL } },
	{ ANY, { NS_ITUNES, "keywords", E_UNIQUE, R_NONE, NULL, check_itunes_keywords, NULL } },
	{ TOP, LEAF(NS_ITUNES, "type", E_UNIQUE, R_NONE) },
	{ LOW, LEAF(NS_ITUNES, "episodeType", E_UNIQUE, R_NONE) },
	{ LOW, LEAF(NS_ITUNES, "episode", E_UNIQUE, R_INT_POSITIVE) },
	{ LOW, LEAF(NS_ITUNES, "season", E_UNIQUE, R_INT_POSITIVE) },
	{ ANY, LEAF(NS_ITUNES, "title", E_UNIQUE, R_NONE) },
	END,
};

/* Apple Podcasts RSS tags. */
static const struct value_rule itunes_values[] = {
	{ "explicit", NULL, VR_RAW, R_ITUNES_EXPLICIT, "|true|false|" },
	{ "type", NULL, 0, R_EXT_VALUE, "|episodic|serial|" },
	{ "episodeType", NULL, 0, R_EXT_VALUE, "|full|trailer|bonus|" },
	VEND,
};

/* The Conversations Network's podcast extension. */
static const struct value_rule cn_values[] = {
	{ "image", NULL, 0, R_URI_FULL, NULL },
	{ "ratingAverage", NULL, 0, R_FLOAT, NULL },
	{ "ratingIndividual", NULL, 0, R_INT_POSITIVE, NULL },
	{ "ratingCount", NULL, 0, R_INT_NONNEGATIVE, NULL },
	{ "ratingTimestamp", NULL, 0, R_DATE_RFC3339, NULL },
	VEND,
};

/* Podcasting 2.0: required attributes and the forms of values, tag by tag. */
static const struct value_rule podcast_values[] = {
	{ "guid", NULL, 0, R_PODCAST_GUID, NULL },
	{ "locked", NULL, 0, R_EXT_VALUE, "|yes|no|" },
	{ "locked", "owner", 0, R_EMAIL, NULL },
	{ "block", NULL, 0, R_EXT_VALUE, "|yes|no|" },
	{ "medium", NULL, 0, R_EXT_VALUE,
	  "|podcast|music|video|film|audiobook|newsletter|blog|publisher|course|podcastL|musicL|"
	  "videoL|filmL|audiobookL|newsletterL|blogL|publisherL|courseL|mixed|" },
	{ "trailer", "url", VR_REQUIRED, R_URI_FULL, NULL },
	{ "trailer", "pubdate", VR_REQUIRED, R_DATE_RFC822, NULL },
	{ "trailer", "length", 0, R_INT_NONNEGATIVE, NULL },
	{ "trailer", "type", 0, R_MIME_TYPE, NULL },
	{ "trailer", "season", 0, R_INT_NONNEGATIVE, NULL },
	{ "updateFrequency", "complete", 0, R_BOOLEAN, NULL },
	{ "podping", "usesPodping", 0, R_BOOLEAN, NULL },
	{ "liveItem", "status", VR_REQUIRED, R_EXT_VALUE, "|pending|live|ended|" },
	{ "liveItem", "start", VR_REQUIRED, R_NONE, NULL },
	{ "remoteItem", "feedGuid", VR_REQUIRED, R_NONE, NULL },
	{ "remoteItem", "feedUrl", 0, R_URI_FULL, NULL },
	{ "transcript", "url", VR_REQUIRED, R_URI_FULL, NULL },
	{ "transcript", "type", VR_REQUIRED, R_MIME_TYPE, NULL },
	{ "transcript", "language", 0, R_LANGUAGE, NULL },
	{ "chapters", "url", VR_REQUIRED, R_URI_FULL, NULL },
	{ "chapters", "type", VR_REQUIRED, R_MIME_TYPE, NULL },
	{ "soundbite", "startTime", VR_REQUIRED, R_FLOAT, NULL },
	{ "soundbite", "duration", VR_REQUIRED, R_FLOAT, NULL },
	{ "season", NULL, 0, R_INT_NONNEGATIVE, NULL },
	{ "episode", NULL, 0, R_FLOAT, NULL },
	{ "alternateEnclosure", "type", VR_REQUIRED, R_MIME_TYPE, NULL },
	{ "alternateEnclosure", "length", 0, R_INT_NONNEGATIVE, NULL },
	{ "alternateEnclosure", "bitrate", 0, R_FLOAT, NULL },
	{ "alternateEnclosure", "height", 0, R_INT_NONNEGATIVE, NULL },
	{ "alternateEnclosure", "default", 0, R_BOOLEAN, NULL },
	{ "alternateEnclosure", "lang", 0, R_LANGUAGE, NULL },
	{ "contentLink", "href", VR_REQUIRED, R_URI, NULL },
	{ "source", "uri", VR_REQUIRED, R_URI, NULL },
	{ "source", "contentType", 0, R_MIME_TYPE, NULL },
	{ "integrity", "type", VR_REQUIRED, R_EXT_VALUE, "|sri|pgp-signature|" },
	{ "integrity", "value", VR_REQUIRED, R_NONE, NULL },
	{ "funding", "url", VR_REQUIRED, R_URI_FULL, NULL },
	{ "person", "img", 0, R_URI_FULL, NULL },
	{ "person", "href", 0, R_URI_FULL, NULL },
	{ "license", "url", 0, R_URI_FULL, NULL },
	{ "value", "type", VR_REQUIRED, R_NONE, NULL },
	{ "value", "method", VR_REQUIRED, R_NONE, NULL },
	{ "value", "suggested", 0, R_FLOAT, NULL },
	{ "valueRecipient", "type", VR_REQUIRED, R_NONE, NULL },
	{ "valueRecipient", "address", VR_REQUIRED, R_NONE, NULL },
	{ "valueRecipient", "split", VR_REQUIRED, R_INT_NONNEGATIVE, NULL },
	{ "valueRecipient", "fee", 0, R_BOOLEAN, NULL },
	{ "valueTimeSplit", "startTime", VR_REQUIRED, R_FLOAT, NULL },
	{ "valueTimeSplit", "duration", VR_REQUIRED, R_FLOAT, NULL },
	{ "valueTimeSplit", "remoteStartTime", 0, R_FLOAT, NULL },
	{ "valueTimeSplit", "remotePercentage", 0, R_FLOAT, NULL },
	{ "images", "srcset", VR_REQUIRED, R_NONE, NULL },
	{ "image", "href", VR_REQUIRED, R_URI_FULL, NULL },
	{ "image", "width", 0, R_INT_POSITIVE, NULL },
	{ "image", "height", 0, R_INT_POSITIVE, NULL },
	{ "image", "type", 0, R_MIME_TYPE, NULL },
	{ "socialInteract", "protocol", VR_REQUIRED, R_NONE, NULL },
	{ "socialInteract", "uri", 0, R_URI, NULL },
	{ "socialInteract", "priority", 0, R_INTEGER, NULL },
	{ "chat", "server", VR_REQUIRED, R_NONE, NULL },
	{ "chat", "protocol", VR_REQUIRED, R_NONE, NULL },
	VEND,
};

/* XHTML meta robots in a feed (as FeedBurner and others write it). */
static const struct value_rule meta_values[] = {
	{ "meta", "name", VR_REQUIRED, R_EXT_VALUE, "|robots|" },
	{ "meta", "content", VR_REQUIRED, R_META_ROBOTS, NULL },
	VEND,
};

/* Podcasting 2.0 (github.com/Podcastindex-org/podcast-namespace, docs/tags):
 * every tag, where its "Parent" says it goes (NEST: inside another podcast:
 * element — liveItem, alternateEnclosure, value, podroll, publisher — whose
 * children are checked with no context), once where its "Count" says
 * "Single". Attributes and values are in podcast_values. */
/* Podcasting 2.0 attributes, tag by tag (each tag's "Attributes"). */
static const char *const pa_guid[] = { NULL };
static const char *const pa_locked[] = { "owner", NULL };
static const char *const pa_medium[] = { NULL };
static const char *const pa_block[] = { "id", NULL };
static const char *const pa_trailer[] = { "url", "pubdate", "length", "type", "season", NULL };
static const char *const pa_updateFrequency[] = { "complete", "dtstart", "rrule", NULL };
static const char *const pa_podping[] = { "usesPodping", NULL };
static const char *const pa_podroll[] = { NULL };
static const char *const pa_publisher[] = { NULL };
static const char *const pa_liveItem[] = { "status", "start", "end", NULL };
static const char *const pa_remoteItem[] = { "feedGuid", "feedUrl", "itemGuid", "medium", "title", NULL };
static const char *const pa_transcript[] = { "url", "type", "language", "rel", NULL };
static const char *const pa_chapters[] = { "url", "type", NULL };
static const char *const pa_soundbite[] = { "startTime", "duration", NULL };
static const char *const pa_season[] = { "name", NULL };
static const char *const pa_episode[] = { "display", NULL };
static const char *const pa_alternateEnclosure[] = { "type", "length", "bitrate", "height", "lang", "title", "rel", "codecs", "default", NULL };
static const char *const pa_contentLink[] = { "href", NULL };
static const char *const pa_source[] = { "uri", "contentType", NULL };
static const char *const pa_integrity[] = { "type", "value", NULL };
static const char *const pa_funding[] = { "url", NULL };
static const char *const pa_person[] = { "role", "group", "img", "href", NULL };
static const char *const pa_location[] = { "rel", "geo", "osm", "country", NULL };
static const char *const pa_license[] = { "url", NULL };
static const char *const pa_value[] = { "type", "method", "suggested", NULL };
static const char *const pa_valueRecipient[] = { "name", "customKey", "customValue", "type", "address", "split", "fee", NULL };
static const char *const pa_valueTimeSplit[] = { "startTime", "duration", "remoteStartTime", "remotePercentage", NULL };
static const char *const pa_images[] = { "srcset", NULL };
static const char *const pa_image[] = { "href", "alt", "aspect-ratio", "width", "height", "type", "purpose", NULL };
static const char *const pa_txt[] = { "purpose", NULL };
static const char *const pa_socialInteract[] = { "protocol", "uri", "accountId", "accountUrl", "priority", NULL };
static const char *const pa_chat[] = { "server", "protocol", "accountId", "space", NULL };

/* The children a podcast: container cannot go without, each tag's
 * "Children" ("one or more", "at least one"). */
static const struct { const char *box, *child; } podcast_needs[] = {
	{ "podroll", "remoteItem" },
	{ "value", "valueRecipient" },
	{ "alternateEnclosure", "source" },
};

static void podcast_check_box(struct vctx *c, xmlNodePtr n)
{
	ext_check_attrs(c, n);
	for (size_t i = 0; i < sizeof podcast_needs / sizeof *podcast_needs; i++)
		if (strcmp((const char *)n->name, podcast_needs[i].box) == 0 &&
		    !has_child(n, NS_PODCAST, podcast_needs[i].child))
			rule_report_end(c, n, R_MISSING_ELEMENT, "<podcast:%s> needs <podcast:%s>",
					podcast_needs[i].box, podcast_needs[i].child);
}

/* The namespace grows by phases, and hosts write proposed tags and attributes
 * before they are formalized (Castopod's podcast:social, podcast:id,
 * platform= on podcast:funding): those are warnings (E_PROPOSALS), not errors. */
#define PLEAF(where, name, flags) \
	{ where, { NS_PODCAST, #name, (flags) | E_PROPOSALS, R_NONE, NULL, NULL, pa_##name } }
#define PBOX(where, name, flags) \
	{ where, { NS_PODCAST, #name, (flags) | E_ANY | E_PROPOSALS, R_NONE, NULL, \
		   podcast_check_box, pa_##name } }
static const struct ext_row podcast_rows[] = {
	PLEAF(TOP, guid, E_UNIQUE),
	PLEAF(TOP, locked, E_UNIQUE),
	PLEAF(TOP, medium, E_UNIQUE),
	PLEAF(TOP | NEST, block, 0),
	PLEAF(TOP, trailer, 0),
	PLEAF(TOP, updateFrequency, E_UNIQUE),
	PLEAF(TOP, podping, E_UNIQUE),
	PBOX(TOP, podroll, E_UNIQUE),
	PBOX(TOP, publisher, E_UNIQUE),
	{ TOP, { NS_PODCAST, "liveItem", E_ANY | E_PROPOSALS, R_NONE, NULL, check_live_item,
		 pa_liveItem } },
	PLEAF(TOP | NEST, remoteItem, 0),
	PLEAF(LOW | NEST, transcript, 0),
	PLEAF(LOW | NEST, chapters, E_UNIQUE),
	PLEAF(LOW | NEST, soundbite, 0),
	PLEAF(LOW | NEST, season, E_UNIQUE),
	PLEAF(LOW | NEST, episode, E_UNIQUE),
	PBOX(LOW | NEST, alternateEnclosure, 0),
	PLEAF(LOW | NEST, contentLink, 0),
	PLEAF(NEST, source, 0),
	PLEAF(NEST, integrity, E_UNIQUE),
	PLEAF(ANY, funding, 0),
	PLEAF(ANY, person, 0),
	{ ANY, { NS_PODCAST, "location", E_PROPOSALS, R_NONE, NULL, check_podcast_location,
		 pa_location } },
	PLEAF(ANY, license, E_UNIQUE),
	PBOX(ANY, value, 0),
	PLEAF(NEST, valueRecipient, 0),
	PBOX(NEST, valueTimeSplit, 0),
	PLEAF(ANY, images, E_UNIQUE),
	PLEAF(ANY, image, 0),
	PLEAF(ANY, txt, 0),
	PLEAF(ANY, socialInteract, 0),
	PLEAF(ANY, chat, E_UNIQUE),
	END,
};
#undef PLEAF
#undef PBOX

static const struct ext_row empty_rows[] = {
	END,
};

/* Trackback: ping and about are item URLs, as text (RSS 2.0) or as
 * rdf:resource (RSS 1.0). */
static const struct ext_row trackback_rows[] = {
	{ LOW, { NS_TRACKBACK, "ping", 0, R_NONE, NULL, check_url_or_resource, NULL } },
	{ LOW, { NS_TRACKBACK, "about", 0, R_NONE, NULL, check_url_or_resource, NULL } },
	END,
};

/* The namespaces of this file's tables. */
static const struct ext_ns ns_dc = { NS_DC, true, dc_rows, NULL };
static const struct ext_ns ns_dcterms = { NS_DCTERMS, false, dcterms_rows, NULL };
static const struct ext_ns ns_content = { NS_CONTENT, true, content_rows, NULL };
static const struct ext_ns ns_sy = { NS_SY, true, sy_rows, NULL };
static const struct ext_ns ns_atom = { NS_ATOM, false, atom_in_rss_rows, NULL };
static const struct ext_ns ns_itunes = { NS_ITUNES, true, itunes_rows, itunes_values };
static const struct ext_ns ns_cn = { NS_CN, false, empty_rows, cn_values };
static const struct ext_ns ns_xhtml = { NS_XHTML, false, empty_rows, meta_values };
static const struct ext_ns ns_trackback = { NS_TRACKBACK, true, trackback_rows, NULL };
static const struct ext_ns ns_admin = { NS_ADMIN, true, admin_rows, NULL };
static const struct ext_ns ns_taxo = { NS_TAXO, true, taxo_rows, NULL };
static const struct ext_ns ns_image = { NS_IMAGE, true, image_module_rows, NULL };
static const struct ext_ns ns_annotate = { NS_ANNOTATE, true, annotate_rows, NULL };
static const struct ext_ns ns_podcast = { NS_PODCAST, true, podcast_rows, podcast_values };

/* Every namespace with a table. */
static const struct ext_ns *const ext_namespaces[] = {
	&ns_dc, &ns_dcterms, &ns_content, &ns_sy, &ext_ns_slash, &ext_ns_wfw, &ext_ns_thr,
	&ns_atom, &ns_itunes, &ext_ns_media, &ext_ns_feedburner, &ext_ns_sx, &ns_cn, &ext_ns_gbase,
	&ext_ns_opensearch, &ext_ns_opensearch10, &ns_xhtml, &ns_trackback, &ext_ns_georss,
	&ext_ns_gml, &ext_ns_geo, &ext_ns_geourl, &ext_ns_icbm, &ext_ns_cc, &ext_ns_cc_rdf,
	&ext_ns_access, &ns_admin, &ns_taxo, &ns_image, &ns_annotate, &ns_podcast,
};

const struct elem_def *ext_lookup(xmlNodePtr node, enum ext_context where, bool *closed_ns)
{
	const char *ns = node_ns(node);
	*closed_ns = false;
	if (!ns)
		return NULL;
	for (size_t i = 0; i < sizeof ext_namespaces / sizeof *ext_namespaces; i++) {
		const struct ext_ns *e = ext_namespaces[i];
		if (strcmp(e->ns, ns) != 0)
			continue;
		for (const struct ext_row *r = e->rows; r->def.name; r++)
			if ((r->where & (1u << where)) && strcmp(r->def.name, (const char *)node->name) == 0)
				return &r->def;
		*closed_ns = e->closed;
		return NULL;
	}
	return NULL;
}

static const struct ext_ns *find_ns(const char *ns)
{
	for (size_t i = 0; ns && i < sizeof ext_namespaces / sizeof *ext_namespaces; i++)
		if (strcmp(ext_namespaces[i]->ns, ns) == 0)
			return ext_namespaces[i];
	return NULL;
}

bool ext_in_choices(const char *choices, const char *v)
{
	size_t n = strlen(v);
	for (const char *p = strchr(choices, '|'); p && p[1]; p = strchr(p + 1, '|'))
		if (strncmp(p + 1, v, n) == 0 && p[1 + n] == '|')
			return n > 0 || p[1] == '|';
	return false;
}

static void apply_value_rule(struct vctx *c, xmlNodePtr n, const struct value_rule *r)
{
	xmlChar *v;
	char what[96];
	if (r->attr) {
		v = attr_get(n, r->attr);
		if (!v) {
			if (r->flags & VR_REQUIRED)
				rule_report(c, n, R_MISSING_ATTRIBUTE, "<%s %s=\"...\">", n->name, r->attr);
			return;
		}
		snprintf(what, sizeof what, "%s on <%s>", r->attr, n->name);
	} else {
		v = (r->flags & VR_RAW) ? xmlNodeGetContent(n) : node_text(n);
		if (!v)
			v = xmlStrdup((const xmlChar *)"");
		if (r->flags & VR_RAW && xmlStrlen(v) > 4096)
			v[4096] = '\0';
		snprintf(what, sizeof what, "<%s>", n->name);
	}
	if (r->choices) {
		if (!ext_in_choices(r->choices, (const char *)v))
			rule_report(c, n, r->rule, "%s \"%.100s\" (one of %s)", what, v, r->choices);
	} else if (r->rule != R_NONE) {
		rule_check_value(c, n, r->rule, what, (const char *)v);
	}
	xmlFree(v);
}

/* Namespaces a near miss is measured against: the extensions' and the
 * formats' own. */
static const char *const core_namespaces[] = {
	NS_ATOM, NS_RSS1, NS_RSS090, NS_RDF, NS_XHTML, NULL
};

/* Same URI but for letter case or a final '/' or '#'. */
static bool nearly_same(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 0 && (a[la - 1] == '/' || a[la - 1] == '#'))
		la--;
	if (lb > 0 && (b[lb - 1] == '/' || b[lb - 1] == '#'))
		lb--;
	return la == lb && strncasecmp(a, b, la) == 0;
}

/* A namespace no table knows, which differs from a known one only by letter
 * case or a final slash (http://search.yahoo.com/mrss for .../mrss/): its
 * elements are not that extension's, which is seldom what the feed meant.
 * Once a namespace, a document. */
static void check_near_miss(struct vctx *c, xmlNodePtr n, const char *ns)
{
	const char *known = NULL;
	for (size_t i = 0; !known && i < sizeof ext_namespaces / sizeof *ext_namespaces; i++)
		if (nearly_same(ns, ext_namespaces[i]->ns))
			known = ext_namespaces[i]->ns;
	for (size_t i = 0; !known && core_namespaces[i]; i++)
		if (nearly_same(ns, core_namespaces[i]))
			known = core_namespaces[i];
	if (!known || seen_before(c, "namespace-near-miss", ns))
		return;
	/* The URI Media RSS had at Yahoo without its slash, common in feeds:
	 * W3C makes it an error (MediaRssNamespace), and elements meant as
	 * Media RSS then go unread. */
	if (strcmp(ns, "http://search.yahoo.com/mrss") == 0)
		rule_report(c, n, R_MEDIA_NAMESPACE, "\"%.200s\"", ns);
	else
		rule_report(c, n, R_NS_NEAR_MISS, "\"%.200s\" (did you mean \"%s\"?)", ns, known);
}

/* Extension elements that hold the host format's own elements (in RSS, in no
 * namespace): FeedSync 1.0 §3.4 sx:conflicts holds the conflicting items. */
static const struct { const char *ns, *name; } holds_host[] = {
	{ NS_SX, "conflicts" },
	{ NS_PODCAST, "liveItem" },
};

/* Children of a known extension's element that are in no namespace: no
 * extension defines such elements, so nothing says what they are. */
static void check_no_namespace_children(struct vctx *c, xmlNodePtr n)
{
	for (size_t i = 0; i < sizeof holds_host / sizeof *holds_host; i++)
		if (node_is(n, holds_host[i].ns, holds_host[i].name))
			return;
	for (xmlNodePtr ch = n->children; ch; ch = ch->next)
		if (ch->type == XML_ELEMENT_NODE && !node_ns(ch))
			rule_report(c, ch, R_RDF_NO_NAMESPACE, "<%s> in <%s:%s>", ch->name,
				    n->ns && n->ns->prefix ? (const char *)n->ns->prefix : "",
				    n->name);
}

/* ModWiki (meatballwiki.org/wiki/ModWiki §6.1): the namespace is
 * http://www.usemod.com/cgi-bin/mb.pl?ModWiki; "the old URL
 * (http://purl.org/rss/1.0/modules/wiki/)" no longer resolves. */
#define NS_WIKI_OLD "http://purl.org/rss/1.0/modules/wiki/"

void ext_check_root_namespaces(struct vctx *c, xmlNodePtr root)
{
	for (xmlNsPtr ns = root->nsDef; ns; ns = ns->next)
		if (ns->href && strcmp((const char *)ns->href, NS_WIKI_OLD) == 0) {
			rule_report(c, root, R_WIKI_NAMESPACE_OBSOLETE, "xmlns%s%s=\"%s\"; the "
				    "module's is http://www.usemod.com/cgi-bin/mb.pl?ModWiki",
				    ns->prefix ? ":" : "", ns->prefix ? (const char *)ns->prefix : "",
				    NS_WIKI_OLD);
			return;
		}
}

/* A podcast: element that is no tag of the namespace anywhere: a proposal
 * (or a typo), where a formalized tag under the wrong parent is an error. */
static bool podcast_proposal(xmlNodePtr n)
{
	if (!node_is(n, NS_PODCAST, (const char *)n->name))
		return false;
	for (const struct ext_row *r = podcast_rows; r->def.name; r++)
		if (strcmp(r->def.name, (const char *)n->name) == 0)
			return false;
	return true;
}

/* Every check of the extension tables on one foreign element. */
void ext_check(struct vctx *c, xmlNodePtr n, enum ext_context where)
{
	bool closed = false;
	const char *ns = node_ns(n);
	if (ns && !find_ns(ns))
		check_near_miss(c, n, ns);
	else if (ns)
		check_no_namespace_children(c, n);
	const struct elem_def *def = ext_lookup(n, where, &closed);
	if (def) {
		if ((def->flags & E_UNIQUE) && n->parent) {
			for (xmlNodePtr p = n->prev; p; p = p->prev)
				if (node_is(p, node_ns(n), (const char *)n->name)) {
					rule_report(c, n, R_DUPLICATE_ELEMENT, "<%s> in <%s>", n->name,
						    n->parent->name);
					break;
				}
		}
		elem_walk(c, n, def, node_ns(n));
	} else if (closed) {
		rule_report(c, n, podcast_proposal(n) ? R_PODCAST_NOT_FORMALIZED :
			    R_UNKNOWN_ELEMENT, "<%s:%s> in <%s>",
			    n->ns && n->ns->prefix ? (const char *)n->ns->prefix : "", n->name,
			    n->parent ? (const char *)n->parent->name : "");
	}
	const struct ext_ns *e = find_ns(node_ns(n));
	for (const struct value_rule *r = e ? e->values : NULL; r && r->element; r++)
		if (strcmp(r->element, (const char *)n->name) == 0)
			apply_value_rule(c, n, r);
	if (def && !(def->flags & E_ANY))
		return;
	/* Children of a container we have no table for (media:group, sx:sync...). */
	for (xmlNodePtr ch = n->children; ch; ch = ch->next)
		if (ch->type == XML_ELEMENT_NODE && find_ns(node_ns(ch)))
			ext_check(c, ch, EXT_ANY_CTX);
}

/* ---- checks ---- */

/* The attributes of an E_ANY element (the walk does not check them): those
 * its row defines, and namespaced ones. */
void ext_check_attrs(struct vctx *c, xmlNodePtr n)
{
	bool closed;
	const struct elem_def *def = ext_lookup(n, EXT_ANY_CTX, &closed);
	if (!def)
		def = ext_lookup(n, EXT_CHANNEL, &closed);
	if (!def)
		def = ext_lookup(n, EXT_ITEM, &closed);
	for (xmlAttrPtr a = n->properties; def && a; a = a->next) {
		bool known = a->ns != NULL;
		for (const char *const *k = def->attrs; !known && k && *k; k++)
			known = strcmp(*k, (const char *)a->name) == 0;
		if (!known)
			rule_report(c, n, def->flags & E_PROPOSALS ? R_PODCAST_NOT_FORMALIZED :
				    R_UNEXPECTED_ATTRIBUTE, "%s on <%s>", a->name, n->name);
	}
}

/* A URL as the element's text in RSS 2.0, as its rdf:resource in RSS 1.0
 * (an RDF document). */
static void check_url_or_resource(struct vctx *c, xmlNodePtr n)
{
	if (c->rdf_ns) {
		rdf_check_resource(c, n);
		return;
	}
	xmlChar *t = node_text(n);
	rule_check_value(c, n, R_URI_FULL, (const char *)n->name, (const char *)t);
	xmlFree(t);
}

static void check_w3cdtf_el(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	if (*t)
		rule_check_value(c, n, R_DATE_W3CDTF, (const char *)n->name, (const char *)t);
	xmlFree(t);
}

static void check_update_period(struct vctx *c, xmlNodePtr n)
{
	static const char *const ok[] = { "hourly", "daily", "weekly", "monthly", "yearly" };
	xmlChar *t = node_text(n);
	bool good = false;
	for (size_t i = 0; i < 5; i++)
		good = good || strcmp((const char *)t, ok[i]) == 0;
	if (!good)
		rule_report(c, n, R_RSS_UPDATE_PERIOD, "\"%.50s\"", t);
	xmlFree(t);
}

static void check_encoded(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	check_html_text(c, n, "content:encoded", (const char *)t);
	xmlFree(t);
}

/* Apple Podcasts' tags, <itunes:duration>: seconds, or "HH:MM:SS, H:MM:SS,
 * MM:SS, or M:SS": the first part any number, each part after a colon two
 * digits, 00 to 59 (minutes and seconds). */
static bool duration_ok(const char *s)
{
	size_t parts = 0;
	for (const char *p = s; *p;) {
		size_t n = strspn(p, "0123456789");
		if (n == 0 || (parts > 0 && (n != 2 || p[0] > '5')))
			return false;
		parts++;
		p += n;
		if (*p == ':')
			p++;
		else if (*p != '\0')
			return false;
	}
	return parts >= 1 && parts <= 3 && s[strlen(s) - 1] != ':';
}

static void check_itunes_duration(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	if (*t && !duration_ok((const char *)t))
		rule_report(c, n, R_EXT_VALUE, "itunes:duration \"%.50s\"", t);
	xmlFree(t);
}

bool ext_path_ends_in(const char *url, const char *const *exts)
{
	size_t len = strcspn(url, "?#");
	for (; *exts; exts++) {
		size_t el = strlen(*exts);
		if (len >= el && strncasecmp(url + len - el, *exts, el) == 0)
			return true;
	}
	return false;
}

/* Apple: artwork "in JPEG or PNG format ... with appropriate file extensions
 * (.jpg, .png)" (W3C ImageUrlFormat); .jpeg is JPEG's other extension. */
static void check_itunes_image(struct vctx *c, xmlNodePtr n)
{
	static const char *const exts[] = { ".jpg", ".jpeg", ".png", NULL };
	xmlChar *href = attr_get(n, "href");
	if (!href)
		rule_report(c, n, R_MISSING_ATTRIBUTE, "<itunes:image href=\"...\">");
	else if (rule_check_value(c, n, R_URI_FULL, "href on <itunes:image>", (const char *)href) &&
		 !ext_path_ends_in((const char *)href, exts))
		rule_report(c, n, R_ITUNES_IMAGE_FORMAT, "<itunes:image href=\"%.200s\">", href);
	xmlFree(href);
}

/* Apple's iTunes podcast specification: "Use commas to separate keywords".
 * Words separated by spaces with no comma at all read as one keyword
 * (W3C InvalidKeywords); a single word is fine. */
static void check_itunes_keywords(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	const char *s = (const char *)t;
	if (!strchr(s, ',') && strpbrk(s, " \t\r\n"))
		rule_report(c, n, R_ITUNES_KEYWORDS, "<itunes:keywords>%.200s</itunes:keywords>", s);
	xmlFree(t);
}

/* Apple: the owner's contact is its e-mail address, in a nested itunes:email
 * (W3C MissingItunesEmail). Reported where the owner ends, as a missing
 * child is. */
static void check_itunes_owner(struct vctx *c, xmlNodePtr n)
{
	if (!has_child(n, NS_ITUNES, "email"))
		rule_report_end(c, n, R_ITUNES_OWNER_EMAIL, "<itunes:owner> without <itunes:email>");
}

/* Apple Podcasts categories, current and retired (retired ones still read). */
static const char itunes_categories[] =
	"|Arts|Books|Design|Fashion & Beauty|Food|Performing Arts|Visual Arts|Literature|"
	"Business|Careers|Entrepreneurship|Investing|Management|Marketing|Non-Profit|"
	"Business News|Shopping|Management & Marketing|"
	"Comedy|Comedy Interviews|Improv|Stand-Up|"
	"Education|Courses|How To|Language Learning|Self-Improvement|Educational Technology|"
	"Higher Education|K-12|Language Courses|Training|"
	"Fiction|Comedy Fiction|Drama|Science Fiction|"
	"Government|Government & Organizations|Local|National|Regional|"
	"History|Health & Fitness|Alternative Health|Fitness|Medicine|Mental Health|Nutrition|"
	"Sexuality|Health|Fitness & Nutrition|Self-Help|"
	"Kids & Family|Education for Kids|Parenting|Pets & Animals|Stories for Kids|"
	"Leisure|Animation & Manga|Automotive|Aviation|Crafts|Games|Hobbies|Home & Garden|"
	"Video Games|Games & Hobbies|Other Games|"
	"Music|Music Commentary|Music History|Music Interviews|"
	"News|Daily News|Entertainment News|News Commentary|Politics|Sports News|Tech News|"
	"News & Politics|"
	"Religion & Spirituality|Buddhism|Christianity|Hinduism|Islam|Judaism|Religion|"
	"Spirituality|Other|"
	"Science|Astronomy|Chemistry|Earth Sciences|Life Sciences|Mathematics|"
	"Natural Sciences|Nature|Physics|Social Sciences|Science & Medicine|"
	"Society & Culture|Documentary|Personal Journals|Philosophy|Places & Travel|"
	"Relationships|"
	"Sports|Baseball|Basketball|Cricket|Fantasy Sports|Football|Golf|Hockey|Rugby|Running|"
	"Soccer|Swimming|Tennis|Volleyball|Wilderness|Wrestling|Sports & Recreation|Amateur|"
	"College & High School|Outdoor|Professional|"
	"Technology|Gadgets|Podcasting|Software How-To|"
	"True Crime|TV & Film|After Shows|Film History|Film Interviews|Film Reviews|TV Reviews|";

/* The 2005 list, retired by Apple: still seen, a warning. */
static const char itunes_obsolete[] =
	"|Arts & Entertainment|Architecture|Entertainment|Photography|Poetry|Audio Blogs|"
	"Finance|Family|Diet & Nutrition|International|Australian|Belgian|Brazilian|Canadian|"
	"Chinese|Dutch|French|German|Hebrew|Italian|Japanese|Norwegian|Polish|Portuguese|"
	"Spanish|Swedish|Movies & Television|Public Radio|New Age|Talk Radio|Computers|"
	"Developers|Information Technology|Operating Systems|Smart Phones|Text/Speech|"
	"Transportation|Bicycles|Commuting|Travel|";

/* Apple's current categories with their subcategories: each string is a
 * category and, after it, the subcategories it may hold. A category with none
 * listed holds none. */
static const char *const itunes_tree[] = {
	"|Arts|Books|Design|Fashion & Beauty|Food|Performing Arts|Visual Arts|",
	"|Business|Careers|Entrepreneurship|Investing|Management|Marketing|Non-Profit|",
	"|Comedy|Comedy Interviews|Improv|Stand-Up|",
	"|Education|Courses|How To|Language Learning|Self-Improvement|",
	"|Fiction|Comedy Fiction|Drama|Science Fiction|",
	"|Government|",
	"|History|",
	"|Health & Fitness|Alternative Health|Fitness|Medicine|Mental Health|Nutrition|Sexuality|",
	"|Kids & Family|Education for Kids|Parenting|Pets & Animals|Stories for Kids|",
	"|Leisure|Animation & Manga|Automotive|Aviation|Crafts|Games|Hobbies|Home & Garden|"
	"Video Games|",
	"|Music|Music Commentary|Music History|Music Interviews|",
	"|News|Business News|Daily News|Entertainment News|News Commentary|Politics|Sports News|"
	"Tech News|",
	"|Religion & Spirituality|Buddhism|Christianity|Hinduism|Islam|Judaism|Religion|"
	"Spirituality|",
	"|Science|Astronomy|Chemistry|Earth Sciences|Life Sciences|Mathematics|Natural Sciences|"
	"Nature|Physics|Social Sciences|",
	"|Society & Culture|Documentary|Personal Journals|Philosophy|Places & Travel|"
	"Relationships|",
	"|Sports|Baseball|Basketball|Cricket|Fantasy Sports|Football|Golf|Hockey|Rugby|Running|"
	"Soccer|Swimming|Tennis|Volleyball|Wilderness|Wrestling|",
	"|Technology|",
	"|True Crime|",
	"|TV & Film|After Shows|Film History|Film Interviews|Film Reviews|TV Reviews|",
};

/* The subcategories of a current category, after its own name; NULL when
 * name is not a current category. */
static const char *itunes_subcategories(const char *name)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof itunes_tree / sizeof *itunes_tree; i++)
		if (strncmp(itunes_tree[i] + 1, name, n) == 0 && itunes_tree[i][1 + n] == '|')
			return itunes_tree[i] + 1 + n;
	return NULL;
}

/* A nested category is a subcategory of its parent's (Apple: "use a nested
 * itunes:category for a subcategory"; the table allows one level). Under a
 * current category, a child not in its list is an error when it is itself a
 * top category, else a subcategory Apple has moved or retired (a warning, as
 * retired categories are). */
static void check_itunes_nesting(struct vctx *c, xmlNodePtr n, const char *text)
{
	xmlNodePtr up = n->parent;
	if (!node_is(up, NS_ITUNES, "category"))
		return;
	xmlChar *parent = attr_get(up, "text");
	const char *subs = parent ? itunes_subcategories((const char *)parent) : NULL;
	if (subs && !ext_in_choices(subs, text)) {
		bool top = itunes_subcategories(text) != NULL;
		rule_report(c, n, top ? R_EXT_ITUNES_CATEGORY : R_EXT_ITUNES_OBSOLETE,
			    "\"%.100s\" is not a subcategory of \"%.100s\"", text, parent);
	}
	xmlFree(parent);
}

static void check_itunes_category(struct vctx *c, xmlNodePtr n)
{
	xmlChar *text = attr_get(n, "text");
	if (!text)
		rule_report(c, n, R_MISSING_ATTRIBUTE, "<itunes:category text=\"...\">");
	else if (ext_in_choices(itunes_obsolete, (const char *)text))
		rule_report(c, n, R_EXT_ITUNES_OBSOLETE, "\"%.100s\"", text);
	else if (!ext_in_choices(itunes_categories, (const char *)text))
		rule_report(c, n, R_EXT_ITUNES_CATEGORY, "\"%.100s\"", text);
	else
		check_itunes_nesting(c, n, (const char *)text);
	xmlFree(text);
}

/* Apple: itunes:summary up to 4000 characters. */
static void check_itunes_summary(struct vctx *c, xmlNodePtr n)
{
	xmlChar *t = node_text(n);
	int chars = xmlUTF8Strlen(t);
	if (chars > 4000)
		rule_report(c, n, R_EXT_VALUE, "itunes:summary of %d characters (at most 4000)", chars);
	xmlFree(t);
}


/* A decimal number: an optional '-', digits, optionally '.' and digits. */
static const char *skip_decimal(const char *p)
{
	const char *start = p += (*p == '-');
	p += strspn(p, "0123456789");
	if (*p == '.' && isdigit((unsigned char)p[1]))
		p += 1 + strspn(p + 1, "0123456789");
	return p > start ? p : NULL;
}

/* RFC 5870 §3.3: "geo:" latitude "," longitude ["," altitude], then
 * ";"-parameters (crs, u, others), which are not checked. */
static bool geo_uri_ok(const char *s)
{
	if (strncasecmp(s, "geo:", 4) != 0)
		return false;
	const char *p = s + 4;
	for (int i = 0; i < 3 && p; i++) {
		p = skip_decimal(p);
		if (!p || *p != ',' || i == 2)
			break;
		p++;
	}
	return p && (*p == '\0' || *p == ';');
}

/* Podcasting 2.0 docs/tags/location.md: geo "in geoURI form, following
 * RFC5870 (i.e. \"geo:30.2672,97.7431\")"; osm "the first character of the
 * OSM object type (Node, Way, Relation), followed by the ID" ("R113314"). */
static void check_podcast_location(struct vctx *c, xmlNodePtr n)
{
	xmlChar *geo = attr_get(n, "geo"), *osm = attr_get(n, "osm");
	if (geo && !geo_uri_ok((const char *)geo))
		rule_report(c, n, R_EXT_VALUE, "geo on <location> \"%.100s\" (a geo: URI, "
			    "RFC 5870: geo:LAT,LON)", geo);
	if (osm && !(strchr("NWR", osm[0]) && osm[0] && osm[1] &&
		     strspn((const char *)osm + 1, "0123456789") == strlen((const char *)osm + 1)))
		rule_report(c, n, R_EXT_VALUE, "osm on <location> \"%.100s\" (N, W or R, then "
			    "the OSM id)", osm);
	xmlFree(geo);
	xmlFree(osm);
}

/* ISO 8601 date and time of day, as live-item.md's own example writes it
 * ("2021-09-26T07:30:00.000-0600"): YYYY-MM-DDThh:mm[:ss[.fff]] and an
 * optional Z or +hh[[:]mm]. */
static bool iso8601_datetime_ok(const char *s)
{
	static const char form[] = "dddd-dd-ddTdd:dd";
	size_t i = 0;
	for (; form[i]; i++)
		if (form[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != form[i])
			return false;
	const char *p = s + i;
	if (p[0] == ':' && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2])) {
		p += 3;
		if (*p == '.' && isdigit((unsigned char)p[1]))
			p += 1 + strspn(p + 1, "0123456789");
	}
	if (*p == 'Z')
		return p[1] == '\0';
	if (*p != '+' && *p != '-')
		return *p == '\0';
	p++;
	size_t n = strspn(p, "0123456789");
	if (n == 2 && p[2] == ':')
		return strspn(p + 3, "0123456789") == 2 && p[5] == '\0';
	return (n == 2 || n == 4) && p[n] == '\0';
}

/* Podcasting 2.0 docs/tags/live-item.md: start and end are "an ISO8601
 * timestamp"; "The <podcast:contentLink> tag is also required to be
 * present", the fallback for apps that cannot play the stream. */
static void check_live_item(struct vctx *c, xmlNodePtr n)
{
	ext_check_attrs(c, n);
	static const char *const times[] = { "start", "end" };
	for (size_t i = 0; i < 2; i++) {
		xmlChar *v = attr_get(n, times[i]);
		if (v && !iso8601_datetime_ok((const char *)v))
			rule_report(c, n, R_EXT_VALUE, "%s on <liveItem> \"%.100s\" (an ISO 8601 "
				    "date and time: 2026-12-10T18:00:00Z)", times[i], v);
		xmlFree(v);
	}
	if (count_children(n, NS_PODCAST, "contentLink") == 0)
		rule_report_end(c, n, R_MISSING_ELEMENT,
				"<podcast:liveItem> needs <podcast:contentLink>");
	/* "It takes the same format as a standard <item>" */
	rss_check_item_children(c, n);
}
