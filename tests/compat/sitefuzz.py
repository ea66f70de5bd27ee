#!/usr/bin/env python3
"""sitefuzz.py: differential fuzzing of whole Jekyll sites, jekyll-feed against feedgen.

From a seed, generates a random but realistic Jekyll site (_config.yml with
url/baseurl, permalinks, time zones, collections, defaults, feed: keys,
authors; posts whose front matter and bodies mix the forms people write:
dates in every form Jekyll reads, categories and tags as strings and lists,
kramdown's extensions, inline HTML, Liquid tags and filters), builds it with
Debian's jekyll + jekyll-feed and with feedgen, and compares the feeds with
compat.py's comparison (imported, not copied). Mismatches are printed per
seed and then grouped by field and by the shape of the difference, so one
cause shows as one cluster.

What feedgen does differently on purpose (README, "Coming from jekyll-feed")
is not generated, so it does not count as a mismatch: sites without a url
(jekyll-feed's relative ids), author lists, `id:` in front matter,
`image: //host/x`, categories listed in feed.categories without posts, and
collection documents without a date (the build's clock). See SKIPPED below.

Usage:
  sitefuzz.py --feedgen PATH [--start S] [--count N] [-v] [--keep DIR]
  sitefuzz.py --write SEED DIR      (only write the site of SEED to DIR)

Exits 1 when jekyll fails to build a generated site (the generator's
fault), a feed feedgen wrote is invalid, or the share of agreeing fields
falls below --min.
"""
import argparse
import collections
import os
import random
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compat  # noqa: E402  (the comparison, reused as a module)

# What is never generated, and why (README, "Coming from jekyll-feed"):
SKIPPED = {
    "no url": "jekyll-feed's ids are then relative; feedgen writes tag: URIs",
    "author: [a, b]": "jekyll-feed prints the Ruby list; feedgen takes the first",
    "id: in front matter": "feedgen writes it as written, jekyll-feed makes it absolute",
    "image: //host/x": "jekyll-feed appends it to the site url; feedgen keeps the host",
    "feed.categories without posts": "jekyll-feed writes an empty feed; feedgen none",
    "undated collection documents": "jekyll-feed: the build's clock; feedgen the mtime",
    "no title and no name": "jekyll-feed writes no title; feedgen the url",
    "two posts of one slug in one folder": "one id: feedgen refuses the second",
}

# The lowest share of agreeing fields over the seeds run, set under what was
# measured after the fixes (tests/compat/README: seeds 1..43 98.3%, seeds
# 1..10 97.4%); what is left are the causes not yet fixed.
MIN_AGREE = 0.97

# ---- pieces ----

WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
         "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud "
         "release notes update server garden coffee rust python jekyll feed reader").split()

TITLES = [
    "Hello World", "A post about \"quotes\"", "Tom & Jerry", "It's a 'test'",
    "Rock 'n' roll -- and more...", "日本語のタイトル", "Emoji 🎉 party", "C++ (and C)",
    "Release v1.2.3: what's new", "Ampersand &amp; entity", "<b>Bold</b> title",
    "Liquid {{ site.title }} in title", "Dashes --- and -- ", "50% off!", "Über Café",
    "Question? Answer!", "Colon: subtitle", "Hash #1 post", "x < y > z",
]

CATS = ["news", "Tech", "web dev", "C++ (lang)", "life", "release-notes", "日本", "ruby",
        "Open Source", "misc"]

ZONES = [None, "UTC", "America/New_York", "Asia/Tokyo", "Europe/Berlin",
         "Australia/Adelaide", "America/Los_Angeles"]

PERMALINKS = [None, "date", "pretty", "ordinal", "none", "/:categories/:year/:month/:day/:title:output_ext",
              "/:year/:title/", "/blog/:slug", "/:title.html", "/posts/:year-:month-:day-:title/",
              "/:categories/:title/", "/:year/:i_month/:i_day/:title"]

