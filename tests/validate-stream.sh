#!/bin/sh
# validate-stream.sh: `feedgen validate` reads a feed as a stream, one entry at
# a time, and checks the head once the document has ended. These cases are the
# ones streaming could get wrong: what the head says after the entries, what
# the entries say about the head, positions past line 65535 and in late
# entries, ids compared across the whole document, and a document that turns
# out to be malformed only at its end. Printed as TAP.
. "$(dirname "$0")/lib.sh"
tmp=$TMP

# report STATUS DESCRIPTION: ok, and what the validator printed when not.
report() {
	ok "$1" "$2"
	[ "$1" -eq 0 ] || sed 's/^/# /' "$tmp/out"
}

# feed FILE [OPTION=VALUE...]: an Atom feed made by tests' own generator.
#   entries=N      how many entries (default 3)
#   pad=N          N blank lines before the first entry
#   author=head|tail|none   where the feed's author is (default head)
#   entry_author=1 each entry has its own author
#   same_id=1      every entry has one id
#   bad_date=K     entry K (from 1) has a date that is not RFC 3339
#   truncate=1     the document stops before </feed>
feed() {
	out=$1
	shift
	python3 - "$@" > "$out" <<'PY'
import sys
o = dict(a.split("=", 1) for a in sys.argv[1:])
entries = int(o.get("entries", 3))
author = o.get("author", "head")
w = sys.stdout.write
w('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n')
w('  <title>T</title>\n  <link href="https://example.org/"/>'
  '<link rel="self" href="https://example.org/feed.xml"/>\n')
w('  <updated>2024-05-01T10:00:00Z</updated>\n  <id>tag:example.org,2024:feed</id>\n')
if author == "head":
    w('  <author><name>A</name></author>\n')
w("\n" * int(o.get("pad", 0)))
for i in range(1, entries + 1):
    date = "2024-05-01 10:00" if o.get("bad_date") == str(i) else "2024-05-01T10:00:00Z"
    eid = "tag:example.org,2024:same" if o.get("same_id") else "tag:example.org,2024:%d" % i
    w('  <entry>\n    <title>E%d</title><summary>S</summary>\n' % i)
    w('    <link href="https://example.org/%d.html"/>\n    <id>%s</id>\n' % (i, eid))
    w('    <updated>%s</updated>\n' % date)
    if o.get("entry_author"):
        w('    <author><name>B</name></author>\n')
    w('  </entry>\n')
if author == "tail":
    w('  <author><name>A</name></author>\n')
if not o.get("truncate"):
    w('</feed>\n')
PY
}

# run FILE: validates FILE; sets rc, output in $tmp/out.
run() {
	"$FEEDGEN" validate "$1" > "$tmp/out" 2>&1
	rc=$?
}

feed "$tmp/ok.xml" entries=2000
run "$tmp/ok.xml"
[ $rc -eq 0 ] && grep -q 'valid: 0 errors, 0 warnings$' "$tmp/out"
report $? "2000 entries, valid"

"$FEEDGEN" validate - < "$tmp/ok.xml" > "$tmp/out" 2>&1
[ $? -eq 0 ] && grep -q '^<stdin>: Atom 1.0, valid' "$tmp/out"
report $? "the same feed on standard input"

# The feed's author after the entries still is every entry's author (§4.1.1),
# and is itself out of place.
feed "$tmp/tail.xml" author=tail
line=$(grep -n '<author>' "$tmp/tail.xml" | cut -d: -f1)
run "$tmp/tail.xml"
! grep -q 'atom-author' "$tmp/out" && grep -q ":$line:3: error: .*<author> after the entries \[misplaced-element\]" "$tmp/out"
report $? "a feed author after the entries: misplaced, but no entry lacks an author"

feed "$tmp/none.xml" author=none entries=3
line=$(grep -n '<entry>' "$tmp/none.xml" | tail -1 | cut -d: -f1)
run "$tmp/none.xml"
[ "$(grep -c '\[atom-author\]' "$tmp/out")" -eq 3 ] && grep -q ":$line:3: error: no atom:author" "$tmp/out"
report $? "no author anywhere: each entry reported at its own line and column"

feed "$tmp/own.xml" author=none entry_author=1
run "$tmp/own.xml"
[ $rc -eq 0 ]
report $? "entries with their own authors need no feed author"

# Thousands of entries without an author: each is reported up to a bound
# (4096 positions, then one message counts the other 904), and of those 4097
# diagnostics the report shows the first 1000 of the rule and counts the rest.
feed "$tmp/many.xml" author=none entries=5000
run "$tmp/many.xml"
[ "$(grep -c 'error: no atom:author for the entry or its feed: <entry> \[' "$tmp/out")" -eq 1000 ] &&
   grep -q 'note: 3097 more atom-author diagnostics not shown (3097 errors, 0 warnings)' "$tmp/out" &&
   grep -q 'invalid: 4097 errors' "$tmp/out"
report $? "5000 entries without an author: 1000 shown, the other 3097 diagnostics counted"

