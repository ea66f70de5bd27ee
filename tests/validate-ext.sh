#!/bin/sh
# validate-ext.sh: `feedgen validate` on the extension namespaces, each from
# its own specification, and on the warnings about the HTML a feed carries,
# printed as TAP.
#
# tests/validate/ext-*-ok.xml keep every rule of their namespace (exit 0, no
# warning). Each case below breaks one rule by editing a copy with sed and
# expects that rule's id: exit 1 for an error, exit 0 and a warning line for a
# warning. expect_clean checks that an edit keeping the rules stays clean.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/validate-lib.sh"

# ---- escaped HTML: markup, relative references, blank text ----
# RSS 2.0 §Elements of <item>: description is entity-encoded HTML; W3C's
# NotHtml and ContainsRelRef, in the shapes real feeds write them.
expect_warning rss-ok.xml not-html "escaped HTML with Word's <o:p>" \
	's|Only a description|\&lt;p\&gt;x\&lt;o:p\&gt;\&lt;/o:p\&gt;\&lt;/p\&gt;|'
expect_warning rss-ok.xml not-html "CDATA HTML with <fb:like>" \
	's|Only a description|<![CDATA[<p>x</p><fb:like href="https://example.org/"></fb:like>]]>|'
expect_clean rss-ok.xml "HTML5, custom elements, SVG and comments are HTML" \
	's|Only a description|<![CDATA[<figure><picture><img src="https://example.org/a.png" alt=""></picture><figcaption>c</figcaption></figure><my-widget></my-widget><svg><circle r="1"/></svg><!-- <o:p> -->]]>|'
expect_warning rss-ok.xml relative-reference "escaped <a href> with a relative address" \
	's|Only a description|\&lt;a href="../2024/x.html"\&gt;x\&lt;/a\&gt;|'
expect_warning rss-ok.xml relative-reference "CDATA <img> with a relative src, after other attributes" \
	's|Only a description|<![CDATA[<img alt="a" src="/img/a.png">]]>|'
expect_warning rss-ok.xml relative-reference "content:encoded with a relative link" \
	's|<rss |<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" |; s|<dc:creator>|<content:encoded><![CDATA[<a class="x" href="a.html">a</a>]]></content:encoded><dc:creator>|'
expect_clean rss-ok.xml "absolute and mailto addresses in HTML" \
	's|Only a description|<![CDATA[<a href="https://example.org/">a</a> <a href="mailto:a@example.org">m</a> <img src="https://example.org/a.png">]]>|'
expect_clean rss-ok.xml "a relative address under xml:base" \
	's|<item>|<item xml:base="https://example.org/">|; s|<title>First post</title>|<description>\&lt;a href="a.html"\&gt;a\&lt;/a\&gt;</description>|'
expect_warning atom-ok.xml not-html "Atom type=html with a tag HTML does not define" \
	's|First &lt;em&gt;post&lt;/em&gt;|First \&lt;blog:em\&gt;post\&lt;/blog:em\&gt;|'
expect_clean atom-ok.xml "Atom: a relative address is resolved against the document" \
	's|First &lt;em&gt;post&lt;/em&gt;|\&lt;a href="a.html"\&gt;post\&lt;/a\&gt;|'
expect_warning atom-ok.xml blank "Atom: an empty content (W3C NotBlank)" \
	's|<content type="xhtml">.*</content>|<content type="html"></content>|'
expect_clean atom-ok.xml "Atom: an empty title is allowed (RFC 4287 §3.1)" \
	's|<title type="html">First &lt;em&gt;post&lt;/em&gt;</title>|<title></title>|'
expect_warning atom-ok.xml blank "Atom: an empty summary" \
	's|<content type="xhtml">|<summary type="html"> </summary><content type="xhtml">|'

# ---- a missing child is reported at its parent's end tag ----
# Where the W3C validator reports it: it knows only when the parent ends.
expect_at rss-ok.xml missing-element 24 "RSS: the channel's description, at </channel>" \
	's|<description>Posts</description>||'
expect_at rss-ok.xml missing-element 24 "RSS: the channel's title, at </channel>" \
	's|<title>A feed</title>||'
expect_at rss-ok.xml rss-item-title-or-description 23 "RSS: an item with neither, at </item>" \
	's|<description>Only a description</description>||'
expect_at rss-ok.xml missing-guid 19 "RSS: an item without guid, at </item>" \
	's|<guid>https://example.org/2024/05/01/first.html</guid>||'
