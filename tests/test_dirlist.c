/* test_dirlist: a folder's entries come out in byte order of their names
 * (strcmp's), whatever order the file system lists them in, including names
 * that agree on their first 16 bytes, names that are prefixes of others, and
 * bytes above 0x7F. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/dirlist.h"
#include "tap.h"
#include "testsite.h"

static int by_strcmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_order(void)
{
	static const char *const names[] = {
		"2021-12-16-b.md", "2021-12-16-a.md", "2021-12-16-slug-longer-b.md",
		"2021-12-16-slug-longer-a.md", "2021-12-16-slug-lo", "2021-12-16-slug-lon",
		"2021-12-16-slug-", "2021-12-16-slug", "2021-12-1", "\xc3\xa9t\xc3\xa9.md", "Zed.md",
		"zed.md", "2021-12-16-slug-longer-a.md.bak", "a", "ab", "a-", "_config.yml",
	};
	size_t n = sizeof names / sizeof names[0];
	char dir[64];
	testsite_mkdtemp(dir, "dirlist");
	for (size_t i = 0; i < n; i++)
		testsite_puts(dir, names[i], "x");
	testsite_puts(dir, ".hidden", "x");
	const char *want[sizeof names / sizeof names[0]];
	memcpy(want, names, sizeof want);
	qsort(want, n, sizeof *want, by_strcmp);
	size_t got_n = 0;
	struct dir_entry *got = dirlist_read(dir, false, &got_n);
	if (ok(got != NULL && got_n == n, "every name but the hidden one (%zu)", got_n)) {
		size_t bad = 0;
		for (size_t i = 0; i < n; i++)
			bad += strcmp(got[i].name, want[i]) != 0;
		is_int((int)bad, 0, "in strcmp order");
	}
	dirlist_free(got, got_n);
	got = dirlist_read(dir, true, &got_n);
	is_int((int)got_n, (int)n + 1, "with hidden names: one more");
	dirlist_free(got, got_n);
	testsite_remove(dir);
}

int main(void)
{
	test_order();
	return tap_done();
}
