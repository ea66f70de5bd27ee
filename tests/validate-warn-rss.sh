#!/bin/sh
# validate-warn-rss.sh: the W3C Feed Validation Service's RSS warning classes
# feedgen gives (issue 14): DuplicateEnclosure, NeedDescriptionBeforeContent,
# MissingRealName, EmailFormat, UseZeroForMidnight — each with a document that breaks it (a
# warning, still valid) and one that keeps it (valid, no warning), printed as
# TAP. The documents are tests/validate/rss-ok.xml edited with sed.
. "${top_srcdir:-.}/tests/lib.sh"
. "${top_srcdir:-.}/tests/validate-lib.sh"

CONTENT='s|xmlns:dc=|xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc=|'
ENC='<enclosure url="https://example.org/b.mp3" length="99" type="audio/mpeg"/>'
ITEM2='<description>Only a description</description>'
BODY='<content:encoded>\&lt;p\&gt;Body\&lt;/p\&gt;</content:encoded>'

# ---- DuplicateEnclosure: RSS Best Practices Profile, one enclosure an item ----
expect_warning_at rss-ok.xml duplicate-enclosure 18 "an item with two enclosures" \
	"s|\(<enclosure .*/>\)|\1\n      $ENC|"
expect_clean rss-ok.xml "one enclosure in each of two items" \
	"s|$ITEM2|$ITEM2$ENC|"

# ---- NeedDescriptionBeforeContent ----
expect_warning_at rss-ok.xml description-before-content 21 "content:encoded before the description" \
	"$CONTENT; s|$ITEM2|$BODY\n      $ITEM2|"
expect_warning_at rss-ok.xml description-before-content 18 "content:encoded and no description" \
	"$CONTENT; s|\(<enclosure .*/>\)|\1\n      $BODY|"
expect_clean rss-ok.xml "the description, then content:encoded" \
	"$CONTENT; s|$ITEM2|$ITEM2$BODY|"

# ---- MissingRealName, EmailFormat: "addr (Name)" in author, managingEditor, webMaster ----
expect_warning_at rss-ok.xml missing-real-name 22 "an author that is an address alone" \
	"s|$ITEM2|$ITEM2\n      <author>someone@example.org</author>|"
expect_warning_at rss-ok.xml missing-real-name 7 "a managingEditor that is a mailto: address" \
	"s|<language>|<managingEditor>mailto:ed@example.org</managingEditor><language>|"
expect_warning_at rss-ok.xml email-format 7 "a webMaster written \"Name <addr>\"" \
	"s|<language>|<webMaster>Web Master \&lt;wm@example.org\&gt;</webMaster><language>|"
expect_clean rss-ok.xml "author, managingEditor and webMaster as \"addr (Name)\"" \
	"s|$ITEM2|$ITEM2<author>someone@example.org (Some One)</author>|
	 s|<language>|<managingEditor>ed@example.org (Ed Itor)</managingEditor><webMaster>wm@example.org (Web Master)</webMaster><language>|"
# Not an address at all: the email error alone, no warning besides it.
run rss-ok.xml "s|$ITEM2|$ITEM2<author>Some One</author>|"
[ $rc -eq 1 ] && grep -q '\[email\]$' "$tmp/out" && ! grep -q 'missing-real-name\|email-format' "$tmp/out"
st=$?
ok $st "an author with no address is the email error only"
show $st

# ---- UseZeroForMidnight: skipHours run 0-23 ----
expect_warning_at rss-ok.xml skiphours-24 11 "skipHours with hour 24" \
	"s|<skipDays>|<skipHours><hour>23</hour><hour>24</hour></skipHours><skipDays>|"
expect_clean rss-ok.xml "skipHours with hours 0 and 23" \
	"s|<skipDays>|<skipHours><hour>0</hour><hour>23</hour></skipHours><skipDays>|"

done_testing
