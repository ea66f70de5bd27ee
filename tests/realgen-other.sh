#!/bin/sh
# realgen-other.sh: feeds as the software that writes RSS 1.0 (RDF), RSS
# 0.91/0.92, old-style Atom, OPML and JSON Feed writes them (issue 14: the
# real feeds we are measured on). Each document in tests/realgen/ follows one
# tool's template or serialiser (tests/realgen/README-other says which), with
# our own data; each line below names the exact set of diagnostics
# (severity:rule-id) feedgen validate gives it, empty when it is valid and
# clean. Why each one is right, by the specification, is said next to it.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/validate-lib.sh"
dir=${top_srcdir:-.}/tests/realgen

# expect FILE EXIT "severity:rule ..." — one TAP test.
expect() {
	expect_rules "$dir/$1" "$2" "$3" "$1"
}

# ---- RSS 1.0 (RDF Site Summary, web.resource.org/rss/1.0/spec) ----
expect old_mt_index.rdf.xml 0 ""
expect old_b2evo_rdf.xml 0 ""
expect old_dokuwiki_rss10.xml 0 ""
expect old_plone_rss10.xml 0 ""
expect old_slash_xmlrss.xml 0 ""
expect old_wordpress_rdf.xml 0 ""
# The wiki: prefix bound to purl.org/rss/1.0/modules/wiki/, the namespace
# ModWiki left (ModWiki §6.1; W3C ObsoleteWikiNamespace).
expect old_moinmoin_rss10.xml 0 "warning:wiki-namespace-obsolete"
expect old_foswiki_webrss.xml 0 "warning:wiki-namespace-obsolete"
# Serendipity's "RSS 1.0" is in RSS 0.90's namespace (my.netscape.com/rdf/
# simple/0.9/), whose channel has no items or image, whose image has no
# width or height and whose item has no description (Netscape, RSS 0.90).
expect old_s9y_rss10.xml 1 "error:unknown-element"

# ---- RSS 0.91 / 0.92 ----
expect old_s9y_rss091.xml 0 ""
expect old_b2evo_rss092.xml 0 ""
expect old_wordpress_rss092.xml 0 ""
# FeedCreator's 0.91: generator in the channel and author in an item are
# RSS 2.0's, not 0.91's (UserLand RSS 0.91: item is title, link,
# description); no language, which 0.91 requires.
expect old_dokuwiki_rss091.xml 1 "error:rss091-language error:unknown-element"

# ---- RSS 2.0: LiveJournal's lj:, Textpattern's tag: guids, Dotclear's urn:md5: ----
expect old_livejournal_rss20.xml 0 ""
expect old_textpattern_rss20.xml 0 ""
expect old_dotclear_rss20.xml 0 ""

# FeedCreator's 2.0 (the 0.91 writer with another version): no atom:link
# rel="self", no guid, an author that is an address alone (RSS Best Practices
# Profile; W3C MissingAtomSelfLink, MissingGuid, MissingRealName).
expect old_dokuwiki_rss20.xml 0 "warning:missing-atom-self-link warning:missing-guid warning:missing-real-name"

# ---- Atom ----
# Atom 0.3 (purl.org/atom/ns#) is obsolete (W3C ObsoleteNamespace).
expect old_dokuwiki_atom03.xml 1 "error:atom03-obsolete"
# An empty summary, which says nothing (W3C NotBlank; RFC 4287 allows it).
expect old_mt_atom.xml 0 "warning:blank"
# FeedCreator's Atom 1.0: escaped HTML in a summary of type text, which
# readers show as tags (RFC 4287 §3.1.1.1: type text "MUST NOT contain child
# elements"; its markup, escaped, is shown as text).
expect old_dokuwiki_atom10.xml 0 "warning:contains-html"
expect old_textpattern_atom.xml 0 ""
# dc:subject and wfw: in Atom entries, urn:md5: ids, rel="enclosure"
expect old_dotclear_atom.xml 0 ""

# ---- OPML ----
expect opml_thunderbird.opml 0 ""
# OPML 2.0 §Subscription lists: a feed's outline says type="rss" (W3C
# MissingOutlineType); "UTC" is no RFC 822 zone (RFC 822 §5.1: UT, GMT, ...).
expect opml_miniflux.opml 1 "error:date-rfc822 warning:opml-outline-type-missing"
# htmlUrl="" for a feed without a home page: no http address.
expect opml_netnewswire.opml 1 "error:uri-absolute"
# Outlines without text (OPML 1.0 common attributes), feed outlines without
# title (OPML 2.0 §Subscription lists: "should not be omitted").
expect opml_newsboat.opml 0 "warning:opml-text"
expect opml_ttrss.opml 0 "warning:opml-text warning:opml-title"
# type="folder", type="HTML+XPath", type="url": W3C InvalidOutlineType.
expect opml_liferea.opml 0 "warning:opml-outline-type"
expect opml_freshrss.opml 0 "warning:opml-outline-type warning:opml-title"
# dateModified in ISO 8601 where OPML's dates are RFC 822.
expect opml_s9y.opml 1 "error:date-rfc822 warning:opml-outline-type"

# An OPML 2.0 outline with every head element and outline attribute of
# opml.org/spec2 (link, include, isComment, category, created).
expect opml_spec2_outline.opml 0 ""

# ---- JSON Feed ----
expect json_jpmonette_feed.json 0 ""
expect json_jsonfeed_wp11.json 0 ""
expect json_microblog.json 0 ""
# Hugo's jsonify (\u003c, \u0026) and an author whose name is empty
expect json_hugo_template.json 0 ""
# JSON Feed 1.1 §Top-level: author is deprecated, authors replaces it.
expect json_eleventy.json 0 "warning:json-author-deprecated"
# An item whose empty content the plugin filtered out: JSON Feed 1.0
# §Items, content_html and content_text: "one or both must be present".
expect json_jsonfeed_wp.json 1 "error:json-content"
# null where JSON Feed says string (author url, avatar; summary).
expect json_jekyll_template.json 1 "error:json-type"

# ---- Rules these documents showed missing, each broken once and kept once ----
# expect_sed FILE EXIT "severity:rule ..." DESCRIPTION SED-SCRIPT: the document
# edited, then as expect.
expect_sed() {
	sed -e "$5" "$dir/$1" > "$TMP/case.${1##*.}"
	expect_rules "$TMP/case.${1##*.}" "$2" "$3" "$4"
}

# OPML 2.0 §<outline> created: "the date-time that the outline node was
# created", an RFC 822 date-time (Notes); RFC 2822 §3.3: the day of the week,
# when given, "MUST be the day implied by the date" (27 Feb 2026 is a Friday),
# as in the head's dateCreated.
expect_sed opml_spec2_outline.opml 1 "error:date-day-of-week" \
	"outline created on the wrong day of the week" 's/created="Fri, 27 Feb/created="Mon, 27 Feb/'
expect_sed opml_spec2_outline.opml 0 "" \
	"outline created without a day of the week" 's/created="Fri, 27 Feb/created="27 Feb/'

done_testing
