#!/bin/sh
# validate-formats.sh: `feedgen validate` on the formats beside RSS 2.0, Atom
# 1.0 and JSON Feed — RSS 0.90, 0.91, 0.92, 0.94, RSS 1.0 with its modules,
# OPML 2.0 — on an iTunes podcast, on RSS 2.0's warnings and on roots that are
# no feed, on Podcasting 2.0, printed as TAP.
#
# tests/validate/rss090-ok.rdf, rss091-ok.xml, rss092-ok.xml, rss094-ok.xml,
# rss10-ok.rdf, opml-ok.opml and podcast-ok.xml keep every rule of their
# format (exit 0, no
# warning). Each case below breaks one rule by editing a copy with sed and
# expects that rule's id: exit 1 for an error, exit 0 and a warning line for a
# warning.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/validate-lib.sh"

# The good documents: valid, no warnings, and named.
for f in rss090-ok.rdf:'RSS 0.90' rss091-ok.xml:'RSS 0.9x' rss092-ok.xml:'RSS 0.9x' \
	 rss094-ok.xml:'RSS 0.9x' rss10-ok.rdf:'RSS 1.0' opml-ok.opml:'OPML' \
	 podcast-ok.xml:'RSS 2.0' podcast20-ok.xml:'RSS 2.0'; do
	"$FEEDGEN" validate "$srcdir/${f%%:*}" > "$tmp/out" 2>&1
	rc=$?
	[ $rc -eq 0 ] && grep -q ": ${f#*:}, valid: 0 errors, 0 warnings$" "$tmp/out"
	st=$?
	ok $st "${f%%:*} is ${f#*:}, valid without warnings"
	[ $st -eq 0 ] || sed 's/^/# /' "$tmp/out"
done

# RSS 0.91 (Netscape's DTD, UserLand's specification).
expect_rule rss091-ok.xml rss091-language "0.91: the channel needs a language" \
	's|<language>fr</language>||'
expect_rule rss091-ok.xml missing-element "0.91: an item needs a link" \
	's|<link>https://example.org/2024/05/01/first.html</link>||'
expect_rule rss091-ok.xml unknown-element "0.91: no ttl (a 2.0 element)" \
	's|<language>fr</language>|<language>fr</language><ttl>60</ttl>|'
expect_rule rss091-ok.xml xml-undefined-entity "0.91: Latin-1 entities only with its DTD" \
	'/<!DOCTYPE/d'
expect_rule rss091-ok.xml xml-undefined-entity "0.91's DTD: Latin-1 entities, no others" \
	's|Caf&eacute; notes</title>|Caf\&hellip;</title>|'
run rss091-ok.xml 's|Caf&eacute; notes</title>|Caf\&hellip;</title>|'
refs=$(grep -c 'Caf&eacute; notes</title>' "$srcdir/rss091-ok.xml")
[ "$(grep -c "Entity 'hellip' not defined" "$tmp/out")" -eq "$refs" ] &&
	[ "$(grep -c '\[xml-undefined-entity\]' "$tmp/out")" -eq "$refs" ]
ok $? "an undefined entity is one error a reference ($refs), where the parser met it, not two"
show $?
expect_rule rss091-ok.xml rss-image-width "0.91: image width at most 144" \
	's|<width>88</width>|<width>200</width>|'
expect_rule rss091-ok.xml email "0.91: managingEditor is an e-mail address" \
	's|editor@example.org (Editor)|the editor|'
expect_rule rss091-ok.xml duplicate-element "0.91: one channel title" \
	's|<description>Posts</description>|<description>Posts</description><title>B</title>|'
# RSS 0.92.
expect_rule rss092-ok.xml rss-item-title-or-description "0.92: an item needs a title or a description" \
	's|<title>Only a title</title>||'
expect_rule rss092-ok.xml unknown-element "0.92: no guid (0.94 and 2.0)" \
	's|<title>Only a title</title>|<title>T</title><guid>x</guid>|'