expect_at atom-ok.xml missing-element 15 "Atom: an entry's id, at </entry>" \
	's|<id>tag:example.org,2024:first</id>||'
expect_at atom-ok.xml missing-element 15 "Atom: an entry's updated, at </entry>" \
	's|<updated>2024-05-01T10:00:00Z</updated>||'
expect_at atom-ok.xml missing-element 16 "Atom: the feed's title, at </feed>" \
	's|<title>A feed</title>||'
expect_at atom-ok.xml atom-content-or-alternate 15 "Atom: no content or alternate, at </entry>" \
	's|<link href="https://example.org/2024/05/01/first.html"/>||; s|<content.*</content>||'
expect_at atom-ok.xml atom-summary-required 15 "Atom: out-of-line content and no summary, at </entry>" \
	's|<content type="xhtml">.*</content>|<content src="https://example.org/a.mp3" type="audio/mpeg"/>|'
expect_at rss10-ok.rdf missing-element 58 "RSS 1.0: an item's link, at </item>" \
	's|<link>https://example.org/2024/05/02/second.html</link>||'
expect_at rss10-ok.rdf missing-element 41 "RSS 1.0: an image's url, at </image>" \
	's|<url>https://example.org/logo.png</url>||'
expect_at rss10-ok.rdf missing-element 64 "RSS 1.0: a textinput's name, at </textinput>" \
	's|<name>q</name>||'
expect_at rss10-ok.rdf missing-element 30 "RSS 1.0: the channel's items, at </channel> (six lines removed)" \
	'/<items>/,/<\/items>/d; s|</channel>|</channel>|'

# ---- the good documents: every namespace keeping every rule ----
for f in ext-media-ok.xml:'RSS 2.0' ext-geo-ok.xml:'Atom 1.0' ext-blog-ok.xml:'RSS 2.0' \
	 ext-search-ok.xml:'Atom 1.0' ext-sync-ok.xml:'RSS 2.0'; do
	"$FEEDGEN" validate "$srcdir/${f%%:*}" > "$tmp/out" 2>&1
	rc=$?
	[ $rc -eq 0 ] && grep -q ": ${f#*:}, valid: 0 errors, 0 warnings$" "$tmp/out"
	st=$?
	ok $st "${f%%:*} is ${f#*:}, valid without warnings"
	show $st
done

# ---- Media RSS 1.5.1 ----
M=ext-media-ok.xml
expect_rule $M unknown-element "§5: an element the specification does not define" \
	's|<media:keywords>|<media:tag>x</media:tag><media:keywords>|'
expect_rule $M unknown-element "§4: media:content belongs in an item or a group, not the channel" \
	's|<media:copyright |<media:content url="https://example.org/c.mp3"/><media:copyright |'
expect_rule $M unknown-element "§4: media:group belongs in an item" \
	's|<media:copyright |<media:group><media:content url="https://example.org/a"/><media:content url="https://example.org/b"/></media:group><media:copyright |'
expect_rule $M media-group-alternatives "§4: a group holds alternatives, so two or more" \
	's|<media:content url="https://example.org/song.wav".*/>||'
expect_rule $M missing-attribute "§4: media:content needs url or a media:player" \
	's|<media:content url="https://example.org/song.wav" |<media:content |'
expect_rule $M unexpected-attribute "§4: media:content's attributes only" \
	's|expression="full"/>|expression="full" size="4"/>|'
expect_rule $M extension-value "§4: medium from its list" \
	's|medium="video"|medium="film"|'
expect_rule $M extension-value "§4: expression sample, full or nonstop" \
	's|isDefault="true" expression="full"|isDefault="true" expression="complete"|'
expect_rule $M true-false "§4: isDefault true or false" \
	's|isDefault="true"|isDefault="yes"|'
expect_rule $M non-negative-integer "§4: fileSize is a number of bytes" \
	's|fileSize="1000"|fileSize="1 KB"|'
expect_rule $M non-negative-integer "§4: duration is a number of seconds" \
	's|duration="185"|duration="3:05"|'
expect_rule $M float "§4: bitrate is a number" \
	's|bitrate="128"|bitrate="fast"|'
expect_rule $M mime-type "§4: type is a MIME type" \
	's|type="audio/mpeg"|type="mp3"|'
expect_rule $M language "§4: lang is a language code" \
	's|lang="en"/>|lang="english"/>|'
