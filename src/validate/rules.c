/* rules.c: the rule table, reporting, and the walk over element tables that
 * applies the generic rules (unknown, missing and duplicate elements,
 * attributes, stray text, values). */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/entities.h>
#include <libxml/xmlstring.h>

#include "base/text.h"
#include "validate/rules.h"

#define W DIAG_WARNING
#define E DIAG_ERROR

const struct rule rule_table[R_COUNT] = {
	[R_NONE] = { "none", DIAG_NOTE, "", "", NULL },
	[R_XML_MALFORMED] = { "xml-well-formed", E, "not well-formed XML", "XML 1.0 §2.1", NULL },
	[R_XML_ENCODING] = { "xml-encoding", E, "character encoding problem", "XML 1.0 §4.3.3", NULL },
	[R_XML_ENTITY] = { "xml-undefined-entity", E,
		"entity reference that cannot be expanded safely",
		"XML 1.0 §4.1", NULL },
	[R_XML_NAMESPACE] = { "xml-namespace", E, "namespace problem", "Namespaces in XML 1.0 §3", NULL },
	[R_XML_TOO_MANY_ATTRIBUTES] = { "xml-too-many-attributes", E,
		"an element with more attributes than are checked; the document is not read past it",
		"feedgen (bounded time: libxml2's duplicate check is quadratic)", NULL },
	[R_NOT_A_FEED] = { "not-a-feed", E, "not a feed",
		"RSS 2.0.11; RFC 4287 §4.1.1; RSS 1.0 §5.2; OPML 2.0", NULL },
	[R_SCHEMA_ATOM] = { "atom-schema", E, "does not match the Atom schema",
		"RFC 4287 Appendix B", NULL },
	[R_SCHEMA_RSS] = { "rss-schema", E, "does not match the RSS 2.0 schema",
		"RSS 2.0.11", NULL },
	[R_UNKNOWN_ELEMENT] = { "unknown-element", E, "element not defined here",
		"RFC 4287 §6.2; RSS 2.0.11 §Extending RSS", NULL },
	[R_MISSING_ELEMENT] = { "missing-element", E, "required element missing",
		"RFC 4287 §4.1; RSS 2.0.11 §Required channel elements", NULL },
	[R_DUPLICATE_ELEMENT] = { "duplicate-element", E, "element may appear only once",
		"RFC 4287 §4.1; RSS 2.0.11", NULL },
	[R_MISPLACED_ELEMENT] = { "misplaced-element", E, "element out of place",
		"RFC 4287 §4.1.1", NULL },
	[R_UNEXPECTED_ATTRIBUTE] = { "unexpected-attribute", E, "attribute not defined here",
		"RFC 4287 §6.3; RSS 2.0.11", NULL },
	[R_MISSING_ATTRIBUTE] = { "missing-attribute", E, "required attribute missing",
		"RFC 4287 §4.2.7.1; RSS 2.0.11", NULL },
	[R_UNEXPECTED_TEXT] = { "unexpected-text", E, "text not allowed here",
		"RFC 4287 Appendix B; RSS 2.0.11", NULL },
	[R_BLANK] = { "blank", W, "element should not be empty", "RSS 2.0.11", NULL },
	[R_UNEXPECTED_WHITESPACE] = { "unexpected-whitespace", E,
		"white space around a URI or date", "RFC 4287 §3.3, §4.2.6; RFC 3987 §3.1", NULL },
	[R_HEAD_TOO_LARGE] = { "head-too-large", W,
		"more elements in the feed's head than are checked; the rest are skipped",
		"feedgen (bounded memory)", NULL },
	[R_MEDIA_TYPE_UNEXPECTED] = { "media-type-unexpected", W,
		"served with a media type that is not this feed's",
		"RFC 4287 §7; RSS Best Practices Profile §Media type; JSON Feed 1.1; RFC 7303", NULL },
	[R_MEDIA_TYPE_GENERIC] = { "media-type-generic", W,
		"served with a generic media type; the feed's own is better",
		"RFC 4287 §7; RSS Best Practices Profile §Media type; JSON Feed 1.1; RFC 7303 §9", NULL },
	[R_ENCODING_MISMATCH] = { "encoding-mismatch", W,
		"the HTTP charset differs from the document's encoding; the HTTP charset wins",
		"RFC 3023 §3.2, §8; RFC 7303 §3.2, §4.2; W3C EncodingMismatch", NULL },
	[R_SELF_LOCATION] = { "self-location-mismatch", W,
		"the rel=\"self\" link is not the URL the document was fetched from",
		"RFC 4287 §4.2.7.2 (\"self\": a resource equivalent to the containing element); "
		"W3C SelfDoesntMatchLocation", NULL },
	[R_OPML_OUTLINE_VERSION] = { "opml-outline-version", W,
		"the version of an outline of type rss should be RSS, RSS1, RSS2 or scriptingNews",
		"OPML 2.0 §Subscription lists (version: RSS1, RSS, scriptingNews); "
		"W3C InvalidOutlineVersion",
		NULL },
	[R_DATE_RFC3339] = { "date-rfc3339", E, "not an RFC 3339 date-time",
		"RFC 4287 §3.3; RFC 3339 §5.6", check_rfc3339 },
	[R_DATE_RFC822] = { "date-rfc822", E, "not an RFC 822 date-time",
		"RSS 2.0.11 §Required channel elements (pubDate); RFC 822 §5", check_rfc822 },
	[R_DATE_RFC822_LAX] = { "date-rfc822-obsolete", W,
		"RFC 822 date-time in a form RFC 2822 calls obsolete (two-digit year, odd zone, comment)",
		"RFC 2822 §3.3, §4.3", check_rfc822_lax },
	[R_DATE_W3CDTF] = { "date-w3cdtf", E, "not a W3C-DTF date",
		"Dublin Core; W3C-DTF (ISO 8601 profile)", check_w3cdtf },
	[R_DATE_DAY_OF_WEEK] = { "date-day-of-week", E, "day of the week does not match the date",
		"RFC 822 §5.2", check_day_of_week },
	[R_DATE_IMPLAUSIBLE] = { "date-implausible", W, "implausible date", "RFC 3339 §5.6",
		check_date_plausible },
	[R_URI] = { "uri", E, "not a valid URI reference", "RFC 3986 §4.1", check_uri },
	[R_IRI] = { "iri", E, "not a valid IRI reference", "RFC 3987 §2.2; RFC 4287 §3.4", check_iri },
	[R_URI_FULL] = { "uri-absolute", E, "not an absolute URL", "RSS 2.0.11; RFC 3986 §4.3",
		check_uri_full },
	[R_IRI_FULL] = { "iri-absolute", E, "not an absolute IRI", "RFC 3987 §2.2; RFC 4287 §4.2.2",
		check_iri_full },
	[R_URI_RELATIVE] = { "relative-reference", W, "relative reference without xml:base",
		"RFC 4287 §2; RFC 3986 §5.1", NULL },
	[R_URI_TAG] = { "tag-uri", E, "not a valid tag URI", "RFC 4151 §2.1", check_tag_uri },
	[R_URN] = { "urn", E, "not a valid URN", "RFC 8141 §2; RFC 4122 §3", check_urn },
	[R_EMAIL] = { "email", E, "not an e-mail address", "RFC 4287 §3.2.3; RFC 2822 §3.4.1",
		check_email },
	[R_EMAIL_RSS] = { "email", E, "not an e-mail address (\"addr (Name)\" or \"addr\")",
		"RSS 2.0.11 (managingEditor, webMaster, author); RFC 2822 §3.4", check_email_rss },
	[R_MIME_TYPE] = { "mime-type", E, "not a MIME media type", "RFC 4288 §4.2; RFC 2045 §5.1",
		check_mime_type },
	[R_LANGUAGE] = { "language", E, "not a language code", "RSS 2.0.11 (language); RFC 3066",
		check_language },
	[R_INT_POSITIVE] = { "positive-integer", E, "not a positive integer", "RSS 2.0.11",
		check_int_positive },
	[R_INT_NONNEGATIVE] = { "non-negative-integer", E, "not a non-negative integer",
		"RSS 2.0.11; RFC 4287 §4.2.7.6", check_int_nonnegative },
	[R_INTEGER] = { "integer", E, "not an integer", "XML Schema Part 2 §3.3.13", check_integer },
	[R_BOOLEAN] = { "boolean", E, "must be \"true\" or \"false\"", "RSS 2.0.11 (guid isPermaLink)",
		check_boolean },
	[R_TRUE_FALSE] = { "true-false", E, "must be \"true\" or \"false\"", "Media RSS", check_true_false },
	[R_YES_NO] = { "yes-no", E, "must be \"yes\", \"no\" or \"clean\"", "iTunes podcast RSS",
		check_yes_no },
	[R_FLOAT] = { "float", E, "not a number", "XML Schema Part 2 §3.2.4", check_float },
	[R_HTML_IN_TEXT] = { "contains-html", W, "plain text contains HTML markup", "RFC 4287 §3.1.1.1",
		check_no_html },
	[R_HTML_UNSAFE] = { "html-security-risk", W, "HTML that may be unsafe to display (script, frames, plug-ins)",
		"RFC 4287 §8.1", check_safe_html },
	[R_NOT_HTML] = { "not-html", W, "markup HTML does not define",
		"RFC 4287 §3.1.1.2; RSS 2.0.11 §Elements of <item> (description: entity-encoded HTML)",
		check_is_html },
	[R_ATOM_TEXT_TYPE] = { "atom-text-type", E, "type must be \"text\", \"html\" or \"xhtml\"",
		"RFC 4287 §3.1.1", NULL },
	[R_ATOM_XHTML_DIV] = { "atom-xhtml-div", E, "XHTML content must be a single xhtml:div",
		"RFC 4287 §3.1.1.3", NULL },
	[R_ATOM_AUTHOR] = { "atom-author", E, "no atom:author for the entry or its feed",
		"RFC 4287 §4.1.1, §4.1.2", NULL },
	[R_ATOM_ALTERNATE] = { "atom-content-or-alternate", E,
		"an entry without atom:content must have a link with rel=\"alternate\"",
		"RFC 4287 §4.1.2", NULL },
	[R_ATOM_SUMMARY] = { "atom-summary-required", E,
		"an entry with out-of-line or non-XML, non-text content must have atom:summary",
		"RFC 4287 §4.1.2", NULL },
	[R_ATOM_CONTENT_SRC] = { "atom-content-src", E, "atom:content with src must be empty",
		"RFC 4287 §4.1.3.2", NULL },
	[R_ATOM_DUPLICATE_LINK] = { "atom-duplicate-link", E,
		"more than one rel=\"alternate\" link with the same type and hreflang",
		"RFC 4287 §4.1.1, §4.1.2", NULL },
	[R_ATOM_LINK_REL] = { "atom-link-rel", W, "link relation not registered with IANA",
		"RFC 4287 §4.2.7.2", NULL },
	[R_ATOM_DUPLICATE_ID] = { "atom-duplicate-id", W, "entries share an atom:id",
		"RFC 4287 §4.1.1", NULL },
	[R_ATOM_DUPLICATE_ENTRY] = { "atom-same-ids", E,
		"every entry has the same atom:id", "RFC 4287 §4.1.1, §4.2.6", NULL },
	[R_ATOM_XHTML_NAMESPACE] = { "atom-xhtml-namespace", E,
		"element in XHTML content is not in the XHTML namespace", "RFC 4287 §3.1.1.3", NULL },
	[R_ATOM_FEED_REL] = { "atom-feed-history", E, "link relation conflicts with the document",
		"RFC 5005 §2, §4", NULL },
	[R_ATOM_BASE64] = { "atom-base64", E, "content is not valid base64", "RFC 4287 §4.1.3.3",
		NULL },
	[R_ATOM_RELATIVE_SELF] = { "relative-self", W,
		"the rel=\"self\" link is relative, with no absolute xml:base to resolve it against",
		"RFC 4287 §4.2.7.2, XML Base §4.1; W3C RelativeSelf", NULL },
	[R_ATOM_DUPLICATE_UPDATED] = { "atom-duplicate-updated", W,
		"entries with the same atom:id have the same atom:updated",
		"RFC 4287 §4.1.1 (\"their atom:updated timestamps SHOULD be different\"); "
		"W3C DuplicateUpdated", NULL },
	[R_ATOM_HISTORY_IN_ENTRY] = { "feed-history-rel-in-entry", W,
		"an archive relation (current, prev-archive, next-archive) names feed documents, not an entry's",
		"RFC 5005 §4 (archived feeds: the relations are on the feed); W3C FeedHistoryRelInEntry",
		NULL },
	[R_ATOM_LINK_NOT_EMPTY] = { "atom-link-not-empty", W,
		"atom:link has text, which no specification gives a meaning (readers drop it)",
		"RFC 4287 §4.2.7 (undefinedContent, §6.4); W3C AtomLinkNotEmpty", NULL },
	[R_ATOM_ARCHIVE_CURRENT] = { "archive-missing-current", W,
		"an archive document (fh:archive) should link its subscription document with rel=\"current\"",
		"RFC 5005 §4; W3C MissingCurrentInArchive", NULL },
	[R_ATOM_SELF_NOT_ATOM] = { "self-not-atom", W,
		"the rel=\"self\" link's type is not Atom (an alternate link, named self?)",
		"RFC 4287 §4.2.7.2 (self: a resource equivalent to the containing element); "
		"W3C SelfNotAtom", NULL },
	[R_RSS_VERSION] = { "rss-version", E,
		"<rss> must have a version: 2.0 (or 0.91, 0.92, 0.93, 0.94)",
		"RSS 2.0.11 §Sample files; RSS 0.91; RSS 0.92", NULL },
	[R_RSS_ITEM_TITLE_OR_DESC] = { "rss-item-title-or-description", E,
		"an item must have a title or a description", "RSS 2.0.11 §Elements of <item>", NULL },
	[R_RSS_DUPLICATE_GUID] = { "rss-duplicate-guid", E, "guid used by more than one item",
		"RSS 2.0.11 §<guid> sub-element of <item>", NULL },
	[R_RSS_HOUR] = { "rss-skip-hour", E, "hour must be a number from 0 to 23",
		"RSS 2.0.11; RSS cloud and skipHours", NULL },
	[R_RSS_DAY] = { "rss-skip-day", E,
		"day must be Monday, Tuesday, Wednesday, Thursday, Friday, Saturday or Sunday",
		"RSS 2.0.11 §skipDays", NULL },
	[R_RSS_TOO_MANY] = { "rss-too-many", E, "more entries than the element allows",
		"RSS 2.0.11 §skipHours, §skipDays", NULL },
	[R_RSS_IMAGE_WIDTH] = { "rss-image-width", E, "image width must be an integer from 1 to 144",
		"RSS 2.0.11 §<image> sub-element of <channel>", NULL },
	[R_RSS_IMAGE_HEIGHT] = { "rss-image-height", E, "image height must be an integer from 1 to 400",
		"RSS 2.0.11 §<image> sub-element of <channel>", NULL },
	[R_RSS_CLOUD] = { "rss-cloud", E, "cloud port must be a positive integer",
		"RSS 2.0.11 §<cloud> sub-element of <channel>", NULL },
	[R_RSS_DUPLICATE_SEMANTICS] = { "rss-duplicate-semantics", W,
		"an RSS element and an extension element say the same thing",
		"RSS 2.0.11 §Extending RSS", NULL },
	[R_RSS_UPDATE_PERIOD] = { "sy-update-period", E,
		"must be hourly, daily, weekly, monthly or yearly", "RSS 1.0 mod_syndication", NULL },
	[R_RSS_PERMALINK] = { "rss-permalink", E,
		"a permalink guid must be an http or https URL (else isPermaLink=\"false\")",
		"RSS 2.0.11 §<guid> sub-element of <item>", NULL },
	[R_RSS_FORM_NAME] = { "rss-textinput-name", E, "textInput name must be a form control name",
		"RSS 2.0.11 §<textInput> sub-element of <channel>", check_form_name },
	/* RSS 2.0: W3C warning classes (issue 14) */
	[R_RSS_DUPLICATE_ENCLOSURE] = { "duplicate-enclosure", W,
		"an item should not have more than one enclosure",
		"RSS Best Practices Profile §enclosure (\"SHOULD NOT contain more than one\"); "
		"W3C DuplicateEnclosure", NULL },
	[R_RSS_DESC_BEFORE_CONTENT] = { "description-before-content", W,
		"an item's description should come before its content:encoded",
		"RSS Best Practices Profile §content:encoded; W3C NeedDescriptionBeforeContent", NULL },
	[R_RSS_MISSING_REAL_NAME] = { "missing-real-name", W,
		"an e-mail address without a real name: write \"addr (Name)\"",
		"RSS Best Practices Profile (author, managingEditor, webMaster); W3C MissingRealName",
		NULL },
	[R_RSS_EMAIL_FORMAT] = { "email-format", W,
		"an e-mail address not in RSS's form \"addr (Name)\"",
		"RSS 2.0.11 (managingEditor, webMaster, author); W3C EmailFormat", NULL },
	[R_RSS_ZERO_FOR_MIDNIGHT] = { "skiphours-24", W, "midnight in skipHours is 0, not 24",
		"RSS 2.0.11 §skipHours (\"a number between 0 and 23\"); W3C UseZeroForMidnight", NULL },
	[R_INT_LIST] = { "integer-list", E, "not a comma-separated list of integers",
		"RSS 1.0 mod_slash", check_int_list },
	[R_LATITUDE] = { "latitude", E, "not a latitude (-90 to 90)", "W3C Basic Geo; GeoRSS",
		check_latitude },
	[R_LONGITUDE] = { "longitude", E, "not a longitude (-180 to 180)", "W3C Basic Geo; GeoRSS",
		check_longitude },
	[R_EXT_VALUE] = { "extension-value", E, "invalid value for an extension element",
		"the extension's specification", NULL },
	[R_NPT_TIME] = { "npt-time", E, "not a Normal Play Time", "RFC 2326 §3.6; Media RSS",
		check_npt_time },
	[R_MEDIA_SCHEME] = { "media-scheme", E, "scheme must be an absolute URI",
		"Media RSS; RFC 3986 §4.3", check_media_scheme },
	[R_MEDIA_CREDIT_ROLE] = { "media-credit-role", E,
		"credit role must be in lower case",
		"Media RSS §media:credit", check_media_credit_role },
	[R_GBASE_LABEL] = { "gbase-label", E, "one label an element, without commas or surrounding space",
		"Google Base attributes", check_gbase_label },
	[R_GBASE_RATING] = { "gbase-rating", E, "rating must be a number from 1 to 5",
		"Google Base attributes", check_gbase_rating },
	[R_GBASE_YEAR] = { "gbase-year", E, "not a four-digit year", "Google Base attributes",
		check_gbase_year },
	[R_GBASE_PRICE] = { "gbase-price", E, "not a price (a number, optionally with a currency)",
		"Google Base attributes", check_gbase_price },
	[R_OPENSEARCH_ROLE] = { "opensearch-role", E,
		"role must be request, example, related, correction, subset or superset (or prefix:name)",
		"OpenSearch 1.1 §Query element", check_opensearch_role },
	[R_META_ROBOTS] = { "meta-robots", E, "not a consistent robots directive list",
		"Robots meta tag", check_meta_robots },
	[R_EXT_ITUNES_OBSOLETE] = { "itunes-category-obsolete", DIAG_WARNING,
		"an iTunes category Apple has retired", "Apple Podcasts categories", NULL },
	[R_EXT_ITUNES_CATEGORY] = { "itunes-category", E, "not an iTunes category",
		"Apple Podcasts RSS tags", NULL },
	[R_DCMI_PERIOD] = { "date-w3cdtf", E, "not a W3C-DTF date or DCMI Period",
		"DCMI Metadata Terms (available, valid, temporal); DCMI Period", check_dcmi_period },
	[R_ATOM03_OBSOLETE] = { "atom03-obsolete", E,
		"Atom 0.3 (namespace http://purl.org/atom/ns#) is obsolete: use Atom 1.0",
		"RFC 4287 §1.2 (namespace http://www.w3.org/2005/Atom)", NULL },
	[R_RSS09_LANGUAGE] = { "rss091-language", E, "RSS 0.91 requires <language> in <channel>",
		"RSS 0.91 (Netscape DTD; UserLand §<language>)", NULL },
	[R_RDF_ABOUT] = { "rdf-about", E, "needs an rdf:about URI",
		"RSS 1.0 §5.3-5.6 (rdf:about required)", NULL },
	[R_RDF_RESOURCE] = { "rdf-resource", E, "needs an rdf:resource URI",
		"RSS 1.0 §5.3.5-5.3.7 (channel image, items, textinput)", NULL },
	[R_RDF_NO_NAMESPACE] = { "no-namespace", E,
		"element in no namespace: its vocabulary cannot be determined",
		"RSS 1.0 §5 (elements in http://purl.org/rss/1.0/); the extension's specification; "
		"Namespaces in XML 1.0 §6.2", NULL },
	[R_OPML_VERSION] = { "opml-version", E, "<opml> must have version=\"1.0\", \"1.1\" or \"2.0\"",
		"OPML 2.0 §What is an <opml>?", NULL },
	[R_OPML_OBSOLETE] = { "opml-obsolete", W,
		"<outlineDocument> is the name OPML had before 1.0: use <opml version=\"2.0\">",
		"OPML 1.0 §Compatibility", NULL },
	[R_OPML_TEXT] = { "opml-text", E, "an outline must have a text attribute",
		"OPML 2.0 §Text attribute", NULL },
	[R_OPML_TEXT_1X] = { "opml-text", W, "an outline should have a text attribute",
		"OPML 1.0 §<outline> (common attributes); OPML 2.0 §Text attribute", NULL },
	[R_OPML_XMLURL] = { "opml-xmlurl", E, "an outline of type rss needs xmlUrl, the feed's http address",
		"OPML 2.0 §Subscription lists", NULL },
	[R_OPML_URL] = { "opml-url", E, "an outline of type link or include needs url, an http address",
		"OPML 2.0 §Inclusion", NULL },
	[R_OPML_TITLE] = { "opml-title", W, "an outline of type rss should have a title attribute",
		"OPML 2.0 §Subscription lists (title ... should not be omitted)", NULL },
	[R_OPML_EXPANSION] = { "opml-expansion-state", E,
		"expansionState must be a comma-separated list of line numbers",
		"OPML 2.0 §What is a <head>?", check_opml_expansion },
	[R_OPML_NUMBER] = { "opml-number", E, "must be a number", "OPML 2.0 §What is a <head>?",
		check_integer },
	[R_OPML_TRUE_FALSE] = { "opml-true-false", E, "must be \"true\" or \"false\"",
		"OPML 2.0 §Other special attributes (isComment, isBreakpoint)", check_boolean },
	[R_ITUNES_EXPLICIT] = { "itunes-explicit", E,
		"itunes:explicit must be \"true\" or \"false\" (Apple no longer reads yes, no or clean)",
		"Apple Podcasts RSS tags (<itunes:explicit>)", NULL },
	[R_NS_NEAR_MISS] = { "namespace-near-miss", W,
		"namespace URI nearly matches a known one (elements in it are not read as that extension)",
		"Namespaces in XML 1.0 §2.3 (URIs compared character by character)", NULL },
	[R_RSS_SELF_LINK] = { "missing-atom-self-link", W,
		"the channel should name its own URL with atom:link rel=\"self\"",
		"RSS Advisory Board best practices (atom:link); W3C MissingAtomSelfLink", NULL },
	[R_RSS_NO_GUID] = { "missing-guid", W, "an item should have a guid",
		"RSS 2.0.11 §<guid> sub-element of <item>; W3C MissingGuid", NULL },
	[R_RSS_IMAGE_TITLE] = { "image-title-mismatch", W,
		"the image's title should be the channel's title",
		"RSS 2.0.11 §<image> sub-element of <channel> (\"in practice ... the same value\")", NULL },
	[R_RSS_IMAGE_LINK] = { "image-link-mismatch", W,
		"the image's link should be the channel's link",
		"RSS 2.0.11 §<image> sub-element of <channel> (\"in practice ... the same value\")", NULL },
	[R_PODCAST_GUID] = { "podcast-guid", E, "podcast:guid must be a UUID (version 5)",
		"Podcasting 2.0 §guid (RFC 4122 §4.3)", check_uuid_v5 },
	[R_OBSCURE_ENCODING] = { "obscure-encoding", W,
		"an encoding readers may not decode: use UTF-8",
		"XML 1.0 §4.3.3 (only UTF-8 and UTF-16 must be read); WHATWG Encoding Standard §4; "
		"W3C ObscureEncoding", check_common_encoding },
	[R_CURRENCY] = { "currency", E, "not an ISO 4217 currency code (three capital letters)",
		"ISO 4217; Media RSS §media:price; Google Base attributes (currency)", check_currency },
	[R_MEDIA_GROUP] = { "media-group-alternatives", E,
		"a media:group holds alternative media:content, so at least two",
		"Media RSS 1.5.1 §4 media:group (\"grouping of <media:content> elements that are "
		"effectively the same content, yet different representations\")", NULL },
	[R_EXT_DEPRECATED] = { "extension-deprecated", W, "an extension element its specification deprecates",
		"the extension's specification (Media RSS 1.5.0: media:adult)", NULL },
	[R_WFW_COMMENT_RSS] = { "wfw-comment-rss", W, "the Comment API spells it wfw:commentRss",
		"Well-Formed Web Comment API (wfw:commentRss); W3C CommentRSS", NULL },
	[R_GEO_COORDS] = { "georss-coordinates", E, "not GeoRSS coordinates",
		"GeoRSS Simple (point, line, polygon, box); GeoRSS GML (pos, posList, corners)", NULL },
	[R_GEO_COMMA] = { "georss-comma", W, "coordinates separated by commas, not white space",
		"GeoRSS Simple (\"separated by whitespace\"); W3C CoordComma", NULL },
	[R_MEDIA_NAMESPACE] = { "media-rss-namespace", E,
		"Media RSS's namespace is http://search.yahoo.com/mrss/ (with the final slash)",
		"Media RSS 1.5.1 §3 (namespace); W3C MediaRssNamespace", NULL },
	[R_ATOM_SELF_LINK] = { "missing-self", W,
		"the feed should name its own URL with a link rel=\"self\"",
		"RFC 4287 §4.1.1 (atom:feed ... SHOULD contain one atom:link ... \"self\"); W3C MissingSelf",
		NULL },
	/* W3C warning classes, round E */
	[R_RSS_AVOID_TEXTINPUT] = { "avoid-textinput", W,
		"textInput is ignored by most readers; a link to the form serves them better",
		"RSS 2.0.11 §<textInput> sub-element of <channel> (\"The purpose of the <textInput> "
		"element is something of a mystery ... Most aggregators ignore it.\"); W3C AvoidTextInput",
		NULL },
	[R_ITUNES_KEYWORDS] = { "itunes-keywords", W,
		"itunes:keywords holds words separated by spaces only; separate keywords with commas",
		"Apple iTunes podcast specification (<itunes:keywords>: \"Use commas to separate keywords\"); "
		"W3C InvalidKeywords", NULL },
	[R_ITUNES_OWNER_EMAIL] = { "itunes-owner-email", W,
		"itunes:owner has no itunes:email, the address Apple uses to reach the owner",
		"Apple Podcasts RSS tags (<itunes:owner>: the owner's e-mail address in a nested <itunes:email>); "
		"W3C MissingItunesEmail", NULL },
	[R_ITUNES_IMAGE_FORMAT] = { "itunes-image-format", W,
		"the itunes:image href does not end in .jpg or .png, the formats Apple reads",
		"Apple Podcasts RSS tags (<itunes:image>: JPEG or PNG, \"with appropriate file "
		"extensions (.jpg, .png)\"); W3C ImageUrlFormat", NULL },
	[R_ITUNES_ENCLOSURE_FORMAT] = { "itunes-enclosure-format", W,
		"a podcast episode's enclosure is not a file type Apple Podcasts plays "
		"(.m4a, .mp3, .mov, .mp4, .m4v, .pdf, .epub)",
		"Apple Podcasts RSS tags (<enclosure>: the formats M4A, MP3, MOV, MP4, M4V, PDF and EPUB); "
		"W3C UnsupportedItunesFormat", NULL },
	[R_OPML_TYPE_MISSING] = { "opml-outline-type-missing", W,
		"an outline with an xmlUrl should say type=\"rss\"",
		"OPML 2.0 §Subscription lists (\"Required attributes: type, text, xmlUrl\"); "
		"W3C MissingOutlineType", NULL },
	[R_ITUNES_MISSING_ELEMENT] = { "itunes-missing-element", W,
		"a podcast channel (the iTunes namespace is declared) lacks an element Apple asks for",
		"Apple Podcasts RSS tags (required channel tags: <language>, <itunes:category>, "
		"<itunes:explicit>); W3C MissingItunesElement", NULL },
	[R_RSS_SLASH_DATE] = { "slash-comments-lastbuilddate", W,
		"items count comments with slash:comments, but the channel has no lastBuildDate "
		"saying when they were counted",
		"RSS Best Practices Profile §slash:comments (publishers should include "
		"lastBuildDate); W3C SlashDate", NULL },
	[R_WIKI_NAMESPACE_OBSOLETE] = { "wiki-namespace-obsolete", W,
		"the wiki module's old namespace (purl.org), no longer the module's",
		"RSS 1.0 Wiki Module (meatballwiki.org/wiki/ModWiki §6.1 Namespace); "
		"W3C ObsoleteWikiNamespace", NULL },
	[R_OPML_TYPE_UNKNOWN] = { "opml-outline-type", W,
		"an outline type readers may not know; rss, link and include are the ones they do",
		"OPML 2.0 §Subscription lists (type rss), §Inclusion (link, include); "
		"W3C InvalidOutlineType (\"limit the values of the type attribute to link and rss\")",
		NULL },
	[R_RSS_DUPLICATE_DESCRIPTION] = { "duplicate-description", W,
		"an item's dc:description says what its description says; readers pick one or the other",
		"RSS 2.0.11 §Elements of <item> (description: the item synopsis); W3C "
		"DuplicateDescriptionSemantics (\"Avoid using elements in namespaces when there are "
		"already core elements that do the same thing\")", NULL },
	/* W3C warning classes, round D */
	[R_RESERVED_PREFIX] = { "reserved-prefix", W,
		"a prefix that usually names another namespace (readers that match prefixes misread it)",
		"Namespaces in XML 1.0 §3 (prefixes are only placeholders); W3C ReservedPrefix", NULL },
	[R_AVOID_NS_PREFIX] = { "avoid-namespace-prefix", W,
		"Atom or XHTML elements written with a prefix, which many feed readers do not follow",
		"Namespaces in XML 1.0 §6.2 (default namespace); W3C AvoidNamespacePrefix", NULL },
	[R_ITUNES_NOT_UTF8] = { "itunes-not-utf8", W,
		"iTunes elements in a document not encoded as UTF-8",
		"Apple Podcasts RSS feed requirements (UTF-8 encoding); W3C NotUTF8", NULL },
	[R_RSS_EXTENSION_ATTR] = { "rss-extension-attribute", W,
		"an attribute from another namespace on an RSS 2.0 element",
		"RSS 2.0.11 §Extending RSS (namespaced elements; attributes allowed since 2.0.9); "
		"W3C UseOfExtensionAttr", NULL },
	[R_ATOM_NO_TEXT] = { "missing-textual-content", W,
		"an entry with neither atom:content nor atom:summary has no text to show",
		"RFC 4287 §4.1.1.1 (\"a non-empty atom:summary element when the entry contains no "
		"atom:content element\"); W3C MissingTextualContent", NULL },
	[R_ATOM_ID_CANONICAL] = { "non-canonical-id", W,
		"an atom:id not in normal form, so equal ids may not compare equal",
		"RFC 4287 §4.2.6.1 (normalization strategy); RFC 3986 §6.2.2, §6.2.3; "
		"W3C NonCanonicalURI", NULL },
	[R_SAME_DOCUMENT_REF] = { "same-document-reference", W,
		"a relative link that resolves to the xml:base itself (readers differ on what it names)",
		"RFC 3986 §4.4 (same-document reference), §5.1; XML Base §4; W3C SameDocumentReference",
		NULL },
	[R_RSS_MISPLACED_ITEM] = { "misplaced-item", W,
		"items should come after every other element of the channel",
		"RSS Best Practices Profile §channel (all item elements after the channel's other "
		"elements); W3C MisplacedItem", NULL },
	/* W3C warning classes, round F */
	[R_BAD_CHARACTERS] = { "bad-characters", W,
		"a character XML asks authors to avoid (a C1 control, most often a Windows-1252 "
		"quote or dash read as Latin-1, or a noncharacter)",
		"XML 1.0 §2.2 (\"Document authors are encouraged to avoid 'compatibility "
		"characters' ... [#x7F-#x84], [#x86-#x9F], [#xFDD0-#xFDEF], [#x1FFFE-#x1FFFF] "
		"...\"); W3C BadCharacters", NULL },
	[R_NAME_EMAIL] = { "name-contains-email", W,
		"a person's name holds an e-mail address; put the address in <email>",
		"RFC 4287 §3.2.1 (atom:name: \"a human-readable name for the person\"), §3.2.3 "
		"(atom:email: the person's e-mail address); W3C ContainsEmail", NULL },
	[R_ATTR_BLANK] = { "attribute-blank", W,
		"an optional attribute is present but empty; leave it out or give it a value",
		"RFC 4287 §4.2.7.6 (link title: human-readable information), §4.2.2.3 (category "
		"label: a human-readable label for display); RSS 2.0.11 §<category> (domain: a "
		"string that identifies a categorization taxonomy); W3C AttrNotBlank", NULL },
	[R_CONTENT_NO_TYPE] = { "content-src-no-type", W,
		"atom:content with src should say the media type of what src points to",
		"RFC 4287 §4.1.3.1 (\"If the \"src\" attribute is present, the \"type\" attribute "
		"SHOULD be provided\"); W3C MissingTypeAttr", NULL },
	[R_HTML_FRAGMENT] = { "html-fragment", W,
		"type=\"text/html\" says the content is a whole HTML document, but it has no "
		"DOCTYPE or <html>; a fragment is type=\"html\"",
		"RFC 4287 §4.1.3.1 (a MIME media type; \"html\" for escaped HTML), §4.1.3.3; "
		"HTML Living Standard §13.1 (a document: a DOCTYPE, then the html element); "
		"RFC 2854; W3C HtmlFragment", NULL },
	[R_MEDIA_TYPE_PARAM] = { "media-type-param-undefined", W,
		"a media type parameter its registration does not define",
		"RFC 4287 §7 (application/atom+xml: charset), RFC 5023 §12 (type); RFC 7303 §3.1, "
		"§3.2 (application/xml, text/xml: charset); RFC 2854 (text/html: charset); "
		"W3C UndefinedParam", check_media_type_params },
	[R_MEDIA_ADULT_VALUE] = { "media-adult-value", W,
		"media:adult should be true or false",
		"Media RSS 1.0 to 1.1.2 (<media:adult>: true or false; deprecated in 1.5.0 for "
		"media:rating); W3C InvalidAdultContent", check_true_false },
	/* realpod */
	[R_PODCAST_NOT_FORMALIZED] = { "podcast-not-formalized", W,
		"a podcast: tag or attribute the namespace has not formalized (a proposal, or a typo)",
		"Podcasting 2.0 README §Phases (\"Formalized - This tag is frozen and listed in the "
		"XMLNS document\"; proposals are discussed before they are); docs/1.0.md", NULL },
};

