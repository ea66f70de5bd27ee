#!/bin/sh
# rules-doc.sh: every rule feedgen can report is documented (issue 16).
# The sources are scanned for every rule id — the rows of the validator's
# tables (rule_table, validate_json.c's), the literal ids of diag_report()
# calls, and the ids passed to a diag_report() through a parameter — and each
# must be listed by `feedgen validate --list-rules` (as a rule of the validator
# or of the generator, with every severity the code reports it with) and
# explained by `--explain` (why, example, fix, none empty); nothing else may
# be listed; feedgen-rules(7) holds the same ids; the list fits 80 columns;
# JSON and GitHub diagnostics carry the rule id.
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"

# Made in the build tree; from a tarball it may be the shipped one.
man7="$top_builddir/src/feedgen-rules.7"
[ -f "$man7" ] || man7="$top_srcdir/src/feedgen-rules.7"

"$FEEDGEN" validate --list-rules --format json >"$TMP/list.json" 2>"$TMP/list.err"
ok $? "--list-rules --format json: exit status 0"
"$FEEDGEN" validate --list-rules >"$TMP/list.txt" 2>>"$TMP/list.err"
ok $? "--list-rules: exit status 0"
! [ -s "$TMP/list.err" ]
ok $? "--list-rules: no explanation of a rule that does not exist, none twice$(
	[ -s "$TMP/list.err" ] && printf ' (%s)' "$(head -3 "$TMP/list.err" | tr '\n' ' ')")"

# ---- the sources against the list ----

# scan SRCDIR: "by<TAB>id<TAB>severity<TAB>where" for every rule id the
# sources can report (severity "-" when not written where the id is); a line
# "unresolved<TAB>where" for a rule argument it cannot follow.
cat >"$TMP/scan.py" <<'EOF'
import glob, os, re, sys

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.join(sys.argv[1], 'tests'))
from rulescan import calls  # noqa: E402  the C call parser, shared

LIT = re.compile(r'^"([a-z0-9][a-z0-9-]*)"$')
SEV = {'DIAG_ERROR': 'error', 'DIAG_WARNING': 'warning', 'DIAG_NOTE': 'note'}

def enclosing(s, at):
    """(name, [parameter texts]) of the function definition around offset at."""
    defs = [m for m in re.finditer(r'^[a-z][^\n;=]*?\b(\w+)\(([^;{]*?)\)\s*\{', s, re.M | re.S)
            if m.start() < at]
    if not defs:
        return None, []
    m = defs[-1]
    return m.group(1), [p.strip() for p in m.group(2).split(',')]

src = sys.argv[1]
# feedgen diff and -o's guard: their rules are listed in a part of their own
# (a rule they share with the generator, read-error, may stay in its part).
COMPARING = {'src/cmd_diff.c', 'src/publish/feeddiff.c', 'src/publish/feedread.c',
             'src/publish/guard.c'}
out = []
for f in sorted(glob.glob(os.path.join(src, 'src', '**', '*.c'), recursive=True)):
    rel = os.path.relpath(f, src)
    if os.path.basename(f).startswith('ruledoc'):
        continue  # the documentation, not a reporter
    s = open(f, encoding='utf-8', errors='replace').read()
    line = lambda at: s.count('\n', 0, at) + 1
    # the validator's tables: [R_X] = { "id", SEVERITY, ...
    if rel.startswith('src/validate/'):
        for m in re.finditer(r'\[\s*[RJ]_[A-Z0-9_]+\s*\]\s*=\s*\{\s*"([^"]*)"\s*,\s*(\w+)', s):
            if m.group(1) != 'none':
                sev = {'E': 'error', 'W': 'warning'}.get(m.group(2), SEV.get(m.group(2), '-'))
                out.append(('validate', m.group(1), sev, '%s:%d' % (rel, line(m.start()))))
    by = ('validate' if rel == 'src/cmd_validate.c' else
          'compare' if rel in COMPARING else 'generate')
    for at, args in calls(s, 'diag_report'):
        if s[:at].rstrip().endswith('void') or len(args) < 7:
            continue  # the definition
        where = '%s:%d' % (rel, line(at))
        rule, sev = args[5], SEV.get(args[1], '-')
        m = LIT.match(rule)
        if m:
            out.append((by, m.group(1), sev, where))
        elif re.match(r'^\w+->rule$', rule):
            continue  # a diagnostic replayed or printed again: reported where made
        elif re.match(r'^\w+$', rule):
            # a parameter: the ids are the callers' arguments in its place
            fn, params = enclosing(s, at)
            idx = [k for k, p in enumerate(params) if re.search(r'\b%s$' % rule, p)]
            found = 0
            for at2, a2 in (calls(s, fn) if fn and idx else []):
                if at2 < at and s[:at2].rstrip().endswith(('char *', 'void')):
                    continue
                if len(a2) > idx[0]:
                    for lit in re.findall(r'"([^"]*)"', a2[idx[0]]):
                        out.append((by, lit, sev, '%s:%d' % (rel, line(at2))))
                        found += 1
            if not found:
                out.append(('unresolved', rule, '-', where))
        else:
            out.append(('unresolved', rule, '-', where))
