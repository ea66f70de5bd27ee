/* replay.c: `make check` runs every seed (tests/fuzz/corpus/<target>/) and
 * every regression input (tests/fuzz/regress/<target>/) through the fuzz
 * targets, without libFuzzer, so a crash once found stays fixed in builds
 * that have no clang. One TAP line per input; an input that still crashes
 * kills the program after its "# replaying" line, which names it.
 *
 * Usage: replay [TARGET...] (all targets when none is named); the inputs are
 * found under $top_srcdir (default "."). To reproduce a finding without
 * libFuzzer: replay TARGET FILE... */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "base/dirlist.h"
#include "base/text.h"
#include "fuzz.h"

static const struct target {
	const char *name;
	int (*run)(const uint8_t *data, size_t size);
} targets[] = {
	{ "post", fuzz_post },
	{ "date", fuzz_date },
	{ "permalink", fuzz_permalink },
	{ "url", fuzz_url },
	{ "config", fuzz_config },
	{ "html", fuzz_html },
	{ "liquid", fuzz_liquid },
	{ "validate", fuzz_validate },
	{ "fetch", fuzz_fetch },
	{ "feedread", fuzz_feedread },
	{ "discover", fuzz_discover },
};

static int read_file(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char chunk[65536];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(b, chunk, k);
	int bad = ferror(f);
	fclose(f);
	return bad ? -1 : 0;
}

/* Runs every file of srcdir/tests/fuzz/<kind>/<target>; returns how many. */
static size_t replay_dir(const char *srcdir, const char *kind, const struct target *t)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/tests/fuzz/%s/%s", srcdir, kind, t->name);
	size_t n = 0;
	struct dir_entry *files = dirlist_read(dir, false, &n);
	for (size_t i = 0; i < n; i++) {
		char path[8192];
		snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
		struct buf b;
		buf_init(&b);
		printf("# replaying %s\n", path);
		fflush(stdout);
		int rc = read_file(path, &b);
		if (rc == 0)
			t->run((const uint8_t *)(b.data ? b.data : ""), b.len);
		ok(rc == 0, "%s: %s/%s", t->name, kind, files[i].name);
		buf_free(&b);
	}
	dirlist_free(files, n);
	return n;
}

static const struct target *find_target(const char *name)
{
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
		if (strcmp(targets[i].name, name) == 0)
			return &targets[i];
	return NULL;
}

/* replay TARGET FILE...: each file through one target. */
static int replay_files(const struct target *t, int n, char **files)
{
	for (int i = 0; i < n; i++) {
		struct buf b;
		buf_init(&b);
		printf("# replaying %s\n", files[i]);
		fflush(stdout);
		int rc = read_file(files[i], &b);
		if (rc == 0)
			t->run((const uint8_t *)(b.data ? b.data : ""), b.len);
		ok(rc == 0, "%s: %s", t->name, files[i]);
		buf_free(&b);
	}
	return tap_done();
}

static int wanted(const struct target *t, int argc, char **argv)
{
	if (argc < 2)
		return 1;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], t->name) == 0)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	const char *srcdir = getenv("top_srcdir");
	if (!srcdir || !*srcdir)
		srcdir = ".";
	if (argc > 2 && find_target(argv[1]) && !find_target(argv[2]))
		return replay_files(find_target(argv[1]), argc - 2, argv + 2);
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
		if (!wanted(&targets[i], argc, argv))
			continue;
		size_t seeds = replay_dir(srcdir, "corpus", &targets[i]);
		ok(seeds > 0, "%s: has a seed corpus", targets[i].name);
		replay_dir(srcdir, "regress", &targets[i]);
	}
	return tap_done();
}
