#!/bin/sh
# jsonfeed.sh: JSON Feed 1.1 (https://jsonfeed.org/version/1.1) through the
# program, printed as TAP.
#
# tests/validate/jsonfeed-ok.json (every member of 1.1) and jsonfeed-v1-ok.json
# (a version 1 feed: singular author, a number as id, a W3C-DTF date) keep
# every rule: exit 0, no warning. Each case below breaks one rule by editing a
# copy with sed and expects that rule's id, its severity, the exit status that
# goes with it, and the JSON pointer of the value at fault. Then the writer:
# the example site and a site with every extra, written with --format json and
# with -o, read back by the validator without an error or a warning.
FEEDGEN=${FEEDGEN:-src/feedgen}
top=${top_srcdir:-.}
srcdir=$top/tests/validate
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jsonfeed.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0
fail=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out"; }

# expect SEVERITY BASE RULE POINTER DESCRIPTION SED-SCRIPT
# An error exits 1, a warning alone 0. POINTER "" for none.
expect() {
	sed -e "$6" "$srcdir/$2" > "$tmp/case.json"
	"$FEEDGEN" validate "$tmp/case.json" > "$tmp/out" 2>&1
	rc=$?
	want=1
	[ "$1" = warning ] && want=0
	if [ $rc -eq $want ] && grep -qF -- ": $1: $4${4:+: }" "$tmp/out" &&
		grep -qF -- "[$3]" "$tmp/out"; then
		ok "$5 [$3]"
	else
		not_ok "$5 [$3] (exit $rc)"
	fi
}

# clean BASE DESCRIPTION SED-SCRIPT: valid, no warning.
clean() {
	sed -e "$3" "$srcdir/$1" > "$tmp/case.json"
	"$FEEDGEN" validate "$tmp/case.json" > "$tmp/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && grep -q ', valid: 0 errors, 0 warnings$' "$tmp/out"; then
		ok "$2"
	else
		not_ok "$2 (exit $rc)"
	fi
}

# ---- documents that keep every rule ----

clean jsonfeed-ok.json "every member of JSON Feed 1.1: valid, no warning" ''
grep -q '^[^:]*: JSON Feed, valid: 0 errors, 0 warnings$' "$tmp/out" &&
	ok "the summary line names a JSON Feed" || not_ok "the summary line names a JSON Feed"
clean jsonfeed-v1-ok.json "a version 1 feed (author, numeric id, W3C-DTF date): valid, no warning" ''
clean jsonfeed-ok.json "RFC 3339 §5.6: lower-case t and z" \
	's|"2024-05-03T08:30:00Z"|"2024-05-03t08:30:00z"|'
clean jsonfeed-ok.json "§Deprecations: author beside authors, for older readers" \
	's|"id": "1",|"id": "1", "author": {"name": "M"}, "authors": [{"name": "M"}],|'
clean jsonfeed-ok.json "§Items: content_text alone is content" \
	's|"content_html": "<p>Hello, world!</p>",|"content_text": "Hello, world!",|'
clean jsonfeed-ok.json "§Top-level: author url may be a mailto: link" \
	's|"url": "https://example.org/",|"url": "mailto:brent@example.org",|'

# ---- JSON ----

# A syntax error is placed where jansson finds it: the line of the edit.
sed -e 's|"id": "1",|"id": "1",,|' "$srcdir/jsonfeed-ok.json" > "$tmp/case.json"
line=$(grep -n '"id": "1",,' "$tmp/case.json" | cut -d: -f1)
"$FEEDGEN" validate "$tmp/case.json" > "$tmp/out" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q "case.json:$line:[1-9][0-9]*: error: not well-formed JSON: .*\[json-syntax\]" "$tmp/out"
then ok "RFC 8259: malformed JSON is an error at its line ($line) and column [json-syntax]"
else not_ok "malformed JSON at line $line (exit $rc)"; fi

