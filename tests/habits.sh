#!/bin/sh
# habits.sh: what a person sees around the messages (issue 16): the summary
# line after a run and its counts, -q/--quiet, colour (--color, NO_COLOR, a
# terminal or not), usage errors in one line with a hint and exit status 2,
# the accepted form in every bad option value's message (--max-size with
# K, M, G suffixes), and --help within 80 columns.
. "$(dirname "$0")/lib.sh"

# A site: two posts, a category, two tags.
site="$TMP/site"
mkdir -p "$site/_posts"
printf 'title: Habits\nurl: https://habits.example\n' >"$site/_config.yml"
printf -- '---\ntitle: One\ntags: [a]\n---\none\n' >"$site/_posts/2024-01-01-one.md"
printf -- '---\ntitle: Two\ncategories: [c]\ntags: [a, b]\n---\ntwo\n' >"$site/_posts/2024-01-02-two.md"

# summary FILE: the last line of FILE, where the summary goes.
summary() { tail -n 1 "$1"; }
# nfiles DIR: the feed files under DIR (feeds.opml is no feed).
nfiles() { find "$1" -type f ! -name feeds.opml | wc -l; }

# ---- the summary line ----

out="$TMP/out"
"$FEEDGEN" -o "$out" "$site" 2>"$TMP/err1"
rc=$?
n=$(nfiles "$out")
summary "$TMP/err1" | grep -qx "feedgen: 2 posts read, $n feeds written, 0 unchanged, 0 warnings, 0 errors" &&
	[ $rc = 0 ] && [ "$(wc -l <"$TMP/err1")" = 1 ] && [ "$n" -gt 3 ]
ok $? "-o: one line, every one of the $n feed files written, 0 unchanged"

"$FEEDGEN" -o "$out" "$site" 2>"$TMP/err2"
summary "$TMP/err2" | grep -qx "feedgen: 2 posts read, 0 feeds written, $n unchanged, 0 warnings, 0 errors"
ok $? "a second run: 0 written, all $n unchanged"

# A changed body rewrites exactly the feeds that show the post.
find "$out" -type f ! -name feeds.opml -exec md5sum {} + | sort >"$TMP/sums1"
printf -- '---\ntitle: One\ntags: [a]\n---\none, edited\n' >"$site/_posts/2024-01-01-one.md"
"$FEEDGEN" -o "$out" "$site" 2>"$TMP/err3"
find "$out" -type f ! -name feeds.opml -exec md5sum {} + | sort >"$TMP/sums2"
changed=$(comm -13 "$TMP/sums1" "$TMP/sums2" | wc -l)
summary "$TMP/err3" | grep -qx "feedgen: 2 posts read, $changed feeds written, $((n - changed)) unchanged, 0 warnings, 0 errors" &&
	[ "$changed" -gt 0 ] && [ "$changed" -lt "$n" ]
ok $? "one post edited: the $changed feeds that show it written, the others unchanged"

"$FEEDGEN" "$site" >"$TMP/feed.xml" 2>"$TMP/err4"
[ "$(cat "$TMP/err4")" = "feedgen: 2 posts read, 1 feed written, 0 unchanged, 0 warnings, 0 errors" ]
ok $? "to standard output: 1 feed written, and nothing else on standard error"

"$FEEDGEN" --print-links "$site" >"$TMP/links" 2>"$TMP/err5"
[ "$(cat "$TMP/err5")" = "feedgen: 2 posts read, 0 feeds written, 0 unchanged, 0 warnings, 0 errors" ] &&
	[ "$(wc -l <"$TMP/links")" = "$n" ]
ok $? "--print-links alone: $n links, 0 feeds written"

