#!/bin/sh
# diff.sh: `feedgen diff OLD NEW` (issue 17): entries added, removed, changed
# and re-identified, in every format feedgen reads, from files, standard input
# and a server on 127.0.0.1; exit status 0/1/2; the diagnostics forms; bad
# input at its line and column; hostile and large input.
. "$(dirname "$0")/lib.sh"

d() { # d ARGS...: feedgen diff, stdout+stderr in $TMP/out, status in $rc
	"$FEEDGEN" diff "$@" >"$TMP/out" 2>&1
	rc=$?
}
has() { grep -qF -- "$1" "$TMP/out"; }

# An Atom feed of the entries given as "id|link|title|published|content".
atom() { # atom FILE ENTRY...
	f=$1
	shift
	{
		echo '<?xml version="1.0" encoding="utf-8"?>'
		echo '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id>'
		echo '<updated>2024-01-09T00:00:00Z</updated>'
		for e in "$@"; do
			echo "$e" | awk -F'|' '{ printf "<entry><id>%s</id><link href=\"%s\"/><title>%s</title><published>%s</published><updated>%s</updated><content type=\"html\">%s</content></entry>\n", $1, $2, $3, $4, $4, $5 }'
		done
		echo '</feed>'
	} >"$f"
}
rss() { # rss FILE ENTRY... (guid, link, title, pubDate as RFC 822, description)
	f=$1
	shift
	{
		echo '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://ex.com/</link><description>d</description>'
		for e in "$@"; do
			echo "$e" | awk -F'|' '{ printf "<item><guid>%s</guid><link>%s</link><title>%s</title><pubDate>%s</pubDate><description>%s</description></item>\n", $1, $2, $3, $4, $5 }'
		done
		echo '</channel></rss>'
	} >"$f"
}
rdf() { # rdf FILE ENTRY... (rdf:about, link, title, dc:date, description)
	f=$1
	shift
	{
		echo '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
		echo '<channel rdf:about="https://ex.com/"><title>T</title><link>https://ex.com/</link><description>d</description></channel>'
		for e in "$@"; do
			echo "$e" | awk -F'|' '{ printf "<item rdf:about=\"%s\"><link>%s</link><title>%s</title><dc:date>%s</dc:date><description>%s</description></item>\n", $1, $2, $3, $4, $5 }'
		done
		echo '</rdf:RDF>'
	} >"$f"
}
json() { # json FILE ENTRY... (id, url, title, date_published, content_html)
	f=$1
	shift
	{
		printf '{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": ['
		sep=""
		for e in "$@"; do
			printf '%s' "$sep"
			echo "$e" | awk -F'|' '{ printf "{\"id\": \"%s\", \"url\": \"%s\", \"title\": \"%s\", \"date_published\": \"%s\", \"content_html\": \"%s\"}", $1, $2, $3, $4, $5 }'
			sep=", "
		done
		echo ']}'
	} >"$f"
}

A1='https://ex.com/2024/01/01/one.html|https://ex.com/2024/01/01/one.html|One|2024-01-01T00:00:00Z|first'
A2='https://ex.com/2024/01/02/two.html|https://ex.com/2024/01/02/two.html|Two|2024-01-02T00:00:00Z|second'
A3='https://ex.com/2024/01/03/three.html|https://ex.com/2024/01/03/three.html|Three|2024-01-03T00:00:00Z|third'

# ---- identical, grown, shrunk, edited: exit 0 ----
atom "$TMP/old.xml" "$A3" "$A2" "$A1"
cp "$TMP/old.xml" "$TMP/same.xml"
d "$TMP/old.xml" "$TMP/same.xml"
ok $(( rc == 0 ? 0 : 1 )) "identical feeds: exit status 0"
has "old.xml -> $TMP/same.xml: 0 added, 0 removed, 0 changed, 0 re-identified (3 entries before, 3 after)"
ok $? "identical feeds: the summary says nothing changed"
[ "$(wc -l <"$TMP/out")" -eq 1 ]
ok $? "identical feeds: the summary alone"

