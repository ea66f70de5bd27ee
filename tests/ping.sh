#!/bin/sh
# ping.sh: feedgen ping against WebSub hubs this test starts on 127.0.0.1
# (tests/hub.py): ping DIR sends a hub exactly one publish request (POST,
# form-encoded hub.mode=publish&hub.url=...) per feed of DIR that changed
# since the last ping (DIR/.feedgen-pinged), every feed the first time, and
# nothing when nothing changed; the site's feed.hub is the default hub; a hub
# that answers 500 is tried again and is exit 1 while the others are still
# notified, and its feeds are tried again by the next ping; a hub that never
# answers costs one timeout; feed URLs are pinged with --hub or with the hubs
# their feed names; usage errors are exit 2.
. "$(dirname "$0")/lib.sh"

servers=""
trap 'for p in $servers; do kill $p 2>/dev/null; done; rm -rf "$TMP"' EXIT

# start_hub MODE NAME [ROOT]: a hub.py in MODE logging to $TMP/NAME.log; its
# URL in $hub.
start_hub() {
	python3 "$top_srcdir/tests/hub.py" "$1" "$TMP/$2.log" ${3:+"$3"} >"$TMP/$2.port" 2>/dev/null &
	servers="$servers $!"
	# A loaded machine (make -j2 check) can take seconds to start python.
	for i in $(seq 100); do [ -s "$TMP/$2.port" ] && break; sleep 0.2; done
	hub="http://127.0.0.1:$(head -1 "$TMP/$2.port")/"
}

# The requests a hub should get for the feed URLs on standard input, one a
# line, at path $1 (default /), as hub.py logs them, in order: each URL
# percent-encoded by Python, not by feedgen. One python for them all.
expect_lines() {
	python3 -c 'import sys, urllib.parse
for url in sys.stdin.read().splitlines():
    print("POST %s\tapplication/x-www-form-urlencoded\thub.mode=publish&hub.url=%s"
          % (sys.argv[1], urllib.parse.quote(url, safe="")))' "${1:-/}"
}

# expect_all LISTFILE [PATH]: the requests for every URL in LISTFILE, sorted.
expect_all() {
	expect_lines "$2" <"$1" | sort
}

# feeds_in DIR [FIND-ARGS...]: the URLs of DIR's feed files, sorted.
feeds_in() {
	d=$1
	shift
	(cd "$d" && find . -type f "$@" \( -name '*.xml' -o -name '*.rss' -o -name '*.json' \) |
		sed 's|^\./|https://example.com/|' | sort)
}

# The URLs in the requests hub.py logged in $1, sorted.
logged() {
	python3 -c 'import sys, urllib.parse
for line in open(sys.argv[1]):
    print(urllib.parse.unquote(line.rstrip("\n").split("hub.url=", 1)[-1]))' "$1" | sort
}

