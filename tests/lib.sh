# lib.sh: TAP helpers for the shell tests. Sourced, not run.
tap_n=0
tap_failed=0
ok() { # ok CONDITION-STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}
check() { # check DESCRIPTION COMMAND...
	desc=$1
	shift
	"$@" >/dev/null 2>&1
	ok $? "$desc"
}
# Peak resident memory (KiB) of one command, its standard output in OUT.
# AddressSanitizer's quarantine keeps freed memory for a while (hundreds of
# MiB): off, so a sanitized build is held to the same bound.
maxrss() { # maxrss OUT COMMAND...
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0" python3 -c 'import resource, subprocess, sys
with open(sys.argv[1], "w") as f:
    subprocess.call(sys.argv[2:], stdout=f, stderr=subprocess.STDOUT)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${FEEDGEN:=$top_srcdir/src/feedgen}"
: "${XMLLINT:=xmllint}"
TMP=$(mktemp -d /tmp/feedgen-e2e.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
# Address-space limits for hostile-input runs; AddressSanitizer reserves
# terabytes of address space up front, so a sanitized build runs without one.
if grep -q __asan_init "$FEEDGEN" 2>/dev/null || ldd "$FEEDGEN" 2>/dev/null | grep -q 'libasan\|libclang_rt.asan'; then
	MEMLIMIT=unlimited
else
	MEMLIMIT=1048576
fi
