#!/usr/bin/env python3
"""compat.py: the feeds jekyll-feed writes against the feeds feedgen writes.

For each fixture site under tests/compat/sites/ (and each config variant of it
under tests/compat/variants/SITE--NAME.yml), the site is copied to a scratch
folder, built with Debian's real `jekyll` + `jekyll-feed`, and with
`feedgen -o`; then every Atom feed jekyll-feed wrote is compared with the
feed feedgen wrote at the same path, entry by entry, field by field. What a
reader sees is compared: dates as instants, titles, summaries and content as
text (HTML to text, white space folded), categories as sets.

Prints "field  agreeing / compared" per field and a total, and exits 1 when a
field's agreement falls below its threshold in THRESHOLDS (set from measured
runs; raise them as feedgen comes closer), or when a build fails.

Usage: compat.py --feedgen PATH [--sites DIR] [--variants DIR] [-v] [--keep DIR]
"""
import argparse
import datetime
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"

FIELDS = ["valid", "feed-path", "feed-title", "feed-subtitle", "feed-author", "feed-link",
          "entries", "id", "link", "published", "updated", "title", "summary",
          "content", "categories", "author", "image"]

# The lowest agreement (agreeing / compared) each field may fall to, as
# measured on the fixtures (see tests/compat/README). A field below its
# threshold fails the run. "valid" counts the files feedgen wrote that
# `feedgen validate` passes (feedgen's own rule: every feed it writes is valid).
# "id" differs on purpose for fixture sites without a url: jekyll-feed writes
# relative ids ("/2015/05/18/x.html"), which no reader can use, feedgen valid
# tag: URIs (README, "URLs and ids"); 10 of the entries.
THRESHOLDS = {
    "valid": 1.0, "feed-path": 0.99, "feed-title": 0.99, "feed-subtitle": 0.99,
    "feed-author": 0.99, "feed-link": 0.99, "entries": 0.99, "id": 0.96, "link": 0.99,
    "published": 0.99, "updated": 0.99, "title": 0.99, "summary": 0.97, "content": 0.99,
    "categories": 0.99, "author": 0.99, "image": 0.99,
}
TOTAL_THRESHOLD = 0.99

# Fixed so both builds agree on the clock and on Jekyll.env.
ENV_FIXED = {"TZ": "UTC", "JEKYLL_ENV": "production", "LC_ALL": "C.UTF-8"}


# ---- text as a reader sees it ----

