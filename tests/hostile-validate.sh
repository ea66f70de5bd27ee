#!/bin/sh
# hostile-validate.sh: the validator against hostile documents and servers
# (issue 15, findings 18 to 20): memory bounded however many diagnostics,
# time linear in the attributes of one element, and messages that say what
# really happened.
. "$(dirname "$0")/lib.sh"

v() { # v ARGS...: runs feedgen validate, output in $TMP/out, status in $rc
	"$FEEDGEN" validate "$@" >"$TMP/out" 2>&1
	rc=$?
}
vhas() { grep -qF -- "$1" "$TMP/out"; }


# --- 18: memory does not grow with the number of diagnostics -----------------
# N items with neither title nor description: N errors of one rule
# (rss-item-title-or-description) and N warnings of another (missing-guid).
N=400000
python3 -c 'import sys
n = int(sys.argv[1])
out = sys.stdout
out.write("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>t</title>"
          "<link>http://example.com/</link><description>d</description>\n")
for i in range(n // 1000):
    out.write("<item/>" * 1000 + "\n")
out.write("</channel></rss>\n")' $N >"$TMP/many.xml"
hidden=$((N - 1000))
for form in gnu json github; do
	kb=$(maxrss "$TMP/out" "$FEEDGEN" validate --format $form "$TMP/many.xml")
	[ "$kb" -le 65536 ]
	ok $? "$N errors and $N warnings, --format $form: peak memory ${kb} KiB <= 64 MiB"
	case $form in
	gnu) vhas "$TMP/many.xml: note: $hidden more rss-item-title-or-description diagnostics not shown ($hidden errors, 0 warnings)" &&
		vhas "$TMP/many.xml: note: $hidden more missing-guid diagnostics not shown (0 errors, $hidden warnings)" &&
		vhas "invalid: $N errors, $((N + 1)) warnings ($((2 * hidden)) not shown)" &&
		[ "$(grep -c 'rss-item-title-or-description\]$' "$TMP/out")" = 1000 ] ;;
	json) python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))["documents"][0]
h = int(sys.argv[2])
assert d["errors"] == h + 1000 and d["not_shown"] == 2 * h, d["not_shown"]
assert d["not_shown_by_rule"] == {"missing-guid": h, "rss-item-title-or-description": h}
assert sum(x["rule"] == "rss-item-title-or-description" for x in d["diagnostics"]) == 1000' "$TMP/out" $hidden ;;
	github) vhas "::notice file=$TMP/many.xml,title=not-shown::$hidden more rss-item-title-or-description diagnostics not shown" &&
		vhas "($((2 * hidden)) not shown)" ;;
	esac
	ok $? "--format $form: 1000 shown of a rule, and exactly how many were not"
done
kb=$(maxrss "$TMP/out" sh -c 'exec "$0" validate -q - <"$1"' "$FEEDGEN" "$TMP/many.xml")
[ "$kb" -le 65536 ] && [ "$(grep -c ': error: ' "$TMP/out")" = "$(($(wc -l <"$TMP/out") - 1))" ] &&
	[ "$(grep -c 'rss-item-title-or-description\]$' "$TMP/out")" = 1000 ] &&
	vhas "<stdin>: note: $hidden more rss-item-title-or-description diagnostics not shown ($hidden errors, 0 warnings)" &&
	! vhas "missing-guid" && ! vhas "<stdin>: RSS 2.0"
ok $? "-q, from standard input: the errors alone (1000 of the rule) and the note on the errors not shown, in ${kb} KiB, no summary"
head -n 300 "$TMP/many.xml" >"$TMP/cut.xml"
v "$TMP/cut.xml"
[ $rc = 1 ] && vhas "cut.xml: unknown, invalid: 1 error, 0 warnings" && ! vhas "not shown" &&
	! vhas rss-item-title-or-description
ok $? "not well-formed at its end: the XML error alone, the diagnostics past the caps forgotten too"

# --- 19: time linear in the attributes of one element ------------------------
attrs() { # attrs N [ENCODING]: an RSS feed whose <description> has N attributes
	python3 -c 'import sys
n, enc = int(sys.argv[1]), sys.argv[2]
a = " ".join("a%d=\"=>\"" % i for i in range(n))
s = ("<?xml version=\"1.0\" encoding=\"%s\"?>\n<rss version=\"2.0\"><channel><title>t</title>"
     "<link>http://example.com/</link>\n<description %s>d</description></channel></rss>\n" % (enc, a))
if enc == "declared-UTF-16LE":
    # ASCII up to the encoding, UTF-16LE from there on, as libxml2 reads it
    head, rest = s.replace(enc, "UTF-16LE").split("UTF-16LE\"", 1)
    sys.stdout.buffer.write((head + "UTF-16LE\"").encode() + rest.encode("utf-16-le"))
else:
    sys.stdout.buffer.write(s.encode(enc))' "$1" "${2:-UTF-8}"
}
for enc in UTF-8 UTF-16 declared-UTF-16LE ISO-2022-JP; do
	attrs 300000 $enc >"$TMP/attrs.xml"
	timeout 20 "$FEEDGEN" validate "$TMP/attrs.xml" >"$TMP/out" 2>&1
	rc=$?
	[ $rc = 1 ]
	ok $? "300,000 attributes on one element ($enc): done within 20 s, invalid (exit $rc; over 120 s before)"
	vhas "attrs.xml:3:1: error: an element with more attributes than are checked; the document is not read past it: <description> has more than 256 attributes [xml-too-many-attributes]"
	ok $? "($enc) placed at the element, with its rule"