for row in out:
    print('\t'.join(row))
EOF
python3 "$TMP/scan.py" "$top_srcdir" >"$TMP/scan.tsv"
ok $? "the scan of the sources runs"
! grep -q '^unresolved' "$TMP/scan.tsv"
unresolved=$(grep '^unresolved' "$TMP/scan.tsv" | cut -f2,4 | tr '\t\n' '  ')
ok $? "every rule argument of diag_report() is followed to its ids${unresolved:+ (not: $unresolved)}"
n_validate=$(grep -c '^validate' "$TMP/scan.tsv")
n_generate=$(grep -c '^generate' "$TMP/scan.tsv")
n_compare=$(grep -c '^compare' "$TMP/scan.tsv")
[ "$n_validate" -gt 150 ] && [ "$n_generate" -gt 60 ] && [ "$n_compare" -gt 5 ]
ok $? "the scan finds the tables' rows and the diag_report() ids ($n_validate, $n_generate, $n_compare)"

# compare LIST SCAN: what the scan found that the list lacks, and back.
cat >"$TMP/compare.py" <<'EOF'
import json, sys
rules = json.load(open(sys.argv[1]))['rules']
listed = {(r['reported_by'], r['id']): r for r in rules}
scan = [l.rstrip('\n').split('\t') for l in open(sys.argv[2])]
scan = [r for r in scan if r[0] != 'unresolved']
# A comparing rule the generator reports too (read-error) is listed once,
# in the generator's part.
shared = {r[1] for r in scan if r[0] == 'generate'}
scan = [['generate'] + r[1:] if r[0] == 'compare' and r[1] in shared else r for r in scan]
extra = sys.argv[4:] if len(sys.argv) > 4 else []
for e in extra:
    scan.append(['validate', e, 'error', 'made up'])
what = sys.argv[3]
bad = []
if what == 'listed':
    for by, rid, sev, where in scan:
        if (by, rid) not in listed:
            bad.append('%s (%s, %s)' % (rid, by, where))
elif what == 'severity':
    for by, rid, sev, where in scan:
        r = listed.get((by, rid))
        if r and sev != '-' and sev not in r['severity']:
            bad.append('%s %s (%s)' % (rid, sev, where))
elif what == 'stale':
    found = {(r[0], r[1]) for r in scan}
    bad = ['%s (%s)' % (rid, by) for (by, rid) in listed if (by, rid) not in found]
elif what == 'explained':
    for r in rules:
        for k in ('why', 'example', 'fix', 'summary', 'spec'):
            if not r.get(k, '').strip():
                bad.append('%s: no %s' % (r['id'], k))
