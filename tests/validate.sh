#!/bin/sh
# validate.sh: `feedgen validate` on documents, printed as TAP.
#
# tests/validate/atom-ok.xml and rss-ok.xml keep every rule (exit 0, no
# warning). Each case below breaks one rule by editing a copy of them with sed
# and expects exit 1 and that rule's id. Then hostile input (entity bombs, XXE),
# documents that are not RSS 2.0 or Atom 1.0, standard input, JSON and I/O errors.
FEEDGEN=${FEEDGEN:-src/feedgen}
srcdir=${top_srcdir:-.}/tests/validate
tmp=$(mktemp -d "${TMPDIR:-/tmp}/validate.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0
fail=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }

# expect_rule BASE RULE DESCRIPTION SED-SCRIPT
expect_rule() {
	sed -e "$4" "$srcdir/$1" > "$tmp/case.xml"
	"$FEEDGEN" validate "$tmp/case.xml" > "$tmp/out" 2>&1
	rc=$?
	if [ $rc -eq 1 ] && grep -q "\[$2\]" "$tmp/out"; then
		ok "$3 [$2]"
	else
		not_ok "$3 [$2] (exit $rc)"
		sed 's/^/# /' "$tmp/out"
	fi
}

# The two good documents: valid, no warnings.
for f in atom-ok.xml rss-ok.xml; do
	"$FEEDGEN" validate "$srcdir/$f" > "$tmp/out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && grep -q ', valid: 0 errors, 0 warnings$' "$tmp/out"; then
		ok "$f is valid without warnings"
	else
		not_ok "$f is valid without warnings (exit $rc)"
		sed 's/^/# /' "$tmp/out"
	fi
done

# Atom 1.0, RFC 4287.
expect_rule atom-ok.xml date-rfc3339 "§3.3 dates are RFC 3339" \
	's|<updated>2024-05-01T10:00:00+08:00</updated>|<updated>2024-05-01 10:00:00</updated>|'
expect_rule atom-ok.xml missing-element "§4.1.1 feed needs atom:id" \
	's|<id>tag:example.org,2024:feed</id>||'
expect_rule atom-ok.xml duplicate-element "§4.1.1 one atom:title" \
	's|<title>A feed</title>|<title>A feed</title><title>B</title>|'
expect_rule atom-ok.xml atom-author "§4.1.1 an author for every entry" \
	's|<author><name>Someone</name><email>someone@example.org</email></author>||'
expect_rule atom-ok.xml atom-content-or-alternate "§4.1.2 content or alternate link" \
	's|<link href="https://example.org/2024/05/01/first.html"/>||; s|<content.*</content>||'
expect_rule atom-ok.xml atom-xhtml-div "§3.1.1.3 XHTML in one div" \
	's|<div xmlns="http://www.w3.org/1999/xhtml"><p>Hello</p></div>|<p xmlns="http://www.w3.org/1999/xhtml">Hello</p>|'
expect_rule atom-ok.xml atom-text-type "§3.1.1 text, html or xhtml" \
	's|<title type="html">|<title type="markdown">|'
expect_rule atom-ok.xml iri "§4.2.6 atom:id is an absolute IRI" \
	's|<id>tag:example.org,2024:first</id>|<id>first</id>|'
expect_rule atom-ok.xml tag-uri "RFC 4151 tag URIs" \
	's|tag:example.org,2024:first|tag:example.org:first|'
expect_rule atom-ok.xml email "§3.2.3 atom:email" \
	's|<email>someone@example.org</email>|<email>someone</email>|'
expect_rule atom-ok.xml language "§4.2.7.4 hreflang" \
	's|<link rel="self"|<link rel="self" hreflang="en_US"|'
expect_rule atom-ok.xml language "xml:lang is a language tag" \
	's|xml:lang="en"|xml:lang="english_US"|'
expect_rule atom-ok.xml atom-duplicate-link "§4.1.1 one alternate per type and hreflang" \
	's|<link href="https://example.org/"/>|<link href="https://example.org/"/><link href="https://example.org/b"/>|'
expect_rule atom-ok.xml atom-summary-required "§4.1.2 summary with out-of-line content" \
	's|<content.*</content>|<content type="application/pdf" src="https://example.org/a.pdf"/>|'
expect_rule atom-ok.xml unknown-element "§6.2 unknown Atom element" \
	's|<title>A feed</title>|<title>A feed</title><subtitles>x</subtitles>|'
expect_rule atom-ok.xml unexpected-whitespace "§3.3 no white space in dates" \
	's|<updated>2024-05-01T10:00:00Z</updated>|<updated> 2024-05-01T10:00:00Z</updated>|'
expect_rule atom-ok.xml atom-schema "Appendix B: atom:name is text" \
	's|<name>Someone</name>|<name>Some<x:b xmlns:x="urn:x:y">one</x:b></name>|'

# RSS 2.0.11.
expect_rule rss-ok.xml missing-element "required channel description" \
	's|<description>Posts</description>||'
expect_rule rss-ok.xml date-rfc822 "pubDate is RFC 822" \
	's|<pubDate>Wed, 01 May 2024 10:00:00 +0800</pubDate>|<pubDate>2024-05-01</pubDate>|'
