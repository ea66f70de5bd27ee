#!/bin/sh
# site.sh: feedgen -o end to end: every feed of the example site at
# jekyll-feed's paths, valid against feeds/*.rng and clean for feedgen
# validate; re-runs that change nothing touch nothing; a changed post rewrites
# only the feeds that hold it; stale feeds listed and pruned; hostile names
# stay inside the output folder.
. "$(dirname "$0")/lib.sh"

ex="$top_srcdir/example"
out="$TMP/out"

# Every file's name, inode and mtime: equal listings mean nothing was rewritten.
stamps() {
	find "$1" -type f -exec stat -c '%n %i %y' {} + | sort
}

"$FEEDGEN" -o "$out" "$ex" 2>"$TMP/err"
ok $? "feedgen -o on the example site: exit status 0"
for f in feed.xml feed.rss "feed/Finance.xml" "feed/Finance.rss" \
	"feed/Career  In touxingPEVC.xml" "feed/anxinguojizhengquan(xianggang).rss" \
	"feed/by_tag/港股.xml" "feed/by_tag/港股.rss"; do
	test -f "$out/$f"
	ok $? "wrote $f"
done
n_atom=$(find "$out" -name '*.xml' | wc -l)
n_rss=$(find "$out" -name '*.rss' | wc -l)
ok $(( n_atom == n_rss && n_atom > 10 ? 0 : 1 )) "an RSS file beside each of the $n_atom Atom files"

find "$out" -name '*.xml' -exec "$XMLLINT" --noout --relaxng "$top_srcdir/feeds/atom.rng" {} + >/dev/null 2>&1
ok $? "every Atom feed validates against feeds/atom.rng"
find "$out" -name '*.rss' -exec "$XMLLINT" --noout --relaxng "$top_srcdir/feeds/rss.rng" {} + >/dev/null 2>&1
ok $? "every RSS feed validates against feeds/rss.rng"
find "$out" -type f ! -name feeds.opml -exec "$FEEDGEN" validate {} + >"$TMP/validate.out" 2>&1
ok $? "feedgen validate: every feed valid"
! grep -v -e ': 0 errors, 0 warnings$' \
	-e '^feedgen validate: [0-9]* documents, [0-9]* valid, 0 invalid, 0 unreadable, 0 errors, 0 warnings$' \
	"$TMP/validate.out" >/dev/null
ok $? "feedgen validate: no errors and no warnings"

grep -q '<title>青岛财经观察 &amp; 市场日志</title>' "$out/feed/by_tag/港股.xml"
ok $? "Atom tag feed title: the site's, as jekyll-feed's"
grep -q '<title>青岛财经观察 &amp; 市场日志 | #港股</title>' "$out/feed/by_tag/港股.rss"
ok $? "RSS tag feed title: Site | #tag"
grep -q '<title>青岛财经观察 &amp; 市场日志 | Finance</title>' "$out/feed/Finance.rss"
ok $? "category feed title: Site | Category"
grep -q 'href="https://news.example.com/feed/by_tag/%E6%B8%AF%E8%82%A1.xml" rel="self"' "$out/feed/by_tag/港股.xml"
ok $? "CJK name percent-encoded in the self link"
grep -q 'href="https://news.example.com/feed/Career%20%20In%20touxingPEVC.rss" rel="self"' \
	"$out/feed/Career  In touxingPEVC.rss"
ok $? "spaces percent-encoded in the RSS self link"
grep -q '<language>zh-CN</language>' "$out/feed.rss"
ok $? "RSS language zh_CN written zh-CN"
grep -q '<pubDate>Thu, 16 Dec 2021 11:20:07 +0800</pubDate>' "$out/feed.rss"
ok $? "RSS pubDate in RFC 822 with a numeric zone"
grep -q '<lastBuildDate>Thu, 16 Dec 2021 11:20:07 +0800</lastBuildDate>' "$out/feed.rss"
ok $? "RSS lastBuildDate is the newest item"
grep -q '<author>liming@news.example.com (李明)</author>' "$out/feed.rss"
ok $? "RSS author as email (name)"
grep -q '<guid isPermaLink="false">https://news.example.com/anxinguojizhengquan(xianggang)/2021/12/16/gangu-shichang-zhoubao</guid>' \
	"$out/feed.rss"