expect_rule rss092-ok.xml rss-cloud "0.92: cloud port is a number" \
	's|port="80"|port="http"|'
expect_rule rss092-ok.xml missing-attribute "0.92: enclosure needs length" \
	's|length="1234" ||'
expect_rule rss092-ok.xml uri-absolute "0.92: source url" \
	's|url="https://example.org/other.xml"|url="other.xml"|'
# RSS 0.93/0.94.
expect_rule rss094-ok.xml date-rfc822 "0.94: expirationDate is RFC 822" \
	's|Wed, 01 May 2030 10:00:00 +0800|2030-05-01|'
expect_rule rss094-ok.xml rss-version "a version no RSS has" \
	's|version="0.94"|version="0.95"|'

# RSS 0.90.
expect_rule rss090-ok.rdf missing-element "0.90: an item needs a title" \
	's|<title>First post</title>||'
expect_rule rss090-ok.rdf unknown-element "0.90: no description in an item" \
	's|<title>First post</title>|<title>First post</title><description>d</description>|'
expect_rule rss090-ok.rdf uri-absolute "0.90: link is an absolute URL" \
	's|<link>https://example.org/2024/05/01/first.html</link>|<link>first.html</link>|'
expect_rule rss090-ok.rdf rss-textinput-name "0.90: textinput name is a form control name" \
	's|<name>q</name>|<name>a query</name>|'

# RSS 1.0.
expect_rule rss10-ok.rdf rdf-about "1.0 §5.5: an item has rdf:about" \
	's|<item rdf:about="https://example.org/2024/05/02/second.html">|<item>|'
expect_rule rss10-ok.rdf rdf-about "1.0 §5.3: the channel has rdf:about" \
	's|<channel rdf:about="https://example.org/index.rdf">|<channel>|'
expect_rule rss10-ok.rdf uri "1.0: rdf:about is a URI" \
	's|rdf:about="https://example.org/index.rdf"|rdf:about="https://exa mple.org/"|'
expect_rule rss10-ok.rdf rdf-resource "1.0 §5.3.5: the channel's image has rdf:resource" \
	's|<image rdf:resource="https://example.org/logo.png"/>|<image/>|'
expect_rule rss10-ok.rdf rdf-resource "1.0 §5.3.5: rdf:li names an item" \
	's|<rdf:li resource="https://example.org/2024/05/02/second.html"/>|<rdf:li/>|'
expect_rule rss10-ok.rdf missing-element "1.0 §5.5: an item needs a link" \
	's|<link>https://example.org/2024/05/02/second.html</link>||'
expect_rule rss10-ok.rdf missing-element "1.0 §5.3: the channel needs items" \
	'/<items>/,/<\/items>/d'
expect_rule rss10-ok.rdf missing-element "1.0 §5.4: an image needs a url" \
	's|<url>https://example.org/logo.png</url>||'
expect_rule rss10-ok.rdf unknown-element "1.0: no language in the channel (a 2.0 element)" \
	's|<description>Posts</description>|<description>Posts</description><language>en</language>|'
expect_rule rss10-ok.rdf unknown-element "1.0: an item inside the channel" \
	's|<description>Posts</description>|<description>Posts</description><item rdf:about="https://example.org/x"><title>x</title><link>https://example.org/x</link></item>|'
expect_rule rss10-ok.rdf unknown-element "1.0: no width in an image" \
	's|<url>https://example.org/logo.png</url>|<url>https://example.org/logo.png</url><width>88</width>|'
expect_rule rss10-ok.rdf no-namespace "1.0: an element in no namespace" \
	's|<description>Posts</description>|<description>Posts</description><note xmlns="">n</note>|'
expect_rule rss10-ok.rdf duplicate-element "1.0: one channel" \
	's|</rdf:RDF>|<channel rdf:about="https://example.org/2"><title>t</title><link>https://example.org/</link><description>d</description><items/></channel></rdf:RDF>|'