printf 's|Hello, world!|Hello, \\xffworld!|' > "$tmp/sed"
sed -f "$tmp/sed" "$srcdir/jsonfeed-ok.json" > "$tmp/case.json"
line=$(LC_ALL=C grep -n 'Hello, .world' "$tmp/case.json" | cut -d: -f1)
"$FEEDGEN" validate "$tmp/case.json" > "$tmp/out" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q "case.json:$line:[1-9][0-9]*: error: not UTF-8: .*\[json-encoding\]" "$tmp/out"
then ok "RFC 8259 §8.1: a byte that is not UTF-8 is an error at its line [json-encoding]"
else not_ok "invalid UTF-8 (exit $rc)"; fi

{ printf '\357\273\277'; cat "$srcdir/jsonfeed-ok.json"; } > "$tmp/case.json"
"$FEEDGEN" validate "$tmp/case.json" > "$tmp/out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q "case.json:1:1: warning: .*\[json-bom\]" "$tmp/out"
then ok "RFC 8259 §8.1: a byte order mark is a warning, and the rest is read [json-bom]"
else not_ok "byte order mark (exit $rc)"; fi

sed -e 's|"description": |"description": "x", "description": |' "$srcdir/jsonfeed-ok.json" > "$tmp/case.json"
line=$(grep -n '"description": "x"' "$tmp/case.json" | cut -d: -f1)
"$FEEDGEN" validate "$tmp/case.json" > "$tmp/out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q "case.json:$line:[0-9]*: warning: .*\[json-duplicate-member\]" "$tmp/out"
then ok "RFC 8259 §4: a member name used twice is a warning at its line [json-duplicate-member]"
else not_ok "duplicate member (exit $rc)"; fi

# ---- what the document is ----

for doc in '[1, 2]' '{"name": "not a feed"}' '{"name": "a-package", "version": "1.0.0"}'; do
	printf '%s\n' "$doc" > "$tmp/case.json"
	"$FEEDGEN" validate "$tmp/case.json" > "$tmp/out" 2>&1
	rc=$?
	if [ $rc -eq 1 ] && grep -q 'error: not a JSON Feed: .*\[not-a-feed\]' "$tmp/out"
	then ok "JSON that is no feed is named: $doc [not-a-feed]"
	else not_ok "JSON that is no feed: $doc (exit $rc)"; fi
done
expect error jsonfeed-ok.json json-version /version "§Top-level: version is the URL of the version" \
	's|"https://jsonfeed.org/version/1.1"|"1.1"|'
expect warning jsonfeed-ok.json json-version-unknown /version "§Future Compatibility: a later version" \
	's|"https://jsonfeed.org/version/1.1"|"https://jsonfeed.org/version/2"|'

# ---- required members and types ----

expect error jsonfeed-ok.json json-missing-member /title "§Top-level: title is required" \
	's|"title": "My Example Feed",||'
expect error jsonfeed-ok.json json-missing-member /items "§Items: items is required" \
	's|"items": \[|"entries": [|'
expect error jsonfeed-ok.json json-missing-member /items/1/id "§Items: id is required" \
	's|"id": "1",||'
expect error jsonfeed-ok.json json-missing-member /items/0/attachments/0/mime_type \
	"§Attachments: mime_type is required" '/"mime_type": "audio\/x-m4a",/d'
expect error jsonfeed-ok.json json-missing-member /hubs/0/url "§Top-level: a hub has type and url" \
	's|"url": "https://hub.example.org/"|"href": "https://hub.example.org/"|'
expect error jsonfeed-ok.json json-type /expired "§Top-level: expired is a boolean" \
	's|"expired": false|"expired": "no"|'
expect error jsonfeed-ok.json json-type /items/0/attachments/0/size_in_bytes \
	"§Attachments: size_in_bytes is a number" 's|"size_in_bytes": 89970236|"size_in_bytes": "89970236"|'
expect error jsonfeed-ok.json json-type /items/1/tags/0 "§Items: tags is an array of strings" \
	's|"id": "1",|"id": "1", "tags": [1],|'
expect warning jsonfeed-ok.json blank /title "§Top-level: an empty title" \
	's|"title": "My Example Feed"|"title": ""|'
expect warning jsonfeed-ok.json json-empty-array /items/1/authors "§Top-level: authors are one or more" \
	's|"id": "1",|"id": "1", "authors": [],|'