#undef W
#undef E

static bool same_tag(xmlNodePtr a, xmlNodePtr b)
{
	const xmlChar *pa = a->ns ? a->ns->prefix : NULL, *pb = b->ns ? b->ns->prefix : NULL;
	return xmlStrEqual(a->name, b->name) && xmlStrEqual(pa, pb);
}

/* How many elements before node in root's tree (document order) have its
 * tag, as written, on its line: on a line of many entries, its tag is the
 * one that many tags after the entry's start. Bounded, as reports are. */
static size_t same_tags_before(xmlNodePtr root, xmlNodePtr node, long line)
{
	size_t k = 0, steps = 0;
	for (xmlNodePtr n = root; n && n != node && steps++ < 10000;) {
		if (n->type == XML_ELEMENT_NODE && xmlGetLineNo(n) == line && same_tag(n, node))
			k++;
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n && n != root && !n->next)
			n = n->parent;
		n = n && n != root ? n->next : NULL;
	}
	return k;
}

unsigned long node_column(struct vctx *c, xmlNodePtr node)
{
	if (!node || node->type != XML_ELEMENT_NODE)
		return 0;
	unsigned long col;
	if (c->cols && colmap_get(c->cols, node, &col))
		return col;
	long line = xmlGetLineNo(node);
	if (!c->win || line <= 0)
		return 0;
	const char *prefix = node->ns && node->ns->prefix ? (const char *)node->ns->prefix : NULL;
	xmlNodePtr root = node->doc ? xmlDocGetRootElement(node->doc) : NULL;
	return rawwin_column_in(c->win, root, same_tags_before(root, node, line), (unsigned long)line,
				prefix, (const char *)node->name);
}

