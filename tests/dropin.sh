#!/bin/sh
# dropin.sh: feedgen as a drop-in for jekyll-feed. Sites configured as
# jekyll-feed's README shows (https://github.com/jekyll/jekyll-feed, its
# "Optional configuration options", "Already have a feed path?",
# "Categories", "Posts limit", "Excerpt Only flag", "Tags", "Custom styling"
# and "Meta tags" sections), with posts like its own spec fixtures; checked
# against what jekyll-feed documents and does:
#   paths     feed.path (default feed.xml), /feed/<category>.xml for each
#             listed category, <tags.path>/<tag>.xml (default /feed/by_tag/)
#   feed id   the feed's own URL ({{ page.url | absolute_url }})
#   entry id  {{ post.id | absolute_url }}, where Jekyll's post.id is
#             File.join(File.dirname(post.url), slug)
#   link      {{ post.url | absolute_url }}
#   feed_meta <link type="application/atom+xml" rel="alternate" href="…"
#             title="…" />, no title when the site has none
# The expected URLs below are worked out from Jekyll's permalink rules, not
# copied from feedgen's output.
. "$(dirname "$0")/lib.sh"

post() { # post SITE RELPATH FRONT-MATTER-LINES...
	f="$1/$2"
	shift 2
	mkdir -p "$(dirname "$f")"
	{
		echo '---'
		for line in "$@"; do echo "$line"; done
		echo '---'
		echo 'Some text.'
	} >"$f"
}

# The values of one element or attribute of a feed, one a line, in document
# order: "feed-id", "self", "entry-ids", "entry-links", "guids", "entries".
pick() { # pick WHAT FILE
	python3 - "$1" "$2" <<'EOF'
import sys, xml.etree.ElementTree as ET
what, path = sys.argv[1], sys.argv[2]
A = "{http://www.w3.org/2005/Atom}"
root = ET.parse(path).getroot()
if what == "feed-id":
    print(root.find(A + "id").text)
elif what == "self":
    print([l.get("href") for l in root.findall(A + "link") if l.get("rel") == "self"][0])
elif what == "entry-ids":
    for e in root.findall(A + "entry"):
        print(e.find(A + "id").text)
elif what == "entry-links":
    for e in root.findall(A + "entry"):
        print(e.find(A + "link").get("href"))
elif what == "contents":
    print(len(root.findall(A + "entry/" + A + "content")))
elif what == "guids":
    for g in root.iter("guid"):
        print(g.text)
EOF
}

# is_set DESCRIPTION EXPECTED-LINES ACTUAL-LINES: the same lines, any order.
same_lines() {
	printf '%s\n' "$2" | sort >"$TMP/want"
	printf '%s\n' "$3" | sort >"$TMP/got"
	cmp -s "$TMP/want" "$TMP/got"
	status=$?
	ok $status "$1"
	[ $status -eq 0 ] || diff "$TMP/want" "$TMP/got" | sed 's/^/# /'
}

# ---- site A: the README's configuration keys ----

a="$TMP/a"
mkdir -p "$a"
cat >"$a/_config.yml" <<'EOF'
title: My awesome site
description: Where I blog about Jekyll and other awesome things
url: http://example.org
author:
  name: Dr. Jekyll
plugins:
  - jekyll-feed
feed:
  categories:
    - news
    - updates
  posts_limit: 20
  tags:
    except:
      - tag-to-exclude
      - another-tag
EOF
post "$a" _posts/2013-12-12-dec-the-second.md 'excerpt: Foo'
post "$a" _posts/2014-03-02-march-the-second.md 'categories: news' 'tags: [jekyll, tag-to-exclude]'
post "$a" _posts/2014-03-04-march-the-fourth.md 'category: updates' 'tags: jekyll'
post "$a" updates/_posts/2015-01-18-in-a-folder.md 'title: In a folder'
post "$a" _posts/2015-02-12-elsewhere.md 'categories: other'
post "$a" _posts/2015-03-01-both.md 'categories: [news, updates]' 'tags: [another-tag]'