BLOCKS = [
    "Plain paragraph with *emphasis*, **strong**, `code` and a [link](https://example.org/x).",
    "A paragraph with \"smart quotes\", 'single', it's, -- dashes --- and ellipsis...",
    "Symbols: (c) (r) (tm) << >> -> <- 1/2",
    "- item one\n- item two\n  - nested\n- item three",
    "1. first\n2. second\n3. third",
    "> A quote\n> over two lines",
    "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |",
    "Term\n: Definition of the term\n\nOther\n: Another one",
    "A sentence with a footnote.[^1]\n\n[^1]: The footnote text.",
    "*[HTML]: Hyper Text Markup Language\n\nHTML is everywhere.",
    "A paragraph with a class.\n{: .note #para-id}",
    "{::options parse_block_html=\"true\" /}\n\n<div>\n*markdown inside* div\n</div>",
    "<div markdown=\"1\">\n**Bold** in a markdown div\n</div>",
    "<div class=\"box\">\n<p>Raw HTML block</p>\n</div>",
    "<figure><img src=\"/img/a.png\" alt=\"An image\"><figcaption>Caption</figcaption></figure>",
    "```ruby\ndef hello\n  puts \"hi\"\nend\n```",
    "```\nplain fence\n  indented\n```",
    "~~~ python\nprint('x < y')\n~~~",
    "    indented code block\n    second line",
    "$$ E = mc^2 $$",
    "Inline math $$a^2 + b^2$$ in text.",
    "## A heading\n\nText under it.",
    "### Heading with `code` and *em*",
    "Setext heading\n--------------",
    "A [root-relative link](/about/) and an ![image](/img/b.jpg \"title\").",
    "A [protocol-relative link](//cdn.example.net/lib.js) here.",
    "A relative [link](other-post.html) and <a href=\"/x/y\">raw anchor</a>.",
    "Line with trailing spaces  \nand a hard break.",
    "Auto link <https://example.com/auto> and mail <me@example.com>.",
    "***",
    "Inline <span class=\"x\">HTML *not* markdown</span> and <em>em</em>.",
    "Escaped \\*stars\\* and \\_underscores\\_ and &amp; &copy; &#8212;",
    "Text with a long line " + " ".join(WORDS[:30]),
    "Strikethrough ~~gone~~ and ~single~ tilde.",
    "- [ ] task\n- [x] done",
    "Header with id {#custom-id}\n=====",
    "<!-- an HTML comment -->",
    "<script>alert(1)</script>\n\nAfter script.",
    "Emoji 😀 and CJK 中文 and RTL עברית.",
]

LIQUID = [
    "Site: {{ site.title }}.",
    "Page title: {{ page.title }}.",
    "Upcased: {{ page.title | upcase }} and {{ 'abc' | capitalize }}.",
    "Date: {{ page.date | date: '%B %d, %Y' }}.",
    "Date xml: {{ page.date | date_to_xmlschema }}.",
    "{% raw %}{{ not rendered }} {% endraw %}",
    "{% highlight ruby %}\ndef x; 1; end\n{% endhighlight %}",
    "{% highlight python linenos %}\nprint(1)\n{% endhighlight %}",
    "{% assign n = 3 %}{% for i in (1..n) %}{{ i }} {% endfor %}",
    "{% capture greeting %}Hello {{ site.title }}{% endcapture %}{{ greeting | downcase }}",
    "{% if page.tags.size > 0 %}Has tags.{% else %}No tags.{% endif %}",
    "{% for t in page.tags %}[{{ t }}]{% endfor %}",
    "{{ '/about/' | relative_url }} and {{ '/about/' | absolute_url }}",
    "{{ site.url }}{{ site.baseurl }}/x",
    "{{ page.url }}",
    "{{ 'a & b' | xml_escape }} {{ 'Hello World' | slugify }}",
    "{{ '<p>x</p>' | strip_html }} {{ 'x y z' | split: ' ' | join: '-' }}",
    "{% include note.html text=\"included note\" %}",
    "{% include note.html text=page.title %}",
    "{{ 5 | plus: 3 }} {{ 10 | divided_by: 3 }} {{ 'x' | append: 'y' }}",
    "{{ content | size }}",
    "{% unless page.draft %}Not a draft.{% endunless %}",
    "{% case page.layout %}{% when 'post' %}post{% else %}other{% endcase %}",
    "{{ page.excerpt | strip_html | truncatewords: 3 }}",
    "{{ site.data.authors.alice.name }}",
    "{{ page.categories | join: ', ' }}",
    "{{ \"It's\" | smartify }}",
    "{{ 'now' | date: '%Y' | minus: 0 | at_least: 2000 }}",
]