expect warning jsonfeed-ok.json json-nul /title "RFC 8259 §7: U+0000 in a string" \
	's|"title": "My Example Feed"|"title": "My\\u0000Feed"|'
expect warning jsonfeed-ok.json json-unknown-member /subtitle "§Extensions: unknown members" \
	's|"expired": false,|"expired": false, "subtitle": "x",|'
expect warning jsonfeed-ok.json json-extension-name /_1shed "§Extensions: \"_\" then a letter" \
	's|"expired": false,|"expired": false, "_1shed": {},|'

# ---- ids and content ----

expect warning jsonfeed-ok.json json-id-not-string /items/1/id "§Items: in 1.1 an id is a string" \
	's|"id": "1"|"id": 1|'
expect error jsonfeed-ok.json json-id-blank /items/1/id "§Suggestions for Feed Readers: a blank id" \
	's|"id": "1"|"id": " "|'
expect error jsonfeed-ok.json json-duplicate-id /items/1/id "§Items: ids are unique in the feed" \
	's|"id": "1"|"id": "https://example.org/second-item"|'
expect error jsonfeed-ok.json json-content /items/1 "§Items: content_html or content_text" \
	's|"content_html": "<p>Hello, world!</p>",||'
expect warning jsonfeed-ok.json contains-html /items/0/summary "§Items: HTML only in content_html" \
	's|"summary": "Brent interviews Chris Parrish."|"summary": "Brent interviews <b>Chris</b>."|'
expect warning jsonfeed-ok.json html-security-risk /items/1/content_html "content_html with a script" \
	's|<p>Hello, world!</p>|<p>Hello</p><script>alert(1)</script>|'

# ---- values ----

expect error jsonfeed-ok.json json-url /items/1/url "§Items: url is an absolute URL" \
	's|"url": "https://example.org/initial-post"|"url": "/initial-post"|'
expect error jsonfeed-ok.json json-url /feed_url "§Top-level: feed_url is an absolute URL" \
	's|"feed_url": "https://example.org/feed.json"|"feed_url": "feed.json"|'
expect error jsonfeed-ok.json json-next-url /next_url "§Top-level: next_url is not feed_url" \
	's|"https://example.org/feed-2.json"|"https://example.org/feed.json"|'
expect error jsonfeed-ok.json json-date /items/1/date_published "§Items: dates are RFC 3339" \
	's|"2024-05-01T10:00:00+08:00"|"2024-05-01 10:00:00"|'
expect error jsonfeed-ok.json json-date /items/0/date_modified "§Items: a date alone is not RFC 3339 in 1.1" \
	's|"2024-05-03T08:30:00Z"|"2024-05-03"|'
expect error jsonfeed-v1-ok.json json-date /items/0/date_modified "JSON Feed 1: dates are ISO 8601" \
	's|"2016-02-10"|"10 Feb 2016"|'
expect warning jsonfeed-ok.json date-implausible /items/0/date_modified "an implausible year" \
	's|"2024-05-03T08:30:00Z"|"1970-01-01T00:00:00Z"|'
expect error jsonfeed-ok.json language /language "§Top-level: language is an RFC 5646 tag" \
	's|"language": "en-US"|"language": "en_US"|'
expect error jsonfeed-ok.json mime-type /items/0/attachments/0/mime_type "§Attachments: a media type" \
	's|"audio/x-m4a"|"audio"|'
expect error jsonfeed-ok.json json-number /items/0/attachments/0/duration_in_seconds \
	"§Attachments: durations are not negative" 's|"duration_in_seconds": 6629|"duration_in_seconds": -1|'
expect error jsonfeed-ok.json json-author-empty /items/0/authors/0 "§Top-level: an author has a member" \
	's|"name": "Manton Reece"|"_x": 1|'
expect warning jsonfeed-ok.json json-author-deprecated /items/1/author "§Deprecations: author alone in 1.1" \
	's|"id": "1",|"id": "1", "author": {"name": "Manton Reece"},|'

# ---- the command ----