feed "$tmp/same.xml" same_id=1 entries=4
run "$tmp/same.xml"
grep -q ':2:1: error: every entry has the same atom:id: 4 entries' "$tmp/out" &&
   [ "$(grep -c 'atom-duplicate-id' "$tmp/out")" -eq 3 ]
report $? "one id in every entry: an error at the feed, a warning at each repeat"

# Lines past 65535 (libxml2 keeps them apart) and columns in a late entry.
feed "$tmp/far.xml" pad=70000 entries=3 bad_date=3
line=$(grep -n '2024-05-01 10:00<' "$tmp/far.xml" | cut -d: -f1)
run "$tmp/far.xml"
grep -q ":$line:5: error: not an RFC 3339 date-time" "$tmp/out"
report $? "an error on line $line, column 5"

feed "$tmp/fartail.xml" pad=70000 author=tail
line=$(grep -n '<author>' "$tmp/fartail.xml" | cut -d: -f1)
run "$tmp/fartail.xml"
grep -q ":$line:3: error: .*\[misplaced-element\]" "$tmp/out"
report $? "a head element after the entries, on line $line"

# A document that is malformed at its end keeps only its XML errors, though
# its entries were checked before the end was read.
feed "$tmp/trunc.xml" entries=50 bad_date=2 truncate=1
run "$tmp/trunc.xml"
[ $rc -eq 1 ] && grep -q 'Premature end of data in tag feed line 2 \[xml-well-formed\]' "$tmp/out" &&
   ! grep -q 'date-rfc3339' "$tmp/out" && grep -q ': unknown, invalid: 1 error' "$tmp/out"
report $? "malformed at the end: only the XML error"

# Bytes the declared encoding cannot convert stop the reader: an error, once,
# and never "valid".
printf '<?xml version="1.0" encoding="ISO-2022-JP"?>\n<rss version="2.0"><channel><title>\033$B\333\321\321</title></channel></rss>\n' > "$tmp/enc.xml"
run "$tmp/enc.xml"
[ $rc -eq 1 ] && [ "$(grep -c '\[xml-encoding\]' "$tmp/out")" -eq 1 ]
report $? "an input conversion error is one xml-encoding error"

# RSS: guids compared across the whole channel; head elements after the items.
python3 - > "$tmp/rss.xml" <<'PY'
import sys
w = sys.stdout.write
w('<rss version="2.0"><channel><title>T</title><link>https://example.org/</link>\n')
w('<description>D</description>\n')
for i in range(3000):
    g = 7 if i == 2999 else i
    w('<item><title>%d</title><guid>https://example.org/%d</guid></item>\n' % (i, g))
w('<language>not a language</language>\n</channel></rss>\n')
PY
run "$tmp/rss.xml"
grep -q ':3002:26: error: .*"https://example.org/7" \[rss-duplicate-guid\]' "$tmp/out" &&
   grep -q ':3003:1: error: not a language code' "$tmp/out"
report $? "RSS: a guid repeated 3000 items later, a channel element after the items"

# A head with more children than any feed has: the first are checked, the
# rest skipped with one warning, so a hostile head cannot take the memory
# (or the quadratic time) the entries cannot.
python3 - > "$tmp/head.xml" <<'PY'
import sys
w = sys.stdout.write
w('<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>\n')
w('<link>https://example.org/</link><description>D</description>\n')
w('<atom:link rel="self" href="https://example.org/feed.xml"/>\n')
for i in range(30000):
    w('<category>c%d</category>\n' % i)
w('<item><title>x</title><guid>https://example.org/x</guid></item>\n</channel></rss>\n')
PY
run "$tmp/head.xml"
[ $rc -eq 0 ] && [ "$(grep -c '\[head-too-large\]' "$tmp/out")" -eq 1 ] &&
	grep -q 'RSS 2.0, valid: 0 errors, 1 warning' "$tmp/out"
report $? "a head of 30,000 elements: checked up to the bound, one warning"

# A feed written on one line (as Django's feedgenerator and node-rss write
# them): each item's errors at its own elements, not at the first of their
# tag on the line, and what an item lacks at its own end tag.
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>t</title><link>http://e.example/</link><description>d</description><item><title>a</title><link>nope a</link><guid>http://e.example/1</guid></item><item><title>b</title><link>nope b</link><guid>http://e.example/2</guid><pubDate>bad</pubDate></item><item><guid isPermaLink="false">x3</guid></item></channel></rss>\n' > "$TMP/oneline.xml"
"$FEEDGEN" validate "$TMP/oneline.xml" > "$tmp/out" 2>&1
grep -q ':2:125: error: .*"nope a"' "$tmp/out" && grep -q ':2:204: error: .*"nope b"' "$tmp/out" &&
	grep -q ':2:254: error: .*pubDate "bad"' "$tmp/out" &&
	grep -q ':2:324: error: .*\[rss-item-title-or-description\]' "$tmp/out"
report $? "a feed on one line: each item's errors at its own columns"

done_testing
