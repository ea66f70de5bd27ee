#!/bin/sh
# hostile-out.sh: feedgen -o against hostile sites (issue 15, the output
# side): output bounded by the input, names that cannot claim another feed's
# path or break a run, paths that never move, temporary files in a namespace
# of their own, and a read-only folder when nothing changed.
. "$(dirname "$0")/lib.sh"

post() { # post DIR NAME FRONT-MATTER-LINES BODY
	mkdir -p "$1"
	printf -- '---\n%b---\n%s\n' "$3" "$4" >"$1/$2"
}
site() { # site DIR: a site with a url and no posts yet
	mkdir -p "$1/_posts"
	printf 'title: T\nurl: https://h.example\n' >"$1/_config.yml"
}
mounts=""
cleanup() {
	for m in $mounts; do umount "$m" 2>/dev/null; done
	rm -rf "$TMP"
}
trap cleanup EXIT

# --- 13: a read-only output folder is fine when nothing changed --------------
# root ignores permission bits: as root the folder is a tmpfs remounted
# read-only, otherwise chmod makes it read-only.
s="$TMP/ro-site"
site "$s"
post "$s/_posts" 2021-01-01-a.md 'title: A\ncategories: [news]\ntags: [t]\n' 'x'
ro="$TMP/ro"
mkdir -p "$ro"
if [ "$(id -u)" -eq 0 ]; then
	mount -t tmpfs -o size=4m tmpfs "$ro" && mounts="$ro $mounts"
fi
"$FEEDGEN" -o "$ro/out" "$s" 2>/dev/null
cp -a "$ro/out" "$TMP/ro-before"
if [ "$(id -u)" -eq 0 ]; then
	mount -o remount,ro "$ro"
else
	find "$ro/out" -type d -exec chmod a-w {} +
fi
"$FEEDGEN" -v -o "$ro/out" "$s" 2>"$TMP/err"
rc=$?
nfeeds=$(find "$ro/out" -type f ! -name feeds.opml | wc -l)
[ $rc = 0 ] && grep -q "0 feeds written, $nfeeds unchanged" "$TMP/err" && ! grep -q ": error" "$TMP/err"
ok $? "13: a read-only output folder and nothing changed: exit 0, nothing written (exit $rc)"
post "$s/_posts" 2021-01-01-a.md 'title: A changed\ncategories: [news]\ntags: [t]\n' 'x'
"$FEEDGEN" -o "$ro/out" "$s" 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && grep -Eq 'cannot create a file beside it: (Read-only file system|Permission denied)' "$TMP/err" &&
	diff -r "$ro/out" "$TMP/ro-before" >/dev/null
ok $? "13: and when a feed changed: exit 2 saying why, every feed as it was (exit $rc)"
if [ "$(id -u)" -eq 0 ]; then
	mount -o remount,rw "$ro"
else
	find "$ro/out" -type d -exec chmod u+w {} +
fi

# --- 3: a category cannot take a tag's feed (or any other name's) -----------
s="$TMP/claim"
site "$s"
post "$s/_posts" 2021-01-01-real.md 'title: Real advisory\ntags: [security]\ncategories: [news]\n' 'real'
post "$s/_posts" 2021-01-02-evil.md 'title: Hostile\ncategories: ["by_tag/security", "../by_tag/security", by_tag]\ntags: ["by_tag/x", ".hidden"]\n' 'evil'
o="$TMP/claim-out"
"$FEEDGEN" -o "$o" "$s" 2>"$TMP/err"
rc=$?
[ $rc = 0 ] && grep -q '<title>Real advisory</title>' "$o/feed/by_tag/security.xml" &&
	! grep -q 'Hostile' "$o/feed/by_tag/security.xml" "$o/feed/by_tag/security.rss" "$o/feed/by_tag/security.json"