done
attrs 256 >"$TMP/attrs.xml"
v "$TMP/attrs.xml"
[ $rc = 1 ] && ! vhas xml-too-many-attributes && vhas "unexpected-attribute"
ok $? "256 attributes (with '=' and '>' in their values) are read and checked"

# --- 20: messages that say what really happened ------------------------------
atom='<?xml version="1.0" encoding="%s"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x:1</id>
<updated>2024-01-01T00:00:00Z</updated><author><name>a</name></author></feed>
'
printf "$atom" UTF-32 | iconv -f UTF-8 -t UTF-32 >"$TMP/u32.xml"
v "$TMP/u32.xml"
[ $rc = 1 ] && vhas "u32.xml:1:1: error: character encoding problem: UTF-32 is not supported" &&
	vhas "[xml-encoding]" && ! vhas "Document is empty"
ok $? "UTF-32: says UTF-32 is not supported (exit $rc)"
printf "$atom" UTF-8 | gzip -c >"$TMP/feed.xml.gz"
v "$TMP/feed.xml.gz"
[ $rc = 1 ] && vhas "feed.xml.gz:1:1: error: not a feed: gzip-compressed data: decompress it first" &&
	! vhas "Document is empty"
ok $? "a gzip file: says it is gzip-compressed (exit $rc)"
printf "$atom" UTF-8 | gzip -c | "$FEEDGEN" validate - >"$TMP/out" 2>&1
vhas "<stdin>:1:1: error: not a feed: gzip-compressed data"
ok $? "and from standard input"
printf '{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": []}\n' |
	iconv -f UTF-8 -t UTF-16 >"$TMP/j16.json"
v "$TMP/j16.json"
[ $rc = 1 ] && vhas "j16.json:1:1: error: not UTF-8: this JSON text is UTF-16; a JSON Feed must be UTF-8" &&
	vhas "[json-encoding]" && ! vhas "Document is empty"
ok $? "UTF-16 JSON: says a JSON Feed must be UTF-8 (exit $rc)"

{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE rss ['
	echo ' <!ENTITY l0 "lol">'
	for i in 1 2 3 4 5 6 7 8 9; do
		e="&l$((i - 1));"
		echo " <!ENTITY l$i \"$e$e$e$e$e$e$e$e$e$e\">"
	done
	echo ']>'
	echo '<rss version="2.0"><channel><title>&l9;</title><link>http://example.com/</link><description>d</description></channel></rss>'
} >"$TMP/lol.xml"
v "$TMP/lol.xml"
[ $rc = 1 ] && vhas "entity expansion limit exceeded" && vhas "they are not expanded" &&
	! vhas "Detected an entity reference loop" && [ "$(grep -c ': error:' "$TMP/out")" = 1 ]
ok $? "billion laughs: one error, the entity expansion limit, not a 'loop' (exit $rc)"

for t in 999999999999999 86401 0 -5 ten; do
	v --timeout "$t" "$TMP/lol.xml"
	[ $rc = 2 ] && vhas "--timeout '$t': a whole number of seconds from 1 to 86400"
	ok $? "--timeout $t: a usage error naming the range (exit $rc)"
done
v --timeout 86400 "$TMP/lol.xml"
[ $rc = 1 ]
ok $? "--timeout 86400 is taken"

python3 "$top_srcdir/tests/httpd.py" "$TMP/requests.log" >"$TMP/port" 2>/dev/null &
srv=$!
# A loaded machine (make -j2 check) can take seconds to start python.
for i in $(seq 50); do [ -s "$TMP/port" ] && break; sleep 0.3; done
port=$(head -1 "$TMP/port")
u="http://127.0.0.1:$port"
[ -n "$port" ]
ok $? "the test server started on 127.0.0.1"

v "$u/big-header"
[ $rc = 2 ] && vhas "the response's header is too large" && ! vhas "Out of memory"
ok $? "a 1 MiB header line: says the header is too large (exit $rc)"
v "$u/many-headers"
[ $rc = 2 ] && vhas "the response's header is too large"
ok $? "1 MiB of header lines: the same (exit $rc)"
v "$u/bad-zstd"
[ $rc = 2 ] && grep -q 'cannot decode the compressed body: [^ ]' "$TMP/out"
ok $? "an undecodable body: the reason is given ($(cut -c1-160 "$TMP/out"))"
v "$u/gzip-file"
[ $rc = 1 ] && vhas "error: not a feed: gzip-compressed data"
ok $? "a .gz served as is: says it is gzip-compressed"

v "$u/as-html"
vhas "as-html: warning: served with a media type that is not this feed's: served as text/html; Atom 1.0 is served as application/atom+xml [media-type-unexpected]"
ok $? "a feed served as text/html: a warning"
v "$u/as-xml"
vhas "as-xml: warning: served with a generic media type; the feed's own is better: served as application/xml; Atom 1.0 is served as application/atom+xml [media-type-generic]"
ok $? "a feed served as application/xml: a warning of its own"
v "$u/no-type"
vhas "no Content-Type was sent" && vhas "[media-type-unexpected]"
ok $? "no Content-Type: a warning"
v "$u/ok.xml"
! vhas media-type
ok $? "served as application/atom+xml: no warning"

cred="http://user:secret@127.0.0.1:$port"
for path in ok.xml 404; do
	for form in gnu json github; do
		v --format $form "$cred/$path"
		! vhas secret && vhas "***@127.0.0.1"
		ok $? "credentials in the URL (/$path, --format $form): the password is masked"
	done
done
v "http://tok3n@127.0.0.1:$port/ok.xml"
! vhas tok3n && vhas "http://***@127.0.0.1"
ok $? "a token as the user name: masked"
kill "$srv" 2>/dev/null
wait "$srv" 2>/dev/null
done_testing
