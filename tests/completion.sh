#!/bin/sh
# completion.sh: the shell completion of src/completion/ — every long option
# that `feedgen --help` and `feedgen validate --help` print is in the bash and
# the zsh file (so a new option without completion fails here), the
# subcommands are in both, and bash's _feedgen gives the expected words for
# some command lines (COMP_WORDS/COMP_CWORD in, COMPREPLY out).
. "$(dirname "$0")/lib.sh"

bashfile="$top_srcdir/src/completion/feedgen"
zshfile="$top_srcdir/src/completion/_feedgen"

"$FEEDGEN" --help >"$TMP/help" 2>&1
ok $? "feedgen --help: exit status 0"
"$FEEDGEN" validate --help >"$TMP/vhelp" 2>&1
ok $? "feedgen validate --help: exit status 0"

# ---- every option of --help in both files ----

long_options() {
	grep -o -- '--[a-z][a-z-]*' "$1" | sort -u
}
for help in help vhelp; do
	n=$(long_options "$TMP/$help" | wc -l)
	for file in "$bashfile" "$zshfile"; do
		missing=""
		for opt in $(long_options "$TMP/$help"); do
			# a whole word: --format must not be found inside --formats
			grep -q -- "$opt\\([^a-z-]\\|\$\\)" "$file" || missing="$missing $opt"
		done
		ok $(( ${#missing} == 0 && n > 4 ? 0 : 1 )) \
			"all $n options of $help are in $(basename "$file")${missing:+ (missing:$missing)}"
	done
done
# The other subcommands' --help, once feedgen has them.
for sub in diff ping; do
	"$FEEDGEN" $sub --help >"$TMP/$sub-help" 2>&1 &&
		grep -q "^Usage: feedgen $sub" "$TMP/$sub-help" || continue
	for file in "$bashfile" "$zshfile"; do
		missing=""
		for opt in $(long_options "$TMP/$sub-help"); do
			grep -q -- "$opt\\([^a-z-]\\|\$\\)" "$file" || missing="$missing $opt"
		done
		ok $(( ${#missing} == 0 ? 0 : 1 )) \
			"the options of feedgen $sub --help are in $(basename "$file")${missing:+ (missing:$missing)}"
	done
done

for file in "$bashfile" "$zshfile"; do
	for sub in validate diff ping; do
		grep -q "$sub" "$file"
		ok $? "$(basename "$file") names the subcommand $sub"
	done
done

# ---- bash: _feedgen on command lines ----

if ! command -v bash >/dev/null; then
	ok 1 "bash is there to run the completion"
	done_testing
	exit
fi

mkdir -p "$TMP/site/_posts" "$TMP/site/_drafts"
: >"$TMP/site/feed.xml"
# run_completion WORD...: run _feedgen with COMP_WORDS = the words, the last one
# being completed; print COMPREPLY sorted, one a line.
run_completion() {
	(cd "$TMP" && bash --norc --noprofile -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		_feedgen feedgen "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort' sh "$bashfile" "$@")
}
# expect DESCRIPTION EXPECTED WORD...: COMPREPLY is EXPECTED (words joined by
# spaces, in C order).
expect() {
	desc=$1 want=$2
	shift 2
	got=$(run_completion "$@" | tr '\n' ' ' | sed 's/ $//')
	[ "$got" = "$want" ]
	ok $? "$desc${got:+ (got: $got)}"
	[ "$got" = "$want" ] || echo "# wanted: $want"
}

expect "feedgen v<TAB>: the subcommand" "validate" feedgen v
expect "feedgen <TAB>: subcommands and folders" "diff ping site validate" feedgen ""
expect "feedgen si<TAB>: the site folder" "site" feedgen si
expect "feedgen --dr<TAB>: an option" "--drafts" feedgen --dr
expect "feedgen --no-<TAB>: the --no- options" "--no-categories --no-opml --no-tags" feedgen --no-
expect "feedgen --format <TAB>: the feed formats" "all atom json rss" feedgen --format ""
expect "feedgen -f r<TAB>" "rss" feedgen -f r
expect "feedgen -o o -f atom,<TAB>: the list's next item" "atom,all atom,atom atom,json atom,rss" \
	feedgen -o o -f atom,
expect "feedgen --content <TAB>" "both full summary" feedgen --content ""
expect "feedgen --diagnostics g<TAB>" "github gnu" feedgen --diagnostics g
expect "feedgen --diagnostics=j<TAB> (bash splits at =)" "json" feedgen --diagnostics = j
expect "feedgen --color=<TAB>" "always auto never" feedgen --color =
expect "feedgen -o s<TAB>: a folder" "site" feedgen -o s
expect "feedgen -n <TAB>: a number, nothing to offer" "" feedgen -n ""
expect "feedgen validate --f<TAB>: validate's option" "--format" feedgen validate --f
expect "feedgen validate --format <TAB>: message formats, not feed formats" "github gnu json" \
	feedgen validate --format ""
expect "feedgen validate --st<TAB>" "--strict" feedgen validate --st
expect "feedgen validate --dr<TAB>: no generator option" "" feedgen validate --dr
expect "feedgen validate site/f<TAB>: a file" "site/feed.xml" feedgen validate site/f
expect "feedgen validate --timeout <TAB>: nothing" "" feedgen validate --timeout ""
expect "feedgen ping --h<TAB>" "--help --hub" feedgen ping --h
expect "feedgen diff a.xml s<TAB>: a file" "site" feedgen diff a.xml s
expect "feedgen diff --diagnostics <TAB>" "github gnu json" feedgen diff --diagnostics ""
expect "feedgen site v<TAB>: a subcommand only comes first" "" feedgen site v

# Every long option of validate --help is offered after `feedgen validate --`.
run_completion feedgen validate -- >"$TMP/offered"
missing=""
for opt in $(long_options "$TMP/vhelp"); do
	grep -qx -- "$opt" "$TMP/offered" || missing="$missing $opt"
done
ok $(( ${#missing} == 0 ? 0 : 1 )) "feedgen validate --<TAB> offers every option of its --help${missing:+ (missing:$missing)}"
run_completion feedgen -- >"$TMP/offered"
missing=""
for opt in $(long_options "$TMP/help"); do
	grep -qx -- "$opt" "$TMP/offered" || missing="$missing $opt"
done
ok $(( ${#missing} == 0 ? 0 : 1 )) "feedgen --<TAB> offers every option of its --help${missing:+ (missing:$missing)}"

# ---- zsh: the file parses and defines the completion (zsh is in
# .ci/packages-test) ----

grep -q '^#compdef feedgen$' "$zshfile"
ok $? "_feedgen starts with #compdef feedgen"
zsh -n "$zshfile"
ok $? "zsh -n: _feedgen parses"
mkdir -p "$TMP/fpath"
cp "$zshfile" "$TMP/fpath/"
HOME=$TMP zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -D; print -r -- "$_comps[feedgen]"' \
	sh "$TMP/fpath" >"$TMP/zcomp" 2>&1
[ "$(cat "$TMP/zcomp")" = "_feedgen" ]
ok $? "zsh's compinit finds _feedgen for feedgen ($(cat "$TMP/zcomp"))"
done_testing