ok $? "3: category 'by_tag/security' does not take feed/by_tag/security.xml (exit $rc)"
! grep -q 'taken by' "$TMP/err"
ok $? "3: no name collides, so nothing is dropped"
[ -f "$o/feed/by_tag%2Fsecurity.xml" ] && [ -f "$o/feed/%2E%2E%2Fby_tag%2Fsecurity.xml" ] &&
	[ -f "$o/feed/by_tag.xml" ] && [ -f "$o/feed/by_tag/by_tag%2Fx.json" ] && [ -f "$o/feed/by_tag/%2Ehidden.rss" ]
ok $? "3: names with '/', '..' or a leading '.' get escaped files of their own"
[ -f "$o/feed/news.xml" ] && [ "$(find "$o" -type d | sort | tr '\n' ' ')" = "$o $o/feed $o/feed/by_tag " ]
ok $? "3: ordinary names keep jekyll-feed's paths, and no name makes a folder"
grep -q 'href="https://h.example/feed/by_tag%252Fsecurity.xml"' "$o/feed/by_tag%2Fsecurity.xml"
ok $? "3: an escaped file's URL percent-encodes its '%'"

# --- 4: names whose files cannot be made: an error for that feed alone --------
s="$TMP/unmakeable"
site "$s"
n251=$(python3 -c 'print("n" * 251)')
nlong=$(python3 -c 'print("/".join(["d" * 200] * 25))')
post "$s/_posts" 2021-01-01-a.md 'title: A\ncategories: [a, "a.xml/b"]\n' 'a'
post "$s/_posts" 2021-01-02-long.md "title: Long\\ntags: [$n251, ok250$(python3 -c 'print("k" * 245)')]\\n" 'l'
post "$s/_posts" 2021-01-03-path.md "title: Path\\ncategories: [\"$nlong\"]\\ntags: [fine]\\n" 'p'
o="$TMP/unmakeable-out"
for run in 1 2; do
	"$FEEDGEN" -o "$o" "$s" 2>"$TMP/err"
	rc=$?
	[ $rc = 1 ] && [ -f "$o/feed/a.xml" ] && [ -f "$o/feed/a.xml%2Fb.xml" ] && [ -f "$o/feed/by_tag/fine.json" ] &&
		[ -f "$o/feed.xml" ] && [ "$(grep -c '<entry>' "$o/feed.xml")" = 3 ]
	ok $? "4: run $run: exit 1, every other feed written (categories a and a.xml/b both) (exit $rc)"
done
grep -qF "2021-01-02-long.md: error: no feed for tag 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn… (251 bytes)': its file name would be 256 bytes, more than 255 [feed-name]" "$TMP/err"
ok $? "4: a 251-byte name: its .json would pass NAME_MAX: an error naming the name and the post"
grep -qF "2021-01-03-path.md: error: no feed for category 'dddd" "$TMP/err" && grep -q "(5024 bytes)': its file name" "$TMP/err"
ok $? "4: a name longer than PATH_MAX: an error naming it (cut) and the post"
[ -f "$o/feed/by_tag/ok250$(python3 -c 'print("k" * 245)').json" ]
ok $? "4: a 250-byte name is fine"
[ -z "$(find "$o" -type d -empty)" ] && [ "$(find "$o" -type d | wc -l)" = 3 ]
ok $? "4: no empty folder left behind"
mkdir -p "$TMP/old-out/feed/a.xml"	# a folder where a feed goes (an older run's)
"$FEEDGEN" -o "$TMP/old-out" "$s" 2>"$TMP/err"
rc=$?
[ $rc = 1 ] && grep -qF "old-out/feed/a.xml: error: no feed for category 'a' ($s/_posts/2021-01-01-a.md): its file cannot be made: Is a directory [feed-name]" "$TMP/err" &&
	[ -f "$TMP/old-out/feed/a.rss" ] && [ -f "$TMP/old-out/feed/by_tag/fine.xml" ] && [ -f "$TMP/old-out/feeds.opml" ]
ok $? "4: a folder where a feed goes: an error for that feed, the others written (exit $rc)"