expect_rule rss-ok.xml date-day-of-week "RFC 822 day of week matches" \
	's|<pubDate>Wed, 01 May|<pubDate>Thu, 01 May|'
expect_rule rss-ok.xml uri-absolute "link is an absolute URL" \
	's|<link>https://example.org/</link>|<link>/relative</link>|'
expect_rule rss-ok.xml rss-item-title-or-description "item needs title or description" \
	's|<description>Only a description</description>||'
expect_rule rss-ok.xml rss-duplicate-guid "guids are unique" \
	's|<guid isPermaLink="false">post-2</guid>|<guid>https://example.org/2024/05/01/first.html</guid>|'
expect_rule rss-ok.xml boolean "isPermaLink is true or false" \
	's|isPermaLink="false"|isPermaLink="no"|'
expect_rule rss-ok.xml missing-attribute "enclosure length" \
	's|length="1234" ||'
expect_rule rss-ok.xml positive-integer "ttl is a number of minutes" \
	's|<ttl>60</ttl>|<ttl>soon</ttl>|'
expect_rule rss-ok.xml rss-skip-day "skipDays day names" \
	's|<day>Sunday</day>|<day>Someday</day>|'
expect_rule rss-ok.xml language "language code" \
	's|<language>zh-cn</language>|<language>chinese</language>|'
expect_rule rss-ok.xml unknown-element "unknown RSS element" \
	's|<ttl>60</ttl>|<ttl>60</ttl><foo>x</foo>|'
expect_rule rss-ok.xml rss-version "rss version attribute" \
	's|<rss version="2.0"|<rss|'
expect_rule rss-ok.xml rss-image-width "image width at most 144" \
	's|<ttl>60</ttl>|<ttl>60</ttl><image><url>https://example.org/i.png</url><title>A feed</title><link>https://example.org/</link><width>200</width></image>|'
expect_rule rss-ok.xml missing-attribute "cloud attributes" \
	's|<ttl>60</ttl>|<ttl>60</ttl><cloud domain="rpc.example.org"/>|'
expect_rule rss-ok.xml email "managingEditor is an e-mail address" \
	's|<ttl>60</ttl>|<ttl>60</ttl><managingEditor>nobody</managingEditor>|'
expect_rule rss-ok.xml date-w3cdtf "dc:date is W3C-DTF" \
	's|<dc:creator>Someone</dc:creator>|<dc:date>May 2024</dc:date>|'
expect_rule rss-ok.xml duplicate-element "one channel title" \
	's|<title>A feed</title>|<title>A feed</title><title>B</title>|'
expect_rule rss-ok.xml rss-schema "schema: enclosure is empty" \
	's|type="audio/mpeg"/>|type="audio/mpeg">text</enclosure>|'

# XML.
expect_rule rss-ok.xml xml-well-formed "well-formedness" 's|</channel>||'
expect_rule rss-ok.xml xml-undefined-entity "undefined entity" 's|Posts|Posts\\\&nbsp;|'
expect_rule rss-ok.xml xml-encoding "unknown encoding" 's|encoding="utf-8"|encoding="x-no-such"|'

# Hostile input: errors, quickly, no file content, no connection.
cat > "$tmp/laughs.xml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<rss version="2.0"><channel><title>&g;</title><link>http://e.org/</link><description>x</description></channel></rss>
EOF
start=$(date +%s)
"$FEEDGEN" validate "$tmp/laughs.xml" > "$tmp/out" 2>&1
rc=$?
end=$(date +%s)
if [ $rc -eq 1 ] && [ $((end - start)) -lt 10 ]; then ok "billion laughs: error in $((end - start)) s"
else not_ok "billion laughs (exit $rc, $((end - start)) s)"; fi

# Quadratic blow-up: one big entity used many times.
{
	printf '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x "'
	i=0; while [ $i -lt 2000 ]; do printf 'xxxxxxxxxxxxxxxxxxxxxxxxx'; i=$((i + 1)); done
	printf '">]>\n<rss version="2.0"><channel><title>t</title><link>http://e.org/</link><description>'
	i=0; while [ $i -lt 2000 ]; do printf '&x;'; i=$((i + 1)); done
	printf '</description></channel></rss>\n'
} > "$tmp/quadratic.xml"
start=$(date +%s)
"$FEEDGEN" validate "$tmp/quadratic.xml" > "$tmp/out" 2>&1
rc=$?
end=$(date +%s)
if [ $rc -le 1 ] && [ $((end - start)) -lt 10 ]; then ok "quadratic blow-up: finished in $((end - start)) s"
else not_ok "quadratic blow-up (exit $rc, $((end - start)) s)"; fi

echo "SECRET-MARKER-$$" > "$tmp/secret.txt"
cat > "$tmp/xxe-file.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file://$tmp/secret.txt">]>
<rss version="2.0"><channel><title>&x;</title><link>http://e.org/</link><description>d</description></channel></rss>
EOF
"$FEEDGEN" validate "$tmp/xxe-file.xml" > "$tmp/out" 2>&1
rc=$?
if [ $rc -eq 1 ] && ! grep -q SECRET-MARKER "$tmp/out"; then ok "XXE to a local file: error, nothing read"
else not_ok "XXE to a local file (exit $rc)"; sed 's/^/# /' "$tmp/out"; fi