expect_rule rss10-ok.rdf sy-update-period "mod_syndication: updatePeriod" \
	's|<sy:updatePeriod>hourly</sy:updatePeriod>|<sy:updatePeriod>often</sy:updatePeriod>|'
expect_rule rss10-ok.rdf date-w3cdtf "mod_dc: dc:date is W3C-DTF" \
	's|<dc:date>2024-05-01T10:00:00+08:00</dc:date>|<dc:date>May 1, 2024</dc:date>|'
expect_rule rss10-ok.rdf date-w3cdtf "dcterms: a DCMI Period's start is W3C-DTF" \
	's|start=2024-03-01|start=March|'
expect_rule rss10-ok.rdf unknown-element "mod_content: content:encoded in the channel" \
	's|<description>Posts</description>|<description>Posts</description><content:encoded>x</content:encoded>|'
expect_rule rss10-ok.rdf unknown-element "mod_admin: its two elements only" \
	's|<admin:generatorAgent |<admin:generator |'
expect_rule rss10-ok.rdf rdf-resource "mod_admin: errorReportsTo has rdf:resource" \
	's|<admin:errorReportsTo rdf:resource="mailto:editor@example.org"/>|<admin:errorReportsTo/>|'
expect_rule rss10-ok.rdf rdf-about "mod_taxonomy: a topic has rdf:about" \
	's|<taxo:topic rdf:about="https://example.org/tags/notes">|<taxo:topic>|'
expect_rule rss10-ok.rdf uri-absolute "mod_taxonomy: taxo:link is a URL" \
	's|<taxo:link>https://example.org/tags/notes</taxo:link>|<taxo:link>notes</taxo:link>|'
expect_rule rss10-ok.rdf positive-integer "mod_image: image:width is a number" \
	's|<image:width>100</image:width>|<image:width>wide</image:width>|'
expect_rule rss10-ok.rdf rdf-resource "mod_annotation: reference has rdf:resource" \
	's|<annotate:reference rdf:resource="https://example.org/2024/04/30/earlier.html"/>|<annotate:reference/>|'
expect_rule rss10-ok.rdf xml-well-formed "1.0: well-formedness" 's|</channel>||'

# OPML 2.0.
expect_rule opml-ok.opml opml-version "OPML: version 1.0, 1.1 or 2.0" \
	's|<opml version="2.0">|<opml version="0.5">|'
expect_rule opml-ok.opml opml-version "OPML: version is required" \
	's|<opml version="2.0">|<opml>|'
expect_rule opml-ok.opml missing-element "OPML: a head" \
	'/<head>/,/<\/head>/d'
expect_rule opml-ok.opml missing-element "OPML: at least one outline in the body" \
	'/<body>/,/<\/body>/c\
  <body/>'
expect_rule opml-ok.opml unknown-element "OPML: an outline in the head" \
	's|<title>Subscriptions</title>|<title>Subscriptions</title><outline text="x"/>|'
expect_rule opml-ok.opml unknown-element "OPML: an outline after the body" \
	's|</opml>|<outline text="x"/></opml>|'
expect_rule opml-ok.opml unknown-element "OPML: an element in no namespace in an outline" \
	's|<outline text="A page" type="link" url="https://example.org/page.html"/>|<outline text="A page"><note/></outline>|'
expect_rule opml-ok.opml duplicate-element "OPML: head elements at most once" \
	's|<title>Subscriptions</title>|<title>Subscriptions</title><title>Again</title>|'
expect_rule opml-ok.opml opml-text "OPML 2.0: every outline has text" \
	's|<outline text="A page" type="link"|<outline type="link"|'
expect_rule opml-ok.opml opml-xmlurl "OPML: type rss needs xmlUrl" \
	's|xmlUrl="https://example.org/feed.xml"||'
expect_rule opml-ok.opml opml-xmlurl "OPML: types are not case-sensitive" \
	's|type="rss"|type="RSS"|; s|xmlUrl="https://example.org/feed.xml"||'
