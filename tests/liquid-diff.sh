#!/bin/sh
# liquid-diff.sh: every template in tests/liquid/*.liquid (with its .json
# context) rendered by feedgen's Liquid (tests/liquid_render) and by Ruby's
# Liquid (Debian's ruby-liquid, through tests/liquid_ref.rb), and each in
# tests/liquid/jekyll/ by both with Jekyll's tags and filters (Debian's
# jekyll) over the site tests/liquid/jekyll-site; the outputs and exit
# statuses must agree byte for byte. Needs ruby-liquid and jekyll
# (.ci/packages-test).
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
: "${top_builddir:=$top_srcdir}"
render=$top_builddir/tests/liquid_render
ref=$top_srcdir/tests/liquid_ref.rb
export TZ=UTC

ruby -e 'require "liquid"' 2>/dev/null
ok $? "ruby-liquid is installed (apt-get install ruby-liquid)"
ruby -e 'require "jekyll"' 2>/dev/null
ok $? "jekyll is installed (apt-get install jekyll)"

agree=0 total=0
for tpl in "$top_srcdir"/tests/liquid/*.liquid "$top_srcdir"/tests/liquid/jekyll/*.liquid; do
	name=$(basename "$(dirname "$tpl")")-$(basename "$tpl" .liquid)
	ctx=${tpl%.liquid}.json
	mode=
	case $tpl in */jekyll/*) mode="--jekyll $top_srcdir/tests/liquid/jekyll-site" ;; esac
	total=$((total + 1))
	"$render" $mode "$tpl" "$ctx" >"$TMP/$name.c" 2>"$TMP/$name.c.err"
	crc=$?
	ruby "$ref" $mode "$tpl" "$ctx" >"$TMP/$name.rb" 2>"$TMP/$name.rb.err"
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
echo "# liquid-diff: $agree of $total templates agree with ruby-liquid / jekyll"

# The templates of Liquid's own integration tests (github Shopify/liquid,
# MIT), one case a line, each rendered by both on its own.
cases=$top_srcdir/tests/liquid/shopify-cases.jsonl
"$render" --jsonl "$cases" >"$TMP/cases.c"
ruby "$ref" --jsonl "$cases" >"$TMP/cases.rb"
python3 - "$TMP/cases.c" "$TMP/cases.rb" "$cases" <<'PY'
import json, sys
c = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
r = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
t = [json.loads(l)["template"] for l in open(sys.argv[3], encoding="utf-8")]
bad = [i for i in range(len(t)) if i >= len(c) or i >= len(r) or c[i] != r[i]]
for i in bad[:10]:
    print("#   case %d: %r" % (i + 1, t[i][:100]))
    print("#     feedgen: %r" % (c[i] if i < len(c) else None,))
    print("#     liquid:  %r" % (r[i] if i < len(r) else None,))
print("# liquid-diff: %d of %d cases of Liquid's tests agree" % (len(t) - len(bad), len(t)))
sys.exit(1 if bad or not t else 0)
PY
ok $? "Liquid's own test templates: the same output as Ruby's Liquid"
done_testing
