#!/bin/sh
# validate-warn-rss.sh: the W3C Feed Validation Service's RSS warning classes
# feedgen gives (issue 14): DuplicateEnclosure, NeedDescriptionBeforeContent,
# MissingRealName, EmailFormat, UseZeroForMidnight — each with a document that breaks it (a
# warning, still valid) and one that keeps it (valid, no warning), printed as
# TAP. The documents are tests/validate/rss-ok.xml edited with sed.
. "${top_srcdir:-.}/tests/lib.sh"
FEEDGEN=${FEEDGEN:-src/feedgen}
srcdir=${top_srcdir:-.}/tests/validate
tmp=$TMP	# lib.sh's, removed on exit

# run BASE SED-SCRIPT: the edited copy checked, output in $tmp/out, exit in $rc.
run() {
	sed -e "$2" "$srcdir/$1" > "$tmp/case.${1##*.}"
	"$FEEDGEN" validate "$tmp/case.${1##*.}" > "$tmp/out" 2>&1
	rc=$?
}

show() { [ "$1" -eq 0 ] || sed 's/^/# /' "$tmp/out"; }

# expect_warning RULE LINE DESCRIPTION SED-SCRIPT: valid, one warning of RULE
# on that line and no other diagnostic.
expect_warning() {
	run rss-ok.xml "$4"
	[ $rc -eq 0 ] && grep -q ":$2:[0-9]*: warning: .*\[$1\]$" "$tmp/out" &&
		grep -q ", valid: 0 errors, 1 warning$" "$tmp/out"
	st=$?
	ok $st "$3 [$1] (a warning)"
	show $st
}

# expect_clean DESCRIPTION SED-SCRIPT: valid, no warnings.
expect_clean() {
	run rss-ok.xml "$2"
	[ $rc -eq 0 ] && grep -q ", valid: 0 errors, 0 warnings$" "$tmp/out"
	st=$?
	ok $st "$1 (valid, no warnings)"
	show $st
}

CONTENT='s|xmlns:dc=|xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc=|'
ENC='<enclosure url="https://example.org/b.mp3" length="99" type="audio/mpeg"/>'
ITEM2='<description>Only a description</description>'
BODY='<content:encoded>\&lt;p\&gt;Body\&lt;/p\&gt;</content:encoded>'

# ---- DuplicateEnclosure: RSS Best Practices Profile, one enclosure an item ----
expect_warning duplicate-enclosure 18 "an item with two enclosures" \
	"s|\(<enclosure .*/>\)|\1\n      $ENC|"
expect_clean "one enclosure in each of two items" \
	"s|$ITEM2|$ITEM2$ENC|"

# ---- NeedDescriptionBeforeContent ----
expect_warning description-before-content 21 "content:encoded before the description" \
	"$CONTENT; s|$ITEM2|$BODY\n      $ITEM2|"
expect_warning description-before-content 18 "content:encoded and no description" \
	"$CONTENT; s|\(<enclosure .*/>\)|\1\n      $BODY|"
expect_clean "the description, then content:encoded" \
	"$CONTENT; s|$ITEM2|$ITEM2$BODY|"

# ---- MissingRealName, EmailFormat: "addr (Name)" in author, managingEditor, webMaster ----
expect_warning missing-real-name 22 "an author that is an address alone" \
	"s|$ITEM2|$ITEM2\n      <author>someone@example.org</author>|"
expect_warning missing-real-name 7 "a managingEditor that is a mailto: address" \
	"s|<language>|<managingEditor>mailto:ed@example.org</managingEditor><language>|"
expect_warning email-format 7 "a webMaster written \"Name <addr>\"" \
	"s|<language>|<webMaster>Web Master \&lt;wm@example.org\&gt;</webMaster><language>|"
expect_clean "author, managingEditor and webMaster as \"addr (Name)\"" \
	"s|$ITEM2|$ITEM2<author>someone@example.org (Some One)</author>|
	 s|<language>|<managingEditor>ed@example.org (Ed Itor)</managingEditor><webMaster>wm@example.org (Web Master)</webMaster><language>|"
# Not an address at all: the email error alone, no warning besides it.
run rss-ok.xml "s|$ITEM2|$ITEM2<author>Some One</author>|"
[ $rc -eq 1 ] && grep -q '\[email\]$' "$tmp/out" && ! grep -q 'missing-real-name\|email-format' "$tmp/out"
st=$?
ok $st "an author with no address is the email error only"
show $st

# ---- UseZeroForMidnight: skipHours run 0-23 ----
expect_warning skiphours-24 11 "skipHours with hour 24" \
	"s|<skipDays>|<skipHours><hour>23</hour><hour>24</hour></skipHours><skipDays>|"
expect_clean "skipHours with hours 0 and 23" \
	"s|<skipDays>|<skipHours><hour>0</hour><hour>23</hour></skipHours><skipDays>|"

done_testing