def words(r, lo, hi):
    return " ".join(r.choice(WORDS) for _ in range(r.randint(lo, hi)))


def yq(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_list(r, items):
    if r.random() < 0.5:
        return "[" + ", ".join(yq(i) if r.random() < 0.5 or any(c in i for c in ",[]{}:#&*") else i
                              for i in items) + "]"
    return "\n" + "".join("  - %s\n" % yq(i) for i in items).rstrip("\n")


# ---- dates ----

def date_forms(r, y, mo, d, hh, mi, ss):
    """(front matter text, needs quoting?) in the forms Jekyll accepts."""
    off = r.choice(["+0200", "-0500", "+05:30", "Z", "+00:00", "-08:00", "+1000"])
    forms = [
        "%04d-%02d-%02d" % (y, mo, d),
        "%04d-%02d-%02d %02d:%02d:%02d" % (y, mo, d, hh, mi, ss),
        "%04d-%02d-%02d %02d:%02d:%02d %s" % (y, mo, d, hh, mi, ss, off.replace(":", "")),
        "%04d-%02d-%02dT%02d:%02d:%02d%s" % (y, mo, d, hh, mi, ss, off),
        "%04d-%02d-%02d %02d:%02d" % (y, mo, d, hh, mi),
        yq("%04d-%02d-%02d %02d:%02d:%02d %s" % (y, mo, d, hh, mi, ss, off.replace(":", ""))),
        yq("%04d-%02d-%02d" % (y, mo, d)),
        "%04d-%02d-%02dT%02d:%02d:%02d.%03d%s" % (y, mo, d, hh, mi, ss, r.randint(0, 999), off),
    ]
    return r.choice(forms)


# ---- the site ----

class Site:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.files = {}
        self.posts = []          # (file name under _posts, categories, hidden)
        self.tags = set()        # the tags of the posts Jekyll shows
        self.cfg = []            # _config.yml lines

    def add(self, path, text):
        self.files[path] = text

    def write(self, root):
        for path, text in self.files.items():
            full = os.path.join(root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)


def gen_config(s):
    r = s.r
    c = []
    title = r.choice(["My Blog", "Tom & Jerry's \"Site\"", "日本のブログ", "Dev -- notes", None])
    if title is not None:
        c.append("title: " + yq(title))
    if title is None or r.random() < 0.3:
        c.append("name: " + yq(r.choice(["Named Site", "Name & Co"])))
    if r.random() < 0.6:
        c.append("description: " + yq(r.choice(["A blog about things", "Notes & thoughts",
                                                "Smart 'quotes' -- here"])))
    host = r.choice(["https://example.com", "https://example.com/", "http://blog.example.org",
                     "https://user.github.io"])
    c.append("url: " + host)
    base = r.choice(["", "", "/blog", "/blog/", "blog", "/a/b"])
    if base or r.random() < 0.3:
        c.append("baseurl: " + yq(base))
    s.permalink = r.choice(PERMALINKS)
    if s.permalink:
        c.append("permalink: " + s.permalink)
    tz = r.choice(ZONES)
    if tz:
        c.append("timezone: " + tz)
    lang = r.choice([None, "en", "en-US", "fr", "zh_CN"])
    if lang:
        c.append("lang: " + lang)
    s.author_keys = []
    a = r.randint(0, 3)
    if a == 1:
        c.append("author: " + yq(r.choice(["Jane Doe", "J. Random & Co", "山田"])))
    elif a == 2:
        c.append("author:\n  name: Site Author\n  email: site@example.com"
                 + ("\n  uri: https://example.com/about" if r.random() < 0.5 else ""))
    if r.random() < 0.5:
        s.author_keys = ["alice", "bob"]
        s.add("_data/authors.yml",
              "alice:\n  name: Alice Liddell\n  email: alice@example.com\n"
              "bob:\n  name: Bob\n  uri: https://bob.example.net/\n")
        if a == 3:
            c.append("author: alice")
    s.future = r.random() < 0.3
    if s.future:
        c.append("future: true")
    s.unpublished = r.random() < 0.2
    if s.unpublished:
        c.append("unpublished: true")
    s.drafts = r.random() < 0.2
    if s.drafts:
        c.append("show_drafts: true")
    s.sep = r.choice([None, None, "<!--more-->", "\n\n\n", "<!-- excerpt -->"])
    if s.sep is not None:
        c.append("excerpt_separator: \"%s\"" % s.sep.replace("\n", "\\n"))
    kd = []
    if r.random() < 0.3:
        kd.append("  input: GFM")
    if r.random() < 0.3:
        kd.append("  auto_ids: false")
    if r.random() < 0.3:
        kd.append("  smart_quotes: " + r.choice(["lsquo,rsquo,ldquo,rdquo",
                                                 "apos,apos,quot,quot"]))
    if kd:
        c.append("kramdown:\n" + "\n".join(kd))
    s.notes = r.random() < 0.3
    if s.notes:
        c.append("collections:\n  notes:\n    output: true\n    permalink: "
                 + r.choice(["/notes/:name/", "/notes/:title.html", "/:collection/:path/"]))
        if r.random() < 0.4:
            c.append("  posts:\n    permalink: /p/:year/:title/")
            s.permalink = "/p/:year/:title/"
    defaults = []
    if r.random() < 0.4:
        defaults.append("  - scope:\n      path: \"\"\n      type: posts\n    values:\n"
                        "      author: " + yq("Default Person"))
    if r.random() < 0.3:
        defaults.append("  - scope:\n      path: \"_posts\"\n    values:\n"
                        "      image: /img/default.png")
    if r.random() < 0.3:
        defaults.append("  - scope:\n      type: posts\n    values:\n"
                        "      tags: [fromdefault]")
    if s.notes and r.random() < 0.5:
        defaults.append("  - scope:\n      type: notes\n    values:\n      author: Note Taker")
    if defaults:
        c.append("defaults:\n" + "\n".join(defaults))
    s.cfg = c


def gen_feed_config(s):
    """feed: keys; written after the posts so categories can name used ones."""
    r = s.r
    f = []
    if r.random() < 0.3:
        f.append("  path: " + r.choice(["atom.xml", "/feeds/all.xml", "feed/index.xml"]))
    if r.random() < 0.4:
        f.append("  posts_limit: %d" % r.randint(2, 20))
    if r.random() < 0.2:
        f.append("  excerpt_only: true")
    used = sorted({c for _, cats, _ in s.posts for c in cats if c})
    if used and r.random() < 0.4:
        # only categories that have posts (SKIPPED: "feed.categories without posts")
        f.append("  categories: " + yaml_list(r, r.sample(used, min(len(used), r.randint(1, 3)))))
    if r.random() < 0.3:
        # tags.only names tags posts have: jekyll-feed's build fails on
        # one without ("Cannot sort a null object").
        tags = sorted(s.tags)
        only = ("\n    only: " + yaml_list(r, r.sample(tags, min(2, len(tags))))
                .replace("\n  -", "\n      -")) if tags else "true"
        f.append("  tags: " + r.choice(["true", "\n    path: alltags/", only,
                                        "\n    except: [misc]"]))
    if s.notes and r.random() < 0.5:
        f.append("  collections:\n    - notes")
    if f:
        s.cfg.append("feed:\n" + "\n".join(f))


def gen_front(s, title, date_text, cats, is_post=True, hidden=False):
    r = s.r
    fm = []
    if title is not None:
        fm.append("title: " + (yq(title) if r.random() < 0.7 or ":" in title or title[0] in "<{\"'&*#"
                               else title))
    if date_text is not None:
        fm.append("date: " + date_text)
    if cats:
        key = r.choice(["categories", "categories", "category"])
        if key == "category" or r.random() < 0.4:
            fm.append("%s: %s" % (key, yq(" ".join(cats)) if key == "categories" else yq(cats[0])))
            if key == "category":
                cats[:] = [cats[0]]
            else:
                cats[:] = " ".join(cats).split()
        else:
            fm.append("categories: " + yaml_list(r, cats))
    if r.random() < 0.4:
        tags = r.sample(CATS, r.randint(1, 3))
        if r.random() < 0.5:
            fm.append("tags: " + yaml_list(r, tags))
        else:
            tags = [t.split()[0] for t in tags]
            fm.append("tags: " + yq(" ".join(tags)))
        if is_post and not hidden:
            s.tags.update(tags)
    if r.random() < 0.15:
        fm.append("slug: " + r.choice(["custom-slug", "my_slug", "Mixed-Case"]))
    if r.random() < 0.1 and is_post:
        fm.append("permalink: " + r.choice(["/custom/:title/", "/fixed-%d.html" % r.randint(0, 999)]))
    a = r.random()
    if a < 0.15:
        fm.append("author: " + yq(r.choice(["Post Author", "Ünïcode Name"])))
    elif a < 0.25:
        fm.append("author:\n  name: Hash Author\n  email: hash@example.com")
    elif a < 0.35 and s.author_keys:
        fm.append("author: " + r.choice(s.author_keys))
    im = r.random()
    if im < 0.1:
        fm.append("image: /img/post.png")
    elif im < 0.15:
        fm.append("image:\n  path: /img/path.jpg")
    elif im < 0.2:
        fm.append("image: https://cdn.example.org/pic.png")
    elif im < 0.25:
        fm.append("image: relative/pic.gif")
    if r.random() < 0.2:
        fm.append("description: " + yq(r.choice(["A description & more", "Short 'desc'",
                                                 words(r, 3, 12)])))
    if r.random() < 0.1:
        fm.append("excerpt: " + yq("An explicit excerpt with <em>html</em>"))
    if r.random() < 0.1:
        fm.append("lang: " + r.choice(["de", "ja", "pt-BR"]))
    if r.random() < 0.1:
        fm.append("last_modified_at: 2024-02-03 04:05:06 +0000")
    if r.random() < 0.05:
        fm.append("excerpt_separator: \"<!--cut-->\"")
    return fm


def gen_body(s, n_blocks):
    r = s.r
    parts = []
    for i in range(n_blocks):
        x = r.random()
        if x < 0.6:
            parts.append(r.choice(BLOCKS))
        elif x < 0.9:
            parts.append(r.choice(LIQUID))
        else:
            parts.append(words(r, 5, 40).capitalize() + ".")
        if i == 0 and s.sep and s.sep.strip() and r.random() < 0.5:
            parts.append(s.sep)
    # Jekyll fails the build on a post_url or link to a post it leaves out
    # (and post_url to one in a subfolder of _posts)
    top = [p for p in s.posts if "/" not in p[0] and not p[2]]
    if top and r.random() < 0.3:
        name = r.choice(top)[0]
        parts.append("See {%% post_url %s %%} and [it]({%% post_url %s %%})."
                     % (name[:-len(os.path.splitext(name)[1])], name[:-len(os.path.splitext(name)[1])]))
    shown = [p for p in s.posts if not p[2]]
    if shown and r.random() < 0.2:
        parts.append("Linked: {%% link _posts/%s %%}" % r.choice(shown)[0])
    return "\n\n".join(parts) + "\n"


def gen_posts(s):
    r = s.r
    n = r.randint(3, 9)
    used_names = set()
    used_slugs = set()
    for i in range(n):
        y = r.choice([2015, 2019, 2021, 2023, 2024] + ([2031] if s.future or r.random() < 0.1 else []))
        mo, d = r.randint(1, 12), r.randint(1, 28)
        hh, mi, ss = r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)
        title = r.choice(TITLES) if r.random() < 0.9 else None
        # A slug once a site: two posts of one slug in one folder have one
        # id, which feedgen refuses on purpose (README, "URLs and ids").
        slug = r.choice(["hello-world", "post-%d" % i, "über-café", "a_b", "Mixed-Case",
                         "with.dot", "日本語"])
        if slug in used_slugs:
            slug = "post-%d" % i
        used_slugs.add(slug)
        ext = r.choice([".md", ".md", ".md", ".markdown", ".html"])
        name = "%04d-%02d-%02d-%s%s" % (y, mo, d, slug, ext)
        if name in used_names:
            continue
        used_names.add(name)
        cats = r.sample(CATS, r.randint(0, 2))
        date_text = date_forms(r, y, mo, d, hh, mi, ss) if r.random() < 0.7 else None
        hidden = (y > 2030 and not s.future)
        unpublished = r.random() < 0.1
        hidden = hidden or (unpublished and not s.unpublished)
        fm = gen_front(s, title, date_text, cats, hidden=hidden)
        if unpublished:
            fm.append("published: false")
        body = gen_body(s, r.randint(1, 6))
        if ext == ".html":
            body = "<p>HTML post: {{ page.title }}</p>\n<div>" + words(r, 3, 20) + "</div>\n"
        sub = r.choice(["", "", "", "tech/"])
        s.add("_posts/" + sub + name, "---\n" + "\n".join(fm) + "\n---\n" + body)
        s.posts.append((sub + name, [] if hidden else cats, hidden))
    if s.drafts:
        fm = gen_front(s, "A draft", None, [])
        s.add("_drafts/a-draft.md", "---\n" + "\n".join(fm) + "\n---\n" + gen_body(s, 2))
    if s.notes:
        for i in range(r.randint(1, 3)):
            # dated: SKIPPED "undated collection documents"
            fm = gen_front(s, "Note %d" % i, "2022-0%d-10 10:00:00 +0000" % (i + 1), [],
                           is_post=False)
            s.add("_notes/note-%d.md" % i, "---\n" + "\n".join(fm) + "\n---\n" + gen_body(s, 2))


