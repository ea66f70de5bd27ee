#!/bin/sh
# hostile.sh: hostile input, each case with its expected outcome — a clear
# message naming the file (and line and column where there is one), the exit
# status the README documents, no crash, no hang, other posts still published.
. "$(dirname "$0")/lib.sh"

# run_site DIR: generate DIR's feed with a time and memory bound.
run_site() {
	(ulimit -v $MEMLIMIT; timeout 60 "$FEEDGEN" --url https://h.example "$@") >"$TMP/out.xml" 2>"$TMP/err"
	rc=$?
}
has() { grep -qF -- "$1" "$TMP/err"; }
entries() { grep -c '<entry' "$TMP/out.xml"; }
good_post() { mkdir -p "$1/_posts"; printf -- '---\ntitle: good\ndate: 2021-01-01\n---\nfine\n' >"$1/_posts/good.md"; }

# --- YAML -----------------------------------------------------------------
s="$TMP/yaml"
good_post "$s"
python3 - "$s/_posts" <<'PY'
import sys, os
d = sys.argv[1]
def put(name, text, mode="w"):
    with open(os.path.join(d, name), mode) as f:
        f.write(text)
lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
for i in range(1, 10):
    lines.append('a%d: &a%d [%s]' % (i, i, ','.join(['*a%d' % (i - 1)] * 9)))
put("bomb.md", "---\n" + "\n".join(lines) + "\ntitle: bomb\ndate: 2021-01-02\ncategories: *a9\ntags: *a9\n---\nx\n")
put("deep.md", "---\ntitle: deep\ndate: 2021-01-03\nx: " + "[" * 100000 + "]" * 100000 + "\n---\nx\n")
put("dup.md", "---\ntitle: one\ntitle: two\ndate: 2021-01-04\n---\nx\n")
put("keys.md", "---\ntitle: keys\ndate: 2021-01-07\n" + "".join("k%d: v\n" % i for i in range(100000)) + "k5: again\n---\nx\n")
put("tabs.md", "---\ntitle: tabs\ndate: 2021-01-05\ncategories:\n\t- a\n---\nx\n")
put("only.md", "---\n")
put("bin.md", "---\ntitle: \x89PNG\n---\n".encode("latin-1").decode("latin-1"), "w")
put("big.md", "---\ntitle: big\ndate: 2021-01-06\nx: \"" + "a" * (50 << 20) + "\"\n---\nx\n")
PY
printf -- '---\ntitle: \211PNG\001\377\n---\n' >"$s/_posts/bin.md"
run_site "$s"
ok $(( rc == 1 ? 0 : 1 )) "YAML: broken posts make exit status 1, no crash, no hang (exit $rc)"
! has "bomb.md"; ok $? "alias bomb (YAML's billion laughs): loads without blowing up"
grep -q '<title>bomb</title>' "$TMP/out.xml"; ok $? "the alias-bomb post is published with its aliases left alone"
has "deep.md:4:67: error: YAML nested more than 64 levels deep"; ok $? "100,000 nested flow sequences: error at line and column, quickly"
has "dup.md:3:1: warning: key 'title' appears again"; ok $? "duplicate key: a warning at its line"
has "tabs.md:5:1: error: malformed YAML"; ok $? "tab indentation: error at line and column"
grep -q '<title>keys</title>' "$TMP/out.xml" && has "keys.md:100004:1: warning: key 'k5' appears again"
ok $? "100,000 keys: loaded within the time limit, the duplicate found (no pairwise comparison)"
has "only.md:1:1: error: front matter has no closing '---' line"; ok $? "a file of only '---': error"
has "bin.md:2:8: error: invalid UTF-8 in the front matter at byte offset 11"; ok $? "binary data: error with the byte offset"
has "big.md:2:1: error: front matter larger than 4194304 bytes"; ok $? "50 MB front matter: refused with the limit named"
grep -q '<title>good</title>' "$TMP/out.xml"; ok $? "the good post is still published"

# --- Files ------------------------------------------------------------------
s="$TMP/files"
good_post "$s"
mkdir -p "$TMP/elsewhere"
printf -- '---\ntitle: secret\ndate: 2021-01-02\n---\nSECRET-TEXT\n' >"$TMP/elsewhere/secret.md"
ln -s "$TMP/elsewhere/secret.md" "$s/_posts/2021-01-02-link.md"
ln -s "$TMP/elsewhere" "$s/_posts/dirlink"
ln -s loop1 "$s/_posts/loop2"
ln -s loop2 "$s/_posts/loop1"
mkdir -p "$s/_posts/2021-01-03-folder.md"
printf -- '---\ntitle: inside\n---\nx\n' >"$s/_posts/2021-01-03-folder.md/2021-01-04-inside.md"
printf -- '---\ntitle: newline\n---\nx\n' >"$s/_posts/2021-01-05-new
line.md"
printf -- '---\ntitle: badname\n---\nx\n' >"$s/_posts/$(printf '2021-01-06-bad\377name.md')"
printf -- '---\ntitle: cats\ndate: 2021-01-07\ncategories: ["../../etc", "a/b", "x\\x01y", "..", "/abs"]\n---\nx\n' >"$s/_posts/cats.md"
run_site "$s"
ok $(( rc == 1 ? 0 : 1 )) "files: exit status 1 for the broken file name (exit $rc)"
! grep -q 'SECRET-TEXT\|secret' "$TMP/out.xml"; ok $? "a symlink out of the site is not followed (Jekyll's safe mode)"
has "2021-01-02-link.md: warning: symbolic link not followed"; ok $? "and says so"
has "loop1: warning: symbolic link not followed"; ok $? "symlink loops: no hang, a warning"
grep -q '<title>inside</title>' "$TMP/out.xml"; ok $? "a folder named like a post is a folder"
grep -q '<title>newline</title>' "$TMP/out.xml"; ok $? "a file name with a newline is published"
has "error: the file name is not valid UTF-8"; ok $? "a file name with invalid UTF-8 is an error"
check "the feed stays well-formed" "$XMLLINT" --noout "$TMP/out.xml"
grep -q 'href="https://h.example/etc/a/b/xy/abs/2021/01/07/cats.html"' "$TMP/out.xml"
ok $? "'..', '/' and control characters in categories cannot climb out of the site's URL space"

# Unreadable files and folders: root reads anything, so drop to nobody when root.
s="$TMP/perm"
good_post "$s"
printf -- '---\ntitle: noread\ndate: 2021-01-02\n---\nx\n' >"$s/_posts/noread.md"
mkdir "$s/_posts/closed"
printf -- '---\ntitle: closed\ndate: 2021-01-03\n---\nx\n' >"$s/_posts/closed/c.md"
chmod -R a+rX "$TMP"
chmod 000 "$s/_posts/noread.md" "$s/_posts/closed"
as=""
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	as="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
$as "$FEEDGEN" --url https://h.example "$s" >"$TMP/out.xml" 2>"$TMP/err"
rc=$?
chmod 755 "$s/_posts/closed"
chmod 644 "$s/_posts/noread.md"
ok $(( rc == 1 ? 0 : 1 )) "unreadable file and folder: exit status 1 (exit $rc)"
has "noread.md: error: cannot read: Permission denied"; ok $? "the unreadable file is named"
has "closed: error: cannot open folder: Permission denied"; ok $? "the unreadable folder is named"
grep -q '<title>good</title>' "$TMP/out.xml"; ok $? "the readable post is still published"

# 100,000 posts in one folder.
s="$TMP/many"
mkdir -p "$s/_posts"
python3 - "$s/_posts" <<'PY'
import sys, os
d = sys.argv[1]
for i in range(100000):
    with open(os.path.join(d, "2020-01-01-p%06d.md" % i), "w") as f:
        f.write("---\ntitle: p%d\n---\nx\n" % i)
PY
run_site -n 5 "$s"
ok $rc "100,000 posts in one folder: exit 0 within the time limit"
[ "$(entries)" = 5 ]; ok $? "and the five newest written (ties by path)"

# --- Two runs writing one output folder at once -------------------------------
s="$TMP/twice"
mkdir -p "$s/_posts"
python3 - "$s/_posts" <<'PY'
import sys, os
d = sys.argv[1]
for i in range(1500):
    with open(os.path.join(d, "2020-01-%02d-p%04d.md" % (i % 28 + 1, i)), "w") as f:
        f.write("---\ntitle: p%d\ncategories: c%d\ntags: t%d\n---\n%s\n" % (i, i % 30, i % 50, "x " * 200))
PY
out="$TMP/twice-out"
"$FEEDGEN" -o "$out" --url https://t.example "$s" 2>/dev/null &
a=$!
"$FEEDGEN" -o "$out" --url https://t.example "$s" 2>/dev/null &
b=$!
wait $a; ra=$?
wait $b; rb=$?
ok $(( ra + rb )) "two runs at once on one output folder both succeed"
"$FEEDGEN" -o "$TMP/twice-ref" --url https://t.example "$s" 2>/dev/null
diff -r "$out" "$TMP/twice-ref" >/dev/null
ok $? "every feed is complete: the same bytes as a run alone"
[ -z "$(find "$out" -name '.feedgen-*')" ]
ok $? "and no temporary file is left behind"

# --- XML, through the validator ----------------------------------------------
v() { (ulimit -v $MEMLIMIT; timeout 60 "$FEEDGEN" validate "$@") >"$TMP/vout" 2>&1; rc=$?; }
vhas() { grep -qF -- "$1" "$TMP/vout"; }
x="$TMP/xml"
mkdir -p "$x"
python3 - "$x" <<'PY'
import sys, os
d = sys.argv[1]
def put(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)
head = b'<?xml version="1.0" encoding="UTF-8"?>\n'
feed = head + '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>tag:h.example,2021:feed</id><updated>2021-01-01T00:00:00Z</updated><author><name>a</name></author></feed>\n'.encode()
put("ok.xml", feed)
put("nested.xml", head + b"<rss version='2.0'><channel>" + b"<x>" * 100000 + b"</x>" * 100000 + b"</channel></rss>\n")
put("attr.xml", head + b"<rss version='2.0'><channel><title a='" + b"x" * (10 << 20) + b"'>t</title></channel></rss>\n")
put("badutf8.xml", head + b"<rss version='2.0'><channel><title>a\xff\xfeb</title></channel></rss>\n")
put("overlong.xml", head + b"<rss version='2.0'><channel><title>a\xc0\xafb</title></channel></rss>\n")
put("utf16bom.xml", feed.decode().replace('UTF-8', 'UTF-16').encode("utf-16"))
put("utf16nobom.xml", feed.decode().replace('UTF-8', 'UTF-16').encode("utf-16-le"))
put("nul.xml", head + b"<rss version='2.0'><channel><title>a\x00b</title></channel></rss>\n")
put("lies.xml", head + b"<rss version='2.0'><channel><title>caf\xe9</title></channel></rss>\n")
put("truncated.xml", feed[:100])
PY
v "$x/nested.xml"; ok $(( rc == 1 ? 0 : 1 )) "100,000 nested elements: invalid, no crash (exit $rc)"
v "$x/attr.xml"; ok $(( rc == 1 ? 0 : 1 )) "a 10 MB attribute: exit 1 in bounded memory (exit $rc)"
v "$x/badutf8.xml"; ok $(( rc == 1 ? 0 : 1 )) "invalid UTF-8: invalid (exit $rc)"
vhas "badutf8.xml:2:"; ok $? "with its line and column"
v "$x/overlong.xml"; ok $(( rc == 1 ? 0 : 1 )) "overlong UTF-8: invalid (exit $rc)"
v "$x/utf16bom.xml"; ok $rc "UTF-16 with a BOM: read and valid"
v "$x/utf16nobom.xml"; ok $rc "UTF-16 without a BOM, declared: read and valid"
v "$x/nul.xml"; ok $(( rc == 1 ? 0 : 1 )) "a NUL byte: invalid (exit $rc)"
v "$x/lies.xml"; ok $(( rc == 1 ? 0 : 1 )) "declared UTF-8, really Latin-1: invalid (exit $rc)"
vhas "encoding"; ok $? "and the message says it is an encoding problem"
v "$x/truncated.xml"; ok $(( rc == 1 ? 0 : 1 )) "a truncated document: invalid (exit $rc)"
vhas "truncated.xml:2:"; ok $? "at the line where it stops"

# Over HTTP: the test's own server on 127.0.0.1.
if command -v python3 >/dev/null; then
	python3 "$top_srcdir/tests/httpd.py" "$TMP/requests.log" >"$TMP/port" 2>/dev/null &
	srv=$!
	# Up to 30 s: python3 takes seconds to start on a loaded machine.
	i=0; while [ ! -s "$TMP/port" ] && [ $i -lt 100 ]; do sleep 0.3; i=$((i + 1)); done
	port=$(head -1 "$TMP/port")
	u="http://127.0.0.1:$port"
	v "$u/ok.xml"; [ $rc -le 1 ] && vhas "ok.xml: Atom 1.0"
	ok $? "a feed over HTTP is fetched and checked"
	v --max-size 1048576 "$u/gzip-bomb"; ok $(( rc == 2 ? 0 : 1 )) "a gzip bomb stops at the size cap, exit 2 (exit $rc)"
	vhas "larger than"; ok $? "naming the limit"
	v --max-size 1048576 "$u/endless"; ok $(( rc == 2 ? 0 : 1 )) "an endless body: exit 2"
	v --timeout 2 "$u/slow"; ok $(( rc == 2 ? 0 : 1 )) "a server that stalls: exit 2 after the timeout"
	v "$u/redirect-loop"; ok $(( rc == 2 ? 0 : 1 )) "a redirect loop: exit 2"
	vhas "redirects"; ok $? "saying so"
	v "$u/404"; ok $(( rc == 2 ? 0 : 1 )) "HTTP 404: exit 2"
	vhas "404"; ok $? "with the status"
	kill "$srv" 2>/dev/null
	wait "$srv" 2>/dev/null
fi
done_testing
