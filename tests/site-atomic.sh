#!/bin/sh
# site-atomic.sh: feedgen -o never leaves a feed half-written. A run killed
# with SIGKILL while it writes a large site leaves every feed either as it was
# or as the finished run makes it, and no temporary file; a read-only output
# folder and a full file system make it fail with exit status 2 and leave
# every feed as it was.
. "$(dirname "$0")/lib.sh"

mounts=""
cleanup() {
	for m in $mounts; do
		umount "$m" 2>/dev/null
	done
	chmod -R u+w "$TMP" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT

skip() { # skip DESCRIPTION REASON
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# Is every file of $1 equal to the same file in $2 or in $3? Prints the
# numbers of files equal to $2 and to $3; returns 1 if one is neither.
old_or_new() {
	n_old=0
	n_new=0
	rc=0
	for f in $(cd "$1" && find . -type f); do
		if cmp -s "$1/$f" "$2/$f"; then
			n_old=$((n_old + 1))
		elif cmp -s "$1/$f" "$3/$f"; then
			n_new=$((n_new + 1))
		else
			echo "# $f is neither the old nor the new feed"
			rc=1
		fi
	done
	return $rc
}

temp_files() {
	find "$1" -name '.feedgen-*'
}

# A large site: 3000 posts, 50 categories, 600 tags, 1302 feeds with -n 0.
site="$TMP/site"
mkdir -p "$site/_posts"
printf 'title: Big\nurl: https://big.example\n' >"$site/_config.yml"
awk -v dir="$site/_posts" 'BEGIN {
	for (i = 0; i < 3000; i++) {
		d = sprintf("%04d-%02d-%02d", 2000 + int(i / 336), 1 + int(i / 28) % 12, 1 + i % 28);
		f = sprintf("%s/%s-post%d.md", dir, d, i);
		printf("---\ntitle: Post %d\ncategories: [c%d]\ntags: [t%d, t%d]\n---\n",
		       i, i % 50, i % 600, (i * 7) % 600) > f;
		for (k = 0; k < 12; k++)
			printf("Paragraph %d of post %d, with words to make the body longer.\n\n", k, i) > f;
		close(f);
	}
}'
out="$TMP/out"
"$FEEDGEN" -n 0 -o "$out" "$site" 2>/dev/null
ok $? "a site of 3000 posts: all feeds written"
cp -a "$out" "$TMP/old"
# A new title changes every feed; the finished run's result is the reference.
printf 'title: Big, renamed\nurl: https://big.example\n' >"$site/_config.yml"
"$FEEDGEN" -n 0 -o "$TMP/new" "$site" 2>/dev/null
ok $? "the reference run after the change"

# Kill a run mid-way. SIGSTOP first, so the state seen is the state killed:
# between link(2) and rename(2) a finished feed has a temporary name for a
# moment (O_TMPFILE files have none before), and that moment is not the one
# this test is about (the next run removes such a name, tested below).
touch "$TMP/stamp"
sleep 1
"$FEEDGEN" -n 0 -o "$out" "$site" 2>/dev/null &
pid=$!
# Let it replace a hundred of the 1302 feeds first. (While it runs, names
# come and go under find: its complaints are not the test's business.)
replaced() {
	find "$out" -type f -newer "$TMP/stamp" 2>/dev/null | wc -l
}
while kill -0 $pid 2>/dev/null && [ "$(replaced)" -lt 100 ]; do
	sleep 0.01
done
killed=1
while kill -STOP $pid 2>/dev/null; do
	if [ -z "$(temp_files "$out")" ]; then
		kill -KILL $pid
		killed=0
		break
	fi
	kill -CONT $pid
	sleep 0.002
done
wait $pid 2>/dev/null
status=$?
ok $(( killed == 0 && status == 137 ? 0 : 1 )) "feedgen killed with SIGKILL mid-run (status $status)"
old_or_new "$out" "$TMP/old" "$TMP/new"
ok $? "every feed is byte-identical to before or to the finished run"
ok $(( n_new > 0 && n_old > 0 ? 0 : 1 )) "the kill came mid-way ($n_new feeds replaced, $n_old as before)"
[ -z "$(temp_files "$out")" ]
ok $? "no temporary file is left"
[ "$(find "$out" -type f | wc -l)" -eq "$(find "$TMP/new" -type f | wc -l)" ]
ok $? "no feed is missing"
# A leftover temporary name of a dead run (the link-to-rename moment) is removed.
cp "$out/feed.xml" "$out/.feedgen-999999-0.tmp"
"$FEEDGEN" -n 0 -o "$out" "$site" 2>/dev/null
ok $? "the next run finishes"
diff -r "$out" "$TMP/new" >/dev/null && [ -z "$(temp_files "$out")" ]
ok $? "and leaves the finished tree, without temporary files of dead runs"

# Read-only output folder. root ignores permission bits, so as root the
# folder is a tmpfs remounted read-only; otherwise chmod does it.
small="$TMP/small"
mkdir -p "$small/_posts"
printf 'title: S\nurl: https://s.example\n' >"$small/_config.yml"
printf -- '---\ntitle: one\ntags: [a]\n---\nx\n' >"$small/_posts/2021-01-01-one.md"
ro="$TMP/ro"
mkdir -p "$ro"
can_mount=0
if [ "$(id -u)" -eq 0 ]; then
	if mount -t tmpfs -o size=4m tmpfs "$ro" 2>/dev/null; then
		mounts="$ro $mounts"
	else
		can_mount=1
	fi
fi
if [ $can_mount -eq 0 ]; then
	"$FEEDGEN" -o "$ro/out" "$small" 2>/dev/null
	cp -a "$ro/out" "$TMP/ro-old"
	if [ "$(id -u)" -eq 0 ]; then
		mount -o remount,ro "$ro"
	else
		find "$ro/out" -type d -exec chmod a-w {} +
	fi
	printf -- '---\ntitle: one, changed\ntags: [a]\n---\nx\n' >"$small/_posts/2021-01-01-one.md"
	"$FEEDGEN" -o "$ro/out" "$small" 2>"$TMP/ro.err"
	ok $(( $? == 2 ? 0 : 1 )) "a read-only output folder: exit status 2"
	grep -Eq 'cannot create a file beside it: (Read-only file system|Permission denied)' "$TMP/ro.err"
	ok $? "and the message says why"
	diff -r "$ro/out" "$TMP/ro-old" >/dev/null
	ok $? "and every feed is as it was"
else
	skip "a read-only output folder" "running as root without permission to mount a tmpfs"
	skip "a read-only output folder: message" "running as root without permission to mount a tmpfs"
	skip "a read-only output folder: feeds kept" "running as root without permission to mount a tmpfs"
fi

# A file system too small for the new feeds.
full="$TMP/full"
mkdir -p "$full"
if mount -t tmpfs -o size=1m tmpfs "$full" 2>/dev/null; then
	mounts="$full $mounts"
	"$FEEDGEN" -n 1 --no-tags -o "$full/out" "$site" 2>/dev/null
	ok $? "small feeds fit on a 1 MiB file system"
	cp -a "$full/out" "$TMP/full-old"
	"$FEEDGEN" -n 0 -o "$full/out" "$site" 2>"$TMP/full.err"
	ok $(( $? == 2 ? 0 : 1 )) "feeds larger than the file system: exit status 2"
	grep -q 'No space left on device' "$TMP/full.err"
	ok $? "and the message says why"
	old_or_new "$full/out" "$TMP/full-old" "$TMP/new"
	ok $? "every earlier feed is as it was or complete"
	[ -z "$(temp_files "$full/out")" ]
	ok $? "no temporary file is left"
else
	reason="cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)"
	for d in "feeds fit" "exit status 2" "message" "feeds kept" "no temporary file"; do
		skip "a file system too small: $d" "$reason"
	done
fi

done_testing
