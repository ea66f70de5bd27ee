#!/bin/sh
# against.sh: feedgen -o's guard against re-identified entries (issue 17): a
# site whose permalink style changes is refused, its feeds left byte for byte,
# each entry named; --accept-new-ids lets it through; an unchanged or grown
# site passes; the published feeds from --against FILE, a URL served on
# 127.0.0.1, or feed.against in _config.yml.
. "$(dirname "$0")/lib.sh"

gen() { # gen ARGS...: feedgen, stdout+stderr in $TMP/out, status in $rc
	"$FEEDGEN" "$@" >"$TMP/out" 2>&1
	rc=$?
}
has() { grep -qF -- "$1" "$TMP/out"; }
same() { diff -r "$1" "$2" >/dev/null 2>&1; }

post() { # post SITE FILE TITLE CATEGORY TAG
	cat >"$1/_posts/$2" <<POST
---
title: $3
categories: [$4]
tags: [$5]
---
The body of $3.
POST
}

site=$TMP/site
mkdir -p "$site/_posts"
cat >"$site/_config.yml" <<'CFG'
title: Guarded
url: https://blog.example.com
permalink: date
CFG
post "$site" 2024-01-01-hello.md Hello news intro
post "$site" 2024-01-05-second.md Second news more
post "$site" 2024-01-09-other.md Other life more

gen -o "$TMP/out1" "$site"
ok $(( rc == 0 ? 0 : 1 )) "the site is built: exit status 0"
[ -f "$TMP/out1/feed.xml" ] && [ -f "$TMP/out1/feed/news.xml" ] && [ -f "$TMP/out1/feed/by_tag/more.json" ]
ok $? "its feeds are there"
cp -a "$TMP/out1" "$TMP/published"

gen -o "$TMP/out1" "$site"
ok $(( rc == 0 ? 0 : 1 )) "rebuilt unchanged: exit status 0"
same "$TMP/out1" "$TMP/published"
ok $? "and nothing changed"

post "$site" 2024-01-12-fourth.md Fourth news fresh
gen -o "$TMP/out1" "$site"
ok $(( rc == 0 ? 0 : 1 )) "a new post: exit status 0"
grep -q "2024/01/12/fourth" "$TMP/out1/feed.xml" && [ -f "$TMP/out1/feed/by_tag/fresh.xml" ]
ok $? "the new post is in the feeds, its new tag has a feed"
! grep -q "id-changed" "$TMP/out"
ok $? "nothing said about ids"
rm -rf "$TMP/grown"
cp -a "$TMP/out1" "$TMP/grown"

# ---- the permalink style changes ----
sed -i 's|^permalink: date|permalink: /:title/|' "$site/_config.yml"
gen -o "$TMP/out1" "$site"
ok $(( rc == 1 ? 0 : 1 )) "permalink changed: exit status 1"
same "$TMP/out1" "$TMP/grown"
ok $? "every feed left as it was, byte for byte"
has "$TMP/out1/feed.xml: error: entry 'Hello' <https://blog.example.com/hello/> changed id from https://blog.example.com/news/2024/01/01/hello to https://blog.example.com/hello [id-changed]"
ok $? "each entry is named: title, new link, old and new id"
for t in Hello Second Other Fourth; do
	grep -q "out1/feed.xml: error: entry '$t' .* changed id from .* \[id-changed\]" "$TMP/out"
	ok $? "the site feed names '$t'"
done
has "$TMP/out1/feed.xml: error: not replaced: 4 entries of $TMP/out1/feed.xml would change id"
ok $? "the site feed: not replaced, saying how many entries and how to accept them"
has "$TMP/out1/feed/by_tag/fresh.json: error: not replaced: 1 entry"
ok $? "the tag feeds and the JSON Feeds too"
n=$(grep -c "error: not replaced:" "$TMP/out")
[ "$n" -eq "$(find "$TMP/grown" -name '*.xml' -o -name '*.rss' -o -name '*.json' | wc -l)" ]
ok $? "every feed of the site refused ($n)"

gen --diagnostics github -o "$TMP/out1" "$site"
ok $(( rc == 1 ? 0 : 1 )) "--diagnostics github: exit status 1"
grep -q "^::error file=$TMP/out1/feed.xml,title=id-changed::entry 'Hello'" "$TMP/out"
ok $? "github: an annotation per entry"

gen -o "$TMP/out1" --accept-new-ids "$site"
ok $(( rc == 0 ? 0 : 1 )) "--accept-new-ids: exit status 0"
grep -q "<id>https://blog.example.com/hello</id>" "$TMP/out1/feed.xml"
ok $? "the feeds are written with the new ids"
has "$TMP/out1/feed.xml: warning: entry 'Hello' <https://blog.example.com/hello/> changed id from"
ok $? "each entry still named, as a warning"
gen -o "$TMP/out1" "$site"
ok $(( rc == 0 ? 0 : 1 )) "the next run, the new ids published: exit status 0"

# ---- one post's id changes: its feeds refused, the others written ----
cp -a "$TMP/out1" "$TMP/before-id"
sed -i 's|^title: Other|title: Other\nid: tag:blog.example.com,2024:other|' "$site/_posts/2024-01-09-other.md"
post "$site" 2024-01-15-fifth.md Fifth news intro
gen -o "$TMP/out1" "$site"
ok $(( rc == 1 ? 0 : 1 )) "one post given an id: exit status 1"
cmp -s "$TMP/out1/feed/life.xml" "$TMP/before-id/feed/life.xml"
ok $? "its category's feed is left as it was"
grep -q "fifth" "$TMP/out1/feed/news.xml"
ok $? "another category's feed is written with the new post"
has "entry 'Other' <https://blog.example.com/other/> changed id from https://blog.example.com/other to tag:blog.example.com,2024:other"
ok $? "the entry is named"
sed -i '/^id: tag:blog.example.com,2024:other/d' "$site/_posts/2024-01-09-other.md"
rm "$site/_posts/2024-01-15-fifth.md"

