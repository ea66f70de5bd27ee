#!/bin/sh
# e2e.sh: the program end to end on the example site and on broken sites:
# the Atom feed validates against feeds/atom.rng, output is deterministic,
# exit statuses and messages are as the README says.
. "$(dirname "$0")/lib.sh"

ex="$top_srcdir/example"
"$FEEDGEN" "$ex" >"$TMP/feed.xml" 2>"$TMP/err"
ok $? "example site: exit status 0"
check "example feed is well-formed XML" "$XMLLINT" --noout "$TMP/feed.xml"
check "example feed validates against feeds/atom.rng" \
	"$XMLLINT" --noout --relaxng "$top_srcdir/feeds/atom.rng" "$TMP/feed.xml"
"$FEEDGEN" validate "$TMP/feed.xml" >"$TMP/v.out" 2>&1
ok $? "example feed passes feedgen validate"
grep -q 'valid: 0 errors, 0 warnings' "$TMP/v.out"
ok $? "with no error and no warning"
"$FEEDGEN" "$ex" >"$TMP/feed2.xml" 2>/dev/null
check "same input, same bytes" cmp "$TMP/feed.xml" "$TMP/feed2.xml"

grep -q '<title>“人力资源+”赋能产业发展</title>' "$TMP/feed.xml"
ok $? "CJK title written as is"
# Titles go through Jekyll's smartify as jekyll-feed's do: the straight
# quotes are curly (what Jekyll 4.3's smartify gives for this title).
grep -q "<title>PE/VC 观察：募资 &amp; 退出 “双压力” 下的新打法</title>" "$TMP/feed.xml"
ok $? "'&' in a title escaped exactly once, its quotes smartified"
grep -c '<entry' "$TMP/feed.xml" | grep -qx 6
ok $? "six entries (the draft left out)"
grep -q '<id>https://news.example.com/anxinguojizhengquan(xianggang)/2021/12/16/gangu-shichang-zhoubao</id>' "$TMP/feed.xml"
ok $? "entry id as jekyll-feed makes it, parentheses kept"
grep -q 'href="https://news.example.com/career%20%20in%20touxingpevc/2021/12/08/touxing-pevc-guancha.html"' "$TMP/feed.xml"
ok $? "category with two spaces lower-cased and percent-encoded in the link"
grep -q 'https://finews.example.com/category/qingdaocaijingribao.html' "$TMP/feed.xml"
ok $? "protocol-relative footer link made absolute"
grep -q 'https://news.example.com/reports/2021/pevc.html' "$TMP/feed.xml"
ok $? "root-relative link made absolute"
grep -q '<updated>2021-12-16T11:20:07+08:00</updated>' "$TMP/feed.xml"
ok $? "feed updated is the newest entry's date in the site zone"
grep -q 'xml:lang="zh-CN"' "$TMP/feed.xml"
ok $? "lang zh_CN written as zh-CN"
grep -q 'warning: empty title' "$TMP/err"
ok $? "empty title warned about"

"$FEEDGEN" --drafts "$ex" 2>/dev/null | grep -q '未完成的稿件'
ok $? "--drafts includes _drafts/"
"$FEEDGEN" -n 2 "$ex" 2>/dev/null | grep -c '<entry' | grep -qx 2
ok $? "-n 2 writes two entries"

if [ -w /dev/full ]; then
	"$FEEDGEN" "$ex" >/dev/full 2>"$TMP/full.err"
	ok $(( $? == 2 ? 0 : 1 )) "writing to /dev/full exits 2"
	grep -q 'write failed' "$TMP/full.err"
	ok $? "and says the write failed"
fi

# A site with one broken post: the others are still published, exit 1.
mkdir -p "$TMP/bad/_posts"
printf -- '---\ntitle: ok\ndate: 2021-01-01\n---\nfine\n' >"$TMP/bad/_posts/good.md"
printf -- '---\ntitle: bad\ndate: 2021-13-45\n---\nx\n' >"$TMP/bad/_posts/bad.md"
"$FEEDGEN" --url https://b.example "$TMP/bad" >"$TMP/bad.xml" 2>"$TMP/bad.err"
ok $(( $? == 1 ? 0 : 1 )) "a broken post makes exit status 1"
grep -q 'bad.md:3:12: error: invalid date' "$TMP/bad.err"
ok $? "error names file, line and column"
grep -q '<title>ok</title>' "$TMP/bad.xml"
ok $? "the good post is still in the feed"
check "the feed is still valid" "$XMLLINT" --noout --relaxng "$top_srcdir/feeds/atom.rng" "$TMP/bad.xml"

