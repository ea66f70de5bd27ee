#!/bin/sh
# hostile-out.sh: feedgen -o against hostile sites (issue 15, the output
# side): output bounded by the input, names that cannot claim another feed's
# path or break a run, paths that never move, temporary files in a namespace
# of their own, and a read-only folder when nothing changed.
. "$(dirname "$0")/lib.sh"

post() { # post DIR NAME FRONT-MATTER-LINES BODY
	mkdir -p "$1"
	printf -- '---\n%b---\n%s\n' "$3" "$4" >"$1/$2"
}
site() { # site DIR: a site with a url and no posts yet
	mkdir -p "$1/_posts"
	printf 'title: T\nurl: https://h.example\n' >"$1/_config.yml"
}
mounts=""
cleanup() {
	for m in $mounts; do umount "$m" 2>/dev/null; done
	rm -rf "$TMP"
}
trap cleanup EXIT

# --- 13: a read-only output folder is fine when nothing changed --------------
# root ignores permission bits: as root the folder is a tmpfs remounted
# read-only, otherwise chmod makes it read-only.
s="$TMP/ro-site"
site "$s"
post "$s/_posts" 2021-01-01-a.md 'title: A\ncategories: [news]\ntags: [t]\n' 'x'
ro="$TMP/ro"
mkdir -p "$ro"
if [ "$(id -u)" -eq 0 ]; then
	mount -t tmpfs -o size=4m tmpfs "$ro" && mounts="$ro $mounts"
fi
"$FEEDGEN" -o "$ro/out" "$s" 2>/dev/null
cp -a "$ro/out" "$TMP/ro-before"
if [ "$(id -u)" -eq 0 ]; then
	mount -o remount,ro "$ro"
else
	find "$ro/out" -type d -exec chmod a-w {} +
fi
"$FEEDGEN" -v -o "$ro/out" "$s" 2>"$TMP/err"
rc=$?
[ $rc = 0 ] && grep -q "0 files written, 10 unchanged" "$TMP/err" && ! grep -q "error" "$TMP/err"
ok $? "13: a read-only output folder and nothing changed: exit 0, nothing written (exit $rc)"
post "$s/_posts" 2021-01-01-a.md 'title: A changed\ncategories: [news]\ntags: [t]\n' 'x'
"$FEEDGEN" -o "$ro/out" "$s" 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && grep -Eq 'cannot create a file beside it: (Read-only file system|Permission denied)' "$TMP/err" &&
	diff -r "$ro/out" "$TMP/ro-before" >/dev/null
ok $? "13: and when a feed changed: exit 2 saying why, every feed as it was (exit $rc)"
if [ "$(id -u)" -eq 0 ]; then
	mount -o remount,rw "$ro"
else
	find "$ro/out" -type d -exec chmod u+w {} +
fi

done_testing
