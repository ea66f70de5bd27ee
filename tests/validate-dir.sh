#!/bin/sh
# validate-dir.sh: `feedgen validate DIR` checks every feed below a folder,
# found by its content (Atom, RSS, RSS 1.0, OPML, JSON Feed), skips the other
# files without a word, follows no symbolic link, prints one summary line for
# the folder, and prints the same bytes whatever --jobs says.
. "$(dirname "$0")/lib.sh"

v() { # v ARGS...: runs feedgen validate, output in $TMP/out, status in $rc
	"$FEEDGEN" validate "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
show() { [ "$1" -eq 0 ] || sed 's/^/# /' "$TMP/out" "$TMP/err"; }
summary() { tail -n 1 "$TMP/out"; }

site=$TMP/site
"$FEEDGEN" -o "$site" "$top_srcdir/example" 2>/dev/null
ok $? "feedgen -o writes the example site"
written=$(find "$site" -type f | wc -l)
[ "$written" -gt 10 ] && [ -f "$site/feeds.opml" ]
ok $? "the site has $written feed files, feeds.opml among them"

# The CI step the README gives: every file written is checked.
v "$site/"
[ $rc -eq 0 ]
st=$?
ok $st "feedgen validate _site/ after feedgen -o _site/: exit status 0"
show $st
summary | grep -qx "$site: $written feeds checked: $written valid, 0 invalid, 0 warnings; 0 other files skipped"
st=$?
ok $st "the summary line counts every file written ($written) as checked and valid"
[ $st -eq 0 ] || summary | sed 's/^/# /'
missing=0
for f in $(cd "$site" && find . -type f | sed 's|^\./||' | tr ' ' '.'); do
	grep -q "^$site/$f: [^:]*, valid: " "$TMP/out" || { echo "# not checked: $f"; missing=1; }
done
ok $missing "each file written has its own report line"
grep -q "^$site/feeds.opml: OPML, valid: " "$TMP/out"
ok $? "feeds.opml is checked as OPML"
grep -q "^$site/feed.json: JSON Feed, valid: " "$TMP/out" &&
	grep -q "^$site/feed.rss: RSS 2.0, valid: " "$TMP/out" &&
	grep -q "^$site/feed.xml: Atom 1.0, valid: " "$TMP/out"
ok $? "the JSON, RSS and Atom feeds are each checked as what they are"

v -q "$site"
[ $rc -eq 0 ] && [ ! -s "$TMP/out" ]
ok $? "-q: errors only, so nothing for a folder of valid feeds"

# Other files: skipped without a diagnostic.
printf '<!DOCTYPE html>\n<html lang=en><head><title>x</title></head><body>hi</body></html>\n' >"$site/index.html"
printf 'body { color: red }\n' >"$site/style.css"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$site/logo.png"
printf '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n' >"$site/sitemap.xml"
printf '{"name": "app", "version": "1.0"}\n' >"$site/manifest.json"
: >"$site/empty.json"
mkdir "$site/.hidden" && printf 'not a feed\n' >"$site/.hidden/feed.xml"
v "$site"
[ $rc -eq 0 ] && summary | grep -q "; 6 other files skipped$" &&
	! grep -q "index.html\|style.css\|logo.png\|sitemap.xml\|manifest.json\|empty.json\|hidden" "$TMP/out" &&
	[ ! -s "$TMP/err" ]
st=$?
ok $st "HTML, CSS, an image, a sitemap, a JSON manifest, an empty .json: skipped without a word; hidden folders not looked at"
show $st
summary | grep -q ": $written feeds checked: "
ok $? "the count of feeds checked is unchanged by the other files"

# By content, not by name.
sed 's/<title>/<title>renamed /' "$site/feed.xml" >"$site/atom.txt"
cp "$site/feed.rss" "$site/rss-without-extension"
sed '1s/encoding="[^"]*"/encoding="UTF-16"/' "$site/feed.rss" | iconv -f UTF-8 -t UTF-16 >"$site/utf16.dat"
v "$site"
grep -q "^$site/atom.txt: Atom 1.0, valid" "$TMP/out" &&
	grep -q "^$site/rss-without-extension: RSS 2.0, valid" "$TMP/out" &&
	grep -q "^$site/utf16.dat: RSS 2.0, valid" "$TMP/out"
ok $? "an Atom feed named .txt, an RSS feed without extension and a UTF-16 feed are found by their content"
rm "$site/atom.txt" "$site/rss-without-extension" "$site/utf16.dat"

# A JSON Feed whose version comes after SNIFF_PREFIX bytes: read whole.
{
	printf '{"title": "Late version", "items": ['
	i=0
	while [ $i -lt 700 ]; do
		printf '{"id": "https://e.example/%d", "url": "https://e.example/%d", "content_text": "%0100d"},' $i $i 0
		i=$((i + 1))
	done
	printf '{"id": "https://e.example/last", "content_text": "x"}], "version": "https://jsonfeed.org/version/1.1"}\n'
} >"$TMP/late.json"
mkdir "$TMP/late" && cp "$TMP/late.json" "$TMP/late/"
[ "$(wc -c <"$TMP/late.json")" -gt 65536 ]
ok $? "a JSON Feed larger than the sniffed prefix is made"
v "$TMP/late"
grep -q "^$TMP/late/late.json: JSON Feed, " "$TMP/out"
ok $? "a JSON Feed whose version comes last, past the first 64 KiB, is checked"

# A broken feed deep in a subfolder: found, named with its path.
mkdir -p "$site/archive/2021"
sed 's|<id>[^<]*</id>||' "$site/feed.xml" >"$site/archive/2021/old.xml"
v "$site"
[ $rc -eq 1 ] && grep -q "^$site/archive/2021/old.xml:[0-9]*:[0-9]*: error: .*\[missing-element\]" "$TMP/out" &&
	summary | grep -q ": $((written + 1)) feeds checked: $written valid, 1 invalid, "
st=$?
ok $st "a feed without its id in archive/2021/: exit 1, the error names archive/2021/old.xml, the summary counts it"
show $st
: >"$site/archive/empty.xml"
v "$site"
[ $rc -eq 1 ] && grep -q "^$site/archive/empty.xml:1:1: error: .*\[xml-well-formed\]" "$TMP/out"
st=$?
ok $st "an empty .xml file is checked (and found broken), not skipped"
show $st
rm "$site/archive/empty.xml"

# Symbolic links: not followed, to a file or to a folder.
mkdir -p "$TMP/outside/sub"
sed 's|<title>[^<]*</title>||' "$site/feed.xml" >"$TMP/outside/bad.xml"
cp "$TMP/outside/bad.xml" "$TMP/outside/sub/bad.xml"
rm "$site/archive/2021/old.xml"
ln -s "$TMP/outside/bad.xml" "$site/linked.xml"
ln -s "$TMP/outside/sub" "$site/linkeddir"
v "$site"
[ $rc -eq 0 ] && ! grep -q "linked\|bad.xml" "$TMP/out" &&
	summary | grep -q "; 6 other files skipped, 2 symbolic links not followed$"
st=$?
ok $st "a link to a broken feed and a link to a folder with one: not followed, counted in the summary"
show $st
rm "$site/linked.xml" "$site/linkeddir"

# A FIFO is not opened (it would wait for a writer forever).
mkfifo "$site/pipe.xml"
timeout 20 "$FEEDGEN" validate "$site" >"$TMP/out" 2>&1
ok $? "a FIFO named .xml is not opened: the run ends, exit 0"
rm "$site/pipe.xml"

# --jobs: the same bytes whatever the number of threads.
mkdir -p "$site/broken"
sed 's|<id>[^<]*</id>||' "$site/feed.xml" >"$site/broken/a.xml"
sed 's|<title>[^<]*</title>||' "$site/feed.rss" >"$site/broken/b.rss"
printf '{"version": "https://jsonfeed.org/version/1.1", "items": [}' >"$site/broken/c.json"
"$FEEDGEN" validate --jobs 1 "$site" >"$TMP/j1" 2>&1
rc1=$?
"$FEEDGEN" validate --jobs 2 "$site" >"$TMP/j2" 2>&1
rc2=$?
"$FEEDGEN" validate -j 8 "$site" >"$TMP/j8" 2>&1
rc8=$?
"$FEEDGEN" validate "$site" >"$TMP/jd" 2>&1
[ $rc1 -eq 1 ] && [ $rc2 -eq 1 ] && [ $rc8 -eq 1 ] && cmp -s "$TMP/j1" "$TMP/j2" &&
	cmp -s "$TMP/j1" "$TMP/j8" && cmp -s "$TMP/j1" "$TMP/jd"
st=$?
ok $st "--jobs 2, -j 8 and the default print the same bytes as --jobs 1 (three broken feeds among $written)"
[ $st -eq 0 ] || diff "$TMP/j1" "$TMP/j2" | head -5 | sed 's/^/# /'
grep -c "^$site/broken/[abc]\.[a-z]*: [^:]*, invalid" "$TMP/j1" | grep -qx 3
ok $? "the three broken feeds are each reported invalid"
"$FEEDGEN" validate --jobs 2 --format json "$site" >"$TMP/json" 2>&1
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["documents"]
sys.exit(0 if len(d) == int(sys.argv[2]) + 3 else 1)' "$TMP/json" "$written"
ok $? "--format json: one document for each feed checked"
for bad in 0 -1 x; do
	"$FEEDGEN" validate --jobs "$bad" "$site" >/dev/null 2>"$TMP/err"
	[ $? -eq 2 ] && grep -q "jobs" "$TMP/err" || { echo "# --jobs $bad"; false; } || break
done
ok $? "--jobs 0, -1 or x: a usage error (exit 2)"

# A folder with no feed at all: an error a CI step fails on.
mkdir -p "$TMP/nofeed/css"
printf '<html><body>x</body></html>\n' >"$TMP/nofeed/index.html"
printf 'a{}\n' >"$TMP/nofeed/css/site.css"
v "$TMP/nofeed"
[ $rc -eq 1 ] && grep -q "^$TMP/nofeed: error: no feed in this folder: 2 files looked at, none .*\[no-feed\]" "$TMP/out"
st=$?
ok $st "a folder with no feed: exit 1, one error that says so"
show $st
mkdir "$TMP/empty"
v "$TMP/empty"
[ $rc -eq 1 ] && grep -q "\[no-feed\]" "$TMP/out"
ok $? "an empty folder: the same error"

# Bounds: folders nested past the limit are an error, the rest is checked.
deep=$TMP/deep
p=$deep
i=0
while [ $i -lt 66 ]; do p=$p/d; i=$((i + 1)); done
mkdir -p "$p"
cp "$site/feed.xml" "$deep/feed.xml"
cp "$site/feed.xml" "$p/feed.xml"
v "$deep"
[ $rc -eq 2 ] && grep -q "deeper than the limit.*\[io-error\]" "$TMP/err" &&
	grep -q "^$deep/feed.xml: Atom 1.0, valid" "$TMP/out"
st=$?
ok $st "folders nested 66 deep: an I/O error (exit 2) for what lies too deep, the rest checked"
show $st

done_testing
