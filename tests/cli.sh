#!/bin/sh
# cli.sh: the command line as people and CI use it — every option of --help
# in the man page and the README, and every option the code takes in --help;
# --version; the diagnostics formats of the generator and of validate (GNU,
# GitHub Actions annotations with GitHub's escapes, one JSON document);
# feeds.opml beside the feeds; --print-links. (The summary line, -q, colour
# and the form of usage errors: tests/habits.sh; the pages' examples:
# tests/examples.sh.)
. "$(dirname "$0")/lib.sh"

man1="$top_srcdir/src/feedgen.1"
readme="$top_srcdir/README"

# ---- help, man page, README in step ----

"$FEEDGEN" --help >"$TMP/help" 2>&1
ok $? "feedgen --help: exit status 0"
"$FEEDGEN" validate --help >"$TMP/vhelp" 2>&1
ok $? "feedgen validate --help: exit status 0"
"$FEEDGEN" ping --help >"$TMP/phelp" 2>&1
ok $? "feedgen ping --help: exit status 0"

# The long options a help text lists, one a line.
long_options() {
	grep -o -- '--[a-z][a-z-]*' "$1" | sort -u
}
# The man page with its escapes undone, so "\-\-print\-links" reads --print-links.
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$man1" >"$TMP/man.txt"