print(' '.join(sorted(set(bad))[:10]))
sys.exit(1 if bad else 0)
EOF
cmp_list() {
	python3 "$TMP/compare.py" "$TMP/list.json" "$TMP/scan.tsv" "$@" >"$TMP/cmp.out"
}
cmp_list listed
ok $? "every rule id of the sources is in --list-rules$(sed 's/^./ (missing: &/;s/.$/&)/' "$TMP/cmp.out")"
cmp_list severity
ok $? "--list-rules gives every severity the code reports a rule with$(sed 's/^./ (&/;s/.$/&)/' "$TMP/cmp.out")"
cmp_list stale
ok $? "--list-rules lists no rule the sources cannot report$(sed 's/^./ (&/;s/.$/&)/' "$TMP/cmp.out")"
cmp_list explained
ok $? "every listed rule has why, example, fix, summary and where from$(sed 's/^./ (&/;s/.$/&)/' "$TMP/cmp.out")"
# The check can fail: a rule the scan found with no row in the list.
! cmp_list listed made-up-rule-x && grep -q made-up-rule-x "$TMP/cmp.out"
ok $? "a rule id without documentation fails the check"
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["rules"]))' "$TMP/list.json")
[ "$n" -gt 180 ]
ok $? "--list-rules --format json lists $n rules"

# ---- --explain ----

# Every listed id explained in text: the three parts there and not empty.
bad=""
for id in $(python3 -c 'import json,sys; print("\n".join(sorted({r["id"] for r in json.load(open(sys.argv[1]))["rules"]})))' "$TMP/list.json"); do
	"$FEEDGEN" validate --explain "$id" >"$TMP/ex" 2>&1 &&
		awk '/^Why it matters:$/ { w = 1; getline; if (NF) a++ }
		     /^An example that breaks it:$/ { getline; if (NF) b++ }
		     /^The fix:$/ { getline; if (NF) c++ }
		     END { exit !(a && b && c) }' "$TMP/ex" &&
		! grep -q 'not written yet' "$TMP/ex" &&
		head -1 "$TMP/ex" | grep -q "^$id: ." || bad="$bad $id"
