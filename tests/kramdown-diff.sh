#!/bin/sh
# kramdown-diff.sh: feedgen's Markdown against kramdown's, as Jekyll 4.3 calls
# it (Debian's ruby-kramdown, ruby-kramdown-parser-gfm, ruby-rouge). Every
# tests/markdown/*.md is rendered by both and compared as the HTML a reader
# sees (tests/kramdown-diff.rb says what is normalized). The inputs: posts of
# the shape real Jekyll blogs have, written for this test, and kd-*.md, cases
# of kramdown's own test suite (test/testcases, github gettalong/kramdown,
# MIT licence, Copyright (C) 2009-2019 Thomas Leitner).
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
: "${top_builddir:=$top_srcdir}"
MDRENDER=$top_builddir/tests/mdrender
# The share of inputs that must agree: set from what feedgen reaches (see
# README, "Markdown"), so a change that loses agreement fails here.
THRESHOLD=${KRAMDOWN_THRESHOLD:-79}

ruby -e 'require "kramdown"; require "kramdown-parser-gfm"; require "rouge"' 2>/dev/null
ok $? "ruby with kramdown, kramdown-parser-gfm and rouge is installed"

mkdir -p "$TMP/html"
"$MDRENDER" "$TMP/html" "$top_srcdir"/tests/markdown/*.md
ok $? "feedgen renders every input"

ruby "$top_srcdir/tests/kramdown-diff.rb" -v "$top_srcdir/tests/markdown" "$TMP/html" >"$TMP/report"
ok $? "kramdown renders every input"
sed 's/^/# /' "$TMP/report"


set -- $(sed -n 's|^agree \([0-9]*\)/\([0-9]*\) exact \([0-9]*\)/.*|\1 \2 \3|p' "$TMP/report")
agree=${1:-0} total=${2:-0} exact=${3:-0}
[ "$total" -gt 0 ]
ok $? "inputs compared: $total"
pct=$(( total ? agree * 100 / total : 0 ))
[ "$pct" -ge "$THRESHOLD" ]
ok $? "agreement with kramdown: $agree/$total ($pct%, threshold $THRESHOLD%), exact bytes: $exact/$total"

# The comparison can fail: a rendering that loses a feature must differ.
mkdir -p "$TMP/broken"
for f in "$TMP"/html/*.html; do
	sed 's/<sup[^>]*>.*<\/sup>//; s/ id="[^"]*"//' "$f" >"$TMP/broken/$(basename "$f")"
done
ruby "$top_srcdir/tests/kramdown-diff.rb" "$top_srcdir/tests/markdown" "$TMP/broken" >"$TMP/report2"
broken=$(sed -n 's|^agree \([0-9]*\)/.*|\1|p' "$TMP/report2")
[ "${broken:-0}" -lt "$agree" ]
ok $? "without footnote marks and ids, agreement drops ($broken < $agree)"

done_testing