def generate(seed):
    s = Site(seed)
    gen_config(s)
    s.add("_includes/note.html", "<aside class=\"note\">{{ include.text }}</aside>\n")
    s.add("_layouts/post.html", "<article>{{ content }}</article>\n")
    gen_posts(s)
    gen_feed_config(s)
    s.add("_config.yml", "\n".join(s.cfg) + "\n")
    return s


# ---- running ----

def signature(field, want, got):
    """The shape of a difference, so one cause makes one cluster."""
    if want is None or got is None:
        return "%s: %s" % (field, "missing in feedgen" if got is None else "missing in jekyll-feed")
    if isinstance(want, str) and isinstance(got, str):
        # Where the two first part: two characters before, then each side's
        # next four, letters and digits as "x" (so "//" in a hundred paths
        # is one cluster).
        i = 0
        while i < min(len(want), len(got)) and want[i] == got[i]:
            i += 1
        shape = lambda t: "".join("x" if c.isalnum() else c for c in t)
        return "%s: %r+%r vs %r" % (field, shape(want[max(0, i - 2):i]),
                                    shape(want[i:i + 4]), shape(got[i:i + 4]))
    if isinstance(want, float) and isinstance(got, float):
        return "%s: off by %+gs" % (field, got - want)
    return "%s: %s" % (field, type(want).__name__)


