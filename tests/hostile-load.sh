#!/bin/sh
# hostile-load.sh: hostile sites, loading (issue 15, findings 7, 8, 14, 15,
# 16): YAML bounded for every kind of nesting, loading linear in control
# characters and names, no value cut at a NUL, body HTML made well-formed and
# inert, undated drafts dated as Jekyll does, bad config values named.
. "$(dirname "$0")/lib.sh"

post() { # post DIR NAME FRONT-MATTER-LINES BODY
	mkdir -p "$1"
	printf -- '---\n%b---\n%s\n' "$3" "$4" >"$1/$2"
}
site() { # site DIR: a site with a url and one good post
	mkdir -p "$1/_posts"
	printf 'url: https://load.example\n' >"$1/_config.yml"
	post "$1/_posts" 2021-01-01-good.md 'title: Good\n' 'good'
}
secs() { # secs COMMAND...: run it, set $took to the whole seconds it took
	start=$(date +%s)
	"$@"
	rc=$?
	took=$(($(date +%s) - start))
	return $rc
}

# --- 7: YAML depth bounded for block nesting too ----------------------------
s="$TMP/deep"
site "$s"
python3 -c "
import sys
open(sys.argv[1] + '/2021-01-02-seq.md', 'w').write('---\ntitle: S\nx:\n- ' + '- ' * 2000000 + 'x\n---\nb\n')
open(sys.argv[1] + '/2021-01-03-map.md', 'w').write('---\ntitle: M\nx:\n' + ''.join(' ' * i + 'k%d:\n' % i for i in range(100)) + '---\nb\n')
" "$s/_posts"
(ulimit -v $MEMLIMIT; secs timeout 60 "$FEEDGEN" "$s" >"$TMP/out.xml" 2>"$TMP/err")
rc=$?
grep -q "2021-01-02-seq.md:4:.*: error: YAML nested more than 64 levels deep \[yaml\]" "$TMP/err"
ok $? "'- - - ...' 2 M levels deep on one line: an error at its line (exit $rc)"
grep -q "2021-01-03-map.md:[0-9]*:[0-9]*: error: YAML nested more than 64 levels deep \[yaml\]" "$TMP/err"
ok $? "block mappings 100 levels deep: an error at a line and column"
[ $rc = 1 ] && grep -q '<title>Good</title>' "$TMP/out.xml"
ok $? "the other posts are published, exit 1"
start=$(date +%s)
/usr/bin/time -f %M -o "$TMP/mem" "$FEEDGEN" "$s" >/dev/null 2>&1
took=$(($(date +%s) - start))
mem=$(tail -1 "$TMP/mem")
[ $took -le 10 ] && { grep -q __asan_init "$FEEDGEN" 2>/dev/null || [ "$mem" -lt 200000 ]; }
ok $? "quickly and in little memory (${took} s, $mem KB)"
printf 'url: https://load.example\nx:\n' >"$s/_config.yml"
python3 -c "import sys; sys.stdout.write('- ' * 100000 + 'x\n')" >>"$s/_config.yml"
timeout 30 "$FEEDGEN" "$s" >/dev/null 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && grep -q "_config.yml:3:.*: error: YAML nested more than 64 levels deep \[yaml\]" "$TMP/err"
ok $? "the same in _config.yml: an error at its line (exit $rc)"

# --- 7: control characters reported in linear time --------------------------
s="$TMP/ctl"
site "$s"
python3 -c "
import sys
open(sys.argv[1] + '/2021-01-02-ctl.md', 'w').write('---\ntitle: \"T' + '\x01' * 300000 + '\"\n---\nb\n')
" "$s/_posts"
secs timeout 60 "$FEEDGEN" "$s" >"$TMP/out.xml" 2>"$TMP/err"
rc=$?
[ $rc = 0 ] && [ $took -le 10 ]
ok $? "300,000 control characters in a title: loaded in ${took} s (exit $rc)"
grep -q '<title>T</title>' "$TMP/out.xml"
ok $? "and dropped from it"
grep -qF "2021-01-02-ctl.md:2:10: warning: control character U+0001 dropped" "$TMP/err" &&
	grep -qF "more control characters dropped after this one (not each reported) [control-char]" "$TMP/err"
ok $? "each of the first reported at its place, then how many more"
[ "$(wc -l <"$TMP/err")" -lt 50 ]
ok $? "in a few lines ($(wc -l <"$TMP/err"))"