A4='https://ex.com/2024/01/04/four.html|https://ex.com/2024/01/04/four.html|Four|2024-01-04T00:00:00Z|fourth'
atom "$TMP/grown.xml" "$A4" "$A3" "$A2"
d "$TMP/old.xml" "$TMP/grown.xml"
ok $(( rc == 0 ? 0 : 1 )) "a new entry in, the oldest out: exit status 0"
has "grown.xml:4: note: entry 'Four' <https://ex.com/2024/01/04/four.html> added (id https://ex.com/2024/01/04/four.html) [entry-added]"
ok $? "the added entry is named, at its line"
has "old.xml:6: note: entry 'One' <https://ex.com/2024/01/01/one.html> removed (id https://ex.com/2024/01/01/one.html) [entry-removed]"
ok $? "the removed entry is named, at its line in OLD"
has ": 1 added, 1 removed, 0 changed, 0 re-identified (3 entries before, 3 after)"
ok $? "the summary counts them"

atom "$TMP/edited.xml" "$A3" \
	'https://ex.com/2024/01/02/two.html|https://ex.com/2024/01/02/two.html|Two, retitled|2024-01-02T08:00:00+08:00|second' \
	'https://ex.com/2024/01/01/one.html|https://ex.com/2024/01/01/one.html|One|2024-01-01T00:00:00Z|first, edited'
d "$TMP/old.xml" "$TMP/edited.xml"
ok $(( rc == 0 ? 0 : 1 )) "edited entries, same ids: exit status 0"
has "entry 'Two, retitled' <https://ex.com/2024/01/02/two.html> (id https://ex.com/2024/01/02/two.html) changed: title (title was 'Two') [entry-changed]"
ok $? "a new title is a change, and the old title is shown"
has "entry 'One' <https://ex.com/2024/01/01/one.html> (id https://ex.com/2024/01/01/one.html) changed: content [entry-changed]"
ok $? "new content is a change"
! has "published date"
ok $? "the same instant with another offset is no change of date"
has ": 0 added, 0 removed, 2 changed, 0 re-identified"
ok $? "the summary counts 2 changed"

# ---- re-identified: exit 1, each entry named ----
atom "$TMP/reid.xml" "$A3" \
	'urn:uuid:2|https://ex.com/2024/01/02/two.html|Two|2024-01-02T00:00:00Z|second' "$A1"
d "$TMP/old.xml" "$TMP/reid.xml"
ok $(( rc == 1 ? 0 : 1 )) "an entry under a new id with the same link: exit status 1"
has "reid.xml:5: error: entry 'Two' <https://ex.com/2024/01/02/two.html> changed id from https://ex.com/2024/01/02/two.html to urn:uuid:2 [id-changed]"
ok $? "the entry is named, with both ids, at its line"
has ": 0 added, 0 removed, 0 changed, 1 re-identified"
ok $? "the summary counts it, not as added and removed"

# A permalink change: new links and ids, same titles and dates.
atom "$TMP/perma.xml" \
	'https://ex.com/three/|https://ex.com/three/|Three|2024-01-03T08:00:00+08:00|third' \
	'https://ex.com/two/|https://ex.com/two/|Two|2024-01-02T00:00:00Z|second' \
	'https://ex.com/one/|https://ex.com/one/|One|2024-01-01T00:00:00Z|first'
d "$TMP/old.xml" "$TMP/perma.xml"
ok $(( rc == 1 ? 0 : 1 )) "a permalink change (new links and ids): exit status 1"
[ "$(grep -c 'id-changed' "$TMP/out")" -eq 3 ]
ok $? "each of the 3 entries is named (by title and published date)"
has "entry 'Three' <https://ex.com/three/> changed id from https://ex.com/2024/01/03/three.html to https://ex.com/three/"
ok $? "matched by title and published date as instants (+08:00 and Z)"

atom "$TMP/case.xml" "$A3" \
	'urn:two|HTTPS://EX.COM:443/2024/01/02/two.html|Two (new title)|2025-01-01T00:00:00Z|x' "$A1"
