#!/bin/sh
# liquid-site.sh: Liquid in a site's posts through the program — site and
# page variables, an include, highlight, post_url, an unknown tag (a warning,
# nothing printed), render_with_liquid: false, and a post with a Liquid
# syntax error (an error at file:line:col, exit 1, the other posts written).
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"

site=$TMP/site
mkdir -p "$site/_posts" "$site/_includes" "$site/_data"
cat >"$site/_config.yml" <<'YML'
title: Liquid Site
url: https://example.com
baseurl: /blog
YML
echo 'name: Data Name' >"$site/_data/info.yml"
echo '<b>{{ include.who }}</b>' >"$site/_includes/hi.html"
cat >"$site/_posts/2021-01-01-first.md" <<'MD'
---
title: First
---
Site {{ site.title }}, {{ site.data.info.name }}, page {{ page.title | upcase }}.
{% include hi.html who="Ann" %} {% gist 12345 %}

{% highlight ruby %}
puts "<hi>"
{% endhighlight %}
MD
cat >"$site/_posts/2021-01-02-second.md" <<'MD'
---
title: Second
---
See [first]({% post_url 2021-01-01-first %}) {{ "x" | append: "y" }}.
MD
cat >"$site/_posts/2021-01-03-raw.md" <<'MD'
---
title: Raw
render_with_liquid: false
---
Literal {{ kept }} here.
MD
cat >"$site/_posts/2021-01-04-broken.md" <<'MD'
---
title: Broken
---
Text
{% if x %} never closed
MD

"$FEEDGEN" "$site" >"$TMP/feed.xml" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ]
ok $? "a post with a Liquid syntax error: exit status 1 (got $rc)"
grep -q '2021-01-04-broken.md:5:1: error: Liquid syntax error' "$TMP/err"
ok $? "the syntax error is reported at file:line:col"
grep -q "2021-01-01-first.md:5:.*unknown Liquid tag 'gist'" "$TMP/err"
ok $? "an unknown tag is a warning naming it at its line"
"$XMLLINT" --noout "$TMP/feed.xml" 2>/dev/null
ok $? "the feed is well-formed"
grep -q 'Site Liquid Site, Data Name, page FIRST' "$TMP/feed.xml"
ok $? "site, site.data and page variables are rendered"
grep -q '&lt;b&gt;Ann&lt;/b&gt;' "$TMP/feed.xml"
ok $? "an include with a parameter is rendered"
grep -q 'figure class=&quot;highlight&quot;&gt;&lt;pre&gt;&lt;code class=&quot;language-ruby&quot;' "$TMP/feed.xml"
ok $? "highlight is written as Jekyll writes it"
! grep -q 'gist' "$TMP/feed.xml"
ok $? "the unknown tag leaves nothing in the text"
grep -q 'https://example.com/blog/2021/01/01/first.html' "$TMP/feed.xml" &&
	grep -q 'first.html&quot;&gt;first' "$TMP/feed.xml"
ok $? "post_url links to the post"
grep -q 'Literal {{ kept }} here' "$TMP/feed.xml"
ok $? "render_with_liquid: false keeps the body as written"
grep -q '<title type="html">Broken</title>\|<title>Broken</title>' "$TMP/feed.xml"
ok $? "the other posts are written"

# The summary (the first paragraph) goes through Liquid too.
"$FEEDGEN" --content summary "$site" >"$TMP/summary.xml" 2>/dev/null
grep -q 'Site Liquid Site, Data Name, page FIRST' "$TMP/summary.xml" &&
	! grep -q '{{ site\|{%' "$TMP/summary.xml"
ok $? "summaries are rendered through Liquid, no Liquid source shows"
done_testing