# --- 7: duplicate names removed in n log n ----------------------------------
s="$TMP/dups"
site "$s"
python3 -c "
import sys
open(sys.argv[1] + '/_config.yml', 'w').write('url: https://load.example\ndefaults:\n  - scope: {path: \"\"}\n    values:\n      categories: [' + ','.join('c%d' % i for i in range(100000)) + ']\n')
" "$s"
post "$s/_posts" 2021-01-02-own.md 'title: Own\ncategories: [mine]\n' 'x'
secs timeout 60 "$FEEDGEN" "$s" >/dev/null 2>"$TMP/err"
rc=$?
[ $rc = 1 ] && [ $took -le 15 ]
ok $? "100,000 categories from defaults: merged quickly (${took} s, exit $rc)"
grep -qF "2021-01-02-own.md:3:13: error: 100001 categories and tags, more than 100" "$TMP/err"
ok $? "an error placed at the post's own list, counting the defaults"
s="$TMP/dups2"
site "$s"
python3 -c "
import sys
open(sys.argv[1] + '/2021-01-02-d.md', 'w').write('---\ntitle: D\ntags: [' + ','.join('t%d' % (i % 40) for i in range(960)) + ']\ncategories: b a b a\n---\nx\n')
" "$s/_posts"
"$FEEDGEN" -f json "$s" 2>/dev/null >"$TMP/out.json"
python3 -c "
import json, sys
f = json.load(open(sys.argv[1]))
tags = [i['tags'] for i in f['items'] if i['title'] == 'D'][0]
sys.exit(0 if tags == ['b', 'a'] + ['t%d' % i for i in range(40)] else 1)
" "$TMP/out.json"
ok $? "repeated names kept once each, in the order they first appear"

# --- 8: a NUL from a YAML escape never cuts a value silently -----------------
s="$TMP/nul"
site "$s"
post "$s/_posts" 2021-01-02-t.md 'title: "Secret\\0 and more"\n' 'x'
post "$s/_posts" 2021-01-03-c.md 'title: C\ncategories: ["a\\x00b", fine]\n' 'x'
post "$s/_posts" 2021-01-04-u.md 'title: U\ntags:\n  - "x\\u0000y"\n' 'x'
"$FEEDGEN" -o "$TMP/nul-out" "$s" 2>"$TMP/err"
rc=$?
[ $rc = 1 ] && grep -qF "2021-01-02-t.md:2:8: error: a YAML escape gives a NUL character in this value" "$TMP/err" &&
	grep -qF "[nul]" "$TMP/err"
ok $? "a title with a NUL escape: an error at its value, not a title cut to 'Secret' (exit $rc)"
grep -qF "2021-01-03-c.md:3:14: error: a YAML escape gives a NUL" "$TMP/err" &&
	grep -qF "2021-01-04-u.md:4:5: error: a YAML escape gives a NUL" "$TMP/err"
ok $? "x00 in a category and u0000 in a tag: the same, each at its value"
! grep -rq '<title>Secret</title>' "$TMP/nul-out" && [ ! -e "$TMP/nul-out/feed/a.xml" ] &&
	grep -q '<title>Good</title>' "$TMP/nul-out/feed.xml"
ok $? "no cut title or category is written; the other posts are"
printf 'url: https://load.example\ntitle: "Site\\0 hidden"\n' >"$s/_config.yml"
"$FEEDGEN" "$s" >/dev/null 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && grep -qF "_config.yml:2:8: error: a YAML escape gives a NUL" "$TMP/err"
ok $? "in _config.yml: an error at its value (exit $rc)"

# --- 8: body HTML well-formed and inert ---------------------------------------
s="$TMP/html"
site "$s"
printf -- '---\ntitle: Bare\n---\n<p>精度满足<1%% & more</p>\n<p>unclosed <b>bold\n' >"$s/_posts/2021-01-02-bare.html"
printf -- '---\ntitle: Active\n---\n<p onclick="steal()">hi</p><script>alert(1)</script>\n<a href=" java\tscript:alert(1)">x</a> <iframe src="https://video.example/embed/1"></iframe>\n' >"$s/_posts/2021-01-03-active.html"
post "$s/_posts" 2021-01-04-md.md 'title: Md\n' 'Text with <span onmouseover="x()">raw HTML</span> and <script>bad()</script>.'
"$FEEDGEN" -o "$TMP/html-out" "$s" 2>"$TMP/err"
rc=$?
[ $rc = 0 ]
ok $? "bodies with bare < and &, unclosed tags, script: exit 0 (exit $rc)"
grep -qF '&lt;p&gt;精度满足&amp;lt;1% &amp;amp; more&lt;/p&gt;' "$TMP/html-out/feed.xml" &&
	grep -qF '&lt;b&gt;bold' "$TMP/html-out/feed.xml" && grep -qF '&lt;/b&gt;&lt;/p&gt;' "$TMP/html-out/feed.xml"