run() { # run ARGS...: feedgen ping; status in $rc, stderr in $TMP/err
	"$FEEDGEN" ping "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

start_hub record rec
rec=$hub
[ "$rec" != "http://127.0.0.1:/" ]
ok $? "the recording hub started"

site="$TMP/site"
mkdir -p "$site/_posts"
cat >"$site/_config.yml" <<EOC
title: Pinged
url: https://example.com
feed:
  hub: $rec
EOC
post() { # post FILE TITLE CATEGORY TAGS
	printf -- '---\ntitle: %s\ncategories: [%s]\ntags: [%s]\n---\nBody of %s.\n' "$2" "$3" "$4" "$2" \
		>"$site/_posts/$1"
}
post 2024-01-01-one.md One news "a, b"
post 2024-01-02-two.md Two notes "b, c"
out="$TMP/_site"

"$FEEDGEN" -o "$out" "$site" 2>"$TMP/gen.err"
ok $? "feedgen -o writes the site"
[ -z "$(find "$out" -name '.feedgen*')" ]
ok $? "feedgen -o writes nothing for ping: its output is as before"
# What else a site's folder holds: neither is a feed, neither is pinged.
printf '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n' >"$out/sitemap.xml"
printf '{"pages": []}\n' >"$out/search.json"
feeds_in "$out" ! -name sitemap.xml ! -name search.json >"$TMP/all"
nall=$(wc -l <"$TMP/all")

# ---- the first ping: every feed, one exact request each, to feed.hub ----
run "$out"
[ $rc = 0 ]
ok $? "feedgen ping DIR with feed.hub set and no --hub: exit 0 ($(tail -1 "$TMP/err"))"
expect_all "$TMP/all" >"$TMP/want"
sort "$TMP/rec.log" >"$TMP/got"
[ "$nall" -ge 18 ] && cmp -s "$TMP/want" "$TMP/got"
ok $? "the first ping: the configured hub got exactly one WebSub publish request per feed ($(wc -l <"$TMP/got") of $nall), none for sitemap.xml or search.json"
[ "$(grep -c "^feedgen ping: $rec: 204 for https://example.com/" "$TMP/err")" = "$nall" ]
ok $? "each hub's answer is reported per feed"
grep -qx "feedgen ping: $nall notifications for $nall feeds to 1 hub: $nall accepted, 0 failed" "$TMP/err"
ok $? "and a summary line"
[ "$(grep -c '^[0-9a-f]\{16\} ' "$out/.feedgen-pinged")" = "$nall" ]
ok $? "DIR/.feedgen-pinged records the $nall feeds told"

# ---- nothing changed: nothing sent ----
: >"$TMP/rec.log"
run "$out"
[ $rc = 0 ] && [ ! -s "$TMP/rec.log" ] && grep -q "none of its $nall feeds changed since the last feedgen ping: nothing to send" "$TMP/err"
ok $? "a second ping: nothing sent, exit 0, saying so"
"$FEEDGEN" -o "$out" "$site" 2>"$TMP/gen.err"
run "$out"
[ $rc = 0 ] && [ ! -s "$TMP/rec.log" ]
ok $? "after a feedgen -o that changed nothing: nothing sent"
run -q "$out"
[ $rc = 0 ] && [ ! -s "$TMP/err" ]
ok $? "--quiet: not a word when nothing was due"

# ---- a changed post: only the feeds that changed ----
sleep 1	# the mtimes below must tell this run's files from the first's
touch "$TMP/stamp"
post 2024-01-02-two.md "Two, edited" notes "b, c"
"$FEEDGEN" -o "$out" "$site" 2>"$TMP/gen.err"
ok $? "feedgen -o after a post changed"
"$FEEDGEN" -o "$out" "$site" 2>"$TMP/gen.err"	# a second run before the ping loses nothing
feeds_in "$out" -newer "$TMP/stamp" >"$TMP/changed"
nch=$(wc -l <"$TMP/changed")
run "$out"
logged "$TMP/rec.log" >"$TMP/got"
[ $rc = 0 ] && [ "$nch" -gt 0 ] && [ "$nch" -lt "$nall" ] && cmp -s "$TMP/changed" "$TMP/got"
ok $? "ping sends exactly the $nch feeds feedgen -o rewrote, not the $((nall - nch)) others, though -o ran twice"
grep -q "feed%2Fnews.xml" "$TMP/rec.log"
[ $? != 0 ] && grep -q "feed%2Fby_tag%2Fc.xml" "$TMP/rec.log"
ok $? "(the untouched post's category is not pinged, the edited post's tag is)"

# ---- a hub that answers 500 ----
start_hub 500 err
bad=$hub
rm "$out/.feedgen-pinged"
: >"$TMP/rec.log"
start=$(date +%s)
run --hub "$bad" --hub "$rec" --tries 2 "$out"
took=$(( $(date +%s) - start ))
[ $rc = 1 ]
ok $? "a hub answering 500: exit 1"
sort "$TMP/rec.log" >"$TMP/got"
cmp -s "$TMP/want" "$TMP/got"
ok $? "the other hub still got every request"
[ "$(grep -c '^POST /	' "$TMP/err.log")" = $((2 * nall)) ]
ok $? "the failing hub was tried twice for each feed (--tries 2: $(grep -c '^POST /	' "$TMP/err.log") requests for $nall feeds)"
[ "$(grep -c "^feedgen ping: $bad: failed for https://example.com/.*: HTTP 500: hub broken: try later (2 tries)$" "$TMP/err")" = "$nall" ]
ok $? "each failure is reported with the hub's status and words"
grep -qx "feedgen ping: $((2 * nall)) notifications for $nall feeds to 2 hubs: $nall accepted, $nall failed" "$TMP/err"
ok $? "the summary counts both hubs"
[ "$took" -lt 60 ]
ok $? "the retries' waits are bounded (${took}s for $nall feeds)"
: >"$TMP/rec.log"
run --hub "$rec" "$out"
sort "$TMP/rec.log" >"$TMP/got"
[ $rc = 0 ] && cmp -s "$TMP/want" "$TMP/got"
ok $? "the feeds a hub failed for are sent again by the next ping"

# The default is 3 tries: one feed URL, to the 500 hub.
: >"$TMP/err.log"
run --hub "$bad" https://example.com/feed.xml
[ $rc = 1 ] && [ "$(wc -l <"$TMP/err.log")" = 3 ] && grep -q "(3 tries)" "$TMP/err"
ok $? "by default a 500 is tried 3 times"

# ---- a hub that never answers ----
start_hub hang hang
hang=$hub
rm "$out/.feedgen-pinged"
: >"$TMP/rec.log"
start=$(date +%s)
run --hub "$hang" --hub "$rec" --timeout 2 "$out"
took=$(( $(date +%s) - start ))
[ $rc = 1 ]
ok $? "a hub that never answers: exit 1"
[ "$took" -le 30 ]
ok $? "done within the bound: not a 2 s timeout per feed (${took}s; the hub got one request, below)"
[ "$(wc -l <"$TMP/hang.log")" = 1 ]
ok $? "the hanging hub got one request only"
sort "$TMP/rec.log" >"$TMP/got"
cmp -s "$TMP/want" "$TMP/got"
ok $? "the other hub still got every request"
grep -q "^feedgen ping: $hang: failed for https://example.com/.*: no complete answer within 2 s" "$TMP/err" &&
	[ "$(grep -c "^feedgen ping: $hang: not sent for " "$TMP/err")" = $((nall - 1)) ]
ok $? "the timeout is reported, and the feeds not sent to that hub"

# ---- a hub that cannot be reached ----
python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' >"$TMP/closed"
run --hub "http://127.0.0.1:$(cat "$TMP/closed")/" https://example.com/feed.xml
[ $rc = 1 ] && grep -q "cannot connect to the server.*(3 tries)" "$TMP/err"
ok $? "a hub that refuses connections is tried 3 times, exit 1"

# ---- FEED-URL arguments ----
: >"$TMP/rec.log"
run --hub "${rec}sub" https://example.com/a.xml "https://example.com/b c.rss?x=1&y=2"
printf '%s\n' https://example.com/a.xml "https://example.com/b c.rss?x=1&y=2" | expect_lines /sub >"$TMP/want"
[ $rc = 0 ] && cmp -s "$TMP/want" "$TMP/rec.log"
ok $? "FEED-URL arguments with --hub: one request each, in order, the URL encoded (& = space too)"

# Without --hub, the hubs the feed names (served from the output folder).
start_hub record site "$out"
served=$hub
: >"$TMP/rec.log"
run "${served}feed.xml" "${served}feed.rss" "${served}feed.json"
printf '%s\n' "${served}feed.xml" "${served}feed.rss" "${served}feed.json" | expect_lines >"$TMP/want"
[ $rc = 0 ] && cmp -s "$TMP/want" "$TMP/rec.log"
ok $? "FEED-URL without --hub: the hub is found in the Atom, RSS and JSON feed ($(tail -1 "$TMP/err"))"
run "${served}missing.xml"
[ $rc = 1 ] && grep -q "cannot read the feed to find its hubs: HTTP error 404" "$TMP/err"
ok $? "a feed that cannot be fetched: exit 1, saying why"
run "${served}sitemap.xml"
[ $rc = 2 ] && grep -q "the feed names no hub" "$TMP/err"
ok $? "a URL whose document names no hub: exit 2"

# ---- no hub, no url, no feeds, usage ----
nohub="$TMP/nohub"
mkdir -p "$nohub/_posts"
printf 'title: T\nurl: https://example.com\n' >"$nohub/_config.yml"
cp "$site/_posts/"* "$nohub/_posts/"
"$FEEDGEN" -o "$TMP/nohub-out" "$nohub" 2>/dev/null
run "$TMP/nohub-out"
[ $rc = 2 ] && grep -q "no hub to notify for $nall changed feeds (none names a link rel=\"hub\"): give --hub URL, or set feed.hub" "$TMP/err"
ok $? "no --hub and no feed.hub: a usage error, exit 2"
: >"$TMP/rec.log"
run --hub "$rec" "$TMP/nohub-out"
[ $rc = 0 ] && [ "$(wc -l <"$TMP/rec.log")" = "$nall" ]
ok $? "--hub serves a site without feed.hub"
printf 'title: T\n' >"$nohub/_config.yml"
"$FEEDGEN" -o "$TMP/nourl-out" "$nohub" 2>/dev/null
run --hub "$rec" "$TMP/nourl-out"
[ $rc = 2 ] && grep -q "feed.xml: its self link is not an absolute URL: the site has no url" "$TMP/err"
ok $? "a site without url: feeds cannot be named to a hub, exit 2"
mkdir "$TMP/empty"
run --hub "$rec" "$TMP/empty"
[ $rc = 2 ] && grep -q "no feed in it" "$TMP/err"
ok $? "a folder without feeds: exit 2"
run --hub "$rec" "$TMP/nonexistent"
[ $rc = 2 ] && grep -q "cannot read the folder" "$TMP/err"
ok $? "a folder that is not there: exit 2"
printf 'garbage\n0123 feed.xml\n' >"$TMP/nohub-out/.feedgen-pinged"
: >"$TMP/rec.log"
run --hub "$rec" "$TMP/nohub-out"
[ $rc = 0 ] && [ "$(wc -l <"$TMP/rec.log")" = "$nall" ]
ok $? "a record it cannot read line by line: those feeds count as changed"
for bad_args in "" "--hub ftp://x/ $out" "--timeout 0 $out" "--tries 11 $out" "--bogus $out"; do
	# shellcheck disable=SC2086 # the words are the arguments
	run $bad_args
	[ $rc = 2 ]
	ok $? "usage error exits 2: feedgen ping $bad_args"
done
run --help
[ $rc = 0 ] && grep -q -- "--hub URL" "$TMP/out" && grep -q -- "--tries N" "$TMP/out"
ok $? "--help lists the options"

done_testing
