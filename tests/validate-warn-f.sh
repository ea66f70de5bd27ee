#!/bin/sh
# validate-warn-f.sh: W3C Feed Validation Service warning classes of round F
# (issue 14): BadCharacters, ContainsEmail, AttrNotBlank, MissingTypeAttr,
# HtmlFragment, UndefinedParam, InvalidAdultContent — each with a document
# that breaks it (a warning at its line, the document still valid) and one
# that keeps it (valid, no warning), printed as TAP. The documents are the
# fixtures in tests/validate/ edited with sed.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/validate-lib.sh"

# ---- BadCharacters: XML 1.0 §2.2, "Document authors are encouraged to avoid
# ... [#x7F-#x84], [#x86-#x9F], [#xFDD0-#xFDEF] ..." ----
expect_warning_at atom-ok.xml bad-characters 10 "U+0092 (Windows-1252's quote read as Latin-1) in an entry title" \
	's|First &lt;em&gt;|It\&#x92;s \&lt;em\&gt;|'
expect_warning_at rss-ok.xml bad-characters 13 "U+0096 written as UTF-8 bytes in an item title" \
	"s|<title>First post|<title>First $(printf '\302\226') post|"
expect_warning_at atom-ok.xml bad-characters 11 "U+0080 in an attribute value (atom:link title)" \
	's|first.html"/>|first.html" title="\&#x80;First"/>|'
expect_warning_at atom-ok.xml bad-characters 14 "a noncharacter U+FDD0 in XHTML content" \
	's|<p>Hello</p>|<p>Hello\&#xFDD0;</p>|'
expect_clean atom-ok.xml "U+0085 (NEL), U+00A0 and U+2019 are not discouraged" \
	's|First &lt;em&gt;|It\&#x2019;s\&#xA0;\&#x85; \&lt;em\&gt;|'
# once an element: two in one title, one warning
expect_warning_at rss-ok.xml bad-characters 13 "two C1 characters in one title, one warning" \
	's|<title>First post|<title>\&#x93;First\&#x94; post|'

# ---- ContainsEmail: RFC 4287 §3.2.1 atom:name, §3.2.3 atom:email ----
expect_warning_at atom-ok.xml name-contains-email 7 "an address in angle brackets in atom:name" \
	's|<name>Someone</name>|<name>Someone \&lt;someone@example.org\&gt;</name>|'
expect_warning_at atom-ok.xml name-contains-email 7 "atom:name that is only an address" \
	's|<name>Someone</name>|<name>someone@example.org</name>|'
expect_warning_at atom-ok.xml name-contains-email 11 "an address in a contributor's name, with mailto:" \
	's|<link href="https://example.org/2024/05/01/first.html"/>|<link href="https://example.org/2024/05/01/first.html"/><contributor><name>Jo (mailto:jo@example.org)</name></contributor>|'
expect_clean atom-ok.xml "a name with a social handle, not an address" \
	's|<name>Someone</name>|<name>Someone (@someone)</name>|'
expect_clean atom-ok.xml "a name with an at sign and no domain" \
	's|<name>Someone</name>|<name>Someone@home</name>|'

# ---- AttrNotBlank: optional labels present but empty ----
expect_warning_at atom-ok.xml attribute-blank 11 "atom:link title=\"\"" \
	's|first.html"/>|first.html" title=""/>|'
expect_warning_at atom-ok.xml attribute-blank 8 "atom:category label=\" \"" \
	's|<id>tag:example.org,2024:feed</id>|<id>tag:example.org,2024:feed</id><category term="x" label=" "/>|'
expect_warning_at rss-ok.xml attribute-blank 13 "RSS category domain=\"\"" \
	's|<title>First post</title>|<title>First post</title><category domain="">Books</category>|'
expect_clean atom-ok.xml "atom:link title and atom:category label with values" \
	's|first.html"/>|first.html" title="First"/><category term="x" label="X"/>|'
expect_clean rss-ok.xml "RSS category without domain" \
	's|<title>First post</title>|<title>First post</title><category>Books</category>|'

# ---- MissingTypeAttr: RFC 4287 §4.1.3.1, "If the src attribute is present,
# the type attribute SHOULD be provided" ----
OUTOFLINE='<summary>A summary</summary><content src="https://example.org/a.html"'
expect_warning_at atom-ok.xml content-src-no-type 14 "atom:content with src and no type" \
	"s|<content type=\"xhtml\">.*</content>|$OUTOFLINE/>|"
expect_clean atom-ok.xml "atom:content with src and type" \
	"s|<content type=\"xhtml\">.*</content>|$OUTOFLINE type=\"text/html\"/>|"

# ---- HtmlFragment: type="text/html" is a whole document (RFC 2854, HTML §13.1) ----
expect_warning_at atom-ok.xml html-fragment 14 "atom:content type=\"text/html\" holding a fragment" \
	's|<content type="xhtml">.*</content>|<content type="text/html">\&lt;p\&gt;Hello\&lt;/p\&gt;</content>|'
expect_clean atom-ok.xml "atom:content type=\"text/html\" holding a document with a DOCTYPE" \
	's|<content type="xhtml">.*</content>|<content type="text/html"><![CDATA[<!-- a page --> <!DOCTYPE html><title>Hi</title><p>Hello]]></content>|'
expect_clean atom-ok.xml "atom:content type=\"text/html; charset=utf-8\" starting at <html>" \
	's|<content type="xhtml">.*</content>|<content type="text/html; charset=utf-8">\&lt;html lang="en"\&gt;\&lt;p\&gt;Hello\&lt;/html\&gt;</content>|'
expect_clean atom-ok.xml "atom:content type=\"html\" holding a fragment" \
	's|<content type="xhtml">.*</content>|<content type="html">\&lt;p\&gt;Hello\&lt;/p\&gt;</content>|'

# ---- UndefinedParam: RFC 4287 §7 (charset), RFC 5023 §12 (type) ----
expect_warning_at atom-ok.xml media-type-param-undefined 5 "application/atom+xml;version=1.0 on the self link" \
	's|type="application/atom+xml"|type="application/atom+xml; version=1.0"|'
expect_warning_at rss-ok.xml media-type-param-undefined 8 "text/xml with a level parameter on an RSS atom:link" \
	's|type="application/rss+xml"|type="text/xml;level=2"|'
expect_clean atom-ok.xml "application/atom+xml with charset and type=feed" \
	's|type="application/atom+xml"|type="application/atom+xml;type=feed; charset=\&quot;utf-8\&quot;"|'
expect_clean rss-ok.xml "a parameter on a type with no registration listed (application/rss+xml)" \
	's|type="application/rss+xml"|type="application/rss+xml; version=2.0"|'

# ---- InvalidAdultContent: media:adult is true or false ----
ADULT='s|<media:rating scheme="urn:simple">nonadult</media:rating>|<media:adult>yes</media:adult>|'
expect_warning_at ext-media-ok.xml media-adult-value 8 "media:adult \"yes\" (a warning, not an error)" "$ADULT"
expect_clean ext-media-ok.xml "media:rating in place of media:adult" ""

# ---- a feed of each kind with none of the triggers ----
expect_clean atom-ok.xml "an Atom feed with none of round F's triggers" ""
expect_clean rss-ok.xml "an RSS feed with none of round F's triggers" ""

done_testing