/* ---- ids seen ---- */

/* FNV-1a over kind, a NUL and value; never 0, which marks an empty slot. */
static uint64_t id_hash(const char *kind, const char *value)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (const char *s = kind; ; s++) {
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
		if (!*s)
			break;
	}
	for (const char *s = value; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h ? h : 1;
}

/* The slot holding h, or the empty slot where it would go. cap is a power of
 * two and at least twice the number of hashes, so an empty slot is always
 * found. */
static size_t idset_slot(const uint64_t *v, size_t cap, uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);
	while (v[i] && v[i] != h)
		i = (i + 1) & (cap - 1);
	return i;
}

static void idset_grow(struct idset *s)
{
	size_t cap = s->cap ? s->cap * 2 : 1024;
	uint64_t *v = xcalloc(cap, sizeof *v);
	for (size_t i = 0; i < s->cap; i++)
		if (s->v[i])
			v[idset_slot(v, cap, s->v[i])] = s->v[i];
	free(s->v);
	s->v = v;
	s->cap = cap;
}

bool seen_before(struct vctx *c, const char *kind, const char *value)
{
	struct idset *s = &c->ids;
	if (!*value)
		return false;
	if (s->n < IDSET_MAX && 2 * (s->n + 1) > s->cap)
		idset_grow(s);
	uint64_t h = id_hash(kind, value);
	size_t i = idset_slot(s->v, s->cap, h);
	if (s->v[i] == h)
		return true;
	/* Full: earlier ids are still found, new ones are not recorded. */
	if (s->n < IDSET_MAX) {
		s->v[i] = h;
		s->n++;
	}
	return false;
}

