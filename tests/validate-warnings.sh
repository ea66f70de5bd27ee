#!/bin/sh
# validate-warnings.sh: the README's table of the W3C Feed Validation
# Service's warning classes agrees with the validator's rule table
# (src/validate/rules.c), printed as TAP: every rule the table names exists
# with the severity it says, every warning rule is in the table, and each W3C
# class is listed once.
. "${top_srcdir:-.}/tests/lib.sh"

python3 - "$top_srcdir/README" "$top_srcdir/src/validate/rules.c" > "$TMP/tap" <<'PY'
import re, sys
readme = open(sys.argv[1], encoding='utf-8').read()
rules = open(sys.argv[2], encoding='utf-8').read()
sev_of = {'W': 'warning', 'DIAG_WARNING': 'warning', 'E': 'error', 'DIAG_ERROR': 'error',
          'DIAG_NOTE': 'note'}
table = {}  # rule id -> set of severities
for m in re.finditer(r'\[R_\w+\] = \{ "([a-z0-9-]+)", (\w+),', rules):
    table.setdefault(m.group(1), set()).add(sev_of[m.group(2)])
start = readme.index('Every warning class of the W3C Feed Validation Service')
rows = re.findall(r'^    (\(none\)|[A-Z][A-Za-z0-9]+) +([a-z0-9-]+|-) +(warning|error|-)$',
                  readme[start:readme.index('Differences kept on purpose', start)], re.M)
n = 0
def ok(cond, what):
    global n
    n += 1
    print(('ok %d - %s' if cond else 'not ok %d - %s') % (n, what))
ok(len(rows) >= 80, 'the README table has a row for each W3C warning class (%d rows)' % len(rows))
classes = [c for c, _, _ in rows if c != '(none)']
dup = sorted({c for c in classes if classes.count(c) > 1})
ok(not dup, 'each W3C class once%s' % (': ' + ', '.join(dup) if dup else ''))
for cls, rule, sev in rows:
    if rule == '-':
        ok(sev == '-', '%s: no rule, no severity' % cls)
        continue
    ok(rule in table, '%s: rule %s is in the rule table' % (cls, rule))
    ok(sev in table.get(rule, ()), '%s: %s is a%s %s' % (cls, rule, 'n' if sev[0] == 'e' else '', sev))
listed = {r for _, r, _ in rows}
for rule, sevs in sorted(table.items()):
    if 'warning' in sevs:
        ok(rule in listed, 'warning rule %s is in the README table' % rule)
print('1..%d' % n)
PY
st=$?
grep -v '^1\.\.' "$TMP/tap" > "$TMP/lines"
while IFS= read -r line; do
	case $line in
	"ok "*) ok 0 "${line#ok * - }" ;;
	*) ok 1 "${line#not ok * - }" ;;
	esac
done < "$TMP/lines"
ok $st "the table was read"
done_testing