d "$TMP/old.xml" "$TMP/case.xml"
ok $(( rc == 1 ? 0 : 1 )) "links compared with scheme and host case and the default port ignored"
atom "$TMP/path.xml" "$A3" \
	'urn:two|https://ex.com/2024/01/02/TWO.html|Two (new title)|2025-01-01T00:00:00Z|x' "$A1"
d "$TMP/old.xml" "$TMP/path.xml"
ok $(( rc == 0 ? 0 : 1 )) "but not the path's case: another link, another title: added and removed"
has ": 1 added, 1 removed, 0 changed, 0 re-identified"
ok $? "counted as added and removed"

d -q "$TMP/old.xml" "$TMP/perma.xml"
! has "[entry-" && has "[id-changed]" && has "3 re-identified"
ok $? "--quiet: only the re-identified entries and the summary"

# ---- every format ----
R1='https://ex.com/p/1|https://ex.com/p/1|One|Mon, 01 Jan 2024 00:00:00 +0000|first'
R2='https://ex.com/p/2|https://ex.com/p/2|Two|Tue, 02 Jan 2024 00:00:00 GMT|second'
R2N='tag:ex.com,2024:2|https://ex.com/p/2|Two|Tue, 02 Jan 2024 00:00:00 GMT|second'
R2M='https://ex.com/two/|https://ex.com/two/|Two|Tue, 02 Jan 2024 01:00:00 +0100|second'
for fmt in rss rdf json; do
	case $fmt in rdf) A=2024-01-02T00:00:00Z ;; json) A=2024-01-02T00:00:00Z ;; *) A="" ;; esac
	if [ -n "$A" ]; then
		$fmt "$TMP/o.$fmt" "$(echo "$R2" | sed "s/|Tue[^|]*|/|$A|/")" "$(echo "$R1" | sed "s/|Mon[^|]*|/|2024-01-01T00:00:00Z|/")"
		$fmt "$TMP/n.$fmt" "$(echo "$R2N" | sed "s/|Tue[^|]*|/|$A|/")" "$(echo "$R1" | sed "s/|Mon[^|]*|/|2024-01-01T00:00:00Z|/")"
		$fmt "$TMP/m.$fmt" "$(echo "$R2M" | sed "s/|Tue[^|]*|/|2024-01-02T01:00:00+01:00|/")" "$(echo "$R1" | sed "s/|Mon[^|]*|/|2024-01-01T00:00:00Z|/")"
	else
		$fmt "$TMP/o.$fmt" "$R2" "$R1"
		$fmt "$TMP/n.$fmt" "$R2N" "$R1"
		$fmt "$TMP/m.$fmt" "$R2M" "$R1"
	fi
	d "$TMP/o.$fmt" "$TMP/o.$fmt"
	ok $(( rc == 0 ? 0 : 1 )) "$fmt: identical: exit status 0"
	has ": 0 added, 0 removed, 0 changed, 0 re-identified (2 entries before, 2 after)"
	ok $? "$fmt: both entries read, nothing changed"
	d "$TMP/o.$fmt" "$TMP/n.$fmt"
	ok $(( rc == 1 ? 0 : 1 )) "$fmt: a new id, same link: exit status 1"
	has "entry 'Two' <https://ex.com/p/2> changed id from https://ex.com/p/2 to tag:ex.com,2024:2 [id-changed]"
	ok $? "$fmt: the entry is named"
	d "$TMP/o.$fmt" "$TMP/m.$fmt"
	ok $(( rc == 1 ? 0 : 1 )) "$fmt: new link and id, same title and date: exit status 1"