class _Text(html.parser.HTMLParser):
    BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
             "pre", "blockquote", "table", "tr", "td", "th", "dd", "dt", "dl",
             "hr", "figure", "figcaption", "section", "article", "header", "footer"}
    SKIP = {"script", "style"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        if tag in self.BLOCK:
            self.out.append(" ")
        if tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.out.append(alt)

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag in self.BLOCK:
            self.out.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def squeeze(s):
    return re.sub(r"\s+", " ", s or "").strip()


def html_text(s):
    p = _Text()
    p.feed(s or "")
    p.close()
    return squeeze("".join(p.out))


def text_of(el):
    """An Atom text construct as the text a reader sees."""
    if el is None:
        return None
    kind = el.get("type", "text")
    if kind == "xhtml":
        return squeeze("".join(el.itertext()))
    raw = el.text or ""
    return html_text(raw) if kind == "html" else squeeze(raw)


def instant(s):
    if not s:
        return None
    try:
        return datetime.datetime.fromisoformat(s.strip().replace("Z", "+00:00")).timestamp()
    except ValueError:
        return "bad:" + s


def person(el):
    if el is None:
        return None
    parts = [squeeze(el.findtext(ATOM + k) or "") for k in ("name", "email", "uri")]
    return tuple(parts) if any(parts) else None


def image(entry):
    """jekyll-feed writes the image twice: media:thumbnail and media:content."""
    th = entry.find(MEDIA + "thumbnail")
    mc = entry.find(MEDIA + "content")
    return (th.get("url") if th is not None else None,
            mc.get("url") if mc is not None else None,
            mc.get("medium") if mc is not None else None)


def alt_link(el):
    for ln in el.findall(ATOM + "link"):
        if ln.get("rel", "alternate") == "alternate":
            return ln.get("href")
    return None


def entry_fields(e):
    return {
        "id": squeeze(e.findtext(ATOM + "id")),
        "link": alt_link(e),
        "published": instant(e.findtext(ATOM + "published")),
        "updated": instant(e.findtext(ATOM + "updated")),
        "title": text_of(e.find(ATOM + "title")),
        "summary": text_of(e.find(ATOM + "summary")) or None,
        "content": text_of(e.find(ATOM + "content")) or None,
        "categories": sorted({c.get("term") for c in e.findall(ATOM + "category")}),
        "author": person(e.find(ATOM + "author")),
        "image": image(e),
    }


def feed_fields(root):
    return {
        "feed-title": text_of(root.find(ATOM + "title")) or None,
        "feed-subtitle": text_of(root.find(ATOM + "subtitle")),
        "feed-author": person(root.find(ATOM + "author")),
        "feed-link": alt_link(root),
    }


def load_atom(path):
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return None
    return root if root.tag == ATOM + "feed" else None


# ---- building ----

def merged_config(site, variant):
    with open(os.path.join(site, "_config.yml"), encoding="utf-8") as f:
        cfg = yaml.safe_load(f) or {}
    if variant:
        with open(variant, encoding="utf-8") as f:
            over = yaml.safe_load(f) or {}
        cfg = deep_merge(cfg, over)
    return cfg


def deep_merge(a, b):
    """Jekyll::Utils.deep_merge_hashes: b's keys win, hashes merge."""
    out = dict(a)
    for k, v in b.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = deep_merge(out[k], v)
        else:
            out[k] = v
    return out


def prepare(site, variant, scratch):
    src = os.path.join(scratch, "src")
    shutil.copytree(site, src, symlinks=True)
    cfg = merged_config(site, variant)
    env = cfg.pop("_compat_env", None) or {}
    plugins = cfg.get("plugins") or []
    if "jekyll-feed" not in plugins:
        cfg["plugins"] = list(plugins) + ["jekyll-feed"]
    with open(os.path.join(src, "_config.yml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(cfg, f, allow_unicode=True, sort_keys=False)
    return src, env


def run(cmd, env):
    r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, errors="replace")
    return r.returncode, r.stdout


def atom_feeds(out):
    """Every Atom feed under out, by path relative to it."""
    found = {}
    for d, _, files in os.walk(out):
        for name in files:
            if not name.endswith(".xml"):
                continue
            full = os.path.join(d, name)
            root = load_atom(full)
            if root is not None:
                found[os.path.relpath(full, out)] = root
    return found


# ---- comparing ----

class Tally:
    def __init__(self):
        self.agree = {f: 0 for f in FIELDS}
        self.total = {f: 0 for f in FIELDS}
        self.diffs = []

    def add(self, field, ok, where, want=None, got=None):
        self.total[field] += 1
        if ok:
            self.agree[field] += 1
        else:
            self.diffs.append((field, where, want, got))


def pair_entries(want, got):
    """Pairs each jekyll-feed entry with feedgen's: by id, then by link,
    then by position among those left."""
    pairs, used = [], set()
    by_id = {}
    by_link = {}
    for i, g in enumerate(got):
        by_id.setdefault(g["id"], i)
        by_link.setdefault(g["link"], i)
    rest = []
    for w in want:
        i = by_id.get(w["id"])
        if i is None or i in used:
            i = by_link.get(w["link"])
        if i is not None and i not in used:
            used.add(i)
            pairs.append((w, got[i]))
        else:
            rest.append(w)
    left = [g for i, g in enumerate(got) if i not in used]
    for w in rest:
        pairs.append((w, left.pop(0) if left else None))
    return pairs


def effective_author(entries, feed_author):
    """RFC 4287 4.2.1: an entry without an author has the feed's."""
    for e in entries:
        if e["author"] is None:
            e["author"] = feed_author


def compare_feed(tally, where, want_root, got_root):
    wf, gf = feed_fields(want_root), feed_fields(got_root) if got_root is not None else {}
    for k in ("feed-title", "feed-subtitle", "feed-author", "feed-link"):
        if wf[k] is None and gf.get(k) is None:
            continue
        tally.add(k, wf[k] == gf.get(k), where, wf[k], gf.get(k))
    want = [entry_fields(e) for e in want_root.findall(ATOM + "entry")]
    got = [entry_fields(e) for e in got_root.findall(ATOM + "entry")] if got_root is not None else []
    effective_author(want, wf["feed-author"])
    effective_author(got, gf.get("feed-author"))
    for w, g in pair_entries(want, got):
        at = "%s [%s]" % (where, w["link"])
        tally.add("entries", g is not None, at)
        for k in ("id", "link", "published", "updated", "title", "summary", "content",
                  "categories", "author", "image"):
            if k == "author" and w[k] is None:
                # jekyll-feed writes <name></name> when no one is the author;
                # feedgen the site's title (RFC 4287 4.1.1 wants a name).
                continue
            gv = g[k] if g is not None else None
            tally.add(k, w[k] == gv, at, w[k], gv)
    extra = len(got) - len(want)
    if extra > 0:
        for _ in range(extra):
            tally.add("entries", False, where, "(none)", "an entry jekyll-feed does not write")


def compare_site(tally, name, site, variant, feedgen, keep, verbose):
    scratch = tempfile.mkdtemp(prefix="compat-")
    try:
        src, extra_env = prepare(site, variant, scratch)
        env = dict(os.environ, **ENV_FIXED)
        env.update({str(k): str(v) for k, v in extra_env.items()})
        j_out, f_out = os.path.join(scratch, "jekyll"), os.path.join(scratch, "feedgen")
        rc, log = run(["jekyll", "build", "-q", "-s", src, "-d", j_out,
                       "--disable-disk-cache"], env)
        if rc != 0:
            print("compat: %s: jekyll build failed:\n%s" % (name, log), file=sys.stderr)
            return False
        rc, log = run([feedgen, "-o", f_out, src], env)
        if verbose and log.strip():
            print("# %s: feedgen says:\n# %s" % (name, log.strip().replace("\n", "\n# ")))
        # Without a url neither writes absolute ids (jekyll-feed's ids are
        # then "/2015/...", which no Atom validator passes): only sites with
        # a url are held to validity.
        has_url = bool(merged_config(site, variant).get("url"))
        for d, _, files in (os.walk(f_out) if has_url else []):
            for fn in sorted(files):
                if os.path.splitext(fn)[1] in (".xml", ".rss", ".json"):
                    full = os.path.join(d, fn)
                    vrc, vlog = run([feedgen, "validate", "--quiet", full], env)
                    tally.add("valid", vrc == 0, "%s:%s" % (name, os.path.relpath(full, f_out)),
                              "valid", vlog.strip())
        want_feeds = atom_feeds(j_out)
        got_feeds = atom_feeds(f_out)
        # A feed jekyll-feed does not write must not be written either
        # (disable_in_development): count each such site feed once.
        for path in sorted(set(got_feeds) - set(want_feeds)):
            if not want_feeds and path == "feed.xml":
                tally.add("feed-path", False, "%s:%s" % (name, path), None, path)
        for path in sorted(want_feeds):
            where = "%s:%s" % (name, path)
            got = got_feeds.get(path)
            tally.add("feed-path", got is not None, where, path, None)
            compare_feed(tally, where, want_feeds[path], got)
        if keep:
            dst = os.path.join(keep, name)
            shutil.rmtree(dst, ignore_errors=True)
            shutil.copytree(scratch, dst, symlinks=True)
        return True
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def show(v):
    s = repr(v)
    return s if len(s) < 160 else s[:157] + "..."


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feedgen", required=True)
    ap.add_argument("--sites", default=os.path.join(here, "sites"))
    ap.add_argument("--variants", default=os.path.join(here, "variants"))
    ap.add_argument("--only", help="only the site (or site--variant) of this name")
    ap.add_argument("--keep", help="keep each build under this folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every difference")
    a = ap.parse_args()
    if not shutil.which("jekyll"):
        print("compat: jekyll is not installed (Debian: jekyll ruby-jekyll-feed)", file=sys.stderr)
        return 1
    feedgen = os.path.abspath(a.feedgen)
    runs = []
    for name in sorted(os.listdir(a.sites)):
        site = os.path.join(a.sites, name)
        if not os.path.isfile(os.path.join(site, "_config.yml")):
            continue
        runs.append((name, site, None))
        if os.path.isdir(a.variants):
            for v in sorted(os.listdir(a.variants)):
                if v.startswith(name + "--") and v.endswith(".yml"):
                    runs.append((v[:-4], site, os.path.join(a.variants, v)))
    tally = Tally()
    ok = True
    for name, site, variant in runs:
        if a.only and name != a.only:
            continue
        ok = compare_site(tally, name, site, variant, feedgen, a.keep, a.verbose) and ok
    if a.verbose:
        for field, where, want, got in tally.diffs:
            print("# %-10s %s\n#   jekyll-feed: %s\n#   feedgen:     %s" % (
                field, where, show(want), show(got)))
    print("%-14s %8s / %-8s %s" % ("field", "agreeing", "compared", "threshold"))
    agree_all = total_all = 0
    for f in FIELDS:
        n, t = tally.agree[f], tally.total[f]
        agree_all += n
        total_all += t
        share = n / t if t else 1.0
        low = share < THRESHOLDS[f]
        ok = ok and not low
        print("%-14s %8d / %-8d %5.1f%%  (>= %.1f%%)%s" % (
            f, n, t, 100 * share, 100 * THRESHOLDS[f], "  BELOW" if low else ""))
    share = agree_all / total_all if total_all else 1.0
    low = share < TOTAL_THRESHOLD
    ok = ok and not low and total_all > 0
    print("%-14s %8d / %-8d %5.1f%%  (>= %.1f%%)%s" % (
        "total", agree_all, total_all, 100 * share, 100 * TOTAL_THRESHOLD,
        "  BELOW" if low else ""))
    print("compat: %s (%d sites and variants)" % ("ok" if ok else "FAILED", len(runs)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