expect_rule opml-ok.opml opml-url "OPML: type link needs url" \
	's|type="link" url="https://example.org/page.html"|type="link"|'
expect_rule opml-ok.opml opml-url "OPML: type include needs url" \
	's|type="include" url="https://example.org/more.opml"|type="include"|'
expect_rule opml-ok.opml uri-absolute "OPML: xmlUrl is an http address" \
	's|xmlUrl="https://example.org/feed.xml"|xmlUrl="feed.xml"|'
expect_rule opml-ok.opml date-rfc822 "OPML: dateCreated is RFC 822" \
	's|<dateCreated>Wed, 01 May 2024 10:00:00 GMT</dateCreated>|<dateCreated>2024-05-01</dateCreated>|'
expect_rule opml-ok.opml date-rfc822 "OPML: created is RFC 822" \
	's|created="Wed, 01 May 2024 10:00:00 GMT"|created="yesterday"|'
expect_rule opml-ok.opml email "OPML: ownerEmail is an e-mail address" \
	's|someone@example.org|someone|'
expect_rule opml-ok.opml uri-absolute "OPML: ownerId is an http address" \
	's|<ownerId>https://example.org/about</ownerId>|<ownerId>about</ownerId>|'
expect_rule opml-ok.opml language "OPML: language is a language code" \
	's|language="en"|language="unknown"|'
expect_rule opml-ok.opml opml-expansion-state "OPML: expansionState lists line numbers" \
	's|<expansionState>1, 3</expansionState>|<expansionState>first</expansionState>|'
expect_rule opml-ok.opml opml-number "OPML: windowTop is a number" \
	's|<windowTop>61</windowTop>|<windowTop>top</windowTop>|'
expect_rule opml-ok.opml opml-true-false "OPML: isComment is true or false" \
	's|isComment="false"|isComment="no"|'
expect_warning opml-ok.opml opml-title "OPML: a subscription should have a title" \
	's|title="A feed" ||'
expect_warning opml-ok.opml opml-text "OPML 1.0: text is only common there" \
	's|<opml version="2.0">|<opml version="1.0">|; s|<outline text="A page" type="link"|<outline type="link"|'
expect_warning opml-ok.opml opml-obsolete "OPML: outlineDocument, the name before 1.0" \
	's|<opml version="2.0">|<outlineDocument>|; s|</opml>|</outlineDocument>|'

# Extensions: iTunes (Apple Podcasts' current tags), namespaces that nearly
# match a known one, elements in no namespace inside an extension's.
expect_rule podcast-ok.xml itunes-explicit "iTunes: explicit is true or false" \
	's|<itunes:explicit>false</itunes:explicit>|<itunes:explicit>no</itunes:explicit>|'
expect_rule podcast-ok.xml itunes-explicit "iTunes: clean is no longer a value" \
	's|<itunes:explicit>true</itunes:explicit>|<itunes:explicit>clean</itunes:explicit>|'
expect_rule podcast-ok.xml unknown-element "iTunes: category is a channel tag" \
	's|<itunes:episode>1</itunes:episode>|<itunes:episode>1</itunes:episode><itunes:category text="Arts"/>|'
expect_rule podcast-ok.xml unknown-element "iTunes: an unknown itunes element" \
	's|<itunes:type>episodic</itunes:type>|<itunes:type>episodic</itunes:type><itunes:rating>5</itunes:rating>|'
expect_rule podcast-ok.xml email "iTunes: an empty owner e-mail" \
	's|<itunes:email>someone@example.org</itunes:email>|<itunes:email></itunes:email>|'
expect_rule podcast-ok.xml itunes-category "iTunes: Apple's category list" \
	's|<itunes:category text="Technology"/>|<itunes:category text="Gardening"/>|'
