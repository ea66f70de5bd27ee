#!/bin/sh
# validate-warn-e.sh: W3C Feed Validation Service warning classes of round E
# (issue 14): AvoidTextInput, DuplicateDescriptionSemantics,
# MissingItunesElement, InvalidKeywords, MissingItunesEmail, ImageUrlFormat,
# UnsupportedItunesFormat, SlashDate, ObsoleteWikiNamespace,
# MissingOutlineType, InvalidOutlineType — each with a document that breaks
# it (a warning at its line, the document still valid) and one that keeps it
# (valid, no warning), printed as TAP. The documents are the fixtures in
# tests/validate/ edited with sed.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/validate-lib.sh"

# ---- AvoidTextInput: RSS 2.0.11 §<textInput>, "Most aggregators ignore it" ----
ITEM2='<description>Only a description</description>'
TI='<textInput><title>Search</title><description>Search the site</description><name>q</name><link>https://example.org/search</link></textInput>'
expect_warning_at rss-ok.xml avoid-textinput 11 "a channel with a textInput" \
	"s|<skipDays>|$TI<skipDays>|"
expect_warning_at rss092-ok.xml avoid-textinput 7 "an RSS 0.92 channel with a textInput" \
	"s|\\(<cloud .*/>\\)|\\1$TI|"
expect_clean rss-ok.xml "a channel without textInput" ""

# ---- MissingItunesElement: language, itunes:category, itunes:explicit ----
expect_warning_at podcast-ok.xml itunes-missing-element 36 "a podcast channel without itunes:explicit" \
	"/<itunes:explicit>false/d"
expect_warning_at podcast-ok.xml itunes-missing-element 36 "a podcast channel without language" \
	"/<language>/d"
expect_clean podcast-ok.xml "a podcast channel with language, itunes:category and itunes:explicit" ""
expect_clean rss-ok.xml "a channel that declares the iTunes namespace and uses none of it" \
	"s|xmlns:dc=|xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" xmlns:dc=|"

# ---- DuplicateDescriptionSemantics: dc:description beside description ----
expect_warning_at rss-ok.xml duplicate-description 21 "an item with description and dc:description" \
	"s|$ITEM2|$ITEM2<dc:description>Again</dc:description>|"
expect_clean rss-ok.xml "an item with dc:description and no description" \
	"s|<dc:creator>|<dc:description>Only this</dc:description><dc:creator>|"

# ---- InvalidKeywords: Apple, "Use commas to separate keywords" ----
expect_warning_at podcast-ok.xml itunes-keywords 26 "itunes:keywords separated by spaces" \
	"s|<itunes:type>|<itunes:keywords>books technology reading</itunes:keywords><itunes:type>|"
expect_clean podcast-ok.xml "itunes:keywords separated by commas" \
	"s|<itunes:type>|<itunes:keywords>books, technology,reading</itunes:keywords><itunes:type>|"
expect_clean podcast-ok.xml "a single keyword" \
	"s|<itunes:type>|<itunes:keywords>books</itunes:keywords><itunes:type>|"

# ---- MissingItunesEmail: itunes:owner holds itunes:email ----
expect_warning_at podcast-ok.xml itunes-owner-email 23 "itunes:owner without itunes:email" \
	"/<itunes:email>/d"
expect_clean podcast-ok.xml "itunes:owner with itunes:name and itunes:email" ""

# ---- ImageUrlFormat: artwork is .jpg or .png ----
expect_warning_at podcast-ok.xml itunes-image-format 15 "itunes:image of a .gif" \
	"s|art.jpg\"/>|art.gif\"/>|"
expect_clean podcast-ok.xml "itunes:image of a .png with a query" \
	"s|art.jpg\"/>|art.PNG?v=2\"/>|"

# ---- UnsupportedItunesFormat: episodes Apple plays ----
expect_warning_at podcast-ok.xml itunes-enclosure-format 30 "an episode enclosure of a .wav" \
	"s|ep1.mp3\" length=\"1234\" type=\"audio/mpeg\"|ep1.wav\" length=\"1234\" type=\"audio/wav\"|"
expect_clean podcast-ok.xml "an episode enclosure of an .m4a" \
	"s|ep1.mp3\" length=\"1234\" type=\"audio/mpeg\"|ep1.m4a\" length=\"1234\" type=\"audio/x-m4a\"|"
expect_clean podcast-ok.xml "an episode enclosure whose path has no extension" \
	"s|ep1.mp3|media/ep1|"
expect_clean rss-ok.xml "a .wav enclosure in an item with no itunes: elements" \
	"s|a.mp3\" length=\"1234\" type=\"audio/mpeg\"|a.wav\" length=\"1234\" type=\"audio/wav\"|"

# ---- SlashDate: RSS Best Practices Profile §slash:comments, lastBuildDate ----
SLASH='s|xmlns:dc=|xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:dc=|; s|<dc:creator>|<slash:comments>3</slash:comments><dc:creator>|'
expect_warning_at rss-ok.xml slash-comments-lastbuilddate 23 "slash:comments and no lastBuildDate" \
	"$SLASH; /<lastBuildDate>/d"
expect_clean rss-ok.xml "slash:comments and a lastBuildDate" "$SLASH"

# ---- ObsoleteWikiNamespace: ModWiki's namespace moved to usemod.com ----
expect_warning_at rss-ok.xml wiki-namespace-obsolete 2 "the wiki module's old purl.org namespace" \
	"s|xmlns:dc=|xmlns:wiki=\"http://purl.org/rss/1.0/modules/wiki/\" xmlns:dc=|"
# (rdf:RDF's start tag spans lines 2-11; libxml2 gives an element the line its
# start tag ends on)
expect_warning_at rss10-ok.rdf wiki-namespace-obsolete 11 "the old wiki namespace in RSS 1.0" \
	"s|<rdf:RDF |<rdf:RDF xmlns:wiki=\"http://purl.org/rss/1.0/modules/wiki/\" |"
expect_clean rss-ok.xml "the wiki module's namespace at usemod.com" \
	"s|xmlns:dc=|xmlns:wiki=\"http://www.usemod.com/cgi-bin/mb.pl?ModWiki\" xmlns:dc=|"

# ---- MissingOutlineType: OPML 2.0, "Required attributes: type, text, xmlUrl" ----
expect_warning_at opml-ok.opml opml-outline-type-missing 25 "an outline with xmlUrl and no type" \
	"s|<outline text=\"A page\" type=\"link\" url=|<outline text=\"A feed\" xmlUrl=|"
expect_clean opml-ok.opml "an outline with xmlUrl and type=\"rss\"" ""

# ---- InvalidOutlineType: "limit the values of the type attribute to link and rss" ----
expect_warning_at opml-ok.opml opml-outline-type 25 "an outline of type html" \
	"s|<outline text=\"A page\" type=\"link\"|<outline text=\"A page\" type=\"html\"|"
expect_clean opml-ok.opml "outlines of types rss, include and link (and RSS, LINK)" \
	"s|type=\"link\"|type=\"LINK\"|"

# ---- MisplacedItem: the RSS Profile puts the items after every other element ----
expect_warning_at rss-ok.xml misplaced-item 24 "a channel element after the items" \
	's|^  </channel>|    <docs>https://www.rssboard.org/rss-specification</docs>\n  </channel>|'
expect_clean rss-ok.xml "every channel element before the first item" ""
expect_clean rss-ok.xml "an extension element before the items" \
	's|<ttl>60</ttl>|<ttl>60</ttl><dc:rights>CC BY</dc:rights>|'

done_testing