# --- 9: a feed's path never moves because a post was added --------------------
s="$TMP/moves"
site "$s"
post "$s/_posts" 2021-01-01-old.md 'title: Old\ncategories: [news]\n' 'old'
o="$TMP/moves-out"
"$FEEDGEN" -o "$o" "$s" 2>/dev/null
post "$s/_posts" 2022-01-01-new.md 'title: New\ncategories: [News]\n' 'new'
"$FEEDGEN" --prune -o "$o" "$s" 2>"$TMP/err"
rc=$?
[ $rc = 0 ] && [ -f "$o/feed/news.xml" ] && [ ! -e "$o/feed/News.xml" ] &&
	grep -q '<title>New</title>' "$o/feed/news.xml" && grep -q '<title>Old</title>' "$o/feed/news.xml"
ok $? "9: adding 'News' beside 'news': the feed stays feed/news.xml, with both posts, through --prune (exit $rc)"
grep -qF "category 'News' shares the feed of 'news' (feed/news.xml): the names differ only in letter case" "$TMP/err"
ok $? "9: and the warning says they differ in letter case"
cp "$o/feed/news.xml" "$o/feed/NEWS.xml"
"$FEEDGEN" --prune -o "$o" "$s" 2>"$TMP/err"
[ -f "$o/feed/NEWS.xml" ] && ! grep -q 'NEWS' "$TMP/err"
ok $? "9: --prune never deletes another spelling of a live feed (one file where case is ignored)"
s="$TMP/fold"
site "$s"
post "$s/_posts" 2021-01-01-a.md 'title: A\ntags: [straße, ﬁsh]\n' 'a'
post "$s/_posts" 2021-01-02-b.md 'title: B\ntags: [strasse, fish, "e\0314\0201t\0303\0251"]\n' 'b'
post "$s/_posts" 2021-01-03-c.md 'title: C\ntags: ["\0303\0251t\0303\0251"]\n' 'c'
o="$TMP/fold-out"
"$FEEDGEN" -o "$o" "$s" 2>"$TMP/err"
[ -f "$o/feed/by_tag/straße.xml" ] && [ -f "$o/feed/by_tag/strasse.xml" ] && [ -f "$o/feed/by_tag/ﬁsh.xml" ] &&
	[ -f "$o/feed/by_tag/fish.xml" ] && ! grep -q "straße\|ﬁsh" "$TMP/err"
ok $? "9: ß/ss and ﬁ/fi are different file names everywhere: not merged"
grep -q "are the same text in Unicode normal form NFC" "$TMP/err"
ok $? "9: names equal in NFC are merged and reported as such, not as case"

# --- 5: temporary files: a namespace of their own, cleaned in every folder ---
s="$TMP/temps"
site "$s"
printf 'feed:\n  path: feeds/site.xml\n' >>"$s/_config.yml"
post "$s/_posts" 2021-01-01-a.md 'title: A\ncategories: [".feedgen-4000000", ".feedgen-123-0.tmp"]\ntags: [".feedgen-77.abcdef"]\n' 'a'
o="$TMP/temps-out"
mkdir -p "$o/feeds" "$o/feed/by_tag" "$o/feed/old/sub"
for t in .feedgen-99999-0.tmp feeds/.feedgen-99999-1.tmp feed/.feedgen-99999.AbC123 \
	feed/by_tag/.feedgen-1-0.tmp feed/old/sub/.feedgen-2-3.tmp; do
	printf 'left by a killed run' >"$o/$t"
done
for run in 1 2; do
	"$FEEDGEN" -o "$o" "$s" 2>"$TMP/err"
	rc=$?
	[ $rc = 0 ] && [ -f "$o/feed/%2Efeedgen-4000000.xml" ] && [ -f "$o/feed/%2Efeedgen-123-0.tmp.xml" ] &&
		[ -f "$o/feed/by_tag/%2Efeedgen-77.abcdef.json" ] && grep -q '%252Efeedgen-123-0.tmp.xml' "$o/feeds.opml"
	ok $? "5: run $run: names like temporary files get files outside the temporary namespace, kept (exit $rc)"