for help in help vhelp phelp; do
	missing=""
	for opt in $(long_options "$TMP/$help"); do
		grep -q -- "$opt" "$TMP/man.txt" || missing="$missing $opt"
	done
	ok $(( ${#missing} == 0 ? 0 : 1 )) "every option of $help is in feedgen(1)${missing:+ (missing:$missing)}"
	missing=""
	for opt in $(long_options "$TMP/$help"); do
		grep -q -- "$opt" "$readme" || missing="$missing $opt"
	done
	ok $(( ${#missing} == 0 ? 0 : 1 )) "every option of $help is in the README${missing:+ (missing:$missing)}"
done

# Every long option the code takes (getopt_long tables) is in its --help.
code_options() {
	sed -n 's/^[[:space:]]*{"\([a-z][a-z-]*\)", *[a-z_]*_argument.*/--\1/p' "$1" | sort -u
}
missing=""
for opt in $(code_options "$top_srcdir/src/main.c"); do
	grep -q -- "$opt" "$TMP/help" || missing="$missing $opt"
done
n=$(code_options "$top_srcdir/src/main.c" | wc -l)
ok $(( ${#missing} == 0 && n > 15 ? 0 : 1 )) "all $n options of main.c are in --help${missing:+ (missing:$missing)}"
missing=""
for opt in $(code_options "$top_srcdir/src/cmd_validate.c"); do
	grep -q -- "$opt" "$TMP/vhelp" || missing="$missing $opt"
done
n=$(code_options "$top_srcdir/src/cmd_validate.c" | wc -l)
ok $(( ${#missing} == 0 && n > 4 ? 0 : 1 )) "all $n options of validate are in its --help${missing:+ (missing:$missing)}"
missing=""
for opt in $(code_options "$top_srcdir/src/cmd_ping.c"); do
	grep -q -- "$opt" "$TMP/phelp" || missing="$missing $opt"
done
n=$(code_options "$top_srcdir/src/cmd_ping.c" | wc -l)
ok $(( ${#missing} == 0 && n > 4 ? 0 : 1 )) "all $n options of ping are in its --help${missing:+ (missing:$missing)}"

# The formats --help names are the ones -f takes.
for f in $(sed -n 's/.*--format NAME *\([a-z, ]*\), or all.*/\1/p' "$TMP/help" | tr -d ,); do
	"$FEEDGEN" -f "$f" "$top_srcdir/example" >/dev/null 2>&1
	ok $? "-f $f, as --help lists it, is taken"
done

# The man page is well-formed man(7): groff's warnings when groff is there,
# else every request is one of the man macros this page uses.
if command -v groff >/dev/null 2>&1; then
	groff -man -ww -z "$man1" >"$TMP/groff.err" 2>&1 && ! [ -s "$TMP/groff.err" ]
	ok $? "feedgen(1) formats without a groff warning"
else
	! grep -v '^\.\(\\"\|TH\|SH\|SS\|TP\|PP\|IP\|B\|I\|BR\|BI\|IR\|RB\|RI\|EX\|EE\|UR\|UE\|br\)\( \|$\)' "$man1" |
		grep '^\.' >"$TMP/badmacro"
	ok $? "feedgen(1) uses only man(7) macros"
fi
grep -q '^\.SH "EXIT STATUS"' "$man1" && grep -q '^\.SH FILES' "$man1" && grep -q '^\.SH EXAMPLES' "$man1"
ok $? "feedgen(1) has EXIT STATUS, FILES and EXAMPLES"
version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"/\1/p' "$top_builddir/config.h")
grep -q "^\.TH FEEDGEN 1 .*\"feedgen $version\"" "$man1"
ok $? "feedgen(1) is for version $version"

# ---- --version ----

"$FEEDGEN" --version >"$TMP/version"
ok $? "--version: exit status 0"
head -n 1 "$TMP/version" | grep -qx "feedgen $version"
ok $? "--version first line: feedgen $version"
for lib in libxml2 libyaml cmark-gfm libcurl ICU jansson; do
	grep -q "$lib [0-9][0-9.]*" "$TMP/version"
	ok $? "--version names $lib with its version"
done

# ---- usage errors ----

"$FEEDGEN" --diagnostics xml "$top_srcdir/example" >/dev/null 2>"$TMP/err"
ok $(( $? == 2 ? 0 : 1 )) "--diagnostics xml: exit status 2"
grep -q 'gnu, json or github' "$TMP/err"
ok $? "and the message names the formats"
"$FEEDGEN" validate --format xml "$top_srcdir/example" >/dev/null 2>&1
ok $(( $? == 2 ? 0 : 1 )) "validate --format xml: exit status 2"
"$FEEDGEN" --no-opml "$top_srcdir/example" >/dev/null 2>&1
ok $(( $? == 2 ? 0 : 1 )) "--no-opml without -o: exit status 2"
"$FEEDGEN" -f all "$top_srcdir/example" >/dev/null 2>&1
ok $(( $? == 2 ? 0 : 1 )) "-f all to standard output: exit status 2"
"$FEEDGEN" -f atom,rss "$top_srcdir/example" >/dev/null 2>&1
ok $(( $? == 2 ? 0 : 1 )) "-f atom,rss to standard output: exit status 2"
"$FEEDGEN" -o "$TMP/two" -f atom,xml "$top_srcdir/example" >/dev/null 2>&1
ok $(( $? == 2 ? 0 : 1 )) "-f atom,xml: exit status 2 (xml is no format)"
"$FEEDGEN" -o "$TMP/two" -f rss,atom "$top_srcdir/example" >/dev/null 2>&1 &&
	[ -f "$TMP/two/feed.xml" ] && [ -f "$TMP/two/feed.rss" ] && [ ! -e "$TMP/two/feed.json" ] &&
	[ -n "$(find "$TMP/two/feed" -name '*.rss')" ] && [ -z "$(find "$TMP/two" -name '*.json')" ]
ok $? "-o -f rss,atom: Atom and RSS files, no JSON Feed"

# ---- the generator's diagnostics ----

site="$TMP/site"
mkdir -p "$site/_posts"
printf 'title: CI\nurl: https://ci.example\n' >"$site/_config.yml"
printf -- '---\ntitle: Good\ntags: [t]\n---\nfine\n' >"$site/_posts/2021-01-01-good.md"
printf -- '---\ntitle: Bad\ndate: 2021-13-45\n---\nx\n' >"$site/_posts/2021-01-02-a,b:c%d.md"

"$FEEDGEN" "$site" >"$TMP/gnu.xml" 2>"$TMP/gnu.err"
ok $(( $? == 1 ? 0 : 1 )) "a bad post: exit status 1"
grep -q '2021-01-02-a,b:c%d.md:[0-9]*:[0-9]*: error: .*\[' "$TMP/gnu.err"
ok $? "gnu: file:line:col: error: message [rule]"

"$FEEDGEN" --diagnostics github "$site" >"$TMP/gh.xml" 2>"$TMP/gh.err"
ok $(( $? == 1 ? 0 : 1 )) "--diagnostics github: the same exit status"
grep -q '^::error file=[^:]*2021-01-02-a%2Cb%3Ac%25d\.md,line=[0-9][0-9]*,col=[0-9][0-9]*,title=[a-z-]*::' "$TMP/gh.err"
ok $? "github: ::error file=…,line=…,col=…,title=rule:: with , : % escaped in the file name"
! sed '$d' "$TMP/gh.err" | grep -v '^::\(error\|warning\|notice\) ' >/dev/null &&
	tail -n 1 "$TMP/gh.err" | grep -q '^feedgen: [0-9]* posts\? read, '
ok $? "github: every line is a workflow command, but the summary line at the end"
cmp -s "$TMP/gnu.xml" "$TMP/gh.xml"
ok $? "github: the feed is the same"

"$FEEDGEN" --diagnostics json "$site" >"$TMP/js.xml" 2>"$TMP/js.err"
ok $(( $? == 1 ? 0 : 1 )) "--diagnostics json: the same exit status"
python3 - "$TMP/js.err" "$TMP/gnu.err" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))	# one document, nothing else
import re
summary = re.compile(r"feedgen: \d+ posts? read, ")
gnu = [l for l in open(sys.argv[2]) if l.strip() and not summary.match(l)]
d = doc["diagnostics"]
assert len(d) == len(gnu), (len(d), len(gnu))
assert doc["errors"] == sum(1 for x in d if x["severity"] == "error") >= 1
bad = [x for x in d if x["severity"] == "error"][0]
assert bad["file"].endswith("2021-01-02-a,b:c%d.md"), bad
assert isinstance(bad["line"], int) and isinstance(bad["column"], int)
assert bad["rule"] and bad["message"]
EOF
ok $? "json: one document, each diagnostic with file, line, column, rule, counts right"
cmp -s "$TMP/gnu.xml" "$TMP/js.xml"
ok $? "json: the feed on standard output is the same"

# ---- validate --format github ----

printf '<rss version="2.0"><channel><title>x</title></channel></rss>\n' >"$TMP/bad, 100%.rss"
"$FEEDGEN" validate --format github "$TMP/bad, 100%.rss" >"$TMP/vgh.out" 2>&1
ok $(( $? == 1 ? 0 : 1 )) "validate --format github on an invalid feed: exit status 1"
grep -q '^::error file=[^:,]*bad%2C 100%25\.rss,line=1,col=[0-9]*,title=missing-element::required element missing' "$TMP/vgh.out"
ok $? "validate github: an ::error annotation per diagnostic, properties escaped"
grep -q 'bad, 100%.rss: RSS 2.0, invalid: 2 errors' "$TMP/vgh.out"
ok $? "validate github: then the summary line"
"$FEEDGEN" validate --format github "$TMP/nonexistent.xml" >"$TMP/vgh2.out" 2>&1
ok $(( $? == 2 ? 0 : 1 )) "validate github on a missing file: exit status 2"
grep -q '^::error file=.*nonexistent\.xml,title=io-error::cannot read' "$TMP/vgh2.out"
ok $? "validate github: the I/O error is an annotation too"

# ---- feeds.opml ----

out="$TMP/out"
"$FEEDGEN" -o "$out" "$site" 2>/dev/null
test -f "$out/feeds.opml"
ok $? "-o writes feeds.opml"
"$XMLLINT" --noout "$out/feeds.opml" 2>/dev/null
ok $? "feeds.opml is well-formed"
nfeeds=$(find "$out" -type f ! -name feeds.opml | wc -l)
nurls=$("$XMLLINT" --xpath 'count(//outline[@xmlUrl])' "$out/feeds.opml")
ok $(( nfeeds == nurls && nfeeds > 0 ? 0 : 1 )) "feeds.opml lists every one of the $nfeeds feeds written ($nurls)"
missing=0
for f in $(cd "$out" && find . -type f ! -name feeds.opml | sed 's|^\./||'); do
	n=$("$XMLLINT" --xpath "count(//outline[@xmlUrl='https://ci.example/$f'])" "$out/feeds.opml")
	[ "$n" = 1 ] || missing=$((missing + 1))
done
ok $missing "each file's URL is in feeds.opml once"
"$XMLLINT" --xpath 'string(/opml/@version)' "$out/feeds.opml" | grep -qx '2.0'
ok $? "OPML version 2.0"
stat -c '%i %Y' "$out/feeds.opml" >"$TMP/opml.before"
sleep 1
"$FEEDGEN" -o "$out" "$site" 2>/dev/null
stat -c '%i %Y' "$out/feeds.opml" >"$TMP/opml.after"
cmp -s "$TMP/opml.before" "$TMP/opml.after"
ok $? "a re-run leaves feeds.opml untouched (same posts, same bytes)"
"$FEEDGEN" -o "$TMP/out-rss" -f rss "$site" 2>/dev/null
n=$("$XMLLINT" --xpath 'count(//outline[@xmlUrl])' "$TMP/out-rss/feeds.opml")
r=$(find "$TMP/out-rss" -name '*.rss' | wc -l)
ok $(( n == r ? 0 : 1 )) "with -f rss it lists the $r RSS feeds only"
"$FEEDGEN" -o "$TMP/out-no" --no-opml "$site" 2>/dev/null
test -f "$TMP/out-no/feed.xml" && ! test -e "$TMP/out-no/feeds.opml"
ok $? "--no-opml: feeds but no feeds.opml"

# ---- --print-links ----

"$FEEDGEN" --print-links "$site" >"$TMP/links" 2>/dev/null
ok $(( $? == 1 ? 0 : 1 )) "--print-links: exit status 1, as -o for the bad post"
n=$(wc -l <"$TMP/links")
ok $(( n == nfeeds ? 0 : 1 )) "one <link> per feed -o writes ($n of $nfeeds)"
! grep -v '^<link type="[a-z/+]*" rel="alternate" href="https://ci.example/[^"]*" title="[^"]*" />$' "$TMP/links" >/dev/null
ok $? "each line is a <link type rel href title />"
"$FEEDGEN" --print-links --no-categories --no-tags -f atom "$site" >"$TMP/link1" 2>/dev/null
printf '<link type="application/atom+xml" rel="alternate" href="https://ci.example/feed.xml" title="CI" />\n' |
	cmp -s - "$TMP/link1"
ok $? "--no-categories --no-tags -f atom: exactly the site feed's tag"
! test -e "$site/feed.xml" && ! test -e "$site/feeds.opml"
ok $? "--print-links alone writes no file"
"$FEEDGEN" -o "$TMP/out-links" --print-links "$site" >"$TMP/links2" 2>/dev/null
test -f "$TMP/out-links/feeds.opml" && cmp -s "$TMP/links" "$TMP/links2"
ok $? "with -o: the feeds are written and the same tags printed"
if [ -w /dev/full ]; then
	"$FEEDGEN" --print-links "$site" >/dev/full 2>"$TMP/full.err"
	ok $(( $? == 2 ? 0 : 1 )) "--print-links to a full device: exit status 2"
fi

done_testing
