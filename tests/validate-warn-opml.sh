#!/bin/sh
# validate-warn-opml.sh: the W3C warning classes about OPML outlines that
# feedgen has equivalents for, each with a document that breaks it and one
# that keeps it: InvalidOutlineVersion (opml-outline-version: OPML 2.0
# §Subscription lists, version RSS1, RSS or scriptingNews; RSS2 too).
. "$(dirname "$0")/lib.sh"

v() { # v FILE: runs feedgen validate, output in $TMP/out, status in $rc
	"$FEEDGEN" validate "$1" >"$TMP/out" 2>&1
	rc=$?
}
vhas() { grep -qF -- "$1" "$TMP/out"; }

opml() { # opml NAME OUTLINE-ATTRIBUTES: an OPML 2.0 list of one feed
	cat > "$TMP/$1.opml" <<DOC
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Feeds</title></head>
  <body>
    <outline type="rss" text="A feed" title="A feed" xmlUrl="https://example.com/feed.xml" $2/>
  </body>
</opml>
DOC
}

opml atom-version 'version="Atom"'
v "$TMP/atom-version.opml"
[ $rc = 0 ] && vhas "atom-version.opml:5:" && vhas "warning: the version of an outline of type rss should be RSS, RSS1, RSS2 or scriptingNews: version=\"Atom\" [opml-outline-version]"
ok $? "version=\"Atom\" on an rss outline: a warning (exit $rc)"
for ver in RSS RSS1 RSS2 scriptingNews rss; do
	opml "v-$ver" "version=\"$ver\""
	v "$TMP/v-$ver.opml"
	[ $rc = 0 ] && ! vhas opml-outline-version && vhas "0 errors, 0 warnings"
	ok $? "version=\"$ver\": no warning ($(tail -1 "$TMP/out"))"
done
opml none ''
v "$TMP/none.opml"
[ $rc = 0 ] && vhas "0 errors, 0 warnings"
ok $? "no version attribute: no warning"
cat > "$TMP/link.opml" <<'DOC'
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Links</title></head>
  <body>
    <outline type="link" text="A page" url="https://example.com/" version="2"/>
  </body>
</opml>
DOC
v "$TMP/link.opml"
! vhas opml-outline-version
ok $? "version on an outline that is not of type rss: not this rule's"

done_testing
