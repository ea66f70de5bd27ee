#!/bin/sh
# layout.sh: includes in src/ point down only, with no circle (tests/layout.py).
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
exec python3 "$top_srcdir/tests/layout.py" "$top_srcdir/src"