done
ok $(( ${#bad} == 0 ? 0 : 1 )) "--explain RULE: why, example and fix for every rule${bad:+ (not:$bad)}"
"$FEEDGEN" validate --explain email >"$TMP/ex"
[ "$(grep -c '^email: ' "$TMP/ex")" -eq 2 ] && grep -q 'reported by feedgen validate' "$TMP/ex" &&
	grep -q 'reported by feedgen (generating feeds)' "$TMP/ex"
ok $? "--explain email: the validator's rule and the generator's"
"$FEEDGEN" validate --explain json-date --format json >"$TMP/ex.json" &&
	python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["rules"]; assert len(r)==1 and r[0]["id"]=="json-date" and r[0]["why"] and r[0]["fix"]' "$TMP/ex.json"
ok $? "--explain RULE --format json: one rule with its explanation"
"$FEEDGEN" validate --explain no-such-rule-made-up >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] && ! [ -s "$TMP/out" ] && [ "$(wc -l <"$TMP/err")" -eq 1 ] &&
	grep -q "no rule 'no-such-rule-made-up'.*--list-rules" "$TMP/err"
ok $? "--explain of a made-up rule: one line naming it and --list-rules, exit status 2"
"$FEEDGEN" validate --list-rules feed.xml >/dev/null 2>&1
ok $(( $? == 2 ? 0 : 1 )) "--list-rules FILE: a usage error"
"$FEEDGEN" validate --list-rules --format github >/dev/null 2>&1
ok $(( $? == 2 ? 0 : 1 )) "--list-rules --format github: a usage error"
"$FEEDGEN" validate --list-rules --explain blank >/dev/null 2>&1
ok $(( $? == 2 ? 0 : 1 )) "--list-rules and --explain together: a usage error"
"$FEEDGEN" validate --help >"$TMP/help"
grep -q -- '--list-rules' "$TMP/help" && grep -q -- '--explain RULE' "$TMP/help"
ok $? "feedgen validate --help names --list-rules and --explain"

# ---- the list as text ----

python3 -c '
import sys
long = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if len(l) > 80]
print(len(long)); sys.exit(1 if long else 0)' "$TMP/list.txt" >"$TMP/long"
ok $? "--list-rules fits 80 columns ($(cat "$TMP/long") longer lines)"
python3 - "$TMP/list.json" "$TMP/list.txt" <<'EOF'
import json, re, sys
ids = {r['id'] for r in json.load(open(sys.argv[1]))['rules']}
text = open(sys.argv[2], encoding='utf-8').read()
shown = set(re.findall(r'^([a-z0-9][a-z0-9-]+)(?:\s|$)', text, re.M))
sys.exit(0 if ids <= shown else 1)
EOF
ok $? "--list-rules as text shows every rule id at the start of a line"

# ---- feedgen-rules(7) ----

[ -f "$man7" ]
ok $? "feedgen-rules.7 is built"
"$FEEDGEN" validate --list-rules --format man >"$TMP/rules.7" 2>/dev/null
cmp -s "$TMP/rules.7" "$man7"
ok $? "feedgen-rules.7 is what --list-rules --format man prints now"
python3 - "$TMP/list.json" "$man7" <<'EOF'
import json, re, sys
rules = json.load(open(sys.argv[1]))['rules']
page = open(sys.argv[2], encoding='utf-8').read()
sections = re.split(r'^\.SH ', page, flags=re.M)
got = set()
for sec in sections:
    by = {'"VALIDATOR': 'validate', '"GENERATOR': 'generate', '"COMPARING': 'compare'}.get(sec[:10])
    for m in re.finditer(r'^\.SS (.*)$', sec, re.M):
        got.add((by, m.group(1).replace('\\-', '-')))
want = {(r['reported_by'], r['id']) for r in rules}
sys.exit(0 if got == want else 1)
EOF
ok $? "feedgen-rules.7 has a section for each listed rule, in its part, and no other"
groff -man -ww -z "$man7" >"$TMP/groff.err" 2>&1 && ! [ -s "$TMP/groff.err" ]
ok $? "feedgen-rules.7 formats without a groff warning"
MANWIDTH=80 man -l "$man7" >"$TMP/man.txt" 2>/dev/null && grep -q 'atom-author' "$TMP/man.txt" &&
	grep -q 'VALIDATOR RULES' "$TMP/man.txt"
ok $? "man -l renders feedgen-rules.7"
grep -qF '.BR feedgen\-rules (7)' "$top_srcdir/src/feedgen.1"
ok $? "feedgen(1) names feedgen-rules(7) in SEE ALSO"
grep -q -- '--list-rules' "$top_srcdir/README" && grep -q -- '--explain' "$top_srcdir/README"
ok $? "the README points to --list-rules and --explain"

# ---- the rule id in JSON and GitHub diagnostics ----

printf '<rss version="2.0"><channel><title>t</title><link>https://example.com/</link>
<description>d</description><item><title>a</title><pubDate>yesterday</pubDate></item>
</channel></rss>\n' >"$TMP/bad.xml"
"$FEEDGEN" validate --format json "$TMP/bad.xml" >"$TMP/v.json"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["documents"][0]["diagnostics"]
assert d and all(x["rule"] for x in d) and "date-rfc822" in [x["rule"] for x in d]' "$TMP/v.json"
ok $? "feedgen validate --format json: each diagnostic has its rule id"
"$FEEDGEN" validate --format github "$TMP/bad.xml" >"$TMP/v.gh"
grep -q '^::error file=[^,]*,line=2,col=[0-9]*,title=date-rfc822::' "$TMP/v.gh"
ok $? "feedgen validate --format github: the rule id is the annotation's title"
mkdir -p "$TMP/site/_posts"
printf -- '---\ntitle: Hi\nlang: English\n---\nText\n' >"$TMP/site/_posts/2024-05-01-hi.md"
printf 'url: https://example.com\n' >"$TMP/site/_config.yml"
"$FEEDGEN" --diagnostics json "$TMP/site" >/dev/null 2>"$TMP/g.json"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["diagnostics"]
assert [x for x in d if x["rule"] == "lang"]' "$TMP/g.json"
ok $? "feedgen --diagnostics json: a generator diagnostic has its rule id"
"$FEEDGEN" --diagnostics github "$TMP/site" >/dev/null 2>"$TMP/g.gh"
grep -q '^::warning file=[^,]*,line=3,col=[0-9]*,title=lang::' "$TMP/g.gh"
ok $? "feedgen --diagnostics github: the rule id is the annotation's title"

done_testing