# ---- --against a file, a URL, feed.against ----
sed -i 's|^permalink: /:title/|permalink: date|' "$site/_config.yml"
gen -o "$TMP/fresh" --against "$TMP/grown/feed.xml" "$site"
ok $(( rc == 0 ? 0 : 1 )) "--against the published feed, the same site, a fresh folder: exit status 0"
same "$TMP/fresh" "$TMP/grown"
ok $? "every feed written"

mkdir -p "$TMP/www/blog"
cp -a "$TMP/grown/." "$TMP/www/blog/"
cat >"$TMP/serve.py" <<'PY'
import http.server, functools, sys, threading
class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        with open(sys.argv[2], "a") as f:
            f.write(self.path + "\n")
handler = functools.partial(Handler, directory=sys.argv[1])
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
print(srv.server_address[1], flush=True)
threading.Timer(300, srv.shutdown).start()
srv.serve_forever()
PY
python3 "$TMP/serve.py" "$TMP/www" "$TMP/requests.log" >"$TMP/port" 2>/dev/null &
srv=$!
for i in $(seq 50); do [ -s "$TMP/port" ] && break; sleep 0.3; done
port=$(head -1 "$TMP/port")
[ -n "$port" ]
ok $? "the test server started on 127.0.0.1"
u="http://127.0.0.1:$port/blog/feed.xml"

rm -rf "$TMP/fresh"
gen -o "$TMP/fresh" --against "$u" "$site"
ok $(( rc == 0 ? 0 : 1 )) "--against URL, the site as published: exit status 0"
same "$TMP/fresh" "$TMP/grown"
ok $? "every feed written"
grep -qx "/blog/feed/by_tag/fresh.xml" "$TMP/requests.log" && grep -qx "/blog/feed.json" "$TMP/requests.log"
ok $? "the other feeds were fetched beside it (/blog/feed.json, /blog/feed/by_tag/fresh.xml)"

post "$site" 2024-01-20-sixth.md Sixth news brandnew
rm -rf "$TMP/fresh"
gen -o "$TMP/fresh" --against "$u" "$site"
ok $(( rc == 0 ? 0 : 1 )) "--against URL, a new post with a new tag (its feed 404 there): exit status 0"
grep -q "sixth" "$TMP/fresh/feed.xml" && [ -f "$TMP/fresh/feed/by_tag/brandnew.xml" ]
ok $? "written"

sed -i 's|^permalink: date|permalink: /:title/|' "$site/_config.yml"
rm -rf "$TMP/fresh"
gen -o "$TMP/fresh" --against "$u" "$site"
ok $(( rc == 1 ? 0 : 1 )) "--against URL, permalink changed: exit status 1"
[ ! -e "$TMP/fresh/feed.xml" ] && [ ! -e "$TMP/fresh/feed/news.xml" ]
ok $? "the refused feeds are not written"
[ -f "$TMP/fresh/feed/by_tag/brandnew.xml" ]
ok $? "the new tag's feed, published nowhere, is written"
has "$TMP/fresh/feed.xml: error: entry 'Hello' <https://blog.example.com/hello/> changed id from https://blog.example.com/news/2024/01/01/hello to https://blog.example.com/hello [id-changed]"
ok $? "each entry named"
has "would change id and readers would show them again as new (--accept-new-ids replaces it)" && has "of $u would change id"
ok $? "naming the published feed"
gen -o "$TMP/fresh" --against "$u" --accept-new-ids "$site"
ok $(( rc == 0 ? 0 : 1 )) "--against URL --accept-new-ids: exit status 0"
grep -q "<id>https://blog.example.com/hello</id>" "$TMP/fresh/feed.xml"
ok $? "written with the new ids"

kill "$srv" 2>/dev/null
wait "$srv" 2>/dev/null
rm -rf "$TMP/fresh"
gen -o "$TMP/fresh" --against "$u" "$site"
ok $(( rc == 1 ? 0 : 1 )) "--against a server that is gone: exit status 1"
has "$TMP/fresh/feed.xml: error: not replaced: its published version $u cannot be read" && has "[against]"
ok $? "the check could not be made: said, the feed not written"

printf 'garbage\n' >"$TMP/garbage.xml"
gen -o "$TMP/fresh" --against "$TMP/garbage.xml" "$site"
ok $(( rc == 1 ? 0 : 1 )) "--against a file that is no feed: exit status 1"
has "garbage.xml:1:1: error: not well-formed XML:"
ok $? "its error shown at its line and column"

# feed.against in _config.yml, relative to the site folder.
printf 'feed:\n  against: ../published/feed.xml\n' >>"$site/_config.yml"
rm -rf "$TMP/fresh"
gen -o "$TMP/fresh" "$site"
ok $(( rc == 1 ? 0 : 1 )) "feed.against (a file relative to the site): permalink changed, exit status 1"
has "of $site/../published/feed.xml would change id"
ok $? "the published feed it names is feed.against's"
gen -o "$TMP/fresh" --against "$TMP/fresh/" "$site"
ok $(( rc == 0 ? 0 : 1 )) "--against (a folder) wins over feed.against"

gen --against "$u" "$site"
ok $(( rc == 2 ? 0 : 1 )) "--against without -o: exit status 2"
gen --accept-new-ids "$site"
ok $(( rc == 2 ? 0 : 1 )) "--accept-new-ids without -o: exit status 2"

done_testing