expect_rule podcast-ok.xml itunes-category "iTunes: a top category is no subcategory" \
	's|<itunes:category text="Books"/>|<itunes:category text="Comedy"/>|'
expect_warning podcast-ok.xml itunes-category-obsolete "iTunes: a subcategory Apple moved" \
	's|<itunes:category text="Books"/>|<itunes:category text="Literature"/>|'
expect_rule podcast-ok.xml duplicate-element "iTunes: one explicit" \
	's|<itunes:explicit>true</itunes:explicit>|<itunes:explicit>true</itunes:explicit><itunes:explicit>true</itunes:explicit>|'
expect_rule podcast-ok.xml no-namespace "an element in no namespace inside an extension element" \
	's|<itunes:name>Someone</itunes:name>|<name>Someone</name>|'
expect_warning podcast-ok.xml namespace-near-miss "itunes.com/DTDs/Podcast in the wrong case" \
	's|http://www.itunes.com/dtds/podcast-1.0.dtd|http://www.itunes.com/DTDs/Podcast-1.0.dtd|'
expect_rule podcast-ok.xml media-rss-namespace "Media RSS without its final slash (W3C MediaRssNamespace: an error)" \
	's|xmlns:atom=|xmlns:media="http://search.yahoo.com/mrss" xmlns:atom=|; s|<itunes:type>|<media:thumbnail url="https://example.org/t.jpg"/><itunes:type>|'
run podcast-ok.xml 's|<itunes:name>Someone</itunes:name>|<itunes:name>Someone</itunes:name>|'
[ $rc -eq 0 ] && ! grep -q namespace-near-miss "$tmp/out"
ok $? "a namespace that is known: no near-miss warning"

# Podcasting 2.0 (podcastindex.org namespace 1.0), tag by tag.
# liveItem "takes the same format as a standard <item>": its children are
# checked as an item's are.
expect_rule podcast20-ok.xml missing-attribute "liveItem: its enclosure needs a length" \
	's|type="audio/mpeg" length="0"/>|type="audio/mpeg"/>|'
expect_rule podcast20-ok.xml unknown-element "liveItem: no element an item does not have" \
	's|<title>Live now</title>|<title>Live now</title><ttl>5</ttl>|'
expect_rule podcast20-ok.xml duplicate-element "liveItem: one title, as an item" \
	's|<title>Live now</title>|<title>Live now</title><title>Again</title>|'
expect_rule podcast20-ok.xml podcast-guid "podcast:guid is a UUID" \
	's|917393e3-1b1e-5cef-ace4-edaa54e1f810|my-show|'
expect_rule podcast20-ok.xml extension-value "podcast:locked is yes or no" \
	's|>yes</podcast:locked>|>true</podcast:locked>|'
expect_rule podcast20-ok.xml extension-value "podcast:medium from its list" \
	's|<podcast:medium>podcast</podcast:medium>|<podcast:medium>radio</podcast:medium>|'
expect_rule podcast20-ok.xml duplicate-element "podcast:medium once" \
	's|<podcast:medium>podcast</podcast:medium>|<podcast:medium>podcast</podcast:medium><podcast:medium>music</podcast:medium>|'
expect_rule podcast20-ok.xml missing-attribute "podcast:funding needs url" \
	's|<podcast:funding url="https://example.org/support">|<podcast:funding>|'
expect_rule podcast20-ok.xml date-rfc822 "podcast:trailer pubdate is RFC 2822" \
	's|pubdate="Wed, 01 May 2024 10:00:00 GMT"|pubdate="2024-05-01"|'
expect_rule podcast20-ok.xml missing-attribute "podcast:transcript needs type" \
	's| type="text/vtt"||'
expect_rule podcast20-ok.xml unknown-element "podcast:transcript is an item tag" \
	's|<podcast:medium>podcast</podcast:medium>|<podcast:medium>podcast</podcast:medium><podcast:transcript url="https://example.org/t.vtt" type="text/vtt"/>|'
