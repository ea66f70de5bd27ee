#!/bin/sh
# realgen.sh: `feedgen validate` on feeds rendered the way the blog engines
# and site generators most of the web runs on write them (issue 14: agreement
# with the W3C Feed Validation Service on real feeds). tests/realgen/README
# names the template or serialiser each blog_*/cms_* file follows.
#
# Each line below: the file, the exit status, and the exact set of
# "severity:rule-id" the validator reports for it (sorted, each once). A new
# false error, a lost warning or a changed severity fails the test; so does a
# blog_*/cms_* file no line names.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/validate-lib.sh"
dir=$top_srcdir/tests/realgen
listed=$TMP/listed

# expect FILE EXIT "SEVERITY:RULE ...": FILE validated, EXIT status, and the
# sorted set of severity:rule pairs of its messages ("" for none).
expect() {
	echo "$1" >> "$listed"
	expect_rules "$dir/$1" "$2" "$3" "$1"
}

# ---- WordPress (wp-includes/feed-*.php) ----
expect blog_wordpress-rss2.xml 0 ""
expect blog_wordpress-atom.xml 0 "warning:blank"
expect blog_wordpress-rdf.xml 0 ""
expect blog_wordpress-rss092.xml 0 ""
expect blog_wordpress-rss2-comments.xml 0 "warning:html-security-risk"
expect blog_wordpress-atom-comments.xml 0 ""

# ---- Drupal (core/modules/views/templates/views-view-rss.html.twig) ----
expect cms_drupal-rss.xml 0 "warning:missing-atom-self-link"

# ---- MediaWiki (includes/templates/RSS*.mustache, Atom*.mustache) ----
expect cms_mediawiki-rss.xml 0 "warning:missing-atom-self-link"
expect cms_mediawiki-atom.xml 0 ""

# ---- Discourse (app/views/topics/show.rss.erb): a mention's href is relative ----
expect cms_discourse-topic-rss.xml 0 "warning:relative-reference"

# ---- Django (django/utils/feedgenerator.py) ----
expect cms_django-rss.xml 0 ""
expect cms_django-atom.xml 0 ""
# A Feed without item_updateddate: entries have no <updated> (RFC 4287 §4.1.2).
expect cms_django-atom-noupdated.xml 1 "error:missing-element"

# ---- Hugo (the embedded _default/rss.xml): a footnote's "#fn:1" in the summary ----
expect blog_hugo-rss.xml 0 "warning:relative-reference"

# ---- Zola (components/templates/src/builtins/atom.xml, rss.xml) ----
expect blog_zola-atom.xml 0 ""
expect blog_zola-rss.xml 0 "warning:relative-reference"

# ---- Ghost (node-rss, dylang/node-rss lib/index.js): a YouTube embed's iframe ----
expect blog_ghost-rss.xml 0 "warning:html-security-risk"

# ---- Docusaurus (jpmonette/feed src/rss2.ts, src/atom1.ts) ----
# RSS: <author> holds a name alone and is repeated for a second author (RSS
# 2.0: "Email address of the author"); no atom:link self. Atom: an entry with
# no author and no feed author (RFC 4287 §4.1.1); no link rel="self".
expect blog_docusaurus-rss.xml 1 "error:duplicate-element error:email warning:missing-atom-self-link"
expect blog_docusaurus-atom.xml 1 "error:atom-author warning:missing-self"

# ---- WordPress.com / Jetpack: cloud, hub and search links, post-id in its own
# namespace, georss, geo, media:thumbnail and media:content ----
expect blog_wordpress-com-rss2.xml 0 ""

# ---- phpBB (phpBB/styles/all/template/feed.xml.twig): the template writes a
# space after an edited post's <updated> ("{{ row.updated }} {% else %}"):
# RFC 4287 §3.3, a date-time and nothing else ----
expect cms_phpbb-atom.xml 1 "error:unexpected-whitespace"

# ---- Gitea (gorilla/feeds rss.go, atom.go; routers/web/feed/convert.go) ----
# The id "57: https://..." is neither a URL (RSS guid, isPermaLink not false)
# nor an IRI (atom:id, RFC 4287 §4.2.6); RSS <author> is the name alone.
expect cms_gitea-releases-rss.xml 1 "error:email error:uri-absolute warning:missing-atom-self-link"
expect cms_gitea-releases-atom.xml 1 "error:iri warning:missing-self"