"$FEEDGEN" -o "$TMP/a-out" "$a" 2>"$TMP/a.err"
ok $? "site A: exit status 0"
o="$TMP/a-out"
for f in feed.xml feed/news.xml feed/updates.xml feed/by_tag/jekyll.xml; do
	test -f "$o/$f"
	ok $? "A: $f, at jekyll-feed's path"
done
for f in feed/other.xml feed/by_tag/tag-to-exclude.xml feed/by_tag/another-tag.xml; do
	! test -e "$o/$f"
	ok $? "A: no $f (not listed, or excepted)"
done

u=http://example.org
[ "$(pick feed-id "$o/feed.xml")" = "$u/feed.xml" ]
ok $? "A: the site feed's id is its URL"
[ "$(pick self "$o/feed.xml")" = "$u/feed.xml" ]
ok $? "A: and so is its rel=self link"
[ "$(pick feed-id "$o/feed/news.xml")" = "$u/feed/news.xml" ]
ok $? "A: a category feed's id is its URL"
[ "$(pick feed-id "$o/feed/by_tag/jekyll.xml")" = "$u/feed/by_tag/jekyll.xml" ]
ok $? "A: a tag feed's id is its URL"

# Jekyll's default permalink (date): /:categories/:year/:month/:day/:title:output_ext;
# post.id drops the extension: dirname(url)/slug.
same_lines "A: entry ids are post.id | absolute_url" "\
$u/2013/12/12/dec-the-second
$u/news/2014/03/02/march-the-second
$u/updates/2014/03/04/march-the-fourth
$u/updates/2015/01/18/in-a-folder
$u/other/2015/02/12/elsewhere
$u/news/updates/2015/03/01/both" "$(pick entry-ids "$o/feed.xml")"
same_lines "A: entry links are post.url | absolute_url" "\
$u/2013/12/12/dec-the-second.html
$u/news/2014/03/02/march-the-second.html
$u/updates/2014/03/04/march-the-fourth.html
$u/updates/2015/01/18/in-a-folder.html
$u/other/2015/02/12/elsewhere.html
$u/news/updates/2015/03/01/both.html" "$(pick entry-links "$o/feed.xml")"
same_lines "A: feed/news.xml holds the news posts" "\
$u/news/2014/03/02/march-the-second
$u/news/updates/2015/03/01/both" "$(pick entry-ids "$o/feed/news.xml")"
same_lines "A: feed/updates.xml holds the updates posts, the folder's too" "\
$u/updates/2014/03/04/march-the-fourth
$u/updates/2015/01/18/in-a-folder
$u/news/updates/2015/03/01/both" "$(pick entry-ids "$o/feed/updates.xml")"
same_lines "A: feed/by_tag/jekyll.xml holds the posts tagged jekyll" "\
$u/news/2014/03/02/march-the-second
$u/updates/2014/03/04/march-the-fourth" "$(pick entry-ids "$o/feed/by_tag/jekyll.xml")"
same_lines "A: the RSS guids are the same ids" "$(pick entry-ids "$o/feed.xml")" \
	"$(pick guids "$o/feed.rss")"
first=$(pick entry-ids "$o/feed.xml" | head -n 1)
[ "$first" = "$u/news/updates/2015/03/01/both" ]
ok $? "A: newest first"

# {% feed_meta %}: jekyll-feed's spec expects exactly this tag.
"$FEEDGEN" --print-links --no-categories --no-tags --format atom "$a" >"$TMP/a-meta" 2>/dev/null
echo '<link type="application/atom+xml" rel="alternate" href="http://example.org/feed.xml" title="My awesome site" />' |
	cmp -s - "$TMP/a-meta"
ok $? "A: --print-links is feed_meta's tag, byte for byte"

# ---- site B: feed.path, baseurl, tags.path and only, pretty, limit, excerpt_only ----

b="$TMP/b"
mkdir -p "$b"
cat >"$b/_config.yml" <<'EOF'
title: My awesome site
url: http://example.org
baseurl: /bass
lang: en-US
permalink: pretty
feed:
  path: /blog/feed.atom
  posts_limit: 2
  excerpt_only: true
  tags:
    path: "alternative/path/for/tags/feeds/"
    only:
      - tag-to-include
      - another-tag