expect_rule $M extension-value "§5 media:rating: urn:simple is adult or nonadult" \
	's|>nonadult<|>kids<|'
expect_rule $M media-scheme "§5 media:rating: scheme is a URI" \
	's|scheme="urn:simple"|scheme="simple"|'
expect_rule $M duplicate-element "§5: one media:title at a level" \
	's|<media:title type="plain">The song</media:title>|& <media:title>Again</media:title>|'
expect_rule $M extension-value "§5 media:title: type plain or html" \
	's|<media:title type="plain">|<media:title type="text">|'
expect_rule $M missing-attribute "§5 media:thumbnail: url is required" \
	's|<media:thumbnail url="https://example.org/v.jpg" |<media:thumbnail |'
expect_rule $M npt-time "§5 media:thumbnail: time is an NPT time" \
	's|time="12:05:01.123"|time="noon"|'
expect_rule $M positive-integer "§5 media:thumbnail: width is a number" \
	's|width="75" height="50" time|width="wide" height="50" time|'
expect_rule $M extension-value "§5 media:hash: algo md5 or sha-1" \
	's|algo="md5"|algo="crc32"|'
expect_rule $M missing-attribute "§5 media:player: url is required" \
	's|<media:player url="https://example.org/player?id=1" |<media:player |'
expect_rule $M media-credit-role "§5 media:credit: roles in lower case" \
	's|role="musician"|role="Musician"|'
expect_rule $M uri "§5 media:copyright: url is a URI" \
	's|url="https://example.org/copyright"|url="https://exa mple.org/"|'
expect_rule $M npt-time "§5 media:text: start is a time" \
	's|start="00:00:03.000"|start="three"|'
expect_rule $M missing-attribute "§5 media:restriction: relationship is required" \
	's|<media:restriction relationship="allow" |<media:restriction |'
expect_rule $M extension-value "§5 media:restriction: relationship allow or deny" \
	's|relationship="deny"|relationship="block"|'
expect_rule $M extension-value "§5 media:restriction: type country lists country codes" \
	's|>au us<|>australia<|'
expect_rule $M float "§5 media:starRating: average is a number" \
	's|average="3.5"|average="good"|'
expect_rule $M non-negative-integer "§5 media:statistics: views is a count" \
	's|views="5"|views="many"|'
expect_rule $M unknown-element "§5: media:starRating only inside media:community" \
	's|<media:status state="active"/>|<media:starRating average="1"/>|'
expect_rule $M missing-attribute "§5 media:param: name is required" \
	's|<media:param name="type">|<media:param>|'
expect_rule $M uri-absolute "§5 media:response: a URL" \
	's|<media:response>https://example.org/response/1</media:response>|<media:response>response 1</media:response>|'
expect_rule $M extension-value "§5 media:status: state active, blocked or deleted" \
	's|state="active"|state="live"|'
expect_rule $M currency "§5 media:price: currency is ISO 4217" \
	's|currency="EUR"|currency="euro"|'
expect_rule $M extension-value "§5 media:price: type from its list" \
	's|type="rent"|type="lend"|'
expect_rule $M uri-absolute "§5 media:license: href is a URL" \
	's|href="https://creativecommons.org/licenses/by/4.0/"|href="by-4.0"|'
expect_rule $M missing-attribute "§5 media:peerLink: href is required" \
	's|<media:peerLink type="application/x-bittorrent" href="https://example.org/file.torrent"/>|<media:peerLink type="application/x-bittorrent"/>|'
expect_rule $M extension-value "§5 media:rights: status userCreated or official" \
	's|status="official"|status="mine"|'
expect_rule $M npt-time "§5 media:sceneStartTime: a time" \
	's|<media:sceneStartTime>00:15</media:sceneStartTime>|<media:sceneStartTime>start</media:sceneStartTime>|'
expect_warning $M extension-deprecated "1.5.0: media:adult is replaced by media:rating" \
	's|<media:status state="active"/>|<media:adult>false</media:adult>|'
expect_rule $M media-rss-namespace "§3: the namespace ends in a slash" \
	's|xmlns:media="http://search.yahoo.com/mrss/"|xmlns:media="http://search.yahoo.com/mrss"|'
expect_warning $M namespace-near-miss "a namespace differing from Media RSS's in case" \
	's|xmlns:media="http://search.yahoo.com/mrss/"|xmlns:media="http://search.yahoo.com/MRSS/"|'

