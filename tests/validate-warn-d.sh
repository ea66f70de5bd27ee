#!/bin/sh
# validate-warn-d.sh: W3C Feed Validation Service warning classes on
# namespaces, Atom text and ids, and links (issue 14, round D):
# ReservedPrefix, AvoidNamespacePrefix, NotUTF8, UseOfExtensionAttr,
# MissingTextualContent, NonCanonicalURI, SameDocumentReference. Each rule has
# a document that breaks it (its warning, at the line W3C names, and the feed
# still valid) and one that keeps it (valid, no warning), printed as TAP. The
# documents are tests/validate/atom-ok.xml and rss-ok.xml edited with sed.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/validate-lib.sh"

# ---- ReservedPrefix: Namespaces in XML allow any prefix; readers that match
# prefixes take a well-known one for its usual namespace ----
expect_warning_at rss-ok.xml reserved-prefix 2 "dc: bound to DCMI terms" \
	's|xmlns:dc="http://purl.org/dc/elements/1.1/"|xmlns:dc="http://purl.org/dc/terms/"|'
# A near miss is feedgen's namespace-near-miss too, at the first element in it.
run rss-ok.xml 's|xmlns:dc="http://purl.org/dc/elements/1.1/"|xmlns:dc="http://purl.org/dc/elements/1.1"|'
[ $rc -eq 0 ] && grep -q ':2:[0-9]*: warning: .*\[reserved-prefix\]$' "$tmp/out" &&
	grep -q ', valid: 0 errors, 2 warnings$' "$tmp/out"
st=$?
ok $st "dc: without its final slash [reserved-prefix] (a warning, line 2)"
show $st
expect_clean rss-ok.xml "thr: bound to RSS 1.0's mod_threading (two namespaces use it)" \
	's|xmlns:dc=|xmlns:thr="http://purl.org/rss/1.0/modules/threading/" xmlns:dc=|'
expect_warning_at atom-ok.xml reserved-prefix 14 "xhtml: declared on the div for another namespace" \
	's|<div xmlns="http://www.w3.org/1999/xhtml">|<div xmlns="http://www.w3.org/1999/xhtml" xmlns:xhtml="http://example.org/x">|'
expect_clean rss-ok.xml "dc: and atom: bound to their own namespaces, another prefix to DCMI terms" \
	's|xmlns:dc=|xmlns:terms="http://purl.org/dc/terms/" xmlns:dc=|'

# ---- AvoidNamespacePrefix: Atom and XHTML elements with a prefix in Atom ----
expect_warning_at atom-ok.xml avoid-namespace-prefix 14 "an xhtml:div in Atom content" \
	's|<div xmlns="http://www.w3.org/1999/xhtml"><p>Hello</p></div>|<h:div xmlns:h="http://www.w3.org/1999/xhtml"><h:p>Hello</h:p></h:div>|'
expect_warning_at atom-ok.xml avoid-namespace-prefix 2 "atom:feed written with a prefix" \
	's|<feed xmlns="http://www.w3.org/2005/Atom"|<a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns="http://www.w3.org/2005/Atom"|; s|</feed>|</a:feed>|'
expect_clean rss-ok.xml "atom:link with its prefix in RSS" ''
expect_clean atom-ok.xml "Atom and XHTML as default namespaces" ''

# ---- NotUTF8: Apple reads podcast feeds in UTF-8 ----
ITUNES='s|xmlns:dc=|xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:dc=|; s|<ttl>|<itunes:author>Someone</itunes:author><itunes:category text="News"/><itunes:explicit>false</itunes:explicit><ttl>|'
expect_warning_at rss-ok.xml itunes-not-utf8 10 "itunes:author in an ISO-8859-1 document" \
	"$ITUNES; s|encoding=\"utf-8\"|encoding=\"ISO-8859-1\"|"