done
# RSS without guids: the link is the id.
printf '<rss version="0.91"><channel><title>T</title><item><title>A</title><link>https://ex.com/a</link></item></channel></rss>\n' >"$TMP/o91.rss"
printf '<rss version="0.91"><channel><title>T</title><item><title>A</title><link>https://ex.com/a</link><guid>urn:a</guid></item></channel></rss>\n' >"$TMP/n91.rss"
d "$TMP/o91.rss" "$TMP/n91.rss"
ok $(( rc == 1 ? 0 : 1 )) "RSS 0.91 without a guid: the link is its id, a guid added later re-identifies it"
# RSS 0.90's namespace.
printf '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>T</title><link>https://ex.com/</link></channel><item><title>A</title><link>https://ex.com/a</link></item></rdf:RDF>\n' >"$TMP/o90.rdf"
d "$TMP/o90.rdf" "$TMP/o91.rss"
ok $(( rc == 0 ? 0 : 1 )) "RSS 0.90 against RSS 0.91: the same entry, exit status 0"
has "(1 entries before, 1 after)"
ok $? "RSS 0.90's item is read"
# Across formats: the site's Atom feed and its JSON Feed have the same ids.
json "$TMP/old.json" "$A3" "$A2" "$A1"
d "$TMP/old.xml" "$TMP/old.json"
ok $(( rc == 0 ? 0 : 1 )) "Atom against JSON Feed with the same ids: exit status 0"
json "$TMP/perma.json" \
	'https://ex.com/three/|https://ex.com/three/|Three|2024-01-03T00:00:00Z|third' \
	"$A2" "$A1"
d "$TMP/old.xml" "$TMP/perma.json"
ok $(( rc == 1 ? 0 : 1 )) "Atom against JSON Feed with a new id: exit status 1"

# ---- standard input ----
"$FEEDGEN" diff "$TMP/old.xml" - <"$TMP/reid.xml" >"$TMP/out" 2>&1
rc=$?
ok $(( rc == 1 ? 0 : 1 )) "NEW from standard input: exit status 1"
has "<stdin>:5: error: entry 'Two'"
ok $? "standard input is named <stdin>"
"$FEEDGEN" diff - "$TMP/old.xml" <"$TMP/old.xml" >"$TMP/out" 2>&1
ok $? "OLD from standard input, the same feed: exit status 0"
d - -
ok $(( rc == 2 ? 0 : 1 )) "standard input for both: exit status 2"

# ---- over HTTP, from a server on 127.0.0.1 ----
mkdir "$TMP/www"
cp "$TMP/old.xml" "$TMP/www/feed.xml"
cat >"$TMP/serve.py" <<'PY'
import http.server, functools, sys, threading
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
handler.log_message = lambda *a: None
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
print(srv.server_address[1], flush=True)
threading.Timer(300, srv.shutdown).start()
srv.serve_forever()
PY
python3 "$TMP/serve.py" "$TMP/www" >"$TMP/port" 2>/dev/null &
srv=$!
for i in $(seq 50); do [ -s "$TMP/port" ] && break; sleep 0.3; done
port=$(head -1 "$TMP/port")
[ -n "$port" ]
ok $? "the test server started on 127.0.0.1"
d "http://127.0.0.1:$port/feed.xml" "$TMP/perma.xml"
ok $(( rc == 1 ? 0 : 1 )) "OLD from a URL: the permalink change found, exit status 1"
has "http://127.0.0.1:$port/feed.xml -> " && has "3 re-identified"
ok $? "the URL is named in the summary"
d "http://127.0.0.1:$port/feed.xml" "$TMP/grown.xml"
ok $(( rc == 0 ? 0 : 1 )) "OLD from a URL, a grown feed: exit status 0"
d "http://127.0.0.1:$port/nothing.xml" "$TMP/old.xml"
ok $(( rc == 2 ? 0 : 1 )) "a URL that answers 404: exit status 2"
has "nothing.xml: error: cannot read: not found (HTTP 404 or 410) [read-error]"
ok $? "and it says so"
kill "$srv" 2>/dev/null
wait "$srv" 2>/dev/null