void vctx_free(struct vctx *c)
{
	free(c->ids.v);
	c->ids = (struct idset){ 0 };
	if (c->atom)
		xmlFree(c->atom->first_id);
	free(c->atom);
	c->atom = NULL;
}

static void report_va(struct vctx *c, unsigned long line, unsigned long col, enum rule_id id,
		      const char *fmt, va_list ap)
{
	const struct rule *r = &rule_table[id];
	struct buf b;
	buf_init(&b);
	buf_adds(&b, r->message);
	if (fmt && *fmt) {
		char detail[1024];
		vsnprintf(detail, sizeof detail, fmt, ap);
		buf_adds(&b, ": ");
		buf_adds(&b, detail);
	}
	vreport_add(c->rep, r->sev, line, col, r->id, r->spec, b.data);
	buf_free(&b);
}

void rule_report(struct vctx *c, xmlNodePtr node, enum rule_id id, const char *fmt, ...)
{
	unsigned long line = node ? (unsigned long)xmlGetLineNo(node) : 0;
	if (line == (unsigned long)-1)
		line = 0;
	va_list ap;
	va_start(ap, fmt);
	report_va(c, line, node_column(c, node), id, fmt, ap);
	va_end(ap);
}

/* The line of node's end tag and its column, from the raw window: searched
 * from the line of its last descendant (the deepest last child), after which
 * the first end tag of its name is its own. */
