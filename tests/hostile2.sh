#!/bin/sh
# hostile2.sh: the second round of hostile sites (issue 15): what a new user
# does first gives a valid feed, site urls are checked, messages are escaped
# and placed, no symlink is followed, output write errors are not lost.
. "$(dirname "$0")/lib.sh"

post() { # post DIR NAME FRONT-MATTER-LINES BODY
	mkdir -p "$1"
	printf -- '---\n%b---\n%s\n' "$3" "$4" >"$1/$2"
}

# --- 11: the headline use, feedgen posts/ > feed.xml, no _config.yml --------
p="$TMP/posts"
post "$p" 2021-01-01-hello.md 'title: Hello\ndate: 2021-01-01\ntags: [a]\n' 'hi <b>there</b>'
post "$p" 2021-02-01-world.md 'title: World\ncategories: [x y]\n' 'second'
"$FEEDGEN" "$p" >"$TMP/feed.xml" 2>"$TMP/err"
ok $? "no _config.yml: exit status 0"
"$FEEDGEN" validate "$TMP/feed.xml" >"$TMP/v" 2>&1
ok $? "and feedgen's validator accepts the feed ($(tail -1 "$TMP/v"))"
grep -q '<id>tag:feedgen.invalid,2005:2021/01/01/hello</id>' "$TMP/feed.xml"
ok $? "entry ids are tag: URIs of the post's path"
grep -q '<id>tag:feedgen.invalid,2005:feed.xml</id>' "$TMP/feed.xml"
ok $? "the feed's id is the tag: URI of its path"
[ "$(grep -c 'no site url' "$TMP/err")" = 1 ] && grep -q 'set url in _config.yml or use --url' "$TMP/err" &&
	grep -q '\[no-url\]' "$TMP/err"
ok $? "one warning saying what to set"
"$FEEDGEN" "$p" >"$TMP/feed2.xml" 2>/dev/null
cmp -s "$TMP/feed.xml" "$TMP/feed2.xml"
ok $? "the ids are stable: a second run gives the same bytes"
"$FEEDGEN" --url https://me.example "$p" 2>/dev/null | grep -q '<id>https://me.example/2021/01/01/hello</id>'
ok $? "with a url set later the ids are its URLs"
"$FEEDGEN" -f rss "$p" >/dev/null 2>"$TMP/err"
ok $(( $? == 2 ? 0 : 1 )) "-f rss with no site url: exit 2 (RSS links must be absolute)"
grep -q "error: --format rss needs the site's url" "$TMP/err"
ok $? "saying so"
"$FEEDGEN" -o "$TMP/o" "$p" 2>/dev/null
ok $? "-o with no site url: exit 0"
[ -f "$TMP/o/feed.xml" ] && [ -z "$(find "$TMP/o" -name '*.rss' -o -name '*.json')" ]
ok $? "and Atom feeds only"
find "$TMP/o" -name '*.xml' -exec "$FEEDGEN" validate {} + >"$TMP/v" 2>&1
ok $? "every one valid"
mkdir -p "$TMP/empty"
"$FEEDGEN" "$TMP/empty" >"$TMP/empty.xml" 2>/dev/null
"$FEEDGEN" validate "$TMP/empty.xml" >"$TMP/v" 2>&1
ok $? "an empty folder: a valid feed ($(tail -1 "$TMP/v"))"
! grep -q '1970-01-01' "$TMP/empty.xml"
ok $? "not updated in 1970"
# With no site url the self link can only be relative: W3C's RelativeSelf.
! grep ': warning:' "$TMP/v" | grep -vq '\[relative-self\]$'
ok $? "and no warning from the validator but relative-self (no site url)"

# --- 12: a site url that is not absolute http(s) is a usage error -----------
for u in example.com notaurl ftp://example.com/ 'https://' 'https://exa mple.com'; do
	"$FEEDGEN" --url "$u" "$p" >/dev/null 2>"$TMP/err"
	rc=$?
	[ $rc = 2 ] && grep -qF -- "--url '$u': an absolute http or https URL" "$TMP/err"
	ok $? "--url '$u': usage error naming it (exit $rc)"
done
"$FEEDGEN" --url https://ok.example/blog/ "$p" >/dev/null 2>&1
ok $? "--url https://ok.example/blog/ is taken"
c="$TMP/badurl"
post "$c/_posts" 2021-01-01-a.md 'title: A\n' 'x'
printf 'title: T\nurl: example.com\n' >"$c/_config.yml"
"$FEEDGEN" "$c" >/dev/null 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && grep -qF "_config.yml:2:6: error: url 'example.com' is not an absolute http or https URL" "$TMP/err" &&
	grep -qF '[site-url]' "$TMP/err"
ok $? "url: example.com in _config.yml: exit 2 at its line and column (exit $rc)"

