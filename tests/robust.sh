#!/bin/sh
# robust.sh: `feedgen validate` on real-world feeds it was not written for —
# the test data of a Go feed parser that Debian ships (MIT). Whatever their
# verdict, each must end in time, within bounded memory, without a crash.
. "$(dirname "$0")/lib.sh"

dir=/usr/share/gocode/src/github.com/mmcdole/gofeed/testdata
if [ ! -d "$dir" ]; then
	echo "1..0 # SKIP golang-github-mmcdole-gofeed-dev is not installed (see .ci/packages-test)"
	exit 0
fi
find "$dir" -name '*.xml' | sort >"$TMP/list"
total=$(wc -l <"$TMP/list")
crashed=0
while read -r f; do
	# 512 MB of address space and 20 s are far above what any of them needs.
	(ulimit -v $MEMLIMIT; timeout 20 "$FEEDGEN" validate --quiet "$f") >/dev/null 2>"$TMP/err"
	rc=$?
	if [ $rc -gt 2 ] || grep -q 'Sanitizer\|runtime error' "$TMP/err"; then
		echo "# exit $rc: $f"
		crashed=$((crashed + 1))
	fi
done <"$TMP/list"
[ "$total" -gt 400 ]
ok $? "more than 400 real feeds found ($total)"
ok $crashed "every one ends with status 0, 1 or 2 in time ($crashed did not)"
"$FEEDGEN" validate --quiet $(grep '/rss/' "$TMP/list" | head -50) >/dev/null 2>&1
[ $? -le 1 ]
ok $? "fifty of them in one run"
done_testing