# ---- python-feedgen (lkiesow/python-feedgen feedgen/feed.py, entry.py) ----
# Atom content given type='CDATA' (the library's way to CDATA in RSS) keeps
# type="CDATA": not text/html/xhtml nor a MIME type (RFC 4287 §4.1.3.1): one
# error, the content not then judged as base64 too (one message a problem).
expect blog_python-feedgen-rss.xml 0 ""
expect blog_python-feedgen-atom.xml 1 "error:mime-type"

# ---- Rails (actionview AtomFeedHelper, atom_feed builder) ----
expect cms_rails-atom.xml 0 ""

# ---- Eleventy (11ty/eleventy-plugin-rss src/virtualTemplate.js), defaults:
# metadata.language "" gives <language></language> (RSS 2.0: a language
# code) and xml:lang="" (XML 1.0 §2.12 allows it) ----
expect blog_eleventy-rss.xml 1 "error:language"
expect blog_eleventy-atom.xml 0 ""

# ---- Rome (rometools/rome ConverterForRSS093/094 + DCModule): pubDate and
# dc:date both, for the channel and each item ----
expect cms_rome-rss2.xml 0 "warning:missing-atom-self-link warning:rss-duplicate-semantics"

# ---- Mastodon (app/lib/rss/*.rb, app/views/accounts/show.rss.ruby): items
# without title, webfeeds:icon, media:content with rating/description/thumbnail ----
expect blog_mastodon-rss.xml 0 "warning:missing-atom-self-link"

# ---- Joomla (libraries/src/Document/Renderer/Feed/RssRenderer.php), a site
# in Asia/Kathmandu: toRFC822(true) writes the +0545 offset ----
expect cms_joomla-rss.xml 0 ""

# ---- the fixes these feeds needed, each from its spec ----
# XML Base §4.2: an item's base URI is inherited from <rss>/<channel>'s
# xml:base, though the validator checks each item in a document of its own
# (Drupal writes <rss xml:base="https://site/"> and relative src/href in
# descriptions). Without any xml:base the warning stays.
expect_clean rss-ok.xml "xml:base on <rss> covers an item's relative references" \
	's|<rss version="2.0"|<rss xml:base="https://example.org/" version="2.0"|; s|Only a description|\&lt;img src="/a.png"\&gt;|'
expect_clean rss-ok.xml "a relative xml:base on the item resolves against the channel's" \
	's|<channel>|<channel xml:base="https://example.org/blog/">|; s|<item>|<item xml:base="2024/">|; s|<title>First post</title>|<description>\&lt;a href="a.html"\&gt;a\&lt;/a\&gt;</description>|'
expect_warning rss-ok.xml relative-reference "no xml:base anywhere: the warning stays" \
	's|Only a description|\&lt;img src="/a.png"\&gt;|'

# RFC 2822 §3.3: the tokens of a date-time are separated by FWS, one or more
# spaces or tabs (§3.2.3; strftime's "%a, %e %b" pads the day with a space),
# optional after the comma; a numeric zone is any +HHMM (Asia/Kathmandu is
# +0545, as Hugo writes it there). Neither is obsolete syntax. A two-digit
# year is (§4.3), and the day of the week is still checked.
expect_clean rss-ok.xml "pubDate with the offset +0545" \
	's|<pubDate>Wed, 01 May 2024 10:00:00 +0800|<pubDate>Wed, 01 May 2024 10:00:00 +0545|'
expect_clean rss-ok.xml "pubDate with a space-padded day (strftime %e)" \
	's|<pubDate>Wed, 01 May 2024 10:00:00 +0800|<pubDate>Wed,  1 May 2024 10:00:00 +0800|'
expect_clean rss-ok.xml "pubDate with no space after the comma" \
	's|<pubDate>Wed, 01 May 2024 10:00:00 +0800|<pubDate>Wed,01 May 2024 10:00:00 +0800|'
expect_warning rss-ok.xml date-rfc822-obsolete "pubDate with a two-digit year" \
	's|<pubDate>Wed, 01 May 2024 10:00:00 +0800|<pubDate>Wed, 01 May 24 10:00:00 +0800|'
expect_rule rss-ok.xml date-day-of-week "a wrong day of the week, padded day" \
	's|<pubDate>Wed, 01 May 2024 10:00:00 +0800|<pubDate>Thu,  1 May 2024 10:00:00 +0800|'

# Every rendered feed is checked above.
for f in "$dir"/blog_* "$dir"/cms_*; do
	[ -e "$f" ] || continue
	grep -qx "$(basename "$f")" "$listed"
	ok $? "$(basename "$f") is listed in realgen.sh"
done
done_testing