# Warnings and errors: the counts are the lines above the summary.
bad="$TMP/bad"
mkdir -p "$bad/_posts"
printf 'url: https://bad.example\n' >"$bad/_config.yml"
printf -- '---\ntitle: Good\n---\nfine\n' >"$bad/_posts/2024-01-01-good.md"
printf -- '---\ntitle: ""\n---\nno title\n' >"$bad/_posts/2024-01-02-untitled.md"
printf -- '---\ntitle: Bad\ndate: 2024-13-45\n---\nx\n' >"$bad/_posts/2024-01-03-bad.md"
printf -- '---\ntitle: Worse\ndate: yesterday\n---\nx\n' >"$bad/_posts/2024-01-04-worse.md"
"$FEEDGEN" "$bad" >/dev/null 2>"$TMP/berr"
rc=$?
w=$(grep -c ': warning: ' "$TMP/berr")
e=$(grep -c ': error: ' "$TMP/berr")
entries=$("$FEEDGEN" -n 0 "$bad" 2>/dev/null | grep -c '<entry>')
summary "$TMP/berr" | grep -qx "feedgen: $entries posts read, 1 feed written, 0 unchanged, $w warning, $e errors" &&
	[ "$w" = 1 ] && [ "$e" = 2 ] && [ "$entries" = 2 ] && [ $rc = 1 ]
ok $? "$w warning and $e errors counted, $entries posts read (the entries of the feed), exit status 1"

"$FEEDGEN" --diagnostics github "$bad" >/dev/null 2>"$TMP/gh"
summary "$TMP/gh" | grep -qx "feedgen: 2 posts read, 1 feed written, 0 unchanged, 1 warning, 2 errors" &&
	[ "$(grep -vc '^::' "$TMP/gh")" = 1 ]
ok $? "--diagnostics github: the annotations, then the summary line"
"$FEEDGEN" --diagnostics json "$bad" >/dev/null 2>"$TMP/js"
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["errors"] == 2 and d["warnings"] == 1' "$TMP/js"
ok $? "--diagnostics json: one JSON document on standard error, no summary line after it"

"$FEEDGEN" "$TMP/no-such-site" >/dev/null 2>"$TMP/nosite"
[ $? = 2 ] && summary "$TMP/nosite" | grep -qx "feedgen: 0 posts read, 0 feeds written, 0 unchanged, 0 warnings, 1 error"
ok $? "a site that cannot be read: the error, then 0 posts read, 1 error, exit status 2"

# validate: a summary line per document, a total with several.
"$FEEDGEN" validate "$out/feed.xml" >"$TMP/v1" 2>&1
[ $? = 0 ] && [ "$(cat "$TMP/v1")" = "$out/feed.xml: Atom 1.0, valid: 0 errors, 0 warnings" ]
ok $? "validate, one document: its summary line, no total"
printf '<rss version="2.0"><channel><title>x</title></channel></rss>\n' >"$TMP/bad.rss"
"$FEEDGEN" validate "$out/feed.xml" "$out/feed.rss" "$TMP/bad.rss" "$TMP/none.xml" >"$TMP/v2" 2>/dev/null
rc=$?
errs=$(grep -c ': error: ' "$TMP/v2")
warns=$(grep -c ': warning: ' "$TMP/v2")
summary "$TMP/v2" | grep -qx "feedgen validate: 4 documents, 2 valid, 1 invalid, 1 unreadable, $errs errors, $warns warnings\?" &&
	[ $rc = 2 ] && [ "$errs" -gt 1 ] && [ "$warns" -gt 0 ] && grep -q "bad.rss: RSS 2.0, invalid: $errs errors" "$TMP/v2"
ok $? "validate, four documents: a total (2 valid, 1 invalid with $errs errors and $warns warnings, 1 unreadable)"
"$FEEDGEN" validate --format json "$out/feed.xml" "$out/feed.rss" >"$TMP/vj" 2>&1
python3 -c 'import json, sys; assert len(json.load(open(sys.argv[1]))["documents"]) == 2' "$TMP/vj"
ok $? "validate --format json: one document, no total line"

# ---- -q, --quiet ----