def around(want, got):
    """Both values, long strings cut to where they first differ."""
    if not (isinstance(want, str) and isinstance(got, str)) or max(len(want), len(got)) < 150:
        return compat.show(want), compat.show(got)
    i = 0
    while i < min(len(want), len(got)) and want[i] == got[i]:
        i += 1
    lo = max(0, i - 60)
    return tuple(("..." if lo else "") + repr(v[lo:i + 60]) for v in (want, got))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feedgen")
    ap.add_argument("--start", type=int, default=1)
    ap.add_argument("--count", type=int, default=5)
    ap.add_argument("--keep", help="keep each seed's site and builds under this folder")
    ap.add_argument("--write", nargs=2, metavar=("SEED", "DIR"), help="only write a site")
    ap.add_argument("--min", type=float, default=MIN_AGREE,
                    help="the lowest share of agreeing fields that passes (default %(default)s)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every difference")
    a = ap.parse_args()
    if a.write:
        generate(int(a.write[0])).write(a.write[1])
        return 0
    if not a.feedgen:
        ap.error("--feedgen is required")
    feedgen = os.path.abspath(a.feedgen)
    total = compat.Tally()
    clusters = collections.OrderedDict()
    failed = []
    t0 = time.time()
    for seed in range(a.start, a.start + a.count):
        root = tempfile.mkdtemp(prefix="sitefuzz-")
        try:
            site = os.path.join(root, "site")
            generate(seed).write(site)
            tally = compat.Tally()
            keep = os.path.join(a.keep, "seed-%d" % seed) if a.keep else None
            if keep:
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(site, os.path.join(keep, "site"))
            ok = compat.compare_site(tally, "seed-%d" % seed, site, None, feedgen,
                                     keep and os.path.join(keep, "builds"), False)
        finally:
            shutil.rmtree(root, ignore_errors=True)
        if not ok:
            failed.append(seed)
        for f in compat.FIELDS:
            total.agree[f] += tally.agree[f]
            total.total[f] += tally.total[f]
        for field, where, want, got in tally.diffs:
            total.diffs.append((field, where, want, got))
            clusters.setdefault(signature(field, want, got), []).append((seed, where, want, got))
        n = sum(tally.total.values())
        print("seed %d: %d / %d%s" % (seed, sum(tally.agree.values()), n,
                                      "" if ok else "  BUILD FAILED"), flush=True)
        if a.verbose:
            for field, where, want, got in tally.diffs:
                print("#   %-10s %s\n#     jekyll-feed: %s\n#     feedgen:     %s" % (
                    (field, where) + around(want, got)))
    print("clusters (field: shape of the difference) x count, first seed:")
    for sig, hits in sorted(clusters.items(), key=lambda kv: -len(kv[1])):
        seed, where, want, got = hits[0]
        print("  %4d  %s\n        e.g. seed %d %s\n          jekyll-feed: %s\n          feedgen:     %s"
              % ((len(hits), sig, seed, where) + around(want, got)))
    agree = sum(total.agree.values())
    n = sum(total.total.values())
    share = agree / n if n else 0.0
    invalid = total.total["valid"] - total.agree["valid"]
    print("sitefuzz: seeds %d..%d: %d / %d agree (%.1f%%, >= %.1f%%), %d invalid feeds, "
          "%d jekyll builds failed, %.0fs" % (a.start, a.start + a.count - 1, agree, n,
                                              100.0 * share, 100.0 * a.min, invalid,
                                              len(failed), time.time() - t0))
    return 1 if failed or invalid or share < a.min else 0


if __name__ == "__main__":
    sys.exit(main())
