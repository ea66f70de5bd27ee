# validate-lib.sh: the validator's rule tests - a fixture of tests/validate/
# edited with sed, checked, and the rule expected or not. Sourced after
# lib.sh (ok, $TMP), not run. Each expect_* is one TAP test; a failing one
# prints the validator's output as TAP comments.
FEEDGEN=${FEEDGEN:-src/feedgen}
srcdir=${top_srcdir:-.}/tests/validate
tmp=$TMP	# lib.sh's, removed on exit

# run BASE SED-SCRIPT: the edited copy (same extension, so the same format is
# sniffed) checked, output in $tmp/out, exit status in $rc.
run() {
	sed -e "$2" "$srcdir/$1" > "$tmp/case.${1##*.}"
	"$FEEDGEN" validate "$tmp/case.${1##*.}" > "$tmp/out" 2>&1
	rc=$?
}

show() { [ "$1" -eq 0 ] || sed 's/^/# /' "$tmp/out"; }

# expect_rule BASE RULE DESCRIPTION SED-SCRIPT: an error of RULE, invalid.
expect_rule() {
	run "$1" "$4"
	[ $rc -eq 1 ] && grep -q "error: .*\[$2\]" "$tmp/out"
	st=$?
	ok $st "$3 [$2]"
	show $st
}

# expect_warning BASE RULE DESCRIPTION SED-SCRIPT: a warning of RULE, valid.
expect_warning() {
	run "$1" "$4"
	[ $rc -eq 0 ] && grep -q "warning: .*\[$2\]" "$tmp/out"
	st=$?
	ok $st "$3 [$2] (a warning)"
	show $st
}

# expect_warning_at BASE RULE LINE DESCRIPTION SED-SCRIPT: valid, one warning
# of RULE on that line, and no other diagnostic.
expect_warning_at() {
	run "$1" "$5"
	[ $rc -eq 0 ] && grep -q ":$3:\([0-9]*:\)\{0,1\} warning: .*\[$2\]$" "$tmp/out" &&
		grep -q ", valid: 0 errors, 1 warning$" "$tmp/out"
	st=$?
	ok $st "$4 [$2] (a warning, line $3)"
	show $st
}

# expect_at BASE RULE LINE DESCRIPTION SED-SCRIPT: RULE reported on that line.
expect_at() {
	run "$1" "$5"
	grep -q ":$3:[0-9]*: [a-z]*: .*\[$2\]" "$tmp/out"
	st=$?
	ok $st "$4 [$2] at line $3"
	show $st
}

# expect_clean BASE DESCRIPTION SED-SCRIPT: valid, no warnings.
expect_clean() {
	run "$1" "$3"
	[ $rc -eq 0 ] && grep -q ", valid: 0 errors, 0 warnings$" "$tmp/out"
	st=$?
	ok $st "$2 (valid, no warnings)"
	show $st
}

# expect_rules FILE EXIT "SEVERITY:RULE ..." DESCRIPTION: FILE (any path)
# validated: its exit status, and the sorted set of severity:rule pairs of
# its messages ("" for none), exactly.
expect_rules() {
	"$FEEDGEN" validate "$1" > "$tmp/out" 2>&1
	rc=$?
	got=$(sed -n 's/^.*: \(error\|warning\|note\): .*\[\([a-z0-9:-]*\)\]$/\1:\2/p' "$tmp/out" |
		sort -u | tr '\n' ' ' | sed 's/ $//')
	[ "$rc" -eq "$2" ] && [ "$got" = "$3" ]
	st=$?
	ok $st "$4: exit $2, {$3}"
	[ $st -eq 0 ] || { echo "# exit $rc, got {$got}"; sed 's/^/# /' "$tmp/out"; }
}
