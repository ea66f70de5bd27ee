#!/bin/sh
# valgrind.sh: the end-to-end runs under valgrind's memcheck — no invalid
# access, no use of uninitialised memory, nothing definitely lost.
. "$(dirname "$0")/lib.sh"

if ! command -v valgrind >/dev/null; then
	echo "1..0 # SKIP valgrind is not installed (see .ci/packages-test)"
	exit 0
fi
if [ "$MEMLIMIT" = unlimited ]; then
	echo "1..0 # SKIP a sanitized build cannot run under valgrind"
	exit 0
fi
vg() { # vg NAME ARGS...: run feedgen under memcheck; ok when it reports nothing
	name=$1
	shift
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--show-leak-kinds=definite "$FEEDGEN" "$@" >"$TMP/vg.out" 2>"$TMP/vg.err"
	rc=$?
	[ $rc -ne 99 ] && ! grep -q '^==[0-9]*==' "$TMP/vg.err"
	ok $? "$name: clean under valgrind (exit $rc)"
	grep '^==[0-9]*==' "$TMP/vg.err" | head -20 | sed 's/^/# /'
}
ex="$top_srcdir/example"
vg "example site to stdout" "$ex"
vg "every feed of the example site" -o "$TMP/out" "$ex"
vg "every feed again, unchanged" -o "$TMP/out" "$ex"
vg "RSS with summaries and full text" -f rss -c both "$ex"
vg "JSON Feed" -f json "$ex"
vg "validate the written feeds" validate "$TMP/out/feed.xml" "$TMP/out/feed.rss" "$TMP/out/feed.json"
vg "validate as JSON" validate --format json "$TMP/out/feed.xml"
printf -- '---\ntitle: [broken\n---\nx\n' >"$TMP/broken.md"
mkdir -p "$TMP/bad/_posts" && cp "$TMP/broken.md" "$TMP/bad/_posts/"
printf -- '---\ntitle: ok\ndate: 2021-01-01\n---\nab\377\n' >"$TMP/bad/_posts/ok.md"
vg "a site with broken posts" --url https://v.example "$TMP/bad"
printf '<rss version="2.0"><channel><title>t</title><item><pubDate>bad</pubDate></item></channel></rss>' >"$TMP/bad.xml"
vg "an invalid feed" validate "$TMP/bad.xml"
# Over HTTP, where libcurl is loaded on demand (fetch.c): the test's own
# server on 127.0.0.1.
if command -v python3 >/dev/null; then
	python3 "$top_srcdir/tests/httpd.py" "$TMP/requests.log" >"$TMP/port" 2>/dev/null &
	srv=$!
	for i in $(seq 50); do [ -s "$TMP/port" ] && break; sleep 0.3; done
	vg "validate a feed over HTTP" validate "http://127.0.0.1:$(head -1 "$TMP/port")/ok.xml"
	vg "an HTTP error" validate "http://127.0.0.1:$(head -1 "$TMP/port")/404"
	kill "$srv" 2>/dev/null
	wait "$srv" 2>/dev/null
fi
done_testing