# ---- bad input: exit 2 at the line and column ----
printf '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><title>x</titel></entry></feed>\n' >"$TMP/bad.xml"
d "$TMP/old.xml" "$TMP/bad.xml"
ok $(( rc == 2 ? 0 : 1 )) "not well-formed NEW: exit status 2"
grep -q "bad.xml:3:[0-9][0-9]*: error: not well-formed XML: .*\[feed-read\]" "$TMP/out"
ok $? "reported at its line and column"
printf '{"version": "https://jsonfeed.org/version/1.1",\n "items": [ {"id": 1,} ]}\n' >"$TMP/bad.json"
d "$TMP/bad.json" "$TMP/old.xml"
ok $(( rc == 2 ? 0 : 1 )) "invalid JSON OLD: exit status 2"
grep -q "bad.json:2:[0-9][0-9]*: error: not valid JSON: .*\[feed-read\]" "$TMP/out"
ok $? "reported at its line and column"
printf '<html><body/></html>\n' >"$TMP/page.html"
d "$TMP/page.html" "$TMP/old.xml"
ok $(( rc == 2 ? 0 : 1 )) "an HTML page: exit status 2"
has "page.html:1: error: not a feed: the root element is <html>"
ok $? "not a feed, naming its root"
printf '{"title": "no version", "items": []}\n' >"$TMP/notjf.json"
d "$TMP/notjf.json" "$TMP/old.xml"
ok $(( rc == 2 ? 0 : 1 )) "JSON that is no JSON Feed: exit status 2"
d "$TMP/old.xml" "$TMP/missing.xml"
ok $(( rc == 2 ? 0 : 1 )) "a missing file: exit status 2"
has "missing.xml: error: cannot read: No such file or directory [read-error]"
ok $? "named with the reason"
d "$TMP/old.xml"
ok $(( rc == 2 ? 0 : 1 )) "one feed given: exit status 2 (usage)"
d --diagnostics xml "$TMP/old.xml" "$TMP/old.xml"
ok $(( rc == 2 ? 0 : 1 )) "--diagnostics xml: exit status 2"

# ---- --help, the man page and the README name the same options ----
"$FEEDGEN" diff --help >"$TMP/dhelp" 2>&1
ok $? "feedgen diff --help: exit status 0"
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$top_srcdir/src/feedgen.1" >"$TMP/man.txt"
missing=""
for opt in $(grep -o -- '--[a-z][a-z-]*' "$TMP/dhelp" | sort -u); do
	grep -q -- "$opt" "$TMP/man.txt" && grep -q -- "$opt" "$top_srcdir/README" || missing="$missing $opt"