expect_clean rss-ok.xml "itunes:author in a UTF-8 document" "$ITUNES"
expect_clean rss-ok.xml "an ISO-8859-1 document without iTunes elements" \
	's|encoding="utf-8"|encoding="ISO-8859-1"|'

# ---- UseOfExtensionAttr: a namespaced attribute on an RSS 2.0 element ----
expect_warning_at rss-ok.xml rss-extension-attribute 17 "dc:format on <enclosure>" \
	's|<enclosure url=|<enclosure dc:format="audio" url=|'
expect_clean rss-ok.xml "dc:format on <enclosure>, <docs> naming the RSS Advisory Board's spec" \
	's|<ttl>|<docs>https://www.rssboard.org/rss-specification</docs><ttl>|; s|<enclosure url=|<enclosure dc:format="audio" url=|'
expect_warning_at rss-ok.xml rss-extension-attribute 17 "dc:format on <enclosure>, <docs> naming Harvard's copy" \
	's|<ttl>|<docs>https://cyber.harvard.edu/rss/rss.html</docs><ttl>|; s|<enclosure url=|<enclosure dc:format="audio" url=|'
expect_clean rss-ok.xml "xml:lang on <description> (XML's own)" \
	's|<description>Only|<description xml:lang="en">Only|'

# ---- MissingTextualContent: RFC 4287 §4.1.1.1, a summary when no content ----
expect_warning_at atom-ok.xml missing-textual-content 15 "an entry with neither content nor summary" \
	's|<content type="xhtml">.*</content>||'
expect_clean atom-ok.xml "an entry with a summary and no content" \
	's|<content type="xhtml">.*</content>|<summary>Hello</summary>|'

# ---- NonCanonicalURI: RFC 4287 §4.2.6.1, ids in normal form ----
expect_warning_at atom-ok.xml non-canonical-id 12 "an id with an upper-case scheme and host" \
	's|<id>tag:example.org,2024:first</id>|<id>HTTP://Example.ORG/first</id>|'
expect_warning_at atom-ok.xml non-canonical-id 8 "an http id with the default port and an empty path" \
	's|<id>tag:example.org,2024:feed</id>|<id>http://example.org:80</id>|'
expect_warning_at atom-ok.xml non-canonical-id 12 "an id with dot-segments and %7e" \
	's|<id>tag:example.org,2024:first</id>|<id>https://example.org/a/./b/../%7euser</id>|'
expect_clean atom-ok.xml "ids in normal form (http, tag, urn, %2F kept)" \
	's|<id>tag:example.org,2024:feed</id>|<id>http://example.org/</id>|
	 s|<id>tag:example.org,2024:first</id>|<id>https://example.org/a%2Fb?q=%C3%A9#top</id>|'
run atom-ok.xml 's|<id>tag:example.org,2024:first</id>|<id>HTTP://Example.ORG/first</id>|'
grep -q 'normal form "http://example.org/first"' "$tmp/out"
st=$?
ok $st "the message names the id's normal form"
show $st

# ---- SameDocumentReference: RFC 3986 §4.4 under an xml:base ----
expect_warning_at atom-ok.xml same-document-reference 4 "href=\".\" under xml:base ending in /" \
	's|<link href="https://example.org/"/>|<link href="." xml:base="https://example.org/blog/"/>|'
expect_warning_at atom-ok.xml same-document-reference 4 "an empty href under xml:base on the feed" \
	's|<feed xmlns="http://www.w3.org/2005/Atom"|& xml:base="https://example.org/"|; s|<link href="https://example.org/"/>|<link href=""/>|'
expect_clean atom-ok.xml "href=\".\" under an xml:base naming the feed document" \
	's|<link href="https://example.org/"/>|<link href="." xml:base="https://example.org/blog/feed.atom"/>|'
expect_clean atom-ok.xml "a relative href to another page under xml:base" \
	's|<link href="https://example.org/"/>|<link href="blog/" xml:base="https://example.org/"/>|'

done_testing