# ---- GeoRSS Simple and GML ----
G=ext-geo-ok.xml
expect_rule $G georss-coordinates "point: one latitude-longitude pair" \
	's|<georss:point>45.256 -71.92</georss:point>|<georss:point>45.256</georss:point>|'
expect_rule $G georss-coordinates "point: latitude from -90 to 90" \
	's|<georss:point>45.256 -71.92</georss:point>|<georss:point>145.256 -71.92</georss:point>|'
expect_rule $G georss-coordinates "point: numbers" \
	's|<georss:point>45.256 -71.92</georss:point>|<georss:point>45N 71W</georss:point>|'
expect_warning $G georss-comma "point: pairs separated by white space, not commas" \
	's|<georss:point>45.256 -71.92</georss:point>|<georss:point>45.256,-71.92</georss:point>|'
expect_rule $G georss-coordinates "line: two or more pairs" \
	's|<georss:line>45.256 -110.45 46.46 -109.48 43.84 -109.86</georss:line>|<georss:line>45.256 -110.45</georss:line>|'
expect_rule $G georss-coordinates "polygon: closed (last pair the first)" \
	's|43.84 -109.86 45.256 -110.45</georss:polygon>|43.84 -109.86 45 -110</georss:polygon>|'
big=$(awk 'BEGIN { for (i = 0; i < 3000; i++) printf "%d.5 %d.5 ", i % 80, i % 170; printf "0.5 0.5" }')
expect_clean $G "polygon: 3001 pairs, closed" \
	"s|<georss:polygon>.*</georss:polygon>|<georss:polygon>$big</georss:polygon>|"
expect_rule $G georss-coordinates "polygon: 3001 pairs, not closed" \
	"s|<georss:polygon>.*</georss:polygon>|<georss:polygon>$big 1 1</georss:polygon>|"
expect_rule $G georss-coordinates "box: two pairs" \
	's|<georss:box>42.943 -71.032 43.039 -69.856</georss:box>|<georss:box>42.943 -71.032</georss:box>|'
expect_rule $G float "elev: a number of metres" \
	's|<georss:elev>313</georss:elev>|<georss:elev>high</georss:elev>|'
expect_rule $G integer "floor: an integer" \
	's|<georss:floor>2</georss:floor>|<georss:floor>second</georss:floor>|'
expect_rule $G unknown-element "an element GeoRSS does not define" \
	's|<georss:floor>2</georss:floor>|<georss:height>2</georss:height>|'
expect_rule $G georss-coordinates "GML LinearRing: closed" \
	's|43.84 -109.86 45.256 -110.45</gml:posList>|43.84 -109.86 45 -110</gml:posList>|'
expect_rule $G missing-element "GML Point needs gml:pos" \
	's|<gml:Point><gml:pos>45.256 -71.92</gml:pos></gml:Point>|<gml:Point></gml:Point>|'
expect_rule $G georss-coordinates "GML pos: one pair" \
	's|<gml:pos>45.256 -71.92</gml:pos>|<gml:pos>45.256 -71.92 10</gml:pos>|'
expect_rule $G missing-element "GML Envelope needs upperCorner" \
	's|<gml:upperCorner>43.039 -69.856</gml:upperCorner>||'
expect_rule $G unknown-element "GML: a LinearRing inside exterior only" \
	's|<gml:Point><gml:pos>45.256 -71.92</gml:pos></gml:Point>|<gml:Point><gml:posList>45 -71 46 -72</gml:posList></gml:Point>|'
expect_rule $G latitude "W3C Basic Geo: lat from -90 to 90" \
	's|<geo:lat>45.256</geo:lat>|<geo:lat>95</geo:lat>|'
expect_rule $G longitude "ICBM: longitude from -180 to 180" \
	's|<icbm:longitude>-71.92</icbm:longitude>|<icbm:longitude>-271.92</icbm:longitude>|'

# ---- slash, wfw, thr (RFC 4685), feedburner, creativeCommons, access ----
B=ext-blog-ok.xml
expect_rule $B non-negative-integer "slash:comments is a count" \
	's|<slash:comments>12</slash:comments>|<slash:comments>twelve</slash:comments>|'
expect_rule $B integer-list "slash:hit_parade: comma-separated integers" \
	's|12,10,7,5,1,0,0|12;10;7|'
expect_rule $B duplicate-element "slash:section once" \
	's|<slash:section>news</slash:section>|& <slash:section>more</slash:section>|'
