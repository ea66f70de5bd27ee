#!/bin/sh
# hostile3.sh: the third round of hostile input (branch harden): XML that
# makes libxml2 or the validator's own bookkeeping blow up (one big entity
# referenced many times, attribute defaults, documents on one line), entity
# and DTD references that must load nothing, and text that only looks like
# attributes. Each case: its outcome, a bound on time or memory, no crash.
. "$(dirname "$0")/lib.sh"

v() { # v ARGS...: feedgen validate under a time bound, output in $TMP/out, status in $rc
	timeout 60 "$FEEDGEN" validate "$@" >"$TMP/out" 2>&1
	rc=$?
}
vhas() { grep -qF -- "$1" "$TMP/out"; }
secs() { # secs COMMAND...: run it, set $took to the whole seconds it took
	t0=$(date +%s)
	"$@"
	took=$(($(date +%s) - t0))
}
# atom HEAD-EXTRA BODY: a valid Atom document around BODY, HEAD-EXTRA before <feed>
HEAD='<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6</id><updated>2024-01-02T03:04:05Z</updated><author><name>a</name></author><link rel="self" href="http://example.com/feed.xml"/>'
ENTRY='<entry><title>e</title><link href="http://example.com/e"/><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id><updated>2024-01-02T03:04:05Z</updated><summary>s</summary></entry>'

# --- entities: one big entity referenced many times -------------------------
# 100 KB expanded 100,000 times is 10 GB: feedgen's 4 MB budget stopped the
# first expansions, then counted again from zero (4 GB, 30 s, then "Memory
# allocation failed").
python3 -c 'import sys
head, big = sys.argv[1], "x" * 100000
sys.stdout.write("<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY a \"%s\">]>\n" % big
                 + head + "<subtitle>" + "&a;" * 100000 + "</subtitle></feed>\n")' "$HEAD" >"$TMP/quad.xml"
kb=$(maxrss "$TMP/out" timeout 60 "$FEEDGEN" validate "$TMP/quad.xml")
[ "$kb" -le 262144 ] && [ "$(grep -c 'entities expand past 4194304 bytes' "$TMP/out")" = 1 ] &&
	! vhas "Memory allocation" && vhas "quad.xml:3:"
ok $? "one 100 KB entity referenced 100,000 times: one error at its line, ${kb} KiB <= 256 MiB"