"$FEEDGEN" -q -o "$TMP/q" "$site" >"$TMP/qout" 2>"$TMP/qerr"
[ $? = 0 ] && ! [ -s "$TMP/qerr" ] && ! [ -s "$TMP/qout" ] && [ "$(nfiles "$TMP/q")" = "$n" ]
ok $? "-q -o on a clean site: nothing said, every feed written"
"$FEEDGEN" --quiet "$site" >"$TMP/q.xml" 2>"$TMP/qerr"
[ $? = 0 ] && ! [ -s "$TMP/qerr" ] && grep -q '<entry>' "$TMP/q.xml"
ok $? "--quiet to standard output: the feed, nothing on standard error"
"$FEEDGEN" -q "$bad" >/dev/null 2>"$TMP/qerr"
[ $? = 1 ] && [ "$(wc -l <"$TMP/qerr")" = 2 ] && [ "$(grep -c ': error: ' "$TMP/qerr")" = 2 ]
ok $? "-q on a site with a warning and 2 errors: the 2 error lines alone, exit status 1"
"$FEEDGEN" -q -v -o "$TMP/q" "$site" >/dev/null 2>"$TMP/qv"
[ $? = 2 ] && grep -q 'quiet.*verbose' "$TMP/qv"
ok $? "-q with -v: a usage error"
"$FEEDGEN" validate -q "$out/feed.xml" "$out/feed.rss" >"$TMP/vq" 2>&1
[ $? = 0 ] && ! [ -s "$TMP/vq" ]
ok $? "validate -q on valid feeds: nothing, exit status 0"
# A duplicate title (an error) and an empty description (a warning, among
# others) in one RSS feed.
printf '<rss version="2.0"><channel><title>x</title><title>y</title><link>http://e.example/</link><description></description></channel></rss>\n' >"$TMP/mixed.rss"
"$FEEDGEN" validate "$TMP/mixed.rss" >"$TMP/vm" 2>&1
"$FEEDGEN" validate -q "$TMP/mixed.rss" >"$TMP/vmq" 2>&1
rc=$?
grep ': error: ' "$TMP/vm" >"$TMP/vm.errors"
[ $rc = 1 ] && [ -s "$TMP/vm.errors" ] && grep -q ': warning: ' "$TMP/vm" && cmp -s "$TMP/vm.errors" "$TMP/vmq"
ok $? "validate -q on an invalid feed: its error lines alone (no warnings, no summary), exit status 1"
"$FEEDGEN" validate -q --format json "$TMP/mixed.rss" >"$TMP/vmj" 2>&1
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))["documents"][0]
assert d["warnings"] > 0 and d["diagnostics"]
assert all(x["severity"] == "error" for x in d["diagnostics"])' "$TMP/vmj"
ok $? "validate -q --format json: the errors listed, the warnings only counted"
"$FEEDGEN" validate -q "$TMP/none.xml" >/dev/null 2>"$TMP/vqn"
[ $? = 2 ] && grep -q 'none.xml: error: cannot read' "$TMP/vqn"
ok $? "validate -q on a missing file: the I/O error, exit status 2"

# ---- colour ----

esc=$(printf '\033')
"$FEEDGEN" --color=always "$bad" >/dev/null 2>"$TMP/c1"
grep -q "^${esc}\[1m$bad/_posts/2024-01-03-bad.md:3:[0-9]*:${esc}\[0m ${esc}\[1;31merror:${esc}\[0m invalid date" "$TMP/c1" &&
	grep -q "${esc}\[1;33mwarning:${esc}\[0m " "$TMP/c1" &&
	! summary "$TMP/c1" | grep -q "$esc"
ok $? "--color=always: file:line:col bold, error red, warning yellow; the summary plain"
printf 'url: https://n.example\nfeed:\n  disable_in_development: true\n' >"$TMP/note.yml"
mkdir -p "$TMP/notesite" && cp "$TMP/note.yml" "$TMP/notesite/_config.yml"
env -u JEKYLL_ENV "$FEEDGEN" --color=always -o "$TMP/nout" "$TMP/notesite" 2>"$TMP/c2"
grep -q "${esc}\[1;36mnote:${esc}\[0m " "$TMP/c2"
ok $? "--color=always: note cyan"
NO_COLOR=1 "$FEEDGEN" --color=always "$bad" >/dev/null 2>"$TMP/c3"
grep -q "$esc" "$TMP/c3"
ok $? "--color=always wins over NO_COLOR"
for args in "--color=never" "--color=auto" ""; do
	"$FEEDGEN" $args "$bad" >/dev/null 2>"$TMP/c4"
	! grep -q "$esc" "$TMP/c4" && grep -q ': error: ' "$TMP/c4"
	ok $? "${args:-no --color}, standard error not a terminal: no colour"
done
for form in json github; do
	"$FEEDGEN" --color=always --diagnostics $form "$bad" >/dev/null 2>"$TMP/c5"
	! grep -q "$esc" "$TMP/c5"
	ok $? "--color=always --diagnostics $form: no colour"
