#!/bin/sh
# examples.sh: the examples of feedgen(1) and README are real output. Every
# example block of the man page (.EX ... .EE) is a session: lines starting
# "$ " are commands, the lines after one are what it prints (standard output
# and standard error). README's sessions are the indented blocks starting
# "    $ feedgen". Each page's sessions run in order in a fresh copy of
# tests/examples/, with this build's feedgen first on PATH; what each
# command prints must be what the page shows, so the pages cannot drift.
. "$(dirname "$0")/lib.sh"

bindir=$(cd "$(dirname "$FEEDGEN")" && pwd)

# sessions PAGE KIND: the sessions of PAGE as "$ command" and output lines,
# a line "%%" after each command's output.
sessions() {
	python3 - "$1" "$2" <<'PY'
import sys
page, kind = sys.argv[1], sys.argv[2]
lines = open(page, encoding="utf-8").read().split("\n")
blocks = []
if kind == "man":
    block = None
    for line in lines:
        if line == ".EX":
            block = []
        elif line == ".EE":
            blocks.append(block)
            block = None
        elif block is not None:
            block.append(line)
    def plain(s):
        for a, b in (("\\-", "-"), ("\\(aq", "'"), ("\\(dq", '"'), ("\\(ha", "^"),
                     ("\\&", ""), ("\\e", "\\")):
            s = s.replace(a, b)
        return s
    # Every example block is a session: none can show output not tested.
    for b in blocks:
        if not b or not b[0].startswith("$ "):
            sys.exit("an .EX block that is no session: %r" % b[:1])
        for s in b:
            rest = s
            for a in ("\\-", "\\(aq", "\\(dq", "\\(ha", "\\&", "\\e"):
                rest = rest.replace(a, "")
            if "\\" in rest:
                sys.exit("an escape the test does not know: %r" % s)
    blocks = [[plain(s) for s in b] for b in blocks]
else:
    block = None
    for line in lines + [""]:
        if block is None and line.startswith("    $ feedgen"):
            block = []
        if block is not None:
            if not line.startswith("    "):
                blocks.append(block)
                block = None
            else:
                block.append(line[4:])
for b in blocks:
    for s in b:
        print(s)
    print("%%")
PY
}

# run PAGE KIND: runs PAGE's sessions; one test per command.
run() {
	page=$1 kind=$2
	work="$TMP/$kind"
	rm -rf "$work"
	cp -r "$top_srcdir/tests/examples" "$work"
	if ! sessions "$page" "$kind" >"$TMP/$kind.sessions"; then
		ok 1 "$kind: the examples can be read"
		return
	fi
	# Split into one file per command: the command, then what it shows.
	python3 - "$TMP/$kind.sessions" "$TMP/$kind.cmd" <<'PY'
import sys
src, prefix = sys.argv[1], sys.argv[2]
n, cmd, out = 0, None, []
def flush():
    global n
    if cmd is None:
        return
    n += 1
    open("%s.%03d" % (prefix, n), "w").write(cmd + "\n")
    open("%s.%03d.want" % (prefix, n), "w").write("".join(l + "\n" for l in out))
for line in open(src).read().split("\n")[:-1]:
    if line.startswith("$ ") or line == "%%":
        flush()
        cmd, out = (line[2:], []) if line != "%%" else (None, [])
    elif cmd is not None:
        out.append(line)
flush()
PY
	count=0
	for c in "$TMP/$kind".cmd.[0-9][0-9][0-9]; do
		[ -f "$c" ] || continue
		count=$((count + 1))
		cmd=$(cat "$c")
		(cd "$work" && env -u NO_COLOR -u JEKYLL_ENV LC_ALL=C PATH="$bindir:$PATH" sh -c "$cmd") >"$c.got" 2>&1
		cmp -s "$c.want" "$c.got"
		ok $? "$kind: \$ $cmd"
		cmp -s "$c.want" "$c.got" || diff "$c.want" "$c.got" | sed 's/^/# /'
	done
	ok $(( count >= $3 ? 0 : 1 )) "$kind: at least $3 example commands run ($count)"
}

run "$top_srcdir/src/feedgen.1" man 10
run "$top_srcdir/README" readme 3

done_testing