expect_rule $B unknown-element "slash: four elements only" \
	's|<slash:section>news</slash:section>|<slash:topic>news</slash:topic>|'
expect_rule $B unknown-element "slash: item elements, not the channel's" \
	's|<access:restriction|<slash:section>x</slash:section><access:restriction|'
expect_rule $B uri-absolute "wfw:comment is a URL" \
	's|<wfw:comment>https://example.org/comment/1</wfw:comment>|<wfw:comment>comment 1</wfw:comment>|'
expect_rule $B uri-absolute "wfw:commentRss is a URL" \
	's|<wfw:commentRss>https://example.org/comments/1.rss</wfw:commentRss>|<wfw:commentRss>1.rss</wfw:commentRss>|'
expect_warning $B wfw-comment-rss "wfw:commentRss spelled commentRSS" \
	's|wfw:commentRss>|wfw:commentRSS>|g'
expect_rule $B unknown-element "wfw: comment and commentRss only" \
	's|<wfw:comment>|<wfw:comments>|; s|</wfw:comment>|</wfw:comments>|'
expect_rule $B missing-attribute "RFC 4685 §3: in-reply-to needs ref" \
	's|<thr:in-reply-to ref="tag:example.org,2024:0" |<thr:in-reply-to |'
expect_rule $B iri "RFC 4685 §3: ref is an IRI" \
	's|ref="tag:example.org,2024:0"|ref="a b"|'
expect_rule $B mime-type "RFC 4685 §3: type is a media type" \
	's|type="text/html" source|type="html" source|'
expect_rule $B unexpected-attribute "RFC 4685 §3: in-reply-to's attributes only" \
	's|<thr:in-reply-to |<thr:in-reply-to when="now" |'
expect_rule $B non-negative-integer "RFC 4685 §5: thr:total is a count" \
	's|<thr:total>12</thr:total>|<thr:total>-1</thr:total>|'
expect_rule $B non-negative-integer "RFC 4685 §4: thr:count on a replies link is a count" \
	's|thr:count="12"|thr:count="some"|'
expect_rule $B date-rfc3339 "RFC 4685 §4: thr:updated is an RFC 3339 date" \
	's|thr:updated="2024-05-01T10:00:00Z"|thr:updated="May 1, 2024"|'
expect_rule $B uri-absolute "feedburner:origLink is a URL" \
	's|<feedburner:origLink>https://example.org/1</feedburner:origLink>|<feedburner:origLink>/1</feedburner:origLink>|'
expect_rule $B uri-absolute "creativeCommons:license is a URL" \
	's|<creativeCommons:license>https://creativecommons.org/licenses/by/4.0/</creativeCommons:license>|<creativeCommons:license>CC BY</creativeCommons:license>|'
expect_rule $B extension-value "access:restriction: relationship allow or deny" \
	's|relationship="allow"|relationship="permit"|'
expect_rule $B missing-attribute "access:restriction: relationship is required" \
	's|<access:restriction relationship="allow"/>|<access:restriction/>|'
expect_rule $B unknown-element "access: restriction only" \
	's|<access:restriction relationship="allow"/>|<access:policy relationship="allow"/>|'

# ---- OpenSearch 1.1 response elements, Google Base ----
S=ext-search-ok.xml
expect_rule $S non-negative-integer "OpenSearch: totalResults is a non-negative integer" \
	's|<opensearch:totalResults>4230000</opensearch:totalResults>|<opensearch:totalResults>many</opensearch:totalResults>|'
expect_rule $S integer "OpenSearch: startIndex is an integer" \
	's|<opensearch:startIndex>21</opensearch:startIndex>|<opensearch:startIndex>first</opensearch:startIndex>|'
expect_rule $S duplicate-element "OpenSearch: itemsPerPage zero or one time" \
	's|<opensearch:itemsPerPage>10</opensearch:itemsPerPage>|& <opensearch:itemsPerPage>10</opensearch:itemsPerPage>|'
expect_rule $S unknown-element "OpenSearch: the response elements belong to the feed, not an entry" \
	's|<g:id>shirt-1</g:id>|<opensearch:totalResults>1</opensearch:totalResults>|'
expect_rule $S missing-attribute "OpenSearch: Query needs role" \
	's|<opensearch:Query role="request" |<opensearch:Query |'
expect_rule $S opensearch-role "OpenSearch: role from its list" \
	's|role="request"|role="question"|'