# --- 17: a report that cannot be written is an I/O error, exit 2 -------------
if [ -w /dev/full ]; then
	for fmt in gnu json github; do
		"$FEEDGEN" validate --format $fmt "$TMP/feed.xml" >/dev/full 2>"$TMP/err"
		rc=$?
		[ $rc = 2 ] && grep -q 'cannot write the report' "$TMP/err"
		ok $? "validate --format $fmt > /dev/full: exit 2, saying so (exit $rc)"
	done
	# -q prints the errors alone: a feed with one, so there is a report to lose.
	sed 's|<title>|<title></title><title>|' "$TMP/feed.xml" >"$TMP/feed-err.xml"
	"$FEEDGEN" validate -q "$TMP/feed-err.xml" >"$TMP/qerr" 2>&1
	rc=$?
	"$FEEDGEN" validate -q "$TMP/feed-err.xml" >/dev/full 2>/dev/null
	ok $(( $? == 2 && rc == 1 ? 0 : 1 )) "validate -q > /dev/full: exit 2 (1 when the errors can be written)"
	"$FEEDGEN" "$p" >/dev/full 2>/dev/null
	ok $(( $? == 2 ? 0 : 1 )) "feedgen SITE > /dev/full: exit 2"
fi
"$FEEDGEN" validate "$TMP/feed.xml" >&- 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && grep -q 'standard output is closed' "$TMP/err"
ok $? "validate with standard output closed: exit 2, saying so (exit $rc)"
"$FEEDGEN" "$p" >&- 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && grep -q 'standard output is closed' "$TMP/err"
ok $? "feedgen SITE with standard output closed: exit 2 (exit $rc)"

# --- 2: _config.yml and _data/ are read without following links ------------
mkdir -p "$TMP/outside"
printf 'title: Leak\nauthor: API_TOKEN_123\nurl: https://leak.example\n' >"$TMP/outside/secret.yml"
printf 'ann: {name: API_TOKEN_456}\n' >"$TMP/outside/authors.yml"
s="$TMP/links"
post "$s/_posts" 2021-01-01-a.md 'title: A\nauthor: ann\n' 'x'
ln -s "$TMP/outside/secret.yml" "$s/_config.yml"
timeout 20 "$FEEDGEN" "$s" >"$TMP/out.xml" 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && ! grep -q API_TOKEN "$TMP/out.xml" "$TMP/err"
ok $? "_config.yml a link out of the site: not read, exit 2 (exit $rc)"
grep -q "_config.yml: error: cannot read: a symbolic link.*not followed \[config-file\]" "$TMP/err"
ok $? "saying so"
rm "$s/_config.yml"
mkdir -p "$s/_data"
ln -s "$TMP/outside/authors.yml" "$s/_data/authors.yml"
timeout 20 "$FEEDGEN" "$s" >"$TMP/out.xml" 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && ! grep -q API_TOKEN "$TMP/out.xml"
ok $? "_data/authors.yml a link out of the site: not read (exit $rc)"
rm -r "$s/_data"
ln -s "$TMP/outside" "$s/_data"
cp "$TMP/outside/authors.yml" "$TMP/outside/authors.yaml"
timeout 20 "$FEEDGEN" "$s" >"$TMP/out.xml" 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && ! grep -q API_TOKEN "$TMP/out.xml"
ok $? "_data a link to a folder out of the site: not read (exit $rc)"
rm "$s/_data"
mkfifo "$s/_config.yml"
timeout 20 "$FEEDGEN" "$s" >"$TMP/out.xml" 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && grep -q "_config.yml: error: cannot read: not a regular file" "$TMP/err"
ok $? "_config.yml a FIFO: no hang, exit 2, not a regular file (exit $rc)"
rm "$s/_config.yml"
ln -s /dev/zero "$s/_config.yml"
timeout 20 "$FEEDGEN" "$s" >"$TMP/out.xml" 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && grep -q "_config.yml: error: cannot read" "$TMP/err"
ok $? "_config.yml a link to /dev/zero: refused, exit 2 (exit $rc)"
rm "$s/_config.yml"
if [ "$(id -u)" = 0 ] && mknod "$s/_config.yml" c 1 5 2>/dev/null; then
	timeout 20 "$FEEDGEN" "$s" >"$TMP/out.xml" 2>"$TMP/err"
	rc=$?
	[ $rc = 2 ] && grep -q "_config.yml: error: cannot read: not a regular file" "$TMP/err"
	ok $? "_config.yml the device /dev/zero is: not a regular file, exit 2 (exit $rc)"
	rm "$s/_config.yml"
fi
python3 -c "import sys; open(sys.argv[1], 'w').write('title: big\n' + '#' * (5 << 20) + '\n')" "$s/_config.yml"
timeout 20 "$FEEDGEN" "$s" >"$TMP/out.xml" 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && grep -q "_config.yml: error: larger than 4194304 bytes" "$TMP/err"
ok $? "a 5 MB _config.yml: refused with the cap named (exit $rc)"
rm "$s/_config.yml"

