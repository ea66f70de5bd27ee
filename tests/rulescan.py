#!/usr/bin/env python3
"""rulescan.py SRCDIR: every diag_report() call in SRCDIR/src names a rule
(its sixth argument is not NULL), so every message ends in [rule]. Prints
the calls that do not and exits 1 if there are any.

As a module, calls() is the parser of C calls that tests/rules-doc.sh uses
too, to find every rule id the sources can report."""
import glob
import os
import re
import sys


def calls(s, name):
    """(offset, [argument texts]) of each call name(...) in the C text s."""
    for m in re.finditer(r'\b%s\(' % re.escape(name), s):
        i, depth, args, cur = m.end(), 1, [], ''
        while depth and i < len(s):
            c = s[i]
            if c == '"':
                j = i + 1
                while s[j] != '"':
                    j += 2 if s[j] == '\\' else 1
                cur += s[i:j + 1]
                i = j + 1
                continue
            if c in '([{':
                depth += 1
            elif c in ')]}':
                depth -= 1
            if depth == 1 and c == ',':
                args.append(cur.strip())
                cur = ''
            elif depth:
                cur += c
            i += 1
        args.append(cur.strip())
        yield m.start(), args


def main(top):
    bad = []
    for f in sorted(glob.glob(os.path.join(top, 'src', '**', '*.c'), recursive=True)):
        s = open(f, encoding='utf-8', errors='replace').read()
        for at, args in calls(s, 'diag_report'):
            if s[:at].rstrip().endswith('void'):
                continue  # the definition
            if len(args) < 7 or args[5] in ('NULL', '0'):
                bad.append('%s:%d' % (os.path.relpath(f, top), s.count('\n', 0, at) + 1))
    print('\n'.join(bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
