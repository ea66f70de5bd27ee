#!/bin/sh
# validate-warn-http.sh: the W3C warning classes about the HTTP exchange that
# `feedgen validate URL` has equivalents for, each with a response that breaks
# it and one that keeps it, from tests/httpd.py on 127.0.0.1:
# EncodingMismatch (encoding-mismatch: RFC 3023 §8, RFC 7303 §3.2, the HTTP
# charset wins over the XML declaration) and SelfDoesntMatchLocation
# (self-location-mismatch: RFC 4287 §4.2.7.2, after redirects).
. "$(dirname "$0")/lib.sh"

v() { # v ARGS...: runs feedgen validate, output in $TMP/out, status in $rc
	"$FEEDGEN" validate "$@" >"$TMP/out" 2>&1
	rc=$?
}
vhas() { grep -qF -- "$1" "$TMP/out"; }

python3 "$top_srcdir/tests/httpd.py" "$TMP/requests.log" >"$TMP/port" 2>/dev/null &
srv=$!
# A loaded machine (make -j2 check) can take seconds to start python.
for i in $(seq 50); do [ -s "$TMP/port" ] && break; sleep 0.3; done
port=$(head -1 "$TMP/port")
u="http://127.0.0.1:$port"
[ -n "$port" ]
ok $? "the test server started on 127.0.0.1"

v "$u/charset-mismatch"
vhas "charset-mismatch: warning: the HTTP charset differs from the document's encoding; the HTTP charset wins: the document is encoded as utf-8, the server says charset=iso-8859-1 [encoding-mismatch]"
ok $? "declared utf-8, served with charset=iso-8859-1: a warning"
v "$u/charset-alias"
! vhas encoding-mismatch
ok $? "declared utf-8, served with charset=\"UTF8\": the same encoding, no warning"
v "$u/ok.xml"
! vhas encoding-mismatch
ok $? "declared utf-8, served with charset=utf-8: no warning"
v "$u/as-xml"
! vhas encoding-mismatch
ok $? "no charset parameter: no warning"

v "$u/self-elsewhere"
vhas "self-elsewhere:6:" && vhas "warning: the rel=\"self\" link is not the URL the document was fetched from: rel=\"self\" is http://example.com/feed.xml, not the URL it was fetched from [self-location-mismatch]"
ok $? "rel=self names another URL: a warning at the link"
v "$u/self-here.xml"
! vhas self-location-mismatch
ok $? "rel=self names the URL fetched: no warning"
v "$u/self-moved"
! vhas self-location-mismatch
ok $? "fetched through a redirect to the URL rel=self names: no warning"
v "http://127.0.0.1:$port/ok.xml"
! vhas self-location-mismatch
ok $? "no rel=self: no warning here (missing-self says so)"

kill "$srv" 2>/dev/null
wait "$srv" 2>/dev/null
done_testing