# --- external entities, DTDs, XInclude: nothing is loaded --------------------
echo "SECRET-HOSTILE3-$$" >"$TMP/secret.txt"
mkdir "$TMP/www"
python3 "$top_srcdir/tests/httpd.py" "$TMP/requests.log" "$TMP/www" >"$TMP/port" 2>/dev/null &
srv=$!
trap 'kill $srv 2>/dev/null; rm -rf "$TMP"' EXIT
for i in $(seq 50); do [ -s "$TMP/port" ] && break; sleep 0.3; done
port=$(head -1 "$TMP/port")
[ -n "$port" ]
ok $? "the test server started on 127.0.0.1"
u="http://127.0.0.1:$port"
n=0
for ref in "file://$TMP/secret.txt" "$u/xxe"; do
	for doc in \
		"<!DOCTYPE feed [<!ENTITY x SYSTEM \"$ref\">]>|<subtitle>&x;</subtitle>" \
		"<!DOCTYPE feed [<!ENTITY % x SYSTEM \"$ref\"> %x;]>|" \
		"<!DOCTYPE feed SYSTEM \"$ref\">|" \
		"<!DOCTYPE feed PUBLIC \"-//X//Y\" \"$ref\">|" \
		"<?xml-stylesheet href=\"$ref\" type=\"text/xsl\"?>|" \
		"|<subtitle><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"$ref\" parse=\"text\"/></subtitle>" \
		"|<subtitle xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.w3.org/2005/Atom $ref\">s</subtitle>"; do
		n=$((n + 1))
		printf '<?xml version="1.0"?>\n%s\n%s%s%s</feed>\n' "${doc%%|*}" "$HEAD" "${doc#*|}" "$ENTRY" >"$TMP/x$n.xml"
		v "$TMP/x$n.xml"
		[ $rc -le 1 ] && ! vhas "SECRET-HOSTILE3" && vhas "x$n.xml: Atom 1.0"
		ok $? "nothing loaded from $(echo "$ref" | sed 's|.*/||'): $(printf '%s' "${doc%%|*}${doc#*|}" | cut -c1-60) (exit $rc)"
	done
done
v "$TMP/x1.xml"
vhas "x1.xml:3:" && vhas "[xml-undefined-entity]"
ok $? "an external entity's reference is an error at its place"
sleep 0.5
[ ! -s "$TMP/requests.log" ]
ok $? "and the server on 127.0.0.1 got no connection ($(tr '\n' ' ' <"$TMP/requests.log"))"

# --- a page whose feed links lead back to itself ---------------------------
# Each link is fetched once, never followed further from there, and the
# page it finds is said to be a page, not taken apart as broken XML.
printf '<!DOCTYPE html>\n<html><head><title>p</title>\n<link rel="alternate" type="application/atom+xml" href="self.html">\n<link rel="alternate" type="application/rss+xml" href="%s/site/self.html?again">\n</head><body><p>x<br></body></html>\n' "$u" >"$TMP/www/self.html"
v "$u/site/self.html"
[ $rc = 1 ] && [ "$(grep -c 'GET /site/self.html' "$TMP/requests.log")" = 3 ] &&
	[ "$(grep -c 'self.html.*:1:1: error: not a feed: an HTML page, not a feed' "$TMP/out")" = 2 ] &&
	! vhas "xml-well-formed"
ok $? "a page whose feed links lead back to it: each fetched once, 'an HTML page, not a feed' (exit $rc)"
v "$TMP/www/self.html"
[ $rc = 1 ] && vhas "self.html:1:1: error: not a feed: an HTML page" && ! vhas "xml-well-formed"
ok $? "the page as a file: the same one error"

# --- attribute defaults: libxml2 copies them into every element -------------
# 100,000 defaults on <entry>: libxml2 adds each to every entry and compares
# them pairwise (over 60 s for one entry before).
python3 -c 'import sys
head, entry = sys.argv[1], sys.argv[2]
sys.stdout.write("<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ATTLIST entry "
                 + " ".join("a%d CDATA \"v\"" % i for i in range(100000)) + ">]>\n"
                 + head + entry * 100 + "</feed>\n")' "$HEAD" "$ENTRY" >"$TMP/defaults.xml"
secs v "$TMP/defaults.xml"
[ $rc = 1 ] && [ $took -le 20 ] && vhas "defaults.xml:2:17: error:" && vhas "[xml-too-many-attributes]"
ok $? "100,000 attribute defaults: an error at the <!ATTLIST>, in ${took} s (exit $rc)"
# One default of 1 MiB (each entry would copy it).
python3 -c 'import sys
head, entry = sys.argv[1], sys.argv[2]
sys.stdout.write("<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ATTLIST entry a CDATA \"%s\">]>\n" % ("y" * (1 << 20))
                 + head + entry * 100000 + "</feed>\n")' "$HEAD" "$ENTRY" >"$TMP/bigdefault.xml"
secs v "$TMP/bigdefault.xml"
[ $rc = 1 ] && [ $took -le 20 ] && vhas "bigdefault.xml:2:17: error:" && vhas "1024 bytes"
ok $? "a 1 MiB attribute default: an error at the <!ATTLIST>, in ${took} s (exit $rc)"
printf '<?xml version="1.0"?>\n<!DOCTYPE feed [<!ATTLIST entry a CDATA "v" b (x|y) "x" c CDATA #IMPLIED>]>\n%s%s</feed>\n' "$HEAD" "$ENTRY" >"$TMP/fewdefaults.xml"
v "$TMP/fewdefaults.xml"
! vhas "xml-too-many-attributes"
ok $? "a few small defaults are read as before"

# --- text that only looks like attributes -----------------------------------
# Comments, CDATA sections and processing instructions hold text: 300 '='
# in one were counted as 300 attributes and the valid feed refused.
eq=$(python3 -c 'print("=" * 300)')
printf '<?xml version="1.0"?>\n<!-- %s -->\n%s<!-- a="b" c=d " -->\n<!--->%s--><?pi %s?><entry><title>e</title><link href="http://example.com/e"/><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id><updated>2024-01-02T03:04:05Z</updated><summary type="html"><![CDATA[<pre>%s</pre> ]] > ]]]></summary></entry></feed>\n' \
	"$eq" "$HEAD" "$eq" "$eq" "$eq" >"$TMP/equals.xml"
v "$TMP/equals.xml"
[ $rc = 0 ] && vhas "equals.xml: Atom 1.0, valid"
ok $? "300 '=' in comments, a CDATA section and a processing instruction: valid (exit $rc)"
v "$TMP/equals.xml" --format json
vhas '"valid": true' || vhas '"valid":true'
ok $? "the same through --format json"
# A real start tag after them is still counted.
python3 -c 'import sys
sys.stdout.write("<?xml version=\"1.0\"?>\n<!-- <a " + "x=\"\" " * 300 + "-->\n" + sys.argv[1]
                 + "<entry " + " ".join("a%d=\"\"" % i for i in range(300)) + "/></feed>\n")' "$HEAD" >"$TMP/after.xml"
v "$TMP/after.xml"
[ $rc = 1 ] && vhas "after.xml:3:" && vhas "<entry> has more than 256 attributes"
ok $? "300 attributes on a tag after such a comment: still found, at the tag"

# --- a document on one line -------------------------------------------------
# 200,000 entries on one line (34 MB): every column lookup searched the whole
# 4 MiB window, and every 4 KiB read moved it (quadratic: minutes).
python3 -c 'import sys
head = sys.argv[1]
out = sys.stdout
out.write("<?xml version=\"1.0\"?>" + head)
for i in range(200000):
    out.write("<entry><title>e</title><id>urn:x:%d</id><updated>2024-01-02T03:04:05Z</updated></entry>" % i)
out.write("</feed>")' "$HEAD" >"$TMP/oneline.xml"
secs v -q "$TMP/oneline.xml"
[ $rc = 1 ] && [ $took -le 30 ] && vhas "oneline.xml:1:"
ok $? "200,000 entries with errors on one line: done in ${took} s <= 30 (exit $rc)"

# --- JSON Feed: parsed whole, so bounded in size ----------------------------
# 40 MB of items took 1.4 GB and most of a minute to parse and check.
python3 -c 'import sys
out = sys.stdout
out.write("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[")
out.write(",".join("{\"id\":\"%d\",\"content_text\":\"x\"}" % i for i in range(1200000)))
out.write("]}")' >"$TMP/big.json"
for how in file stdin; do
	if [ $how = file ]; then
		kb=$(maxrss "$TMP/out" "$FEEDGEN" validate "$TMP/big.json")
	else
		kb=$(maxrss "$TMP/out" sh -c '"$1" validate - <"$2"' sh "$FEEDGEN" "$TMP/big.json")
	fi
	[ "$kb" -le 131072 ] && vhas ":1:1: error: a JSON Feed larger than is checked" && vhas "[json-too-large]"
	ok $? "a 41 MB JSON Feed ($how): json-too-large, in ${kb} KiB <= 128 MiB"
done

# --- Liquid: values doubled in a loop ---------------------------------------
# 'append' or 'concat' of a value to itself, 60 times: 10 x 2^60 bytes (a
# hang and gigabytes before); the other post is still published.
mkdir -p "$TMP/site/_posts"
printf 'title: s\nurl: https://example.com\n' >"$TMP/site/_config.yml"
printf -- '---\ntitle: good\n---\nok\n' >"$TMP/site/_posts/2024-01-01-good.md"
printf -- '---\ntitle: app\n---\n{%% assign s = "xxxxxxxxxx" %%}{%% for i in (1..60) %%}{%% assign s = s | append: s %%}{%% endfor %%}{{ s | size }}\n' \
	>"$TMP/site/_posts/2024-01-02-app.md"
printf -- '---\ntitle: cat\n---\n{%% assign a = "1,2" | split: "," %%}{%% for i in (1..60) %%}{%% assign a = a | concat: a %%}{%% endfor %%}{{ a | size }}\n' \
	>"$TMP/site/_posts/2024-01-03-cat.md"
secs sh -c '(ulimit -v '"$MEMLIMIT"'; timeout 60 "$1" "$2" >"$3" 2>"$4")' sh "$FEEDGEN" "$TMP/site" "$TMP/site.xml" "$TMP/out"
grep -q "2024-01-02-app.md:4:.*error: Liquid error: 'append' made a value larger than" "$TMP/out" &&
	grep -q "2024-01-03-cat.md:4:.*error: Liquid error: 'concat' made a value larger than" "$TMP/out" &&
	[ $took -le 30 ] && grep -q '<title>good</title>' "$TMP/site.xml"
ok $? "a string doubled by append, an array by concat: an error at each, in ${took} s, the good post published"

done_testing