ok $? "a bare < and & escaped, unclosed tags closed"
! grep -qi 'lt;script\|onclick\|onmouseover\|iframe\|javascript' "$TMP/html-out/feed.xml" "$TMP/html-out/feed.rss" "$TMP/html-out/feed.json"
ok $? "no script, handler, javascript: URL or iframe in any format"
grep -qF 'href=&quot;https://video.example/embed/1&quot;' "$TMP/html-out/feed.xml"
ok $? "the iframe's page kept as a link"
grep -qF "2021-01-03-active.html:4:1: warning: active content removed from the body: 2 elements, 1 event handler, 1 script URL (the first: onclick) [active-content]" "$TMP/err"
ok $? "one warning naming the post and what went"
grep -qF "2021-01-04-md.md:4:1: warning: active content removed from the body" "$TMP/err" &&
	! grep -q "2021-01-02-bare.html.*active-content" "$TMP/err"
ok $? "raw HTML in Markdown too; nothing said where nothing was removed"
find "$TMP/html-out" -type f ! -name feeds.opml -exec "$FEEDGEN" validate {} + >"$TMP/v" 2>&1
ok $? "every feed passes feedgen's validator"
! grep -q ': warning:' "$TMP/v"
ok $? "without a warning (no html-security-risk)"

# --- 8: values found by the fuzz property (generate, validate, no error) -----
s="$TMP/vals"
site "$s"
post "$s/_posts" 2021-01-02-v.md 'title: V\nid: "urn:uuid:1234"\nauthor: {name: A, url: "ht-->://x.example/"}\nimage: "/my photo.png"\n' 'x'
post "$s/_posts" 2021-01-03-e.md 'title: E\nauthor: {name: "Al<b>", email: "a@example.com"}\n' 'x'
post "$s/_posts" 2021-01-04-f.md 'title: F\nauthor: {name: F, email: "not an address"}\n' 'x'
post "$s/_posts" 2021-01-05-g.md 'title: G\nauthor: {name: G, url: "about/g"}\n' 'x'
printf 'url: https://load.example\nlang: zh_/Kathmandu\n' >"$s/_config.yml"
"$FEEDGEN" -o "$TMP/vals-out" "$s" 2>"$TMP/err"
rc=$?
[ $rc = 0 ] && grep -qF "2021-01-02-v.md:3:5: warning: id 'urn:uuid:1234' is not an absolute IRI a feed id can be" "$TMP/err"
ok $? "id: urn:uuid:1234 (not a UUID): a warning, the default id used (exit $rc)"
grep -qF "2021-01-02-v.md:4:9: warning: author uri 'ht-->://x.example/' is not an http or https URL; left out [url-scheme]" "$TMP/err"
ok $? "an author url whose first segment reads as a scheme: left out"
grep -qF 'my%20photo.png' "$TMP/vals-out/feed.xml"
ok $? "a space in an image path percent-encoded, not lost"
grep -qF "_config.yml:2:7: warning: lang 'zh_/Kathmandu' is not a language tag (en, zh-CN); left out [config-value]" "$TMP/err"
ok $? "a site lang that is no language tag: a warning, left out"
grep -qF "2021-01-04-f.md:3:9: warning: author email 'not an address' is not an e-mail address; left out [email]" "$TMP/err"
ok $? "an author email that is no address: a warning, left out"
grep -qF '"url": "https://load.example/about/g"' "$TMP/vals-out/feed.json"
ok $? "a relative author url made absolute against the site (JSON Feed needs it)"
grep -qF '<dc:creator>Al&lt;b&gt;</dc:creator>' "$TMP/vals-out/feed.rss"
ok $? "an author name with '<': dc:creator in RSS, not a broken 'email (name)'"
find "$TMP/vals-out" -type f ! -name feeds.opml -exec "$FEEDGEN" validate {} + >"$TMP/v" 2>&1
ok $? "and every feed passes feedgen's validator"

