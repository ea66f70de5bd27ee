#!/bin/sh
# smoke.sh: `make fuzz-smoke` — run each libFuzzer target for a bounded time
# from a scratch copy of its seeds (the repository's corpus is never written),
# with the regression inputs read alongside. A crash, leak, timeout or broken
# invariant fails the run and leaves the input under WORK/<target>/.
#
# Usage: smoke.sh --seconds TOTAL --srcdir DIR --bindir DIR --work DIR TARGET...
# TOTAL is shared evenly between the targets (at least 3 s each).
set -u

seconds=64 srcdir=. bindir=. work=fuzz-work
while [ $# -gt 0 ]; do
	case $1 in
	--seconds) seconds=$2; shift 2 ;;
	--srcdir) srcdir=$2; shift 2 ;;
	--bindir) bindir=$2; shift 2 ;;
	--work) work=$2; shift 2 ;;
	--) shift; break ;;
	-*) echo "smoke.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || { echo "smoke.sh: no target named" >&2; exit 2; }

each=$((seconds / $#))
[ "$each" -ge 3 ] || each=3
n=0 failed=0
mkdir -p "$work" || exit 2
work=$(cd "$work" && pwd)

for t in "$@"; do
	n=$((n + 1))
	dir=$work/$t
	rm -rf "$dir"
	mkdir -p "$dir/corpus" "$dir/tmp" "$dir/crash"
	cp "$srcdir/tests/fuzz/corpus/$t/"* "$dir/corpus/" 2>/dev/null
	dict=
	[ -f "$srcdir/tests/fuzz/dict/$t.dict" ] && dict=-dict=$srcdir/tests/fuzz/dict/$t.dict
	regress=
	[ -d "$srcdir/tests/fuzz/regress/$t" ] && regress=$srcdir/tests/fuzz/regress/$t
	start=$(date +%s)
	TMPDIR=$dir/tmp "$bindir/tests/fuzz/fuzz_$t" -max_total_time="$each" -timeout=20 -seed="${FUZZ_SEED:-1}" \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/crash/" \
		$dict "$dir/corpus" $regress >"$dir/log" 2>&1
	rc=$?
	took=$(($(date +%s) - start))
	stats=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$dir/log" | tail -1 |
		sed -e 's/^#\([0-9]*\)[[:space:]]*DONE[[:space:]]*/\1 runs, /' -e 's/ corp:.*//')
	if [ $rc -eq 0 ]; then
		echo "ok $n - fuzz_$t: ${stats:-no stats} in ${took}s"
	else
		failed=$((failed + 1))
		echo "not ok $n - fuzz_$t: exit $rc after ${took}s"
		grep -E 'ERROR: |SUMMARY: |invariant broken|Test unit written' "$dir/log" | head -10 | sed 's/^/#   /'
		echo "#   input kept in $dir/crash/; log in $dir/log"
		echo "#   reproduce: $bindir/tests/fuzz/fuzz_$t $dir/crash/<file>"
	fi
done
echo "1..$n"
echo "fuzz-smoke: $((n - failed)) passed, $failed failed"
[ $failed -eq 0 ]