ok $? "RSS guid: jekyll-feed's id, not a permalink"
c=$(grep -c '<item>' "$out/feed/by_tag/港股.rss")
ok $(( c == 1 ? 0 : 1 )) "a tag feed holds only its posts"

# Same posts, same bytes: again into the same folder (nothing touched) and
# into a new one (the same tree).
stamps "$out" >"$TMP/before"
sleep 1
"$FEEDGEN" -o "$out" "$ex" 2>/dev/null
stamps "$out" >"$TMP/after"
cmp -s "$TMP/before" "$TMP/after"
ok $? "a re-run on unchanged posts rewrites nothing (inodes and mtimes kept)"
"$FEEDGEN" -o "$TMP/out2" "$ex" 2>/dev/null
diff -r "$out" "$TMP/out2" >/dev/null
ok $? "two runs give byte-identical trees"

# A changed post rewrites exactly the feeds that hold it.
site="$TMP/site"
mkdir -p "$site/_posts"
printf 'title: T\nurl: https://t.example\n' >"$site/_config.yml"
i=1
while [ $i -le 12 ]; do
	printf -- '---\ntitle: P%d\ncategories: [c%d]\ntags: [t%d, all]\n---\nbody %d\n' \
		$i $((i % 3)) $((i % 4)) $i >"$site/_posts/2021-01-$(printf %02d $i)-p$i.md"
	i=$((i + 1))
done
"$FEEDGEN" -n 0 -o "$TMP/o" "$site" 2>/dev/null
stamps "$TMP/o" >"$TMP/before"
sleep 1
# p5: category c2, tags t1 and all.
printf -- '---\ntitle: P5\ncategories: [c2]\ntags: [t1, all]\n---\nbody 5, edited\n' \
	>"$site/_posts/2021-01-05-p5.md"
"$FEEDGEN" -n 0 -o "$TMP/o" "$site" 2>/dev/null
stamps "$TMP/o" >"$TMP/after"
changed=$(diff "$TMP/before" "$TMP/after" | sed -n 's|^> '"$TMP"'/o/\([^ ]*\) .*|\1|p' | sort | tr '\n' ' ')
want="feed.json feed.rss feed.xml feed/by_tag/all.json feed/by_tag/all.rss feed/by_tag/all.xml feed/by_tag/t1.json feed/by_tag/t1.rss feed/by_tag/t1.xml feed/c2.json feed/c2.rss feed/c2.xml "
[ "$changed" = "$want" ]
ok $? "a changed post rewrites only the feeds holding it"
[ "$changed" = "$want" ] || echo "# rewritten: $changed"

# Formats and kinds.
"$FEEDGEN" --format rss -o "$TMP/rss" "$site" 2>/dev/null
[ -z "$(find "$TMP/rss" -name '*.xml')" ] && [ -n "$(find "$TMP/rss" -name '*.rss')" ]
ok $? "--format rss writes only RSS"
"$FEEDGEN" --format atom --no-tags -o "$TMP/atom" "$site" 2>/dev/null
[ -z "$(find "$TMP/atom" -name '*.rss')" ] && [ ! -d "$TMP/atom/feed/by_tag" ] && [ -f "$TMP/atom/feed/c1.xml" ]
ok $? "--format atom --no-tags: Atom site and category feeds only"
"$FEEDGEN" --no-categories -o "$TMP/nocat" "$site" 2>/dev/null
[ ! -f "$TMP/nocat/feed/c1.xml" ] && [ -f "$TMP/nocat/feed/by_tag/t1.rss" ]
ok $? "--no-categories: no category feeds"
"$FEEDGEN" --format all "$site" >/dev/null 2>&1
ok $(( $? == 2 ? 0 : 1 )) "--format all without -o is a usage error"
"$FEEDGEN" --prune "$site" >/dev/null 2>&1
ok $(( $? == 2 ? 0 : 1 )) "--prune without -o is a usage error"
"$FEEDGEN" --format rss "$site" >"$TMP/stdout.rss" 2>/dev/null
check "--format rss to stdout validates against feeds/rss.rng" \
	"$XMLLINT" --noout --relaxng "$top_srcdir/feeds/rss.rng" "$TMP/stdout.rss"