# XXE to http: a listener on 127.0.0.1 records any connection.
python3 - "$tmp" <<'EOF' &
import socket, sys, os
s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(5); s.settimeout(8)
open(os.path.join(sys.argv[1], 'port'), 'w').write(str(s.getsockname()[1]))
try:
    c, _ = s.accept(); open(os.path.join(sys.argv[1], 'connected'), 'w').write('yes')
except socket.timeout:
    pass
EOF
listener=$!
i=0; while [ ! -s "$tmp/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat "$tmp/port" 2>/dev/null)
cat > "$tmp/xxe-http.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://127.0.0.1:$port/dtd">
<rss version="2.0"><channel><title>&x;</title><link>http://e.org/</link><description>d</description></channel></rss>
EOF
cat > "$tmp/xxe-http2.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "http://127.0.0.1:$port/x">]>
<rss version="2.0"><channel><title>&x;</title><link>http://e.org/</link><description>d</description></channel></rss>
EOF
"$FEEDGEN" validate "$tmp/xxe-http.xml" "$tmp/xxe-http2.xml" > "$tmp/out" 2>&1
rc=$?
sleep 0.3
if [ -n "$port" ] && [ $rc -eq 1 ] && [ ! -f "$tmp/connected" ]; then ok "XXE and DTD over http: error, no connection"
else not_ok "XXE over http (exit $rc, port '$port')"; fi
kill "$listener" 2>/dev/null
wait "$listener" 2>/dev/null

# Other formats (tests/validate-formats.sh checks them): named, exit 1.
check_other() {
	printf '%s\n' "$2" > "$tmp/other.xml"
	"$FEEDGEN" validate "$tmp/other.xml" > "$tmp/out" 2>&1
	rc=$?
	if [ $rc -eq 1 ] && grep -q "$3" "$tmp/out"; then ok "$1 is named"
	else not_ok "$1 (exit $rc)"; sed 's/^/# /' "$tmp/out"; fi
}
check_other "RSS 1.0" '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>' 'RSS 1.0'
check_other "Atom 0.3" '<feed xmlns="http://purl.org/atom/ns#" version="0.3"/>' 'Atom 0.3'
check_other "RSS 0.91" '<rss version="0.91"><channel/></rss>' 'RSS 0.9x, invalid'
check_other "HTML" '<html><body>hi</body></html>' 'HTML page'

# Standard input, several files, JSON, I/O errors, usage.
"$FEEDGEN" validate - < "$srcdir/rss-ok.xml" > "$tmp/out" 2>&1 && ok "stdin" || not_ok "stdin"
"$FEEDGEN" validate "$srcdir/rss-ok.xml" "$tmp/case.xml" > "$tmp/out" 2>&1
[ $? -eq 1 ] && ok "one invalid document of two: exit 1" || not_ok "two documents"
"$FEEDGEN" validate "$tmp/no-such-file.xml" > "$tmp/out" 2>&1
[ $? -eq 2 ] && ok "unreadable file: exit 2" || not_ok "unreadable file"
"$FEEDGEN" validate > "$tmp/out" 2>&1
[ $? -eq 2 ] && ok "no argument: exit 2" || not_ok "no argument"
sed 's|<ttl>60</ttl>|<ttl>soon</ttl>|' "$srcdir/rss-ok.xml" > "$tmp/j.xml"
"$FEEDGEN" validate --format json "$tmp/j.xml" > "$tmp/out" 2>&1
rc=$?
if [ $rc -eq 1 ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["documents"][0]; g=d["diagnostics"][0]; assert not d["valid"] and g["rule"]=="positive-integer" and g["line"]>0 and g["spec"]' "$tmp/out"
then ok "--format json"; else not_ok "--format json (exit $rc)"; sed 's/^/# /' "$tmp/out"; fi
sed 's|<language>zh-cn</language>|<language>zh-cn</language><title>B</title>|' "$srcdir/rss-ok.xml" > "$tmp/q.xml"
"$FEEDGEN" validate --quiet "$tmp/q.xml" > "$tmp/out" 2>&1
[ $? -eq 1 ] && [ "$(wc -l < "$tmp/out")" -eq 1 ] && ok "--quiet prints one line" || not_ok "--quiet"
sed 's|Only a description|Only <script>alert(1)</script>|' "$srcdir/rss-ok.xml" > "$tmp/w.xml"
sed -i 's|<description>Only <script>alert(1)</script></description>|<description>\&lt;script\&gt;x\&lt;/script\&gt;</description>|' "$tmp/w.xml"
"$FEEDGEN" validate "$tmp/w.xml" > /dev/null 2>&1; plain=$?
"$FEEDGEN" validate --strict "$tmp/w.xml" > /dev/null 2>&1; strict=$?
[ $plain -eq 0 ] && [ $strict -eq 1 ] && ok "--strict counts warnings" || not_ok "--strict ($plain, $strict)"

echo "1..$n"
exit $fail