# --- 14: undated drafts dated by their file's modification time -------------
s="$TMP/drafts"
site "$s"
post "$s/_drafts" undated.md 'title: Undated draft\n' 'draft text'
touch -d '2022-03-04 05:06:07 UTC' "$s/_drafts/undated.md"
TZ=UTC "$FEEDGEN" --drafts "$s" >"$TMP/out.xml" 2>"$TMP/err"
rc=$?
[ $rc = 0 ] && grep -q '<title>Undated draft</title>' "$TMP/out.xml"
ok $? "--drafts: an undated file of _drafts/ is published (exit $rc)"
grep -q '<published>2022-03-04T05:06:07' "$TMP/out.xml"
ok $? "dated by its file's modification time, as Jekyll does"
TZ=UTC "$FEEDGEN" --drafts "$s/_drafts" >"$TMP/out.xml" 2>"$TMP/err"
rc=$?
[ $rc = 0 ] && grep -q '<title>Undated draft</title>' "$TMP/out.xml"
ok $? "also when the folder given is _drafts itself (exit $rc)"
s="$TMP/drafts2"
mkdir -p "$s"
post "$s" flagged.md 'title: Flag\ndraft: true\n' 'x'
touch -d '2022-05-06 07:08:09 UTC' "$s/flagged.md"
TZ=UTC "$FEEDGEN" --drafts --url https://d.example "$s" >"$TMP/out.xml" 2>"$TMP/err"
rc=$?
[ $rc = 0 ] && grep -q '<published>2022-05-06T07:08:09' "$TMP/out.xml"
ok $? "draft: true without a date: dated by its file too, as Jekyll's draft? says (exit $rc)"
"$FEEDGEN" --url https://d.example "$s" >"$TMP/out.xml" 2>"$TMP/err"
! grep -q '<title>Flag</title>' "$TMP/out.xml"
ok $? "and left out without --drafts"

# --- 15: bad config values are named, with what is accepted -----------------
s="$TMP/cfg"
site "$s"
for i in 2 3 4 5 6 7 8 9 10 11 12 13; do
	post "$s/_posts" "2021-02-$(printf %02d $i)-p.md" "title: P$i\n" 'x'
done
cfg() { printf 'url: https://load.example\n%b' "$1" >"$s/_config.yml"; }
cfg 'feed:\n  posts_limit: ten\n'
"$FEEDGEN" "$s" >"$TMP/out.xml" 2>"$TMP/err"
rc=$?
[ $rc = 0 ] && grep -qF "_config.yml:3:16: warning: feed.posts_limit 'ten' is not a whole number of 0 or more; 10 is used [config-value]" "$TMP/err"
ok $? "feed.posts_limit: ten: a warning at its value, saying what is accepted and used (exit $rc)"
[ "$(grep -c '<entry>' "$TMP/out.xml")" = 10 ]
ok $? "and 10 entries"
cfg 'feed:\n  hub: "javascript:alert(1)"\n  icon: /i%zz.png\n'
"$FEEDGEN" "$s" >"$TMP/out.xml" 2>"$TMP/err"
rc=$?
[ $rc = 0 ] && grep -qF "_config.yml:3:8: warning: feed.hub 'javascript:alert(1)' is not an http(s) URL or a path on the site; left out [config-value]" "$TMP/err" &&
	! grep -q 'rel="hub"' "$TMP/out.xml" && grep -q '<icon>https://load.example/i%25zz.png</icon>' "$TMP/out.xml" &&
	"$FEEDGEN" validate "$TMP/out.xml" >/dev/null
