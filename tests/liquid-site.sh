#!/bin/sh
# liquid-site.sh: Liquid in a site's posts through the program — site and
# page variables, an include, highlight, post_url, an unknown tag (a warning,
# nothing printed), render_with_liquid: false, and a post with a Liquid
# syntax error (an error at file:line:col, exit 1, the other posts written).
# Then site.posts, site.categories, site.tags, site.related_posts,
# site.pages and paginator in a post, against what Debian's jekyll renders
# for the same site (needs jekyll, .ci/packages-test).
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

cat >"$site/_posts/2021-01-05-bound.md" <<'MD'
---
title: Bound
---
Before.
{% for i in (1..2000000) %}x{% endfor %}
MD

"$FEEDGEN" "$site" >"$TMP/feed.xml" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ]
ok $? "a post with a Liquid syntax error: exit status 1 (got $rc)"
grep -q '2021-01-04-broken.md:5:1: error: Liquid syntax error' "$TMP/err"
ok $? "the syntax error is reported at file:line:col"
grep -q '2021-01-05-bound.md:5:1: error: Liquid error: the range (1..2000000) is larger than the limit' "$TMP/err"
ok $? "a bound passed is an error at file:line:col"
python3 - "$TMP/feed.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
A = "{http://www.w3.org/2005/Atom}"
entries = {e.findtext(A + "title"): e for e in ET.parse(sys.argv[1]).getroot().iter(A + "entry")}
bad = [entries.get(t) for t in ("Broken", "Bound")]
ok = all(e is not None and e.find(A + "content") is None for e in bad)
ok = ok and all("{%" not in ET.tostring(e, encoding="unicode") for e in entries.values())
sys.exit(0 if ok and len(entries) == 5 else 1)
PY
ok $? "a post whose Liquid fails keeps its entry without content, never the Liquid source"
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

# site.posts and its kin, the same text as real Jekyll writes.
command -v jekyll >/dev/null
ok $? "jekyll is installed (apt-get install jekyll)"
s2=$TMP/posts-site
mkdir -p "$s2/_posts" "$s2/news/_posts"
printf 'title: Posts Site\nurl: https://example.com\n' >"$s2/_config.yml"
cat >"$s2/_posts/2021-01-01-alpha.md" <<'MD'
---
title: Alpha "one"
categories: [news, tech]
tags: [c, ruby]
description: About alpha
---
Alpha text.
MD
cat >"$s2/_posts/2021-02-01-beta.md" <<'MD'
---
title: Beta
category: tech
tags: ruby
---
Beta text.
MD
cat >"$s2/news/_posts/2021-03-01-gamma.md" <<'MD'
---
title: Gamma
tags: [c]
---
Gamma text.
MD
cat >"$s2/_posts/2021-04-01-index.md" <<'MD'
---
title: Index
---
<pre>BEGIN
{{ site.posts.size }} {% for p in site.posts %}[{{ p.title }}|{{ p.url }}|{{ p.date | date: "%Y-%m-%d %H:%M" }}|{{ p.id }}|{{ p.categories | join: "," }}|{{ p.tags | join: "," }}|{{ p.slug }}|{{ p.path }}|{{ p.relative_path }}|{{ p.description }}|{{ p.collection }}|{{ p.draft }}]
{% endfor %}
{% for c in site.categories %}{{ c[0] }}: {% for p in c[1] %}{{ p.title }}; {% endfor %}
{% endfor %}
{% for t in site.tags %}{{ t[0] }}={{ t[1].size }} {% endfor %}
{{ site.tags.ruby | map: "title" | join: "," }} {{ site.categories["news"] | map: "title" | join: "," }}
related: {% for p in site.related_posts %}{{ p.title }},{% endfor %}
{{ site.posts.first.title }} {{ site.posts.last.url }} {{ site.posts | where: "title", "Beta" | map: "url" | first }}
pages: {{ site.pages.size }} paginator: [{{ paginator }}] [{{ paginator.page }}]
{% assign s = site %}{{ s.posts[1].title }} {{ site["posts"].size }}
{% tablerow p in site.posts cols: 2 limit: 3 %}{{ p.slug }}{% endtablerow %}
END</pre>
MD
(cd "$TMP" && jekyll build -q -s "$s2" -d "$TMP/jekyll-out" --disable-disk-cache) >"$TMP/jekyll.log" 2>&1
ok $? "jekyll builds the site"
"$FEEDGEN" -f json "$s2" >"$TMP/posts.json" 2>"$TMP/posts.err"
ok $? "feedgen writes its feed"
python3 - "$TMP/jekyll-out/2021/04/01/index.html" "$TMP/posts.json" <<'PY'
import json, re, sys
def part(s):
    m = re.search(r"BEGIN.*?END", s, re.S)
    return m.group(0) if m else None
want = part(open(sys.argv[1], encoding="utf-8").read())
got = None
for item in json.load(open(sys.argv[2], encoding="utf-8"))["items"]:
    got = got or part(item.get("content_html", ""))
print("# jekyll:  %r" % want)
print("# feedgen: %r" % got)
sys.exit(0 if want and want.count("[") > 5 and got == want else 1)
PY
ok $? "site.posts, categories, tags, related_posts, pages, paginator: the text Jekyll writes"

done_testing
