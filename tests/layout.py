#!/usr/bin/env python3
"""layout.py SRC: check the layout of src/ (src/README says it in words).

A module is a .c file and its .h, named part/name. Every `#include "..."` in
src/** must name a header of the tree ("part/name.h"), and point from a part
to one it may use (ALLOWED). No two modules may include each other, directly
or around a circle. Prints TAP; exits 1 on any failure.

    layout.py --self-test    runs the checks on made-up trees that break
                             each rule, and fails if one is not caught.
"""
import os
import re
import sys
import tempfile

# Which parts each part may include, besides itself. The command line
# (src/*.c, part "cli") sits on top and may use every part.
ALLOWED = {
    "base": set(),
    "model": {"base"},
    "content": {"base", "model"},
    "site": {"base", "model", "content"},
    "feeds": {"base", "model", "content"},
    "validate": {"base"},
    "publish": {"base", "model"},
    "cli": {"base", "model", "content", "site", "feeds", "validate", "publish"},
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def modules(src):
    """{module: [(file, [included header paths])]} for every .c/.h under src."""
    mods = {}
    for dirpath, _, files in os.walk(src):
        for f in sorted(files):
            if not f.endswith((".c", ".h")):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, src)
            with open(path, encoding="utf-8", errors="replace") as fh:
                incs = INCLUDE.findall(fh.read())
            mods.setdefault(rel[:-2], []).append((rel, incs))
    return mods


def part_of(module):
    return module.split("/")[0] if "/" in module else "cli"


def check(src):
    """A list of (ok, description) rows."""
    mods = modules(src)
    rows = []
    edges = {m: set() for m in mods}
    for m, files in sorted(mods.items()):
        bad = []
        for rel, incs in files:
            for inc in incs:
                target = inc[:-2] if inc.endswith(".h") else inc
                if target not in mods:
                    bad.append("%s includes \"%s\", not a header of src/" % (rel, inc))
                    continue
                if target == m:
                    continue
                edges[m].add(target)
                p, q = part_of(m), part_of(target)
                if q != p and q not in ALLOWED[p]:
                    bad.append("%s includes \"%s\": %s may not use %s" % (rel, inc, p, q))
        rows.append((not bad, "%s: includes point down" % m, bad))
    for cycle in cycles(edges):
        rows.append((False, "include circle: " + " -> ".join(cycle + [cycle[0]]), []))
    rows.append((all(r[0] for r in rows), "no include circle among %d modules" % len(mods), []))
    return rows


def cycles(edges):
    """Each strongly connected group of more than one module, as a list."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def tap(rows):
    n = 0
    failed = 0
    for ok, desc, why in rows:
        n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", n, desc))
        for w in why:
            print("# " + w)
        failed += not ok
    print("1..%d" % n)
    return failed


def make_tree(files):
    d = tempfile.mkdtemp(prefix="layout-")
    for rel, text in files.items():
        os.makedirs(os.path.dirname(os.path.join(d, rel)) or d, exist_ok=True)
        with open(os.path.join(d, rel), "w") as fh:
            fh.write(text)
    return d


def self_test():
    good = {"base/a.h": "", "base/a.c": '#include "base/a.h"\n',
            "site/b.h": '#include "base/a.h"\n', "site/b.c": '#include "site/b.h"\n',
            "main.c": '#include "site/b.h"\n'}
    broken = {
        "a part that includes one above it": {"base/a.c": '#include "site/b.h"\n'},
        "the validator using the site": {"validate/v.c": '#include "site/b.h"\n'},
        "a writer using the loader": {"feeds/w.c": '#include "site/b.h"\n'},
        "two modules including each other": {"base/a.h": '#include "base/c.h"\n',
                                             "base/c.h": '#include "base/a.h"\n'},
        "a circle of three": {"base/a.h": '#include "base/c.h"\n', "base/c.h": '#include "base/d.h"\n',
                              "base/d.h": '#include "base/a.h"\n'},
        "an include without its part": {"site/b.c": '#include "a.h"\n'},
    }
    rows = []
    import shutil
    d = make_tree(good)
    rows.append((all(r[0] for r in check(d)), "self-test: a tree that keeps the rules passes", []))
    shutil.rmtree(d)
    for name, change in broken.items():
        d = make_tree({**good, **change})
        rows.append((not all(r[0] for r in check(d)), "self-test: caught: " + name, []))
        shutil.rmtree(d)
    return rows


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--self-test":
        return 1 if tap(self_test()) else 0
    if len(sys.argv) != 2:
        sys.exit("usage: layout.py SRC | --self-test")
    return 1 if tap(self_test() + check(sys.argv[1])) else 0


if __name__ == "__main__":
    sys.exit(main())