ok $? "feed.hub not a URL: a warning, no hub link; a stray % in feed.icon escaped; the feed valid (exit $rc)"
cfg 'feed:\n  posts_limit: -3\n'
"$FEEDGEN" "$s" >/dev/null 2>"$TMP/err"
grep -qF "_config.yml:3:16: warning: feed.posts_limit '-3' is not a whole number of 0 or more" "$TMP/err"
ok $? "feed.posts_limit: -3: the same"
cfg 'feed:\n  posts_limit: 99999999999999999999999\n'
"$FEEDGEN" "$s" >/dev/null 2>"$TMP/err"
grep -qF "warning: feed.posts_limit '99999999999999999999999' is not a whole number" "$TMP/err"
ok $? "a posts_limit past a long: the same"
cfg 'feed:\n  posts_limit: 3\n'
"$FEEDGEN" "$s" >"$TMP/out.xml" 2>"$TMP/err"
[ "$(wc -l <"$TMP/err")" = 1 ] && [ "$(grep -c '<entry>' "$TMP/out.xml")" = 3 ] &&
	grep -qx 'feedgen: [0-9]* posts read, 1 feed written, 0 unchanged, 0 warnings, 0 errors' "$TMP/err"
ok $? "posts_limit: 3 is taken without a word"
cfg 'show_drafts: maybe\nfuture: [1]\nmarkdown: redcarpet\ntitle: {a: b}\nfeed:\n  excerpt_only: 2\n  path: [a]\n'
"$FEEDGEN" "$s" >/dev/null 2>"$TMP/err"
rc=$?
[ $rc = 0 ] &&
grep -qF "_config.yml:2:14: warning: show_drafts 'maybe' is not true or false; false is used [config-value]" "$TMP/err" &&
grep -qF "_config.yml:3:9: warning: future is a list, not true or false; false is used [config-value]" "$TMP/err" &&
grep -qF "_config.yml:4:11: warning: markdown 'redcarpet' is not kramdown or CommonMark; kramdown is used [config-value]" "$TMP/err" &&
grep -qF "_config.yml:5:8: warning: title is a mapping, not a text; left out [config-value]" "$TMP/err" &&
grep -qF "_config.yml:7:17: warning: feed.excerpt_only '2' is not true or false; false is used [config-value]" "$TMP/err" &&
grep -qF "_config.yml:8:9: warning: feed.path is a list, not a text; left out [config-value]" "$TMP/err"
ok $? "booleans, markdown, texts of the wrong kind: each a warning at its value (exit $rc)"
cfg 'feed: [a]\n'
"$FEEDGEN" "$s" >/dev/null 2>"$TMP/err"
grep -qF "_config.yml:2:7: warning: feed is a list, not a mapping of jekyll-feed's keys" "$TMP/err"
ok $? "feed: a list: a warning"

# --- 16: the UTC-date warning counts only the other posts --------------------
s="$TMP/utc"
site "$s"
post "$s/_posts" utc.md 'title: U\ndate: 2021-01-02 10:00:00\n' 'x'
"$FEEDGEN" "$s" >/dev/null 2>"$TMP/err"
grep -qF "utc.md:3:7: warning: this date" "$TMP/err" && ! grep -q "so are 0 more" "$TMP/err" &&
	! grep -q '+0800' "$TMP/err"
ok $? "one UTC date: at its line, no 'so are 0 more posts', no +0800"

# --- 8: a summary whose text reads like an event handler is text --------------
# (found by fuzz_post's property: the RSS description of a summary, plain text
# written as HTML, was taken for active content by feedgen's own validator)
s="$TMP/onerror"
site "$s"
post "$s/_posts" 2021-01-03-h.md 'title: H\ndate: 2021-01-03 10:00:00 +0000\n' 'Text that says tit onerror=rol and javascript-free.\n\nMore.'
"$FEEDGEN" -f rss -c summary "$s" >"$TMP/onerror.xml" 2>/dev/null &&
"$FEEDGEN" validate "$TMP/onerror.xml" >"$TMP/err" 2>&1
rc=$?
# (its '=' may be written as a reference, &#61;, as sanitized HTML writes it)
grep -q 'onerror\(=\|&amp;#61;\)rol' "$TMP/onerror.xml" && [ $rc = 0 ] &&
	! grep -q 'html-security-risk' "$TMP/err"
ok $? "a summary reading ' onerror=' is valid RSS with no html-security-risk (exit $rc)"
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://e.example/</link><description>d</description><item><title>x</title><guid>http://e.example/1</guid><description>&lt;img src="http://e.example/x.png" onerror="alert(1)"&gt;</description></item></channel></rss>' >"$TMP/handler.xml"
"$FEEDGEN" validate "$TMP/handler.xml" 2>&1 | grep -q 'html-security-risk'
ok $? "an onerror attribute inside a tag is still html-security-risk"

done_testing
