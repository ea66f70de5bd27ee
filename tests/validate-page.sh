#!/bin/sh
# validate-page.sh: `feedgen validate URL` of an HTML page checks the feeds
# the page links to (<link rel="alternate"> with a feed's type, hrefs
# resolved against the page and its <base href>), at most 16, as the W3C
# Feed Validation Service does; a page with none is one error. Pages and
# feeds come from tests/httpd.py on 127.0.0.1, serving $TMP/www as /site/.
. "$(dirname "$0")/lib.sh"

v() { # v ARGS...: runs feedgen validate, output in $TMP/out, status in $rc
	"$FEEDGEN" validate "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
vhas() { grep -qF -- "$1" "$TMP/out"; }
show() { [ "$1" -eq 0 ] || sed 's/^/# /' "$TMP/out" "$TMP/err"; }
# requests PATTERN: how many requests the server logged for paths matching it.
requests() { grep -c -- "^GET $1" "$TMP/requests.log"; }

www=$TMP/www
ex=$top_srcdir/tests/validate
mkdir -p "$www/blog/sub" "$www/feeds"
cp "$ex/atom-ok.xml" "$www/blog/feed.atom"
cp "$ex/rss-ok.xml" "$www/blog/sub/feed.rss"
cp "$ex/jsonfeed-ok.json" "$www/feeds/feed.json"
sed 's|<id>[^<]*</id>||' "$ex/atom-ok.xml" >"$www/blog/broken.atom"
printf '{"id": 12, "title": {"rendered": "a post"}}\n' >"$www/blog/post.wp-json"

page() { # page FILE LINK-TAGS...: an HTML page (not XML) with these in its head
	f=$1
	shift
	{
		printf '<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n<title>A blog</title>\n'
		for l in "$@"; do printf '%s\n' "$l"; done
		printf '</head>\n<body><p>Hello<br>world</body>\n</html>\n'
	} >"$www/$f"
}
page blog/index.html \
	'<link rel="stylesheet" href="style.css">' \
	'<link rel="alternate" type="application/atom+xml" title="Atom" href="feed.atom">' \
	'<link rel="alternate" type="application/rss+xml" title="RSS" href="./sub/feed.rss">' \
	'<link rel="alternate" hreflang="fr" href="/site/blog/fr/">'
page blog/based.html '<base href="/site/feeds/">' \
	'<link rel="alternate" type="application/feed+json" href="feed.json">'
page blog/none.html '<link rel="icon" href="/favicon.ico">' \
	'<link rel="alternate" hreflang="fr" href="/site/blog/fr/">'
page blog/broken.html '<link rel="alternate" type="application/atom+xml" href="broken.atom">'
page blog/wordpress.html \
	'<link rel="alternate" type="application/json" href="post.wp-json">' \
	'<link rel="ALTERNATE" type="Application/RSS+XML; charset=utf-8" href="sub/feed.rss">'
page blog/wp-only.html '<link rel="alternate" type="application/json" href="post.wp-json">'
page blog/dup.html \
	'<link rel="alternate" type="application/atom+xml" href="feed.atom">' \
	'<link rel="alternate" type="application/atom+xml" href="/site/blog/feed.atom">' \
	'<link rel="alternate" type="application/atom+xml" href="http://127.0.0.1:PORT/site/blog/feed.atom">'
page blog/file.html '<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">'
page blog/gone.html '<link rel="alternate" type="application/atom+xml" href="missing.atom">'
i=1
links=
while [ $i -le 20 ]; do
	links="$links<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.atom?n=$i\">
"
	i=$((i + 1))
done
page blog/many.html "$links"

python3 "$top_srcdir/tests/httpd.py" "$TMP/requests.log" "$www" >"$TMP/port" 2>/dev/null &
srv=$!
# Under load (make -j2 check beside other builds) python takes long to start:
# the server builds its gzip bomb first.
for i in $(seq 300); do [ -s "$TMP/port" ] && break; sleep 0.3; done
port=$(head -1 "$TMP/port")
u="http://127.0.0.1:$port/site/blog"
[ -n "$port" ]
ok $? "the test server started on 127.0.0.1"
sed -i "s/PORT/$port/" "$www/blog/dup.html"

# Two feeds, relative hrefs.
v "$u/index.html"
[ $rc -eq 0 ] &&
	vhas "$u/index.html:7: note: the page links to the feed $u/feed.atom (application/atom+xml) [feed-link]" &&
	vhas "$u/index.html:8: note: the page links to the feed $u/sub/feed.rss (application/rss+xml) [feed-link]" &&
	grep -q "^$u/feed.atom: Atom 1.0, valid: " "$TMP/out" &&
	grep -q "^$u/sub/feed.rss: RSS 2.0, valid: " "$TMP/out"
st=$?
ok $st "a page linking to an Atom and an RSS feed by relative hrefs: both resolved, checked, valid (exit 0)"
show $st
tail -n 1 "$TMP/out" | grep -q "^$u/index.html: an HTML page, 2 feeds checked: 2 valid, 0 invalid, [0-9]* warnings\?$"
ok $? "one summary line for the page"
! grep -q "style.css\|/fr/" "$TMP/out" && [ "$(requests /site/blog/fr/)" -eq 0 ] &&
	[ "$(requests /site/blog/style.css)" -eq 0 ]
ok $? "a stylesheet and an alternate without a feed type are not fetched"
grep -q "^$u/index.html:[0-9]*:.*\[feed-link\]" "$TMP/out" &&
	[ "$(grep -c "^$u/index.html: \|^$u/index.html:[0-9]" "$TMP/out")" -eq 3 ]
ok $? "the page itself is not checked as a feed"

v -q "$u/index.html"
[ $rc -eq 0 ] && [ ! -s "$TMP/out" ]
ok $? "-q: errors only, so nothing for a page whose feeds are valid (no notes)"

v "$u/based.html"
[ $rc -eq 0 ] && grep -q "^http://127.0.0.1:$port/site/feeds/feed.json: JSON Feed, valid" "$TMP/out"
st=$?
ok $st "<base href> is the base the links resolve against"
show $st

# A page with no feed link: one clear error.
v "$u/none.html"
[ $rc -eq 1 ] && [ "$(wc -l <"$TMP/out")" -eq 1 ] &&
	vhas "$u/none.html: error: an HTML page that links to no feed: no <link rel=\"alternate\"> with a feed's type" &&
	vhas "[no-feed-link]"
st=$?
ok $st "a page with no feed link: exit 1, one error line"
show $st

v "$u/broken.html"
[ $rc -eq 1 ] && grep -q "^$u/broken.atom:[0-9]*:[0-9]*: error: .*\[missing-element\]" "$TMP/out" &&
	tail -n 1 "$TMP/out" | grep -q ": an HTML page, 1 feed checked: 0 valid, 1 invalid,"
st=$?
ok $st "a page linking to a broken feed: exit 1, the errors name the feed's URL"
show $st

# Generic types: checked only when they name a feed.
v "$u/wordpress.html"
[ $rc -eq 0 ] && vhas "the page links to $u/post.wp-json (application/json), which is not a feed: not checked [feed-link-skipped]" &&
	grep -q "^$u/sub/feed.rss: RSS 2.0, valid" "$TMP/out" &&
	tail -n 1 "$TMP/out" | grep -q ": an HTML page, 1 feed checked: 1 valid,"
st=$?
ok $st "an application/json link to a REST API is skipped; rel and type match without case, with parameters"
show $st
v "$u/wp-only.html"
[ $rc -eq 1 ] && vhas "[no-feed-link]"
ok $? "a page whose only link is to JSON that is no feed: no feed, exit 1"

v "$u/dup.html"
[ $rc -eq 0 ] && [ "$(grep -c "^$u/feed.atom: Atom 1.0" "$TMP/out")" -eq 1 ]
ok $? "three hrefs that resolve to one URL: checked once"

: >"$TMP/requests.log"
v "$u/many.html"
[ $rc -eq 0 ] && vhas "$u/many.html: note: the page links to 20 feeds: the first 16 are checked [feed-links-capped]" &&
	[ "$(grep -c "^$u/feed.atom?n=[0-9]*: Atom 1.0, valid" "$TMP/out")" -eq 16 ] &&
	grep -q "^$u/feed.atom?n=16: " "$TMP/out" && ! grep -q "^$u/feed.atom?n=17: " "$TMP/out"
st=$?
ok $st "a page with 20 feed links: the first 16 checked, a note says so"
show $st
[ "$(requests "/site/blog/feed.atom?n=")" -eq 16 ]
ok $? "only those 16 were fetched"

"$FEEDGEN" validate --jobs 1 "$u/many.html" "$u/index.html" "$u/broken.html" >"$TMP/j1" 2>&1
rc1=$?
"$FEEDGEN" validate --jobs 4 "$u/many.html" "$u/index.html" "$u/broken.html" >"$TMP/j4" 2>&1
rc4=$?
[ $rc1 -eq 1 ] && [ $rc4 -eq 1 ] && cmp -s "$TMP/j1" "$TMP/j4"
ok $? "--jobs 4 prints the same bytes as --jobs 1"

v "$u/gone.html"
[ $rc -eq 2 ] && grep -q "$u/missing.atom: error: cannot read: .*404.*\[io-error\]" "$TMP/err"
ok $? "a link to a feed that is not there: an I/O error (exit 2) naming it"

v "$u/file.html"
[ $rc -eq 2 ] && grep -q "file:///etc/passwd: error: cannot read: .*\[io-error\]" "$TMP/err" && ! grep -q "root:" "$TMP/out" "$TMP/err"
ok $? "a link to file:///etc/passwd is not read: an I/O error (exit 2)"

v --format json "$u/index.html"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["documents"]
ok = [x["file"] for x in d] == [sys.argv[2] + "/feed.atom", sys.argv[2] + "/sub/feed.rss"]
ok = ok and all(x["linked_from"] == sys.argv[2] + "/index.html" and x["valid"] for x in d)
sys.exit(0 if ok else 1)' "$TMP/out" "$u"
ok $? "--format json: one document per feed, each with linked_from"
v --format json "$u/none.html"
[ $rc -eq 1 ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["documents"]
sys.exit(0 if len(d) == 1 and d[0]["diagnostics"][0]["rule"] == "no-feed-link" and not d[0]["valid"] else 1)' "$TMP/out"
ok $? "--format json: a page with no feed link is one invalid document"

# What stays as it was: a feed URL is a feed, even served as text/html.
v "http://127.0.0.1:$port/as-html"
[ $rc -le 1 ] && vhas "as-html: Atom 1.0, " && vhas "[media-type-unexpected]" && ! vhas "feed-link"
ok $? "an Atom feed served as text/html is checked as a feed (with its media-type warning), not searched for links"
v "$u/feed.atom"
[ $rc -eq 0 ] && [ "$(wc -l <"$TMP/out")" -ge 1 ] && tail -n 1 "$TMP/out" | grep -q "^$u/feed.atom: Atom 1.0, valid"
ok $? "a feed URL is reported as before"

kill "$srv" 2>/dev/null
wait "$srv" 2>/dev/null
done_testing