expect_rule podcast20-ok.xml unknown-element "podcast:guid is a channel tag" \
	's|<podcast:season name="First">|<podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid><podcast:season name="First">|'
expect_warning podcast20-ok.xml podcast-not-formalized "a podcast: tag not formalized (a proposal): a warning" \
	's|<podcast:medium>podcast</podcast:medium>|<podcast:medium>podcast</podcast:medium><podcast:rating>5</podcast:rating>|'
expect_rule podcast20-ok.xml non-negative-integer "podcast:season is an integer" \
	's|<podcast:season name="First">1</podcast:season>|<podcast:season>one</podcast:season>|'
expect_rule podcast20-ok.xml float "podcast:episode is a decimal number" \
	's|>1.5</podcast:episode>|>one</podcast:episode>|'
expect_rule podcast20-ok.xml missing-attribute "podcast:soundbite needs startTime" \
	's|startTime="73.0" ||'
expect_rule podcast20-ok.xml extension-value "podcast:liveItem status" \
	's|status="live"|status="on air"|'
expect_rule podcast20-ok.xml missing-attribute "podcast:source needs uri" \
	's|<podcast:source uri="https://example.org/ep1.opus"/>|<podcast:source/>|'
expect_rule podcast20-ok.xml extension-value "podcast:integrity type sri or pgp-signature" \
	's|<podcast:integrity type="sri"|<podcast:integrity type="md5"|'
expect_rule podcast20-ok.xml missing-attribute "podcast:valueRecipient needs split" \
	's| split="100"||'
expect_rule podcast20-ok.xml missing-attribute "podcast:remoteItem needs feedGuid" \
	's|feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f811" ||'
expect_warning podcast20-ok.xml podcast-not-formalized "podcast:person: another attribute is a proposal (a warning)" \
	's|<podcast:person role="host"|<podcast:person age="40" role="host"|'
expect_warning podcast20-ok.xml podcast-not-formalized "podcast:value: another attribute is a proposal (a warning)" \
	's|method="keysend"|method="keysend" fee="1"|'
expect_rule podcast20-ok.xml boolean "podcast:podping usesPodping is true or false" \
	's|usesPodping="true"|usesPodping="yes"|'

# Warnings W3C gives on RSS 2.0: still valid.
expect_warning podcast-ok.xml missing-atom-self-link "RSS 2.0: atom:link rel=self" \
	's|<atom:link rel="self"|<atom:link rel="alternate"|'
expect_warning podcast-ok.xml missing-guid "RSS 2.0: an item without guid" \
	's|<guid isPermaLink="false">ep1</guid>||'
expect_warning podcast-ok.xml image-title-mismatch "RSS 2.0: the image's title is the channel's" \
	'/<image>/,/<\/image>/s|<title>A podcast</title>|<title>Another</title>|'
expect_warning podcast-ok.xml image-link-mismatch "RSS 2.0: the image's link is the channel's" \
	'/<image>/,/<\/image>/s|<link>https://example.org/</link>|<link>https://example.org/art</link>|'

# A missing child is reported where W3C reports it, at the parent's end tag,
# once, naming the element and its parent.
printf '<rss version="2.0">\n<channel>\n<title>t</title>\n<description>d</description>\n  </channel>\n</rss>\n' > "$tmp/end.xml"
"$FEEDGEN" validate "$tmp/end.xml" > "$tmp/out" 2>&1
[ $? -eq 1 ] && grep -q 'end.xml:5:3: error: required element missing: <channel> needs <link> \[missing-element\]' "$tmp/out" &&
	[ "$(grep -c 'error:' "$tmp/out")" -eq 1 ]
ok $? "a missing child: at the parent's end tag, one message"
printf '<opml version="2.0"><head/>\n<body>\n\n</body></opml>\n' > "$tmp/end.opml"
"$FEEDGEN" validate "$tmp/end.opml" > "$tmp/out" 2>&1
[ $? -eq 1 ] && grep -q 'end.opml:4:1: error: .*<body> needs <outline>' "$tmp/out"
ok $? "an empty OPML body: at its end tag"