# --- 6: a link inside the output folder is not written through, nor pruned --
s="$TMP/outlink"
post "$s/_posts" 2021-01-01-a.md 'title: A\ncategories: [news]\n' 'x'
printf 'url: https://o.example\n' >"$s/_config.yml"
"$FEEDGEN" -o "$TMP/ref" "$s" 2>/dev/null
mkdir -p "$TMP/victim" "$TMP/dir"
cp "$TMP/ref/feed/news.xml" "$TMP/victim/old.xml"
ln -s "$TMP/victim" "$TMP/dir/feed"
"$FEEDGEN" -o "$TMP/dir" "$s" 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && [ ! -e "$TMP/victim/news.xml" ] && [ -z "$(find "$TMP/victim" -name '.feedgen*')" ]
ok $? "DIR/feed a link out of DIR: nothing written there, exit 2 (exit $rc)"
grep -q "dir/feed/news.xml: error: a symbolic link inside the output folder.*\[output-symlink\]" "$TMP/err"
ok $? "the feed is named, with the rule"
"$FEEDGEN" -o "$TMP/dir" --prune --no-categories "$s" 2>"$TMP/err"
[ -f "$TMP/victim/old.xml" ]
ok $? "--prune deletes nothing through the link"
grep -q "output-symlink" "$TMP/err"
ok $? "and says why it did not look there"

# --- 10 and 16: every message placed, with a rule, names escaped --------------
s="$TMP/msgs"
mkdir -p "$s/_posts"
printf 'url: https://m.example\ntimezone: Europe/Berlin\n' >"$s/_config.yml"
esc=$(printf '\033')
printf -- '---\ntitle: ""\ndate: 2021-01-01\n---\nbody text\n' >"$s/_posts/a${esc}[31mb
fake.md: error: forged [x].md"
printf -- '---\ntitle: No date\n---\nx\n' >"$s/_posts/nodate.md"
printf -- '---\ntitle: UTC\ndate: 2021-01-02 10:00:00\n---\nx\n' >"$s/_posts/utc.md"
ln -s /etc/passwd "$s/_posts/2021-01-03-link.md"
"$FEEDGEN" "$s/" >/dev/null 2>"$TMP/err"
! grep -q "$esc" "$TMP/err"
ok $? "no raw escape character reaches the terminal"
grep -qF 'a\x1b[31mb\nfake.md: error: forged [x].md:2:8: warning: empty title' "$TMP/err"
ok $? "a name's ESC and newline shown as \\x1b and \\n, the empty title at its line and column"
! grep -q '^fake.md' "$TMP/err"
ok $? "so the name cannot forge a message line"
grep -qF "msgs/_posts/nodate.md:3:1: error: no date" "$TMP/err"
ok $? "no date: at the closing '---' where it would go"
grep -qF "msgs/_posts/utc.md:3:7: warning: this date" "$TMP/err" && grep -qF "(+0100)" "$TMP/err" &&
	! grep -q "+0800" "$TMP/err"
ok $? "UTC-date warning at the post's date, with Berlin's offset"
grep -qF "2021-01-03-link.md: warning: symbolic link not followed (as in Jekyll's safe mode) [symlink]" "$TMP/err"
ok $? "the symlink warning has its rule"
! grep -q '//' "$TMP/err"
ok $? "a folder given as DIR/: no DIR//x in messages"
[ "$(sed '$d' "$TMP/err" | grep -vc '\]$')" = 0 ] && tail -n 1 "$TMP/err" | grep -q '^feedgen: .* posts read, '
ok $? "every message ends with its [rule] (then the summary line)"
printf 'timezone: Mars/Base\n' >"$s/_config.yml"
"$FEEDGEN" "$s" >/dev/null 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && grep -qF "msgs/_config.yml:1:11: error: unknown time zone 'Mars/Base'" "$TMP/err" &&
	grep -qF "[timezone]" "$TMP/err"
ok $? "an unknown time zone: at its line and column in _config.yml, with its rule (exit $rc)"
"$FEEDGEN" -v -o "$TMP/slash/" --url https://m.example "$p/" >/dev/null 2>"$TMP/err"
! grep -q '//' "$TMP/err"
ok $? "-o DIR/: no DIR//feed.xml"
"$FEEDGEN" validate "$TMP/nonexistent$(printf '\033')x.xml" >/dev/null 2>"$TMP/err"
grep -qF 'nonexistent\x1bx.xml: error: cannot read: No such file or directory [io-error]' "$TMP/err"
ok $? "validate: an unreadable input, escaped, with its rule"
python3 "$top_srcdir/tests/rulescan.py" "$top_srcdir" >"$TMP/scan"
ok $? "every diag_report() in src/ names a rule $(tr '\n' ' ' <"$TMP/scan")"

