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
FEEDGEN=${FEEDGEN:-src/feedgen}
srcdir=${top_srcdir:-.}/tests/validate
tmp=$TMP	# lib.sh's, removed on exit

# run BASE SED-SCRIPT: the edited copy checked, output in $tmp/out, exit in $rc.
run() {
	sed -e "$2" "$srcdir/$1" > "$tmp/case.${1##*.}"
	"$FEEDGEN" validate "$tmp/case.${1##*.}" > "$tmp/out" 2>&1
	rc=$?
}

show() { [ "$1" -eq 0 ] || sed 's/^/# /' "$tmp/out"; }

# expect_rule BASE RULE DESCRIPTION SED-SCRIPT: an error.
expect_rule() {
	run "$1" "$4"
	[ $rc -eq 1 ] && grep -q "error: .*\[$2\]" "$tmp/out"
	st=$?
	ok $st "$3 [$2]"
	show $st
}

# expect_warning BASE RULE DESCRIPTION SED-SCRIPT: a warning, still valid.
expect_warning() {
	run "$1" "$4"
	[ $rc -eq 0 ] && grep -q "warning: .*\[$2\]" "$tmp/out"
	st=$?
	ok $st "$3 [$2] (a warning)"
	show $st
}

# expect_at BASE RULE LINE DESCRIPTION SED-SCRIPT: reported on that line.
expect_at() {
	run "$1" "$5"
	grep -q ":$3:[0-9]*: [a-z]*: .*\[$2\]" "$tmp/out"
	st=$?
	ok $st "$4 [$2] at line $3"
	show $st
}

# expect_clean BASE DESCRIPTION SED-SCRIPT: valid, no warnings.
expect_clean() {
	run "$1" "$3"
	[ $rc -eq 0 ] && grep -q ", valid: 0 errors, 0 warnings$" "$tmp/out"
	st=$?
	ok $st "$2 (valid, no warnings)"
	show $st
}

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

done_testing