done
ok $(( ${#missing} == 0 ? 0 : 1 )) "every option of feedgen diff --help is in feedgen(1) and the README${missing:+ (missing:$missing)}"
missing=""
for opt in $(sed -n 's/^[[:space:]]*{"\([a-z][a-z-]*\)", *[a-z_]*_argument.*/--\1/p' "$top_srcdir/src/cmd_diff.c"); do
	grep -q -- "$opt" "$TMP/dhelp" || missing="$missing $opt"
done
ok $(( ${#missing} == 0 ? 0 : 1 )) "every option cmd_diff.c takes is in its --help${missing:+ (missing:$missing)}"
grep -q "feedgen diff" "$TMP/man.txt" && grep -q "^Publishing" "$top_srcdir/README"
ok $? "the man page describes feedgen diff, the README has its Publishing section"

# ---- the diagnostics forms ----
d --diagnostics json "$TMP/old.xml" "$TMP/reid.xml"
ok $(( rc == 1 ? 0 : 1 )) "--diagnostics json: exit status 1"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); e=[x for x in d["diagnostics"] if x["rule"]=="id-changed"]; sys.exit(0 if d["errors"]==1 and len(e)==1 and e[0]["line"]==5 and "urn:uuid:2" in e[0]["message"] else 1)' "$TMP/out"
ok $? "json: one document with the re-identified entry, its line and the count"
d --diagnostics github "$TMP/old.xml" "$TMP/reid.xml"
ok $(( rc == 1 ? 0 : 1 )) "--diagnostics github: exit status 1"
grep -q "^::error file=$TMP/reid.xml,line=5,title=id-changed::entry 'Two'" "$TMP/out"
ok $? "github: an ::error annotation at the entry"

# ---- hostile and large input ----
{
	echo '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
	prev=a
	for n in b c d e f g h i j; do
		echo "<!ENTITY $n \"&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;\">"
		prev=$n
	done
	echo ']><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id><title>&j;</title></entry></feed>'
} >"$TMP/laughs.xml"
(ulimit -v "$MEMLIMIT"; ulimit -t 20; "$FEEDGEN" diff "$TMP/laughs.xml" "$TMP/laughs.xml") >"$TMP/out" 2>&1
rc=$?
ok $(( rc <= 2 ? 0 : 1 )) "entities that expand a billion times: no crash, no memory blow-up (exit status $rc)"
python3 -c 'print("<feed xmlns=\"http://www.w3.org/2005/Atom\">" + "<entry><id>x</id><content type=\"xhtml\">" + "<div>" * 100000 + "</div>" * 100000 + "</content></entry></feed>")' >"$TMP/deep.xml"
(ulimit -v "$MEMLIMIT"; ulimit -t 20; "$FEEDGEN" diff "$TMP/deep.xml" "$TMP/old.xml") >"$TMP/out" 2>&1
rc=$?
ok $(( rc == 2 ? 0 : 1 )) "100,000 nested elements: exit status 2, not a crash"
python3 -c 'print("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>" + "i" * 1000000 + "</id><title>" + "t " * 500000 + "</title></entry></feed>")' >"$TMP/long.xml"
d "$TMP/long.xml" "$TMP/long.xml"
ok $(( rc == 0 ? 0 : 1 )) "a 1 MB id and title: read, cut, compared (exit status 0)"

# 100,000 entries each, every id changed (a permalink change): linear, not n*m.
python3 - "$TMP/big-old.xml" "$TMP/big-new.xml" <<'PY'
import sys
for path, fmt in ((sys.argv[1], "https://ex.com/2024/01/01/p%d.html"), (sys.argv[2], "https://ex.com/p%d/")):
    with open(path, "w") as f:
        f.write('<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>\n')
        for i in range(100000):
            u = fmt % i
            f.write('<entry><id>%s</id><link href="%s"/><title>Post %d</title><published>2024-01-01T00:00:%02dZ</published><content>x %d</content></entry>\n' % (u, u, i, i % 60, i))
        f.write('</feed>\n')
PY
# No timing here (machines are noisy; speed belongs in a benchmark): the CPU
# limit only stops a pairwise match, which would take hours.
(ulimit -t 300; "$FEEDGEN" diff -q "$TMP/big-old.xml" "$TMP/big-new.xml") >"$TMP/out" 2>&1
rc=$?
ok $(( rc == 1 ? 0 : 1 )) "100,000 entries, all under new ids: exit status 1, within a CPU limit"
has "0 added, 0 removed, 0 changed, 100000 re-identified (100000 entries before, 100000 after)"
ok $? "every one found, by title and date"

# Items with no guid and no link (RSS 2.0 needs only a title or a
# description): nothing to tell them by but what they hold, so an unchanged
# feed is unchanged, and an edited one is changed, never re-identified.
noid() { # noid FILE TITLE...
	f=$1; shift
	{ echo '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://ex.com/</link><description>d</description>'
	  for t in "$@"; do echo "<item><title>$t</title><pubDate>Wed, 01 May 2024 10:00:00 +0000</pubDate></item><item><description>$t only</description></item>"; done
	  echo '</channel></rss>'; } > "$f"
}
noid "$TMP/noid1.xml" one one two
d "$TMP/noid1.xml" "$TMP/noid1.xml"
[ $rc -eq 0 ] && ! has "[id-changed]" && ! has "[entry-added]" && ! has "[entry-removed]"
ok $? "items without guid or link (two alike), compared with themselves: nothing to report"
noid "$TMP/noid2.xml" one one two three
d "$TMP/noid1.xml" "$TMP/noid2.xml"
[ $rc -eq 0 ] && ! has "[id-changed]" && has "[entry-added]" && ! has "[entry-removed]"
ok $? "one more item without guid or link: added, nothing re-identified"

done_testing