done
"$FEEDGEN" validate --color=always "$TMP/mixed.rss" >"$TMP/c6" 2>&1
"$FEEDGEN" validate "$TMP/mixed.rss" >"$TMP/c7" 2>&1
grep -q "${esc}\[1;31merror:" "$TMP/c6" && ! grep -q "$esc" "$TMP/c7"
ok $? "validate: --color=always colours, a pipe does not"
"$FEEDGEN" validate --color=always --format github "$TMP/mixed.rss" >"$TMP/c8" 2>&1
! grep -q "$esc" "$TMP/c8"
ok $? "validate --format github: never colour"
# On a terminal (script(1) runs the command on a pseudo-terminal).
onpty() { # onpty OUTFILE ENV-ASSIGNMENTS...: the bad site on a terminal
	f=$1
	shift
	env "$@" script -qec "'$FEEDGEN' '$bad' >/dev/null" /dev/null >"$f" 2>&1
}
onpty "$TMP/t1" TERM=xterm
grep -q "${esc}\[1;31merror:" "$TMP/t1"
ok $? "a terminal: colour"
onpty "$TMP/t2" TERM=xterm NO_COLOR=1
! grep -q "$esc" "$TMP/t2" && grep -q 'error:' "$TMP/t2"
ok $? "a terminal with NO_COLOR=1: no colour"
onpty "$TMP/t3" TERM=xterm NO_COLOR=
grep -q "${esc}\[1;31merror:" "$TMP/t3"
ok $? "a terminal with NO_COLOR empty: colour"
onpty "$TMP/t4" TERM=dumb
! grep -q "$esc" "$TMP/t4" && grep -q 'error:' "$TMP/t4"
ok $? "TERM=dumb: no colour"

# ---- usage errors: one line, a hint, exit status 2 ----

# usage_error DESCRIPTION EXPECTED-FIRST-LINE ARGS...
usage_error() {
	desc=$1 want=$2
	shift 2
	"$FEEDGEN" "$@" >"$TMP/uout" 2>"$TMP/uerr"
	rc=$?
	case $1 in validate | diff | ping) hint="Try 'feedgen $1 --help' for more information." ;;
	*) hint="Try 'feedgen --help' for more information." ;; esac
	[ $rc = 2 ] && ! [ -s "$TMP/uout" ] && [ "$(wc -l <"$TMP/uerr")" = 2 ] &&
		[ "$(head -n 1 "$TMP/uerr")" = "$want" ] && [ "$(tail -n 1 "$TMP/uerr")" = "$hint" ]
	ok $? "$desc: '$want' and the hint, exit status 2"
	[ $rc = 2 ] || sed 's/^/# /' "$TMP/uerr"
}
usage_error "an unknown option" "feedgen: unrecognized option '--bogus'" --bogus "$site"
usage_error "an unknown short option" "feedgen: invalid option -- 'x'" -x "$site"
usage_error "a missing value" "feedgen: option requires an argument -- 'o'" "$site" -o
usage_error "no site" "feedgen: no site folder given"
usage_error "two sites" "feedgen: one site folder, not 2 ('$bad' too)" "$site" "$bad"
usage_error "validate: an unknown option" "feedgen validate: unrecognized option '--bogus'" validate --bogus x
usage_error "validate: a missing value" "feedgen validate: option '--timeout' requires an argument" validate x --timeout
usage_error "validate: nothing to check" "feedgen validate: no FILE, DIR, URL or - given" validate
usage_error "diff: an unknown option" "feedgen diff: unrecognized option '--bogus'" diff --bogus a b
usage_error "diff: one feed" "feedgen diff: give two feeds, OLD and NEW" diff a
usage_error "diff: --timeout" "feedgen diff: --timeout '1.5': a whole number of seconds from 1 to 86400" diff --timeout 1.5 a b
usage_error "ping: an unknown option" "feedgen ping: unrecognized option '--bogus'" ping --bogus x
usage_error "ping: nothing to ping" "feedgen ping: give the output folder of feedgen -o, or feed URLs" ping
usage_error "ping: --tries" "feedgen ping: --tries '0': a whole number from 1 to 10" ping --tries 0 x
usage_error "ping: --hub" "feedgen ping: --hub 'ftp://h/': an http or https URL" ping --hub ftp://h/ x
usage_error "--no-opml without -o" "feedgen: --prune, --verbose and --no-opml need -o DIR" --no-opml "$site"