done
[ -z "$(find "$o" -name '.feedgen-*')" ]
ok $? "5: every temporary file a killed run left is removed: root, site feed, category, tag and older folders"

# --- 1: output linear in the input: a post's body and a run's total bounded --
# A 300-byte post whose Liquid loop renders 2 MB, in 20 tag feeds: 63 files
# of 2 MB each before; its body is now left out (64 x its size + 1 MiB).
s="$TMP/explode"
site "$s"
tags=$(python3 -c 'print(", ".join("t%d" % i for i in range(20)))')
post "$s/_posts" 2021-01-01-loop.md "title: Loop\\ntags: [$tags]\\n" \
	'{% for i in (1..20000) %}0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789{% endfor %}'
post "$s/_posts" 2021-01-02-fine.md 'title: Fine\ntags: [t1]\n' 'fine body'
o="$TMP/explode-out"
timeout 120 "$FEEDGEN" -o "$o" "$s" 2>"$TMP/err"
rc=$?
[ $rc = 1 ] && grep -q "_posts/2021-01-01-loop.md:5:1: error: the body renders to [0-9]* bytes, more than 64 times the post's [0-9]* bytes + 1 MiB: left out of every feed (title and link kept) \[output-bound\]" "$TMP/err"
ok $? "1: a body rendering past 64 x its post + 1 MiB: exit 1, an error at the post's body (exit $rc)"
[ "$(du -sk "$o" | cut -f1)" -lt 2000 ] && grep -q '<title>Loop</title>' "$o/feed/by_tag/t5.xml" &&
	grep -q 'fine body' "$o/feed.xml" "$o/feed/by_tag/t1.xml"
ok $? "1: the output stays small ($(du -sk "$o" | cut -f1) KB), the post's title and the other posts are published"
# Each body within its own bound (900 KB < 1 MiB), but 31 feeds x 3 formats
# of it pass the run's bound (128 x the posts' size + 64 MiB): 84 MB before.
s="$TMP/total"
site "$s"
tags=$(python3 -c 'print(", ".join("t%02d" % i for i in range(30)))')
post "$s/_posts" 2021-01-01-big.md "title: Big\\ntags: [$tags]\\n" \
	'{% for i in (1..9000) %}0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789{% endfor %}'
post "$s/_posts" 2021-01-02-small.md 'title: Small\ncategories: [c]\n' 'small body'
o="$TMP/total-out"
for run in 1 2; do
	timeout 120 "$FEEDGEN" -o "$o" "$s" 2>"$TMP/err$run"
	rc=$?
	[ $rc = 1 ] && [ "$(du -sk "$o" | cut -f1)" -lt 80000 ] && grep -q 'small body' "$o/feed.xml" "$o/feed/c.json"
	ok $? "1: run $run: past the run's bound: exit 1, the output stays under it ($(du -sk "$o" | cut -f1) KB), the first feeds written (exit $rc)"
	find "$o" -type f | sort >"$TMP/files$run"
done
grep -q "error: not written, nor the [0-9]* feeds after it: the run's feeds would hold more than 128 times the posts' [0-9]* bytes + 64 MiB (newest post of this feed: .*2021-01-01-big.md) \[output-bound\]" "$TMP/err1"
ok $? "1: an error names the first feed not written and the post"
sed '$d' "$TMP/err1" >"$TMP/msgs1"	# the summary line counts what each run wrote
sed '$d' "$TMP/err2" >"$TMP/msgs2"
cmp -s "$TMP/files1" "$TMP/files2" && cmp -s "$TMP/msgs1" "$TMP/msgs2" && [ -s "$TMP/msgs1" ]
ok $? "1: the same feeds are written and the same message given on every run"

done_testing
