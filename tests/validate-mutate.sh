#!/bin/sh
# validate-mutate.sh: valid feeds of every format, mutated one seeded change at
# a time; each mutant must be reported where the change is, in words a person
# reads (tests/validate-mutate.py says what is checked). TAP.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
exec python3 "$top_srcdir/tests/validate-mutate.py" "${FEEDGEN:-src/feedgen}" "$top_srcdir"