# --- 5: runs on one output folder take turns by a lock, not by PIDs ----------
s="$TMP/locksite"
post "$s/_posts" 2021-01-01-a.md 'title: A\ncategories: [".feedgen-4000000"]\n' 'x'
printf 'url: https://l.example\n' >"$s/_config.yml"
d="$TMP/lockout"
mkdir -p "$d/feed"
flock "$d" sleep 3 &
holder=$!
sleep 0.5
start=$(date +%s)
"$FEEDGEN" -o "$d" "$s" 2>"$TMP/err"
rc=$?
took=$(( $(date +%s) - start ))
wait $holder
[ $rc = 0 ] && [ $took -ge 2 ]
ok $? "a second run waits for the lock on the folder (exit $rc, ${took} s)"
grep -q "lockout: note: waiting: the output folder is being written by the run of pid [0-9]* \[output-lock\]" "$TMP/err"
ok $? "saying which run holds it"
[ -f "$d/feed/%2Efeedgen-4000000.xml" ] && grep -q 'feed/%252Efeedgen-4000000.xml' "$d/feeds.opml"
ok $? "a category named .feedgen-4000000 is written (as %2Efeedgen-4000000.xml) and kept"
printf 'left over' >"$d/.feedgen-$$-0.tmp"
printf 'left over' >"$d/feed/.feedgen-$$.AbC123"
"$FEEDGEN" -o "$d" "$s" 2>/dev/null
[ ! -e "$d/.feedgen-$$-0.tmp" ] && [ ! -e "$d/feed/.feedgen-$$.AbC123" ]
ok $? "temporary files of a killed run are removed under the lock, whatever their PID"

# --- 8: values checked when loaded; 1: names per post bounded ----------------
s="$TMP/values"
mkdir -p "$s/_posts"
printf 'url: https://v.example\n' >"$s/_config.yml"
printf -- '---\ntitle: A\ndate: 2021-01-01\nlang: "en\\nx"\nimage: "javascript:alert(1)"\nenclosure: {url: "JavaScript:alert(1)", length: 10, type: "audio/mpeg\\r\\nX-Evil: 1"}\n---\nx\n' >"$s/_posts/a.md"
python3 -c "
import sys
open(sys.argv[1], 'w').write('---\ntitle: B\ndate: 2021-01-02\ntags: [' + ','.join('t%d' % i for i in range(25000)) + ']\n---\n' + 'y' * 200000 + '\n')
" "$s/_posts/b.md"
printf -- '---\ntitle: C\ndate: 2021-01-03\ntags: [fine]\n---\nz\n' >"$s/_posts/c.md"
timeout 60 "$FEEDGEN" -o "$TMP/values-out" "$s" 2>"$TMP/err"
rc=$?
ok $(( rc == 1 ? 0 : 1 )) "hostile values and 25,000 tags: exit 1, quickly (exit $rc)"
find "$TMP/values-out" -type f ! -name feeds.opml -exec "$FEEDGEN" validate {} + >"$TMP/v" 2>&1
ok $? "every feed written passes feedgen's validator"
! grep -qi 'javascript' "$TMP/values-out/feed.xml" "$TMP/values-out/feed.rss" "$TMP/values-out/feed.json"
ok $? "no javascript: URL is written"
grep -qF "a.md:4:7: warning: lang 'en\nx' is not a language tag" "$TMP/err"
ok $? "a lang with a newline: a warning at its value, left out"
grep -qF "a.md:5:8: warning: image 'javascript:alert(1)' is not an http or https URL" "$TMP/err" &&
	grep -qF "a.md:6:18: warning: enclosure url 'JavaScript:alert(1)'" "$TMP/err"
ok $? "javascript: image and enclosure URLs: warnings at their values [url-scheme]"
grep -qF "warning: enclosure type 'audio/mpeg\r\nX-Evil: 1' is not a media type" "$TMP/err"
ok $? "a media type with CRLF: a warning, left out"
grep -qF "b.md:4:7: error: 25000 categories and tags, more than 100" "$TMP/err" && grep -qF "[too-many-names]" "$TMP/err"
ok $? "25,000 tags on one post: an error naming the post"
[ "$(find "$TMP/values-out" -type f | wc -l)" -lt 20 ] && [ "$(du -sk "$TMP/values-out" | cut -f1)" -lt 1000 ]
ok $? "and the output stays small ($(find "$TMP/values-out" -type f | wc -l) files, $(du -sk "$TMP/values-out" | cut -f1) KB)"
grep -q '<title>C</title>' "$TMP/values-out/feed.xml" && [ -f "$TMP/values-out/feed/by_tag/fine.xml" ]
ok $? "the other posts are published with their tag feeds"

done_testing