# feed.excerpt_only: summaries by default; --content on the command line wins.
printf 'title: T\nurl: https://t.example\nfeed:\n  excerpt_only: true\n' >"$site/_config.yml"
"$FEEDGEN" -o "$TMP/ex" "$site" 2>/dev/null
! grep -q '<content' "$TMP/ex/feed.xml" && grep -q '<summary>body 12</summary>' "$TMP/ex/feed.xml"
ok $? "feed.excerpt_only: Atom summary, no content"
"$FEEDGEN" --content full -o "$TMP/ex2" "$site" 2>/dev/null
grep -q '<content type="html"' "$TMP/ex2/feed.xml"
ok $? "--content full overrides feed.excerpt_only"
"$FEEDGEN" --content both -o "$TMP/ex3" "$site" 2>/dev/null
grep -q '<content:encoded>&lt;p&gt;body 12&lt;/p&gt;' "$TMP/ex3/feed.rss" &&
	grep -q '<description>body 12</description>' "$TMP/ex3/feed.rss"
ok $? "--content both: RSS description is the summary, content:encoded the full HTML"
printf 'title: T\nurl: https://t.example\n' >"$site/_config.yml"

# Stale feeds: a tag no post has any more is listed, kept, then pruned; a
# file feedgen did not write is never touched.
printf '<feed xmlns="http://www.w3.org/2005/Atom"><title>mine</title></feed>\n' >"$TMP/o/feed/mine.xml"
for f in "$site"/_posts/*.md; do
	sed -i 's/tags: \[t3, all\]/tags: [all]/' "$f"
done
"$FEEDGEN" -n 0 -o "$TMP/o" "$site" 2>"$TMP/stale.err"
ok $? "stale feeds do not fail the run"
grep -q 'feed/by_tag/t3.xml: warning: stale feed' "$TMP/stale.err" &&
	grep -q 'feed/by_tag/t3.rss: warning: stale feed' "$TMP/stale.err"
ok $? "feeds of a tag that is gone are listed as stale"
[ -f "$TMP/o/feed/by_tag/t3.xml" ]
ok $? "and left alone"
! grep -q 'mine.xml' "$TMP/stale.err"
ok $? "a feed feedgen did not write is not listed"
"$FEEDGEN" -n 0 --prune -o "$TMP/o" "$site" 2>/dev/null
[ ! -f "$TMP/o/feed/by_tag/t3.xml" ] && [ ! -f "$TMP/o/feed/by_tag/t3.rss" ] && [ -f "$TMP/o/feed/by_tag/t1.xml" ]
ok $? "--prune deletes the stale feeds and keeps the others"
[ -f "$TMP/o/feed/mine.xml" ]
ok $? "--prune keeps files feedgen did not write"

# Hostile names: nothing is written outside the output folder.
box="$TMP/box"
mkdir -p "$box/site/_posts"
printf -- '---\ntitle: H\ncategories: ["../../../../escaped", "a/../../b", "..", "./."]\ntags: ["../../../escaped-tag", "/", "x/./../y"]\n---\nh\n' \
	>"$box/site/_posts/2021-01-01-h.md"
"$FEEDGEN" --url https://h.example -o "$box/out" "$box/site" 2>"$TMP/hostile.err"
ok $? "hostile category and tag names: exit status 0"
[ "$(cd "$box" && ls)" = "out
site" ] && [ -z "$(find "$box/site" -newer "$box/site/_posts/2021-01-01-h.md" ! -type d)" ] &&
	[ -z "$(find "$TMP" -maxdepth 1 -name '*escaped*')" ] && [ ! -e /escaped.xml ]
ok $? "no file outside the output folder"
[ -f "$box/out/feed/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fescaped.xml" ] &&
	[ -f "$box/out/feed/by_tag/%2E%2E%2F%2E%2E%2F%2E%2E%2Fescaped-tag.xml" ] &&
	[ -z "$(find "$box/out" -mindepth 2 -type d ! -path '*/feed/by_tag')" ]