EOF
post "$b" _posts/2014-03-02-march-the-second.md 'categories: news' 'tags: [tag-to-include, jekyll]'
post "$b" _posts/2014-03-04-march-the-fourth.md 'tags: [another-tag]'
post "$b" _posts/2014-03-06-march-the-sixth.md 'title: Sixth'
printf '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>\n' \
	>"$b/feed.xslt.xml"

"$FEEDGEN" -o "$TMP/b-out" "$b" 2>"$TMP/b.err"
ok $? "site B: exit status 0"
o="$TMP/b-out"
u=http://example.org/bass
test -f "$o/blog/feed.atom" && ! test -e "$o/feed.xml"
ok $? "B: feed.path /blog/feed.atom is where the site feed goes, not feed.xml"
test -f "$o/alternative/path/for/tags/feeds/tag-to-include.xml" &&
	test -f "$o/alternative/path/for/tags/feeds/another-tag.xml"
ok $? "B: tag feeds in feed.tags.path"
! test -e "$o/alternative/path/for/tags/feeds/jekyll.xml" && ! test -e "$o/feed/by_tag"
ok $? "B: only the tags listed in feed.tags.only, nothing in feed/by_tag/"
[ "$(pick feed-id "$o/blog/feed.atom")" = "$u/blog/feed.atom" ]
ok $? "B: the site feed's id is its URL, with baseurl"
[ "$(pick feed-id "$o/alternative/path/for/tags/feeds/another-tag.xml")" = \
  "$u/alternative/path/for/tags/feeds/another-tag.xml" ]
ok $? "B: a tag feed's id is its URL in feed.tags.path"
# Jekyll's pretty style: /:categories/:year/:month/:day/:title/ ; dirname of
# ".../march-the-sixth/" is ".../06", so post.id is ".../06/march-the-sixth".
same_lines "B: posts_limit 2: the two newest, ids from the pretty URLs with baseurl" "\
$u/2014/03/06/march-the-sixth
$u/2014/03/04/march-the-fourth" "$(pick entry-ids "$o/blog/feed.atom")"
same_lines "B: their links are the pretty URLs" "\
$u/2014/03/06/march-the-sixth/
$u/2014/03/04/march-the-fourth/" "$(pick entry-links "$o/blog/feed.atom")"
same_lines "B: a category post's id keeps its category" "\
$u/news/2014/03/02/march-the-second" "$(pick entry-ids "$o/alternative/path/for/tags/feeds/tag-to-include.xml")"
[ "$(pick contents "$o/blog/feed.atom")" = 0 ]
ok $? "B: excerpt_only: no <content>"
grep -q '<?xml-stylesheet type="text/xml" href="http://example.org/bass/feed.xslt.xml"?>' "$o/blog/feed.atom"
ok $? "B: feed.xslt.xml at the root is the stylesheet"
grep -q 'rel="alternate" type="text/html" hreflang="en-US"' "$o/blog/feed.atom"
ok $? "B: lang gives hreflang, as jekyll-feed's spec checks"
"$FEEDGEN" --print-links --no-categories --no-tags --format atom "$b" >"$TMP/b-meta" 2>/dev/null
echo '<link type="application/atom+xml" rel="alternate" href="http://example.org/bass/blog/feed.atom" title="My awesome site" />' |
	cmp -s - "$TMP/b-meta"
ok $? "B: feed_meta with the custom path and baseurl"

# ---- site C: no title ----

c="$TMP/c"
mkdir -p "$c"
printf 'url: http://example.org\n' >"$c/_config.yml"
post "$c" _posts/2014-03-02-march-the-second.md
"$FEEDGEN" --print-links --no-categories --no-tags --format atom "$c" >"$TMP/c-meta" 2>/dev/null
echo '<link type="application/atom+xml" rel="alternate" href="http://example.org/feed.xml" />' |
	cmp -s - "$TMP/c-meta"
ok $? "C: feed_meta of an untitled site has no title"

# Every feed written for these sites passes feedgen validate.
find "$TMP/a-out" "$TMP/b-out" -type f \( -name '*.xml' -o -name '*.rss' -o -name '*.atom' \) \
	! -name 'feed.xslt.xml' -exec "$FEEDGEN" validate {} + >"$TMP/validate.out" 2>&1
ok $? "every Atom and RSS feed of A and B is valid"

done_testing