/* Is there an element of node's tag inside it? (A walk, not recursion:
 * hostile documents nest deep.) */
static bool has_same_tag_inside(xmlNodePtr node)
{
	for (xmlNodePtr n = node->children; n && n != node;) {
		if (n->type == XML_ELEMENT_NODE && same_tag(n, node))
			return true;
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n != node && !n->next)
			n = n->parent;
		if (n != node)
			n = n->next;
	}
	return false;
}

static bool node_end(struct vctx *c, xmlNodePtr node, unsigned long *line, unsigned long *col)
{
	if (!c->win || !node || node->type != XML_ELEMENT_NODE)
		return false;
	long start = xmlGetLineNo(node), from = start;
	for (xmlNodePtr n = node->last; n; n = n->last) {
		long l = xmlGetLineNo(n);
		if (l > from)
			from = l;
		if (n->type != XML_ELEMENT_NODE)
			break;
	}
	if (from <= 0)
		return false;
	/* On a line of many entries, the end tag after this one's start tag
	 * (unless an element of its own tag inside may end first) */
	unsigned long from_col = from == start && !has_same_tag_inside(node)
					 ? node_column(c, node) : 0;
	const char *prefix = node->ns && node->ns->prefix ? (const char *)node->ns->prefix : NULL;
	return rawwin_end_tag(c->win, (unsigned long)from, from_col, prefix,
			      (const char *)node->name, line, col);
}