sed -e 's|"expired": false,|"expired": false, "subtitle": "x",|' "$srcdir/jsonfeed-ok.json" > "$tmp/w.json"
"$FEEDGEN" validate --strict "$tmp/w.json" > "$tmp/out" 2>&1
[ $? -eq 1 ] && ok "--strict: a warning makes a JSON Feed invalid" || not_ok "--strict"
sed -e 's|"id": "1",||' "$srcdir/jsonfeed-ok.json" > "$tmp/j.json"
"$FEEDGEN" validate --format json "$tmp/j.json" > "$tmp/out" 2>&1
rc=$?
if [ $rc -eq 1 ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["documents"][0]
g = d["diagnostics"][0]
assert not d["valid"] and d["errors"] == 1
assert g["rule"] == "json-missing-member" and g["message"].startswith("/items/1/id: ") and g["spec"]
' "$tmp/out"; then ok "--format json: rule, JSON pointer and spec of each diagnostic"
else not_ok "--format json (exit $rc)"; fi
{ printf '\n \t\r\n'; cat "$srcdir/jsonfeed-ok.json"; } | "$FEEDGEN" validate - > "$tmp/out" 2>&1
rc=$?
[ $rc -eq 0 ] && grep -q '^<stdin>: .*, valid: 0 errors, 0 warnings$' "$tmp/out" &&
	ok "standard input, white space before the '{'" || not_ok "standard input (exit $rc)"
"$FEEDGEN" validate "$srcdir/jsonfeed-ok.json" "$srcdir/atom-ok.xml" > "$tmp/out" 2>&1
[ $? -eq 0 ] && [ "$(grep -c ', valid: 0 errors, 0 warnings$' "$tmp/out")" -eq 2 ] &&
	ok "JSON and XML documents in one run" || not_ok "JSON and XML in one run"

# ---- the writer, read back by the validator ----

"$FEEDGEN" --format json "$top/example" > "$tmp/ex.json" 2>/dev/null
rc=$?
"$FEEDGEN" validate "$tmp/ex.json" > "$tmp/out" 2>&1
if [ $rc -eq 0 ] && grep -q ', valid: 0 errors, 0 warnings$' "$tmp/out"
then ok "the example site's JSON Feed: valid, no warning"
else not_ok "the example site's JSON Feed (exit $rc)"; fi
for mode in summary both; do
	"$FEEDGEN" --format json --content $mode "$top/example" > "$tmp/ex-$mode.json" 2>/dev/null
	"$FEEDGEN" validate "$tmp/ex-$mode.json" > "$tmp/out" 2>&1
	[ $? -eq 0 ] && grep -q ', valid: 0 errors, 0 warnings$' "$tmp/out" &&
		ok "--content $mode: valid, no warning" || not_ok "--content $mode"
done
"$FEEDGEN" --format json "$top/example" 2>/dev/null | cmp -s - "$tmp/ex.json" &&
	ok "same posts, same bytes" || not_ok "same posts, same bytes"
python3 -c '
import json, sys
raw = open(sys.argv[1], "rb").read()
d = json.loads(raw)
assert raw.startswith(b"{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n") and raw.endswith(b"}\n")
assert "青岛".encode() in raw and b"\\u" not in raw
assert d["feed_url"] == "https://news.example.com/feed.json" and d["language"] == "zh-CN"
' "$tmp/ex.json" && ok "version first, UTF-8 unescaped, indent 2, final newline" ||
	not_ok "layout of the written JSON"

"$FEEDGEN" -o "$tmp/o" "$top/example" 2>/dev/null
rc=$?
n_atom=$(find "$tmp/o" -name '*.xml' | wc -l)
n_json=$(find "$tmp/o" -name '*.json' | wc -l)
[ $rc -eq 0 ] && [ "$n_json" -eq "$n_atom" ] && [ -f "$tmp/o/feed.json" ] &&
	[ -f "$tmp/o/feed/Finance.json" ] && [ -f "$tmp/o/feed/by_tag/港股.json" ] &&
	ok "-o: a feed.json beside each of the $n_atom Atom feeds, at the same paths" ||
	not_ok "-o writes JSON beside Atom (exit $rc, $n_json JSON, $n_atom Atom)"
find "$tmp/o" -name '*.json' -exec "$FEEDGEN" validate {} + > "$tmp/out" 2>&1
[ $? -eq 0 ] && ! grep -v -e ', valid: 0 errors, 0 warnings$' \
	-e '^feedgen validate: [0-9]* documents, [0-9]* valid, 0 invalid, 0 unreadable, 0 errors, 0 warnings$' "$tmp/out" > /dev/null &&
	ok "-o: every JSON Feed valid, no warning" || not_ok "-o: every JSON Feed valid"
grep -q '"feed_url": "https://news.example.com/feed/by_tag/%E6%B8%AF%E8%82%A1.json"' \
	"$tmp/o/feed/by_tag/港股.json" && ok "a tag feed's feed_url is its own, percent-encoded" ||
	not_ok "tag feed_url"
"$FEEDGEN" --format json -o "$tmp/j" "$top/example" 2>/dev/null
[ -f "$tmp/j/feed.json" ] && [ -z "$(find "$tmp/j" -name '*.xml' -o -name '*.rss')" ] &&
	ok "--format json -o writes only JSON Feeds" || not_ok "--format json -o"

# Stale feeds: a JSON Feed of a tag that is gone is listed, and pruned.
stale="$tmp/stale"
mkdir -p "$stale/_posts"
printf 'url: https://ex.example\n' > "$stale/_config.yml"
printf -- '---\ntitle: A\ntags: [kept, gone]\n---\na\n' > "$stale/_posts/2021-01-01-a.md"
"$FEEDGEN" -o "$tmp/so" "$stale" 2>/dev/null
printf -- '---\ntitle: A\ntags: [kept]\n---\na\n' > "$stale/_posts/2021-01-01-a.md"
"$FEEDGEN" -o "$tmp/so" "$stale" > "$tmp/out" 2>&1
grep -q 'feed/by_tag/gone.json: warning: stale feed' "$tmp/out" && [ -f "$tmp/so/feed/by_tag/gone.json" ] &&
	ok "a JSON Feed left by a tag that is gone is listed as stale" || not_ok "stale JSON Feed listed"
"$FEEDGEN" --prune -o "$tmp/so" "$stale" > "$tmp/out" 2>&1
[ ! -f "$tmp/so/feed/by_tag/gone.json" ] && [ -f "$tmp/so/feed/by_tag/kept.json" ] &&
	ok "--prune deletes it and keeps the others" || not_ok "--prune and JSON Feeds"

# A site with every extra: hub, icon, logo, enclosure, image, updated, lang.
site="$tmp/site"
mkdir -p "$site/_posts"
printf 'title: Extras\nurl: https://ex.example\nlang: en_GB\nauthor: {name: Ann, uri: https://ex.example/ann}\nfeed:\n  hub: https://hub.example/\n  icon: /icon.png\n  logo: /logo.png\n' > "$site/_config.yml"
printf -- '---\ntitle: "Episode 1: <b>bold</b> & more"\ndate: 2021-12-16 11:20:07 +0800\nupdated: 2021-12-20\ncategories: [Podcast]\ntags: [audio, Podcast]\nlang: fr\nimage: /img/ep 1.png\nenclosure: {url: /audio/ep1.mp3, length: 1234}\nexcerpt: The first one.\n---\nBody with [a link](/x) and a <script>x</script>.\n' > "$site/_posts/2021-12-16-ep1.md"
printf -- '---\ntitle: Empty\nauthor: {name: Bob, email: bob@ex.example}\n---\n' > "$site/_posts/2021-12-10-empty.md"
for mode in full summary both; do
	"$FEEDGEN" --format json --content $mode "$site" > "$tmp/x.json" 2>/dev/null
	"$FEEDGEN" validate "$tmp/x.json" > "$tmp/out" 2>&1
	[ $? -eq 0 ] && grep -q 'valid: 0 errors, ' "$tmp/out" && ok "every extra, --content $mode: valid" ||
		not_ok "every extra, --content $mode"
done

echo "1..$n"
exit $fail