# Every bad option value says what is accepted.
usage_error "--limit" "feedgen: --limit 'ten': a whole number of posts, 0 for all" -n ten "$site"
usage_error "--limit empty" "feedgen: --limit '': a whole number of posts, 0 for all" --limit= "$site"
usage_error "--limit negative" "feedgen: --limit '-1': a whole number of posts, 0 for all" --limit=-1 "$site"
usage_error "--content" "feedgen: --content 'all': full, summary or both" -c all "$site"
usage_error "--format" "feedgen: --format 'xml': atom, rss, json, a list of them (atom,rss) or all" -o "$TMP/f" -f xml "$site"
usage_error "--format, a list to stdout" "feedgen: --format 'atom,rss': atom, rss, json (a list or all needs -o or --print-links)" -f atom,rss "$site"
usage_error "--url" "feedgen: --url 'example.com': an absolute http or https URL with a host (https://example.com)" --url example.com "$site"
usage_error "--url, control characters escaped" "feedgen: --url 'a\\x1bb': an absolute http or https URL with a host (https://example.com)" --url "a${esc}b" "$site"
usage_error "--diagnostics" "feedgen: --diagnostics 'xml': gnu, json or github" --diagnostics xml "$site"
usage_error "--color" "feedgen: --color 'yes': auto, always or never" --color=yes "$site"
usage_error "--output empty" "feedgen: --output '': a folder name" -o "" "$site"
usage_error "validate --format" "feedgen validate: --format 'xml': gnu, json or github" validate --format xml x
usage_error "validate --color" "feedgen validate: --color 'on': auto, always or never" validate --color on x
usage_error "validate --timeout 1.5" "feedgen validate: --timeout '1.5': a whole number of seconds from 1 to 86400" validate --timeout 1.5 x
usage_error "validate --timeout 0" "feedgen validate: --timeout '0': a whole number of seconds from 1 to 86400" validate --timeout 0 x
usage_error "validate --timeout 86401" "feedgen validate: --timeout '86401': a whole number of seconds from 1 to 86400" validate --timeout 86401 x
for size in 1.5M 10X 0 -5 k 5KK 99999999999999999999 9999999999G; do
	usage_error "validate --max-size $size" "feedgen validate: --max-size '$size': a whole number of bytes, or with K, M or G (K = 1024): 512K, 50M, 2G" validate --max-size "$size" x
done
for size in 100 1k 1K 50M 2G 512KiB 64MB 7B; do
	"$FEEDGEN" validate --max-size "$size" "$out/feed.xml" >/dev/null 2>&1
	ok $? "validate --max-size $size is taken"
done

# K is 1024 bytes: the limit a fetch reports.
python3 "$top_srcdir/tests/httpd.py" "$TMP/requests.log" >"$TMP/port" 2>/dev/null &
srv=$!
for i in $(seq 50); do [ -s "$TMP/port" ] && break; sleep 0.3; done
port=$(head -1 "$TMP/port")
for size in 1k:1024 2KiB:2048 3M:3145728; do
	"$FEEDGEN" validate --max-size "${size%%:*}" "http://127.0.0.1:$port/big" >"$TMP/big" 2>&1
	[ $? = 2 ] && grep -q "larger than the limit of ${size#*:} bytes" "$TMP/big"
	ok $? "--max-size ${size%%:*}: a body past ${size#*:} bytes is refused"
done
kill "$srv" 2>/dev/null
wait "$srv" 2>/dev/null

# ---- --help within 80 columns ----

for cmd in "" validate; do
	"$FEEDGEN" $cmd --help >"$TMP/help"
	wide=$(awk 'length > 80' "$TMP/help" | wc -l)
	[ "$wide" = 0 ] && [ "$(wc -l <"$TMP/help")" -gt 10 ]
	ok $? "feedgen${cmd:+ $cmd} --help: every line within 80 columns ($wide wider)"
done
# The summary line as --help shows its form is the one a run prints.
form=$("$FEEDGEN" --help | sed -n 's/^ *\(feedgen: N posts read.*\)/\1/p')
summary "$TMP/berr" | sed 's/[0-9][0-9]*/N/g; s/warning,/warnings,/; s/ post / posts /; s/ feed / feeds /' | grep -qxF "$form"
ok $? "--help shows the summary line's form ($form)"

done_testing