void node_note_end(struct vctx *c, xmlNodePtr orig, xmlNodePtr copy)
{
	unsigned long line, col;
	bool container = false;
	for (xmlNodePtr ch = orig ? orig->children : NULL; ch && !container; ch = ch->next)
		container = ch->type == XML_ELEMENT_NODE;
	if (c->cols && container && copy && node_end(c, orig, &line, &col))
		colmap_put_end(c->cols, copy, line, col);
}

void rule_report_end(struct vctx *c, xmlNodePtr node, enum rule_id id, const char *fmt, ...)
{
	unsigned long line, col;
	va_list ap;
	va_start(ap, fmt);
	if ((c->cols && colmap_get_end(c->cols, node, &line, &col)) || node_end(c, node, &line, &col)) {
		report_va(c, line, col, id, fmt, ap);
	} else {
		long l = node ? xmlGetLineNo(node) : 0;
		report_va(c, l > 0 ? (unsigned long)l : 0, node_column(c, node), id, fmt, ap);
	}
	va_end(ap);
}

void check_declared_encoding(struct vctx *c, const char *encoding)
{
	if (encoding && !check_common_encoding(encoding))
		rule_report_at(c, 1, 1, R_OBSCURE_ENCODING, "encoding=\"%.60s\"", encoding);
}

