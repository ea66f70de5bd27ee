#!/bin/sh
# validate-warn-atom.sh: the W3C Feed Validation Service's warning classes on
# Atom and atom:link that feedgen gives with rules of their own, printed as
# TAP. Each case edits a copy of tests/validate/atom-ok.xml or rss-ok.xml
# (valid, no warning) with sed: one edit breaks the rule and expects its
# warning (exit 0, the feed still valid), one keeps it and expects no warning.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/validate-lib.sh"

# ---- RelativeSelf: the self link must resolve with what the feed holds ----
expect_warning atom-ok.xml relative-self "Atom feed's self link relative, no xml:base" \
	's|rel="self" href="https://example.org/feed.xml"|rel="self" href="/feed.xml"|'
expect_warning rss-ok.xml relative-self "RSS channel's atom:link self relative, no xml:base" \
	's|rel="self" href="https://example.org/feed.rss"|rel="self" href="feed.rss"|'
expect_warning atom-ok.xml relative-self "only a relative xml:base in scope" \
	's|rel="self" href="https://example.org/feed.xml"|rel="self" href="feed.xml" xml:base="/blog/"|'
expect_clean atom-ok.xml "a relative self link under the feed's absolute xml:base" \
	's|xml:lang="en"|xml:lang="en" xml:base="https://example.org/"|; s|rel="self" href="https://example.org/feed.xml"|rel="self" href="/feed.xml"|'
expect_clean atom-ok.xml "a relative xml:base under an absolute one" \
	's|xml:lang="en"|xml:lang="en" xml:base="https://example.org/"|; s|rel="self" href="https://example.org/feed.xml"|rel="self" href="feed.xml" xml:base="blog/"|'
expect_clean atom-ok.xml "a relative alternate link is not a self link" \
	's|<link href="https://example.org/"/>|<link href="/"/>|'

# ---- DuplicateUpdated: versions of one entry with one atom:updated ----
entry2='s|</feed>|<entry><title>Again</title><link href="https://example.org/b.html"/><id>tag:example.org,2024:first</id><updated>UPDATED</updated><summary>b</summary></entry></feed>|'
expect_warning atom-ok.xml atom-duplicate-updated "two entries with one id and one updated" \
	"$(echo "$entry2" | sed 's/UPDATED/2024-05-01T10:00:00Z/')"
run atom-ok.xml "$(echo "$entry2" | sed 's/UPDATED/2024-05-02T10:00:00Z/')"
! grep -q "atom-duplicate-updated" "$tmp/out" && grep -q "atom-duplicate-id" "$tmp/out"
st=$?
ok $st "one id, different updated: versions, not atom-duplicate-updated"
show $st
expect_clean atom-ok.xml "two entries with one updated and different ids" \
	"$(echo "$entry2" | sed 's/UPDATED/2024-05-01T10:00:00Z/; s/2024:first<\/id><updated>2024-05-01T10:00:00Z/2024:second<\/id><updated>2024-05-01T10:00:00Z/')"

# ---- FeedHistoryRelInEntry: RFC 5005's archive relations are the feed's ----
expect_warning atom-ok.xml feed-history-rel-in-entry "rel=prev-archive on an entry's link" \
	's|<link href="https://example.org/2024/05/01/first.html"/>|&<link rel="prev-archive" href="https://example.org/2024/04/"/>|'
expect_warning atom-ok.xml feed-history-rel-in-entry "rel=current on an entry's link" \
	's|<link href="https://example.org/2024/05/01/first.html"/>|&<link rel="current" href="https://example.org/feed.xml"/>|'
expect_clean atom-ok.xml "rel=prev-archive and current on the feed's links" \
	's|<link href="https://example.org/"/>|&<link rel="prev-archive" href="https://example.org/2024/04/"/><link rel="current" href="https://example.org/feed.xml"/>|'

# ---- AtomLinkNotEmpty: atom:link's content means nothing ----
expect_warning atom-ok.xml atom-link-not-empty "text in an Atom link" \
	's|<link href="https://example.org/"/>|<link href="https://example.org/">Home</link>|'
expect_warning rss-ok.xml atom-link-not-empty "text in RSS's atom:link" \
	's|type="application/rss+xml"/>|type="application/rss+xml">feed</atom:link>|'
expect_clean atom-ok.xml "only white space in an Atom link" \
	's|<link href="https://example.org/"/>|<link href="https://example.org/">  </link>|'

# ---- MissingCurrentInArchive: an archive document names its current feed ----
fh='s|xml:lang="en">|xmlns:fh="http://purl.org/syndication/history/1.0" xml:lang="en"><fh:archive/>|'
expect_warning atom-ok.xml archive-missing-current "fh:archive without rel=current" "$fh"
expect_clean atom-ok.xml "fh:archive with rel=current" \
	"$fh; s|<link href=\"https://example.org/\"/>|&<link rel=\"current\" href=\"https://example.org/feed.xml\"/>|"
expect_clean atom-ok.xml "no fh:archive, no rel=current" \
	's|xml:lang="en">|xmlns:fh="http://purl.org/syndication/history/1.0" xml:lang="en">|'

# ---- SelfNotAtom: an Atom feed's self link is Atom ----
expect_warning atom-ok.xml self-not-atom "self link of type text/html in an Atom feed" \
	's|type="application/atom+xml"|type="text/html"|'
expect_warning atom-ok.xml self-not-atom "self link of type application/rss+xml in an Atom feed" \
	's|type="application/atom+xml"|type="application/rss+xml"|'
expect_clean atom-ok.xml "self link of type application/atom+xml;type=feed" \
	's|type="application/atom+xml"|type="application/atom+xml;type=feed"|'
expect_clean rss-ok.xml "RSS's self link of type application/rss+xml" ''

done_testing
