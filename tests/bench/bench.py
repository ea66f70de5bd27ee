#!/usr/bin/env python3
"""bench.py: feedgen's benchmark, run by `make bench` and `make bench-smoke`.

  bench.py --feedgen PATH --mkcorpus PATH --work DIR [--sizes 1000,10000,100000]
           [--runs 5] [--validate] [--features N]

For each size, in the same run and on the same posts (made by mkcorpus, cached
in --work): the floor (reading every post file once, as `cat` does), feedgen
writing every feed of the site with -o in Atom and RSS (the issue's measure)
and with its defaults (also JSON Feed and OPML), and jekyll + jekyll-feed and
Hugo when they are installed. Prints the median wall time of --runs runs, the peak RSS,
and the ratios, then how feedgen's time grows with the number of posts. With
--validate, also `feedgen validate` against `xmllint --noout` on the all-posts
feed of the largest site. With --features N, also a site of N posts that use
Liquid and kramdown's extensions (mkcorpus --features) against its own floor.
Timing never fails the run: machines are noisy.
"""
import argparse, os, resource, shutil, statistics, subprocess, sys, time


def run_rss(cmd, cwd=None):
    """Like run(), but the peak RSS is this child's own (through wait4)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    p.returncode = code
    if code not in (0, 1):
        sys.exit("benchmark command failed (%d): %s" % (code, " ".join(cmd)))
    return wall, usage.ru_maxrss


def median_of(cmd, runs, cwd=None, before=None):
    """before, when given, runs untimed before each run."""
    walls, rss = [], 0
    for _ in range(runs):
        if before:
            before()
        w, r = run_rss(cmd, cwd)
        walls.append(w)
        rss = max(rss, r)
    return statistics.median(walls), rss


def corpus(args, n, features=False):
    site = os.path.join(args.work, "site-%d%s" % (n, "-features" if features else ""))
    if not os.path.isdir(os.path.join(site, "_posts")):
        subprocess.check_call([args.mkcorpus, site, str(n)] + (["--features"] if features else []))
    return site


def categories_of(site):
    """The categories of a mkcorpus site, from its posts' front matter."""
    cats = set()
    posts = os.path.join(site, "_posts")
    for name in os.listdir(posts):
        with open(os.path.join(posts, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("categories: "):
                    cats.add(line[len("categories: "):].strip())
                    break
    return sorted(cats)


def jekyll_site(args, site, n):
    """A copy of the site for jekyll + jekyll-feed, with a feed per category."""
    dst = os.path.join(args.work, "jekyll-%d" % n)
    if not os.path.isdir(dst):
        shutil.copytree(site, dst + ".tmp", symlinks=True)
        cats = categories_of(site)
        with open(os.path.join(dst + ".tmp", "_config.yml"), "a", encoding="utf-8") as f:
            f.write("plugins: [jekyll-feed]\nfeed:\n  categories:\n")
            f.writelines("    - %s\n" % c for c in cats)
        os.rename(dst + ".tmp", dst)
    return dst


def hugo_site(args, site, n):
    """The posts as a Hugo site whose only outputs are its RSS feeds (site,
    section, and one per category and tag), as Hugo makes them by default."""
    dst = os.path.join(args.work, "hugo-%d" % n)
    if not os.path.isdir(dst):
        content = os.path.join(dst + ".tmp", "content", "posts")
        os.makedirs(content)
        for name in os.listdir(os.path.join(site, "_posts")):
            shutil.copy(os.path.join(site, "_posts", name), content)
        with open(os.path.join(dst + ".tmp", "config.toml"), "w") as f:
            f.write('baseURL = "https://finews.example.com/"\ntitle = "bench"\n'
                    'disableKinds = ["sitemap", "robotsTXT", "404"]\n'
                    '[taxonomies]\ncategory = "categories"\ntag = "tags"\n'
                    '[outputs]\nhome = ["RSS"]\nsection = ["RSS"]\n'
                    'taxonomy = ["RSS"]\nterm = ["RSS"]\n')
        os.rename(dst + ".tmp", dst)
    return dst


def floor_cmd(site):
    # Read every post once: what any generator must at least do.
    return ["sh", "-c", "find _posts -type f -print0 | xargs -0 cat > /dev/null"], site


def fmt_row(cols, widths):
    return "  ".join(str(c).rjust(w) for c, w in zip(cols, widths))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--feedgen", required=True)
    ap.add_argument("--mkcorpus", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--validate", action="store_true")
    ap.add_argument("--features", type=int, default=0,
                    help="posts of the Liquid and kramdown corpus (0: none)")
    ap.add_argument("--others-max", type=int, default=10000,
                    help="largest site to time jekyll and hugo on")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    jekyll = shutil.which("jekyll")
    hugo = shutil.which("hugo")

    print("feedgen benchmark: median of %d runs, wall seconds, peak RSS in MiB" % args.runs)
    print("machine: %s, %d cores" % (os.uname().machine, os.cpu_count()))
    widths = [8, 9, 9, 9, 9, 11, 11, 11, 10]
    print("feedgen: -o with every feed in Atom and RSS (the issue's measure); all fmt: -o with")
    print("its defaults, also JSON Feed and feeds.opml (172 files for 57 feeds)")
    print(fmt_row(["posts", "floor s", "feedgen s", "RSS MiB", "ratio", "all fmt s", "jekyll/fg",
                   "hugo/fg", "KiB/post"], widths))
    results = []
    others = []
    for n in sizes:
        site = corpus(args, n)
        out = os.path.join(args.work, "out-%d" % n)
        shutil.rmtree(out, ignore_errors=True)
        cmd, cwd = floor_cmd(site)
        run_rss(cmd, cwd)  # warm the page cache for both
        floor, _ = median_of(cmd, args.runs, cwd)
        # Every run starts from an empty output folder (emptied untimed), so
        # every feed is written.
        empty = lambda: shutil.rmtree(out, ignore_errors=True)
        fg_cmd = [args.feedgen, "-o", out, "-f", "atom,rss", "--no-opml", site]
        fg, fg_rss = median_of(fg_cmd, args.runs, before=empty)
        fa, _ = median_of([args.feedgen, "-o", out, site], args.runs, before=empty)
        jk = hg = "-"
        # jekyll takes minutes on 10,000 posts: once, and not on 100,000.
        if jekyll and n <= args.others_max:
            js = jekyll_site(args, site, n)
            jt, _ = median_of([jekyll, "build", "-q", "-s", js, "-d", out + "-jekyll"], 1)
            jk = "%.0f" % (jt / fg)
            others.append("jekyll %d posts: %.2f s" % (n, jt))
        if hugo and n <= args.others_max:
            hs = hugo_site(args, site, n)
            ht, _ = median_of([hugo, "-s", hs, "-d", out + "-hugo", "--quiet"], min(args.runs, 3))
            hg = "%.1f" % (ht / fg)
            others.append("hugo %d posts: %.2f s (%.1fx feedgen with every format)" % (n, ht, ht / fa))
        ratio = fg / floor if floor > 0 else float("inf")
        results.append((n, floor, fg, fg_rss, ratio))
        print(fmt_row([n, "%.3f" % floor, "%.3f" % fg, "%.1f" % (fg_rss / 1024), "%.2fx" % ratio,
                       "%.3f" % fa, jk, hg, "%.2f" % (fg_rss / n)], widths))
        sys.stdout.flush()
    for line in others:
        print(line)
    print("(jekyll/fg, hugo/fg: '-' where not installed or above --others-max %d posts)" % args.others_max)
    if len(results) > 1:
        a, b = results[0], results[-1]
        print("growth %d -> %d posts (x%.0f): feedgen time x%.1f, floor x%.1f"
              % (a[0], b[0], b[0] / a[0], b[2] / a[2] if a[2] else 0, b[1] / a[1] if a[1] else 0))
    print("feedgen/floor ratio: %.2f" % results[-1][4])

    if args.features:
        n = args.features
        site = corpus(args, n, features=True)
        out = os.path.join(args.work, "out-features-%d" % n)
        cmd, cwd = floor_cmd(site)
        run_rss(cmd, cwd)
        floor, _ = median_of(cmd, args.runs, cwd)
        empty = lambda: shutil.rmtree(out, ignore_errors=True)
        fg, fg_rss = median_of([args.feedgen, "-o", out, "-f", "atom,rss", "--no-opml", site],
                               args.runs, before=empty)
        print("Liquid and kramdown corpus, %d posts: floor %.3f s, feedgen %.3f s %.1f MiB, "
              "ratio %.2fx" % (n, floor, fg, fg_rss / 1024, fg / floor if floor else 0))

    if args.validate:
        n = sizes[-1]
        site = corpus(args, n)
        feed = os.path.join(args.work, "all-%d.xml" % n)
        with open(feed, "wb") as f:
            subprocess.run([args.feedgen, "-n", "0", site], stdout=f, stderr=subprocess.DEVNULL)
        size = os.path.getsize(feed) / 1048576
        xl, xl_rss = median_of(["xmllint", "--noout", feed], args.runs)
        va, va_rss = median_of([args.feedgen, "validate", "--quiet", feed], args.runs)
        print("validate the all-posts feed of %d posts (%.0f MiB): feedgen %.2f s %.0f MiB, "
              "xmllint --noout %.2f s %.0f MiB, ratio %.2fx"
              % (n, size, va, va_rss / 1024, xl, xl_rss / 1024, va / xl if xl else 0))


if __name__ == "__main__":
    main()