void rule_report_at(struct vctx *c, unsigned long line, unsigned long col, enum rule_id id,
		    const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report_va(c, line, col, id, fmt, ap);
	va_end(ap);
}

bool rule_check_value(struct vctx *c, xmlNodePtr node, enum rule_id id, const char *what,
		      const char *s)
{
	value_check_fn *check = rule_table[id].check;
	if (!check || check(s))
		return true;
	rule_report(c, node, id, "%s \"%.200s\"", what, s);
	return false;
}

/* ---- node helpers ---- */

const char *node_ns(xmlNodePtr n)
{
	return n->ns && n->ns->href ? (const char *)n->ns->href : NULL;
}

bool node_is(xmlNodePtr n, const char *ns, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name) != 0)
		return false;
	const char *have = node_ns(n);
	if (!ns || !have)
		return ns == have;
	return strcmp(ns, have) == 0;
}

static bool is_space(xmlChar ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* The text of n's subtree, with internal entities' replacement text taken
 * once, unexpanded, and the whole capped: a document's entities cannot make
 * the validator build a string larger than TEXT_CAP. */
#define TEXT_CAP ((size_t)4 << 20)

static void gather_text(xmlNodePtr n, struct buf *b)
{
	for (xmlNodePtr ch = n->children; ch && b->len < TEXT_CAP; ch = ch->next) {
		const xmlChar *t = NULL;
		if (ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE)
			t = ch->content;
		else if (ch->type == XML_ENTITY_REF_NODE && ch->children &&
			 ch->children->type == XML_ENTITY_DECL)
			t = ((xmlEntityPtr)ch->children)->content;
		else if (ch->type == XML_ELEMENT_NODE)
			gather_text(ch, b);
		if (t) {
			size_t len = strlen((const char *)t);
			buf_add(b, t, len < TEXT_CAP - b->len ? len : TEXT_CAP - b->len);
		}
	}
}

xmlChar *node_text(xmlNodePtr n)
{
	struct buf b;
	buf_init(&b);
	gather_text(n, &b);
	size_t len = b.len, a = 0;
	const char *d = b.data ? b.data : "";
	while (a < len && is_space((xmlChar)d[a]))
		a++;
	while (len > a && is_space((xmlChar)d[len - 1]))
		len--;
	xmlChar *t = xmlStrndup((const xmlChar *)d + a, (int)(len - a));
	buf_free(&b);
	return t ? t : xmlStrdup((const xmlChar *)"");
}

xmlChar *attr_get(xmlNodePtr n, const char *name)
{
	return xmlGetNoNsProp(n, (const xmlChar *)name);
}

size_t count_children(xmlNodePtr n, const char *ns, const char *name)
{
	size_t k = 0;
	for (xmlNodePtr ch = n->children; ch; ch = ch->next)
		if (node_is(ch, ns, name))
			k++;
	return k;
}

xmlNodePtr first_child(xmlNodePtr n, const char *ns, const char *name)
{
	for (xmlNodePtr ch = n->children; ch; ch = ch->next)
		if (node_is(ch, ns, name))
			return ch;
	return NULL;
}

bool has_child(xmlNodePtr n, const char *ns, const char *name)
{
	return first_child(n, ns, name) != NULL;
}

/* ---- the walk ---- */

static bool same_ns(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static const struct elem_def *find_def(const struct elem_def *table, xmlNodePtr n)
{
	for (const struct elem_def *d = table; d && d->name; d++)
		if (node_is(n, d->ns, d->name))
			return d;
	return NULL;
}

static bool attr_allowed(const struct elem_def *def, const char *name)
{
	for (const char *const *a = def->attrs; a && *a; a++)
		if (strcmp(*a, name) == 0)
			return true;
	return false;
}

static void check_attributes(struct vctx *c, xmlNodePtr node, const struct elem_def *def)
{
	for (xmlAttrPtr a = node->properties; a; a = a->next) {
		if (a->ns)
			continue;
		if (!attr_allowed(def, (const char *)a->name))
			rule_report(c, node, def->flags & E_PROPOSALS ? R_PODCAST_NOT_FORMALIZED :
				    R_UNEXPECTED_ATTRIBUTE, "%s on <%s>", a->name, node->name);
	}
}

/* The context an extension element is in, by its parent's name: channel and
 * item in RSS (0.9x, 1.0 and 2.0 alike), feed and entry in Atom. */
static enum ext_context ext_context_of(const struct elem_def *def, const char *own_ns)
{
	(void)own_ns;
	return strcmp(def->name, "channel") == 0 ? EXT_CHANNEL :
	       strcmp(def->name, "item") == 0 ? EXT_ITEM :
	       strcmp(def->name, "feed") == 0 ? EXT_FEED :
	       strcmp(def->name, "entry") == 0 ? EXT_ENTRY : EXT_ANY_CTX;
}

static void check_foreign_child(struct vctx *c, xmlNodePtr parent, xmlNodePtr ch,
				const struct elem_def *def, const char *own_ns)
{
	bool closed = false;
	(void)closed;
	(void)parent;
	ext_check(c, ch, ext_context_of(def, own_ns));
}

/* Counts of each table row, to find duplicates and missing elements. */
#define MAX_ROWS 64

static void walk_children(struct vctx *c, xmlNodePtr node, const struct elem_def *def,
			  const char *own_ns)
{
	unsigned counts[MAX_ROWS] = { 0 };
	for (xmlNodePtr ch = node->children; ch; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE) {
			if (!xmlIsBlankNode(ch))
				rule_report(c, node, R_UNEXPECTED_TEXT, "in <%s>", node->name);
			continue;
		}
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		const struct elem_def *cd = find_def(def->children, ch);
		if (cd) {
			size_t row = (size_t)(cd - def->children);
			if (row < MAX_ROWS && ++counts[row] == 2 && (cd->flags & E_UNIQUE))
				rule_report(c, ch, R_DUPLICATE_ELEMENT, "<%s> in <%s>", ch->name,
					    node->name);
			if (!(cd->flags & E_FRAGMENT))
				elem_walk(c, ch, cd, own_ns);
		} else if (same_ns(node_ns(ch), own_ns)) {
			rule_report(c, ch, R_UNKNOWN_ELEMENT, "<%s> in <%s>", ch->name, node->name);
		} else {
			check_foreign_child(c, node, ch, def, own_ns);
		}
	}
	for (const struct elem_def *d = def->children; d && d->name; d++)
		if ((d->flags & E_REQUIRED) && (size_t)(d - def->children) < MAX_ROWS &&
		    counts[d - def->children] == 0)
			rule_report_end(c, node, R_MISSING_ELEMENT, "<%s> needs <%s>", node->name,
					d->name);
}

void check_no_surrounding_space(struct vctx *c, xmlNodePtr node)
{
	struct buf b;
	buf_init(&b);
	gather_text(node, &b);
	if (b.len > 0 && (is_space((xmlChar)b.data[0]) || is_space((xmlChar)b.data[b.len - 1])))
		rule_report(c, node, R_UNEXPECTED_WHITESPACE, "<%s>", node->name);
	buf_free(&b);
}

static void check_leaf(struct vctx *c, xmlNodePtr node, const struct elem_def *def,
		       const char *own_ns)
{
	for (xmlNodePtr ch = node->children; ch; ch = ch->next)
		if (ch->type == XML_ELEMENT_NODE && same_ns(node_ns(ch), own_ns))
			rule_report(c, ch, R_UNKNOWN_ELEMENT, "<%s> in <%s>", ch->name, node->name);
	xmlChar *t = node_text(node);
	if (*t == '\0' && (def->flags & E_NONBLANK))
		rule_report(c, node, R_BLANK, "<%s>", node->name);
	if (def->value != R_NONE && own_ns && strcmp(own_ns, NS_ATOM) == 0)
		check_no_surrounding_space(c, node);
	if (def->value != R_NONE)
		rule_check_value(c, node, def->value, (const char *)node->name, (const char *)t);
	xmlFree(t);
}

void elem_walk(struct vctx *c, xmlNodePtr node, const struct elem_def *def, const char *own_ns)
{
	if (!(def->flags & E_ANY)) {
		check_attributes(c, node, def);
		if (def->flags & E_CONTAINER)
			walk_children(c, node, def, own_ns);
		else
			check_leaf(c, node, def, own_ns);
	}
	if (def->check)
		def->check(c, node);
}