# Control characters, ']]>' and a bad _config.yml.
mkdir -p "$TMP/ctl/_posts"
printf -- '---\ntitle: "a\\x01b"\ndate: 2021-01-01\n---\nx\002y ]]> z\n' >"$TMP/ctl/_posts/c.md"
"$FEEDGEN" --url https://c.example "$TMP/ctl" >"$TMP/ctl.xml" 2>/dev/null
check "control characters never reach the XML" "$XMLLINT" --noout "$TMP/ctl.xml"
grep -q 'xy ]]&amp;gt; z' "$TMP/ctl.xml" && ! grep -q ']]>' "$TMP/ctl.xml"
ok $? "']]>' in a body is escaped text, never a CDATA end"
printf 'title: [oops\n' >"$TMP/ctl/_config.yml"
"$FEEDGEN" "$TMP/ctl" >/dev/null 2>"$TMP/cfg.err"
ok $(( $? == 2 ? 0 : 1 )) "a malformed _config.yml exits 2"
grep -q '_config.yml:2:1: error: malformed YAML' "$TMP/cfg.err"
ok $? "naming its line and column"

"$FEEDGEN" >/dev/null 2>&1
ok $(( $? == 2 ? 0 : 1 )) "no site folder is a usage error (2)"
"$FEEDGEN" "$TMP/no-such-site" >/dev/null 2>"$TMP/nosite.err"
ok $(( $? == 2 ? 0 : 1 )) "a site folder that does not exist exits 2"
grep -q 'no-such-site: error: cannot read the site' "$TMP/nosite.err"
ok $? "naming it"

# A body with a bad byte: the post is published up to it, the error counted.
mkdir -p "$TMP/body/_posts"
printf -- '---
title: b
date: 2021-01-01
---
ab\377cd\n' >"$TMP/body/_posts/b.md"
"$FEEDGEN" --url https://b.example "$TMP/body" >"$TMP/body.xml" 2>"$TMP/body.err"
ok $(( $? == 1 ? 0 : 1 )) "invalid UTF-8 in a shown body makes exit status 1"
grep -q 'b.md:5: error: invalid UTF-8 at byte offset 36' "$TMP/body.err"
ok $? "with the byte offset"
grep -q '&lt;p&gt;ab' "$TMP/body.xml" && "$XMLLINT" --noout "$TMP/body.xml"
ok $? "and the text before it is published, well-formed"
# Many posts load on several threads; messages still come in path order.
mkdir -p "$TMP/many/_posts"
i=0
while [ $i -lt 700 ]; do
	if [ $((i % 97)) -eq 5 ]; then
		printf -- '---\ntitle: bad\ndate: 2021-13-01\n---\nx\n'
	else
		printf -- '---\ntitle: p%d\ndate: 2021-01-01\n---\nx\n' $i
	fi >"$TMP/many/_posts/$(printf 'p%04d' $i).md"
	i=$((i + 1))
done
"$FEEDGEN" -n 0 --url https://m.example "$TMP/many" >"$TMP/many1.xml" 2>"$TMP/many1.err"
"$FEEDGEN" -n 0 --url https://m.example "$TMP/many" >"$TMP/many2.xml" 2>"$TMP/many2.err"
cmp -s "$TMP/many1.xml" "$TMP/many2.xml" && cmp -s "$TMP/many1.err" "$TMP/many2.err"
ok $? "700 posts: same feed and same messages on every run"
grep ': error: ' "$TMP/many1.err" >"$TMP/many1.errors"
[ "$(wc -l <"$TMP/many1.errors")" -eq 8 ] && sort -c "$TMP/many1.errors" &&
	tail -n 1 "$TMP/many1.err" | grep -q '^feedgen: 692 posts read, .*, 8 errors$'
ok $? "the 8 errors come in path order, then the summary line"
done_testing