expect_rule $S non-negative-integer "OpenSearch: Query count is a non-negative integer" \
	's|count="10"|count="ten"|'
expect_rule $S unexpected-attribute "OpenSearch: Query's attributes (others namespaced)" \
	's|<opensearch:Query role="request" |<opensearch:Query role="request" sort="date" |'
expect_warning $S contains-html "OpenSearch: Query title is plain text" \
	's|title="Did you mean cats?"|title="Did you mean \&lt;b\&gt;cats\&lt;/b\&gt;?"|'
expect_rule $S unknown-element "OpenSearch: an element the response does not define" \
	's|<opensearch:itemsPerPage>10</opensearch:itemsPerPage>|<opensearch:ShortName>x</opensearch:ShortName>|'
expect_rule $S gbase-price "Google Base: price is a number and a currency" \
	's|<g:price>15.00 USD</g:price>|<g:price>fifteen</g:price>|'
expect_rule $S extension-value "Google Base: condition new, used or refurbished" \
	's|<g:condition>new</g:condition>|<g:condition>mint</g:condition>|'
expect_rule $S extension-value "Google Base: availability from its list" \
	's|<g:availability>in stock</g:availability>|<g:availability>yes</g:availability>|'
expect_rule $S uri-absolute "Google Base: image_link is a URL" \
	's|<g:image_link>https://example.org/shirt.jpg</g:image_link>|<g:image_link>shirt.jpg</g:image_link>|'
expect_rule $S date-w3cdtf "Google Base: expiration_date is YYYY-MM-DD" \
	's|<g:expiration_date>2030-12-31</g:expiration_date>|<g:expiration_date>31/12/2030</g:expiration_date>|'
expect_rule $S currency "Google Base: currency is ISO 4217" \
	's|<g:currency>USD</g:currency>|<g:currency>dollar</g:currency>|'
expect_rule $S non-negative-integer "Google Base: quantity is a count" \
	's|<g:quantity>3</g:quantity>|<g:quantity>few</g:quantity>|'
expect_rule $S gbase-rating "Google Base: rating from 1 to 5" \
	's|<g:rating>4</g:rating>|<g:rating>7</g:rating>|'
expect_rule $S gbase-year "Google Base: year has four digits" \
	's|<g:year>2024</g:year>|<g:year>24</g:year>|'

# ---- FeedSync 1.0 ----
X=ext-sync-ok.xml
expect_rule $X extension-value "§3.1 sharing: since not after until" \
	's|since="2024-01-01T00:00:00Z"|since="2024-12-01T00:00:00Z"|'
expect_rule $X date-rfc3339 "§3.1 sharing: expires is an RFC 3339 date" \
	's|expires="2024-06-01T00:00:00Z"|expires="June"|'
expect_rule $X missing-attribute "§3.1 related: link is required" \
	's|<sx:related link="https://example.org/all.rss" |<sx:related |'
expect_rule $X extension-value "§3.1 related: type complete or aggregated" \
	's|type="complete"|type="partial"|'
expect_rule $X missing-attribute "§3.2 sync: updates is required" \
	's|updates="2" ||'
expect_rule $X boolean "§3.2 sync: deleted is true or false" \
	's|deleted="false"|deleted="no"|'
expect_rule $X missing-attribute "§3.2 history: when or by" \
	's|<sx:history sequence="1" by="Bob"/>|<sx:history sequence="1"/>|'
expect_rule $X positive-integer "§3.2 history: sequence is a positive integer" \
	's|sequence="2"|sequence="second"|'
expect_rule $X duplicate-element "§3.2: one sync an item" \
	's|</sx:sync>|</sx:sync><sx:sync id="x" updates="1"><sx:history sequence="1" by="A"/></sx:sync>|'
expect_rule $X unknown-element "FeedSync: sync belongs in an item, not the channel" \
	's|<sx:sharing since|<sx:sync id="c" updates="1"/><sx:sharing since|'
expect_rule $X unexpected-attribute "§3.2 sync: its attributes only" \
	's|noconflicts="false"|noconflicts="false" owner="Ann"|'

# ---- XML: the encoding ----
expect_warning rss-ok.xml obscure-encoding "an encoding outside the WHATWG list" \
	's|encoding="utf-8"|encoding="x-mac-greek"|'
expect_clean rss-ok.xml "windows-1252 is a common encoding" \
	's|encoding="utf-8"|encoding="windows-1252"|'

done_testing
