#!/bin/sh
# liquid-diff.sh: every template in tests/liquid/*.liquid (with its .json
# context) rendered by feedgen's Liquid (tests/liquid_render) and by Ruby's
# Liquid (Debian's ruby-liquid, through tests/liquid_ref.rb); the outputs
# must agree byte for byte. Needs ruby-liquid (.ci/packages).
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
: "${top_builddir:=$top_srcdir}"
render=$top_builddir/tests/liquid_render
ref=$top_srcdir/tests/liquid_ref.rb
export TZ=UTC

ruby -e 'require "liquid"' 2>/dev/null
ok $? "ruby-liquid is installed (apt-get install ruby-liquid)"

agree=0 total=0
for tpl in "$top_srcdir"/tests/liquid/*.liquid; do
	name=$(basename "$tpl" .liquid)
	ctx=${tpl%.liquid}.json
	total=$((total + 1))
	"$render" "$tpl" "$ctx" >"$TMP/$name.c" 2>"$TMP/$name.c.err"
	crc=$?
	ruby "$ref" "$tpl" "$ctx" >"$TMP/$name.rb" 2>"$TMP/$name.rb.err"
	rrc=$?
	if [ $crc -eq $rrc ] && cmp -s "$TMP/$name.c" "$TMP/$name.rb"; then
		agree=$((agree + 1))
		ok 0 "$name: the same output as Ruby's Liquid"
	else
		ok 1 "$name: the same output as Ruby's Liquid (exit $crc vs $rrc)"
		diff "$TMP/$name.c" "$TMP/$name.rb" | head -20 | sed 's/^/#   /'
		sed 's/^/#   feedgen: /' "$TMP/$name.c.err" | head -5
	fi
done
[ $total -gt 0 ]
ok $? "templates found"
echo "# liquid-diff: $agree of $total templates agree with ruby-liquid"
done_testing
