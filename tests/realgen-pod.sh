#!/bin/sh
# realgen-pod.sh: feeds as podcast hosts and social software write them
# (tests/realgen/pod_*, social_*; tests/realgen/README-pod says which source
# each follows), each with the exact set of rules the validator reports and
# its verdict; then documents that break a rule of these namespaces (Apple
# Podcasts' tags, Podcasting 2.0, Media RSS 1.5.1, RFC 4287, RSS 2.0.11) and
# the same documents that keep it. Printed as TAP.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/validate-lib.sh"
srcdir=${top_srcdir:-.}/tests/realgen

# found FILE: "valid|invalid sev:rule sev:rule..." (each rule once, sorted).
found() {
	"$FEEDGEN" validate "$srcdir/$1" > "$tmp/out" 2>&1
	verdict=$(sed -n 's/.*: [A-Z][^:]*, \(valid\|invalid\): .*/\1/p' "$tmp/out" | tail -1)
	rules=$(sed -n 's/^.*: \(error\|warning\): .*\[\([a-z0-9-]*\)\]$/\1:\2/p' "$tmp/out" | sort -u | tr '\n' ' ')
	echo "$verdict ${rules% }"
}

# expect_set FILE "VERDICT RULES" DESCRIPTION [SED-SCRIPT]: the file (edited
# by the sed script, if any) gives that verdict and exactly those rules.
expect_set() {
	if [ -n "${4-}" ]; then
		sed -e "${pre-}" -e "$4" "$srcdir/$1" > "$tmp/edited.${1##*.}"
		got=$(srcdir=$tmp found "edited.${1##*.}")
	else
		got=$(found "$1")
	fi
	[ "$got" = "$2" ]
	st=$?
	ok $st "$1: $3"
	[ $st -eq 0 ] || { echo "# expected: $2"; echo "# got:      $got"; sed 's/^/# /' "$tmp/out"; }
}

# ---- Podcast hosts and generators ----
expect_set pod_castopod.xml "valid warning:contains-html warning:podcast-not-formalized" \
	"Castopod: proposals (podcast:social, id, previousUrl, comments, platform=) are warnings"
expect_set pod_podlove.xml "valid warning:atom-link-rel" \
	"Podlove Publisher: paged feed links, psc chapters, podcast:funding/license/person/transcript"
expect_set pod_powerpress.xml "invalid error:itunes-explicit" \
	"PowerPress 6.2.1: itunes:explicit no/clean (Apple: true or false)"
expect_set pod_podcastgenerator.xml "invalid error:itunes-explicit warning:missing-real-name" \
	"PodcastGenerator: itunes:explicit yes/no (Apple: true or false)"
expect_set pod_namespace_example.xml "invalid error:email error:podcast-guid warning:missing-atom-self-link" \
	"podcast-namespace example.xml: its placeholder guid and 'Name (addr)' authors"
expect_set pod_apple_sample.xml "invalid error:uri-absolute warning:missing-atom-self-link" \
	"Apple's sample shape: a UUID guid that is a permalink by default"

# ---- Social and media software ----
expect_set social_mastodon.xml "valid warning:missing-atom-self-link" \
	"Mastodon: media:content with rating, description and thumbnail, webfeeds:icon"
expect_set social_peertube_podcast.xml "invalid error:missing-element warning:contains-html" \
	"PeerTube: alternateEnclosure with sources, transcripts; its liveItem lacks podcast:contentLink"
expect_set social_youtube.xml "invalid error:media-group-alternatives error:missing-element error:unknown-element warning:missing-textual-content" \
	"YouTube-shaped Atom: feed published but no updated, one media:content a group"
expect_set social_gitlab.atom "invalid error:email error:unknown-element" \
	"GitLab issues.atom: GitLab's own entry elements in the Atom namespace, empty email"
expect_set social_lemmy.xml "valid warning:contains-html warning:missing-atom-self-link" \
	"Lemmy community feed: dc:creator, RFC 2822 days without a leading zero"
expect_set social_lemmy_inbox.xml "invalid error:email warning:missing-atom-self-link" \
	"Lemmy inbox feed: author is a name and a link, not an e-mail address"

# ---- Podcasting 2.0 live-item.md: "It takes the same format as a standard
# <item>": after the items it is no channel data (RSS Profile MisplacedItem) ----
# The documents below are PeerTube's with the podcast:contentLink its
# liveItem needs (live-item.md: "also required to be present").
pre='s|</podcast:liveItem>|<podcast:contentLink href="https://tube.example.fr/w/9aB8cD7eF6gH5iJ4kL3mN2">Watch on PeerTube</podcast:contentLink></podcast:liveItem>|'
expect_set social_peertube_podcast.xml "valid warning:contains-html" "a podcast:liveItem with a contentLink, after the items: no misplaced-item" \
	's|^ *$||'
expect_set social_peertube_podcast.xml "valid warning:contains-html warning:misplaced-item" "a podcast:podping after the items is channel data" \
	's|</podcast:liveItem>|</podcast:liveItem><podcast:podping usesPodping="true"/>|'