# Many missing children in a head whose end tags have left the window: the
# end tags are looked for within a budget, so the reports stay linear.
python3 - "$tmp" <<'PY'
import sys
with open(sys.argv[1] + "/ends.rdf", "w") as f:
    f.write('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">\n')
    for i in range(20000):
        f.write('<textinput rdf:about="https://e.org/"></textinput>\n')
    f.write('<item rdf:about="https://e.org/1"><title>x</title><link>https://e.org/1</link></item>\n')
    f.write('<!--' + 'x' * 3000000 + '-->\n</rdf:RDF>\n')
PY
timeout 30 "$FEEDGEN" validate "$tmp/ends.rdf" > "$tmp/out" 2>&1
[ $? -eq 1 ] && grep -q 'textinput> needs <title>' "$tmp/out"
ok $? "80,000 missing children after 3 MB: reported in time"

# Roots that are no feed: named, with what is supported.
printf '<feed xmlns="http://purl.org/atom/ns#" version="0.3"><title>t</title></feed>\n' > "$tmp/a03.xml"
"$FEEDGEN" validate "$tmp/a03.xml" > "$tmp/out" 2>&1
[ $? -eq 1 ] && grep -q 'error: Atom 0.3 .* is obsolete: use Atom 1.0.*\[atom03-obsolete\]' "$tmp/out"
ok $? "Atom 0.3: obsolete [atom03-obsolete]"
printf '<channel><title>t</title></channel>\n' > "$tmp/ch.xml"
"$FEEDGEN" validate "$tmp/ch.xml" > "$tmp/out" 2>&1
[ $? -eq 1 ] && grep -q 'error: not a feed: the root element is <channel>; supported: RSS .*Atom 1.0.*OPML.*\[not-a-feed\]' "$tmp/out"
ok $? "another root: not a feed, and what is [not-a-feed]"
printf '<rdf:rdf xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n' > "$tmp/rdf.xml"
"$FEEDGEN" validate "$tmp/rdf.xml" > "$tmp/out" 2>&1
[ $? -eq 1 ] && grep -q 'the root element is <rdf:rdf>' "$tmp/out"
ok $? "rdf:rdf is not rdf:RDF [not-a-feed]"

# Streaming: a long RSS 1.0 document and a long OPML list are read piece by
# piece, each piece checked (the last one's error is found).
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
n = 20000
with open(d + "/long.rdf", "w") as f:
    f.write('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
            '<channel rdf:about="https://e.org/"><title>t</title><link>https://e.org/</link>'
            '<description>d</description><items/></channel>\n')
    for i in range(n):
        f.write('<item rdf:about="https://e.org/%d"><title>t</title><link>https://e.org/%d</link></item>\n' % (i, i))
    f.write('<item rdf:about="https://e.org/last"><title>t</title></item>\n</rdf:RDF>\n')
with open(d + "/long.opml", "w") as f:
    f.write('<opml version="2.0"><head/><body>\n')
    for i in range(n):
        f.write('<outline text="%d" type="rss" title="t" xmlUrl="https://e.org/%d"/>\n' % (i, i))
    f.write('<outline text="last" type="rss" title="t"/>\n</body></opml>\n')
PY
"$FEEDGEN" validate "$tmp/long.rdf" > "$tmp/out" 2>&1
[ $? -eq 1 ] && grep -q "long.rdf:$((20000 + 2)):.*\[missing-element\]" "$tmp/out"
ok $? "a long RSS 1.0 document: the last item checked"
"$FEEDGEN" validate "$tmp/long.opml" > "$tmp/out" 2>&1
[ $? -eq 1 ] && grep -q "long.opml:$((20000 + 2)):.*\[opml-xmlurl\]" "$tmp/out"
ok $? "a long OPML list: the last outline checked"

done_testing
