#!/usr/bin/env python3
"""rulescan.py SRCDIR: every diag_report() call in SRCDIR/src names a rule
(its sixth argument is not NULL), so every message ends in [rule]. Prints
the calls that do not and exits 1 if there are any."""
import sys, re, glob, os
bad = []
for f in sorted(glob.glob(os.path.join(sys.argv[1], 'src', '**', '*.c'), recursive=True)):
    s = open(f, encoding='utf-8', errors='replace').read()
    for m in re.finditer(r'\bdiag_report\(', s):
        if s[:m.start()].rstrip().endswith('void'):
            continue  # the definition
        i, depth, args, cur = m.end(), 1, [], ''
        while depth and i < len(s):
            c = s[i]
            if c == '"':
                j = i + 1
                while s[j] != '"':
                    j += 2 if s[j] == '\\' else 1
                cur += s[i:j + 1]; i = j + 1; continue
            if c in '([': depth += 1
            elif c in ')]': depth -= 1
            if depth == 1 and c == ',':
                args.append(cur.strip()); cur = ''
            elif depth:
                cur += c
            i += 1
        args.append(cur.strip())
        if len(args) < 7 or args[5] in ('NULL', '0'):
            bad.append('%s:%d' % (os.path.relpath(f, sys.argv[1]), s.count('\n', 0, m.start()) + 1))
print('\n'.join(bad))
sys.exit(1 if bad else 0)