# ---- Apple Podcasts' tags, <itunes:duration>: "HH:MM:SS, H:MM:SS, MM:SS, or
# M:SS", or seconds: minutes and seconds after a colon are two digits, 00-59 ----
P=social_peertube_podcast.xml
expect_set $P "invalid error:extension-value warning:contains-html" "itunes:duration 25:77 (77 seconds)" \
	's|<itunes:duration>1517</itunes:duration>|<itunes:duration>25:77</itunes:duration>|'
expect_set $P "invalid error:extension-value warning:contains-html" "itunes:duration 25:7 (one digit of seconds)" \
	's|<itunes:duration>1517</itunes:duration>|<itunes:duration>25:7</itunes:duration>|'
expect_set $P "valid warning:contains-html" "itunes:duration 25:17, 1:05:09 and 5:07 (PowerPress's M:SS)" \
	's|<itunes:duration>1517</itunes:duration>|<itunes:duration>1:05:09</itunes:duration>|'
expect_set pod_powerpress.xml "invalid error:itunes-explicit" "itunes:duration 57:43 and 45 (seconds)" \
	's|<itunes:duration>57:43</itunes:duration>|<itunes:duration>5:07</itunes:duration>|'
# ---- Podcasting 2.0: transcript language (the RSS <language> form) and
# alternateEnclosure lang ("An IETF language tag (BCP 47)") ----
expect_set $P "invalid error:language warning:contains-html" "podcast:transcript language=\"japanese!\"" \
	's|language="ja"|language="japanese!"|'
expect_set $P "invalid error:language warning:contains-html" "podcast:alternateEnclosure lang=\"French\"" \
	's|title="480p" lang="fr"|title="480p" lang="French"|'
expect_set $P "valid warning:contains-html" "language=\"zh-Hant\" and lang=\"pt-BR\"" \
	's|language="ja"|language="zh-Hant"|; s|title="480p" lang="fr"|title="480p" lang="pt-BR"|'
# ---- alternate-enclosure.md: "The node value must be one or more
# <podcast:source> elements" ----
expect_set $P "invalid error:missing-element warning:contains-html" "a podcast:alternateEnclosure without podcast:source" \
	'/title="HLS" lang="fr">/{n;d}'
expect_set $P "valid warning:contains-html" "an alternateEnclosure with a source and podcast:integrity" \
	's|\(<podcast:source uri="https://tube.example.fr/static/web-videos/3f9c0d1e-2a4b-4c6d-8e0f-1a2b3c4d5e6f-720.mp4"/>\)|\1<podcast:integrity type="sri" value="sha384-ExVqijgYHm15PqQqdXfW95x+Rs6C+d6E/ICxyQOeFevnxNLR/wtJNrNYTjIysUBo"/>|'
# ---- guid.md: "The node value is a UUIDv5 string" (RFC 4122 §4.1.3: the
# version is the first digit of the third group) ----
expect_set $P "invalid error:podcast-guid warning:contains-html" "podcast:guid a version-4 UUID" \
	's|<podcast:guid>f2b48f6e-9c0c-5d1a|<podcast:guid>f2b48f6e-9c0c-4d1a|'
expect_set $P "valid warning:contains-html" "podcast:guid a version-5 UUID in capitals" \
	's|<podcast:guid>f2b48f6e-9c0c-5d1a-8c43-2b6b4c3a9e7d|<podcast:guid>F2B48F6E-9C0C-5D1A-8C43-2B6B4C3A9E7D|'
# ---- location.md: geo "in geoURI form, following RFC5870", osm "the first
# character of the OSM object type (Node, Way, Relation), followed by the ID" ----
C=pod_castopod.xml
expect_set $C "invalid error:extension-value warning:contains-html warning:podcast-not-formalized" \
	"podcast:location geo without geo:" 's|geo="geo:33.8404,135.7738"|geo="33.8404,135.7738"|'
expect_set $C "invalid error:extension-value warning:contains-html warning:podcast-not-formalized" \
	"podcast:location osm without its type letter" 's|osm="N1620392711"|osm="1620392711"|'
expect_set $C "valid warning:contains-html warning:podcast-not-formalized" \
	"podcast:location geo with altitude and u=, osm a way" \
	's|geo="geo:33.8404,135.7738"|geo="geo:33.8404,135.7738,104.5;u=35"|; s|osm="N1620392711"|osm="W41222377"|'
# ---- live-item.md: start and end are "an ISO8601 timestamp" (its own
# example: 2021-09-26T07:30:00.000-0600) ----
expect_set $P "invalid error:extension-value warning:contains-html" "podcast:liveItem start=\"next thursday\"" \
	's|start="2026-12-10T18:00:00.000Z"|start="next thursday"|'
expect_set $P "invalid error:extension-value warning:contains-html" "podcast:liveItem end in RFC 2822" \
	's|start="2026-12-10T18:00:00.000Z"|start="2026-12-10T18:00:00.000Z" end="Thu, 10 Dec 2026 20:00:00 +0000"|'
expect_set $P "valid warning:contains-html" "start with -0600 (the spec's form), end with +01:00" \
	's|start="2026-12-10T18:00:00.000Z"|start="2026-12-10T12:00:00.000-0600" end="2026-12-10T21:00+01:00"|'
done_testing