ok $? "'..' and '/' written %2E and %2F: one file in feed/ or feed/by_tag/, no folder made"

# An output folder that cannot be made (its parent is a file): exit 2, told why.
: >"$TMP/plainfile"
"$FEEDGEN" -o "$TMP/plainfile/out" "$site" 2>"$TMP/nodir.err"
ok $(( $? == 2 ? 0 : 1 )) "an output folder under a regular file: exit status 2"
grep -q 'cannot create the folder: Not a directory' "$TMP/nodir.err"
ok $? "and the message says why"

# Feeds are written on several threads: what they report comes in one order.
# Twelve posts in six categories and three tags, every other body with a bad
# byte, each shown in three feeds: each bad body reported once, the same way
# on every run.
par="$TMP/par"
mkdir -p "$par/_posts"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	body='fine'
	[ $((i % 2)) -eq 0 ] && body=$(printf 'bad\377byte')
	printf -- '---\ntitle: P%s\ndate: 2021-01-%02d\ncategories: c%s\ntags: t%s\n---\n%s\n' \
		"$i" "$i" $((i % 6)) $((i % 3)) "$body" >"$par/_posts/2021-01-$(printf %02d "$i")-p$i.md"
done
"$FEEDGEN" --url https://p.example -o "$TMP/par-out1" "$par" 2>"$TMP/par1.err"
ok $(( $? == 1 ? 0 : 1 )) "bad bytes in shown bodies: exit status 1"
[ "$(grep -c 'invalid UTF-8 at byte offset' "$TMP/par1.err")" -eq 6 ]
ok $? "each of the 6 bad bodies reported once, though each is in 3 feeds"
same=0
for k in 2 3 4 5 6 7 8; do
	rm -rf "$TMP/par-outk"
	"$FEEDGEN" --url https://p.example -o "$TMP/par-outk" "$par" 2>"$TMP/park.err"
	cmp -s "$TMP/par1.err" "$TMP/park.err" && diff -r "$TMP/par-out1" "$TMP/par-outk" >/dev/null &&
		same=$((same + 1))
done
ok $(( same == 7 ? 0 : 1 )) "8 runs: the same messages in the same order, the same files ($same of 7 equal)"

# A large site finds its category and tag feeds on two threads: the messages
# of both kinds still come categories first, and every feed is there.
big="$TMP/big"
python3 - "$big" <<'PY'
import os, sys
d = os.path.join(sys.argv[1], "_posts")
os.makedirs(d)
for i in range(2500):
    cat, tag = ("Merge", "Tag") if i == 1 else ("merge", "tag") if i == 2 else ("c%d" % (i % 7), "t%d" % (i % 5))
    with open(os.path.join(d, "2021-01-01-p%04d.md" % i), "w") as f:
        f.write("---\ntitle: P%d\ncategories: [%s]\ntags: [%s]\n---\nx\n" % (i, cat, tag))
PY
"$FEEDGEN" --url https://b.example -o "$TMP/big-out" -f atom "$big" 2>"$TMP/big.err"
ok $? "a site of 2,500 posts: exit status 0"
kinds=$(grep 'shares the feed' "$TMP/big.err" | sed 's/.*warning: \([a-z]*\) .*/\1/' | tr '\n' ' ')
[ "$kinds" = "category tag " ]
ok $? "the category message, then the tag message ($kinds)"
[ "$(find "$TMP/big-out/feed" -name '*.xml' | wc -l)" -eq $((7 + 1 + 5 + 1)) ]
ok $? "every category and tag feed is written"

done_testing
